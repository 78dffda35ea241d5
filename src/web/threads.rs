//! The staff side of follow-up threads (moderator, owner): a campaign's threads with unread
//! markers, a thread to read and answer, close or reopen, and a new thread on a response
//! whose respondent took a receipt. Replies are audited without their text.

use std::sync::Arc;

use minijinja::{Value, context};
use poem::http::StatusCode;
use poem::web::{Data, Form, Path};
use poem::{Response, handler};
use serde::Deserialize;

use super::AppState;
use super::campaigns::campaign_of;
use super::internal;
use super::moderation::STORIES;
use super::render::View;
use super::session::StaffUser;
use crate::model::campaign::{Campaign, date_of};
use crate::moderation::parse_key;
use crate::store::Side;
use crate::threads::{Conversation, ThreadError};

impl From<ThreadError> for poem::Error {
    fn from(e: ThreadError) -> Self {
        match e {
            ThreadError::NotFound => poem::Error::from_status(StatusCode::NOT_FOUND),
            e => internal(e),
        }
    }
}

fn not_found() -> poem::Error {
    poem::Error::from_status(StatusCode::NOT_FOUND)
}

/// A campaign's threads, for its page and for the list the page's script polls.
fn list_context(state: &AppState, user: &StaffUser, id: &str) -> poem::Result<Value> {
    user.require_any(STORIES)?;
    let c = campaign_of(state, id)?;
    let threads: Vec<Value> = state
        .store
        .threads_of(&c.id)?
        .into_iter()
        .map(|(key, t)| {
            context! {
                response => data_encoding::HEXLOWER.encode(&key), unread => t.unread_by_staff, open => t.open,
                messages => t.messages, last => date_of(t.last_day).to_string(),
            }
        })
        .collect();
    Ok(context! { c, threads })
}

#[handler]
pub fn list_threads(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
) -> poem::Result<Response> {
    let ctx = list_context(&state, &user, &id)?;
    Ok(view.signed_in(&user).ok("admin/threads.html", ctx))
}

#[handler]
pub fn poll_threads(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
) -> poem::Result<Response> {
    Ok(view.signed_in(&user).ok("admin/thread_list.html", list_context(&state, &user, &id)?))
}

/// The campaign and the response of a thread page, if that response has a receipt.
fn target(
    state: &AppState,
    user: &StaffUser,
    id: &str,
    response: &str,
) -> poem::Result<(Campaign, [u8; 16])> {
    user.require_any(STORIES)?;
    let c = campaign_of(state, id)?;
    let key = parse_key(response).ok_or_else(not_found)?;
    if !state.store.has_receipt(&c.id, key)? {
        return Err(not_found());
    }
    Ok((c, key))
}

/// The messages and what to say when there are none, for `thread_messages.html` on either
/// side: `me` is the side reading, `names` what each side is called on the page.
pub(super) fn messages_context(talk: &Conversation, me: Side, names: (&str, &str), empty: &str) -> Value {
    let messages: Vec<Value> = talk
        .messages
        .iter()
        .map(|m| {
            let mine = m.from == me;
            let from = if m.from == Side::Respondent { names.0 } else { names.1 };
            context! { mine, from, day => m.day.to_string(), text => m.text }
        })
        .collect();
    context! { messages, count => talk.messages.len(), empty }
}

/// The staff's view of the messages.
fn staff_messages(talk: &Conversation) -> Value {
    let empty = "No messages yet. The respondent sees what you write only if they kept their receipt and come back to read it: they get no mail.";
    messages_context(talk, Side::Staff, ("Respondent", "Staff"), empty)
}

/// Reading the thread marks it read: whoever opens it has seen its new messages.
fn thread_page(
    state: &AppState,
    view: &View,
    c: &Campaign,
    key: [u8; 16],
    draft: &str,
    error: Option<&str>,
) -> poem::Result<Response> {
    let threads = state.threads();
    threads.mark_read(c, key)?;
    let talk = threads.conversation(c, key)?;
    let stories = state.moderation().own_stories(c, key)?;
    let ctx = context! {
        c, response => data_encoding::HEXLOWER.encode(&key), stories, talk => staff_messages(&talk),
        started => talk.thread.is_some(),
        open => talk.thread.as_ref().is_none_or(|t| t.open), draft, error,
        days => state.config.retention.threads_days_after_last_message,
    };
    Ok(view.form("admin/thread.html", ctx, error.is_some()))
}

#[handler]
pub fn show_thread(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path((id, response)): Path<(String, String)>,
) -> poem::Result<Response> {
    let (c, key) = target(&state, &user, &id, &response)?;
    thread_page(&state, &view.signed_in(&user), &c, key, "", None)
}

#[handler]
pub fn poll_thread(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path((id, response)): Path<(String, String)>,
) -> poem::Result<Response> {
    let (c, key) = target(&state, &user, &id, &response)?;
    let threads = state.threads();
    threads.mark_read(&c, key)?;
    let talk = threads.conversation(&c, key)?;
    Ok(view.ok("thread_messages.html", context! { talk => staff_messages(&talk) }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReplyForm {
    text: String,
}

#[handler]
pub fn reply(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path((id, response)): Path<(String, String)>,
    Form(form): Form<ReplyForm>,
) -> poem::Result<Response> {
    let (c, key) = target(&state, &user, &id, &response)?;
    match state.threads().write(&c, key, Side::Staff, &form.text) {
        Ok(()) => {
            state.store.append_audit(state.clock.now(), &user.username, "thread.replied", &c.id)?;
            Ok(super::render::done(&format!("/admin/campaigns/{}/threads/{response}", c.id), "reply-sent"))
        }
        Err(e @ (ThreadError::Empty | ThreadError::TooLong)) => {
            thread_page(&state, &view.signed_in(&user), &c, key, &form.text, Some(&e.to_string()))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StateForm {
    open: String,
}

#[handler]
pub fn set_state(
    state: Data<&Arc<AppState>>,
    user: StaffUser,
    Path((id, response)): Path<(String, String)>,
    Form(form): Form<StateForm>,
) -> poem::Result<Response> {
    let (c, key) = target(&state, &user, &id, &response)?;
    let open = match form.open.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(poem::Error::from_status(StatusCode::BAD_REQUEST)),
    };
    state.threads().set_open(&c, key, open)?;
    let action = if open { "thread.reopened" } else { "thread.closed" };
    state.store.append_audit(state.clock.now(), &user.username, action, &c.id)?;
    Ok(super::render::done(&format!("/admin/campaigns/{}/threads/{response}", c.id), "thread-saved"))
}
