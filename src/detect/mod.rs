//! Likely personal data in a story, for the moderator's eye: addresses, numbers that check
//! out as identity or bank numbers, and words that may be names. Detection only highlights;
//! a person decides. Numbers with a checksum (personnummer, BSN, IBAN) are only reported
//! when the checksum holds, so an ordinary count or date is not flagged.

mod names;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Found {
    Email,
    Url,
    Phone,
    /// Swedish personnummer or samordningsnummer.
    PersonalNumber,
    /// Dutch citizen service number.
    Bsn,
    Iban,
    /// A word that may be a person's name (see `names`).
    Name,
    /// A word from the campaign's own list of names, places and teams.
    Term,
}

impl Found {
    /// What replaces it in a quote draft.
    pub fn placeholder(self) -> &'static str {
        match self {
            Found::Email => "[email]",
            Found::Url => "[link]",
            Found::Phone => "[phone]",
            Found::PersonalNumber | Found::Bsn => "[id number]",
            Found::Iban => "[bank account]",
            Found::Name | Found::Term => "[name]",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Found::Email => "email address",
            Found::Url => "link",
            Found::Phone => "phone number",
            Found::PersonalNumber => "personnummer",
            Found::Bsn => "BSN",
            Found::Iban => "bank account (IBAN)",
            Found::Name => "possible name",
            Found::Term => "on the campaign's list",
        }
    }
}

/// A found span: byte offsets into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub found: Found,
}

/// Every span, in text order, without overlaps (the more specific finding wins).
pub fn find(text: &str, terms: &[String]) -> Vec<Span> {
    let mut all: Vec<Span> = Vec::new();
    let passes: [(Found, Vec<(usize, usize)>); 8] = [
        (Found::Email, emails(text)),
        (Found::Url, urls(text)),
        (Found::Iban, ibans(text)),
        (
            Found::PersonalNumber,
            digit_runs(text).into_iter().filter(|r| personnummer(&r.1)).map(|r| r.0).collect(),
        ),
        (Found::Bsn, digit_runs(text).into_iter().filter(|r| bsn(&r.1)).map(|r| r.0).collect()),
        (Found::Phone, phones(text)),
        (Found::Term, listed(text, terms)),
        (Found::Name, names::find(text)),
    ];
    for (found, spans) in passes {
        for (start, end) in spans {
            if !all.iter().any(|s| start < s.end && s.start < end) {
                all.push(Span { start, end, found });
            }
        }
    }
    all.sort_by_key(|s| s.start);
    all
}

/// The text with every span replaced by its placeholder: the start of a quote.
pub fn redact(text: &str, spans: &[Span]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for s in spans {
        out.push_str(&text[at..s.start]);
        out.push_str(s.found.placeholder());
        at = s.end;
    }
    out.push_str(&text[at..]);
    out
}

fn chars(text: &str) -> Vec<(usize, char)> {
    text.char_indices().collect()
}

fn end_of(text: &str, cs: &[(usize, char)], i: usize) -> usize {
    cs.get(i).map_or(text.len(), |c| c.0)
}

fn emails(text: &str) -> Vec<(usize, usize)> {
    let cs = chars(text);
    let local = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_alphanumeric() || ".-".contains(c);
    let mut out = Vec::new();
    for (i, (_, c)) in cs.iter().enumerate() {
        if *c != '@' {
            continue;
        }
        let mut s = i;
        while s > 0 && local(cs[s - 1].1) {
            s -= 1;
        }
        let mut e = i + 1;
        while e < cs.len() && domain(cs[e].1) {
            e += 1;
        }
        while e > i + 1 && matches!(cs[e - 1].1, '.' | '-') {
            e -= 1;
        }
        let host: String = cs[i + 1..e].iter().map(|c| c.1).collect();
        let tld = host.rsplit('.').next().unwrap_or("");
        if s < i && host.contains('.') && tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic) {
            out.push((cs[s].0, end_of(text, &cs, e)));
        }
    }
    out
}

fn urls(text: &str) -> Vec<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) =
        ["http://", "https://", "www."].iter().filter_map(|p| lower[from..].find(p).map(|i| i + from)).min()
    {
        let before_ok = text[..pos].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let mut end = text[pos..]
            .find(|c: char| c.is_whitespace() || "<>\"'".contains(c))
            .map_or(text.len(), |i| pos + i);
        while end > pos && text[..end].ends_with(['.', ',', ';', ':', '!', '?', ')']) {
            end -= 1;
        }
        if before_ok && end > pos + 4 {
            out.push((pos, end));
        }
        from = end.max(pos + 1);
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

/// Runs of digits that may be separated by one space, dot or dash (and one '+' as in a
/// personnummer of someone over 100), with the digits alone.
fn digit_runs(text: &str) -> Vec<((usize, usize), String)> {
    let cs = chars(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let boundary = i == 0 || !cs[i - 1].1.is_alphanumeric();
        if !cs[i].1.is_ascii_digit() || !boundary {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        let mut j = i;
        while j < cs.len() {
            let c = cs[j].1;
            if c.is_ascii_digit() {
                digits.push(c);
                j += 1;
            } else if " .-+".contains(c) && cs.get(j + 1).is_some_and(|n| n.1.is_ascii_digit()) {
                j += 1;
            } else {
                break;
            }
        }
        let after_ok = cs.get(j).is_none_or(|c| !c.1.is_alphanumeric());
        if after_ok {
            out.push(((cs[i].0, end_of(text, &cs, j)), digits));
        }
        i = j.max(i + 1);
    }
    out
}

fn luhn(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { *d })
        .sum();
    sum.is_multiple_of(10)
}

/// YYMMDDNNNC or YYYYMMDDNNNC with a valid date part (day + 60 for a samordningsnummer)
/// and Luhn check digit.
fn personnummer(digits: &str) -> bool {
    let ten = match digits.len() {
        10 => digits,
        12 if digits.starts_with("19") || digits.starts_with("20") => &digits[2..],
        _ => return false,
    };
    let d: Vec<u32> = ten.chars().filter_map(|c| c.to_digit(10)).collect();
    let month = d[2] * 10 + d[3];
    let day = d[4] * 10 + d[5];
    let day = if day > 60 { day - 60 } else { day };
    (1..=12).contains(&month) && (1..=31).contains(&day) && luhn(&d)
}

/// Nine digits passing the 11-check (9·a + 8·b + … + 2·h − i ≡ 0 mod 11).
fn bsn(digits: &str) -> bool {
    if digits.len() != 9 || digits.chars().all(|c| c == '0') {
        return false;
    }
    let d: Vec<i64> = digits.chars().filter_map(|c| c.to_digit(10)).map(i64::from).collect();
    let sum: i64 = (0..8).map(|i| (9 - i as i64) * d[i]).sum::<i64>() - d[8];
    sum.rem_euclid(11) == 0
}

fn ibans(text: &str) -> Vec<(usize, usize)> {
    let cs = chars(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= cs.len() {
        let starts = (i == 0 || !cs[i - 1].1.is_alphanumeric())
            && cs[i].1.is_ascii_uppercase()
            && cs[i + 1].1.is_ascii_uppercase()
            && cs[i + 2].1.is_ascii_digit()
            && cs[i + 3].1.is_ascii_digit();
        if !starts {
            i += 1;
            continue;
        }
        let mut compact = String::new();
        let mut j = i;
        while j < cs.len() && compact.len() < 34 {
            let c = cs[j].1;
            if c.is_ascii_alphanumeric() {
                compact.push(c.to_ascii_uppercase());
                j += 1;
            } else if c == ' ' && cs.get(j + 1).is_some_and(|n| n.1.is_ascii_alphanumeric()) {
                j += 1;
            } else {
                break;
            }
        }
        // Shrink from the right until the checksum holds (a following word may have joined).
        let mut found = None;
        let mut end = j;
        let mut len = compact.len();
        while len >= 15 {
            if iban_valid(&compact[..len]) {
                found = Some(end);
                break;
            }
            end -= 1;
            while end > i && cs[end - 1].1 == ' ' {
                end -= 1;
            }
            len -= 1;
        }
        match found {
            Some(e) => {
                out.push((cs[i].0, end_of(text, &cs, e)));
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

fn iban_valid(iban: &str) -> bool {
    let rearranged = iban[4..].chars().chain(iban[..4].chars());
    let mut rem: u32 = 0;
    for c in rearranged {
        let v = match c.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        rem = if v >= 10 { (rem * 100 + v) % 97 } else { (rem * 10 + v) % 97 };
    }
    rem == 1
}

/// Numbers written as phone numbers: "+" or "00" and 8–15 digits, or a national number
/// starting with 0 and 8–11 digits (Swedish 07x, 08; Dutch 06, 020).
fn phones(text: &str) -> Vec<(usize, usize)> {
    let cs = chars(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i].1;
        let boundary = i == 0 || !cs[i - 1].1.is_alphanumeric();
        if !boundary || !(c == '+' || c == '0' || c == '(') {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        let mut j = i;
        while j < cs.len() {
            let c = cs[j].1;
            if c.is_ascii_digit() {
                digits.push(c);
            } else {
                let separator = " -()/".contains(c) || (c == '+' && j == i);
                let double_space = c == ' ' && cs.get(j + 1).is_some_and(|n| n.1 == ' ');
                if !separator || double_space {
                    break;
                }
            }
            j += 1;
        }
        while j > i && !cs[j - 1].1.is_ascii_digit() {
            j -= 1;
        }
        let after_ok = cs.get(j).is_none_or(|c| !c.1.is_alphanumeric());
        let international = cs[i].1 == '+' || digits.starts_with("00");
        let ok = if international {
            (8..=15).contains(&digits.len())
        } else {
            digits.starts_with('0') && (8..=11).contains(&digits.len())
        };
        if ok && after_ok {
            out.push((cs[i].0, end_of(text, &cs, j)));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Whole-word, case-insensitive occurrences of the listed terms.
fn listed(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    let lower = text.to_lowercase();
    // Lowercasing can change byte lengths; only search when it did not.
    if lower.len() != text.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for term in terms.iter().map(|t| t.trim().to_lowercase()).filter(|t| !t.is_empty()) {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(&term).map(|p| p + from) {
            let end = pos + term.len();
            let before = lower[..pos].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = lower[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if before && after {
                out.push((pos, end));
            }
            from = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Found, &str)> {
        find(text, &[]).into_iter().map(|s| (s.found, &text[s.start..s.end])).collect()
    }

    fn kinds(text: &str, kind: Found) -> Vec<&str> {
        found(text).into_iter().filter(|(f, _)| *f == kind).map(|(_, s)| s).collect()
    }

    #[test]
    fn emails() {
        assert_eq!(kinds("mail me at anna.berg+x@firma.se.", Found::Email), ["anna.berg+x@firma.se"]);
        assert!(kinds("we met @ the office", Found::Email).is_empty());
        assert!(kinds("user@localhost or a@b.c", Found::Email).is_empty());
    }

    #[test]
    fn urls() {
        assert_eq!(kinds("see https://example.org/x?y=1).", Found::Url), ["https://example.org/x?y=1"]);
        assert_eq!(kinds("on www.firma.nl, really", Found::Url), ["www.firma.nl"]);
        assert!(kinds("the http protocol and wwwhat", Found::Url).is_empty());
    }

    #[test]
    fn phones_international_swedish_and_dutch() {
        assert_eq!(kinds("call +46 70 123 45 67 now", Found::Phone), ["+46 70 123 45 67"]);
        assert_eq!(kinds("ring 070-123 45 67", Found::Phone), ["070-123 45 67"]);
        assert_eq!(kinds("ring 08-123 456 78", Found::Phone), ["08-123 456 78"]);
        assert_eq!(kinds("bel 06-12345678", Found::Phone), ["06-12345678"]);
        assert_eq!(kinds("bel (020) 123 4567", Found::Phone), ["(020) 123 4567"]);
        assert_eq!(kinds("or 0031 20 123 4567", Found::Phone), ["0031 20 123 4567"]);
        assert!(kinds("on 2026-03-01 at 08:30, 12 people, 0.5 %", Found::Phone).is_empty());
        assert!(kinds("room 0123", Found::Phone).is_empty());
    }

    #[test]
    fn personnummer_with_luhn() {
        assert_eq!(kinds("mitt nr 811228-9874 alltså", Found::PersonalNumber), ["811228-9874"]);
        assert_eq!(kinds("19811228-9874", Found::PersonalNumber), ["19811228-9874"]);
        // Samordningsnummer: day + 60.
        assert_eq!(kinds("701063-2391", Found::PersonalNumber), ["701063-2391"]);
        assert!(kinds("811228-9875", Found::PersonalNumber).is_empty(), "wrong check digit");
        assert!(kinds("811328-9876", Found::PersonalNumber).is_empty(), "no month 13");
    }

    #[test]
    fn bsn_with_eleven_check() {
        assert_eq!(kinds("BSN 111222333 graag", Found::Bsn), ["111222333"]);
        assert_eq!(kinds("nummer 123.456.782", Found::Bsn), ["123.456.782"]);
        assert!(kinds("order 123456789", Found::Bsn).is_empty(), "fails the 11-check");
        assert!(kinds("000000000", Found::Bsn).is_empty());
    }

    #[test]
    fn iban_with_checksum() {
        assert_eq!(kinds("to NL91 ABNA 0417 1643 00 please", Found::Iban), ["NL91 ABNA 0417 1643 00"]);
        assert_eq!(kinds("SE4550000000058398257466", Found::Iban), ["SE4550000000058398257466"]);
        assert!(kinds("NL91 ABNA 0417 1643 01", Found::Iban).is_empty(), "checksum fails");
    }

    #[test]
    fn capitalised_words_that_do_not_start_a_sentence() {
        assert_eq!(
            kinds("Yesterday my manager Anna Berg said no. Then I left for Malmö.", Found::Name),
            ["Anna Berg", "Malmö"]
        );
        assert!(kinds("Nobody listened. Everyone laughed!\nWhy?", Found::Name).is_empty());
        assert!(kinds("It was I who asked, and NASA was fine", Found::Name).is_empty());
    }

    #[test]
    fn listed_terms_whole_words_any_case() {
        let text = "the team blue team met at the depot";
        let spans = find(text, &["Blue Team".into(), "depot".into(), "eam".into()]);
        let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["blue team", "depot"]);
    }

    #[test]
    fn redaction_replaces_spans_with_placeholders() {
        let text = "Ask Anna Berg on 070-123 45 67 or anna@firma.se.";
        assert_eq!(redact(text, &find(text, &[])), "Ask [name] on [phone] or [email].");
    }
}
