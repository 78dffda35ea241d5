//! Removes staff sessions, one-time links, participant links and tickets whose time is up,
//! enrolments left unconfirmed past their link, and delivery-report ids no report came for.

use crate::app::AppState;
use crate::participants::{ParticipantError, Participants};
use crate::staff::session_expired;

pub fn run(state: &AppState, now: i64) -> Result<(), ParticipantError> {
    let sessions = state.store.delete_sessions_where(|s| session_expired(s, now, &state.config.session))?;
    let links = state.store.delete_expired_tokens(now)? + state.store.delete_expired_tickets(now)?;
    let unconfirmed = Participants { store: &state.store, master: &state.master, now }.drop_unconfirmed()?;
    if unconfirmed > 0 {
        tracing::info!(unconfirmed, "erased enrolments never confirmed");
    }
    state.form_limiter.prune();
    state.change_limiter.prune();
    // Draft expiry days are in each campaign's time zone; a day of margin covers them all.
    let utc_day = now.div_euclid(86_400) as i32;
    let drafts = state.store.delete_expired_drafts(utc_day - 1)?;
    let reports = state.store.expire_reports(utc_day)?;
    if sessions + links + drafts + reports > 0 {
        tracing::info!(
            sessions,
            links,
            drafts,
            reports,
            "removed expired sessions, links, drafts and report ids"
        );
    }
    Ok(())
}
