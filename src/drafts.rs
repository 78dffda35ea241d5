//! "Save and continue later": unfinished answers sealed with the campaign's story key (they
//! may hold story text, so they are unreadable once the stories' retention has run out),
//! found again by a resume code of twelve words (132 bits) that only the participant holds.
//! Only the code's hash is stored; no contact data, no cookie.

use std::sync::LazyLock;

use rand::Rng;
use sha2::{Digest, Sha256};

use crate::campaigns::Live;
use crate::intake::StoryKey;
use crate::model::Lang;
use crate::model::campaign::day_number;
use crate::model::response::FormInput;
use crate::store::{Draft, Store, StoreError};

const WORDS_IN_CODE: usize = 12;

/// The word lists, 2,048 words each (11 bits a word), sorted for binary search: English
/// (BIP-39), Swedish and Dutch (everyday words spelt with a–z only, none hurtful, no names).
static WORDS: LazyLock<[Vec<&'static str>; 3]> = LazyLock::new(|| {
    [
        include_str!("../web/data/resume-words.txt"),
        include_str!("../web/data/resume-words-sv.txt"),
        include_str!("../web/data/resume-words-nl.txt"),
    ]
    .map(|list| list.lines().collect())
});

fn list_of(lang: Lang) -> &'static [&'static str] {
    let words = &*WORDS;
    if lang == Lang::SV {
        &words[1]
    } else if lang == Lang::NL {
        &words[2]
    } else {
        &words[0]
    }
}

/// Twelve random words of the participant's language (English for a language without a
/// list), joined by hyphens.
pub fn new_code(lang: Lang) -> String {
    let list = list_of(lang);
    let mut rng = rand::rngs::OsRng;
    (0..WORDS_IN_CODE).map(|_| list[rng.gen_range(0..list.len())]).collect::<Vec<_>>().join("-")
}

/// The code as stored and compared: lower case words joined by hyphens, whatever the
/// participant typed between them. None when it is not twelve list words (of any language:
/// a code saved in Swedish opens from a Dutch page too).
pub fn normalise(typed: &str) -> Option<String> {
    let words: Vec<String> = typed
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let known = |w: &String| WORDS.iter().any(|list| list.binary_search(&w.as_str()).is_ok());
    (words.len() == WORDS_IN_CODE && words.iter().all(known)).then(|| words.join("-"))
}

fn hash(code: &str) -> [u8; 32] {
    Sha256::digest(code.as_bytes()).into()
}

pub enum Found {
    Draft(FormInput),
    Expired,
    Unknown,
}

pub struct Drafts<'a> {
    pub store: &'a Store,
    pub now: i64,
    pub keep_days: u32,
}

impl Drafts<'_> {
    /// Seals and stores `input` under `code` (replacing an earlier save with the same code).
    pub fn save(&self, live: &Live, code: &str, input: &FormInput) -> Result<(), StoreError> {
        let c = &live.campaign;
        let json = serde_json::to_vec(input).expect("plain data serialises");
        let key = StoryKey::of(live);
        let draft = Draft {
            campaign_id: c.id.clone(),
            expires: day_number(c.settings.today(self.now)) + self.keep_days as i32,
            sealed: key.key.seal(&format!("{}:draft", key.scope), &json),
            story_key: key.own,
        };
        self.store.save_draft(&hash(code), &draft)
    }

    pub fn find(&self, live: &Live, code: &str) -> Result<Found, StoreError> {
        let c = &live.campaign;
        let Some(draft) = self.store.draft(&hash(code))?.filter(|d| d.campaign_id == c.id) else {
            return Ok(Found::Unknown);
        };
        if draft.expires < day_number(c.settings.today(self.now)) {
            return Ok(Found::Expired);
        }
        let key = StoryKey::of(live);
        // Saved before drafts went under the story key: under the campaign key.
        let (key, scope) = match (draft.story_key, key.own) {
            (true, true) | (false, false) => (key.key, key.scope),
            (false, true) => (&live.key, c.scope()),
            (true, false) => return Ok(Found::Unknown),
        };
        let opened = key.open(&format!("{scope}:draft"), &draft.sealed).ok();
        Ok(opened.and_then(|json| serde_json::from_slice(&json).ok()).map_or(Found::Unknown, Found::Draft))
    }

    pub fn discard(&self, code: &str) -> Result<(), StoreError> {
        self.store.delete_draft(&hash(code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_2048_sorted_distinct_typable_words() {
        for list in WORDS.iter() {
            assert_eq!(list.len(), 2048);
            assert!(list.windows(2).all(|w| w[0] < w[1]), "sorted for binary search, no repeats");
            assert!(
                list.iter().all(|w| (3..=8).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()))
            );
        }
    }

    #[test]
    fn codes_are_words_of_the_participants_language_and_any_language_is_read() {
        let sv = new_code(Lang::SV);
        assert!(sv.split('-').all(|w| WORDS[1].binary_search(&w).is_ok()), "{sv}");
        let nl = new_code(Lang::NL);
        assert!(nl.split('-').all(|w| WORDS[2].binary_search(&w).is_ok()), "{nl}");
        assert_eq!(normalise(&sv.replace('-', " ")).as_deref(), Some(sv.as_str()));
        assert_eq!(normalise(&nl.to_uppercase()).as_deref(), Some(nl.as_str()));
    }

    #[test]
    fn codes_are_twelve_list_words_and_survive_retyping() {
        let code = new_code(Lang::EN);
        assert_eq!(code.split('-').count(), 12);
        let retyped = code.replace('-', "  ").to_uppercase();
        assert_eq!(normalise(&retyped).as_deref(), Some(code.as_str()));
        assert_eq!(normalise("abandon ability"), None);
        assert_eq!(normalise(&code.replace("-", " ").replacen(' ', " notaword ", 1)), None);
    }
}
