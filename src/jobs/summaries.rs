//! Weekly summaries: after each week of a campaign ends, at the campaign's weekday and local
//! time, the week's k-safe figures and the approved quotes not yet published are stored as
//! a snapshot. The owner can also publish an ended week by hand. Optionally, enrolled
//! participants get a mail that it is out, queued in the same transaction.

use jiff::civil::Date;

use crate::app::AppState;
use crate::dashboard::{Counts, figures, monday_of};
use crate::letters::Letters;
use crate::mail::{MailError, row};
use crate::model::campaign::{Audience, Campaign, Status, date_of, day_number};
use crate::moderation::{ModerationError, parse_key};
use crate::participants::{ParticipantError, Participants};
use crate::store::About;
use crate::store::{StoreError, Summary};

#[derive(Debug, thiserror::Error)]
pub enum SummaryError {
    #[error("that week has not ended yet; a summary can be published once it has")]
    NotEnded,
    #[error("that week is not part of the campaign")]
    OutsideCampaign,
    #[error(transparent)]
    Moderation(#[from] ModerationError),
    #[error(transparent)]
    Participant(#[from] ParticipantError),
    #[error(transparent)]
    Mail(#[from] MailError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The ended, unpublished weeks of a campaign at `now`, oldest first.
pub fn unpublished(state: &AppState, c: &Campaign, now: i64) -> Result<Vec<Date>, StoreError> {
    let published: Vec<i32> = state.store.summaries_of(&c.id)?.into_iter().map(|(w, _)| w).collect();
    let this_week = monday_of(day_number(c.settings.today(now)));
    let first = monday_of(day_number(c.settings.start));
    let last = monday_of(day_number(c.settings.end));
    Ok((first..=last.min(this_week - 7)).step_by(7).filter(|w| !published.contains(w)).map(date_of).collect())
}

/// Publishes the summary of the week starting `monday`; returns whether it was new.
pub fn publish(state: &AppState, c: &Campaign, monday: Date, now: i64) -> Result<bool, SummaryError> {
    let week = day_number(monday);
    if week != monday_of(week) || week < monday_of(day_number(c.settings.start)) || monday > c.settings.end {
        return Err(SummaryError::OutsideCampaign);
    }
    if week + 7 > day_number(c.settings.today(now)) {
        return Err(SummaryError::NotEnded);
    }
    // The newest questionnaire version answered that week.
    let mut chosen = None;
    for version in (1..=c.version).rev() {
        let periods: Vec<(i32, Vec<u32>)> = state
            .store
            .counters_of(&c.id, version)?
            .into_iter()
            .filter(|(p, _)| monday_of(*p) == week)
            .collect();
        if !periods.is_empty() || version == 1 {
            chosen = Some((version, periods));
            break;
        }
    }
    let (version, periods) = chosen.expect("version 1 is always chosen");
    let q = state.store.questionnaire(&c.id, version)?.unwrap_or_default();
    let counts = Counts::from_periods(vec![week], &periods, q.layout().1);
    let mut figures = figures(c, &q, version, &counts, None);
    figures.days.clear();
    let already: Vec<[u8; 16]> =
        state.store.summaries_of(&c.id)?.into_iter().flat_map(|(_, s)| s.quotes).collect();
    let quotes: Vec<[u8; 16]> = state
        .moderation()
        .approved(c)?
        .iter()
        .filter_map(|q| parse_key(&q.id))
        .filter(|id| !already.contains(id))
        .collect();
    let summary = Summary { figures, quotes, published: day_number(c.settings.today(now)) };
    let mails = if c.settings.summaries.mail && c.settings.audience == Audience::Enrolled {
        let people = Participants { store: &state.store, master: &state.master, now };
        let letters = Letters { templates: &state.templates, public_url: &state.config.public_url };
        let mut rows = Vec::new();
        for (id, p) in state.store.active_participants(&c.id)? {
            // An address whose key is already destroyed (an erasure under way) is skipped.
            let Ok(to) = people.open_address(&c.id, id, &p) else { continue };
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
        for monday in unpublished(state, &c, now)? {
            let due = c.settings.summaries.due_at(monday, &c.settings);
            if due.is_some_and(|at| at <= now) && publish(state, &c, monday, now)? {
                published += 1;
            }
        }
    }
    Ok(published)
}
