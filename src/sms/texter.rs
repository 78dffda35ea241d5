//! The texter: takes due texts from the outbox, hands them to the SMS gateway within the
//! rate and the month's cap, and settles the outcomes like the mailer does. A gateway that
//! is down defers the text (backoff, retried); a refusal drops it. Logs count texts, never
//! name a number.

use std::sync::Arc;
use std::time::Duration;

use crate::config::Config;
use crate::keys::MasterKey;
use crate::mail::{Text, backoff, open_queued};
use crate::store::{Channel, Settle, Store};

const BATCH: usize = 256;

/// The month a moment falls in, as the cap counts it (UTC): "2026-11".
pub fn month_of(now: i64) -> String {
    jiff::Timestamp::from_second(now).unwrap_or_default().strftime("%Y-%m").to_string()
}

pub struct Texter {
    pub store: Arc<Store>,
    pub config: Config,
    pub master: Arc<MasterKey>,
    pub clock: crate::clock::Clock,
    pub wake: Arc<tokio::sync::Notify>,
}

impl Texter {
    pub async fn run(self) {
        let sms = self.config.sms.clone();
        if !sms.enabled {
            return;
        }
        let per_second = std::num::NonZeroU32::new(sms.per_second).unwrap_or(std::num::NonZeroU32::MIN);
        let limiter = governor::DefaultDirectRateLimiter::direct(governor::Quota::per_second(per_second));
        let mut capped_logged = String::new();
        loop {
            let now = self.clock.now();
            let month = month_of(now);
            let due = match self.store.due_mail(now, BATCH, Channel::Text) {
                Ok(due) => due,
                Err(e) => {
                    tracing::error!(error = %e, "cannot read the outbox");
                    self.sleep(Some(now + 5)).await;
                    continue;
                }
            };
            if due.is_empty() {
                let next = self.store.next_mail_at(Channel::Text).ok().flatten();
                self.sleep(next).await;
                continue;
            }
            let mut sent_this_month = self.store.texts_sent(&month).unwrap_or(0);
            let (mut outcomes, mut sent, mut deferred, mut refused) = (Vec::new(), 0, 0, 0);
            let mut first_error = None;
            for (id, row) in due {
                if sms.monthly_cap > 0 && sent_this_month >= u64::from(sms.monthly_cap) {
                    // Texts wait in the outbox for the next month or a higher cap.
                    if capped_logged != month {
                        tracing::warn!(
                            cap = sms.monthly_cap,
                            "the monthly cap of texts is reached; texts wait"
                        );
                        capped_logged = month.clone();
                    }
                    break;
                }
                limiter.until_ready().await;
                let Some(text) = open_queued::<Text>(&self.store, &self.master, id, &row) else {
                    outcomes.push((id, Settle::Rejected));
                    continue;
                };
                let outcome = match super::send(&sms, &text.to, &text.body).await {
                    Ok(_) => {
                        sent += 1;
                        sent_this_month += 1;
                        Settle::Sent
                    }
                    Err(e) if e.transient() => {
                        deferred += 1;
                        first_error.get_or_insert_with(|| e.to_string());
                        Settle::Retry { next_attempt: self.clock.now() + backoff(row.attempts) }
                    }
                    Err(e) => {
                        refused += 1;
                        first_error.get_or_insert_with(|| e.to_string());
                        Settle::Rejected
                    }
                };
                outcomes.push((id, outcome));
            }
            if let Err(e) = self.store.settle_mail(&outcomes, Channel::Text, &month) {
                tracing::error!(error = %e, "cannot settle texts; they will be sent again");
            }
            // One line per round: a text's time would tell when someone enrolled.
            match first_error {
                None => tracing::info!(sent, "text round done"),
                Some(error) => {
                    let error =
                        error.split(' ').filter(|w| !w.starts_with('+')).collect::<Vec<_>>().join(" ");
                    tracing::warn!(sent, deferred, refused, error, "text round done with failures");
                }
            }
            if outcomes.is_empty() {
                // Capped: look again in a minute (a new month, or a restart with a higher cap).
                self.sleep(Some(self.clock.now() + 60)).await;
            }
        }
    }

    async fn sleep(&self, until: Option<i64>) {
        let wait = until.map_or(30, |t| (t - self.clock.now()).clamp(1, 30)) as u64;
        let _ = tokio::time::timeout(Duration::from_secs(wait), self.wake.notified()).await;
    }
}
