//! Text messages (owner): the `[sms]` settings as configured (read-only) and a test text,
//! with advice in plain words when the gateway refuses it.

use std::sync::Arc;

use minijinja::context;
use poem::web::{Data, Form};
use poem::{Response, handler};
use serde::Deserialize;

use super::AppState;
use super::render::View;
use super::session::StaffUser;
use crate::i18n::{t, tr};
use crate::store::Role;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TestForm {
    number: String,
}

fn sms_page(state: &AppState, view: &View, typed: &str, outcome: Option<Result<String, String>>) -> Response {
    let sms = &state.config.sms;
    let provider = match sms.provider {
        crate::config::SmsProvider::Kannel => "Kannel",
        crate::config::SmsProvider::Elks => "46elks",
        crate::config::SmsProvider::Twilio => "Twilio",
    };
    let (test_ok, test_error) = match outcome {
        Some(Ok(m)) => (Some(m), None),
        Some(Err(m)) => (None, Some(m)),
        None => (None, None),
    };
    // This month so far, and where the month is heading at this pace.
    let now = state.clock.now();
    let month = crate::sms::month_of(now);
    let sent = state.store.texts_sent(&month).unwrap_or(0);
    // Gateways charge per segment; every text takes at least one.
    let segments = state.store.text_segments(&month).unwrap_or(0).max(sent);
    let today =
        jiff::Timestamp::from_second(now).unwrap_or_default().to_zoned(jiff::tz::TimeZone::UTC).date();
    let pace = f64::from(today.days_in_month()) / f64::from(today.day());
    let capped = sms.monthly_cap > 0 && sent >= u64::from(sms.monthly_cap);
    let counts = state.store.text_counts().unwrap_or_default();
    let reports = state.store.report_counts(&month).unwrap_or_default();
    let lang = view.lang();
    let money = |segments: f64| crate::i18n::money(lang, segments * sms.price_per_segment);
    let ctx = context! {
        sent, segments, capped, counts, reports, reports_on => sms.incoming_token.is_set(),
        cost => money(segments as f64), projected_cost => money((segments as f64 * pace).round()),
        projected => (sent as f64 * pace).round() as u64,
        enabled => sms.enabled, provider, endpoint => sms.endpoint(), username => sms.username,
        password_set => sms.password.is_set(), from => sms.from, per_second => sms.per_second,
        monthly_cap => sms.monthly_cap, price => (sms.price_per_segment > 0.0).then(|| crate::i18n::money(lang, sms.price_per_segment)), currency => sms.currency,
        region => sms.default_region, typed, test_ok, test_error,
    };
    view.form("admin/sms.html", ctx, test_error.is_some())
}

#[handler]
pub fn show_sms(state: Data<&Arc<AppState>>, view: View, user: StaffUser) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    Ok(sms_page(&state, &view.signed_in(&user), "", None))
}

/// Sends a test text to the number typed, in the owner's language.
#[handler]
pub async fn send_test_text(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Form(form): Form<TestForm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let view = view.signed_in(&user);
    let lang = view.lang();
    let sms = &state.config.sms;
    if !sms.enabled {
        return Ok(sms_page(&state, &view, &form.number, Some(Err(t(lang, "sms-off").into()))));
    }
    let to = match crate::model::phone::normalise_number(&form.number, &sms.default_region) {
        Ok(to) => to,
        Err(crate::model::phone::NumberError::NotMobile) => {
            return Ok(sms_page(
                &state,
                &view,
                &form.number,
                Some(Err(t(lang, "sms-number-not-mobile").into())),
            ));
        }
        Err(_) => {
            let problem = tr(lang, "sms-number-bad", &[("region", sms.default_region.clone().into())]);
            return Ok(sms_page(&state, &view, &form.number, Some(Err(problem))));
        }
    };
    let outcome = crate::sms::send(sms, &to, t(lang, "sms-test-text"), None).await;
    // Nothing about the number is logged: only whether it worked.
    tracing::info!(ok = outcome.is_ok(), "test text");
    let outcome = outcome
        .map(|_| tr(lang, "sms-test-accepted", &[("number", to.clone().into())]))
        .map_err(|e| format!("{} ({e})", t(lang, e.advice_key())));
    Ok(sms_page(&state, &view, &form.number, Some(outcome)))
}
