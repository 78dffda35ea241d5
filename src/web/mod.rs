//! HTTP: the route table, the middleware stack and `serve`. Handlers parse, validate into
//! typed values, call the domain and render a template or redirect.

mod account;
mod admin_home;
mod assets;
mod audit;
mod builder;
mod campaigns;
mod charts;
mod dashboard;
mod edge;
mod enrol;
mod erasure;
mod figures;
mod follow_up;
mod form;
mod limits;
mod login;
mod mail;
mod middleware;
mod moderation;
mod privacy;
mod render;
pub mod report;
mod respond;
mod resume;
mod session;
mod setup;
mod sms;
mod sms_incoming;
mod staff;
mod summaries;
mod threads;

use std::future::Future;
use std::sync::Arc;

use poem::http::StatusCode;
use poem::web::Data;
use poem::{Endpoint, EndpointExt, IntoEndpoint, Response, Route, get, handler, post};

use crate::app::AppState;
use crate::store::StoreError;

/// A participant operation that failed for no fault of the request: a 500 page.
impl From<crate::participants::ParticipantError> for poem::Error {
    fn from(e: crate::participants::ParticipantError) -> Self {
        internal(e)
    }
}

/// Every route of tellpoint, on one screen.
fn routes() -> Route {
    Route::new()
        .at("/", get(home))
        .at("/healthz", get(healthz))
        .at("/static/*path", get(assets::serve_asset))
        .at("/setup/:token", get(setup::show_account_form).post(setup::create_account))
        .at("/setup/:token/mfa", get(setup::show_link_mfa).post(setup::confirm_link_mfa))
        .at("/login", get(login::show_login).post(login::check_password))
        .at("/login/code", get(login::show_code).post(login::check_code))
        .at("/login/enrol", get(login::show_enrol).post(login::confirm_enrol))
        .at("/login/reset/:token", get(login::show_reset).post(login::use_reset))
        .at("/logout", post(login::logout))
        .at("/admin", get(admin_home::show_admin_home))
        .at("/account/password", get(account::show_password).post(account::change_password))
        .at("/account/sessions", get(account::show_sessions))
        .at("/account/language", post(account::save_language))
        .at("/account/sessions/end-others", post(account::end_other_sessions))
        .at("/admin/staff", get(staff::list_staff))
        .at("/admin/staff/invite", post(staff::create_invite))
        .at("/admin/staff/invites/:id/revoke", post(staff::revoke_invite))
        .at("/admin/staff/:username/role", post(staff::change_role))
        .at("/admin/staff/:username/disable", post(staff::disable_staff))
        .at("/admin/staff/:username/enable", post(staff::enable_staff))
        .at("/admin/staff/:username/reset-mfa", post(staff::reset_staff_mfa))
        .at("/admin/audit", get(audit::show_audit))
        .at("/admin/campaigns", get(campaigns::list_campaigns).post(campaigns::create_campaign))
        .at("/admin/campaigns/:id", get(campaigns::show_campaign).post(campaigns::save_settings))
        .at("/admin/campaigns/:id/status", post(campaigns::change_status))
        .at("/admin/campaigns/:id/export", get(campaigns::export_questionnaire))
        .at("/admin/campaigns/:id/preview", get(respond::preview_form))
        .at("/admin/campaigns/:id/import", post(campaigns::import_questionnaire))
        .at("/admin/campaigns/:id/questions", get(builder::show_new_question).post(builder::add_question))
        .at("/admin/campaigns/:id/questions/:qid", get(builder::show_question).post(builder::save_question))
        .at("/admin/campaigns/:id/questions/:qid/move", post(builder::move_question))
        .at("/admin/campaigns/:id/questions/:qid/delete", post(builder::delete_question))
        .at("/r/:slug", get(respond::show_form).post(respond::submit_form))
        .at("/r/:slug/thanks", get(respond::show_thanks))
        .at("/f", get(follow_up::show_entry).post(follow_up::open_thread))
        .at("/f/messages", post(follow_up::poll_messages))
        .at("/r/:slug/resume", get(resume::show_resume).post(resume::find_resume))
        .at("/r/:slug/resume/:code", get(resume::resume_draft))
        .at("/e/:slug", get(enrol::show_enrol).post(enrol::enrol))
        .at("/e/:slug/confirm/:token", get(enrol::show_confirm).post(enrol::confirm))
        .at("/t/:secret", get(enrol::personal_form))
        .at("/u/:secret", get(enrol::show_unsubscribe).post(enrol::unsubscribe))
        .at("/privacy", get(privacy::show_request).post(privacy::request_access))
        .at("/privacy/access/:token", get(privacy::show_rights))
        .at("/privacy/access/:token/export", get(privacy::export))
        .at("/privacy/access/:token/change", post(privacy::change_address))
        .at("/privacy/access/:token/erase", post(privacy::erase))
        .at("/privacy/change/:token", get(privacy::show_change_confirm).post(privacy::confirm_change))
        .at("/privacy/:slug", get(privacy::show_notice))
        .at("/admin/mail", get(mail::show_mail).post(mail::save_from_name))
        .at("/admin/mail/test", post(mail::send_test_mail))
        .at("/admin/sms", get(sms::show_sms))
        .at("/admin/sms/test", post(sms::send_test_text))
        .at("/sms/incoming", get(sms_incoming::incoming).post(sms_incoming::incoming))
        .at("/sms/report", get(sms_incoming::report).post(sms_incoming::report))
        .at("/admin/campaigns/:id/allow-list", post(mail::replace_allow_list))
        .at("/admin/campaigns/:id/allow-list/remove", post(mail::remove_allowed))
        .at("/admin/campaigns/:id/dashboard", get(dashboard::show_dashboard))
        .at("/admin/campaigns/:id/stories", get(moderation::list_stories))
        .at("/admin/campaigns/:id/threads", get(threads::list_threads))
        .at("/admin/campaigns/:id/threads/list", get(threads::poll_threads))
        .at("/admin/campaigns/:id/threads/:response", get(threads::show_thread))
        .at("/admin/campaigns/:id/threads/:response/messages", get(threads::poll_thread))
        .at("/admin/campaigns/:id/threads/:response/reply", post(threads::reply))
        .at("/admin/campaigns/:id/threads/:response/state", post(threads::set_state))
        .at("/admin/campaigns/:id/stories/:response/:question", get(moderation::show_story))
        .at("/admin/campaigns/:id/stories/:response/:question/quote", post(moderation::write_quote))
        .at("/admin/campaigns/:id/stories/:response/:question/mark", post(moderation::mark_story))
        .at("/admin/campaigns/:id/terms", post(moderation::save_terms))
        .at("/admin/campaigns/:id/quotes", get(moderation::list_quotes))
        .at("/admin/campaigns/:id/quotes/:quote/review", post(moderation::review_quote))
        .at("/admin/campaigns/:id/quotes/:quote/withdraw", post(moderation::withdraw_quote))
        .at("/admin/campaigns/:id/summaries", get(summaries::manage_summaries))
        .at("/admin/campaigns/:id/summaries/preview", get(summaries::preview_summary))
        .at("/admin/campaigns/:id/summaries/publish", post(summaries::publish_summary))
        .at("/s/:slug", get(summaries::show_summaries))
        .at("/admin/campaigns/:id/erase", get(erasure::show_erase).post(erasure::erase_campaign))
        .at("/admin/erasure", get(erasure::show_erasure_log))
        .at("/admin/erasure/run", post(erasure::run_erasure))
        .at("/admin/campaigns/:id/report", get(report::show_report))
        .at("/admin/campaigns/:id/export/aggregates.csv", get(report::export_csv))
        .at("/admin/campaigns/:id/export/aggregates.json", get(report::export_json))
        .at("/admin/campaigns/:id/export/raw", get(report::show_raw_warning).post(report::export_raw))
}

/// The whole application: routes inside the middleware stack.
pub fn app(state: Arc<AppState>) -> impl Endpoint<Output = Response> {
    wrap(routes(), state)
}

/// The middleware stack around any endpoint (tests wrap their own endpoints in it).
pub fn wrap(
    inner: impl IntoEndpoint<Endpoint: 'static> + 'static,
    state: Arc<AppState>,
) -> impl Endpoint<Output = Response> {
    let for_panics = state.clone();
    inner
        .into_endpoint()
        .around(middleware::check_csrf)
        .around(middleware::error_pages)
        .with(
            poem::middleware::CatchPanic::new()
                .with_handler(move |_| render::error_page(&for_panics, StatusCode::INTERNAL_SERVER_ERROR)),
        )
        .around(middleware::security_headers)
        .around(middleware::log_request)
        .data(state)
}

/// Serves until `shutdown` resolves, then lets in-flight requests finish (see `edge`).
pub async fn serve(
    state: Arc<AppState>,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send,
) -> std::io::Result<()> {
    tokio::spawn(crate::jobs::desk::run(state.clone()));
    edge::serve(state, listener, shutdown).await
}

#[handler]
fn home(state: Data<&Arc<AppState>>, view: render::View) -> poem::Result<Response> {
    let owner_exists = state.store.owner_exists()?;
    Ok(view.ok("home.html", minijinja::context! { owner_exists }))
}

#[handler]
fn healthz(state: Data<&Arc<AppState>>) -> Response {
    match state.store.check_readable() {
        Ok(()) => Response::builder().content_type("text/plain; charset=utf-8").body("ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            Response::builder().status(StatusCode::SERVICE_UNAVAILABLE).body("store unreadable")
        }
    }
}

/// Hands a participant's request to the desk, which does its work after the page answers.
fn hand_to_desk(state: &AppState, request: crate::app::DeskRequest) {
    if state.desk.try_send(request).is_err() {
        tracing::warn!("the desk's queue is full; a participant's request was dropped");
    }
}

/// The ticked box an irreversible staff action needs (it holds without JavaScript).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(crate) struct Confirm {
    confirm: String,
}

impl Confirm {
    /// 422 with "tick the box; nothing was changed" unless the box was ticked.
    pub(crate) fn check(&self) -> poem::Result<()> {
        if self.confirm == "yes" {
            Ok(())
        } else {
            Err(render::said(StatusCode::UNPROCESSABLE_ENTITY, "confirm-missing"))
        }
    }
}

/// Logs a failure the person cannot act on and answers with the 500 page.
pub(crate) fn internal(e: impl std::fmt::Display) -> poem::Error {
    tracing::error!(error = %e, "request failed");
    poem::Error::from_status(StatusCode::INTERNAL_SERVER_ERROR)
}

impl poem::error::ResponseError for StoreError {
    fn status(&self) -> StatusCode {
        StatusCode::INTERNAL_SERVER_ERROR
    }
}
