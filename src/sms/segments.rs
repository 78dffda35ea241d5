//! How many SMS segments a text takes: GSM 03.38's 7-bit alphabet (160 characters in one
//! segment, 153 in each of several; the extension characters count twice) when every
//! character is in it, else UCS-2 (70 UTF-16 units in one, 67 each in several). Swedish
//! fits the 7-bit alphabet (å, ä, ö, é are in it); a Dutch "ë" or an emoji does not.

/// The 7-bit default alphabet.
const GSM: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/// Characters of the extension table: an escape and the character, two septets each.
const GSM_EXTENSION: &str = "^{}\\[~]|€\u{c}";

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Gsm7,
    Ucs2,
}

/// The encoding a text needs and how many segments it takes.
pub fn segments(text: &str) -> (Encoding, usize) {
    let septets: Option<usize> = text
        .chars()
        .map(|c| {
            if GSM.contains(c) {
                Some(1)
            } else if GSM_EXTENSION.contains(c) {
                Some(2)
            } else {
                None
            }
        })
        .sum();
    match septets {
        Some(n) if n <= 160 => (Encoding::Gsm7, 1),
        Some(n) => (Encoding::Gsm7, n.div_ceil(153)),
        None => {
            let units = text.encode_utf16().count();
            (Encoding::Ucs2, if units <= 70 { 1 } else { units.div_ceil(67) })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_bit_and_ucs2_limits() {
        assert_eq!(segments(""), (Encoding::Gsm7, 1));
        assert_eq!(segments(&"a".repeat(160)), (Encoding::Gsm7, 1));
        assert_eq!(segments(&"a".repeat(161)), (Encoding::Gsm7, 2));
        assert_eq!(segments(&"a".repeat(306)), (Encoding::Gsm7, 2));
        assert_eq!(segments(&"a".repeat(307)), (Encoding::Gsm7, 3));
        // The euro sign takes two septets.
        assert_eq!(segments(&"€".repeat(80)), (Encoding::Gsm7, 1));
        assert_eq!(segments(&"€".repeat(81)), (Encoding::Gsm7, 2));
        assert_eq!(segments("Hej Åsa, dags för veckans puls: https://x.se/t/abc"), (Encoding::Gsm7, 1));
        assert_eq!(segments("Tijd voor de peiling, ook voor Zoë"), (Encoding::Ucs2, 1));
        assert_eq!(segments(&"ë".repeat(70)), (Encoding::Ucs2, 1));
        assert_eq!(segments(&"ë".repeat(71)), (Encoding::Ucs2, 2));
        // An emoji is two UTF-16 units.
        assert_eq!(segments(&"🙂".repeat(35)), (Encoding::Ucs2, 1));
        assert_eq!(segments(&"🙂".repeat(36)), (Encoding::Ucs2, 2));
    }
}
