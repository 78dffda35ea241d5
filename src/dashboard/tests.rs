use std::collections::BTreeMap;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::*;
use crate::model::Lang;
use crate::model::campaign::{Settings, Status};
use crate::model::figures::filterable;
use crate::model::questionnaire::{Choice, MOODS, Question, Text};
use crate::model::response::Answer;
use crate::store::{NewResponse, Store};

fn text(s: &str) -> Text {
    BTreeMap::from([(Lang::En, s.to_string())])
}

fn choices(n: usize) -> Vec<Choice> {
    (0..n).map(|i| Choice { id: format!("o{i}"), label: text(&format!("Option {i}")) }).collect()
}

fn random_questionnaire(rng: &mut StdRng) -> Questionnaire {
    let n = rng.gen_range(1..7);
    let questions = (0..n)
        .map(|i| {
            let kind = match rng.gen_range(0..8) {
                0 => Kind::Scale {
                    min: 1,
                    max: rng.gen_range(2..8),
                    low: text("l"),
                    high: text("h"),
                    dont_know: rng.gen_bool(0.5),
                },
                1 => Kind::Single { options: choices(rng.gen_range(2..6)) },
                2 => Kind::Multi { options: choices(rng.gen_range(2..6)), max_picks: None },
                3 => Kind::Mood,
                4 => Kind::Slider { left: text("l"), right: text("r") },
                5 => Kind::Triad { poles: [text("a"), text("b"), text("c")] },
                6 => Kind::Yesno,
                _ => Kind::Story { max_len: 100 },
            };
            Question { id: format!("q{i}"), prompt: text("?"), help: Text::new(), required: false, kind }
        })
        .collect();
    Questionnaire { questions }
}

fn random_answers(rng: &mut StdRng, q: &Questionnaire) -> BTreeMap<String, Answer> {
    let mut answers = BTreeMap::new();
    for question in &q.questions {
        if rng.gen_bool(0.2) {
            continue;
        }
        let a = match &question.kind {
            Kind::Scale { min, max, dont_know, .. } => {
                if *dont_know && rng.gen_bool(0.1) {
                    Answer::DontKnow
                } else {
                    Answer::Scale(rng.gen_range(*min..=*max))
                }
            }
            Kind::Single { options } => Answer::Choice(options[rng.gen_range(0..options.len())].id.clone()),
            Kind::Multi { options, .. } => {
                let picked: Vec<String> =
                    options.iter().filter(|_| rng.gen_bool(0.4)).map(|o| o.id.clone()).collect();
                if picked.is_empty() {
                    continue;
                }
                Answer::Tags(picked)
            }
            Kind::Mood => Answer::Mood(rng.gen_range(0..MOODS.len() as u8)),
            Kind::Slider { .. } => Answer::Slider(rng.gen_range(0..=100)),
            Kind::Triad { .. } => {
                let a = rng.gen_range(0..=100);
                let b = rng.gen_range(0..=100 - a);
                Answer::Triad([a, b, 100 - a - b])
            }
            Kind::Yesno => Answer::Yes(rng.gen_bool(0.5)),
            Kind::Story { .. } => Answer::Story,
        };
        answers.insert(question.id.clone(), a);
    }
    answers
}

/// Counts recomputed from responses, as a filtered view does.
fn tally(
    weeks: Vec<i32>,
    q: &Questionnaire,
    version: u32,
    responses: impl Iterator<Item = StoredResponse>,
    filter: Option<(usize, &Filter)>,
) -> Counts {
    let mut t = Tally::new(q, version, filter.map(|f| f.0));
    responses.for_each(|r| t.add(&r));
    t.counts(weeks)
}

fn campaign(k: u32) -> Campaign {
    let mut settings = Settings::new_draft("Pulse", Date::constant(2026, 3, 2));
    settings.k = k;
    Campaign {
        id: "c".repeat(32),
        slug: "s".repeat(16),
        settings,
        status: Status::Open,
        version: 1,
        created: 0,
        closed_on: None,
    }
}

/// Acceptance 1: for random questionnaires and responses, every counter kept at write time
/// equals a recomputation from the stored responses.
#[test]
fn counters_equal_a_recomputation_from_stored_responses() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap();
    let mut rng = StdRng::seed_from_u64(11);
    for round in 0..20 {
        let q = random_questionnaire(&mut rng);
        let mut c = campaign(5);
        c.id = format!("{round:032}");
        c.slug = format!("{round:016}");
        store.create_campaign(&c, b"wrapped", &q).unwrap();
        let start = day_number(c.settings.start);
        let batch: Vec<NewResponse> = (0..rng.gen_range(0..150))
            .map(|_| {
                let answers = random_answers(&mut rng, &q);
                let mut nonce = [0u8; 32];
                rng.fill(&mut nonce);
                NewResponse {
                    campaign_id: c.id.clone(),
                    slots: crate::model::response::slots(&q, &answers),
                    record: StoredResponse {
                        version: 1,
                        period: start + rng.gen_range(0..28),
                        answers,
                        sealed_stories: None,
                        story_key: false,
                    },
                    layout_len: q.layout().1,
                    nonce_hash: nonce,
                    nonce_keep_until: start + 40,
                    ticket: None,
                    receipt: None,
                    now: 0,
                }
            })
            .collect();
        store.record_responses(&batch).unwrap();
        let kept: BTreeMap<i32, Vec<u32>> = store.counters_of(&c.id, 1).unwrap().into_iter().collect();
        let mut recomputed: BTreeMap<i32, Vec<u32>> = BTreeMap::new();
        for r in store.responses_of(&c.id).unwrap() {
            let counts = recomputed.entry(r.period).or_insert_with(|| vec![0; q.layout().1]);
            for s in crate::model::response::slots(&q, &r.answers) {
                counts[s] += 1;
            }
        }
        assert_eq!(kept, recomputed, "round {round}");
        // The slot rows a filtered view scans give the same counts.
        let mut from_slots = Tally::new(&q, 1, None);
        store.for_each_slots(&c.id, |v, p, slots| from_slots.add_slots(v, p, slots)).unwrap();
        let weeks = campaign_weeks(&c, date_of(start + 28));
        let expected =
            Counts::from_periods(weeks.clone(), &kept.clone().into_iter().collect::<Vec<_>>(), q.layout().1);
        assert_eq!(from_slots.counts(weeks).columns, expected.columns, "round {round}");
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Row {
    Responses,
    Answered(usize),
    Value(usize, usize),
}

/// Every shown and hidden count of a view, by (row, column).
fn grid(f: &Figures) -> BTreeMap<(Row, usize), Option<u32>> {
    let mut out = BTreeMap::new();
    for (col, v) in f.responses.iter().enumerate() {
        out.insert((Row::Responses, col), *v);
    }
    for (i, qf) in f.questions.iter().enumerate() {
        for (col, v) in qf.answered.iter().enumerate() {
            out.insert((Row::Answered(i), col), *v);
        }
        for (j, row) in qf.values.iter().enumerate() {
            for (col, v) in row.iter().enumerate() {
                out.insert((Row::Value(i, j), col), *v);
            }
        }
    }
    out
}

fn raw(counts: &Counts, q: &Questionnaire) -> BTreeMap<(Row, usize), u32> {
    let (offsets, _) = q.layout();
    let mut out = BTreeMap::new();
    for (col, c) in counts.columns.iter().enumerate() {
        out.insert((Row::Responses, col), c[0]);
        for (i, (question, base)) in q.questions.iter().zip(&offsets).enumerate() {
            out.insert((Row::Answered(i), col), c[*base]);
            for j in 0..question.kind.slots() {
                out.insert((Row::Value(i, j), col), c[base + 1 + j]);
            }
        }
    }
    out
}

/// The sums a view shows: (whole, its parts). A week's count is part of the whole period;
/// a value's count is part of its question's answered count when the values partition it.
type At = (Row, usize);

fn sums(q: &Questionnaire, cols: usize) -> Vec<(At, Vec<At>)> {
    let last = cols - 1;
    let mut rows = vec![Row::Responses];
    let mut out = Vec::new();
    for (i, question) in q.questions.iter().enumerate() {
        rows.push(Row::Answered(i));
        let n = question.kind.slots();
        rows.extend((0..n).map(|j| Row::Value(i, j)));
        if partitions(&question.kind) && n > 0 {
            for col in 0..cols {
                out.push(((Row::Answered(i), col), (0..n).map(|j| (Row::Value(i, j), col)).collect()));
            }
        }
    }
    for row in rows {
        out.push(((row, last), (0..last).map(|col| (row, col)).collect()));
    }
    out
}

/// Acceptance 2, over random data: in every single-filter view, no hidden count below k
/// equals a shown whole less its other shown parts (for two parts: the difference of two
/// shown counts), and every count below k is hidden, filtered or not.
#[test]
fn no_hidden_small_count_is_a_difference_of_shown_counts() {
    let mut rng = StdRng::seed_from_u64(7);
    let mut checked = 0;
    for _ in 0..25 {
        let q = random_questionnaire(&mut rng);
        let c = campaign(rng.gen_range(3..6));
        let k = c.settings.k;
        let start = day_number(c.settings.start);
        let responses: Vec<StoredResponse> = (0..rng.gen_range(5..120))
            .map(|_| StoredResponse {
                version: 1,
                period: start + rng.gen_range(0..21),
                answers: random_answers(&mut rng, &q),
                sealed_stories: None,
                story_key: false,
            })
            .collect();
        let weeks = campaign_weeks(&c, date_of(start + 21));
        let all = tally(weeks.clone(), &q, 1, responses.iter().cloned(), None);
        let unfiltered = figures(&c, &q, 1, &all, None);
        let mut views = vec![(all.clone(), unfiltered.clone())];
        for question in q.questions.iter().filter(|x| filterable(&x.kind)) {
            for value in 0..question.kind.slots() {
                let filter = Filter { question: question.id.clone(), value };
                let slot = filter_slot(&q, &filter).unwrap();
                let counts = tally(weeks.clone(), &q, 1, responses.iter().cloned(), Some((slot, &filter)));
                let view = figures(&c, &q, 1, &counts, Some((&all, &unfiltered)));
                views.push((counts, view));
            }
        }
        for (counts, view) in &views {
            let shown = grid(view);
            let raw = raw(counts, &q);
            for (cell, value) in &raw {
                if *value > 0 && *value < k {
                    assert_eq!(shown[cell], None, "a count below k is hidden");
                    checked += 1;
                }
            }
            for (whole, parts) in sums(&q, counts.columns.len()) {
                let cells: Vec<(Row, usize)> = std::iter::once(whole).chain(parts.iter().copied()).collect();
                let hidden: Vec<&(Row, usize)> = cells.iter().filter(|c| shown[c].is_none()).collect();
                if let [only] = hidden[..] {
                    let v = raw[only];
                    assert!(v == 0 || v >= k, "{only:?} = {v} follows from the shown counts of its sum");
                }
            }
        }
    }
    assert!(checked > 100, "the random data exercised small counts ({checked})");
}

/// A filtered group of k or more whose complement in the same week is below k is hidden:
/// otherwise the unfiltered count less the filtered one would show the small group.
#[test]
fn a_filtered_group_with_a_small_complement_is_hidden() {
    let doc = r#"{"questions": [
        {"id": "woman", "kind": "yesno", "prompt": {"en": "Are you a woman?"}},
        {"id": "harassed", "kind": "yesno", "prompt": {"en": "Were you harassed?"}}
    ]}"#;
    let q = Questionnaire::from_json(doc, &[Lang::En]).unwrap();
    let c = campaign(5);
    let day = day_number(c.settings.start);
    let answer = |woman: bool, harassed: bool| StoredResponse {
        version: 1,
        period: day,
        answers: BTreeMap::from([
            ("woman".to_string(), Answer::Yes(woman)),
            ("harassed".to_string(), Answer::Yes(harassed)),
        ]),
        sealed_stories: None,
        story_key: false,
    };
    // 9 women harassed, 2 men harassed, 10 people not harassed.
    let mut responses: Vec<StoredResponse> = (0..9).map(|_| answer(true, true)).collect();
    responses.extend((0..2).map(|_| answer(false, true)));
    responses.extend((0..5).map(|_| answer(true, false)));
    responses.extend((0..5).map(|_| answer(false, false)));
    let weeks = campaign_weeks(&c, c.settings.start);
    let all = tally(weeks.clone(), &q, 1, responses.iter().cloned(), None);
    let unfiltered = figures(&c, &q, 1, &all, None);
    assert_eq!(unfiltered.questions[1].values[0][0], Some(11), "11 harassed in all");
    let filter = Filter { question: "woman".into(), value: 0 };
    let slot = filter_slot(&q, &filter).unwrap();
    let women = tally(weeks, &q, 1, responses.iter().cloned(), Some((slot, &filter)));
    let view = figures(&c, &q, 1, &women, Some((&all, &unfiltered)));
    assert_eq!(women.columns[0][slot_of(&q, "harassed", 0)], 9);
    assert_eq!(view.questions[1].values[0][0], None, "9 is at least k, but 11 − 9 = 2 is not");
}

fn slot_of(q: &Questionnaire, id: &str, value: usize) -> usize {
    filter_slot(q, &Filter { question: id.into(), value }).unwrap()
}
