//! The final report (owner, analyst) after a campaign closes, print-ready, and the
//! exports: aggregates as CSV and JSON (suppressed cells empty and flagged), and raw
//! structured answers without stories (owner only, after a warning, audited).

use std::sync::Arc;

use minijinja::context;
use poem::http::StatusCode;
use poem::web::{Data, Path, Query};
use poem::{Response, handler};
use serde::Deserialize;

use super::AppState;
use super::campaigns::campaign_of;
use super::dashboard::FIGURES;
use super::internal;
use super::render::View;
use super::session::StaffUser;
use crate::i18n::{long_date, t, tr};
use crate::model::Lang;
use crate::model::campaign::{Audience, Campaign, Granularity, Phase, date_of};
use crate::model::figures::{Release, value_id};
use crate::model::questionnaire::Questionnaire;
use crate::model::response::Answer;
use crate::store::Role;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ExportQuery {
    /// The language of labels in an export (en, sv, nl); default the campaign's first.
    lang: String,
}

/// The campaign and its releases with figures (released now if due).
fn released(state: &AppState, id: &str) -> poem::Result<(Campaign, Questionnaire, Vec<Release>)> {
    let c = campaign_of(state, id)?;
    let q = state.store.questionnaire(&c.id, c.version)?.unwrap_or_default();
    let releases = crate::figures::releases(&state.store, &c, state.clock.now())?;
    Ok((c, q, releases.into_iter().filter(|r| r.responses > 0).collect()))
}

#[handler]
pub fn show_report(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    Query(query): Query<ExportQuery>,
) -> poem::Result<Response> {
    user.require_any(FIGURES)?;
    let c = campaign_of(&state, &id)?;
    if matches!(c.phase(state.clock.now()), Phase::Draft | Phase::Open) {
        let ctx = context! { c };
        return Ok(view.signed_in(&user).render(StatusCode::CONFLICT, "admin/report_not_yet.html", ctx));
    }
    let html = report_html(&state, &id, Lang::parse(&query.lang))?;
    Ok(Response::builder()
        .content_type("text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .body(html))
}

/// The report page of a campaign in `lang` (one of the campaign's languages; else its
/// first). Public for the benchmark, which renders it directly.
pub fn report_html(state: &AppState, id: &str, lang: Option<Lang>) -> poem::Result<String> {
    let (c, q, releases) = released(state, id)?;
    let columns: Vec<&Release> = releases.iter().collect();
    let offered = &c.settings.languages;
    let lang = lang.filter(|l| offered.contains(l)).unwrap_or(offered.first().copied().unwrap_or(Lang::EN));
    let quotes: Vec<String> = state.moderation().approved(&c)?.into_iter().map(|q| q.text).collect();
    let s = &c.settings;
    // The campaign's length in weeks (released periods may each span several).
    let days =
        (crate::model::campaign::day_number(s.end) - crate::model::campaign::day_number(s.start) + 1).max(1);
    let weeks = (days + 6) / 7;
    let total = releases.iter().find(|r| r.whole).map(|r| r.responses);
    let k = s.k;
    let period = tr(
        lang,
        "report_period",
        &[("from", long_date(lang, s.start).into()), ("to", long_date(lang, s.end).into())],
    );
    let responses = match total {
        Some(n) => tr(lang, "report_responses", &[("n", n.into()), ("w", weeks.into())]),
        None => tr(lang, "report_responses_hidden", &[("k", k.into())]),
    };
    let words: std::collections::BTreeMap<&str, String> = [
        "report_title",
        "report_key",
        "report_question",
        "report_stands_out",
        "report_change",
        "report_by_question",
        "report_method",
        "report_contents",
        "report_no_quotes",
        "report_back",
        "report_print",
        "report_language",
        "quotes",
        "responses_per_week",
    ]
    .into_iter()
    .map(|key| (key, t(lang, key).to_string()))
    .chain([
        ("report_no_figures", tr(lang, "report_no_figures", &[("k", k.into())])),
        (
            "generated",
            tr(lang, "report_generated", &[("d", long_date(lang, s.today(state.clock.now())).into())]),
        ),
    ])
    .collect();
    let switch: Vec<_> = offered
        .iter()
        .map(|l| context! { code => l.code(), name => l.name(), current => *l == lang })
        .collect();
    let ctx = context! {
        lang => lang.code(),
        words,
        switch,
        period,
        responses,
        method => method(state, &c, q.questions.len(), lang)?,
        fig => (!columns.is_empty()).then(|| super::figures::context(&q, &columns, lang)),
        quotes,
        c,
    };
    state.templates.render("admin/report.html", ctx).map_err(internal)
}

/// The method section: (label, text) per point, in `lang`.
fn method(
    state: &AppState,
    c: &Campaign,
    questions: usize,
    lang: Lang,
) -> poem::Result<Vec<(String, String)>> {
    let s = &c.settings;
    let retention = c.retention(state.config.retention.campaign_defaults());
    let mut kept = String::new();
    if s.audience == Audience::Enrolled {
        kept += &tr(lang, "m_retention_contacts", &[("d", retention.contacts_days_after_end.into())]);
        kept.push(' ');
    }
    kept += &tr(
        lang,
        "m_retention_text",
        &[
            ("s", retention.stories_days_after_close.into()),
            ("q", retention.quotes_days_after_close.into()),
            ("r", retention.responses_days_after_close.into()),
        ],
    );
    if !state.config.backup.dir.is_empty() {
        kept.push(' ');
        kept += &tr(lang, "m_backups", &[("d", state.config.backup.keep_days.into())]);
    }
    let erased: Vec<String> = state
        .store
        .erasure_log_of(&c.id)?
        .into_iter()
        .map(|e| {
            let key = format!("class_{}", e.class);
            let class = if crate::i18n::has(&key) { t(lang, &key).to_string() } else { e.class.clone() };
            tr(
                lang,
                "m_erased_item",
                &[("class", class.into()), ("n", e.count.into()), ("d", date_of(e.day).to_string().into())],
            )
        })
        .collect();
    let erased =
        if erased.is_empty() { t(lang, "m_erased_none").to_string() } else { erased.join("; ") + "." };
    let unit = if s.granularity == Granularity::Week { "m_unit_week" } else { "m_unit_day" };
    let point = |label: &str, text: String| (t(lang, label).to_string(), text);
    Ok(vec![
        point(
            "m_period",
            tr(
                lang,
                "m_period_text",
                &[
                    ("from", s.start.to_string().into()),
                    ("to", s.end.to_string().into()),
                    ("tz", (&s.time_zone).into()),
                ],
            ),
        ),
        point(
            "m_audience",
            t(lang, if s.audience == Audience::Enrolled { "m_audience_enrolled" } else { "m_audience_link" })
                .to_string(),
        ),
        point(
            "m_questionnaire",
            tr(lang, "m_questionnaire_text", &[("v", c.version.into()), ("n", questions.into())]),
        ),
        point("m_threshold", tr(lang, "m_threshold_text", &[("k", s.k.into())])),
        point("m_retention", kept),
        point("m_erased", erased),
        point(
            "m_protection",
            tr(
                lang,
                "m_protection_text",
                &[
                    ("unit", t(lang, unit).into()),
                    (
                        "reviewed",
                        if s.reviewer_approval {
                            format!(" {}", t(lang, "m_reviewed"))
                        } else {
                            String::new()
                        }
                        .into(),
                    ),
                ],
            ),
        ),
    ])
}

/// One exported figure: where it belongs, its labels beside its codes, its count or that it
/// is hidden.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportRow {
    pub period: String,
    pub first_day: String,
    pub last_day: String,
    pub group: String,
    pub question: String,
    pub question_text: String,
    pub option: String,
    pub value: String,
    pub value_label: String,
    pub count: Option<u32>,
    pub hidden: bool,
}

/// Every released figure as rows, labelled in `lang` from the current questionnaire.
pub fn export_rows(q: &Questionnaire, releases: &[Release], lang: Lang) -> Vec<ExportRow> {
    let label = |question: &str, value: &str| -> (String, String) {
        let Some(x) = q.question(question) else { return (String::new(), value.to_string()) };
        let labels = super::figures::value_labels(x, lang);
        let value_label = (0..x.kind.slots())
            .find(|j| value_id(&x.kind, *j) == value)
            .map(|j| labels[j].clone())
            .unwrap_or_else(|| value.replace('_', " "));
        (super::figures::text(&x.prompt, lang), value_label)
    };
    let mut rows = Vec::new();
    for r in releases {
        let period = if r.whole { "whole".to_string() } else { date_of(r.first).to_string() };
        let mut push = |group: String, vars: &[crate::model::figures::VarCounts], responses: u32| {
            rows.push(ExportRow {
                period: period.clone(),
                first_day: date_of(r.first).to_string(),
                last_day: date_of(r.last).to_string(),
                group: group.clone(),
                question: String::new(),
                question_text: String::new(),
                option: String::new(),
                value: "responses".into(),
                value_label: "responses".into(),
                count: Some(responses),
                hidden: false,
            });
            for v in vars {
                let (question_text, option_label) = match &v.key.option {
                    Some(o) => label(&v.key.question, o),
                    None => (label(&v.key.question, "").0, String::new()),
                };
                for (value, count) in v.values.iter().zip(&v.counts) {
                    let value_label = if v.key.option.is_some() {
                        value.replace('_', " ")
                    } else {
                        label(&v.key.question, value).1
                    };
                    rows.push(ExportRow {
                        period: period.clone(),
                        first_day: date_of(r.first).to_string(),
                        last_day: date_of(r.last).to_string(),
                        group: group.clone(),
                        question: format!("{}@{}", v.key.question, v.key.since),
                        question_text: question_text.clone(),
                        option: v
                            .key
                            .option
                            .clone()
                            .map(|o| format!("{o}: {option_label}"))
                            .unwrap_or_default(),
                        value: value.clone(),
                        value_label,
                        count: *count,
                        hidden: count.is_none(),
                    });
                }
            }
        };
        push("all".into(), &r.variables, r.responses);
        for g in &r.groups {
            push(g.values.join("+"), &g.variables, g.size);
        }
    }
    rows
}

fn export_lang(c: &Campaign, query: &ExportQuery) -> Lang {
    Lang::parse(&query.lang).unwrap_or(c.settings.languages.first().copied().unwrap_or(Lang::EN))
}

#[handler]
pub fn export_csv(
    state: Data<&Arc<AppState>>,
    user: StaffUser,
    Path(id): Path<String>,
    Query(query): Query<ExportQuery>,
) -> poem::Result<Response> {
    user.require_any(FIGURES)?;
    let (c, q, releases) = released(&state, &id)?;
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in export_rows(&q, &releases, export_lang(&c, &query)) {
        w.serialize(r).map_err(internal)?;
    }
    let body = w.into_inner().map_err(internal)?;
    Ok(download("text/csv; charset=utf-8", &format!("figures-{}.csv", c.id), body))
}

#[handler]
pub fn export_json(
    state: Data<&Arc<AppState>>,
    user: StaffUser,
    Path(id): Path<String>,
    Query(query): Query<ExportQuery>,
) -> poem::Result<Response> {
    user.require_any(FIGURES)?;
    let (c, q, releases) = released(&state, &id)?;
    let doc = serde_json::json!({
        "campaign": c.settings.title,
        "k": c.settings.k,
        "note": "count is null and hidden true where a count of fewer than k responses, or one that would reveal such a group or nearly all of a group, is hidden; every surface shows the same figures",
        "rows": export_rows(&q, &releases, export_lang(&c, &query)),
    });
    let body = serde_json::to_vec_pretty(&doc).map_err(internal)?;
    Ok(download("application/json", &format!("figures-{}.json", c.id), body))
}

fn download(content_type: &str, name: &str, body: Vec<u8>) -> Response {
    Response::builder()
        .content_type(content_type)
        .header("content-disposition", format!("attachment; filename=\"{name}\""))
        .header("cache-control", "no-store")
        .body(body)
}

#[handler]
pub fn show_raw_warning(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let c = campaign_of(&state, &id)?;
    Ok(view.signed_in(&user).ok("admin/raw_export.html", context! { c }))
}

/// Raw structured answers, one row per response in storage order (random), no stories.
#[handler]
pub fn export_raw(
    state: Data<&Arc<AppState>>,
    user: StaffUser,
    Path(id): Path<String>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let c = campaign_of(&state, &id)?;
    let q = state.store.questionnaire(&c.id, c.version)?.unwrap_or_default();
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["version".to_string(), "period".to_string()];
    header.extend(q.questions.iter().filter(|x| x.kind.slots() > 0).map(|x| x.id.clone()));
    w.write_record(&header).map_err(internal)?;
    let responses = state.store.responses_of(&c.id)?;
    for r in responses.iter().filter(|r| r.version == c.version) {
        let mut row = vec![r.version.to_string(), date_of(r.period).to_string()];
        for x in q.questions.iter().filter(|x| x.kind.slots() > 0) {
            row.push(r.answers.get(&x.id).map(|a| raw_value(&x.kind, a)).unwrap_or_default());
        }
        w.write_record(&row).map_err(internal)?;
    }
    let body = w.into_inner().map_err(internal)?;
    state.store.append_audit(state.clock.now(), &user.username, "export.raw", &c.id)?;
    tracing::info!(rows = responses.len(), "raw answers exported");
    Ok(download("text/csv; charset=utf-8", &format!("answers-{}-v{}.csv", c.id, c.version), body))
}

fn raw_value(kind: &crate::model::questionnaire::Kind, a: &Answer) -> String {
    match a {
        Answer::Scale(n) | Answer::Slider(n) => n.to_string(),
        Answer::DontKnow => "dont_know".into(),
        Answer::Choice(id) => id.clone(),
        Answer::Tags(ids) => ids.join(";"),
        Answer::Mood(n) => value_id(kind, *n as usize),
        Answer::Triad(w) => format!("{}/{}/{}", w[0], w[1], w[2]),
        Answer::Yes(b) => if *b { "yes" } else { "no" }.into(),
        Answer::Story => String::new(),
    }
}
