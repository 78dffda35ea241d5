//! Erased means erased, at the byte level: after a campaign is erased, or a participant
//! unsubscribes and the erasure run has passed, neither the plaintext nor the key that
//! sealed it is in any file of the data directory.

mod common;

use common::campaign::{answer, build_and_open, enrol, full_answers, save_settings};
use common::smtp::SmtpServer;
use common::{Browser, InProcess, files_holding, signed_in_owner_mailing};

fn link(body: &str, prefix: &str) -> String {
    let body = body.replace("&#x2f;", "/");
    let at = body.find(&format!("href=\"{prefix}")).unwrap_or_else(|| panic!("no link {prefix}"));
    let rest = &body[at + 6..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// Switches a campaign to enrolled participants, keeping the other settings.
async fn make_enrolled(b: &mut Browser, id: &str) {
    save_settings(b, id, "Erase me", &[("audience", "enrolled")]).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_erased_campaign_leaves_no_marker_and_no_key_in_any_file() {
    let smtp = SmtpServer::start();
    let (srv, mut owner): (InProcess, Browser) = signed_in_owner_mailing(&smtp).await;
    let (id, slug) = build_and_open(&mut owner, "Erase me").await;
    // A story and a draft, then a quote from the story; then enrolment, and an address.
    let mut p = srv.browser();
    let r = answer(&mut p, &slug, &full_answers("STORY-MARKER-7f3a happened at work.")).await;
    assert_eq!(r.status, 303);
    let draft = vec![("q.q8".to_string(), "DRAFT-MARKER-9c1d".to_string()), ("action".into(), "save".into())];
    assert_eq!(answer(&mut srv.browser(), &slug, &draft).await.status, 200);
    let stories = owner.get(&format!("/admin/campaigns/{id}/stories")).await;
    let story = link(&stories.body, &format!("/admin/campaigns/{id}/stories/"));
    let r = owner.post(&format!("{story}/quote"), &[("text", "QUOTE-MARKER-2b8e at work.")]).await;
    assert_eq!(r.status, 303);
    make_enrolled(&mut owner, &id).await;
    enrol(&mut srv.browser(), &smtp, &slug, "addr-marker-5e6f@example.org").await;

    let data = srv.state.config.data_dir.clone();
    let scope = format!("campaign:{id}");
    let campaign_key = srv.state.store.wrapped_key(&scope).unwrap().unwrap();
    let contacts = contact_scopes(&srv.state.store, &id);
    assert_eq!(contacts.len(), 1);
    let contact_key = srv.state.store.wrapped_key(&contacts[0]).unwrap().unwrap();
    let story_key = srv.state.store.wrapped_key(&format!("stories:{id}")).unwrap().unwrap();
    assert!(!files_holding(&data, &campaign_key).is_empty(), "the key is in the keyring before");
    assert!(!files_holding(&data, &contact_key).is_empty());

    // A wrong title erases nothing.
    let page = owner.get(&format!("/admin/campaigns/{id}/erase")).await;
    assert!(page.body.contains("This cannot be undone"));
    let r = owner.post(&format!("/admin/campaigns/{id}/erase"), &[("title", "Erase")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("type the campaign") && r.body.contains("value=\"Erase\""));
    assert!(srv.state.store.campaign(&id).unwrap().is_some());

    let r = owner.post(&format!("/admin/campaigns/{id}/erase"), &[("title", "Erase me")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let log = owner.get(r.location()).await;
    for class in ["data keys", "responses", "contacts", "quotes", "drafts", "campaign"] {
        assert!(log.body.contains(&format!("<td>{class}</td>")), "{class} in the erasure log");
    }
    assert!(!log.body.contains("MARKER"));

    for marker in ["STORY-MARKER-7f3a", "DRAFT-MARKER-9c1d", "QUOTE-MARKER-2b8e", "addr-marker-5e6f"] {
        assert_eq!(files_holding(&data, marker.as_bytes()), Vec::<String>::new(), "{marker}");
    }
    assert_eq!(files_holding(&data, &campaign_key), Vec::<String>::new(), "the campaign key is gone");
    assert_eq!(files_holding(&data, &contact_key), Vec::<String>::new(), "the contact key is gone");
    assert_eq!(files_holding(&data, &story_key), Vec::<String>::new(), "the story key is gone");
    assert!(srv.state.store.campaign(&id).unwrap().is_none());
    assert!(srv.state.store.responses_of(&id).unwrap().is_empty());
    assert!(srv.state.store.releases(&id).unwrap().is_empty());
    assert_eq!(srv.browser().get(&format!("/r/{slug}")).await.status, 404);
    let (entries, _) = srv.state.store.audit_page(0, 5).unwrap();
    assert!(entries.iter().any(|e| e.action == "campaign.erased"));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unsubscribed_participant_s_key_leaves_every_file_after_the_erasure_run() {
    let smtp = SmtpServer::start();
    let (srv, mut owner) = signed_in_owner_mailing(&smtp).await;
    let (id, slug) = build_and_open(&mut owner, "Erase me").await;
    make_enrolled(&mut owner, &id).await;
    let mut links = Vec::new();
    for who in ["una", "ulf", "uma"] {
        links.push(enrol(&mut srv.browser(), &smtp, &slug, &format!("{who}@example.org")).await);
    }
    let data = srv.state.config.data_dir.clone();
    let scopes = contact_scopes(&srv.state.store, &id);
    let keys: Vec<Vec<u8>> =
        scopes.iter().map(|s| srv.state.store.wrapped_key(s).unwrap().unwrap()).collect();

    let unsubscribe = links[0].replace("/t/", "/u/");
    let mut p = srv.browser();
    assert_eq!(p.post(&unsubscribe, &[]).await.status, 200);
    let gone: Vec<usize> =
        (0..3).filter(|i| srv.state.store.wrapped_key(&scopes[*i]).unwrap().is_none()).collect();
    assert_eq!(gone.len(), 1, "exactly one contact key destroyed");
    let gone = gone[0];
    assert_eq!(files_holding(&data, &keys[gone]), Vec::<String>::new(), "gone from every file at once");

    // The owner starts the run from the erasure log page.
    let r = owner.post("/admin/erasure/run", &[("confirm", "yes")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(files_holding(&data, &keys[gone]), Vec::<String>::new(), "the key is in no file");
    assert_eq!(files_holding(&data, b"una@example.org"), Vec::<String>::new());
    for (i, key) in keys.iter().enumerate().filter(|(i, _)| *i != gone) {
        assert_eq!(files_holding(&data, key).len(), 1, "the others' keys stay: {i}");
    }
    // The others are still reachable: their addresses open.
    let people = srv.state.participants();
    let active = srv.state.store.active_participants(&id).unwrap();
    assert_eq!(active.len(), 2);
    for (pid, record) in &active {
        assert!(people.open_address(&id, *pid, record).unwrap().ends_with("@example.org"));
    }
}

/// The keyring scopes of a campaign's participants' contact keys.
fn contact_scopes(store: &tellpoint::store::Store, campaign: &str) -> Vec<String> {
    let all = store.active_participants(campaign).unwrap();
    all.into_iter().map(|(id, _)| tellpoint::participants::contact_scope(campaign, id)).collect()
}
