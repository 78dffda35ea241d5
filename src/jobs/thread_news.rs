//! Thread news: once a day, at 08:00 in each campaign's time zone, a mail to the campaign's
//! follow-up address when threads have messages nobody has read. It counts threads and
//! never quotes them; and because it goes at a fixed hour, its time says nothing about
//! when a respondent wrote.

use crate::app::AppState;
use crate::letters::Letters;
use crate::mail::{MailError, row};
use crate::model::campaign::day_number;
use crate::store::About;

const NEWS_AT: jiff::civil::Time = jiff::civil::Time::constant(8, 0, 0, 0);

#[derive(Debug, thiserror::Error)]
pub enum ThreadNewsError {
    #[error(transparent)]
    Mail(#[from] MailError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Queues the day's thread news that is due at `now`; returns how many mails.
pub fn run(state: &AppState, now: i64) -> Result<usize, ThreadNewsError> {
    let letters = Letters { templates: &state.templates, public_url: &state.config.public_url };
    let mut queued = 0;
    for c in state.store.all_campaigns()? {
        let to = &c.settings.follow_up_notify;
        let local = jiff::Timestamp::from_second(now).unwrap_or_default().to_zoned(c.settings.tz());
        if to.is_empty() || local.time() < NEWS_AT {
            continue;
        }
        let today = day_number(local.date());
        let name = format!("thread-news:{}", c.id);
        if state.store.mail_state::<i32>(&name)? == Some(today) {
            continue;
        }
        let unread = state.store.threads_of(&c.id)?.iter().filter(|(_, t)| t.unread_by_staff).count();
        let mut rows = Vec::new();
        if unread > 0 {
            rows.push(row(
                &state.master,
                "thread-news",
                About::Nobody,
                &letters.thread_news(&c, to, unread)?,
                now,
            ));
            queued += 1;
        }
        state.store.enqueue_with_state(&name, &today, &rows)?;
    }
    if queued > 0 {
        state.mail_wake.notify_one();
    }
    Ok(queued)
}
