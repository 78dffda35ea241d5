//! The audit log: staff actions, append-only, each entry carrying the hash of the one
//! before, so that editing or removing an entry in the middle breaks the chain.
//! Entries name staff and what they did; never a password, a code or participant data.
//! Entries past their retention are pruned from the front; the first kept entry's place
//! in the chain becomes the anchor verification starts from.

use redb::{ReadableTable, ReadableTableMetadata};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{AUDIT, META, Store, StoreError, from_json, to_json};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
/// META key of where a pruned chain starts: the first kept entry's number and the hash it
/// points back to.
const ANCHOR: &str = "audit_anchor";

#[derive(Serialize, Deserialize)]
struct Anchor {
    seq: u64,
    prev: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: u64,
    /// Unix seconds.
    pub at: i64,
    /// The staff member who acted, `cli` for the command line, or the username tried.
    pub actor: String,
    pub action: String,
    pub target: String,
    pub prev: String,
    pub hash: String,
}

/// Where the chain first fails to verify.
#[derive(Debug, Clone)]
pub struct AuditBreak {
    pub seq: u64,
    pub reason: String,
}

impl AuditEntry {
    fn compute_hash(&self) -> String {
        #[derive(Serialize)]
        struct Body<'a> {
            seq: u64,
            at: i64,
            actor: &'a str,
            action: &'a str,
            target: &'a str,
            prev: &'a str,
        }
        let body = Body {
            seq: self.seq,
            at: self.at,
            actor: &self.actor,
            action: &self.action,
            target: &self.target,
            prev: &self.prev,
        };
        let bytes = serde_json::to_vec(&body).expect("plain struct serialises");
        data_encoding::HEXLOWER.encode(&Sha256::digest(bytes))
    }
}

impl Store {
    pub fn append_audit(
        &self,
        at: i64,
        actor: &str,
        action: &str,
        target: &str,
    ) -> Result<AuditEntry, StoreError> {
        let tx = self.write()?;
        let entry = {
            let mut table = tx.open_table(AUDIT)?;
            let last: Option<AuditEntry> = match table.last()? {
                Some((_, v)) => Some(from_json(v.value())?),
                None => None,
            };
            let mut entry = AuditEntry {
                seq: last.as_ref().map_or(1, |e| e.seq + 1),
                at,
                actor: actor.to_string(),
                action: action.to_string(),
                target: target.to_string(),
                prev: last.map_or_else(|| GENESIS.to_string(), |e| e.hash),
                hash: String::new(),
            };
            entry.hash = entry.compute_hash();
            table.insert(entry.seq, to_json(&entry)?.as_slice())?;
            entry
        };
        tx.commit()?;
        Ok(entry)
    }

    /// A page of the log, newest first, and the total number of entries.
    pub fn audit_page(&self, skip: usize, take: usize) -> Result<(Vec<AuditEntry>, u64), StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(AUDIT)?;
        let entries = table
            .iter()?
            .rev()
            .skip(skip)
            .take(take)
            .map(|row| from_json(row?.1.value()))
            .collect::<Result<_, _>>()?;
        Ok((entries, table.len()?))
    }

    /// Removes the entries made before `before` (unix second), always keeping the newest,
    /// and moves the anchor to the first kept entry in the same transaction. Returns how
    /// many went.
    pub fn prune_audit(&self, before: i64) -> Result<u64, StoreError> {
        let tx = self.write()?;
        let pruned = {
            let mut table = tx.open_table(AUDIT)?;
            let mut old = Vec::new();
            for row in table.iter()? {
                let (k, v) = row?;
                let entry: AuditEntry = from_json(v.value())?;
                if entry.at >= before {
                    break;
                }
                old.push(k.value());
            }
            if old.len() as u64 == table.len()? {
                old.pop();
            }
            for seq in &old {
                table.remove(*seq)?;
            }
            if let Some((_, v)) = table.first()?.filter(|_| !old.is_empty()) {
                let first: AuditEntry = from_json(v.value())?;
                let anchor = Anchor { seq: first.seq, prev: first.prev };
                tx.open_table(META)?.insert(ANCHOR, to_json(&anchor)?.as_slice())?;
            }
            old.len() as u64
        };
        tx.commit()?;
        Ok(pruned)
    }

    /// Checks every entry against its hash and its predecessor, from the anchor (or the
    /// start). Ok(count) or the first break.
    pub fn verify_audit(&self) -> Result<Result<u64, AuditBreak>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(AUDIT)?;
        let anchor: Option<Anchor> = match tx.open_table(META)?.get(ANCHOR)? {
            Some(v) => Some(from_json(v.value())?),
            None => None,
        };
        let (mut expected_seq, mut prev) = anchor.map_or((1, GENESIS.to_string()), |a| (a.seq, a.prev));
        let first_seq = expected_seq;
        for row in table.iter()? {
            let (key, value) = row?;
            let seq = key.value();
            let entry: AuditEntry = match from_json(value.value()) {
                Ok(e) => e,
                Err(_) => {
                    return Ok(Err(AuditBreak { seq, reason: "the entry cannot be read".into() }));
                }
            };
            let reason = if seq != expected_seq || entry.seq != seq {
                Some(format!("expected entry {expected_seq} here: entries were removed or renumbered"))
            } else if entry.prev != prev {
                Some("it does not point at the entry before it".into())
            } else if entry.compute_hash() != entry.hash {
                Some("its content does not match its hash: it was edited".into())
            } else {
                None
            };
            if let Some(reason) = reason {
                return Ok(Err(AuditBreak { seq, reason }));
            }
            prev = entry.hash;
            expected_seq += 1;
        }
        Ok(Ok(expected_seq - first_seq))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_verifies_and_detects_edits() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap();
        for i in 0..5 {
            store.append_audit(i, "alice", "login.ok", "").unwrap();
        }
        assert_eq!(store.verify_audit().unwrap().unwrap(), 5);
        let tx = store.write().unwrap();
        {
            let mut t = tx.open_table(AUDIT).unwrap();
            let mut e: AuditEntry = from_json(t.get(3).unwrap().unwrap().value()).unwrap();
            e.actor = "mallory".into();
            t.insert(3, to_json(&e).unwrap().as_slice()).unwrap();
        }
        tx.commit().unwrap();
        let broken = store.verify_audit().unwrap().unwrap_err();
        assert_eq!(broken.seq, 3);
    }

    #[test]
    fn pruning_old_entries_keeps_the_rest_verifiable() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap();
        for at in 0..10 {
            store.append_audit(at * 100, "alice", "login.ok", "").unwrap();
        }
        assert_eq!(store.prune_audit(400).unwrap(), 4);
        assert_eq!(store.verify_audit().unwrap().unwrap(), 6, "entries 5..10 verify from the anchor");
        store.append_audit(2000, "alice", "login.ok", "").unwrap();
        assert_eq!(store.verify_audit().unwrap().unwrap(), 7);
        assert_eq!(store.prune_audit(i64::MAX).unwrap(), 6, "the newest entry always stays");
        assert_eq!(store.verify_audit().unwrap().unwrap(), 1);
        // Removing an entry from the front without the anchor moving is still a break.
        store.append_audit(3000, "alice", "login.ok", "").unwrap();
        let tx = store.write().unwrap();
        tx.open_table(AUDIT).unwrap().remove(11).unwrap();
        tx.commit().unwrap();
        assert_eq!(store.verify_audit().unwrap().unwrap_err().seq, 12);
    }
}
