//! The durable outbox: every mail is a row here until the SMTP server accepts it, so a
//! crash or restart loses none (at-least-once). Mail settings and delivery counts live
//! beside it.
//!
//! A queued mail is filed under a random id (no queue order) and sealed under a key of its
//! own (`mail:<id>` in the keyring), which is destroyed when the mail is delivered, refused,
//! dropped or too old: what a delivered mail leaves in freed pages opens for nobody. Each row
//! says whom it concerns, so unsubscribing or an erasure request drops every mail about
//! that person at once, key first. No row keeps the time it was queued, only its day.

use redb::{ReadableTable, ReadableTableMetadata, TableDefinition};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, WriteTx, from_json, to_json};

// 16 random bytes → JSON OutboxRow (the mail itself sealed)
pub(super) const MAIL_QUEUE: TableDefinition<[u8; 16], &[u8]> = TableDefinition::new("mail_queue");
// sequence number → JSON of a mail queued before mail keys (migration 9 moves these rows)
pub(super) const OUTBOX: TableDefinition<u64, &[u8]> = TableDefinition::new("outbox");
// name → JSON value: "from_name", "mail_counts", "reminded:<campaign id>"
pub(super) const MAIL_STATE: TableDefinition<&str, &[u8]> = TableDefinition::new("mail_state");

/// Whom a queued mail concerns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum About {
    /// Staff, or a test mail.
    #[default]
    Nobody,
    /// An enrolled participant (confirmation, personal link, reminder, summary news).
    Participant { campaign: String, id: [u8; 16] },
    /// Whoever holds the address with this keyed hash (rights links, change of address).
    Address([u8; 32]),
}

/// How a queued message travels: a mail through SMTP, or a text through the SMS gateway.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    #[default]
    Mail,
    Text,
}

impl Channel {
    /// The state key its delivery counts are kept under.
    fn counts_key(self) -> &'static str {
        match self {
            Channel::Mail => "mail_counts",
            Channel::Text => "text_counts",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxRow {
    /// What kind of mail, for counts ("reminder", "confirm", …).
    pub kind: String,
    #[serde(default)]
    pub channel: Channel,
    #[serde(default)]
    pub about: About,
    /// The rendered mail with its address, sealed under its own key (`own_key`) or, for mail
    /// queued before mail keys, under the outbox key of `key_day`.
    pub sealed: Vec<u8>,
    #[serde(default)]
    pub own_key: bool,
    #[serde(default)]
    pub key_day: Option<i32>,
    pub attempts: u32,
    /// Unix second of the next attempt; 0 for the first, which is due at once.
    pub next_attempt: i64,
    /// Day number it was queued (outbox rows are kept at most a few days).
    pub queued_day: i32,
}

/// A mail to queue, with the key it is sealed under (wrapped by the master key).
pub struct NewMail {
    pub id: [u8; 16],
    pub row: OutboxRow,
    pub wrapped_key: Vec<u8>,
}

/// The keyring scope of a queued mail's own key.
pub fn mail_scope(id: [u8; 16]) -> String {
    format!("mail:{}", data_encoding::HEXLOWER.encode(&id))
}

/// What a settled batch adds to: mail's counts, or texts' with the month's texts and
/// segments (which the monthly cap and the cost read).
#[derive(Debug, Clone, Copy)]
pub enum Tally<'a> {
    Mail,
    Text { month: &'a str, segments: u64 },
}

impl Tally<'_> {
    fn channel(self) -> Channel {
        match self {
            Tally::Mail => Channel::Mail,
            Tally::Text { .. } => Channel::Text,
        }
    }
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
    pub fn enqueue_mail(&self, mails: &[NewMail]) -> Result<(), StoreError> {
        self.put_mail_keys(mails)?;
        let tx = self.write()?;
        insert_rows(&tx, mails)?;
        tx.commit()?;
        Ok(())
    }

    /// The keys first: a crash after them leaves keys no row uses, which the erasure run
    /// destroys; never a row without its key.
    pub(super) fn put_mail_keys(&self, mails: &[NewMail]) -> Result<(), StoreError> {
        let scopes: Vec<String> = mails.iter().map(|m| mail_scope(m.id)).collect();
        let keys: Vec<(&str, &[u8])> =
            scopes.iter().zip(mails).map(|(s, m)| (s.as_str(), m.wrapped_key.as_slice())).collect();
        if keys.is_empty() { Ok(()) } else { self.put_keys(&keys) }
    }

    /// Up to `limit` mails due at `now`.
    pub fn due_mail(
        &self,
        now: i64,
        limit: usize,
        channel: Channel,
    ) -> Result<Vec<([u8; 16], OutboxRow)>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(MAIL_QUEUE)?;
        let mut due = Vec::new();
        for row in table.iter()? {
            let (k, v) = row?;
            let row: OutboxRow = from_json(v.value())?;
            if row.next_attempt <= now && row.channel == channel {
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
        Ok(tx.open_table(MAIL_QUEUE)?.len()?)
    }

    /// The earliest next attempt among queued messages of `channel`.
    pub fn next_mail_at(&self, channel: Channel) -> Result<Option<i64>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(MAIL_QUEUE)?;
        let mut earliest: Option<i64> = None;
        for row in table.iter()? {
            let row: OutboxRow = from_json(row?.1.value())?;
            if row.channel != channel {
                continue;
            }
            earliest = Some(earliest.map_or(row.next_attempt, |e| e.min(row.next_attempt)));
        }
        Ok(earliest)
    }

    /// Settles a batch of attempts in one transaction: delivered and dropped rows go (and
    /// then their keys), deferred ones get their next time; participant rejection counts
    /// follow.
    pub fn settle_mail(
        &self,
        outcomes: &[([u8; 16], Settle)],
        tally: Tally,
    ) -> Result<MailCounts, StoreError> {
        let channel = tally.channel();
        let tx = self.write()?;
        let mut gone = Vec::new();
        let counts = {
            let mut outbox = tx.open_table(MAIL_QUEUE)?;
            let mut participants = tx.open_table(super::participants::PARTICIPANTS)?;
            let mut state = tx.open_table(MAIL_STATE)?;
            let mut counts: MailCounts = match state.get(channel.counts_key())? {
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
                gone.push(mail_scope(*id));
                let About::Participant { campaign, id: pid } = &row.about else { continue };
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
            state.insert(channel.counts_key(), to_json(&counts)?.as_slice())?;
            if let Tally::Text { month, segments } = tally {
                let sent = outcomes.iter().filter(|(_, o)| *o == Settle::Sent).count() as u64;
                for (key, add) in
                    [(format!("texts_sent:{month}"), sent), (format!("text_segments:{month}"), segments)]
                {
                    let before: u64 = match state.get(key.as_str())? {
                        Some(v) => from_json(v.value())?,
                        None => 0,
                    };
                    state.insert(key.as_str(), to_json(&(before + add))?.as_slice())?;
                }
            }
            counts
        };
        tx.commit()?;
        // A crash before this leaves keys no row uses; the erasure run destroys them.
        self.destroy_keys(&gone)?;
        Ok(counts)
    }

    /// Drops every queued mail about whoever holds the address with this keyed hash, key
    /// first; returns how many.
    pub fn drop_mail_about_address(&self, hash: [u8; 32]) -> Result<usize, StoreError> {
        let tx = self.write()?;
        let dropped = self.drop_mail_where(&tx, |about| *about == About::Address(hash))?;
        count_dropped(&tx, dropped)?;
        tx.commit()?;
        Ok(dropped)
    }

    /// Destroys the keys of mails no row holds any more (a crash between queueing or
    /// settling and the keys); returns how many.
    pub fn destroy_stray_mail_keys(&self) -> Result<usize, StoreError> {
        let live: std::collections::HashSet<super::keyring::KeyName> = {
            let tx = self.read()?;
            let table = tx.open_table(MAIL_QUEUE)?;
            table
                .iter()?
                .map(|r| Ok(self.keyring.name(&mail_scope(r?.0.value()))))
                .collect::<Result<_, StoreError>>()?
        };
        let stray: Vec<_> = self
            .keyring
            .names_of("", Some(super::KeyKind::Mail))
            .into_iter()
            .filter(|n| !live.contains(n))
            .collect();
        self.keyring.remove_named(&stray)?;
        Ok(stray.len())
    }

    /// Removes, inside `tx`, the queued mails whose `about` matches, their keys first;
    /// returns how many.
    pub(super) fn drop_mail_where(
        &self,
        tx: &WriteTx,
        matches: impl Fn(&About) -> bool,
    ) -> Result<usize, StoreError> {
        let mut table = tx.open_table(MAIL_QUEUE)?;
        let mut ids = Vec::new();
        for row in table.iter()? {
            let (k, v) = row?;
            if from_json::<OutboxRow>(v.value()).is_ok_and(|r| matches(&r.about)) {
                ids.push(k.value());
            }
        }
        self.destroy_keys(&ids.iter().map(|id| mail_scope(*id)).collect::<Vec<_>>())?;
        for id in &ids {
            table.remove(*id)?;
        }
        Ok(ids.len())
    }

    pub fn mail_counts(&self) -> Result<MailCounts, StoreError> {
        Ok(self.mail_state("mail_counts")?.unwrap_or_default())
    }

    pub fn text_counts(&self) -> Result<MailCounts, StoreError> {
        Ok(self.mail_state("text_counts")?.unwrap_or_default())
    }

    /// Texts sent in `month` ("2026-11").
    pub fn texts_sent(&self, month: &str) -> Result<u64, StoreError> {
        Ok(self.mail_state(&format!("texts_sent:{month}"))?.unwrap_or(0))
    }

    /// The segments those texts took (what a gateway charges for).
    pub fn text_segments(&self, month: &str) -> Result<u64, StoreError> {
        Ok(self.mail_state(&format!("text_segments:{month}"))?.unwrap_or(0))
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
    pub fn enqueue_reminders(&self, campaign: &str, slot: i64, rows: &[NewMail]) -> Result<(), StoreError> {
        self.enqueue_with_state(&format!("reminded:{campaign}"), &slot, rows)
    }

    /// Queues mail and sets the mail state `name` that says it was queued, in one transaction.
    pub fn enqueue_with_state<T: Serialize>(
        &self,
        name: &str,
        value: &T,
        rows: &[NewMail],
    ) -> Result<(), StoreError> {
        self.put_mail_keys(rows)?;
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

/// Inserts queued mails (their keys are in the keyring already).
pub(super) fn insert_rows(tx: &redb::WriteTransaction, mails: &[NewMail]) -> Result<(), StoreError> {
    let mut table = tx.open_table(MAIL_QUEUE)?;
    for m in mails {
        table.insert(m.id, to_json(&m.row)?.as_slice())?;
    }
    Ok(())
}

/// Adds dropped mails to the count the admin panel shows.
pub(super) fn count_dropped(tx: &redb::WriteTransaction, dropped: usize) -> Result<(), StoreError> {
    if dropped == 0 {
        return Ok(());
    }
    let mut state = tx.open_table(MAIL_STATE)?;
    let mut counts: MailCounts = match state.get("mail_counts")? {
        Some(v) => from_json(v.value())?,
        None => MailCounts::default(),
    };
    counts.unsubscribed_dropped += dropped as u64;
    state.insert("mail_counts", to_json(&counts)?.as_slice())?;
    Ok(())
}

/// Moves the mails queued before mail keys to the queue by random id (migration 9). They
/// stay sealed under the key of the day they were queued.
pub(super) fn move_old_outbox(tx: &redb::WriteTransaction) -> Result<(), StoreError> {
    #[derive(Deserialize)]
    struct Old {
        kind: String,
        to_participant: Option<(String, [u8; 16])>,
        sealed: Vec<u8>,
        #[serde(default)]
        key_day: Option<i32>,
        attempts: u32,
        next_attempt: i64,
        queued: i64,
    }
    let old: Vec<Old> = {
        let table = tx.open_table(OUTBOX)?;
        table.iter()?.map(|r| from_json(r?.1.value())).collect::<Result<_, _>>()?
    };
    let mut queue = tx.open_table(MAIL_QUEUE)?;
    for o in old {
        let row = OutboxRow {
            kind: o.kind,
            channel: Channel::Mail,
            about: o
                .to_participant
                .map_or(About::Nobody, |(campaign, id)| About::Participant { campaign, id }),
            sealed: o.sealed,
            own_key: false,
            key_day: o.key_day,
            attempts: o.attempts,
            next_attempt: o.next_attempt,
            queued_day: o.queued.div_euclid(86_400) as i32,
        };
        let mut id = [0u8; 16];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut id);
        queue.insert(id, to_json(&row)?.as_slice())?;
    }
    drop(queue);
    tx.delete_table(OUTBOX)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::store::{Participant, ParticipantStatus, ParticipantToken, TokenPurpose};

    fn row((campaign, id): (String, [u8; 16])) -> NewMail {
        let mut mail_id = [0u8; 16];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut mail_id);
        let row = OutboxRow {
            kind: "reminder".into(),
            channel: Channel::Mail,
            about: About::Participant { campaign, id },
            sealed: vec![1, 2, 3],
            own_key: true,
            key_day: None,
            attempts: 0,
            next_attempt: 0,
            queued_day: 0,
        };
        NewMail { id: mail_id, row, wrapped_key: vec![4; 72] }
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
            lang: Lang::EN,
            status: ParticipantStatus::Active,
            enrolled: 0,
            rejections: 0,
        };
        let token = ParticipantToken { purpose: TokenPurpose::Access { address_hash: [1; 32] }, expires: 0 };
        assert!(store.add_participant(&campaign, id, &p, [2; 32], &token).unwrap());
        let settle = |outcome: Settle| {
            store.enqueue_mail(&[row((campaign.clone(), id))]).unwrap();
            let (seq, _) = store.due_mail(0, 1, Channel::Mail).unwrap().pop().unwrap();
            store.settle_mail(&[(seq, outcome)], Tally::Mail).unwrap()
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
