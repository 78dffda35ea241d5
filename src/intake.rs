//! Taking in responses. One writer thread owns the write path and commits whatever has
//! queued up while the previous commit was syncing (group commit); each submitter is told
//! only after the commit that holds its response.

use std::sync::Arc;

use sha2::{Digest, Sha256};
use tokio::sync::{mpsc, oneshot};

use crate::keys::DataKey;
use crate::model::campaign::{Campaign, day_number};
use crate::model::questionnaire::Questionnaire;
use crate::model::response::{Submission, slots};
use crate::store::{NewResponse, Recorded, Store, StoreError, StoredResponse, TicketUse};

const QUEUE: usize = 4096;
const MAX_BATCH: usize = 256;
/// A form's nonce is remembered this many days, so a re-sent form is not counted twice.
const NONCE_DAYS: i32 = 2;

struct Job {
    response: NewResponse,
    done: oneshot::Sender<Result<Recorded, String>>,
}

/// What a response's stories are sealed under.
pub struct StoryKey<'a> {
    pub key: &'a DataKey,
    pub scope: String,
    /// The campaign's own story key (not its data key).
    pub own: bool,
}

impl<'a> StoryKey<'a> {
    /// The story key of a live campaign, or its data key for campaigns without one.
    pub fn of(live: &'a crate::campaigns::Live) -> StoryKey<'a> {
        match &live.story_key {
            Some(key) => {
                StoryKey { key, scope: crate::model::campaign::stories_scope(&live.campaign.id), own: true }
            }
            None => StoryKey { key: &live.key, scope: live.campaign.scope(), own: false },
        }
    }
}

pub struct Intake {
    tx: mpsc::Sender<Job>,
    writer: Option<std::thread::JoinHandle<()>>,
}

/// Closing the queue ends the writer once it has stored what was queued; joining it lets
/// the store close cleanly before the process exits.
impl Drop for Intake {
    fn drop(&mut self) {
        let (closed, _) = mpsc::channel(1);
        drop(std::mem::replace(&mut self.tx, closed));
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error("the response could not be stored: {0}")]
    Store(String),
}

impl From<StoreError> for IntakeError {
    fn from(e: StoreError) -> Self {
        IntakeError::Store(e.to_string())
    }
}

impl Intake {
    pub fn start(store: Arc<Store>) -> Intake {
        let (tx, mut rx) = mpsc::channel::<Job>(QUEUE);
        let writer = std::thread::Builder::new()
            .name("intake-writer".into())
            .spawn(move || {
                while let Some(first) = rx.blocking_recv() {
                    let mut jobs = vec![first];
                    while jobs.len() < MAX_BATCH {
                        match rx.try_recv() {
                            Ok(job) => jobs.push(job),
                            Err(_) => break,
                        }
                    }
                    let (responses, waiters): (Vec<_>, Vec<_>) =
                        jobs.into_iter().map(|j| (j.response, j.done)).unzip();
                    match store.record_responses(&responses) {
                        Ok(outcomes) => {
                            for (done, recorded) in waiters.into_iter().zip(outcomes) {
                                let _ = done.send(Ok(recorded));
                            }
                        }
                        Err(e) => {
                            tracing::error!(error = %e, batch = waiters.len(), "could not store responses");
                            for done in waiters {
                                let _ = done.send(Err(e.to_string()));
                            }
                        }
                    }
                }
            })
            .expect("the writer thread starts");
        Intake { tx, writer: Some(writer) }
    }

    /// Stores one response durably, using `ticket` and recording `receipt` (its hash) in the
    /// same transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn submit(
        &self,
        campaign: &Campaign,
        q: &Questionnaire,
        stories: StoryKey<'_>,
        submission: &Submission,
        nonce: &str,
        ticket: Option<TicketUse>,
        receipt: Option<[u8; 32]>,
        now: i64,
    ) -> Result<Recorded, IntakeError> {
        let period = day_number(campaign.settings.period_of(now));
        let sealed_stories = (!submission.stories.is_empty()).then(|| {
            let json = serde_json::to_vec(&submission.stories).expect("strings serialise");
            stories.key.seal(&stories.scope, &json)
        });
        let response = NewResponse {
            campaign_id: campaign.id.clone(),
            record: StoredResponse {
                version: campaign.version,
                period,
                answers: submission.answers.clone(),
                sealed_stories,
                story_key: stories.own,
            },
            slots: slots(q, &submission.answers),
            nonce_hash: Sha256::digest(nonce.as_bytes()).into(),
            nonce_keep_until: day_number(campaign.settings.today(now)) + NONCE_DAYS,
            ticket,
            receipt,
            now,
        };
        let (done, wait) = oneshot::channel();
        self.tx
            .send(Job { response, done })
            .await
            .map_err(|_| IntakeError::Store("the writer stopped".into()))?;
        wait.await.map_err(|_| IntakeError::Store("the writer stopped".into()))?.map_err(IntakeError::Store)
    }
}
