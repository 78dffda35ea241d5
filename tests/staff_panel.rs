//! The staff panel guides and guards: a campaign ends by itself at its end date, for staff
//! and participants alike, and can be reopened until its final figures are out; every
//! irreversible action refuses without its ticked box (as a browser without JavaScript
//! sends it) and works with it; the admin home counts what waits for each role.

mod common;

use common::campaign::{answer, build_and_open, build_and_open_with, full_answers};
use common::{Account, Browser, InProcess, invite, sign_in, signed_in_owner, with_owner};

fn stockholm_today_plus(days: i64) -> jiff::civil::Date {
    let tz = jiff::tz::TimeZone::get("Europe/Stockholm").unwrap();
    jiff::Zoned::now().with_time_zone(tz).date().checked_add(jiff::Span::new().days(days)).unwrap()
}

/// Noon in Stockholm on `date`, as RFC 3339.
fn noon(date: jiff::civil::Date) -> String {
    let tz = jiff::tz::TimeZone::get("Europe/Stockholm").unwrap();
    date.at(12, 0, 0, 0).to_zoned(tz).unwrap().timestamp().to_string()
}

/// Signs in again after the test moved the server's clock past the session's lifetime.
async fn sign_in_again(srv: &InProcess, b: &mut Browser, account: &mut Account) {
    account.next_offset = srv.clock.now() - jiff::Timestamp::now().as_second() + 30;
    sign_in(b, account).await;
}

async fn respond(srv: &InProcess, slug: &str, story: &str) {
    let mut p: Browser = srv.browser();
    let r = answer(&mut p, slug, &full_answers(story)).await;
    assert_eq!(r.status, 303, "{}", r.body);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_campaign_past_its_end_date_is_ended_for_everyone_and_can_be_reopened() {
    let (srv, mut owner, mut olga) = with_owner().await;
    sign_in(&mut owner, &mut olga).await;
    let (id, slug) = build_and_open(&mut owner, "Spring pulse").await;
    let page = format!("/admin/campaigns/{id}");
    // The end date (30 days from now) has passed.
    srv.set_time(&noon(stockholm_today_plus(32)));
    sign_in_again(&srv, &mut owner, &mut olga).await;
    let mut p = srv.browser();
    let form = p.get(&format!("/r/{slug}")).await;
    assert!(form.body.contains("This campaign has ended"), "{}", form.body);
    assert!(!form.body.contains("<form method=\"post\" action=\"/r/"));
    let staff = owner.get(&page).await.body;
    assert!(staff.contains("<strong>ended</strong>"), "{staff}");
    let home = owner.get("/admin").await.body;
    assert!(home.contains("phase-ended"), "{home}");
    let list = owner.get("/admin/campaigns").await.body;
    assert!(list.contains("<td>ended</td>"), "{list}");

    // A reopening needs an end date from today on, and says what it did.
    let past = stockholm_today_plus(31).to_string();
    let r = owner.post(&format!("{page}/status"), &[("status", "reopen"), ("end", &past)]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Choose a new end date"), "{}", r.body);
    let until = stockholm_today_plus(40).to_string();
    let r = owner.post(&format!("{page}/status"), &[("status", "reopen"), ("end", &until)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let back = owner.get(r.location()).await.body;
    assert!(back.contains("class=\"flash\"") && back.contains("The campaign is open again."), "{back}");
    assert!(back.contains("<strong>open</strong>"));
    let form = p.get(&format!("/r/{slug}")).await;
    assert!(form.body.contains("<form method=\"post\" action=\"/r/"), "open to participants again");
    respond(&srv, &slug, "It went fine.").await;

    // Ended again; once its final figures are released (the dashboard releases what is
    // due), reopening is refused with the reason, and so is a later end date.
    srv.set_time(&noon(stockholm_today_plus(42)));
    sign_in_again(&srv, &mut owner, &mut olga).await;
    assert!(p.get(&format!("/r/{slug}")).await.body.contains("This campaign has ended"));
    assert_eq!(owner.get(&format!("{page}/dashboard")).await.status, 200);
    let later = stockholm_today_plus(60).to_string();
    let r = owner.post(&format!("{page}/status"), &[("status", "reopen"), ("end", &later)]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("final figures are already released"), "{}", r.body);
    assert!(p.get(&format!("/r/{slug}")).await.body.contains("This campaign has ended"));
    // The report is there without a manual close.
    assert_eq!(owner.get(&format!("{page}/report")).await.status, 200);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_irreversible_action_refuses_without_its_ticked_box_and_works_with_it() {
    let (srv, mut owner) = signed_in_owner().await;
    let (id, slug) = build_and_open_with(&mut owner, "Pulse", &[]).await;
    let page = format!("/admin/campaigns/{id}");
    respond(&srv, &slug, "A story to exclude.").await;
    let (mut mo, _) = invite(&srv, &mut owner, "moderator", "mo").await;
    let refused = "Tick the box to confirm; nothing was changed.";

    // Each action: without the box (as a JS-off browser sends an unticked checkbox: not at
    // all), then with it.
    let c = srv.state.campaigns().get(&id).unwrap();
    let (stories, _) = srv.state.moderation().stories(&c).unwrap();
    let story = format!("{page}/stories/{}/{}", stories[0].response, stories[0].question);
    let r = mo.post(&format!("{story}/quote"), &[("text", "Someone wrote.")]).await;
    assert_eq!(r.status, 303);
    let quote = srv.state.moderation().quotes(&c).unwrap()[0].id.clone();

    let r = mo.post(&format!("{page}/quotes/{quote}/withdraw"), &[]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains(refused), "{}", r.body);
    assert_ne!(
        srv.state.moderation().quotes(&c).unwrap()[0].status,
        tellpoint::store::QuoteStatus::Withdrawn
    );
    let r = mo.post(&format!("{page}/quotes/{quote}/withdraw"), &[("confirm", "yes")]).await;
    assert_eq!(r.status, 303);
    assert_eq!(
        srv.state.moderation().quotes(&c).unwrap()[0].status,
        tellpoint::store::QuoteStatus::Withdrawn
    );
    assert!(mo.get(r.location()).await.body.contains("The quote is withdrawn."));

    let r = mo.post(&format!("{story}/mark"), &[("mark", "excluded")]).await;
    assert_eq!(r.status, 422);
    assert_eq!(srv.state.moderation().stories(&c).unwrap().1, 0, "not excluded");
    let r = mo.post(&format!("{story}/mark"), &[("mark", "excluded"), ("confirm", "yes")]).await;
    assert_eq!(r.status, 303);
    assert_eq!(srv.state.moderation().stories(&c).unwrap().1, 1);

    let r = owner.post(&format!("{page}/questions/q2/delete"), &[]).await;
    assert_eq!(r.status, 422);
    let q = srv.state.campaigns().current_questionnaire(&c).unwrap();
    assert!(q.question("q2").is_some());
    let r = owner.post(&format!("{page}/questions/q2/delete"), &[("confirm", "yes")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let c = srv.state.campaigns().get(&id).unwrap();
    assert!(srv.state.campaigns().current_questionnaire(&c).unwrap().question("q2").is_none());

    let r = owner.post("/admin/staff/mo/reset-mfa", &[]).await;
    assert_eq!(r.status, 422);
    let r = owner.post("/admin/staff/mo/disable", &[]).await;
    assert_eq!(r.status, 422);
    assert_eq!(mo.get("/admin").await.status, 200, "still signed in");
    let r = owner.post("/admin/staff/mo/disable", &[("confirm", "yes")]).await;
    assert_eq!(r.status, 303);
    assert!(owner.get(r.location()).await.body.contains("The account is changed."));
    assert_ne!(mo.get("/admin").await.status, 200, "disabled, signed out");
    // One's own account is never disabled (the owner used to land on the sign-in page
    // with no word of why).
    let r = owner.post("/admin/staff/olga/disable", &[("confirm", "yes")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("You cannot disable your own account"), "{}", r.body);

    let r = owner.post("/admin/erasure/run", &[]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains(refused));

    let r = owner.post(&format!("{page}/status"), &[("status", "closed")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains(refused));
    assert!(owner.get(&page).await.body.contains("<strong>open</strong>"));
    let r = owner.post(&format!("{page}/status"), &[("status", "closed"), ("confirm", "yes")]).await;
    assert_eq!(r.status, 303);
    assert!(owner.get(&page).await.body.contains("<strong>closed</strong>"));
}

#[tokio::test(flavor = "multi_thread")]
async fn invites_are_listed_and_revocable_and_the_audit_log_reads_as_words() {
    let (_srv, mut owner) = signed_in_owner().await;
    let (id, _) = build_and_open(&mut owner, "Autumn pulse").await;
    let r = owner.post("/admin/staff/invite", &[("role", "reviewer")]).await;
    assert_eq!(r.status, 200);
    let body = r.body.replace("&#x2f;", "/");
    let at = body.find("/setup/").unwrap();
    let link: String = body[at..].chars().take_while(|c| *c != '<' && *c != '"').collect();
    let staff = owner.get("/admin/staff").await.body;
    assert!(staff.contains("Invites not used yet") && staff.contains("Revoke"), "{staff}");
    let action = staff.replace("&#x2f;", "/");
    let at = action.find("/admin/staff/invites/").unwrap();
    let revoke: String = action[at..].chars().take_while(|c| *c != '"').collect();
    let r = owner.post(&revoke, &[]).await;
    assert_eq!(r.status, 303);
    let staff = owner.get(r.location()).await.body;
    assert!(staff.contains("The invite is revoked") && staff.contains("No invite is waiting."), "{staff}");
    assert_ne!(owner.get(&link).await.status, 200, "a revoked invite's link no longer works");
    let again = owner.post(&revoke, &[]).await;
    assert_eq!(again.status, 422);
    assert!(again.body.contains("already used, revoked or expired"));

    // The audit log: actions in words, campaigns by title, local time, no ids.
    let log = owner.get("/admin/audit").await.body;
    for words in ["Opened the campaign", "Autumn pulse", "Created an invite", "Revoked an invite", "reviewer"]
    {
        assert!(log.contains(words), "{words:?} in the audit log: {log}");
    }
    assert!(!log.contains(&id), "no campaign id");
    assert!(!log.contains("campaign.opened") && !log.contains(" UTC"), "{log}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_builder_names_fields_in_words_takes_optional_scale_labels_and_moves_by_number() {
    let (srv, mut owner) = signed_in_owner().await;
    let r = owner.post("/admin/campaigns", &[("title", "Builder")]).await;
    let page = r.location().to_string();
    let id = page.rsplit('/').next().unwrap().to_string();
    common::campaign::save_settings(
        &mut owner,
        &id,
        "Builder",
        &[("languages", "en"), ("languages", "sv"), ("title_sv", "Byggare"), ("intro_sv", "Berätta.")],
    )
    .await;
    let add = format!("{page}/questions");
    // The kinds are offered by name with what each is for.
    let form = owner.get(&page).await.body;
    assert!(form.contains("A number from low to high"), "{form}");

    // A missing Swedish prompt: named in words, linked to its field, marked there.
    let r = owner
        .post(&add, &[("kind", "scale"), ("prompt_en", "How was it?"), ("min", "1"), ("max", "5")])
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("href=\"#f-prompt-sv\">Question (Svenska): missing"), "{}", r.body);
    assert!(
        r.body.contains("id=\"f-prompt-sv\" name=\"prompt_sv\" value=\"\" aria-invalid=\"true\""),
        "{}",
        r.body
    );
    assert!(!r.body.contains("prompt.sv"), "no internal paths");
    // A number out of range, in words.
    let r = owner
        .post(
            &add,
            &[("kind", "scale"), ("prompt_en", "How?"), ("prompt_sv", "Hur?"), ("min", "1"), ("max", "40")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("a whole number from 2 to 11"), "{}", r.body);
    // End labels are optional, but one given in English is needed in Swedish too.
    let r = owner
        .post(
            &add,
            &[
                ("kind", "scale"),
                ("prompt_en", "How?"),
                ("prompt_sv", "Hur?"),
                ("min", "1"),
                ("max", "5"),
                ("low_en", "bad"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("#f-low-sv"), "{}", r.body);
    for prompt in ["First?", "Second?", "Third?"] {
        let r = owner
            .post(
                &add,
                &[
                    ("kind", "scale"),
                    ("prompt_en", prompt),
                    ("prompt_sv", prompt),
                    ("min", "1"),
                    ("max", "5"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    // The third question moves to the first place by number.
    let c = srv.state.campaigns().get(&id).unwrap();
    let q = srv.state.campaigns().current_questionnaire(&c).unwrap();
    let third = q.questions[2].id.clone();
    let r = owner.post(&format!("{page}/questions/{third}/move"), &[("to", "1")]).await;
    assert_eq!(r.status, 303);
    let q = srv.state.campaigns().current_questionnaire(&c).unwrap();
    let order: Vec<&str> =
        q.questions.iter().map(|x| x.prompt.get(&tellpoint::model::Lang::EN).unwrap().as_str()).collect();
    assert_eq!(order, ["Third?", "First?", "Second?"]);
    // The form shows a scale without end labels as plain numbers.
    owner.post(&format!("{page}/status"), &[("status", "open")]).await;
    let body = owner.get(&page).await.body.replace("&#x2f;", "/");
    let at = body.find("/r/").unwrap();
    let slug: String = body[at + 3..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let form = srv.browser().get(&format!("/r/{slug}")).await.body;
    assert!(!form.contains("1 = <") && !form.contains("class=\"poles\""), "{form}");
}
