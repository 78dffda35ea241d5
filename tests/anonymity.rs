//! The anonymity invariants against the real binary: responses from a distinctive address
//! and user agent leave neither in any file or log line, carry no time finer than the day,
//! and cannot be put back in the order they arrived; enrolled participants cannot be
//! linked to their responses.

mod common;

use common::campaign::{
    answer, build_and_open, build_and_open_with, enrol, full_answers, respond_with_ticket,
};
use common::smtp::SmtpServer;
use common::{Browser, Instance, create_account, sign_in};
use tellpoint::keys::MasterKey;
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
    let logs_while_running = tp.log_text();
    let data_dir = tp.data_dir();
    let files = tp.data_files();
    let (status, logs) = tp.stop_and_log();
    assert_eq!(status.code(), Some(0));

    assert!(!logs_while_running.contains("/r/:slug"), "no line per participant request");
    assert!(
        logs.contains("participant requests that day")
            && logs.contains("route=\"/r/:slug\"")
            && logs.contains("count=24"),
        "form posts are counted by route, logged at shutdown: {logs}"
    );
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

    let store =
        Store::open_read_only(&data_dir, &MasterKey::read_file(&data_dir.join("master.key")).unwrap())
            .unwrap();
    let responses = store.responses_of(&id).unwrap();
    assert_eq!(responses.len(), n);
    let today = tellpoint::model::campaign::day_number(
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
        // story_key only says which of the campaign's keys seals the stories.
        assert_eq!(keys, ["answers", "period", "sealed_stories", "story_key", "version"]);
    }
    // Stored order (random keys) is not the order of arrival.
    let order: Vec<u8> = responses
        .iter()
        .map(|r| match r.answers["q5"] {
            tellpoint::model::response::Answer::Slider(v) => v,
            _ => unreachable!(),
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_ne!(order, sorted, "responses come back in arrival order: keys are not random");
    let reversed: Vec<u8> = sorted.iter().rev().copied().collect();
    assert_ne!(order, reversed);
}

#[tokio::test(flavor = "multi_thread")]
async fn enrolled_participants_cannot_be_linked_to_their_responses() {
    use rand::seq::SliceRandom;
    use sha2::{Digest, Sha256};

    let smtp = SmtpServer::start();
    let dir = tempfile::tempdir().unwrap();
    let mail_env = smtp.config();
    let mut env: Vec<(&str, &str)> = mail_env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    env.extend([("TELLPOINT_LOG__LEVEL", "trace"), ("TELLPOINT_LIMITS__FORM_POSTS_PER_MINUTE", "1000")]);
    let tp = Instance::start(dir.path(), &env);
    let mut owner_b = tp.browser();
    let mut owner = create_account(&mut owner_b, &tp.setup_path(), "olga").await;
    sign_in(&mut owner_b, &mut owner).await;
    let (id, slug) =
        build_and_open_with(&mut owner_b, "Linkless", &[("audience", "enrolled"), ("follow_up", "on")]).await;

    let people: Vec<String> = (0..20).map(|i| format!("person{i:02}@example.org")).collect();
    let mut links = Vec::new();
    for email in &people {
        links.push(enrol(&mut tp.browser(), &smtp, &slug, email).await);
    }
    let participants_before =
        Store::open_read_only(&tp.data_dir(), &tp.master_key()).unwrap().participant_table_bytes().unwrap();
    assert!(!participants_before.is_empty());

    links.shuffle(&mut rand::thread_rng());
    // Each takes the follow-up receipt and writes in the thread: a thread belongs to the
    // response, and must not link it to the participant either.
    for link in &links {
        let mut b = tp.browser();
        let r = respond_with_ticket(&mut b, &slug, link, None).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let at = r.body.find("<code>").expect("a receipt") + 6;
        let receipt = &r.body[at..at + 35];
        let fields = [("receipt", receipt), ("lang", "en"), ("message", "Can we talk?"), ("action", "send")];
        assert_eq!(b.post("/f", &fields).await.status, 200);
    }

    let store = Store::open_read_only(&tp.data_dir(), &tp.master_key()).unwrap();
    assert_eq!(
        store.participant_table_bytes().unwrap(),
        participants_before,
        "responding changed nothing about participants"
    );
    let responses = store.responses_of(&id).unwrap();
    assert_eq!(responses.len(), 20);
    // Everything that identifies a participant: record ids, address hashes, link hashes.
    let mut identifiers: Vec<Vec<u8>> = Vec::new();
    for (pid, p) in store.active_participants(&id).unwrap() {
        identifiers.push(pid.to_vec());
        identifiers.push(p.address_hash.to_vec());
    }
    for link in &links {
        identifiers.push(Sha256::digest(link.trim_start_matches("/t/").as_bytes()).to_vec());
    }
    assert_eq!(identifiers.len(), 60);
    let response_rows: Vec<Vec<u8>> = store
        .response_keys(&id)
        .unwrap()
        .iter()
        .zip(&responses)
        .map(|(key, r)| {
            let (thread, messages) = store.thread(&id, *key).unwrap().expect("each wrote in a thread");
            let thread =
                [serde_json::to_vec(&thread).unwrap(), serde_json::to_vec(&messages).unwrap()].concat();
            [key.as_slice(), &serde_json::to_vec(r).unwrap(), &thread].concat()
        })
        .collect();
    for row in &response_rows {
        let hex = data_encoding::HEXLOWER.encode(row);
        for ident in &identifiers {
            assert!(
                !row.windows(ident.len()).any(|w| w == ident.as_slice()),
                "a response row holds a participant identifier"
            );
            assert!(!hex.contains(&data_encoding::HEXLOWER.encode(ident)));
        }
    }

    let logs = tp.log_text();
    for (email, link) in people.iter().zip(&links) {
        assert!(!logs.contains(email.as_str()), "{email} in the logs");
        assert!(!logs.contains(link.trim_start_matches("/t/")), "a personal link in the logs");
    }
}
