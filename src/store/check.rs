//! The store's integrity check (`tellpoint check`): redb's own check of its pages and
//! checksums, the audit chain, and the rows that must agree with each other and with the
//! keyring. Run after a crash, a restore, or whenever in doubt.

use std::collections::HashSet;

use redb::ReadableTable;

use super::campaigns::{CAMPAIGNS, RESPONSE_SLOTS, RESPONSES};
use super::erasure::ERASING;
use super::participants::PARTICIPANTS;
use super::{Db, Store, StoreError, from_json};
use crate::model::campaign::{Campaign, scope_of};

/// What the check found.
#[derive(Debug, Default)]
pub struct Checked {
    /// redb found damage (a crash mid-commit) and repaired it.
    pub repaired: bool,
    pub campaigns: usize,
    pub responses: u64,
    pub audit_entries: u64,
    /// Every disagreement found, each saying what and where.
    pub problems: Vec<String>,
}

impl Store {
    /// Checks the whole store. Needs the store open for writing (the server stopped).
    pub fn check(&mut self) -> Result<Checked, StoreError> {
        let Db::Writable(db) = self.db.get_mut().unwrap_or_else(|p| p.into_inner()) else {
            return Err(StoreError::ReadOnly);
        };
        let repaired = !db.check_integrity().map_err(|e| StoreError::Corrupt {
            path: super::FILE_NAME.into(),
            detail: format!("redb's integrity check failed: {e}"),
        })?;
        let mut checked = Checked { repaired, ..Default::default() };
        match self.verify_audit()? {
            Ok(n) => checked.audit_entries = n,
            Err(b) => checked.problems.push(format!("audit log broken at entry {}: {}", b.seq, b.reason)),
        }
        let tx = self.read()?;
        let erasing: HashSet<String> = tx
            .open_table(ERASING)?
            .iter()?
            .map(|r| r.map(|(k, _)| k.value().to_string()))
            .collect::<Result<_, _>>()?;
        let mut live = HashSet::new();
        for row in tx.open_table(CAMPAIGNS)?.iter()? {
            let c: Campaign = from_json(row?.1.value())?;
            if !erasing.contains(&c.id) && self.keyring.get(&scope_of(&c.id)).is_none() {
                checked.problems.push(format!("campaign {} has no data key in the keyring", c.id));
            }
            live.insert(c.id);
        }
        checked.campaigns = live.len();
        let known = |id: &str| live.contains(id) || erasing.contains(id);
        let slots = tx.open_table(RESPONSE_SLOTS)?;
        for row in tx.open_table(RESPONSES)?.iter()? {
            let (k, _) = row?;
            let (campaign, key) = k.value();
            checked.responses += 1;
            if !known(campaign) {
                checked.problems.push(format!("a response of campaign {campaign}, which does not exist"));
            } else if slots.get((campaign, key))?.is_none() {
                checked.problems.push(format!("a response of campaign {campaign} without its slot row"));
            }
        }
        let responses = tx.open_table(RESPONSES)?;
        for row in slots.iter()? {
            let (k, _) = row?;
            let (campaign, key) = k.value();
            if responses.get((campaign, key))?.is_none() {
                checked.problems.push(format!("a slot row of campaign {campaign} without its response"));
            }
        }
        for row in tx.open_table(PARTICIPANTS)?.iter()? {
            let campaign = row?.0.value().0.to_string();
            if !known(&campaign) {
                checked.problems.push(format!("a participant of campaign {campaign}, which does not exist"));
            }
        }
        for row in tx.open_table(super::threads::THREADS)?.iter()? {
            let (k, _) = row?;
            let (campaign, response) = k.value();
            if !known(campaign) {
                checked
                    .problems
                    .push(format!("a follow-up thread of campaign {campaign}, which does not exist"));
            } else if !erasing.contains(campaign)
                && self.keyring.get(&crate::model::campaign::thread_scope(campaign, response)).is_none()
            {
                checked
                    .problems
                    .push(format!("a follow-up thread of campaign {campaign} has no key in the keyring"));
            }
        }
        checked.problems.truncate(50);
        Ok(checked)
    }
}
