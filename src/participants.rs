//! Enrolled participants: enrolment with a confirmed address (optionally only addresses on
//! an allow-list), personal links, response tickets, unsubscribing and the participant's
//! own rights (see, export, change address, erase).
//!
//! What is stored about a person: the address sealed under the campaign key, a keyed hash
//! of it, language, status and the day of enrolment. Nothing about responding: a ticket is
//! stored with its campaign only, so no record joins a person to a response (invariant 1).

use hmac::{Hmac, Mac};
use rand::RngCore;
use serde::Serialize;
use sha2::Sha256;

use crate::accounts::{new_token, token_hash};
use crate::keys::{DataKey, KeyError, MasterKey};
use crate::model::Lang;
use crate::model::address::normalise_address;
use crate::model::campaign::{Campaign, date_of, day_number};
use crate::store::{
    AllowEntry, Participant, ParticipantStatus, ParticipantToken, Store, StoreError, TokenPurpose,
};

/// An enrolment confirmation link is valid this long.
pub const CONFIRM_SECS: i64 = 48 * 3600;
/// A rights (privacy) link is valid this long.
pub const ACCESS_SECS: i64 = 3600;

#[derive(Debug, thiserror::Error)]
pub enum ParticipantError {
    #[error("this link is unknown, used or expired")]
    LinkInvalid,
    #[error("that address or number is already enrolled in one of these campaigns")]
    AddressTaken { number: bool },
    #[error(transparent)]
    Campaign(#[from] crate::campaigns::CampaignError),
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Keyed hash of a normalised address: equal addresses match, but the hash cannot be
/// checked against a guessed address without the master key.
pub fn address_hash(master: &MasterKey, normalised: &str) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&master.derive("address-hash")).expect("any length");
    mac.update(normalised.as_bytes());
    mac.finalize().into_bytes().into()
}

fn address_scope(campaign_id: &str) -> String {
    format!("{}:address", crate::model::campaign::scope_of(campaign_id))
}

/// The keyring scope of one participant's contact key; destroying it erases the address
/// from every copy the store ever held.
pub fn contact_scope(campaign_id: &str, id: [u8; 16]) -> String {
    format!("contact:{campaign_id}:{}", data_encoding::HEXLOWER.encode(&id))
}

/// What an enrolment request leads to; the page shown is the same for all of them.
pub enum Enrolled {
    /// New or still unconfirmed: mail this confirmation token.
    Confirm { token: String, participant: [u8; 16] },
    /// Already confirmed: mail the personal link again.
    AlreadyActive { link: String, participant: [u8; 16] },
    /// Not on the allow-list: no mail.
    NotAllowed,
}

/// What is held about one address, as shown and exported to its owner.
#[derive(Debug, Clone, Serialize)]
pub struct Held {
    pub campaign: String,
    pub address: String,
    pub language: String,
    pub status: ParticipantStatus,
    pub enrolled: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeldAll {
    pub enrolments: Vec<Held>,
    /// Campaigns whose allow-list holds the keyed hash of the address.
    pub on_allow_lists: Vec<String>,
}

/// A line of an allow-list that holds no address or number (and is no header).
#[derive(Debug, Clone, PartialEq)]
pub struct UnreadLine {
    pub line: usize,
    pub text: String,
}

pub struct Participants<'a> {
    pub store: &'a Store,
    pub master: &'a MasterKey,
    pub now: i64,
}

impl Participants<'_> {
    fn campaign_key(&self, campaign_id: &str) -> Result<DataKey, ParticipantError> {
        let campaigns = crate::campaigns::Campaigns { store: self.store, master: self.master, now: self.now };
        Ok(campaigns.data_key_of(campaign_id)?)
    }

    /// The personal link secret of a participant. Derived, never stored: only its hash is.
    pub fn link_secret(&self, campaign_id: &str, id: [u8; 16]) -> String {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.master.derive("personal-link")).expect("any length");
        mac.update(campaign_id.as_bytes());
        mac.update(&id);
        data_encoding::BASE32_NOPAD.encode(&mac.finalize().into_bytes()[..16]).to_ascii_lowercase()
    }

    pub fn address_hash(&self, normalised: &str) -> [u8; 32] {
        address_hash(self.master, normalised)
    }

    pub fn open_address(
        &self,
        campaign_id: &str,
        id: [u8; 16],
        p: &Participant,
    ) -> Result<String, ParticipantError> {
        let plain = if p.contact_key {
            let scope = contact_scope(campaign_id, id);
            let wrapped = self.store.wrapped_key(&scope)?.ok_or(KeyError::Unseal)?;
            self.master.unwrap(&scope, &wrapped)?.open(&scope, &p.sealed_address)?
        } else {
            self.campaign_key(campaign_id)?.open(&address_scope(campaign_id), &p.sealed_address)?
        };
        String::from_utf8(plain).map_err(|_| KeyError::Unseal.into())
    }

    /// Seals an address under a fresh contact key, which is in the keyring before this
    /// returns.
    fn seal_address(
        &self,
        campaign_id: &str,
        id: [u8; 16],
        address: &str,
    ) -> Result<Vec<u8>, ParticipantError> {
        let scope = contact_scope(campaign_id, id);
        let key = DataKey::generate();
        self.store.put_key(&scope, &self.master.wrap(&scope, &key))?;
        Ok(key.seal(&scope, address.as_bytes()))
    }

    /// Enrols (or re-sends the confirmation to) a normalised address.
    pub fn enrol(&self, c: &Campaign, address: &str, lang: Lang) -> Result<Enrolled, ParticipantError> {
        let hash = self.address_hash(address);
        if self.store.allow_list_len(&c.id)? > 0 && !self.store.allow_listed(&c.id, hash)? {
            return Ok(Enrolled::NotAllowed);
        }
        let token = new_token();
        let expires = self.now + CONFIRM_SECS;
        match self.store.participant_by_address(&c.id, hash)? {
            Some((id, p)) if p.status == ParticipantStatus::Pending => {
                let purpose = TokenPurpose::Confirm { campaign: c.id.clone(), participant: id };
                self.store
                    .save_participant_token(token_hash(&token), &ParticipantToken { purpose, expires })?;
                Ok(Enrolled::Confirm { token, participant: id })
            }
            Some((id, _)) => {
                Ok(Enrolled::AlreadyActive { link: self.link_secret(&c.id, id), participant: id })
            }
            None => {
                let mut id = [0u8; 16];
                rand::rngs::OsRng.fill_bytes(&mut id);
                let p = Participant {
                    sealed_address: self.seal_address(&c.id, id, address)?,
                    contact_key: true,
                    address_hash: hash,
                    lang,
                    status: ParticipantStatus::Pending,
                    enrolled: day_number(c.settings.today(self.now)),
                    rejections: 0,
                };
                let purpose = TokenPurpose::Confirm { campaign: c.id.clone(), participant: id };
                let token_record = ParticipantToken { purpose, expires };
                if !self.store.add_participant(&c.id, id, &p, token_hash(&token), &token_record)? {
                    // Enrolled by a concurrent request a moment ago: that one sends the mail.
                    return Ok(Enrolled::NotAllowed);
                }
                Ok(Enrolled::Confirm { token, participant: id })
            }
        }
    }

    fn valid_token(&self, token: &str) -> Result<ParticipantToken, ParticipantError> {
        match self.store.participant_token(token_hash(token))? {
            Some(t) if t.expires >= self.now => Ok(t),
            _ => Err(ParticipantError::LinkInvalid),
        }
    }

    /// The campaign a confirmation token belongs to, if it is still valid.
    pub fn confirmation_campaign(&self, token: &str) -> Result<String, ParticipantError> {
        match self.valid_token(token)?.purpose {
            TokenPurpose::Confirm { campaign, .. } => Ok(campaign),
            _ => Err(ParticipantError::LinkInvalid),
        }
    }

    /// Confirms an enrolment; returns the campaign id and the personal link secret.
    pub fn confirm(&self, token: &str) -> Result<(String, String), ParticipantError> {
        let TokenPurpose::Confirm { campaign, participant } = self.valid_token(token)?.purpose else {
            return Err(ParticipantError::LinkInvalid);
        };
        let Some(mut p) = self.store.participant(&campaign, participant)? else {
            return Err(ParticipantError::LinkInvalid);
        };
        let secret = self.link_secret(&campaign, participant);
        p.status = ParticipantStatus::Active;
        self.store.save_participant(&campaign, participant, &p, Some(token_hash(&secret)))?;
        self.store.delete_participant_token(token_hash(token))?;
        Ok((campaign, secret))
    }

    /// The participant a personal link belongs to, if it is valid and active.
    pub fn by_link(&self, secret: &str) -> Result<Option<(String, [u8; 16], Participant)>, ParticipantError> {
        let Some((campaign, id)) = self.store.link_target(token_hash(secret))? else { return Ok(None) };
        Ok(self.store.participant(&campaign, id)?.map(|p| (campaign, id, p)))
    }

    /// Erases enrolments never confirmed once their confirmation links have expired (and
    /// been removed): key first, like an unsubscribe. Returns how many.
    pub fn drop_unconfirmed(&self) -> Result<usize, ParticipantError> {
        let stale = self.store.unconfirmed_past_their_links()?;
        for (campaign, id) in &stale {
            self.store.destroy_keys(&[contact_scope(campaign, *id)])?;
            self.store.delete_participant(campaign, *id, token_hash(&self.link_secret(campaign, *id)))?;
        }
        Ok(stale.len())
    }

    /// Deletes the participant of a personal link at once, with queued mail to them.
    pub fn unsubscribe(&self, secret: &str) -> Result<bool, ParticipantError> {
        let Some((campaign, id)) = self.store.link_target(token_hash(secret))? else { return Ok(false) };
        // The key first: whatever happens next, the address can no longer be read.
        self.store.destroy_keys(&[contact_scope(&campaign, id)])?;
        self.store.delete_participant(&campaign, id, token_hash(secret))?;
        Ok(true)
    }

    /// A participant replied STOP from the number with this keyed hash: every enrolment of
    /// it goes at once (key first), with what is queued for it. Returns how many went.
    pub fn stop(&self, hash: [u8; 32]) -> Result<usize, ParticipantError> {
        let enrolments = self.store.enrolments_of(hash)?;
        for (campaign, id, _) in &enrolments {
            self.store.destroy_keys(&[contact_scope(campaign, *id)])?;
            self.store.delete_participant(campaign, *id, token_hash(&self.link_secret(campaign, *id)))?;
        }
        Ok(enrolments.len())
    }

    /// A rights link for an address, or None when nothing is held about it.
    pub fn request_access(&self, address: &str) -> Result<Option<String>, ParticipantError> {
        let hash = self.address_hash(address);
        if self.store.enrolments_of(hash)?.is_empty() {
            return Ok(None);
        }
        let token = new_token();
        let purpose = TokenPurpose::Access { address_hash: hash };
        self.store.save_participant_token(
            token_hash(&token),
            &ParticipantToken { purpose, expires: self.now + ACCESS_SECS },
        )?;
        Ok(Some(token))
    }

    /// The address hash a rights link opens.
    pub fn access(&self, token: &str) -> Result<[u8; 32], ParticipantError> {
        match self.valid_token(token)?.purpose {
            TokenPurpose::Access { address_hash } => Ok(address_hash),
            _ => Err(ParticipantError::LinkInvalid),
        }
    }

    /// Everything held about the address with this hash.
    pub fn held(&self, hash: [u8; 32]) -> Result<HeldAll, ParticipantError> {
        let mut enrolments = Vec::new();
        for (campaign_id, id, p) in self.store.enrolments_of(hash)? {
            let title = self.store.campaign(&campaign_id)?.map(|c| c.settings.title).unwrap_or_default();
            enrolments.push(Held {
                campaign: title,
                address: self.open_address(&campaign_id, id, &p)?,
                language: p.lang.code(),
                status: p.status,
                enrolled: date_of(p.enrolled).to_string(),
            });
        }
        let mut on_allow_lists = Vec::new();
        for c in self.store.all_campaigns()? {
            if self.store.allow_listed(&c.id, hash)? {
                on_allow_lists.push(c.settings.title);
            }
        }
        Ok(HeldAll { enrolments, on_allow_lists })
    }

    /// Starts moving every enrolment of `hash` to `new_address`: a token to confirm it.
    /// A token confirming `new_address` for the enrolments of `hash`. Whether the new
    /// address is enrolled already is found only on confirming, by whoever holds it: the page
    /// that asks for the change must not tell one participant about another's address.
    pub fn request_change(&self, hash: [u8; 32], new_address: &str) -> Result<String, ParticipantError> {
        let keys = crate::mail::OutboxKeys { store: self.store, master: self.master };
        let (day, sealed_new) = keys.seal(self.now, new_address.as_bytes())?;
        let token = new_token();
        let purpose = TokenPurpose::ChangeAddress { address_hash: hash, sealed_new, key_day: Some(day) };
        self.store.save_participant_token(
            token_hash(&token),
            &ParticipantToken { purpose, expires: self.now + CONFIRM_SECS },
        )?;
        Ok(token)
    }

    /// Confirms a change of address or number; returns how many enrolments moved, and
    /// whether the new contact is a number.
    pub fn confirm_change(&self, token: &str) -> Result<(usize, bool), ParticipantError> {
        let TokenPurpose::ChangeAddress { address_hash: old, sealed_new, key_day } =
            self.valid_token(token)?.purpose
        else {
            return Err(ParticipantError::LinkInvalid);
        };
        let keys = crate::mail::OutboxKeys { store: self.store, master: self.master };
        let new = keys.open(key_day, &sealed_new).ok_or(KeyError::Unseal)?;
        let new = String::from_utf8(new).map_err(|_| KeyError::Unseal)?;
        let new_hash = self.address_hash(&new);
        let number = crate::model::phone::is_number(&new);
        // All or none: a campaign where the new contact is enrolled already stops the change.
        let enrolments = self.store.enrolments_of(old)?;
        for (campaign, _, _) in &enrolments {
            if self.store.participant_by_address(campaign, new_hash)?.is_some() {
                return Err(ParticipantError::AddressTaken { number });
            }
        }
        let mut moved = 0;
        for (campaign, id, p) in enrolments {
            // A new contact key for the new address; the old one is destroyed with it.
            let p = Participant {
                sealed_address: self.seal_address(&campaign, id, &new)?,
                contact_key: true,
                address_hash: new_hash,
                ..p
            };
            if !self.store.readdress_participant(&campaign, id, old, &p)? {
                return Err(ParticipantError::AddressTaken { number });
            }
            moved += 1;
        }
        self.store.delete_participant_token(token_hash(token))?;
        Ok((moved, number))
    }

    /// Erases everything held about the address with this hash: enrolments, queued mail,
    /// allow-list entries. Returns how many enrolments went.
    pub fn erase(&self, hash: [u8; 32]) -> Result<usize, ParticipantError> {
        self.store.drop_mail_about_address(hash)?;
        let enrolments = self.store.enrolments_of(hash)?;
        for (campaign, id, _) in &enrolments {
            self.store.destroy_keys(&[contact_scope(campaign, *id)])?;
            let link = token_hash(&self.link_secret(campaign, *id));
            self.store.delete_participant(campaign, *id, link)?;
        }
        for c in self.store.all_campaigns()? {
            self.store.remove_from_allow_list(&c.id, hash)?;
        }
        Ok(enrolments.len())
    }

    /// Parses an allow-list into keyed hashes: pasted lines, what mail programs export — an
    /// Outlook or Gmail recipient line (`Anna Berg <anna@example.org>; Bo <bo@…>`), a CSV file
    /// with an address in any column (`,`, `;` or tab separated, quoted names with commas
    /// welcome), vCards (`EMAIL;TYPE=work:anna@example.org`). A line that holds no address
    /// is reported by its number, except a header line and the vCard's other lines. Mobile
    /// numbers count too (a cell of their own, or a vCard's TEL line), as E.164 with `region`
    /// for numbers without a country code.
    pub fn parse_allow_list(&self, text: &str, region: &str) -> Result<Vec<AllowEntry>, Vec<UnreadLine>> {
        let vcard = text.to_ascii_uppercase().contains("BEGIN:VCARD");
        let mut hashes = Vec::new();
        let mut problems = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim().trim_start_matches('\u{feff}');
            if line.is_empty() {
                continue;
            }
            let line = if vcard {
                // Only the EMAIL and TEL lines of a vCard hold contacts ("item1.EMAIL;TYPE=work:…").
                let property =
                    |name: &str| name.split(';').next().unwrap_or("").rsplit('.').next().map(str::to_owned);
                match line.split_once(':') {
                    Some((name, value))
                        if property(name).is_some_and(|p| {
                            p.eq_ignore_ascii_case("email") || p.eq_ignore_ascii_case("tel")
                        }) =>
                    {
                        value
                    }
                    _ => continue,
                }
            } else {
                line
            };
            let mut addresses: Vec<String> = line
                .split(|c: char| c.is_whitespace() || ",;<>\"'()[]".contains(c))
                .map(|word| word.strip_prefix("mailto:").unwrap_or(word))
                .filter(|word| word.contains('@'))
                .filter_map(|word| normalise_address(word).ok())
                .collect();
            // Numbers: a cell that is one ("070-123 45 67", "tel:+46701234567").
            addresses.extend(
                line.split([',', ';', '\t'])
                    .map(|cell| cell.trim().trim_matches('"').trim_start_matches("tel:"))
                    .filter(|cell| cell.starts_with('+') || cell.starts_with('0'))
                    .filter_map(|cell| crate::model::phone::normalise_number(cell, region).ok()),
            );
            // A vCard's landline (TEL of an office) is no contact for reminders: skipped.
            if addresses.is_empty() && vcard {
                continue;
            }
            if addresses.is_empty() {
                // A header row ("name,email", "Namn;E-post", "email") is fine on the first line.
                let cells: Vec<&str> = line.split([',', ';', '\t']).map(str::trim).collect();
                let word = |c: &str, spaces: bool| {
                    !c.is_empty()
                        && c.chars().all(|ch| ch.is_alphabetic() || "_-".contains(ch) || spaces && ch == ' ')
                };
                let header = n == 0
                    && (cells.len() > 1 && cells.iter().all(|c| c.is_empty() || word(c, true))
                        || cells.len() == 1 && word(cells[0], false));
                if !header {
                    problems.push(UnreadLine { line: n + 1, text: line.to_string() });
                }
                continue;
            }
            hashes.extend(addresses.iter().map(|a| AllowEntry {
                hash: self.address_hash(a),
                number: crate::model::phone::is_number(a),
            }));
        }
        if problems.is_empty() { Ok(hashes) } else { Err(problems) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_list_reads_pasted_lines_and_csv_with_header() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap();
        let master = MasterKey::from_bytes([7; 32]);
        let p = Participants { store: &store, master: &master, now: 0 };
        let pasted = p.parse_allow_list("anna@example.org\n\nBO@example.org\n", "SE").unwrap();
        assert_eq!(pasted.len(), 2);
        assert_eq!(pasted[1], AllowEntry { hash: p.address_hash("bo@example.org"), number: false });
        let csv = p
            .parse_allow_list("name,email\nAnna,anna@example.org\n\"Berg, Bo\",bo@example.org\n", "SE")
            .unwrap();
        assert_eq!(csv, pasted);
        let problems = p.parse_allow_list("anna@example.org\nnot an address\n", "SE").unwrap_err();
        assert_eq!(problems, [UnreadLine { line: 2, text: "not an address".into() }]);
    }

    #[test]
    fn allow_list_reads_what_mail_programs_export() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &crate::keys::MasterKey::from_bytes([7; 32])).unwrap();
        let master = MasterKey::from_bytes([7; 32]);
        let p = Participants { store: &store, master: &master, now: 0 };
        let two: Vec<AllowEntry> = ["anna@example.org", "bo@example.org"]
            .iter()
            .map(|a| AllowEntry { hash: p.address_hash(a), number: false })
            .collect();
        for text in [
            // Outlook's recipient line, with a quoted "Last, First" name.
            "\"Berg, Anna\" <Anna@Example.org>; Bo Ek <bo@example.org>;",
            // Gmail's.
            "Anna Berg <anna@example.org>, Bo Ek <bo@example.org>",
            // A spreadsheet saved as CSV with semicolons, and one with tabs.
            "Namn;E-post\nBerg, Anna;anna@example.org\nEk, Bo;bo@example.org\n",
            "name\temail\nAnna\tanna@example.org\nBo\tmailto:bo@example.org\n",
            // Two vCards.
            "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Berg\nEMAIL;TYPE=INTERNET,WORK:anna@example.org\nEND:VCARD\n\
             BEGIN:VCARD\nVERSION:3.0\nFN:Bo Ek\nitem1.EMAIL:bo@example.org\nEND:VCARD\n",
        ] {
            let got = p.parse_allow_list(text, "SE").unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(got, two, "{text}");
        }
        // Mobile numbers, in a column of their own or a vCard's TEL line, as E.164.
        let number = AllowEntry { hash: p.address_hash("+46701234567"), number: true };
        for text in
            ["namn;mobil\nAnna;070-123 45 67\n", "BEGIN:VCARD\nTEL;TYPE=CELL:+46 70 123 45 67\nEND:VCARD\n"]
        {
            assert_eq!(p.parse_allow_list(text, "SE").unwrap(), [number], "{text}");
        }
    }
}
