//! Erasing a campaign from the store in batches short enough not to hold up intake for
//! other campaigns, and the erasure log: what was erased (class, campaign, count, day),
//! never contents. A campaign being erased is listed in `erasing` from the moment its
//! erasure starts, so a crash halfway is finished by the next run.

use redb::{ReadableTable, ReadableTableMetadata, TableDefinition, WriteTransaction};
use serde::{Deserialize, Serialize};

use super::campaigns::{CAMPAIGNS, COUNTERS, DRAFTS, QUESTIONNAIRES, RESPONSE_SLOTS, RESPONSES, SLUGS};
use super::moderation::{QUOTES, STORY_MARKS, SUMMARIES, WATCH_TERMS};
use super::outbox::{About, MAIL_QUEUE, MAIL_STATE, OutboxRow};
use super::participants::{
    ADDRESSES, ALLOW_LIST, LINKS, PARTICIPANT_TOKENS, PARTICIPANTS, ParticipantToken, TICKETS, TokenPurpose,
};
use super::{Draft, Store, StoreError, StoredResponse, WriteTx, from_json, to_json};

// campaign id → its title, while its erasure is under way
pub(super) const ERASING: TableDefinition<&str, &str> = TableDefinition::new("erasing");
// (campaign id, class) → day number (UTC) the retention run erased that class
pub(super) const ERASED_CLASSES: TableDefinition<(&str, &str), i32> = TableDefinition::new("erased_classes");
// sequence number (from 1) → JSON ErasureEntry
pub(super) const ERASURE_LOG: TableDefinition<u64, &[u8]> = TableDefinition::new("erasure_log");

/// Removes every row of `table` for which `gone` holds; returns how many.
macro_rules! remove_where {
    ($tx:expr, $table:expr, |$k:ident, $v:ident| $gone:expr) => {{
        let mut t = $tx.open_table($table)?;
        let before = t.len()?;
        t.retain(|$k, $v| !$gone)?;
        before - t.len()?
    }};
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErasureEntry {
    /// Day number (UTC) of the run.
    pub day: i32,
    /// The class of data ("responses", "contacts", …).
    pub class: String,
    /// The campaign's title (or "all" for classes across campaigns).
    pub campaign: String,
    /// The campaign's id (empty for classes across campaigns).
    #[serde(default)]
    pub campaign_id: String,
    pub count: u64,
}

/// Rows erased by one batch, by class.
pub type Erased = Vec<(&'static str, u64)>;

impl Store {
    /// Starts erasing a campaign: its link stops working at once.
    pub fn begin_erasure(&self, campaign_id: &str, title: &str, slug: &str) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(ERASING)?.insert(campaign_id, title)?;
        tx.open_table(SLUGS)?.remove(slug)?;
        tx.commit()?;
        self.campaigns_changed();
        Ok(())
    }

    /// Campaigns whose erasure has begun and not finished: (id, title).
    pub fn erasing(&self) -> Result<Vec<(String, String)>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(ERASING)?;
        table
            .iter()?
            .map(|row| row.map(|(k, v)| (k.value().to_string(), v.value().to_string())).map_err(Into::into))
            .collect()
    }

    /// Deletes up to `limit` responses of a campaign (with their slot rows) in one
    /// transaction; once none are left, everything else of it in a last one. Returns what
    /// went and whether the campaign is gone.
    pub fn erase_campaign_batch(
        &self,
        campaign_id: &str,
        limit: usize,
    ) -> Result<(Erased, bool), StoreError> {
        let tx = self.write()?;
        let range = (campaign_id, [0u8; 16])..=(campaign_id, [255u8; 16]);
        let keys: Vec<[u8; 16]> = tx
            .open_table(RESPONSES)?
            .range(range)?
            .take(limit)
            .map(|r| r.map(|(k, _)| k.value().1))
            .collect::<Result<_, _>>()?;
        if let (Some(first), Some(last)) = (keys.first(), keys.last()) {
            // One pass over the batch's key range: several times faster than a removal per key.
            let batch = (campaign_id, *first)..=(campaign_id, *last);
            tx.open_table(RESPONSES)?.retain_in(batch.clone(), |_, _| false)?;
            tx.open_table(RESPONSE_SLOTS)?.retain_in(batch, |_, _| false)?;
            tx.commit()?;
            return Ok((vec![("responses", keys.len() as u64)], false));
        }
        let erased = erase_the_rest(self, &tx, campaign_id)?;
        tx.commit()?;
        self.campaigns_changed();
        Ok((erased, true))
    }

    /// Whether the retention run has erased `class` of a campaign already.
    pub fn class_erased(&self, campaign_id: &str, class: &str) -> Result<bool, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(ERASED_CLASSES)?;
        Ok(table.get((campaign_id, class))?.is_some())
    }

    pub fn mark_class_erased(&self, campaign_id: &str, class: &str, day: i32) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(ERASED_CLASSES)?.insert((campaign_id, class), day)?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a campaign's participants with everything that reaches them: address index,
    /// links, allow-list, confirmation links and queued mail. (Their keys go first.)
    pub fn erase_contacts(&self, campaign_id: &str) -> Result<u64, StoreError> {
        let tx = self.write()?;
        let [(_, participants), ..] = remove_contacts(self, &tx, campaign_id)?;
        tx.commit()?;
        Ok(participants)
    }

    /// Removes the sealed story texts of up to `limit` responses after `from` (a key);
    /// returns how many and where to go on from (None when done).
    pub fn strip_stories_batch(
        &self,
        campaign_id: &str,
        from: Option<[u8; 16]>,
        limit: usize,
    ) -> Result<(u64, Option<[u8; 16]>), StoreError> {
        let tx = self.write()?;
        let start = from.map_or([0u8; 16], next_key);
        let (stripped, next) = {
            let mut table = tx.open_table(RESPONSES)?;
            let mut batch: Vec<([u8; 16], StoredResponse)> = Vec::new();
            let mut last = None;
            let mut read = 0;
            for row in table.range((campaign_id, start)..=(campaign_id, [255u8; 16]))?.take(limit) {
                let (k, v) = row?;
                let key = k.value().1;
                last = Some(key);
                read += 1;
                let r: StoredResponse = from_json(v.value())?;
                if r.sealed_stories.is_some() {
                    batch.push((key, r));
                }
            }
            for (key, mut r) in batch.iter().cloned() {
                r.sealed_stories = None;
                table.insert((campaign_id, key), to_json(&r)?.as_slice())?;
            }
            let done = read < limit || last.is_none_or(|k| k == [255u8; 16]);
            (batch.len() as u64, if done { None } else { last })
        };
        tx.commit()?;
        Ok((stripped, next))
    }

    /// Deletes a campaign's quotes, story marks, watch list and published summaries;
    /// returns (quotes, summaries).
    pub fn erase_quotes_and_summaries(&self, campaign_id: &str) -> Result<(u64, u64), StoreError> {
        let tx = self.write()?;
        let [_, (_, quotes), (_, summaries)] = remove_moderation(&tx, campaign_id)?;
        tx.commit()?;
        Ok((quotes, summaries))
    }

    /// Drops mail queued before day `before`, keys first; returns how many.
    pub fn drop_old_mail(&self, before: i32) -> Result<u64, StoreError> {
        let old: Vec<[u8; 16]> = {
            let tx = self.read()?;
            let table = tx.open_table(MAIL_QUEUE)?;
            let mut old = Vec::new();
            for row in table.iter()? {
                let (k, v) = row?;
                if from_json::<OutboxRow>(v.value()).is_ok_and(|r| r.queued_day < before) {
                    old.push(k.value());
                }
            }
            old
        };
        self.destroy_keys(&old.iter().map(|id| super::outbox::mail_scope(*id)).collect::<Vec<_>>())?;
        let tx = self.write()?;
        {
            let mut table = tx.open_table(MAIL_QUEUE)?;
            for id in &old {
                table.remove(*id)?;
            }
        }
        tx.commit()?;
        Ok(old.len() as u64)
    }

    pub fn append_erasure_log(&self, entries: &[ErasureEntry]) -> Result<(), StoreError> {
        let tx = self.write()?;
        {
            let mut table = tx.open_table(ERASURE_LOG)?;
            let first = table.last()?.map_or(1, |(k, _)| k.value() + 1);
            for (seq, e) in (first..).zip(entries) {
                table.insert(seq, to_json(e)?.as_slice())?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The newest `take` entries of the erasure log, newest first.
    /// Removes erasure log entries of runs before `day`; returns how many.
    pub fn prune_erasure_log(&self, day: i32) -> Result<u64, StoreError> {
        let tx = self.write()?;
        let gone =
            remove_where!(tx, ERASURE_LOG, |_k, v| from_json::<ErasureEntry>(v).is_ok_and(|e| e.day < day));
        tx.commit()?;
        Ok(gone)
    }

    /// The erasure log entries of one campaign, oldest first.
    pub fn erasure_log_of(&self, campaign_id: &str) -> Result<Vec<ErasureEntry>, StoreError> {
        let tx = self.read()?;
        let mut entries = Vec::new();
        for row in tx.open_table(ERASURE_LOG)?.iter()? {
            let e: ErasureEntry = from_json(row?.1.value())?;
            if e.campaign_id == campaign_id {
                entries.push(e);
            }
        }
        Ok(entries)
    }

    pub fn erasure_log(&self, take: usize) -> Result<Vec<ErasureEntry>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(ERASURE_LOG)?;
        table.iter()?.rev().take(take).map(|row| from_json(row?.1.value())).collect()
    }
}

/// The key right after `k` in byte order.
fn next_key(mut k: [u8; 16]) -> [u8; 16] {
    for b in k.iter_mut().rev() {
        if *b == 255 {
            *b = 0;
        } else {
            *b += 1;
            return k;
        }
    }
    [255u8; 16]
}

/// A campaign's participants with everything that reaches them: address index, links,
/// allow-list, confirmation links and queued mail; counted by class.
fn remove_contacts(store: &Store, tx: &WriteTx, id: &str) -> Result<[(&'static str, u64); 4], StoreError> {
    let contacts = remove_where!(tx, PARTICIPANTS, |k, _v| k.0 == id);
    let _ = remove_where!(tx, ADDRESSES, |k, _v| k.1 == id);
    let _ = remove_where!(tx, LINKS, |_k, v| v.0 == id);
    let allowed = remove_where!(tx, ALLOW_LIST, |k, _v| k.0 == id);
    let links = remove_where!(tx, PARTICIPANT_TOKENS, |_k, v| from_json::<ParticipantToken>(v)
        .is_ok_and(|t| matches!(&t.purpose, TokenPurpose::Confirm { campaign, .. } if campaign == id)));
    let mail = store
        .drop_mail_where(tx, |a| matches!(a, About::Participant { campaign, .. } if campaign == id))?
        as u64;
    Ok([
        ("contacts", contacts),
        ("allow-list entries", allowed),
        ("enrolment links", links),
        ("queued mail", mail),
    ])
}

/// A campaign's story marks, quotes, published summaries and watch list.
fn remove_moderation(tx: &WriteTransaction, id: &str) -> Result<[(&'static str, u64); 3], StoreError> {
    let marks = remove_where!(tx, STORY_MARKS, |k, _v| k.0 == id);
    let quotes = remove_where!(tx, QUOTES, |k, _v| k.0 == id);
    let summaries = remove_where!(tx, SUMMARIES, |k, _v| k.0 == id);
    tx.open_table(WATCH_TERMS)?.remove(id)?;
    Ok([("story marks", marks), ("quotes", quotes), ("summaries", summaries)])
}

/// Everything of a campaign but its responses, and the campaign itself.
fn erase_the_rest(store: &Store, tx: &WriteTx, id: &str) -> Result<Erased, StoreError> {
    let mut erased: Erased = Vec::new();
    let mut add = |class: &'static str, n: u64| {
        if n > 0 {
            erased.push((class, n));
        }
    };
    add("counters", remove_where!(tx, COUNTERS, |k, _v| k.0 == id));
    add("released figures", remove_where!(tx, super::releases::RELEASES, |k, _v| k.0 == id));
    let _ = remove_where!(tx, super::releases::VERSIONS_ANSWERED, |k, _v| k.0 == id);
    add("questionnaires", remove_where!(tx, QUESTIONNAIRES, |k, _v| k.0 == id));
    for (class, n) in remove_contacts(store, tx, id)? {
        add(class, n);
    }
    add("tickets", remove_where!(tx, TICKETS, |_k, v| v.0 == id));
    add(
        "drafts",
        remove_where!(tx, DRAFTS, |_k, v| from_json::<Draft>(v).is_ok_and(|d| d.campaign_id == id)),
    );
    for (class, n) in remove_moderation(tx, id)? {
        add(class, n);
    }
    add("threads", super::threads::remove_threads(tx, id)?);
    tx.open_table(MAIL_STATE)?.remove(format!("reminded:{id}").as_str())?;
    tx.open_table(MAIL_STATE)?.remove(format!("thread-news:{id}").as_str())?;
    let campaign = tx.open_table(CAMPAIGNS)?.remove(id)?.map(|v| v.value().to_vec());
    if let Some(bytes) = campaign {
        let c: crate::model::campaign::Campaign = from_json(&bytes)?;
        tx.open_table(SLUGS)?.remove(c.slug.as_str())?;
        add("campaign", 1);
    }
    tx.open_table(ERASING)?.remove(id)?;
    let _ = remove_where!(tx, ERASED_CLASSES, |k, _v| k.0 == id);
    Ok(erased)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::NewResponse;

    #[test]
    fn stories_are_stripped_batch_by_batch_to_the_last_response() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap();
        let batch: Vec<NewResponse> = (0..12u8)
            .map(|i| NewResponse {
                campaign_id: "c".into(),
                record: StoredResponse {
                    version: 1,
                    period: 0,
                    answers: Default::default(),
                    sealed_stories: Some(vec![i]),
                    story_key: true,
                },
                slots: vec![0],
                nonce_hash: [i; 32],
                nonce_keep_until: 0,
                ticket: None,
                receipt: None,
                now: 0,
            })
            .collect();
        store.record_responses(&batch).unwrap();
        let (mut from, mut total, mut rounds) = (None, 0, 0);
        loop {
            let (n, next) = store.strip_stories_batch("c", from, 5).unwrap();
            total += n;
            rounds += 1;
            match next {
                Some(k) => from = Some(k),
                None => break,
            }
        }
        assert_eq!((total, rounds), (12, 3));
        assert!(store.responses_of("c").unwrap().iter().all(|r| r.sealed_stories.is_none()));
        assert_eq!(
            next_key([0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255])[..2],
            [1, 0]
        );
    }
}
