//! Staff credentials: password policy and argon2id hashing, TOTP (RFC 6238) with replay
//! protection, single-use recovery codes, and the random one-time tokens behind setup links,
//! invites and session ids. Knows nothing of HTTP.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;
use totp_rs::TOTP;

use crate::keys::{DataKey, MasterKey};
use crate::store::StaffRecord;

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 128;
const TOTP_STEP: u64 = 30;
const RECOVERY_CODES: usize = 10;
const STAFF_SCOPE: &str = "staff";

pub struct Accounts {
    staff_key: DataKey,
    recovery_key: [u8; 32],
    /// argon2 with OWASP parameters takes ~19 MiB per hash: bound how many run at once.
    hashing: Semaphore,
    /// Verified against when the username is unknown, so unknown users cost the same work.
    dummy_hash: String,
}

impl Accounts {
    pub fn new(master: &MasterKey) -> Accounts {
        let staff_key = DataKey::from_bytes(master.derive("staff-secrets"));
        let mut random = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut random);
        let dummy_hash = hash_blocking(&data_encoding::HEXLOWER.encode(&random));
        Accounts {
            staff_key,
            recovery_key: master.derive("recovery-codes"),
            hashing: Semaphore::new(2),
            dummy_hash,
        }
    }

    pub async fn hash_password(&self, password: &str) -> String {
        let _permit = self.hashing.acquire().await.expect("semaphore never closed");
        let password = password.to_string();
        tokio::task::spawn_blocking(move || hash_blocking(&password))
            .await
            .expect("hashing task does not panic")
    }

    /// Checks a password against an account, or against a dummy hash when there is none.
    pub async fn verify_password(&self, record: Option<&StaffRecord>, password: &str) -> bool {
        let hash = record.map_or(self.dummy_hash.clone(), |r| r.password_hash.clone());
        let _permit = self.hashing.acquire().await.expect("semaphore never closed");
        let password = password.to_string();
        let ok = tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash).is_ok_and(|h| argon2().verify_password(password.as_bytes(), &h).is_ok())
        })
        .await
        .unwrap_or(false);
        ok && record.is_some()
    }

    /// A fresh TOTP secret (160 bits), sealed for storage.
    pub fn new_totp_secret(&self) -> Vec<u8> {
        let mut secret = vec![0u8; 20];
        rand::rngs::OsRng.fill_bytes(&mut secret);
        self.staff_key.seal(STAFF_SCOPE, &secret)
    }

    fn totp(&self, sealed: &[u8]) -> Option<TOTP> {
        let secret = self.staff_key.open(STAFF_SCOPE, sealed).ok()?;
        TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, TOTP_STEP, secret).ok()
    }

    /// What an authenticator app needs: the otpauth URI, the same as an inline SVG QR code,
    /// and the secret as base32 text for typing in.
    pub fn enrolment(&self, username: &str, sealed: &[u8]) -> Option<Enrolment> {
        let secret = data_encoding::BASE32_NOPAD.encode(&self.staff_key.open(STAFF_SCOPE, sealed).ok()?);
        // Usernames are [a-z0-9._-], so the label needs no escaping.
        let uri = format!(
            "otpauth://totp/tellpoint:{username}?secret={secret}&issuer=tellpoint&algorithm=SHA1&digits=6&period={TOTP_STEP}"
        );
        let svg = qrcode::QrCode::new(uri.as_bytes())
            .ok()?
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(220, 220)
            .build();
        let svg = svg.split_once("?>").map_or(svg.as_str(), |(_, s)| s).trim().to_string();
        let grouped =
            secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c)).collect::<Vec<_>>().join(" ");
        Some(Enrolment { uri, qr_svg: svg, secret: grouped })
    }

    /// The time step a code matches (one step of clock drift either way), if it is newer
    /// than `last_step`: each code works once.
    pub fn check_totp(&self, sealed: &[u8], code: &str, last_step: u64, now: i64) -> Option<u64> {
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let totp = self.totp(sealed)?;
        let current = now.max(0) as u64 / TOTP_STEP;
        (current.saturating_sub(1)..=current + 1).filter(|step| *step > last_step).find(|step| {
            let expected = totp.generate(step * TOTP_STEP);
            bool::from(subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), code.as_bytes()))
        })
    }

    /// Ten single-use codes shown once, and their keyed hashes for storage.
    pub fn new_recovery_codes(&self) -> (Vec<String>, Vec<String>) {
        (0..RECOVERY_CODES)
            .map(|_| {
                let mut raw = [0u8; 8];
                rand::rngs::OsRng.fill_bytes(&mut raw);
                let text = data_encoding::BASE32_NOPAD.encode(&raw)[..10].to_ascii_lowercase();
                let code = format!("{}-{}", &text[..5], &text[5..]);
                let hash = self.recovery_hash(&code);
                (code, hash)
            })
            .unzip()
    }

    /// Consumes a recovery code of `record` if it matches one; true when it did.
    pub fn use_recovery_code(&self, record: &mut StaffRecord, code: &str) -> bool {
        let normalised: String =
            code.trim().to_ascii_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
        let hash = self.recovery_hash(&normalised);
        let before = record.recovery_hashes.len();
        record.recovery_hashes.retain(|h| *h != hash);
        record.recovery_hashes.len() < before
    }

    fn recovery_hash(&self, code: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.recovery_key).expect("any key length");
        mac.update(code.as_bytes());
        data_encoding::HEXLOWER.encode(&mac.finalize().into_bytes())
    }
}

pub struct Enrolment {
    pub uri: String,
    pub qr_svg: String,
    pub secret: String,
}

fn argon2() -> Argon2<'static> {
    // OWASP: argon2id, m = 19 MiB, t = 2, p = 1.
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_blocking(password: &str) -> String {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashing with valid parameters")
        .to_string()
}

/// Why a new password is refused: the key of the words a person can act on (`acct-*` in the
/// translation files).
pub fn check_new_password(username: &str, password: &str, confirm: &str) -> Result<(), &'static str> {
    let len = password.chars().count();
    if len < PASSWORD_MIN {
        return Err("acct-password-short");
    }
    if len > PASSWORD_MAX {
        return Err("acct-password-long");
    }
    if password != confirm {
        return Err("acct-password-differ");
    }
    let mut chars = password.chars();
    let first = chars.next();
    if chars.all(|c| Some(c) == first) {
        return Err("acct-password-repeated");
    }
    // zxcvbn knows leaked passwords, names, words and the patterns people use (repeats,
    // sequences, keyboard walks, dates); 3 of 4 is "safely unguessable" against an attacker
    // holding the hashes. The username and the product's name count as known words.
    let known = [username, "tellpoint"];
    let score = zxcvbn::zxcvbn(password, &known).score();
    if score < zxcvbn::Score::Three {
        return Err("acct-password-guessable");
    }
    Ok(())
}

/// Usernames are 2–32 of a–z, 0–9, `.`, `_`, `-`, compared lower-cased.
pub fn normalise_username(input: &str) -> Result<String, &'static str> {
    let name = input.trim().to_ascii_lowercase();
    let ok = (2..=32).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if ok { Ok(name) } else { Err("acct-username") }
}

/// A random one-time token of 128 bits, as lowercase base32 for URLs and cookies.
pub fn new_token() -> String {
    let mut raw = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut raw);
    data_encoding::BASE32_NOPAD.encode(&raw).to_ascii_lowercase()
}

/// Tokens are stored only as their hash, so reading the store does not hand them out.
pub fn token_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accounts() -> Accounts {
        Accounts::new(&MasterKey::from_bytes([1; 32]))
    }

    #[test]
    fn password_policy() {
        assert!(check_new_password("ann", "short", "short").is_err());
        assert!(check_new_password("ann", "qwerty123456", "qwerty123456").is_err());
        assert!(check_new_password("ann", "correct horse battery", "correct horse batterx").is_err());
        assert!(check_new_password("ann", "correct horse battery", "correct horse battery").is_ok());
        // What the old 10,000-password list let through, and leaked or patterned long ones.
        for weak in [
            "password1234",
            "123456789012",
            "aaaaaaaaaaaa",
            "            ",
            "qwertyuiopasdf",
            "iloveyou2024!",
            "annannannann",
            "tellpoint2026",
            "Password1234!",
            "abcdefghijklmn",
        ] {
            assert!(check_new_password("ann", weak, weak).is_err(), "{weak:?} was accepted");
        }
        assert_eq!(check_new_password("ann", "ÅÅÅÅÅÅÅÅÅÅÅÅ", "ÅÅÅÅÅÅÅÅÅÅÅÅ"), Err("acct-password-repeated"));
        for fine in [
            "violet kettle harbour 42",
            "tre gröna katter dansar",
            "fiets-molen-appel-regen",
            "kM7#qv2Lx9!pT4wz",
        ] {
            assert!(check_new_password("ann", fine, fine).is_ok(), "{fine:?} was refused");
        }
    }

    #[test]
    fn totp_code_is_accepted_once() {
        let a = accounts();
        let sealed = a.new_totp_secret();
        let totp = a.totp(&sealed).unwrap();
        let now = 1_800_000_000;
        let code = totp.generate(now as u64);
        let step = a.check_totp(&sealed, &code, 0, now).unwrap();
        assert_eq!(a.check_totp(&sealed, &code, step, now), None);
        assert_eq!(a.check_totp(&sealed, "000000x", 0, now), None);
        let e = a.enrolment("ann", &sealed).unwrap();
        assert!(e.uri.starts_with("otpauth://totp/") && e.qr_svg.starts_with("<svg"));
    }

    #[test]
    fn recovery_codes_are_single_use() {
        let a = accounts();
        let (codes, hashes) = a.new_recovery_codes();
        assert_eq!(codes.len(), 10);
        let mut rec = StaffRecord {
            username: "ann".into(),
            role: crate::store::Role::Owner,
            password_hash: String::new(),
            totp_sealed: None,
            totp_last_step: 0,
            recovery_hashes: hashes,
            disabled: false,
            created: 0,
            lang: None,
        };
        assert!(a.use_recovery_code(&mut rec, &codes[3].to_uppercase()));
        assert!(!a.use_recovery_code(&mut rec, &codes[3]));
        assert_eq!(rec.recovery_hashes.len(), 9);
    }

    #[tokio::test]
    async fn passwords_verify_and_unknown_users_fail() {
        let a = accounts();
        let hash = a.hash_password("a long passphrase").await;
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        let rec = StaffRecord {
            username: "ann".into(),
            role: crate::store::Role::Owner,
            password_hash: hash,
            totp_sealed: None,
            totp_last_step: 0,
            recovery_hashes: vec![],
            disabled: false,
            created: 0,
            lang: None,
        };
        assert!(a.verify_password(Some(&rec), "a long passphrase").await);
        assert!(!a.verify_password(Some(&rec), "a long passphrasf").await);
        assert!(!a.verify_password(None, "a long passphrase").await);
    }
}
