//! The admin home and a staff member's own account (password change).

use std::sync::Arc;

use minijinja::context;
use poem::web::{Data, Form, Redirect};
use poem::{IntoResponse, Response, handler};
use serde::Deserialize;

use super::AppState;
use super::internal;
use super::render::View;
use super::session::StaffUser;
use crate::staff::StaffError;

#[handler]
pub fn show_admin_home(view: View, user: StaffUser) -> Response {
    view.signed_in(&user).ok("admin/home.html", context! {})
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    current: String,
    code: String,
    new: String,
    confirm: String,
}

#[handler]
pub fn show_password(view: View, user: StaffUser) -> Response {
    view.signed_in(&user).ok("account/password.html", context! {})
}

#[handler]
pub async fn change_password(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Form(form): Form<PasswordForm>,
) -> poem::Result<Response> {
    let view = view.signed_in(&user);
    let result = state
        .staffing()
        .change_password(&user.username, &form.current, &form.code, &form.new, &form.confirm)
        .await;
    match result {
        Ok(()) => Ok(Redirect::see_other("/admin?changed=password").into_response()),
        Err(StaffError::Input { field, message }) => {
            Ok(view.invalid("account/password.html", context! { error => message, field }))
        }
        Err(e) => Err(internal(e)),
    }
}
