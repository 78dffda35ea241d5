//! The store: one redb file in the data directory. `Store` is the only code that touches
//! redb; its methods say what they do in the product's words. Values are JSON so that a
//! migration can read old records without a second copy of every struct.

mod audit;
mod backup;
mod campaigns;
mod check;
mod erasure;
mod keyring;
mod moderation;
mod outbox;
mod participants;
mod releases;
mod reports;
mod staff;
mod threads;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{RwLock, RwLockReadGuard};

use redb::{Database, ReadableDatabase, ReadableTableMetadata, TableDefinition, WriteTransaction};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::keys::MasterKey;

pub use audit::{AuditBreak, AuditEntry};
pub use backup::Dumped;
pub use campaigns::{Draft, NewResponse, Recorded, StoredResponse};
pub use check::Checked;
pub use erasure::{Erased, ErasureEntry};
pub use keyring::KeyKind;
pub use moderation::{Quote, QuoteStatus, StoryMark, Summary};
pub use outbox::{About, Channel, MailCounts, NewMail, OutboxRow, Settle, Tally, mail_scope};
pub use participants::{
    AllowEntry, Enrolment, Participant, ParticipantStatus, ParticipantToken, TicketUse, TokenPurpose,
};
pub use reports::{Delivery, ReportCounts};
pub use staff::{PendingAccount, Role, SessionRecord, StaffRecord, Stage, TokenKind, TokenRecord};
pub use threads::{Message, Side, Thread};

/// redb's page cache. Its default (1 GiB) would let RSS grow with the store; the hot
/// pages (campaigns, counters, the newest responses) fit in far less.
const CACHE_BYTES: usize = 16 * 1024 * 1024;

/// Name of the store file inside `data_dir`.
pub const FILE_NAME: &str = "tellpoint.redb";

// "schema_version" → u64 little-endian
const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
// lowercase username → JSON StaffRecord
const STAFF: TableDefinition<&str, &[u8]> = TableDefinition::new("staff");
// sha256(session id) → JSON SessionRecord; the id itself is only in the cookie
const SESSIONS: TableDefinition<&[u8], &[u8]> = TableDefinition::new("sessions");
// sha256(one-time token) → JSON TokenRecord (setup links and invites)
const TOKENS: TableDefinition<&[u8], &[u8]> = TableDefinition::new("tokens");
// sequence number (from 1) → JSON AuditEntry, each carrying the hash of the one before
const AUDIT: TableDefinition<u64, &[u8]> = TableDefinition::new("audit");

type Migration = fn(&WriteTransaction) -> Result<(), StoreError>;

/// Numbered migrations: the store's schema version is how many have run.
const MIGRATIONS: &[Migration] = &[
    migrate_1_staff_tables,
    migrate_2_campaign_tables,
    migrate_3_drafts,
    migrate_4_participants_and_mail,
    migrate_5_moderation_and_summaries,
    migrate_6_threads,
    migrate_7_response_receipts,
    migrate_8_tickets_recorded_when_used,
    migrate_9_mail_by_random_id,
    migrate_10_releases_instead_of_counters,
    migrate_11_text_reports,
];

fn migrate_1_staff_tables(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(STAFF)?;
    tx.open_table(SESSIONS)?;
    tx.open_table(TOKENS)?;
    tx.open_table(AUDIT)?;
    Ok(())
}

fn migrate_2_campaign_tables(tx: &WriteTransaction) -> Result<(), StoreError> {
    use campaigns::*;
    tx.open_table(CAMPAIGNS)?;
    tx.open_table(SLUGS)?;
    tx.open_table(QUESTIONNAIRES)?;
    tx.open_table(KEYRING)?;
    tx.open_table(RESPONSES)?;
    tx.open_table(COUNTERS)?;
    tx.open_table(FORM_NONCES)?;
    Ok(())
}

fn migrate_3_drafts(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(campaigns::DRAFTS)?;
    Ok(())
}

fn migrate_4_participants_and_mail(tx: &WriteTransaction) -> Result<(), StoreError> {
    use participants::*;
    tx.open_table(PARTICIPANTS)?;
    tx.open_table(ADDRESSES)?;
    tx.open_table(LINKS)?;
    tx.open_table(ALLOW_LIST)?;
    tx.open_table(TICKETS)?;
    tx.open_table(PARTICIPANT_TOKENS)?;
    tx.open_table(outbox::OUTBOX)?;
    tx.open_table(outbox::MAIL_STATE)?;
    Ok(())
}

fn migrate_5_moderation_and_summaries(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(campaigns::RESPONSE_SLOTS)?;
    tx.open_table(moderation::STORY_MARKS)?;
    tx.open_table(moderation::QUOTES)?;
    tx.open_table(moderation::WATCH_TERMS)?;
    tx.open_table(moderation::SUMMARIES)?;
    tx.open_table(erasure::ERASING)?;
    tx.open_table(erasure::ERASURE_LOG)?;
    tx.open_table(erasure::ERASED_CLASSES)?;
    backfill_response_slots(tx)
}

fn migrate_6_threads(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(threads::RECEIPTS)?;
    tx.open_table(threads::THREADS)?;
    tx.open_table(threads::THREAD_MESSAGES)?;
    Ok(())
}

fn migrate_7_response_receipts(tx: &WriteTransaction) -> Result<(), StoreError> {
    let receipts = tx.open_table(threads::RECEIPTS)?;
    let mut of_response = tx.open_table(threads::RESPONSE_RECEIPTS)?;
    for row in redb::ReadableTable::iter(&receipts)? {
        let (hash, target) = row?;
        of_response.insert(target.value(), hash.value())?;
    }
    Ok(())
}

/// Tickets were stored when handed out, with their expiry second; now only used tickets
/// are, with their last day. Tickets handed out before are void: their links give new ones.
fn migrate_8_tickets_recorded_when_used(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(participants::TICKETS)?.retain(|_, _| false)?;
    Ok(())
}

fn migrate_9_mail_by_random_id(tx: &WriteTransaction) -> Result<(), StoreError> {
    outbox::move_old_outbox(tx)
}

/// Figures are counted when a period is released, not per response: the counters go, and
/// which versions have responses is kept on its own.
fn migrate_10_releases_instead_of_counters(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(releases::RELEASES)?;
    let mut answered = tx.open_table(releases::VERSIONS_ANSWERED)?;
    let mut counters = tx.open_table(campaigns::COUNTERS)?;
    for row in redb::ReadableTable::iter(&counters)? {
        let (k, _) = row?;
        let (campaign, version, _) = k.value();
        answered.insert((campaign, version), 0)?;
    }
    counters.retain(|_, _| false)?;
    Ok(())
}

/// Report ids get their table. Allow-lists now keep whether each entry is an address or a
/// number; entries saved before are addresses where the campaign reached people by mail
/// only, and of unknown kind (2) where it reached phones too.
fn migrate_11_text_reports(tx: &WriteTransaction) -> Result<(), StoreError> {
    tx.open_table(reports::TEXT_REPORTS)?;
    let phones: std::collections::HashSet<String> =
        redb::ReadableTable::iter(&tx.open_table(campaigns::CAMPAIGNS)?)?
            .filter_map(|row| {
                let (id, v) = row.ok()?;
                let c: crate::model::campaign::Campaign = from_json(v.value()).ok()?;
                c.settings.contact.phone().then(|| id.value().to_string())
            })
            .collect();
    let mut allowed = tx.open_table(participants::ALLOW_LIST)?;
    let unknown: Vec<(String, [u8; 32])> = redb::ReadableTable::iter(&allowed)?
        .filter_map(|row| row.ok().map(|(k, _)| (k.value().0.to_string(), k.value().1)))
        .filter(|(campaign, _)| phones.contains(campaign))
        .collect();
    for (campaign, hash) in unknown {
        allowed.insert((campaign.as_str(), hash), 2)?;
    }
    Ok(())
}

/// Writes the slot row of every response stored before slot rows existed.
fn backfill_response_slots(tx: &WriteTransaction) -> Result<(), StoreError> {
    use campaigns::*;
    let responses = tx.open_table(RESPONSES)?;
    let questionnaires = tx.open_table(QUESTIONNAIRES)?;
    let mut slots = tx.open_table(RESPONSE_SLOTS)?;
    let mut known: std::collections::HashMap<(String, u32), crate::model::questionnaire::Questionnaire> =
        Default::default();
    for row in redb::ReadableTable::iter(&responses)? {
        let (k, v) = row?;
        let (campaign, key) = k.value();
        let r: StoredResponse = from_json(v.value())?;
        let q = match known.entry((campaign.to_string(), r.version)) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let json = redb::ReadableTable::get(&questionnaires, (campaign, r.version))?;
                let q = json.map(|j| from_json(j.value())).transpose()?.unwrap_or_default();
                e.insert(q)
            }
        };
        let packed = pack_slots(r.version, r.period, &crate::model::response::slots(q, &r.answers));
        slots.insert((campaign, key), packed.as_slice())?;
    }
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the store {0} is in use by another tellpoint process; stop that process first \
         (e.g. systemctl stop tellpoint) and run this again, or point data_dir elsewhere"
    )]
    Locked(PathBuf),
    #[error(
        "the store {path} is damaged or is not a tellpoint store ({detail}); \
         restore the data directory from a backup"
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "cannot open the store {path}: {detail}; check that the data directory exists and is readable by this user"
    )]
    Unreadable { path: PathBuf, detail: String },
    #[error(
        "the store {path} has schema version {found}, but this tellpoint knows versions up to {supported}; \
         it was written by a newer tellpoint: run that version, or restore an older backup"
    )]
    TooNew { path: PathBuf, found: u64, supported: u64 },
    #[error(
        "the store {0} was not closed cleanly (was tellpoint killed?) and needs a repair, which a \
         read-only command cannot make; start tellpoint once (it repairs the store), then run this again"
    )]
    NeedsRepair(PathBuf),
    #[error("the store cannot be written while opened read-only")]
    ReadOnly,
    #[error("store failure: {0}")]
    Internal(String),
}

macro_rules! internal_from {
    ($($t:ty),*) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self { StoreError::Internal(e.to_string()) }
        }
    )*};
}
internal_from!(
    redb::TransactionError,
    redb::TableError,
    redb::StorageError,
    redb::CommitError,
    serde_json::Error
);

enum Db {
    Writable(Database),
    ReadOnly(redb::ReadOnlyDatabase),
}

pub struct Store {
    /// Transactions hold it shared; `compact` takes it alone, never waiting for it.
    db: RwLock<Db>,
    writes: AtomicU64,
    /// The data keys, in their own file (see `keyring`).
    keyring: keyring::Keyring,
    /// Bumped by every write to a campaign or questionnaire, so caches know to reload.
    campaign_generation: std::sync::atomic::AtomicU64,
}

impl Store {
    /// Opens (creating if needed) the store in `data_dir` and applies pending migrations.
    pub fn open(data_dir: &Path, master: &MasterKey) -> Result<Store, StoreError> {
        let path = data_dir.join(FILE_NAME);
        let db = Database::builder()
            .set_concurrency_mode(redb::ConcurrencyMode::SingleWriter)
            .set_cache_size(CACHE_BYTES)
            .create(&path)
            .map_err(|e| open_error(&path, e))?;
        set_private(&path);
        let keyring = keyring::Keyring::open(data_dir, false, names_key(master))?;
        let store = Store {
            db: RwLock::new(Db::Writable(db)),
            writes: AtomicU64::new(0),
            keyring,
            campaign_generation: Default::default(),
        };
        store.migrate(&path)?;
        store.move_keys_to_keyring()?;
        Ok(store)
    }

    /// Opens an existing store for reading only; works beside a running server.
    pub fn open_read_only(data_dir: &Path, master: &MasterKey) -> Result<Store, StoreError> {
        let path = data_dir.join(FILE_NAME);
        if !path.exists() {
            return Err(StoreError::Unreadable { path, detail: "no such file".into() });
        }
        let db = Database::builder()
            .set_concurrency_mode(redb::ConcurrencyMode::SingleWriter)
            .open_read_only(&path)
            .map_err(|e| open_error(&path, e))?;
        let keyring = keyring::Keyring::open(data_dir, true, names_key(master))?;
        let store = Store {
            db: RwLock::new(Db::ReadOnly(db)),
            writes: AtomicU64::new(0),
            keyring,
            campaign_generation: Default::default(),
        };
        let found = store.schema_version()?;
        check_version(&path, found)?;
        Ok(store)
    }

    fn migrate(&self, path: &Path) -> Result<(), StoreError> {
        let found = self.schema_version()?;
        check_version(path, found)?;
        for (i, migration) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            let tx = self.write()?;
            migration(&tx)?;
            let version = (i + 1) as u64;
            tx.open_table(META)?.insert("schema_version", version.to_le_bytes().as_slice())?;
            tx.commit()?;
            tracing::info!(version, "store migrated");
        }
        Ok(())
    }

    pub fn schema_version(&self) -> Result<u64, StoreError> {
        let tx = self.read()?;
        let table = match tx.open_table(META) {
            Ok(t) => t,
            Err(redb::TableError::TableDoesNotExist(_)) => return Ok(0),
            Err(e) => return Err(e.into()),
        };
        let v = table.get("schema_version")?;
        Ok(v.and_then(|v| v.value().try_into().ok()).map_or(0, u64::from_le_bytes))
    }

    pub fn campaign_generation(&self) -> u64 {
        self.campaign_generation.load(std::sync::atomic::Ordering::Acquire)
    }

    fn campaigns_changed(&self) {
        self.campaign_generation.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
    }

    /// Whether a read transaction can be begun and a table read: what `/healthz` checks.
    pub fn check_readable(&self) -> Result<(), StoreError> {
        let tx = self.read()?;
        tx.open_table(META)?.len()?;
        Ok(())
    }

    /// Data keys once lived in the store's `keyring` table; they move to the keyring file.
    /// (Their old bytes stay in freed pages of the redb file until the campaign is erased
    /// and its sealed data with them becomes unreadable: the key is gone from the keyring.)
    fn move_keys_to_keyring(&self) -> Result<(), StoreError> {
        let old: Vec<(String, Vec<u8>)> = {
            let tx = self.read()?;
            let table = tx.open_table(campaigns::KEYRING)?;
            redb::ReadableTable::iter(&table)?
                .map(|row| row.map(|(k, v)| (k.value().to_string(), v.value().to_vec())))
                .collect::<Result<_, _>>()?
        };
        if old.is_empty() {
            return Ok(());
        }
        for (scope, wrapped) in &old {
            if self.keyring.get(scope).is_none() {
                self.keyring.put(&[(scope, wrapped)])?;
            }
        }
        let tx = self.write()?;
        {
            let mut table = tx.open_table(campaigns::KEYRING)?;
            for (scope, _) in &old {
                table.remove(scope.as_str())?;
            }
        }
        tx.commit()?;
        tracing::info!(keys = old.len(), "data keys moved to the keyring file");
        Ok(())
    }

    /// Adds a wrapped data key to the keyring (durably, before anything is sealed with it).
    pub fn put_key(&self, scope: &str, wrapped: &[u8]) -> Result<(), StoreError> {
        self.keyring.put(&[(scope, wrapped)])
    }

    /// Adds several wrapped keys with one rewrite of the keyring.
    pub fn put_keys(&self, keys: &[(&str, &[u8])]) -> Result<(), StoreError> {
        self.keyring.put(keys)
    }

    /// The wrapped key of `scope`, adding `candidate` if there is none yet.
    pub fn key_or_put(&self, scope: &str, candidate: &[u8]) -> Result<Vec<u8>, StoreError> {
        self.keyring.get_or_put(scope, candidate)
    }

    pub fn wrapped_key(&self, scope: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.keyring.get(scope))
    }

    /// Destroys data keys: what they sealed can no longer be opened, and the keys are in no
    /// file of the data directory when this returns.
    pub fn destroy_keys(&self, scopes: &[String]) -> Result<(), StoreError> {
        self.keyring.remove(scopes)
    }

    /// How many keys of one kind (or of any kind) a campaign has.
    pub fn campaign_key_count(&self, campaign: &str, kind: Option<KeyKind>) -> usize {
        self.keyring.names_of(campaign, kind).len()
    }

    /// Destroys a campaign's keys of one kind (its contact keys, say), or all of them.
    pub fn destroy_campaign_keys(&self, campaign: &str, kind: Option<KeyKind>) -> Result<u64, StoreError> {
        let names = self.keyring.names_of(campaign, kind);
        self.keyring.remove_named(&names)?;
        Ok(names.len() as u64)
    }

    fn read(&self) -> Result<ReadTx<'_>, StoreError> {
        let db = self.db.read().unwrap_or_else(|p| p.into_inner());
        let tx = match &*db {
            Db::Writable(db) => db.begin_read()?,
            Db::ReadOnly(db) => db.begin_read()?,
        };
        Ok(ReadTx { tx, _db: db })
    }

    fn write(&self) -> Result<WriteTx<'_>, StoreError> {
        let db = self.db.read().unwrap_or_else(|p| p.into_inner());
        let Db::Writable(writable) = &*db else { return Err(StoreError::ReadOnly) };
        let mut tx = writable.begin_write()?;
        tx.set_two_phase_commit(true);
        Ok(WriteTx { tx, writes: &self.writes, _db: db })
    }

    /// How many write transactions have committed since the store was opened.
    pub fn writes(&self) -> u64 {
        self.writes.load(Ordering::Acquire)
    }

    /// Rewrites the store file without its freed pages, if no transaction is open (it does
    /// not wait for one). redb is copy-on-write: every commit leaves the previous version of
    /// the pages it changed in the file until they are reused, and two versions of a page
    /// show what the commit between them wrote (the newest response, say). After this,
    /// every page in the file is live. Returns whether it compacted.
    pub fn compact(&self) -> Result<bool, StoreError> {
        let Ok(mut db) = self.db.try_write() else { return Ok(false) };
        let Db::Writable(db) = &mut *db else { return Ok(false) };
        db.compact().map_err(|e| StoreError::Internal(format!("compacting the store: {e}")))?;
        Ok(true)
    }
}

/// A read transaction, holding the store open against a compaction while it lives.
struct ReadTx<'a> {
    tx: redb::ReadTransaction,
    _db: RwLockReadGuard<'a, Db>,
}

impl std::ops::Deref for ReadTx<'_> {
    type Target = redb::ReadTransaction;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

/// A write transaction, likewise; committing it counts one write.
struct WriteTx<'a> {
    tx: WriteTransaction,
    writes: &'a AtomicU64,
    _db: RwLockReadGuard<'a, Db>,
}

impl WriteTx<'_> {
    fn commit(self) -> Result<(), redb::CommitError> {
        self.tx.commit()?;
        self.writes.fetch_add(1, Ordering::AcqRel);
        Ok(())
    }
}

impl std::ops::Deref for WriteTx<'_> {
    type Target = WriteTransaction;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

/// The key the keyring's names are hashed under.
fn names_key(master: &MasterKey) -> [u8; 32] {
    master.derive("keyring-names")
}

/// The data dir is 0700 already; the file itself is 0600 too, in case it is copied out.
fn set_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
}

fn check_version(path: &Path, found: u64) -> Result<(), StoreError> {
    let supported = MIGRATIONS.len() as u64;
    if found > supported {
        return Err(StoreError::TooNew { path: path.to_owned(), found, supported });
    }
    Ok(())
}

fn open_error(path: &Path, e: redb::DatabaseError) -> StoreError {
    let path = path.to_owned();
    match e {
        redb::DatabaseError::DatabaseAlreadyOpen | redb::DatabaseError::LockProtocolMismatch => {
            StoreError::Locked(path)
        }
        redb::DatabaseError::RepairAborted => StoreError::NeedsRepair(path),
        redb::DatabaseError::Storage(redb::StorageError::Io(io)) => {
            if io.kind() == std::io::ErrorKind::WouldBlock {
                StoreError::Locked(path)
            } else if io.kind() == std::io::ErrorKind::InvalidData {
                StoreError::Corrupt { path, detail: io.to_string() }
            } else {
                StoreError::Unreadable { path, detail: io.to_string() }
            }
        }
        other => StoreError::Corrupt { path, detail: other.to_string() },
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    Ok(serde_json::to_vec(value)?)
}

fn from_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    Ok(serde_json::from_slice(bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newer_store_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap();
            let tx = store.write().unwrap();
            tx.open_table(META).unwrap().insert("schema_version", 999u64.to_le_bytes().as_slice()).unwrap();
            tx.commit().unwrap();
        }
        let err = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).err().unwrap();
        assert!(matches!(err, StoreError::TooNew { found: 999, .. }), "{err}");
    }

    #[test]
    fn garbage_file_is_corrupt_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), vec![0x5a; 9000]).unwrap();
        let err = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).err().unwrap();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    }

    #[test]
    fn second_open_is_locked() {
        let dir = tempfile::tempdir().unwrap();
        let _first = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap();
        let err = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).err().unwrap();
        assert!(matches!(err, StoreError::Locked(_)), "{err}");
        // Reading beside the writer works.
        Store::open_read_only(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32]))
            .unwrap()
            .check_readable()
            .unwrap();
    }
}
