//! The durable outbox: every mail is a row here until the SMTP server accepts it, so a
//! crash or restart loses none (at-least-once). Mail settings and delivery counts live
//! beside it.

use redb::{ReadableTable, ReadableTableMetadata, TableDefinition};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, from_json, to_json};

// sequence number → JSON OutboxRow (the mail itself sealed)
pub(super) const OUTBOX: TableDefinition<u64, &[u8]> = TableDefinition::new("outbox");
// name → JSON value: "from_name", "mail_counts", "reminded:<campaign id>"
pub(super) const MAIL_STATE: TableDefinition<&str, &[u8]> = TableDefinition::new("mail_state");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxRow {
    /// What kind of mail, for logs and counts ("reminder", "confirm", …).
    pub kind: String,
    /// The participant it goes to, so unsubscribing can drop it and rejections be counted.
    pub to_participant: Option<(String, [u8; 16])>,
    /// The rendered mail with its address, sealed under the outbox key of `key_day`.
    pub sealed: Vec<u8>,
    /// Day number whose outbox key sealed it; None: the master-derived key of before.
    #[serde(default)]
    pub key_day: Option<i32>,
    pub attempts: u32,
    /// Unix second of the next attempt.
    pub next_attempt: i64,
    /// Unix second it was queued (outbox rows are kept at most a few days).
    pub queued: i64,
}

/// What became of mail, for the admin panel.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MailCounts {
    pub sent: u64,
    pub deferred: u64,
    pub rejected: u64,
    pub deactivated: u64,
    pub unsubscribed_dropped: u64,
}

impl Store {
    /// Queues mails in one transaction.
    pub fn enqueue_mail(&self, rows: &[OutboxRow]) -> Result<(), StoreError> {
        let tx = self.write()?;
        insert_rows(&tx, rows)?;
        tx.commit()?;
        Ok(())
    }

    /// Up to `limit` mails due at `now`, oldest first.
    pub fn due_mail(&self, now: i64, limit: usize) -> Result<Vec<(u64, OutboxRow)>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(OUTBOX)?;
        let mut due = Vec::new();
        for row in table.iter()? {
            let (k, v) = row?;
            let row: OutboxRow = from_json(v.value())?;
            if row.next_attempt <= now {
                due.push((k.value(), row));
                if due.len() == limit {
                    break;
                }
            }
        }
        Ok(due)
    }

    pub fn outbox_len(&self) -> Result<u64, StoreError> {
        let tx = self.read()?;
        Ok(tx.open_table(OUTBOX)?.len()?)
    }

    /// The earliest next attempt among queued mails.
    pub fn next_mail_at(&self) -> Result<Option<i64>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(OUTBOX)?;
        let mut earliest: Option<i64> = None;
        for row in table.iter()? {
            let row: OutboxRow = from_json(row?.1.value())?;
            earliest = Some(earliest.map_or(row.next_attempt, |e| e.min(row.next_attempt)));
        }
        Ok(earliest)
    }

    /// Settles a batch of attempts in one transaction: delivered and dropped rows go,
    /// deferred ones get their next time; participant rejection counts follow.
    pub fn settle_mail(&self, outcomes: &[(u64, Settle)]) -> Result<MailCounts, StoreError> {
        let tx = self.write()?;
        let counts = {
            let mut outbox = tx.open_table(OUTBOX)?;
            let mut participants = tx.open_table(super::participants::PARTICIPANTS)?;
            let mut state = tx.open_table(MAIL_STATE)?;
            let mut counts: MailCounts = match state.get("mail_counts")? {
                Some(v) => from_json(v.value())?,
                None => MailCounts::default(),
            };
            for (id, outcome) in outcomes {
                let Some(row) = outbox.get(*id)?.map(|v| from_json::<OutboxRow>(v.value())).transpose()?
                else {
                    continue;
                };
                match outcome {
                    Settle::Retry { next_attempt } => {
                        counts.deferred += 1;
                        let row =
                            OutboxRow { attempts: row.attempts + 1, next_attempt: *next_attempt, ..row };
                        outbox.insert(*id, to_json(&row)?.as_slice())?;
                        continue;
                    }
                    Settle::Sent => counts.sent += 1,
                    Settle::Rejected => counts.rejected += 1,
                }
                outbox.remove(*id)?;
                let Some((campaign, pid)) = &row.to_participant else { continue };
                let key = (campaign.as_str(), *pid);
                let Some(mut p) =
                    participants.get(key)?.map(|v| from_json::<super::Participant>(v.value())).transpose()?
                else {
                    continue;
                };
                let before = p.clone();
                if *outcome == Settle::Sent {
                    p.rejections = 0;
                } else {
                    p.rejections = p.rejections.saturating_add(1);
                    if p.rejections >= 3 && p.status == super::ParticipantStatus::Active {
                        p.status = super::ParticipantStatus::Inactive;
                        counts.deactivated += 1;
                    }
                }
                // Untouched unless something changed: delivery leaves the record as it was.
                if p != before {
                    participants.insert(key, to_json(&p)?.as_slice())?;
                }
            }
            state.insert("mail_counts", to_json(&counts)?.as_slice())?;
            counts
        };
        tx.commit()?;
        Ok(counts)
    }

    pub fn mail_counts(&self) -> Result<MailCounts, StoreError> {
        Ok(self.mail_state("mail_counts")?.unwrap_or_default())
    }

    pub fn mail_state<T: serde::de::DeserializeOwned>(&self, name: &str) -> Result<Option<T>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(MAIL_STATE)?;
        let value = table.get(name)?;
        value.map(|v| from_json(v.value())).transpose()
    }

    pub fn set_mail_state<T: Serialize>(&self, name: &str, value: &T) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(MAIL_STATE)?.insert(name, to_json(value)?.as_slice())?;
        tx.commit()?;
        Ok(())
    }

    /// Queues a campaign's reminders and records the send time they belong to, in one
    /// transaction: a crash cannot send a reminder twice or lose one.
    pub fn enqueue_reminders(&self, campaign: &str, slot: i64, rows: &[OutboxRow]) -> Result<(), StoreError> {
        self.enqueue_with_state(&format!("reminded:{campaign}"), &slot, rows)
    }

    /// Queues mail and sets the mail state `name` that says it was queued, in one transaction.
    pub fn enqueue_with_state<T: Serialize>(
        &self,
        name: &str,
        value: &T,
        rows: &[OutboxRow],
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        {
            insert_rows(&tx, rows)?;
            tx.open_table(MAIL_STATE)?.insert(name, to_json(value)?.as_slice())?;
        }
        tx.commit()?;
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settle {
    Sent,
    /// Refused permanently (5xx): dropped and counted.
    Rejected,
    Retry {
        next_attempt: i64,
    },
}

/// Appends rows after the last sequence number.
pub(super) fn insert_rows(tx: &redb::WriteTransaction, rows: &[OutboxRow]) -> Result<(), StoreError> {
    let mut table = tx.open_table(OUTBOX)?;
    let first = table.last()?.map_or(1, |(k, _)| k.value() + 1);
    for (seq, row) in (first..).zip(rows) {
        table.insert(seq, to_json(row)?.as_slice())?;
    }
    Ok(())
}

/// Drops queued mail to one participant (inside the caller's transaction); returns how many.
pub(super) fn drop_mail_of(
    tx: &redb::WriteTransaction,
    campaign: &str,
    id: [u8; 16],
) -> Result<usize, StoreError> {
    let mut table = tx.open_table(OUTBOX)?;
    let before = table.len()?;
    table.retain(|_, v| {
        from_json::<OutboxRow>(v)
            .map_or(true, |row| row.to_participant.as_ref().is_none_or(|(c, p)| c != campaign || *p != id))
    })?;
    let dropped = (before - table.len()?) as usize;
    if dropped > 0 {
        let mut state = tx.open_table(MAIL_STATE)?;
        let mut counts: MailCounts = match state.get("mail_counts")? {
            Some(v) => from_json(v.value())?,
            None => MailCounts::default(),
        };
        counts.unsubscribed_dropped += dropped as u64;
        state.insert("mail_counts", to_json(&counts)?.as_slice())?;
    }
    Ok(dropped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::store::{Participant, ParticipantStatus, ParticipantToken, TokenPurpose};

    fn row(to: (String, [u8; 16])) -> OutboxRow {
        OutboxRow {
            kind: "reminder".into(),
            to_participant: Some(to),
            sealed: vec![1, 2, 3],
            key_day: None,
            attempts: 0,
            next_attempt: 0,
            queued: 0,
        }
    }

    #[test]
    fn three_refusals_in_a_row_pause_a_participant_and_a_delivery_resets_the_count() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap();
        let (campaign, id) = ("c1".to_string(), [9u8; 16]);
        let p = Participant {
            sealed_address: vec![0],
            contact_key: true,
            address_hash: [1; 32],
            lang: Lang::En,
            status: ParticipantStatus::Active,
            enrolled: 0,
            rejections: 0,
        };
        let token = ParticipantToken { purpose: TokenPurpose::Access { address_hash: [1; 32] }, expires: 0 };
        assert!(store.add_participant(&campaign, id, &p, [2; 32], &token).unwrap());
        let settle = |outcome: Settle| {
            store.enqueue_mail(&[row((campaign.clone(), id))]).unwrap();
            let (seq, _) = store.due_mail(0, 1).unwrap().pop().unwrap();
            store.settle_mail(&[(seq, outcome)]).unwrap()
        };
        settle(Settle::Rejected);
        settle(Settle::Rejected);
        settle(Settle::Sent);
        assert_eq!(store.participant(&campaign, id).unwrap().unwrap().rejections, 0, "a delivery resets");
        settle(Settle::Rejected);
        settle(Settle::Rejected);
        let counts = settle(Settle::Rejected);
        let p = store.participant(&campaign, id).unwrap().unwrap();
        assert_eq!((p.status, p.rejections), (ParticipantStatus::Inactive, 3));
        assert_eq!((counts.sent, counts.rejected, counts.deactivated), (1, 5, 1));
        let counts = settle(Settle::Retry { next_attempt: 50 });
        assert_eq!(counts.deferred, 1);
        assert_eq!(store.outbox_len().unwrap(), 1, "a deferred mail stays queued");
    }
}
