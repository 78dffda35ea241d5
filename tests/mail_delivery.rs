//! The outbox against the real binary and a real SMTP server process: a server that is down
//! delays mail without losing it, a 550 drops the mail and counts it, and killing tellpoint
//! mid-queue loses nothing (every mail arrives at least once after a restart).

mod common;

use std::time::{Duration, Instant};

use common::campaign::build_and_open_with;
use common::smtp::{SmtpServer, free_port};
use common::{Instance, create_account, sign_in};

fn wait_for_log(tp: &Instance, needle: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !tp.log_text().contains(needle) {
        assert!(Instant::now() < deadline, "no {needle:?} in the log:\n{}", tp.log_text());
        std::thread::sleep(Duration::from_millis(50));
    }
}

async fn ask_to_enrol(tp: &Instance, slug: &str, email: &str) {
    let mut p = tp.browser();
    let r = p.post(&format!("/e/{slug}"), &[("email", email), ("lang", "en")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

#[tokio::test(flavor = "multi_thread")]
async fn mail_survives_a_down_server_a_refusal_and_a_killed_tellpoint() {
    let mut smtp = SmtpServer::stopped(free_port());
    let dir = tempfile::tempdir().unwrap();
    let mail_env = smtp.config();
    let mut env: Vec<(&str, &str)> = mail_env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    env.extend([("TELLPOINT_SMTP__PER_SECOND", "5"), ("TELLPOINT_LIMITS__FORM_POSTS_PER_MINUTE", "1000")]);
    let tp = Instance::start(dir.path(), &env);
    let mut owner_b = tp.browser();
    let mut owner = create_account(&mut owner_b, &tp.setup_path(), "olga").await;
    sign_in(&mut owner_b, &mut owner).await;
    let (_, slug) = build_and_open_with(&mut owner_b, "Resilient", &[("audience", "enrolled")]).await;

    // The SMTP server is down: the confirmation waits and is retried with backoff.
    ask_to_enrol(&tp, &slug, "dana@example.org").await;
    wait_for_log(&tp, "deferred=1");
    smtp.up();
    smtp.wait_for("dana@example.org", 1);

    // A permanent refusal (550): dropped, counted, not retried.
    ask_to_enrol(&tp, &slug, "reject-me@example.org").await;
    wait_for_log(&tp, "refused=1");
    let page = owner_b.get("/admin/mail").await;
    assert!(page.body.contains("refused permanently and dropped: 1"), "{}", page.body);
    assert!(page.body.contains("Queued: 0"), "{}", page.body);

    // Killed mid-queue at 5 mails a second: after a restart every mail arrives.
    let people: Vec<String> = (0..25).map(|i| format!("queue{i:02}@example.org")).collect();
    for email in &people {
        ask_to_enrol(&tp, &slug, email).await;
    }
    std::thread::sleep(Duration::from_millis(1500));
    drop(tp); // SIGKILL, no clean shutdown
    let before_restart = people.iter().filter(|e| !smtp.to(e).is_empty()).count();
    assert!(before_restart < people.len(), "the kill came mid-queue ({before_restart} delivered)");
    let _restarted = Instance::start(dir.path(), &env);
    for email in &people {
        smtp.wait_for(email, 1);
    }
}
