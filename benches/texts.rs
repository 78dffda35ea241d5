//! Text benchmark: 10,000 mobile numbers enrolled in a campaign that reaches people by
//! text; the reminder scheduler queues one reminder text each (rendered, sealed, one
//! transaction), then the texter hands them to a real Kannel on loopback (bearerbox, smsbox
//! and its fake SMSC) one HTTP request each. Prints the scheduler's enqueue time and texts
//! handed to Kannel per second. Needs Debian's kannel and kannel-extras.
//! Run: `cargo bench --bench texts` (TEXT_BENCH_N sets the number of participants).

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::kannel::{self, Kannel};
use tellpoint::app::AppState;
use tellpoint::clock::Clock;
use tellpoint::config::Config;
use tellpoint::model::Lang;
use tellpoint::model::campaign::{SettingsInput, Status};

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let n: usize = std::env::var("TEXT_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    if !kannel::available() {
        println!("Kannel is not installed (apt install kannel kannel-extras): nothing measured");
        return;
    }
    let k = Kannel::start(None);
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config { data_dir: dir.path().join("data"), ..Config::default() };
    config.sms.enabled = true;
    config.sms.url = k.url();
    config.sms.username = kannel::USER.into();
    config.sms.password = serde_json::from_value(serde_json::json!(kannel::PASSWORD)).unwrap();
    config.sms.from = "tellpoint".into();
    config.sms.per_second = 100_000;
    let state = AppState::open(config, Clock::default()).unwrap();

    let campaigns = state.campaigns();
    let c = campaigns.create("Bench", "bench").unwrap();
    let today = c.settings.today(state.clock.now());
    // A send time a minute ago, so the scheduler finds it due.
    let local = jiff::Zoned::now().with_time_zone(c.settings.tz());
    let a_minute_ago = local.time().checked_sub(jiff::Span::new().minutes(1)).unwrap_or(local.time());
    let input = SettingsInput {
        audience: "enrolled".into(),
        contact: "phone".into(),
        start: today.to_string(),
        end: today.to_string(),
        remind_days: tellpoint::model::schedule::DAY_NAMES.map(String::from).to_vec(),
        remind_at: a_minute_ago.strftime("%H:%M").to_string(),
        ..c.settings.input()
    };
    campaigns.update_settings(&c.id, &input, "bench").unwrap();
    campaigns
        .edit_questionnaire(&c.id, "bench", |q| {
            *q = tellpoint::model::questionnaire::Questionnaire::from_json(
                r#"{"questions":[{"id":"q1","kind":"yesno","prompt":{"en":"Did it go well?"}}]}"#,
                &[Lang::EN],
            )
            .unwrap();
            Ok(())
        })
        .unwrap();
    campaigns.set_status(&c.id, Status::Open, "bench").unwrap();
    let c = campaigns.get(&c.id).unwrap();

    let setup = Instant::now();
    let people = state.participants();
    for i in 0..n {
        let address = format!("+4670{i:07}");
        let tellpoint::participants::Enrolled::Confirm { token, .. } =
            people.enrol(&c, &address, Lang::EN).unwrap()
        else {
            panic!("a new address gets a confirmation")
        };
        people.confirm(&token).unwrap();
    }
    println!("setup: {n} participants enrolled and confirmed in {:.1} s", setup.elapsed().as_secs_f64());

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
    tokio::spawn(state.texter().run());
    while state.store.outbox_len().unwrap() > 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let secs = deliver.elapsed().as_secs_f64();
    let counts = state.store.text_counts().unwrap();
    assert_eq!(counts.sent as usize, n, "every text accepted: {counts:?}");
    println!("texter: {n} texts handed to Kannel in {secs:.2} s = {:.0} texts/s", n as f64 / secs);
    // What reached the fake SMSC by now (Kannel queues and passes them on at its own pace).
    tokio::time::sleep(Duration::from_secs(2)).await;
    println!("the fake SMSC had received {} of them 2 s later", k.delivered().len());
}
