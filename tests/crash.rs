//! Kill -9 during erasure runs: after every kill the store passes `tellpoint check`, the
//! next run completes the work, and nothing whose retention has not run out is lost.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use rand::{Rng, SeedableRng};
use tellpoint::app::AppState;
use tellpoint::clock::Clock;
use tellpoint::config::Config;
use tellpoint::model::Lang;
use tellpoint::model::campaign::{Status, day_number};
use tellpoint::model::questionnaire::Questionnaire;
use tellpoint::model::response::{Answer, slots};
use tellpoint::store::{NewResponse, StoredResponse};

const QUESTIONS: &str = r#"{"questions": [
    {"id": "q1", "kind": "scale", "prompt": {"en": "How included did you feel?"}, "low": {"en": "not"}, "high": {"en": "fully"}},
    {"id": "q2", "kind": "story", "prompt": {"en": "What happened?"}}
]}"#;

/// Responses in each campaign the runs erase: enough that a run takes a while to kill.
const PER_CAMPAIGN: usize = 3_000;
const KEPT: usize = 500;
const INTERRUPTIONS: usize = 20;

fn open(dir: &Path) -> std::sync::Arc<AppState> {
    let config = Config { data_dir: dir.join("tellpoint-data"), ..Config::default() };
    AppState::open(config, Clock::default()).unwrap()
}

/// A closed campaign `closed_days` ago holding `n` responses, each with a sealed story.
fn campaign(state: &AppState, title: &str, closed_days: i64, n: usize) -> String {
    let mut c = state.campaigns().create(title, "test").unwrap();
    let today = c.settings.today(state.clock.now());
    c.settings.end = today.checked_sub(jiff::Span::new().days(closed_days)).unwrap();
    c.settings.start = c.settings.end.checked_sub(jiff::Span::new().days(27)).unwrap();
    c.status = Status::Closed;
    c.closed_on = Some(c.settings.end);
    state.store.save_campaign(&c).unwrap();
    let q = Questionnaire::from_json(QUESTIONS, &[Lang::EN]).unwrap();
    state.store.save_questionnaire(&c, &q).unwrap();
    let key = state.campaigns().story_key(&c.id).unwrap().unwrap();
    let scope = tellpoint::model::campaign::stories_scope(&c.id);
    let start = day_number(c.settings.start);
    // Nonces must differ between campaigns: a repeated one is refused as a resubmission.
    let mut rng = rand::thread_rng();
    for chunk in (0..n).collect::<Vec<_>>().chunks(1_000) {
        let rows: Vec<NewResponse> = chunk
            .iter()
            .map(|i| {
                let answers = [("q1".to_string(), Answer::Scale(rng.gen_range(1..=5)))].into_iter().collect();
                let story = serde_json::json!({ "q2": format!("{title}: story {i}") });
                let mut nonce = [0u8; 32];
                rng.fill(&mut nonce);
                NewResponse {
                    campaign_id: c.id.clone(),
                    slots: slots(&q, &answers),
                    record: StoredResponse {
                        version: c.version,
                        period: start + rng.gen_range(0..28),
                        answers,
                        sealed_stories: Some(key.seal(&scope, story.to_string().as_bytes())),
                        story_key: true,
                    },
                    nonce_hash: nonce,
                    nonce_keep_until: start,
                    ticket: None,
                    receipt: None,
                    now: 0,
                }
            })
            .collect();
        state.store.record_responses(&rows).unwrap();
    }
    c.id
}

fn tellpoint(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(common::BIN).args(args).current_dir(dir).output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

fn erase_run(dir: &Path) -> std::process::Child {
    Command::new(common::BIN).args(["erase", "--now"]).current_dir(dir).stdout(Stdio::null()).spawn().unwrap()
}

#[test]
fn killed_erasure_runs_leave_a_consistent_store_and_the_next_run_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let seed: u64 = std::env::var("CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
    });
    println!("CRASH_SEED={seed}");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);

    // Kept throughout: a campaign whose retention has not run out, and one whose stories
    // expire (90 days after close) while its responses stay (730 days).
    let (kept, stripped) = {
        let state = open(dir.path());
        (campaign(&state, "Kept", 10, KEPT), campaign(&state, "Stories expire", 120, KEPT))
    };

    assert!(erase_run(dir.path()).wait().unwrap().success());
    // How long an uninterrupted run over one expired campaign takes, to kill within it.
    {
        let state = open(dir.path());
        campaign(&state, "Calibration", 800, PER_CAMPAIGN);
    }
    let t = Instant::now();
    assert!(erase_run(dir.path()).wait().unwrap().success());
    let span = t.elapsed();
    println!("one uninterrupted run: {} ms", span.as_millis());

    let mut kept_campaigns = 2;
    let mut interrupted = 0;
    let mut rounds = 0;
    while interrupted < INTERRUPTIONS {
        rounds += 1;
        assert!(rounds <= 3 * INTERRUPTIONS, "only {interrupted} of {rounds} kills landed inside a run");
        {
            let state = open(dir.path());
            campaign(&state, &format!("Expired {rounds}"), 800, PER_CAMPAIGN);
            if rounds % 4 == 0 {
                campaign(&state, &format!("Old stories {rounds}"), 120, PER_CAMPAIGN / 4);
                kept_campaigns += 1;
            }
        }
        let mut child = erase_run(dir.path());
        std::thread::sleep(span.mul_f64(rng.gen_range(0.02..0.9)));

        match child.try_wait().unwrap() {
            None => interrupted += 1,
            Some(status) => assert!(status.success(), "the run failed: {status}"),
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let (code, text) = tellpoint(dir.path(), &["check"]);
        assert_eq!(code, 0, "after kill {rounds}: {text}");
        assert!(text.contains("store intact"), "{text}");
        // The next run completes what the killed one began.
        let (code, text) = tellpoint(dir.path(), &["erase", "--now"]);
        assert_eq!(code, 0, "{text}");
        let (code, text) = tellpoint(dir.path(), &["check"]);
        let intact = format!("store intact: {kept_campaigns} campaigns");
        assert!(code == 0 && text.contains(&intact), "round {rounds}: {text}");
    }
    println!("{interrupted} runs interrupted in {rounds} rounds");

    let state = open(dir.path());
    assert!(state.store.erasing().unwrap().is_empty(), "every erasure begun is finished");
    let left: Vec<String> =
        state.store.all_campaigns().unwrap().into_iter().map(|c| c.settings.title).collect();
    assert!(left.iter().all(|t| t == "Kept" || t.contains("tories")), "expired campaigns are gone: {left:?}");
    assert_eq!(left.len(), kept_campaigns);
    let c = state.campaigns().get(&kept).unwrap();
    assert_eq!(state.store.responses_of(&kept).unwrap().len(), KEPT, "no unexpired response lost");
    let (stories, _) = state.moderation().stories(&c).unwrap();
    assert_eq!(stories.len(), KEPT, "every unexpired story still opens");
    assert!(stories.iter().any(|s| s.text == "Kept: story 7"));
    for id in state.store.all_campaigns().unwrap().into_iter().map(|c| c.id).filter(|id| *id != kept) {
        let responses = state.store.responses_of(&id).unwrap();
        assert!(!responses.is_empty(), "responses outlive the stories");
        assert!(responses.iter().all(|r| r.sealed_stories.is_none()), "expired stories are stripped");
        assert!(state.campaigns().story_key(&id).unwrap().is_none(), "and their key is gone");
    }
    assert_eq!(state.store.responses_of(&stripped).unwrap().len(), KEPT);
}
