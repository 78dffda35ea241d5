//! Signing in under attack and the account's own safeguards: an attacker's failures never
//! keep the owner's browser out; other sessions end when the password changes; weak
//! passwords are refused.

mod common;

use common::{Browser, InProcess, PASSWORD, create_account, sign_in};

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
