//! Staff accounts as the product sees them: the owner setup link, invites, signing in with
//! password and second factor, and the owner's management actions. Every action that
//! changes something is written to the audit log.

use crate::accounts::{self, Accounts, check_new_password, new_token, normalise_username, token_hash};
use crate::config;
use crate::store::{
    PendingAccount, Role, SessionRecord, StaffRecord, Stage, Store, StoreError, TokenKind, TokenRecord,
};

/// A half-finished sign-in (password given, code not yet) lasts this long.
const PENDING_SIGN_IN_SECS: i64 = 10 * 60;
pub const LINK_TTL_SECS: i64 = 24 * 3600;
pub const INVITE_TTL_SECS: i64 = 7 * 24 * 3600;
/// An authenticator reset link lasts long enough to reach someone on leave over a weekend.
pub const MFA_RESET_TTL_SECS: i64 = 3 * 24 * 3600;

#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    /// Input a person can correct: the form field and the key of what to do (`acct-*`).
    #[error("{field}: {}", crate::i18n::t(crate::model::Lang::EN, message))]
    Input { field: &'static str, message: &'static str },
    #[error("this link is not valid: it was used, replaced or has expired")]
    LinkInvalid,
    #[error("no staff member is called {0}")]
    UnknownUser(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn input(field: &'static str, message: &'static str) -> StaffError {
    StaffError::Input { field, message }
}

/// The outcome of the password step of signing in.
pub enum PasswordStep {
    /// Right password; a TOTP or recovery code is due.
    SecondFactor,
    /// Right password, but an owner reset the authenticator: only the reset link they
    /// handed over leads to a new one.
    NeedsResetLink,
    /// Wrong username or password, or a disabled account: one answer for all.
    Denied,
}

/// The staff domain for one request: the store, the credential helpers and `now`.
pub struct Staffing<'a> {
    pub store: &'a Store,
    pub accounts: &'a Accounts,
    pub now: i64,
}

impl Staffing<'_> {
    pub fn audit(&self, actor: &str, action: &str, target: &str) -> Result<(), StoreError> {
        self.store.append_audit(self.now, actor, action, target).map(|_| ())
    }

    /// A fresh owner setup link while no owner exists (earlier links stop working).
    pub fn setup_link(&self) -> Result<Option<String>, StoreError> {
        if self.store.owner_exists()? {
            return Ok(None);
        }
        let token = new_token();
        let record = TokenRecord {
            kind: TokenKind::Setup,
            role: Role::Owner,
            created_by: None,
            expires: self.now + LINK_TTL_SECS,
            pending: None,
            username: None,
        };
        self.store.replace_setup_token(&token_hash(&token), &record)?;
        Ok(Some(token))
    }

    pub fn invite(&self, by: &str, role: Role) -> Result<String, StoreError> {
        let token = new_token();
        let record = TokenRecord {
            kind: TokenKind::Invite,
            role,
            created_by: Some(by.to_string()),
            expires: self.now + INVITE_TTL_SECS,
            pending: None,
            username: None,
        };
        self.store.save_token(&token_hash(&token), &record)?;
        self.audit(by, "invite.created", role.as_str())?;
        Ok(token)
    }

    /// The invites that can still be used, soonest to expire first, by their hex id (the
    /// hash of the link's token: naming it does not give the link).
    pub fn pending_invites(&self) -> Result<Vec<(String, TokenRecord)>, StoreError> {
        let mut invites: Vec<(String, TokenRecord)> = self
            .store
            .invites()?
            .into_iter()
            .filter(|(_, r)| r.expires > self.now)
            .map(|(hash, r)| (data_encoding::HEXLOWER.encode(&hash), r))
            .collect();
        invites.sort_by_key(|(_, r)| r.expires);
        Ok(invites)
    }

    /// Withdraws an invite: its link stops working at once, even half-way through setup.
    pub fn revoke_invite(&self, by: &str, id: &str) -> Result<(), StaffError> {
        let hash = data_encoding::HEXLOWER.decode(id.as_bytes()).map_err(|_| StaffError::LinkInvalid)?;
        match self.store.token(&hash)? {
            Some(r) if r.kind == TokenKind::Invite => {
                self.store.remove_token(&hash)?;
                self.audit(by, "invite.revoked", r.role.as_str())?;
                Ok(())
            }
            _ => Err(StaffError::LinkInvalid),
        }
    }

    /// The link's record if it can still be used.
    pub fn open_link(&self, token: &str) -> Result<TokenRecord, StaffError> {
        let record = self.store.token(&token_hash(token))?.ok_or(StaffError::LinkInvalid)?;
        let owner_done = record.kind == TokenKind::Setup && self.store.owner_exists()?;
        if record.expires <= self.now || owner_done || record.kind == TokenKind::MfaReset {
            return Err(StaffError::LinkInvalid);
        }
        Ok(record)
    }

    /// First step through a link: choose username and password. The account does not exist
    /// until TOTP is confirmed in `finish_account`.
    pub async fn start_account(
        &self,
        token: &str,
        username: &str,
        password: &str,
        confirm: &str,
    ) -> Result<(), StaffError> {
        let mut record = self.open_link(token)?;
        let username = normalise_username(username).map_err(|m| input("username", m))?;
        if self.store.staff(&username)?.is_some() {
            return Err(input("username", "acct-username-taken"));
        }
        check_new_password(&username, password, confirm).map_err(|m| input("password", m))?;
        record.pending = Some(PendingAccount {
            username,
            password_hash: self.accounts.hash_password(password).await,
            totp_sealed: self.accounts.new_totp_secret(),
        });
        self.store.save_token(&token_hash(token), &record)?;
        Ok(())
    }

    /// Confirms the TOTP enrolment and creates the account; returns the recovery codes.
    pub fn finish_account(&self, token: &str, code: &str) -> Result<(String, Vec<String>), StaffError> {
        let record = self.open_link(token)?;
        let pending = record.pending.ok_or(StaffError::LinkInvalid)?;
        let step = self
            .accounts
            .check_totp(&pending.totp_sealed, code, 0, self.now)
            .ok_or_else(|| input("code", "acct-code-wrong"))?;
        let (codes, hashes) = self.accounts.new_recovery_codes();
        let staff = StaffRecord {
            username: pending.username.clone(),
            role: record.role,
            password_hash: pending.password_hash,
            totp_sealed: Some(pending.totp_sealed),
            totp_last_step: step,
            recovery_hashes: hashes,
            disabled: false,
            created: self.now,
            lang: None,
        };
        if !self.store.create_staff_from_token(&token_hash(token), &staff)? {
            return Err(input("username", "acct-username-taken-meanwhile"));
        }
        let action = match record.kind {
            TokenKind::Setup => "setup.completed",
            TokenKind::Invite => "invite.accepted",
            TokenKind::MfaReset => unreachable!("open_link refuses reset links"),
        };
        self.audit(&staff.username, action, record.role.as_str())?;
        Ok((staff.username, codes))
    }

    pub async fn check_password(&self, username: &str, password: &str) -> Result<PasswordStep, StoreError> {
        let name = normalise_username(username).unwrap_or_default();
        let record = if name.is_empty() { None } else { self.store.staff(&name)? };
        let ok = self.accounts.verify_password(record.as_ref(), password).await;
        let step = match record {
            Some(r) if ok && !r.disabled => {
                if r.totp_sealed.is_some() {
                    PasswordStep::SecondFactor
                } else {
                    PasswordStep::NeedsResetLink
                }
            }
            _ => PasswordStep::Denied,
        };
        if matches!(step, PasswordStep::Denied) {
            self.audit(&audit_name(username), "login.failed", "password")?;
        }
        Ok(step)
    }

    /// A TOTP code (each accepted once) or an unused recovery code.
    pub fn check_second_factor(&self, username: &str, code: &str) -> Result<bool, StoreError> {
        let Some(mut record) = self.store.staff(username)? else { return Ok(false) };
        let Some(sealed) = record.totp_sealed.clone() else { return Ok(false) };
        let ok = if let Some(step) = self.accounts.check_totp(&sealed, code, record.totp_last_step, self.now)
        {
            record.totp_last_step = step;
            true
        } else if self.accounts.use_recovery_code(&mut record, code) {
            self.audit(
                username,
                "login.recovery_code_used",
                &format!("{} left", record.recovery_hashes.len()),
            )?;
            true
        } else {
            false
        };
        if ok && !record.disabled {
            self.store.save_staff(&record)?;
            self.audit(username, "login.ok", "")?;
            Ok(true)
        } else {
            self.audit(username, "login.failed", "second factor")?;
            Ok(false)
        }
    }

    /// Completes a TOTP re-enrolment after a reset; returns new recovery codes.
    pub fn enrol_totp(&self, username: &str, sealed: &[u8], code: &str) -> Result<Vec<String>, StaffError> {
        let mut record =
            self.store.staff(username)?.ok_or_else(|| StaffError::UnknownUser(username.into()))?;
        let step = self
            .accounts
            .check_totp(sealed, code, 0, self.now)
            .ok_or_else(|| input("code", "acct-code-wrong"))?;
        let (codes, hashes) = self.accounts.new_recovery_codes();
        record.totp_sealed = Some(sealed.to_vec());
        record.totp_last_step = step;
        record.recovery_hashes = hashes;
        self.store.save_staff(&record)?;
        self.audit(username, "mfa.enrolled", "")?;
        Ok(codes)
    }

    /// Changes the password and ends the account's other sessions: whoever else was
    /// signed in with the old password is out.
    pub async fn change_password(
        &self,
        username: &str,
        this_session: &[u8],
        current: &str,
        code: &str,
        new: &str,
        confirm: &str,
    ) -> Result<(), StaffError> {
        let mut record =
            self.store.staff(username)?.ok_or_else(|| StaffError::UnknownUser(username.into()))?;
        if !self.accounts.verify_password(Some(&record), current).await {
            self.audit(username, "password.change_failed", "current password")?;
            return Err(input("current", "acct-current-wrong"));
        }
        let sealed = record.totp_sealed.clone().unwrap_or_default();
        let step = self
            .accounts
            .check_totp(&sealed, code, record.totp_last_step, self.now)
            .ok_or_else(|| input("code", "acct-code-used"))?;
        check_new_password(username, new, confirm).map_err(|m| input("new", m))?;
        record.totp_last_step = step;
        record.password_hash = self.accounts.hash_password(new).await;
        self.store.save_staff(&record)?;
        let ended = self.store.delete_other_sessions(username, this_session)?;
        self.audit(username, "password.changed", &format!("{ended} other sessions ended"))?;
        Ok(())
    }

    /// "Sign out everywhere else": ends the account's sessions but this one.
    pub fn end_other_sessions(&self, username: &str, this_session: &[u8]) -> Result<usize, StaffError> {
        let ended = self.store.delete_other_sessions(username, this_session)?;
        self.audit(username, "sessions.ended", &format!("{ended} other sessions"))?;
        Ok(ended)
    }

    pub fn set_role(&self, by: &str, username: &str, role: Role) -> Result<(), StaffError> {
        let mut record = self.existing(username)?;
        if record.role == Role::Owner && role != Role::Owner && self.active_owners()? <= 1 {
            return Err(input("role", "acct-last-owner-role"));
        }
        record.role = role;
        self.store.save_staff(&record)?;
        self.audit(by, "staff.role_changed", &format!("{username} → {}", role.as_str()))?;
        Ok(())
    }

    /// Disabling ends every session of the account at once.
    pub fn set_disabled(&self, by: &str, username: &str, disabled: bool) -> Result<(), StaffError> {
        let mut record = self.existing(username)?;
        if disabled && by == username {
            return Err(input("username", "acct-disable-self"));
        }
        if disabled && record.role == Role::Owner && self.active_owners()? <= 1 {
            return Err(input("username", "acct-last-owner-disable"));
        }
        record.disabled = disabled;
        self.store.save_staff(&record)?;
        if disabled {
            self.store.delete_sessions_of(username)?;
        }
        self.audit(by, if disabled { "staff.disabled" } else { "staff.enabled" }, username)?;
        Ok(())
    }

    /// Removes the account's authenticator and recovery codes and ends its sessions; returns
    /// a one-time link (72 hours) for the owner to hand over. The password alone no longer
    /// signs in: the holder needs the link and the password to enrol a new authenticator.
    pub fn reset_mfa(&self, by: &str, username: &str) -> Result<String, StaffError> {
        let mut record = self.existing(username)?;
        record.totp_sealed = None;
        record.totp_last_step = 0;
        record.recovery_hashes.clear();
        self.store.save_staff(&record)?;
        self.store.delete_sessions_of(username)?;
        let token = new_token();
        let link = TokenRecord {
            kind: TokenKind::MfaReset,
            role: record.role,
            created_by: Some(by.to_string()),
            expires: self.now + MFA_RESET_TTL_SECS,
            pending: None,
            username: Some(username.to_string()),
        };
        self.store.replace_reset_token(&token_hash(&token), &link)?;
        self.audit(by, "staff.mfa_reset", username)?;
        Ok(token)
    }

    /// The account an unexpired MFA reset link is for.
    pub fn reset_link_account(&self, token: &str) -> Result<String, StaffError> {
        let record = self.store.token(&token_hash(token))?.ok_or(StaffError::LinkInvalid)?;
        match record.username {
            Some(name) if record.kind == TokenKind::MfaReset && record.expires > self.now => Ok(name),
            _ => Err(StaffError::LinkInvalid),
        }
    }

    /// The reset link with the account's password: uses up the link, so that the caller
    /// can begin the authenticator's enrolment.
    pub async fn use_reset_link(&self, token: &str, password: &str) -> Result<String, StaffError> {
        let username = self.reset_link_account(token)?;
        let record = self.store.staff(&username)?;
        let usable = record.as_ref().is_some_and(|r| !r.disabled && r.totp_sealed.is_none());
        if !self.accounts.verify_password(record.as_ref(), password).await || !usable {
            self.audit(&username, "login.failed", "reset link password")?;
            return Err(input("password", "acct-reset-password-wrong"));
        }
        if !self.store.remove_token(&token_hash(token))? {
            return Err(StaffError::LinkInvalid);
        }
        self.audit(&username, "mfa.reset_link_used", "")?;
        Ok(username)
    }

    fn existing(&self, username: &str) -> Result<StaffRecord, StaffError> {
        self.store.staff(username)?.ok_or_else(|| StaffError::UnknownUser(username.into()))
    }

    fn active_owners(&self) -> Result<usize, StoreError> {
        Ok(self.store.all_staff()?.iter().filter(|s| s.role == Role::Owner && !s.disabled).count())
    }
}

/// Whether a session has run out: idle or absolute timeout, or a sign-in left half done.
pub fn session_expired(s: &SessionRecord, now: i64, cfg: &config::Session) -> bool {
    match s.stage {
        Stage::Full => {
            now - s.last_seen > cfg.idle_timeout_minutes as i64 * 60
                || now - s.created > cfg.absolute_timeout_hours as i64 * 3600
        }
        Stage::SecondFactor | Stage::Enrol => now - s.created > PENDING_SIGN_IN_SECS,
    }
}

/// A username as typed at a failed sign-in, made safe and short for the audit log (a
/// password typed into the username field must not be kept whole).
fn audit_name(typed: &str) -> String {
    match accounts::normalise_username(typed) {
        Ok(name) => name,
        Err(_) => "(not a valid username)".into(),
    }
}
