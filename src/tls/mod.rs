//! TLS with rustls (ring provider only; no OpenSSL, no aws-lc). A self-signed certificate is
//! made on first start and kept in the data dir, valid for a year and made anew at start when
//! fewer than 30 days remain; certificate files are re-read on SIGHUP; in `acme` mode a CA
//! issues and renews the certificate (`acme`). The server picks the cipher suite by its own
//! order (strongest first), not the client's. Connections are accepted by `web::edge`.

mod acme;

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use rustls::ServerConfig;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;

pub use acme::{AcmeError, AcmeStatus};

use crate::config::{Config, TlsMode};

/// The ALPN protocol of the TLS-ALPN-01 challenge (RFC 8737): a connection that negotiates it
/// carries no HTTP.
pub const ACME_TLS_ALPN: &[u8] = b"acme-tls/1";

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read {path}: {source}; check tls.cert / tls.key and the file permissions")]
    Read { path: PathBuf, source: io::Error },
    #[error("{path} holds no PEM certificate; tls.cert must be the PEM certificate chain")]
    NoCertificate { path: PathBuf },
    #[error(
        "{path} holds no usable PEM private key ({detail}); tls.key must be the PEM key of the certificate"
    )]
    BadKey { path: PathBuf, detail: String },
    #[error("the certificate and key do not fit together: {0}")]
    Mismatch(rustls::Error),
    #[error("cannot make the self-signed certificate: {0}")]
    Generate(String),
    #[error("cannot write {path}: {source}; check that the data directory is writable")]
    Write { path: PathBuf, source: io::Error },
    #[error("{0}")]
    Acme(#[from] AcmeError),
}

/// Where the certificate comes from.
enum Origin {
    /// PEM files, re-read on SIGHUP (`files`, or the self-signed pair in the data dir).
    Files {
        cert: PathBuf,
        key: PathBuf,
    },
    Acme(acme::Acme),
}

/// Where the certificate comes from, and the certificate new connections get.
#[derive(Clone)]
pub struct TlsSource {
    origin: Arc<Origin>,
    certs: Arc<Certs>,
    server: Arc<ServerConfig>,
}

/// The certificate served, and during an ACME order the TLS-ALPN-01 challenge certificate
/// by server name.
#[derive(Debug)]
struct Certs {
    current: RwLock<Arc<CertifiedKey>>,
    challenges: RwLock<HashMap<String, Arc<CertifiedKey>>>,
}

impl ResolvesServerCert for Certs {
    fn resolve(&self, hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        if hello.alpn().is_some_and(|mut offered| offered.any(|p| p == ACME_TLS_ALPN)) {
            let name = hello.server_name()?;
            return self.challenges.read().unwrap_or_else(|p| p.into_inner()).get(name).cloned();
        }
        Some(self.current.read().unwrap_or_else(|p| p.into_inner()).clone())
    }
}

impl Certs {
    fn set(&self, key: Arc<CertifiedKey>) {
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = key;
    }

    fn current(&self) -> Arc<CertifiedKey> {
        self.current.read().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

impl TlsSource {
    /// `None` when TLS is off.
    pub fn from_config(config: &Config) -> Result<Option<TlsSource>, TlsError> {
        let (origin, first) = match config.tls.mode {
            TlsMode::Off => return Ok(None),
            TlsMode::Files => {
                let cert = config.tls.cert.clone().expect("validated");
                let key = config.tls.key.clone().expect("validated");
                let first = load(&cert, &key)?;
                (Origin::Files { cert, key }, first)
            }
            TlsMode::SelfSigned => {
                let (cert, key) = ensure_self_signed(&config.data_dir, &config.public_host())?;
                let first = load(&cert, &key)?;
                (Origin::Files { cert, key }, first)
            }
            TlsMode::Acme => {
                let acme = acme::Acme::new(config)?;
                // Until the CA's certificate arrives, a self-signed one answers.
                let first = match acme.stored()? {
                    Some(issued) => issued,
                    None => {
                        let (cert, key) = ensure_self_signed(&config.data_dir, &config.public_host())?;
                        load(&cert, &key)?
                    }
                };
                (Origin::Acme(acme), first)
            }
        };
        let certs = Arc::new(Certs { current: RwLock::new(first), challenges: RwLock::default() });
        let mut server = ServerConfig::builder_with_provider(provider())
            .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
            .map_err(TlsError::Mismatch)?
            .with_no_client_auth()
            .with_cert_resolver(certs.clone());
        server.alpn_protocols = vec![b"http/1.1".to_vec()];
        if matches!(origin, Origin::Acme(_)) {
            server.alpn_protocols.push(ACME_TLS_ALPN.to_vec());
        }
        // A client listing a weak suite first must not get it: ring's order is strongest first.
        server.ignore_client_order = true;
        Ok(Some(TlsSource { origin: Arc::new(origin), certs, server: Arc::new(server) }))
    }

    /// Re-reads the files; on failure the old certificate stays in use.
    pub fn reload(&self) -> Result<(), TlsError> {
        let fresh = match &*self.origin {
            Origin::Files { cert, key } => load(cert, key)?,
            Origin::Acme(acme) => match acme.stored()? {
                Some(issued) => issued,
                None => return Ok(()),
            },
        };
        self.certs.set(fresh);
        Ok(())
    }

    /// The rustls config new connections use.
    pub fn server_config(&self) -> Arc<ServerConfig> {
        self.server.clone()
    }

    /// The leaf certificate being served (DER).
    pub fn served_certificate(&self) -> Vec<u8> {
        self.certs.current().cert.first().map(|c| c.to_vec()).unwrap_or_default()
    }

    /// In `acme` mode: orders a certificate when none from the CA is served yet, when two
    /// thirds of the served one's lifetime have passed, or when public_url's host changed;
    /// after a failure, not before the backoff has passed. `now` is the app's clock.
    pub async fn renew_if_due(&self, now: i64) {
        if let Origin::Acme(acme) = &*self.origin {
            acme.renew_if_due(&self.certs, now).await;
        }
    }

    /// In `acme` mode, how renewal stands (for the owner's admin page).
    pub fn acme_status(&self) -> Option<AcmeStatus> {
        match &*self.origin {
            Origin::Acme(acme) => Some(acme.status()),
            Origin::Files { .. } => None,
        }
    }
}

fn load(cert_path: &Path, key_path: &Path) -> Result<Arc<CertifiedKey>, TlsError> {
    let read = |p: &Path| std::fs::read(p).map_err(|source| TlsError::Read { path: p.to_owned(), source });
    let cert_pem = read(cert_path)?;
    let key_pem = read(key_path)?;
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<Result<_, _>>()
        .map_err(|_| TlsError::NoCertificate { path: cert_path.to_owned() })?;
    if certs.is_empty() {
        return Err(TlsError::NoCertificate { path: cert_path.to_owned() });
    }
    let key = PrivateKeyDer::from_pem_slice(&key_pem)
        .map_err(|e| TlsError::BadKey { path: key_path.to_owned(), detail: e.to_string() })?;
    CertifiedKey::from_der(certs, key, &provider()).map(Arc::new).map_err(TlsError::Mismatch)
}

/// How long a self-signed certificate is valid, and how close to its end it is made anew.
const SELF_SIGNED_DAYS: i64 = 365;
const RENEW_WITHIN_DAYS: i64 = 30;

/// Makes (or reuses) `data_dir/tls/{cert,key}.pem`, valid for localhost, the loopback
/// addresses and `host`. A changed `host`, or fewer than 30 days left, makes a new one.
fn ensure_self_signed(data_dir: &Path, host: &str) -> Result<(PathBuf, PathBuf), TlsError> {
    let dir = data_dir.join("tls");
    let cert = dir.join("cert.pem");
    let key = dir.join("key.pem");
    let names_file = dir.join("names");
    let mut names = vec!["localhost".to_string(), "127.0.0.1".to_string(), "::1".to_string()];
    if !names.iter().any(|n| n == host) {
        names.push(host.to_string());
    }
    let wanted = names.join("\n");
    let current = std::fs::read_to_string(&names_file).ok();
    let now = jiff::Timestamp::now();
    let renew_by = now + jiff::SignedDuration::from_hours(24 * RENEW_WITHIN_DAYS);
    let lasts =
        || std::fs::read(&cert).ok().and_then(|pem| not_after(&pem)).is_some_and(|end| end > renew_by);
    if key.exists() && current.as_deref() == Some(wanted.as_str()) && lasts() {
        return Ok((cert, key));
    }
    let write_err = |path: &Path| {
        let path = path.to_owned();
        move |source| TlsError::Write { path, source }
    };
    crate::keys::ensure_private_dir(&dir).map_err(write_err(&dir))?;
    let generate = |e: rcgen::Error| TlsError::Generate(e.to_string());
    let mut params = rcgen::CertificateParams::new(names).map_err(generate)?;
    // An hour back for clocks that are a little behind ours.
    let from = now - jiff::SignedDuration::from_hours(1);
    let until = now + jiff::SignedDuration::from_hours(24 * SELF_SIGNED_DAYS);
    params.not_before =
        rcgen::date_time_ymd(1970, 1, 1) + std::time::Duration::from_secs(from.as_second() as u64);
    params.not_after =
        rcgen::date_time_ymd(1970, 1, 1) + std::time::Duration::from_secs(until.as_second() as u64);
    let signing_key = rcgen::KeyPair::generate().map_err(generate)?;
    let made = params.self_signed(&signing_key).map_err(generate)?;
    write_private(&key, signing_key.serialize_pem().as_bytes()).map_err(write_err(&key))?;
    std::fs::write(&cert, made.pem()).map_err(write_err(&cert))?;
    std::fs::write(&names_file, wanted).map_err(write_err(&names_file))?;
    tracing::info!(cert = %cert.display(), until = %until.strftime("%Y-%m-%d"), "made a self-signed certificate");
    Ok((cert, key))
}

/// The end of validity of the first certificate in a PEM chain.
pub fn not_after(pem: &[u8]) -> Option<jiff::Timestamp> {
    let first = CertificateDer::pem_slice_iter(pem).next()?.ok()?;
    validity(&first).map(|(_, end)| end)
}

/// notBefore and notAfter of a DER certificate. Fifty lines of DER walking instead of an
/// X.509 crate: Certificate → tbsCertificate → [0] version?, serial, signature, issuer,
/// validity.
pub fn validity(der: &[u8]) -> Option<(jiff::Timestamp, jiff::Timestamp)> {
    let (_, cert, _) = der_item(der)?;
    let (_, mut tbs, _) = der_item(cert)?;
    if tbs.first() == Some(&0xa0) {
        tbs = der_item(tbs)?.2;
    }
    for _ in 0..3 {
        tbs = der_item(tbs)?.2; // serial, signature algorithm, issuer
    }
    let (tag, validity, _) = der_item(tbs)?;
    if tag != 0x30 {
        return None;
    }
    let (tag1, start, rest) = der_item(validity)?;
    let (tag2, end, _) = der_item(rest)?;
    Some((der_time(tag1, start)?, der_time(tag2, end)?))
}

/// One DER item: its tag, its contents and what follows it.
fn der_item(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let tag = *bytes.first()?;
    let first = *bytes.get(1)?;
    let (len, header) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let len = bytes.get(2..2 + n)?.iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (len, 2 + n)
    };
    let contents = bytes.get(header..header.checked_add(len)?)?;
    Some((tag, contents, &bytes[header + len..]))
}

/// UTCTime (YYMMDDHHMMSSZ, years 1950–2049) or GeneralizedTime (YYYYMMDDHHMMSSZ).
fn der_time(tag: u8, text: &[u8]) -> Option<jiff::Timestamp> {
    let text = std::str::from_utf8(text).ok()?.strip_suffix('Z')?;
    let full = match (tag, text.len()) {
        (0x17, 12) => {
            let yy: u32 = text[..2].parse().ok()?;
            format!("{}{text}", if yy < 50 { "20" } else { "19" })
        }
        (0x18, 14) => text.to_string(),
        _ => return None,
    };
    let n = |range: std::ops::Range<usize>| full.get(range)?.parse::<i16>().ok();
    let (y, mo, d, h, mi, s) = (n(0..4)?, n(4..6)?, n(6..8)?, n(8..10)?, n(10..12)?, n(12..14)?);
    let time = jiff::civil::DateTime::new(
        y,
        i8::try_from(mo).ok()?,
        i8::try_from(d).ok()?,
        i8::try_from(h).ok()?,
        i8::try_from(mi).ok()?,
        i8::try_from(s).ok()?,
        0,
    )
    .ok()?;
    time.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| z.timestamp())
}

fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity_is_read_from_both_time_forms() {
        let mut params = rcgen::CertificateParams::new(vec!["example.org".into()]).unwrap();
        params.not_before = rcgen::date_time_ymd(2031, 3, 4);
        params.not_after = rcgen::date_time_ymd(2051, 6, 7); // past 2049: GeneralizedTime
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = params.self_signed(&key).unwrap();
        let (start, end) = validity(cert.der()).unwrap();
        assert_eq!(start.to_string(), "2031-03-04T00:00:00Z");
        assert_eq!(end.to_string(), "2051-06-07T00:00:00Z");
        assert_eq!(not_after(cert.pem().as_bytes()), Some(end));
        assert_eq!(validity(&cert.der()[..40]), None, "a cut certificate is no certificate");
    }
}
