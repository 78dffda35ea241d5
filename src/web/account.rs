//! The admin home and a staff member's own account (password change).

use std::sync::Arc;

use minijinja::context;
use poem::web::{Data, Form, Query, Redirect};
use poem::{IntoResponse, Response, handler};
use serde::Deserialize;

use super::AppState;
use super::internal;
use super::render::View;
use super::session::StaffUser;
use crate::clock::format_utc;
use crate::model::Lang;
use crate::model::campaign::Status;
use crate::staff::StaffError;
use crate::store::Role;

/// The admin home: what this role can do, and per campaign the pages it may open.
#[handler]
pub fn show_admin_home(state: Data<&Arc<AppState>>, view: View, user: StaffUser) -> poem::Result<Response> {
    let view = view.signed_in(&user);
    let lang = view.lang();
    let word = |key: &str| crate::i18n::t(lang, key).to_string();
    let mut all = state.store.all_campaigns()?;
    all.sort_by_key(|c| std::cmp::Reverse(c.created));
    let campaigns: Vec<_> = all
        .iter()
        .filter(|c| c.status != Status::Draft)
        .map(|c| -> poem::Result<_> {
            let mut links = Vec::new();
            let mut link = |path: &str, text: &str| {
                links.push(context! { href => format!("/admin/campaigns/{}{path}", c.id), text })
            };
            if matches!(user.role, Role::Owner | Role::Analyst) {
                link("/dashboard", &word("link-dashboard"));
                if c.status == Status::Closed {
                    link("/report", &word("link-report"));
                }
            }
            if matches!(user.role, Role::Owner | Role::Moderator) {
                link("/stories", &word("link-stories"));
                let threads = state.store.threads_of(&c.id)?;
                if c.settings.follow_up || !threads.is_empty() {
                    let unread = threads.iter().filter(|(_, t)| t.unread_by_staff).count();
                    let text = match unread {
                        0 => word("link-threads"),
                        n => crate::i18n::tr(lang, "link-threads-unread", &[("n", n.into())]),
                    };
                    link("/threads", &text);
                }
            }
            if matches!(user.role, Role::Owner | Role::Moderator | Role::Reviewer) {
                link("/quotes", &word("link-quotes"));
            }
            if user.role == Role::Owner || user.role == Role::Moderator && c.settings.summaries.moderators {
                link("/summaries", &word("link-summaries"));
            }
            Ok(context! { title => c.settings.text("title", lang), status => c.status, links })
        })
        .collect::<poem::Result<_>>()?;
    // The owner runs the appliance: a certificate the CA would not renew is theirs to fix.
    let certificate =
        (user.role == Role::Owner).then(|| state.tls.as_ref()?.acme_status()).flatten().and_then(|s| {
            Some(context! {
                error => s.last_error?,
                since => s.failing_since.map(format_utc),
                next_try => s.next_try.map(format_utc),
                valid_until => s.valid_until.map(format_utc),
            })
        });
    let langs: Vec<_> = Lang::all()
        .into_iter()
        .map(|l| context! { code => l.code(), name => l.name(), chosen => user.lang == Some(l) })
        .collect();
    Ok(view.ok("admin/home.html", context! { campaigns, certificate, langs, chosen => user.lang.is_some() }))
}

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
    Ok(Redirect::see_other("/admin").into_response())
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
    let sessions: Vec<_> = sessions
        .into_iter()
        .map(|(_, std::cmp::Reverse(last_seen), created, this)| context! { created, last_seen, this })
        .collect();
    let ended = q.contains_key("ended");
    Ok(view.signed_in(&user).ok("account/sessions.html", context! { sessions, ended }))
}

#[handler]
pub fn end_other_sessions(state: Data<&Arc<AppState>>, user: StaffUser) -> poem::Result<Response> {
    state.staffing().end_other_sessions(&user.username, &user.session_hash).map_err(internal)?;
    Ok(Redirect::see_other("/account/sessions?ended=1").into_response())
}
