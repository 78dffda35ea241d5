//! Building a campaign through the admin pages, as an owner would, and answering it.

use super::smtp::SmtpServer;
use super::{Browser, input_value};

/// The form fields of one question of each kind, in English.
pub fn every_kind() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            "scale",
            vec![
                ("prompt_en", "How included did you feel?"),
                ("min", "1"),
                ("max", "5"),
                ("low_en", "not at all"),
                ("high_en", "fully"),
                ("dont_know", "on"),
                ("required", "on"),
            ],
        ),
        ("single", vec![("prompt_en", "Where did it happen?"), ("options_en", "At work\nOnline\nElsewhere")]),
        (
            "multi",
            vec![
                ("prompt_en", "What was it about?"),
                ("options_en", "Language\nAge\nGender\nOther"),
                ("max_picks", "2"),
            ],
        ),
        ("mood", vec![("prompt_en", "How do you feel now?")]),
        ("slider", vec![("prompt_en", "Was it more…"), ("left_en", "a one-off"), ("right_en", "a pattern")]),
        (
            "triad",
            vec![
                ("prompt_en", "What mattered most?"),
                ("pole1_en", "people"),
                ("pole2_en", "rules"),
                ("pole3_en", "place"),
            ],
        ),
        ("yesno", vec![("prompt_en", "Did you tell anyone?")]),
        ("story", vec![("prompt_en", "What happened?"), ("max_len", "600")]),
    ]
}

/// The Swedish or Dutch of `every_kind`'s English texts (option lists line by line).
pub fn translate(english: &str, lang: &str) -> String {
    const WORDS: [(&str, &str, &str); 26] = [
        ("Tell us what you experienced.", "Berätta vad du var med om.", "Vertel ons wat je hebt meegemaakt."),
        ("How included did you feel?", "Hur inkluderad kände du dig?", "Hoe betrokken voelde je je?"),
        ("not at all", "inte alls", "helemaal niet"),
        ("fully", "helt", "volledig"),
        ("Where did it happen?", "Var hände det?", "Waar gebeurde het?"),
        ("At work", "På jobbet", "Op het werk"),
        ("Online", "På nätet", "Online"),
        ("Elsewhere", "Någon annanstans", "Ergens anders"),
        ("What was it about?", "Vad handlade det om?", "Waar ging het over?"),
        ("Language", "Språk", "Taal"),
        ("Age", "Ålder", "Leeftijd"),
        ("Gender", "Kön", "Gender"),
        ("Other", "Annat", "Anders"),
        ("How do you feel now?", "Hur mår du nu?", "Hoe voel je je nu?"),
        ("Was it more…", "Var det mer…", "Was het meer…"),
        ("a one-off", "en engångshändelse", "een eenmalig voorval"),
        ("a pattern", "ett mönster", "een patroon"),
        ("What mattered most?", "Vad betydde mest?", "Wat was het belangrijkst?"),
        ("people", "människor", "mensen"),
        ("rules", "regler", "regels"),
        ("place", "plats", "plek"),
        ("Did you tell anyone?", "Berättade du för någon?", "Heb je het iemand verteld?"),
        ("What happened?", "Vad hände?", "Wat is er gebeurd?"),
        (
            "At work\nOnline\nElsewhere",
            "På jobbet\nPå nätet\nNågon annanstans",
            "Op het werk\nOnline\nErgens anders",
        ),
        ("Language\nAge\nGender\nOther", "Språk\nÅlder\nKön\nAnnat", "Taal\nLeeftijd\nGender\nAnders"),
        ("600", "600", "600"),
    ];
    let row = WORDS.iter().find(|(en, _, _)| *en == english);
    match (row, lang) {
        (Some((_, sv, _)), "sv") => sv.to_string(),
        (Some((_, _, nl)), "nl") => nl.to_string(),
        _ => format!("{english} ({lang})"),
    }
}

/// Creates a campaign, sets dates around today, adds one question of every kind, opens it.
/// Returns (campaign id, slug).
pub async fn build_and_open(b: &mut Browser, title: &str) -> (String, String) {
    build_and_open_with(b, title, &[]).await
}

/// The same, with settings fields replaced by `overrides` (a repeated field such as
/// `remind_days` may be given several times).
pub async fn build_with(b: &mut Browser, title: &str, overrides: &[(&str, &str)]) -> String {
    let r = b.post("/admin/campaigns", &[("title", title)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = r.location().to_string();
    let id = page.rsplit('/').next().unwrap().to_string();
    let offered: Vec<&str> = overrides.iter().filter(|(k, _)| *k == "languages").map(|(_, v)| *v).collect();
    // Other languages get the title and introduction too, unless the test writes texts itself.
    let mut texts: Vec<(String, String)> = Vec::new();
    if !overrides.iter().any(|(k, _)| k.starts_with("title_")) {
        for lang in offered.iter().filter(|l| **l != "en") {
            texts.push((format!("title_{lang}"), format!("{title} ({lang})")));
            texts.push((format!("intro_{lang}"), translate("Tell us what you experienced.", lang)));
        }
    }
    let mut all: Vec<(&str, &str)> = overrides.to_vec();
    all.extend(texts.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    save_settings(b, &id, title, &all).await;
    for (kind, fields) in every_kind() {
        let form = b.get(&format!("{page}/questions?kind={kind}")).await;
        assert_eq!(form.status, 200, "{kind} form");
        let mut fields: Vec<(String, String)> =
            fields.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        for lang in offered.iter().filter(|l| **l != "en") {
            let translated: Vec<(String, String)> = fields
                .iter()
                .filter_map(|(k, v)| Some((format!("{}_{lang}", k.strip_suffix("_en")?), translate(v, lang))))
                .collect();
            fields.extend(translated);
        }
        fields.push(("kind".into(), kind.into()));
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = b.post(&format!("{page}/questions"), &fields).await;
        assert_eq!(r.status, 303, "{kind}: {}", r.body);
    }
    id
}

/// The same, opened. Returns (campaign id, slug).
pub async fn build_and_open_with(
    b: &mut Browser,
    title: &str,
    overrides: &[(&str, &str)],
) -> (String, String) {
    let id = build_with(b, title, overrides).await;
    let page = format!("/admin/campaigns/{id}");
    let r = b.post(&format!("{page}/status"), &[("status", "open")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let body = b.get(&page).await.body.replace("&#x2f;", "/");
    let at = body.find("/r/").unwrap();
    let slug: String = body[at + 3..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    assert!(slug.len() >= 16, "an unguessable slug: {slug}");
    (id, slug)
}

/// Saves a campaign's settings: the ones `build_and_open` sets, with `overrides` replacing
/// or adding fields.
pub async fn save_settings(b: &mut Browser, id: &str, title: &str, overrides: &[(&str, &str)]) {
    let fields = settings_form(title, overrides);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = b.post(&format!("/admin/campaigns/{id}"), &fields).await;
    assert_eq!(r.status, 303, "settings: {}", r.body);
}

/// The settings form `save_settings` sends.
pub fn settings_form(title: &str, overrides: &[(&str, &str)]) -> Vec<(String, String)> {
    let today =
        jiff::Zoned::now().with_time_zone(jiff::tz::TimeZone::get("Europe/Stockholm").unwrap()).date();
    let start = today.checked_sub(jiff::Span::new().days(1)).unwrap().to_string();
    let end = today.checked_add(jiff::Span::new().days(30)).unwrap().to_string();
    let base = [
        ("title", title),
        ("intro", "Tell us what you experienced."),
        ("languages", "en"),
        ("start", start.as_str()),
        ("end", end.as_str()),
        ("time_zone", "Europe/Stockholm"),
        ("granularity", "day"),
        ("k", "5"),
        ("audience", "link"),
    ];
    base.into_iter()
        .filter(|(k, _)| !overrides.iter().any(|(o, _)| o == k))
        .chain(overrides.iter().copied())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A full, valid set of answers for `every_kind()` (question ids q1..q8).
pub fn full_answers(story: &str) -> Vec<(String, String)> {
    [
        ("q.q1", "4"),
        ("q.q2", "o2"),
        ("q.q3", "o1"),
        ("q.q3", "o3"),
        ("q.q4", "3"),
        ("q.q5", "73"),
        ("q.q6.a", "20"),
        ("q.q6.b", "30"),
        ("q.q6.c", "50"),
        ("q.q7", "no"),
        ("q.q8", story),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect()
}

/// Opens the form at `/r/{form}` and sends `answers` to the campaign with the form's own
/// nonce; returns the reply. `form` is a slug, or `slug/resume/code` for a saved form.
pub async fn answer(b: &mut Browser, form: &str, answers: &[(String, String)]) -> super::Reply {
    let page = b.get(&format!("/r/{form}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let nonce = input_value(&page.body, "nonce");
    let mut fields: Vec<(&str, &str)> = answers.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    fields.push(("nonce", &nonce));
    let slug = form.split('/').next().unwrap();
    b.post(&format!("/r/{slug}"), &fields).await
}

fn unescape(s: &str) -> String {
    s.replace("&#x2f;", "/")
}

/// Enrols `email` through the pages and the confirmation mail; returns the personal link path.
pub async fn enrol(p: &mut Browser, smtp: &SmtpServer, slug: &str, email: &str) -> String {
    let form = p.get(&format!("/e/{slug}")).await;
    assert_eq!(form.status, 200, "{}", form.body);
    let r = p.post(&format!("/e/{slug}"), &[("email", email), ("lang", "en")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Check your mail"));
    let mail = smtp.wait_for(email, 1).pop().unwrap();
    let confirm = mail.link("/confirm/");
    let page = p.get(&confirm).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let done = p.post(&confirm, &[]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    let body = unescape(&done.body);
    let at = body.find("/t/").expect("the personal link on the page");
    body[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect()
}

/// Opens a personal link and sends full answers with its ticket (or `ticket_override`).
pub async fn respond_with_ticket(
    p: &mut Browser,
    slug: &str,
    link: &str,
    ticket_override: Option<&str>,
) -> super::Reply {
    let form = p.get(link).await;
    assert_eq!(form.status, 200, "{}", form.body);
    let nonce = input_value(&form.body, "nonce");
    let ticket = ticket_override.map(String::from).unwrap_or_else(|| input_value(&form.body, "ticket"));
    let answers = full_answers("Someone talked over me in the meeting.");
    let mut fields: Vec<(&str, &str)> = answers.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    fields.push(("nonce", &nonce));
    if !ticket.is_empty() {
        fields.push(("ticket", &ticket));
    }
    p.post(&format!("/r/{slug}"), &fields).await
}
