//! Signing in under attack and the account's own safeguards: an attacker's failures never
//! keep the owner's browser out; other sessions end when the password changes; weak
//! passwords are refused.

mod common;

use common::{Account, Browser, InProcess, PASSWORD, create_account, sign_in};

fn browser_at(srv: &InProcess, ip: &str) -> Browser {
    Browser::new(&srv.base, &srv.state.config.data_dir.join("tls/cert.pem"), Some(ip.parse().unwrap()))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hundred_failures_by_an_attacker_do_not_keep_the_owners_browser_out() {
    let srv = InProcess::start().await;
    let mut owner_b = browser_at(&srv, "127.0.4.1");
    let mut owner = create_account(&mut owner_b, &srv.setup_path(), "olga").await;
    srv.clock.advance(30);
    sign_in(&mut owner_b, &mut owner).await;
    assert!(owner_b.cookies.contains_key("__Host-tellpoint-device"), "the browser is known now");
    assert_eq!(owner_b.post("/logout", &[]).await.status, 303);

    // An attacker guesses the owner's password a hundred times, from two addresses.
    let mut refused = 0;
    for i in 0..100 {
        let mut attacker = browser_at(&srv, if i % 2 == 0 { "127.0.4.2" } else { "127.0.4.3" });
        let r = attacker.post("/login", &[("username", "olga"), ("password", "wrong password 123")]).await;
        assert!(r.status == 422 || r.status == 429, "{}", r.status);
        refused += usize::from(r.status == 429);
    }
    assert!(refused > 80, "the guesses are slowed: {refused} of 100 refused outright");
    // A stranger's browser with the right password waits too (the account is under attack)…
    let mut stranger = browser_at(&srv, "127.0.4.4");
    let r = stranger.post("/login", &[("username", "olga"), ("password", PASSWORD)]).await;
    assert_eq!(r.status, 429, "an unknown device waits while the account is attacked");
    // …but the owner's own browser signs in at once.
    srv.clock.advance(30);
    sign_in(&mut owner_b, &mut owner).await;
}

/// Signs in with `password` and the next code, without the helper's fixed password.
async fn sign_in_with(b: &mut Browser, account: &mut Account, password: &str) {
    let r = b.post("/login", &[("username", &account.username), ("password", password)]).await;
    assert_eq!(r.location(), "/login/code", "{}", r.body);
    let code = account.fresh_code();
    assert_eq!(b.post("/login/code", &[("code", &code)]).await.location(), "/admin");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_password_change_ends_the_other_sessions_and_one_can_sign_out_elsewhere() {
    let srv = InProcess::start().await;
    let mut laptop = browser_at(&srv, "127.0.5.1");
    let mut owner = create_account(&mut laptop, &srv.setup_path(), "olga").await;
    srv.clock.advance(30);
    sign_in(&mut laptop, &mut owner).await;
    let mut phone = browser_at(&srv, "127.0.5.2");
    srv.clock.advance(30);
    sign_in(&mut phone, &mut owner).await;

    let list = laptop.get("/account/sessions").await;
    assert_eq!(list.status, 200);
    assert_eq!(list.body.matches("<tr><td>").count(), 2, "two browsers: {}", list.body);
    assert!(list.body.contains("This browser"));

    // Weak new passwords are refused with the reason; nothing changes.
    for weak in ["password1234", "123456789012", "aaaaaaaaaaaa", "            "] {
        srv.clock.advance(30);
        let code = owner.fresh_code();
        let fields = [("current", PASSWORD), ("code", code.as_str()), ("new", weak), ("confirm", weak)];
        let r = laptop.post("/account/password", &fields).await;
        assert_eq!(r.status, 422, "{weak:?} was taken");
        assert!(
            r.body.contains("one character repeated") || r.body.contains("too easy to guess"),
            "{}",
            r.body
        );
    }
    assert_eq!(phone.get("/admin").await.status, 200, "a refused change ends nothing");

    srv.clock.advance(30);
    let new_pw = "lantern otter mosaic 7";
    let code = owner.fresh_code();
    let fields = [("current", PASSWORD), ("code", code.as_str()), ("new", new_pw), ("confirm", new_pw)];
    assert_eq!(laptop.post("/account/password", &fields).await.status, 303);
    assert_eq!(laptop.get("/admin").await.status, 200, "the browser that changed it stays in");
    assert_eq!(phone.get("/admin").await.location(), "/login", "the other session ended");

    // Signed in again on the phone; the laptop signs out everywhere else.
    srv.clock.advance(30);
    sign_in_with(&mut phone, &mut owner, new_pw).await;
    assert_eq!(
        laptop.post("/account/sessions/end-others", &[]).await.location(),
        "/account/sessions?ended=1"
    );
    assert_eq!(phone.get("/admin").await.location(), "/login");
    let list = laptop.get("/account/sessions?ended=1").await;
    assert!(list.body.contains("You are signed out everywhere else."));
    assert_eq!(list.body.matches("<tr><td>").count(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_staff_csrf_token_is_bound_to_the_session() {
    const FORM: &str = "application/x-www-form-urlencoded";
    let srv = InProcess::start().await;
    let mut b = browser_at(&srv, "127.0.6.1");
    let mut owner = create_account(&mut b, &srv.setup_path(), "olga").await;
    b.get("/login").await;
    let before_sign_in = b.cookies["__Host-tellpoint-csrf"].clone();
    srv.clock.advance(30);
    sign_in(&mut b, &mut owner).await;
    let first = b.cookies["__Host-tellpoint-csrf"].clone();
    assert_ne!(first, before_sign_in, "signing in gives a new token");
    let page = b.get("/account/sessions").await;
    assert!(page.body.contains(&format!("name=\"csrf\" value=\"{first}\"")), "the forms carry it");

    let post = |token: &str| format!("csrf={token}").into_bytes();
    let r = b.post_body("/account/sessions/end-others", Some(FORM), post(&before_sign_in)).await;
    assert_eq!(r.status, 403, "a token from before sign-in is worth nothing after it");

    // Another browser's session: its token does not work with ours, nor ours with it.
    let mut other = browser_at(&srv, "127.0.6.2");
    srv.clock.advance(30);
    sign_in(&mut other, &mut owner).await;
    let theirs = other.cookies["__Host-tellpoint-csrf"].clone();
    assert_eq!(b.post_body("/account/sessions/end-others", Some(FORM), post(&theirs)).await.status, 403);

    // Signed out and in again, the first session's token is dead too.
    assert_eq!(b.post("/logout", &[]).await.status, 303);
    srv.clock.advance(30);
    sign_in(&mut b, &mut owner).await;
    let second = b.cookies["__Host-tellpoint-csrf"].clone();
    assert_ne!(second, first);
    assert_eq!(b.post_body("/account/sessions/end-others", Some(FORM), post(&first)).await.status, 403);
    assert_eq!(b.post_body("/account/sessions/end-others", Some(FORM), post(&second)).await.status, 303);
}
