//! Removes staff sessions and one-time links whose time is up.

use crate::staff::session_expired;
use crate::store::StoreError;
use crate::web::AppState;

pub fn run(state: &AppState, now: i64) -> Result<(), StoreError> {
    let sessions = state.store.delete_sessions_where(|s| session_expired(s, now, &state.config.session))?;
    let links = state.store.delete_expired_tokens(now)?;
    state.form_limiter.prune();
    if sessions + links > 0 {
        tracing::info!(sessions, links, "removed expired sessions and links");
    }
    Ok(())
}
