//! Figures as page context: per question its labels, charts (SVG) and a table of the same
//! numbers, from releases (see `figures`), for the dashboard, the summary and the report
//! alike. Hidden counts stay `None` and the templates say why.

use minijinja::Value;
use minijinja::context;

use super::charts;
use crate::i18n::{short_date, t, tr};
use crate::model::Lang;
use crate::model::figures::{CHOSEN, NO_ANSWER, NOT_ASKED, Release, VarCounts, VarKey, value_id};
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
                    v if v == *min => format!("{v} {}", text(low, lang)).trim_end().to_string(),
                    v if v == *max => format!("{v} {}", text(high, lang)).trim_end().to_string(),
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
        Kind::Mood => (0..MOODS.len()).map(|n| t(lang, &format!("mood_{n}")).to_string()).collect(),
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

/// A release's column heading: its week, its weeks, or the whole campaign.
pub fn release_label(r: &Release, lang: Lang) -> String {
    if r.whole {
        return t(lang, "whole_period").to_string();
    }
    let (first, last) = (crate::model::campaign::date_of(r.first), crate::model::campaign::date_of(r.last));
    if r.last - r.first <= 6 {
        format!("{} {}", t(lang, "week_of"), short_date(lang, first))
    } else {
        format!("{} – {}", short_date(lang, first), short_date(lang, last))
    }
}

/// The context of every question of `q` with figures (stories have none) over the columns
/// `releases` (periods, then perhaps the whole campaign).
pub fn context(q: &Questionnaire, releases: &[&Release], lang: Lang) -> Value {
    let columns: Vec<String> = releases.iter().map(|r| release_label(r, lang)).collect();
    let periods: Vec<&Release> = releases.iter().copied().filter(|r| !r.whole).collect();
    let responses: Vec<Option<u32>> = releases.iter().map(|r| Some(r.responses)).collect();
    let per_period: Vec<charts::Bar> = periods
        .iter()
        .map(|r| charts::Bar { label: short_label(r, lang), icon: None, count: Some(r.responses) })
        .collect();
    let responses_chart = charts::bars(t(lang, "responses_per_week"), &per_period, None, lang);
    let questions: Vec<Value> = q
        .questions
        .iter()
        .filter(|question| !matches!(question.kind, Kind::Story { .. }))
        .map(|question| question_context(question, releases, lang))
        .collect();
    let mut words: std::collections::BTreeMap<&str, String> = [
        "responses",
        "responses_per_week",
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
    let k = releases.first().map_or(0, |r| r.k);
    words.insert("hidden_note", tr(lang, "hidden_note", &[("k", k.into())]));
    words.insert("too_few", tr(lang, "too_few_week", &[("k", k.into())]));
    // One period with fewer than k responses: one sentence instead of charts of nothing.
    let too_few = releases.len() == 1 && releases[0].responses < k;
    context! {
        words,
        columns,
        responses,
        responses_chart => (periods.len() > 1).then(|| Value::from_safe_string(responses_chart)),
        questions,
        k,
        too_few,
    }
}

/// A period in a chart's row: its first day, or first and last day when it spans more than
/// a week (a week of fewer than k responses joins the next).
fn short_label(r: &Release, lang: Lang) -> String {
    let first = short_date(lang, crate::model::campaign::date_of(r.first));
    if r.last - r.first <= 6 {
        first
    } else {
        format!("{first} – {}", short_date(lang, crate::model::campaign::date_of(r.last)))
    }
}

/// A question's rows: (value id, label) in the order shown, the values it offers now first,
/// then values it no longer offers that still hold answers.
fn rows_of(question: &Question, releases: &[&Release], lang: Lang) -> Vec<(String, String)> {
    let labels = value_labels(question, lang);
    let mut rows: Vec<(String, String)> = (0..question.kind.slots())
        .map(|j| (value_id(&question.kind, j), labels.get(j).cloned().unwrap_or_default()))
        .filter(|(_, label)| !label.is_empty())
        .collect();
    if !matches!(question.kind, Kind::Multi { .. }) {
        let key = VarKey { question: question.id.clone(), since: question.since, option: None };
        for r in releases {
            for v in r.variable(&key).map(|v| v.values.as_slice()).unwrap_or_default() {
                if v != NO_ANSWER && v != NOT_ASKED && !rows.iter().any(|(id, _)| id == v) {
                    rows.push((v.clone(), format!("{v} ({})", t(lang, "no_longer_offered"))));
                }
            }
        }
    }
    rows
}

/// One column of a question: per row its count, and how many answered.
fn column(question: &Question, r: &Release, rows: &[(String, String)]) -> (Vec<Option<u32>>, Option<u32>) {
    let key = |option: Option<&str>| VarKey {
        question: question.id.clone(),
        since: question.since,
        option: option.map(String::from),
    };
    let not_asked = |v: Option<&VarCounts>| v.map_or(Some(r.responses), |v| v.count(NOT_ASKED));
    if matches!(question.kind, Kind::Multi { .. }) {
        let counts = rows
            .iter()
            .map(|(id, _)| r.variable(&key(Some(id))).map_or(Some(0), |v| v.count(CHOSEN)))
            .collect();
        let first = rows.first().and_then(|(id, _)| r.variable(&key(Some(id))));
        return (counts, not_asked(first).map(|n| r.responses - n));
    }
    let var = r.variable(&key(None));
    let counts = rows
        .iter()
        .map(|(id, _)| var.map_or(Some(0), |v| if v.has(id) { v.count(id) } else { Some(0) }))
        .collect();
    let answered = match (var.map_or(Some(0), |v| v.count(NO_ANSWER)), not_asked(var)) {
        (Some(none), Some(not)) => Some(r.responses - none - not),
        _ => None,
    };
    (counts, answered)
}

fn question_context(question: &Question, releases: &[&Release], lang: Lang) -> Value {
    let prompt = text(&question.prompt, lang);
    let rows = rows_of(question, releases, lang);
    let labels: Vec<String> = rows.iter().map(|(_, l)| l.clone()).collect();
    let columns: Vec<(Vec<Option<u32>>, Option<u32>)> =
        releases.iter().map(|r| column(question, r, &rows)).collect();
    let (total, answered) = columns.last().cloned().unwrap_or_default();
    let period_columns: Vec<&(Vec<Option<u32>>, Option<u32>)> =
        releases.iter().zip(&columns).filter(|(r, _)| !r.whole).map(|(_, c)| c).collect();
    let means: Vec<Option<f64>> = columns.iter().map(|(c, _)| mean(&question.kind, c)).collect();
    let chart = match &question.kind {
        Kind::Scale { min, max, .. } => {
            let steps = (max - min + 1) as usize;
            let rows: Vec<charts::LikertRow> = releases
                .iter()
                .zip(&columns)
                .zip(&means)
                .map(|((r, (counts, answered)), mean)| charts::LikertRow {
                    label: if r.whole { t(lang, "whole_period").to_string() } else { short_label(r, lang) },
                    counts: counts.iter().copied().chain(std::iter::repeat(None)).take(steps + 1).collect(),
                    answered: *answered,
                    mean: *mean,
                })
                .collect();
            Some(charts::diverging(&prompt, &rows, steps, &labels, lang))
        }
        Kind::Single { .. } | Kind::Multi { .. } | Kind::Mood | Kind::Yesno | Kind::Slider { .. } => {
            let mood = matches!(question.kind, Kind::Mood);
            let rows: Vec<charts::Bar> = labels
                .iter()
                .zip(&total)
                .enumerate()
                .map(|(j, (label, count))| charts::Bar {
                    label: label.clone(),
                    icon: (mood && j < MOODS.len()).then(|| charts::mood_face(j)),
                    count: *count,
                })
                .collect();
            Some(charts::bars(&prompt, &rows, answered, lang))
        }
        Kind::Triad { poles } => {
            let poles = [text(&poles[0], lang), text(&poles[1], lang), text(&poles[2], lang)];
            Some(charts::ternary(&prompt, &poles, &total, lang))
        }
        Kind::Story { .. } => None,
    };
    let trends: Vec<Value> = match &question.kind {
        Kind::Scale { .. } | Kind::Single { .. } | Kind::Multi { .. } | Kind::Mood | Kind::Yesno
            if period_columns.len() > 1 =>
        {
            labels
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let shares: Vec<Option<f64>> =
                        period_columns.iter().map(|(c, a)| share(c[i], *a)).collect();
                    context! { label, chart => Value::from_safe_string(charts::trend(&shares)) }
                })
                .collect()
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
    // A long table (the triangle's 66 positions) keeps only rows with something to show;
    // one sentence counts the rest.
    let shown_row = |i: usize| columns.iter().any(|(c, _)| matches!(c[i], Some(n) if n > 0));
    let long = labels.len() > 12;
    let table: Vec<Value> = labels
        .iter()
        .enumerate()
        .filter(|(i, _)| !long || shown_row(*i))
        .map(|(i, label)| context! { label, counts => columns.iter().map(|(c, _)| c[i]).collect::<Vec<_>>() })
        .collect();
    let omitted = labels.len() - table.len();
    let (headline, change) = key_figure(question, &labels, releases, &columns, &means, lang);
    let means: Vec<Option<String>> = means.iter().map(|m| m.map(|m| charts::decimal(lang, m))).collect();
    context! {
        id => question.id,
        kind => question.kind.name(),
        prompt,
        since => (question.since > 1).then(|| tr(lang, "since", &[("v", question.since.into())])),
        chart => chart.map(Value::from_safe_string),
        n => answered,
        answered => columns.iter().map(|(_, a)| *a).collect::<Vec<_>>(),
        rows => table,
        omitted => (omitted > 0).then(|| tr(lang, "rows_omitted", &[("n", omitted.into())])),
        means,
        trends,
        top,
        headline,
        change,
    }
}

/// What stands out in a question, in words: a scale's mean, or the most chosen value with
/// its share of those who answered; and how that moved from the first period where it shows
/// to the last. `None` where the figure is hidden.
fn key_figure(
    question: &Question,
    labels: &[String],
    releases: &[&Release],
    columns: &[(Vec<Option<u32>>, Option<u32>)],
    means: &[Option<f64>],
    lang: Lang,
) -> (Option<String>, Option<String>) {
    let hidden = || (None, None);
    let Some(last) = columns.len().checked_sub(1) else { return hidden() };
    let periods: Vec<usize> = (0..releases.len()).filter(|i| !releases[*i].whole).collect();
    let moved = |values: Vec<String>| match (values.first(), values.last()) {
        (Some(a), Some(b)) if values.len() >= 2 => Some(format!("{a} → {b}")),
        _ => None,
    };
    match &question.kind {
        Kind::Scale { min, max, .. } => match means[last] {
            Some(m) => {
                let headline = format!("{} {} ({min}–{max})", t(lang, "mean"), charts::decimal(lang, m));
                let by_period =
                    periods.iter().filter_map(|i| means[*i]).map(|m| charts::decimal(lang, m)).collect();
                (Some(headline), moved(by_period))
            }
            None => hidden(),
        },
        _ => {
            let (counts, answered) = &columns[last];
            let top = counts
                .iter()
                .enumerate()
                .filter_map(|(j, c)| c.filter(|n| *n > 0).map(|n| (n, j)))
                .max_by_key(|(n, j)| (*n, std::cmp::Reverse(*j)));
            let (Some((n, j)), Some(of)) = (top, answered.filter(|a| *a > 0)) else { return hidden() };
            let part = crate::i18n::percent(lang, n as f64 * 100.0 / of as f64);
            let headline = if matches!(question.kind, Kind::Triad { .. }) {
                format!("{} ({part})", labels[j])
            } else {
                format!("{}: {part}", labels[j])
            };
            let by_period = periods
                .iter()
                .filter_map(|i| share(columns[*i].0[j], columns[*i].1))
                .map(|s| crate::i18n::percent(lang, s))
                .collect();
            let change = if matches!(question.kind, Kind::Triad { .. }) { None } else { moved(by_period) };
            (Some(headline), change)
        }
    }
}

/// The mean of a scale column, only when every count of it is shown.
fn mean(kind: &Kind, counts: &[Option<u32>]) -> Option<f64> {
    let Kind::Scale { min, max, .. } = kind else { return None };
    let steps = (max - min + 1) as usize;
    let values: Vec<u32> = counts.iter().take(steps).copied().collect::<Option<Vec<u32>>>()?;
    let (sum, n) = values
        .iter()
        .enumerate()
        .fold((0u64, 0u64), |(s, n), (i, c)| (s + (*min as u64 + i as u64) * *c as u64, n + *c as u64));
    (n > 0).then(|| sum as f64 / n as f64)
}
