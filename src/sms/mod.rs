//! Text messages: how many segments a text takes, and handing texts to an SMS gateway
//! (`gateway`) within the rate and the month's cap (`texter`). Numbers are `model::phone`.

mod gateway;
mod reports;
mod segments;
mod texter;

use std::sync::{Arc, LazyLock};

pub use gateway::{SendError, send};
pub use reports::ReportQueue;
pub use segments::{Encoding, segments};
pub use texter::{Texter, month_of};

/// rustls for the cloud gateways: the public web roots, ring.
fn tls_config() -> Arc<rustls::ClientConfig> {
    static CONFIG: LazyLock<Arc<rustls::ClientConfig>> = LazyLock::new(|| {
        let roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
        let config =
            rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
                .with_safe_default_protocol_versions()
                .expect("ring supports the default versions")
                .with_root_certificates(roots)
                .with_no_client_auth();
        Arc::new(config)
    });
    CONFIG.clone()
}
