//! Released figures: each completed period's counts as decided once, frozen (see
//! `figures`). A release is never changed; a period is released at most once.

use redb::{ReadableTable, TableDefinition};

use super::{Store, StoreError, from_json, to_json};
use crate::model::figures::Release;

// (campaign id, first day number of the period; i32::MAX for the whole campaign) → JSON Release
pub(super) const RELEASES: TableDefinition<(&str, i32), &[u8]> = TableDefinition::new("releases");
// (campaign id, questionnaire version) → 0: the version has responses (it is frozen)
pub(super) const VERSIONS_ANSWERED: TableDefinition<(&str, u32), u8> =
    TableDefinition::new("versions_answered");

impl Store {
    /// A campaign's releases: its periods in order, then the whole campaign.
    pub fn releases(&self, campaign: &str) -> Result<Vec<Release>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(RELEASES)?;
        let range = table.range((campaign, i32::MIN)..=(campaign, i32::MAX))?;
        range.map(|row| from_json(row?.1.value())).collect()
    }

    /// Stores releases not stored yet (a period released meanwhile keeps its first release).
    pub fn save_releases(&self, campaign: &str, releases: &[Release]) -> Result<(), StoreError> {
        let tx = self.write()?;
        {
            let mut table = tx.open_table(RELEASES)?;
            for r in releases {
                let key = (campaign, if r.whole { i32::MAX } else { r.first });
                if table.get(key)?.is_none() {
                    table.insert(key, to_json(r)?.as_slice())?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Whether any response answered this questionnaire version (then it is frozen).
    pub fn version_has_responses(&self, campaign_id: &str, version: u32) -> Result<bool, StoreError> {
        let tx = self.read()?;
        Ok(tx.open_table(VERSIONS_ANSWERED)?.get((campaign_id, version))?.is_some())
    }
}
