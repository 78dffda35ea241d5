//! Enrolment (`/e/{slug}`), personal links (`/t/{secret}`) and unsubscribing
//! (`/u/{secret}`). The enrolment page answers the same whatever the address, so nobody can
//! probe who is enrolled or on the allow-list.

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::context;
use poem::http::StatusCode;
use poem::web::{Data, Form, Path, Query};
use poem::{Request, Response, handler};
use serde::Deserialize;

use super::AppState;
use super::render::View;
use super::respond::{LangQuery, choose_lang, form_page, lang_choices, load, message, not_taking};
use crate::accounts::token_hash;
use crate::app::DeskRequest;
use crate::i18n::t;
use crate::model::Lang;
use crate::model::address::normalise_address;
use crate::model::campaign::{Audience, Campaign, Intake, Status};
use crate::model::response::FormInput;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EnrolForm {
    email: String,
    phone: String,
    lang: String,
}

/// A 429 page: `what` names the words (`{what}_title`, `{what}_text`).
pub(super) fn too_many(view: &View, lang: Lang, what: &str) -> Response {
    let (title, text) = (t(lang, &format!("{what}_title")), t(lang, &format!("{what}_text")));
    message(view, StatusCode::TOO_MANY_REQUESTS, lang, title, text)
}

/// Why a typed mobile number was refused, in words: nothing typed, no mobile, or not a number
/// (with how people in `region` write one).
pub(super) fn phone_error(
    lang: Lang,
    typed: &str,
    e: &crate::model::phone::NumberError,
    region: &str,
) -> String {
    match e {
        _ if typed.trim().is_empty() => t(lang, "err_phone_empty").to_string(),
        crate::model::phone::NumberError::NotMobile => t(lang, "err_phone_not_mobile").to_string(),
        crate::model::phone::NumberError::NotANumber => phone_problem(lang, region),
    }
}

/// "Enter a mobile number such as 070-123 45 67 or +46 70 123 45 67", with `region`'s example.
pub(super) fn phone_problem(lang: Lang, region: &str) -> String {
    let (national, international) = crate::model::phone::example(region).unwrap_or_default();
    let args = [("national", national.into()), ("international", international.into())];
    crate::i18n::tr(lang, "err_phone_bad", &args)
}

pub(super) fn link_invalid(view: &View, lang: Lang) -> Response {
    message(view, StatusCode::NOT_FOUND, lang, t(lang, "link_invalid_title"), t(lang, "link_invalid_text"))
}

/// The campaign of `slug` if it enrols people (draft or open), else a 404 or closed page.
fn enrolling(state: &AppState, slug: &str) -> poem::Result<Result<Campaign, Intake>> {
    let c = load(state, slug)?.campaign.clone();
    if c.settings.audience != Audience::Enrolled {
        return Err(poem::Error::from_status(StatusCode::NOT_FOUND));
    }
    Ok(if c.status == Status::Closed { Err(Intake::Closed) } else { Ok(c) })
}

/// What the enrolment form asks for: an address, a number, or either (numbers only when
/// texts are on).
fn contact_fields(state: &AppState, c: &Campaign) -> (bool, bool) {
    let phone = c.settings.contact.phone() && state.config.sms.enabled;
    (c.settings.contact.email() || !phone, phone)
}

fn enrol_page(
    state: &AppState,
    view: &View,
    c: &Campaign,
    lang: Lang,
    typed: &EnrolForm,
    error: Option<(&str, &str)>,
) -> Response {
    let langs = lang_choices(c, lang);
    let (ask_email, ask_phone) = contact_fields(state, c);
    let ctx = context! {
        lang => lang.code(), slug => c.slug, campaign => c.settings.text("title", lang), langs,
        email => typed.email, phone => typed.phone, ask_email, ask_phone,
        error => error.map(|e| e.1), error_field => error.map(|e| e.0),
        phone_label => t(lang, "phone_label"), phone_hint => t(lang, "phone_hint"), or_text => t(lang, "enrol_or"),
        title => t(lang, "enrol_title"), text => t(lang, "enrol_text"), email_label => t(lang, "email_label"),
        lang_label => t(lang, "language"), button => t(lang, "enrol_button"), problem => t(lang, "problem"),
        privacy_label => t(lang, "your_data"), notice => super::respond::notice(c, lang),
    };
    view.form("participant/enrol.html", ctx, error.is_some())
}

#[handler]
pub fn show_enrol(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(slug): Path<String>,
    Query(query): Query<LangQuery>,
) -> poem::Result<Response> {
    match enrolling(&state, &slug)? {
        Ok(c) => {
            let lang = choose_lang(&c, &query.lang, req);
            Ok(enrol_page(&state, &view, &c, lang, &EnrolForm::default(), None))
        }
        Err(over) => Ok(not_taking(&view, Lang::EN, over)),
    }
}

#[handler]
pub fn enrol(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(slug): Path<String>,
    Form(form): Form<EnrolForm>,
) -> poem::Result<Response> {
    let c = match enrolling(&state, &slug)? {
        Ok(c) => c,
        Err(over) => return Ok(not_taking(&view, Lang::EN, over)),
    };
    let lang = choose_lang(&c, &form.lang, req);
    if !super::limits::allow_form_post(&state, req) {
        return Ok(too_many(&view, lang, "too_many"));
    }
    let (ask_email, ask_phone) = contact_fields(&state, &c);
    let refuse =
        |field: &str, message: &str| Ok(enrol_page(&state, &view, &c, lang, &form, Some((field, message))));
    let region = c.settings.phone_region(&state.config.sms.default_region);
    // A number when one is given (and asked for), else an address.
    let address = if ask_phone && (!form.phone.trim().is_empty() || !ask_email) {
        match crate::model::phone::normalise_number(&form.phone, region) {
            Ok(number) => number,
            Err(e) => return refuse("phone", &phone_error(lang, &form.phone, &e, region)),
        }
    } else {
        match normalise_address(&form.email) {
            Ok(a) => a,
            Err(_) if form.email.trim().is_empty() && ask_phone => {
                return refuse("email", t(lang, "err_contact_empty"));
            }
            Err(_) if form.email.trim().is_empty() => return refuse("email", t(lang, "err_address_empty")),
            Err(_) => return refuse("email", t(lang, "err_address_bad")),
        }
    };
    // The same page for every number (or every address): it tells nothing of who is enrolled.
    let (title, text) = if crate::model::phone::is_number(&address) {
        (t(lang, "check_phone_title"), t(lang, "check_phone_text"))
    } else {
        (t(lang, "check_title"), t(lang, "check_text"))
    };
    super::hand_to_desk(&state, DeskRequest::Enrol { campaign: Box::new(c.clone()), address, lang });
    Ok(message(&view, StatusCode::OK, lang, title, text))
}

#[handler]
pub fn show_confirm(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path((slug, token)): Path<(String, String)>,
    Query(query): Query<LangQuery>,
) -> poem::Result<Response> {
    let c = load(&state, &slug)?.campaign.clone();
    let lang = choose_lang(&c, &query.lang, req);
    // Mail scanners open links: showing the page changes nothing, the button confirms.
    match state.participants().confirmation_campaign(&token) {
        Ok(id) if id == c.id => Ok(view.ok(
            "participant/confirm.html",
            context! {
                lang => lang.code(), campaign => c.settings.text("title", lang), title => t(lang, "confirm_title"),
                button => t(lang, "confirm_button"), action => format!("/e/{slug}/confirm/{token}"),
            },
        )),
        _ => Ok(link_invalid(&view, lang)),
    }
}

#[handler]
pub fn confirm(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path((slug, token)): Path<(String, String)>,
) -> poem::Result<Response> {
    let c = load(&state, &slug)?.campaign.clone();
    let lang = choose_lang(&c, "", req);
    let people = state.participants();
    if people.confirmation_campaign(&token).ok().as_deref() != Some(c.id.as_str()) {
        return Ok(link_invalid(&view, lang));
    }
    let (_, secret) = people.confirm(&token)?;
    Ok(view.ok("participant/enrolled.html", context! {
        lang => lang.code(), campaign => c.settings.text("title", lang), title => t(lang, "enrolled_title"),
        text => t(lang, "enrolled_text"), link => state.url(&format!("/t/{secret}")), label => t(lang, "open_form"),
    }))
}

/// A personal link: a fresh form carrying a single-use ticket. The ticket is stored with
/// the campaign only; the count of tickets per link today lives in memory only.
#[handler]
pub fn personal_form(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(secret): Path<String>,
    Query(query): Query<LangQuery>,
) -> poem::Result<Response> {
    let people = state.participants();
    let Some((campaign_id, _, p)) = people.by_link(&secret)? else {
        return Ok(link_invalid(&view, Lang::parse(&query.lang).unwrap_or(Lang::EN)));
    };
    let Some(slug) = state.store.campaign(&campaign_id)?.map(|c| c.slug) else {
        return Ok(link_invalid(&view, p.lang));
    };
    let live = load(&state, &slug)?;
    let (c, q) = (&live.campaign, &live.questionnaire);
    let lang = if query.lang.is_empty() && c.settings.languages.contains(&p.lang) {
        p.lang
    } else {
        choose_lang(c, &query.lang, req)
    };
    let now = state.clock.now();
    match c.intake(now) {
        Intake::Accepting => {}
        other => return Ok(not_taking(&view, lang, other)),
    }
    let key = state.throttle.link_key(&token_hash(&secret), now);
    let ticket = state.tickets().for_link(&c.id, &key, state.config.limits.tickets_per_link_per_day)?;
    Ok(form_page(&view, c, q, lang, &FormInput::default(), &BTreeMap::new(), None, Some(&ticket)))
}

#[handler]
pub fn show_unsubscribe(
    state: Data<&Arc<AppState>>,
    view: View,
    Path(secret): Path<String>,
) -> poem::Result<Response> {
    let Some((campaign_id, _, p)) = state.participants().by_link(&secret)? else {
        return Ok(link_invalid(&view, Lang::EN));
    };
    let title = state.store.campaign(&campaign_id)?.map(|c| c.settings.title).unwrap_or_default();
    let lang = p.lang;
    Ok(view.ok("participant/unsubscribe.html", context! {
        lang => lang.code(), campaign => title, title => t(lang, "unsub_title"), text => t(lang, "unsub_text"),
        button => t(lang, "unsub_button"), action => format!("/u/{secret}"),
    }))
}

/// The confirm button and RFC 8058's one-click POST (`List-Unsubscribe=One-Click`) both land
/// here: the record goes at once, with any mail still queued for it.
#[handler]
pub fn unsubscribe(
    state: Data<&Arc<AppState>>,
    view: View,
    Path(secret): Path<String>,
) -> poem::Result<Response> {
    let people = state.participants();
    let lang = people.by_link(&secret)?.map_or(Lang::EN, |(_, _, p)| p.lang);
    if !people.unsubscribe(&secret)? {
        return Ok(link_invalid(&view, lang));
    }
    Ok(message(&view, StatusCode::OK, lang, t(lang, "unsub_done_title"), t(lang, "unsub_done_text")))
}
