//! Weekly summaries: published by the job at the campaign's weekday and time (clock
//! injected), with k-safe figures and approved quotes only; readable without cookies or
//! JavaScript; a withdrawn quote leaves a published summary.

mod common;

use common::campaign::{answer, build_and_open_with, enrol, full_answers};
use common::smtp::SmtpServer;
use common::{Browser, invite, signed_in_owner_at};
use tellpoint::jobs::summaries;

fn at(when: &str) -> i64 {
    when.parse::<jiff::Timestamp>().unwrap().as_second()
}

fn link(body: &str, prefix: &str) -> String {
    let body = body.replace("&#x2f;", "/").replace("action=", "href=");
    let at = body.find(&format!("href=\"{prefix}")).unwrap_or_else(|| panic!("no link {prefix}"));
    let rest = &body[at + 6..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// The one week's article of a summary page (published or previewed).
fn week_of(body: &str) -> String {
    let start = body.find("<article class=\"summary-week\"").expect("a week on the page");
    let end = start + body[start..].find("</article>").unwrap();
    body[start..end].to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_job_publishes_k_safe_figures_and_approved_quotes_at_the_set_time() {
    // Wednesday 3 December 2031, in a campaign of four weeks from Monday 1 December.
    let (srv, mut owner) = signed_in_owner_at("2031-12-03T10:00:00+01:00").await;
    let settings = [
        ("start", "2031-12-01"),
        ("end", "2031-12-28"),
        ("reviewer_approval", "on"),
        ("summary_auto", "on"),
        ("summary_day", "tue"),
        ("summary_at", "08:00"),
    ];
    let (id, slug) = build_and_open_with(&mut owner, "Pulse", &settings).await;
    for i in 0..7 {
        let mut p: Browser = srv.browser();
        let mut answers = full_answers(&format!("Story number {i} about the canteen."));
        answers.retain(|(k, _)| k != "q.q7");
        answers.push(("q.q7".into(), if i < 5 { "yes" } else { "no" }.into()));
        assert_eq!(answer(&mut p, &slug, &answers).await.status, 303);
    }

    // Two quotes: the reviewer vetoes one and approves the other.
    let (mut moderator, _) = invite(&srv, &mut owner, "moderator", "mo").await;
    let (mut reviewer, _) = invite(&srv, &mut owner, "reviewer", "rey").await;
    let stories = moderator.get(&format!("/admin/campaigns/{id}/stories")).await;
    let story = link(&stories.body, &format!("/admin/campaigns/{id}/stories/"));
    for text in ["Vetoed words about the canteen.", "Approved words about the canteen."] {
        let r = moderator.post(&format!("{story}/quote"), &[("text", text)]).await;
        assert_eq!(r.status, 303);
        let quotes = reviewer.get(&format!("/admin/campaigns/{id}/quotes")).await;
        let review = link(&quotes.body, &format!("/admin/campaigns/{id}/quotes/"));
        let decision: &[(&str, &str)] = if text.starts_with("Vetoed") {
            &[("decision", "veto"), ("reason", "Names the canteen team")]
        } else {
            &[("decision", "approve")]
        };
        assert_eq!(reviewer.post(&review, decision).await.status, 303);
    }

    // Before Tuesday 08:00 after the week: nothing; at 08:00: the week's summary.
    assert_eq!(summaries::run(&srv.state, at("2031-12-09T07:59:00+01:00")).unwrap(), 0);
    let mut reader = srv.browser();
    let page = reader.get(&format!("/s/{slug}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("No summary has been published yet"));
    assert_eq!(summaries::run(&srv.state, at("2031-12-09T08:00:00+01:00")).unwrap(), 1);
    assert_eq!(summaries::run(&srv.state, at("2031-12-09T08:01:00+01:00")).unwrap(), 0, "once");

    let page = reader.get(&format!("/s/{slug}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Week of 1\u{a0}Dec"), "{}", page.body);
    assert!(page.body.contains("Approved words about the canteen."));
    assert!(!page.body.contains("Vetoed words"), "a vetoed quote is never published");
    assert!(!page.body.contains("Story number"), "a summary never shows a story");
    assert!(!page.body.contains("<script"), "the summary needs no JavaScript");
    // 5 yes and 2 no: the 2 is hidden, and so is the 5 it would be worked out from.
    let section = &page.body[page.body.find("id=\"fig-q7\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(!section.contains("<td>2</td>") && !section.contains("<td>5</td>"), "{section}");
    assert!(section.contains("hidden"));
    assert!(page.body.contains("<td>7</td>"), "seven responses that week");

    // A withdrawn quote leaves the published summary; the figures stay as published.
    let c = srv.state.campaigns().get(&id).unwrap();
    let approved = srv.state.moderation().approved(&c).unwrap();
    srv.state.moderation().withdraw(&c, &approved[0].id, "mo").unwrap();
    let page = reader.get(&format!("/s/{slug}")).await;
    assert!(!page.body.contains("Approved words"));
    assert!(page.body.contains("<td>7</td>"));
}

#[tokio::test(flavor = "multi_thread")]
async fn owners_publish_ended_weeks_by_hand_and_enrolled_participants_hear_of_it() {
    let smtp = SmtpServer::start();
    let (srv, mut owner, mut account) = common::owner_mailing(&smtp).await;
    let today =
        jiff::Zoned::now().with_time_zone(jiff::tz::TimeZone::get("Europe/Stockholm").unwrap()).date();
    let start = today.checked_sub(jiff::Span::new().days(14)).unwrap().to_string();
    // Automatic publishing is left off (unchecked): only by hand.
    let settings = [("start", start.as_str()), ("audience", "enrolled"), ("summary_mail", "on")];
    let (id, slug) = build_and_open_with(&mut owner, "Pulse", &settings).await;
    let mut p = srv.browser();
    let link = enrol(&mut p, &smtp, &slug, "pia@example.org").await;
    for _ in 0..5 {
        let r = common::campaign::respond_with_ticket(&mut srv.browser(), &slug, &link, None).await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let c = srv.state.campaigns().get(&id).unwrap();
    // The running week is not released, so it has nothing to publish yet.
    let now = srv.clock.now();
    assert!(summaries::unpublished(&srv.state, &c, now).unwrap().is_empty());
    let this_monday = tellpoint::figures::tally::monday_of(tellpoint::model::campaign::day_number(today));
    let r = owner
        .post(&format!("/admin/campaigns/{id}/summaries/publish"), &[("week", &this_monday.to_string())])
        .await;
    assert!(r.body.contains("has no released figures yet"), "{}", r.body);

    // Once the week is over it is released; nothing is published automatically.
    srv.clock.advance(8 * 86_400);
    common::sign_in_again(&srv, &mut owner, &mut account).await;
    let now = srv.clock.now();
    assert_eq!(summaries::run(&srv.state, now + 30 * 86_400).unwrap(), 0, "nothing automatic");
    let page = owner.get(&format!("/admin/campaigns/{id}/summaries")).await;
    assert!(page.body.contains("Ready to publish"), "{}", page.body);
    assert!(page.body.contains("is still under way"), "the running week says when it can be published");
    let ended = summaries::unpublished(&srv.state, &c, now).unwrap();
    assert_eq!(ended.len(), 1);
    let key = summaries::summary_key(&ended[0]);
    // Participants see nothing of it before someone publishes it.
    let mut participant = srv.browser();
    let before = participant.get(&format!("/s/{slug}")).await;
    assert!(before.body.contains("No summary has been published yet"), "{}", before.body);
    // The preview is the participants' page, with a banner and the publish button.
    let preview_path = format!("/admin/campaigns/{id}/summaries/preview?week={key}&lang=en");
    let preview = owner.get(&preview_path).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert!(preview.body.contains("Preview, not published"));
    assert!(participant.get(&preview_path).await.status != 200, "the preview is for staff");
    let r =
        owner.post(&format!("/admin/campaigns/{id}/summaries/publish"), &[("week", &key.to_string())]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let after = participant.get(&format!("/s/{slug}?lang=en")).await;
    assert_eq!(week_of(&after.body), week_of(&preview.body), "the preview showed what was published");
    assert!(week_of(&after.body).contains("5 responses"));
    let mails = smtp.wait_for("pia@example.org", 2);
    let mail = mails.iter().find(|m| m.subject().contains("this week's summary")).expect("the summary mail");
    assert!(mail.link(&format!("/s/{slug}")).contains(&format!("/s/{slug}?lang=en")));
    let page = owner.get(&format!("/admin/campaigns/{id}/summaries")).await;
    let from = tellpoint::model::campaign::date_of(ended[0].first);
    assert!(page.body.contains(&format!("<td>{from}</td>")), "{}", page.body);
    let (entries, _) = srv.state.store.audit_page(0, 5).unwrap();
    assert!(entries.iter().any(|e| e.action == "summary.published"));
}
