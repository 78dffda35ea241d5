//! Reminders: for each open enrolled campaign, when a send time of its schedule has come,
//! one reminder to every active participant is queued, together with the send time it
//! belongs to (one transaction, so a restart neither repeats nor loses it). A send time
//! found later than the catch-up window (after downtime) is skipped, not sent late.
//!
//! Everyone active is reminded: there is no record of who responded to leave out.

use crate::app::AppState;
use crate::letters::Letters;
use crate::mail::{MailError, row};
use crate::model::campaign::{Audience, Status};
use crate::model::schedule::Due;
use crate::participants::{ParticipantError, Participants};
use crate::store::About;

#[derive(Debug, thiserror::Error)]
pub enum ReminderError {
    #[error(transparent)]
    Participant(#[from] ParticipantError),
    #[error(transparent)]
    Mail(#[from] MailError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Queues what is due at `now`; returns how many reminders were queued.
pub fn run(state: &AppState, now: i64) -> Result<usize, ReminderError> {
    let catch_up = i64::from(state.config.reminders.catch_up_minutes) * 60;
    let people = Participants { store: &state.store, master: &state.master, now };
    let letters = Letters { templates: &state.templates, public_url: &state.config.public_url };
    let mut queued = 0;
    for c in state.store.all_campaigns()? {
        if c.status != Status::Open || c.settings.audience != Audience::Enrolled {
            continue;
        }
        let last: Option<i64> = state.store.mail_state(&format!("reminded:{}", c.id))?;
        match c.settings.reminders.due(&c.settings, last, now, catch_up) {
            Due::Nothing => {}
            Due::Skip(slot) => {
                state.store.enqueue_reminders(&c.id, slot, &[])?;
                tracing::warn!(
                    late_minutes = (now - slot) / 60,
                    "a reminder send time passed while tellpoint was down; skipped"
                );
            }
            Due::Send(slot) => {
                let mut rows = Vec::new();
                for (id, p) in state.store.active_participants(&c.id)? {
                    // An address whose key is already destroyed (an erasure under way) is skipped.
                    let Ok(to) = people.open_address(&c.id, id, &p) else { continue };
                    let about = About::Participant { campaign: c.id.clone(), id };
                    let secret = people.link_secret(&c.id, id);
                    if crate::model::phone::is_number(&to) {
                        let text = letters.reminder_text(&c, p.lang, &to, &secret);
                        rows.push(crate::mail::text_row(&state.master, "reminder", about, &text, now));
                    } else {
                        let mail = letters.reminder(&c, p.lang, &to, &secret)?;
                        rows.push(row(&state.master, "reminder", about, &mail, now));
                    }
                }
                state.store.enqueue_reminders(&c.id, slot, &rows)?;
                tracing::info!(reminders = rows.len(), "reminders queued");
                queued += rows.len();
            }
        }
    }
    if queued > 0 {
        state.mail_wake.notify_one();
        state.text_wake.notify_one();
    }
    Ok(queued)
}
