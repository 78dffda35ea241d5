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
