//! A staff member's own account: language, password, sessions.

use std::sync::Arc;

use minijinja::context;
use poem::web::{Data, Form, Query, Redirect};
use poem::{IntoResponse, Response, handler};
use serde::Deserialize;

use super::AppState;
use super::internal;
use super::render::View;
use super::session::StaffUser;
use crate::model::Lang;
use crate::staff::StaffError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LanguageForm {
    lang: String,
}

/// The language of one's own admin panel; empty: the browser's.
#[handler]
pub fn save_language(
    state: Data<&Arc<AppState>>,
    user: StaffUser,
    Form(form): Form<LanguageForm>,
) -> poem::Result<Response> {
    let lang = Lang::parse(&form.lang);
    if !form.lang.is_empty() && lang.is_none() {
        return Err(poem::Error::from_status(poem::http::StatusCode::BAD_REQUEST));
    }
    state.store.set_staff_lang(&user.username, lang)?;
    Ok(super::render::done("/admin", "language"))
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
        .change_password(
            &user.username,
            &user.session_hash,
            &form.current,
            &form.code,
            &form.new,
            &form.confirm,
        )
        .await;
    match result {
        Ok(()) => Ok(Redirect::see_other("/admin?changed=password").into_response()),
        Err(StaffError::Input { field, message }) => {
            let error = crate::i18n::t(view.lang(), message);
            Ok(view.invalid("account/password.html", context! { error, field }))
        }
        Err(e) => Err(internal(e)),
    }
}

/// One's own signed-in sessions: when each began and was last used, this one marked.
#[handler]
pub fn show_sessions(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> poem::Result<Response> {
    let mut sessions: Vec<_> = state
        .store
        .sessions_of(&user.username)?
        .into_iter()
        .filter(|(_, s)| s.stage == crate::store::Stage::Full)
        .map(|(hash, s)| {
            let this = hash == user.session_hash;
            (std::cmp::Reverse(this), std::cmp::Reverse(s.last_seen), s.created, this)
        })
        .collect();
    sessions.sort();
    let view = view.signed_in(&user);
    let at = |secs: i64| super::render::local_time(&state, secs, view.lang());
    let sessions: Vec<_> = sessions
        .into_iter()
        .map(|(_, std::cmp::Reverse(last_seen), created, this)| {
            context! { created => at(created), last_seen => at(last_seen), this }
        })
        .collect();
    let ended = q.contains_key("ended");
    Ok(view.ok("account/sessions.html", context! { sessions, ended }))
}

#[handler]
pub fn end_other_sessions(state: Data<&Arc<AppState>>, user: StaffUser) -> poem::Result<Response> {
    state.staffing().end_other_sessions(&user.username, &user.session_hash).map_err(internal)?;
    Ok(Redirect::see_other("/account/sessions?ended=1").into_response())
}
