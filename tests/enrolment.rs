//! Enrolled campaigns end to end, with mail delivered through lettre to a real SMTP server
//! (aiosmtpd) on loopback: enrolment, reminders on a DST-correct schedule, personal links
//! and tickets, allow-lists, unsubscribing, and the participant's rights.

mod common;

use common::campaign::{build_and_open_with, enrol, full_answers, respond_with_ticket};
use common::smtp::SmtpServer;
use common::{Browser, InProcess, input_value, signed_in_owner_mailing, walk};
use tellpoint::model::campaign::Audience;

/// An in-process instance mailing through `smtp`, its mailer running, and an owner
/// signed in who has built and opened an enrolled campaign (Fridays and Mondays, 15:30
/// Stockholm time, until the end of April 2027). Returns (server, owner's browser, id, slug).
async fn enrolled_campaign(smtp: &SmtpServer) -> (InProcess, Browser, String, String) {
    let (srv, mut b) = signed_in_owner_mailing(smtp).await;
    let (id, slug) = build_and_open_with(
        &mut b,
        "Weekly pulse",
        &[
            ("audience", "enrolled"),
            ("end", "2027-04-30"),
            ("remind_days", "fri"),
            ("remind_days", "mon"),
            ("remind_at", "15:30"),
        ],
    )
    .await;
    (srv, b, id, slug)
}

fn run_reminders(srv: &InProcess) -> usize {
    tellpoint::jobs::reminders::run(&srv.state, srv.clock.now()).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn enrol_confirm_remind_across_dst_and_respond_once_per_ticket() {
    let smtp = SmtpServer::start();
    let (srv, _owner, id, slug) = enrolled_campaign(&smtp).await;
    let c = srv.state.store.campaign(&id).unwrap().unwrap();
    assert_eq!(c.settings.audience, Audience::Enrolled);
    let link = enrol(&mut srv.browser(), &smtp, &slug, "anna@example.org").await;

    // The public link of an enrolled campaign does not open the form.
    let mut p = srv.browser();
    let public = p.get(&format!("/r/{slug}")).await;
    assert!(public.body.contains("Personal links only"), "{}", public.body);

    // Friday 26 March 2027, 15:30 in Stockholm is 14:30 UTC (CET, winter time).
    srv.set_time("2027-03-26T14:29:00Z");
    run_reminders(&srv);
    assert_eq!(run_reminders(&srv), 0, "nothing due a minute early");
    srv.set_time("2027-03-26T14:31:00Z");
    assert_eq!(run_reminders(&srv), 1);
    assert_eq!(run_reminders(&srv), 0, "a send time is sent once");
    smtp.wait_for("anna@example.org", 2);
    // Summer time starts on Sunday 28 March: Monday's 15:30 is 13:30 UTC (CEST).
    srv.set_time("2027-03-29T13:29:00Z");
    assert_eq!(run_reminders(&srv), 0);
    srv.set_time("2027-03-29T13:31:00Z");
    assert_eq!(run_reminders(&srv), 1, "15:30 local after the change");
    let mails = smtp.wait_for("anna@example.org", 3);
    let reminders: Vec<_> = mails.iter().filter(|m| m.subject() == "Time for Weekly pulse").collect();
    assert_eq!(reminders.len(), 2);
    let reminder_link = reminders[0].link("/t/");
    assert_eq!(reminder_link, link, "the reminder carries the personal link");
    assert!(
        reminders[0].link(&format!("/privacy/{slug}")).ends_with("?lang=en"),
        "and the campaign's privacy notice"
    );

    // The personal link opens a form with a ticket; the response consumes it.
    let r = respond_with_ticket(&mut p, &slug, &link, None).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(srv.state.store.responses_of(&id).unwrap().len(), 1);
    let form = p.get(&link).await;
    let used_ticket = {
        // A ticket that was consumed: open a form, answer, then send its ticket again.
        let nonce = input_value(&form.body, "nonce");
        let ticket = input_value(&form.body, "ticket");
        let answers = full_answers("Second time.");
        let mut fields: Vec<(&str, &str)> = answers.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        fields.push(("nonce", &nonce));
        fields.push(("ticket", &ticket));
        assert_eq!(p.post(&format!("/r/{slug}"), &fields).await.status, 303);
        ticket
    };
    assert_eq!(srv.state.store.responses_of(&id).unwrap().len(), 2);
    let reused = respond_with_ticket(&mut p, &slug, &link, Some(&used_ticket)).await;
    assert_eq!(reused.status, 403, "a consumed ticket is refused");
    assert!(reused.body.contains("cannot be sent"));
    let ticketless = respond_with_ticket(&mut p, &slug, &link, Some("")).await;
    assert_eq!(ticketless.status, 403, "an enrolled campaign refuses a post without a ticket");
    assert_eq!(srv.state.store.responses_of(&id).unwrap().len(), 2, "nothing stored by refused posts");
}

#[tokio::test(flavor = "multi_thread")]
async fn reminder_mail_has_both_parts_unsubscribe_headers_and_no_remote_content() {
    let smtp = SmtpServer::start();
    let (srv, _owner, _id, slug) = enrolled_campaign(&smtp).await;
    enrol(&mut srv.browser(), &smtp, &slug, "mira@example.org").await;
    srv.set_time("2027-03-26T14:31:00Z");
    run_reminders(&srv);
    let mails = smtp.wait_for("mira@example.org", 2);
    let m = mails.iter().find(|m| m.subject() == "Time for Weekly pulse").expect("a reminder");
    assert!(m.text.contains("How did it go?") && m.text.contains("/t/"), "{}", m.text);
    assert!(m.html.contains("How did it go?") && m.html.contains("<a href="), "{}", m.html);
    assert!(m.raw.contains("multipart/alternative"));
    let unsubscribe = &m.headers["list-unsubscribe"];
    assert!(unsubscribe.starts_with("<https://") && unsubscribe.contains("/u/"), "{unsubscribe}");
    assert_eq!(m.headers["list-unsubscribe-post"], "List-Unsubscribe=One-Click");
    assert!(!m.raw.contains("http://"), "only https links");
    assert!(!m.html.contains("src="), "no remote images or pixels");
    assert!(!m.raw.to_lowercase().contains("<img"), "no images at all");
}

#[tokio::test(flavor = "multi_thread")]
async fn allow_list_admits_listed_addresses_only_and_stores_no_address() {
    let smtp = SmtpServer::start();
    let (srv, mut owner, id, slug) = enrolled_campaign(&smtp).await;
    let page = format!("/admin/campaigns/{id}");
    let csv = b"name,email\nBo Berg,bo@example.org\n\"Lind, Li\",li@example.org\n".to_vec();
    let r = owner
        .post_multipart(
            &format!("{page}/allow-list"),
            &[("addresses", "listed@example.org"), ("mode", "add")],
            ("file", "staff.csv", csv),
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let body = owner.get(&page).await.body;
    assert!(body.contains("3 addresses may enrol"), "counts only");
    assert!(!body.contains("listed@example.org") && !body.contains("bo@example.org"), "no address shown");
    // A line that is not an address is refused and the list unchanged.
    let bad = owner
        .post_multipart(
            &format!("{page}/allow-list"),
            &[("addresses", "not an address"), ("mode", "replace")],
            ("file", "empty.csv", vec![]),
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("Pasted list, line 1: no email address in “not an address”."), "{}", bad.body);
    assert!(owner.get(&page).await.body.contains("3 addresses may enrol"));
    let removed = owner.post(&format!("{page}/allow-list/remove"), &[("email", "LI@example.org")]).await;
    assert!(removed.body.contains("The address was removed from the allow-list."), "{}", removed.body);
    assert!(removed.body.contains("2 addresses may enrol"));

    let mut p = srv.browser();
    p.get(&format!("/e/{slug}")).await;
    let listed = p.post(&format!("/e/{slug}"), &[("email", "Listed@Example.org"), ("lang", "en")]).await;
    let unlisted = p.post(&format!("/e/{slug}"), &[("email", "stranger@example.org"), ("lang", "en")]).await;
    let removed = p.post(&format!("/e/{slug}"), &[("email", "li@example.org"), ("lang", "en")]).await;
    assert_eq!((listed.status, unlisted.status, removed.status), (200, 200, 200));
    assert_eq!(listed.body, unlisted.body, "the same page whatever the address");
    assert_eq!(listed.body, removed.body);
    smtp.wait_for("listed@example.org", 1);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while srv.state.store.outbox_len().unwrap() > 0 {
        assert!(std::time::Instant::now() < deadline, "the outbox empties");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(smtp.to("stranger@example.org").is_empty(), "no mail to an unlisted address");
    assert!(smtp.to("li@example.org").is_empty(), "no mail to a removed address");
    assert_eq!(srv.state.store.participant_counts(&id).unwrap(), (1, 0, 0));

    for file in walk(&srv.state.config.data_dir) {
        let bytes = std::fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for address in ["listed@example.org", "bo@example.org", "li@example.org", "stranger@example.org"] {
            assert!(!text.contains(address), "{address} in plain text in {}", file.display());
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn unsubscribe_by_link_and_one_click_post_drops_record_and_queued_mail() {
    let mut smtp = SmtpServer::start();
    let (srv, _owner, id, slug) = enrolled_campaign(&smtp).await;
    let una = enrol(&mut srv.browser(), &smtp, &slug, "una@example.org").await;
    let ulf = enrol(&mut srv.browser(), &smtp, &slug, "ulf@example.org").await;
    assert_eq!(srv.state.store.participant_counts(&id).unwrap(), (0, 2, 0));

    // The mail server is down: the reminders wait in the outbox.
    smtp.down();
    srv.set_time("2027-03-26T14:31:00Z");
    assert_eq!(run_reminders(&srv), 2);
    assert_eq!(srv.state.store.outbox_len().unwrap(), 2);

    let mut p = srv.browser();
    let una_unsub = una.replace("/t/", "/u/");
    let page = p.get(&una_unsub).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Unsubscribe"));
    let done = p.post(&una_unsub, &[]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("You are unsubscribed"));
    assert_eq!(srv.state.store.participant_counts(&id).unwrap(), (0, 1, 0));
    assert_eq!(srv.state.store.outbox_len().unwrap(), 1, "una's queued reminder is dropped");

    // RFC 8058: the mail provider posts, without cookies or a CSRF field.
    let mut provider = srv.browser();
    let r = provider
        .post_body(
            &ulf.replace("/t/", "/u/"),
            Some("application/x-www-form-urlencoded"),
            b"List-Unsubscribe=One-Click".to_vec(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(srv.state.store.participant_counts(&id).unwrap(), (0, 0, 0));
    assert_eq!(srv.state.store.outbox_len().unwrap(), 0);
    assert_eq!(p.get(&una).await.status, 404, "the personal link is gone too");

    smtp.up();
    srv.set_time("2027-03-29T13:31:00Z");
    assert_eq!(run_reminders(&srv), 0, "no further reminders");
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    for who in ["una@example.org", "ulf@example.org"] {
        assert!(smtp.to(who).iter().all(|m| m.subject() != "Time for Weekly pulse"), "{who} got a reminder");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn rights_export_change_address_and_erase() {
    let smtp = SmtpServer::start();
    let (srv, _owner, id, slug) = enrolled_campaign(&smtp).await;
    enrol(&mut srv.browser(), &smtp, &slug, "rita@example.org").await;

    let mut p = srv.browser();
    assert_eq!(p.get("/privacy").await.status, 200);
    let known = p.post("/privacy", &[("email", "Rita@example.org"), ("lang", "en")]).await;
    let unknown = p.post("/privacy", &[("email", "nobody@example.org"), ("lang", "en")]).await;
    assert_eq!((known.status, unknown.status), (200, 200));
    assert_eq!(known.body, unknown.body, "the same page for an unknown address");
    let bad = p.post("/privacy", &[("email", "rita at example"), ("lang", "en")]).await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("rita at example"), "the input is kept");

    let mail = smtp
        .wait_for("rita@example.org", 2)
        .into_iter()
        .find(|m| m.subject() == "Your data in tellpoint")
        .unwrap();
    let access = mail.link("/privacy/access/");
    let page = p.get(&access).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("rita@example.org") && page.body.contains("Weekly pulse"));

    let export = p.get(&format!("{access}/export")).await;
    assert_eq!(export.header("content-type"), "application/json");
    let today = srv.state.store.campaign(&id).unwrap().unwrap().settings.today(srv.clock.now()).to_string();
    let expected = serde_json::json!({
        "enrolments": [{
            "campaign": "Weekly pulse", "address": "rita@example.org", "language": "en",
            "status": "active", "enrolled": today,
        }],
        "on_allow_lists": [],
    });
    assert_eq!(serde_json::from_str::<serde_json::Value>(&export.body).unwrap(), expected);

    let change =
        p.post(&format!("{access}/change"), &[("email", "rita.new@example.org"), ("lang", "en")]).await;
    assert_eq!(change.status, 200, "{}", change.body);
    assert!(change.body.contains("confirmation link was sent"));
    let confirm = smtp.wait_for("rita.new@example.org", 1).pop().unwrap().link("/privacy/change/");
    assert_eq!(p.get(&confirm).await.status, 200);
    let changed = p.post(&confirm, &[]).await;
    assert!(changed.body.contains("Address changed"), "{}", changed.body);
    // The old address's link now shows nothing; the new address gets its own.
    assert!(p.get(&access).await.body.contains("Nothing is held"));
    p.post("/privacy", &[("email", "rita.new@example.org"), ("lang", "en")]).await;
    let mail = smtp
        .wait_for("rita.new@example.org", 2)
        .into_iter()
        .find(|m| m.subject() == "Your data in tellpoint")
        .unwrap();
    let access = mail.link("/privacy/access/");
    let export = p.get(&format!("{access}/export")).await;
    assert!(export.body.contains("rita.new@example.org") && !export.body.contains("\"rita@example.org\""));

    // Without the ticked box (a JS-off browser sends none): the page again, in the reader's
    // language, with the reason, and nothing erased.
    let unconfirmed = p.post(&format!("{access}/erase"), &[("lang", "sv")]).await;
    assert_eq!(unconfirmed.status, 422);
    assert!(unconfirmed.body.contains("Kryssa i rutan för att bekräfta raderingen"), "{}", unconfirmed.body);
    assert_ne!(srv.state.store.participant_counts(&id).unwrap(), (0, 0, 0));
    let erased = p.post(&format!("{access}/erase"), &[("lang", "en"), ("confirm", "yes")]).await;
    assert!(erased.body.contains("Erased"), "{}", erased.body);
    assert_eq!(srv.state.store.participant_counts(&id).unwrap(), (0, 0, 0));
    assert_eq!(p.get(&access).await.status, 404, "the rights link is used up");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(smtp.to("nobody@example.org").is_empty(), "no mail to an unknown address");
}

#[tokio::test(flavor = "multi_thread")]
async fn test_mail_is_delivered_or_explains_what_to_fix() {
    let smtp = SmtpServer::start();
    let (_srv, mut b) = signed_in_owner_mailing(&smtp).await;
    let page = b.get("/admin/mail").await;
    assert!(
        page.body.contains(&format!("127.0.0.1:{}", smtp.port)) && page.body.contains("none"),
        "{}",
        page.body
    );
    let named = b.post("/admin/mail", &[("from_name", "Listening team")]).await;
    assert_eq!(named.status, 303);
    let sent = b.post("/admin/mail/test", &[("email", "olga@example.org")]).await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert!(sent.body.contains("accepted the test mail"));
    let mail = smtp.wait_for("olga@example.org", 1).pop().unwrap();
    assert!(mail.headers["from"].contains("Listening team"), "{:?}", mail.headers);

    // Nothing listening: the advice names host and port.
    let closed = common::smtp::free_port();
    let (_srv, mut b) = common::signed_in_owner_with(|c| {
        smtp.apply(c);
        c.smtp.port = closed;
    })
    .await;
    let r = b.post("/admin/mail/test", &[("email", "olga@example.org")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains(&format!("Nothing accepts connections at 127.0.0.1:{closed}")), "{}", r.body);

    // TLS from the first byte against a plain server: the advice is about security and port.
    let (_srv, mut b) = common::signed_in_owner_with(|c| {
        smtp.apply(c);
        c.smtp.security = tellpoint::config::SmtpSecurity::Tls;
    })
    .await;
    let r = b.post("/admin/mail/test", &[("email", "olga@example.org")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("security") && r.body.contains("465"), "{}", r.body);
}
