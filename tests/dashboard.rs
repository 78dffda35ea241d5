//! Dashboards, exports and reports over HTTP: figures from the counters, suppression of
//! small cells and of filtered groups whose complement is small, and who may see them.

mod common;

use common::campaign::{answer, build_and_open, full_answers};
use common::{Browser, invite, signed_in_owner};

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

/// Twelve responses: ten say yes to q7, two say no; q2 is "At work" for nine, "Online" for three.
async fn twelve_responses(srv: &common::InProcess, slug: &str) {
    for i in 0..12 {
        let mut p: Browser = srv.browser();
        let mut answers = full_answers("");
        answers.retain(|(k, _)| k != "q.q8" && k != "q.q7" && k != "q.q2");
        answers.push(("q.q7".into(), if i < 10 { "yes" } else { "no" }.into()));
        answers.push(("q.q2".into(), if i < 9 { "o1" } else { "o2" }.into()));
        let r = answer(&mut p, slug, &answers).await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn dashboard_shows_figures_and_hides_small_and_differencing_cells() {
    let (srv, mut b) = signed_in_owner().await;
    let (id, slug) = build_and_open(&mut b, "Pulse").await;
    twelve_responses(&srv, &slug).await;

    let page = b.get(&format!("/admin/campaigns/{id}/dashboard")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("<svg class=\"chart\""), "charts are inline SVG");
    assert_eq!(row_cells(&page.body, "q1", "4").last().unwrap(), "12", "everyone answered 4");
    assert_eq!(row_cells(&page.body, "q1", "2").last().unwrap(), "0", "a zero describes nobody");
    assert_eq!(row_cells(&page.body, "q1", "Answered").last().unwrap(), "12");
    assert_eq!(row_cells(&page.body, "q7", "No").last().unwrap(), "hidden", "2 is below k = 5");
    assert_eq!(row_cells(&page.body, "q7", "Yes").last().unwrap(), "hidden", "10 = 12 − 2 would reveal 2");
    assert_eq!(row_cells(&page.body, "q2", "Online").last().unwrap(), "hidden", "3 is below k");
    assert_eq!(row_cells(&page.body, "q2", "At work").last().unwrap(), "hidden", "9 = 12 − 3 would reveal 3");
    assert!(page.body.contains("Fewer than 5 responses"));

    // Filtered by "yes" to q7: 10 responses, but their complement in the period is 2.
    let filtered = b.get(&format!("/admin/campaigns/{id}/dashboard?filter=q7:0")).await;
    assert_eq!(filtered.status, 200);
    assert!(filtered.body.contains("Filtered: only responses that answered"));
    let responses = row_cells(&filtered.body, "q1", "Answered");
    assert!(responses.iter().all(|c| c == "hidden"), "10 − 12 leaves 2: {responses:?}");
    // A malformed filter shows everything rather than failing.
    assert_eq!(b.get(&format!("/admin/campaigns/{id}/dashboard?filter=q99:7")).await.status, 200);

    let (mut analyst, _) = invite(&srv, &mut b, "analyst", "anna").await;
    assert_eq!(analyst.get(&format!("/admin/campaigns/{id}/dashboard")).await.status, 200);
    let (mut moderator, _) = invite(&srv, &mut b, "moderator", "mo").await;
    assert_eq!(moderator.get(&format!("/admin/campaigns/{id}/dashboard")).await.status, 403);
    let (mut reviewer, _) = invite(&srv, &mut b, "reviewer", "rey").await;
    assert_eq!(reviewer.get(&format!("/admin/campaigns/{id}/dashboard")).await.status, 403);
}

#[tokio::test(flavor = "multi_thread")]
async fn report_after_close_and_exports_flag_suppressed_cells() {
    let (srv, mut b) = signed_in_owner().await;
    let (id, slug) = build_and_open(&mut b, "Pulse").await;
    twelve_responses(&srv, &slug).await;
    let report = format!("/admin/campaigns/{id}/report");
    let r = b.get(&report).await;
    assert_eq!(r.status, 409, "no report while the campaign is open");
    assert!(r.body.contains("comes after the campaign closes"));

    // Aggregates: CSV and JSON, suppressed cells empty and flagged.
    let csv = b.get(&format!("/admin/campaigns/{id}/export/aggregates.csv")).await;
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").starts_with("text/csv"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines[0], "question,value,period,count,suppressed");
    assert!(lines.contains(&"q7,no,all,,true"), "{}", csv.body);
    assert!(lines.contains(&"q7,yes,all,,true"));
    assert!(lines.contains(&"q1,4,all,12,false"));
    assert!(lines.contains(&",responses,all,12,false"));
    let json = b.get(&format!("/admin/campaigns/{id}/export/aggregates.json")).await;
    let doc: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    let rows = doc["rows"].as_array().unwrap();
    let no =
        rows.iter().find(|r| r["question"] == "q7" && r["value"] == "no" && r["period"] == "all").unwrap();
    assert_eq!((no["count"].clone(), no["suppressed"].clone()), (serde_json::Value::Null, true.into()));

    // Raw answers: owners only, after a warning, audited, never with stories.
    let (mut analyst, _) = invite(&srv, &mut b, "analyst", "anna").await;
    assert_eq!(analyst.get(&format!("/admin/campaigns/{id}/export/raw")).await.status, 403);
    assert_eq!(analyst.get(&format!("/admin/campaigns/{id}/export/aggregates.csv")).await.status, 200);
    let warning = b.get(&format!("/admin/campaigns/{id}/export/raw")).await;
    assert!(warning.body.contains("Think before you download"));
    let raw = b.post(&format!("/admin/campaigns/{id}/export/raw"), &[]).await;
    assert_eq!(raw.status, 200);
    assert_eq!(raw.body.lines().count(), 13, "a header and twelve responses");
    assert!(!raw.body.contains("q8"), "no story column");
    let (entries, _) = srv.state.store.audit_page(0, 10).unwrap();
    assert!(entries.iter().any(|e| e.action == "export.raw"));

    // Closed: the report, with method, k and every question.
    assert_eq!(b.post(&format!("/admin/campaigns/{id}/status"), &[("status", "closed")]).await.status, 303);
    let r = analyst.get(&report).await;
    assert_eq!(r.status, 200, "{}", r.body);
    for part in
        ["Final report", "Method", "k = 5", "How anonymity was protected", "What happened?", "In their words"]
    {
        assert!(r.body.contains(part), "{part}");
    }
    assert!(r.body.contains("report.css"));
    assert_eq!(row_cells(&r.body, "q7", "No").last().unwrap(), "hidden", "the report hides small cells too");
    assert_eq!(row_cells(&r.body, "q1", "4").last().unwrap(), "12");
}
