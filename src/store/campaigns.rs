//! Campaigns, their questionnaire versions and data keys, and the responses with the
//! counters that dashboards read. A response and its counters are written in one
//! transaction; response keys are random, so storage order says nothing of arrival order.

use std::collections::BTreeMap;

use rand::RngCore;
use redb::{ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, from_json, to_json};
use crate::model::campaign::Campaign;
use crate::model::questionnaire::Questionnaire;
use crate::model::response::Answer;

// campaign id (32 hex characters) → JSON Campaign
pub(super) const CAMPAIGNS: TableDefinition<&str, &[u8]> = TableDefinition::new("campaigns");
// public slug → campaign id
pub(super) const SLUGS: TableDefinition<&str, &str> = TableDefinition::new("slugs");
// (campaign id, version) → JSON Questionnaire
pub(super) const QUESTIONNAIRES: TableDefinition<(&str, u32), &[u8]> = TableDefinition::new("questionnaires");
// scope ("campaign:<id>") → its data key, wrapped by the master key. No longer written:
// keys live in the keyring file; `Store::open` moves any found here.
pub(super) const KEYRING: TableDefinition<&str, &[u8]> = TableDefinition::new("keyring");
// (campaign id, 16 random bytes) → JSON StoredResponse
pub(super) const RESPONSES: TableDefinition<(&str, [u8; 16]), &[u8]> = TableDefinition::new("responses");
// (campaign id, same random key) → the response's version (u32 LE), period (i32 LE) and
// counter slots (u16 LE each): what a filtered dashboard scans, without parsing JSON
pub(super) const RESPONSE_SLOTS: TableDefinition<(&str, [u8; 16]), &[u8]> =
    TableDefinition::new("response_slots");
// (campaign id, questionnaire version, period day number) → counters per response as they
// once were kept; no longer written (migration 10 empties it)
pub(super) const COUNTERS: TableDefinition<(&str, u32, i32), &[u8]> = TableDefinition::new("counters");
// sha256(form nonce) → day number until which it is kept: a form is counted once
pub(super) const FORM_NONCES: TableDefinition<&[u8], i32> = TableDefinition::new("form_nonces");

// sha256(resume code) → JSON Draft: unfinished answers, sealed
pub(super) const DRAFTS: TableDefinition<&[u8], &[u8]> = TableDefinition::new("drafts");

/// Unfinished answers saved to continue later.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Draft {
    pub campaign_id: String,
    /// Last day (day number in the campaign's time zone) on which it can be resumed.
    pub expires: i32,
    /// The FormInput as JSON, sealed with the campaign's story key (`story_key`) or, for
    /// drafts saved before that, its data key.
    pub sealed: Vec<u8>,
    #[serde(default)]
    pub story_key: bool,
}

/// One response as stored: no participant, no time finer than its period, no sequence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredResponse {
    pub version: u32,
    /// Day number (days since 1970-01-01) of its day, or of its week's Monday.
    pub period: i32,
    pub answers: BTreeMap<String, Answer>,
    /// The story texts (question id → text) sealed with the campaign's story key (or,
    /// where `story_key` is false, its data key).
    pub sealed_stories: Option<Vec<u8>>,
    #[serde(default)]
    pub story_key: bool,
}

pub struct NewResponse {
    pub campaign_id: String,
    pub record: StoredResponse,
    pub slots: Vec<usize>,
    pub nonce_hash: [u8; 32],
    pub nonce_keep_until: i32,
    /// For enrolled campaigns: the ticket this response uses.
    pub ticket: Option<super::TicketUse>,
    /// The keyed hash of the receipt that opens this response's follow-up thread.
    pub receipt: Option<[u8; 32]>,
    pub now: i64,
}

/// What became of one response in a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    Stored,
    /// Its form (nonce) was counted already.
    Duplicate,
    /// Its ticket was used already.
    NoTicket,
}

impl Store {
    pub fn create_campaign(
        &self,
        campaign: &Campaign,
        wrapped_key: &[u8],
        questionnaire: &Questionnaire,
    ) -> Result<(), StoreError> {
        // The key first: a crash after it leaves an unused key, never a campaign without one.
        self.put_key(&campaign.scope(), wrapped_key)?;
        let tx = self.write()?;
        {
            tx.open_table(CAMPAIGNS)?.insert(campaign.id.as_str(), to_json(campaign)?.as_slice())?;
            tx.open_table(SLUGS)?.insert(campaign.slug.as_str(), campaign.id.as_str())?;
            tx.open_table(QUESTIONNAIRES)?
                .insert((campaign.id.as_str(), campaign.version), to_json(questionnaire)?.as_slice())?;
        }
        tx.commit()?;
        self.campaigns_changed();
        Ok(())
    }

    pub fn campaign(&self, id: &str) -> Result<Option<Campaign>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(CAMPAIGNS)?;
        let value = table.get(id)?;
        value.map(|v| from_json(v.value())).transpose()
    }

    pub fn campaign_by_slug(&self, slug: &str) -> Result<Option<Campaign>, StoreError> {
        let id = {
            let tx = self.read()?;
            let table = tx.open_table(SLUGS)?;
            let id = table.get(slug)?;
            id.map(|v| v.value().to_string())
        };
        match id {
            Some(id) => self.campaign(&id),
            None => Ok(None),
        }
    }

    pub fn all_campaigns(&self) -> Result<Vec<Campaign>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(CAMPAIGNS)?;
        table.iter()?.map(|row| from_json(row?.1.value())).collect()
    }

    pub fn save_campaign(&self, campaign: &Campaign) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(CAMPAIGNS)?.insert(campaign.id.as_str(), to_json(campaign)?.as_slice())?;
        tx.commit()?;
        self.campaigns_changed();
        Ok(())
    }

    /// Saves a questionnaire version and points the campaign at it, in one transaction.
    pub fn save_questionnaire(&self, campaign: &Campaign, q: &Questionnaire) -> Result<(), StoreError> {
        let tx = self.write()?;
        {
            tx.open_table(QUESTIONNAIRES)?
                .insert((campaign.id.as_str(), campaign.version), to_json(q)?.as_slice())?;
            tx.open_table(CAMPAIGNS)?.insert(campaign.id.as_str(), to_json(campaign)?.as_slice())?;
        }
        tx.commit()?;
        self.campaigns_changed();
        Ok(())
    }

    pub fn questionnaire(
        &self,
        campaign_id: &str,
        version: u32,
    ) -> Result<Option<Questionnaire>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(QUESTIONNAIRES)?;
        let value = table.get((campaign_id, version))?;
        value.map(|v| from_json(v.value())).transpose()
    }

    /// Writes a batch of responses in one transaction, using their tickets in it. Returns
    /// what became of each. No aggregate is updated per response: figures are counted when
    /// a period is released, so no row is rewritten response by response (whose older
    /// versions, in freed pages, would tell one response from the next).
    pub fn record_responses(&self, batch: &[NewResponse]) -> Result<Vec<Recorded>, StoreError> {
        let tx = self.write()?;
        let mut recorded = Vec::with_capacity(batch.len());
        {
            let mut responses = tx.open_table(RESPONSES)?;
            let mut slot_rows = tx.open_table(RESPONSE_SLOTS)?;
            let mut answered = tx.open_table(super::releases::VERSIONS_ANSWERED)?;
            let mut nonces = tx.open_table(FORM_NONCES)?;
            for r in batch {
                if nonces.get(r.nonce_hash.as_slice())?.is_some() {
                    recorded.push(Recorded::Duplicate);
                    continue;
                }
                if let Some(ticket) = r.ticket
                    && !super::participants::use_ticket(&tx, ticket, &r.campaign_id)?
                {
                    recorded.push(Recorded::NoTicket);
                    continue;
                }
                nonces.insert(r.nonce_hash.as_slice(), r.nonce_keep_until)?;
                let mut key = [0u8; 16];
                rand::rngs::OsRng.fill_bytes(&mut key);
                responses.insert((r.campaign_id.as_str(), key), to_json(&r.record)?.as_slice())?;
                if let Some(hash) = r.receipt {
                    super::threads::add_receipt(&tx, hash, &r.campaign_id, key)?;
                }
                let packed = pack_slots(r.record.version, r.record.period, &r.slots);
                slot_rows.insert((r.campaign_id.as_str(), key), packed.as_slice())?;
                let version = (r.campaign_id.as_str(), r.record.version);
                if answered.get(version)?.is_none() {
                    answered.insert(version, 0)?;
                }
                recorded.push(Recorded::Stored);
            }
        }
        tx.commit()?;
        Ok(recorded)
    }

    /// Every response of a campaign (only that campaign's key range is read).
    pub fn responses_of(&self, campaign_id: &str) -> Result<Vec<StoredResponse>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(RESPONSES)?;
        let range = table.range((campaign_id, [0u8; 16])..=(campaign_id, [255u8; 16]))?;
        range.map(|row| from_json(row?.1.value())).collect()
    }

    /// Calls `f(version, period, slots)` for each response of a campaign, in key order.
    pub fn for_each_slots(
        &self,
        campaign_id: &str,
        mut f: impl FnMut(u32, i32, &[u16]),
    ) -> Result<(), StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(RESPONSE_SLOTS)?;
        let mut slots = Vec::new();
        for row in table.range((campaign_id, [0u8; 16])..=(campaign_id, [255u8; 16]))? {
            let row = row?;
            let bytes = row.1.value();
            if bytes.len() < 8 {
                return Err(StoreError::Internal("a response's slot row is short".into()));
            }
            let version = u32::from_le_bytes(bytes[..4].try_into().expect("4 bytes"));
            let period = i32::from_le_bytes(bytes[4..8].try_into().expect("4 bytes"));
            slots.clear();
            slots.extend(bytes[8..].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])));
            f(version, period, &slots);
        }
        Ok(())
    }

    /// The random keys of a campaign's responses (tests check they link to nothing).
    pub fn response_keys(&self, campaign_id: &str) -> Result<Vec<[u8; 16]>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(RESPONSES)?;
        let range = table.range((campaign_id, [0u8; 16])..=(campaign_id, [255u8; 16]))?;
        range.map(|row| Ok(row?.0.value().1)).collect()
    }
}

impl Store {
    pub fn save_draft(&self, code_hash: &[u8], draft: &Draft) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(DRAFTS)?.insert(code_hash, to_json(draft)?.as_slice())?;
        tx.commit()?;
        Ok(())
    }

    pub fn draft(&self, code_hash: &[u8]) -> Result<Option<Draft>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(DRAFTS)?;
        let value = table.get(code_hash)?;
        value.map(|v| from_json(v.value())).transpose()
    }

    pub fn delete_draft(&self, code_hash: &[u8]) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(DRAFTS)?.remove(code_hash)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes drafts whose last day is before `day`; returns how many.
    pub fn delete_expired_drafts(&self, day: i32) -> Result<usize, StoreError> {
        let tx = self.write()?;
        let removed = {
            let mut table = tx.open_table(DRAFTS)?;
            let before = redb::ReadableTableMetadata::len(&table)?;
            table.retain(|_, v| from_json::<Draft>(v).map_or(true, |d| d.expires >= day))?;
            (before - redb::ReadableTableMetadata::len(&table)?) as usize
        };
        tx.commit()?;
        Ok(removed)
    }
}

pub(super) fn pack_slots(version: u32, period: i32, slots: &[usize]) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + slots.len() * 2);
    out.extend(version.to_le_bytes());
    out.extend(period.to_le_bytes());
    out.extend(slots.iter().flat_map(|s| (*s as u16).to_le_bytes()));
    out
}
