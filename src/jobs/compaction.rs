//! Compaction: once writing has paused, the store file is rewritten without its freed pages.
//! redb is copy-on-write, so the previous version of every page a commit changed stays in the
//! file until it is reused; comparing two versions shows what the commit between them wrote,
//! so a copy of the file taken at any moment would tell the newest responses, enrolments or
//! messages from the older ones (invariant 3). Compacting after each pause leaves only live
//! pages. It waits for a quiet spell ten times as long as the last compaction took (at least
//! a second), so a large store is not compacted more than a tenth of the time, and it never
//! waits for an open transaction: a busy store is compacted at its next pause.

use std::time::{Duration, Instant};

use crate::store::{Store, StoreError};

const QUIET_AT_LEAST: Duration = Duration::from_secs(1);

/// What the job remembers between its ticks.
#[derive(Default)]
pub struct Compaction {
    /// The write count last seen, and since when it has not changed.
    seen: Option<(u64, Instant)>,
    /// The write count at the last compaction.
    compacted_at: u64,
    took: Duration,
}

impl Compaction {
    /// Compacts `store` if it was written since the last compaction and has been quiet long
    /// enough; returns whether it did.
    pub fn tick(&mut self, store: &Store, now: Instant) -> Result<bool, StoreError> {
        let writes = store.writes();
        match self.seen {
            Some((seen, _)) if seen == writes => {}
            _ => {
                self.seen = Some((writes, now));
                return Ok(false);
            }
        }
        let quiet_since = self.seen.map_or(now, |s| s.1);
        if writes == self.compacted_at || now.duration_since(quiet_since) < QUIET_AT_LEAST.max(self.took * 10)
        {
            return Ok(false);
        }
        let started = Instant::now();
        if !store.compact()? {
            return Ok(false);
        }
        self.took = started.elapsed();
        self.compacted_at = writes;
        tracing::debug!(ms = self.took.as_millis() as u64, "store compacted");
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::MasterKey;
    use crate::store::Draft;

    #[test]
    fn a_paused_store_is_compacted_once_and_keeps_no_freed_copy_of_a_row() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &MasterKey::from_bytes([7; 32])).unwrap();
        let draft = Draft {
            campaign_id: "FREED-PAGE-MARKER-91c2".into(),
            expires: 1,
            sealed: Vec::new(),
            story_key: true,
        };
        store.save_draft(b"code", &draft).unwrap();
        store.delete_draft(b"code").unwrap();
        let file = dir.path().join(crate::store::FILE_NAME);
        let holds = || std::fs::read(&file).unwrap().windows(22).any(|w| w == b"FREED-PAGE-MARKER-91c2");
        assert!(holds(), "redb leaves the deleted row in a freed page");

        let mut job = Compaction::default();
        let t0 = Instant::now();
        assert!(!job.tick(&store, t0).unwrap(), "first sight of the writes");
        assert!(!job.tick(&store, t0 + Duration::from_millis(500)).unwrap(), "not quiet long enough");
        assert!(job.tick(&store, t0 + Duration::from_secs(2)).unwrap());
        assert!(!holds(), "compacted: no freed copy left");
        assert!(!job.tick(&store, t0 + Duration::from_secs(4)).unwrap(), "nothing written since");
    }
}
