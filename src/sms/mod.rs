//! Text messages: numbers as E.164, how many segments a text takes, and handing texts to an
//! SMS gateway (`gateway`).

mod gateway;
mod segments;
mod texter;

use std::sync::{Arc, LazyLock};

pub use gateway::{SendError, send};
pub use segments::{Encoding, segments};
pub use texter::{Texter, month_of};

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

/// rustls for the cloud gateways: the public web roots, ring.
fn tls_config() -> Arc<rustls::ClientConfig> {
    static CONFIG: LazyLock<Arc<rustls::ClientConfig>> = LazyLock::new(|| {
        let roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
        let config =
            rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
                .with_safe_default_protocol_versions()
                .expect("ring supports the default versions")
                .with_root_certificates(roots)
                .with_no_client_auth();
        Arc::new(config)
    });
    CONFIG.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_become_e164_and_landlines_are_refused() {
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
