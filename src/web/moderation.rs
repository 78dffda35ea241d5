//! Moderation pages: the story queue and a story's quote editor (moderator, owner), the
//! quotes with review (reviewer, owner) and withdrawal (moderator, owner), and the
//! campaign's watch list (owner).

use std::sync::Arc;

use minijinja::{Value, context};
use poem::http::StatusCode;
use poem::web::{Data, Form, Path};
use poem::{Response, handler};
use serde::Deserialize;

use super::AppState;
use super::campaigns::{campaign_error, campaign_of};
use super::internal;
use super::render::View;
use super::session::StaffUser;
use crate::detect::{Span, redact};
use crate::i18n::t;
use crate::model::campaign::Campaign;
use crate::moderation::{ModerationError, Story};
use crate::store::{QuoteStatus, Role, StoryMark};

pub const STORIES: &[Role] = &[Role::Moderator, Role::Owner];
const QUOTES: &[Role] = &[Role::Moderator, Role::Owner, Role::Reviewer];
const REVIEW: &[Role] = &[Role::Reviewer, Role::Owner];

impl From<ModerationError> for poem::Error {
    fn from(e: ModerationError) -> Self {
        match e {
            ModerationError::NotFound => poem::Error::from_status(StatusCode::NOT_FOUND),
            ModerationError::Campaign(e) => campaign_error(e),
            e => internal(e),
        }
    }
}

/// The text cut into plain and highlighted pieces for the template.
fn segments(text: &str, spans: &[Span]) -> Vec<Value> {
    let mut out = Vec::new();
    let mut at = 0;
    for s in spans {
        out.push(context! { text => &text[at..s.start] });
        out.push(context! { text => &text[s.start..s.end], found => s.found.describe() });
        at = s.end;
    }
    out.push(context! { text => &text[at..] });
    out
}

fn story_context(s: &Story) -> Value {
    context! {
        response => s.response,
        question => s.question,
        day => s.day.to_string(),
        segments => segments(&s.text, &s.spans),
        found => s.spans.len(),
        mark => s.mark.map(|m| if m == StoryMark::Handled { "handled" } else { "excluded" }),
    }
}

#[handler]
pub fn list_stories(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
) -> poem::Result<Response> {
    user.require_any(STORIES)?;
    let c = campaign_of(&state, &id)?;
    stories_page(&state, &view.signed_in(&user), &user, &c, None)
}

fn stories_page(
    state: &AppState,
    view: &View,
    user: &StaffUser,
    c: &Campaign,
    terms_error: Option<(&str, &str)>,
) -> poem::Result<Response> {
    let m = state.moderation();
    let (stories, excluded) = m.stories(c)?;
    let receipts = state.store.responses_with_receipts(&c.id)?;
    // Each story's quotes so far, withdrawn ones left out: which stories are already used.
    let quotes = state.store.quotes_of(&c.id)?;
    let waiting = stories.iter().filter(|s| s.mark.is_none()).count();
    let stories: Vec<Value> = stories
        .iter()
        .map(|s| {
            let key = crate::moderation::parse_key(&s.response);
            let receipt = key.is_some_and(|k| receipts.contains(&k));
            let quoted = quotes
                .iter()
                .filter(|(_, q)| Some(q.response) == key && q.question == s.question)
                .filter(|(_, q)| q.status != QuoteStatus::Withdrawn)
                .count();
            context! { receipt, quoted, ..story_context(s) }
        })
        .collect();
    let terms = match terms_error {
        Some((typed, _)) => typed.to_string(),
        None if user.role == Role::Owner => m.terms(c)?.join("\n"),
        None => String::new(),
    };
    let ctx = context! {
        c, stories, excluded, terms, waiting, terms_error => terms_error.map(|e| e.1),
        owner => user.role == Role::Owner,
    };
    Ok(view.form("admin/stories.html", ctx, terms_error.is_some()))
}

#[handler]
pub fn show_story(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path((id, response, question)): Path<(String, String, String)>,
) -> poem::Result<Response> {
    user.require_any(STORIES)?;
    let c = campaign_of(&state, &id)?;
    let story = state.moderation().story(&c, &response, &question)?;
    let draft = redact(&story.text, &story.spans);
    story_page(&view.signed_in(&user), &c, &story, &draft, None, &[])
}

fn story_page(
    view: &View,
    c: &Campaign,
    story: &Story,
    draft: &str,
    error: Option<&str>,
    flagged: &[String],
) -> poem::Result<Response> {
    let ctx = context! {
        c, story => story_context(story), draft, error, flagged,
        approval => c.settings.reviewer_approval,
    };
    Ok(view.form("admin/story.html", ctx, error.is_some()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QuoteForm {
    text: String,
    /// The flagged words the moderator keeps in the quote (a repeated field).
    keep: Vec<String>,
}

impl QuoteForm {
    fn from_fields(fields: Vec<(String, String)>) -> QuoteForm {
        let mut form = QuoteForm::default();
        for (k, v) in fields {
            match k.as_str() {
                "text" => form.text = v,
                "keep" => form.keep.push(v),
                _ => {}
            }
        }
        form
    }
}

#[handler]
pub fn write_quote(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path((id, response, question)): Path<(String, String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> poem::Result<Response> {
    user.require_any(STORIES)?;
    let form = QuoteForm::from_fields(fields);
    let c = campaign_of(&state, &id)?;
    let m = state.moderation();
    match m.write_quote(&c, &response, &question, &form.text, &form.keep, &user.username) {
        Ok(_) => Ok(super::render::done(&format!("/admin/campaigns/{id}/quotes"), "quote-written")),
        Err(ModerationError::Refused(msg)) => {
            let story = m.story(&c, &response, &question)?;
            story_page(&view.signed_in(&user), &c, &story, &form.text, Some(msg), &[])
        }
        Err(ModerationError::Flagged(words)) => {
            let story = m.story(&c, &response, &question)?;
            let view = view.signed_in(&user);
            let msg = t(view.lang(), "story-flagged");
            story_page(&view, &c, &story, &form.text, Some(msg), &words)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MarkForm {
    mark: String,
    confirm: String,
}

#[handler]
pub fn mark_story(
    state: Data<&Arc<AppState>>,
    user: StaffUser,
    Path((id, response, question)): Path<(String, String, String)>,
    Form(form): Form<MarkForm>,
) -> poem::Result<Response> {
    user.require_any(STORIES)?;
    let c = campaign_of(&state, &id)?;
    let mark = match form.mark.as_str() {
        "handled" => StoryMark::Handled,
        "excluded" if form.confirm != "yes" => {
            return Err(super::render::said(StatusCode::UNPROCESSABLE_ENTITY, "confirm-missing"));
        }
        "excluded" => StoryMark::Excluded,
        _ => return Err(poem::Error::from_status(StatusCode::BAD_REQUEST)),
    };
    state.moderation().mark(&c, &response, &question, mark, &user.username)?;
    let what = if mark == StoryMark::Excluded { "story-excluded" } else { "story-handled" };
    Ok(super::render::done(&format!("/admin/campaigns/{id}/stories"), what))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TermsForm {
    terms: String,
}

#[handler]
pub fn save_terms(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    Form(form): Form<TermsForm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let c = campaign_of(&state, &id)?;
    match state.moderation().save_terms(&c, &form.terms, &user.username) {
        Ok(()) => Ok(super::render::done(&format!("/admin/campaigns/{id}/stories"), "terms-saved")),
        Err(ModerationError::Refused(msg)) => {
            stories_page(&state, &view.signed_in(&user), &user, &c, Some((&form.terms, msg)))
        }
        Err(e) => Err(e.into()),
    }
}

#[handler]
pub fn list_quotes(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
) -> poem::Result<Response> {
    user.require_any(QUOTES)?;
    let c = campaign_of(&state, &id)?;
    quotes_page(&state, &view.signed_in(&user), &user, &c, None)
}

fn quotes_page(
    state: &AppState,
    view: &View,
    user: &StaffUser,
    c: &Campaign,
    error: Option<(&str, &str)>,
) -> poem::Result<Response> {
    let quotes: Vec<Value> = state
        .moderation()
        .quotes(c)?
        .into_iter()
        .filter(|q| user.role != Role::Reviewer || q.status != QuoteStatus::Withdrawn)
        .map(|q| {
            let status = format!("{:?}", q.status).to_lowercase();
            let failed = error.filter(|(qid, _)| *qid == q.id).map(|e| e.1);
            context! {
                id => q.id, text => q.text, status, reason => q.reason, week => q.week.to_string(),
                response => q.response, question => q.question, error => failed,
            }
        })
        .collect();
    let waiting =
        quotes.iter().filter(|q| q.get_attr("status").is_ok_and(|s| s.as_str() == Some("proposed"))).count();
    let ctx = context! {
        c, quotes, waiting,
        can_review => REVIEW.contains(&user.role),
        can_withdraw => STORIES.contains(&user.role),
        approval => c.settings.reviewer_approval,
    };
    Ok(view.form("admin/quotes.html", ctx, error.is_some()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReviewForm {
    decision: String,
    reason: String,
}

#[handler]
pub fn review_quote(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path((id, qid)): Path<(String, String)>,
    Form(form): Form<ReviewForm>,
) -> poem::Result<Response> {
    user.require_any(REVIEW)?;
    let c = campaign_of(&state, &id)?;
    let approve = match form.decision.as_str() {
        "approve" => true,
        "veto" => false,
        _ => return Err(poem::Error::from_status(StatusCode::BAD_REQUEST)),
    };
    match state.moderation().review(&c, &qid, approve, &form.reason, &user.username) {
        Ok(()) => Ok(super::render::done(&format!("/admin/campaigns/{id}/quotes"), "quote-reviewed")),
        Err(ModerationError::Refused(msg)) => {
            quotes_page(&state, &view.signed_in(&user), &user, &c, Some((&qid, msg)))
        }
        Err(e) => Err(e.into()),
    }
}

#[handler]
pub fn withdraw_quote(
    state: Data<&Arc<AppState>>,
    user: StaffUser,
    Path((id, qid)): Path<(String, String)>,
    Form(confirm): Form<super::Confirm>,
) -> poem::Result<Response> {
    user.require_any(STORIES)?;
    confirm.check()?;
    let c = campaign_of(&state, &id)?;
    state.moderation().withdraw(&c, &qid, &user.username)?;
    Ok(super::render::done(&format!("/admin/campaigns/{id}/quotes"), "quote-withdrawn"))
}
