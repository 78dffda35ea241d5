//! Certificates from an ACME CA (RFC 8555; Let's Encrypt by default) with the TLS-ALPN-01
//! challenge (RFC 8737): the CA connects to port 443 of public_url's host, offers the ALPN
//! protocol `acme-tls/1`, and gets a certificate that carries the challenge's digest. No
//! second port, no files in a web root, no DNS API. The account key, the certificate and its
//! key are kept in `data_dir/acme` (private files). A failed order keeps the old certificate
//! and is tried again with a doubling backoff; the owner's admin page shows the failure.

use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use hyper_util::rt::TokioIo;
use instant_acme::{
    Account, AccountCredentials, AuthorizationStatus, BodyWrapper, BytesResponse, ChallengeType, Identifier,
    NewAccount, NewOrder, OrderStatus, RetryPolicy,
};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use rustls::sign::CertifiedKey;
use serde::{Deserialize, Serialize};

use super::{Certs, TlsError, load, provider, validity, write_private};
use crate::config::Config;

/// The first retry after a failure, doubling up to `MAX_BACKOFF_SECS`. Let's Encrypt allows
/// five failed validations per name and hour; this stays under it after the first hour.
const FIRST_BACKOFF_SECS: i64 = 60;
const MAX_BACKOFF_SECS: i64 = 6 * 3600;
/// Any one request to the CA.
const CA_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum AcmeError {
    #[error(
        "cannot read tls.acme_ca_roots {path}: {detail}; give a readable PEM file with the CA's root certificate"
    )]
    Roots { path: PathBuf, detail: String },
    #[error("{step} at {directory} failed: {source}")]
    Ca { step: &'static str, directory: String, source: instant_acme::Error },
    #[error(
        "the CA could not verify {domain}: {detail}. Port 443 of {domain} must reach tellpoint directly \
         (a proxy in front must pass TLS through, not end it)"
    )]
    Challenge { domain: String, detail: String },
    #[error("the CA offers no TLS-ALPN-01 challenge for {0}; tellpoint needs a CA that does")]
    NoTlsAlpn(String),
    #[error("cannot make the challenge certificate: {0}")]
    Generate(String),
    #[error("cannot write {path}: {source}; check that the data directory is writable")]
    Write { path: PathBuf, source: io::Error },
    #[error("the CA's certificate cannot be used: {0}")]
    Unusable(String),
}

/// How renewal stands, for the owner's admin page. Times are Unix seconds.
#[derive(Clone, Debug, Default)]
pub struct AcmeStatus {
    /// The end of the CA certificate being served; `None` while the placeholder is served.
    pub valid_until: Option<i64>,
    /// When the next order is due.
    pub renew_at: Option<i64>,
    /// Since when orders fail, and the last failure in words.
    pub failing_since: Option<i64>,
    pub last_error: Option<String>,
    /// When a failed order is tried again.
    pub next_try: Option<i64>,
}

#[derive(Default)]
struct State {
    /// notBefore and notAfter of the CA certificate being served.
    issued: Option<(i64, i64)>,
    failures: u32,
    next_try: i64,
    failing_since: Option<i64>,
    last_error: Option<String>,
}

pub(super) struct Acme {
    directory: String,
    domain: String,
    dir: PathBuf,
    connector: tokio_rustls::TlsConnector,
    state: Mutex<State>,
    /// One order at a time.
    running: tokio::sync::Mutex<()>,
}

/// The account file: credentials with the directory they belong to.
#[derive(Serialize, Deserialize)]
struct StoredAccount {
    directory: String,
    credentials: AccountCredentials,
}

impl Acme {
    pub(super) fn new(config: &Config) -> Result<Acme, AcmeError> {
        let mut roots = rustls::RootCertStore::empty();
        match &config.tls.acme_ca_roots {
            Some(path) => {
                let bad = |detail: String| AcmeError::Roots { path: path.clone(), detail };
                let pem = std::fs::read(path).map_err(|e| bad(e.to_string()))?;
                for cert in CertificateDer::pem_slice_iter(&pem) {
                    roots.add(cert.map_err(|e| bad(e.to_string()))?).map_err(|e| bad(e.to_string()))?;
                }
                if roots.is_empty() {
                    return Err(bad("no PEM certificate in it".into()));
                }
            }
            None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
        }
        let mut client = rustls::ClientConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .expect("ring supports the default versions")
            .with_root_certificates(roots)
            .with_no_client_auth();
        client.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Acme {
            directory: config.tls.acme_directory.clone(),
            domain: config.public_host(),
            dir: config.data_dir.join("acme"),
            connector: tokio_rustls::TlsConnector::from(Arc::new(client)),
            state: Mutex::default(),
            running: tokio::sync::Mutex::new(()),
        })
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The CA's certificate kept from an earlier run, when it is for today's domain and
    /// loads; otherwise `None` (and a new one is ordered).
    pub(super) fn stored(&self) -> Result<Option<Arc<CertifiedKey>>, TlsError> {
        let for_domain = std::fs::read_to_string(self.path("domain")).ok();
        if for_domain.as_deref() != Some(self.domain.as_str()) {
            return Ok(None);
        }
        let loaded = match load(&self.path("cert.pem"), &self.path("key.pem")) {
            Ok(key) => key,
            Err(e) => {
                tracing::warn!(error = %e, "the stored ACME certificate does not load; ordering a new one");
                return Ok(None);
            }
        };
        let issued = loaded.cert.first().and_then(|c| validity(c));
        self.lock().issued = issued.map(|(start, end)| (start.as_second(), end.as_second()));
        Ok(Some(loaded))
    }

    pub(super) fn status(&self) -> AcmeStatus {
        let state = self.lock();
        AcmeStatus {
            valid_until: state.issued.map(|(_, end)| end),
            renew_at: state.issued.map(renew_at),
            failing_since: state.failing_since,
            last_error: state.last_error.clone(),
            next_try: state.failing_since.map(|_| state.next_try),
        }
    }

    pub(super) async fn renew_if_due(&self, certs: &Certs, now: i64) {
        {
            let state = self.lock();
            let due = state.issued.is_none_or(|issued| now >= renew_at(issued));
            if !due || now < state.next_try {
                return;
            }
        }
        let Ok(_running) = self.running.try_lock() else { return };
        match self.order(certs).await {
            Ok((key, (start, end))) => {
                certs.set(key);
                let mut state = self.lock();
                *state = State { issued: Some((start, end)), ..State::default() };
                tracing::info!(
                    domain = %self.domain,
                    until = %crate::clock::format_utc(end),
                    "certificate from the CA installed"
                );
            }
            Err(e) => {
                let mut state = self.lock();
                state.failures += 1;
                let backoff = FIRST_BACKOFF_SECS
                    .saturating_mul(1 << (state.failures - 1).min(20))
                    .min(MAX_BACKOFF_SECS);
                state.next_try = now + backoff;
                state.failing_since.get_or_insert(now);
                state.last_error = Some(e.to_string());
                tracing::warn!(
                    error = %e,
                    retry_in_secs = backoff,
                    "could not get a certificate from the CA; the current certificate stays in use"
                );
            }
        }
    }

    /// One order, from account to installed files: the new certificate and its validity.
    async fn order(&self, certs: &Certs) -> Result<(Arc<CertifiedKey>, (i64, i64)), AcmeError> {
        let ca = |step: &'static str| {
            let directory = self.directory.clone();
            move |source| AcmeError::Ca { step, directory, source }
        };
        let identifiers = [Identifier::Dns(self.domain.clone())];
        let new_order = NewOrder::new(&identifiers);
        let mut account = self.account(false).await?;
        let mut order = match account.new_order(&new_order).await {
            // The CA forgot the account (a test CA restarted, or it was deactivated): a new one.
            Err(instant_acme::Error::Api(problem))
                if problem.r#type.as_deref() == Some("urn:ietf:params:acme:error:accountDoesNotExist") =>
            {
                account = self.account(true).await?;
                account.new_order(&new_order).await.map_err(ca("ordering a certificate"))?
            }
            other => other.map_err(ca("ordering a certificate"))?,
        };
        let _challenge = ChallengeGuard { certs, domain: &self.domain };
        let mut authorizations = order.authorizations();
        while let Some(authorization) = authorizations.next().await {
            let mut authorization = authorization.map_err(ca("reading the authorization"))?;
            match authorization.status {
                AuthorizationStatus::Pending => {}
                AuthorizationStatus::Valid => continue,
                other => {
                    return Err(AcmeError::Challenge {
                        domain: self.domain.clone(),
                        detail: format!("the authorization is {other:?}"),
                    });
                }
            }
            let mut challenge = authorization
                .challenge(ChallengeType::TlsAlpn01)
                .ok_or_else(|| AcmeError::NoTlsAlpn(self.domain.clone()))?;
            let answer =
                challenge_certificate(&self.domain, challenge.key_authorization().digest().as_ref())?;
            certs.challenges.write().unwrap_or_else(|p| p.into_inner()).insert(self.domain.clone(), answer);
            challenge.set_ready().await.map_err(ca("answering the challenge"))?;
        }
        let status = order.poll_ready(&RetryPolicy::default()).await.map_err(ca("waiting for validation"))?;
        if status != OrderStatus::Ready {
            let detail = order
                .state()
                .error
                .as_ref()
                .map_or_else(|| format!("the order is {status:?}"), |p| p.to_string());
            return Err(AcmeError::Challenge { domain: self.domain.clone(), detail });
        }
        let key_pem = order.finalize().await.map_err(ca("finalising the order"))?;
        let chain_pem = order
            .poll_certificate(&RetryPolicy::default())
            .await
            .map_err(ca("downloading the certificate"))?;
        self.install(chain_pem.as_bytes(), key_pem.as_bytes())
    }

    /// The stored account, or a new one (`fresh`, or none stored for this directory).
    async fn account(&self, fresh: bool) -> Result<Account, AcmeError> {
        let file = self.path("account.json");
        let http = || Box::new(CaClient { connector: self.connector.clone() });
        let ca = |step: &'static str| {
            let directory = self.directory.clone();
            move |source| AcmeError::Ca { step, directory, source }
        };
        if !fresh
            && let Some(stored) = std::fs::read(&file)
                .ok()
                .and_then(|bytes| serde_json::from_slice::<StoredAccount>(&bytes).ok())
                .filter(|s| s.directory == self.directory)
        {
            return Account::builder_with_http(http())
                .from_credentials(stored.credentials)
                .await
                .map_err(ca("reading the ACME directory"));
        }
        // Let's Encrypt no longer mails about expiry, so no contact address is given.
        let new = NewAccount { contact: &[], terms_of_service_agreed: true, only_return_existing: false };
        let (account, credentials) = Account::builder_with_http(http())
            .create(&new, self.directory.clone(), None)
            .await
            .map_err(ca("creating the ACME account"))?;
        let stored = StoredAccount { directory: self.directory.clone(), credentials };
        let bytes = serde_json::to_vec(&stored).expect("credentials serialise");
        self.write(&file, &bytes)?;
        Ok(account)
    }

    /// Checks the CA's certificate and key, then puts them in place of the old pair.
    fn install(
        &self,
        chain_pem: &[u8],
        key_pem: &[u8],
    ) -> Result<(Arc<CertifiedKey>, (i64, i64)), AcmeError> {
        let (cert_new, key_new) = (self.path("cert.pem.new"), self.path("key.pem.new"));
        self.write(&key_new, key_pem)?;
        self.write(&cert_new, chain_pem)?;
        let key = load(&cert_new, &key_new).map_err(|e| AcmeError::Unusable(e.to_string()))?;
        let (start, end) = key
            .cert
            .first()
            .and_then(|c| validity(c))
            .ok_or_else(|| AcmeError::Unusable("its validity cannot be read".into()))?;
        let renamed = |from: &Path, to: &str| {
            let to = self.path(to);
            std::fs::rename(from, &to).map_err(|source| AcmeError::Write { path: to, source })
        };
        renamed(&key_new, "key.pem")?;
        renamed(&cert_new, "cert.pem")?;
        self.write(&self.path("domain"), self.domain.as_bytes())?;
        Ok((key, (start.as_second(), end.as_second())))
    }

    fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), AcmeError> {
        let failed = |source| AcmeError::Write { path: path.to_owned(), source };
        crate::keys::ensure_private_dir(&self.dir).map_err(failed)?;
        write_private(path, bytes).map_err(failed)
    }
}

/// Two thirds into the certificate's lifetime (30 days before the end of a 90-day one).
fn renew_at((start, end): (i64, i64)) -> i64 {
    start + (end - start) * 2 / 3
}

/// Takes the challenge certificate away when the order ends, however it ends.
struct ChallengeGuard<'a> {
    certs: &'a Certs,
    domain: &'a str,
}

impl Drop for ChallengeGuard<'_> {
    fn drop(&mut self) {
        self.certs.challenges.write().unwrap_or_else(|p| p.into_inner()).remove(self.domain);
    }
}

/// The TLS-ALPN-01 answer: a self-signed certificate for the name alone, carrying the
/// digest of the key authorisation in the critical acmeIdentifier extension.
fn challenge_certificate(domain: &str, digest: &[u8]) -> Result<Arc<CertifiedKey>, AcmeError> {
    let generate = |e: rcgen::Error| AcmeError::Generate(e.to_string());
    let mut params = rcgen::CertificateParams::new(vec![domain.to_string()]).map_err(generate)?;
    params.custom_extensions = vec![rcgen::CustomExtension::new_acme_identifier(digest)];
    let key = rcgen::KeyPair::generate().map_err(generate)?;
    let cert = params.self_signed(&key).map_err(generate)?;
    let private =
        PrivateKeyDer::try_from(key.serialize_der()).map_err(|e| AcmeError::Generate(e.to_string()))?;
    // Not `CertifiedKey::from_der`: its key check parses the certificate with webpki, which
    // refuses the critical acmeIdentifier extension.
    let signing =
        provider().key_provider.load_private_key(private).map_err(|e| AcmeError::Generate(e.to_string()))?;
    Ok(Arc::new(CertifiedKey::new(vec![cert.der().clone()], signing)))
}

/// HTTPS to the CA: one HTTP/1.1 connection per request over rustls with the chosen roots
/// (an ACME order is a dozen requests a quarter; a pooled client is not worth its crates).
struct CaClient {
    connector: tokio_rustls::TlsConnector,
}

type CaResult = Result<BytesResponse, instant_acme::Error>;

impl instant_acme::HttpClient for CaClient {
    fn request(
        &self,
        req: hyper::Request<BodyWrapper<Bytes>>,
    ) -> Pin<Box<dyn Future<Output = CaResult> + Send>> {
        let connector = self.connector.clone();
        Box::pin(async move {
            match tokio::time::timeout(CA_TIMEOUT, send(connector, req)).await {
                Ok(result) => result.map_err(instant_acme::Error::Other),
                Err(_) => Err(instant_acme::Error::Other("no answer within 30 s".into())),
            }
        })
    }
}

async fn send(
    connector: tokio_rustls::TlsConnector,
    mut req: hyper::Request<BodyWrapper<Bytes>>,
) -> Result<BytesResponse, Box<dyn std::error::Error + Send + Sync>> {
    let uri = req.uri().clone();
    if uri.scheme_str() != Some("https") {
        return Err(format!("{uri} is not an https:// URL").into());
    }
    let host = uri.host().ok_or("the URL has no host")?.trim_matches(['[', ']']).to_string();
    let port = uri.port_u16().unwrap_or(443);
    let tcp = tokio::net::TcpStream::connect((host.as_str(), port)).await?;
    let tls = connector.connect(ServerName::try_from(host)?, tcp).await?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(tls)).await?;
    tokio::spawn(connection);
    let authority = uri.authority().ok_or("the URL has no host")?.as_str().parse()?;
    req.headers_mut().insert(hyper::header::HOST, authority);
    *req.uri_mut() = uri.path_and_query().map_or("/", |p| p.as_str()).parse()?;
    Ok(BytesResponse::from(sender.send_request(req).await?))
}
