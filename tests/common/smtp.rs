//! A real SMTP server for mail tests: Python's aiosmtpd (tests/smtp_server.py) in its own
//! process on a loopback port, which the test can stop and start again. Received mail is
//! read back from the JSON files it writes. aiosmtpd comes from PyPI: CI installs it; on
//! a machine without it, a virtualenv under the target directory gets it once.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, serde::Deserialize)]
pub struct Received {
    pub rcpt: Vec<String>,
    pub headers: std::collections::HashMap<String, String>,
    pub text: String,
    pub html: String,
    pub raw: String,
}

impl Received {
    pub fn to(&self) -> &str {
        &self.rcpt[0]
    }

    pub fn subject(&self) -> &str {
        self.headers.get("subject").map_or("", |s| s.as_str())
    }

    /// The first link to this tellpoint in the text part that contains `part`, as a path.
    pub fn link(&self, part: &str) -> String {
        let at = self.text.find(part).unwrap_or_else(|| panic!("no {part} link in {}", self.text));
        let start = self.text[..at].rfind("https://").expect("an https link");
        let url: String = self.text[start..].chars().take_while(|c| !c.is_whitespace()).collect();
        let after_host = url["https://".len()..].find('/').unwrap() + "https://".len();
        url[after_host..].to_string()
    }
}

/// The Python that has aiosmtpd.
pub fn python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| python_having("aiosmtpd", "aiosmtpd==1.4.6", "smtp-venv"))
}

/// A Python 3 that can `import module`: the system's, or a virtualenv under the target
/// directory where `package` is installed once (PyPI must be reachable; CI installs it).
pub fn python_having(module: &str, package: &str, venv_name: &str) -> PathBuf {
    let has = |py: &Path| {
        Command::new(py)
            .args(["-c", &format!("import {module}")])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let system = PathBuf::from("python3");
    if has(&system) {
        return system;
    }
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join(venv_name);
    let py = venv.join("bin/python3");
    if !has(&py) {
        let ok = Command::new("python3").args(["-m", "venv"]).arg(&venv).status().is_ok_and(|s| s.success())
            && Command::new(venv.join("bin/pip"))
                .args(["install", "-q", package])
                .status()
                .is_ok_and(|s| s.success());
        assert!(ok, "this test needs Python 3 with {module}: run `pip install {package}` (CI does)");
    }
    py
}

pub struct SmtpServer {
    child: Option<Child>,
    pub port: u16,
    pub dir: tempfile::TempDir,
    count_only: bool,
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        let mut s = SmtpServer::stopped(free_port());
        s.up();
        s
    }

    /// A server on `port` that is not running yet (`up` starts it).
    pub fn stopped(port: u16) -> SmtpServer {
        SmtpServer { child: None, port, dir: tempfile::tempdir().unwrap(), count_only: false }
    }

    /// Counts messages instead of storing them (for the benchmark).
    pub fn counting() -> SmtpServer {
        let mut s = SmtpServer::stopped(free_port());
        s.count_only = true;
        s.up();
        s
    }

    pub fn up(&mut self) {
        assert!(self.child.is_none(), "already running");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp_server.py");
        let mut cmd = Command::new(python());
        cmd.arg(script).args(["--port", &self.port.to_string()]).arg("--dir").arg(self.dir.path());
        if self.count_only {
            cmd.arg("--count-only");
        }
        let mut child =
            cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("the SMTP server starts");
        let mut line = String::new();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        out.read_line(&mut line).unwrap();
        assert_eq!(line.trim(), "ready", "the SMTP server did not start");
        std::thread::spawn(move || for _ in out.lines() {});
        self.child = Some(child);
    }

    pub fn down(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
            let _ = child.wait();
        }
    }

    pub fn config(&self) -> [(&'static str, String); 4] {
        [
            ("TELLPOINT_SMTP__HOST", "127.0.0.1".into()),
            ("TELLPOINT_SMTP__PORT", self.port.to_string()),
            ("TELLPOINT_SMTP__SECURITY", "none".into()),
            ("TELLPOINT_SMTP__FROM", "tellpoint@example.org".into()),
        ]
    }

    pub fn apply(&self, config: &mut tellpoint::config::Config) {
        config.smtp.host = "127.0.0.1".into();
        config.smtp.port = self.port;
        config.smtp.security = tellpoint::config::SmtpSecurity::None;
        config.smtp.from = "tellpoint@example.org".into();
        config.smtp.per_second = 1000;
    }

    pub fn received(&self) -> Vec<Received> {
        let mut mails = Vec::new();
        for entry in std::fs::read_dir(self.dir.path()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                mails.push(serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap());
            }
        }
        mails
    }

    /// Mails received for `to`.
    pub fn to(&self, to: &str) -> Vec<Received> {
        self.received().into_iter().filter(|m| m.rcpt.iter().any(|r| r == to)).collect()
    }

    /// Waits until `n` mails for `to` have arrived; returns them.
    pub fn wait_for(&self, to: &str, n: usize) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let got = self.to(to);
            if got.len() >= n {
                return got;
            }
            assert!(Instant::now() < deadline, "{n} mail(s) for {to} did not arrive; got {}", got.len());
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.down();
    }
}
