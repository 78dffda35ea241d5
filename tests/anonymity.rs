//! The anonymity invariants against the real binary: responses from a distinctive address
//! and user agent leave neither in any file or log line, carry no time finer than the day,
//! and cannot be put back in the order they arrived.

mod common;

use common::campaign::{answer, build_and_open, full_answers};
use common::{Browser, Instance, create_account, sign_in};
use tellpoint::store::Store;

const AGENT: &str = "Mozilla/5.0 (DistinctiveTestAgent/9.87; Phone)";

#[tokio::test(flavor = "multi_thread")]
async fn responses_leave_no_address_agent_time_or_order() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(
        dir.path(),
        &[("TELLPOINT_LOG__LEVEL", "trace"), ("TELLPOINT_LIMITS__FORM_POSTS_PER_MINUTE", "1000")],
    );
    let mut owner_b = tp.browser();
    let mut owner = create_account(&mut owner_b, &tp.setup_path(), "olga").await;
    sign_in(&mut owner_b, &mut owner).await;
    let (id, slug) = build_and_open(&mut owner_b, "Invariants").await;

    let cert = tp.data_dir().join("tls/cert.pem");
    let started = jiff::Timestamp::now().as_second();
    let n = 24;
    for i in 0..n {
        let mut p = Browser::with_agent(&tp.base, &cert, Some("127.0.0.77".parse().unwrap()), AGENT);
        let mut answers = full_answers(&format!("story number {i}"));
        answers.retain(|(k, _)| k != "q.q5");
        answers.push(("q.q5".into(), (i * 4).to_string()));
        let r = answer(&mut p, &slug, &answers).await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let logs = tp.log_text();
    let data_dir = tp.data_dir();
    let files = tp.data_files();
    assert_eq!(tp.stop().code(), Some(0));

    assert!(logs.contains("route=\"/r/:slug\""), "form posts are logged by route");
    for needle in ["127.0.0.77", "DistinctiveTestAgent", &slug] {
        assert!(!logs.contains(needle), "{needle} in the log");
    }
    // The seconds of this run, as decimal text: nothing about a response may carry them.
    let seconds: Vec<String> =
        (started - 2..=jiff::Timestamp::now().as_second() + 2).map(|s| s.to_string()).collect();
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        for needle in [b"127.0.0.77".as_slice(), &[127, 0, 0, 77], b"DistinctiveTestAgent", b"story number"] {
            assert!(!bytes.windows(needle.len()).any(|w| w == needle), "{needle:?} in {}", file.display());
        }
    }

    let store = Store::open_read_only(&data_dir).unwrap();
    let responses = store.responses_of(&id).unwrap();
    assert_eq!(responses.len(), n);
    let today = tellpoint::campaign::day_number(
        jiff::Zoned::now().with_time_zone(jiff::tz::TimeZone::get("Europe/Stockholm").unwrap()).date(),
    );
    for r in &responses {
        assert!((today - 1..=today).contains(&r.period), "a response is dated by its day only");
        let json = serde_json::to_string(r).unwrap();
        assert!(seconds.iter().all(|s| !json.contains(s.as_str())), "no timestamp in {json}");
        let keys: Vec<String> = serde_json::from_str::<serde_json::Value>(&json)
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(keys, ["answers", "period", "sealed_stories", "version"]);
    }
    // Stored order (random keys) is not the order of arrival.
    let order: Vec<u8> = responses
        .iter()
        .map(|r| match r.answers["q5"] {
            tellpoint::response::Answer::Slider(v) => v,
            _ => unreachable!(),
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_ne!(order, sorted, "responses come back in arrival order: keys are not random");
    let reversed: Vec<u8> = sorted.iter().rev().copied().collect();
    assert_ne!(order, reversed);
}
