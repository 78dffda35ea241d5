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
use crate::dashboard::load;
use crate::model::Lang;
use crate::model::campaign::{Audience, Campaign, Granularity, Status, date_of};
use crate::model::figures::{Figures, value_id};
use crate::model::questionnaire::Questionnaire;
use crate::model::response::Answer;
use crate::store::Role;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VersionQuery {
    version: Option<u32>,
}

/// The campaign, the questionnaire version asked for (default: current) and its figures.
fn figures_of(
    state: &AppState,
    id: &str,
    version: Option<u32>,
) -> poem::Result<(Campaign, Questionnaire, Figures)> {
    let c = campaign_of(state, id)?;
    let version = version.filter(|v| (1..=c.version).contains(v)).unwrap_or(c.version);
    let q = state.store.questionnaire(&c.id, version)?.unwrap_or_default();
    let today = c.settings.today(state.clock.now());
    let figures = load(&state.store, &c, &q, version, today, None)?;
    Ok((c, q, figures))
}

#[handler]
pub fn show_report(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    Query(query): Query<VersionQuery>,
) -> poem::Result<Response> {
    user.require_any(FIGURES)?;
    let c = campaign_of(&state, &id)?;
    if c.status != Status::Closed {
        let ctx = context! { c };
        return Ok(view.signed_in(&user).render(StatusCode::CONFLICT, "admin/report_not_yet.html", ctx));
    }
    let html = report_html(&state, &id, query.version)?;
    Ok(Response::builder()
        .content_type("text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .body(html))
}

/// The report page of a campaign (public for the benchmark, which renders it directly).
pub fn report_html(state: &AppState, id: &str, version: Option<u32>) -> poem::Result<String> {
    let (c, q, figures) = figures_of(state, id, version)?;
    let lang = c.settings.languages.first().copied().unwrap_or(Lang::En);
    let quotes: Vec<String> = state.moderation().approved(&c)?.into_iter().map(|q| q.text).collect();
    let questions: Vec<_> = q
        .questions
        .iter()
        .map(|x| context! { id => x.id, prompt => super::figures::text(&x.prompt, lang) })
        .collect();
    let s = &c.settings;
    let erased: Vec<_> = state
        .store
        .erasure_log_of(&c.id)?
        .into_iter()
        .map(|e| context! { day => crate::model::campaign::date_of(e.day).to_string(), class => e.class, count => e.count })
        .collect();
    let retention = c.retention(state.config.retention.campaign_defaults());
    let ctx = context! {
        erased,
        retention,
        backup_days => (!state.config.backup.dir.is_empty()).then_some(state.config.backup.keep_days),
        fig => super::figures::context(&q, &figures, lang, true),
        questions,
        quotes,
        total => figures.responses.last().copied().flatten(),
        weeks => figures.weeks.len(),
        audience => if s.audience == Audience::Enrolled { "enrolled participants, reminded by mail" } else { "anyone holding the campaign's link" },
        dated => if s.granularity == Granularity::Week { "week" } else { "day" },
        generated => c.settings.today(state.clock.now()).to_string(),
        version => figures.version,
        c,
    };
    state.templates.render("admin/report.html", ctx).map_err(internal)
}

#[handler]
pub fn export_csv(
    state: Data<&Arc<AppState>>,
    user: StaffUser,
    Path(id): Path<String>,
    Query(query): Query<VersionQuery>,
) -> poem::Result<Response> {
    user.require_any(FIGURES)?;
    let (c, q, figures) = figures_of(&state, &id, query.version)?;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["question", "value", "period", "count", "suppressed"]).map_err(internal)?;
    for r in figures.export_rows(&q) {
        let count = r.count.map(|n| n.to_string()).unwrap_or_default();
        let flag = if r.suppressed { "true" } else { "false" };
        w.write_record([r.question.as_str(), &r.value, &r.period, &count, flag]).map_err(internal)?;
    }
    let body = w.into_inner().map_err(internal)?;
    Ok(download("text/csv; charset=utf-8", &format!("aggregates-{}-v{}.csv", c.id, figures.version), body))
}

#[handler]
pub fn export_json(
    state: Data<&Arc<AppState>>,
    user: StaffUser,
    Path(id): Path<String>,
    Query(query): Query<VersionQuery>,
) -> poem::Result<Response> {
    user.require_any(FIGURES)?;
    let (c, q, figures) = figures_of(&state, &id, query.version)?;
    let doc = serde_json::json!({
        "campaign": c.settings.title,
        "version": figures.version,
        "k": figures.k,
        "note": "count is null and suppressed true where fewer than k responses, or a figure that would reveal such a group, are hidden",
        "rows": figures.export_rows(&q),
    });
    let body = serde_json::to_vec_pretty(&doc).map_err(internal)?;
    Ok(download("application/json", &format!("aggregates-{}-v{}.json", c.id, figures.version), body))
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
