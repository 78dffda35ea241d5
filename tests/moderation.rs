//! Moderation over HTTP: highlighted stories, quotes written from them, reviewer veto and
//! approval, exclusion, who may see what, and an audit log without texts.

mod common;

use common::campaign::{answer, build_and_open_with, full_answers};
use common::{Browser, InProcess, invite, signed_in_owner};

/// The first `href` on the page that starts with `prefix`.
fn link(body: &str, prefix: &str) -> String {
    let body = body.replace("&#x2f;", "/");
    let at = body.find(&format!("href=\"{prefix}")).unwrap_or_else(|| panic!("no link {prefix}"));
    let rest = &body[at + 6..];
    rest[..rest.find('"').unwrap()].to_string()
}

async fn respond(srv: &InProcess, slug: &str, story: &str) {
    let mut p: Browser = srv.browser();
    let r = answer(&mut p, slug, &full_answers(story)).await;
    assert_eq!(r.status, 303, "{}", r.body);
}

#[tokio::test(flavor = "multi_thread")]
async fn stories_become_quotes_through_review_and_excluded_ones_vanish() {
    let (srv, mut owner) = signed_in_owner().await;
    let (id, slug) = build_and_open_with(&mut owner, "Pulse", &[("reviewer_approval", "on")]).await;
    respond(&srv, &slug, "My manager Anna Berg called me on 070-123 45 67 about it.").await;

    let (mut moderator, _) = invite(&srv, &mut owner, "moderator", "mo").await;
    let (mut analyst, _) = invite(&srv, &mut owner, "analyst", "anna").await;
    let (mut reviewer, _) = invite(&srv, &mut owner, "reviewer", "rey").await;
    let stories = format!("/admin/campaigns/{id}/stories");
    assert_eq!(analyst.get(&stories).await.status, 403, "analysts never see stories");
    assert_eq!(reviewer.get(&stories).await.status, 403);
    assert_eq!(analyst.get(&format!("/admin/campaigns/{id}/quotes")).await.status, 403);

    let page = moderator.get(&stories).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<mark class=\"pii\" title=\"possible name\">Anna Berg"), "{}", page.body);
    assert!(page.body.contains("title=\"phone number\">070-123 45 67"));
    let story = link(&page.body, &format!("/admin/campaigns/{id}/stories/"));
    let editor = moderator.get(&story).await;
    assert!(editor.body.contains("My manager [name] called me on [phone] about it."), "{}", editor.body);

    // An empty quote is refused with the typed text kept.
    let r = moderator.post(&format!("{story}/quote"), &[("text", "  ")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Write a quote of 1 to 2,000 characters."));
    let r = moderator.post(&format!("{story}/quote"), &[("text", "A manager called me about it.")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let quotes = reviewer.get(&format!("/admin/campaigns/{id}/quotes")).await;
    assert!(
        quotes.body.contains("A manager called me about it.") && quotes.body.contains(">proposed<"),
        "{}",
        quotes.body
    );
    let review = link(&quotes.body.replace("action=", "href="), &format!("/admin/campaigns/{id}/quotes/"));
    assert!(review.ends_with("/review"));
    // A veto needs a reason; moderators cannot decide.
    assert_eq!(moderator.post(&review, &[("decision", "approve")]).await.status, 403);
    let r = reviewer.post(&review, &[("decision", "veto"), ("reason", "")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Give a reason for the veto"));
    let r = reviewer.post(&review, &[("decision", "veto"), ("reason", "Too close to one team")]).await;
    assert_eq!(r.status, 303);
    let quotes = moderator.get(&format!("/admin/campaigns/{id}/quotes")).await;
    assert!(quotes.body.contains(">vetoed<") && quotes.body.contains("Too close to one team"));

    // A second quote, approved; then the story is excluded: it and its quotes are gone.
    moderator.post(&format!("{story}/quote"), &[("text", "Someone called me.")]).await;
    let quotes = reviewer.get(&format!("/admin/campaigns/{id}/quotes")).await;
    let review = link(&quotes.body.replace("action=", "href="), &format!("/admin/campaigns/{id}/quotes/"));
    assert_eq!(reviewer.post(&review, &[("decision", "approve")]).await.status, 303);
    let c = srv.state.campaigns().get(&id).unwrap();
    assert_eq!(srv.state.moderation().approved(&c).unwrap().len(), 1);
    let r = moderator.post(&format!("{story}/mark"), &[("mark", "excluded"), ("confirm", "yes")]).await;
    assert_eq!(r.status, 303);
    let page = moderator.get(&stories).await;
    assert!(!page.body.contains("Anna Berg") && page.body.contains("1 excluded story is not shown"));
    assert_eq!(moderator.get(&story).await.status, 404, "an excluded story is never shown again");
    assert!(srv.state.moderation().approved(&c).unwrap().is_empty(), "its quotes are withdrawn");

    // The audit log names the actions, never the texts.
    let (entries, _) = srv.state.store.audit_page(0, 100).unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    for action in ["quote.proposed", "quote.vetoed", "quote.approved", "story.excluded"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    let log = serde_json::to_string(&entries).unwrap();
    for text in ["Anna", "called", "Too close"] {
        assert!(!log.contains(text), "the audit log holds no text: {text}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_quote_with_a_flagged_name_is_saved_only_when_its_writer_keeps_it() {
    let (srv, mut owner) = signed_in_owner().await;
    let (id, slug) = build_and_open_with(&mut owner, "Pulse", &[("reviewer_approval", "on")]).await;
    respond(&srv, &slug, "Every Tuesday Mr. Larsson shouts at Ms. Patel in Malmö.").await;
    let (mut moderator, _) = invite(&srv, &mut owner, "moderator", "mo").await;
    let stories = format!("/admin/campaigns/{id}/stories");
    let page = moderator.get(&stories).await;
    // The title stays, the name goes; the weekday is no name.
    assert!(page.body.contains("title=\"possible name\">Larsson"), "{}", page.body);
    assert!(page.body.contains("title=\"possible name\">Patel"));
    assert!(!page.body.contains("title=\"possible name\">Tuesday"));
    let story = link(&page.body, &format!("/admin/campaigns/{id}/stories/"));
    let editor = moderator.get(&story).await;
    assert!(
        editor.body.contains("Every Tuesday Mr. [name] shouts at Ms. [name] in [name]."),
        "{}",
        editor.body
    );

    // A quote that puts a name back is refused, with the words to keep or replace.
    let text = "Every week a manager shouts at Ms. Patel in Malmö.";
    let r = moderator.post(&format!("{story}/quote"), &[("text", text)]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("still holds words that may identify someone"), "{}", r.body);
    assert!(r.body.contains("value=\"Patel\"") && r.body.contains("value=\"Malmö\""), "{}", r.body);
    assert!(r.body.contains(text), "the typed quote is kept");
    let c = srv.state.campaigns().get(&id).unwrap();
    assert!(srv.state.moderation().quotes(&c).unwrap().is_empty());
    // Keeping the place but not the name: still refused.
    let r = moderator.post(&format!("{story}/quote"), &[("text", text), ("keep", "Malmö")]).await;
    assert_eq!(r.status, 422);
    let r = moderator
        .post(
            &format!("{story}/quote"),
            &[("text", "Every week a manager shouts at a colleague in Malmö."), ("keep", "Malmö")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let quotes = srv.state.moderation().quotes(&c).unwrap();
    assert_eq!(quotes.len(), 1);
    // The reviewer can approve it: its one flag was kept on purpose.
    let (mut reviewer, _) = invite(&srv, &mut owner, "reviewer", "rey").await;
    let r = reviewer
        .post(&format!("/admin/campaigns/{id}/quotes/{}/review", quotes[0].id), &[("decision", "approve")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
}
