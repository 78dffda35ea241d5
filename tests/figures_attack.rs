//! The analyst's attack, as an analyst would make it: a campaign of seven questions with small
//! groups in every week, split by where it happened, over three weeks and then as a whole;
//! every released figure downloaded, and every hidden one solved for by integer programming
//! (`figures_attack.py`, HiGHS through scipy), knowing two respondents' own answers. No small
//! count may come out exact or pinned inside 1..k−1.

mod common;

use std::process::Command;

use rand::{Rng, SeedableRng};

use common::campaign::{answer, build_and_open_with, save_settings};
use common::smtp::python_having;
use common::{Account, Browser, InProcess, sign_in};

/// Monday 1 December 2031, 10:00 in Stockholm.
const MONDAY: &str = "2031-12-01T10:00:00+01:00";

async fn owner() -> (InProcess, Browser, Account) {
    common::owner_at_with(MONDAY, |c| c.limits.form_posts_per_minute = 10_000).await
}

/// One respondent's answers, designed to leave small groups everywhere: of each week's 22,
/// twelve were at work, seven online and three elsewhere; nearly everyone at work told
/// someone; scale, mood, slider, triad and tags spread thin.
fn answers(rng: &mut impl Rng, i: usize) -> Vec<(String, String)> {
    let place = if i < 12 {
        "o1"
    } else if i < 19 {
        "o2"
    } else {
        "o3"
    };
    let told = if place == "o1" { i != 0 } else { i.is_multiple_of(2) };
    let scale = ["4", "4", "4", "3", "4", "5", "2", "4", "1", "4", "3", "5"][rng.gen_range(0..12)];
    let mut out = vec![
        ("q.q1", scale.to_string()),
        ("q.q2", place.to_string()),
        ("q.q4", rng.gen_range(0..5).to_string()),
        ("q.q5", [12, 35, 73, 90, 55][rng.gen_range(0..5)].to_string()),
        ("q.q7", if told { "yes" } else { "no" }.to_string()),
    ];
    let (a, b) = [(20, 30), (70, 10), (0, 100), (40, 40)][rng.gen_range(0..4)];
    out.extend([("q.q6.a", a.to_string()), ("q.q6.b", b.to_string()), ("q.q6.c", (100 - a - b).to_string())]);
    for tag in ["o1", "o2", "o3", "o4"].iter().filter(|_| rng.gen_bool(0.3)).take(2) {
        out.push(("q.q3", tag.to_string()));
    }
    out.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn integer_programming_over_every_release_recovers_no_small_count() {
    let python = python_having("scipy", "scipy", "scipy-venv");
    let (srv, mut b, mut owner) = owner().await;
    let settings = [("start", "2031-12-01"), ("end", "2031-12-21")];
    let (id, slug) = build_and_open_with(&mut b, "Attack", &settings).await;
    save_settings(&mut b, &id, "Attack", &[settings[0], settings[1], ("breakdown", "q2")]).await;
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    for week in 0..3 {
        for i in 0..22 {
            let mut p = srv.browser();
            let r = answer(&mut p, &slug, &answers(&mut rng, i)).await;
            assert_eq!(r.status, 303, "{}", r.body);
        }
        srv.clock.advance(7 * 86_400);
        let _ = week;
    }
    // After the end: every week and the whole campaign are released.
    srv.set_time("2031-12-22T12:00:00+01:00");
    owner.next_offset = owner.next_offset.max(srv.clock.now() - jiff::Timestamp::now().as_second());
    sign_in(&mut b, &mut owner).await;
    let c = srv.state.campaigns().get(&id).unwrap();
    let started = std::time::Instant::now();
    tellpoint::figures::releases(&srv.state.store, &c, srv.clock.now()).unwrap();
    println!(
        "released 3 weeks and the whole campaign (66 responses, 7 questions, split) in {:?}",
        started.elapsed()
    );
    let export = b.get(&format!("/admin/campaigns/{id}/export/aggregates.json")).await;
    assert_eq!(export.status, 200);
    let doc: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let rows = doc["rows"].as_array().unwrap();
    let periods: std::collections::BTreeSet<&str> =
        rows.iter().filter_map(|r| r["period"].as_str()).collect();
    assert_eq!(periods.len(), 4, "three weeks and the whole campaign: {periods:?}");
    assert!(rows.iter().any(|r| r["group"] != "all"), "weeks are split by where it happened");
    let raw = b.post(&format!("/admin/campaigns/{id}/export/raw"), &[]).await.body;

    let input = serde_json::json!({
        "k": 5,
        "breakdown": "q2",
        "kinds": {"q1": "scale", "q2": "single", "q3": "multi", "q4": "mood", "q5": "slider", "q6": "triad", "q7": "yesno"},
        "rows": rows,
        "raw": raw,
        "known": [0, 1],
    });
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), input.to_string()).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/figures_attack.py");
    let out = Command::new(python).arg(script).arg(file.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hidden = report["hidden"].as_array().unwrap();
    let small = hidden.iter().filter(|h| (1..5).contains(&h["truth"].as_u64().unwrap())).count();
    println!(
        "{} hidden counts attacked, {small} of them small (1..4); breaches: {}",
        hidden.len(),
        report["breaches"]
    );
    assert!(small >= 20, "the design leaves small groups to protect");
    assert_eq!(report["breaches"].as_array().unwrap().len(), 0, "{}", report["breaches"]);
}
