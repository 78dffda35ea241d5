//! Middleware every request passes through: a log line per staff request and a daily count
//! of participant requests (never the client's address, agent, query, cookies or body —
//! invariant 2), security headers, and CSRF.

use std::sync::Arc;
use std::time::{Duration, Instant};

use poem::PathPattern;
use poem::http::{HeaderValue, Method, StatusCode, header};
use poem::{Endpoint, IntoResponse, Request, Response};
use subtle::ConstantTimeEq;

use super::AppState;
use super::session::{SESSION_COOKIE, cookie, set_cookie};

pub const CSRF_COOKIE: &str = "__Host-tellpoint-csrf";
const CSP: &str =
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

/// The CSRF token of this browser, for templates to put into forms.
#[derive(Clone)]
pub struct CsrfToken(pub String);

/// Whether a path (or route pattern) is on the staff side: signed-in pages, logged per
/// request and protected by a CSRF cookie. Everything else is a participant's.
pub fn is_staff_path(path: &str) -> bool {
    ["/admin", "/login", "/logout", "/setup", "/account"].iter().any(|p| path.starts_with(p))
}

/// A participant form's token: random bytes and their MAC under a key derived from the
/// master key, fresh for every page. It proves the form came from this server, which is
/// all a form without a session needs, and sets no cookie: nothing ties one participant
/// page to the next (enrolment, personal link, answer and thread stay apart).
fn form_token(state: &AppState) -> String {
    let mut bytes = [0u8; 10];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
    let mut token = bytes.to_vec();
    token.extend(form_mac(state, &bytes));
    data_encoding::BASE32_NOPAD.encode(&token).to_ascii_lowercase()
}

fn form_mac(state: &AppState, random: &[u8]) -> [u8; 10] {
    use hmac::Mac;
    let mut mac = <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(&state.master.derive("form-token"))
        .expect("any length");
    mac.update(random);
    mac.finalize().into_bytes()[..10].try_into().expect("10 bytes")
}

fn form_token_valid(state: &AppState, sent: &[u8]) -> bool {
    let Ok(bytes) = data_encoding::BASE32_NOPAD.decode(&sent.to_ascii_uppercase()) else { return false };
    bytes.len() == 20 && bool::from(form_mac(state, &bytes[..10]).ct_eq(&bytes[10..]))
}

/// Logs a staff request's method, matched route pattern (`/setup/:token`, never the
/// token), status and duration; counts a participant request for the day's line (its time
/// is not logged).
pub async fn log_request<E: Endpoint>(ep: Arc<E>, req: Request) -> poem::Result<Response> {
    let method = req.method().clone();
    let state = req.data::<Arc<AppState>>().cloned();
    let start = Instant::now();
    let response = ep.call(req).await.map(IntoResponse::into_response);
    let (status, route) = match &response {
        Ok(r) => (r.status(), r.data::<PathPattern>().map(|p| p.0.clone())),
        Err(e) => (e.status(), e.data::<PathPattern>().map(|p| p.0.clone())),
    };
    let route_name = route.as_deref().unwrap_or("(no route)");
    if let Some(state) = state.filter(|_| !is_staff_path(route_name)) {
        state.requests.count(method.as_str(), route_name, status.as_u16(), state.clock.now());
        return response;
    }
    tracing::info!(
        method = %method,
        route = route_name,
        status = status.as_u16(),
        ms = format_args!("{:.1}", start.elapsed().as_secs_f64() * 1000.0),
        "request"
    );
    response
}

/// Errors become pages in the reader's language: the page's own `?lang=`, else the
/// browser's. (A Swedish participant following a dead link reads why in Swedish.)
pub async fn error_pages<E: Endpoint>(ep: Arc<E>, req: Request) -> poem::Result<Response> {
    let state = req.data::<Arc<AppState>>().cloned().expect("state is attached");
    let asked = req.uri().query().unwrap_or("").split('&').find_map(|kv| kv.strip_prefix("lang="));
    let lang = super::render::request_lang(&req, asked.unwrap_or(""), &crate::model::Lang::all());
    match ep.call(req).await {
        Ok(response) => Ok(response.into_response()),
        Err(err) => Ok(super::render::error_response(&state, err, lang)),
    }
}

pub async fn security_headers<E: Endpoint>(ep: Arc<E>, req: Request) -> poem::Result<Response> {
    let hsts = req.data::<Arc<AppState>>().filter(|s| s.tls.is_some()).map(|s| {
        if s.config.tls.hsts_include_subdomains {
            "max-age=31536000; includeSubDomains"
        } else {
            "max-age=31536000"
        }
    });
    let mut response = ep.call(req).await?.into_response();
    let h = response.headers_mut();
    let set = |h: &mut poem::http::HeaderMap, name: &'static str, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(h, "content-security-policy", CSP);
    set(h, "x-content-type-options", "nosniff");
    set(h, "referrer-policy", "no-referrer");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(h, "cross-origin-resource-policy", "same-origin");
    set(h, "permissions-policy", PERMISSIONS);
    if let Some(hsts) = hsts {
        set(h, "strict-transport-security", hsts);
    }
    // Only static assets say how they may be cached; every page is no-store.
    if !h.contains_key(header::CACHE_CONTROL) {
        set(h, "cache-control", "no-store");
    }
    Ok(response)
}

/// A state-changing request must carry a `csrf` form field: on staff pages equal to this
/// browser's `__Host-` cookie (double submit; another site can neither read nor set it), on
/// participant pages a form token this server made (see `form_token`).
pub async fn check_csrf<E: Endpoint>(ep: Arc<E>, mut req: Request) -> poem::Result<Response> {
    let state = req.data::<Arc<AppState>>().cloned().expect("state is attached");
    let staff = is_staff_path(req.uri().path());
    let existing = cookie(&req, CSRF_COOKIE).filter(|t| staff && t.len() == 26);
    // Signed in (or half-way), the token is the session's own MAC: it dies with the session,
    // and one learnt before sign-in or in an earlier session is worth nothing. Before sign-in
    // it is a random value double-submitted against the cookie.
    let session = cookie(&req, SESSION_COOKIE).filter(|_| staff);
    let token = match (&session, &existing, staff) {
        (_, _, false) => form_token(&state),
        (Some(id), _, true) => session_token(&state, id),
        (None, Some(t), true) => t.clone(),
        (None, None, true) => crate::accounts::new_token(),
    };
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        let limit = state.config.limits.body_limit_kib as usize * 1024;
        let deadline = Duration::from_secs(state.config.limits.body_timeout_secs as u64);
        let body = tokio::time::timeout(deadline, read_limited(req.take_body(), limit))
            .await
            .map_err(|_| poem::Error::from_status(StatusCode::REQUEST_TIMEOUT))??;
        let multipart = req.content_type().is_some_and(|t| t.starts_with("multipart/form-data"));
        let sent = if multipart { multipart_field(&body) } else { form_field(&body) };
        let valid = match (staff, &session, &existing, sent) {
            (true, Some(_), _, Some(sent)) => bool::from(token.as_bytes().ct_eq(sent)),
            (true, None, Some(cookie), Some(sent)) => bool::from(cookie.as_bytes().ct_eq(sent)),
            (false, _, _, Some(sent)) => form_token_valid(&state, sent),
            _ => false,
        };
        // A one-click unsubscribe (RFC 8058) comes from the mail provider, without a form;
        // the secret in its path is what authorises it. Replies from phones come from the
        // SMS gateway, and so do delivery reports, authorised by the token in their URL.
        let path = req.uri().path();
        let one_click = path.starts_with("/u/") || path == "/sms/incoming" || path == "/sms/report";
        if !valid && !one_click {
            return Err(poem::Error::from_status(StatusCode::FORBIDDEN));
        }
        // serde_urlencoded would turn bad bytes into U+FFFD and store them; a form must
        // arrive as sent or be refused. The response form (/r/) decodes strictly itself
        // and re-renders with the other answers kept.
        let urlencoded =
            req.content_type().is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
        let response_form = req.uri().path().strip_prefix("/r/").is_some_and(|slug| !slug.contains('/'));
        if urlencoded && !response_form {
            super::form::decode_strict(&body)
                .map_err(|why| super::render::said(StatusCode::BAD_REQUEST, why))?;
        }
        req.set_body(body);
    }
    req.set_data(CsrfToken(token.clone()));
    let mut response = ep.call(req).await?.into_response();
    if staff {
        // The cookie always holds the token the next form needs: the new session's after a
        // sign-in step, a fresh random one after sign-out.
        let next = match new_session_cookie(&response) {
            Some(id) if !id.is_empty() => session_token(&state, &id),
            Some(_) => crate::accounts::new_token(),
            None => token,
        };
        if existing.as_deref() != Some(next.as_str()) {
            set_cookie(&mut response, CSRF_COOKIE, &next, None);
        }
    }
    Ok(response)
}

/// The CSRF token bound to a session id: 128 bits of its MAC, as base32 like other tokens.
fn session_token(state: &AppState, session_id: &str) -> String {
    use hmac::Mac;
    let mut mac = <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(&state.master.derive("staff-csrf"))
        .expect("any key length");
    mac.update(session_id.as_bytes());
    let tag = mac.finalize().into_bytes();
    data_encoding::BASE32_NOPAD.encode(&tag[..16]).to_ascii_lowercase()
}

/// The session cookie a response sets, if any ("" when it removes it).
fn new_session_cookie(response: &Response) -> Option<String> {
    let prefix = format!("{SESSION_COOKIE}=");
    response.headers().get_all(header::SET_COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|v| {
        let rest = v.strip_prefix(&prefix)?;
        Some(rest.split(';').next().unwrap_or_default().to_string())
    })
}

/// Past the limit, this much more is read and dropped, so that a browser still sending an
/// oversized form gets the 413 page instead of a connection reset mid-upload.
const DRAIN_BYTES: usize = 1024 * 1024;

/// The body up to `limit` bytes; a longer one is a 413 (after draining up to DRAIN_BYTES).
async fn read_limited(body: poem::Body, limit: usize) -> poem::Result<Vec<u8>> {
    use tokio::io::AsyncReadExt;
    let mut reader = body.into_async_read();
    let mut kept = Vec::new();
    let mut chunk = vec![0u8; 16 * 1024];
    let mut over = 0;
    loop {
        let n =
            reader.read(&mut chunk).await.map_err(|_| poem::Error::from_status(StatusCode::BAD_REQUEST))?;
        if n == 0 {
            break;
        }
        if over == 0 && kept.len() + n <= limit {
            kept.extend_from_slice(&chunk[..n]);
        } else {
            over += n;
            if over > DRAIN_BYTES {
                break;
            }
        }
    }
    if over > 0 {
        return Err(poem::Error::from_status(StatusCode::PAYLOAD_TOO_LARGE));
    }
    Ok(kept)
}

/// Tokens are lowercase base32, never percent-encoded: find the raw field, no need to decode
/// the whole form here.
fn form_field(body: &[u8]) -> Option<&[u8]> {
    body.split(|b| *b == b'&').find_map(|field| field.strip_prefix(b"csrf="))
}

/// The `csrf` part of a multipart form (a file upload): its 26 bytes after the part header.
fn multipart_field(body: &[u8]) -> Option<&[u8]> {
    const HEAD: &[u8] = b"name=\"csrf\"\r\n\r\n";
    let at = body.windows(HEAD.len()).position(|w| w == HEAD)? + HEAD.len();
    body.get(at..at + 26)
}
