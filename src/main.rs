#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    tellpoint::cli::main()
}
