//! `tls.mode = "acme"` against Pebble, Let's Encrypt's test CA: the first certificate, its
//! renewal, a CA that is down at renewal time (the old certificate stays and the owner is
//! told) and comes back with a new root and no memory of the account. What is checked is
//! what a browser sees: the certificate served on the port, verified against the CA's root.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use common::pebble::Pebble;
use common::{Browser, InProcess, Instance};
use tellpoint::config::TlsMode;

/// The leaf certificate (DER) served on `port` to a client that asks for `localhost` and
/// trusts only `root`; an error when that client would refuse it.
async fn served(port: u16, root: &Path) -> std::io::Result<Vec<u8>> {
    let tcp = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
    let name = rustls::pki_types::ServerName::try_from("localhost").unwrap();
    let provider = rustls::crypto::ring::default_provider();
    let tls = common::tls_connector(root, provider).connect(name, tcp).await?;
    let leaf = tls.get_ref().1.peer_certificates().and_then(|c| c.first()).map(|c| c.to_vec());
    Ok(leaf.unwrap_or_default())
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn certificates_come_from_the_ca_renew_and_outlast_a_ca_outage() {
    let work = tempfile::tempdir().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut pebble = Pebble::start(&work.path().join("pebble"), port);
    let (directory, https_root) = (pebble.directory.clone(), pebble.https_root.clone());
    let srv = InProcess::start_on(listener, |c| {
        c.tls.mode = TlsMode::Acme;
        c.public_url = format!("https://localhost:{port}");
        c.tls.acme_directory = directory;
        c.tls.acme_ca_roots = Some(https_root);
    })
    .await;
    let tls = srv.state.tls.clone().unwrap();
    let root1 = pebble.issuing_root(&work.path().join("root1.pem")).await;

    // Before the first order a self-signed placeholder answers; the CA does not vouch for it.
    assert!(served(port, &root1).await.is_err());
    assert_eq!(tls.acme_status().unwrap().valid_until, None);
    let mut owner_b = srv.browser();
    let setup = srv.setup_path();
    let mut owner = common::create_account(&mut owner_b, &setup, "olga").await;

    // The first certificate.
    tls.renew_if_due(srv.clock.now()).await;
    let status = tls.acme_status().unwrap();
    assert_eq!(status.last_error, None, "pebble says: {}", pebble.log());
    let first = served(port, &root1).await.expect("the CA's certificate is served");
    assert_eq!(first, tls.served_certificate());
    let (start, end) = tellpoint::tls::validity(&first).unwrap();
    assert_eq!(status.valid_until, Some(end.as_second()));
    assert_eq!(status.renew_at, Some(start.as_second() + (end.as_second() - start.as_second()) * 2 / 3));
    // A browser that trusts only the CA's root reaches the pages through it.
    let mut b = Browser::new(&format!("https://localhost:{port}"), &root1, None);
    let health = b.get("/healthz").await;
    assert_eq!((health.status, health.body.as_str()), (200, "ok"));
    let acme_dir = srv.state.config.data_dir.join("acme");
    for file in ["account.json", "cert.pem", "key.pem"] {
        assert_eq!(mode(&acme_dir.join(file)), 0o600, "{file} is private");
    }
    assert_eq!(mode(&acme_dir), 0o700);

    // Not due yet: nothing is ordered.
    tls.renew_if_due(srv.clock.now()).await;
    assert_eq!(served(port, &root1).await.unwrap(), first);

    // Two thirds into its life it is renewed, with a new challenge answered.
    srv.clock.advance(status.renew_at.unwrap() - srv.clock.now() + 1);
    tls.renew_if_due(srv.clock.now()).await;
    let status = tls.acme_status().unwrap();
    assert_eq!(status.last_error, None, "pebble says: {}", pebble.log());
    let second = served(port, &root1).await.unwrap();
    assert_ne!(second, first, "a new certificate after renewal");

    // The CA is down when the next renewal is due: the certificate served stays, and the
    // owner's admin page says so.
    pebble.stop();
    srv.clock.advance(status.renew_at.unwrap() - srv.clock.now() + 1);
    let failed_at = srv.clock.now();
    tls.renew_if_due(failed_at).await;
    let status = tls.acme_status().unwrap();
    let error = status.last_error.clone().expect("the failure is kept");
    assert!(error.contains("ordering a certificate") || error.contains("ACME directory"), "{error}");
    assert_eq!(status.failing_since, Some(failed_at));
    assert_eq!(status.next_try, Some(failed_at + 60));
    assert_eq!(served(port, &root1).await.unwrap(), second, "the old certificate stays");
    let mut owner_b = Browser::new(&format!("https://localhost:{port}"), &root1, None);
    common::sign_in_again(&srv, &mut owner_b, &mut owner).await;
    let home = owner_b.get("/admin").await;
    assert!(home.body.contains("The TLS certificate could not be renewed"), "{}", home.body);
    // Within the backoff nothing is tried, so the failure count stays where it is.
    tls.renew_if_due(failed_at + 30).await;
    assert_eq!(tls.acme_status().unwrap().next_try, Some(failed_at + 60));

    // The CA comes back with a new root and without the account: a new account, a new
    // certificate, the notice gone.
    pebble.restart();
    let root2 = pebble.issuing_root(&work.path().join("root2.pem")).await;
    srv.clock.advance(failed_at + 60 - srv.clock.now());
    tls.renew_if_due(srv.clock.now()).await;
    let status = tls.acme_status().unwrap();
    assert_eq!(status.last_error, None, "pebble says: {}", pebble.log());
    assert_eq!(status.failing_since, None);
    let third = served(port, &root2).await.expect("the certificate from the restarted CA");
    assert_ne!(third, second);
    assert!(served(port, &root1).await.is_err(), "the old root no longer vouches for it");
    let mut owner_b = Browser::new(&format!("https://localhost:{port}"), &root2, None);
    common::sign_in_again(&srv, &mut owner_b, &mut owner).await;
    let home = owner_b.get("/admin").await;
    assert!(!home.body.contains("could not be renewed"));
}

/// The binary alone: started in acme mode, it fetches its first certificate by itself, and
/// keeps it across a restart without asking the CA again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_gets_its_first_certificate_by_itself() {
    let work = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let pebble = Pebble::start(&work.path().join("pebble"), port);
    let root = pebble.issuing_root(&work.path().join("root.pem")).await;
    let listen = format!("127.0.0.1:{port}");
    let public_url = format!("https://localhost:{port}");
    let roots = pebble.https_root.display().to_string();
    let env = [
        ("TELLPOINT_LISTEN", listen.as_str()),
        ("TELLPOINT_PUBLIC_URL", public_url.as_str()),
        ("TELLPOINT_TLS__MODE", "acme"),
        ("TELLPOINT_TLS__ACME_DIRECTORY", pebble.directory.as_str()),
        ("TELLPOINT_TLS__ACME_CA_ROOTS", roots.as_str()),
    ];
    let tp = Instance::start(work.path(), &env);
    let deadline = Instant::now() + Duration::from_secs(60);
    let issued = loop {
        if let Ok(leaf) = served(port, &root).await {
            break leaf;
        }
        assert!(Instant::now() < deadline, "no certificate from the CA: {}\n{}", tp.log_text(), pebble.log());
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let log = tp.log_text();
    assert!(log.contains("certificate from the CA installed"), "{log}");
    assert!(log.contains("port 443"), "the warning about the CA checking port 443: {log}");
    assert!(tp.stop().success());

    let tp = Instance::start(work.path(), &env);
    assert_eq!(served(port, &root).await.unwrap(), issued, "the stored certificate, at once");
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(!tp.log_text().contains("certificate from the CA installed"), "not ordered again");
}
