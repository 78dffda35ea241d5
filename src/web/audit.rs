//! The audit log, newest first, a page at a time (owner only).

use std::sync::Arc;

use minijinja::context;
use poem::web::{Data, Query};
use poem::{Response, handler};
use serde::Deserialize;

use super::AppState;
use super::render::View;
use super::session::StaffUser;
use crate::store::Role;

const PAGE: usize = 50;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PageQuery {
    page: usize,
}

#[handler]
pub fn show_audit(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Query(q): Query<PageQuery>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let page = q.page.max(1);
    let (entries, total) = state.store.audit_page((page - 1) * PAGE, PAGE)?;
    let pages = (total as usize).div_ceil(PAGE).max(1);
    let chain_ok = state.store.verify_audit()?.is_ok();
    Ok(view.signed_in(&user).ok("admin/audit.html", context! { entries, total, page, pages, chain_ok }))
}
