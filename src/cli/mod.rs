//! The command line: `serve` (the default), `check-config`, `healthcheck`, `erase`, `check`,
//! `backup`, `restore` and `admin …`.
//! Every error says what to do; exit codes: 1 failure, 2 configuration, 3 store, 4 audit
//! chain broken.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, Subcommand};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::accounts::Accounts;
use crate::app::{AppState, StartError};
use crate::clock::{Clock, format_utc};
use crate::config::{Config, LogFormat, TlsMode};
use crate::keys::MasterKey;
use crate::staff::Staffing;
use crate::store::{Store, StoreError};

mod data;

#[derive(Parser)]
#[command(
    name = "tellpoint",
    version,
    about = "Listen to your people anonymously: one binary, one data directory."
)]
struct Cli {
    /// Config file (TOML). Without one, embedded defaults apply; TELLPOINT_* env vars override both.
    #[arg(long, global = true, env = "TELLPOINT_CONFIG", value_name = "PATH")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run tellpoint (the default when no command is given).
    Serve,
    /// Print the effective configuration, or say what is wrong with it.
    CheckConfig,
    /// Exit 0 when the running instance answers /healthz.
    Healthcheck,
    /// Run the erasure run at once: what has outlived its retention, erasures a crash
    /// interrupted, destroyed keys out of the keyring file. Stop the server first.
    Erase {
        /// Confirms that the run should start now.
        #[arg(long)]
        now: bool,
    },
    /// Write a backup of the store (sealed under the master key, read back and checked).
    /// Works while the server runs: the backup is the store as of one moment.
    Backup {
        /// The backup file to write.
        #[arg(long, value_name = "PATH")]
        to: PathBuf,
    },
    /// Restore a backup into a new or empty data directory.
    Restore {
        /// The backup file.
        #[arg(long, value_name = "PATH")]
        from: PathBuf,
        /// The directory to restore into (new or empty).
        #[arg(long, value_name = "DIR")]
        data_dir: PathBuf,
        /// The newest keys file (by default keyring.backup beside the backup).
        #[arg(long, value_name = "FILE")]
        keys: Option<PathBuf>,
        /// The master key file of the instance that made the backup; by default the
        /// configured one (systemd credential or data_dir/master.key).
        #[arg(long, value_name = "FILE")]
        master_key: Option<PathBuf>,
    },
    /// Check the store after a crash or a restore: redb's pages, the audit chain, and that
    /// rows and keys agree. Stop the server first.
    Check,
    /// Administration that needs no web session.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Print a fresh one-time link to create the first owner (only while there is none).
    SetupLink,
    /// Make a staff member enrol TOTP again at their next sign-in.
    ResetMfa {
        /// The staff member's username.
        user: String,
    },
    /// Check that no entry of the audit log was altered or removed.
    VerifyAudit,
}

pub(crate) enum Failure {
    Config(String),
    Store(String),
    Other(String),
    AuditBroken(String),
}

impl From<StartError> for Failure {
    fn from(e: StartError) -> Self {
        match e {
            StartError::Store(s) => Failure::Store(s.to_string()),
            other => Failure::Other(other.to_string()),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e.to_string())
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let path = cli.config.as_deref();
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(path),
        Command::CheckConfig => check_config(path),
        Command::Healthcheck => healthcheck(path),
        Command::Erase { now } => data::erase(path, now),
        Command::Check => data::check(path),
        Command::Backup { to } => data::backup(path, &to),
        Command::Restore { from, data_dir, keys, master_key } => {
            let keys = keys.unwrap_or_else(|| crate::backup::keys_beside(&from));
            data::restore(path, &from, &keys, &data_dir, master_key.as_deref())
        }
        Command::Admin { command } => admin(path, command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let (code, message) = match failure {
                Failure::Other(m) => (1, m),
                Failure::Config(m) => (2, m),
                Failure::Store(m) => (3, m),
                Failure::AuditBroken(m) => (4, m),
            };
            eprintln!("tellpoint: {message}");
            ExitCode::from(code)
        }
    }
}

fn load_config(path: Option<&Path>) -> Result<(Config, Vec<String>), Failure> {
    Config::load(path, std::env::vars())
        .map(|l| (l.config, l.warnings))
        .map_err(|e| Failure::Config(e.to_string()))
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Other(format!("cannot start the async runtime: {e}")))
}

fn init_logging(config: &Config) {
    // Library targets stay at warn whatever the level: their info lines are not ours to vet
    // for client addresses (invariant 2).
    let filter = format!("{},poem=warn,hyper=warn,rustls=warn,tokio_rustls=warn", config.log.level);
    let filter = tracing_subscriber::EnvFilter::new(filter);
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match config.log.format {
        LogFormat::Json => builder.json().flatten_event(true).init(),
        LogFormat::Text => builder.with_ansi(std::io::stderr().is_terminal()).init(),
    }
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::error!(%location, %message, "panic; the request gets a 500 page");
    }));
}

fn serve(path: Option<&Path>) -> Result<(), Failure> {
    let (config, warnings) = load_config(path)?;
    init_logging(&config);
    for w in warnings {
        tracing::warn!("{w}");
    }
    runtime()?.block_on(async move {
        let addr = config.listen_addr();
        let state = AppState::open(config, Clock::default())?;
        if let Some(token) = state.staffing().setup_link()? {
            tracing::info!(
                url = %state.url(&format!("/setup/{token}")),
                "no owner yet: open this one-time link to create the first owner (valid 24 h)"
            );
        }
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
            Failure::Other(format!(
                "cannot listen on {addr}: {e}; stop the program using that port or set listen to another address"
            ))
        })?;
        // Registered before anything is served: a SIGTERM that comes as soon as the server
        // answers must start a clean shutdown, not end the process with the default action.
        let shutdown = shutdown_signal()?;
        watch_sighup(&state);
        crate::jobs::spawn(state.clone());
        crate::web::serve(state.clone(), listener, shutdown)
            .await
            .map_err(|e| Failure::Other(format!("server stopped: {e}")))?;
        state.requests.flush(state.clock.now(), true);
        // A stopped server's store holds no freed page (see `jobs::compaction`).
        if let Err(e) = state.store.compact() {
            tracing::warn!(error = %e, "could not compact the store at shutdown");
        }
        tracing::info!("stopped");
        Ok(())
    })
}

/// Installs the SIGTERM handler now; the future resolves on SIGTERM or Ctrl-C.
fn shutdown_signal() -> Result<impl Future<Output = ()>, Failure> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term =
        signal(SignalKind::terminate()).map_err(|e| Failure::Other(format!("cannot handle SIGTERM: {e}")))?;
    Ok(async move {
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
        tracing::info!("shutting down: finishing requests in flight");
    })
}

/// SIGHUP re-reads the TLS certificate and key; open connections are not touched.
fn watch_sighup(state: &Arc<AppState>) {
    let Some(tls) = state.tls.clone() else { return };
    tokio::spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut hup) = signal(SignalKind::hangup()) else { return };
        while hup.recv().await.is_some() {
            match tls.reload() {
                Ok(()) => tracing::info!("TLS certificate reloaded"),
                Err(e) => {
                    tracing::error!(error = %e, "TLS reload failed; the previous certificate stays in use")
                }
            }
        }
    });
}

fn check_config(path: Option<&Path>) -> Result<(), Failure> {
    let (config, warnings) = load_config(path)?;
    for w in warnings {
        eprintln!("warning: {w}");
    }
    println!(
        "# effective configuration: defaults, then {}, then TELLPOINT_* environment",
        path.map_or("no file".into(), |p| p.display().to_string())
    );
    print!("{}", config.to_toml());
    Ok(())
}

fn healthcheck(path: Option<&Path>) -> Result<(), Failure> {
    let (config, _) = load_config(path)?;
    let fail = |m: String| Failure::Other(format!("healthcheck failed: {m}"));
    runtime()?.block_on(async {
        let result = tokio::time::timeout(Duration::from_secs(5), fetch_healthz(&config)).await;
        match result {
            Ok(Ok(status)) if status.starts_with("HTTP/1.1 200") => {
                println!("ok");
                Ok(())
            }
            Ok(Ok(status)) => Err(fail(format!("/healthz answered {status:?}"))),
            Ok(Err(e)) => Err(fail(format!("{e}; is tellpoint running on {}?", config.listen))),
            Err(_) => Err(fail("no answer within 5 s".into())),
        }
    })
}

/// GET /healthz on the listen address; over TLS, trusting the configured certificate file.
async fn fetch_healthz(config: &Config) -> std::io::Result<String> {
    let mut addr = config.listen_addr();
    if addr.ip().is_unspecified() {
        addr.set_ip(if addr.is_ipv4() {
            [127, 0, 0, 1].into()
        } else {
            std::net::Ipv6Addr::LOCALHOST.into()
        });
    }
    let tcp = tokio::net::TcpStream::connect(addr).await?;
    let request =
        format!("GET /healthz HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", config.public_host());
    let mut response = Vec::new();
    if config.tls.mode == TlsMode::Off {
        let mut tcp = tcp;
        tcp.write_all(request.as_bytes()).await?;
        tcp.read_to_end(&mut response).await?;
    } else {
        let cert = match config.tls.mode {
            TlsMode::Files => config.tls.cert.clone().expect("validated"),
            _ => config.data_dir.join("tls/cert.pem"),
        };
        let mut stream = tls_connect(tcp, &cert, &config.public_host()).await?;
        stream.write_all(request.as_bytes()).await?;
        let _ = stream.read_to_end(&mut response).await;
    }
    let text = String::from_utf8_lossy(&response);
    Ok(text.lines().next().unwrap_or("").to_string())
}

async fn tls_connect(
    tcp: tokio::net::TcpStream,
    cert: &Path,
    host: &str,
) -> std::io::Result<tokio_rustls::client::TlsStream<tokio::net::TcpStream>> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, ServerName};
    let pem = std::fs::read(cert)?;
    let mut roots = rustls::RootCertStore::empty();
    for c in CertificateDer::pem_slice_iter(&pem).flatten() {
        let _ = roots.add(c);
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let client = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(std::io::Error::other)?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let name = ServerName::try_from(host.to_string()).map_err(std::io::Error::other)?;
    tokio_rustls::TlsConnector::from(Arc::new(client)).connect(name, tcp).await
}

/// The store and credentials for admin commands. The server holds the store while it
/// runs, so writing commands say to stop it first.
fn open_for_admin(config: &Config) -> Result<(Store, Accounts), Failure> {
    crate::keys::ensure_private_dir(&config.data_dir).map_err(|e| {
        Failure::Other(format!("cannot create the data directory {}: {e}", config.data_dir.display()))
    })?;
    let (master, _) =
        MasterKey::load_or_create(&config.data_dir).map_err(|e| Failure::Other(e.to_string()))?;
    let store = Store::open(&config.data_dir, &master)?;
    Ok((store, Accounts::new(&master)))
}

/// The master key of an existing instance, for commands that open its store.
pub(crate) fn master_key(config: &Config) -> Result<MasterKey, Failure> {
    Ok(MasterKey::find(&config.data_dir)
        .map_err(|e| Failure::Other(e.to_string()))?
        .ok_or_else(|| {
            Failure::Other(format!(
                "no master key in {} (nor a systemd credential); run this as the user tellpoint runs as",
                config.data_dir.display()
            ))
        })?
        .0)
}

fn admin(path: Option<&Path>, command: AdminCommand) -> Result<(), Failure> {
    let (config, _) = load_config(path)?;
    let now = Clock::default().now();
    match command {
        AdminCommand::VerifyAudit => {
            let store = Store::open_read_only(&config.data_dir, &master_key(&config)?)?;
            match store.verify_audit()? {
                Ok(count) => {
                    println!("audit log intact: {count} entries");
                    Ok(())
                }
                Err(b) => {
                    let detail = store
                        .audit_page(0, usize::MAX)?
                        .0
                        .into_iter()
                        .find(|e| e.seq == b.seq)
                        .map(|e| format!(" ({} by {}: {})", format_utc(e.at), e.actor, e.action))
                        .unwrap_or_default();
                    Err(Failure::AuditBroken(format!(
                        "audit log broken at entry {}{detail}: {}. Compare with a backup to see what was changed.",
                        b.seq, b.reason
                    )))
                }
            }
        }
        AdminCommand::SetupLink => {
            let (store, accounts) = runtime()?.block_on(async { open_for_admin(&config) })?;
            let staffing = Staffing { store: &store, accounts: &accounts, now };
            match staffing.setup_link()? {
                Some(token) => {
                    println!("{}/setup/{token}", config.public_url.trim_end_matches('/'));
                    eprintln!("valid for 24 hours, once; earlier setup links no longer work");
                    Ok(())
                }
                None => Err(Failure::Other(
                    "an owner exists already, so there is no setup link; sign in, or ask an owner to invite you".into(),
                )),
            }
        }
        AdminCommand::ResetMfa { user } => {
            let (store, accounts) = runtime()?.block_on(async { open_for_admin(&config) })?;
            let staffing = Staffing { store: &store, accounts: &accounts, now };
            let name = user.trim().to_ascii_lowercase();
            let token = staffing.reset_mfa("cli", &name).map_err(|e| match e {
                crate::staff::StaffError::Store(s) => Failure::from(s),
                other => Failure::Other(format!("{other}; check the spelling (usernames are lower case)")),
            })?;
            println!("{}/login/reset/{token}", config.public_url.trim_end_matches('/'));
            eprintln!(
                "{name}'s sessions were ended and their password alone no longer signs in; hand them the link above: \
                 with it and their password they set up a new authenticator (once, within 72 hours)"
            );
            Ok(())
        }
    }
}
