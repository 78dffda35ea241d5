//! Operating the binary: graceful shutdown, no client address anywhere, the audit chain
//! and the admin commands.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{Browser, Instance, PASSWORD, create_account, sign_in, walk};
use redb::ReadableTable;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut cmd = Command::new(common::BIN);
    cmd.args(args).current_dir(dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_lets_requests_in_flight_finish() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(dir.path(), &[]);
    // A request whose body is still arriving when SIGTERM comes.
    let mut stream = tp.tls_connect(&tp.data_dir().join("tls/cert.pem")).await.unwrap();
    let body = "username=olga&password=half-sent-password";
    let head = format!(
        "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&body.as_bytes()[..10]).await.unwrap();
    stream.flush().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    tp.signal("TERM");
    tokio::time::sleep(Duration::from_millis(500)).await;
    stream.write_all(&body.as_bytes()[10..]).await.unwrap();
    stream.flush().await.unwrap();
    let mut response = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut response)).await;
    let text = String::from_utf8_lossy(&response);
    assert!(text.starts_with("HTTP/1.1 403"), "a complete answer (no CSRF token: 403): {text}");
    assert!(text.contains("</html>"), "the whole page arrived");
    assert_eq!(tp.stop().code(), Some(0));
}

#[tokio::test(flavor = "multi_thread")]
async fn client_address_appears_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(dir.path(), &[("TELLPOINT_LOG__LEVEL", "trace")]);
    let ip = "127.0.0.77".parse().unwrap();
    let mut b = Browser::new(&tp.base, &tp.data_dir().join("tls/cert.pem"), Some(ip));
    let mut owner = create_account(&mut b, &tp.setup_path(), "olga").await;
    b.post("/login", &[("username", "olga"), ("password", "wrong wrong wrong")]).await;
    sign_in(&mut b, &mut owner).await;
    b.get("/admin/staff").await;
    b.get("/no/such/page?x=1").await;
    b.post("/logout", &[]).await;
    let data = tp.data_dir();
    let logs = tp.log_text();
    assert_eq!(tp.stop().code(), Some(0));

    assert!(logs.contains("route=\"/login\""), "requests are logged: {logs}");
    assert!(!logs.contains("127.0.0.77"), "the address is in the log");
    assert!(!logs.contains(PASSWORD) && !logs.contains("x=1"));
    let needles: [&[u8]; 3] = [b"127.0.0.77", &[127, 0, 0, 77], b"7f00004d"];
    for entry in walk(&data) {
        let bytes = std::fs::read(&entry).unwrap();
        for needle in needles {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{needle:?} found in {}",
                entry.display()
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn audit_chain_verifies_and_an_edit_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(dir.path(), &[]);
    let mut b = tp.browser();
    let mut owner = create_account(&mut b, &tp.setup_path(), "olga").await;
    sign_in(&mut b, &mut owner).await;
    b.post("/admin/staff/invite", &[("role", "analyst")]).await;
    b.post("/admin/staff/invite", &[("role", "reviewer")]).await;

    // verify-audit reads beside the running server; setup-link needs it stopped.
    let (code, text) = run(dir.path(), &["admin", "verify-audit"], &[]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("audit log intact: 4 entries"), "{text}");
    let (code, text) = run(dir.path(), &["admin", "setup-link"], &[]);
    assert_eq!(code, 3, "{text}");
    assert!(text.contains("in use by another tellpoint process") && text.contains("stop that process first"));
    assert_eq!(tp.stop().code(), Some(0));

    // Edit entry 3 in a copy of the store.
    let copy = tempfile::tempdir().unwrap();
    let copy_data = copy.path().join("tellpoint-data");
    std::fs::create_dir(&copy_data).unwrap();
    for f in ["tellpoint.redb", "master.key"] {
        std::fs::copy(dir.path().join("tellpoint-data").join(f), copy_data.join(f)).unwrap();
    }
    {
        const AUDIT: redb::TableDefinition<u64, &[u8]> = redb::TableDefinition::new("audit");
        let db = redb::Database::create(copy_data.join("tellpoint.redb")).unwrap();
        let tx = db.begin_write().unwrap();
        {
            let mut table = tx.open_table(AUDIT).unwrap();
            let old = String::from_utf8(table.get(3).unwrap().unwrap().value().to_vec()).unwrap();
            let edited = old.replace("\"actor\":\"olga\"", "\"actor\":\"mallory\"");
            assert_ne!(old, edited);
            table.insert(3, edited.as_bytes()).unwrap();
        }
        tx.commit().unwrap();
    }
    let (code, text) = run(copy.path(), &["admin", "verify-audit"], &[]);
    assert_eq!(code, 4, "{text}");
    assert!(text.contains("broken at entry 3") && text.contains("mallory"), "{text}");
    let (code, _) = run(dir.path(), &["admin", "verify-audit"], &[]);
    assert_eq!(code, 0, "the original is untouched");
}

#[tokio::test(flavor = "multi_thread")]
async fn admin_commands() {
    let dir = tempfile::tempdir().unwrap();
    // No owner yet: setup-link prints a link, and a newer one replaces the older.
    let (code, first) = run(dir.path(), &["admin", "setup-link"], &[]);
    assert_eq!(code, 0, "{first}");
    assert!(first.starts_with("https://localhost:8443/setup/"));
    let (_, second) = run(dir.path(), &["admin", "setup-link"], &[]);
    let tp = Instance::start(dir.path(), &[]);
    let mut b = tp.browser();
    let old = first.lines().next().unwrap().trim_start_matches("https://localhost:8443");
    assert_eq!(b.get(old).await.status, 404, "an earlier setup link stops working");
    let _ = second;
    let mut owner = create_account(&mut b, &tp.setup_path(), "olga").await;
    sign_in(&mut b, &mut owner).await;
    assert_eq!(tp.stop().code(), Some(0));

    let (code, text) = run(dir.path(), &["admin", "setup-link"], &[]);
    assert_eq!(code, 1);
    assert!(text.contains("an owner exists already"));
    let (code, text) = run(dir.path(), &["admin", "reset-mfa", "ghost"], &[]);
    assert_eq!(code, 1);
    assert!(text.contains("no staff member is called ghost"));
    let (code, text) = run(dir.path(), &["admin", "reset-mfa", "OLGA"], &[]);
    assert_eq!(code, 0, "{text}");
    let reset_link =
        text.lines().find(|l| l.contains("/login/reset/")).expect("the link is printed").to_string();
    let reset_path = reset_link.trim_start_matches("https://localhost:8443").to_string();

    // The erasure run from the command line: only with --now, and not beside the server.
    let (code, text) = run(dir.path(), &["erase"], &[]);
    assert_eq!(code, 1);
    assert!(text.contains("tellpoint erase --now"), "{text}");
    let (code, text) = run(dir.path(), &["erase", "--now"], &[]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("erasure run done"));

    // After the reset, signing in leads to TOTP enrolment.
    let tp = Instance::start(dir.path(), &[]);
    let (code, text) = run(dir.path(), &["erase", "--now"], &[]);
    assert_eq!(code, 3, "the store is held by the server: {text}");
    assert!(text.contains("stop that process first"), "{text}");
    let mut b = tp.browser();
    let r = b.post("/login", &[("username", "olga"), ("password", PASSWORD)]).await;
    assert_eq!(r.status, 422, "the password alone no longer signs in");
    assert!(r.body.contains("Open the link they gave you"), "{}", r.body);
    let r = b.post(&reset_path, &[("password", PASSWORD)]).await;
    assert_eq!(r.location(), "/login/enrol");
}

#[test]
fn a_damaged_store_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("tellpoint-data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("tellpoint.redb"), vec![0x42; 20_000]).unwrap();
    let (code, text) = run(dir.path(), &["serve"], &[("TELLPOINT_LISTEN", "127.0.0.1:0")]);
    assert_eq!(code, 3, "{text}");
    assert!(text.contains("damaged or is not a tellpoint store") && text.contains("restore"), "{text}");
    assert!(!text.contains("panicked"));
}
