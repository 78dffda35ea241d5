//! Signing in, sessions, CSRF and roles, against the app served in-process so the test can
//! move its clock.

mod common;

use common::{Account, Browser, InProcess, PASSWORD, invite, sign_in};

async fn with_owner() -> (InProcess, Browser, Account) {
    common::with_owner().await
}

#[tokio::test(flavor = "multi_thread")]
async fn replayed_totp_code_is_refused() {
    let (_srv, mut b, mut owner) = with_owner().await;
    let r = b.post("/login", &[("username", "olga"), ("password", PASSWORD)]).await;
    assert_eq!(r.location(), "/login/code");
    let code = owner.fresh_code();
    assert_eq!(b.post("/login/code", &[("code", &code)]).await.location(), "/admin");

    let mut other = _srv.browser();
    other.post("/login", &[("username", "olga"), ("password", PASSWORD)]).await;
    let replay = other.post("/login/code", &[("code", &code)]).await;
    assert_eq!(replay.status, 422);
    assert!(replay.body.contains("not right, or was used already"));
    assert_eq!(other.get("/admin").await.location(), "/login");
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_password_and_unknown_user_look_the_same() {
    let (srv, _b, _owner) = with_owner().await;
    let mut b = srv.browser();
    let wrong = b.post("/login", &[("username", "olga"), ("password", "not the password at all")]).await;
    let unknown = b.post("/login", &[("username", "nobody"), ("password", "not the password at all")]).await;
    assert_eq!(wrong.status, 422);
    assert_eq!(wrong.status, unknown.status);
    let strip = |s: &str| s.replace("value=\"olga\"", "").replace("value=\"nobody\"", "");
    assert_eq!(strip(&wrong.body), strip(&unknown.body));
    assert!(wrong.headers.get("set-cookie").is_none() && unknown.headers.get("set-cookie").is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn repeated_failures_are_slowed_then_allowed_again() {
    let (srv, _b, _owner) = with_owner().await;
    let mut b = srv.browser();
    let mut last = 0;
    for _ in 0..6 {
        last = b.post("/login", &[("username", "olga"), ("password", "wrong password here")]).await.status;
    }
    assert_eq!(last, 429, "the sixth failure in a row waits");
    let blocked = b.post("/login", &[("username", "olga"), ("password", PASSWORD)]).await;
    assert_eq!(blocked.status, 429, "even the right password waits during the backoff");
    assert!(blocked.body.contains("Wait"));
    srv.clock.advance(16 * 60);
    let r = b.post("/login", &[("username", "olga"), ("password", PASSWORD)]).await;
    assert_eq!(r.location(), "/login/code", "the owner is never locked out for good");
}

#[tokio::test(flavor = "multi_thread")]
async fn csrf_token_is_required() {
    let (srv, mut b, mut owner) = with_owner().await;
    srv.clock.advance(30);
    sign_in(&mut b, &mut owner).await;
    let r = b.post_raw("/admin/staff/invite", &[("role", "analyst")]).await;
    assert_eq!(r.status, 403);
    let wrong = b
        .post_raw("/admin/staff/invite", &[("role", "analyst"), ("csrf", "aaaaaaaaaaaaaaaaaaaaaaaaaa")])
        .await;
    assert_eq!(wrong.status, 403);
    let mut fresh = srv.browser();
    assert_eq!(fresh.post_raw("/login", &[("username", "olga"), ("password", PASSWORD)]).await.status, 403);
}

#[tokio::test(flavor = "multi_thread")]
async fn session_cookie_attributes_logout_and_idle_expiry() {
    let (srv, mut b, mut owner) = with_owner().await;
    b.post("/login", &[("username", "olga"), ("password", PASSWORD)]).await;
    let r = b.post("/login/code", &[("code", &owner.fresh_code())]).await;
    let cookie = r.header("set-cookie").to_string();
    assert!(cookie.starts_with("__Host-tellpoint="), "{cookie}");
    for attr in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attr), "{attr} in {cookie}");
    }
    assert_eq!(b.get("/admin").await.status, 200);
    assert_eq!(b.get("/admin").await.header("cache-control"), "no-store");

    // Logout: the old cookie no longer works, even when sent again by hand.
    let session = b.cookies["__Host-tellpoint"].clone();
    let out = b.post("/logout", &[]).await;
    assert!(out.header("clear-site-data").contains("cookies"));
    let mut replay = srv.browser();
    replay.cookies.insert("__Host-tellpoint".into(), session);
    assert_eq!(replay.get("/admin").await.location(), "/login");

    // Idle expiry: 30 minutes without a request end the session.
    srv.clock.advance(30);
    sign_in(&mut b, &mut owner).await;
    srv.clock.advance(29 * 60);
    assert_eq!(b.get("/admin").await.status, 200, "29 minutes idle is fine");
    srv.clock.advance(31 * 60);
    assert_eq!(b.get("/admin").await.location(), "/login", "31 minutes idle is not");
}

#[tokio::test(flavor = "multi_thread")]
async fn roles_and_disabling() {
    let (srv, mut owner_b, mut owner) = with_owner().await;
    srv.clock.advance(30);
    sign_in(&mut owner_b, &mut owner).await;
    let (mut analyst_b, _analyst) = invite(&srv, &mut owner_b, "analyst", "anna").await;

    assert_eq!(analyst_b.get("/admin").await.status, 200);
    for page in ["/admin/staff", "/admin/audit"] {
        assert_eq!(analyst_b.get(page).await.status, 403, "{page}");
    }
    assert_eq!(analyst_b.post("/admin/staff/invite", &[("role", "owner")]).await.status, 403);
    assert_eq!(analyst_b.post("/admin/staff/olga/disable", &[]).await.status, 403);

    // Disabling ends the analyst's session at once.
    let r = owner_b.post("/admin/staff/anna/disable", &[("confirm", "yes")]).await;
    assert_eq!(r.location(), "/admin/staff?done=staff-saved");
    assert_eq!(analyst_b.get("/admin").await.location(), "/login");
    let again = analyst_b.post("/login", &[("username", "anna"), ("password", PASSWORD)]).await;
    assert_eq!(again.status, 422, "a disabled account cannot sign in");

    // The last owner cannot demote or disable themself.
    let r = owner_b.post("/admin/staff/olga/role", &[("role", "analyst")]).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("last owner"));
    let staff = owner_b.get("/admin/staff").await.body;
    assert!(staff.contains("anna") && staff.contains("disabled"));
}

#[tokio::test(flavor = "multi_thread")]
async fn mfa_reset_forces_enrolment_and_password_change_needs_totp() {
    let (srv, mut owner_b, mut owner) = with_owner().await;
    srv.clock.advance(30);
    sign_in(&mut owner_b, &mut owner).await;
    let (mut mod_b, mut moderator) = invite(&srv, &mut owner_b, "moderator", "mo").await;

    // Password change: wrong current password, then a missing code, then success.
    let r = mod_b
        .post(
            "/account/password",
            &[("current", "wrong"), ("code", "123456"), ("new", "x"), ("confirm", "x")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("current password is not right"));
    srv.clock.advance(30);
    let new_pw = "a different long passphrase";
    let code = moderator.fresh_code();
    let fields = [("current", PASSWORD), ("code", code.as_str()), ("new", new_pw), ("confirm", new_pw)];
    let r = mod_b.post("/account/password", &fields).await;
    assert_eq!(r.status, 303, "{}", r.body);

    // Reset MFA: the session ends; the password alone no longer signs in; the one-time link
    // the owner hands over, with the password, leads to enrolling a new authenticator.
    let reset = owner_b.post("/admin/staff/mo/reset-mfa", &[("confirm", "yes")]).await;
    assert_eq!(reset.status, 200);
    let link = reset
        .body
        .split("id=\"reset-link\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .replace("&#x2f;", "/");
    let link_path = link.split_once("/login/reset/").map(|(_, t)| format!("/login/reset/{t}")).unwrap();
    assert_eq!(mod_b.get("/admin").await.location(), "/login");
    let r = mod_b.post("/login", &[("username", "mo"), ("password", new_pw)]).await;
    assert_eq!(r.status, 422, "the password alone does not lead to enrolment");
    assert!(r.body.contains("Open the link they gave you"));
    let mut stranger = srv.browser();
    let r = stranger.post(&link_path, &[("password", "not the password at all")]).await;
    assert_eq!(r.status, 422, "the link alone does not either");
    assert!(r.body.contains("This password is not right"));
    let r = mod_b.post(&link_path, &[("password", new_pw)]).await;
    assert_eq!(r.location(), "/login/enrol");
    assert_eq!(stranger.get(&link_path).await.status, 404, "the link works once");
    let enrol = mod_b.get("/login/enrol").await;
    let secret = enrol.totp_secret();
    assert_ne!(secret, moderator.secret);
    let bad = mod_b.post("/login/enrol", &[("code", "000000")]).await;
    assert_eq!(bad.status, 422);
    let done = mod_b.post("/login/enrol", &[("code", &common::totp_code(&secret, srv_offset(&srv)))]).await;
    assert_eq!(done.status, 200);
    assert_eq!(done.recovery_codes().len(), 10);
    assert_eq!(mod_b.get("/admin").await.status, 200);

    let audit = owner_b.get("/admin/audit").await.body;
    // The log names actions in words (staff.mfa_reset, password.changed, …).
    for action in [
        "Reset an authenticator",
        "Changed the password",
        "Created an invite",
        "Failed to change the password",
        "Signed in",
        "Set up an authenticator",
    ] {
        assert!(audit.contains(action), "{action} in the audit log");
    }
    assert!(audit.contains("The chain of"));
    assert!(!audit.contains(PASSWORD) && !audit.contains(new_pw));
}

fn srv_offset(srv: &InProcess) -> i64 {
    srv.clock.now()
        - std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

#[tokio::test(flavor = "multi_thread")]
async fn a_panicking_handler_gives_a_500_page() {
    let srv = InProcess::start().await;
    let ep = tellpoint::web::wrap(
        poem::Route::new()
            .at("/boom", poem::get(poem::endpoint::make_sync(|_| -> &'static str { panic!("boom") }))),
        srv.state.clone(),
    );
    let response = poem::test::TestClient::new(ep).get("/boom").send().await;
    response.assert_status(poem::http::StatusCode::INTERNAL_SERVER_ERROR);
    let body = response.0.into_body().into_string().await.unwrap();
    assert!(body.contains("Something went wrong"), "{body}");
}
