//! Texts from phones, forwarded by the SMS gateway: STOP (and its Swedish and Dutch words)
//! ends every enrolment of the sending number at once. The gateway's forwarding URL carries
//! `sms.incoming_token`; without it nothing happens. The answer is empty, so the gateway
//! sends no reply text, and it is the same whether the number was enrolled or not.

use std::sync::Arc;

use poem::http::StatusCode;
use poem::web::{Data, Query};
use poem::{Request, Response, handler};
use subtle::ConstantTimeEq;

use super::AppState;

/// The words that unsubscribe, upper case.
const STOP_WORDS: &[&str] =
    &["STOP", "STOPP", "AVSLUTA", "AVREGISTRERA", "STOPPEN", "AFMELDEN", "UNSUBSCRIBE"];

#[handler]
pub async fn incoming(
    state: Data<&Arc<AppState>>,
    req: &Request,
    Query(query): Query<Vec<(String, String)>>,
    body: String,
) -> Response {
    let sms = &state.config.sms;
    // Kannel sends a query (from, text); 46elks and Twilio post a form (from/From,
    // message/Body).
    let mut fields = query;
    if req.method() == poem::http::Method::POST {
        fields.extend(super::form::decode_strict(body.as_bytes()).unwrap_or_default());
    }
    let field = |names: &[&str]| {
        fields
            .iter()
            .find(|(k, _)| names.contains(&k.as_str()))
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let token = field(&["token"]);
    let expected = sms.incoming_token.expose();
    if expected.is_empty() || !bool::from(token.as_bytes().ct_eq(expected.as_bytes())) {
        return Response::builder().status(StatusCode::FORBIDDEN).finish();
    }
    let text = field(&["text", "message", "Body"]).to_uppercase();
    let first_word = text.split_whitespace().next().unwrap_or("");
    let number = crate::sms::normalise_number(&field(&["from", "From"]), &sms.default_region);
    if let (true, Ok(number)) = (STOP_WORDS.contains(&first_word), number) {
        let hash = state.participants().address_hash(&number);
        let state = state.0.clone();
        match tokio::task::spawn_blocking(move || state.participants().stop(hash)).await {
            Ok(Ok(n)) => tracing::info!(enrolments = n, "a number replied STOP"),
            _ => tracing::error!("a STOP reply could not be handled"),
        }
    }
    Response::builder().status(StatusCode::OK).content_type("text/plain").body("")
}
