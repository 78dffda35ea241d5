//! The participant's rights: `/privacy` asks for an address and mails a one-hour link to a
//! page that shows everything held about it, exports it as JSON, changes the address (after
//! confirming the new one) and erases it all. Unknown addresses get the same page, no mail.

use std::sync::Arc;

use minijinja::context;
use poem::http::StatusCode;
use poem::web::{Data, Form, Path, Query};
use poem::{Request, Response, handler};
use serde::Deserialize;

use super::AppState;
use super::enrol::{link_invalid, too_many};
use super::render::View;
use super::respond::{LangQuery, message};
use crate::accounts::token_hash;
use crate::app::DeskRequest;
use crate::i18n::{t, tr};
use crate::model::Lang;
use crate::model::address::normalise_address;
use crate::participants::ParticipantError;
use crate::store::About;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AddressForm {
    email: String,
    lang: String,
    /// "yes" when the box confirming the erasure is ticked.
    confirm: String,
}

fn page_lang(asked: &str, req: &Request) -> Lang {
    super::render::request_lang(req, asked, &Lang::all())
}

fn address_error(lang: Lang, typed: &str) -> &'static str {
    t(lang, if typed.trim().is_empty() { "err_address_empty" } else { "err_address_bad" })
}

/// The request form; where texts are on, it takes a mobile number as well as an address.
fn request_page(view: &View, numbers: bool, lang: Lang, email: &str, error: Option<&str>) -> Response {
    let label = if numbers { t(lang, "privacy_contact_label") } else { t(lang, "email_label") };
    let ctx = context! {
        lang => lang.code(), email, error, numbers, title => t(lang, "privacy_title"), text => t(lang, "privacy_text"),
        email_label => label, button => t(lang, "privacy_button"), problem => t(lang, "problem"),
    };
    view.form("participant/privacy.html", ctx, error.is_some())
}

#[handler]
pub fn show_request(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Query(query): Query<LangQuery>,
) -> Response {
    request_page(&view, state.config.sms.enabled, page_lang(&query.lang, req), "", None)
}

#[handler]
pub fn request_access(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Form(form): Form<AddressForm>,
) -> poem::Result<Response> {
    let lang = page_lang(&form.lang, req);
    if !super::limits::allow_form_post(&state, req) {
        return Ok(too_many(&view, lang, "too_many"));
    }
    let numbers = state.config.sms.enabled;
    // Without an "@", where texts are on, it is a mobile number.
    if numbers && !form.email.contains('@') && !form.email.trim().is_empty() {
        let region = &state.config.sms.default_region;
        let Ok(number) = crate::model::phone::normalise_number(&form.email, region) else {
            let problem = super::enrol::phone_problem(lang, region);
            return Ok(request_page(&view, numbers, lang, &form.email, Some(&problem)));
        };
        super::hand_to_desk(&state, DeskRequest::Access { address: number, lang });
        let (title, text) = (t(lang, "check_phone_title"), t(lang, "privacy_sent_text_phone"));
        return Ok(message(&view, StatusCode::OK, lang, title, text));
    }
    let Ok(address) = normalise_address(&form.email) else {
        return Ok(request_page(&view, numbers, lang, &form.email, Some(address_error(lang, &form.email))));
    };
    super::hand_to_desk(&state, DeskRequest::Access { address, lang });
    Ok(message(&view, StatusCode::OK, lang, t(lang, "check_title"), t(lang, "privacy_sent_text")))
}

fn rights_page(
    state: &AppState,
    view: &View,
    lang: Lang,
    token: &str,
    email: &str,
    // The form with a problem ("email" or "erase") and the problem.
    error: Option<(&str, &str)>,
    notice: Option<&str>,
) -> poem::Result<Response> {
    let people = state.participants();
    let Ok(hash) = people.access(token) else { return Ok(link_invalid(view, lang)) };
    let held = people.held(hash)?;
    let rows: Vec<_> = held
        .enrolments
        .iter()
        .map(|h| {
            let status = format!("status_{}", serde_json::to_value(h.status).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default());
            context! { campaign => h.campaign, address => h.address, language => h.language, status => t(lang, &status), enrolled => h.enrolled }
        })
        .collect();
    // A number is changed for a number (confirmed by text), an address for an address.
    let number = held.enrolments.first().is_some_and(|h| crate::model::phone::is_number(&h.address));
    let word = |k: &'static str| {
        let numbered = [
            "change_title",
            "new_address",
            "change_button",
            "rights_intro",
            "col_address",
            "allow_lists",
            "erase_text",
            "erase_confirm",
        ];
        if number && numbered.contains(&k) { t(lang, &format!("{k}_number")) } else { t(lang, k) }
    };
    let words: std::collections::BTreeMap<&str, &str> = [
        "rights_title",
        "rights_intro",
        "col_campaign",
        "col_address",
        "language",
        "col_status",
        "col_enrolled",
        "allow_lists",
        "download",
        "change_title",
        "new_address",
        "change_button",
        "erase_title",
        "erase_text",
        "erase_confirm",
        "nothing_held",
        "problem",
    ]
    .into_iter()
    .map(|k| (k, word(k)))
    .collect();
    let ctx = context! {
        number, lang => lang.code(), rows, allow_lists => held.on_allow_lists, words, email, notice,
        error => error.filter(|e| e.0 == "email").map(|e| e.1),
        erase_error => error.filter(|e| e.0 == "erase").map(|e| e.1),
        base => format!("/privacy/access/{token}"),
    };
    Ok(view.form("participant/rights.html", ctx, error.is_some()))
}

#[handler]
pub fn show_rights(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(token): Path<String>,
    Query(query): Query<LangQuery>,
) -> poem::Result<Response> {
    rights_page(&state, &view, page_lang(&query.lang, req), &token, "", None, None)
}

/// Everything held about the address, as a JSON download.
#[handler]
pub fn export(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(token): Path<String>,
) -> poem::Result<Response> {
    let people = state.participants();
    let Ok(hash) = people.access(&token) else { return Ok(link_invalid(&view, page_lang("", req))) };
    let held = people.held(hash)?;
    let json = serde_json::to_vec_pretty(&held).map_err(super::internal)?;
    Ok(Response::builder()
        .content_type("application/json")
        .header("content-disposition", "attachment; filename=\"tellpoint-my-data.json\"")
        .body(json))
}

#[handler]
pub fn change_address(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(token): Path<String>,
    Form(form): Form<AddressForm>,
) -> poem::Result<Response> {
    let lang = page_lang(&form.lang, req);
    let people = state.participants();
    let Ok(hash) = people.access(&token) else { return Ok(link_invalid(&view, lang)) };
    // Each change sends a confirmation (a text costs money): a few per link and hour.
    let link = state.throttle.link_key(token.as_bytes(), state.clock.now());
    if !super::limits::allow_form_post(&state, req) || !state.change_limiter.allow(link) {
        return Ok(too_many(&view, lang, "too_many"));
    }
    let held = people.held(hash)?.enrolments.into_iter().next().map(|h| h.address);
    if let Some(number) = held.filter(|a| crate::model::phone::is_number(a)) {
        // Typed without a country code, the new number is read in the old one's country.
        let region = crate::model::phone::region_of(&number)
            .unwrap_or_else(|| state.config.sms.default_region.clone());
        return change_number(&state, &view, lang, &token, hash, &form.email, &region);
    }
    let Ok(address) = normalise_address(&form.email) else {
        return rights_page(
            &state,
            &view,
            lang,
            &token,
            &form.email,
            Some(("email", address_error(lang, &form.email))),
            None,
        );
    };
    let change = people.request_change(hash, &address)?;
    let mail = state.letters().change(lang, &address, &change).map_err(super::internal)?;
    state.queue_mail("change", About::Address(hash), &mail)?;
    rights_page(&state, &view, lang, &token, "", None, Some(t(lang, "change_sent")))
}

/// A new number for the number's enrolments, confirmed by a text to the new number.
fn change_number(
    state: &AppState,
    view: &View,
    lang: Lang,
    token: &str,
    hash: [u8; 32],
    typed: &str,
    region: &str,
) -> poem::Result<Response> {
    let refuse = |message: &str| rights_page(state, view, lang, token, typed, Some(("email", message)), None);
    let number = match crate::model::phone::normalise_number(typed, region) {
        Ok(number) => number,
        Err(e) => return refuse(&super::enrol::phone_error(lang, typed, &e, region)),
    };
    let change = state.participants().request_change(hash, &number)?;
    let text = state.letters().change_text(lang, &number, &change);
    state.queue_text("change", About::Address(hash), &text)?;
    rights_page(state, view, lang, token, "", None, Some(t(lang, "change_sent_number")))
}

#[handler]
pub fn erase(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(token): Path<String>,
    Form(form): Form<AddressForm>,
) -> poem::Result<Response> {
    let lang = page_lang(&form.lang, req);
    let people = state.participants();
    let Ok(hash) = people.access(&token) else { return Ok(link_invalid(&view, lang)) };
    if form.confirm != "yes" {
        let problem = ("erase", t(lang, "erase_confirm_missing"));
        return rights_page(&state, &view, lang, &token, "", Some(problem), None);
    }
    people.erase(hash)?;
    state.store.delete_participant_token(token_hash(&token))?;
    Ok(message(&view, StatusCode::OK, lang, t(lang, "erased_title"), t(lang, "erased_text")))
}

#[handler]
pub fn show_change_confirm(
    view: View,
    req: &Request,
    Path(token): Path<String>,
    Query(query): Query<LangQuery>,
) -> Response {
    let lang = page_lang(&query.lang, req);
    view.ok(
        "participant/confirm.html",
        context! {
            lang => lang.code(), title => t(lang, "change_title"), button => t(lang, "confirm_button"),
            action => format!("/privacy/change/{token}?lang={}", lang.code()),
        },
    )
}

#[handler]
pub fn confirm_change(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(token): Path<String>,
    Query(query): Query<LangQuery>,
) -> poem::Result<Response> {
    let lang = page_lang(&query.lang, req);
    match state.participants().confirm_change(&token) {
        Ok((_, false)) => {
            Ok(message(&view, StatusCode::OK, lang, t(lang, "changed_title"), t(lang, "changed_text")))
        }
        Ok((_, true)) => Ok(message(
            &view,
            StatusCode::OK,
            lang,
            t(lang, "changed_title_number"),
            t(lang, "changed_text_number"),
        )),
        Err(ParticipantError::LinkInvalid) => Ok(link_invalid(&view, lang)),
        // Told to whoever holds the new contact, never to the one who typed it.
        Err(ParticipantError::AddressTaken { number }) => {
            let (title, text) = if number {
                (t(lang, "change_title_number"), t(lang, "change_taken_number"))
            } else {
                (t(lang, "change_title"), t(lang, "change_taken"))
            };
            Ok(message(&view, StatusCode::CONFLICT, lang, title, text))
        }
        Err(e) => Err(e.into()),
    }
}

/// A campaign's privacy notice, written from its actual settings and the instance's
/// configuration, so it says what the software does.
#[handler]
pub fn show_notice(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(slug): Path<String>,
    Query(query): Query<LangQuery>,
) -> poem::Result<Response> {
    let live = super::respond::load(&state, &slug)?;
    let c = &live.campaign;
    let lang = super::respond::choose_lang(c, &query.lang, req);
    let s = &c.settings;
    let r = c.retention(state.config.retention.campaign_defaults());
    let period = t(
        lang,
        if s.granularity == crate::model::campaign::Granularity::Week { "period_week" } else { "period_day" },
    );
    let enrolled = s.audience == crate::model::campaign::Audience::Enrolled;
    let has_stories = live
        .questionnaire
        .questions
        .iter()
        .any(|q| matches!(q.kind, crate::model::questionnaire::Kind::Story { .. }));
    let p = &state.config.privacy;
    let who = if p.controller.trim().is_empty() {
        t(lang, "notice_who_unset").to_string()
    } else {
        let contact =
            if p.contact.trim().is_empty() { state.config.public_url.clone() } else { p.contact.clone() };
        tr(lang, "notice_who", &[("controller", (&p.controller).into()), ("contact", (&contact).into())])
    };
    let mut collected = vec![tr(lang, "notice_answers", &[("period", period.into())])];
    if has_stories {
        collected.push(t(lang, "notice_stories").into());
    }
    let by_mail = enrolled && (s.contact.email() || !state.config.sms.enabled);
    let by_text = enrolled && s.contact.phone() && state.config.sms.enabled;
    if by_mail {
        collected.push(t(lang, "notice_contact").into());
    }
    if by_text {
        collected.push(t(lang, "notice_phone").into());
    }
    if s.follow_up {
        collected.push(t(lang, "notice_threads").into());
    }
    let days = |key: &str, n: u32| tr(lang, key, &[("n", n.into())]);
    let mut kept = Vec::new();
    if enrolled {
        kept.push(tr(
            lang,
            if by_mail { "notice_keep_contacts" } else { "notice_keep_phone" },
            &[("n", r.contacts_days_after_end.into()), ("date", s.end.to_string().into())],
        ));
    }
    if has_stories {
        kept.push(days("notice_keep_stories", r.stories_days_after_close));
    }
    kept.push(days("notice_keep_quotes", r.quotes_days_after_close));
    if s.follow_up {
        kept.push(days("notice_keep_threads", state.config.retention.threads_days_after_last_message));
    }
    kept.push(days("notice_keep_responses", r.responses_days_after_close));
    kept.push(t(lang, "notice_erased").into());
    kept.push(if state.config.backup.dir.is_empty() {
        t(lang, "notice_no_backups").into()
    } else {
        days("notice_backups", state.config.backup.keep_days)
    });
    let host = state
        .config
        .public_url
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let mut place = vec![tr(lang, "notice_where", &[("host", host.into())])];
    if by_mail {
        place.push(t(lang, "notice_where_mail").into());
    }
    if by_text {
        place.push(t(lang, "notice_where_text").into());
    }
    let ctx = minijinja::context! {
        lang => lang.code(), title => s.text("title", lang), slug => c.slug,
        heading => t(lang, "notice_title"),
        switch => super::respond::lang_choices(c, lang),
        sections => vec![
            minijinja::context! { h => t(lang, "notice_who_h"), ps => vec![who] },
            minijinja::context! { h => t(lang, "notice_what_h"), ps => collected },
            minijinja::context! { h => t(lang, "notice_not_h"), ps => vec![tr(lang, "notice_not", &[("period", period.into())])] },
            minijinja::context! { h => t(lang, "notice_why_h"), ps => vec![tr(lang, "notice_why", &[("k", s.k.into())])] },
            minijinja::context! { h => t(lang, "notice_keep_h"), ps => kept },
            minijinja::context! { h => t(lang, "notice_where_h"), ps => place },
            minijinja::context! { h => t(lang, "notice_rights_h"), ps => vec![t(lang, "notice_rights").to_string()] },
        ],
        rights_link => format!("/privacy?lang={}", lang.code()),
        rights_label => t(lang, "notice_rights_link"),
        language => t(lang, "language"),
    };
    Ok(view.ok("participant/notice.html", ctx))
}
