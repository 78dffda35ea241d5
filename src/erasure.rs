//! Erasure: a campaign erased on demand (the owner types its title to confirm) or finished
//! by the erasure run after a crash. Its data key and its participants' contact keys are
//! destroyed first, so every sealed copy of its addresses and texts, in the store's freed
//! pages included, is unreadable from that moment; then its rows go in batches; then the
//! keyring file is rewritten without the destroyed keys. Each run appends to the erasure
//! log what it erased, never contents.

use crate::campaign::Campaign;
use crate::store::{ErasureEntry, Store, StoreError};

/// Responses deleted per transaction: short enough that intake for other campaigns waits
/// only briefly for the single writer.
pub const BATCH: usize = 5_000;

#[derive(Debug, thiserror::Error)]
pub enum ErasureError {
    #[error("type the campaign's title exactly as it is shown to confirm the erasure")]
    TitleMismatch,
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub struct Erasure<'a> {
    pub store: &'a Store,
    pub now: i64,
}

impl Erasure<'_> {
    fn day(&self) -> i32 {
        self.now.div_euclid(86_400) as i32
    }

    /// Erases a campaign now, after the owner typed its title.
    pub fn erase_campaign(
        &self,
        c: &Campaign,
        typed: &str,
        by: &str,
    ) -> Result<Vec<ErasureEntry>, ErasureError> {
        if typed.trim() != c.settings.title.trim() {
            return Err(ErasureError::TitleMismatch);
        }
        self.store.begin_erasure(&c.id, &c.settings.title, &c.slug)?;
        self.store.append_audit(self.now, by, "campaign.erased", &c.id)?;
        Ok(self.finish(&c.id, &c.settings.title)?)
    }

    /// Destroys the keys of a campaign whose erasure has begun, deletes its rows and logs
    /// what went. Safe to run again after a crash at any point.
    fn finish(&self, id: &str, title: &str) -> Result<Vec<ErasureEntry>, StoreError> {
        let mut scopes = vec![crate::campaign::scope_of(id)];
        scopes.extend(self.store.key_scopes(&format!("contact:{id}:")));
        let keys = scopes.len() as u64;
        self.store.destroy_keys(&scopes)?;
        let mut totals: Vec<(&'static str, u64)> = vec![("data keys", keys)];
        loop {
            let (erased, done) = self.store.erase_campaign_batch(id, BATCH)?;
            for (class, n) in erased {
                match totals.iter_mut().find(|(c, _)| *c == class) {
                    Some(t) => t.1 += n,
                    None => totals.push((class, n)),
                }
            }
            if done {
                break;
            }
        }
        self.store.compact_keyring()?;
        let entries: Vec<ErasureEntry> = totals
            .into_iter()
            .map(|(class, count)| ErasureEntry {
                day: self.day(),
                class: class.into(),
                campaign: title.into(),
                count,
            })
            .collect();
        self.store.append_erasure_log(&entries)?;
        tracing::info!(classes = entries.len(), "campaign erased");
        Ok(entries)
    }

    /// The erasure run: finishes erasures a crash interrupted, and rewrites the keyring
    /// without keys destroyed since the last run (unsubscribes, erasure requests).
    pub fn run(&self) -> Result<Vec<ErasureEntry>, StoreError> {
        let mut entries = Vec::new();
        for (id, title) in self.store.erasing()? {
            entries.extend(self.finish(&id, &title)?);
        }
        if self.store.compact_keyring()? {
            tracing::info!("keyring rewritten without destroyed keys");
        }
        Ok(entries)
    }
}
