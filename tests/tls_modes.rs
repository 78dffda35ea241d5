//! Certificates from files (reloaded on SIGHUP without dropping connections) and plain HTTP
//! on loopback behind a proxy.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::Instance;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

type Stream = common::TlsStream;

fn make_cert(dir: &Path, name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let made = rcgen::generate_simple_self_signed(vec!["localhost".into(), "127.0.0.1".into()]).unwrap();
    let cert = dir.join(format!("{name}.pem"));
    let key = dir.join(format!("{name}.key"));
    std::fs::write(&cert, made.cert.pem()).unwrap();
    std::fs::write(&key, made.signing_key.serialize_pem()).unwrap();
    (cert, key)
}

async fn connect(tp: &Instance, trusted: &Path) -> std::io::Result<Stream> {
    tp.tls_connect(trusted).await
}

/// One keep-alive request for /healthz on an open connection; true when it answers "ok".
async fn healthz(stream: &mut Stream) -> bool {
    let req = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n";
    if stream.write_all(req).await.is_err() {
        return false;
    }
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        match tokio::time::timeout(Duration::from_secs(5), stream.read(&mut chunk)).await {
            Ok(Ok(n)) if n > 0 => buf.extend_from_slice(&chunk[..n]),
            _ => return false,
        }
        let text = String::from_utf8_lossy(&buf);
        if text.contains("\r\n\r\nok") {
            return text.starts_with("HTTP/1.1 200");
        }
    }
    false
}

#[tokio::test(flavor = "multi_thread")]
async fn certificate_files_reload_on_sighup_without_dropping_connections() {
    let dir = tempfile::tempdir().unwrap();
    let (cert1, key1) = make_cert(dir.path(), "one");
    let (cert2, key2) = make_cert(dir.path(), "two");
    let live_cert = dir.path().join("live.pem");
    let live_key = dir.path().join("live.key");
    std::fs::copy(&cert1, &live_cert).unwrap();
    std::fs::copy(&key1, &live_key).unwrap();
    let tp = Instance::start(
        dir.path(),
        &[
            ("TELLPOINT_TLS__MODE", "files"),
            ("TELLPOINT_TLS__CERT", live_cert.to_str().unwrap()),
            ("TELLPOINT_TLS__KEY", live_key.to_str().unwrap()),
        ],
    );
    let mut old = connect(&tp, &cert1).await.expect("the first certificate is served");
    assert!(healthz(&mut old).await);

    std::fs::copy(&cert2, &live_cert).unwrap();
    std::fs::copy(&key2, &live_key).unwrap();
    tp.signal("HUP");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !tp.log_text().contains("TLS certificate reloaded") {
        assert!(Instant::now() < deadline, "no reload: {}", tp.log_text());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let mut new = connect(&tp, &cert2).await.expect("the new certificate is served");
    assert!(healthz(&mut new).await);
    assert!(connect(&tp, &cert1).await.is_err(), "new connections no longer get the old certificate");
    assert!(healthz(&mut old).await, "the connection opened before the reload still works");

    // A broken file on reload keeps the working certificate.
    std::fs::write(&live_key, "not a key").unwrap();
    tp.signal("HUP");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !tp.log_text().contains("TLS reload failed") {
        assert!(Instant::now() < deadline);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(healthz(&mut connect(&tp, &cert2).await.unwrap()).await);
}

#[tokio::test(flavor = "multi_thread")]
async fn plain_http_on_loopback_behind_a_proxy() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(
        dir.path(),
        &[("TELLPOINT_TLS__MODE", "off"), ("TELLPOINT_PUBLIC_URL", "https://listen.example.org")],
    );
    let res = reqwest::get(format!("{}/", tp.base)).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers().get("strict-transport-security").is_none(), "no HSTS without TLS");
    assert!(res.headers().get("content-security-policy").is_some());
    assert!(tp.log_text().contains("https://listen.example.org/setup/"), "links use public_url");
}

/// A raw TLS connection offering the suites in `order` (weakest first).
async fn connect_offering(tp: &Instance, order: Vec<rustls::SupportedCipherSuite>) -> Stream {
    let provider =
        rustls::crypto::CryptoProvider { cipher_suites: order, ..rustls::crypto::ring::default_provider() };
    let tls = common::tls_connector(&tp.data_dir().join("tls/cert.pem"), provider);
    let tcp = tokio::net::TcpStream::connect(tp.base.trim_start_matches("https://")).await.unwrap();
    let name = rustls::pki_types::ServerName::try_from("localhost").unwrap();
    tls.connect(name, tcp).await.unwrap()
}

fn served_validity(tp: &Instance) -> (jiff::Timestamp, jiff::Timestamp) {
    let pem = std::fs::read(tp.data_dir().join("tls/cert.pem")).unwrap();
    let der = rustls::pki_types::pem::PemObject::from_pem_slice(&pem).unwrap();
    let der: rustls::pki_types::CertificateDer = der;
    tellpoint::tls::validity(&der).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_self_signed_certificate_lasts_a_year_and_is_made_anew_near_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(dir.path(), &[]);
    let (start, end) = served_validity(&tp);
    let now = jiff::Timestamp::now();
    assert!(
        start <= now && start > now - jiff::SignedDuration::from_hours(2),
        "valid from about now: {start}"
    );
    let days = (end.as_second() - now.as_second()) / 86_400;
    assert!((364..=366).contains(&days), "valid for a year, not {days} days");
    // What the server sends is the file's certificate.
    let stream = connect(&tp, &tp.data_dir().join("tls/cert.pem")).await.unwrap();
    let sent = stream.get_ref().1.peer_certificates().unwrap()[0].clone();
    assert_eq!(tellpoint::tls::validity(&sent), Some((start, end)));
    let before = std::fs::read(tp.data_dir().join("tls/cert.pem")).unwrap();
    tp.stop();

    // A restart keeps a certificate that has long to live…
    let tp = Instance::start(dir.path(), &[]);
    assert_eq!(std::fs::read(tp.data_dir().join("tls/cert.pem")).unwrap(), before);
    tp.stop();

    // …and replaces one with 20 days left.
    let mut params = rcgen::CertificateParams::new(vec!["localhost".into()]).unwrap();
    let soon = std::time::SystemTime::now() + Duration::from_secs(20 * 86_400);
    params.not_after = soon.into();
    let key = rcgen::KeyPair::generate().unwrap();
    let ending = params.self_signed(&key).unwrap();
    std::fs::write(tp_dir(dir.path()).join("tls/cert.pem"), ending.pem()).unwrap();
    std::fs::write(tp_dir(dir.path()).join("tls/key.pem"), key.serialize_pem()).unwrap();
    let tp = Instance::start(dir.path(), &[]);
    let (_, end) = served_validity(&tp);
    assert!(
        (end.as_second() - jiff::Timestamp::now().as_second()) / 86_400 >= 364,
        "a fresh year, not {end}"
    );
    let mut stream = connect(&tp, &tp.data_dir().join("tls/cert.pem")).await.unwrap();
    assert!(healthz(&mut stream).await);
    tp.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_server_chooses_the_strongest_suite_and_hsts_covers_subdomains() {
    use rustls::crypto::ring::cipher_suite as cs;
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(dir.path(), &[]);
    let weakest_first =
        vec![cs::TLS13_CHACHA20_POLY1305_SHA256, cs::TLS13_AES_128_GCM_SHA256, cs::TLS13_AES_256_GCM_SHA384];
    let stream = connect_offering(&tp, weakest_first).await;
    let chosen = stream.get_ref().1.negotiated_cipher_suite().unwrap().suite();
    assert_eq!(chosen, rustls::CipherSuite::TLS13_AES_256_GCM_SHA384, "the server's order wins");
    let tls12_weakest_first = vec![
        cs::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        cs::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        cs::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    ];
    let stream = connect_offering(&tp, tls12_weakest_first).await;
    let chosen = stream.get_ref().1.negotiated_cipher_suite().unwrap().suite();
    assert_eq!(chosen, rustls::CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384);

    let mut b = tp.browser();
    let r = b.get("/healthz").await;
    assert_eq!(r.header("strict-transport-security"), "max-age=31536000; includeSubDomains");
    tp.stop();

    let tp = Instance::start(dir.path(), &[("TELLPOINT_TLS__HSTS_INCLUDE_SUBDOMAINS", "false")]);
    let r = tp.browser().get("/healthz").await;
    assert_eq!(r.header("strict-transport-security"), "max-age=31536000");
    tp.stop();
}

fn tp_dir(dir: &Path) -> std::path::PathBuf {
    dir.join("tellpoint-data")
}
