//! Phone numbers: E.164 with libphonenumber's rules, and only numbers that can get texts.

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum NumberError {
    #[error("not a phone number")]
    NotANumber,
    #[error("not a mobile number that can get texts")]
    NotMobile,
}

/// Whether a participant's contact is a phone number (stored in E.164) rather than an address.
pub fn is_number(contact: &str) -> bool {
    contact.starts_with('+')
}

/// A typed phone number as E.164 ("+46701234567"): with its country code, or in the
/// national form of `region` ("070-123 45 67" in SE). Only numbers that can get texts
/// (mobile, or fixed-or-mobile where a country does not tell them apart) pass.
pub fn normalise_number(typed: &str, region: &str) -> Result<String, NumberError> {
    use phonenumber::{Mode, Type, country};
    let region: Option<country::Id> = region.parse().ok();
    let number = phonenumber::parse(region, typed.trim()).map_err(|_| NumberError::NotANumber)?;
    if !phonenumber::is_valid(&number) {
        return Err(NumberError::NotANumber);
    }
    match number.number_type(&phonenumber::metadata::DATABASE) {
        Type::Mobile | Type::FixedLineOrMobile => Ok(number.format().mode(Mode::E164).to_string()),
        _ => Err(NumberError::NotMobile),
    }
}

/// A mobile number of `region` as people there write it, and with its country code
/// ("070-123 45 67", "+46 70 123 45 67"): libphonenumber's example, for hints and messages.
pub fn example(region: &str) -> Option<(String, String)> {
    use phonenumber::{Mode, country};
    let id: country::Id = region.parse().ok()?;
    let digits = phonenumber::metadata::DATABASE.by_id(region)?.descriptors().mobile()?.example()?;
    let number = phonenumber::parse(Some(id), digits).ok()?;
    Some((
        number.format().mode(Mode::National).to_string(),
        number.format().mode(Mode::International).to_string(),
    ))
}

/// The region of an E.164 number ("+31612345678" → "NL").
pub fn region_of(number: &str) -> Option<String> {
    let parsed = phonenumber::parse(None, number).ok()?;
    parsed.country().id().map(|id| id.as_ref().to_string())
}

/// Whether `code` is a region libphonenumber knows ("SE", "NL"), for numbers typed without
/// their country code.
pub fn known_region(code: &str) -> bool {
    code.len() == 2 && code.parse::<phonenumber::country::Id>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_become_e164_and_landlines_are_refused() {
        assert!(known_region("SE") && known_region("NL") && !known_region("XX") && !known_region("se"));
        assert_eq!(example("SE"), Some(("070-123 45 67".into(), "+46 70 123 45 67".into())));
        assert_eq!(example("NL"), Some(("06 12345678".into(), "+31 6 12345678".into())));
        assert_eq!(region_of("+31612345678").as_deref(), Some("NL"));
        assert_eq!(region_of("+46701234567").as_deref(), Some("SE"));
        assert_eq!(normalise_number("070-123 45 67", "SE").as_deref(), Ok("+46701234567"));
        assert_eq!(normalise_number("+46 70 123 45 67", "NL").as_deref(), Ok("+46701234567"));
        assert_eq!(normalise_number("06 12345678", "NL").as_deref(), Ok("+31612345678"));
        assert_eq!(normalise_number("0031 6 1234 5678", "SE").as_deref(), Ok("+31612345678"));
        assert_eq!(
            normalise_number("08-123 456 78", "SE"),
            Err(NumberError::NotMobile),
            "a Stockholm landline"
        );
        assert_eq!(normalise_number("12", "SE"), Err(NumberError::NotANumber));
        assert_eq!(normalise_number("call me", "SE"), Err(NumberError::NotANumber));
    }
}
