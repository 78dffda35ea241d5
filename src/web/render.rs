//! The `View` that renders a page with what every page needs (the CSRF token and who is
//! signed in), and the error pages.

use std::sync::Arc;

use minijinja::{Value, context};
use poem::http::StatusCode;
use poem::{FromRequest, Request, RequestBody, Response};

use super::AppState;
use super::middleware::CsrfToken;
use super::session::StaffUser;
use crate::model::Lang;

/// Renders pages for one request.
pub struct View {
    state: Arc<AppState>,
    csrf: String,
    me: Value,
    /// The language of staff pages: the signed-in person's choice, else their browser's.
    staff_lang: Lang,
    /// What the action before this page did (`?done=`), when it names a known message.
    done: Option<String>,
}

impl<'a> FromRequest<'a> for View {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        let state = req.data::<Arc<AppState>>().expect("state is attached").clone();
        let csrf = req.data::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
        let staff_lang = request_lang(req, "", &Lang::all());
        let done = req
            .uri()
            .query()
            .and_then(|q| q.split('&').find_map(|p| p.strip_prefix("done=")))
            .map(|d| format!("flash-{d}"))
            .filter(|key| crate::i18n::has(key));
        Ok(View { state, csrf, me: Value::UNDEFINED, staff_lang, done })
    }
}

/// A moment as staff read it: date and time in the organisation's time zone
/// (`retention.time_zone`), in `lang`.
pub fn local_time(state: &AppState, secs: i64, lang: Lang) -> String {
    let tz = jiff::tz::TimeZone::get(&state.config.retention.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let z = jiff::Timestamp::from_second(secs).unwrap_or_default().to_zoned(tz);
    format!("{} {}", crate::i18n::weekday_date(lang, z.date()), z.strftime("%H:%M"))
}

/// After a staff action: back to `path`, where a line says what was done (`flash-{what}`
/// in the translation files), in the reader's language.
pub fn done(path: &str, what: &str) -> poem::Response {
    use poem::IntoResponse;
    let sep = if path.contains('?') { '&' } else { '?' };
    poem::web::Redirect::see_other(format!("{path}{sep}done={what}")).into_response()
}

/// The language a request asks for: `asked` (its `lang` field or parameter) when it is one of
/// `offered`, else the browser's Accept-Language among them.
pub fn request_lang(req: &Request, asked: &str, offered: &[Lang]) -> Lang {
    Lang::parse(asked).filter(|l| offered.contains(l)).unwrap_or_else(|| {
        let accept = req.headers().get("accept-language").and_then(|v| v.to_str().ok()).unwrap_or("");
        crate::i18n::negotiate(accept, offered)
    })
}

impl View {
    /// Shows `user` as signed in (name, role, sign-out button).
    pub fn signed_in(mut self, user: &StaffUser) -> Self {
        self.me = context! { username => user.username, role => user.role.as_str() };
        if let Some(lang) = user.lang {
            self.staff_lang = lang;
        }
        self
    }

    /// The language of staff pages for this request.
    pub fn lang(&self) -> Lang {
        self.staff_lang
    }

    pub fn ok(&self, template: &str, ctx: Value) -> Response {
        self.render(StatusCode::OK, template, ctx)
    }

    /// The same form again with the input kept and the problem said: 422.
    pub fn invalid(&self, template: &str, ctx: Value) -> Response {
        self.render(StatusCode::UNPROCESSABLE_ENTITY, template, ctx)
    }

    /// A form page: 422 when it comes back with problems, else 200.
    pub fn form(&self, template: &str, ctx: Value, invalid: bool) -> Response {
        if invalid { self.invalid(template, ctx) } else { self.ok(template, ctx) }
    }

    pub fn render(&self, status: StatusCode, template: &str, ctx: Value) -> Response {
        // A page without a language of its own (a staff page) speaks the staff language; the
        // templates' `t()` reads `lang`.
        let lang = self.staff_lang.code();
        let flash = self
            .done
            .as_deref()
            .filter(|_| !self.me.is_undefined())
            .map(|k| crate::i18n::t(self.staff_lang, k));
        let full = context! { csrf => self.csrf, me => self.me, flash, ..ctx };
        let full = if full.get_attr("lang").is_ok_and(|l| !l.is_undefined()) {
            full
        } else {
            context! { lang, ..full }
        };
        match self.state.templates.render(template, full) {
            Ok(html) => html_response(status, html),
            Err(e) => {
                tracing::error!(template, error = %e, "template failed to render");
                error_page(&self.state, StatusCode::INTERNAL_SERVER_ERROR)
            }
        }
    }
}

fn html_response(status: StatusCode, html: String) -> Response {
    Response::builder().status(status).content_type("text/html; charset=utf-8").body(html)
}

/// A refusal whose words are meant for the reader: the error page shows them instead of
/// the status's general text.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Said(pub String, pub StatusCode);

impl poem::error::ResponseError for Said {
    fn status(&self) -> StatusCode {
        self.1
    }
}

pub fn said(status: StatusCode, words: impl Into<String>) -> poem::Error {
    poem::Error::from(Said(words.into(), status))
}

/// Turns any error a handler or middleware returned into a page in the layout, in `lang`.
pub fn error_response(state: &AppState, err: poem::Error, lang: Lang) -> Response {
    let status = err.status();
    let pattern = err.data::<poem::PathPattern>().cloned();
    let mut response = if status.is_redirection() {
        err.into_response()
    } else {
        if status.is_server_error() {
            tracing::error!(error = %err, "request failed");
        }
        match err.downcast_ref::<Said>() {
            // Domain refusals carry a translation key; other words are shown as they are.
            Some(said) if crate::i18n::has(&said.0) => {
                error_page_saying(state, status, Some(crate::i18n::t(lang, &said.0)), lang)
            }
            Some(said) => error_page_saying(state, status, Some(&said.0), lang),
            None => error_page_saying(state, status, None, lang),
        }
    };
    if let Some(p) = pattern {
        response.set_data(p);
    }
    response
}

/// An error page in English (where no request is at hand: a panic, a broken store).
pub fn error_page(state: &AppState, status: StatusCode) -> Response {
    error_page_saying(state, status, None, Lang::EN)
}

fn error_page_saying(state: &AppState, status: StatusCode, detail: Option<&str>, lang: Lang) -> Response {
    let code = match status.as_u16() {
        n @ (400 | 403 | 404 | 405 | 408 | 409 | 413 | 422 | 429 | 503) => n.to_string(),
        _ if status.is_server_error() => "500".to_string(),
        _ => "other".to_string(),
    };
    let title = crate::i18n::t(lang, &format!("err-{code}-title"));
    let message = crate::i18n::t(lang, &format!("err-{code}-text"));
    let message = detail.unwrap_or(message);
    let ctx = context! {
        status => status.as_u16(), title, message, csrf => "", me => Value::UNDEFINED, lang => lang.code(),
    };
    match state.templates.render("error.html", ctx) {
        Ok(html) => html_response(status, html),
        Err(_) => Response::builder()
            .status(status)
            .content_type("text/plain; charset=utf-8")
            .body(message.to_string()),
    }
}
