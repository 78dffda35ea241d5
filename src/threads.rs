//! Follow-up threads: a respondent who kept the receipt of a response and the campaign's
//! moderators write to each other about it, and neither side learns more of the other than
//! what they write. Each thread's messages are sealed under a key of its own, wrapped by the
//! campaign's data key: its retention can shred it alone, and the campaign's key shreds
//! them all (invariant 5).

use jiff::civil::Date;

use crate::campaigns::{CampaignError, Campaigns};
use crate::keys::{DataKey, KeyError, MasterKey};
use crate::model::campaign::{Campaign, date_of, day_number, thread_scope};
use crate::model::receipt::Receipt;
use crate::store::{Message, Side, Store, StoreError, Thread};

/// Longest message, in characters.
pub const MESSAGE_MAX: usize = 4_000;

#[derive(Debug, thiserror::Error)]
pub enum ThreadError {
    #[error("no such thread")]
    NotFound,
    #[error("Write a message before sending.")]
    Empty,
    #[error("Keep a message under 4,000 characters.")]
    TooLong,
    #[error("This thread is closed: reopen it to write in it.")]
    Closed,
    #[error(transparent)]
    Campaign(#[from] CampaignError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Key(#[from] KeyError),
}

/// A message with its text opened.
#[derive(Debug, Clone)]
pub struct Said {
    pub from: Side,
    pub day: Date,
    pub text: String,
}

/// What either side sees of a thread; `thread` is None until someone writes.
/// What is stored in place of a receipt: its HMAC under a key derived from the master key.
pub fn receipt_hash(master: &MasterKey, receipt: &Receipt) -> [u8; 32] {
    receipt.keyed_hash(&master.derive("receipt"))
}

#[derive(Debug, Clone)]
pub struct Conversation {
    pub response: [u8; 16],
    pub thread: Option<Thread>,
    pub messages: Vec<Said>,
}

pub struct Threads<'a> {
    pub store: &'a Store,
    pub master: &'a MasterKey,
    pub now: i64,
}

impl Threads<'_> {
    fn campaigns(&self) -> Campaigns<'_> {
        Campaigns { store: self.store, master: self.master, now: self.now }
    }

    /// The campaign and response a receipt leads to; None for every receipt that leads
    /// nowhere, whatever the reason, so the caller cannot tell them apart.
    pub fn find(&self, receipt: &Receipt) -> Result<Option<(Campaign, [u8; 16])>, ThreadError> {
        let Some((campaign_id, response)) = self.store.receipt_target(receipt_hash(self.master, receipt))?
        else {
            return Ok(None);
        };
        let c = match self.campaigns().get(&campaign_id) {
            Ok(c) => c,
            Err(CampaignError::NotFound) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        // A campaign being erased, or a thread whose key an interrupted run destroyed, opens
        // nothing; the erasure run removes the rest.
        let erasing = self.store.erasing()?.iter().any(|(id, _)| *id == c.id);
        let readable = self.store.last_message(&c.id, response)?.is_none()
            || self.store.wrapped_key(&thread_scope(&c.id, response))?.is_some();
        if erasing || !readable || self.store.response(&c.id, response)?.is_none() {
            return Ok(None);
        }
        Ok(Some((c, response)))
    }

    /// The thread's key, wrapped by the campaign's data key: destroying the thread's key
    /// shreds the thread alone, destroying the campaign's shreds all of them. With `create`,
    /// a new one is made (and is in the keyring before anything is sealed under it) if it
    /// has none.
    fn key(&self, c: &Campaign, response: [u8; 16], create: bool) -> Result<Option<DataKey>, ThreadError> {
        let scope = thread_scope(&c.id, response);
        let campaign_key = self.campaigns().data_key(c)?;
        let wrapped = match self.store.wrapped_key(&scope)? {
            Some(w) => w,
            None if create => {
                self.store.key_or_put(&scope, &campaign_key.wrap(&scope, &DataKey::generate()))?
            }
            None => return Ok(None),
        };
        Ok(Some(campaign_key.unwrap(&scope, &wrapped)?))
    }

    pub fn conversation(&self, c: &Campaign, response: [u8; 16]) -> Result<Conversation, ThreadError> {
        let Some((thread, messages)) = self.store.thread(&c.id, response)? else {
            return Ok(Conversation { response, thread: None, messages: Vec::new() });
        };
        let scope = thread_scope(&c.id, response);
        let key = self.key(c, response, false)?.ok_or(ThreadError::NotFound)?;
        let messages = messages
            .into_iter()
            .map(|m| {
                let text = String::from_utf8_lossy(&key.open(&scope, &m.sealed)?).into_owned();
                Ok(Said { from: m.from, day: date_of(m.day), text })
            })
            .collect::<Result<_, ThreadError>>()?;
        Ok(Conversation { response, thread: Some(thread), messages })
    }

    /// Adds a message to the thread of a response that has a receipt, starting the thread
    /// if it is the first.
    pub fn write(&self, c: &Campaign, response: [u8; 16], from: Side, text: &str) -> Result<(), ThreadError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ThreadError::Empty);
        }
        if text.chars().count() > MESSAGE_MAX {
            return Err(ThreadError::TooLong);
        }
        if !self.store.has_receipt(&c.id, response)? {
            return Err(ThreadError::NotFound);
        }
        let scope = thread_scope(&c.id, response);
        let last = self.store.last_message(&c.id, response)?;
        // A thread whose key is gone takes no new message under a new key: it is being erased.
        let key = self.key(c, response, last.is_none())?.ok_or(ThreadError::NotFound)?;
        let day = day_number(c.settings.today(self.now));
        // A page sent twice (a reload of the post) adds the message once.
        if let Some(last) = last
            && last.from == from
            && last.day == day
            && key.open(&scope, &last.sealed).is_ok_and(|t| t == text.as_bytes())
        {
            return Ok(());
        }
        let message = Message { from, day, sealed: key.seal(&scope, text.as_bytes()) };
        if !self.store.add_message(&c.id, response, &message)? {
            return Err(ThreadError::Closed);
        }
        Ok(())
    }

    /// Staff read the thread: its unread marker goes.
    pub fn mark_read(&self, c: &Campaign, response: [u8; 16]) -> Result<(), ThreadError> {
        self.store.update_thread(&c.id, response, |t| t.unread_by_staff = false)?;
        Ok(())
    }

    pub fn set_open(&self, c: &Campaign, response: [u8; 16], open: bool) -> Result<(), ThreadError> {
        if !self.store.update_thread(&c.id, response, |t| t.open = open)? {
            return Err(ThreadError::NotFound);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_sealed_under_the_threads_own_key() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap();
        let master = MasterKey::from_bytes([3; 32]);
        let threads = Threads { store: &store, master: &master, now: 1_800_000_000 };
        let c = Campaigns { store: &store, master: &master, now: threads.now }.create("Pulse", "o").unwrap();
        let receipt = Receipt::generate();
        let r = [5u8; 16];
        assert!(
            matches!(threads.write(&c, r, Side::Staff, "hello"), Err(ThreadError::NotFound)),
            "no receipt"
        );
        store.add_receipt(receipt_hash(&master, &receipt), &c.id, r).unwrap();
        assert!(threads.find(&receipt).unwrap().is_none(), "a receipt without its response leads nowhere");
        threads.write(&c, r, Side::Staff, "  How can we help?  ").unwrap();
        assert!(matches!(threads.write(&c, r, Side::Respondent, " "), Err(ThreadError::Empty)));
        threads.write(&c, r, Side::Respondent, "Thanks").unwrap();
        threads.write(&c, r, Side::Respondent, "Thanks").unwrap();
        let talk = threads.conversation(&c, r).unwrap();
        let texts: Vec<&str> = talk.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["How can we help?", "Thanks"]);
        assert!(talk.thread.unwrap().unread_by_staff);
        let (_, stored) = store.thread(&c.id, r).unwrap().unwrap();
        assert!(!stored[0].sealed.windows(4).any(|w| w == b"help"), "sealed");
        assert_eq!(threads.find(&receipt).unwrap().map(|t| t.1), None, "no response: leads nowhere");
        // The thread's key lives under the campaign's: without the campaign key it opens nothing.
        let campaign_key = store.wrapped_key(&c.scope()).unwrap().unwrap();
        store.destroy_keys(&[c.scope()]).unwrap();
        assert!(threads.conversation(&c, r).is_err(), "the campaign key destroyed");
        store.put_key(&c.scope(), &campaign_key).unwrap();
        assert!(threads.conversation(&c, r).is_ok());
        store.destroy_keys(&[thread_scope(&c.id, r)]).unwrap();
        assert!(
            matches!(threads.conversation(&c, r), Err(ThreadError::NotFound)),
            "without its key nothing opens"
        );
        assert!(matches!(threads.write(&c, r, Side::Staff, "again"), Err(ThreadError::NotFound)));
    }
}
