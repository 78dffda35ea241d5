//! A campaign in English, Swedish and Dutch: its own texts (title, introduction, thank-you
//! words, reminder subject and opening, summary introduction) reach each reader in their
//! language, on the form, the thank-you page, the reminder mail, the summary and the privacy
//! notice; a campaign lacking one of them in an offered language does not open, and says
//! which. And a fourth language added from a file of its own.

mod common;

use common::campaign::build_with;
use common::smtp::SmtpServer;
use common::{InProcess, input_value};

const TEXTS: [(&str, &str); 13] = [
    ("title_en", "Autumn pulse"),
    ("title_sv", "Höstpuls"),
    ("title_nl", "Herfstpeiling"),
    ("intro_en", "Tell us how the week went."),
    ("intro_nl", "Vertel ons hoe de week ging."),
    ("thanks_en", "See you next week."),
    ("thanks_sv", "Vi ses nästa vecka."),
    ("thanks_nl", "Tot volgende week."),
    ("mail_subject_en", "Your weekly pulse"),
    ("mail_subject_sv", "Din veckopuls"),
    ("mail_subject_nl", "Je wekelijkse peiling"),
    ("summary_intro_sv", "Så här gick hösten."),
    ("summary_intro_en", "This is how the autumn went."),
];

fn settings(extra: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut all = vec![
        ("audience", "enrolled"),
        ("languages", "en"),
        ("languages", "sv"),
        ("languages", "nl"),
        ("end", "2027-04-30"),
        ("remind_days", "fri"),
        ("remind_at", "15:30"),
    ];
    all.extend(TEXTS);
    all.extend(extra);
    all
}

#[tokio::test(flavor = "multi_thread")]
async fn each_reader_gets_the_campaigns_own_words_in_their_language() {
    let smtp = SmtpServer::start();
    let (srv, mut owner, mut account) = common::owner_mailing(&smtp).await;
    let id = build_with(&mut owner, "Autumn pulse", &settings(&[])).await;
    let page = format!("/admin/campaigns/{id}");

    // The builder shows each text once per language, side by side.
    let builder = owner.get(&page).await;
    for field in ["title_sv", "intro_sv", "intro_nl", "mail_intro_nl", "summary_intro_nl"] {
        assert!(builder.body.contains(&format!("name=\"{field}\"")), "{field} on the page");
    }
    assert!(builder.body.contains("value=\"Höstpuls\""));

    // No Swedish introduction (and no Dutch summary introduction): it does not open.
    let r = owner.post(&format!("{page}/status"), &[("status", "open")]).await;
    assert_eq!(r.status, 422, "the campaign page again, with the reason");
    assert!(r.body.contains("The campaign cannot open yet."), "{}", r.body);
    assert!(r.body.contains("Introduction above the form is missing in Svenska."), "{}", r.body);
    assert!(r.body.contains("Introduction of the weekly summaries is missing in Nederlands."));
    assert!(!r.body.contains("intro.sv") && !r.body.contains("intro_sv is"), "plain words, not a path");
    let full = settings(&[
        ("intro_sv", "Berätta hur veckan var."),
        ("summary_intro_nl", "Zo ging de herfst."),
        ("mail_intro_sv", "Det tar två minuter."),
        ("mail_intro_en", "It takes two minutes."),
        ("mail_intro_nl", "Het kost twee minuten."),
    ]);
    common::campaign::save_settings(&mut owner, &id, "Autumn pulse", &full).await;
    let r = owner.post(&format!("{page}/status"), &[("status", "open")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    // An open campaign cannot lose one of them either.
    let mut less = common::campaign::settings_form("Autumn pulse", &full);
    less.retain(|(k, _)| k != "thanks_nl");
    let less: Vec<(&str, &str)> = less.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = owner.post(&page, &less).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Thank-you text after sending is missing in Nederlands."), "{}", r.body);
    let slug = srv.state.campaigns().get(&id).unwrap().slug;

    // A Swedish participant: the mails, the form and the thank-you page in Swedish.
    let mut pia = srv.browser();
    let form = pia.get(&format!("/e/{slug}")).await;
    assert!(form.body.contains("Autumn pulse") || form.body.contains("Höstpuls"));
    let r = pia.post(&format!("/e/{slug}"), &[("email", "pia@example.org"), ("lang", "sv")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let confirm = smtp.wait_for("pia@example.org", 1).pop().unwrap();
    assert!(confirm.subject().contains("Höstpuls"), "{}", confirm.subject());
    let link = confirm.link("/confirm/");
    assert_eq!(pia.post(&link, &[]).await.status, 200);
    // Friday 26 March 2027, 15:30 in Stockholm: the reminder, in Swedish.
    srv.set_time("2027-03-26T14:31:00Z");
    assert_eq!(tellpoint::jobs::reminders::run(&srv.state, srv.clock.now()).unwrap(), 1);
    let mails = smtp.wait_for("pia@example.org", 2);
    let reminder = mails.iter().find(|m| !m.text.contains("/confirm/")).expect("the reminder");
    assert_eq!(reminder.subject(), "Din veckopuls");
    assert!(reminder.text.contains("Det tar två minuter."), "{}", reminder.text);
    let personal = reminder.link("/t/");
    let form = pia.get(&personal).await;
    assert!(form.body.contains("<h1>Höstpuls</h1>") && form.body.contains("Berätta hur veckan var."));
    let ticket = input_value(&form.body, "ticket");
    let nonce = input_value(&form.body, "nonce");
    let r = pia
        .post(&format!("/r/{slug}"), &[("ticket", &ticket), ("nonce", &nonce), ("lang", "sv"), ("q.q1", "4")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let thanks = pia.get(r.location()).await;
    assert!(
        thanks.body.contains("Vi ses nästa vecka.") && thanks.body.contains("Höstpuls"),
        "{}",
        thanks.body
    );

    // A Dutch reader of the privacy notice and the summaries; an English one.
    let mut reader = srv.browser();
    let notice = reader.get(&format!("/privacy/{slug}?lang=nl")).await;
    assert!(notice.body.contains("Herfstpeiling"), "{}", notice.body);
    let summary = reader.get(&format!("/s/{slug}?lang=nl")).await;
    assert!(summary.body.contains("Herfstpeiling") && summary.body.contains("Zo ging de herfst."));
    let summary = reader.get(&format!("/s/{slug}?lang=en")).await;
    assert!(summary.body.contains("Autumn pulse") && summary.body.contains("This is how the autumn went."));
    let notice = reader.get(&format!("/privacy/{slug}?lang=sv")).await;
    assert!(notice.body.contains("Höstpuls"));
    // A dead link says why in the reader's language too.
    let dead = reader.get_with_language("/r/nosuchcampaign", "sv-SE,sv;q=0.9").await;
    assert_eq!(dead.status, 404);
    assert!(dead.body.contains("<html lang=\"sv\">") && dead.body.contains("Hittades inte"), "{}", dead.body);
    let dead = reader.get("/r/nosuchcampaign?lang=nl").await;
    assert!(dead.body.contains("Niet gevonden") && dead.body.contains("Terug naar de startpagina"));

    // The owner who reads Swedish gets the settings' problems in Swedish.
    common::sign_in_again(&srv, &mut owner, &mut account).await;
    assert_eq!(owner.post("/account/language", &[("lang", "sv")]).await.status, 303);
    let mut bad = common::campaign::settings_form("Autumn pulse", &full);
    bad.retain(|(k, _)| k != "start" && k != "thanks_nl");
    bad.push(("start".into(), "snart".into()));
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = owner.post(&page, &bad).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Ange ett datum som ÅÅÅÅ-MM-DD."), "{}", r.body);
    assert!(r.body.contains("Inställningarna sparades inte"));
    drop(srv);
}

/// A fourth language from a file the binary does not ship: registered at start, offered by
/// a campaign, and its words on the participant's form.
#[tokio::test(flavor = "multi_thread")]
async fn a_fourth_language_is_one_more_file() {
    let finnish = tellpoint::i18n::add_language("fi", include_str!("data/fi.ftl")).unwrap();
    assert_eq!(finnish.name(), "Suomi");
    let srv = InProcess::start().await;
    let mut b = srv.browser();
    let setup = srv.setup_path();
    let mut owner = common::create_account(&mut b, &setup, "olga").await;
    srv.clock.advance(30);
    common::sign_in(&mut b, &mut owner).await;
    let r = b.post("/admin/campaigns", &[("title", "Neljä kieltä")]).await;
    let page = r.location().to_string();
    let builder = b.get(&page).await;
    assert!(
        builder.body.contains("value=\"fi\"") && builder.body.contains("Suomi"),
        "offered in the builder"
    );
    let id = page.rsplit('/').next().unwrap().to_string();
    common::campaign::save_settings(
        &mut b,
        &id,
        "Neljä kieltä",
        &[
            ("languages", "en"),
            ("languages", "fi"),
            ("title_fi", "Neljä kieltä"),
            ("title_en", "Four languages"),
            ("intro_fi", "Kerro, mitä koit."),
        ],
    )
    .await;
    let r = b
        .post(
            &format!("{page}/questions"),
            &[
                ("kind", "yesno"),
                ("prompt_en", "Did you tell anyone?"),
                ("prompt_fi", "Kerroitko kenellekään?"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = b.post(&format!("{page}/status"), &[("status", "open")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let slug = srv.state.campaigns().get(&id).unwrap().slug;
    // A staff page in it: the owner picks Finnish for the admin panel.
    assert_eq!(b.post("/account/language", &[("lang", "fi")]).await.status, 303);
    let home = b.get("/admin").await;
    assert!(
        home.body.contains("<html lang=\"fi\">")
            && home.body.contains("Hei, olga")
            && home.body.contains(">Etusivu<")
    );
    let form = srv.browser().get_with_language(&format!("/r/{slug}"), "fi-FI,fi;q=0.9").await;
    assert!(form.body.contains("<html lang=\"fi\">"), "{}", form.body);
    for words in ["Kerroitko kenellekään?", ">Lähetä<", "Kyllä", "Ei"] {
        assert!(form.body.contains(words), "{words} on the Finnish form");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_resume_code_is_in_the_readers_language_and_opens_from_any_language() {
    let (srv, mut owner) = common::signed_in_owner().await;
    let (_, slug) = common::campaign::build_and_open_with(
        &mut owner,
        "Drafts",
        &[("languages", "en"), ("languages", "sv"), ("languages", "nl")],
    )
    .await;
    let swedish: Vec<&str> = include_str!("../web/data/resume-words-sv.txt").lines().collect();
    let mut p = srv.browser();
    p.get(&format!("/r/{slug}?lang=sv")).await;
    let partial = vec![
        ("q.q1".to_string(), "2".to_string()),
        ("action".into(), "save".into()),
        ("lang".into(), "sv".into()),
    ];
    let saved = common::campaign::answer(&mut p, &slug, &partial).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let body = saved.body.replace("&#x2f;", "/");
    let at = body.find(&format!("/r/{slug}/resume/")).unwrap();
    let link: String = body[at..].chars().take_while(|c| !matches!(c, '"' | '<' | '?')).collect();
    let code = link.rsplit('/').next().unwrap().to_string();
    assert!(code.split('-').all(|w| swedish.contains(&w)), "Swedish words: {code}");
    // Typed on the Dutch page, the Swedish words open the saved answers.
    let mut other = srv.browser();
    let r =
        other.post(&format!("/r/{slug}/resume"), &[("code", &code.replace('-', " ")), ("lang", "nl")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let form = other.get(r.location()).await;
    assert!(form.body.contains("value=\"2\" checked"), "{}", form.body);
}
