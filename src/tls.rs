//! TLS with rustls (ring provider only; no OpenSSL, no aws-lc). A self-signed certificate is
//! made on first start and kept in the data dir; certificate files are re-read on SIGHUP.
//! Connections are accepted by `web::edge`.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use rustls::ServerConfig;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

use crate::config::{Config, TlsMode};

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
}

/// Where the certificate comes from, and the current rustls config built from it.
#[derive(Clone)]
pub struct TlsSource {
    cert: PathBuf,
    key: PathBuf,
    current: Arc<RwLock<Arc<ServerConfig>>>,
}

impl TlsSource {
    /// `None` when TLS is off.
    pub fn from_config(config: &Config) -> Result<Option<TlsSource>, TlsError> {
        let (cert, key) = match config.tls.mode {
            TlsMode::Off => return Ok(None),
            TlsMode::Files => {
                (config.tls.cert.clone().expect("validated"), config.tls.key.clone().expect("validated"))
            }
            TlsMode::SelfSigned => ensure_self_signed(&config.data_dir, &config.public_host())?,
        };
        let server = load(&cert, &key)?;
        Ok(Some(TlsSource { cert, key, current: Arc::new(RwLock::new(server)) }))
    }

    /// Re-reads the files; on failure the old certificate stays in use.
    pub fn reload(&self) -> Result<(), TlsError> {
        let server = load(&self.cert, &self.key)?;
        *self.current.write().expect("tls lock") = server;
        Ok(())
    }

    /// The rustls config new connections use.
    pub fn server_config(&self) -> Arc<ServerConfig> {
        self.current.read().expect("tls lock").clone()
    }
}

fn load(cert_path: &Path, key_path: &Path) -> Result<Arc<ServerConfig>, TlsError> {
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
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut server = ServerConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(TlsError::Mismatch)?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(TlsError::Mismatch)?;
    server.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(server))
}

/// Makes (or reuses) `data_dir/tls/{cert,key}.pem`, valid for localhost, the loopback
/// addresses and `host`. A changed `host` makes a new certificate.
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
    if cert.exists() && key.exists() && current.as_deref() == Some(wanted.as_str()) {
        return Ok((cert, key));
    }
    let write_err = |path: &Path| {
        let path = path.to_owned();
        move |source| TlsError::Write { path, source }
    };
    crate::keys::ensure_private_dir(&dir).map_err(write_err(&dir))?;
    let made = rcgen::generate_simple_self_signed(names).map_err(|e| TlsError::Generate(e.to_string()))?;
    write_private(&key, made.signing_key.serialize_pem().as_bytes()).map_err(write_err(&key))?;
    std::fs::write(&cert, made.cert.pem()).map_err(write_err(&cert))?;
    std::fs::write(&names_file, wanted).map_err(write_err(&names_file))?;
    tracing::info!(cert = %cert.display(), "made a self-signed certificate");
    Ok((cert, key))
}

fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}
