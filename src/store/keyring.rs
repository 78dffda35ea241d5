//! The keyring: every data key (per campaign, per contact), wrapped by the master key, in a
//! small file of its own beside the redb file. redb does not zero freed pages, so what is
//! deleted from the store lingers in its file; all that lingers of personal data is sealed,
//! and erasing it means destroying its key. Keys are appended as they are made; removing
//! one appends a tombstone at once, and `compact` writes the live keys to a new file that
//! replaces the old one, so a destroyed key is in no file of the data directory afterwards
//! and the sealed remnants can no longer be opened, not even with the master key.
//!
//! Each record carries a checksum; a torn record at the end (a crash mid-append) is dropped
//! on the next open, anything else damaged is refused.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use super::StoreError;

pub const FILE_NAME: &str = "keyring.bin";
const MAGIC: &[u8] = b"tellpoint keyring 1\n";
const PUT: u8 = 1;
const REMOVE: u8 = 2;

pub struct Keyring {
    path: PathBuf,
    inner: Mutex<Inner>,
}

struct Inner {
    live: BTreeMap<String, Vec<u8>>,
    /// Tombstones and replaced keys in the file: bytes `compact` would drop.
    dead: usize,
    file: Option<File>,
}

fn record(op: u8, scope: &str, wrapped: &[u8]) -> Vec<u8> {
    let mut body = vec![op];
    body.extend((scope.len() as u16).to_le_bytes());
    body.extend(scope.as_bytes());
    body.extend((wrapped.len() as u16).to_le_bytes());
    body.extend(wrapped);
    let sum = Sha256::digest(&body);
    body.extend(&sum[..8]);
    body
}

/// What the bytes at a position hold.
enum Found {
    Record {
        op: u8,
        scope: String,
        wrapped: Vec<u8>,
        len: usize,
    },
    /// Fewer bytes than the record declares: a write torn by a crash.
    Torn,
    Damaged,
}

fn parse(bytes: &[u8]) -> Found {
    let field = |from: usize, len: usize| bytes.get(from..from + len);
    let Some(head) = field(0, 3) else { return Found::Torn };
    let (op, slen) = (head[0], u16::from_le_bytes([head[1], head[2]]) as usize);
    let at = 3 + slen;
    let Some(wlen) = field(at, 2).map(|w| u16::from_le_bytes([w[0], w[1]]) as usize) else {
        return Found::Torn;
    };
    let end = at + 2 + wlen;
    let Some(sum) = field(end, 8) else { return Found::Torn };
    let scope = std::str::from_utf8(&bytes[3..at]).ok();
    match scope {
        Some(scope) if Sha256::digest(&bytes[..end])[..8] == *sum && (op == PUT || op == REMOVE) => {
            Found::Record { op, scope: scope.to_string(), wrapped: bytes[at + 2..end].to_vec(), len: end + 8 }
        }
        _ => Found::Damaged,
    }
}

impl Keyring {
    /// Opens (creating, unless `read_only`) the keyring in `data_dir`.
    pub fn open(data_dir: &Path, read_only: bool) -> Result<Keyring, StoreError> {
        let path = data_dir.join(FILE_NAME);
        let damaged = |detail: String| StoreError::Corrupt { path: path.clone(), detail };
        let mut bytes = Vec::new();
        match File::open(&path) {
            Ok(mut f) => {
                f.read_to_end(&mut bytes).map_err(|e| damaged(e.to_string()))?;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::Unreadable { path, detail: e.to_string() }),
        }
        let mut live = BTreeMap::new();
        let mut dead = 0;
        let mut valid = MAGIC.len();
        if !bytes.is_empty() {
            if !bytes.starts_with(MAGIC) {
                return Err(damaged("not a tellpoint keyring".into()));
            }
            let mut at = MAGIC.len();
            while at < bytes.len() {
                match parse(&bytes[at..]) {
                    Found::Record { op, scope, wrapped, len } => {
                        if op == PUT {
                            dead += usize::from(live.insert(scope, wrapped).is_some());
                        } else {
                            live.remove(&scope);
                            dead += 2;
                        }
                        at += len;
                    }
                    Found::Torn => break,
                    Found::Damaged => {
                        return Err(damaged(format!(
                            "the record at byte {at} fails its checksum; restore keyring.bin from a backup"
                        )));
                    }
                }
            }
            valid = at;
        }
        let file = if read_only {
            None
        } else {
            // A rewrite a crash interrupted: the old file is still whole and in place.
            let _ = std::fs::remove_file(path.with_extension("bin.new"));
            let mut f = OpenOptions::new()
                .create(true)
                .truncate(false)
                .read(true)
                .write(true)
                .mode(0o600)
                .open(&path)
                .map_err(|e| StoreError::Unreadable { path: path.clone(), detail: e.to_string() })?;
            if bytes.is_empty() {
                f.write_all(MAGIC).map_err(|e| damaged(e.to_string()))?;
            } else {
                // A record torn by a crash is dropped.
                f.set_len(valid as u64).map_err(|e| damaged(e.to_string()))?;
            }
            f.sync_all().map_err(|e| damaged(e.to_string()))?;
            Some(f)
        };
        Ok(Keyring { path, inner: Mutex::new(Inner { live, dead, file }) })
    }

    fn append(&self, inner: &mut Inner, records: &[u8]) -> Result<(), StoreError> {
        let file = inner.file.as_mut().ok_or(StoreError::ReadOnly)?;
        let io = |e: std::io::Error| StoreError::Internal(format!("keyring {}: {e}", self.path.display()));
        std::io::Seek::seek(file, std::io::SeekFrom::End(0)).map_err(io)?;
        file.write_all(records).map_err(io)?;
        file.sync_data().map_err(io)
    }

    pub fn get(&self, scope: &str) -> Option<Vec<u8>> {
        self.inner.lock().expect("keyring lock").live.get(scope).cloned()
    }

    /// Adds (durably) a wrapped key.
    pub fn put(&self, scope: &str, wrapped: &[u8]) -> Result<(), StoreError> {
        let mut inner = self.inner.lock().expect("keyring lock");
        self.append(&mut inner, &record(PUT, scope, wrapped))?;
        if inner.live.insert(scope.to_string(), wrapped.to_vec()).is_some() {
            inner.dead += 1;
        }
        Ok(())
    }

    /// The key of `scope`, adding `candidate` first if there is none; one lock around both,
    /// so two callers never make two keys for one scope.
    pub fn get_or_put(&self, scope: &str, candidate: &[u8]) -> Result<Vec<u8>, StoreError> {
        let mut inner = self.inner.lock().expect("keyring lock");
        if let Some(found) = inner.live.get(scope) {
            return Ok(found.clone());
        }
        self.append(&mut inner, &record(PUT, scope, candidate))?;
        inner.live.insert(scope.to_string(), candidate.to_vec());
        Ok(candidate.to_vec())
    }

    /// Destroys keys: at once for every reader; from the file at the next `compact`.
    pub fn remove(&self, scopes: &[String]) -> Result<(), StoreError> {
        let mut inner = self.inner.lock().expect("keyring lock");
        let records: Vec<u8> = scopes
            .iter()
            .filter(|s| inner.live.contains_key(*s))
            .flat_map(|s| record(REMOVE, s, &[]))
            .collect();
        if records.is_empty() {
            return Ok(());
        }
        self.append(&mut inner, &records)?;
        for s in scopes {
            if inner.live.remove(s).is_some() {
                inner.dead += 2;
            }
        }
        Ok(())
    }

    /// The keys in the file as it is now (another process may write it).
    pub fn reread(&self) -> Result<BTreeMap<String, Vec<u8>>, StoreError> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let fresh = Keyring::open(dir, true)?;
        Ok(fresh.inner.into_inner().expect("keyring lock").live)
    }

    /// Scopes starting with `prefix` (a campaign's contacts, say).
    pub fn scopes(&self, prefix: &str) -> Vec<String> {
        let inner = self.inner.lock().expect("keyring lock");
        inner.live.keys().filter(|s| s.starts_with(prefix)).cloned().collect()
    }

    /// Rewrites the file with the live keys only (a new file renamed over the old one),
    /// when anything was removed or replaced. Returns whether it rewrote.
    pub fn compact(&self) -> Result<bool, StoreError> {
        let mut inner = self.inner.lock().expect("keyring lock");
        if inner.dead == 0 || inner.file.is_none() {
            return Ok(false);
        }
        let io = |e: std::io::Error| StoreError::Internal(format!("keyring {}: {e}", self.path.display()));
        let tmp = self.path.with_extension("bin.new");
        let mut bytes = MAGIC.to_vec();
        for (scope, wrapped) in &inner.live {
            bytes.extend(record(PUT, scope, wrapped));
        }
        {
            let mut f = crate::keys::private_file(&tmp).map_err(io)?;
            f.write_all(&bytes).map_err(io)?;
            f.sync_all().map_err(io)?;
        }
        std::fs::rename(&tmp, &self.path).map_err(io)?;
        if let Some(dir) = self.path.parent() {
            File::open(dir).and_then(|d| d.sync_all()).map_err(io)?;
        }
        inner.file = Some(OpenOptions::new().read(true).write(true).open(&self.path).map_err(io)?);
        inner.dead = 0;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_has(dir: &Path, needle: &[u8]) -> bool {
        std::fs::read(dir.join(FILE_NAME)).unwrap().windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn keys_survive_reopening_and_removed_ones_leave_the_file_at_compaction() {
        let dir = tempfile::tempdir().unwrap();
        let ring = Keyring::open(dir.path(), false).unwrap();
        ring.put("campaign:a", b"WRAPPED-KEY-OF-A").unwrap();
        ring.put("campaign:b", b"WRAPPED-KEY-OF-B").unwrap();
        ring.remove(&["campaign:a".to_string()]).unwrap();
        assert_eq!(ring.get("campaign:a"), None, "gone for readers at once");
        assert!(file_has(dir.path(), b"WRAPPED-KEY-OF-A"), "still in the file until compaction");
        drop(ring);
        let ring = Keyring::open(dir.path(), false).unwrap();
        assert_eq!(ring.get("campaign:a"), None);
        assert_eq!(ring.get("campaign:b").unwrap(), b"WRAPPED-KEY-OF-B");
        assert!(ring.compact().unwrap());
        assert!(!file_has(dir.path(), b"WRAPPED-KEY-OF-A"));
        assert!(file_has(dir.path(), b"WRAPPED-KEY-OF-B"));
        assert!(!ring.compact().unwrap(), "nothing left to drop");
        assert!(!dir.path().join("keyring.bin.new").exists());
    }

    #[test]
    fn a_torn_last_record_is_dropped_and_damage_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let ring = Keyring::open(dir.path(), false).unwrap();
        ring.put("campaign:a", b"key a").unwrap();
        drop(ring);
        let path = dir.path().join(FILE_NAME);
        let mut bytes = std::fs::read(&path).unwrap();
        let whole = bytes.len();
        bytes.extend(&record(PUT, "campaign:b", b"key b")[..7]);
        std::fs::write(&path, &bytes).unwrap();
        let ring = Keyring::open(dir.path(), false).unwrap();
        assert_eq!(ring.get("campaign:a").unwrap(), b"key a");
        assert_eq!(std::fs::metadata(&path).unwrap().len() as usize, whole, "the torn tail is cut");
        drop(ring);
        std::fs::write(&path, b"something else entirely").unwrap();
        assert!(matches!(Keyring::open(dir.path(), false), Err(StoreError::Corrupt { .. })));
    }
}
