//! The `[smtp]` section: where mail goes, and the password type that never shows.

use serde::{Deserialize, Serialize};

/// How tellpoint hands its mail to an SMTP server. An empty host turns mail off: mails
/// wait in the outbox until a host is configured.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Smtp {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub username: String,
    pub password: Secret,
    /// The sender address, e.g. `tellpoint@example.org`.
    pub from: String,
    /// Mails handed to the server per second at most.
    pub per_second: u32,
}

impl Default for Smtp {
    fn default() -> Self {
        Smtp {
            host: String::new(),
            port: 587,
            security: SmtpSecurity::Starttls,
            username: String::new(),
            password: Secret::default(),
            from: String::new(),
            per_second: 20,
        }
    }
}

impl Smtp {
    pub fn enabled(&self) -> bool {
        !self.host.is_empty()
    }

    /// Adds what is wrong with these settings to `p`.
    pub(super) fn check(&self, p: &mut Vec<String>) {
        if !self.enabled() {
            return;
        }
        if self.host.contains([' ', '/', ':']) {
            p.push(format!(
                "smtp.host = {:?} must be a bare host name or IP address, without scheme or port",
                self.host
            ));
        }
        if self.port == 0 {
            p.push("smtp.port must be a port number (587 for starttls, 465 for tls)".into());
        }
        if self.security == SmtpSecurity::None && !is_loopback_host(&self.host) {
            p.push(format!(
                "smtp.security = \"none\" sends mail unencrypted, which is only allowed to a server on this \
                 machine, but smtp.host = {:?}; use \"starttls\" (port 587) or \"tls\" (port 465)",
                self.host
            ));
        }
        if self.from.parse::<lettre::Address>().is_err() {
            p.push(format!(
                "smtp.from = {:?} is not an email address; give the sender, e.g. smtp.from = \"tellpoint@example.org\"",
                self.from
            ));
        }
        if self.username.is_empty() == self.password.is_set() {
            p.push("smtp.username and smtp.password must both be set, or neither".into());
        }
        if self.per_second == 0 {
            p.push("smtp.per_second must be at least 1".into());
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    /// Plain connection upgraded with STARTTLS (usually port 587); refused if the server cannot.
    Starttls,
    /// TLS from the first byte (usually port 465).
    Tls,
    /// No encryption: only to a server on this machine.
    None,
}

/// A value that never shows in logs, `check-config` output or pages.
#[derive(Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_set(&self) -> bool {
        !self.0.is_empty()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.is_set() { "(hidden)" } else { "(not set)" })
    }
}

/// Serialises as a placeholder, so `check-config` shows whether it is set, not what it is.
impl Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(if self.is_set() { "(hidden)" } else { "" })
    }
}

pub(super) fn is_loopback_host(host: &str) -> bool {
    host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}
