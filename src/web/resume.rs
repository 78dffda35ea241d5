//! Resuming a saved form: the page that hands out the code after "save and continue
//! later", the form to type the twelve words, and the link that reopens the answers.

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::context;
use poem::http::StatusCode;
use poem::web::{Data, Path, Query, Redirect};
use poem::{IntoResponse, Request, Response, handler};
use serde::Deserialize;

use super::AppState;
use super::render::View;
use super::respond::{LangQuery, choose_lang, form_page, load, not_taking};
use crate::drafts;
use crate::i18n::t;
use crate::model::Lang;
use crate::model::campaign::{Campaign, Intake};

pub fn saved_page(state: &AppState, view: &View, c: &Campaign, lang: Lang, code: &str) -> Response {
    let words: Vec<&str> = code.split('-').collect();
    view.ok(
        "respond/saved.html",
        context! {
            lang => lang.code(), title => t(lang, "saved_title"), text => t(lang, "saved_text"),
            days => state.config.retention.drafts_days, link_label => t(lang, "saved_link"),
            words_label => t(lang, "saved_words"), words,
            link => state.url(&format!("/r/{}/resume/{code}?lang={}", c.slug, lang.code())),
            resume_url => state.url(&format!("/r/{}/resume", c.slug)),
        },
    )
}

fn resume_form(view: &View, c: &Campaign, lang: Lang, typed: &str, error: Option<&str>) -> Response {
    let ctx = context! {
        lang => lang.code(), slug => c.slug, typed, error, title => t(lang, "resume_title"),
        label => t(lang, "resume_label"), button => t(lang, "resume_button"),
    };
    view.form("respond/resume.html", ctx, error.is_some())
}

#[handler]
pub fn show_resume(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(slug): Path<String>,
    Query(query): Query<LangQuery>,
) -> poem::Result<Response> {
    let live = load(&state, &slug)?;
    let c = &live.campaign;
    Ok(resume_form(&view, c, choose_lang(c, &query.lang, req), "", None))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResumeForm {
    code: String,
    lang: String,
}

#[handler]
pub fn find_resume(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(slug): Path<String>,
    poem::web::Form(form): poem::web::Form<ResumeForm>,
) -> poem::Result<Response> {
    let live = load(&state, &slug)?;
    let c = &live.campaign;
    let lang = choose_lang(c, &form.lang, req);
    match drafts::normalise(&form.code) {
        Some(code) => {
            Ok(Redirect::see_other(format!("/r/{slug}/resume/{code}?lang={}", lang.code())).into_response())
        }
        None => Ok(resume_form(&view, c, lang, &form.code, Some(t(lang, "resume_bad")))),
    }
}

#[handler]
pub fn resume_draft(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path((slug, code)): Path<(String, String)>,
    Query(query): Query<LangQuery>,
) -> poem::Result<Response> {
    let live = load(&state, &slug)?;
    let (c, q) = (&live.campaign, &live.questionnaire);
    let lang = choose_lang(c, &query.lang, req);
    if c.settings.audience == crate::model::campaign::Audience::Enrolled {
        return Ok(super::respond::enrolled_only(&view, c, lang));
    }
    let intake = c.intake(state.clock.now());
    if intake != Intake::Accepting {
        return Ok(not_taking(&view, lang, intake));
    }
    let code = drafts::normalise(&code);
    let found = match &code {
        Some(code) => state.drafts().find(&live, code)?,
        None => drafts::Found::Unknown,
    };
    let (status, text) = match found {
        drafts::Found::Draft(input) => {
            return Ok(form_page(&view, c, q, lang, &input, &BTreeMap::new(), code.as_deref(), None));
        }
        drafts::Found::Expired => (StatusCode::GONE, t(lang, "resume_expired")),
        drafts::Found::Unknown => (StatusCode::NOT_FOUND, t(lang, "resume_unknown")),
    };
    Ok(view.render(status, "respond/closed.html", context! {
        lang => lang.code(), title => t(lang, "resume_title"), text,
        again => context! { href => format!("/r/{slug}?lang={}", lang.code()), label => t(lang, "start_again") },
    }))
}
