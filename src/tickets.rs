//! Tickets: the single-use permission a personal link gives to send one response.
//!
//! A ticket is self-authenticating — its day, a nonce, and a MAC over the campaign, the day
//! and the nonce under a key derived from the master key — so handing one out writes
//! nothing. Only a used ticket is stored (its hash, campaign and day, in the response's own
//! transaction), never with the link or the participant that was given it.
//!
//! The nonces of a link's tickets are derived from the link and today's in-memory salt, in
//! a sequence: opening the link gives the first ticket of the sequence not used yet. So
//! reloading the form, going back and forth, or opening the link again the same day hands
//! out the same ticket until it is used, and a link can send at most `limit` responses a
//! day. Past that, the form still opens, with the last ticket of the sequence (used), and
//! the response is refused when sent, like any other used or stale ticket: opening the link
//! shows nobody how often it was used. The salt is never stored and changes every day (and
//! at every restart), so nobody can recompute which tickets a link was given.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::keys::MasterKey;
use crate::store::{Store, StoreError, TicketUse};

const NONCE: usize = 16;
const TAG: usize = 16;
/// A ticket is valid on the (UTC) day it was handed out and the day after.
const VALID_DAYS: i32 = 2;

pub struct Tickets<'a> {
    pub store: &'a Store,
    pub master: &'a MasterKey,
    pub now: i64,
}

impl Tickets<'_> {
    fn today(&self) -> i32 {
        self.now.div_euclid(86_400) as i32
    }

    fn tag(&self, campaign: &str, day: i32, nonce: &[u8]) -> [u8; TAG] {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.master.derive("ticket")).expect("any length");
        mac.update(campaign.as_bytes());
        mac.update(b"\0");
        mac.update(&day.to_le_bytes());
        mac.update(nonce);
        mac.finalize().into_bytes()[..TAG].try_into().expect("16 bytes")
    }

    fn make(&self, campaign: &str, day: i32, nonce: &[u8; NONCE]) -> String {
        let mut bytes = day.to_le_bytes().to_vec();
        bytes.extend(nonce);
        bytes.extend(self.tag(campaign, day, nonce));
        data_encoding::BASE32_NOPAD.encode(&bytes).to_ascii_lowercase()
    }

    /// The ticket the link keyed `link_key` (today's salted key of the link) hands out now:
    /// the first of its `limit` tickets of today not used yet, or the last one.
    pub fn for_link(&self, campaign: &str, link_key: &str, limit: u32) -> Result<String, StoreError> {
        let day = self.today();
        let tickets: Vec<String> = (0..limit.max(1))
            .map(|n| {
                let mut nonce = [0u8; NONCE];
                nonce.copy_from_slice(&Sha256::digest(format!("{link_key}:{n}"))[..NONCE]);
                self.make(campaign, day, &nonce)
            })
            .collect();
        // Every ticket of the sequence is looked up, whichever is handed out: the work does
        // not tell how many were used.
        let hashes: Vec<[u8; 32]> = tickets.iter().map(|t| hash(t)).collect();
        let used = self.store.tickets_used(&hashes)?;
        let first_unused = used.iter().position(|u| !u).unwrap_or(tickets.len() - 1);
        Ok(tickets[first_unused].clone())
    }

    /// Checks a ticket sent with a response to `campaign`: made here, for this campaign, and
    /// not too old. Whether it was used already is the response's transaction's to find.
    pub fn check(&self, campaign: &str, ticket: &str) -> Option<TicketUse> {
        let bytes = data_encoding::BASE32_NOPAD.decode(ticket.to_ascii_uppercase().as_bytes()).ok()?;
        if bytes.len() != 4 + NONCE + TAG {
            return None;
        }
        let day = i32::from_le_bytes(bytes[..4].try_into().ok()?);
        let (nonce, tag) = bytes[4..].split_at(NONCE);
        if !bool::from(self.tag(campaign, day, nonce).ct_eq(tag)) {
            return None;
        }
        let last_day = day + VALID_DAYS - 1;
        (day <= self.today() && self.today() <= last_day).then(|| TicketUse { hash: hash(ticket), last_day })
    }
}

fn hash(ticket: &str) -> [u8; 32] {
    Sha256::digest(ticket.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_gets_the_same_ticket_until_it_is_used_and_never_more_than_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let master = MasterKey::from_bytes([5; 32]);
        let store = Store::open(dir.path(), &master).unwrap();
        let now = 20_000 * 86_400 + 3600;
        let tickets = Tickets { store: &store, master: &master, now };
        let first = tickets.for_link("c", "link:abc", 3).unwrap();
        assert_eq!(tickets.for_link("c", "link:abc", 3).unwrap(), first, "a reload: the same ticket");
        assert_ne!(tickets.for_link("c", "link:other", 3).unwrap(), first);
        let mut handed = vec![];
        for _ in 0..3 {
            let t = tickets.for_link("c", "link:abc", 3).unwrap();
            let valid = tickets.check("c", &t).expect("a valid ticket");
            assert!(store.use_ticket_for_test(valid, "c").unwrap(), "first use");
            assert!(!store.use_ticket_for_test(valid, "c").unwrap(), "single use");
            handed.push(t);
        }
        handed.dedup();
        assert_eq!(handed.len(), 3, "a fresh ticket after each use");
        let past_limit = tickets.for_link("c", "link:abc", 3).unwrap();
        assert_eq!(past_limit, handed[2], "past the limit: the last one again, used");

        assert!(tickets.check("other campaign", &first).is_none());
        assert!(tickets.check("c", "aaaa").is_none());
        let mut forged = first.clone().into_bytes();
        forged[40] = if forged[40] == b'a' { b'b' } else { b'a' };
        assert!(tickets.check("c", std::str::from_utf8(&forged).unwrap()).is_none());
        let tomorrow = Tickets { now: now + 86_400, ..tickets };
        assert!(tomorrow.check("c", &first).is_some(), "valid the next day");
        let later = Tickets { now: now + 2 * 86_400, ..tickets };
        assert!(later.check("c", &first).is_none(), "not the day after");
    }
}
