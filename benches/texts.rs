//! Text benchmark: 10,000 mobile numbers enrolled in a campaign that reaches people by
//! text; the reminder scheduler queues one reminder text each (rendered, sealed, one
//! transaction), then the texter hands them to a real Kannel on loopback (bearerbox, smsbox
//! and its fake SMSC) one HTTP request each, each asking for a delivery report, which Kannel
//! sends back to tellpoint's /sms/report over HTTPS. Prints the scheduler's enqueue time,
//! texts handed to Kannel per second, and when the last report was counted. Needs Debian's
//! kannel and kannel-extras.
//! Run: `cargo bench --bench texts` (TEXT_BENCH_N sets the number of participants;
//! TEXT_BENCH_REPORTS=off sends without asking for delivery reports).

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "enrolled.rs"]
mod enrolled;

use std::time::{Duration, Instant};

use common::kannel::{self, Kannel};

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let n: usize = std::env::var("TEXT_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    if !kannel::available() {
        println!("Kannel is not installed (apt install kannel kannel-extras): nothing measured");
        return;
    }
    let k = Kannel::start(None);
    let url = k.url();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let srv = common::InProcess::start_on(listener, |c| {
        c.public_url = format!("https://127.0.0.1:{port}");
        c.sms.enabled = true;
        c.sms.url = url;
        c.sms.username = kannel::USER.into();
        c.sms.password = serde_json::from_value(serde_json::json!(kannel::PASSWORD)).unwrap();
        c.sms.from = "tellpoint".into();
        c.sms.per_second = 100_000;
        if std::env::var("TEXT_BENCH_REPORTS").as_deref() != Ok("off") {
            c.sms.incoming_token = serde_json::from_value(serde_json::json!("bench-token")).unwrap();
        }
    })
    .await;
    let state = &srv.state;

    enrolled::campaign(state, n, "phone", |i| format!("+4670{i:07}"));

    let enqueue = Instant::now();
    let queued = tellpoint::jobs::reminders::run(state, state.clock.now()).unwrap();
    let enqueue_secs = enqueue.elapsed().as_secs_f64();
    assert_eq!(queued, n);
    println!(
        "scheduler: {queued} reminders rendered, sealed and queued in {:.2} s ({:.0}/s)",
        enqueue_secs,
        queued as f64 / enqueue_secs
    );

    let deliver = Instant::now();
    tokio::spawn(state.texter().run());
    while state.store.outbox_len().unwrap() > 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let secs = deliver.elapsed().as_secs_f64();
    let counts = state.store.text_counts().unwrap();
    assert_eq!(counts.sent as usize, n, "every text accepted: {counts:?}");
    println!("texter: {n} texts handed to Kannel in {secs:.2} s = {:.0} texts/s", n as f64 / secs);
    // What reached the fake SMSC by now (Kannel queues and passes them on at its own pace).
    let month = tellpoint::sms::month_of(state.clock.now());
    let deadline = Instant::now() + Duration::from_secs(120);
    let reporting = state.config.sms.incoming_token.is_set();
    while reporting
        && state.store.report_counts(&month).unwrap().delivered < n as u64
        && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let reports = state.store.report_counts(&month).unwrap();
    println!(
        "delivery reports: {} delivered, {} awaiting, {:.2} s after the texter began",
        reports.delivered,
        reports.awaiting,
        deliver.elapsed().as_secs_f64()
    );
    println!("the fake SMSC had received {} texts", k.delivered().len());
}
