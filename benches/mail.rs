//! Mail benchmark: 10,000 active participants of an enrolled campaign; the reminder
//! scheduler queues one reminder each (rendered, sealed, one transaction), then the mailer
//! delivers them through lettre's pooled SMTP transport to aiosmtpd on loopback (counting,
//! not storing). Prints the scheduler's enqueue time and mails per second (goal ≥ 500/s).
//! Run: `cargo bench --bench mail` (MAIL_BENCH_N sets the number of participants).

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "enrolled.rs"]
mod enrolled;

use std::time::{Duration, Instant};

use common::smtp::SmtpServer;
use tellpoint::app::AppState;
use tellpoint::clock::Clock;
use tellpoint::config::Config;

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let n: usize = std::env::var("MAIL_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let smtp = SmtpServer::counting();
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config { data_dir: dir.path().join("data"), ..Config::default() };
    smtp.apply(&mut config);
    config.smtp.per_second = 100_000;
    let state = AppState::open(config, Clock::default()).unwrap();

    enrolled::campaign(&state, n, "email", |i| format!("person{i:05}@example.org"));

    let enqueue = Instant::now();
    let queued = tellpoint::jobs::reminders::run(&state, state.clock.now()).unwrap();
    let enqueue_secs = enqueue.elapsed().as_secs_f64();
    assert_eq!(queued, n);
    println!(
        "scheduler: {queued} reminders rendered, sealed and queued in {:.2} s ({:.0}/s)",
        enqueue_secs,
        queued as f64 / enqueue_secs
    );

    let deliver = Instant::now();
    tokio::spawn(state.mailer().run());
    while state.store.outbox_len().unwrap() > 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let secs = deliver.elapsed().as_secs_f64();
    let counts = state.store.mail_counts().unwrap();
    assert_eq!(counts.sent as usize, n, "every mail accepted: {counts:?}");
    println!(
        "mailer: {n} mails delivered over SMTP in {secs:.2} s = {:.0} mails/s (goal >= 500/s)",
        n as f64 / secs
    );
}
