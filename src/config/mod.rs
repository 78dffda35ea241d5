//! Configuration: embedded defaults, then a TOML file, then `TELLPOINT_` environment
//! variables (nested keys joined with `__`). `validate()` turns mistakes into messages that
//! say which key is wrong and how to fix it.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Every key a config file may hold, as `section.key`. The env name of `a.b` is
/// `TELLPOINT_A__B`. A unit test checks that `config.example.toml` documents each one.
pub const KEYS: &[&str] = &[
    "listen",
    "public_url",
    "data_dir",
    "tls.mode",
    "tls.cert",
    "tls.key",
    "tls.hsts_include_subdomains",
    "tls.acme_directory",
    "tls.acme_ca_roots",
    "log.format",
    "log.level",
    "session.idle_timeout_minutes",
    "session.absolute_timeout_hours",
    "limits.form_posts_per_minute",
    "limits.body_limit_kib",
    "limits.max_connections",
    "limits.connections_per_client",
    "limits.head_timeout_secs",
    "limits.body_timeout_secs",
    "proxy.trusted",
    "proxy.header",
    "retention.drafts_days",
    "retention.contacts_days_after_end",
    "retention.stories_days_after_close",
    "retention.quotes_days_after_close",
    "retention.responses_days_after_close",
    "retention.threads_days_after_last_message",
    "retention.outbox_days",
    "retention.logs_days",
    "retention.run_at",
    "retention.time_zone",
    "backup.dir",
    "backup.at",
    "backup.keep_days",
    "limits.tickets_per_link_per_day",
    "smtp.host",
    "smtp.port",
    "smtp.security",
    "smtp.username",
    "smtp.password",
    "smtp.from",
    "smtp.per_second",
    "sms.enabled",
    "sms.provider",
    "sms.url",
    "sms.username",
    "sms.password",
    "sms.from",
    "sms.per_second",
    "sms.monthly_cap",
    "sms.price_per_segment",
    "sms.currency",
    "sms.default_region",
    "sms.incoming_token",
    "reminders.catch_up_minutes",
    "privacy.controller",
    "privacy.contact",
];

/// Environment variables with the prefix that are not config keys but are known.
const OTHER_ENV: &[&str] = &["TELLPOINT_CONFIG"];

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub listen: String,
    pub public_url: String,
    pub data_dir: PathBuf,
    pub tls: Tls,
    pub log: Log,
    pub session: Session,
    pub limits: Limits,
    pub retention: Retention,
    pub backup: Backup,
    pub smtp: Smtp,
    pub sms: Sms,
    pub reminders: Reminders,
    pub privacy: Privacy,
    pub proxy: Proxy,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Reminders {
    /// A reminder found late by more than this (after downtime) is skipped, not sent.
    pub catch_up_minutes: u32,
}

impl Default for Reminders {
    fn default() -> Self {
        Reminders { catch_up_minutes: 120 }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Response form posts one client may send per minute.
    pub form_posts_per_minute: u32,
    /// Largest request body accepted, in KiB.
    pub body_limit_kib: u32,
    /// Responses (single-use tickets) one personal link may send per day.
    pub tickets_per_link_per_day: u32,
    /// Connections open at once, in all; past it a new connection is closed at once.
    pub max_connections: u32,
    /// Connections open at once from one client (not counted for trusted proxies).
    pub connections_per_client: u32,
    /// A request's head must arrive within this many seconds, and a kept-alive connection
    /// that sends nothing for as long is closed (a TLS handshake gets as long too).
    pub head_timeout_secs: u32,
    /// A request's body must arrive within this many seconds.
    pub body_timeout_secs: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            form_posts_per_minute: 120,
            body_limit_kib: 256,
            tickets_per_link_per_day: 10,
            max_connections: 4096,
            connections_per_client: 64,
            head_timeout_secs: 10,
            body_timeout_secs: 30,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Tls {
    pub mode: TlsMode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<PathBuf>,
    /// HSTS covers the host's subdomains too; off where public_url's host is a domain whose
    /// other names must stay reachable over plain HTTP.
    pub hsts_include_subdomains: bool,
    /// The ACME directory of the CA that issues certificates in `acme` mode.
    pub acme_directory: String,
    /// PEM roots to trust for the ACME directory's own HTTPS instead of the embedded public
    /// roots: for a CA inside the organisation (or a test CA).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acme_ca_roots: Option<PathBuf>,
}

/// Let's Encrypt's production directory.
pub const LETS_ENCRYPT: &str = "https://acme-v02.api.letsencrypt.org/directory";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TlsMode {
    SelfSigned,
    Files,
    Acme,
    Off,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Log {
    pub format: LogFormat,
    pub level: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Session {
    pub idle_timeout_minutes: u64,
    pub absolute_timeout_hours: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: "127.0.0.1:8443".into(),
            public_url: "https://localhost:8443".into(),
            data_dir: PathBuf::from("./tellpoint-data"),
            tls: Tls::default(),
            proxy: Proxy::default(),
            log: Log::default(),
            session: Session::default(),
            limits: Limits::default(),
            retention: Retention::default(),
            backup: Backup::default(),
            smtp: Smtp::default(),
            sms: Sms::default(),
            reminders: Reminders::default(),
            privacy: Privacy::default(),
        }
    }
}

impl Default for Tls {
    fn default() -> Self {
        Tls {
            mode: TlsMode::SelfSigned,
            cert: None,
            key: None,
            hsts_include_subdomains: true,
            acme_directory: LETS_ENCRYPT.into(),
            acme_ca_roots: None,
        }
    }
}

impl Default for Log {
    fn default() -> Self {
        Log { format: LogFormat::Text, level: "info".into() }
    }
}

impl Default for Session {
    fn default() -> Self {
        Session { idle_timeout_minutes: 30, absolute_timeout_hours: 12 }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}. Check the path given to --config.")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("config file {path} is not valid TOML: {message}")]
    Syntax { path: PathBuf, message: String },
    #[error("{0}")]
    Invalid(String),
    #[error("the configuration has {} problem(s):\n  - {}", .0.len(), .0.join("\n  - "))]
    Problems(Vec<String>),
}

/// The result of loading: the config plus warnings worth logging once the logger is up.
pub struct Loaded {
    pub config: Config,
    pub warnings: Vec<String>,
}

impl Config {
    /// Defaults, then `file` (if any), then `TELLPOINT_*` from `env`. Validated.
    pub fn load(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Loaded, ConfigError> {
        let mut table =
            toml::Table::try_from(Config::default()).map_err(|e| ConfigError::Invalid(e.to_string()))?;
        if let Some(path) = file {
            let text = std::fs::read_to_string(path)
                .map_err(|source| ConfigError::Read { path: path.to_owned(), source })?;
            let from_file: toml::Table = text.parse().map_err(|e: toml::de::Error| ConfigError::Syntax {
                path: path.to_owned(),
                message: e.to_string(),
            })?;
            let mut unknown = Vec::new();
            collect_unknown(&from_file, "", &mut unknown);
            if !unknown.is_empty() {
                let problems = unknown
                    .into_iter()
                    .map(|k| format!("{k}: unknown key in {}; {}", path.display(), known_keys_hint(&k)))
                    .collect();
                return Err(ConfigError::Problems(problems));
            }
            merge(&mut table, from_file);
        }
        let mut warnings = Vec::new();
        for (name, raw) in env {
            let Some(rest) = name.strip_prefix("TELLPOINT_") else { continue };
            if OTHER_ENV.contains(&name.as_str()) {
                continue;
            }
            let key = rest.to_ascii_lowercase().replace("__", ".");
            if !KEYS.contains(&key.as_str()) {
                warnings.push(format!(
                    "ignoring environment variable {name}: it names no config key ({})",
                    known_keys_hint(&key)
                ));
                continue;
            }
            set_path(&mut table, &key, env_value(&raw));
        }
        // Through text, so that a wrongly typed value is reported with its key and line.
        let merged = toml::to_string(&table).map_err(|e| ConfigError::Invalid(e.to_string()))?;
        let config: Config = toml::from_str(&merged).map_err(|e: toml::de::Error| {
            ConfigError::Invalid(format!(
                "a value has the wrong type (from the config file or a TELLPOINT_ variable):\n{e}"
            ))
        })?;
        config.validate()?;
        if config.tls.mode == TlsMode::Off && config.public_url.starts_with("http://") {
            warnings.push(
                "public_url is http://: staff cookies are Secure and need https in the browser; \
                 put a TLS-terminating reverse proxy in front and give its https:// address"
                    .into(),
            );
        }
        let sms = &config.sms;
        if sms.enabled && sms.incoming_token.is_set() && smtp::is_loopback_host(&config.public_host()) {
            // A gateway on this machine (Kannel) reaches it; one elsewhere does not.
            warnings.push(format!(
                "sms.incoming_token is set, but public_url ({}) is this machine: only a gateway \
                 running here can bring back STOP replies and delivery reports",
                config.public_url
            ));
        }
        if config.tls.mode == TlsMode::Acme && !config.listen.ends_with(":443") {
            warnings.push(format!(
                "tls.mode = \"acme\": the CA checks {} on port 443, but listen = {:?}; \
                 make sure port 443 of that name reaches this address",
                config.public_host(),
                config.listen
            ));
        }
        Ok(Loaded { config, warnings })
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        let mut p = Vec::new();
        let listen: Option<SocketAddr> = match self.listen.parse() {
            Ok(a) => Some(a),
            Err(_) => {
                p.push(format!(
                    "listen = {:?} is not an address:port; write e.g. listen = \"127.0.0.1:8443\"",
                    self.listen
                ));
                None
            }
        };
        match public_host(&self.public_url) {
            None => p.push(format!(
                "public_url = {:?} is not an http(s) URL with a host; write e.g. public_url = \"https://tellpoint.example.org\"",
                self.public_url
            )),
            Some(_) if self.tls.mode != TlsMode::Off && !self.public_url.starts_with("https://") => p.push(format!(
                "public_url = {:?} must start with https:// while TLS is on (tls.mode = {:?})",
                self.public_url,
                self.tls.mode
            )),
            Some(_) => {}
        }
        if self.data_dir.as_os_str().is_empty() {
            p.push("data_dir is empty; give a directory, e.g. data_dir = \"/var/lib/tellpoint\"".into());
        }
        match (&self.tls.cert, &self.tls.key) {
            (Some(_), None) | (None, Some(_)) => {
                p.push("tls.cert and tls.key must both be set, or neither".into())
            }
            (None, None) if self.tls.mode == TlsMode::Files => p.push(
                "tls.mode = \"files\" needs tls.cert and tls.key: paths to the PEM certificate chain and its private key".into(),
            ),
            (Some(_), Some(_)) if self.tls.mode != TlsMode::Files => p.push(format!(
                "tls.cert and tls.key are set but tls.mode = {:?}; set tls.mode = \"files\" to use them, or remove them",
                self.tls.mode
            )),
            (Some(cert), Some(key)) => {
                for (name, path) in [("tls.cert", cert), ("tls.key", key)] {
                    if let Err(e) = std::fs::metadata(path) {
                        p.push(format!("{name} = {:?}: {e}; give the path of a readable PEM file", path.display().to_string()));
                    }
                }
            }
            (None, None) => {}
        }
        if self.tls.mode == TlsMode::Acme {
            self.validate_acme(&mut p);
        }
        if self.tls.mode == TlsMode::Off && listen.is_some_and(|a| !a.ip().is_loopback()) {
            p.push(format!(
                "tls.mode = \"off\" is only allowed on a loopback address (behind a reverse proxy), but listen = {:?}; \
                 set listen = \"127.0.0.1:8080\" or turn TLS on",
                self.listen
            ));
        }
        // A bare word would parse as a target name and silence everything: only levels, or
        // filters with `=`.
        let level = self.log.level.to_ascii_lowercase();
        let plain_level = ["off", "error", "warn", "info", "debug", "trace"].contains(&level.as_str());
        if !(plain_level || level.contains('=') && tracing_subscriber::EnvFilter::try_new(&level).is_ok()) {
            p.push(format!(
                "log.level = {:?} is not a level; use one of error, warn, info, debug or trace \
                 (or a filter such as \"info,tellpoint=debug\")",
                self.log.level
            ));
        }
        let s = &self.session;
        if s.idle_timeout_minutes == 0 || s.absolute_timeout_hours == 0 {
            p.push(
                "session.idle_timeout_minutes and session.absolute_timeout_hours must be at least 1".into(),
            );
        } else if s.idle_timeout_minutes > s.absolute_timeout_hours * 60 {
            p.push(format!(
                "session.idle_timeout_minutes = {} is longer than session.absolute_timeout_hours = {}; make the idle timeout shorter",
                s.idle_timeout_minutes, s.absolute_timeout_hours
            ));
        }
        if self.limits.form_posts_per_minute == 0 {
            p.push("limits.form_posts_per_minute must be at least 1".into());
        }
        self.retention.problems(&mut p);
        self.backup.problems(&mut p);
        if !(16..=4096).contains(&self.limits.body_limit_kib) {
            p.push(format!(
                "limits.body_limit_kib = {} is out of range; give 16 to 4096 (a 20,000-character story needs about 240)",
                self.limits.body_limit_kib
            ));
        }
        if self.limits.tickets_per_link_per_day == 0 {
            p.push("limits.tickets_per_link_per_day must be at least 1".into());
        }
        for (key, value, range) in [
            ("max_connections", self.limits.max_connections, 16..=1_000_000),
            ("connections_per_client", self.limits.connections_per_client, 2..=100_000),
            ("head_timeout_secs", self.limits.head_timeout_secs, 2..=300),
            ("body_timeout_secs", self.limits.body_timeout_secs, 5..=3600),
        ] {
            if !range.contains(&value) {
                p.push(format!(
                    "limits.{key} = {value} is out of range; give {} to {}",
                    range.start(),
                    range.end()
                ));
            }
        }
        self.proxy.problems(&mut p);
        self.smtp.check(&mut p);
        self.sms.check(&mut p);
        if p.is_empty() { Ok(()) } else { Err(ConfigError::Problems(p)) }
    }

    pub fn listen_addr(&self) -> SocketAddr {
        self.listen.parse().expect("validated")
    }

    /// `acme` mode needs a DNS name to certify and a CA to ask.
    fn validate_acme(&self, p: &mut Vec<String>) {
        if let Some(host) = public_host(&self.public_url)
            && (host.parse::<std::net::IpAddr>().is_ok() || !host.contains('.') && host != "localhost")
        {
            p.push(format!(
                "tls.mode = \"acme\" needs a domain name in public_url (the CA certifies names, not {host:?}); \
                 set public_url = \"https://tellpoint.example.org\", or use tls.mode = \"self-signed\""
            ));
        }
        if !self.tls.acme_directory.starts_with("https://") || public_host(&self.tls.acme_directory).is_none()
        {
            p.push(format!(
                "tls.acme_directory = {:?} is not an https:// URL; remove it for Let's Encrypt, or give your CA's ACME directory",
                self.tls.acme_directory
            ));
        }
        if let Some(roots) = &self.tls.acme_ca_roots
            && let Err(e) = std::fs::metadata(roots)
        {
            p.push(format!(
                "tls.acme_ca_roots = {:?}: {e}; give the path of a readable PEM file with the CA's root certificate",
                roots.display().to_string()
            ));
        }
    }

    pub fn public_host(&self) -> String {
        public_host(&self.public_url).expect("validated")
    }

    /// The effective config as TOML, for `check-config`. The SMTP password shows only
    /// whether it is set; the master key lives in its own file, never in the config.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }
}

/// The host of an http(s) URL, without port or brackets.
pub fn public_host(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next()?
    } else {
        authority.rsplit_once(':').map_or(authority, |(h, _)| h)
    };
    let ok = !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c));
    ok.then(|| host.to_ascii_lowercase())
}

fn collect_unknown(table: &toml::Table, prefix: &str, out: &mut Vec<String>) {
    for (k, v) in table {
        let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        match v {
            toml::Value::Table(t) if KEYS.iter().any(|known| known.starts_with(&format!("{path}."))) => {
                collect_unknown(t, &path, out)
            }
            _ if KEYS.contains(&path.as_str()) => {}
            _ => out.push(path),
        }
    }
}

fn known_keys_hint(key: &str) -> String {
    let section = key.rsplit_once('.').map(|(s, _)| s);
    let siblings: Vec<&str> =
        KEYS.iter().filter(|k| k.rsplit_once('.').map(|(s, _)| s) == section).copied().collect();
    if siblings.is_empty() {
        format!("known keys: {}", KEYS.join(", "))
    } else {
        format!("known keys here: {}", siblings.join(", "))
    }
}

fn merge(into: &mut toml::Table, from: toml::Table) {
    for (k, v) in from {
        match (into.get_mut(&k), v) {
            (Some(toml::Value::Table(a)), toml::Value::Table(b)) => merge(a, b),
            (_, v) => {
                into.insert(k, v);
            }
        }
    }
}

fn set_path(table: &mut toml::Table, dotted: &str, value: toml::Value) {
    match dotted.split_once('.') {
        None => {
            table.insert(dotted.to_string(), value);
        }
        Some((head, rest)) => {
            let entry =
                table.entry(head.to_string()).or_insert_with(|| toml::Value::Table(toml::Table::new()));
            if let toml::Value::Table(t) = entry {
                set_path(t, rest, value);
            }
        }
    }
}

/// Env values are typed like TOML values where they parse as one (`45`, `true`), else strings.
fn env_value(raw: &str) -> toml::Value {
    format!("v = {raw}")
        .parse::<toml::Table>()
        .ok()
        .and_then(|mut t| t.remove("v"))
        .filter(|v| !v.is_table())
        .unwrap_or_else(|| toml::Value::String(raw.to_string()))
}

mod proxy;
mod retention;
mod sms;
mod smtp;

pub use proxy::{ForwardedHeader, Proxy};
pub use retention::{Backup, Privacy, Retention};
pub use sms::{Sms, SmsProvider};
pub use smtp::{Secret, Smtp, SmtpSecurity};

#[cfg(test)]
mod tests;
