//! The participant's form: `GET /r/{slug}` in the participant's language, `POST` checked
//! into a typed response and stored durably before the thank-you page. Works with
//! JavaScript off; nothing about the participant is stored or logged.

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::{Value, context};
use poem::http::StatusCode;
use poem::web::{Data, Path, Query, Redirect};
use poem::{IntoResponse, Request, Response, handler};
use serde::Deserialize;

use super::AppState;
use super::internal;
use super::render::View;
use crate::campaigns::Live;
use crate::drafts;
use crate::i18n::t;
use crate::model::Lang;
use crate::model::campaign::{Audience, Campaign, Intake};
use crate::model::questionnaire::{Kind, MOODS, Questionnaire};
use crate::model::receipt::Receipt;
use crate::model::response::{FormInput, read_fields, validate};
use crate::store::Recorded;

/// Form fields that are not answers.
const CONTROL: &[&str] = &["csrf", "nonce", "lang", "website", "action", "resume", "ticket", "switch"];

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LangQuery {
    pub(super) lang: String,
}

fn not_found() -> poem::Error {
    poem::Error::from_status(StatusCode::NOT_FOUND)
}

pub(super) fn choose_lang(c: &Campaign, asked: &str, req: &Request) -> Lang {
    super::render::request_lang(req, asked, &c.settings.languages)
}

pub(super) fn load(state: &AppState, slug: &str) -> poem::Result<Arc<Live>> {
    state.live.by_slug(&state.campaigns(), slug).map_err(internal)?.ok_or_else(not_found)
}

/// A campaign text's paragraphs (blank lines apart).
pub(super) fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect()
}

/// The footer link to a campaign's privacy notice, in the page's language.
pub(super) fn notice(c: &Campaign, lang: Lang) -> Value {
    context! { href => format!("/privacy/{}?lang={}", c.slug, lang.code()), label => t(lang, "notice_link") }
}

/// The campaign's languages for a language switch or select, `lang` marked current.
pub(super) fn lang_choices(c: &Campaign, lang: Lang) -> Vec<Value> {
    c.settings
        .languages
        .iter()
        .map(|l| context! { code => l.code(), name => l.name(), current => *l == lang })
        .collect()
}

/// The polite page for a campaign that does not take answers today.
pub(super) fn not_taking(view: &View, lang: Lang, intake: Intake) -> Response {
    let (title, text) = match intake {
        Intake::NotYet => (t(lang, "not_yet_title"), t(lang, "not_yet_text")),
        Intake::Ended => (t(lang, "ended_title"), t(lang, "ended_text")),
        _ => (t(lang, "closed_title"), t(lang, "closed_text")),
    };
    message(view, StatusCode::OK, lang, title, text)
}

/// A participant page with a title and a paragraph.
pub(super) fn message(view: &View, status: StatusCode, lang: Lang, title: &str, text: &str) -> Response {
    view.render(status, "respond/closed.html", context! { lang => lang.code(), title, text })
}

#[handler]
pub fn show_form(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(slug): Path<String>,
    Query(query): Query<LangQuery>,
) -> poem::Result<Response> {
    let live = load(&state, &slug)?;
    let (c, q) = (&live.campaign, &live.questionnaire);
    let lang = choose_lang(c, &query.lang, req);
    match c.intake(state.clock.now()) {
        _ if c.settings.audience == Audience::Enrolled => Ok(enrolled_only(&view, c, lang)),
        Intake::Accepting => {
            Ok(form_page(&view, c, q, lang, &FormInput::default(), &BTreeMap::new(), None, None))
        }
        other => Ok(not_taking(&view, lang, other)),
    }
}

/// An enrolled campaign's public link: the form opens only through personal links.
pub(super) fn enrolled_only(view: &View, c: &Campaign, lang: Lang) -> Response {
    view.ok("respond/closed.html", context! {
        lang => lang.code(), title => t(lang, "enrolled_only_title"), text => t(lang, "enrolled_only_text"),
        again => context! { href => format!("/e/{}?lang={}", c.slug, lang.code()), label => t(lang, "enrol_here") },
    })
}

/// A post to an enrolled campaign without a valid ticket.
fn ticket_refused(view: &View, lang: Lang) -> Response {
    message(
        view,
        StatusCode::FORBIDDEN,
        lang,
        t(lang, "ticket_refused_title"),
        t(lang, "ticket_refused_text"),
    )
}

/// Renders the form; with `errors`, status 422 and the input kept. `ticket`: the form was
/// opened through a personal link and carries its single-use ticket.
#[allow(clippy::too_many_arguments)]
pub fn form_page(
    view: &View,
    c: &Campaign,
    q: &Questionnaire,
    lang: Lang,
    input: &FormInput,
    errors: &BTreeMap<String, &'static str>,
    resume: Option<&str>,
    ticket: Option<&str>,
) -> Response {
    render_form(view, c, q, lang, input, errors, resume, ticket, false)
}

/// The form; a preview (for the owner) is the same page without a way to send it.
#[allow(clippy::too_many_arguments)]
fn render_form(
    view: &View,
    c: &Campaign,
    q: &Questionnaire,
    lang: Lang,
    input: &FormInput,
    errors: &BTreeMap<String, &'static str>,
    resume: Option<&str>,
    ticket: Option<&str>,
    preview: bool,
) -> Response {
    let questions: Vec<Value> =
        q.questions.iter().enumerate().map(|(i, q)| question_view(i, q, lang, input, errors)).collect();
    let switch = lang_choices(c, lang);
    let first_error = q.questions.iter().find(|q| errors.contains_key(&q.id)).map(|q| q.id.clone());
    let words: BTreeMap<&str, &str> = [
        "submit",
        "required",
        "optional",
        "problem",
        "problem_intro",
        "language",
        "question_of",
        "honeypot",
        "triad_hint",
        "slider_hint",
        "slider_none",
        "slider_unset",
        "slider_clear",
        "max_picks",
        "save",
        "resume_title",
    ]
    .into_iter()
    .map(|k| (k, t(lang, k)))
    .collect();
    let ctx = context! {
        lang => lang.code(), title => c.settings.text("title", lang), slug => c.slug, notice => notice(c, lang),
        intro => paragraphs(&c.settings.text("intro", lang)),
        questions, switch, words, nonce => crate::accounts::new_token(), first_error,
        error_count => errors.len(), total => q.questions.len(), resume, preview, ticket,
    };
    if errors.is_empty() { view.ok("respond/form.html", ctx) } else { view.invalid("respond/form.html", ctx) }
}

fn question_view(
    i: usize,
    q: &crate::model::questionnaire::Question,
    lang: Lang,
    input: &FormInput,
    errors: &BTreeMap<String, &'static str>,
) -> Value {
    let name = format!("q.{}", q.id);
    let text = |t: &crate::model::questionnaire::Text| t.get(&lang).cloned().unwrap_or_default();
    let option = |value: String, label: String| {
        let checked = input.has(&name, &value);
        context! { value, label, checked }
    };
    let options: Vec<Value> = match &q.kind {
        Kind::Scale { min, max, dont_know, .. } => {
            let mut v: Vec<Value> = (*min..=*max).map(|n| option(n.to_string(), n.to_string())).collect();
            if *dont_know {
                v.push(option("dk".into(), t(lang, "dont_know").into()));
            }
            v
        }
        Kind::Single { options } | Kind::Multi { options, .. } => {
            options.iter().map(|o| option(o.id.clone(), text(&o.label))).collect()
        }
        Kind::Mood => (0..MOODS.len())
            .map(|n| {
                let o = option(n.to_string(), t(lang, &format!("mood_{n}")).to_string());
                context! { icon => Value::from_safe_string(super::charts::mood_face(n)), ..o }
            })
            .collect(),
        Kind::Yesno => {
            vec![option("yes".into(), t(lang, "yes").into()), option("no".into(), t(lang, "no").into())]
        }
        // Without JavaScript a slider is a list of eleven steps after "not answered" (a range
        // input always sends a value, so it could not tell an untouched slider from 50); the
        // script turns it into a slider that stays unset until moved. A value the slider sent
        // between the steps is kept.
        Kind::Slider { left, right } => {
            let typed = input.one(&name).parse::<u8>().ok().filter(|n| *n <= 100 && n % 10 != 0);
            let mut steps: Vec<u8> = (0..=10).map(|n| n * 10).chain(typed).collect();
            steps.sort_unstable();
            steps
                .into_iter()
                .map(|n| match n {
                    0 => option(n.to_string(), format!("0 – {}", text(left))),
                    100 => option(n.to_string(), format!("100 – {}", text(right))),
                    _ => option(n.to_string(), n.to_string()),
                })
                .collect()
        }
        _ => vec![],
    };
    let (low, high) = match &q.kind {
        Kind::Scale { low, high, .. } => (text(low), text(high)),
        Kind::Slider { left, right } => (text(left), text(right)),
        _ => (String::new(), String::new()),
    };
    let poles: Vec<String> = match &q.kind {
        Kind::Triad { poles } => poles.iter().map(text).collect(),
        _ => vec![],
    };
    let triad: Vec<String> =
        ["a", "b", "c"].iter().map(|p| input.one(&format!("{name}.{p}")).to_string()).collect();
    let (max_len, max_picks) = match &q.kind {
        Kind::Story { max_len } => (Some(*max_len), None),
        Kind::Multi { max_picks, .. } => (None, *max_picks),
        _ => (None, None),
    };
    context! {
        number => i + 1, id => q.id, name, kind => q.kind.name(), prompt => text(&q.prompt), help => text(&q.help),
        required => q.required, error => errors.get(&q.id).map(|k| t(lang, k)), options, low, high, poles, triad,
        value => input.one(&name), max_len, max_picks,
    }
}

#[handler]
pub async fn submit_form(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(slug): Path<String>,
    body: Vec<u8>,
) -> poem::Result<Response> {
    let live = load(&state, &slug)?;
    let (c, q) = (&live.campaign, &live.questionnaire);
    let lang_of = |controls: &BTreeMap<String, String>| {
        choose_lang(c, controls.get("lang").map_or("", |s| s.as_str()), req)
    };
    let intake = c.intake(state.clock.now());
    if intake != Intake::Accepting {
        return Ok(not_taking(&view, lang_of(&BTreeMap::new()), intake));
    }
    // Every post counts against the limit, whatever it holds.
    if !super::limits::allow_form_post(&state, req) {
        let lang = lang_of(&BTreeMap::new());
        return Ok(view.render(
            StatusCode::TOO_MANY_REQUESTS,
            "respond/closed.html",
            context! {
                lang => lang.code(), title => t(lang, "answers_too_many_title"), text => t(lang, "answers_too_many_text"),
            },
        ));
    }
    let form_type = req.content_type().unwrap_or("");
    if !form_type.starts_with("application/x-www-form-urlencoded") {
        return Ok(malformed(
            &view,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "The answers must be sent as a web form.",
        ));
    }
    let fields = match super::form::decode_strict(&body) {
        Ok(f) => f,
        Err(why) => return Ok(malformed(&view, StatusCode::BAD_REQUEST, why)),
    };
    let (input, controls) = match read_fields(q, fields, CONTROL) {
        Ok(parts) => parts,
        Err(why) => return Ok(malformed(&view, StatusCode::BAD_REQUEST, &why)),
    };
    let lang = lang_of(&controls);
    let thanks = Redirect::see_other(format!("/r/{slug}/thanks?lang={}", lang.code())).into_response();
    if !controls.get("website").is_none_or(|v| v.is_empty()) {
        // A bot filled the hidden field: it sees the usual answer, nothing is stored.
        return Ok(thanks);
    }
    let Some(nonce) = controls.get("nonce").filter(|n| n.len() == 26) else {
        return Ok(malformed(
            &view,
            StatusCode::BAD_REQUEST,
            "The form is incomplete. Open it again from its link.",
        ));
    };
    let ticket = controls.get("ticket").filter(|t| t.len() < 100);
    let enrolled = c.settings.audience == Audience::Enrolled;
    if enrolled && ticket.is_none() {
        return Ok(ticket_refused(&view, lang));
    }
    let resume = controls.get("resume").and_then(|r| drafts::normalise(r));
    // A language button: the same form again in that language, every answer and the ticket
    // kept, nothing stored (this is how switching works without JavaScript).
    if let Some(other) =
        controls.get("switch").and_then(|code| Lang::parse(code)).filter(|l| c.settings.languages.contains(l))
    {
        let ticket = ticket.filter(|_| enrolled).map(String::as_str);
        return Ok(form_page(&view, c, q, other, &input, &BTreeMap::new(), resume.as_deref(), ticket));
    }
    if controls.get("action").map(String::as_str) == Some("save") && !enrolled {
        let code = resume.unwrap_or_else(|| drafts::new_code(lang));
        state.drafts().save(&live, &code, &input)?;
        return Ok(super::resume::saved_page(&state, &view, c, lang, &code));
    }
    let submission = match validate(q, &input) {
        Ok(s) => s,
        Err(errors) => {
            let ticket = ticket.filter(|_| enrolled).map(String::as_str);
            return Ok(form_page(&view, c, q, lang, &input, &errors, resume.as_deref(), ticket));
        }
    };
    let ticket = match ticket.filter(|_| enrolled) {
        Some(t) => match state.tickets().check(&c.id, t) {
            Some(valid) => Some(valid),
            None => return Ok(ticket_refused(&view, lang)),
        },
        None => None,
    };
    let receipt = c.settings.follow_up.then(Receipt::generate);
    let stories = crate::intake::StoryKey::of(&live);
    let hash = receipt.as_ref().map(|r| crate::threads::receipt_hash(&state.master, r));
    let recorded = state
        .intake
        .submit(c, q, stories, &submission, nonce, ticket, hash, state.clock.now())
        .await
        .map_err(internal)?;
    if recorded == Recorded::NoTicket {
        return Ok(ticket_refused(&view, lang));
    }
    if let Some(code) = resume {
        state.drafts().discard(&code)?;
    }
    match receipt {
        // Shown this once, in the answer to the post itself: it is kept nowhere, not even in
        // a cookie or a page the browser may cache.
        Some(receipt) if recorded == Recorded::Stored => Ok(thanks_page(&view, c, lang, Some(&receipt))
            .with_header("cache-control", "no-store")
            .into_response()),
        _ => Ok(thanks),
    }
}

fn malformed(view: &View, status: StatusCode, why: &str) -> Response {
    view.render(
        status,
        "respond/closed.html",
        context! {
            lang => "en", title => "This request could not be read",
            text => format!("{why} Nothing was stored. Go back to the form and send it again."),
        },
    )
}

#[handler]
pub fn show_thanks(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(slug): Path<String>,
    Query(query): Query<LangQuery>,
) -> poem::Result<Response> {
    let live = load(&state, &slug)?;
    let c = &live.campaign;
    let lang = choose_lang(c, &query.lang, req);
    Ok(thanks_page(&view, c, lang, None))
}

/// The thank-you page; with follow-up on, the receipt of the response just stored.
fn thanks_page(view: &View, c: &Campaign, lang: Lang, receipt: Option<&Receipt>) -> Response {
    let words: BTreeMap<&str, &str> = [
        "receipt_title",
        "receipt_intro",
        "receipt_label",
        "receipt_keep",
        "receipt_lost",
        "receipt_when",
        "receipt_open",
    ]
    .into_iter()
    .map(|k| (k, t(lang, k)))
    .collect();
    view.ok("respond/thanks.html", context! {
        lang => lang.code(), title => t(lang, "thanks_title"), text => t(lang, "thanks_text"),
        own => paragraphs(&c.settings.text("thanks", lang)), campaign => c.settings.text("title", lang),
        summaries => format!("/s/{}?lang={}", c.slug, lang.code()), summaries_label => t(lang, "summary_read"),
        notice => notice(c, lang), receipt => receipt.map(Receipt::grouped), words,
        follow_up => format!("/f?lang={}", lang.code()),
    })
}

/// The owner's preview of a campaign's current questionnaire, whatever its status.
#[handler]
pub fn preview_form(
    state: Data<&Arc<AppState>>,
    view: View,
    user: super::session::StaffUser,
    Path(id): Path<String>,
    Query(query): Query<LangQuery>,
) -> poem::Result<Response> {
    user.require(crate::store::Role::Owner)?;
    let c = state.campaigns().get(&id).map_err(super::campaigns::campaign_error)?;
    let q = state.campaigns().current_questionnaire(&c).map_err(super::campaigns::campaign_error)?;
    let lang = Lang::parse(&query.lang)
        .filter(|l| c.settings.languages.contains(l))
        .unwrap_or(c.settings.languages[0]);
    Ok(render_form(
        &view.signed_in(&user),
        &c,
        &q,
        lang,
        &FormInput::default(),
        &BTreeMap::new(),
        None,
        None,
        true,
    ))
}
