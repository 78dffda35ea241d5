//! Participants of enrolled campaigns, their allow-lists, one-time participant links, and
//! the response tickets. No table here holds anything about responding: a ticket is stored
//! with its campaign only, and is consumed in the response's own transaction.

use redb::{ReadableTable, ReadableTableMetadata, TableDefinition};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, from_json, to_json};
use crate::model::Lang;

// (campaign id, 16 random bytes) → JSON Participant
pub(super) const PARTICIPANTS: TableDefinition<(&str, [u8; 16]), &[u8]> =
    TableDefinition::new("participants");
// (keyed hash of the normalised address, campaign id) → participant id: de-duplication and
// the participant's own rights requests
pub(super) const ADDRESSES: TableDefinition<([u8; 32], &str), [u8; 16]> = TableDefinition::new("addresses");
// sha256(personal link secret) → (campaign id, participant id)
pub(super) const LINKS: TableDefinition<[u8; 32], (&str, [u8; 16])> = TableDefinition::new("links");
// (campaign id, keyed hash of an address or number) → 0 an address, 1 a number, 2 saved
// before kinds were kept
pub(super) const ALLOW_LIST: TableDefinition<(&str, [u8; 32]), u8> = TableDefinition::new("allow_list");

/// One contact on an allow-list, as its keyed hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllowEntry {
    pub hash: [u8; 32],
    /// A phone number rather than an address (counted apart on the campaign page).
    pub number: bool,
}
// sha256(used ticket) → (campaign id, the last day number it was valid): a ticket is
// recorded only when a response uses it, never with a participant or link
pub(super) const TICKETS: TableDefinition<[u8; 32], (&str, i64)> = TableDefinition::new("tickets");
// sha256(participant token) → JSON ParticipantToken: confirmation and rights links
pub(super) const PARTICIPANT_TOKENS: TableDefinition<[u8; 32], &[u8]> =
    TableDefinition::new("participant_tokens");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParticipantStatus {
    /// Enrolled, address not yet confirmed.
    Pending,
    /// Confirmed: reminded on schedule.
    Active,
    /// Mail to the address was refused permanently three times in a row.
    Inactive,
}

/// What tellpoint holds about one enrolled person. Nothing about responding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// The address, sealed under the participant's own contact key (or, for records made
    /// before contact keys, under the campaign key).
    pub sealed_address: Vec<u8>,
    /// Whether `sealed_address` is sealed under a contact key of its own.
    #[serde(default)]
    pub contact_key: bool,
    /// Keyed hash of the normalised address (see `participants::address_hash`).
    pub address_hash: [u8; 32],
    pub lang: Lang,
    pub status: ParticipantStatus,
    /// Day number of enrolment.
    pub enrolled: i32,
    /// Permanent rejections of mail to this address in a row.
    #[serde(default)]
    pub rejections: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "purpose", rename_all = "snake_case")]
pub enum TokenPurpose {
    /// Confirms an enrolment.
    Confirm { campaign: String, participant: [u8; 16] },
    /// Opens the rights page for every enrolment of one address.
    Access { address_hash: [u8; 32] },
    /// Confirms moving the enrolments of `address_hash` to a new address (sealed under the
    /// outbox key, since it belongs to no campaign yet).
    ChangeAddress {
        address_hash: [u8; 32],
        sealed_new: Vec<u8>,
        #[serde(default)]
        key_day: Option<i32>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipantToken {
    pub purpose: TokenPurpose,
    /// Unix second after which it is void.
    pub expires: i64,
}

/// A participant found by address hash: where, and the record.
pub type Enrolment = (String, [u8; 16], Participant);

impl Store {
    /// Adds a participant, its address index and token in one transaction. Fails with
    /// `Ok(false)` if the address is already enrolled in the campaign.
    pub fn add_participant(
        &self,
        campaign: &str,
        id: [u8; 16],
        p: &Participant,
        token_hash: [u8; 32],
        token: &ParticipantToken,
    ) -> Result<bool, StoreError> {
        let tx = self.write()?;
        {
            let mut addresses = tx.open_table(ADDRESSES)?;
            if addresses.get((p.address_hash, campaign))?.is_some() {
                return Ok(false);
            }
            addresses.insert((p.address_hash, campaign), id)?;
            tx.open_table(PARTICIPANTS)?.insert((campaign, id), to_json(p)?.as_slice())?;
            tx.open_table(PARTICIPANT_TOKENS)?.insert(token_hash, to_json(token)?.as_slice())?;
        }
        tx.commit()?;
        Ok(true)
    }

    pub fn participant(&self, campaign: &str, id: [u8; 16]) -> Result<Option<Participant>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(PARTICIPANTS)?;
        let value = table.get((campaign, id))?;
        value.map(|v| from_json(v.value())).transpose()
    }

    /// The participant of `campaign` with this address hash, if any.
    pub fn participant_by_address(
        &self,
        campaign: &str,
        address_hash: [u8; 32],
    ) -> Result<Option<([u8; 16], Participant)>, StoreError> {
        let id = {
            let tx = self.read()?;
            let table = tx.open_table(ADDRESSES)?;
            let id = table.get((address_hash, campaign))?;
            id.map(|v| v.value())
        };
        let Some(id) = id else { return Ok(None) };
        Ok(self.participant(campaign, id)?.map(|p| (id, p)))
    }

    /// Every enrolment of one address, in any campaign.
    pub fn enrolments_of(&self, address_hash: [u8; 32]) -> Result<Vec<Enrolment>, StoreError> {
        let tx = self.read()?;
        let addresses = tx.open_table(ADDRESSES)?;
        let participants = tx.open_table(PARTICIPANTS)?;
        let mut found = Vec::new();
        for row in addresses.range((address_hash, "")..)? {
            let (key, id) = row?;
            let (hash, campaign) = key.value();
            if hash != address_hash {
                break;
            }
            if let Some(p) = participants.get((campaign, id.value()))? {
                found.push((campaign.to_string(), id.value(), from_json(p.value())?));
            }
        }
        Ok(found)
    }

    /// Replaces a participant record; with `link`, also records its personal link hash.
    pub fn save_participant(
        &self,
        campaign: &str,
        id: [u8; 16],
        p: &Participant,
        link: Option<[u8; 32]>,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        {
            tx.open_table(PARTICIPANTS)?.insert((campaign, id), to_json(p)?.as_slice())?;
            if let Some(link) = link {
                tx.open_table(LINKS)?.insert(link, (campaign, id))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Moves a participant to a new address (sealed and hashed by the caller).
    pub fn readdress_participant(
        &self,
        campaign: &str,
        id: [u8; 16],
        old_hash: [u8; 32],
        p: &Participant,
    ) -> Result<bool, StoreError> {
        let tx = self.write()?;
        {
            let mut addresses = tx.open_table(ADDRESSES)?;
            if addresses.get((p.address_hash, campaign))?.is_some() {
                return Ok(false);
            }
            addresses.remove((old_hash, campaign))?;
            addresses.insert((p.address_hash, campaign), id)?;
            tx.open_table(PARTICIPANTS)?.insert((campaign, id), to_json(p)?.as_slice())?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Deletes a participant with its index rows, personal link and queued mail, at once.
    /// Returns how many queued mails were dropped.
    pub fn delete_participant(
        &self,
        campaign: &str,
        id: [u8; 16],
        link: [u8; 32],
    ) -> Result<usize, StoreError> {
        let tx = self.write()?;
        let dropped = {
            let mut participants = tx.open_table(PARTICIPANTS)?;
            let record = participants.remove((campaign, id))?.map(|v| from_json::<Participant>(v.value()));
            if let Some(p) = record.transpose()? {
                tx.open_table(ADDRESSES)?.remove((p.address_hash, campaign))?;
            }
            tx.open_table(LINKS)?.remove(link)?;
            let about = super::About::Participant { campaign: campaign.to_string(), id };
            let dropped = self.drop_mail_where(&tx, |a| *a == about)?;
            super::outbox::count_dropped(&tx, dropped)?;
            dropped
        };
        tx.commit()?;
        Ok(dropped)
    }

    pub fn link_target(&self, link_hash: [u8; 32]) -> Result<Option<(String, [u8; 16])>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(LINKS)?;
        let value = table.get(link_hash)?;
        Ok(value.map(|v| {
            let (c, id) = v.value();
            (c.to_string(), id)
        }))
    }

    /// Active participants of a campaign.
    pub fn active_participants(&self, campaign: &str) -> Result<Vec<([u8; 16], Participant)>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(PARTICIPANTS)?;
        let mut out = Vec::new();
        for row in table.range((campaign, [0u8; 16])..=(campaign, [255u8; 16]))? {
            let (k, v) = row?;
            let p: Participant = from_json(v.value())?;
            if p.status == ParticipantStatus::Active {
                out.push((k.value().1, p));
            }
        }
        Ok(out)
    }

    /// (pending, active, inactive) participants of a campaign.
    pub fn participant_counts(&self, campaign: &str) -> Result<(usize, usize, usize), StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(PARTICIPANTS)?;
        let mut counts = (0, 0, 0);
        for row in table.range((campaign, [0u8; 16])..=(campaign, [255u8; 16]))? {
            match from_json::<Participant>(row?.1.value())?.status {
                ParticipantStatus::Pending => counts.0 += 1,
                ParticipantStatus::Active => counts.1 += 1,
                ParticipantStatus::Inactive => counts.2 += 1,
            }
        }
        Ok(counts)
    }

    /// The raw rows of the participant tables (tests compare them byte for byte).
    pub fn participant_table_bytes(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        let tx = self.read()?;
        let mut rows = Vec::new();
        for row in tx.open_table(PARTICIPANTS)?.iter()? {
            let (k, v) = row?;
            let (c, id) = k.value();
            rows.push([c.as_bytes(), &id, v.value()].concat());
        }
        for row in tx.open_table(ADDRESSES)?.iter()? {
            let (k, v) = row?;
            let (h, c) = k.value();
            rows.push([&h[..], c.as_bytes(), &v.value()].concat());
        }
        for row in tx.open_table(LINKS)?.iter()? {
            let (k, v) = row?;
            let (c, id) = v.value();
            rows.push([&k.value()[..], c.as_bytes(), &id].concat());
        }
        Ok(rows)
    }

    pub fn save_participant_token(&self, hash: [u8; 32], token: &ParticipantToken) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(PARTICIPANT_TOKENS)?.insert(hash, to_json(token)?.as_slice())?;
        tx.commit()?;
        Ok(())
    }

    pub fn participant_token(&self, hash: [u8; 32]) -> Result<Option<ParticipantToken>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(PARTICIPANT_TOKENS)?;
        let value = table.get(hash)?;
        value.map(|v| from_json(v.value())).transpose()
    }

    pub fn delete_participant_token(&self, hash: [u8; 32]) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(PARTICIPANT_TOKENS)?.remove(hash)?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces (or with `replace = false`, extends) a campaign's allow-list.
    pub fn set_allow_list(
        &self,
        campaign: &str,
        entries: &[AllowEntry],
        replace: bool,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        {
            let mut table = tx.open_table(ALLOW_LIST)?;
            if replace {
                table.retain_in((campaign, [0u8; 32])..=(campaign, [255u8; 32]), |_, _| false)?;
            }
            for e in entries {
                table.insert((campaign, e.hash), u8::from(e.number))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub fn remove_from_allow_list(&self, campaign: &str, hash: [u8; 32]) -> Result<bool, StoreError> {
        let tx = self.write()?;
        let removed = tx.open_table(ALLOW_LIST)?.remove((campaign, hash))?.is_some();
        tx.commit()?;
        Ok(removed)
    }

    pub fn allow_list_len(&self, campaign: &str) -> Result<usize, StoreError> {
        let (addresses, numbers, unknown) = self.allow_list_counts(campaign)?;
        Ok(addresses + numbers + unknown)
    }

    /// How many addresses, numbers and entries of unknown kind (saved before kinds were
    /// kept) a campaign's allow-list holds.
    pub fn allow_list_counts(&self, campaign: &str) -> Result<(usize, usize, usize), StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(ALLOW_LIST)?;
        let (mut addresses, mut numbers, mut unknown) = (0, 0, 0);
        for row in table.range((campaign, [0u8; 32])..=(campaign, [255u8; 32]))? {
            match row?.1.value() {
                0 => addresses += 1,
                1 => numbers += 1,
                _ => unknown += 1,
            }
        }
        Ok((addresses, numbers, unknown))
    }

    pub fn allow_listed(&self, campaign: &str, hash: [u8; 32]) -> Result<bool, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(ALLOW_LIST)?;
        Ok(table.get((campaign, hash))?.is_some())
    }

    /// Which of these tickets were used.
    pub fn tickets_used(&self, hashes: &[[u8; 32]]) -> Result<Vec<bool>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(TICKETS)?;
        hashes.iter().map(|h| Ok(table.get(*h)?.is_some())).collect()
    }

    #[cfg(test)]
    pub(crate) fn use_ticket_for_test(&self, ticket: TicketUse, campaign: &str) -> Result<bool, StoreError> {
        let tx = self.write()?;
        let used = use_ticket(&tx, ticket, campaign)?;
        tx.commit()?;
        Ok(used)
    }

    /// Removes tickets and participant tokens past their time; returns how many.
    /// Pending participants no live confirmation link points at any more: their 48 hours
    /// to confirm are up (a fresh enrolment request makes a fresh link).
    pub fn unconfirmed_past_their_links(&self) -> Result<Vec<(String, [u8; 16])>, StoreError> {
        let tx = self.read()?;
        let mut waiting = std::collections::HashSet::new();
        for row in tx.open_table(PARTICIPANT_TOKENS)?.iter()? {
            if let Ok(t) = from_json::<ParticipantToken>(row?.1.value())
                && let TokenPurpose::Confirm { campaign, participant } = t.purpose
            {
                waiting.insert((campaign, participant));
            }
        }
        let mut stale = Vec::new();
        for row in tx.open_table(PARTICIPANTS)?.iter()? {
            let (k, v) = row?;
            let (campaign, id) = k.value();
            let p: Participant = from_json(v.value())?;
            if p.status == ParticipantStatus::Pending && !waiting.contains(&(campaign.to_string(), id)) {
                stale.push((campaign.to_string(), id));
            }
        }
        Ok(stale)
    }

    pub fn delete_expired_tickets(&self, now: i64) -> Result<usize, StoreError> {
        let today = now.div_euclid(86_400);
        let tx = self.write()?;
        let removed = {
            let mut tickets = tx.open_table(TICKETS)?;
            let before = tickets.len()?;
            tickets.retain(|_, (_, last_day)| last_day >= today)?;
            let mut tokens = tx.open_table(PARTICIPANT_TOKENS)?;
            let before_tokens = tokens.len()?;
            tokens.retain(|_, v| from_json::<ParticipantToken>(v).is_ok_and(|t| t.expires >= now))?;
            (before - tickets.len()? + before_tokens - tokens.len()?) as usize
        };
        tx.commit()?;
        Ok(removed)
    }
}

/// A ticket a response uses: its hash and the last day it is valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TicketUse {
    pub hash: [u8; 32],
    pub last_day: i32,
}

/// Records a ticket as used, inside the response's transaction: false if it was already.
pub(super) fn use_ticket(
    tx: &redb::WriteTransaction,
    ticket: TicketUse,
    campaign: &str,
) -> Result<bool, StoreError> {
    let mut tickets = tx.open_table(TICKETS)?;
    if tickets.get(ticket.hash)?.is_some() {
        return Ok(false);
    }
    tickets.insert(ticket.hash, (campaign, i64::from(ticket.last_day)))?;
    Ok(true)
}
