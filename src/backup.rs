//! Backups: the store's rows as of one moment (`Store::dump`), sealed in chunks under a
//! key derived from the master key, so a backup file is as safe to keep off the machine as
//! the master key is kept apart from it. Each chunk is authenticated with its position and
//! whether it is the last, so a changed, reordered or cut file is refused; a checked
//! header tells a wrong master key from damage. Files are written under a temporary name,
//! read back and checked, then renamed into place.
//!
//! The data keys do not go into the backup: they go into one file beside it,
//! `keyring.backup`, which every backup replaces. A key destroyed by an erasure is
//! therefore gone from the backups at the next backup, and whatever it sealed in older
//! backups can no longer be read by anyone (invariant 7). Restoring a backup takes the
//! newest keys; campaigns erased since the backup was taken come back without their key
//! and are erased again. Scheduled backups go into one directory, one per day, and are
//! deleted after `keep_days`, and with them the unsealed rest of erased campaigns.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::keys::{DataKey, MasterKey};
use crate::store::{Dumped, Store, StoreError};

pub const MAGIC: &[u8] = b"tellpoint backup 1\n";
const KEYS_MAGIC: &[u8] = b"tellpoint keys 1\n";
/// The keys of the newest backup, beside the backups.
pub const KEYS_FILE: &str = "keyring.backup";
const SALT: usize = 16;
const CHECK: usize = 16;
/// Plaintext bytes per sealed chunk.
const CHUNK: usize = 1 << 20;
/// Sealing adds a nonce and a tag.
const SEALED_MAX: usize = CHUNK + 24 + 16;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} is not a tellpoint backup; check the path")]
    NotABackup(PathBuf),
    #[error(
        "{0} was sealed under a different master key; restore with the master key of the instance \
         that made it (--master-key FILE)"
    )]
    WrongKey(PathBuf),
    #[error(
        "{path} is damaged ({what}); it was changed or cut after it was written and checked. \
         Use another backup"
    )]
    Damaged { path: PathBuf, what: String },
    #[error("restore goes into a new or empty directory only, and {0} is not empty; give another --data-dir")]
    NotEmpty(PathBuf),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn keys(master: &MasterKey, salt: &[u8]) -> ([u8; CHECK], DataKey) {
    let root = master.derive("backup/v1");
    let mac = |label: &[u8]| {
        let mut m = <Hmac<Sha256> as Mac>::new_from_slice(&root).expect("any key length");
        m.update(label);
        m.update(salt);
        <[u8; 32]>::from(m.finalize().into_bytes())
    };
    let check = mac(b"check");
    (check[..CHECK].try_into().expect("16 bytes"), DataKey::from_bytes(mac(b"seal")))
}

fn chunk_scope(index: u64, last: bool) -> String {
    format!("backup/{index}/{}", if last { "last" } else { "more" })
}

/// Seals what is written to it in chunks.
struct Sealer<W: Write> {
    out: W,
    key: DataKey,
    buf: Vec<u8>,
    index: u64,
}

impl<W: Write> Sealer<W> {
    fn new(mut out: W, master: &MasterKey, magic: &[u8]) -> std::io::Result<Sealer<W>> {
        let mut salt = [0u8; SALT];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        let (check, key) = keys(master, &salt);
        let head = [magic, &salt, &check].concat();
        out.write_all(&head)?;
        out.write_all(&Sha256::digest(&head)[..8])?;
        Ok(Sealer { out, key, buf: Vec::with_capacity(CHUNK), index: 0 })
    }

    fn seal(&mut self, last: bool) -> std::io::Result<()> {
        let sealed = self.key.seal(&chunk_scope(self.index, last), &self.buf);
        self.out.write_all(&(sealed.len() as u32).to_le_bytes())?;
        self.out.write_all(&sealed)?;
        self.buf.clear();
        self.index += 1;
        Ok(())
    }

    fn finish(mut self) -> std::io::Result<W> {
        self.seal(true)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

impl<W: Write> Write for Sealer<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let n = bytes.len().min(CHUNK - self.buf.len());
        self.buf.extend_from_slice(&bytes[..n]);
        if self.buf.len() == CHUNK {
            self.seal(false)?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Opens the chunks of a backup in order; any failure is kept as a `BackupError`.
struct Opener<R: Read> {
    input: R,
    path: PathBuf,
    key: DataKey,
    plain: Vec<u8>,
    at: usize,
    index: u64,
    done: bool,
    failed: Option<BackupError>,
}

impl<R: Read> Opener<R> {
    fn new(mut input: R, master: &MasterKey, path: &Path, magic: &[u8]) -> Result<Opener<R>, BackupError> {
        let header = magic.len() + SALT + CHECK + 8;
        let mut head = vec![0u8; header];
        let got = read_up_to(&mut input, &mut head)
            .map_err(|source| BackupError::Io { path: path.into(), source })?;
        if got < magic.len() || &head[..magic.len()] != magic {
            return Err(BackupError::NotABackup(path.into()));
        }
        let damaged = |what: &str| BackupError::Damaged { path: path.into(), what: what.into() };
        if got < header || Sha256::digest(&head[..header - 8])[..8] != head[header - 8..] {
            return Err(damaged("its header fails its checksum"));
        }
        let salt = &head[magic.len()..magic.len() + SALT];
        let (check, key) = keys(master, salt);
        if !bool::from(subtle::ConstantTimeEq::ct_eq(&check[..], &head[magic.len() + SALT..header - 8])) {
            return Err(BackupError::WrongKey(path.into()));
        }
        Ok(Opener {
            input,
            path: path.into(),
            key,
            plain: Vec::new(),
            at: 0,
            index: 0,
            done: false,
            failed: None,
        })
    }

    fn next_chunk(&mut self) -> Result<(), BackupError> {
        let damaged = |what: String| BackupError::Damaged { path: self.path.clone(), what };
        let io = |source| BackupError::Io { path: self.path.clone(), source };
        let mut len = [0u8; 4];
        if read_up_to(&mut self.input, &mut len).map_err(io)? < 4 {
            return Err(damaged(format!("it ends before chunk {}", self.index)));
        }
        let len = u32::from_le_bytes(len) as usize;
        if len > SEALED_MAX {
            return Err(damaged(format!("chunk {} has an impossible length", self.index)));
        }
        let mut sealed = vec![0u8; len];
        if read_up_to(&mut self.input, &mut sealed).map_err(io)? < len {
            return Err(damaged(format!("it ends inside chunk {}", self.index)));
        }
        for last in [false, true] {
            if let Ok(plain) = self.key.open(&chunk_scope(self.index, last), &sealed) {
                self.plain = plain;
                self.at = 0;
                self.index += 1;
                if last {
                    self.done = true;
                    let mut rest = [0u8; 1];
                    if read_up_to(&mut self.input, &mut rest).map_err(io)? > 0 {
                        return Err(damaged("bytes follow its last chunk".into()));
                    }
                }
                return Ok(());
            }
        }
        Err(damaged(format!("chunk {} fails its authentication", self.index)))
    }
}

impl<R: Read> Read for Opener<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.plain.len() {
            if self.done {
                return Ok(0);
            }
            if let Err(e) = self.next_chunk() {
                let message = e.to_string();
                self.failed = Some(e);
                return Err(std::io::Error::other(message));
            }
        }
        let n = out.len().min(self.plain.len() - self.at);
        out[..n].copy_from_slice(&self.plain[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

fn read_up_to(input: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match input.read(&mut buf[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok(got)
}

/// Where the keys of a backup at `path` live.
pub fn keys_beside(path: &Path) -> PathBuf {
    path.parent().unwrap_or(Path::new(".")).join(KEYS_FILE)
}

/// Writes a backup of `store` to `path` and its keys to `keyring.backup` beside it, reads
/// both back to check them, and only then gives them their names (the keys first: newer
/// keys open every older backup). Returns what they hold.
pub fn write(store: &Store, master: &MasterKey, path: &Path) -> Result<Dumped, BackupError> {
    let tmp = path.with_extension("partial");
    let keys_path = keys_beside(path);
    let keys_tmp = keys_path.with_extension("partial");
    let io = |at: &Path| {
        let at = at.to_owned();
        move |source| BackupError::Io { path: at.clone(), source }
    };
    let result = (|| {
        let open = |at: &Path, magic| {
            let file = crate::keys::private_file(at).map_err(io(at))?;
            Sealer::new(BufWriter::new(file), master, magic).map_err(io(at))
        };
        let (mut data, mut keys) = (open(&tmp, MAGIC)?, open(&keys_tmp, KEYS_MAGIC)?);
        let (dumped, key_count) = store.dump(&mut data, &mut keys)?;
        for (sealer, at) in [(data, &tmp), (keys, &keys_tmp)] {
            let file = sealer.finish().map_err(io(at))?.into_inner().map_err(|e| io(at)(e.into_error()))?;
            file.sync_all().map_err(io(at))?;
        }
        let checked = (read(master, &tmp, MAGIC, None)?, read(master, &keys_tmp, KEYS_MAGIC, None)?);
        if checked != (dumped.clone(), key_count.clone()) {
            return Err(BackupError::Damaged {
                path: tmp.clone(),
                what: "reading it back found other counts".into(),
            });
        }
        std::fs::rename(&keys_tmp, &keys_path).map_err(io(&keys_path))?;
        std::fs::rename(&tmp, path).map_err(io(path))?;
        Ok(Dumped { keys: key_count.keys, ..dumped })
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(&keys_tmp);
    }
    result
}

/// Reads a whole backup, checking every chunk and the counts at its end.
pub fn verify(master: &MasterKey, path: &Path) -> Result<Dumped, BackupError> {
    read(master, path, MAGIC, None)
}

fn read(master: &MasterKey, path: &Path, magic: &[u8], into: Option<&Path>) -> Result<Dumped, BackupError> {
    let file = File::open(path).map_err(|source| BackupError::Io { path: path.into(), source })?;
    let mut opener = Opener::new(BufReader::new(file), master, path, magic)?;
    match Store::restore(&mut opener, into, master) {
        Ok(d) => Ok(d),
        Err(e) => Err(opener.failed.take().unwrap_or(match e {
            StoreError::Internal(what) => BackupError::Damaged { path: path.into(), what },
            other => BackupError::Store(other),
        })),
    }
}

/// What a restore brought back.
#[derive(Debug)]
pub struct Restored {
    pub dumped: Dumped,
    /// Campaigns erased since the backup was taken: their keys are gone, so they are
    /// marked for the erasure run to finish.
    pub erased_since: Vec<String>,
}

/// Restores a backup into `data_dir`, which must be new or empty, with the keys in `keys`
/// (the newest `keyring.backup`): both checked whole first, then written, then opened
/// (newer migrations run) and checked as `tellpoint check` does. On failure the directory
/// is left as it was found.
pub fn restore(
    master: &MasterKey,
    path: &Path,
    keys: &Path,
    data_dir: &Path,
) -> Result<Restored, BackupError> {
    let existed = data_dir.exists();
    if existed
        && std::fs::read_dir(data_dir)
            .map_err(|source| BackupError::Io { path: data_dir.into(), source })?
            .next()
            .is_some()
    {
        return Err(BackupError::NotEmpty(data_dir.into()));
    }
    verify(master, path)?;
    read(master, keys, KEYS_MAGIC, None)?;
    crate::keys::ensure_private_dir(data_dir)
        .map_err(|source| BackupError::Io { path: data_dir.into(), source })?;
    let result = (|| {
        let key_count = read(master, keys, KEYS_MAGIC, Some(data_dir))?;
        let dumped = read(master, path, MAGIC, Some(data_dir))?;
        let mut store = Store::open(data_dir, master)?;
        let mut erased_since = Vec::new();
        for c in store.all_campaigns()? {
            if store.wrapped_key(&c.scope())?.is_none() {
                store.begin_erasure(&c.id, &c.settings.title, &c.slug)?;
                erased_since.push(c.settings.title);
            }
        }
        let checked = store.check()?;
        if let Some(problem) = checked.problems.first() {
            return Err(BackupError::Damaged { path: path.into(), what: problem.clone() });
        }
        Ok(Restored { dumped: Dumped { keys: key_count.keys, ..dumped }, erased_since })
    })();
    if result.is_err() {
        if existed {
            if let Ok(entries) = std::fs::read_dir(data_dir) {
                for e in entries.flatten() {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        } else {
            let _ = std::fs::remove_dir_all(data_dir);
        }
    }
    result
}

/// The name of the scheduled backup of `day`.
pub fn file_name(day: jiff::civil::Date) -> String {
    format!("tellpoint-{day}.backup")
}

/// Today's scheduled backup into `dir`, then the rotation (see `rotate`). Returns the new file and how many were deleted.
pub fn scheduled(
    store: &Store,
    master: &MasterKey,
    dir: &Path,
    today: jiff::civil::Date,
    keep_days: u32,
) -> Result<(PathBuf, usize), BackupError> {
    crate::keys::ensure_private_dir(dir).map_err(|source| BackupError::Io { path: dir.into(), source })?;
    let path = dir.join(file_name(today));
    write(store, master, &path)?;
    Ok((path, rotate(dir, today, keep_days)?))
}

/// Deletes the scheduled backups in `dir` made `keep_days` or more days before `today`:
/// data erased on a day is in no backup once `keep_days` days have passed (what the
/// privacy notices promise).
pub fn rotate(dir: &Path, today: jiff::civil::Date, keep_days: u32) -> Result<usize, BackupError> {
    let io = |source| BackupError::Io { path: dir.into(), source };
    let mut deleted = 0;
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let day = name
            .strip_prefix("tellpoint-")
            .and_then(|n| n.strip_suffix(".backup"))
            .and_then(|d| d.parse::<jiff::civil::Date>().ok());
        let Some(day) = day else { continue };
        let age = crate::model::campaign::day_number(today) - crate::model::campaign::day_number(day);
        if age >= keep_days as i32 {
            std::fs::remove_file(entry.path()).map_err(io)?;
            deleted += 1;
        }
    }
    Ok(deleted)
}
