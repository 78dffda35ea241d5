//! The store as streams for backups: every table read in one read transaction (a
//! consistent snapshot beside a running writer: a commit is in it whole or not at all), and
//! the keyring's keys in a stream of their own. Restoring writes them into a new store.
//! The streams are plain here; `crate::backup` seals them.

use std::io::{Read, Write};
use std::path::Path;

use redb::{Database, Key, ReadTransaction, ReadableTable, TableDefinition, TableHandle, Value};

use super::{Store, StoreError, keyring};
use crate::keys::MasterKey;

const TABLE: u8 = b'T';
const ROW: u8 = b'R';
// A key by its scope in clear (backups written before keyring names were hashed).
const KEY: u8 = b'K';
// A key by its keyring name.
const NAMED_KEY: u8 = b'N';
const END: u8 = b'E';

/// Rows written to a new store per transaction while restoring.
const RESTORE_BATCH: usize = 10_000;

/// Every table of the store. A table missing here would be missing from backups: the
/// `every_table_is_backed_up` test compares this list with the tables of a fresh store.
trait Tables {
    fn table<K: Key + 'static, V: Value + 'static>(
        &mut self,
        def: TableDefinition<K, V>,
    ) -> Result<(), StoreError>;
}

fn each_table(v: &mut impl Tables) -> Result<(), StoreError> {
    use super::campaigns::*;
    use super::erasure::*;
    use super::moderation::*;
    use super::outbox::*;
    use super::participants::*;
    v.table(super::META)?;
    v.table(super::STAFF)?;
    v.table(super::SESSIONS)?;
    v.table(super::TOKENS)?;
    v.table(super::AUDIT)?;
    v.table(CAMPAIGNS)?;
    v.table(SLUGS)?;
    v.table(QUESTIONNAIRES)?;
    v.table(KEYRING)?;
    v.table(RESPONSES)?;
    v.table(RESPONSE_SLOTS)?;
    v.table(COUNTERS)?;
    v.table(FORM_NONCES)?;
    v.table(DRAFTS)?;
    v.table(ERASING)?;
    v.table(ERASED_CLASSES)?;
    v.table(ERASURE_LOG)?;
    v.table(STORY_MARKS)?;
    v.table(QUOTES)?;
    v.table(WATCH_TERMS)?;
    v.table(SUMMARIES)?;
    v.table(MAIL_QUEUE)?;
    v.table(super::releases::RELEASES)?;
    v.table(super::releases::VERSIONS_ANSWERED)?;
    v.table(MAIL_STATE)?;
    v.table(super::reports::TEXT_REPORTS)?;
    v.table(PARTICIPANTS)?;
    v.table(ADDRESSES)?;
    v.table(LINKS)?;
    v.table(ALLOW_LIST)?;
    v.table(TICKETS)?;
    v.table(PARTICIPANT_TOKENS)?;
    v.table(super::threads::RECEIPTS)?;
    v.table(super::threads::RESPONSE_RECEIPTS)?;
    v.table(super::threads::THREADS)?;
    v.table(super::threads::THREAD_MESSAGES)
}

/// What a backup holds, counted while writing or reading it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Dumped {
    pub tables: u64,
    pub rows: u64,
    pub keys: u64,
    /// Responses among the rows.
    pub responses: u64,
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Internal(format!("backup stream: {e}"))
}

fn put_bytes(out: &mut dyn Write, bytes: &[u8]) -> Result<(), StoreError> {
    out.write_all(&(bytes.len() as u32).to_le_bytes()).map_err(io)?;
    out.write_all(bytes).map_err(io)
}

struct Dump<'a> {
    tx: &'a ReadTransaction,
    out: &'a mut dyn Write,
    counts: Dumped,
}

impl Tables for Dump<'_> {
    fn table<K: Key + 'static, V: Value + 'static>(
        &mut self,
        def: TableDefinition<K, V>,
    ) -> Result<(), StoreError> {
        let table = match self.tx.open_table(def) {
            Ok(t) => t,
            Err(redb::TableError::TableDoesNotExist(_)) => return Ok(()),
            Err(e) => return Err(e.into()),
        };
        self.out.write_all(&[TABLE]).map_err(io)?;
        put_bytes(self.out, def.name().as_bytes())?;
        self.counts.tables += 1;
        for row in table.iter()? {
            let (k, v) = row?;
            self.out.write_all(&[ROW]).map_err(io)?;
            put_bytes(self.out, K::as_bytes(&k.value()).as_ref())?;
            put_bytes(self.out, V::as_bytes(&v.value()).as_ref())?;
            self.counts.rows += 1;
            if def.name() == "responses" {
                self.counts.responses += 1;
            }
        }
        Ok(())
    }
}

impl Store {
    /// Writes every table, as of one moment, to `out`, and the keys that open them to
    /// `keys_out`. Returns what each holds.
    pub fn dump(
        &self,
        out: &mut dyn Write,
        keys_out: &mut dyn Write,
    ) -> Result<(Dumped, Dumped), StoreError> {
        // Keys are added before anything is sealed under them and destroyed before their
        // rows go; so the keys read before the snapshot and those read after it together
        // hold every key the snapshot needs.
        let mut keys = self.keyring.reread()?;
        let tx = self.read()?;
        for (name, wrapped) in self.keyring.reread()? {
            keys.entry(name).or_insert(wrapped);
        }
        let mut dump = Dump { tx: &tx, out, counts: Dumped::default() };
        each_table(&mut dump)?;
        let Dump { out, counts, .. } = dump;
        end(out, &counts)?;
        let mut key_counts = Dumped::default();
        for (name, wrapped) in &keys {
            keys_out.write_all(&[NAMED_KEY]).map_err(io)?;
            put_bytes(keys_out, name)?;
            put_bytes(keys_out, wrapped)?;
            key_counts.keys += 1;
        }
        end(keys_out, &key_counts)?;
        Ok((counts, key_counts))
    }

    /// Reads a dump through to its end, checking its counts, and, given a directory,
    /// writes it there as a new store and keyring.
    pub fn restore(
        input: &mut dyn Read,
        into: Option<&Path>,
        master: &MasterKey,
    ) -> Result<Dumped, StoreError> {
        let target = match into {
            Some(dir) => {
                let path = dir.join(super::FILE_NAME);
                let db = Database::builder().create(&path).map_err(|e| super::open_error(&path, e))?;
                super::set_private(&path);
                Some((db, keyring::Keyring::open(dir, false, super::names_key(master))?))
            }
            None => None,
        };
        let mut counts = Dumped::default();
        let mut load = Load { name: String::new(), rows: Vec::new() };
        let mut keys: Vec<(keyring::KeyName, Vec<u8>)> = Vec::new();
        loop {
            let tag = get_tag(input)?;
            if tag != ROW {
                load.flush(target.as_ref().map(|t| &t.0))?;
            }
            match tag {
                TABLE => {
                    load.name = String::from_utf8(get_bytes(input)?).map_err(|_| bad("a table name"))?;
                    counts.tables += 1;
                }
                ROW => {
                    let row = (get_bytes(input)?, get_bytes(input)?);
                    counts.rows += 1;
                    counts.responses += u64::from(load.name == "responses");
                    if target.is_some() {
                        load.rows.push(row);
                        if load.rows.len() >= RESTORE_BATCH {
                            load.flush(target.as_ref().map(|t| &t.0))?;
                        }
                    }
                }
                KEY | NAMED_KEY => {
                    let id = get_bytes(input)?;
                    let wrapped = get_bytes(input)?;
                    if let Some((_, ring)) = &target {
                        let name = if tag == KEY {
                            ring.name(std::str::from_utf8(&id).map_err(|_| bad("a key scope"))?)
                        } else {
                            id.try_into().map_err(|_| bad("a key name"))?
                        };
                        keys.push((name, wrapped));
                    }
                    counts.keys += 1;
                }
                END => {
                    let mut n = [0u8; 24];
                    input.read_exact(&mut n).map_err(|_| bad("the end"))?;
                    let claimed: Vec<u64> =
                        n.chunks(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes"))).collect();
                    if claimed != [counts.tables, counts.rows, counts.keys] {
                        return Err(bad("the counts at the end"));
                    }
                    if let Some((_, ring)) = &target
                        && !keys.is_empty()
                    {
                        ring.put_named(&keys)?;
                    }
                    return Ok(counts);
                }
                _ => return Err(bad("a record")),
            }
        }
    }
}

fn end(out: &mut dyn Write, counts: &Dumped) -> Result<(), StoreError> {
    out.write_all(&[END]).map_err(io)?;
    for n in [counts.tables, counts.rows, counts.keys] {
        out.write_all(&n.to_le_bytes()).map_err(io)?;
    }
    Ok(())
}

fn bad(what: &str) -> StoreError {
    StoreError::Internal(format!("the backup's contents are malformed at {what}"))
}

fn get_tag(input: &mut dyn Read) -> Result<u8, StoreError> {
    let mut tag = [0u8];
    input.read_exact(&mut tag).map_err(|_| bad("a record"))?;
    Ok(tag[0])
}

fn get_bytes(input: &mut dyn Read) -> Result<Vec<u8>, StoreError> {
    let mut len = [0u8; 4];
    input.read_exact(&mut len).map_err(|_| bad("a length"))?;
    let len = u32::from_le_bytes(len) as usize;
    let mut bytes = Vec::new();
    // take() bounds the allocation by what is really there, whatever the length claims.
    input.take(len as u64).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() != len {
        return Err(bad("a value"));
    }
    Ok(bytes)
}

/// Rows of one table waiting to be written into the new store.
struct Load {
    name: String,
    rows: Vec<(Vec<u8>, Vec<u8>)>,
}

impl Load {
    fn flush(&mut self, db: Option<&Database>) -> Result<(), StoreError> {
        let Some(db) = db else { return Ok(()) };
        if self.name.is_empty() {
            return Ok(());
        }
        let tx = db.begin_write()?;
        let mut writer = Insert { tx: &tx, name: &self.name, rows: &self.rows, found: false };
        each_table(&mut writer)?;
        if !writer.found {
            return Err(StoreError::Internal(format!(
                "the backup holds a table this tellpoint does not know ({}); restore it with the version that made it",
                self.name
            )));
        }
        tx.commit()?;
        self.rows.clear();
        Ok(())
    }
}

struct Insert<'a> {
    tx: &'a redb::WriteTransaction,
    name: &'a str,
    rows: &'a [(Vec<u8>, Vec<u8>)],
    found: bool,
}

impl Tables for Insert<'_> {
    fn table<K: Key + 'static, V: Value + 'static>(
        &mut self,
        def: TableDefinition<K, V>,
    ) -> Result<(), StoreError> {
        if def.name() != self.name {
            return Ok(());
        }
        self.found = true;
        let mut table = self.tx.open_table(def)?;
        for (k, v) in self.rows {
            table.insert(K::from_bytes(k), V::from_bytes(v))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Names(Vec<String>);

    impl Tables for Names {
        fn table<K: Key + 'static, V: Value + 'static>(
            &mut self,
            def: TableDefinition<K, V>,
        ) -> Result<(), StoreError> {
            self.0.push(def.name().to_string());
            Ok(())
        }
    }

    #[test]
    fn every_table_is_backed_up() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap();
        let tx = store.read().unwrap();
        let mut made: Vec<String> = tx.list_tables().unwrap().map(|t| t.name().to_string()).collect();
        let mut listed = Names(Vec::new());
        each_table(&mut listed).unwrap();
        made.sort();
        listed.0.sort();
        assert_eq!(made, listed.0, "each_table must list every table the migrations make");
    }
}
