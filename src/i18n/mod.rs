//! The words of tellpoint in every language it speaks, from Project Fluent files embedded in
//! the binary (`web/i18n/{code}.ftl`, one per language; English is the reference). Fluent
//! rather than gettext: plural rules per language come with it (CLDR), variables are named
//! and may move within a sentence, and one plain-text file per language is what translation
//! tools (Weblate, Pontoon) edit. Adding a language is adding a file; `add_language` does it
//! at run time for a file from elsewhere (the tests' fourth language).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_embed::RustEmbed;

use crate::model::Lang;
use crate::model::lang::SHIPPED;

#[derive(RustEmbed)]
#[folder = "web/i18n/"]
#[include = "*.ftl"]
struct Files;

type Bundle = FluentBundle<FluentResource>;

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("the translation file does not parse: {0}")]
    Syntax(String),
    #[error("the translation file has no language-name message")]
    NoName,
    #[error("{0:?} is not a language code (two to eight lowercase letters), or there are too many languages")]
    Code(String),
}

/// One bundle per registered language, in `Lang` order.
static BUNDLES: LazyLock<RwLock<Vec<Arc<Bundle>>>> = LazyLock::new(|| {
    let load = |code: &str| {
        let file =
            Files::get(&format!("{code}.ftl")).unwrap_or_else(|| panic!("web/i18n/{code}.ftl is embedded"));
        let text = String::from_utf8(file.data.into_owned()).expect("translation files are UTF-8");
        bundle(code, text).unwrap_or_else(|e| panic!("web/i18n/{code}.ftl: {e}"))
    };
    let mut bundles: Vec<Arc<Bundle>> = SHIPPED.iter().map(|(code, _)| Arc::new(load(code))).collect();
    // Any other file is one more language, after the shipped ones, by code.
    let mut more: Vec<String> = Files::iter()
        .filter_map(|name| name.strip_suffix(".ftl").map(String::from))
        .filter(|code| !SHIPPED.iter().any(|(shipped, _)| shipped == code))
        .collect();
    more.sort();
    for code in more {
        let extra = load(&code);
        let name = message(&extra, "language-name", None).unwrap_or_else(|| code.clone());
        match Lang::register(&code, &name) {
            Some(lang) if lang.index() == bundles.len() => bundles.push(Arc::new(extra)),
            _ => panic!("web/i18n/{code}.ftl: {code:?} is not a language code of 2 to 8 lowercase letters"),
        }
    }
    RwLock::new(bundles)
});

/// Loads the translation files and registers their languages (at start, before any
/// stored language code is read).
pub fn init() {
    LazyLock::force(&BUNDLES);
}

fn bundle(code: &str, text: String) -> Result<Bundle, I18nError> {
    let resource =
        FluentResource::try_new(text).map_err(|(_, errors)| I18nError::Syntax(format!("{errors:?}")))?;
    let id: unic_langid::LanguageIdentifier = code.parse().map_err(|_| I18nError::Code(code.into()))?;
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around variables: pages are left-to-right, and the marks
    // would end up in mail subjects and attributes.
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).map_err(|e| I18nError::Syntax(format!("{e:?}")))?;
    let grouping = message(&bundle, "number-grouping", None).unwrap_or_default();
    bundle.set_formatter(Some(match grouping.as_str() {
        "space" => group_space,
        "dot" => group_dot,
        "comma" => group_comma,
        _ => no_grouping,
    }));
    Ok(bundle)
}

/// Registers the language of a Fluent file from outside the binary (its code given, its
/// name from its `language-name`) and returns it. Keys it lacks fall back to English.
pub fn add_language(code: &str, text: &str) -> Result<Lang, I18nError> {
    let new = bundle(code, text.to_string())?;
    let name = message(&new, "language-name", None).ok_or(I18nError::NoName)?;
    LazyLock::force(&BUNDLES);
    let lang = Lang::register(code, &name).ok_or_else(|| I18nError::Code(code.into()))?;
    let mut bundles = BUNDLES.write().unwrap_or_else(|p| p.into_inner());
    PLAIN.write().unwrap_or_else(|p| p.into_inner()).retain(|(l, _), _| *l != lang);
    if lang.index() < bundles.len() {
        bundles[lang.index()] = Arc::new(new);
    } else {
        bundles.push(Arc::new(new));
    }
    Ok(lang)
}

fn bundle_of(lang: Lang) -> Arc<Bundle> {
    let bundles = BUNDLES.read().unwrap_or_else(|p| p.into_inner());
    bundles.get(lang.index()).or_else(|| bundles.first()).cloned().expect("English is loaded")
}

fn message(bundle: &Bundle, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
    errors.is_empty().then_some(text)
}

/// A value for a message's variable: a number (which also picks the plural form) or text.
pub enum Arg {
    Num(f64),
    Text(String),
}

macro_rules! num_arg {
    ($($t:ty),*) => {$(impl From<$t> for Arg { fn from(n: $t) -> Arg { Arg::Num(n as f64) } })*};
}
num_arg!(u32, u64, usize, i32, i64, f64);

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

/// The words for `key` in `lang`, with `args` filled in; English where the language lacks
/// them, and the key itself where English does too (so a gap shows).
pub fn tr(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Num(n) => fluent.set(*name, FluentValue::from(*n)),
            Arg::Text(s) => fluent.set(*name, FluentValue::from(s.as_str())),
        }
    }
    let fluent = (!args.is_empty()).then_some(&fluent);
    message(&bundle_of(lang), key, fluent)
        .or_else(|| message(&bundle_of(Lang::EN), key, fluent))
        .unwrap_or_else(|| key.to_string())
}

/// Messages without variables, formatted once per language and kept for the life of the
/// process: the words of a running instance are fixed, so at most keys × languages strings
/// are kept, and pages borrow them as `&'static str`.
static PLAIN: LazyLock<RwLock<HashMap<(Lang, String), &'static str>>> = LazyLock::new(Default::default);

/// The words for `key` in `lang` (a message without variables).
pub fn t(lang: Lang, key: &str) -> &'static str {
    if let Some(words) = PLAIN.read().unwrap_or_else(|p| p.into_inner()).get(&(lang, key.to_string())) {
        return words;
    }
    let words: &'static str = Box::leak(tr(lang, key, &[]).into_boxed_str());
    PLAIN.write().unwrap_or_else(|p| p.into_inner()).insert((lang, key.to_string()), words);
    words
}

/// Whether `key` has words (for keys made from data, such as an erased class's name).
pub fn has(key: &str) -> bool {
    bundle_of(Lang::EN).has_message(key)
}

/// The keys of a language's own file (not English's fallback).
pub fn keys(lang: Lang) -> Vec<String> {
    let lang_code = lang.code();
    let text = match Files::get(&format!("{lang_code}.ftl")) {
        Some(file) => String::from_utf8_lossy(&file.data).into_owned(),
        None => return Vec::new(),
    };
    message_ids(&text)
}

/// The message ids a Fluent file defines, in order.
pub fn message_ids(text: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(r) | Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// A percentage, rounded, as the reader writes it ("40%", "40 %").
pub fn percent(lang: Lang, v: f64) -> String {
    tr(lang, "percent", &[("n", Arg::Num(v.round()))])
}

/// A decimal with one digit, with the reader's separator ("3.4", "3,4").
pub fn decimal(lang: Lang, v: f64) -> String {
    let s = format!("{v:.1}");
    s.replace('.', t(lang, "decimal-separator"))
}

/// An amount of money with two decimals in the language's way: "12.60", "12,60".
pub fn money(lang: Lang, v: f64) -> String {
    format!("{v:.2}").replace('.', t(lang, "decimal-separator"))
}

/// A day and short month name: "30 Nov", "30 nov.".
pub fn short_date(lang: Lang, date: jiff::civil::Date) -> String {
    let month = tr(lang, "month-short", &[("m", date.month().into())]);
    tr(lang, "date-short", &[("day", date.day().into()), ("month", month.into())]).replace(' ', "\u{a0}")
}

/// A weekday, day and full month: "Monday 8 December", "måndag 8 december".
pub fn weekday_date(lang: Lang, date: jiff::civil::Date) -> String {
    let weekday = tr(lang, "weekday", &[("d", date.weekday().to_monday_one_offset().into())]);
    let month = tr(lang, "month-long", &[("m", date.month().into())]);
    tr(
        lang,
        "date-weekday",
        &[("weekday", weekday.into()), ("day", date.day().into()), ("month", month.into())],
    )
}

/// A date with the full month and year: "30 November 2026", "30 november 2026".
pub fn long_date(lang: Lang, date: jiff::civil::Date) -> String {
    let month = tr(lang, "month-long", &[("m", date.month().into())]);
    tr(
        lang,
        "date-long",
        &[("day", date.day().into()), ("month", month.into()), ("year", date.year().to_string().into())],
    )
}

num_arg!(i8, i16);

type Memoizer = intl_memoizer::concurrent::IntlLangMemoizer;

fn grouped(value: &FluentValue, separator: &str) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    if n.value.fract() != 0.0 || n.value.abs() < 1000.0 || n.value.abs() > 1e15 {
        return None;
    }
    let digits = format!("{}", n.value.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(c);
    }
    Some(if n.value < 0.0 { format!("-{out}") } else { out })
}

fn group_space(v: &FluentValue, _: &Memoizer) -> Option<String> {
    grouped(v, "\u{a0}")
}
fn group_dot(v: &FluentValue, _: &Memoizer) -> Option<String> {
    grouped(v, ".")
}
fn group_comma(v: &FluentValue, _: &Memoizer) -> Option<String> {
    grouped(v, ",")
}
fn no_grouping(_: &FluentValue, _: &Memoizer) -> Option<String> {
    None
}

pub fn negotiate(accept: &str, offered: &[Lang]) -> Lang {
    let mut wanted: Vec<(f32, &str)> = accept
        .split(',')
        .filter_map(|part| {
            let mut it = part.trim().split(';');
            let tag = it.next()?.trim();
            let q = it.find_map(|p| p.trim().strip_prefix("q=")?.parse::<f32>().ok()).unwrap_or(1.0);
            Some((q, tag))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
    wanted
        .iter()
        .filter(|(q, _)| *q > 0.0)
        .find_map(|(_, tag)| {
            let primary = tag.split('-').next()?.to_ascii_lowercase();
            offered.iter().copied().find(|l| l.code() == primary)
        })
        .unwrap_or(offered.first().copied().unwrap_or(Lang::EN))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::parse(code).unwrap()
    }

    #[test]
    fn negotiation_prefers_quality_then_offer() {
        let offered = [Lang::EN, Lang::SV, Lang::NL];
        assert_eq!(negotiate("sv-SE,sv;q=0.9,en;q=0.8", &offered), lang("sv"));
        assert_eq!(negotiate("de, nl;q=0.5, en;q=0.4", &offered), lang("nl"));
        assert_eq!(negotiate("fr", &[lang("sv"), Lang::EN]), lang("sv"));
        assert_eq!(negotiate("", &offered), Lang::EN);
    }

    /// Every shipped language has exactly English's keys: none missing, none extra.
    #[test]
    fn every_language_has_every_key_and_no_other() {
        init();
        let english: std::collections::BTreeSet<String> = keys(Lang::EN).into_iter().collect();
        assert!(english.len() > 200, "English has its words");
        let embedded: Vec<(String, String)> = Files::iter()
            .filter_map(|f| f.strip_suffix(".ftl").map(String::from))
            .map(|code| (code.clone(), lang(&code).name()))
            .collect();
        assert!(embedded.len() >= SHIPPED.len());
        for (code, name) in SHIPPED {
            assert!(embedded.iter().any(|(c, n)| c == code && n == name), "{code}.ftl names itself {name}");
        }
        for (code, name) in &embedded {
            let l = lang(code);
            let own: std::collections::BTreeSet<String> = keys(l).into_iter().collect();
            let missing: Vec<_> = english.difference(&own).collect();
            let extra: Vec<_> = own.difference(&english).collect();
            assert!(missing.is_empty(), "{code}.ftl lacks {missing:?}");
            assert!(extra.is_empty(), "{code}.ftl has keys English lacks: {extra:?}");
            assert_eq!(t(l, "language-name"), name.as_str(), "{code}.ftl names itself as the registry does");
            // Every message formats without errors (variables filled with a number).
            for key in &own {
                let bundle = bundle_of(l);
                let pattern = bundle.get_message(key).and_then(|m| m.value());
                assert!(pattern.is_some(), "{code}: {key} has a value");
            }
        }
    }

    #[test]
    fn numbers_dates_and_plurals_follow_the_language() {
        let (sv, nl) = (lang("sv"), lang("nl"));
        assert_eq!(tr(Lang::EN, "n_responses", &[("n", 1.into())]), "1 response");
        assert_eq!(tr(Lang::EN, "n_responses", &[("n", 5000.into())]), "5,000 responses");
        assert_eq!(tr(sv, "n_responses", &[("n", 5000.into())]), "5\u{a0}000 svar");
        assert_eq!(tr(nl, "n_responses", &[("n", 1.into())]), "1 reactie");
        assert_eq!(percent(Lang::EN, 40.2), "40%");
        assert_eq!(percent(sv, 40.2), "40\u{a0}%");
        assert_eq!(decimal(nl, 3.44), "3,4");
        let date = jiff::civil::date(2026, 3, 30);
        assert_eq!(short_date(Lang::EN, date), "30\u{a0}Mar");
        assert_eq!(short_date(sv, date), "30\u{a0}mars");
        assert_eq!(short_date(nl, date), "30\u{a0}mrt.");
        assert_eq!(long_date(sv, date), "30 mars 2026");
        assert_eq!(t(Lang::EN, "no-such-key"), "no-such-key", "a gap shows as its key");
    }
}
