//! Delivery reports of texts. Each text handed to the gateway carries a random report id in
//! its report URL; the id waits here with the day it was sent until the gateway reports the
//! text delivered or not, then it goes and the month's count grows. An id says nothing about
//! whom the text went to: it is drawn for the report alone and kept with its day, not its
//! second. Ids without a report after a week go, counted as unreported.

use redb::{ReadableTable, ReadableTableMetadata, TableDefinition};
use serde::{Deserialize, Serialize};

use super::outbox::MAIL_STATE;
use super::{Store, StoreError, from_json, to_json};

// random report id → day number the text was sent
pub(super) const TEXT_REPORTS: TableDefinition<[u8; 16], i32> = TableDefinition::new("text_reports");

/// How long a gateway has to report a text.
const REPORT_DAYS: i32 = 7;

/// What a gateway reported about a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Delivered,
    Failed,
}

/// The month's delivery reports, for the SMS page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportCounts {
    pub delivered: u64,
    pub failed: u64,
    /// Texts no report came for within a week.
    pub unreported: u64,
    /// Texts sent this month still waiting for their report (stored as 0: counted on reading).
    #[serde(default)]
    pub awaiting: u64,
}

fn month_of_day(day: i32) -> String {
    crate::sms::month_of(i64::from(day) * 86_400)
}

fn counts_key(month: &str) -> String {
    format!("text_reports:{month}")
}

/// Adds one report (or its absence) to the counts of the month of `day`.
fn count(
    state: &mut redb::Table<&str, &[u8]>,
    day: i32,
    add: impl FnOnce(&mut ReportCounts),
) -> Result<(), StoreError> {
    let key = counts_key(&month_of_day(day));
    let mut counts: ReportCounts = match state.get(key.as_str())? {
        Some(v) => from_json(v.value())?,
        None => ReportCounts::default(),
    };
    add(&mut counts);
    state.insert(key.as_str(), to_json(&counts)?.as_slice())?;
    Ok(())
}

impl Store {
    /// Records report ids before their texts go out (a gateway may report within
    /// milliseconds, before the texts' outcomes are settled).
    pub fn expect_reports(&self, ids: &[[u8; 16]], day: i32) -> Result<(), StoreError> {
        let tx = self.write()?;
        {
            let mut table = tx.open_table(TEXT_REPORTS)?;
            for id in ids {
                table.insert(*id, day)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Forgets the report ids of texts that did not go out after all.
    pub fn forget_reports(&self, ids: &[[u8; 16]]) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        let tx = self.write()?;
        {
            let mut table = tx.open_table(TEXT_REPORTS)?;
            for id in ids {
                table.remove(*id)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Counts gateways' final reports in one transaction; a report whose id is unknown
    /// (reported already, too late, or never handed out) counts nothing. Returns how many
    /// counted.
    pub fn settle_reports(&self, reports: &[([u8; 16], Delivery)]) -> Result<usize, StoreError> {
        let tx = self.write()?;
        let mut counted = 0;
        {
            let mut table = tx.open_table(TEXT_REPORTS)?;
            let mut state = tx.open_table(MAIL_STATE)?;
            for (id, delivery) in reports {
                let Some(day) = table.remove(*id)?.map(|d| d.value()) else { continue };
                count(&mut state, day, |c| match delivery {
                    Delivery::Delivered => c.delivered += 1,
                    Delivery::Failed => c.failed += 1,
                })?;
                counted += 1;
            }
        }
        tx.commit()?;
        Ok(counted)
    }

    /// Drops the ids that waited a week by `today`, counting them as unreported in their
    /// month; returns how many.
    pub fn expire_reports(&self, today: i32) -> Result<usize, StoreError> {
        let tx = self.write()?;
        let expired = {
            let mut table = tx.open_table(TEXT_REPORTS)?;
            let mut expired: Vec<([u8; 16], i32)> = Vec::new();
            for row in table.iter()? {
                let (k, v) = row?;
                if today - v.value() >= REPORT_DAYS {
                    expired.push((k.value(), v.value()));
                }
            }
            let mut state = tx.open_table(MAIL_STATE)?;
            for (id, day) in &expired {
                table.remove(*id)?;
                count(&mut state, *day, |c| c.unreported += 1)?;
            }
            expired.len()
        };
        tx.commit()?;
        Ok(expired)
    }

    /// The reports of `month` ("2026-11"), with the texts of that month still waiting.
    pub fn report_counts(&self, month: &str) -> Result<ReportCounts, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(TEXT_REPORTS)?;
        let state = tx.open_table(MAIL_STATE)?;
        let stored = state.get(counts_key(month).as_str())?.map(|v| from_json(v.value())).transpose()?;
        let mut counts: ReportCounts = stored.unwrap_or_default();
        if table.len()? > 0 {
            for row in table.iter()? {
                if month_of_day(row?.1.value()) == month {
                    counts.awaiting += 1;
                }
            }
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_counts_once_in_the_month_its_text_went_and_late_ones_expire() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap();
        // 31 March 2027.
        let day = 20_908;
        assert_eq!(month_of_day(day), "2027-03");
        assert_eq!(month_of_day(day + 1), "2027-04");
        let (a, b, c) = ([1u8; 16], [2u8; 16], [3u8; 16]);
        store.expect_reports(&[a, b, c], day).unwrap();
        assert_eq!(store.report_counts("2027-03").unwrap().awaiting, 3);
        let reports = [(a, Delivery::Delivered), (a, Delivery::Delivered), (b, Delivery::Failed)];
        assert_eq!(store.settle_reports(&reports).unwrap(), 2, "a repeated report counts once");
        assert_eq!(
            store.settle_reports(&[(a, Delivery::Delivered), ([9; 16], Delivery::Delivered)]).unwrap(),
            0
        );
        assert_eq!(store.expire_reports(day + REPORT_DAYS - 1).unwrap(), 0);
        assert_eq!(store.expire_reports(day + REPORT_DAYS).unwrap(), 1);
        let counts = store.report_counts("2027-03").unwrap();
        assert_eq!((counts.delivered, counts.failed, counts.unreported, counts.awaiting), (1, 1, 1, 0));
        assert_eq!(store.report_counts("2027-04").unwrap(), ReportCounts::default());
    }
}
