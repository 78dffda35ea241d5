//! The keyring: every data key (per campaign, per contact, per thread, per mail), wrapped by
//! the master key, in a small file of its own beside the redb file. redb does not zero freed
//! pages, so what is deleted from the store lingers in its file; all that lingers of personal
//! data is sealed, and erasing it means destroying its key.
//!
//! The file carries no history. A key is filed under a name made of keyed hashes (of its
//! campaign and of its scope), never a campaign or participant id in clear, and the file is
//! the live keys sorted by name, rewritten whole (a new file renamed over the old) on every
//! change. So neither the position of a key nor its neighbours say when it was made — a
//! contact key made at enrolment and a thread key made a minute later are not side by side —
//! and a destroyed key is in no file of the data directory by the time `remove` returns.
//!
//! Names: 8 bytes of HMAC(group), 1 byte of kind, 16 bytes of HMAC(scope), all under a key
//! derived from the master key. The group is the campaign a key belongs to, so a campaign's
//! keys (or its contact keys) can be listed and destroyed together.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::StoreError;

pub const FILE_NAME: &str = "keyring.bin";
const MAGIC: &[u8] = b"tellpoint keyring 2\n";
/// The appended format of before: scopes in clear, in the order keys were made.
const MAGIC_V1: &[u8] = b"tellpoint keyring 1\n";
const SUM_LEN: usize = 16;
pub const NAME_LEN: usize = 25;

/// Where a key is filed: see the module comment.
pub type KeyName = [u8; NAME_LEN];

/// What a key seals, as its scope's first part says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Other = 0,
    Campaign = 1,
    Stories = 2,
    Contact = 3,
    Thread = 4,
    Outbox = 5,
    Mail = 6,
}

/// The kind of a scope and the group (campaign id) it belongs to; keys of no campaign
/// (outbox days, mails) are in the group "".
fn classify(scope: &str) -> (KeyKind, &str) {
    let mut parts = scope.splitn(3, ':');
    let kind = match parts.next() {
        Some("campaign") => KeyKind::Campaign,
        Some("stories") => KeyKind::Stories,
        Some("contact") => KeyKind::Contact,
        Some("thread") => KeyKind::Thread,
        Some("outbox") => return (KeyKind::Outbox, ""),
        Some("mail") => return (KeyKind::Mail, ""),
        _ => return (KeyKind::Other, ""),
    };
    (kind, parts.next().unwrap_or(""))
}

pub struct Keyring {
    path: PathBuf,
    names_key: [u8; 32],
    inner: Mutex<Inner>,
}

struct Inner {
    live: BTreeMap<KeyName, Vec<u8>>,
    writable: bool,
}

impl Drop for Keyring {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.names_key);
    }
}

fn mac(key: &[u8; 32], label: &[u8], text: &str) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("any length");
    mac.update(label);
    mac.update(text.as_bytes());
    mac.finalize().into_bytes().into()
}

fn group_prefix(names_key: &[u8; 32], group: &str, kind: KeyKind) -> [u8; 9] {
    let mut p = [0u8; 9];
    p[..8].copy_from_slice(&mac(names_key, b"group\0", group)[..8]);
    p[8] = kind as u8;
    p
}

/// The whole file for a set of keys: the same keys always give the same bytes.
fn serialise(live: &BTreeMap<KeyName, Vec<u8>>) -> Vec<u8> {
    let mut bytes = MAGIC.to_vec();
    bytes.extend((live.len() as u32).to_le_bytes());
    for (name, wrapped) in live {
        bytes.extend(name);
        bytes.extend((wrapped.len() as u16).to_le_bytes());
        bytes.extend(wrapped);
    }
    let sum = Sha256::digest(&bytes);
    bytes.extend(&sum[..SUM_LEN]);
    bytes
}

fn deserialise(bytes: &[u8]) -> Option<BTreeMap<KeyName, Vec<u8>>> {
    let body = bytes.strip_prefix(MAGIC)?;
    let (body, sum) = body.split_at_checked(body.len().checked_sub(SUM_LEN)?)?;
    if Sha256::digest(&bytes[..bytes.len() - SUM_LEN])[..SUM_LEN] != *sum {
        return None;
    }
    let (count, mut rest) = body.split_at_checked(4)?;
    let count = u32::from_le_bytes(count.try_into().ok()?);
    let mut live = BTreeMap::new();
    for _ in 0..count {
        let (name, r) = rest.split_at_checked(NAME_LEN)?;
        let (len, r) = r.split_at_checked(2)?;
        let (wrapped, r) = r.split_at_checked(u16::from_le_bytes([len[0], len[1]]) as usize)?;
        live.insert(name.try_into().ok()?, wrapped.to_vec());
        rest = r;
    }
    rest.is_empty().then_some(live)
}

/// The scopes and keys of a file in the old appended format (puts and tombstones).
fn read_v1(bytes: &[u8]) -> Option<BTreeMap<String, Vec<u8>>> {
    let mut rest = bytes.strip_prefix(MAGIC_V1)?;
    let mut live = BTreeMap::new();
    while !rest.is_empty() {
        let Some((&[op, a, b], r)) = rest.split_first_chunk::<3>() else { break };
        let Some((scope, r)) = r.split_at_checked(u16::from_le_bytes([a, b]) as usize) else { break };
        let Some((len, r)) = r.split_at_checked(2) else { break };
        let Some((wrapped, r)) = r.split_at_checked(u16::from_le_bytes([len[0], len[1]]) as usize) else {
            break;
        };
        let Some((_sum, r)) = r.split_at_checked(8) else { break };
        let scope = String::from_utf8(scope.to_vec()).ok()?;
        match op {
            1 => live.insert(scope, wrapped.to_vec()),
            2 => live.remove(&scope),
            _ => return None,
        };
        rest = r;
    }
    Some(live)
}

impl Keyring {
    /// Opens (creating, unless `read_only`) the keyring in `data_dir`; names are keyed by
    /// `names_key` (derived from the master key). A file in the old appended format is
    /// rewritten in this one at once (unless `read_only`).
    pub fn open(data_dir: &Path, read_only: bool, names_key: [u8; 32]) -> Result<Keyring, StoreError> {
        let path = data_dir.join(FILE_NAME);
        let damaged = |detail: &str| StoreError::Corrupt { path: path.clone(), detail: detail.into() };
        let mut bytes = Vec::new();
        match File::open(&path) {
            Ok(mut f) => {
                f.read_to_end(&mut bytes).map_err(|e| damaged(&e.to_string()))?;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::Unreadable { path, detail: e.to_string() }),
        }
        let ring = Keyring {
            path: path.clone(),
            names_key,
            inner: Mutex::new(Inner { live: BTreeMap::new(), writable: !read_only }),
        };
        if !read_only {
            // A rewrite a crash interrupted: the old file is still whole and in place.
            let _ = std::fs::remove_file(path.with_extension("bin.new"));
        }
        let live = if bytes.is_empty() {
            BTreeMap::new()
        } else if bytes.starts_with(MAGIC_V1) {
            let old = read_v1(&bytes).ok_or_else(|| damaged("not a tellpoint keyring"))?;
            old.iter().map(|(scope, wrapped)| (ring.name(scope), wrapped.clone())).collect()
        } else {
            deserialise(&bytes).ok_or_else(|| {
                damaged("the keyring fails its checksum or is not a tellpoint keyring; restore keyring.bin from a backup")
            })?
        };
        let mut inner = ring.inner.lock().expect("keyring lock");
        let rewrite = !read_only && (bytes.is_empty() || bytes.starts_with(MAGIC_V1));
        if rewrite {
            ring.write(&live)?;
        }
        inner.live = live;
        drop(inner);
        Ok(ring)
    }

    /// The name a scope's key is filed under.
    pub fn name(&self, scope: &str) -> KeyName {
        let (kind, group) = classify(scope);
        let mut name = [0u8; NAME_LEN];
        name[..9].copy_from_slice(&group_prefix(&self.names_key, group, kind));
        name[9..].copy_from_slice(&mac(&self.names_key, b"scope\0", scope)[..16]);
        name
    }

    /// Writes `live` as the whole file: a new file, synced, renamed over the old one.
    fn write(&self, live: &BTreeMap<KeyName, Vec<u8>>) -> Result<(), StoreError> {
        let io = |e: std::io::Error| StoreError::Internal(format!("keyring {}: {e}", self.path.display()));
        let tmp = self.path.with_extension("bin.new");
        {
            let mut f = crate::keys::private_file(&tmp).map_err(io)?;
            f.write_all(&serialise(live)).map_err(io)?;
            f.sync_all().map_err(io)?;
        }
        std::fs::rename(&tmp, &self.path).map_err(io)?;
        if let Some(dir) = self.path.parent() {
            File::open(dir).and_then(|d| d.sync_all()).map_err(io)?;
        }
        Ok(())
    }

    /// Applies `change` to a copy of the live keys and, if it changed anything, writes the
    /// file before the change is visible to readers.
    fn change(&self, change: impl FnOnce(&mut BTreeMap<KeyName, Vec<u8>>)) -> Result<(), StoreError> {
        let mut inner = self.inner.lock().expect("keyring lock");
        if !inner.writable {
            return Err(StoreError::ReadOnly);
        }
        let mut next = inner.live.clone();
        change(&mut next);
        if next != inner.live {
            self.write(&next)?;
            inner.live = next;
        }
        Ok(())
    }

    pub fn get(&self, scope: &str) -> Option<Vec<u8>> {
        let name = self.name(scope);
        self.inner.lock().expect("keyring lock").live.get(&name).cloned()
    }

    /// Adds (durably) wrapped keys.
    pub fn put(&self, keys: &[(&str, &[u8])]) -> Result<(), StoreError> {
        let named: Vec<(KeyName, &[u8])> = keys.iter().map(|(s, w)| (self.name(s), *w)).collect();
        self.change(|live| {
            for (name, wrapped) in named {
                live.insert(name, wrapped.to_vec());
            }
        })
    }

    /// Adds keys by their names (a restore).
    pub fn put_named(&self, keys: &[(KeyName, Vec<u8>)]) -> Result<(), StoreError> {
        self.change(|live| live.extend(keys.iter().cloned()))
    }

    /// The key of `scope`, adding `candidate` first if there is none; one lock around both,
    /// so two callers never make two keys for one scope.
    pub fn get_or_put(&self, scope: &str, candidate: &[u8]) -> Result<Vec<u8>, StoreError> {
        let name = self.name(scope);
        let mut found = None;
        self.change(|live| {
            found = Some(live.entry(name).or_insert_with(|| candidate.to_vec()).clone());
        })?;
        Ok(found.expect("set by the change"))
    }

    /// Destroys keys: gone from the file, and for every reader, when this returns.
    pub fn remove(&self, scopes: &[String]) -> Result<(), StoreError> {
        let names: Vec<KeyName> = scopes.iter().map(|s| self.name(s)).collect();
        self.remove_named(&names)
    }

    pub fn remove_named(&self, names: &[KeyName]) -> Result<(), StoreError> {
        self.change(|live| {
            for name in names {
                live.remove(name);
            }
        })
    }

    /// The names of a campaign's keys of one kind, or of every kind.
    pub fn names_of(&self, campaign: &str, kind: Option<KeyKind>) -> Vec<KeyName> {
        let inner = self.inner.lock().expect("keyring lock");
        let kinds = match kind {
            Some(k) => vec![k],
            None => vec![KeyKind::Campaign, KeyKind::Stories, KeyKind::Contact, KeyKind::Thread],
        };
        kinds
            .into_iter()
            .flat_map(|k| {
                let prefix = group_prefix(&self.names_key, campaign, k);
                let mut from = [0u8; NAME_LEN];
                from[..9].copy_from_slice(&prefix);
                inner.live.range(from..).take_while(move |(n, _)| n[..9] == prefix).map(|(n, _)| *n)
            })
            .collect()
    }

    /// The keys in the file as it is now (another process may write it).
    pub fn reread(&self) -> Result<BTreeMap<KeyName, Vec<u8>>, StoreError> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let fresh = Keyring::open(dir, true, self.names_key)?;
        let live = std::mem::take(&mut fresh.inner.lock().expect("keyring lock").live);
        Ok(live)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(dir: &Path) -> Vec<u8> {
        std::fs::read(dir.join(FILE_NAME)).unwrap()
    }

    fn has(dir: &Path, needle: &[u8]) -> bool {
        file(dir).windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn a_removed_key_leaves_the_file_at_once_and_scopes_are_never_in_clear() {
        let dir = tempfile::tempdir().unwrap();
        let ring = Keyring::open(dir.path(), false, [3; 32]).unwrap();
        ring.put(&[("campaign:a", b"WRAPPED-KEY-OF-A"), ("campaign:b", b"WRAPPED-KEY-OF-B")]).unwrap();
        assert!(has(dir.path(), b"WRAPPED-KEY-OF-A"));
        assert!(!has(dir.path(), b"campaign:"), "no scope in clear");
        ring.remove(&["campaign:a".to_string()]).unwrap();
        assert_eq!(ring.get("campaign:a"), None);
        assert!(!has(dir.path(), b"WRAPPED-KEY-OF-A"), "gone from the file when remove returns");
        drop(ring);
        let ring = Keyring::open(dir.path(), false, [3; 32]).unwrap();
        assert_eq!(ring.get("campaign:b").unwrap(), b"WRAPPED-KEY-OF-B");
        assert!(!dir.path().join("keyring.bin.new").exists());
        assert!(
            Keyring::open(dir.path(), false, [4; 32]).unwrap().get("campaign:b").is_none(),
            "keyed names"
        );
    }

    #[test]
    fn the_file_is_a_function_of_its_keys_not_of_their_order() {
        let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let a = Keyring::open(one.path(), false, [9; 32]).unwrap();
        let b = Keyring::open(two.path(), false, [9; 32]).unwrap();
        let scopes: Vec<String> = (0..30).map(|i| format!("contact:c{}:{i}", i % 3)).collect();
        for s in &scopes {
            a.put(&[(s, s.as_bytes())]).unwrap();
        }
        for s in scopes.iter().rev() {
            b.put(&[(s, s.as_bytes())]).unwrap();
        }
        assert_eq!(file(one.path()), file(two.path()));
        assert_eq!(a.names_of("c1", Some(KeyKind::Contact)).len(), 10);
        assert_eq!(a.names_of("c1", Some(KeyKind::Thread)).len(), 0);
        a.remove_named(&a.names_of("c1", None)).unwrap();
        assert_eq!(a.names_of("c1", None).len(), 0);
        assert_eq!(a.names_of("c2", None).len(), 10);
    }

    #[test]
    fn an_old_appended_keyring_is_rewritten_and_damage_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let record = |op: u8, scope: &str, wrapped: &[u8]| {
            let mut body = vec![op];
            body.extend((scope.len() as u16).to_le_bytes());
            body.extend(scope.as_bytes());
            body.extend((wrapped.len() as u16).to_le_bytes());
            body.extend(wrapped);
            let sum = Sha256::digest(&body);
            body.extend(&sum[..8]);
            body
        };
        let mut old = MAGIC_V1.to_vec();
        old.extend(record(1, "campaign:a", b"key a"));
        old.extend(record(1, "campaign:b", b"key b"));
        old.extend(record(2, "campaign:a", b""));
        std::fs::write(dir.path().join(FILE_NAME), &old).unwrap();
        let ring = Keyring::open(dir.path(), false, [1; 32]).unwrap();
        assert_eq!(ring.get("campaign:b").unwrap(), b"key b");
        assert_eq!(ring.get("campaign:a"), None);
        assert!(file(dir.path()).starts_with(MAGIC));
        assert!(!has(dir.path(), b"key a"));
        drop(ring);
        let mut bytes = file(dir.path());
        let at = bytes.len() - 20;
        bytes[at] ^= 1;
        std::fs::write(dir.path().join(FILE_NAME), &bytes).unwrap();
        assert!(matches!(Keyring::open(dir.path(), false, [1; 32]), Err(StoreError::Corrupt { .. })));
    }
}
