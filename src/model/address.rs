//! Email addresses as tellpoint compares and stores them.

const LONGEST_ADDRESS: usize = 254;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("Enter your email address.")]
    Empty,
    #[error("Enter an email address such as name@example.org.")]
    Malformed,
}

/// An address as compared and stored: trimmed and lower-cased, and a valid address.
pub fn normalise_address(typed: &str) -> Result<String, AddressError> {
    let address = typed.trim().to_lowercase();
    if address.is_empty() {
        return Err(AddressError::Empty);
    }
    if address.len() > LONGEST_ADDRESS
        || address.parse::<lettre::Address>().is_err()
        || !address.contains('.')
    {
        return Err(AddressError::Malformed);
    }
    Ok(address)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_normalised_and_checked() {
        assert_eq!(normalise_address("  Anna.Berg@Example.ORG ").unwrap(), "anna.berg@example.org");
        for bad in ["", "anna", "anna@", "@example.org", "anna@example", "a b@example.org"] {
            assert!(normalise_address(bad).is_err(), "{bad:?}");
        }
    }
}
