//! Follow-up threads over HTTP: the receipt shown once, staff replying, the respondent
//! reading and answering from a fresh client, unread markers; wrong receipts all getting
//! the same page and a guessing client slowed, with nothing about it stored; who may open
//! thread pages; and a message's text in no file, and unrecoverable once its thread's
//! retention runs out or its campaign is erased.

mod common;

use std::net::IpAddr;

use common::campaign::{answer, build_and_open_with, full_answers};
use common::{Browser, Instance, create_account, files_holding, invite, sign_in, signed_in_owner};
use tellpoint::erasure::Erasure;

const STORY: &str = "The new rota always puts me on the late shift.";

/// The receipt on a thank-you page.
fn receipt_on(body: &str) -> String {
    let at = body.find("class=\"receipt-code\"").expect("a receipt on the page");
    let code = &body[at..];
    let start = code.find("<code>").unwrap() + 6;
    code[start..start + code[start..].find('<').unwrap()].to_string()
}

/// Responds to a follow-up campaign; returns the receipt.
async fn respond(b: &mut Browser, slug: &str, story: &str) -> String {
    let r = answer(b, slug, &full_answers(story)).await;
    assert_eq!(r.status, 200, "the thank-you page is the answer to the post: {}", r.body);
    assert_eq!(r.header("cache-control"), "no-store");
    let receipt = receipt_on(&r.body);
    assert!(r.body.contains("if you lose it, you lose the thread, and nobody can recover it"));
    assert!(r.body.contains("look again in a few days"));
    receipt
}

/// The response key in the first thread link on a page.
fn thread_link(body: &str, id: &str) -> String {
    let body = body.replace("&#x2f;", "/");
    let prefix = format!("/admin/campaigns/{id}/threads/");
    let at = body.find(&prefix).unwrap_or_else(|| panic!("no thread link in {body}"));
    body[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect()
}

async fn open_thread(b: &mut Browser, receipt: &str) -> common::Reply {
    let entry = b.get("/f").await;
    assert_eq!(entry.status, 200);
    b.post("/f", &[("receipt", receipt), ("lang", "en")]).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_respondent_and_staff_talk_through_a_receipt() {
    let (srv, mut owner) = signed_in_owner().await;
    let (id, slug) = build_and_open_with(&mut owner, "Rota", &[("follow_up", "on")]).await;
    let mut respondent = srv.browser();
    let receipt = respond(&mut respondent, &slug, STORY).await;
    assert_eq!(receipt.len(), 35, "six groups of five digits: {receipt}");
    let again = respondent.get(&format!("/r/{slug}/thanks")).await;
    assert!(!again.body.contains("receipt-code"), "shown once");
    // Switching the entry page's language keeps the typed receipt and opens nothing.
    let switched =
        respondent.post("/f", &[("receipt", receipt.as_str()), ("lang", "en"), ("switch", "nl")]).await;
    assert_eq!(switched.status, 200);
    assert!(
        switched.body.contains("<html lang=\"nl\">") && switched.body.contains("Ontvangstcode (30 cijfers)")
    );
    assert_eq!(common::input_value(&switched.body, "receipt"), receipt, "the typed receipt is kept");
    assert!(!switched.body.contains(STORY), "the thread is not opened by a switch");

    // A moderator starts the thread from the story.
    let (mut moderator, _) = invite(&srv, &mut owner, "moderator", "mo").await;
    let stories = moderator.get(&format!("/admin/campaigns/{id}/stories")).await;
    let thread = thread_link(&stories.body, &id);
    let page = moderator.get(&thread).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Start a follow-up thread") && page.body.contains(STORY));
    let empty = moderator.post(&format!("{thread}/reply"), &[("text", "   ")]).await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("Write a message before sending."));
    let reply = "Thank you. Would a different rota pattern help?";
    let r = moderator.post(&format!("{thread}/reply"), &[("text", reply)]).await;
    assert_eq!(r.status, 303, "{}", r.body);

    // The respondent, in a fresh client, opens the thread with the receipt as typed.
    let mut fresh = srv.browser();
    let typed = receipt.replace(' ', "-");
    let page = open_thread(&mut fresh, &typed).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(STORY), "their own story");
    assert!(page.body.contains(reply) && page.body.contains(">Staff<"), "{}", page.body);
    assert!(!page.body.contains("mo<"), "never a staff member's name");
    let answer_text = "Yes, two late shifts a week would be fine.";
    let sent = fresh
        .post("/f", &[("receipt", &typed), ("lang", "en"), ("message", answer_text), ("action", "send")])
        .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert!(sent.body.contains("Your message was sent.") && sent.body.contains(answer_text));
    // Sending the same page again (a reload) adds nothing.
    fresh
        .post("/f", &[("receipt", &typed), ("lang", "en"), ("message", answer_text), ("action", "send")])
        .await;

    // Staff see it unread, in the list and from the admin home, until they open it.
    let list = moderator.get(&format!("/admin/campaigns/{id}/threads")).await;
    assert_eq!(list.status, 200);
    assert!(list.body.contains("class=\"unread\"") && list.body.contains("new message"), "{}", list.body);
    assert!(list.body.contains("2 messages"), "{}", list.body);
    let home = moderator.get("/admin").await.body.replace("&#x2f;", "/");
    assert!(
        home.contains(&format!("<dt>Unread threads</dt><dd><a href=\"/admin/campaigns/{id}/threads\">1</a>")),
        "{home}"
    );
    let polled = moderator.get(&format!("/admin/campaigns/{id}/threads/list")).await;
    assert!(polled.body.contains("class=\"unread\""), "the list the page polls shows it too");
    let page = moderator.get(&thread).await;
    assert!(page.body.contains(answer_text) && page.body.contains(">Respondent<"));
    assert!(
        !moderator.get(&format!("/admin/campaigns/{id}/threads")).await.body.contains("class=\"unread\"")
    );

    // Closed, the thread takes no more from the respondent, whose text is kept on the page.
    let r = moderator.post(&format!("{thread}/state"), &[("open", "no")]).await;
    assert_eq!(r.status, 303);
    let refused = fresh
        .post("/f", &[("receipt", &typed), ("lang", "en"), ("message", "One more thing"), ("action", "send")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("This thread is closed"));
    assert!(
        refused.body.contains("Your message was not sent") && refused.body.contains("One more thing"),
        "kept"
    );
    assert!(moderator.post(&format!("{thread}/state"), &[("open", "yes")]).await.status == 303);
    let page = open_thread(&mut srv.browser(), &typed).await;
    assert!(page.body.contains("name=\"message\""), "open again");

    // Replies and state changes are audited without their text.
    let audit = owner.get("/admin/audit").await.body;
    for action in ["Replied in a thread", "Closed a thread", "Reopened a thread"] {
        assert!(audit.contains(action), "{action} in the audit log");
    }
    assert!(!audit.contains("rota pattern") && !audit.contains(&thread[thread.rfind('/').unwrap() + 1..]));
    // The respondent's page in Swedish.
    let sv = srv.browser().post("/f", &[("receipt", &typed), ("lang", "sv")]).await;
    assert!(sv.body.contains("Din uppföljningstråd") && sv.body.contains("Personalen"));
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_receipts_get_one_neutral_page_and_guessing_slows_down_leaving_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(dir.path(), &[]);
    let mut owner_b = tp.browser();
    let mut owner = create_account(&mut owner_b, &tp.setup_path(), "olga").await;
    sign_in(&mut owner_b, &mut owner).await;
    let (_, slug) = build_and_open_with(&mut owner_b, "Guess", &[("follow_up", "on")]).await;
    let receipt = respond(&mut tp.browser(), &slug, STORY).await;

    let before = dump(&tp);
    let cert = tp.data_dir().join("tls/cert.pem");
    let (mine, other): (IpAddr, IpAddr) = ("127.0.0.66".parse().unwrap(), "127.0.0.67".parse().unwrap());
    let mut guesser = Browser::new(&tp.base, &cert, Some(mine));
    let guesses = [
        "12345",
        "11111 22222 33333 44444 55555 66666",
        "not a receipt at all",
        "99999-99999-99999-99999-99999-99999",
    ];
    let mut pages = Vec::new();
    for g in guesses {
        let r = guesser.post("/f", &[("receipt", g), ("lang", "en")]).await;
        assert_eq!(r.status, 422, "{g}");
        pages.push(common::without_form_token(&r.body.replace(g, "TYPED")));
    }
    assert!(pages.iter().all(|p| *p == pages[0]), "every wrong receipt gets the very same page");
    assert!(pages[0].contains("This receipt does not open a thread."));
    // The fifth wrong guess makes the client wait; meanwhile even the right receipt waits.
    let r = guesser.post("/f", &[("receipt", "00000 00000 00000 00000 00000 00000"), ("lang", "en")]).await;
    assert_eq!(r.status, 422);
    let slowed = guesser.post("/f", &[("receipt", &receipt), ("lang", "en")]).await;
    assert_eq!(slowed.status, 429, "{}", slowed.body);
    assert!(slowed.body.contains("Wait a minute"));
    let polled = guesser.post("/f/messages", &[("receipt", &receipt), ("lang", "en")]).await;
    assert_eq!(polled.status, 429, "polling is slowed the same way");
    // Another client is not slowed by this one.
    let mut neighbour = Browser::new(&tp.base, &cert, Some(other));
    neighbour.get("/f").await;
    assert_eq!(neighbour.post("/f", &[("receipt", &receipt), ("lang", "en")]).await.status, 200);
    std::thread::sleep(std::time::Duration::from_millis(2_100));
    assert_eq!(
        guesser.post("/f", &[("receipt", &receipt), ("lang", "en")]).await.status,
        200,
        "after the wait"
    );

    // Nothing about the guesser was written: the store is as it was, and no file or log
    // line holds a guess or the client's address.
    assert!(dump(&tp) == before, "the store is unchanged by guessing and reading");
    for g in &guesses[1..] {
        assert_eq!(files_holding(&tp.data_dir(), g.as_bytes()), Vec::<String>::new());
        assert!(!tp.log_text().contains(g));
    }
    for address in ["127.0.0.66", "127.0.0.67"] {
        assert!(!tp.log_text().contains(address));
        assert_eq!(files_holding(&tp.data_dir(), address.as_bytes()), Vec::<String>::new());
    }
}

/// Every row of the store, as a backup would hold it.
fn dump(tp: &Instance) -> Vec<u8> {
    let store = tellpoint::store::Store::open_read_only(&tp.data_dir(), &tp.master_key()).unwrap();
    let (mut rows, mut keys) = (Vec::new(), Vec::new());
    store.dump(&mut rows, &mut keys).unwrap();
    rows.extend(keys);
    rows
}

#[tokio::test(flavor = "multi_thread")]
async fn only_moderators_and_owners_open_thread_pages() {
    let (srv, mut owner) = signed_in_owner().await;
    let (id, slug) = build_and_open_with(&mut owner, "Roles", &[("follow_up", "on")]).await;
    respond(&mut srv.browser(), &slug, STORY).await;
    let stories = owner.get(&format!("/admin/campaigns/{id}/stories")).await;
    let thread = thread_link(&stories.body, &id);
    assert_eq!(owner.post(&format!("{thread}/reply"), &[("text", "Hello")]).await.status, 303);
    let (mut analyst, _) = invite(&srv, &mut owner, "analyst", "ana").await;
    let (mut reviewer, _) = invite(&srv, &mut owner, "reviewer", "rey").await;
    let (mut moderator, _) = invite(&srv, &mut owner, "moderator", "mo").await;
    let list = format!("/admin/campaigns/{id}/threads");
    for b in [&mut analyst, &mut reviewer] {
        for page in [list.clone(), format!("{list}/list"), thread.clone(), format!("{thread}/messages")] {
            assert_eq!(b.get(&page).await.status, 403, "{page}");
        }
        assert_eq!(b.post(&format!("{thread}/reply"), &[("text", "x")]).await.status, 403);
        assert_eq!(b.post(&format!("{thread}/state"), &[("open", "no")]).await.status, 403);
        assert!(!b.get("/admin").await.body.contains("Follow-up threads"));
    }
    let signed_out = srv.browser().get(&thread).await;
    assert!(matches!(signed_out.status, 302 | 303 | 401 | 403), "{}", signed_out.status);
    assert!(!signed_out.body.contains("Hello"));
    assert_eq!(moderator.get(&thread).await.status, 200);
    assert_eq!(owner.get(&format!("{thread}/messages")).await.status, 200);
    // A response without a receipt, or no response at all, has no thread page.
    let none = format!("/admin/campaigns/{id}/threads/{}", "0".repeat(32));
    assert_eq!(moderator.get(&none).await.status, 404);
    assert_eq!(moderator.post(&format!("{none}/reply"), &[("text", "x")]).await.status, 404);
    // The pages' polling does not keep an idle session open (30 minutes by default).
    let polled = moderator.get_with_header(&format!("{thread}/messages"), "x-tellpoint-poll", "1").await;
    assert_eq!(polled.status, 200);
    srv.clock.advance(20 * 60);
    moderator.get_with_header(&format!("{thread}/messages"), "x-tellpoint-poll", "1").await;
    srv.clock.advance(15 * 60);
    let idle = moderator.get_with_header(&format!("{thread}/messages"), "x-tellpoint-poll", "1").await;
    assert_ne!(idle.status, 200, "the session timed out while only the script asked");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_message_is_in_no_file_and_unrecoverable_after_retention_or_erasure() {
    let (srv, mut owner) = signed_in_owner().await;
    let data = srv.state.config.data_dir.clone();
    let mut threads = Vec::new();
    for title in ["Expires", "Erased"] {
        let (id, slug) = build_and_open_with(&mut owner, title, &[("follow_up", "on")]).await;
        let receipt = respond(&mut srv.browser(), &slug, STORY).await;
        let marker = format!("MARKER-{title}-7f3a9c");
        let mut b = srv.browser();
        open_thread(&mut b, &receipt).await;
        let r = b
            .post("/f", &[("receipt", &receipt), ("lang", "en"), ("message", &marker), ("action", "send")])
            .await;
        assert_eq!(r.status, 200);
        let threads_of = srv.state.store.threads_of(&id).unwrap();
        assert_eq!(threads_of.len(), 1);
        let scope = tellpoint::model::campaign::thread_scope(&id, threads_of[0].0);
        let wrapped = srv.state.store.wrapped_key(&scope).unwrap().expect("the thread has its own key");
        threads.push((id, receipt, marker, wrapped));
    }
    for (_, _, marker, wrapped) in &threads {
        assert_eq!(files_holding(&data, marker.as_bytes()), Vec::<String>::new(), "sealed in every file");
        assert_eq!(files_holding(&data, wrapped).len(), 1, "its key is in the keyring file");
    }

    // Erasing the campaign destroys its threads' keys and the threads.
    let (id, receipt, _, wrapped) = &threads[1];
    let r = owner.post(&format!("/admin/campaigns/{id}/erase"), &[("title", "Erased")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(srv.state.store.threads_of(id).unwrap().is_empty());
    assert_eq!(files_holding(&data, wrapped), Vec::<String>::new(), "the thread key is in no file");
    assert_eq!(srv.state.store.destroy_campaign_keys(id, None).unwrap(), 0, "no key of it is left");
    let page = srv.browser().post("/f", &[("receipt", receipt), ("lang", "en")]).await;
    assert_eq!(page.status, 422);
    let log = owner.get(r.location()).await.body;
    assert!(log.contains("<td>threads</td>"), "{log}");

    // 456 days after its last message the thread is kept; the next day its key goes first.
    let (id, receipt, _, wrapped) = &threads[0];
    let now = srv.clock.now();
    let run = |days: i64| {
        Erasure { store: &srv.state.store, defaults: &srv.state.config.retention, now: now + days * 86_400 }
            .run()
            .unwrap()
    };
    assert!(!run(456).iter().any(|e| e.class == "threads"));
    assert_eq!(srv.state.store.threads_of(id).unwrap().len(), 1);
    let erased = run(458);
    assert!(erased.iter().any(|e| e.class == "threads" && e.count == 1), "{erased:?}");
    assert!(srv.state.store.threads_of(id).unwrap().is_empty());
    assert_eq!(files_holding(&data, wrapped), Vec::<String>::new(), "the thread key is in no file");
    let page = srv.browser().post("/f", &[("receipt", receipt), ("lang", "en")]).await;
    assert_eq!(page.status, 422, "the receipt leads nowhere any more");
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_get_a_daily_mail_without_content_while_threads_wait() {
    let smtp = common::smtp::SmtpServer::start();
    let (srv, mut owner) = common::signed_in_owner_mailing(&smtp).await;
    let (id, slug) = build_and_open_with(&mut owner, "Notified", &[("follow_up", "on")]).await;
    let bad = owner
        .post(
            &format!("/admin/campaigns/{id}"),
            &[("title", "Notified"), ("follow_up_notify", "not an address")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("Give one email address such as team@example.org"));
    assert!(bad.body.contains("value=\"not an address\""), "the input is kept");
    common::campaign::save_settings(
        &mut owner,
        &id,
        "Notified",
        &[("follow_up", "on"), ("follow_up_notify", "Team@Example.org")],
    )
    .await;
    let receipt = respond(&mut srv.browser(), &slug, STORY).await;
    let mut b = srv.browser();
    open_thread(&mut b, &receipt).await;
    let secret = "Please call me back about the rota";
    b.post("/f", &[("receipt", &receipt), ("lang", "en"), ("message", secret), ("action", "send")]).await;

    // At 08:00 the next morning in the campaign's zone, one mail; the same day, no second.
    let zone = jiff::tz::TimeZone::get("Europe/Stockholm").unwrap();
    let tomorrow = jiff::Timestamp::from_second(srv.clock.now())
        .unwrap()
        .to_zoned(zone.clone())
        .date()
        .tomorrow()
        .unwrap();
    let at = |h: i8| tomorrow.at(h, 0, 0, 0).to_zoned(zone.clone()).unwrap().timestamp().as_second();
    let news = |t: i64| tellpoint::jobs::thread_news::run(&srv.state, t).unwrap();
    assert_eq!(news(at(7)), 0, "not before 08:00");
    srv.clock.advance(at(8) - srv.clock.now());
    assert_eq!(news(at(8)), 1);
    assert_eq!(news(at(15)), 0, "once a day");
    let mail = smtp.wait_for("team@example.org", 1).pop().unwrap();
    assert!(mail.subject().contains("Notified"), "{}", mail.subject());
    assert!(
        mail.text.contains("1 follow-up thread of Notified has a message nobody has read yet"),
        "{}",
        mail.text
    );
    for content in [secret, STORY, receipt.as_str()] {
        assert!(!mail.raw.contains(content), "the mail holds no content");
    }
    // Read (the owner's session has timed out by now), the thread sends no more news.
    let c = srv.state.campaigns().get(&id).unwrap();
    let (key, _) = srv.state.store.threads_of(&id).unwrap()[0];
    srv.state.threads().mark_read(&c, key).unwrap();
    assert_eq!(news(at(8) + 86_400), 0);
}
