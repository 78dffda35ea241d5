//! Signing in: password, then a TOTP or recovery code (or TOTP enrolment after a reset);
//! signing out. Wrong username and wrong password get the same answer after the same work.

use std::sync::Arc;

use minijinja::context;
use poem::web::{Data, Form, Redirect};
use poem::{IntoResponse, Request, Response, handler};
use serde::Deserialize;

use super::render::View;
use super::session::{
    PendingUser, SESSION_COOKIE, StaffUser, begin_stage, redirect_with_session, set_cookie,
};
use super::{AppState, internal};
use crate::staff::{PasswordStep, StaffError};
use crate::store::Stage;

const DENIED: &str = "The username or password is not right, or this account cannot sign in.";
const BAD_CODE: &str =
    "This code is not right, or was used already. Type the 6 digits your app shows now, or a recovery code.";

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    username: String,
    password: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeForm {
    code: String,
}

/// Throttle keys: the account tried, and the client as an in-memory keyed hash.
fn throttle_keys(state: &AppState, req: &Request, username: &str) -> [String; 2] {
    [format!("user:{}", username.trim().to_lowercase()), super::limits::client_key(state, req)]
}

fn too_many(view: &View, template: &str, wait: i64, ctx: minijinja::Value) -> Response {
    let error = format!("Too many attempts. Wait {wait} seconds, then try again.");
    view.render(poem::http::StatusCode::TOO_MANY_REQUESTS, template, context! { error, ..ctx })
}

#[handler]
pub fn show_login(view: View, user: Option<StaffUser>) -> Response {
    if user.is_some() {
        return Redirect::see_other("/admin").into_response();
    }
    view.ok("login.html", context! { username => "" })
}

#[handler]
pub async fn check_password(
    state: Data<&Arc<AppState>>,
    req: &Request,
    view: View,
    Form(form): Form<LoginForm>,
) -> poem::Result<Response> {
    let keys = throttle_keys(&state, req, &form.username);
    let keys = [keys[0].as_str(), keys[1].as_str()];
    let now = state.clock.now();
    let ctx = context! { username => form.username };
    let wait = state.throttle.wait_secs(&keys, now);
    if wait > 0 {
        return Ok(too_many(&view, "login.html", wait, ctx));
    }
    let staffing = state.staffing();
    let username = crate::accounts::normalise_username(&form.username).unwrap_or_default();
    let (stage, pending_totp, to) = match staffing.check_password(&form.username, &form.password).await? {
        PasswordStep::Denied => {
            state.throttle.fail(&keys, now);
            return Ok(view.invalid("login.html", context! { error => DENIED, ..ctx }));
        }
        PasswordStep::SecondFactor => (Stage::SecondFactor, None, "/login/code"),
        PasswordStep::Enrol => (Stage::Enrol, Some(state.accounts.new_totp_secret()), "/login/enrol"),
    };
    let id = begin_stage(&state, None, &username, stage, pending_totp)?;
    Ok(redirect_with_session(to, &id))
}

#[handler]
pub fn show_code(view: View, pending: PendingUser) -> Response {
    if pending.record.stage != Stage::SecondFactor {
        return Redirect::see_other("/login/enrol").into_response();
    }
    view.ok("code.html", context! {})
}

#[handler]
pub async fn check_code(
    state: Data<&Arc<AppState>>,
    req: &Request,
    view: View,
    pending: PendingUser,
    Form(form): Form<CodeForm>,
) -> poem::Result<Response> {
    if pending.record.stage != Stage::SecondFactor {
        return Ok(Redirect::see_other("/login/enrol").into_response());
    }
    let keys = throttle_keys(&state, req, &pending.username);
    let keys = [keys[0].as_str(), keys[1].as_str()];
    let now = state.clock.now();
    let wait = state.throttle.wait_secs(&keys, now);
    if wait > 0 {
        return Ok(too_many(&view, "code.html", wait, context! {}));
    }
    if !state.staffing().check_second_factor(&pending.username, &form.code)? {
        state.throttle.fail(&keys, now);
        return Ok(view.invalid("code.html", context! { error => BAD_CODE }));
    }
    state.throttle.succeed(&keys);
    let id = begin_stage(&state, Some(&pending.session_hash), &pending.username, Stage::Full, None)?;
    Ok(redirect_with_session("/admin", &id))
}

#[handler]
pub fn show_enrol(state: Data<&Arc<AppState>>, view: View, pending: PendingUser) -> Response {
    let Some(sealed) =
        pending.record.pending_totp.as_deref().filter(|_| pending.record.stage == Stage::Enrol)
    else {
        return Redirect::see_other("/login/code").into_response();
    };
    enrol_page(&state, &view, &pending.username, sealed, "/login/enrol", None)
}

#[handler]
pub fn confirm_enrol(
    state: Data<&Arc<AppState>>,
    view: View,
    pending: PendingUser,
    Form(form): Form<CodeForm>,
) -> poem::Result<Response> {
    let Some(sealed) =
        pending.record.pending_totp.as_deref().filter(|_| pending.record.stage == Stage::Enrol)
    else {
        return Ok(Redirect::see_other("/login/code").into_response());
    };
    match state.staffing().enrol_totp(&pending.username, sealed, &form.code) {
        Ok(codes) => {
            let id = begin_stage(&state, Some(&pending.session_hash), &pending.username, Stage::Full, None)?;
            let mut response = view.ok("recovery.html", context! { codes, next => "/admin" });
            set_cookie(&mut response, SESSION_COOKIE, &id, None);
            Ok(response)
        }
        Err(StaffError::Input { message, .. }) => {
            Ok(enrol_page(&state, &view, &pending.username, sealed, "/login/enrol", Some(message)))
        }
        Err(e) => Err(internal(e)),
    }
}

/// The TOTP enrolment page: QR code, secret as text, and a field for the first code.
pub fn enrol_page(
    state: &AppState,
    view: &View,
    username: &str,
    sealed: &[u8],
    action: &str,
    error: Option<&str>,
) -> Response {
    let Some(e) = state.accounts.enrolment(username, sealed) else {
        return super::render::error_page(state, poem::http::StatusCode::INTERNAL_SERVER_ERROR);
    };
    let ctx = context! { qr_svg => e.qr_svg, secret => e.secret, uri => e.uri, action, username, error };
    view.form("enrol.html", ctx, error.is_some())
}

#[handler]
pub fn logout(
    state: Data<&Arc<AppState>>,
    user: Option<StaffUser>,
    pending: Option<PendingUser>,
) -> poem::Result<Response> {
    if let Some(hash) = user.map(|u| u.session_hash).or(pending.map(|p| p.session_hash)) {
        state.store.delete_session(&hash)?;
    }
    let mut response = Redirect::see_other("/login").into_response();
    set_cookie(&mut response, SESSION_COOKIE, "", Some(0));
    response.headers_mut().insert(
        "clear-site-data",
        poem::http::HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
    );
    Ok(response)
}
