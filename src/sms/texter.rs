//! The texter: takes due texts from the outbox, hands them to the SMS gateway within the
//! rate and the month's cap, and settles the outcomes like the mailer does. A gateway that
//! is down defers the text (backoff, retried); a refusal drops it. Logs count texts, never
//! name a number.

use std::sync::Arc;
use std::time::Duration;

use crate::config::Config;
use crate::keys::MasterKey;
use crate::mail::{Text, backoff, open_queued};
use crate::store::{Channel, Settle, Store, Tally};

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
        let mut expired_on = 0;
        loop {
            let now = self.clock.now();
            let month = month_of(now);
            let today = (now / 86_400) as i32;
            let due = match self.store.due_mail(now, BATCH, Channel::Text) {
                Ok(due) => due,
                Err(e) => {
                    tracing::error!(error = %e, "cannot read the outbox");
                    self.sleep(Some(now + 5)).await;
                    continue;
                }
            };
            if due.is_empty() {
                if expired_on != today {
                    if let Err(e) = self.store.expire_reports(today) {
                        tracing::error!(error = %e, "cannot expire delivery reports");
                    }
                    expired_on = today;
                }
                let next = self.store.next_mail_at(Channel::Text).ok().flatten();
                self.sleep(next).await;
                continue;
            }
            let sent_before = self.store.texts_sent(&month).unwrap_or(0);
            let room = match sms.monthly_cap {
                0 => usize::MAX,
                cap => u64::from(cap).saturating_sub(sent_before) as usize,
            };
            if room < due.len() && capped_logged != month {
                // Texts wait in the outbox for the next month or a higher cap.
                tracing::warn!(cap = sms.monthly_cap, "the monthly cap of texts is reached; texts wait");
                capped_logged = month.clone();
            }
            let due: Vec<_> = due.into_iter().take(room).collect();
            // Report ids are stored before the texts go: a report may come back at once.
            let reports: Vec<Option<[u8; 16]>> = due
                .iter()
                .map(|_| {
                    sms.incoming_token.is_set().then(|| {
                        let mut id = [0; 16];
                        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut id);
                        id
                    })
                })
                .collect();
            let expected: Vec<[u8; 16]> = reports.iter().flatten().copied().collect();
            if let Err(e) = self.store.expect_reports(&expected, today) {
                tracing::error!(error = %e, "cannot store delivery report ids; texts wait");
                self.sleep(Some(now + 5)).await;
                continue;
            }
            let (mut outcomes, mut unsent, mut segments) = (Vec::new(), Vec::new(), 0);
            let (mut sent, mut deferred, mut refused) = (0, 0, 0);
            let mut first_error = None;
            for ((id, row), report) in due.into_iter().zip(reports) {
                limiter.until_ready().await;
                let Some(text) = open_queued::<Text>(&self.store, &self.master, id, &row) else {
                    outcomes.push((id, Settle::Rejected));
                    unsent.extend(report);
                    continue;
                };
                let report_url = report.map(|r| self.report_url(r));
                let outcome = match super::send(&sms, &text.to, &text.body, report_url.as_deref()).await {
                    Ok(_) => {
                        sent += 1;
                        segments += super::segments(&text.body).1 as u64;
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
                if outcome != Settle::Sent {
                    unsent.extend(report);
                }
                outcomes.push((id, outcome));
            }
            if let Err(e) = self.store.settle_mail(&outcomes, Tally::Text { month: &month, segments }) {
                tracing::error!(error = %e, "cannot settle texts; they will be sent again");
            }
            if let Err(e) = self.store.forget_reports(&unsent) {
                tracing::error!(error = %e, "cannot forget the report ids of unsent texts");
            }
            // One line per round: a text's time would tell when someone enrolled.
            match first_error {
                None if outcomes.is_empty() => {}
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

    /// Where the gateway reports a text's delivery: the report id and the token that
    /// proves the report comes from the gateway.
    fn report_url(&self, id: [u8; 16]) -> String {
        format!(
            "{}/sms/report?token={}&r={}",
            self.config.public_url.trim_end_matches('/'),
            self.config.sms.incoming_token.expose(),
            data_encoding::HEXLOWER.encode(&id)
        )
    }

    async fn sleep(&self, until: Option<i64>) {
        let wait = until.map_or(30, |t| (t - self.clock.now()).clamp(1, 30)) as u64;
        let _ = tokio::time::timeout(Duration::from_secs(wait), self.wake.notified()).await;
    }
}
