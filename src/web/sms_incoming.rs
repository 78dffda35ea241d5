//! What the SMS gateway sends back. Texts from phones: STOP (and its Swedish and Dutch
//! words) ends every enrolment of the sending number at once. Delivery reports: a text's
//! report id counts as delivered or not. Both URLs carry `sms.incoming_token`; without it
//! nothing happens. The answer is empty, so the gateway sends no reply text, and it is the
//! same whether the number was enrolled (or the report expected) or not.

use std::sync::Arc;

use poem::http::StatusCode;
use poem::web::{Data, Query};
use poem::{Request, Response, handler};
use subtle::ConstantTimeEq;

use super::AppState;
use crate::store::Delivery;

/// The words that unsubscribe, upper case.
const STOP_WORDS: &[&str] =
    &["STOP", "STOPP", "AVSLUTA", "AVREGISTRERA", "STOPPEN", "AFMELDEN", "UNSUBSCRIBE"];

/// The fields of a gateway's request: Kannel sends a query; 46elks and Twilio post a form.
struct Fields(Vec<(String, String)>);

impl Fields {
    fn of(req: &Request, query: Vec<(String, String)>, body: &str) -> Fields {
        let mut fields = query;
        if req.method() == poem::http::Method::POST {
            fields.extend(super::form::decode_strict(body.as_bytes()).unwrap_or_default());
        }
        Fields(fields)
    }

    /// The first of the fields named (each provider names it its own way), trimmed.
    fn get(&self, names: &[&str]) -> String {
        self.0
            .iter()
            .find(|(k, _)| names.contains(&k.as_str()))
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    }

    /// Whether the request carries the configured token (never when none is configured).
    fn authentic(&self, state: &AppState) -> bool {
        let expected = state.config.sms.incoming_token.expose();
        !expected.is_empty() && bool::from(self.get(&["token"]).as_bytes().ct_eq(expected.as_bytes()))
    }
}

fn empty() -> Response {
    Response::builder().status(StatusCode::OK).content_type("text/plain").body("")
}

#[handler]
pub async fn incoming(
    state: Data<&Arc<AppState>>,
    req: &Request,
    Query(query): Query<Vec<(String, String)>>,
    body: String,
) -> Response {
    let sms = &state.config.sms;
    let fields = Fields::of(req, query, &body);
    if !fields.authentic(&state) {
        return Response::builder().status(StatusCode::FORBIDDEN).finish();
    }
    let text = fields.get(&["text", "message", "Body"]).to_uppercase();
    let first_word = text.split_whitespace().next().unwrap_or("");
    let number = crate::model::phone::normalise_number(&fields.get(&["from", "From"]), &sms.default_region);
    if let (true, Ok(number)) = (STOP_WORDS.contains(&first_word), number) {
        let hash = state.participants().address_hash(&number);
        let state = state.0.clone();
        match tokio::task::spawn_blocking(move || state.participants().stop(hash)).await {
            Ok(Ok(n)) => tracing::info!(enrolments = n, "a number replied STOP"),
            _ => tracing::error!("a STOP reply could not be handled"),
        }
    }
    empty()
}

/// A delivery report: Kannel's `type` (1 delivered, 2 not delivered, 16 refused by the
/// SMSC), 46elks' `status` (delivered, failed), Twilio's `MessageStatus` (delivered,
/// undelivered, failed). Interim states (queued, sent, buffered) count nothing.
#[handler]
pub async fn report(
    state: Data<&Arc<AppState>>,
    req: &Request,
    Query(query): Query<Vec<(String, String)>>,
    body: String,
) -> Response {
    let fields = Fields::of(req, query, &body);
    if !fields.authentic(&state) {
        return Response::builder().status(StatusCode::FORBIDDEN).finish();
    }
    let delivery = match fields.get(&["type", "status", "MessageStatus"]).as_str() {
        "1" | "delivered" => Delivery::Delivered,
        "2" | "16" | "failed" | "undelivered" => Delivery::Failed,
        _ => return empty(),
    };
    let Some(id) = data_encoding::HEXLOWER_PERMISSIVE
        .decode(fields.get(&["r"]).as_bytes())
        .ok()
        .and_then(|id| <[u8; 16]>::try_from(id).ok())
    else {
        return empty();
    };
    state.reports.push(&state.store, id, delivery);
    empty()
}
