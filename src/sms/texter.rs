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
/// Texts handed to the gateway at once.
const IN_FLIGHT: usize = 8;

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
            let mut round = Round::default();
            // Several texts in flight: a cloud gateway answers in a tenth of a second or more,
            // and one at a time that alone would hold the rate below what the account takes.
            let mut in_flight = tokio::task::JoinSet::new();
            let mut tasks = std::collections::HashMap::new();
            for ((id, row), report) in due.into_iter().zip(reports) {
                limiter.until_ready().await;
                let Some(text) = open_queued::<Text>(&self.store, &self.master, id, &row) else {
                    round.outcomes.push((id, Settle::Rejected));
                    round.unsent.extend(report);
                    continue;
                };
                while in_flight.len() >= IN_FLIGHT {
                    round.join(&mut in_flight, &mut tasks, self.clock.now()).await;
                }
                let (sms, report_url) = (sms.clone(), report.map(|r| self.report_url(r)));
                let task = in_flight.spawn(async move {
                    let outcome = super::send(&sms, &text.to, &text.body, report_url.as_deref()).await;
                    (super::segments(&text.body).1, outcome)
                });
                tasks.insert(task.id(), Sending { id, attempts: row.attempts, report });
            }
            while !in_flight.is_empty() {
                round.join(&mut in_flight, &mut tasks, self.clock.now()).await;
            }
            let Round { outcomes, unsent, segments, sent, deferred, refused, first_error } = round;
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

/// A text being handed over: what its outcome settles.
struct Sending {
    id: [u8; 16],
    attempts: u32,
    report: Option<[u8; 16]>,
}

/// A hand-over's segments and the gateway's answer.
type Handover = (usize, Result<String, super::SendError>);

/// What became of a round's texts.
#[derive(Default)]
struct Round {
    outcomes: Vec<([u8; 16], Settle)>,
    /// Report ids of texts that did not go.
    unsent: Vec<[u8; 16]>,
    segments: u64,
    sent: u64,
    deferred: u64,
    refused: u64,
    first_error: Option<String>,
}

impl Round {
    /// Waits for one hand-over to end and records it; a task that failed (panicked) leaves its
    /// text to be tried again later.
    async fn join(
        &mut self,
        in_flight: &mut tokio::task::JoinSet<Handover>,
        tasks: &mut std::collections::HashMap<tokio::task::Id, Sending>,
        now: i64,
    ) {
        let (task, outcome) = match in_flight.join_next_with_id().await {
            Some(Ok((task, (segments, outcome)))) => (task, outcome.map(|_| segments)),
            Some(Err(e)) => (e.id(), Err(super::SendError::Down("the hand-over failed".into()))),
            None => return,
        };
        let Some(sending) = tasks.remove(&task) else { return };
        let settle = match outcome {
            Ok(segments) => {
                self.sent += 1;
                self.segments += segments as u64;
                Settle::Sent
            }
            Err(e) if e.transient() => {
                self.deferred += 1;
                self.first_error.get_or_insert_with(|| e.to_string());
                Settle::Retry { next_attempt: now + backoff(sending.attempts) }
            }
            Err(e) => {
                self.refused += 1;
                self.first_error.get_or_insert_with(|| e.to_string());
                Settle::Rejected
            }
        };
        if settle != Settle::Sent {
            self.unsent.extend(sending.report);
        }
        self.outcomes.push((sending.id, settle));
    }
}
