//! Follow-up threads: an anonymous conversation attached to a response, found by the keyed
//! hash of its receipt. A thread belongs to its response and campaign, never to a
//! participant (invariant 1); its messages arrive sealed, and are dated to the day.

use std::collections::HashSet;

use redb::{ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, from_json, to_json};

// keyed hash of a receipt → (campaign id, response key)
pub(super) const RECEIPTS: TableDefinition<[u8; 32], (&str, [u8; 16])> = TableDefinition::new("receipts");
// (campaign id, response key) → keyed hash of its receipt: which responses have one
pub(super) const RESPONSE_RECEIPTS: TableDefinition<(&str, [u8; 16]), [u8; 32]> =
    TableDefinition::new("response_receipts");
// (campaign id, response key) → JSON Thread
pub(super) const THREADS: TableDefinition<(&str, [u8; 16]), &[u8]> = TableDefinition::new("threads");
// (campaign id, response key, number from 1) → JSON Message
pub(super) const THREAD_MESSAGES: TableDefinition<(&str, [u8; 16], u32), &[u8]> =
    TableDefinition::new("thread_messages");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Respondent,
    Staff,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Thread {
    pub open: bool,
    /// Day number of the newest message: retention counts from it.
    pub last_day: i32,
    pub messages: u32,
    /// A message from the respondent that no staff member has read yet.
    pub unread_by_staff: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub from: Side,
    /// Day number.
    pub day: i32,
    /// The text, sealed under the campaign key.
    pub sealed: Vec<u8>,
}

impl Store {
    /// Gives a response the receipt with this hash; intake does it in the response's own
    /// transaction, so only tests need this.
    #[cfg(test)]
    pub fn add_receipt(&self, hash: [u8; 32], campaign: &str, response: [u8; 16]) -> Result<(), StoreError> {
        let tx = self.write()?;
        add_receipt(&tx, hash, campaign, response)?;
        tx.commit()?;
        Ok(())
    }

    /// Whether the response has a receipt, so that its respondent can read a thread on it.
    pub fn has_receipt(&self, campaign: &str, response: [u8; 16]) -> Result<bool, StoreError> {
        let tx = self.read()?;
        Ok(tx.open_table(RESPONSE_RECEIPTS)?.get((campaign, response))?.is_some())
    }

    /// The responses of a campaign that have a receipt.
    pub fn responses_with_receipts(&self, campaign: &str) -> Result<HashSet<[u8; 16]>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(RESPONSE_RECEIPTS)?;
        let rows = table.range((campaign, [0u8; 16])..=(campaign, [255u8; 16]))?;
        rows.map(|row| Ok(row?.0.value().1)).collect()
    }

    /// Where the receipt with this hash leads: (campaign id, response key).
    pub fn receipt_target(&self, hash: [u8; 32]) -> Result<Option<(String, [u8; 16])>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(RECEIPTS)?;
        Ok(table.get(hash)?.map(|v| {
            let (campaign, key) = v.value();
            (campaign.to_string(), key)
        }))
    }

    pub fn thread(
        &self,
        campaign: &str,
        response: [u8; 16],
    ) -> Result<Option<(Thread, Vec<Message>)>, StoreError> {
        let tx = self.read()?;
        let Some(thread) = tx.open_table(THREADS)?.get((campaign, response))?.map(|v| from_json(v.value()))
        else {
            return Ok(None);
        };
        let table = tx.open_table(THREAD_MESSAGES)?;
        let messages = table
            .range((campaign, response, 0)..=(campaign, response, u32::MAX))?
            .map(|row| from_json(row?.1.value()))
            .collect::<Result<_, _>>()?;
        Ok(Some((thread?, messages)))
    }

    /// The newest message of a thread; None when nobody has written (no thread yet).
    pub fn last_message(&self, campaign: &str, response: [u8; 16]) -> Result<Option<Message>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(THREAD_MESSAGES)?;
        let last = table.range((campaign, response, 0)..=(campaign, response, u32::MAX))?.next_back();
        last.map(|row| from_json(row?.1.value())).transpose()
    }

    /// The threads of a campaign, newest message first.
    pub fn threads_of(&self, campaign: &str) -> Result<Vec<([u8; 16], Thread)>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(THREADS)?;
        let mut threads: Vec<([u8; 16], Thread)> = table
            .range((campaign, [0u8; 16])..=(campaign, [255u8; 16]))?
            .map(|row| {
                let (k, v) = row?;
                Ok((k.value().1, from_json(v.value())?))
            })
            .collect::<Result<_, StoreError>>()?;
        threads.sort_by_key(|t| std::cmp::Reverse(t.1.last_day));
        Ok(threads)
    }

    /// Appends a message, opening the thread with it if it is the first. A closed thread
    /// takes no message from the respondent: returns false.
    pub fn add_message(
        &self,
        campaign: &str,
        response: [u8; 16],
        message: &Message,
    ) -> Result<bool, StoreError> {
        let tx = self.write()?;
        {
            let mut threads = tx.open_table(THREADS)?;
            let found: Option<Thread> =
                threads.get((campaign, response))?.map(|v| from_json(v.value())).transpose()?;
            let mut thread = found.unwrap_or(Thread {
                open: true,
                last_day: message.day,
                messages: 0,
                unread_by_staff: false,
            });
            if !thread.open && message.from == Side::Respondent {
                return Ok(false);
            }
            thread.messages += 1;
            thread.last_day = message.day;
            thread.unread_by_staff = message.from == Side::Respondent;
            tx.open_table(THREAD_MESSAGES)?
                .insert((campaign, response, thread.messages), to_json(message)?.as_slice())?;
            threads.insert((campaign, response), to_json(&thread)?.as_slice())?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Marks a thread read by staff, or closes or reopens it.
    pub fn update_thread(
        &self,
        campaign: &str,
        response: [u8; 16],
        change: impl FnOnce(&mut Thread),
    ) -> Result<bool, StoreError> {
        let tx = self.write()?;
        {
            let mut threads = tx.open_table(THREADS)?;
            let found: Option<Thread> =
                threads.get((campaign, response))?.map(|v| from_json(v.value())).transpose()?;
            let Some(mut thread) = found else { return Ok(false) };
            change(&mut thread);
            threads.insert((campaign, response), to_json(&thread)?.as_slice())?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// The threads of a campaign whose last message is before `day`.
    pub fn threads_before(&self, campaign: &str, day: i32) -> Result<Vec<[u8; 16]>, StoreError> {
        Ok(self.threads_of(campaign)?.into_iter().filter(|(_, t)| t.last_day < day).map(|(k, _)| k).collect())
    }

    /// Deletes these threads of a campaign with their messages and receipts. Returns how
    /// many there were.
    pub fn erase_threads(&self, campaign: &str, responses: &[[u8; 16]]) -> Result<u64, StoreError> {
        let tx = self.write()?;
        let mut n = 0;
        {
            let mut threads = tx.open_table(THREADS)?;
            let mut messages = tx.open_table(THREAD_MESSAGES)?;
            for key in responses {
                n += u64::from(threads.remove((campaign, *key))?.is_some());
                messages.retain_in((campaign, *key, 0)..=(campaign, *key, u32::MAX), |_, _| false)?;
                forget_receipt(&tx, campaign, *key)?;
            }
        }
        tx.commit()?;
        Ok(n)
    }
}

pub(super) fn add_receipt(
    tx: &redb::WriteTransaction,
    hash: [u8; 32],
    campaign: &str,
    response: [u8; 16],
) -> Result<(), StoreError> {
    tx.open_table(RECEIPTS)?.insert(hash, (campaign, response))?;
    tx.open_table(RESPONSE_RECEIPTS)?.insert((campaign, response), hash)?;
    Ok(())
}

fn forget_receipt(tx: &redb::WriteTransaction, campaign: &str, response: [u8; 16]) -> Result<(), StoreError> {
    let hash = tx.open_table(RESPONSE_RECEIPTS)?.remove((campaign, response))?.map(|v| v.value());
    if let Some(hash) = hash {
        tx.open_table(RECEIPTS)?.remove(hash)?;
    }
    Ok(())
}

/// Removes every thread, message and receipt of a campaign. Returns how many threads.
pub(super) fn remove_threads(tx: &redb::WriteTransaction, campaign: &str) -> Result<u64, StoreError> {
    let all = (campaign, [0u8; 16])..=(campaign, [255u8; 16]);
    let mut threads = tx.open_table(THREADS)?;
    let mut n = 0;
    threads.retain_in(all.clone(), |_, _| {
        n += 1;
        false
    })?;
    tx.open_table(THREAD_MESSAGES)?
        .retain_in((campaign, [0u8; 16], 0)..=(campaign, [255u8; 16], u32::MAX), |_, _| false)?;
    let hashes: Vec<[u8; 32]> = tx
        .open_table(RESPONSE_RECEIPTS)?
        .range(all.clone())?
        .map(|row| row.map(|(_, v)| v.value()))
        .collect::<Result<_, _>>()?;
    let mut receipts = tx.open_table(RECEIPTS)?;
    for hash in hashes {
        receipts.remove(hash)?;
    }
    tx.open_table(RESPONSE_RECEIPTS)?.retain_in(all, |_, _| false)?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_opens_with_its_first_message_and_closes_to_the_respondent() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap();
        let r = [7u8; 16];
        let say = |from, day| Message { from, day, sealed: vec![1, 2, 3] };
        assert!(store.thread("c", r).unwrap().is_none());
        store.add_receipt([9; 32], "c", r).unwrap();
        assert_eq!(store.receipt_target([9; 32]).unwrap(), Some(("c".to_string(), r)));
        assert!(store.add_message("c", r, &say(Side::Staff, 10)).unwrap());
        assert!(store.add_message("c", r, &say(Side::Respondent, 12)).unwrap());
        let (t, messages) = store.thread("c", r).unwrap().unwrap();
        assert_eq!((t.messages, t.last_day, t.unread_by_staff, messages.len()), (2, 12, true, 2));
        assert_eq!(messages[0].from, Side::Staff);
        store.update_thread("c", r, |t| t.unread_by_staff = false).unwrap();
        store.update_thread("c", r, |t| t.open = false).unwrap();
        assert!(!store.add_message("c", r, &say(Side::Respondent, 13)).unwrap(), "closed");
        assert!(store.add_message("c", r, &say(Side::Staff, 13)).unwrap(), "staff may still write");
        assert_eq!(store.threads_of("c").unwrap().len(), 1);
        assert!(store.has_receipt("c", r).unwrap());
        assert_eq!(store.responses_with_receipts("c").unwrap(), HashSet::from([r]));
        assert!(store.threads_before("c", 13).unwrap().is_empty());
        assert_eq!(store.threads_before("c", 14).unwrap(), vec![r]);
        assert_eq!(store.erase_threads("c", &[r]).unwrap(), 1);
        assert!(!store.has_receipt("c", r).unwrap());
        assert!(store.thread("c", r).unwrap().is_none());
        assert_eq!(store.receipt_target([9; 32]).unwrap(), None, "the receipt leads nowhere now");
    }
}
