//! Signing in: password, then a TOTP or recovery code (or TOTP enrolment after a reset);
//! signing out. Wrong username and wrong password get the same answer after the same work.
//!
//! Failed attempts slow the next ones down (a capped backoff, in memory), keyed so that an
//! attacker cannot turn them against the account holder (OWASP's device cookies): a
//! browser that has signed in to an account before holds a device cookie for it (a nonce
//! and its MAC with the username, nothing stored) and is slowed only by its own failures;
//! everyone else is slowed per client and, together, per account. So guessing at the
//! owner's name from anywhere slows strangers, never the owner's own browser.

use std::sync::Arc;

use minijinja::context;
use poem::web::{Data, Form, Path, Redirect};
use poem::{IntoResponse, Request, Response, handler};
use serde::Deserialize;

use super::render::View;
use super::session::{
    PendingUser, SESSION_COOKIE, StaffUser, begin_stage, redirect_with_session, set_cookie,
};
use super::{AppState, internal};
use crate::staff::{PasswordStep, StaffError};
use crate::store::Stage;

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

const DEVICE_COOKIE: &str = "__Host-tellpoint-device";
/// A device cookie lives a year from the last sign-in.
const DEVICE_DAYS: u32 = 365;

fn device_mac(state: &AppState, username: &str, nonce: &[u8]) -> [u8; 16] {
    use hmac::Mac;
    let mut mac = <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(&state.master.derive("device-cookie"))
        .expect("any length");
    mac.update(username.as_bytes());
    mac.update(b"\0");
    mac.update(nonce);
    mac.finalize().into_bytes()[..16].try_into().expect("16 bytes")
}

/// The nonce of this browser's device cookie for `username`, if it holds a valid one.
fn device_of(state: &AppState, req: &Request, username: &str) -> Option<String> {
    let value = super::session::cookie(req, DEVICE_COOKIE)?;
    let bytes = data_encoding::BASE32_NOPAD.decode(value.to_ascii_uppercase().as_bytes()).ok()?;
    let (nonce, mac) = bytes.split_at_checked(16)?;
    let valid = subtle::ConstantTimeEq::ct_eq(&device_mac(state, username, nonce)[..], mac);
    bool::from(valid).then(|| data_encoding::HEXLOWER.encode(nonce))
}

/// A fresh device cookie for `username`, set on `response`.
fn give_device_cookie(state: &AppState, response: &mut Response, username: &str) {
    let mut nonce = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut nonce);
    let mut value = nonce.to_vec();
    value.extend(device_mac(state, username, &nonce));
    let value = data_encoding::BASE32_NOPAD.encode(&value).to_ascii_lowercase();
    set_cookie(response, DEVICE_COOKIE, &value, Some(DEVICE_DAYS * 86_400));
}

/// Throttle keys: a known device's own, or for anyone else the client (an in-memory keyed
/// hash) and the account as tried from unknown devices.
fn throttle_keys(state: &AppState, req: &Request, username: &str) -> Vec<String> {
    let username = username.trim().to_lowercase();
    match device_of(state, req, &username) {
        Some(device) => vec![format!("device:{device}")],
        None => vec![format!("user:{username}"), super::limits::client_key(state, req)],
    }
}

fn too_many(view: &View, template: &str, wait: i64, ctx: minijinja::Value) -> Response {
    let error = crate::i18n::tr(view.lang(), "login-too-many", &[("wait", wait.into())]);
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
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
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
            return Ok(view.invalid(
                "login.html",
                context! { error => crate::i18n::t(view.lang(), "login-denied"), ..ctx },
            ));
        }
        PasswordStep::SecondFactor => (Stage::SecondFactor, None, "/login/code"),
        PasswordStep::NeedsResetLink => {
            return Ok(view.invalid(
                "login.html",
                context! { error => crate::i18n::t(view.lang(), "login-needs-reset"), ..ctx },
            ));
        }
    };
    let id = begin_stage(&state, None, &username, stage, pending_totp)?;
    Ok(redirect_with_session(to, &id))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResetForm {
    password: String,
}

/// The link an owner handed over after resetting someone's authenticator.
#[handler]
pub fn show_reset(
    state: Data<&Arc<AppState>>,
    view: View,
    Path(token): Path<String>,
) -> poem::Result<Response> {
    match state.staffing().reset_link_account(&token) {
        Ok(username) => Ok(view.ok("login_reset.html", context! { username, token })),
        Err(StaffError::LinkInvalid) => Ok(super::setup::link_invalid(&view)),
        Err(e) => Err(internal(e)),
    }
}

/// The link and the password together begin enrolling a new authenticator.
#[handler]
pub async fn use_reset(
    state: Data<&Arc<AppState>>,
    req: &Request,
    view: View,
    Path(token): Path<String>,
    Form(form): Form<ResetForm>,
) -> poem::Result<Response> {
    let staffing = state.staffing();
    let username = match staffing.reset_link_account(&token) {
        Ok(name) => name,
        Err(StaffError::LinkInvalid) => {
            return Ok(super::setup::link_invalid(&view));
        }
        Err(e) => return Err(internal(e)),
    };
    let keys = throttle_keys(&state, req, &username);
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    let now = state.clock.now();
    let ctx = context! { username, token };
    let wait = state.throttle.wait_secs(&keys, now);
    if wait > 0 {
        return Ok(too_many(&view, "login_reset.html", wait, ctx));
    }
    match staffing.use_reset_link(&token, &form.password).await {
        Ok(username) => {
            let id =
                begin_stage(&state, None, &username, Stage::Enrol, Some(state.accounts.new_totp_secret()))?;
            Ok(redirect_with_session("/login/enrol", &id))
        }
        Err(StaffError::Input { message, .. }) => {
            state.throttle.fail(&keys, now);
            Ok(view.invalid(
                "login_reset.html",
                context! { error => crate::i18n::t(view.lang(), message), ..ctx },
            ))
        }
        Err(StaffError::LinkInvalid) => Ok(super::setup::link_invalid(&view)),
        Err(e) => Err(internal(e)),
    }
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
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    let now = state.clock.now();
    let wait = state.throttle.wait_secs(&keys, now);
    if wait > 0 {
        return Ok(too_many(&view, "code.html", wait, context! {}));
    }
    if !state.staffing().check_second_factor(&pending.username, &form.code)? {
        state.throttle.fail(&keys, now);
        return Ok(
            view.invalid("code.html", context! { error => crate::i18n::t(view.lang(), "login-bad-code") })
        );
    }
    state.throttle.succeed(&keys);
    let id = begin_stage(&state, Some(&pending.session_hash), &pending.username, Stage::Full, None)?;
    let mut response = redirect_with_session("/admin", &id);
    give_device_cookie(&state, &mut response, &pending.username);
    Ok(response)
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
            let error = crate::i18n::t(view.lang(), message);
            Ok(enrol_page(&state, &view, &pending.username, sealed, "/login/enrol", Some(error)))
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
