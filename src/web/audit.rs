//! The audit log, newest first, a page at a time (owner only).

use std::sync::Arc;

use minijinja::context;
use poem::web::{Data, Query};
use poem::{Response, handler};
use serde::Deserialize;

use super::AppState;
use std::collections::HashMap;

use super::render::{View, local_time};
use super::session::StaffUser;
use crate::i18n::t;
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
    let view = view.signed_in(&user);
    let lang = view.lang();
    // Campaigns by id, so that a line names the campaign instead of its id.
    let titles: HashMap<String, String> = state
        .store
        .all_campaigns()?
        .into_iter()
        .map(|c| (c.id.clone(), c.settings.text("title", lang)))
        .collect();
    let entries: Vec<_> = entries
        .iter()
        .map(|e| {
            let key = format!("audit-act-{}", e.action.replace(['.', '_'], "-"));
            let action = if crate::i18n::has(&key) { t(lang, &key).to_string() } else { e.action.clone() };
            context! {
                seq => e.seq, at => local_time(&state, e.at, lang), actor => e.actor, action,
                subject => subject(&e.target, &titles, lang),
            }
        })
        .collect();
    Ok(view.ok("admin/audit.html", context! { entries, total, page, pages, chain_ok }))
}

/// What an entry is about, in words: a campaign by its title (an erased one as such), a
/// role or a username as they are; the ids of quotes and threads are left out.
fn subject(target: &str, titles: &HashMap<String, String>, lang: crate::model::Lang) -> String {
    let mut words = target.split(' ');
    let first = words.next().unwrap_or("");
    let is_id = |w: &str| w.len() == 32 && w.chars().all(|c| c.is_ascii_hexdigit());
    if is_id(first) {
        return titles.get(first).cloned().unwrap_or_else(|| t(lang, "audit-erased-campaign").to_string());
    }
    if let Some(role) = crate::store::Role::parse(first).filter(|_| words.next().is_none()) {
        return t(lang, &format!("role-{}", role.as_str())).to_string();
    }
    target.split(' ').filter(|w| !is_id(w)).collect::<Vec<_>>().join(" ")
}
