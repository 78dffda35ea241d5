//! The desk: does the work of enrolment and rights requests after their page has answered
//! (see `app::DeskRequest`). Whether the address is new, enrolled, not on the allow-list or
//! unknown changes only what happens here — which mail, if any, is queued — never what the
//! request's page shows or how long it takes.

use std::sync::Arc;

use crate::app::{AppState, DeskRequest};
use crate::model::phone::is_number;
use crate::participants::Enrolled;
use crate::store::About;

#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error(transparent)]
    Participant(#[from] crate::participants::ParticipantError),
    #[error(transparent)]
    Mail(#[from] crate::mail::MailError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Serves the desk's queue until the process ends (one request at a time, on the blocking
/// pool).
pub async fn run(state: Arc<AppState>) {
    let Some(mut inbox) = state.take_desk_inbox() else { return };
    while let Some(request) = inbox.recv().await {
        let state = state.clone();
        match tokio::task::spawn_blocking(move || handle(&state, request)).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::error!(error = %e, "a participant's request could not be handled"),
            Err(_) => tracing::error!("a participant's request panicked"),
        }
    }
}

/// Does what one request asks: enrols (or mails the link again), or mails a rights link.
pub fn handle(state: &AppState, request: DeskRequest) -> Result<(), DeskError> {
    let letters = state.letters();
    let people = state.participants();
    match request {
        DeskRequest::Enrol { campaign: c, address, lang } => match people.enrol(&c, &address, lang)? {
            // A number (E.164, "+…") gets texts, an address mail.
            Enrolled::Confirm { token, participant } => {
                let about = About::Participant { campaign: c.id.clone(), id: participant };
                if is_number(&address) {
                    state.queue_text("confirm", about, &letters.confirm_text(&c, lang, &address, &token))?;
                } else {
                    state.queue_mail("confirm", about, &letters.confirm(&c, lang, &address, &token)?)?;
                }
            }
            Enrolled::AlreadyActive { link, participant } => {
                let about = About::Participant { campaign: c.id.clone(), id: participant };
                if is_number(&address) {
                    state.queue_text("link", about, &letters.already_text(&c, lang, &address, &link))?;
                } else {
                    state.queue_mail("link", about, &letters.already(&c, lang, &address, &link)?)?;
                }
            }
            Enrolled::NotAllowed => {}
        },
        DeskRequest::Access { address, lang } => {
            if let Some(token) = people.request_access(&address)? {
                let about = About::Address(people.address_hash(&address));
                if is_number(&address) {
                    state.queue_text("access", about, &letters.access_text(lang, &address, &token))?;
                } else {
                    state.queue_mail("access", about, &letters.access(lang, &address, &token)?)?;
                }
            }
        }
    }
    Ok(())
}
