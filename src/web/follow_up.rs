//! The respondent's side of follow-up threads, `/f`: type the receipt, read your own story
//! and the thread, write. Works with JavaScript off; with it on, new messages appear
//! without a reload. Every receipt that opens nothing gets the same page, and a client
//! that keeps trying waits longer each time; that count is kept in memory only, under the
//! daily-salted client key, and nothing about who tried is stored.

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::{Value, context};
use poem::http::StatusCode;
use poem::web::{Data, Form, Query};
use poem::{IntoResponse, Request, Response, handler};
use serde::Deserialize;

use super::AppState;
use super::internal;
use super::render::View;
use super::respond::LangQuery;
use crate::i18n::{t, tr};
use crate::model::Lang;
use crate::model::campaign::Campaign;
use crate::model::receipt::Receipt;
use crate::store::Side;
use crate::threads::{Conversation, ThreadError};

const WORDS: &[&str] = &[
    "f_title",
    "f_intro",
    "f_receipt",
    "f_open",
    "f_story",
    "f_story_gone",
    "f_thread",
    "f_write",
    "f_send",
    "f_leave",
    "f_unsent",
    "language",
];

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ThreadForm {
    receipt: String,
    lang: String,
    message: String,
    action: String,
    /// A language button: the entry page again in that language, the typed receipt kept
    /// and not tried (a switch is not a guess).
    switch: String,
}

fn lang_of(asked: &str, req: &Request) -> Lang {
    super::render::request_lang(req, asked, &Lang::all())
}

fn words(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    WORDS.iter().map(|k| (*k, t(lang, k))).collect()
}

/// The page to type a receipt on; with `error`, the one neutral message.
fn entry_page(view: &View, lang: Lang, typed: &str, error: Option<(StatusCode, &str)>) -> Response {
    let switch: Vec<Value> = Lang::all()
        .iter()
        .map(|l| context! { code => l.code(), name => l.name(), current => *l == lang })
        .collect();
    let ctx = context! {
        lang => lang.code(), words => words(lang), typed, error => error.map(|e| e.1), switch,
    };
    view.render(error.map_or(StatusCode::OK, |e| e.0), "respond/follow_up.html", ctx)
}

#[handler]
pub fn show_entry(view: View, req: &Request, Query(query): Query<LangQuery>) -> Response {
    entry_page(&view, lang_of(&query.lang, req), "", None)
}

/// The throttle key of this client for receipt guesses: daily-salted, in memory only.
fn guess_key(state: &AppState, req: &Request) -> String {
    format!("{}:receipt", super::limits::client_key(state, req))
}

/// The thread a typed receipt opens, or the page to show instead: a wait when this client
/// guessed too often, the neutral message for anything that opens nothing.
fn find(
    state: &AppState,
    view: &View,
    req: &Request,
    lang: Lang,
    typed: &str,
) -> poem::Result<Result<(Campaign, [u8; 16]), Response>> {
    let key = guess_key(state, req);
    let now = state.clock.now();
    if state.throttle.wait_secs(&[&key], now) > 0 {
        let page = entry_page(view, lang, typed, Some((StatusCode::TOO_MANY_REQUESTS, t(lang, "f_slow"))));
        return Ok(Err(page));
    }
    let found = match Receipt::parse(typed) {
        Some(receipt) => state.threads().find(&receipt).map_err(internal)?,
        None => None,
    };
    match found {
        Some(target) => Ok(Ok(target)),
        None => {
            state.throttle.fail(&[&key], now);
            Ok(Err(entry_page(
                view,
                lang,
                typed,
                Some((StatusCode::UNPROCESSABLE_ENTITY, t(lang, "f_wrong"))),
            )))
        }
    }
}

/// The respondent's view of the messages.
fn own_messages(talk: &Conversation, lang: Lang) -> Value {
    let names = (t(lang, "f_you"), t(lang, "f_staff"));
    super::threads::messages_context(talk, Side::Respondent, names, t(lang, "f_none"))
}

#[handler]
pub fn open_thread(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Form(form): Form<ThreadForm>,
) -> poem::Result<Response> {
    if let Some(other) = Lang::parse(&form.switch) {
        return Ok(entry_page(&view, other, form.receipt.trim(), None));
    }
    let lang = lang_of(&form.lang, req);
    let (c, response) = match find(&state, &view, req, lang, &form.receipt)? {
        Ok(target) => target,
        Err(page) => return Ok(page),
    };
    let threads = state.threads();
    let invalid = |key| Some((StatusCode::UNPROCESSABLE_ENTITY, key));
    let mut problem = None;
    let mut sent = false;
    if form.action == "send" && !super::limits::allow_form_post(&state, req) {
        problem = Some((StatusCode::TOO_MANY_REQUESTS, "f_too_fast"));
    } else if form.action == "send" {
        match threads.write(&c, response, Side::Respondent, &form.message) {
            Ok(()) => sent = true,
            Err(ThreadError::Empty) => problem = invalid("f_empty"),
            Err(ThreadError::TooLong) => problem = invalid("f_too_long"),
            Err(ThreadError::Closed) => problem = invalid("f_closed"),
            Err(e) => return Err(internal(e)),
        }
    }
    let talk = threads.conversation(&c, response).map_err(internal)?;
    let stories = state.moderation().own_stories(&c, response)?;
    let open = talk.thread.as_ref().is_none_or(|t| t.open);
    let kept = tr(lang, "f_kept", &[("n", state.config.retention.threads_days_after_last_message.into())]);
    let ctx = context! {
        lang => lang.code(), words => words(lang), receipt => form.receipt.trim(), campaign => c.settings.text("title", lang),
        stories, talk => own_messages(&talk, lang), open, closed => (!open).then(|| t(lang, "f_closed")),
        error => problem.map(|(_, k)| t(lang, k)), sent => sent.then(|| t(lang, "f_sent")),
        message => if sent { "" } else { form.message.as_str() }, kept,
        notice => super::respond::notice(&c, lang),
    };
    Ok(view.render(problem.map_or(StatusCode::OK, |p| p.0), "respond/thread.html", ctx))
}

/// The messages of a thread as a fragment, for the page's script to swap in.
#[handler]
pub fn poll_messages(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Form(form): Form<ThreadForm>,
) -> poem::Result<Response> {
    let lang = lang_of(&form.lang, req);
    let (c, response) = match find(&state, &view, req, lang, &form.receipt)? {
        Ok(target) => target,
        Err(page) => return Ok(page.status().into_response()),
    };
    let talk = state.threads().conversation(&c, response).map_err(internal)?;
    Ok(view.ok("thread_messages.html", context! { talk => own_messages(&talk, lang) }))
}
