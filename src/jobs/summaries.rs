//! Summaries: each released period's figures (the very release the dashboard shows) with
//! the approved quotes not yet published, for participants at `/s/{slug}`. Published at
//! the campaign's weekday and local time after the period is released, or by hand.
//! Optionally, enrolled participants get a mail that it is out, queued in the same
//! transaction.

use crate::app::AppState;
use crate::letters::Letters;
use crate::mail::{MailError, row};
use crate::model::campaign::{Audience, Campaign, Status, date_of, day_number};
use crate::model::figures::Release;
use crate::moderation::{ModerationError, parse_key};
use crate::participants::{ParticipantError, Participants};
use crate::store::About;
use crate::store::{StoreError, Summary};

#[derive(Debug, thiserror::Error)]
pub enum SummaryError {
    #[error("that period has no released figures yet; a summary can be published once it has")]
    NotReleased,
    #[error(transparent)]
    Moderation(#[from] ModerationError),
    #[error(transparent)]
    Participant(#[from] ParticipantError),
    #[error(transparent)]
    Mail(#[from] MailError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The key a release's summary is stored under: its first day, or i32::MAX for the whole.
pub fn summary_key(r: &Release) -> i32 {
    if r.whole { i32::MAX } else { r.first }
}

/// The released periods of a campaign with figures to show and no summary yet, oldest first.
pub fn unpublished(state: &AppState, c: &Campaign, now: i64) -> Result<Vec<Release>, StoreError> {
    let published: Vec<i32> = state.store.summaries_of(&c.id)?.into_iter().map(|(k, _)| k).collect();
    Ok(crate::figures::releases(&state.store, c, now)?
        .into_iter()
        .filter(|r| r.responses > 0 && !published.contains(&summary_key(r)))
        .collect())
}

/// Publishes the summary of the release stored under `key`; returns whether it was new.
pub fn publish(state: &AppState, c: &Campaign, key: i32, now: i64) -> Result<bool, SummaryError> {
    let Some(release) = crate::figures::releases(&state.store, c, now)?
        .into_iter()
        .find(|r| summary_key(r) == key && r.responses > 0)
    else {
        return Err(SummaryError::NotReleased);
    };
    let week = summary_key(&release);
    let already: Vec<[u8; 16]> =
        state.store.summaries_of(&c.id)?.into_iter().flat_map(|(_, s)| s.quotes).collect();
    let quotes: Vec<[u8; 16]> = state
        .moderation()
        .approved(c)?
        .iter()
        .filter_map(|q| parse_key(&q.id))
        .filter(|id| !already.contains(id))
        .collect();
    let summary = Summary { quotes, published: day_number(c.settings.today(now)) };
    let mails = if c.settings.summaries.mail && c.settings.audience == Audience::Enrolled {
        let people = Participants { store: &state.store, master: &state.master, now };
        let letters = Letters { templates: &state.templates, public_url: &state.config.public_url };
        let mut rows = Vec::new();
        for (id, p) in state.store.active_participants(&c.id)? {
            // An address whose key is already destroyed (an erasure under way) is skipped.
            let Ok(to) = people.open_address(&c.id, id, &p) else { continue };
            // Summary news goes by mail only: a text per week would cost more than it tells.
            if crate::model::phone::is_number(&to) {
                continue;
            }
            let mail = letters.summary(c, p.lang, &to, &people.link_secret(&c.id, id))?;
            rows.push(row(
                &state.master,
                "summary",
                About::Participant { campaign: c.id.clone(), id },
                &mail,
                now,
            ));
        }
        rows
    } else {
        Vec::new()
    };
    let fresh = state.store.publish_summary(&c.id, week, &summary, &mails)?;
    if fresh {
        tracing::info!(mails = mails.len(), "summary published");
        if !mails.is_empty() {
            state.mail_wake.notify_one();
        }
    }
    Ok(fresh)
}

/// Publishes every summary due at `now`; returns how many.
pub fn run(state: &AppState, now: i64) -> Result<usize, SummaryError> {
    let mut published = 0;
    for c in state.store.all_campaigns()? {
        if c.status == Status::Draft || !c.settings.summaries.auto {
            continue;
        }
        for release in unpublished(state, &c, now)? {
            let monday = date_of(crate::figures::tally::monday_of(release.last));
            let due = c.settings.summaries.due_at(monday, &c.settings);
            if due.is_some_and(|at| at <= now) && publish(state, &c, summary_key(&release), now)? {
                published += 1;
            }
        }
    }
    Ok(published)
}
