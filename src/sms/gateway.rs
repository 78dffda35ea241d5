//! Handing a text to an SMS gateway's HTTP API: a self-hosted Kannel (`sendsms`), 46elks or
//! Twilio. One HTTP/1.1 request per text over plain TCP (Kannel on the LAN) or rustls with the
//! public web roots; the gateway's answer becomes a `SendError` an owner can act on.

use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use rustls::pki_types::ServerName;

use crate::config::{Sms, SmsProvider};

const TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SendError {
    #[error("the gateway refused the credentials: check sms.username and sms.password")]
    Credentials,
    #[error("the gateway refused the number {0}: it is not a number it can send to")]
    Number(String),
    #[error("the account is out of credit: top it up at the provider")]
    NoCredit,
    #[error("the gateway cannot be reached ({0}): check that it runs and that sms.url is right")]
    Down(String),
    #[error("the gateway refused the text: {0}")]
    Refused(String),
}

impl SendError {
    /// Whether trying again later may succeed (the gateway was down), as opposed to an
    /// answer that will not change by itself.
    pub fn transient(&self) -> bool {
        matches!(self, SendError::Down(_))
    }

    /// The translation key of the advice the SMS page gives for it.
    pub fn advice_key(&self) -> &'static str {
        match self {
            SendError::Credentials => "sms-err-credentials",
            SendError::Number(_) => "sms-err-number",
            SendError::NoCredit => "sms-err-credit",
            SendError::Down(_) => "sms-err-down",
            SendError::Refused(_) => "sms-err-refused",
        }
    }
}

/// A request as the provider documents it.
struct Request {
    method: hyper::Method,
    url: String,
    /// Basic authentication (46elks, Twilio); Kannel takes its credentials in the query.
    basic: Option<(String, String)>,
    form: Vec<(&'static str, String)>,
}

fn encode(pairs: &[(&str, String)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        for b in v.as_bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(*b as char),
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
    }
    out
}

/// The request for one text; `report` is the URL the gateway is to report its delivery to.
fn request(sms: &Sms, to: &str, text: &str, report: Option<&str>) -> Request {
    let url = sms.endpoint();
    match sms.provider {
        SmsProvider::Kannel => {
            let mut query = vec![
                ("username", sms.username.clone()),
                ("password", sms.password.expose().to_string()),
                ("from", sms.from.clone()),
                ("to", to.to_string()),
                ("text", text.to_string()),
                ("charset", "UTF-8".into()),
                ("coding", if super::segments(text).0 == super::Encoding::Gsm7 { "0" } else { "2" }.into()),
            ];
            if let Some(report) = report {
                // Final reports only: delivered (1), not delivered (2), refused by the SMSC
                // (16); Kannel puts the type where the URL says %d.
                query.push(("dlr-mask", "19".into()));
                query.push(("dlr-url", format!("{report}&type=%d")));
            }
            let query = encode(&query);
            Request {
                method: hyper::Method::GET,
                url: format!("{url}?{query}"),
                basic: None,
                form: Vec::new(),
            }
        }
        SmsProvider::Elks => {
            let mut form =
                vec![("from", sms.from.clone()), ("to", to.to_string()), ("message", text.to_string())];
            form.extend(report.map(|r| ("whendelivered", r.to_string())));
            Request {
                method: hyper::Method::POST,
                url,
                basic: Some((sms.username.clone(), sms.password.expose().to_string())),
                form,
            }
        }
        SmsProvider::Twilio => {
            let mut form =
                vec![("To", to.to_string()), ("From", sms.from.clone()), ("Body", text.to_string())];
            form.extend(report.map(|r| ("StatusCallback", r.to_string())));
            Request {
                method: hyper::Method::POST,
                url,
                basic: Some((sms.username.clone(), sms.password.expose().to_string())),
                form,
            }
        }
    }
}

/// Sends one text to `to` (E.164), asking for a delivery report at `report`; returns the
/// gateway's id for it, if it gives one.
pub async fn send(sms: &Sms, to: &str, text: &str, report: Option<&str>) -> Result<String, SendError> {
    let req = request(sms, to, text, report);
    let (status, body) = match tokio::time::timeout(TIMEOUT, exchange(req)).await {
        Ok(Ok(answer)) => answer,
        Ok(Err(e)) => return Err(SendError::Down(e)),
        Err(_) => return Err(SendError::Down("no answer within 15 s".into())),
    };
    interpret(sms.provider, status, &body, to)
}

/// The provider's answer as an outcome.
fn interpret(provider: SmsProvider, status: u16, body: &str, to: &str) -> Result<String, SendError> {
    let json: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let short = || body.chars().take(200).collect::<String>();
    match provider {
        // "0: Accepted for delivery" (202), "3: Queued for later delivery" (202); 403
        // "Authorization failed for sendsms"; 4xx otherwise; 503 when bearerbox is gone.
        SmsProvider::Kannel => match status {
            200..=299 => Ok(String::new()),
            403 => Err(SendError::Credentials),
            400 if body.contains("receiver") => Err(SendError::Number(to.to_string())),
            500..=599 => Err(SendError::Down(short())),
            _ => Err(SendError::Refused(short())),
        },
        // 200 with {"id": …}; 401 without valid Basic auth; 402 "Not enough credits"; 403
        // "Invalid to number" and other refusals as plain text.
        SmsProvider::Elks => match status {
            200..=299 => Ok(json["id"].as_str().unwrap_or_default().to_string()),
            401 => Err(SendError::Credentials),
            402 => Err(SendError::NoCredit),
            _ if body.to_lowercase().contains("invalid to") => Err(SendError::Number(to.to_string())),
            500..=599 => Err(SendError::Down(short())),
            _ => Err(SendError::Refused(short())),
        },
        // 201 with {"sid": …}; errors as {"code", "message", "status"}: 20003 authentication,
        // 21211/21614 an invalid or unreachable To number, 20005/21606 the account or sender.
        SmsProvider::Twilio => match (status, json["code"].as_u64()) {
            (200..=299, _) => Ok(json["sid"].as_str().unwrap_or_default().to_string()),
            (401, _) | (_, Some(20003)) => Err(SendError::Credentials),
            (_, Some(21211 | 21614 | 21408 | 21610)) => Err(SendError::Number(to.to_string())),
            (_, Some(20005 | 30044)) => Err(SendError::NoCredit),
            (500..=599, _) => Err(SendError::Down(short())),
            _ => Err(SendError::Refused(json["message"].as_str().map_or_else(short, str::to_string))),
        },
    }
}

async fn exchange(req: Request) -> Result<(u16, String), String> {
    let uri: hyper::Uri = req.url.parse().map_err(|e| format!("{e}"))?;
    let host = uri.host().ok_or("the URL has no host")?.trim_matches(['[', ']']).to_string();
    let https = uri.scheme_str() == Some("https");
    let port = uri.port_u16().unwrap_or(if https { 443 } else { 80 });
    let tcp = tokio::net::TcpStream::connect((host.as_str(), port)).await.map_err(|e| e.to_string())?;
    let body = if req.form.is_empty() { String::new() } else { encode(&req.form) };
    let mut builder = hyper::Request::builder()
        .method(req.method)
        .uri(uri.path_and_query().map_or("/", |p| p.as_str()))
        .header(hyper::header::HOST, uri.authority().map_or(host.as_str(), |a| a.as_str()))
        .header(hyper::header::USER_AGENT, concat!("tellpoint/", env!("CARGO_PKG_VERSION")));
    if !req.form.is_empty() {
        builder = builder.header(hyper::header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    }
    if let Some((user, password)) = &req.basic {
        let token = data_encoding::BASE64.encode(format!("{user}:{password}").as_bytes());
        builder = builder.header(hyper::header::AUTHORIZATION, format!("Basic {token}"));
    }
    let request = builder.body(Full::new(Bytes::from(body))).map_err(|e| e.to_string())?;
    let response = if https {
        let connector = tokio_rustls::TlsConnector::from(super::tls_config());
        let name = ServerName::try_from(host).map_err(|e| e.to_string())?;
        let tls = connector.connect(name, tcp).await.map_err(|e| e.to_string())?;
        send_on(TokioIo::new(tls), request).await?
    } else {
        send_on(TokioIo::new(tcp), request).await?
    };
    Ok(response)
}

async fn send_on<I>(io: I, request: hyper::Request<Full<Bytes>>) -> Result<(u16, String), String>
where
    I: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(io).await.map_err(|e| e.to_string())?;
    tokio::spawn(connection);
    let response = sender.send_request(request).await.map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    let bytes = response.into_body().collect().await.map_err(|e| e.to_string())?.to_bytes();
    Ok((status, String::from_utf8_lossy(&bytes).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_become_advice() {
        let to = "+46701234567";
        assert_eq!(interpret(SmsProvider::Kannel, 202, "0: Accepted for delivery", to), Ok(String::new()));
        assert_eq!(
            interpret(SmsProvider::Kannel, 403, "Authorization failed for sendsms", to),
            Err(SendError::Credentials)
        );
        assert_eq!(interpret(SmsProvider::Elks, 402, "Not enough credits", to), Err(SendError::NoCredit));
        assert_eq!(
            interpret(SmsProvider::Elks, 403, "Invalid to number", to),
            Err(SendError::Number(to.into()))
        );
        let bad_to =
            r#"{"code": 21211, "message": "The 'To' number is not a valid phone number.", "status": 400}"#;
        assert_eq!(interpret(SmsProvider::Twilio, 400, bad_to, to), Err(SendError::Number(to.into())));
        assert_eq!(
            interpret(SmsProvider::Twilio, 201, r#"{"sid": "SM123", "status": "queued"}"#, to),
            Ok("SM123".into())
        );
        assert!(interpret(SmsProvider::Twilio, 503, "", to).unwrap_err().transient());
    }

    #[test]
    fn form_encoding_is_what_gateways_decode() {
        assert_eq!(encode(&[("text", "Hej Åsa & co: 1+1".into())]), "text=Hej+%C3%85sa+%26+co%3A+1%2B1");
    }
}
