//! Retention: with the erasure run's clock injected, each class of a campaign's data goes
//! when its period (the campaign's own, or the configured default) has run out, and a
//! shortened period applies to data already held at the next run.

mod common;

use common::campaign::{answer, build_and_open, enrol, full_answers, save_settings};
use common::smtp::SmtpServer;
use common::{files_holding, signed_in_owner_mailing};
use tellpoint::erasure::Erasure;
use tellpoint::store::KeyKind;

#[tokio::test(flavor = "multi_thread")]
async fn each_class_expires_at_its_time_and_shortening_applies_to_what_is_held() {
    let smtp = SmtpServer::start();
    let (srv, mut owner) = signed_in_owner_mailing(&smtp).await;
    let (id, slug) = build_and_open(&mut owner, "Kept").await;
    for i in 0..3 {
        let r = answer(&mut srv.browser(), &slug, &full_answers(&format!("Story {i} at work."))).await;
        assert_eq!(r.status, 303);
    }
    let c = srv.state.campaigns().get(&id).unwrap();
    let (stories, _) = srv.state.moderation().stories(&c).unwrap();
    srv.state
        .moderation()
        .write_quote(&c, &stories[0].response, &stories[0].question, "A quote.", &[], "olga")
        .unwrap();
    let today = c.settings.today(srv.clock.now());
    let end = today.checked_add(jiff::Span::new().days(2)).unwrap().to_string();
    save_settings(&mut owner, &id, "Kept", &[("audience", "enrolled"), ("end", &end)]).await;
    enrol(&mut srv.browser(), &smtp, &slug, "kim@example.org").await;
    assert_eq!(
        owner
            .post(&format!("/admin/campaigns/{id}/status"), &[("status", "closed"), ("confirm", "yes")])
            .await
            .status,
        303
    );

    let now = srv.clock.now();
    let run = |days: i64| {
        Erasure { store: &srv.state.store, defaults: &srv.state.config.retention, now: now + days * 86_400 }
            .run()
            .unwrap()
    };
    let stories_left =
        || srv.state.store.responses_of(&id).unwrap().iter().filter(|r| r.sealed_stories.is_some()).count();
    assert!(run(0).is_empty(), "nothing has run out yet");
    assert_eq!(srv.state.store.participant_counts(&id).unwrap().1, 1);

    // Contacts: end date + 7 days (the default). The end is in 2 days.
    assert!(run(9).is_empty());
    let erased = run(10);
    assert!(erased.iter().any(|e| e.class == "contacts" && e.count == 1), "{erased:?}");
    assert_eq!(srv.state.store.participant_counts(&id).unwrap(), (0, 0, 0));
    assert!(srv.state.store.campaign_key_count(&id, Some(KeyKind::Contact)) == 0, "their keys went first");
    assert_eq!(stories_left(), 3, "stories are kept 90 days by default");

    // Shortening the stories' period to 10 days erases the stories held, at the next run:
    // their own key first, so no copy of them can be read, then the texts.
    let data = srv.state.config.data_dir.clone();
    let story_key = srv.state.store.wrapped_key(&format!("stories:{id}")).unwrap().unwrap();
    assert_eq!(files_holding(&data, &story_key).len(), 1);
    save_settings(
        &mut owner,
        &id,
        "Kept",
        &[("audience", "enrolled"), ("end", &end), ("keep_stories", "10")],
    )
    .await;
    let erased = run(11);
    assert!(erased.iter().any(|e| e.class == "stories" && e.count == 3), "{erased:?}");
    assert_eq!(stories_left(), 0);
    assert_eq!(files_holding(&data, &story_key), Vec::<String>::new(), "the story key is in no file");
    assert_eq!(srv.state.store.responses_of(&id).unwrap().len(), 3, "the structured answers stay");
    assert_eq!(srv.state.moderation().approved(&c).unwrap().len(), 1, "quotes are kept longer");
    // The report's method section says what is kept how long, and what went when.
    let report = owner.get(&format!("/admin/campaigns/{id}/report")).await;
    assert_eq!(report.status, 200);
    for part in ["story texts 10 days after the campaign closes", "contacts (1, on ", "stories (3, on "] {
        assert!(report.body.contains(part), "{part} in the report");
    }

    // Quotes at 20 days, responses at 30: then the whole campaign goes, key first.
    let settings = [
        ("audience", "enrolled"),
        ("end", &end),
        ("keep_stories", "10"),
        ("keep_quotes", "20"),
        ("keep_responses", "30"),
    ];
    save_settings(&mut owner, &id, "Kept", &settings).await;
    let erased = run(21);
    assert!(erased.iter().any(|e| e.class == "quotes" && e.count == 1), "{erased:?}");
    assert!(srv.state.moderation().approved(&c).unwrap().is_empty());
    assert!(srv.state.store.campaign(&id).unwrap().is_some());
    let erased = run(31);
    assert!(erased.iter().any(|e| e.class == "responses" && e.count == 3), "{erased:?}");
    assert!(srv.state.store.campaign(&id).unwrap().is_none());
    assert!(srv.state.store.wrapped_key(&format!("campaign:{id}")).unwrap().is_none());
    assert!(run(32).is_empty(), "each run is idempotent");
    let log = owner.get("/admin/erasure").await;
    for class in ["contacts", "stories", "quotes", "responses"] {
        assert!(log.body.contains(&format!("<td>{class}</td>")), "{class} logged");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn undelivered_mail_goes_with_its_key() {
    let (srv, _owner) = common::signed_in_owner().await;
    let mail = tellpoint::mail::Mail {
        to: "outbox-marker-4711@example.org".into(),
        subject: "Confirm".into(),
        text: "outbox-marker-text".into(),
        html: "<p>outbox-marker-text</p>".into(),
        unsubscribe: None,
    };
    srv.state.queue_mail("confirm", tellpoint::store::About::Nobody, &mail).unwrap();
    assert_eq!(srv.state.store.outbox_len().unwrap(), 1, "no SMTP host: the mail waits");
    let data = srv.state.config.data_dir.clone();
    assert!(files_holding(&data, b"outbox-marker").is_empty(), "queued mail is sealed");
    let now = srv.clock.now();
    let (id, _) = srv.state.store.due_mail(now, 10, tellpoint::store::Channel::Mail).unwrap().pop().unwrap();
    let scope = tellpoint::store::mail_scope(id);
    let key = srv.state.store.wrapped_key(&scope).unwrap().expect("the mail's own key");
    assert_eq!(files_holding(&data, &key).len(), 1, "in the keyring file");

    let run = |days: i64| {
        Erasure { store: &srv.state.store, defaults: &srv.state.config.retention, now: now + days * 86_400 }
            .run()
            .unwrap()
    };
    run(6);
    assert_eq!(srv.state.store.outbox_len().unwrap(), 1, "kept up to 7 days");
    let erased = run(8);
    assert!(erased.iter().any(|e| e.class == "undelivered mail" && e.count == 1), "{erased:?}");
    assert_eq!(srv.state.store.outbox_len().unwrap(), 0);
    assert!(srv.state.store.wrapped_key(&scope).unwrap().is_none(), "the mail's key is destroyed");
    assert_eq!(files_holding(&data, &key), Vec::<String>::new(), "and is in no file");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_enrolment_never_confirmed_goes_when_its_link_expires() {
    let (srv, mut owner) = common::signed_in_owner().await;
    let (id, _slug) = build_and_open(&mut owner, "Pending").await;
    save_settings(&mut owner, &id, "Pending", &[("audience", "enrolled")]).await;
    let c = srv.state.campaigns().get(&id).unwrap();
    srv.state.participants().enrol(&c, "never-confirmed@example.org", tellpoint::model::Lang::EN).unwrap();
    assert_eq!(srv.state.store.participant_counts(&id).unwrap(), (1, 0, 0));
    assert_eq!(srv.state.store.campaign_key_count(&id, Some(KeyKind::Contact)), 1);
    let now = srv.clock.now();
    tellpoint::jobs::cleanup::run(&srv.state, now + 47 * 3600).unwrap();
    assert_eq!(srv.state.store.participant_counts(&id).unwrap(), (1, 0, 0), "48 h to confirm");
    tellpoint::jobs::cleanup::run(&srv.state, now + 49 * 3600).unwrap();
    assert_eq!(srv.state.store.participant_counts(&id).unwrap(), (0, 0, 0));
    assert!(srv.state.store.campaign_key_count(&id, Some(KeyKind::Contact)) == 0, "its key went first");
}
