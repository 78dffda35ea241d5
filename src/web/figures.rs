//! Figures as page context: per question its labels, charts (SVG) and a table of the same
//! numbers, for the dashboard, the summary and the report alike. Hidden counts stay `None`
//! and the templates say why.

use minijinja::Value;
use minijinja::context;

use super::charts;
use crate::i18n::t;
use crate::model::Lang;
use crate::model::figures::Figures;
use crate::model::questionnaire::{Kind, MOODS, Question, Questionnaire, Text};

pub fn text(t: &Text, lang: Lang) -> String {
    t.get(&lang).or_else(|| t.values().next()).cloned().unwrap_or_default()
}

/// The label of each value slot of a question.
pub fn value_labels(question: &Question, lang: Lang) -> Vec<String> {
    match &question.kind {
        Kind::Scale { min, max, low, high, dont_know } => {
            let mut labels: Vec<String> = (*min..=*max)
                .map(|v| match v {
                    v if v == *min => format!("{v} {}", text(low, lang)),
                    v if v == *max => format!("{v} {}", text(high, lang)),
                    v => v.to_string(),
                })
                .collect();
            if *dont_know {
                labels.push(t(lang, "dont_know").to_string());
            } else {
                labels.push(String::new());
            }
            labels
        }
        Kind::Single { options } | Kind::Multi { options, .. } => {
            options.iter().map(|o| text(&o.label, lang)).collect()
        }
        Kind::Mood => MOODS
            .iter()
            .enumerate()
            .map(|(n, (face, _))| format!("{face} {}", t(lang, &format!("mood_{n}"))))
            .collect(),
        Kind::Slider { .. } => {
            (0..10).map(|j| format!("{}–{}", j * 10, if j == 9 { 100 } else { j * 10 + 9 })).collect()
        }
        Kind::Triad { poles } => {
            let poles: Vec<String> = poles.iter().map(|p| text(p, lang)).collect();
            let mut labels = Vec::new();
            for i in 0..=10 {
                for j in 0..=(10 - i) {
                    let k = 10 - i - j;
                    labels.push(format!(
                        "{} {}% · {} {}% · {} {}%",
                        poles[0],
                        i * 10,
                        poles[1],
                        j * 10,
                        poles[2],
                        k * 10
                    ));
                }
            }
            labels
        }
        Kind::Yesno => vec![t(lang, "yes").to_string(), t(lang, "no").to_string()],
        Kind::Story { .. } => Vec::new(),
    }
}

fn share(n: Option<u32>, of: Option<u32>) -> Option<f64> {
    match (n, of) {
        (Some(n), Some(of)) if of > 0 => Some(n as f64 * 100.0 / of as f64),
        _ => None,
    }
}

/// Column headings: each week by its Monday, then the whole period.
fn column_labels(f: &Figures, lang: Lang) -> Vec<String> {
    let mut labels: Vec<String> = f.weeks.iter().map(|w| format!("{} {}", t(lang, "week_of"), w)).collect();
    labels.push(t(lang, "whole_period").to_string());
    labels
}

/// The context of every question of `f` (stories only where `stories`: a summary has
/// none), and of the response counts. A single week shows without a whole-period column.
pub fn context(q: &Questionnaire, f: &Figures, lang: Lang, stories: bool) -> Value {
    let mut columns = column_labels(f, lang);
    let last = columns.len() - 1;
    let shown = if f.weeks.len() == 1 { 1 } else { columns.len() };
    columns.truncate(shown);
    let weeks: Vec<String> = f.weeks.iter().map(|w| w.strftime("%-d %b").to_string()).collect();
    let responses_chart =
        charts::columns(t(lang, "responses_per_week"), &weeks, &f.responses[..last.min(f.responses.len())]);
    let days_chart = (!f.days.is_empty()).then(|| {
        let labels: Vec<String> = f.days.iter().map(|(d, _)| d.strftime("%-d %b").to_string()).collect();
        let counts: Vec<Option<u32>> = f.days.iter().map(|(_, n)| Some(*n)).collect();
        Value::from_safe_string(charts::columns(t(lang, "responses_per_day"), &labels, &counts))
    });
    let questions: Vec<Value> = q
        .questions
        .iter()
        .filter(|question| stories || !matches!(question.kind, Kind::Story { .. }))
        .filter_map(|question| {
            let qf = f.questions.iter().find(|x| x.id == question.id)?;
            Some(question_context(question, qf, &weeks, last, shown, lang))
        })
        .collect();
    let mut words: std::collections::BTreeMap<&str, String> = [
        "responses",
        "responses_per_week",
        "responses_per_day",
        "answered",
        "mean",
        "numbers",
        "answer",
        "most_chosen",
        "trend",
        "hidden",
        "whole_period",
    ]
    .into_iter()
    .map(|key| (key, t(lang, key).to_string()))
    .collect();
    words.insert("hidden_note", t(lang, "hidden_note").replace("{k}", &f.k.to_string()));
    context! {
        words,
        columns,
        responses => f.responses[..shown],
        responses_chart => Value::from_safe_string(responses_chart),
        days => f.days.iter().map(|(d, n)| context! { day => d.to_string(), n }).collect::<Vec<_>>(),
        days_chart,
        questions,
        k => f.k,
    }
}

fn question_context(
    question: &Question,
    qf: &crate::model::figures::QuestionFigures,
    weeks: &[String],
    last: usize,
    shown: usize,
    lang: Lang,
) -> Value {
    let prompt = text(&question.prompt, lang);
    let labels = value_labels(question, lang);
    let total: Vec<Option<u32>> = qf.values.iter().map(|row| row[last]).collect();
    let answered = qf.answered[last];
    let chart = match &question.kind {
        Kind::Scale { min, max, .. } => {
            let steps = (max - min + 1) as usize;
            let mut rows: Vec<charts::LikertRow> = weeks
                .iter()
                .enumerate()
                .map(|(col, w)| (w.clone(), qf.values.iter().map(|r| r[col]).collect(), qf.answered[col]))
                .collect();
            if shown > 1 {
                rows.push((t(lang, "whole_period").to_string(), total.clone(), answered));
            }
            Some(charts::diverging(&prompt, &rows, steps))
        }
        Kind::Single { .. } | Kind::Multi { .. } | Kind::Mood | Kind::Yesno => {
            Some(charts::bars(&prompt, &labels, &total, answered))
        }
        Kind::Slider { .. } => Some(charts::columns(&prompt, &labels, &total)),
        Kind::Triad { poles } => {
            let poles = [text(&poles[0], lang), text(&poles[1], lang), text(&poles[2], lang)];
            Some(charts::ternary(&prompt, &poles, &total))
        }
        Kind::Story { .. } => None,
    };
    let trends: Vec<Value> = match &question.kind {
        Kind::Scale { .. } | Kind::Single { .. } | Kind::Multi { .. } | Kind::Mood | Kind::Yesno => {
            trends(qf, &labels, last)
        }
        _ => Vec::new(),
    };
    let top: Vec<Value> = match &question.kind {
        Kind::Multi { .. } | Kind::Mood => {
            let mut ranked: Vec<(u32, &String)> =
                total.iter().zip(&labels).filter_map(|(n, l)| n.filter(|n| *n > 0).map(|n| (n, l))).collect();
            ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
            ranked.into_iter().take(5).map(|(n, label)| context! { label, n }).collect()
        }
        _ => Vec::new(),
    };
    let rows: Vec<Value> = labels
        .iter()
        .zip(&qf.values)
        .filter(|(l, _)| !l.is_empty())
        .map(|(label, counts)| context! { label, counts => counts[..shown] })
        .collect();
    context! {
        id => question.id,
        kind => question.kind.name(),
        prompt,
        chart => chart.map(Value::from_safe_string),
        answered => qf.answered[..shown],
        rows,
        means => qf.means[..shown].iter().map(|m| m.map(|m| format!("{m:.2}"))).collect::<Vec<_>>(),
        trends,
        top,
    }
}

/// One small multiple per value: its share of the answered count, week by week.
fn trends(qf: &crate::model::figures::QuestionFigures, labels: &[String], last: usize) -> Vec<Value> {
    labels
        .iter()
        .zip(&qf.values)
        .filter(|(label, _)| !label.is_empty())
        .map(|(label, row)| {
            let shares: Vec<Option<f64>> = (0..last).map(|col| share(row[col], qf.answered[col])).collect();
            context! { label, chart => Value::from_safe_string(charts::trend(label, &shares)) }
        })
        .collect()
}
