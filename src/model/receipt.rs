//! Receipts: the secret a respondent keeps to come back to the follow-up thread of their
//! response. Thirty random digits in six groups of five (99.7 bits): easy to write down,
//! to read aloud, and to type on a phone's number pad. Only a keyed hash of the digits is
//! stored, as the thread's lookup key; the receipt itself is shown once and kept nowhere,
//! so nobody can recover a lost one.

use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::Sha256;
use zeroize::{Zeroize, ZeroizeOnDrop};

const DIGITS: usize = 30;
const GROUP: usize = 5;

#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct Receipt(String);

impl Receipt {
    pub fn generate() -> Receipt {
        let mut rng = rand::rngs::OsRng;
        Receipt((0..DIGITS).map(|_| char::from(b'0' + rng.gen_range(0..10u8))).collect())
    }

    /// What a person typed, with any spaces, dashes or dots between the digits; None unless
    /// exactly thirty digits remain.
    pub fn parse(typed: &str) -> Option<Receipt> {
        let mut digits = String::with_capacity(DIGITS);
        for c in typed.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' | '\u{a0}' | '\t' => {}
                _ => return None,
            }
            if digits.len() > DIGITS {
                return None;
            }
        }
        (digits.len() == DIGITS).then_some(Receipt(digits))
    }

    /// The digits in groups of five, as shown to the respondent.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(GROUP)
            .map(|g| std::str::from_utf8(g).expect("digits"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The lookup key stored in place of the receipt: an HMAC under `key` (derived from the
    /// master key by `threads::receipt_hash`, so a copy of the store alone does not allow
    /// testing guesses).
    pub fn keyed_hash(&self, key: &[u8; 32]) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("any length");
        mac.update(self.0.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

impl std::fmt::Debug for Receipt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Receipt(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receipt_is_thirty_digits_in_six_groups() {
        let r = Receipt::generate();
        let shown = r.grouped();
        assert_eq!(shown.len(), 35);
        assert_eq!(shown.split(' ').count(), 6);
        assert!(shown.split(' ').all(|g| g.len() == 5 && g.bytes().all(|b| b.is_ascii_digit())));
        assert_ne!(Receipt::generate(), r, "random");
        assert_eq!(format!("{r:?}"), "Receipt(…)", "never printed");
    }

    #[test]
    fn what_people_type_is_read_with_its_separators() {
        let r = Receipt::parse("12345 67890 12345 67890 12345 67890").unwrap();
        for typed in [
            "123456789012345678901234567890",
            "12345-67890-12345-67890-12345-67890",
            " 12345.67890.12345 67890-12345\u{a0}67890 ",
        ] {
            assert_eq!(Receipt::parse(typed).as_ref(), Some(&r), "{typed}");
        }
        for wrong in [
            "",
            "1234567890",
            "12345 67890 12345 67890 12345 6789",
            "12345 67890 12345 67890 12345 678901",
            "12345 67890 12345 67890 12345 6789O",
        ] {
            assert!(Receipt::parse(wrong).is_none(), "{wrong}");
        }
        assert!(Receipt::parse(&"1".repeat(10_000)).is_none());
    }

    #[test]
    fn the_stored_hash_depends_on_the_digits_and_the_key() {
        let (a, b) = ([1; 32], [2; 32]);
        let r = Receipt::parse("11111 22222 33333 44444 55555 66666").unwrap();
        let same = Receipt::parse("111112222233333444445555566666").unwrap();
        let other = Receipt::parse("11111 22222 33333 44444 55555 66667").unwrap();
        assert_eq!(r.keyed_hash(&a), same.keyed_hash(&a));
        assert_ne!(r.keyed_hash(&a), other.keyed_hash(&a));
        assert_ne!(r.keyed_hash(&a), r.keyed_hash(&b));
    }
}
