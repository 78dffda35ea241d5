//! Keys and sealing. The master key lives outside the store (a file in the data dir, or a
//! systemd credential); per-scope data keys are wrapped by it and seal contact data and free
//! text with XChaCha20-Poly1305. The scope is bound into every ciphertext as associated
//! data, so a value sealed for one campaign cannot be opened as another's.

use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use zeroize::{Zeroize, ZeroizeOnDrop};

const NONCE_LEN: usize = 24;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("cannot read the master key {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("the master key {path} has {len} bytes, expected 32; restore the right file from your backup")]
    BadLength { path: PathBuf, len: usize },
    #[error("cannot create the master key {path}: {source}; check that the data directory is writable")]
    Create { path: PathBuf, source: std::io::Error },
    #[error("sealed data could not be opened: wrong key, wrong scope, or the data was altered")]
    Unseal,
}

/// 32 random bytes that wrap every data key. Never stored in the redb file.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct MasterKey([u8; 32]);

/// A key that seals the data of one scope (a campaign, a contact, staff secrets).
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct DataKey([u8; 32]);

impl MasterKey {
    /// `$CREDENTIALS_DIRECTORY/master.key` when systemd passes one, else
    /// `data_dir/master.key`, made (0600) on first start.
    pub fn load_or_create(data_dir: &Path) -> Result<(MasterKey, PathBuf), KeyError> {
        if let Some(found) = Self::find(data_dir)? {
            return Ok(found);
        }
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        let key = MasterKey(bytes);
        bytes.zeroize();
        let path = key.save(data_dir)?;
        Ok((key, path))
    }

    /// The master key `load_or_create` would use, if there is one.
    pub fn find(data_dir: &Path) -> Result<Option<(MasterKey, PathBuf)>, KeyError> {
        if let Some(dir) = std::env::var_os("CREDENTIALS_DIRECTORY") {
            let path = Path::new(&dir).join("master.key");
            if path.exists() {
                return Ok(Some((Self::read_file(&path)?, path)));
            }
        }
        let path = data_dir.join("master.key");
        if path.exists() {
            return Ok(Some((Self::read_file(&path)?, path)));
        }
        Ok(None)
    }

    /// Writes this key as `data_dir/master.key` (0600); never over an existing one.
    pub fn save(&self, data_dir: &Path) -> Result<PathBuf, KeyError> {
        let path = data_dir.join("master.key");
        let create = || -> std::io::Result<()> {
            let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&path)?;
            f.write_all(&self.0)?;
            f.sync_all()
        };
        create().map_err(|source| KeyError::Create { path: path.clone(), source })?;
        Ok(path)
    }

    /// Reads a master key file (32 bytes).
    pub fn read_file(path: &Path) -> Result<MasterKey, KeyError> {
        let mut bytes =
            std::fs::read(path).map_err(|source| KeyError::Read { path: path.to_owned(), source })?;
        let key = <[u8; 32]>::try_from(bytes.as_slice())
            .map_err(|_| KeyError::BadLength { path: path.to_owned(), len: bytes.len() });
        bytes.zeroize();
        key.map(MasterKey)
    }

    pub fn from_bytes(bytes: [u8; 32]) -> MasterKey {
        MasterKey(bytes)
    }

    /// Wraps a data key for `scope`; only this master key and the same scope unwrap it.
    pub fn wrap(&self, scope: &str, key: &DataKey) -> Vec<u8> {
        seal_raw(&self.0, &wrap_aad(scope), &key.0)
    }

    pub fn unwrap(&self, scope: &str, wrapped: &[u8]) -> Result<DataKey, KeyError> {
        unwrap_raw(&self.0, scope, wrapped)
    }

    /// A key for one purpose (keyed hashes, recovery codes), derived so the master key
    /// itself never leaves this module.
    pub fn derive(&self, purpose: &str) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("any key length");
        mac.update(b"tellpoint/derive/v1/");
        mac.update(purpose.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

impl DataKey {
    pub fn from_bytes(bytes: [u8; 32]) -> DataKey {
        DataKey(bytes)
    }

    pub fn generate() -> DataKey {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        DataKey(bytes)
    }

    /// Seals `plaintext` for `scope`: nonce ‖ ciphertext ‖ tag.
    pub fn seal(&self, scope: &str, plaintext: &[u8]) -> Vec<u8> {
        seal_raw(&self.0, &data_aad(scope), plaintext)
    }

    pub fn open(&self, scope: &str, sealed: &[u8]) -> Result<Vec<u8>, KeyError> {
        open_raw(&self.0, &data_aad(scope), sealed)
    }

    /// Wraps a key that lives under this one (a follow-up thread's key under its campaign's):
    /// destroying either key makes what the wrapped key sealed unreadable.
    pub fn wrap(&self, scope: &str, key: &DataKey) -> Vec<u8> {
        seal_raw(&self.0, &wrap_aad(scope), &key.0)
    }

    pub fn unwrap(&self, scope: &str, wrapped: &[u8]) -> Result<DataKey, KeyError> {
        unwrap_raw(&self.0, scope, wrapped)
    }
}

fn unwrap_raw(key: &[u8; 32], scope: &str, wrapped: &[u8]) -> Result<DataKey, KeyError> {
    let mut plain = open_raw(key, &wrap_aad(scope), wrapped)?;
    let key = <[u8; 32]>::try_from(plain.as_slice()).map_err(|_| KeyError::Unseal);
    plain.zeroize();
    key.map(DataKey)
}

fn wrap_aad(scope: &str) -> Vec<u8> {
    [b"tellpoint/wrap/v1/".as_slice(), scope.as_bytes()].concat()
}

fn data_aad(scope: &str) -> Vec<u8> {
    [b"tellpoint/data/v1/".as_slice(), scope.as_bytes()].concat()
}

fn seal_raw(key: &[u8; 32], aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(key.into());
    let mut nonce = [0u8; NONCE_LEN];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let ct = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plaintext, aad })
        .expect("XChaCha20-Poly1305 encryption cannot fail for in-memory data");
    [nonce.as_slice(), &ct].concat()
}

fn open_raw(key: &[u8; 32], aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, KeyError> {
    if sealed.len() < NONCE_LEN + 16 {
        return Err(KeyError::Unseal);
    }
    let (nonce, ct) = sealed.split_at(NONCE_LEN);
    XChaCha20Poly1305::new(key.into())
        .decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad })
        .map_err(|_| KeyError::Unseal)
}

/// Creates `dir` (and parents) with mode 0700, and tightens an existing one.
pub fn ensure_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

/// Creates (or empties) `path` as a file only its owner can read (0600), for writing.
pub fn private_file(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new().create(true).truncate(true).write(true).mode(0o600).open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn master() -> MasterKey {
        MasterKey::from_bytes([7; 32])
    }

    #[test]
    fn seal_round_trip() {
        let k = DataKey::generate();
        let sealed = k.seal("campaign:a", b"a story");
        assert_eq!(k.open("campaign:a", &sealed).unwrap(), b"a story");
        assert!(!sealed.windows(7).any(|w| w == b"a story"));
    }

    #[test]
    fn tampered_ciphertext_fails() {
        let k = DataKey::generate();
        let mut sealed = k.seal("s", b"hello");
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        assert!(matches!(k.open("s", &sealed), Err(KeyError::Unseal)));
        assert!(matches!(k.open("s", &sealed[..10]), Err(KeyError::Unseal)));
    }

    #[test]
    fn wrong_key_fails() {
        let sealed = DataKey::generate().seal("s", b"hello");
        assert!(matches!(DataKey::generate().open("s", &sealed), Err(KeyError::Unseal)));
    }

    #[test]
    fn wrong_scope_fails() {
        let k = DataKey::generate();
        let sealed = k.seal("campaign:a", b"hello");
        assert!(matches!(k.open("campaign:b", &sealed), Err(KeyError::Unseal)));
    }

    #[test]
    fn wrap_and_unwrap() {
        let m = master();
        let k = DataKey::generate();
        let wrapped = m.wrap("campaign:a", &k);
        let back = m.unwrap("campaign:a", &wrapped).unwrap();
        assert_eq!(back.open("x", &k.seal("x", b"y")).unwrap(), b"y");
        assert!(m.unwrap("campaign:b", &wrapped).is_err());
        assert!(MasterKey::from_bytes([8; 32]).unwrap("campaign:a", &wrapped).is_err());
    }

    #[test]
    fn master_key_file_is_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let (a, path) = MasterKey::load_or_create(dir.path()).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let (b, _) = MasterKey::load_or_create(dir.path()).unwrap();
        assert_eq!(a.derive("x"), b.derive("x"));
        std::fs::write(&path, b"short").unwrap();
        assert!(matches!(MasterKey::load_or_create(dir.path()), Err(KeyError::BadLength { .. })));
    }
}
