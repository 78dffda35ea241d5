//! Staff sessions: a 128-bit random id in the `__Host-tellpoint` cookie, stored only as its
//! hash, renewed at every sign-in step, ended by idle and absolute timeouts.

use std::sync::Arc;

use poem::http::{HeaderValue, header};
use poem::web::Redirect;
use poem::{FromRequest, IntoResponse, Request, RequestBody, Response};

use super::AppState;
use crate::accounts::{new_token, token_hash};
use crate::staff::session_expired;
use crate::store::{Role, SessionRecord, Stage, StoreError};

pub const SESSION_COOKIE: &str = "__Host-tellpoint";
/// Sent by the scripts that poll for new messages.
pub const POLL_HEADER: &str = "x-tellpoint-poll";

/// `last_seen` is written at most this often, not on every request.
const TOUCH_SECS: i64 = 60;

pub fn cookie(req: &Request, name: &str) -> Option<String> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// Sets a `__Host-` cookie: Secure, HttpOnly, SameSite=Strict, whole site. `max_age = Some(0)`
/// removes it.
pub fn set_cookie(response: &mut Response, name: &str, value: &str, max_age: Option<u32>) {
    let age = max_age.map(|a| format!("; Max-Age={a}")).unwrap_or_default();
    let text = format!("{name}={value}; Path=/; Secure; HttpOnly; SameSite=Strict{age}");
    if let Ok(v) = HeaderValue::from_str(&text) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}

fn to_login() -> poem::Error {
    poem::Error::from_response(Redirect::see_other("/login").into_response())
}

/// A page's script polling without a live session gets 401, not the sign-in page it would
/// otherwise take for fresh content (and show in place of the messages).
fn signed_out(req: &Request) -> poem::Error {
    if req.headers().contains_key("x-tellpoint-poll") {
        poem::Error::from_status(poem::http::StatusCode::UNAUTHORIZED)
    } else {
        to_login()
    }
}

/// A fully signed-in staff member whose account is enabled.
pub struct StaffUser {
    pub username: String,
    pub role: Role,
    pub session_hash: [u8; 32],
    /// The language they chose for the admin panel, if any.
    pub lang: Option<crate::model::Lang>,
}

/// Someone between the password and the second factor (or TOTP re-enrolment).
pub struct PendingUser {
    pub username: String,
    pub record: SessionRecord,
    pub session_hash: [u8; 32],
}

impl StaffUser {
    /// Allows any of `roles`: e.g. analysts and owners on the dashboard.
    pub fn require_any(&self, roles: &[Role]) -> poem::Result<()> {
        if roles.contains(&self.role) {
            Ok(())
        } else {
            Err(poem::Error::from_status(poem::http::StatusCode::FORBIDDEN))
        }
    }

    pub fn require(&self, role: Role) -> poem::Result<()> {
        if self.role == role {
            Ok(())
        } else {
            Err(poem::Error::from_status(poem::http::StatusCode::FORBIDDEN))
        }
    }
}

fn state(req: &Request) -> &Arc<AppState> {
    req.data::<Arc<AppState>>().expect("state is attached")
}

/// The live session behind the request's cookie, or None (expired ones are deleted).
fn live_session(req: &Request) -> Result<Option<([u8; 32], SessionRecord)>, StoreError> {
    let state = state(req);
    let Some(id) = cookie(req, SESSION_COOKIE) else { return Ok(None) };
    let hash = token_hash(&id);
    let Some(record) = state.store.session(&hash)? else { return Ok(None) };
    if session_expired(&record, state.clock.now(), &state.config.session) {
        state.store.delete_session(&hash)?;
        return Ok(None);
    }
    Ok(Some((hash, record)))
}

impl<'a> FromRequest<'a> for StaffUser {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        let state = state(req);
        let Some((hash, mut record)) = live_session(req)? else { return Err(signed_out(req)) };
        if record.stage != Stage::Full {
            return Err(signed_out(req));
        }
        let staff = match state.store.staff(&record.username)? {
            Some(s) if !s.disabled => s,
            _ => {
                state.store.delete_session(&hash)?;
                return Err(signed_out(req));
            }
        };
        let now = state.clock.now();
        // A page's own polling is not the person at it: it must not hold the session open.
        let polling = req.headers().contains_key(POLL_HEADER);
        if !polling && now - record.last_seen >= TOUCH_SECS {
            record.last_seen = now;
            state.store.save_session(&hash, &record)?;
        }
        Ok(StaffUser { username: staff.username, role: staff.role, session_hash: hash, lang: staff.lang })
    }
}

impl<'a> FromRequest<'a> for PendingUser {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        match live_session(req)? {
            Some((hash, record)) if record.stage != Stage::Full => {
                Ok(PendingUser { username: record.username.clone(), record, session_hash: hash })
            }
            _ => Err(to_login()),
        }
    }
}

/// Starts a session (or moves one to its next stage) under a new id; returns the cookie value.
pub fn begin_stage(
    state: &AppState,
    previous: Option<&[u8; 32]>,
    username: &str,
    stage: Stage,
    pending_totp: Option<Vec<u8>>,
) -> Result<String, StoreError> {
    let now = state.clock.now();
    let id = new_token();
    let record =
        SessionRecord { username: username.to_string(), stage, created: now, last_seen: now, pending_totp };
    match previous {
        Some(old) => state.store.renew_session(old, &token_hash(&id), &record)?,
        None => state.store.save_session(&token_hash(&id), &record)?,
    }
    Ok(id)
}

/// A redirect that also sets the session cookie.
pub fn redirect_with_session(to: &str, session_id: &str) -> Response {
    let mut response = Redirect::see_other(to).into_response();
    set_cookie(&mut response, SESSION_COOKIE, session_id, None);
    response
}
