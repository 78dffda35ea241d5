//! Erasing a campaign now (owner, after typing its title) and the erasure log.

use std::sync::Arc;

use minijinja::context;
use poem::web::{Data, Form, Path};
use poem::{Response, handler};
use serde::Deserialize;

use super::AppState;
use super::campaigns::campaign_of;
use super::internal;
use super::render::View;
use super::session::StaffUser;
use crate::erasure::{Erasure, ErasureError};
use crate::model::campaign::date_of;
use crate::store::Role;

#[handler]
pub fn show_erase(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let c = campaign_of(&state, &id)?;
    Ok(view.signed_in(&user).ok("admin/erase.html", context! { c, typed => "" }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EraseForm {
    title: String,
}

/// Runs an erasure on the blocking pool: a large campaign takes seconds, and the runtime's
/// few threads go on serving requests meanwhile.
async fn blocking<T: Send + 'static>(
    state: &Arc<AppState>,
    work: impl FnOnce(&Erasure) -> T + Send + 'static,
) -> poem::Result<T> {
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        work(&Erasure { store: &state.store, defaults: &state.config.retention, now: state.clock.now() })
    })
    .await
    .map_err(internal)
}

#[handler]
pub async fn erase_campaign(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    Form(form): Form<EraseForm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let c = campaign_of(&state, &id)?;
    let (typed, by) = (form.title.clone(), user.username.clone());
    let erased = {
        let c = c.clone();
        blocking(&state, move |erasure| erasure.erase_campaign(&c, &typed, &by)).await?
    };
    match erased {
        Ok(_) => Ok(super::render::done("/admin/erasure", "campaign-erased")),
        Err(e @ ErasureError::TitleMismatch) => {
            let ctx = context! { c, typed => form.title, error => e.to_string() };
            Ok(view.signed_in(&user).invalid("admin/erase.html", ctx))
        }
        Err(e) => Err(internal(e)),
    }
}

#[handler]
pub fn show_erasure_log(state: Data<&Arc<AppState>>, view: View, user: StaffUser) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let entries: Vec<_> = state
        .store
        .erasure_log(500)?
        .into_iter()
        .map(|e| context! { day => date_of(e.day).to_string(), class => e.class, campaign => e.campaign, count => e.count })
        .collect();
    Ok(view.signed_in(&user).ok("admin/erasure.html", context! { entries }))
}

/// The erasure run, started by an owner from the erasure log page.
#[handler]
pub async fn run_erasure(
    state: Data<&Arc<AppState>>,
    user: StaffUser,
    Form(confirm): Form<super::Confirm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    confirm.check()?;
    blocking(&state, |erasure| erasure.run()).await??;
    state.store.append_audit(state.clock.now(), &user.username, "erasure.run", "")?;
    Ok(super::render::done("/admin/erasure", "erasure-run"))
}
