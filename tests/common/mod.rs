//! Test harness: the real binary on a loopback port (or the same app in-process, with a
//! clock the test can move), and a small HTTPS client that keeps cookies like a browser
//! and fills in the CSRF field.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tellpoint::app::AppState;
use tellpoint::clock::Clock;
use tellpoint::config::Config;

pub type TlsStream = tokio_rustls::client::TlsStream<tokio::net::TcpStream>;

pub const BIN: &str = env!("CARGO_BIN_EXE_tellpoint");
pub const PASSWORD: &str = "violet kettle harbour 42";

/// The binary, started as a user would, in its own working directory.
pub struct Instance {
    pub child: Child,
    pub dir: PathBuf,
    pub base: String,
    pub logs: Arc<Mutex<Vec<String>>>,
}

impl Instance {
    /// Starts `tellpoint` in `dir` with no config file; `env` adds TELLPOINT_* settings.
    pub fn start(dir: &Path, env: &[(&str, &str)]) -> Instance {
        let mut cmd = Command::new(BIN);
        cmd.current_dir(dir)
            .env("TELLPOINT_LISTEN", "127.0.0.1:0")
            .env_remove("CREDENTIALS_DIRECTORY")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("tellpoint starts");
        let logs = Arc::new(Mutex::new(Vec::new()));
        for stream in [
            Box::new(child.stderr.take().unwrap()) as Box<dyn std::io::Read + Send>,
            Box::new(child.stdout.take().unwrap()),
        ] {
            let logs = logs.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    logs.lock().unwrap().push(line);
                }
            });
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        let port = loop {
            let found = logs.lock().unwrap().iter().find_map(|l| {
                l.contains("listening").then(|| {
                    let rest = l.split("127.0.0.1:").nth(1)?;
                    rest[..rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len())].parse::<u16>().ok()
                })?
            });
            if let Some(port) = found {
                break port;
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!("tellpoint exited with {status}: {:?}", logs.lock().unwrap());
            }
            assert!(Instant::now() < deadline, "tellpoint did not start: {:?}", logs.lock().unwrap());
            std::thread::sleep(Duration::from_millis(20));
        };
        let scheme = if env.contains(&("TELLPOINT_TLS__MODE", "off")) { "http" } else { "https" };
        Instance { child, dir: dir.to_owned(), base: format!("{scheme}://127.0.0.1:{port}"), logs }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.join("tellpoint-data")
    }

    /// The instance's master key (from its data directory).
    pub fn master_key(&self) -> tellpoint::keys::MasterKey {
        tellpoint::keys::MasterKey::read_file(&self.data_dir().join("master.key")).unwrap()
    }

    pub fn log_text(&self) -> String {
        self.logs.lock().unwrap().join("\n")
    }

    /// The path of the setup link printed to the log.
    pub fn setup_path(&self) -> String {
        let text = self.log_text();
        let at = text.find("/setup/").expect("a setup link in the log");
        text[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect()
    }

    pub fn browser(&self) -> Browser {
        Browser::new(&self.base, &self.data_dir().join("tls/cert.pem"), None)
    }

    /// Every file under the data directory.
    pub fn data_files(&self) -> Vec<PathBuf> {
        walk(&self.data_dir())
    }

    /// A raw TLS connection to this instance, trusting only the certificate in `trusted`.
    pub async fn tls_connect(&self, trusted: &Path) -> std::io::Result<TlsStream> {
        tls_connect(&self.base, trusted).await
    }

    pub fn signal(&self, sig: &str) {
        let ok = Command::new("kill").args(["-s", sig, &self.child.id().to_string()]).status().unwrap();
        assert!(ok.success());
    }
}

/// A TLS connector trusting only the PEM certificate in `trusted`, with `provider`'s suites.
pub fn tls_connector(trusted: &Path, provider: rustls::crypto::CryptoProvider) -> tokio_rustls::TlsConnector {
    use rustls::pki_types::pem::PemObject;
    let pem = std::fs::read(trusted).unwrap();
    let mut roots = rustls::RootCertStore::empty();
    roots.add(rustls::pki_types::CertificateDer::from_pem_slice(&pem).unwrap()).unwrap();
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(provider))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    tokio_rustls::TlsConnector::from(Arc::new(config))
}

/// A raw TLS connection to `base` (https://host:port), trusting only `trusted`.
pub async fn tls_connect(base: &str, trusted: &Path) -> std::io::Result<TlsStream> {
    let tcp = tokio::net::TcpStream::connect(base.trim_start_matches("https://")).await?;
    let name = rustls::pki_types::ServerName::try_from("localhost").unwrap();
    tls_connector(trusted, rustls::crypto::ring::default_provider()).connect(name, tcp).await
}

impl Instance {
    /// Sends SIGTERM and waits for the exit status.
    pub fn stop(self) -> std::process::ExitStatus {
        self.stop_and_log().0
    }

    /// Stops (SIGTERM) and returns the exit status with the whole log, the lines written
    /// at shutdown included.
    pub fn stop_and_log(mut self) -> (std::process::ExitStatus, String) {
        self.signal("TERM");
        let deadline = Instant::now() + Duration::from_secs(40);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(50));
                return (status, self.log_text());
            }
            assert!(Instant::now() < deadline, "tellpoint did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The app served in-process on 127.0.0.1:0, with a clock the test moves.
/// Every line the in-process servers of this test binary log, at debug level and above.
static LOGGED: Mutex<Vec<u8>> = Mutex::new(Vec::new());

struct LogBuffer;

impl std::io::Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LOGGED.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Warnings go to the test's output; everything from debug up is also kept for `logged`,
/// which an anonymity test reads as an adversary with the log files would.
fn capture_logs() {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::{EnvFilter, Layer, fmt};
    let _ = tracing_subscriber::registry()
        .with(fmt::layer().with_test_writer().with_filter(EnvFilter::new("warn")))
        .with(fmt::layer().with_ansi(false).with_writer(|| LogBuffer).with_filter(EnvFilter::new("debug")))
        .try_init();
}

/// What the in-process servers of this test binary logged so far.
#[allow(dead_code)]
pub fn logged() -> String {
    String::from_utf8_lossy(&LOGGED.lock().unwrap()).into_owned()
}

pub struct InProcess {
    pub state: Arc<AppState>,
    pub base: String,
    pub clock: Clock,
    _dir: tempfile::TempDir,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl InProcess {
    pub async fn start() -> InProcess {
        InProcess::start_with(|_| {}).await
    }

    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> InProcess {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        InProcess::start_on(listener, adjust).await
    }

    /// Serves on a listener the test bound (to know the port before the config is made).
    pub async fn start_on(listener: tokio::net::TcpListener, adjust: impl FnOnce(&mut Config)) -> InProcess {
        capture_logs();
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config { data_dir: dir.path().join("data"), ..Config::default() };
        adjust(&mut config);
        let clock = Clock::default();
        let state = AppState::open(config, clock.clone()).unwrap();
        let base = format!("https://127.0.0.1:{}", listener.local_addr().unwrap().port());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(tellpoint::web::serve(state.clone(), listener, async {
            let _ = stopped.await;
        }));
        InProcess { state, base, clock, _dir: dir, stop: Some(stop) }
    }

    pub fn browser(&self) -> Browser {
        Browser::new(&self.base, &self.state.config.data_dir.join("tls/cert.pem"), None)
    }

    pub fn setup_path(&self) -> String {
        let token = self.state.staffing().setup_link().unwrap().expect("no owner yet");
        format!("/setup/{token}")
    }

    /// Moves the clock to `when` (RFC 3339); it only goes forward.
    pub fn set_time(&self, when: &str) -> i64 {
        let target = when.parse::<jiff::Timestamp>().unwrap().as_second();
        let now = self.clock.now();
        assert!(target >= now, "the clock only moves forward");
        self.clock.advance(target - now);
        target
    }
}

impl Drop for InProcess {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

pub struct Reply {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn location(&self) -> &str {
        self.headers.get("location").and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// Text between `<code class="secret">` and `</code>`, spaces removed.
    pub fn totp_secret(&self) -> String {
        let start = self.body.find("<code class=\"secret\">").expect("a TOTP secret on the page") + 21;
        let end = self.body[start..].find("</code>").unwrap() + start;
        self.body[start..end].replace(' ', "")
    }

    pub fn recovery_codes(&self) -> Vec<String> {
        self.body
            .split("<li><code>")
            .skip(1)
            .map(|s| s.split("</code>").next().unwrap().to_string())
            .collect()
    }
}

/// A page with its form token (fresh on every participant page) blanked out, to compare
/// pages byte for byte.
pub fn without_form_token(body: &str) -> String {
    const FIELD: &str = "name=\"csrf\" value=\"";
    let mut out = String::new();
    let mut rest = body;
    while let Some(at) = rest.find(FIELD) {
        out.push_str(&rest[..at + FIELD.len()]);
        rest = &rest[at + FIELD.len()..];
        rest = &rest[rest.find('"').unwrap_or(0)..];
    }
    out.push_str(rest);
    out
}

/// Keeps cookies (and sends them back only over https, as a browser does with Secure ones)
/// and adds the CSRF field to every form it posts: the cookie's on staff pages, the last
/// page's form token on participant pages (which set no cookie).
pub struct Browser {
    base: String,
    client: reqwest::Client,
    pub cookies: HashMap<String, String>,
    form_token: Option<String>,
    /// Headers sent with every request (a proxy's X-Forwarded-For, say).
    headers: Vec<(String, String)>,
}

fn is_staff_path(path: &str) -> bool {
    ["/admin", "/login", "/logout", "/setup", "/account"].iter().any(|p| path.starts_with(p))
}

impl Browser {
    pub fn new(base: &str, cert: &Path, local: Option<IpAddr>) -> Browser {
        Browser::with_agent(base, cert, local, "tellpoint-tests")
    }

    pub fn with_agent(base: &str, cert: &Path, local: Option<IpAddr>, agent: &str) -> Browser {
        let pem = std::fs::read(cert).expect("the self-signed certificate exists");
        let mut builder = reqwest::Client::builder()
            .user_agent(agent.to_string())
            .tls_built_in_root_certs(false)
            .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30));
        if let Some(ip) = local {
            builder = builder.local_address(ip);
        }
        Browser {
            base: base.to_string(),
            client: builder.build().unwrap(),
            cookies: HashMap::new(),
            form_token: None,
            headers: Vec::new(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    /// Sends `name: value` with every request from now on.
    pub fn always_send(&mut self, name: &str, value: &str) {
        self.headers.push((name.to_string(), value.to_string()));
    }

    async fn send(&mut self, req: reqwest::RequestBuilder) -> Reply {
        let mut req = if self.cookies.is_empty() { req } else { req.header("cookie", self.cookie_header()) };
        for (name, value) in &self.headers {
            req = req.header(name, value);
        }
        let res = req.send().await.expect("request answered");
        for v in res.headers().get_all("set-cookie") {
            let text = v.to_str().unwrap();
            let (pair, attrs) = text.split_once(';').unwrap_or((text, ""));
            let (k, val) = pair.split_once('=').unwrap();
            if val.is_empty() || attrs.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), val.to_string());
            }
        }
        let reply = Reply {
            status: res.status().as_u16(),
            headers: res.headers().clone(),
            body: res.text().await.unwrap(),
        };
        const FIELD: &str = "name=\"csrf\" value=\"";
        if let Some(at) = reply.body.find(FIELD) {
            let rest = &reply.body[at + FIELD.len()..];
            self.form_token = rest.split('"').next().map(str::to_string);
        }
        reply
    }

    /// The CSRF field for a post to `path`, as a browser would have it from its last page.
    async fn csrf_for(&mut self, path: &str) -> String {
        if is_staff_path(path) {
            if !self.cookies.contains_key("__Host-tellpoint-csrf") {
                self.get("/login").await;
            }
            return self.cookies["__Host-tellpoint-csrf"].clone();
        }
        if self.form_token.as_deref().is_none_or(|t| t.len() == 26) {
            self.get("/privacy").await;
        }
        self.form_token.clone().unwrap()
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        let req = self.client.get(format!("{}{path}", self.base));
        self.send(req).await
    }

    pub async fn get_with_language(&mut self, path: &str, accept_language: &str) -> Reply {
        self.get_with_header(path, "accept-language", accept_language).await
    }

    pub async fn get_with_header(&mut self, path: &str, name: &str, value: &str) -> Reply {
        let req = self.client.get(format!("{}{path}", self.base)).header(name, value);
        self.send(req).await
    }

    /// Posts a form with this browser's CSRF token added.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let csrf = self.csrf_for(path).await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &csrf));
        let req = self.client.post(format!("{}{path}", self.base)).form(&form);
        self.send(req).await
    }

    /// Posts raw bytes with a content type; the CSRF cookie is sent, the body is as given.
    pub async fn post_body(&mut self, path: &str, content_type: Option<&str>, body: Vec<u8>) -> Reply {
        let mut req = self.client.post(format!("{}{path}", self.base)).body(body);
        if let Some(ct) = content_type {
            req = req.header("content-type", ct);
        }
        self.send(req).await
    }

    /// Posts a multipart form (a file upload) with this browser's CSRF token first.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, Vec<u8>),
    ) -> Reply {
        let csrf = self.csrf_for(path).await;
        let mut form = reqwest::multipart::Form::new().text("csrf", csrf);
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        let (name, filename, bytes) = file;
        form = form
            .part(name.to_string(), reqwest::multipart::Part::bytes(bytes).file_name(filename.to_string()));
        let req = self.client.post(format!("{}{path}", self.base)).multipart(form);
        self.send(req).await
    }

    /// Posts without any CSRF field.
    pub async fn post_raw(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let req = self.client.post(format!("{}{path}", self.base)).form(fields);
        self.send(req).await
    }
}

/// The TOTP code for `secret` (base32) at `now + offset_secs`.
pub fn totp_code(secret: &str, offset_secs: i64) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.to_string()).to_bytes().unwrap();
    let totp = totp_rs::TOTP::new_unchecked(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes);
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    totp.generate((now + offset_secs) as u64)
}

/// A staff account made through a link: its TOTP secret and the codes it may still use.
pub struct Account {
    pub username: String,
    pub secret: String,
    pub recovery: Vec<String>,
    /// How far ahead the next unused TOTP step is; each code works once.
    pub next_offset: i64,
}

impl Account {
    /// A code for a time step not used before (each sign-in moves one step ahead).
    pub fn fresh_code(&mut self) -> String {
        let code = totp_code(&self.secret, self.next_offset);
        self.next_offset += 30;
        code
    }
}

/// Follows a setup or invite link to a finished account.
pub async fn create_account(b: &mut Browser, link_path: &str, username: &str) -> Account {
    create_account_at(b, link_path, username, 0).await
}

/// The same, for a server whose clock runs `offset` seconds ahead of the real one.
pub async fn create_account_at(b: &mut Browser, link_path: &str, username: &str, offset: i64) -> Account {
    let form = b.get(link_path).await;
    assert_eq!(form.status, 200, "{}", form.body);
    let r = b.post(link_path, &[("username", username), ("password", PASSWORD), ("confirm", PASSWORD)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let mfa_path = format!("{link_path}/mfa");
    assert_eq!(r.location(), mfa_path);
    let enrol = b.get(&mfa_path).await;
    assert_eq!(enrol.status, 200);
    assert!(enrol.body.contains("<svg"), "an inline SVG QR code");
    let secret = enrol.totp_secret();
    let done = b.post(&mfa_path, &[("code", &totp_code(&secret, offset))]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    let recovery = done.recovery_codes();
    assert_eq!(recovery.len(), 10);
    Account { username: username.to_string(), secret, recovery, next_offset: offset + 30 }
}

/// Password then TOTP; asserts the admin home is reached.
pub async fn sign_in(b: &mut Browser, account: &mut Account) {
    let r = b.post("/login", &[("username", &account.username), ("password", PASSWORD)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.location(), "/login/code");
    let code = account.fresh_code();
    let r = b.post("/login/code", &[("code", &code)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.location(), "/admin");
    let home = b.get("/admin").await;
    if home.status == 303 {
        // A reviewer of one campaign lands on its queue.
        assert!(home.location().ends_with("/quotes"), "{}", home.location());
        return;
    }
    assert_eq!(home.status, 200);
    assert!(home.body.contains(&format!("Hello, {}", account.username)));
}

/// An in-process instance with an owner "olga" (account made, not signed in).
pub async fn with_owner() -> (InProcess, Browser, Account) {
    with_owner_with(|_| {}).await
}

/// Like `with_owner`, with the configuration adjusted first.
pub async fn with_owner_with(adjust: impl FnOnce(&mut Config)) -> (InProcess, Browser, Account) {
    let srv = InProcess::start_with(adjust).await;
    let mut b = srv.browser();
    let setup = srv.setup_path();
    let owner = create_account(&mut b, &setup, "olga").await;
    (srv, b, owner)
}

/// The owner invites someone with `role`; returns their signed-in browser and account.
pub async fn invite(srv: &InProcess, owner_b: &mut Browser, role: &str, name: &str) -> (Browser, Account) {
    let page = owner_b.post("/admin/staff/invite", &[("role", role)]).await;
    assert_eq!(page.status, 200, "{}", page.body);
    // minijinja writes "/" as "&#x2f;" in HTML.
    let body = page.body.replace("&#x2f;", "/");
    let at = body.find("/setup/").unwrap();
    let path: String = body[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect();
    let mut b = srv.browser();
    let ahead = srv.clock.now() - jiff::Timestamp::now().as_second();
    let mut account = create_account_at(&mut b, &path, name, ahead).await;
    srv.clock.advance(30);
    sign_in(&mut b, &mut account).await;
    (b, account)
}

/// The value of `<input ... name="NAME" value="...">` on a page.
pub fn input_value(body: &str, name: &str) -> String {
    let at = body.find(&format!("name=\"{name}\" value=\"")).unwrap_or_else(|| panic!("no input {name}"));
    let rest = &body[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_string()
}
pub mod campaign;
pub mod kannel;
pub mod pebble;
pub mod smtp;

pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { files.extend(walk(&path)) } else { files.push(path) }
    }
    files
}

/// The files under `dir` that hold `needle`.
pub fn files_holding(dir: &Path, needle: &[u8]) -> Vec<String> {
    walk(dir)
        .into_iter()
        .filter(|f| std::fs::read(f).is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle)))
        .map(|f| f.display().to_string())
        .collect()
}

/// An in-process instance with owner "olga" signed in, and her browser.
pub async fn signed_in_owner() -> (InProcess, Browser) {
    signed_in_owner_with(|_| {}).await
}

/// The same, mailing through `smtp` with its mailer running.
pub async fn signed_in_owner_mailing(smtp: &smtp::SmtpServer) -> (InProcess, Browser) {
    let (srv, b) = signed_in_owner_with(|c| smtp.apply(c)).await;
    tokio::spawn(srv.state.mailer().run());
    (srv, b)
}

/// Signs `account` in again after the test moved the clock past the session's idle time.
pub async fn sign_in_again(srv: &InProcess, b: &mut Browser, account: &mut Account) {
    account.next_offset = account.next_offset.max(srv.clock.now() - jiff::Timestamp::now().as_second());
    sign_in(b, account).await;
}

/// An owner signed in with mail going to `smtp`, and the owner's account.
pub async fn owner_mailing(smtp: &smtp::SmtpServer) -> (InProcess, Browser, Account) {
    let srv = InProcess::start_with(|c| smtp.apply(c)).await;
    tokio::spawn(srv.state.mailer().run());
    let mut b = srv.browser();
    let setup = srv.setup_path();
    let mut owner = create_account(&mut b, &setup, "olga").await;
    srv.clock.advance(30);
    sign_in(&mut b, &mut owner).await;
    (srv, b, owner)
}

/// An instance whose clock starts at `when` (RFC 3339, in the future), owner signed in.
pub async fn signed_in_owner_at(when: &str) -> (InProcess, Browser) {
    let (srv, b, _) = owner_at_with(when, |_| {}).await;
    (srv, b)
}

/// An instance configured by `adjust` whose clock starts at `when`, its owner signed in.
pub async fn owner_at_with(when: &str, adjust: impl FnOnce(&mut Config)) -> (InProcess, Browser, Account) {
    let srv = InProcess::start_with(adjust).await;
    srv.set_time(when);
    let mut b = srv.browser();
    let setup = srv.setup_path();
    let ahead = srv.clock.now() - jiff::Timestamp::now().as_second();
    let mut owner = create_account_at(&mut b, &setup, "olga", ahead).await;
    srv.clock.advance(30);
    sign_in(&mut b, &mut owner).await;
    (srv, b, owner)
}

pub async fn signed_in_owner_with(adjust: impl FnOnce(&mut Config)) -> (InProcess, Browser) {
    let srv = InProcess::start_with(adjust).await;
    let mut b = srv.browser();
    let setup = srv.setup_path();
    let mut owner = create_account(&mut b, &setup, "olga").await;
    srv.clock.advance(30);
    sign_in(&mut b, &mut owner).await;
    (srv, b)
}
