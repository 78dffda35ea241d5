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
}

impl<'a> FromRequest<'a> for View {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        let state = req.data::<Arc<AppState>>().expect("state is attached").clone();
        let csrf = req.data::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
        let accept = req.headers().get("accept-language").and_then(|v| v.to_str().ok()).unwrap_or("");
        let staff_lang = crate::i18n::negotiate(accept, &Lang::all());
        Ok(View { state, csrf, me: Value::UNDEFINED, staff_lang })
    }
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
        let full = context! { csrf => self.csrf, me => self.me, ..ctx };
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

/// Turns any error a handler or middleware returned into a page in the layout.
pub fn error_response(state: &AppState, err: poem::Error) -> Response {
    let status = err.status();
    let pattern = err.data::<poem::PathPattern>().cloned();
    let mut response = if status.is_redirection() {
        err.into_response()
    } else {
        if status.is_server_error() {
            tracing::error!(error = %err, "request failed");
        }
        match err.downcast_ref::<Said>() {
            Some(said) => error_page_saying(state, status, Some(&said.0)),
            None => error_page(state, status),
        }
    };
    if let Some(p) = pattern {
        response.set_data(p);
    }
    response
}

pub fn error_page(state: &AppState, status: StatusCode) -> Response {
    error_page_saying(state, status, None)
}

fn error_page_saying(state: &AppState, status: StatusCode, detail: Option<&str>) -> Response {
    let (title, message) = match status.as_u16() {
        400 => ("Bad request", "The request could not be understood. Go back and try again."),
        403 => (
            "Not allowed",
            "You are not allowed to do this. If you think you should be, ask an owner of this tellpoint, or reload the form and try again.",
        ),
        404 => ("Not found", "There is nothing at this address. Check the link you followed."),
        405 => ("Not allowed here", "This address does not accept that kind of request."),
        408 => {
            ("Too slow", "What you sent took too long to arrive. Check your connection and send it again.")
        }
        409 => (
            "Not possible now",
            "This cannot be done in the current state. Reload the page to see where things stand.",
        ),
        413 => ("Too large", "What you sent is larger than tellpoint accepts. Shorten it and try again."),
        422 => ("Check your input", "Something you entered could not be used. Go back and correct it."),
        429 => ("Too many attempts", "Wait a little and try again."),
        503 => ("Unavailable", "tellpoint cannot serve this right now. Try again shortly."),
        _ if status.is_server_error() => (
            "Something went wrong",
            "tellpoint could not complete this request. Nothing you sent was lost on our side; try again, and if it keeps happening tell the people who run this tellpoint.",
        ),
        _ => ("Error", "This request could not be completed."),
    };
    let message = detail.unwrap_or(message);
    let ctx = context! { status => status.as_u16(), title, message, csrf => "", me => Value::UNDEFINED };
    match state.templates.render("error.html", ctx) {
        Ok(html) => html_response(status, html),
        Err(_) => Response::builder()
            .status(status)
            .content_type("text/plain; charset=utf-8")
            .body(message.to_string()),
    }
}
