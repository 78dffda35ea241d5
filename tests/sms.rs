//! Texts through real gateways' HTTP APIs: a real Kannel (bearerbox, smsbox and its fake
//! SMSC standing in for the phones) and stand-ins for 46elks and Twilio that check each
//! request as those services document it and answer as they do, errors included. The SMS
//! page's test text shows what an owner sees: accepted, or advice in plain words.

mod common;

use std::sync::{Arc, Mutex};

use common::kannel::{self, Kannel};
use common::signed_in_owner_with;
use tellpoint::config::{Secret, SmsProvider};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn secret(s: &str) -> Secret {
    serde_json::from_value(serde_json::json!(s)).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_test_text_reaches_a_phone_through_kannel_and_failures_say_what_to_do() {
    if !kannel::available() {
        return;
    }
    let mut k = Kannel::start(None);
    let url = k.url();
    let (srv, mut owner) = signed_in_owner_with(|c| {
        c.sms.enabled = true;
        c.sms.provider = SmsProvider::Kannel;
        c.sms.url = url.clone();
        c.sms.username = kannel::USER.into();
        c.sms.password = secret(kannel::PASSWORD);
        c.sms.from = "tellpoint".into();
    })
    .await;
    let page = owner.get("/admin/sms").await;
    assert!(page.body.contains("Kannel") && page.body.contains("Send the test text"), "{}", page.body);

    let r = owner.post("/admin/sms/test", &[("number", "070-123 45 67")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("The gateway accepted the text to +46701234567"), "{}", r.body);
    let texts = k.wait_for("+46701234567", 1);
    assert_eq!(texts, ["A test text from tellpoint: texts work."]);
    let from = k.delivered().into_iter().map(|(from, _, _)| from).next().unwrap();
    assert_eq!(from, "tellpoint");

    // A landline, and something that is no number: said before anything is sent.
    let r = owner.post("/admin/sms/test", &[("number", "08-123 456 78")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("This number cannot get texts"), "{}", r.body);
    let r = owner.post("/admin/sms/test", &[("number", "call me")]).await;
    assert!(r.body.contains("This is not a phone number"), "{}", r.body);

    // The gateway down: advice, and the typed number kept.
    k.stop_smsbox();
    let r = owner.post("/admin/sms/test", &[("number", "+46 70 123 45 67")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("The gateway cannot be reached"), "{}", r.body);
    assert!(r.body.contains("value=\"+46 70 123 45 67\""));
    k.start_smsbox();
    drop(srv);

    // Wrong credentials.
    let (_srv, mut owner) = signed_in_owner_with(|c| {
        c.sms.enabled = true;
        c.sms.url = url.clone();
        c.sms.username = kannel::USER.into();
        c.sms.password = secret("not-the-password");
        c.sms.from = "tellpoint".into();
    })
    .await;
    let r = owner.post("/admin/sms/test", &[("number", "+46701234568")]).await;
    assert!(r.body.contains("refused the username or password"), "{}", r.body);
    assert_eq!(k.delivered().iter().filter(|(_, to, _)| to == "+46701234568").count(), 0);
}

/// One request as a stand-in gateway saw it.
#[derive(Debug, Clone, Default)]
struct Seen {
    method: String,
    path: String,
    authorization: String,
    content_type: String,
    form: Vec<(String, String)>,
}

/// A loopback HTTP server answering every request with `answer(seen)`.
async fn stand_in(answer: fn(&Seen) -> (u16, String)) -> (String, Arc<Mutex<Vec<Seen>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut stream, _)) = listener.accept().await else { return };
            let log = log.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                let (head, body) = loop {
                    let n = stream.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    let text = String::from_utf8_lossy(&buf).to_string();
                    if let Some((head, body)) = text.split_once("\r\n\r\n") {
                        let length = head
                            .lines()
                            .find_map(|l| {
                                l.to_ascii_lowercase()
                                    .strip_prefix("content-length:")
                                    .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                            })
                            .unwrap_or(0);
                        if body.len() >= length {
                            break (head.to_string(), body.to_string());
                        }
                    }
                };
                let mut lines = head.lines();
                let mut first = lines.next().unwrap_or("").split(' ');
                let header = |name: &str| {
                    head.lines()
                        .find_map(|l| {
                            l.split_once(':')
                                .filter(|(k, _)| k.eq_ignore_ascii_case(name))
                                .map(|(_, v)| v.trim().to_string())
                        })
                        .unwrap_or_default()
                };
                let seen = Seen {
                    method: first.next().unwrap_or("").into(),
                    path: first.next().unwrap_or("").into(),
                    authorization: header("authorization"),
                    content_type: header("content-type"),
                    form: serde_urlencoded::from_str(&body).unwrap_or_default(),
                };
                let (status, reply) = answer(&seen);
                log.lock().unwrap().push(seen);
                let response = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{reply}",
                    reply.len()
                );
                stream.write_all(response.as_bytes()).await.ok();
            });
        }
    });
    (base, seen)
}

fn basic(user: &str, password: &str) -> String {
    format!("Basic {}", data_encoding::BASE64.encode(format!("{user}:{password}").as_bytes()))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_46elks_and_twilio_requests_are_as_documented_and_their_errors_explained() {
    // 46elks: POST /a1/sms, Basic auth with the API username and password, form fields
    // from, to, message; 200 with the message's id; 402 when the account has no credit.
    let (base, seen) = stand_in(|s| match s.form.iter().find(|(k, _)| k == "to").map(|(_, v)| v.as_str()) {
        _ if s.authorization != basic("u1234", "elks-pw") => {
            (401, "API access requires Basic HTTP authentication".into())
        }
        Some("+46700000000") => (402, "Not enough credits".into()),
        Some(_) => (200, r#"{"status": "created", "id": "s70df59406a1b4643b96f3f91e0bfb7b0"}"#.into()),
        None => (403, "Missing key to".into()),
    })
    .await;
    let (_srv, mut owner) = signed_in_owner_with(|c| {
        c.sms.enabled = true;
        c.sms.provider = SmsProvider::Elks;
        c.sms.url = format!("{base}/a1/sms");
        c.sms.username = "u1234".into();
        c.sms.password = secret("elks-pw");
        c.sms.from = "Tellpoint".into();
    })
    .await;
    let r = owner.post("/admin/sms/test", &[("number", "+46 70 123 45 67")]).await;
    assert!(r.body.contains("The gateway accepted the text"), "{}", r.body);
    let first = seen.lock().unwrap()[0].clone();
    assert_eq!((first.method.as_str(), first.path.as_str()), ("POST", "/a1/sms"));
    assert_eq!(first.content_type, "application/x-www-form-urlencoded");
    let form: Vec<(&str, &str)> = first.form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(
        form,
        [
            ("from", "Tellpoint"),
            ("to", "+46701234567"),
            ("message", "A test text from tellpoint: texts work.")
        ]
    );
    let r = owner.post("/admin/sms/test", &[("number", "+46700000000")]).await;
    assert!(r.body.contains("The account is out of credit"), "{}", r.body);

    // Twilio: POST /2010-04-01/Accounts/{AccountSid}/Messages.json, Basic auth with the SID
    // and auth token, form To, From, Body; 201 with a sid; errors as JSON with a code.
    let (base, seen) = stand_in(|s| {
        if s.authorization != basic("AC0123", "twilio-token") {
            return (401, r#"{"code": 20003, "message": "Authenticate", "status": 401}"#.into());
        }
        match s.form.iter().find(|(k, _)| k == "To").map(|(_, v)| v.as_str()) {
            Some("+31612345678") => (201, r#"{"sid": "SM0123", "status": "queued"}"#.into()),
            _ => (400, r#"{"code": 21211, "message": "The 'To' number is not a valid phone number.", "status": 400}"#.into()),
        }
    })
    .await;
    let (_srv, mut owner) = signed_in_owner_with(|c| {
        c.sms.enabled = true;
        c.sms.provider = SmsProvider::Twilio;
        c.sms.url = format!("{base}/2010-04-01/Accounts/AC0123/Messages.json");
        c.sms.username = "AC0123".into();
        c.sms.password = secret("twilio-token");
        c.sms.from = "+46766861004".into();
        c.sms.default_region = "NL".into();
    })
    .await;
    let r = owner.post("/admin/sms/test", &[("number", "06 12345678")]).await;
    assert!(r.body.contains("The gateway accepted the text to +31612345678"), "{}", r.body);
    let first = seen.lock().unwrap()[0].clone();
    assert_eq!(first.path, "/2010-04-01/Accounts/AC0123/Messages.json");
    let form: Vec<(&str, &str)> = first.form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(
        form,
        [
            ("To", "+31612345678"),
            ("From", "+46766861004"),
            ("Body", "A test text from tellpoint: texts work.")
        ]
    );
    let r = owner.post("/admin/sms/test", &[("number", "06 87654321")]).await;
    assert!(r.body.contains("will not send to this number"), "{}", r.body);
}
