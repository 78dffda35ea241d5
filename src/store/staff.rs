//! Staff accounts, their sessions and the one-time links (owner setup, invites).

use redb::{ReadableTable, ReadableTableMetadata};
use serde::{Deserialize, Serialize};

use super::{SESSIONS, STAFF, Store, StoreError, TOKENS, from_json, to_json};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Reviewer,
    Moderator,
    Analyst,
    Owner,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Owner, Role::Analyst, Role::Moderator, Role::Reviewer];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reviewer => "reviewer",
            Role::Moderator => "moderator",
            Role::Analyst => "analyst",
            Role::Owner => "owner",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StaffRecord {
    pub username: String,
    pub role: Role,
    /// argon2id PHC string.
    pub password_hash: String,
    /// The TOTP secret sealed with the staff key; `None` until (re-)enrolled.
    pub totp_sealed: Option<Vec<u8>>,
    /// The last TOTP time step accepted: a code is accepted once only.
    pub totp_last_step: u64,
    /// Keyed hashes (hex) of the unused recovery codes.
    pub recovery_hashes: Vec<String>,
    pub disabled: bool,
    pub created: i64,
    /// The language the admin panel speaks to this person; `None`: their browser's.
    #[serde(default)]
    pub lang: Option<crate::model::Lang>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Password accepted; a TOTP or recovery code is due.
    SecondFactor,
    /// Password accepted, but TOTP must be enrolled first (after an MFA reset).
    Enrol,
    /// Fully signed in.
    Full,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionRecord {
    pub username: String,
    pub stage: Stage,
    pub created: i64,
    pub last_seen: i64,
    /// A TOTP secret being enrolled, sealed with the staff key.
    pub pending_totp: Option<Vec<u8>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Creates the first owner; exists only while there is no owner.
    Setup,
    /// Creates a staff account with the given role.
    Invite,
    /// Lets the named account, with its password, enrol a new authenticator after an
    /// owner reset the old one.
    MfaReset,
}

/// An account being created through a one-time link: it becomes a staff record only when
/// its TOTP enrolment is confirmed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingAccount {
    pub username: String,
    pub password_hash: String,
    pub totp_sealed: Vec<u8>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenRecord {
    pub kind: TokenKind,
    pub role: Role,
    pub created_by: Option<String>,
    pub expires: i64,
    pub pending: Option<PendingAccount>,
    /// The account an MFA reset link is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

impl Store {
    pub fn staff(&self, username: &str) -> Result<Option<StaffRecord>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(STAFF)?;
        let value = table.get(username)?;
        value.map(|v| from_json(v.value())).transpose()
    }

    pub fn all_staff(&self) -> Result<Vec<StaffRecord>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(STAFF)?;
        table.iter()?.map(|row| from_json(row?.1.value())).collect()
    }

    pub fn owner_exists(&self) -> Result<bool, StoreError> {
        Ok(self.all_staff()?.iter().any(|s| s.role == Role::Owner))
    }

    /// Saves an existing account (role, password, MFA, disabled).
    pub fn save_staff(&self, record: &StaffRecord) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(STAFF)?.insert(record.username.as_str(), to_json(record)?.as_slice())?;
        tx.commit()?;
        Ok(())
    }

    /// Sets the language of someone's admin panel (`None`: their browser's); false when
    /// there is no such account.
    pub fn set_staff_lang(
        &self,
        username: &str,
        lang: Option<crate::model::Lang>,
    ) -> Result<bool, StoreError> {
        let tx = self.write()?;
        {
            let mut table = tx.open_table(STAFF)?;
            let Some(bytes) = table.get(username)?.map(|v| v.value().to_vec()) else { return Ok(false) };
            let mut record: StaffRecord = from_json(&bytes)?;
            record.lang = lang;
            table.insert(username, to_json(&record)?.as_slice())?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Turns a confirmed one-time link into an account, consuming the link in the same
    /// transaction. Fails if the link is gone or the username was taken meanwhile.
    pub fn create_staff_from_token(
        &self,
        token_hash: &[u8],
        record: &StaffRecord,
    ) -> Result<bool, StoreError> {
        let tx = self.write()?;
        {
            let mut tokens = tx.open_table(TOKENS)?;
            if tokens.remove(token_hash)?.is_none() {
                return Ok(false);
            }
            let mut staff = tx.open_table(STAFF)?;
            if staff.get(record.username.as_str())?.is_some() {
                return Ok(false);
            }
            staff.insert(record.username.as_str(), to_json(record)?.as_slice())?;
        }
        tx.commit()?;
        Ok(true)
    }

    pub fn session(&self, id_hash: &[u8]) -> Result<Option<SessionRecord>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(SESSIONS)?;
        let value = table.get(id_hash)?;
        value.map(|v| from_json(v.value())).transpose()
    }

    pub fn save_session(&self, id_hash: &[u8], record: &SessionRecord) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(SESSIONS)?.insert(id_hash, to_json(record)?.as_slice())?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces a session under a new id (renewal at each sign-in step).
    pub fn renew_session(
        &self,
        old_hash: &[u8],
        new_hash: &[u8],
        record: &SessionRecord,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        {
            let mut table = tx.open_table(SESSIONS)?;
            table.remove(old_hash)?;
            table.insert(new_hash, to_json(record)?.as_slice())?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn delete_session(&self, id_hash: &[u8]) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(SESSIONS)?.remove(id_hash)?;
        tx.commit()?;
        Ok(())
    }

    /// Ends every session of one account (disable, MFA reset, password change).
    pub fn delete_sessions_of(&self, username: &str) -> Result<usize, StoreError> {
        self.delete_sessions_where(|s| s.username == username)
    }

    /// One account's sessions, each with its id hash.
    pub fn sessions_of(&self, username: &str) -> Result<Vec<(Vec<u8>, SessionRecord)>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(SESSIONS)?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (k, v) = row?;
            let record: SessionRecord = from_json(v.value())?;
            if record.username == username {
                out.push((k.value().to_vec(), record));
            }
        }
        Ok(out)
    }

    /// Ends every session of one account but `keep` (password change, "sign out elsewhere").
    pub fn delete_other_sessions(&self, username: &str, keep: &[u8]) -> Result<usize, StoreError> {
        let tx = self.write()?;
        let removed = {
            let mut table = tx.open_table(SESSIONS)?;
            let before = table.len()?;
            table.retain(|k, v| {
                k == keep || from_json::<SessionRecord>(v).map_or(true, |s| s.username != username)
            })?;
            (before - table.len()?) as usize
        };
        tx.commit()?;
        Ok(removed)
    }

    /// Removes sessions for which `expired` holds; returns how many.
    pub fn delete_sessions_where(
        &self,
        expired: impl Fn(&SessionRecord) -> bool,
    ) -> Result<usize, StoreError> {
        let tx = self.write()?;
        let removed = {
            let mut table = tx.open_table(SESSIONS)?;
            let before = table.len()?;
            table.retain(|_, v| from_json::<SessionRecord>(v).map_or(true, |s| !expired(&s)))?;
            (before - table.len()?) as usize
        };
        tx.commit()?;
        Ok(removed)
    }

    pub fn token(&self, hash: &[u8]) -> Result<Option<TokenRecord>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(TOKENS)?;
        let value = table.get(hash)?;
        value.map(|v| from_json(v.value())).transpose()
    }

    pub fn save_token(&self, hash: &[u8], record: &TokenRecord) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(TOKENS)?.insert(hash, to_json(record)?.as_slice())?;
        tx.commit()?;
        Ok(())
    }

    /// Stores an MFA reset link for `username`, removing any earlier one for the account.
    pub fn replace_reset_token(&self, hash: &[u8], record: &TokenRecord) -> Result<(), StoreError> {
        let tx = self.write()?;
        {
            let mut table = tx.open_table(TOKENS)?;
            table.retain(|_, v| {
                from_json::<TokenRecord>(v)
                    .map_or(true, |t| t.kind != TokenKind::MfaReset || t.username != record.username)
            })?;
            table.insert(hash, to_json(record)?.as_slice())?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Removes a one-time link; false if it was already gone (used by a racing request).
    pub fn remove_token(&self, hash: &[u8]) -> Result<bool, StoreError> {
        let tx = self.write()?;
        let removed = tx.open_table(TOKENS)?.remove(hash)?.is_some();
        tx.commit()?;
        Ok(removed)
    }

    /// Stores a new owner setup link and removes every earlier one, so only the newest works.
    pub fn replace_setup_token(&self, hash: &[u8], record: &TokenRecord) -> Result<(), StoreError> {
        let tx = self.write()?;
        {
            let mut table = tx.open_table(TOKENS)?;
            table.retain(|_, v| from_json::<TokenRecord>(v).map_or(true, |t| t.kind != TokenKind::Setup))?;
            table.insert(hash, to_json(record)?.as_slice())?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Every invite link not used yet, by the hash of its token.
    pub fn invites(&self) -> Result<Vec<(Vec<u8>, TokenRecord)>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(TOKENS)?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (hash, value) = row?;
            let record: TokenRecord = from_json(value.value())?;
            if record.kind == TokenKind::Invite {
                out.push((hash.value().to_vec(), record));
            }
        }
        Ok(out)
    }

    /// Removes links whose time is up; returns how many.
    pub fn delete_expired_tokens(&self, now: i64) -> Result<usize, StoreError> {
        let tx = self.write()?;
        let removed = {
            let mut table = tx.open_table(TOKENS)?;
            let before = table.len()?;
            table.retain(|_, v| from_json::<TokenRecord>(v).map_or(true, |t| t.expires > now))?;
            (before - table.len()?) as usize
        };
        tx.commit()?;
        Ok(removed)
    }
}
