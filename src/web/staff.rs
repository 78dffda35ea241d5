//! Staff management (owner only): invite by one-time link, change roles, disable and
//! re-enable, force TOTP re-enrolment.

use std::sync::Arc;

use minijinja::context;
use poem::web::{Data, Form, Path};
use poem::{Response, handler};
use serde::Deserialize;

use super::AppState;
use super::internal;
use super::render::View;
use super::session::StaffUser;
use crate::staff::{INVITE_TTL_SECS, StaffError};
use crate::store::Role;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RoleForm {
    role: String,
}

fn staff_page(state: &AppState, view: &View, error: Option<&str>) -> poem::Result<Response> {
    let mut staff = state.store.all_staff()?;
    staff.sort_by(|a, b| a.username.cmp(&b.username));
    let rows: Vec<_> = staff
        .iter()
        .map(|s| {
            context! {
                username => s.username, role => s.role.as_str(), disabled => s.disabled,
                mfa => s.totp_sealed.is_some(), created => s.created,
            }
        })
        .collect();
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
    let lang = view.lang();
    let invites: Vec<_> = state
        .staffing()
        .pending_invites()?
        .into_iter()
        .map(|(id, r)| {
            context! {
                id, role => r.role.as_str(), by => r.created_by,
                expires => super::render::local_time(state, r.expires, lang),
                started => r.pending.map(|p| p.username),
            }
        })
        .collect();
    let ctx = context! { staff => rows, roles, error, invites };
    Ok(view.form("admin/staff.html", ctx, error.is_some()))
}

#[handler]
pub fn list_staff(state: Data<&Arc<AppState>>, view: View, user: StaffUser) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    staff_page(&state, &view.signed_in(&user), None)
}

#[handler]
pub fn revoke_invite(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    match state.staffing().revoke_invite(&user.username, &id) {
        Ok(()) => Ok(super::render::done("/admin/staff", "invite-revoked")),
        Err(StaffError::LinkInvalid) => {
            let view = view.signed_in(&user);
            staff_page(&state, &view, Some(crate::i18n::t(view.lang(), "staff-invite-gone")))
        }
        Err(e) => Err(internal(e)),
    }
}

#[handler]
pub fn create_invite(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Form(form): Form<RoleForm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let view = view.signed_in(&user);
    let Some(role) = Role::parse(&form.role) else {
        return staff_page(&state, &view, Some("Choose a role for the invite."));
    };
    let token = state.staffing().invite(&user.username, role)?;
    let link = state.url(&format!("/setup/{token}"));
    Ok(view.ok(
        "admin/invite_created.html",
        context! { link, role => role.as_str(), days => INVITE_TTL_SECS / 86_400 },
    ))
}

/// Runs an owner action on one account; input problems re-render the staff page.
fn act(
    state: &AppState,
    view: View,
    user: &StaffUser,
    action: impl FnOnce(&crate::staff::Staffing) -> Result<(), StaffError>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let view = view.signed_in(user);
    match action(&state.staffing()) {
        Ok(()) => Ok(super::render::done("/admin/staff", "staff-saved")),
        Err(StaffError::Input { message, .. }) => {
            let error = crate::i18n::t(view.lang(), message);
            staff_page(state, &view, Some(error))
        }
        Err(StaffError::UnknownUser(_)) => Err(poem::Error::from_status(poem::http::StatusCode::NOT_FOUND)),
        Err(e) => Err(internal(e)),
    }
}

#[handler]
pub fn change_role(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(username): Path<String>,
    Form(form): Form<RoleForm>,
) -> poem::Result<Response> {
    let Some(role) = Role::parse(&form.role) else {
        user.require(Role::Owner)?;
        return staff_page(&state, &view.signed_in(&user), Some("Choose one of the listed roles."));
    };
    act(&state, view, &user, |s| s.set_role(&user.username, &username, role))
}

#[handler]
pub fn disable_staff(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(username): Path<String>,
    Form(confirm): Form<super::Confirm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    confirm.check()?;
    act(&state, view, &user, |s| s.set_disabled(&user.username, &username, true))
}

#[handler]
pub fn enable_staff(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(username): Path<String>,
) -> poem::Result<Response> {
    act(&state, view, &user, |s| s.set_disabled(&user.username, &username, false))
}

#[handler]
pub fn reset_staff_mfa(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(username): Path<String>,
    Form(confirm): Form<super::Confirm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    confirm.check()?;
    let view = view.signed_in(&user);
    match state.staffing().reset_mfa(&user.username, &username) {
        Ok(token) => {
            let link = state.url(&format!("/login/reset/{token}"));
            let hours = crate::staff::MFA_RESET_TTL_SECS / 3600;
            Ok(view.ok("admin/mfa_reset_created.html", context! { link, username, hours }))
        }
        Err(StaffError::UnknownUser(_)) => Err(poem::Error::from_status(poem::http::StatusCode::NOT_FOUND)),
        Err(e) => Err(internal(e)),
    }
}
