//! Dashboard benchmark: one campaign holding N responses (default 1,000,000) to a question
//! of every kind, spread over four weeks. Prints the server time of the unfiltered
//! dashboard figures (read from the counters: p50/p95 over 200 runs; goal p95 ≤ 5 ms), of a
//! filtered view (a scan of the campaign's responses: p50/p95 over 10 runs; goal ≤ 250 ms),
//! and of rendering the final report page. Asserts nothing.
//! Run: `cargo bench --bench dashboard` (DASHBOARD_BENCH_N sets the number of responses).

use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use tellpoint::campaign::{Status, day_number};
use tellpoint::clock::Clock;
use tellpoint::config::Config;
use tellpoint::dashboard::{Filter, load};
use tellpoint::questionnaire::{Lang, Questionnaire};
use tellpoint::response::{Answer, slots};
use tellpoint::store::{NewResponse, StoredResponse};
use tellpoint::web::AppState;

const QUESTIONS: &str = r#"{"questions": [
    {"id": "q1", "kind": "scale", "prompt": {"en": "How included did you feel?"}, "low": {"en": "not"}, "high": {"en": "fully"}, "dont_know": true},
    {"id": "q2", "kind": "single", "prompt": {"en": "Where?"}, "options": [{"id": "o1", "label": {"en": "Work"}}, {"id": "o2", "label": {"en": "Online"}}, {"id": "o3", "label": {"en": "Elsewhere"}}]},
    {"id": "q3", "kind": "multi", "prompt": {"en": "About?"}, "options": [{"id": "o1", "label": {"en": "Language"}}, {"id": "o2", "label": {"en": "Age"}}, {"id": "o3", "label": {"en": "Gender"}}, {"id": "o4", "label": {"en": "Other"}}]},
    {"id": "q4", "kind": "mood", "prompt": {"en": "Mood?"}},
    {"id": "q5", "kind": "slider", "prompt": {"en": "One-off or pattern?"}, "left": {"en": "one-off"}, "right": {"en": "pattern"}},
    {"id": "q6", "kind": "triad", "prompt": {"en": "What mattered?"}, "poles": [{"en": "people"}, {"en": "rules"}, {"en": "place"}]},
    {"id": "q7", "kind": "yesno", "prompt": {"en": "Told anyone?"}}
]}"#;

fn percentile(mut times: Vec<Duration>, p: f64) -> Duration {
    times.sort();
    times[((times.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let n: usize = std::env::var("DASHBOARD_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let config = Config { data_dir: dir.path().join("data"), ..Config::default() };
    let state = AppState::open(config, Clock::default()).unwrap();
    let mut c = state.campaigns().create("Bench", "bench").unwrap();
    let today = c.settings.today(state.clock.now());
    c.settings.start = today.checked_sub(jiff::Span::new().days(27)).unwrap();
    c.settings.end = today;
    c.status = Status::Closed;
    state.store.save_campaign(&c).unwrap();
    let q = Questionnaire::from_json(QUESTIONS, &[Lang::En]).unwrap();
    state.store.save_questionnaire(&c, &q).unwrap();

    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    let start = day_number(c.settings.start);
    let fill = Instant::now();
    let len = q.layout().1;
    for batch in 0..n.div_ceil(10_000) {
        let rows: Vec<NewResponse> = (0..10_000.min(n - batch * 10_000))
            .map(|_| {
                let a = rng.gen_range(0..=100);
                let b = rng.gen_range(0..=100 - a);
                let answers = [
                    ("q1", Answer::Scale(rng.gen_range(1..=5))),
                    ("q2", Answer::Choice(format!("o{}", rng.gen_range(1..=3)))),
                    ("q3", Answer::Tags(vec![format!("o{}", rng.gen_range(1..=4))])),
                    ("q4", Answer::Mood(rng.gen_range(0..5))),
                    ("q5", Answer::Slider(rng.gen_range(0..=100))),
                    ("q6", Answer::Triad([a, b, 100 - a - b])),
                    ("q7", Answer::Yes(rng.gen_bool(0.3))),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
                let mut nonce = [0u8; 32];
                rng.fill(&mut nonce);
                NewResponse {
                    campaign_id: c.id.clone(),
                    slots: slots(&q, &answers),
                    record: StoredResponse {
                        version: c.version,
                        period: start + rng.gen_range(0..28),
                        answers,
                        sealed_stories: None,
                        story_key: false,
                    },
                    layout_len: len,
                    nonce_hash: nonce,
                    nonce_keep_until: start,
                    ticket: None,
                    now: 0,
                }
            })
            .collect();
        state.store.record_responses(&rows).unwrap();
    }
    println!("filled {n} responses in {:.1} s", fill.elapsed().as_secs_f64());

    let mut times = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let f = load(&state.store, &c, &q, c.version, today, None).unwrap();
        std::hint::black_box(f);
        times.push(t.elapsed());
    }
    println!(
        "unfiltered dashboard figures: p50 {:.2} ms, p95 {:.2} ms (goal p95 ≤ 5 ms)",
        percentile(times.clone(), 0.5).as_secs_f64() * 1e3,
        percentile(times, 0.95).as_secs_f64() * 1e3
    );

    let filter = Filter { question: "q7".into(), value: 0 };
    let mut times = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let f = load(&state.store, &c, &q, c.version, today, Some(filter.clone())).unwrap();
        std::hint::black_box(f);
        times.push(t.elapsed());
    }
    println!(
        "filtered view (q7 = yes): p50 {:.0} ms, p95 {:.0} ms (goal ≤ 250 ms)",
        percentile(times.clone(), 0.5).as_secs_f64() * 1e3,
        percentile(times, 0.95).as_secs_f64() * 1e3
    );

    let mut times = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let html = tellpoint::web::report::report_html(&state, &c.id, None).unwrap();
        std::hint::black_box(html);
        times.push(t.elapsed());
    }
    println!("final report page: p50 {:.1} ms", percentile(times, 0.5).as_secs_f64() * 1e3);
}
