//! The languages tellpoint speaks to participants and staff. A language is data, not code:
//! each is a translation file (`web/i18n/{code}.ftl`, read by `i18n`), registered here by its
//! code and name. The shipped ones come first, English the first of all.

use std::sync::RwLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A registered language: an index into the registry, cheap to copy and compare. Stored
/// and sent as its code ("sv").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(u8);

struct Known {
    code: String,
    name: String,
}

/// The languages whose files ship in the binary, in registry order (a test checks the
/// names against the files' `language-name`).
pub const SHIPPED: [(&str, &str); 3] = [("en", "English"), ("sv", "Svenska"), ("nl", "Nederlands")];

/// Starts as `SHIPPED`; `i18n::add_language` can register more.
static KNOWN: RwLock<Vec<Known>> = RwLock::new(Vec::new());

fn known() -> std::sync::RwLockReadGuard<'static, Vec<Known>> {
    {
        let list = KNOWN.read().unwrap_or_else(|p| p.into_inner());
        if !list.is_empty() {
            return list;
        }
    }
    {
        let mut list = KNOWN.write().unwrap_or_else(|p| p.into_inner());
        if list.is_empty() {
            list.extend(
                SHIPPED.iter().map(|(code, name)| Known { code: code.to_string(), name: name.to_string() }),
            );
        }
    }
    KNOWN.read().unwrap_or_else(|p| p.into_inner())
}

impl Lang {
    /// English: the reference language, and the fallback.
    pub const EN: Lang = Lang(0);
    pub const SV: Lang = Lang(1);
    pub const NL: Lang = Lang(2);

    /// Every registered language, English first.
    pub fn all() -> Vec<Lang> {
        (0..known().len()).map(|i| Lang(i as u8)).collect()
    }

    pub fn code(self) -> String {
        known().get(self.index()).map(|k| k.code.clone()).unwrap_or_else(|| "en".into())
    }

    /// The language's name in itself ("Svenska").
    pub fn name(self) -> String {
        known().get(self.index()).map(|k| k.name.clone()).unwrap_or_else(|| "English".into())
    }

    pub fn parse(s: &str) -> Option<Lang> {
        known().iter().position(|k| k.code == s).map(|i| Lang(i as u8))
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// Adds a language, or finds it if its code is known; `None` when the code is not a
    /// language code (two to eight lowercase letters) or the registry is full.
    pub fn register(code: &str, name: &str) -> Option<Lang> {
        if !(2..=8).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        if let Some(found) = Lang::parse(code) {
            return Some(found);
        }
        let mut list = KNOWN.write().unwrap_or_else(|p| p.into_inner());
        if let Some(i) = list.iter().position(|k| k.code == code) {
            return Some(Lang(i as u8));
        }
        let index = u8::try_from(list.len()).ok()?;
        list.push(Known { code: code.into(), name: name.into() });
        Some(Lang(index))
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let code = String::deserialize(d)?;
        Lang::parse(&code).ok_or_else(|| serde::de::Error::custom(format!("unknown language {code:?}")))
    }
}
