//! One-time links that create a staff account: the owner setup link printed at first start,
//! and invites. Username and password first, then TOTP enrolment; the account exists only
//! once the first code is confirmed.

use std::sync::Arc;

use minijinja::context;
use poem::http::StatusCode;
use poem::web::{Data, Form, Path, Redirect};
use poem::{IntoResponse, Response, handler};
use serde::Deserialize;

use super::AppState;
use super::internal;
use super::login::enrol_page;
use super::render::View;
use crate::staff::StaffError;
use crate::store::TokenKind;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AccountForm {
    username: String,
    password: String,
    confirm: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeForm {
    code: String,
}

pub(super) fn link_invalid(view: &View) -> Response {
    view.render(StatusCode::NOT_FOUND, "link_invalid.html", context! {})
}

fn account_ctx(kind: TokenKind, role: &str, username: &str) -> minijinja::Value {
    context! { setup => kind == TokenKind::Setup, role, username }
}

#[handler]
pub fn show_account_form(
    state: Data<&Arc<AppState>>,
    view: View,
    Path(token): Path<String>,
) -> poem::Result<Response> {
    match state.staffing().open_link(&token) {
        Ok(link) => Ok(view.ok("setup_account.html", account_ctx(link.kind, link.role.as_str(), ""))),
        Err(StaffError::LinkInvalid) => Ok(link_invalid(&view)),
        Err(e) => Err(internal(e)),
    }
}

#[handler]
pub async fn create_account(
    state: Data<&Arc<AppState>>,
    view: View,
    Path(token): Path<String>,
    Form(form): Form<AccountForm>,
) -> poem::Result<Response> {
    let staffing = state.staffing();
    let link = match staffing.open_link(&token) {
        Ok(link) => link,
        Err(StaffError::LinkInvalid) => return Ok(link_invalid(&view)),
        Err(e) => return Err(internal(e)),
    };
    match staffing.start_account(&token, &form.username, &form.password, &form.confirm).await {
        Ok(()) => Ok(Redirect::see_other(format!("/setup/{token}/mfa")).into_response()),
        Err(StaffError::Input { field, message }) => {
            let ctx = account_ctx(link.kind, link.role.as_str(), &form.username);
            let error = crate::i18n::t(view.lang(), message);
            Ok(view.invalid("setup_account.html", context! { error, field, ..ctx }))
        }
        Err(StaffError::LinkInvalid) => Ok(link_invalid(&view)),
        Err(e) => Err(internal(e)),
    }
}

#[handler]
pub fn show_link_mfa(
    state: Data<&Arc<AppState>>,
    view: View,
    Path(token): Path<String>,
) -> poem::Result<Response> {
    match state.staffing().open_link(&token) {
        Ok(link) => match link.pending {
            Some(p) => Ok(enrol_page(
                &state,
                &view,
                &p.username,
                &p.totp_sealed,
                &format!("/setup/{token}/mfa"),
                None,
            )),
            None => Ok(Redirect::see_other(format!("/setup/{token}")).into_response()),
        },
        Err(StaffError::LinkInvalid) => Ok(link_invalid(&view)),
        Err(e) => Err(internal(e)),
    }
}

#[handler]
pub fn confirm_link_mfa(
    state: Data<&Arc<AppState>>,
    view: View,
    Path(token): Path<String>,
    Form(form): Form<CodeForm>,
) -> poem::Result<Response> {
    let staffing = state.staffing();
    match staffing.finish_account(&token, &form.code) {
        Ok((username, codes)) => Ok(view.ok("recovery.html", context! { codes, username, next => "/login" })),
        Err(StaffError::Input { message, .. }) => {
            let link = staffing.open_link(&token).map_err(internal)?;
            let p = link.pending.ok_or_else(|| internal("pending account vanished"))?;
            Ok(enrol_page(
                &state,
                &view,
                &p.username,
                &p.totp_sealed,
                &format!("/setup/{token}/mfa"),
                Some(crate::i18n::t(view.lang(), message)),
            ))
        }
        Err(StaffError::LinkInvalid) => Ok(link_invalid(&view)),
        Err(e) => Err(internal(e)),
    }
}
