//! Figures over HTTP: only completed weeks, released once and shown the same on every
//! surface (dashboard, summary, report, exports); small and derivable counts hidden;
//! results that stay together across questionnaire edits that keep a question's meaning;
//! and who may see them.

mod common;

use std::collections::BTreeMap;

use common::campaign::{answer, build_and_open_with, full_answers};
use common::{Account, Browser, InProcess, invite, sign_in, without_form_token};

/// Monday 1 December 2031, 10:00 in Stockholm; the campaign runs four weeks from then.
const MONDAY: &str = "2031-12-01T10:00:00+01:00";
const SETTINGS: [(&str, &str); 2] = [("start", "2031-12-01"), ("end", "2031-12-28")];

/// An owner signed in on a server whose clock reads `MONDAY`, taking many form posts.
async fn owner_on_monday() -> (InProcess, Browser, Account) {
    common::owner_at_with(MONDAY, |c| c.limits.form_posts_per_minute = 10_000).await
}

/// Moves the clock to `when` and signs in again (the session's idle time has run out).
async fn later(srv: &InProcess, b: &mut Browser, owner: &mut Account, when: &str) {
    srv.set_time(when);
    owner.next_offset = owner.next_offset.max(srv.clock.now() - jiff::Timestamp::now().as_second());
    sign_in(b, owner).await;
}

/// The cells of the table row headed `label` inside the section `fig-{id}`.
pub fn row_cells(body: &str, id: &str, label: &str) -> Vec<String> {
    let start = body.find(&format!("id=\"fig-{id}\"")).unwrap_or_else(|| panic!("no section {id}"));
    let section = &body[start..];
    let section = &section[..section.find("</section>").unwrap()];
    let head = format!("<th scope=\"row\">{label}</th>");
    let at = section.find(&head).unwrap_or_else(|| panic!("no row {label} in {id}"));
    let row = &section[at + head.len()..];
    let row = &row[..row.find("</tr>").unwrap()];
    row.split("<td>").skip(1).map(|c| strip_tags(&c[..c.find("</td>").unwrap()])).collect()
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for ch in s.chars() {
        match ch {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// `n` responses: the first `yes` say yes to q7, the rest no; q2 is "At work" for the first
/// `at_work`, "Online" for the rest.
async fn responses(srv: &InProcess, slug: &str, n: usize, yes: usize, at_work: usize) {
    for i in 0..n {
        let mut p: Browser = srv.browser();
        let mut answers = full_answers("");
        answers.retain(|(k, _)| k != "q.q8" && k != "q.q7" && k != "q.q2");
        answers.push(("q.q7".into(), if i < yes { "yes" } else { "no" }.into()));
        answers.push(("q.q2".into(), if i < at_work { "o1" } else { "o2" }.into()));
        let r = answer(&mut p, slug, &answers).await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
}

/// Every figure of a CSV export: (period, group, question, value) → count ("" hidden).
fn csv_cells(body: &str) -> BTreeMap<(String, String, String, String), String> {
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col =
        |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let (period, group, question, value, count) =
        (col("period"), col("group"), col("question"), col("value"), col("count"));
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            ((r[period].into(), r[group].into(), r[question].into(), r[value].into()), r[count].into())
        })
        .collect()
}

/// What an analyst can download: the dashboard, both exports and the summaries page.
async fn every_view(b: &mut Browser, reader: &mut Browser, id: &str, slug: &str) -> Vec<String> {
    let mut out = Vec::new();
    for path in [
        format!("/admin/campaigns/{id}/dashboard"),
        format!("/admin/campaigns/{id}/export/aggregates.csv"),
        format!("/admin/campaigns/{id}/export/aggregates.json"),
    ] {
        out.push(without_form_token(&b.get(&path).await.body));
    }
    out.push(without_form_token(&reader.get(&format!("/s/{slug}")).await.body));
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn only_completed_weeks_are_shown_then_all_at_once_and_frozen() {
    let (srv, mut b, mut owner) = owner_on_monday().await;
    let (id, slug) = build_and_open_with(&mut b, "Pulse", &SETTINGS).await;
    let mut reader = srv.browser();
    responses(&srv, &slug, 12, 10, 9).await;
    let page = b.get(&format!("/admin/campaigns/{id}/dashboard")).await;
    assert!(page.body.contains("No figures are released yet"), "{}", page.body);
    assert!(page.body.contains("Only completed weeks are shown"));
    assert!(page.body.contains("appear on Monday 8 December"), "{}", page.body);

    // One more response in the running week: no view changes.
    let before = every_view(&mut b, &mut reader, &id, &slug).await;
    responses(&srv, &slug, 1, 1, 1).await;
    let after = every_view(&mut b, &mut reader, &id, &slug).await;
    assert_eq!(before, after, "nothing of the running week shows");

    // Once the week has ended, the whole week at once: 13 responses.
    later(&srv, &mut b, &mut owner, "2031-12-08T01:30:00+01:00").await;
    let page = b.get(&format!("/admin/campaigns/{id}/dashboard")).await;
    assert_eq!(row_cells(&page.body, "q1", "Answered"), vec!["13"], "{}", page.body);
    let csv = b.get(&format!("/admin/campaigns/{id}/export/aggregates.csv")).await.body;
    let week = "2031-12-01".to_string();
    assert_eq!(csv_cells(&csv)[&(week.clone(), "all".into(), String::new(), "responses".into())], "13");

    // Later answers go to later weeks: the released week never changes.
    responses(&srv, &slug, 3, 3, 3).await;
    later(&srv, &mut b, &mut owner, "2031-12-15T02:00:00+01:00").await;
    let later = b.get(&format!("/admin/campaigns/{id}/export/aggregates.csv")).await.body;
    let first_week = |csv: &str| -> Vec<(String, String)> {
        csv_cells(csv).into_iter().filter(|(k, _)| k.0 == week).map(|(k, v)| (format!("{k:?}"), v)).collect()
    };
    assert_eq!(first_week(&csv), first_week(&later), "a released week is frozen");
    // The second week had 3 responses (< k): it waits to join the next one.
    assert!(!csv_cells(&later).keys().any(|k| k.0 == "2031-12-08"), "{later}");
}

#[tokio::test(flavor = "multi_thread")]
async fn small_counts_and_counts_that_would_give_them_away_are_hidden() {
    let (srv, mut b, mut owner) = owner_on_monday().await;
    let (id, slug) = build_and_open_with(&mut b, "Pulse", &SETTINGS).await;
    responses(&srv, &slug, 12, 10, 9).await;
    later(&srv, &mut b, &mut owner, "2031-12-08T01:30:00+01:00").await;
    let page = b.get(&format!("/admin/campaigns/{id}/dashboard")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("<svg class=\"chart\""), "charts are inline SVG");
    assert_eq!(row_cells(&page.body, "q1", "4"), vec!["12"], "everyone answered 4");
    assert_eq!(row_cells(&page.body, "q1", "2"), vec!["0"], "a zero describes nobody");
    assert_eq!(row_cells(&page.body, "q7", "No"), vec!["hidden"], "2 is below k = 5");
    assert_eq!(row_cells(&page.body, "q7", "Yes"), vec!["hidden"], "10 = 12 − 2 would reveal 2");
    assert_eq!(row_cells(&page.body, "q2", "Online"), vec!["hidden"], "3 is below k");
    assert_eq!(row_cells(&page.body, "q2", "At work"), vec!["hidden"], "9 = 12 − 3 would reveal 3");
    assert!(page.body.contains("Fewer than 5 responses"));

    let (mut analyst, _) = invite(&srv, &mut b, "analyst", "anna").await;
    assert_eq!(analyst.get(&format!("/admin/campaigns/{id}/dashboard")).await.status, 200);
    let (mut moderator, _) = invite(&srv, &mut b, "moderator", "mo").await;
    assert_eq!(moderator.get(&format!("/admin/campaigns/{id}/dashboard")).await.status, 403);
    let (mut reviewer, _) = invite(&srv, &mut b, "reviewer", "rey").await;
    assert_eq!(reviewer.get(&format!("/admin/campaigns/{id}/dashboard")).await.status, 403);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_surface_shows_the_same_release_cell_by_cell() {
    let (srv, mut b, mut owner) = owner_on_monday().await;
    let (id, slug) = build_and_open_with(&mut b, "Pulse", &SETTINGS).await;
    // Split by "Where did it happen?", once the question exists.
    let settings = [SETTINGS[0], SETTINGS[1], ("breakdown", "q2")];
    common::campaign::save_settings(&mut b, &id, "Pulse", &settings).await;
    responses(&srv, &slug, 20, 13, 11).await;
    later(&srv, &mut b, &mut owner, "2031-12-08T01:30:00+01:00").await;
    let c = srv.state.campaigns().get(&id).unwrap();
    let released = tellpoint::figures::releases(&srv.state.store, &c, srv.clock.now()).unwrap();
    let key = tellpoint::jobs::summaries::summary_key(&released[0]);
    assert!(tellpoint::jobs::summaries::publish(&srv.state, &c, key, srv.clock.now()).unwrap());

    let dashboard = b.get(&format!("/admin/campaigns/{id}/dashboard")).await.body;
    let summary = srv.browser().get(&format!("/s/{slug}")).await.body;
    let csv = csv_cells(&b.get(&format!("/admin/campaigns/{id}/export/aggregates.csv")).await.body);
    let json: serde_json::Value =
        serde_json::from_str(&b.get(&format!("/admin/campaigns/{id}/export/aggregates.json")).await.body)
            .unwrap();
    let week = "2031-12-01".to_string();
    for (question, value, label) in [
        ("q1", "4", "4"),
        ("q1", "3", "3"),
        ("q7", "yes", "Yes"),
        ("q7", "no", "No"),
        ("q4", "neutral", "neutral"),
    ] {
        let from_csv = &csv[&(week.clone(), "all".into(), format!("{question}@1"), value.into())];
        let shown = if from_csv.is_empty() { "hidden".to_string() } else { from_csv.clone() };
        assert_eq!(
            row_cells(&dashboard, question, label),
            vec![shown.clone()],
            "dashboard {question} {value}"
        );
        assert_eq!(row_cells(&summary, question, label), vec![shown.clone()], "summary {question} {value}");
        let in_json = json["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| {
                r["period"] == week.as_str()
                    && r["group"] == "all"
                    && r["question"] == format!("{question}@1")
                    && r["value"] == value
            })
            .unwrap();
        let json_shown = in_json["count"].as_u64().map_or("hidden".to_string(), |n| n.to_string());
        assert_eq!(json_shown, shown, "json {question} {value}");
    }
    // The split: groups of at least k, the same cells in the dashboard and the exports.
    let split = b.get(&format!("/admin/campaigns/{id}/dashboard?split=2031-12-01")).await.body;
    assert!(split.contains("split by"), "{split}");
    assert!(csv.keys().any(|k| k.1 == "o1") && csv.keys().any(|k| k.1 == "o2"), "both groups are exported");
}

/// The form fields that save question `id` of kind `kind` with these fields.
async fn edit_question(
    b: &mut Browser,
    id: &str,
    qid: &str,
    kind: &str,
    fields: &[(&str, &str)],
) -> common::Reply {
    let mut all = fields.to_vec();
    all.push(("kind", kind));
    b.post(&format!("/admin/campaigns/{id}/questions/{qid}"), &all).await
}

#[tokio::test(flavor = "multi_thread")]
async fn edits_that_keep_a_questions_meaning_keep_its_results_together() {
    let (srv, mut b, mut owner) = owner_on_monday().await;
    let (id, slug) = build_and_open_with(&mut b, "Pulse", &SETTINGS).await;
    responses(&srv, &slug, 50, 30, 40).await;
    // A new option, a reworded question: the next version, the same results.
    let r = edit_question(
        &mut b,
        &id,
        "q2",
        "single",
        &[("prompt_en", "Where was it?"), ("options_en", "At work\nAt home\nOnline\nElsewhere")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = edit_question(&mut b, &id, "q7", "yesno", &[("prompt_en", "Did you tell someone?")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let c = srv.state.campaigns().get(&id).unwrap();
    assert_eq!(c.version, 2);
    responses(&srv, &slug, 10, 5, 10).await;
    later(&srv, &mut b, &mut owner, "2031-12-08T01:30:00+01:00").await;
    let page = b.get(&format!("/admin/campaigns/{id}/dashboard")).await.body;
    assert_eq!(row_cells(&page, "q7", "Yes"), vec!["35"], "30 + 5 across both versions");
    assert_eq!(row_cells(&page, "q2", "At work"), vec!["50"], "40 + 10: the option kept its id");
    assert_eq!(row_cells(&page, "q2", "At home"), vec!["0"], "the added option");
    assert_eq!(row_cells(&page, "q1", "Answered"), vec!["60"]);
    let csv = csv_cells(&b.get(&format!("/admin/campaigns/{id}/export/aggregates.csv")).await.body);
    let week = "2031-12-01".to_string();
    assert_eq!(csv[&(week.clone(), "all".into(), "q2@1".into(), "o1".into())], "50");

    // A new scale range changes what the answers mean: asked first, then a break.
    let scale = [
        ("prompt_en", "How included did you feel?"),
        ("min", "1"),
        ("max", "7"),
        ("low_en", "not at all"),
        ("high_en", "fully"),
        ("required", "on"),
    ];
    let r = edit_question(&mut b, &id, "q1", "scale", &scale).await;
    assert_eq!(r.status, 422, "asks first");
    assert!(
        r.body.contains("This edit changes what the question means") && r.body.contains("from 1–5 to 1–7"),
        "{}",
        r.body
    );
    assert!(r.body.contains("value=\"7\""), "the input is kept");
    let mut confirmed = scale.to_vec();
    confirmed.push(("confirm_break", "yes"));
    assert_eq!(edit_question(&mut b, &id, "q1", "scale", &confirmed).await.status, 303);
    responses(&srv, &slug, 6, 6, 6).await;
    later(&srv, &mut b, &mut owner, "2031-12-15T02:00:00+01:00").await;
    let page = b.get(&format!("/admin/campaigns/{id}/dashboard")).await.body;
    assert!(page.contains("Counted from questionnaire version 3"), "the break is shown");
    let csv = csv_cells(&b.get(&format!("/admin/campaigns/{id}/export/aggregates.csv")).await.body);
    assert_eq!(
        csv[&(week.clone(), "all".into(), "q1@1".into(), "4".into())],
        "60",
        "the old answers stay as they were"
    );
    assert!(csv.keys().any(|k| k.2 == "q1@3" && k.0 == "2031-12-08"), "the new meaning counts on its own");
    // The report and exports of the whole campaign after it closes count every response.
    assert_eq!(
        b.post(&format!("/admin/campaigns/{id}/status"), &[("status", "closed"), ("confirm", "yes")])
            .await
            .status,
        303
    );
    let report = b.get(&format!("/admin/campaigns/{id}/report")).await;
    assert_eq!(report.status, 200, "{}", report.body);
    assert!(report.body.contains("66 responses"), "{}", report.body);
    assert_eq!(row_cells(&report.body, "q7", "Yes").last().unwrap(), "41", "{}", report.body);
}
