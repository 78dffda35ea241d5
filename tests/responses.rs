//! A campaign built through the admin pages and answered through the participant form.

mod common;

use common::campaign::{answer, build_and_open, full_answers};
use common::{input_value, signed_in_owner};
use tellpoint::model::response::Answer;

#[tokio::test(flavor = "multi_thread")]
async fn every_kind_is_answered_read_back_and_counted() {
    let (srv, mut b) = signed_in_owner().await;
    let (id, slug) = build_and_open(&mut b, "Spring pulse").await;

    let mut p = srv.browser();
    let r = answer(&mut p, &slug, &full_answers("It happened at the coffee machine.")).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.location(), format!("/r/{slug}/thanks?lang=en"));
    assert!(p.get(r.location()).await.body.contains("Thank you"));

    let responses = srv.state.store.responses_of(&id).unwrap();
    assert_eq!(responses.len(), 1);
    let a = &responses[0].answers;
    assert_eq!(a["q1"], Answer::Scale(4));
    assert_eq!(a["q2"], Answer::Choice("o2".into()));
    assert_eq!(a["q3"], Answer::Tags(vec!["o1".into(), "o3".into()]));
    assert_eq!(a["q4"], Answer::Mood(3));
    assert_eq!(a["q5"], Answer::Slider(73));
    assert_eq!(a["q6"], Answer::Triad([20, 30, 50]));
    assert_eq!(a["q7"], Answer::Yes(false));
    assert_eq!(a["q8"], Answer::Story);
    let campaigns = srv.state.campaigns();
    let c = campaigns.get(&id).unwrap();
    let sealed = responses[0].sealed_stories.as_ref().unwrap();
    assert!(!String::from_utf8_lossy(sealed).contains("coffee"), "the story is sealed");
    assert!(responses[0].story_key, "sealed under the campaign's own story key");
    let story_key = campaigns.story_key(&id).unwrap().unwrap();
    assert!(campaigns.data_key(&c).unwrap().open(&c.scope(), sealed).is_err(), "not under the campaign key");
    let stories = story_key.open(&format!("stories:{id}"), sealed).unwrap();
    assert_eq!(String::from_utf8(stories).unwrap(), r#"{"q8":"It happened at the coffee machine."}"#);

    // The slot row written beside it: exactly the slots of these answers, counted when the
    // period is released.
    let q = campaigns.current_questionnaire(&c).unwrap();
    let (offsets, len) = q.layout();
    let mut values = vec![0u32; len];
    let mut rows = 0;
    srv.state
        .store
        .for_each_slots(&id, |_, _, slots| {
            rows += 1;
            for s in slots {
                values[*s as usize] += 1;
            }
        })
        .unwrap();
    assert_eq!(rows, 1, "one response");
    assert_eq!(values[offsets[0] + 1 + 3], 1, "scale 4");
    assert_eq!(values[offsets[2] + 1], 1, "tag o1");
    assert_eq!(values[offsets[2] + 1 + 2], 1, "tag o3");
    assert_eq!(values[offsets[4] + 1 + 7], 1, "slider 73 in the 70s bucket");
    assert_eq!(values[offsets[6] + 1 + 1], 1, "no");
    // 1 response + 8 answered + 8 values (two tags; a story has no value slot).
    assert_eq!(values.iter().sum::<u32>(), 1 + 8 + 8);

    // The same form sent again (reload, double click) is not counted twice.
    let form = p.get(&format!("/r/{slug}")).await;
    let nonce = input_value(&form.body, "nonce");
    let mut fields: Vec<(&str, &str)> = vec![("q.q1", "2"), ("nonce", &nonce)];
    assert_eq!(p.post(&format!("/r/{slug}"), &fields).await.status, 303);
    fields[0] = ("q.q1", "3");
    assert_eq!(p.post(&format!("/r/{slug}"), &fields).await.status, 303);
    assert_eq!(srv.state.store.responses_of(&id).unwrap().len(), 2);

    // The questionnaire now has responses: an edit makes version 2.
    let r = b.post(&format!("/admin/campaigns/{id}/questions/q7/delete"), &[("confirm", "yes")]).await;
    assert_eq!(r.status, 303);
    assert_eq!(campaigns.get(&id).unwrap().version, 2);
    assert_eq!(srv.state.store.questionnaire(&id, 1).unwrap().unwrap().questions.len(), 8, "v1 is kept");
    let form = p.get(&format!("/r/{slug}")).await;
    assert!(!form.body.contains("Did you tell anyone?"), "the form shows version 2 at once");
    assert!(form.body.contains("Question 1 / 7"));
}

#[tokio::test(flavor = "multi_thread")]
async fn each_kind_reports_its_problem_and_keeps_the_other_input() {
    let (srv, mut b) = signed_in_owner().await;
    let (id, slug) = build_and_open(&mut b, "Validation").await;
    let mut p = srv.browser();
    let story = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
    let cases: &[(&str, &str, &str)] = &[
        ("q.q1", "9", "Choose a value in the range."),
        ("q.q2", "o9", "Choose one of the options."),
        ("q.q5", "101", "Give a number from 0 to 100."),
        ("q.q6.c", "51", "add up to 100"),
        ("q.q1", "", "Please answer this question."),
    ];
    for (field, value, message) in cases {
        let mut answers = full_answers(story);
        answers.retain(|(k, _)| k != field);
        answers.push((field.to_string(), value.to_string()));
        let r = answer(&mut p, &slug, &answers).await;
        assert_eq!(r.status, 422, "{field}={value}");
        assert!(r.body.contains(message), "{field}: {message}");
        assert!(r.body.contains("aria-invalid") || r.body.contains("field-error"));
        assert!(r.body.contains("autofocus"), "focus moves to the first error");
        // Other input is kept: the story (escaped), the chosen mood, the triad numbers.
        assert!(r.body.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"), "the story is kept, inert");
        assert!(!r.body.contains("<script>alert") && !r.body.contains("<img src=x"));
        assert!(r.body.contains("value=\"3\" checked"), "the mood stays chosen");
    }
    let mut answers = full_answers(story);
    answers.push(("q.q3".into(), "o4".into()));
    let r = answer(&mut p, &slug, &answers).await;
    assert!(r.body.contains("Too many choices."));
    let long = "x".repeat(601);
    let r = answer(&mut p, &slug, &full_answers(&long)).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("This text is too long."));
    assert!(srv.state.store.responses_of(&id).unwrap().is_empty(), "nothing was stored");
}

#[tokio::test(flavor = "multi_thread")]
async fn draft_and_closed_campaigns_take_no_answers() {
    let (srv, mut b) = signed_in_owner().await;
    let (id, slug) = build_and_open(&mut b, "Short").await;
    let mut p = srv.browser();
    assert!(p.get(&format!("/r/{slug}")).await.body.contains("Did you tell anyone?"), "open and loaded");
    assert_eq!(
        b.post(&format!("/admin/campaigns/{id}/status"), &[("status", "closed"), ("confirm", "yes")])
            .await
            .status,
        303
    );
    let page = p.get(&format!("/r/{slug}")).await;
    assert!(page.body.contains("This campaign is closed"));
    assert!(!page.body.contains("<form method=\"post\" action=\"/r/"));
    assert_eq!(p.get("/r/nosuchslugatall").await.status, 404);
    let back = b.post(&format!("/admin/campaigns/{id}/status"), &[("status", "open")]).await;
    assert_eq!(back.status, 422, "no way back from closed");
}

#[tokio::test(flavor = "multi_thread")]
async fn import_reports_every_problem_with_its_path() {
    let (_srv, mut b) = signed_in_owner().await;
    let r = b.post("/admin/campaigns", &[("title", "Imported")]).await;
    let page = r.location().to_string();
    let bad = r#"{"questions": [{"id": "a", "kind": "single", "prompt": {"en": "?"}, "options": [{"label": {"en": "only"}}]}, {"id": "b", "kind": "nope"}]}"#;
    let r = b.post(&format!("{page}/import"), &[("json", bad)]).await;
    assert_eq!(r.status, 422);
    let body = r.body.replace("&#x2f;", "/");
    assert!(body.contains("questions[0].options: at least two options needed"), "{body}");
    assert!(body.contains("questions[1].kind: must be one of"));
    let export = b.get(&format!("{page}/export")).await;
    assert_eq!(export.body.trim(), "{\n  \"questions\": []\n}");
}

#[tokio::test(flavor = "multi_thread")]
async fn save_and_continue_later_in_a_fresh_client() {
    let (srv, mut b) = signed_in_owner().await;
    let (id, slug) = build_and_open(&mut b, "Drafts").await;
    let mut p = srv.browser();
    let partial = vec![
        ("q.q1".to_string(), "2".to_string()),
        ("q.q6.a".into(), "10".into()),
        ("q.q6.b".into(), "10".into()),
        ("q.q6.c".into(), "80".into()),
        ("q.q8".into(), "Half of my story, with <b>markup</b>".into()),
        ("action".into(), "save".into()),
    ];
    let saved = answer(&mut p, &slug, &partial).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let body = saved.body.replace("&#x2f;", "/");
    let at = body.find(&format!("/r/{slug}/resume/")).unwrap();
    let link: String = body[at..].chars().take_while(|c| !matches!(c, '"' | '<' | '?')).collect();
    let code = link.rsplit('/').next().unwrap().to_string();
    assert_eq!(code.split('-').count(), 12, "twelve words");
    assert!(srv.state.store.responses_of(&id).unwrap().is_empty(), "a draft is not a response");

    // A fresh client types the words (any case, any spacing) and gets every answer back.
    let mut fresh = srv.browser();
    let typed = code.replace('-', "  ").to_uppercase();
    let r = fresh.post(&format!("/r/{slug}/resume"), &[("code", &typed), ("lang", "en")]).await;
    assert_eq!(r.status, 303);
    assert!(r.location().starts_with(&link));
    let form = fresh.get(r.location()).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("value=\"2\" checked"));
    assert!(form.body.contains("value=\"80\""));
    assert!(form.body.contains("Half of my story, with &lt;b&gt;markup&lt;&#x2f;b&gt;"));
    assert_eq!(common::input_value(&form.body, "resume"), code);

    let mut answers = full_answers("The whole story.");
    answers.push(("resume".into(), code.clone()));
    let r = answer(&mut fresh, &format!("{slug}/resume/{code}"), &answers).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(srv.state.store.responses_of(&id).unwrap().len(), 1);
    let gone = fresh.get(&link).await;
    assert_eq!(gone.status, 404, "a sent form's draft is deleted");

    // Wrong words get a clear message; an expired draft a clear page.
    let bad = fresh.post(&format!("/r/{slug}/resume"), &[("code", "apple banana")]).await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("These are not twelve words"));
    let saved = answer(&mut p, &slug, &partial).await;
    let body = saved.body.replace("&#x2f;", "/");
    let at = body.find(&format!("/r/{slug}/resume/")).unwrap();
    let link: String = body[at..].chars().take_while(|c| !matches!(c, '"' | '<' | '?')).collect();
    srv.clock.advance(15 * 86_400);
    let expired = fresh.get(&link).await;
    assert_eq!(expired.status, 410);
    assert!(expired.body.contains("has expired"));
}

#[tokio::test(flavor = "multi_thread")]
async fn builder_languages_preview_reorder_and_edit() {
    let (srv, mut b) = signed_in_owner().await;
    let page = b.post("/admin/campaigns", &[("title", "Tvåspråkig")]).await.location().to_string();
    let id = page.rsplit('/').next().unwrap().to_string();
    let today =
        jiff::Zoned::now().with_time_zone(jiff::tz::TimeZone::get("Europe/Stockholm").unwrap()).date();
    let end = today.checked_add(jiff::Span::new().days(10)).unwrap().to_string();
    let mut settings = vec![
        ("title_en", "Two languages"),
        ("languages", "en"),
        ("languages", "sv"),
        ("start", ""),
        ("end", end.as_str()),
        ("time_zone", "Europe/Stockholm"),
        ("granularity", "week"),
        ("k", "5"),
        ("audience", "link"),
    ];
    settings.push(("title_sv", "Tvåspråkig"));
    let r = b.post(&page, &settings).await;
    assert_eq!(r.status, 422, "a missing start date is named");
    assert!(r.body.contains("Give a date as YYYY-MM-DD."));
    let start = today.to_string();
    settings[3] = ("start", start.as_str());
    assert_eq!(b.post(&page, &settings).await.status, 303);

    let q = |kind: &'static str, en: &'static str, sv: &'static str| {
        vec![("kind", kind), ("prompt_en", en), ("prompt_sv", sv)]
    };
    let missing = b.post(&format!("{page}/questions"), &q("yesno", "Did you speak up?", "")).await;
    assert_eq!(missing.status, 422);
    assert!(missing.body.contains("href=\"#f-prompt-sv\">Question (Svenska): missing"), "{}", missing.body);
    assert!(missing.body.contains("Did you speak up?"), "the input is kept");
    assert_eq!(
        b.post(&format!("{page}/questions"), &q("yesno", "Did you speak up?", "Sa du ifrån?")).await.status,
        303
    );
    assert_eq!(
        b.post(&format!("{page}/questions"), &q("mood", "How are you?", "Hur mår du?")).await.status,
        303
    );

    // Preview (the campaign is a draft), reorder, edit.
    let preview = b.get(&format!("{page}/preview")).await;
    assert!(preview.body.contains("Preview.") && !preview.body.contains("name=\"action\""));
    assert!(preview.body.find("Did you speak up?").unwrap() < preview.body.find("How are you?").unwrap());
    assert_eq!(b.post(&format!("{page}/questions/q2/move"), &[("dir", "up")]).await.status, 303);
    let edit = b.get(&format!("{page}/questions/q1")).await;
    assert!(edit.body.contains("value=\"Sa du ifrån?\""));
    let r = b
        .post(
            &format!("{page}/questions/q1"),
            &[
                ("kind", "yesno"),
                ("prompt_en", "Did you say something?"),
                ("prompt_sv", "Sa du något?"),
                ("required", "on"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let preview = b.get(&format!("{page}/preview?lang=sv")).await;
    assert!(preview.body.find("Hur mår du?").unwrap() < preview.body.find("Sa du något?").unwrap());
    assert_eq!(b.post(&format!("{page}/status"), &[("status", "open")]).await.status, 303);

    // The participant's language: Accept-Language, overridden by the visible switch.
    let slug = srv.state.campaigns().get(&id).unwrap().slug;
    let mut p = srv.browser();
    let sv = p.get_with_language(&format!("/r/{slug}"), "sv-SE,sv;q=0.9,en;q=0.5").await;
    assert!(
        sv.body.contains("<html lang=\"sv\">")
            && sv.body.contains("Skicka")
            && sv.body.contains("Hur mår du?")
    );
    assert!(sv.body.contains("name=\"switch\" value=\"en\""), "a visible switch to English");
    let en = p.get_with_language(&format!("/r/{slug}?lang=en"), "sv").await;
    assert!(en.body.contains("<html lang=\"en\">") && en.body.contains("Send"));
    let r = answer(&mut p, &slug, &[("q.q2".into(), "4".into()), ("lang".into(), "sv".into())]).await;
    assert_eq!(r.status, 422, "q1 is required now");
    assert!(r.body.contains("Svara på den här frågan."), "messages in the participant's language");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_closed_campaigns_questions_cannot_move_or_go_and_the_page_says_why() {
    let (_srv, mut b) = signed_in_owner().await;
    let (id, _slug) = build_and_open(&mut b, "Autumn pulse").await;
    assert_eq!(
        b.post(&format!("/admin/campaigns/{id}/status"), &[("status", "closed"), ("confirm", "yes")])
            .await
            .status,
        303
    );
    let why = "A closed campaign&#x27;s questionnaire cannot change.";
    for (path, fields) in [
        (format!("/admin/campaigns/{id}/questions/q2/move"), vec![("dir", "up")]),
        (format!("/admin/campaigns/{id}/questions/q2/delete"), vec![("confirm", "yes")]),
    ] {
        let r = b.post(&path, &fields).await;
        assert_eq!(r.status, 409, "{path}: {}", r.body);
        assert!(r.body.contains(why), "{}", r.body);
    }
    // A new question's form comes back with what was typed and the reason.
    let fields = [("kind", "yesno"), ("prompt_en", "Anything more?"), ("prompt_sv", "Något mer?")];
    let r = b.post(&format!("/admin/campaigns/{id}/questions"), &fields).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains(why) && r.body.contains("value=\"Anything more?\""), "{}", r.body);
}
