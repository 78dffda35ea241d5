//! The privacy notice is written from the campaign's settings and the instance's
//! configuration: changing a setting changes the notice.

mod common;

use common::campaign::{build_and_open, save_settings};
use common::signed_in_owner_with;

#[tokio::test(flavor = "multi_thread")]
async fn the_notice_shows_the_configured_values_and_follows_changes() {
    let backups = tempfile::tempdir().unwrap();
    let (srv, mut owner) = signed_in_owner_with(|c| {
        c.privacy.controller = "Stichting Voorbeeld".into();
        c.privacy.contact = "privacy@voorbeeld.nl".into();
        c.retention.quotes_days_after_close = 400;
        c.backup.dir = backups.path().to_string_lossy().into_owned();
        c.backup.keep_days = 21;
    })
    .await;
    let (id, slug) = build_and_open(&mut owner, "Pulse").await;
    let mut p = srv.browser();
    let form = p.get(&format!("/r/{slug}")).await;
    assert!(
        form.body.replace("&#x2f;", "/").contains(&format!("href=\"/privacy/{slug}?lang=en\"")),
        "linked from the form"
    );

    let notice = p.get(&format!("/privacy/{slug}")).await;
    assert_eq!(notice.status, 200);
    let body = notice.body;
    for part in [
        "Stichting Voorbeeld is responsible",
        "privacy@voorbeeld.nl",
        "dated to the day",
        "no time finer than the day",
        "Texts in your own words: 90 days after the campaign closes.",
        "Quotes and weekly summaries: 400 days",
        "Answers and the figures made from them: 730 days",
        "fewer than 5 responses",
        "No IP address",
        "Backups are kept for 21 days. Data erased here can no longer be read in any backup from the next daily backup on, and is gone from the backups within 21 days.",
    ] {
        assert!(body.contains(part), "{part}");
    }
    assert!(!body.contains("Your email address:"), "a link-only campaign holds no addresses");
    assert!(!body.contains("Follow-up threads"), "no threads without follow-up");

    let end = jiff::Zoned::now().date().checked_add(jiff::Span::new().days(20)).unwrap().to_string();
    let changed = [
        ("audience", "enrolled"),
        ("k", "7"),
        ("granularity", "week"),
        ("keep_stories", "30"),
        ("end", end.as_str()),
        ("follow_up", "on"),
    ];
    save_settings(&mut owner, &id, "Pulse", &changed).await;
    let body = p.get(&format!("/privacy/{slug}")).await.body;
    for part in [
        "dated to the week",
        "Texts in your own words: 30 days",
        "fewer than 7 responses",
        &format!("Your email address: until 7 days after the campaign ends on {end}"),
        "Reminder mails are handed to the organisation",
        "If you keep the receipt offered after responding",
        "Follow-up threads: 456 days after their last message, and at the latest with the whole campaign.",
    ] {
        assert!(body.contains(part), "{part} after the change");
    }
    assert_eq!(p.get("/privacy/nosuchcampaign").await.status, 404);
}
