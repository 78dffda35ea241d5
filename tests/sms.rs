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
    let (_srv, mut owner) = signed_in_owner_with(|c| elks_at(c, &base)).await;
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
        twilio_at(c, &base);
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

/// The stand-in 46elks account at `base`: POST /a1/sms with Basic auth.
fn elks_at(c: &mut tellpoint::config::Config, base: &str) {
    c.sms.enabled = true;
    c.sms.provider = SmsProvider::Elks;
    c.sms.url = format!("{base}/a1/sms");
    c.sms.username = "u1234".into();
    c.sms.password = secret("elks-pw");
    c.sms.from = "Tellpoint".into();
}

/// The stand-in Twilio account AC0123 at `base`.
fn twilio_at(c: &mut tellpoint::config::Config, base: &str) {
    c.sms.enabled = true;
    c.sms.provider = SmsProvider::Twilio;
    c.sms.url = format!("{base}/2010-04-01/Accounts/AC0123/Messages.json");
    c.sms.username = "AC0123".into();
    c.sms.password = secret("twilio-token");
    c.sms.from = "+46766861004".into();
}

/// Sends one text through the texter and returns the path of the report URL the stand-in
/// gateway got in form field `field`.
async fn report_url(srv: &common::InProcess, seen: &Arc<Mutex<Vec<Seen>>>, field: &str) -> String {
    tokio::spawn(srv.state.texter().run());
    let text = tellpoint::mail::Text { to: "+46701234567".into(), body: "Puls: hur gick det?".into() };
    srv.state.queue_text("reminder", tellpoint::store::About::Nobody, &text).unwrap();
    let report = first_field(seen, field).await;
    report.strip_prefix(&srv.state.config.public_url).unwrap_or_else(|| panic!("{report}")).to_string()
}

/// The value of form field `name` in the first request a stand-in saw, once it saw one.
async fn first_field(seen: &Arc<Mutex<Vec<Seen>>>, name: &str) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        if let Some(first) = seen.lock().unwrap().first() {
            return first.form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
        }
        assert!(std::time::Instant::now() < deadline, "the texter sent nothing");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Waits until the delivery reports received are counted (they are, in batches).
async fn counted(srv: &common::InProcess) {
    while !srv.state.reports.is_idle() {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn delivery_reports_from_46elks_and_twilio_count_once_and_only_with_the_token() {
    // 46elks: whendelivered is POSTed id, status (delivered/failed) and delivered.
    let (base, seen) = stand_in(|_| (200, r#"{"status": "created", "id": "s17"}"#.into())).await;
    let (srv, mut owner) = signed_in_owner_with(|c| {
        elks_at(c, &base);
        c.sms.incoming_token = secret("report-token-1");
    })
    .await;
    let report = report_url(&srv, &seen, "whendelivered").await;
    let path = report.as_str();
    assert!(path.starts_with("/sms/report?token=report-token-1&r="), "{report}");
    let mut gateway = srv.browser();
    let forged = path.replace("report-token-1", "guessed");
    let r = gateway.post_raw(&forged, &[("id", "s17"), ("status", "delivered")]).await;
    assert_eq!(r.status, 403, "a report without the token counts nothing");
    for _ in 0..2 {
        let r = gateway
            .post_raw(
                path,
                &[("id", "s17"), ("status", "delivered"), ("delivered", "2027-03-10T10:00:02.000000")],
            )
            .await;
        assert_eq!((r.status, r.body.as_str()), (200, ""));
    }
    counted(&srv).await;
    let page = owner.get("/admin/sms").await;
    assert!(
        page.body.contains("delivered to the phone 1, not delivered 0, not reported yet 0"),
        "a repeated report counts once: {}",
        page.body
    );
    drop(srv);

    // Twilio: StatusCallback is POSTed MessageSid and MessageStatus (queued, sent, then
    // delivered, undelivered or failed).
    let (base, seen) = stand_in(|_| (201, r#"{"sid": "SM0123", "status": "queued"}"#.into())).await;
    let (srv, mut owner) = signed_in_owner_with(|c| {
        twilio_at(c, &base);
        c.sms.incoming_token = secret("report-token-2");
    })
    .await;
    let report = report_url(&srv, &seen, "StatusCallback").await;
    let path = report.as_str();
    let page = owner.get("/admin/sms").await;
    assert!(
        page.body.contains("delivered to the phone 0, not delivered 0, not reported yet 1"),
        "{}",
        page.body
    );
    let mut gateway = srv.browser();
    for status in ["sent", "undelivered"] {
        let fields = [("MessageSid", "SM0123"), ("AccountSid", "AC0123"), ("MessageStatus", status)];
        assert_eq!(gateway.post_raw(path, &fields).await.status, 200);
    }
    counted(&srv).await;
    let page = owner.get("/admin/sms").await;
    assert!(
        page.body.contains("delivered to the phone 0, not delivered 1, not reported yet 0"),
        "{}",
        page.body
    );
    assert!(page.body.contains("One text sent so far, one segment."), "{}", page.body);
}

/// The path of the first link in a text that contains `part`.
fn path_in(text: &str, part: &str) -> String {
    let word =
        text.split_whitespace().find(|w| w.contains(part)).unwrap_or_else(|| panic!("no {part} in {text}"));
    let after_scheme = &word[word.find("://").unwrap() + 3..];
    after_scheme[after_scheme.find('/').unwrap()..].to_string()
}

/// A campaign reached by text, in Swedish and English, reminding every day at 09:00.
async fn phone_campaign(
    monthly_cap: u32,
) -> (Kannel, common::InProcess, (common::Browser, common::Account), String, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let incoming = format!("https://127.0.0.1:{port}/sms/incoming?token=stop-token-1&from=%p&text=%a");
    let k = Kannel::start(Some(&incoming));
    let url = k.url();
    let srv = common::InProcess::start_on(listener, |c| {
        c.sms.default_region = "SE".into();
        c.public_url = format!("https://127.0.0.1:{port}");
        c.sms.enabled = true;
        c.sms.url = url.clone();
        c.sms.username = kannel::USER.into();
        c.sms.password = secret(kannel::PASSWORD);
        c.sms.from = "tellpoint".into();
        c.sms.monthly_cap = monthly_cap;
        c.sms.incoming_token = secret("stop-token-1");
    })
    .await;
    tokio::spawn(srv.state.texter().run());
    // A fixed month, so that the monthly cap counts every text of the test.
    srv.set_time("2027-03-10T10:00:00+01:00");
    let ahead = srv.clock.now() - jiff::Timestamp::now().as_second();
    let mut b = srv.browser();
    let mut owner = common::create_account_at(&mut b, &srv.setup_path(), "olga", ahead).await;
    srv.clock.advance(30);
    common::sign_in(&mut b, &mut owner).await;
    let (id, slug) = common::campaign::build_and_open_with(&mut b, "Puls", &phone_settings()).await;
    (k, srv, (b, owner), id, slug)
}

/// The settings of `phone_campaign`'s campaign.
fn phone_settings() -> Vec<(&'static str, &'static str)> {
    let mut settings = vec![
        ("start", "2027-03-01"),
        ("end", "2027-03-31"),
        ("audience", "enrolled"),
        ("contact", "phone"),
        ("languages", "en"),
        ("languages", "sv"),
        ("remind_at", "09:00"),
    ];
    settings.extend(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(|d| ("remind_days", d)));
    settings
}

/// Enrols `number` on the Swedish page and confirms it from the text; returns the Swedish
/// confirmation text.
async fn enrol_by_text(srv: &common::InProcess, k: &Kannel, slug: &str, typed: &str, number: &str) -> String {
    let mut p = srv.browser();
    let page = p.get(&format!("/e/{slug}?lang=sv")).await;
    assert!(page.body.contains("Mobilnummer") && !page.body.contains("type=\"email\""), "{}", page.body);
    let r = p.post(&format!("/e/{slug}"), &[("phone", typed), ("lang", "sv")]).await;
    assert!(r.body.contains("Titta i din telefon"), "{}", r.body);
    let confirm = k.wait_for(number, 1).remove(0);
    let path = path_in(&confirm, "/confirm/");
    assert_eq!(p.get(&path).await.status, 200);
    let done = p.post(&path, &[]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    confirm
}

/// Noon-to-nine: moves the clock to 09:01 Stockholm time `days` from now and runs reminders.
fn remind_after(srv: &common::InProcess, days: i64) -> usize {
    let tz = jiff::tz::TimeZone::get("Europe/Stockholm").unwrap();
    let day = srv.clock.now() / 86_400 * 86_400 + days * 86_400;
    let date = jiff::Timestamp::from_second(day).unwrap().to_zoned(tz.clone()).date();
    let at = date.at(9, 1, 0, 0).to_zoned(tz).unwrap().timestamp().to_string();
    srv.set_time(&at);
    tellpoint::jobs::reminders::run(&srv.state, srv.clock.now()).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn enrol_by_phone_get_a_reminder_text_answer_and_stop_by_reply_or_link() {
    if !kannel::available() {
        return;
    }
    let (mut k, srv, _owner, id, slug) = phone_campaign(0).await;
    let confirm = enrol_by_text(&srv, &k, &slug, "070-123 45 67", "+46701234567").await;
    assert!(confirm.starts_with("Puls (sv): bekräfta din anmälan: https://"), "{confirm}");
    assert_eq!(srv.state.store.participant_counts(&id).unwrap().1, 1, "one active participant");
    let notice = srv.browser().get(&format!("/privacy/{slug}?lang=en")).await.body;
    assert!(notice.contains("Your mobile number and language, only to text you reminders"), "{notice}");
    assert!(notice.contains("SMS gateway") && !notice.contains("Your email address"), "{notice}");

    // The scheduled reminder arrives as a Swedish text with the personal link and the way out.
    assert_eq!(remind_after(&srv, 1), 1);
    let texts = k.wait_for("+46701234567", 2);
    let reminder = &texts[1];
    assert!(
        reminder.starts_with("Puls (sv): hur gick det? https://")
            && reminder.contains("Avsluta: svara STOP eller https://"),
        "{reminder}"
    );
    let link = path_in(reminder, "/t/");
    // Kannel's SMSC reports both texts delivered, through the dlr-url each carried.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while srv.state.store.report_counts("2027-03").unwrap().delivered < 2 {
        let log = std::fs::read_to_string(k.dir.path().join("smsbox.log")).unwrap_or_default();
        let tail: String = log.lines().rev().take(15).collect::<Vec<_>>().join("\n");
        assert!(std::time::Instant::now() < deadline, "no delivery reports came back: {tail}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // The link opens the form; the answer leaves the participant's record as it was.
    let before = serde_json::to_string(&srv.state.store.active_participants(&id).unwrap()).unwrap();
    let r = common::campaign::respond_with_ticket(&mut srv.browser(), &slug, &link, None).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(srv.state.store.responses_of(&id).unwrap().len(), 1);
    let after = serde_json::to_string(&srv.state.store.active_participants(&id).unwrap()).unwrap();
    assert_eq!(before, after, "answering changes nothing about the participant");
    // The number and the link are in no file unsealed.
    for needle in ["46701234567", "701234567", &link[3..]] {
        assert!(
            common::files_holding(&srv.state.config.data_dir, needle.as_bytes()).is_empty(),
            "{needle} in a file"
        );
    }

    // STOP from the phone travels back through Kannel: the record and its key go at once.
    k.reply("+46701234567", "tellpoint", "STOP");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while srv.state.store.participant_counts(&id).unwrap() != (0, 0, 0) {
        let log = std::fs::read_to_string(k.dir.path().join("smsbox.log")).unwrap_or_default();
        let tail: String = log.lines().rev().take(15).collect::<Vec<_>>().join("\n");
        assert!(std::time::Instant::now() < deadline, "STOP never unsubscribed the number: {tail}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(remind_after(&srv, 1), 0, "no reminder for a stopped number");

    // A second number unsubscribes by the link in its text; its queued reminder goes too.
    enrol_by_text(&srv, &k, &slug, "+46 70 765 43 21", "+46707654321").await;
    k.stop_smsbox();
    assert_eq!(remind_after(&srv, 1), 1);
    let queued = srv.state.store.outbox_len().unwrap();
    assert!(queued >= 1, "the reminder waits while the gateway is down");
    let texts = k.wait_for("+46707654321", 1);
    let confirm_link = path_in(&texts[0], "/confirm/");
    assert!(confirm_link.contains("/confirm/"));
    let (_, secret) = {
        let people = srv.state.participants();
        let (pid, _) = srv.state.store.active_participants(&id).unwrap().remove(0);
        (pid, people.link_secret(&id, pid))
    };
    let r = srv.browser().post(&format!("/u/{secret}"), &[]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(srv.state.store.participant_counts(&id).unwrap(), (0, 0, 0));
    assert_eq!(srv.state.store.outbox_len().unwrap(), 0, "its queued reminder is gone with it");
    k.start_smsbox();

    // No log line, from debug up, names a number or carries a link of any text.
    let logged = common::logged();
    assert!(logged.contains("text round done"), "the log is captured");
    let mut needles =
        vec!["46701234567".to_string(), "701234567".into(), "46707654321".into(), "707654321".into()];
    for (_, _, text) in k.delivered() {
        for word in text.split_whitespace().filter(|w| w.contains("://")) {
            needles.push(word.rsplit('/').next().unwrap().to_string());
        }
    }
    needles.push(secret);
    assert!(needles.len() >= 8, "{needles:?}");
    for needle in needles {
        assert!(!logged.contains(&needle), "{needle} in the log");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_gateway_down_delays_texts_and_the_monthly_cap_stops_them_and_says_so() {
    if !kannel::available() {
        return;
    }
    let (mut k, srv, (mut owner, mut olga), _id, slug) = phone_campaign(3).await;
    enrol_by_text(&srv, &k, &slug, "070-111 22 33", "+46701112233").await;
    // Down: the reminder is queued and retried, not lost; up again: delivered once, late.
    k.stop_smsbox();
    assert_eq!(remind_after(&srv, 1), 1);
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(k.wait_for("+46701112233", 1).len(), 1, "only the confirmation so far");
    k.start_smsbox();
    srv.clock.advance(120);
    srv.state.text_wake.notify_one();
    let texts = k.wait_for("+46701112233", 2);
    assert!(texts[1].contains("/t/"), "{texts:?}");
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(k.wait_for("+46701112233", 2).len(), 2, "delivered once");

    // The cap (3 a month): the third text goes, the fourth waits, and the page says so.
    assert_eq!(remind_after(&srv, 1), 1);
    k.wait_for("+46701112233", 3);
    assert_eq!(remind_after(&srv, 1), 1);
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(k.wait_for("+46701112233", 3).len(), 3, "the fourth text waits");
    assert_eq!(srv.state.store.outbox_len().unwrap(), 1);
    olga.next_offset = olga.next_offset.max(srv.clock.now() - jiff::Timestamp::now().as_second() + 30);
    common::sign_in(&mut owner, &mut olga).await;
    let page = owner.get("/admin/sms").await;
    assert!(page.body.contains("The monthly cap of 3 texts is reached"), "{}", page.body);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_number_gets_its_rights_link_by_text_sees_what_is_held_and_erases_it() {
    if !kannel::available() {
        return;
    }
    let (k, srv, _owner, id, slug) = phone_campaign(0).await;
    enrol_by_text(&srv, &k, &slug, "070-222 33 44", "+46702223344").await;
    let mut p = srv.browser();
    let form = p.get("/privacy?lang=sv").await;
    assert!(form.body.contains("E-postadress eller mobilnummer"), "{}", form.body);
    let r = p.post("/privacy", &[("email", "070-222 33 44"), ("lang", "sv")]).await;
    assert!(r.body.contains("Titta i din telefon") && r.body.contains("ett sms med en länk"), "{}", r.body);
    let text = k.wait_for("+46702223344", 2).remove(1);
    assert!(text.starts_with("tellpoint: det som finns sparat om ditt nummer: https://"), "{text}");
    let rights = path_in(&text, "/privacy/access/");
    let page = p.get(&format!("{rights}?lang=sv")).await;
    assert!(page.body.contains("+46702223344"), "{}", page.body);
    assert!(page.body.contains("Byt nummer") && page.body.contains("type=\"tel\""), "{}", page.body);

    // A number enrolled already (its own, here): the page says nothing of it; the text to that
    // number does, to whoever holds it, and nothing moves.
    let r = p.post(&format!("{rights}/change"), &[("email", "070-222 33 44"), ("lang", "sv")]).await;
    assert!(r.body.contains("En bekräftelselänk har skickats med sms till det nya numret"), "{}", r.body);
    let text = k.wait_for("+46702223344", 3).remove(2);
    let taken = p.post(&path_in(&text, "/privacy/change/"), &[]).await;
    assert_eq!(taken.status, 409);
    assert!(taken.body.contains("Det numret är redan anmält till någon av kampanjerna"), "{}", taken.body);

    // A new number, confirmed by a text to it: the enrolment moves, the old number is gone.
    let bad = p.post(&format!("{rights}/change"), &[("email", "070-12"), ("lang", "sv")]).await;
    assert!(
        bad.body.contains("Skriv ett mobilnummer som 070-123 45 67 eller +46 70 123 45 67."),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("value=\"070-12\""), "the typed number is kept");
    let r = p.post(&format!("{rights}/change"), &[("email", "070-999 88 77"), ("lang", "sv")]).await;
    assert!(r.body.contains("En bekräftelselänk har skickats med sms till det nya numret"), "{}", r.body);
    let text = k.wait_for("+46709998877", 1).remove(0);
    assert!(text.starts_with("tellpoint: bekräfta ditt nya nummer för påminnelser: https://"), "{text}");
    let change = path_in(&text, "/privacy/change/");
    assert_eq!(p.get(&change).await.status, 200);
    let done = p.post(&change, &[]).await;
    assert!(done.body.contains("Numret är bytt"), "{}", done.body);
    assert_eq!(srv.state.store.participant_counts(&id).unwrap().1, 1, "still one participant");
    let now_held = p.get(&format!("{rights}?lang=sv")).await;
    assert!(!now_held.body.contains("+46702223344"), "nothing held about the old number");
    // Each change may be a paid text: three per rights link and hour.
    let r = p.post(&format!("{rights}/change"), &[("email", "070-999 88 76"), ("lang", "sv")]).await;
    assert_eq!(r.status, 429, "a fourth change from the same link: {}", r.body);

    // The new number's rights link erases it.
    p.post("/privacy", &[("email", "+46709998877"), ("lang", "sv")]).await;
    let text = k.wait_for("+46709998877", 2).remove(1);
    let rights = path_in(&text, "/privacy/access/");
    let page = p.get(&format!("{rights}?lang=sv")).await;
    assert!(page.body.contains("+46709998877"), "{}", page.body);
    let erased = p.post(&format!("{rights}/erase"), &[("lang", "sv"), ("confirm", "yes")]).await;
    assert_eq!(erased.status, 200, "{}", erased.body);
    assert_eq!(srv.state.store.participant_counts(&id).unwrap(), (0, 0, 0));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_allow_list_counts_numbers_apart_admits_listed_numbers_and_removes_one_by_number() {
    if !kannel::available() {
        return;
    }
    let (k, srv, (mut owner, _), id, slug) = phone_campaign(0).await;
    let page = format!("/admin/campaigns/{id}");
    let csv = b"namn;mobil\nAnna;070-333 44 55\nBo;+46 70 444 55 66\n".to_vec();
    let r = owner
        .post_multipart(
            &format!("{page}/allow-list"),
            &[("addresses", "lisa@example.org"), ("mode", "add")],
            ("file", "klass.csv", csv),
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let body = owner.get(&page).await.body;
    assert!(body.contains("One address and 2 mobile numbers may enrol"), "{body}");
    assert!(!body.contains("333 44 55") && !body.contains("46704445566"), "no number shown");
    let bad = owner
        .post_multipart(
            &format!("{page}/allow-list"),
            &[("addresses", "ring mig")],
            ("file", "x.csv", vec![]),
        )
        .await;
    assert!(
        bad.body.contains("Pasted list, line 1: no email address or mobile number in “ring mig”."),
        "{}",
        bad.body
    );
    let removed = owner.post(&format!("{page}/allow-list/remove"), &[("email", "070-444 55 66")]).await;
    assert!(removed.body.contains("The number was removed from the allow-list."), "{}", removed.body);
    assert!(removed.body.contains("One address and one mobile number may enrol"), "{}", removed.body);

    // The listed number gets its confirmation text; the removed one the same page and none.
    enrol_by_text(&srv, &k, &slug, "070-333 44 55", "+46703334455").await;
    let mut p = srv.browser();
    let r = p.post(&format!("/e/{slug}"), &[("phone", "070-444 55 66"), ("lang", "sv")]).await;
    assert!(r.body.contains("Titta i din telefon"), "{}", r.body);
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert!(k.delivered().iter().all(|(_, to, _)| to != "+46704445566"), "no text to an unlisted number");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_campaign_reads_numbers_as_written_in_its_own_country_and_shows_how_to_write_one() {
    if !kannel::available() {
        return;
    }
    // The installation is Swedish (SE); this campaign is for a Dutch team.
    let (k, srv, (mut owner, _), id, slug) = phone_campaign(0).await;
    let page = format!("/admin/campaigns/{id}");
    let mut fields = phone_settings();
    fields.extend([("title_sv", "Puls (sv)"), ("intro_sv", "Berätta vad du har varit med om.")]);
    fields.push(("phone_region", "XY"));
    let form = common::campaign::settings_form("Puls", &fields);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let refused = owner.post(&page, &form).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Type the country as two letters, such as SE or NL"), "{}", refused.body);
    assert!(refused.body.contains("value=\"XY\""), "the typed country is kept");
    fields.pop();
    fields.push(("phone_region", "nl"));
    common::campaign::save_settings(&mut owner, &id, "Puls", &fields).await;
    let body = owner.get(&page).await.body;
    assert!(body.contains("name=\"phone_region\"") && body.contains("value=\"NL\""), "{body}");

    let mut p = srv.browser();
    let bad = p.post(&format!("/e/{slug}"), &[("phone", "12"), ("lang", "en")]).await;
    assert!(
        bad.body.contains("Enter a mobile number such as 06 12345678 or +31 6 12345678."),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("value=\"12\""), "the typed number is kept");
    let r = p.post(&format!("/e/{slug}"), &[("phone", "06 12345678"), ("lang", "en")]).await;
    assert!(r.body.contains("Check your phone"), "{}", r.body);
    let confirm = k.wait_for("+31612345678", 1).remove(0);
    assert!(confirm.contains("/confirm/"), "{confirm}");
}
