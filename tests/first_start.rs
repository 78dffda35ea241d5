//! The real binary, started with no config in an empty directory, as a new user would.

mod common;

use common::{Instance, create_account, sign_in};

const HEADERS: &[(&str, &str)] = &[
    (
        "content-security-policy",
        "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    ),
    ("strict-transport-security", "max-age=31536000; includeSubDomains"),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
];

#[tokio::test(flavor = "multi_thread")]
async fn first_start_setup_sign_in_and_restart() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(dir.path(), &[]);
    let setup = tp.setup_path();
    assert_eq!(setup.len(), "/setup/".len() + 26, "a 128-bit token: {setup}");

    // 1. Over HTTPS, trusting the generated certificate, `/` answers with every header.
    let mut b = tp.browser();
    let home = b.get("/").await;
    assert_eq!(home.status, 200);
    for (name, value) in HEADERS {
        assert_eq!(home.header(name), *value, "header {name}");
    }
    assert!(home.header("permissions-policy").contains("camera=()"));
    assert_eq!(home.header("cache-control"), "no-store");
    let css = b.get("/static/app.css").await;
    assert!(css.header("cache-control").contains("max-age=31536000"));
    assert!(!css.header("etag").is_empty());

    // 2. Setup link → password → TOTP → sign in → admin home.
    let mut owner = create_account(&mut b, &setup, "olga").await;
    sign_in(&mut b, &mut owner).await;
    let again = tp.browser().get(&setup).await;
    assert_eq!(again.status, 404, "a used setup link is refused");
    assert!(again.body.contains("not valid"));

    let data = tp.data_dir();
    let cert = std::fs::read(data.join("tls/cert.pem")).unwrap();
    let key = std::fs::read(data.join("master.key")).unwrap();
    assert_eq!(tp.stop().code(), Some(0));

    // A second start reuses certificate and master key, prints no setup link, and the owner
    // can sign in (here with a recovery code).
    let tp = Instance::start(dir.path(), &[]);
    assert_eq!(std::fs::read(data.join("tls/cert.pem")).unwrap(), cert);
    assert_eq!(std::fs::read(data.join("master.key")).unwrap(), key);
    assert!(!tp.log_text().contains("/setup/"));
    let mut b = tp.browser();
    let r = b.post("/login", &[("username", "olga"), ("password", common::PASSWORD)]).await;
    assert_eq!(r.location(), "/login/code");
    let r = b.post("/login/code", &[("code", &owner.recovery[0])]).await;
    assert_eq!(r.location(), "/admin", "{}", r.body);
    assert_eq!(b.get("/admin").await.status, 200);
    // The healthcheck command finds the instance through its config.
    let port = tp.base.rsplit(':').next().unwrap().to_string();
    let hc = std::process::Command::new(common::BIN)
        .arg("healthcheck")
        .current_dir(dir.path())
        .env("TELLPOINT_LISTEN", format!("127.0.0.1:{port}"))
        .output()
        .unwrap();
    assert!(hc.status.success(), "{}", String::from_utf8_lossy(&hc.stderr));
}

#[test]
fn data_dir_and_secrets_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(dir.path(), &[]);
    let mode = |p: std::path::PathBuf| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(tp.data_dir()), 0o700);
    assert_eq!(mode(tp.data_dir().join("master.key")), 0o600);
    assert_eq!(mode(tp.data_dir().join("tls/key.pem")), 0o600);
    assert_eq!(mode(tp.data_dir().join("tellpoint.redb")), 0o600);
}

#[tokio::test(flavor = "multi_thread")]
async fn master_key_from_systemd_credentials_stays_out_of_the_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let creds = tempfile::tempdir().unwrap();
    std::fs::write(creds.path().join("master.key"), [9u8; 32]).unwrap();
    let tp = Instance::start(dir.path(), &[("CREDENTIALS_DIRECTORY", creds.path().to_str().unwrap())]);
    assert!(!tp.data_dir().join("master.key").exists());
    let mut b = tp.browser();
    assert_eq!(b.get("/healthz").await.body, "ok");

    // Assets: an unchanged ETag gets 304.
    let css = b.get("/static/app.css").await;
    let etag = css.header("etag").to_string();
    let client = reqwest::Client::builder()
        .add_root_certificate(
            reqwest::Certificate::from_pem(&std::fs::read(tp.data_dir().join("tls/cert.pem")).unwrap())
                .unwrap(),
        )
        .build()
        .unwrap();
    let again = client
        .get(format!("{}/static/app.css", tp.base))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
}

#[test]
fn a_short_master_key_is_refused_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    let creds = tempfile::tempdir().unwrap();
    std::fs::write(creds.path().join("master.key"), b"short").unwrap();
    let out = std::process::Command::new(common::BIN)
        .current_dir(dir.path())
        .env("CREDENTIALS_DIRECTORY", creds.path())
        .env("TELLPOINT_LISTEN", "127.0.0.1:0")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("has 5 bytes, expected 32") && err.contains("restore"), "{err}");
}
