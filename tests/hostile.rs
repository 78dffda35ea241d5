//! Malformed and hostile requests to the response form: each gets a clear page, never a
//! 5xx, and the store is unchanged.

mod common;

use common::campaign::{build_and_open, full_answers};
use common::{InProcess, create_account, input_value, sign_in};

const FORM: &str = "application/x-www-form-urlencoded";

#[tokio::test(flavor = "multi_thread")]
async fn hostile_corpus_never_fails_the_server_or_writes() {
    let srv = InProcess::start_with(|c| c.limits.form_posts_per_minute = 1000).await;
    let mut b = srv.browser();
    let mut owner = create_account(&mut b, &srv.setup_path(), "olga").await;
    srv.clock.advance(30);
    sign_in(&mut b, &mut owner).await;
    let (id, slug) = build_and_open(&mut b, "Hostile").await;
    let path = format!("/r/{slug}");
    let mut p = srv.browser();
    let form = p.get(&path).await;
    let nonce = input_value(&form.body, "nonce");
    let csrf = input_value(&form.body, "csrf");
    // Valid answers and controls; each case adds its own part.
    let valid = serde_urlencoded::to_string(full_answers("a story")).unwrap();
    let base = format!("csrf={csrf}&nonce={nonce}&{valid}");
    let with = |extra: &str| format!("{base}&{extra}").into_bytes();
    let without = |field: &str, extra: &str| {
        let kept: Vec<&str> = base.split('&').filter(|kv| !kv.starts_with(&format!("{field}="))).collect();
        format!("{}&{extra}", kept.join("&")).into_bytes()
    };
    let long_name = format!("{}=1", "q".repeat(5000));
    let many_tags = (0..70).map(|_| "q.q3=o1").collect::<Vec<_>>().join("&");
    let huge = with(&format!("q.q9={}", "A".repeat(300 * 1024)));
    let cases: Vec<(&str, Option<&str>, Vec<u8>)> = vec![
        ("raw invalid UTF-8", Some(FORM), [base.as_bytes(), b"&q.q9=\xff\xfe"].concat()),
        ("percent-encoded invalid UTF-8", Some(FORM), without("q.q8", "q.q8=%C3%28")),
        ("lone percent", Some(FORM), without("q.q8", "q.q8=%")),
        ("bad hex escape", Some(FORM), without("q.q8", "q.q8=%zz")),
        ("body cut inside an escape", Some(FORM), without("q.q8", "q.q8=abc%4")),
        ("duplicate answer field", Some(FORM), with("q.q1=2")),
        ("duplicate nonce", Some(FORM), with(&format!("nonce={nonce}"))),
        ("unknown field", Some(FORM), with("evil=1")),
        ("unknown question", Some(FORM), with("q.q99=1")),
        ("unknown triad part", Some(FORM), with("q.q6.d=5")),
        ("skip on a scale", Some(FORM), with("q.q1.skip=on")),
        ("field without value sign", Some(FORM), with("q.q99")),
        ("very long field name", Some(FORM), with(&long_name)),
        ("a tag sent seventy times", Some(FORM), without("q.q3", &many_tags)),
        ("markup as field name", Some(FORM), with("%3Cscript%3Ealert(1)%3C%2Fscript%3E=1")),
        ("body over the limit", Some(FORM), huge),
        ("text/plain", Some("text/plain"), with("")),
        ("multipart", Some("multipart/form-data; boundary=x"), with("")),
        ("json", Some("application/json"), format!("{{\"csrf\":\"{csrf}\"}}").into_bytes()),
        ("no content type", None, with("")),
        ("missing nonce", Some(FORM), without("nonce", "")),
        ("short nonce", Some(FORM), without("nonce", "nonce=abc")),
        ("decimal scale", Some(FORM), without("q.q1", "q.q1=4.5")),
        ("negative scale", Some(FORM), without("q.q1", "q.q1=-1")),
        ("non-ASCII digit", Some(FORM), without("q.q1", "q.q1=%D9%A4")),
        ("scale out of range", Some(FORM), without("q.q1", "q.q1=6")),
        ("slider in exponent form", Some(FORM), without("q.q5", "q.q5=1e2")),
        ("slider 101", Some(FORM), without("q.q5", "q.q5=101")),
        ("fractional triad", Some(FORM), without("q.q6.a", "q.q6.a=19.5")),
        ("mood past the end", Some(FORM), without("q.q4", "q.q4=5")),
        ("yes/no maybe", Some(FORM), without("q.q7", "q.q7=maybe")),
        ("option id in capitals", Some(FORM), without("q.q2", "q.q2=O2")),
        ("three tags, two allowed", Some(FORM), with("q.q3=o2")),
        ("story over its limit", Some(FORM), without("q.q8", &format!("q.q8={}", "x".repeat(601)))),
    ];
    assert!(cases.len() >= 30);
    for (name, content_type, body) in cases {
        let r = p.post_body(&path, content_type, body).await;
        assert!(r.status < 500, "{name}: {} {}", r.status, r.body);
        assert_ne!(r.status, 303, "{name} was accepted");
        assert!(r.body.contains("</html>"), "{name}: a whole page");
        assert!(!r.body.contains("<script>alert"), "{name}: markup echoed");
    }
    // A body that stops short of its Content-Length, then the client half-closes.
    {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let cert = srv.state.config.data_dir.join("tls/cert.pem");
        let mut stream = common::tls_connect(&srv.base, &cert).await.unwrap();
        let body = base.as_bytes();
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {FORM}\r\nCookie: __Host-tellpoint-csrf={csrf}\r\nContent-Length: {}\r\n\r\n",
            body.len() + 100
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        stream.write_all(body).await.unwrap();
        stream.shutdown().await.unwrap();
        let mut answer = Vec::new();
        let _ =
            tokio::time::timeout(std::time::Duration::from_secs(10), stream.read_to_end(&mut answer)).await;
        let text = String::from_utf8_lossy(&answer);
        assert!(
            !text.starts_with("HTTP/1.1 5") && !text.starts_with("HTTP/1.1 303"),
            "truncated body: {text}"
        );
    }
    assert!(srv.state.store.responses_of(&id).unwrap().is_empty(), "nothing stored");
    let c = srv.state.campaigns().get(&id).unwrap();
    assert!(!srv.state.store.version_has_responses(&id, c.version).unwrap(), "nothing counted");

    // The same valid body goes through: the refusals were about the damage alone.
    let r = p.post_body(&path, Some(FORM), base.into_bytes()).await;
    assert_eq!(r.status, 303, "{}", r.body);
}

#[tokio::test(flavor = "multi_thread")]
async fn honeypot_and_rate_limit() {
    let (srv, mut b) = common::signed_in_owner_with(|c| c.limits.form_posts_per_minute = 20).await;
    let (id, slug) = build_and_open(&mut b, "Limits").await;
    let mut p = srv.browser();
    let mut answers = full_answers("bot text");
    answers.push(("website".into(), "http://spam.example".into()));
    let r = common::campaign::answer(&mut p, &slug, &answers).await;
    assert_eq!(r.status, 303, "a bot sees the usual answer");
    assert!(srv.state.store.responses_of(&id).unwrap().is_empty(), "but nothing is stored");

    let mut statuses = Vec::new();
    for _ in 0..22 {
        statuses.push(common::campaign::answer(&mut p, &slug, &full_answers("x")).await.status);
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        19,
        "20 posts a minute per client (one was the bot's)"
    );
    assert_eq!(statuses.last(), Some(&429));
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_and_participant_forms_refuse_bytes_that_are_not_utf8() {
    let (srv, mut b) = common::signed_in_owner().await;
    let csrf = b.cookies["__Host-tellpoint-csrf"].clone();
    let before = srv.state.store.all_campaigns().unwrap().len();
    for body in [format!("csrf={csrf}&title=Caf%E9"), format!("csrf={csrf}&title=%C3%28")] {
        let r = b.post_body("/admin/campaigns", Some(FORM), body.into_bytes()).await;
        assert_eq!(r.status, 400, "{}", r.body);
        assert!(r.body.contains("The form contains bytes that are not UTF-8 text."), "{}", r.body);
    }
    let raw = [format!("csrf={csrf}&title=Caf").as_bytes(), b"\xe9"].concat();
    let r = b.post_body("/admin/campaigns", Some(FORM), raw).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("The form was not sent as text."), "{}", r.body);
    assert_eq!(srv.state.store.all_campaigns().unwrap().len(), before, "nothing was made with U+FFFD");
    // The same title as UTF-8 is taken.
    let r = b
        .post_body("/admin/campaigns", Some(FORM), format!("csrf={csrf}&title=Caf%C3%A9").into_bytes())
        .await;
    assert_eq!(r.status, 303, "{}", r.body);

    // A participant's enrolment form (a plain poem form before) refuses them too.
    let mut p = srv.browser();
    let token = input_value(&p.get("/privacy").await.body, "csrf");
    let r = p
        .post_body("/privacy", Some(FORM), format!("csrf={token}&address=a%FF%40example.org").into_bytes())
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
}
