//! Filling a store for the benchmarks: one closed campaign over four weeks with a question
//! of every kind, and `n` random responses written in batches as intake writes them.

use rand::{Rng, SeedableRng};
use tellpoint::app::AppState;
use tellpoint::model::Lang;
use tellpoint::model::campaign::{Campaign, Status, day_number};
use tellpoint::model::questionnaire::Questionnaire;
use tellpoint::model::response::{Answer, slots};
use tellpoint::store::{NewResponse, StoredResponse};

pub const QUESTIONS: &str = r#"{"questions": [
    {"id": "q1", "kind": "scale", "prompt": {"en": "How included did you feel?"}, "low": {"en": "not"}, "high": {"en": "fully"}, "dont_know": true},
    {"id": "q2", "kind": "single", "prompt": {"en": "Where?"}, "options": [{"id": "o1", "label": {"en": "Work"}}, {"id": "o2", "label": {"en": "Online"}}, {"id": "o3", "label": {"en": "Elsewhere"}}]},
    {"id": "q3", "kind": "multi", "prompt": {"en": "About?"}, "options": [{"id": "o1", "label": {"en": "Language"}}, {"id": "o2", "label": {"en": "Age"}}, {"id": "o3", "label": {"en": "Gender"}}, {"id": "o4", "label": {"en": "Other"}}]},
    {"id": "q4", "kind": "mood", "prompt": {"en": "Mood?"}},
    {"id": "q5", "kind": "slider", "prompt": {"en": "One-off or pattern?"}, "left": {"en": "one-off"}, "right": {"en": "pattern"}},
    {"id": "q6", "kind": "triad", "prompt": {"en": "What mattered?"}, "poles": [{"en": "people"}, {"en": "rules"}, {"en": "place"}]},
    {"id": "q7", "kind": "yesno", "prompt": {"en": "Told anyone?"}}
]}"#;

/// A campaign closed today after four weeks, with the questionnaire above.
pub fn campaign(state: &AppState, title: &str) -> (Campaign, Questionnaire) {
    let mut c = state.campaigns().create(title, "bench").unwrap();
    let today = c.settings.today(state.clock.now());
    c.settings.start = today.checked_sub(jiff::Span::new().days(27)).unwrap();
    c.settings.end = today;
    c.status = Status::Closed;
    state.store.save_campaign(&c).unwrap();
    let q = Questionnaire::from_json(QUESTIONS, &[Lang::EN]).unwrap();
    state.store.save_questionnaire(&c, &q).unwrap();
    (c, q)
}

/// One random response to `c`.
pub fn response(rng: &mut impl Rng, c: &Campaign, q: &Questionnaire) -> NewResponse {
    let start = day_number(c.settings.start);
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
        slots: slots(q, &answers),
        record: StoredResponse {
            version: c.version,
            period: start + rng.gen_range(0..28),
            answers,
            sealed_stories: None,
            story_key: false,
        },
        nonce_hash: nonce,
        nonce_keep_until: start,
        ticket: None,
        receipt: None,
        now: 0,
    }
}

/// Writes `n` random responses to `c` in batches of 10,000.
pub fn fill(state: &AppState, c: &Campaign, q: &Questionnaire, n: usize) {
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    for batch in 0..n.div_ceil(10_000) {
        let rows: Vec<NewResponse> =
            (0..10_000.min(n - batch * 10_000)).map(|_| response(&mut rng, c, q)).collect();
        state.store.record_responses(&rows).unwrap();
    }
}
