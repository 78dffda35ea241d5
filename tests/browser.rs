//! The participant form in Debian's headless Chromium, driven over WebDriver (chromedriver)
//! with JavaScript off and on, plus the axe-core accessibility audit of the form and of its
//! error state; and enrolment with the personal-link form, JavaScript off. Without Chromium
//! these tests skip loudly; under CI they fail instead.

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::campaign::{build_and_open, build_and_open_with};
use common::smtp::SmtpServer;
use common::{InProcess, signed_in_owner, signed_in_owner_mailing};
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const AXE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/node_modules/axe-core/axe.min.js");

/// Whether the browser tests can run here; under CI a missing piece is a failure.
fn available() -> bool {
    let missing: Vec<&str> =
        [CHROMIUM, CHROMEDRIVER, AXE].into_iter().filter(|p| !std::path::Path::new(p).exists()).collect();
    if missing.is_empty() {
        return true;
    }
    let message = format!(
        "BROWSER TESTS SKIPPED: missing {missing:?}. Install with: apt-get install chromium chromium-driver && npm install"
    );
    assert!(std::env::var_os("CI").is_none(), "{message}");
    eprintln!("\n*** {message} ***\n");
    false
}

struct Driver {
    child: Child,
    base: String,
    http: reqwest::Client,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    async fn start() -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver = Driver { child, base: format!("http://127.0.0.1:{port}"), http: reqwest::Client::new() };
        let deadline = Instant::now() + Duration::from_secs(20);
        while driver.http.get(format!("{}/status", driver.base)).send().await.is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not answer");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        driver
    }

    async fn session(&self, javascript: bool) -> Session<'_> {
        self.session_sized(javascript, 390).await
    }

    /// A session whose window is `width` CSS pixels wide.
    async fn session_sized(&self, javascript: bool, width: u32) -> Session<'_> {
        let profile = tempfile::tempdir().unwrap();
        let mut options = json!({
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     format!("--window-size={width},1400"), format!("--user-data-dir={}", profile.path().display())],
        });
        if !javascript {
            options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome", "acceptInsecureCerts": true, "goog:chromeOptions": options,
        }}});
        let r: Value = self
            .http
            .post(format!("{}/session", self.base))
            .json(&caps)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = r["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {r}")).to_string();
        let session = Session { driver: self, url: format!("{}/session/{id}", self.base), _profile: profile };
        // A window cannot be made narrower than about 500 px: emulate the phone's viewport.
        let metrics = json!({ "cmd": "Emulation.setDeviceMetricsOverride", "params": {
            "width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": width < 600,
        }});
        session.call(reqwest::Method::POST, "/goog/cdp/execute", metrics).await;
        session
    }
}

struct Session<'a> {
    driver: &'a Driver,
    url: String,
    _profile: tempfile::TempDir,
}

impl Session<'_> {
    async fn call(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let req = self.driver.http.request(method, format!("{}{path}", self.url));
        let req = if body.is_null() { req } else { req.json(&body) };
        let r: Value = req.send().await.unwrap().json().await.unwrap();
        assert!(r["value"].get("error").is_none(), "WebDriver {path}: {r}");
        r["value"].clone()
    }

    async fn go(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", json!({ "url": url })).await;
    }

    async fn find(&self, css: &str) -> String {
        let v = self
            .call(reqwest::Method::POST, "/element", json!({ "using": "css selector", "value": css }))
            .await;
        // The reference is the object's one value; its key differs between driver versions.
        let reference = v.as_object().and_then(|o| o.values().next()).and_then(Value::as_str);
        reference.unwrap_or_else(|| panic!("no element {css}: {v}")).to_string()
    }

    async fn click(&self, css: &str) {
        let e = self.find(css).await;
        self.call(reqwest::Method::POST, &format!("/element/{e}/click"), json!({})).await;
    }

    async fn type_into(&self, css: &str, text: &str) {
        let e = self.find(css).await;
        self.call(reqwest::Method::POST, &format!("/element/{e}/clear"), json!({})).await;
        self.call(reqwest::Method::POST, &format!("/element/{e}/value"), json!({ "text": text })).await;
    }

    async fn source(&self) -> String {
        self.call(reqwest::Method::GET, "/source", Value::Null).await.as_str().unwrap().to_string()
    }

    async fn current_url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", Value::Null).await.as_str().unwrap().to_string()
    }

    /// Waits for a navigation to land on a URL containing `part`; the page on failure.
    async fn wait_for_url(&self, part: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while !self.current_url().await.contains(part) {
            if Instant::now() > deadline {
                panic!("never reached {part}: {}", self.source().await);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the page holds `text` and has loaded to its footer (a navigation may
    /// still be under way, and a page half parsed would show half a link).
    async fn wait_for_text(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let page = self.source().await;
            if page.contains(text) && page.contains("</footer>") {
                return page;
            }
            assert!(Instant::now() < deadline, "never showed {text:?}: {page}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn script(&self, script: &str) -> Value {
        self.call(reqwest::Method::POST, "/execute/sync", json!({ "script": script, "args": [] })).await
    }

    /// Runs axe-core on the current page; returns the violations (id and targets).
    /// Fails when the page is wider than the window, naming what sticks out: elements past
    /// the right edge, or whose text overflows them (the element's box stays inside then).
    async fn assert_no_sideways_scroll(&self, what: &str) {
        let wide = self
            .script("return document.documentElement.scrollWidth > document.documentElement.clientWidth;")
            .await;
        let culprits = self
            .script(
                "var w = document.documentElement.clientWidth; return Array.prototype.filter.call(document.querySelectorAll('body *'), function (e) { return !e.closest('.table-wrap') && (e.getBoundingClientRect().right + window.scrollX > w + 1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'); }).slice(0, 8).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right + window.scrollX) + ' ' + (e.textContent || '').slice(0, 40); });",
            )
            .await;
        assert_eq!(wide, json!(false), "{what} scrolls sideways: {culprits}");
    }

    async fn axe(&self) -> Vec<Value> {
        let source = std::fs::read_to_string(AXE).unwrap();
        self.script(&format!("{source}\nreturn true;")).await;
        let run = "var done = arguments[arguments.length - 1];\
                   axe.run(document).then(function (r) { done(JSON.stringify(r.violations.map(function (v) {\
                   return { id: v.id, help: v.help, nodes: v.nodes.map(function (n) { return n.target; }) }; }))); })\
                   .catch(function (e) { done('axe failed: ' + e); });";
        let v =
            self.call(reqwest::Method::POST, "/execute/async", json!({ "script": run, "args": [] })).await;
        let text = v.as_str().unwrap();
        serde_json::from_str(text).unwrap_or_else(|_| panic!("{text}"))
    }

    async fn screenshot(&self, name: &str) {
        let v = self.call(reqwest::Method::GET, "/screenshot", Value::Null).await;
        let png = data_encoding::BASE64.decode(v.as_str().unwrap().as_bytes()).unwrap();
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// The whole page, not only the window, as a PNG under target/tmp/screenshots.
    async fn full_screenshot(&self, name: &str) {
        let size = self
            .script("return [document.documentElement.scrollWidth, document.documentElement.scrollHeight];")
            .await;
        let params = json!({ "cmd": "Page.captureScreenshot", "params": {
            "format": "png", "captureBeyondViewport": true,
            "clip": { "x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1 },
        }});
        let v = self.call(reqwest::Method::POST, "/goog/cdp/execute", params).await;
        let png = data_encoding::BASE64.decode(v["data"].as_str().unwrap().as_bytes()).unwrap();
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    async fn close(self) {
        self.call(reqwest::Method::DELETE, "", Value::Null).await;
    }
}

async fn campaign() -> (InProcess, String, String) {
    let (srv, mut b) = signed_in_owner().await;
    let (id, slug) = build_and_open(&mut b, "Browser check").await;
    (srv, id, slug)
}

/// Answers every question through real controls and sends the form.
async fn fill_and_send(s: &Session<'_>, javascript: bool) {
    s.click("input[name='q.q1'][value='4']").await;
    s.click("input[name='q.q2'][value='o2']").await;
    s.click("input[name='q.q3'][value='o1']").await;
    s.click("input[name='q.q3'][value='o3']").await;
    s.click("input[name='q.q4'][value='3']").await;
    if javascript {
        // Tap the middle of the triangle: the script fills in the three numbers.
        s.click("svg.triangle").await;
        let sum = s.script("return ['a','b','c'].map(function (p) { return +document.getElementById('q-q6-' + p).value; }).reduce(function (x, y) { return x + y; });").await;
        assert_eq!(sum, json!(100), "the triangle fills numbers that add up to 100");
    } else {
        s.type_into("#q-q6-a", "20").await;
        s.type_into("#q-q6-b", "30").await;
        s.type_into("#q-q6-c", "50").await;
    }
    s.click("input[name='q.q7'][value='no']").await;
    s.type_into("#q-q8-input", "Typed in a real browser.").await;
    s.click("button[type=submit]").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_form_works_with_javascript_off_and_on_and_is_accessible() {
    if !available() {
        return;
    }
    let (srv, id, slug) = campaign().await;
    let driver = Driver::start().await;
    let form_url = format!("{}/r/{slug}", srv.base);

    for (round, javascript) in [false, true].into_iter().enumerate() {
        let s = driver.session(javascript).await;
        s.go(&form_url).await;
        let has_triangle = s.source().await.contains("class=\"triangle\"");
        assert_eq!(has_triangle, javascript, "the triangle appears only with JavaScript");
        s.full_screenshot(if javascript { "form-js-on" } else { "form-js-off" }).await;
        fill_and_send(&s, javascript).await;
        s.wait_for_url(&format!("/r/{slug}/thanks")).await;
        s.wait_for_text("Thank you").await;
        assert_eq!(srv.state.store.responses_of(&id).unwrap().len(), round + 1, "the response is counted");
        s.close().await;
    }

    // axe-core on the form and on its error state.
    let s = driver.session(true).await;
    s.go(&form_url).await;
    let violations = s.axe().await;
    assert!(violations.is_empty(), "axe on the form: {violations:#?}");
    s.type_into("#q-q6-a", "90").await;
    s.click("button[type=submit]").await;
    s.wait_for_text("There is a problem").await;
    s.screenshot("form-errors").await;
    let focused = s.script("return document.activeElement && document.activeElement.name;").await;
    assert_eq!(focused, json!("q.q1"), "focus moves to the first error");
    let violations = s.axe().await;
    assert!(violations.is_empty(), "axe on the error state: {violations:#?}");
    s.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_untouched_slider_is_not_answered_and_a_required_one_asks_to_be_set() {
    if !available() {
        return;
    }
    let (srv, mut b) = signed_in_owner().await;
    let id = common::campaign::build_with(&mut b, "Sliders", &[]).await;
    let page = format!("/admin/campaigns/{id}");
    let fields = [
        ("kind", "slider"),
        ("prompt_en", "How sure are you?"),
        ("left_en", "not sure"),
        ("right_en", "certain"),
        ("required", "on"),
    ];
    assert_eq!(b.post(&format!("{page}/questions"), &fields).await.status, 303);
    assert_eq!(b.post(&format!("{page}/status"), &[("status", "open")]).await.status, 303);
    let body = b.get(&page).await.body.replace("&#x2f;", "/");
    let at = body.find("/r/").unwrap();
    let slug: String = body[at + 3..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let driver = Driver::start().await;
    let form_url = format!("{}/r/{slug}", srv.base);

    for (round, javascript) in [false, true].into_iter().enumerate() {
        let s = driver.session(javascript).await;
        s.go(&form_url).await;
        s.full_screenshot(if javascript { "slider-js-on" } else { "slider-js-off" }).await;
        // Everything but the sliders: the optional one (q5) is never touched, the required
        // one (q9) not at first.
        fill_and_send(&s, javascript).await;
        s.wait_for_text("There is a problem").await;
        let source = s.source().await;
        assert!(source.contains("move the slider to where it fits, or choose a step"), "{source}");
        assert!(srv.state.store.responses_of(&id).unwrap().len() == round, "nothing stored");
        if javascript {
            s.click("#q-q9-input").await;
        } else {
            s.click("#q-q9-input option[value='70']").await;
        }
        // The answers typed before the error are kept; only the slider is set now.
        s.click("button[type=submit]").await;
        s.wait_for_url(&format!("/r/{slug}/thanks")).await;
        let stored = srv.state.store.responses_of(&id).unwrap();
        assert_eq!(stored.len(), round + 1);
        let last = stored.iter().find(|r| !r.answers.contains_key("q5") && r.answers.contains_key("q9"));
        assert!(last.is_some(), "q5 not answered, q9 answered: {stored:?}");
        if !javascript {
            assert!(
                stored
                    .iter()
                    .any(|r| r.answers.get("q9") == Some(&tellpoint::model::response::Answer::Slider(70)))
            );
        }
        s.close().await;
    }
    // axe on the slider with JavaScript, unset and set.
    let s = driver.session(true).await;
    s.go(&form_url).await;
    assert_eq!(
        s.script(
            "return document.querySelector('#q-q5-input').closest('.slider').classList.contains('unset');"
        )
        .await,
        json!(true)
    );
    let violations = s.axe().await;
    assert!(violations.is_empty(), "axe on the unset sliders: {violations:#?}");
    s.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn enrolment_and_the_personal_link_form_work_without_javascript_and_are_accessible() {
    if !available() {
        return;
    }
    let smtp = SmtpServer::start();
    let (srv, mut b) = signed_in_owner_mailing(&smtp).await;
    let (id, slug) = build_and_open_with(&mut b, "Enrolled check", &[("audience", "enrolled")]).await;

    let driver = Driver::start().await;
    // With JavaScript off: enrol, confirm, open the personal link, answer.
    let s = driver.session(false).await;
    s.go(&format!("{}/e/{slug}", srv.base)).await;
    s.type_into("#enrol-email", "not an address").await;
    s.click("button[type=submit]").await;
    s.wait_for_text("There is a problem").await;
    s.type_into("#enrol-email", "browser@example.org").await;
    s.click("button[type=submit]").await;
    s.wait_for_text("Check your mail").await;
    s.screenshot("enrol-check-mail").await;
    let confirm = smtp.wait_for("browser@example.org", 1).pop().unwrap().link("/confirm/");
    s.go(&format!("{}{confirm}", srv.base)).await;
    s.click("button[type=submit]").await;
    s.wait_for_text("You are enrolled").await;
    // Links carry public_url, not this test server's port: follow the path.
    let personal = personal_path(&s.source().await);
    s.go(&format!("{}{personal}", srv.base)).await;
    // The personal form carries a ticket (waiting for the page to load to its footer).
    s.wait_for_text("name=\"ticket\"").await;
    s.screenshot("personal-form-js-off").await;
    fill_and_send(&s, false).await;
    s.wait_for_text("Thank you").await;
    assert_eq!(srv.state.store.responses_of(&id).unwrap().len(), 1);
    s.close().await;

    // axe-core (which needs JavaScript) on each of those pages.
    let s = driver.session(true).await;
    s.go(&format!("{}/e/{slug}", srv.base)).await;
    axe_clean("the enrolment form", s.axe().await);
    s.type_into("#enrol-email", "not an address").await;
    s.click("button[type=submit]").await;
    s.wait_for_text("There is a problem").await;
    axe_clean("the enrolment error", s.axe().await);
    s.type_into("#enrol-email", "second@example.org").await;
    s.click("button[type=submit]").await;
    s.wait_for_text("Check your mail").await;
    axe_clean("the check-your-mail page", s.axe().await);
    let confirm = smtp.wait_for("second@example.org", 1).pop().unwrap().link("/confirm/");
    s.go(&format!("{}{confirm}", srv.base)).await;
    axe_clean("the confirm page", s.axe().await);
    s.click("button[type=submit]").await;
    s.wait_for_text("You are enrolled").await;
    axe_clean("the enrolled page", s.axe().await);
    s.go(&format!("{}{}", srv.base, personal_path(&s.source().await))).await;
    axe_clean("the personal form", s.axe().await);
    s.go(&format!("{}/privacy", srv.base)).await;
    axe_clean("the privacy request page", s.axe().await);
    s.close().await;
}

/// The path of the personal link on the "You are enrolled" page.
fn personal_path(source: &str) -> String {
    let source = source.replace("&#x2f;", "/");
    let at = source.find("/t/").expect("a personal link on the page");
    source[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect()
}

/// Signs in through the login pages in this browser session.
async fn staff_sign_in(s: &Session<'_>, srv: &InProcess, account: &mut common::Account) {
    s.go(&format!("{}/login", srv.base)).await;
    s.type_into("input[name='username']", &account.username).await;
    s.type_into("input[name='password']", common::PASSWORD).await;
    s.click("button[type=submit]").await;
    s.wait_for_url("/login/code").await;
    srv.clock.advance(30);
    // A code of the server's time step (the test may have moved its clock), not used before.
    account.next_offset = account.next_offset.max(srv.clock.now() - jiff::Timestamp::now().as_second());
    s.type_into("input[name='code']", &account.fresh_code()).await;
    s.click("button[type=submit]").await;
    // The sign-out button holds the name, in whatever language the panel speaks.
    s.wait_for_text("class=\"who\"").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn dashboard_moderation_summary_and_report_in_chromium() {
    if !available() {
        return;
    }
    let (srv, mut b, mut owner) = common::with_owner().await;
    srv.clock.advance(30);
    common::sign_in(&mut b, &mut owner).await;
    let (id, slug) = build_and_open(&mut b, "Browser figures").await;
    for i in 0..6 {
        let mut p = srv.browser();
        let story = format!("Anna Berg said something on day {i}, call 070-123 45 67.");
        let r = common::campaign::answer(&mut p, &slug, &common::campaign::full_answers(&story)).await;
        assert_eq!(r.status, 303);
    }
    let c = srv.state.campaigns().get(&id).unwrap();
    let (stories, _) = srv.state.moderation().stories(&c).unwrap();
    srv.state
        .moderation()
        .write_quote(&c, &stories[0].response, &stories[0].question, "Someone said something.", &[], "olga")
        .unwrap();
    let next_week = srv.clock.now() + 8 * 86_400;
    let released = tellpoint::figures::releases(&srv.state.store, &c, next_week).unwrap();
    let key = tellpoint::jobs::summaries::summary_key(&released[0]);
    assert!(tellpoint::jobs::summaries::publish(&srv.state, &c, key, next_week).unwrap());

    let driver = Driver::start().await;

    // The summary with JavaScript off: everything is there, as plain HTML and SVG.
    let s = driver.session(false).await;
    s.go(&format!("{}/s/{slug}", srv.base)).await;
    let page = s.wait_for_text("Someone said something.").await;
    assert!(page.contains("class=\"hbars\"") && page.contains("class=\"likert\""), "charts as HTML");
    assert!(!page.contains("Anna Berg"), "no story in a summary");
    s.screenshot("summary-js-off").await;
    s.close().await;

    let s = driver.session(true).await;
    s.go(&format!("{}/s/{slug}", srv.base)).await;
    s.wait_for_text("Someone said something.").await;
    axe_clean("the summary", s.axe().await);
    s.go(&format!("{}/privacy/{slug}", srv.base)).await;
    s.wait_for_text("No IP address").await;
    axe_clean("the privacy notice", s.axe().await);
    staff_sign_in(&s, &srv, &mut owner).await;
    s.go(&format!("{}/admin/campaigns/{id}/dashboard", srv.base)).await;
    s.wait_for_text("dashboard").await;
    s.screenshot("dashboard").await;
    axe_clean("the dashboard", s.axe().await);
    s.go(&format!("{}/admin/campaigns/{id}/stories", srv.base)).await;
    s.wait_for_text("said something on day").await;
    s.screenshot("stories").await;
    axe_clean("the moderation queue", s.axe().await);
    s.go(&format!("{}/admin/campaigns/{id}/quotes", srv.base)).await;
    s.wait_for_text("Someone said something.").await;
    axe_clean("the quotes", s.axe().await);

    // The report, closed campaign: axe in the session (printing: see the test below).
    assert_eq!(
        b.post(&format!("/admin/campaigns/{id}/status"), &[("status", "closed"), ("confirm", "yes")])
            .await
            .status,
        303
    );
    s.go(&format!("{}/admin/campaigns/{id}/report", srv.base)).await;
    s.wait_for_text("How anonymity was protected").await;
    axe_clean("the report", s.axe().await);
    s.close().await;
}

/// The receipt on a thank-you page's source.
fn receipt_in(source: &str) -> String {
    let at = source.find("class=\"receipt-code\"").expect("a receipt on the thank-you page");
    let start = at + source[at..].find("<code>").unwrap() + 6;
    source[start..start + source[start..].find('<').unwrap()].to_string()
}

/// Types a receipt on `/f` and opens the thread.
async fn open_thread(s: &Session<'_>, base: &str, receipt: &str) -> String {
    s.go(&format!("{base}/f?lang=en")).await;
    s.wait_for_text("Receipt (30 digits)").await;
    s.type_into("#receipt", receipt).await;
    s.click("#receipt-form button[type=submit]").await;
    s.wait_for_text("What you wrote").await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_follow_up_thread_works_with_javascript_off_and_on_and_is_accessible() {
    if !available() {
        return;
    }
    let (srv, mut b, mut owner) = common::with_owner().await;
    srv.clock.advance(30);
    common::sign_in(&mut b, &mut owner).await;
    let (id, slug) = build_and_open_with(&mut b, "Browser thread", &[("follow_up", "on")]).await;
    let driver = Driver::start().await;
    let staff_reply = |text: &'static str| {
        let thread = srv.state.store.threads_of(&id).unwrap();
        let key = match thread.first() {
            Some((key, _)) => *key,
            None => srv.state.store.response_keys(&id).unwrap()[0],
        };
        (format!("/admin/campaigns/{id}/threads/{}/reply", data_encoding::HEXLOWER.encode(&key)), text)
    };

    // JavaScript off: respond, keep the receipt, open the thread, write; a staff reply
    // shows when the thread is opened again.
    let s = driver.session(false).await;
    s.go(&format!("{}/r/{slug}", srv.base)).await;
    fill_and_send(&s, false).await;
    let thanks = s.wait_for_text("Want an answer? Keep this receipt").await;
    s.screenshot("receipt").await;
    let receipt = receipt_in(&thanks);
    let page = open_thread(&s, &srv.base, &receipt).await;
    assert!(page.contains("Typed in a real browser.") && page.contains("Nobody has written yet."));
    s.type_into("#message", "Is anyone reading this?").await;
    s.click("button[name=action]").await;
    s.wait_for_text("Your message was sent.").await;
    s.screenshot("thread-js-off").await;
    let (path, text) = staff_reply("Yes, we read every message.");
    assert_eq!(b.post(&path, &[("text", text)]).await.status, 303);
    let page = open_thread(&s, &srv.base, &receipt).await;
    assert!(page.contains("Yes, we read every message.") && page.contains("Is anyone reading this?"));
    s.close().await;

    // JavaScript on: a staff reply appears without a reload; axe on every page of the way.
    let s = driver.session(true).await;
    s.go(&format!("{}/f", srv.base)).await;
    s.wait_for_text("Receipt (30 digits)").await;
    axe_clean("the receipt form", s.axe().await);
    s.type_into("#receipt", "12345 12345").await;
    s.click("#receipt-form button[type=submit]").await;
    s.wait_for_text("This receipt does not open a thread.").await;
    axe_clean("the wrong receipt page", s.axe().await);
    open_thread(&s, &srv.base, &receipt).await;
    axe_clean("the thread", s.axe().await);
    let (path, text) = staff_reply("A second reply, arriving while the page is open.");
    assert_eq!(b.post(&path, &[("text", text)]).await.status, 303);
    s.wait_for_text(text).await;
    s.screenshot("thread-js-on").await;
    axe_clean("the thread with a new message", s.axe().await);
    s.go(&format!("{}/r/{slug}", srv.base)).await;
    fill_and_send(&s, true).await;
    s.wait_for_text("Want an answer? Keep this receipt").await;
    axe_clean("the thank-you page with its receipt", s.axe().await);

    // The staff pages: the list marks the new message, and shows it without a reload.
    staff_sign_in(&s, &srv, &mut owner).await;
    s.go(&format!("{}/admin/campaigns/{id}/threads", srv.base)).await;
    s.wait_for_text("follow-up threads").await;
    axe_clean("the thread list", s.axe().await);
    let mut other = srv.browser();
    open_thread_http(&mut other, &receipt, "One more question from me.").await;
    s.wait_for_text("new message").await;
    s.click("#threads a").await;
    s.wait_for_text("One more question from me.").await;
    axe_clean("the staff thread page", s.axe().await);
    s.close().await;
}

/// Writes in a thread over plain HTTP, as another device of the respondent would.
async fn open_thread_http(b: &mut common::Browser, receipt: &str, message: &str) {
    b.get("/f").await;
    let r =
        b.post("/f", &[("receipt", receipt), ("lang", "en"), ("message", message), ("action", "send")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

/// Answers that vary from person to person and week to week, so that some counts show and
/// some are hidden; every fourth tells a story.
fn varied_answers(i: usize, week: usize) -> Vec<(String, String)> {
    let (a, b, c) = [(60, 20, 20), (20, 60, 20), (40, 40, 20), (60, 30, 10), (20, 20, 60)][(i + week) % 5];
    let mut answers: Vec<(&str, String)> = vec![
        ("q.q1", ["3", "4", "4", "5", "2", "4", "3", "5", "dk", "4"][(i + 2 * week) % 10].into()),
        ("q.q2", ["o1", "o2", "o2", "o3", "o2"][(i + week) % 5].into()),
        ("q.q3", ["o1", "o2", "o1", "o4"][i % 4].into()),
        ("q.q4", ((i * 3 + week) % 5).to_string()),
        ("q.q5", ((i * 17 + week * 9) % 101).to_string()),
        ("q.q6.a", a.to_string()),
        ("q.q6.b", b.to_string()),
        ("q.q6.c", c.to_string()),
        ("q.q7", if i.is_multiple_of(3) { "yes" } else { "no" }.into()),
        (
            "q.q8",
            if i.is_multiple_of(4) {
                format!("Week {week}, person {i}: what happened at the meeting.")
            } else {
                String::new()
            },
        ),
    ];
    if i.is_multiple_of(2) {
        answers.push(("q.q3", "o3".into()));
    }
    answers.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// Checks a page with charts as a reader would: every word and number of a chart at 12 px
/// or more, no text drawn inside an SVG, every hidden value a word and not a bar; then axe.
async fn charts_read_right(s: &Session<'_>, what: &str, width: u32) {
    let check = r#"
        var charts = document.querySelectorAll('.hbars, .likert, .ternary, .multiples, .chart-n, .likert-legend, .legend');
        var small = [], shown = 0;
        charts.forEach(function (chart) {
            var walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                var node = walker.currentNode;
                if (!node.textContent.trim()) continue;
                var el = node.parentElement;
                if (el.closest('details:not([open]) > :not(summary)')) continue;
                shown++;
                var size = parseFloat(getComputedStyle(el).fontSize);
                if (size < 12) small.push(node.textContent.trim() + ' ' + size + 'px');
            }
        });
        var svgText = document.querySelectorAll('svg text').length;
        var bars = Array.prototype.map.call(document.querySelectorAll('.hbar rect'), function (r) { return r.getBoundingClientRect().width; })
            .filter(function (w) { return w > 0; });
        var marks = Array.prototype.map.call(document.querySelectorAll('.hidden-mark'), function (m) {
            return { text: m.textContent.trim(), shapes: m.querySelectorAll('svg, rect').length, width: m.getBoundingClientRect().width };
        });
        return { small: small, shown: shown, svgText: svgText, shortestBar: bars.length ? Math.min.apply(null, bars) : null,
                 marks: marks, oldHidden: document.querySelectorAll('.hidden-cell').length,
                 overflow: document.documentElement.scrollWidth > window.innerWidth + 1 };
    "#;
    let r = s.script(check).await;
    assert!(r["shown"].as_u64().unwrap() > 20, "{what} at {width} px has chart text: {r}");
    assert_eq!(r["small"], json!([]), "{what} at {width} px: chart text below 12 px");
    assert_eq!(r["svgText"], json!(0), "{what}: no text inside an SVG");
    assert_eq!(r["oldHidden"], json!(0), "{what}: no hidden value drawn as a shape");
    assert_eq!(r["overflow"], json!(false), "{what} at {width} px scrolls sideways");
    for mark in r["marks"].as_array().unwrap() {
        assert_eq!(mark["shapes"], json!(0), "{what}: a hidden mark is a word, not a bar: {mark}");
        assert!(["hidden", "dolt", "verborgen"].contains(&mark["text"].as_str().unwrap()), "{mark}");
    }
    let violations = s.axe().await;
    assert!(violations.is_empty(), "axe on {what} at {width} px: {violations:#?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn charts_summaries_and_the_report_read_right_on_a_phone_a_desk_and_paper() {
    if !available() {
        return;
    }
    // Four weeks from Monday 1 December 2031, 8 questions (one of each kind), 43 people.
    let (srv, mut b, mut owner) =
        common::owner_at_with("2031-12-01T10:00:00+01:00", |c| c.limits.form_posts_per_minute = 10_000).await;
    let (id, slug) =
        build_and_open_with(&mut b, "Autumn pulse", &[("start", "2031-12-01"), ("end", "2031-12-28")]).await;
    for (week, people) in [14usize, 11, 3, 15].into_iter().enumerate() {
        srv.set_time(&format!("2031-12-{:02}T11:00:00+01:00", 1 + 7 * week));
        for i in 0..people {
            let r = common::campaign::answer(&mut srv.browser(), &slug, &varied_answers(i, week)).await;
            assert_eq!(r.status, 303, "{}", r.body);
        }
    }
    let c = srv.state.campaigns().get(&id).unwrap();
    let (stories, _) = srv.state.moderation().stories(&c).unwrap();
    for (story, text) in stories.iter().zip([
        "People talked over me in the meeting, again.",
        "A colleague stood up for me; it mattered.",
        "Nobody asked the new people what they thought.",
    ]) {
        srv.state.moderation().write_quote(&c, &story.response, &story.question, text, &[], "olga").unwrap();
    }
    srv.set_time("2031-12-29T10:00:00+01:00");
    owner.next_offset = owner.next_offset.max(srv.clock.now() - jiff::Timestamp::now().as_second());
    common::sign_in(&mut b, &mut owner).await;
    let first = tellpoint::jobs::summaries::unpublished(&srv.state, &c, srv.clock.now()).unwrap();
    let key = tellpoint::jobs::summaries::summary_key(&first[0]).to_string();
    let r = b.post(&format!("/admin/campaigns/{id}/summaries/publish"), &[("week", &key)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        b.post(&format!("/admin/campaigns/{id}/status"), &[("status", "closed"), ("confirm", "yes")])
            .await
            .status,
        303
    );

    let driver = Driver::start().await;
    for width in [390, 1366] {
        let s = driver.session_sized(true, width).await;
        s.go(&format!("{}/s/{slug}", srv.base)).await;
        s.wait_for_text("People talked over me").await;
        s.full_screenshot(&format!("results-summary-{width}")).await;
        charts_read_right(&s, "the summary", width).await;
        staff_sign_in(&s, &srv, &mut owner).await;
        s.go(&format!("{}/admin/campaigns/{id}/dashboard", srv.base)).await;
        s.wait_for_text("How included did you feel?").await;
        s.full_screenshot(&format!("results-dashboard-{width}")).await;
        charts_read_right(&s, "the dashboard", width).await;
        s.go(&format!("{}/admin/campaigns/{id}/report", srv.base)).await;
        s.wait_for_text("At a glance").await;
        s.full_screenshot(&format!("results-report-{width}")).await;
        charts_read_right(&s, "the report", width).await;
        if width == 1366 {
            // Printed by Chromium to A4: at most 8 pages.
            let pages = print_pages(&s, "results-report").await;
            assert!(
                (2..=8).contains(&pages),
                "the report of 4 weeks and 8 questions prints on {pages} A4 pages"
            );
        }
        s.close().await;
    }
}

/// Prints the session's page as Chromium prints to PDF (the page's own CSS page size and
/// margins, backgrounds on), keeps the PDF beside the screenshots, returns its pages.
async fn print_pages(s: &Session<'_>, name: &str) -> usize {
    let params = json!({ "cmd": "Page.printToPDF", "params": {
        "preferCSSPageSize": true, "printBackground": true, "displayHeaderFooter": false,
    }});
    let v = s.call(reqwest::Method::POST, "/goog/cdp/execute", params).await;
    let pdf = data_encoding::BASE64.decode(v["data"].as_str().unwrap().as_bytes()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    let shots = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    std::fs::write(shots.join(format!("{name}.pdf")), &pdf).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

/// Which of a question's choices are checked on the page, as their values.
async fn checked(s: &Session<'_>, name: &str) -> Value {
    s.script(&format!(
        "return Array.prototype.map.call(document.querySelectorAll(\"input[name='{name}']:checked\"), function (i) {{ return i.value; }});"
    ))
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn switching_language_on_a_personal_link_keeps_the_answers_and_the_ticket() {
    if !available() {
        return;
    }
    let smtp = SmtpServer::start();
    let (srv, mut b) = signed_in_owner_mailing(&smtp).await;
    let languages = [("audience", "enrolled"), ("languages", "en"), ("languages", "sv"), ("languages", "nl")];
    let (id, slug) = build_and_open_with(&mut b, "Three languages", &languages).await;
    let personal = common::campaign::enrol(&mut srv.browser(), &smtp, &slug, "lang@example.org").await;

    let driver = Driver::start().await;
    let s = driver.session(false).await;
    s.go(&format!("{}{personal}", srv.base)).await;
    let page = s.wait_for_text("name=\"ticket\"").await;
    let ticket = common::input_value(&page, "ticket");
    s.click("input[name='q.q1'][value='4']").await;
    s.click("input[name='q.q3'][value='o1']").await;
    s.click("input[name='q.q3'][value='o3']").await;
    s.type_into("#q-q8-input", "Written before switching, åäö.").await;
    s.click("button[name='switch'][value='sv']").await;
    let page = s.wait_for_text(">Skicka<").await;
    assert!(page.contains("lang=\"sv\""), "the page is in Swedish now");
    s.click("button[name='switch'][value='nl']").await;
    let page = s.wait_for_text(">Versturen<").await;
    assert_eq!(common::input_value(&page, "ticket"), ticket, "the same ticket, not a new one");
    assert_eq!(checked(&s, "q.q1").await, json!(["4"]));
    assert_eq!(checked(&s, "q.q3").await, json!(["o1", "o3"]));
    let story = s.script("return document.getElementById('q-q8-input').value;").await;
    assert_eq!(story, json!("Written before switching, åäö."));
    assert!(srv.state.store.responses_of(&id).unwrap().is_empty(), "switching stores nothing");
    s.screenshot("personal-form-switched-nl").await;

    // Enter in a number field sends the form (it is not taken for a language button).
    let field = s.find("#q-q6-a").await;
    s.call(reqwest::Method::POST, &format!("/element/{field}/value"), json!({ "text": "\u{E007}" })).await;
    s.wait_for_url("/thanks").await;
    let responses = srv.state.store.responses_of(&id).unwrap();
    assert_eq!(responses.len(), 1, "one response");
    let answers = format!("{:?}", responses[0].answers);
    assert!(answers.contains("\"q1\"") && answers.contains("\"q3\""), "{answers}");
    // The ticket was used once: sending the same form again is refused.
    s.go(&format!("{}{personal}", srv.base)).await;
    s.wait_for_text("name=\"ticket\"").await;
    let again = srv
        .browser()
        .post(
            &format!("/r/{slug}"),
            &[("ticket", &ticket), ("nonce", "x".repeat(26).as_str()), ("lang", "nl")],
        )
        .await;
    assert_ne!(again.status, 303, "a used ticket does not take a second response: {}", again.body);
    assert_eq!(srv.state.store.responses_of(&id).unwrap().len(), 1);
    s.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_staff_member_who_chose_swedish_gets_the_admin_panel_in_swedish() {
    if !available() {
        return;
    }
    let (srv, mut b, mut owner) = common::with_owner().await;
    srv.clock.advance(30);
    common::sign_in(&mut b, &mut owner).await;
    let (id, slug) =
        build_and_open_with(&mut b, "Höstpuls", &[("languages", "en"), ("languages", "sv")]).await;
    for i in 0..6 {
        let story = format!("Något hände på mötet dag {i}.");
        let r = common::campaign::answer(&mut srv.browser(), &slug, &common::campaign::full_answers(&story))
            .await;
        assert_eq!(r.status, 303);
    }
    // The language is the person's, kept with their account.
    let r = b.post("/account/language", &[("lang", "sv")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    srv.clock.advance(8 * 86_400);

    let driver = Driver::start().await;
    let s = driver.session(true).await;
    owner.next_offset = owner.next_offset.max(srv.clock.now() - jiff::Timestamp::now().as_second());
    staff_sign_in(&s, &srv, &mut owner).await;
    let pages = [
        (
            "/admin".to_string(),
            "admin-home-sv",
            vec![
                "Hej, olga",
                "Du är inloggad som ägare.",
                "Svar i släppta veckor",
                "Administrationens språk",
            ],
        ),
        (
            format!("/admin/campaigns/{id}"),
            "campaign-sv",
            vec![
                "Spara inställningarna",
                "Erbjudna språk",
                "Inledning ovanför formuläret",
                "flera val",
                "Anonymitetsgräns k",
            ],
        ),
        (
            format!("/admin/campaigns/{id}/dashboard"),
            "dashboard-sv",
            vec!["Ladda ner siffrorna (CSV)", "Anonymitetsgräns k = 5", "Siffrorna"],
        ),
        (
            format!("/admin/campaigns/{id}/stories"),
            "stories-sv",
            vec!["Skriv ett citat", "Uteslut för gott", "Nyaste dagen först"],
        ),
    ];
    for (path, name, words) in pages {
        s.go(&format!("{}{path}", srv.base)).await;
        let page = s.wait_for_text(words[0]).await;
        assert!(page.contains("<html lang=\"sv\">"), "{path} says it is Swedish");
        for w in &words {
            assert!(page.contains(w), "{path}: {w:?} in {page}");
        }
        for english in
            ["Hello, ", "Download figures", "Write a quote", "Sign out", "Save settings", "Languages offered"]
        {
            assert!(!page.contains(english), "{path}: no English {english:?} left");
        }
        s.full_screenshot(name).await;
        let violations = s.axe().await;
        assert!(violations.is_empty(), "axe on {path} in Swedish: {violations:#?}");
    }
    s.close().await;
}

/// The counts on a campaign card, as the reader sees them: each `dt` with its `dd`'s first
/// number, and the card's links.
async fn card_counts(s: &Session<'_>) -> Value {
    s.script(
        r#"var card = document.querySelector('.campaign-card');
        var counts = {};
        card.querySelectorAll('dl.counts > div').forEach(function (d) {
          counts[d.querySelector('dt').textContent.trim()] = d.querySelector('dd a').textContent.trim();
        });
        var links = Array.prototype.map.call(card.querySelectorAll('a'), function (a) { return a.getAttribute('href'); });
        var wide = document.documentElement.scrollWidth > document.documentElement.clientWidth;
        return { phase: card.querySelector('.phase').textContent.trim(), counts: counts, links: links, overflow: wide };"#,
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn each_roles_home_shows_its_counts_and_links_to_its_queues() {
    if !available() {
        return;
    }
    let (srv, mut b, mut owner) = common::owner_at_with("2031-12-03T10:00:00+01:00", |_| {}).await;
    let (id, slug) = build_and_open_with(
        &mut b,
        "Winter pulse",
        &[("start", "2031-12-01"), ("end", "2031-12-28"), ("reviewer_approval", "on"), ("follow_up", "on")],
    )
    .await;
    // Seven people answer in the first week, each with a story; one opens a thread.
    let mut receipt = String::new();
    for i in 0..7 {
        let mut p = srv.browser();
        let answers = common::campaign::full_answers(&format!("Something happened on day {i}."));
        let r = common::campaign::answer(&mut p, &slug, &answers).await;
        // With follow-up threads, the thank-you page (with its receipt) is the answer.
        assert_eq!(r.status, 200, "{}", r.body);
        if i == 0 {
            receipt = receipt_in(&r.body);
        }
    }
    open_thread_http(&mut srv.browser(), &receipt, "Can someone call me back?").await;
    let c = srv.state.campaigns().get(&id).unwrap();
    let m = srv.state.moderation();
    let (stories, _) = m.stories(&c).unwrap();
    m.mark(&c, &stories[6].response, &stories[6].question, tellpoint::store::StoryMark::Handled, "olga")
        .unwrap();
    let mut quotes = Vec::new();
    for (story, text) in stories.iter().zip(["Someone helped.", "It was loud.", "Nobody listened."]) {
        quotes.push(m.write_quote(&c, &story.response, &story.question, text, &[], "olga").unwrap());
    }
    m.review(&c, &quotes[0], true, "", "olga").unwrap();
    // The first week is released (as the dashboard would, once it ended).
    srv.set_time("2031-12-08T12:00:00+01:00");
    tellpoint::figures::releases(&srv.state.store, &c, srv.clock.now()).unwrap();
    // Two more answers in the running week: counted nowhere on the home.
    for _ in 0..2 {
        let r =
            common::campaign::answer(&mut srv.browser(), &slug, &common::campaign::full_answers("")).await;
        assert_eq!(r.status, 200);
    }

    owner.next_offset = owner.next_offset.max(srv.clock.now() - jiff::Timestamp::now().as_second() + 30);
    common::sign_in(&mut b, &mut owner).await;
    let (_, mut analyst) = common::invite(&srv, &mut b, "analyst", "ana").await;
    let (_, mut moderator) = common::invite(&srv, &mut b, "moderator", "mo").await;
    let (_, mut reviewer) = common::invite(&srv, &mut b, "reviewer", "rey").await;
    let base = format!("/admin/campaigns/{id}");
    let driver = Driver::start().await;
    for width in [390, 1366] {
        let expected = [
            (
                &mut owner,
                json!({
                    "Responses in released weeks": "7", "Stories to moderate": "6",
                    "Quotes waiting for a reviewer": "2", "Unread threads": "1",
                    "Summaries waiting to be published": "1",
                }),
                vec!["/dashboard", "/stories", "/quotes", "/threads", "/summaries"],
            ),
            (&mut analyst, json!({ "Responses in released weeks": "7" }), vec!["/dashboard"]),
            (
                &mut moderator,
                json!({ "Stories to moderate": "6", "Quotes waiting for a reviewer": "2", "Unread threads": "1" }),
                vec!["/stories", "/quotes", "/threads"],
            ),
        ];
        for (account, counts, queues) in expected {
            let s = driver.session_sized(true, width).await;
            staff_sign_in(&s, &srv, account).await;
            s.go(&format!("{}/admin", srv.base)).await;
            s.wait_for_text("campaign-card").await;
            let name = account.username.clone();
            s.full_screenshot(&format!("home-{name}-{width}")).await;
            let card = card_counts(&s).await;
            assert_eq!(card["phase"], json!("open"), "{name}: {card}");
            assert_eq!(card["counts"], counts, "{name} at {width} px");
            assert_eq!(card["overflow"], json!(false), "{name} at {width} px scrolls sideways");
            for queue in queues {
                let href = format!("{base}{queue}");
                assert!(card["links"].as_array().unwrap().contains(&json!(href)), "{name}: {href} in {card}");
            }
            axe_clean(&format!("{name}'s home at {width} px"), s.axe().await);
            s.close().await;
        }
        // A reviewer of one campaign lands on its queue, which counts what waits.
        let s = driver.session_sized(true, width).await;
        staff_sign_in(&s, &srv, &mut reviewer).await;
        s.go(&format!("{}/admin", srv.base)).await;
        s.wait_for_url(&format!("{base}/quotes")).await;
        s.wait_for_text("2 quotes wait for a reviewer.").await;
        s.full_screenshot(&format!("home-reviewer-{width}")).await;
        axe_clean(&format!("the reviewer's queue at {width} px"), s.axe().await);
        s.close().await;
    }
}

fn axe_clean(what: &str, violations: Vec<Value>) {
    assert!(violations.is_empty(), "axe on {what}: {violations:#?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_thread_page_notices_its_session_ended_and_keeps_the_typed_reply() {
    if !available() {
        return;
    }
    let (srv, mut b, mut owner) = common::with_owner().await;
    srv.clock.advance(30);
    common::sign_in(&mut b, &mut owner).await;
    let (id, slug) = build_and_open_with(&mut b, "Expiry", &[("follow_up", "on")]).await;
    let r =
        common::campaign::answer(&mut srv.browser(), &slug, &common::campaign::full_answers("Hello?")).await;
    open_thread_http(&mut srv.browser(), &receipt_in(&r.body), "Is anyone there?").await;
    let key = srv.state.store.threads_of(&id).unwrap()[0].0;
    let thread =
        format!("{}/admin/campaigns/{id}/threads/{}", srv.base, data_encoding::HEXLOWER.encode(&key));

    // Without a session, the page's poll gets 401, not the sign-in page as "new messages".
    let mut stranger = srv.browser();
    let polled = stranger
        .get_with_header(&format!("/admin/campaigns/{id}/threads/list"), "X-Tellpoint-Poll", "1")
        .await;
    assert_eq!(polled.status, 401);

    let driver = Driver::start().await;
    let s = driver.session(true).await;
    staff_sign_in(&s, &srv, &mut owner).await;
    s.go(&thread).await;
    s.wait_for_text("Is anyone there?").await;
    s.type_into("#reply-text", "We are here; tell us more.").await;
    // The session ends (timed out, or signed out elsewhere).
    srv.state.store.delete_sessions_of("olga").unwrap();
    // (The words are on the page from the start, in a data attribute; the alert is new.)
    let deadline = Instant::now() + Duration::from_secs(15);
    let alert =
        "var a = document.querySelector('div.error-summary[role=alert] p'); return a ? a.textContent : null;";
    while s.script(alert).await.is_null() {
        assert!(Instant::now() < deadline, "the page never noticed its session ended");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(s.script(alert).await.as_str().unwrap().starts_with("Your session has ended"));
    let page = s.source().await;
    assert!(page.contains("Is anyone there?"), "the messages stay on the page");
    let typed = s.script("return document.getElementById('reply-text').value;").await;
    assert_eq!(typed, json!("We are here; tell us more."));
    s.screenshot("thread-session-ended").await;
    axe_clean("the thread after its session ended", s.axe().await);
    // Signing in again in the same tab and opening the thread: the reply is back in the box.
    staff_sign_in(&s, &srv, &mut owner).await;
    s.go(&thread).await;
    s.wait_for_text("Is anyone there?").await;
    let typed = s.script("return document.getElementById('reply-text').value;").await;
    assert_eq!(typed, json!("We are here; tell us more."));
    s.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_staff_pages_that_guide_and_guard_are_accessible_on_a_phone_and_a_desk() {
    if !available() {
        return;
    }
    let (srv, mut b, mut owner) = common::with_owner().await;
    srv.clock.advance(30);
    common::sign_in(&mut b, &mut owner).await;
    let (id, slug) = build_and_open_with(&mut b, "Guarded", &[("reviewer_approval", "on")]).await;
    let r = common::campaign::answer(
        &mut srv.browser(),
        &slug,
        &common::campaign::full_answers("Mr. Larsson shouted at Anna."),
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(b.post("/admin/staff/invite", &[("role", "moderator")]).await.status, 200);
    let c = srv.state.campaigns().get(&id).unwrap();
    let (stories, _) = srv.state.moderation().stories(&c).unwrap();
    let story = format!("/admin/campaigns/{id}/stories/{}/{}", stories[0].response, stories[0].question);
    let driver = Driver::start().await;
    for width in [390, 1366] {
        let s = driver.session_sized(true, width).await;
        staff_sign_in(&s, &srv, &mut owner).await;
        let pages = [
            (format!("/admin/campaigns/{id}"), "campaign"),
            (format!("/admin/campaigns/{id}/stories"), "stories"),
            ("/admin/staff".to_string(), "staff"),
            ("/admin/audit".to_string(), "audit"),
            ("/admin/sms".to_string(), "sms"),
            ("/admin/erasure".to_string(), "erasure"),
        ];
        for (path, name) in pages {
            s.go(&format!("{}{path}", srv.base)).await;
            s.wait_for_text("class=\"who\"").await;
            // Open every confirmation, so the boxes inside are audited too.
            s.script(
                "document.querySelectorAll('details').forEach(function (d) { d.open = true; }); return null;",
            )
            .await;
            s.full_screenshot(&format!("guard-{name}-{width}")).await;
            s.assert_no_sideways_scroll(&format!("{name} at {width} px")).await;
            axe_clean(&format!("{name} at {width} px"), s.axe().await);
        }
        // A quote that keeps a flagged name: the page with its keep boxes.
        s.go(&format!("{}{story}", srv.base)).await;
        s.wait_for_text("quote-text").await;
        s.type_into("#quote-text", "Mr. Larsson shouted.").await;
        s.click("form[action$='/quote'] button[type=submit]").await;
        s.wait_for_text("Words that may identify someone").await;
        s.full_screenshot(&format!("guard-quote-{width}")).await;
        axe_clean(&format!("the quote with flagged words at {width} px"), s.axe().await);
        // The question form with problems named at their fields.
        s.go(&format!("{}/admin/campaigns/{id}/questions?kind=scale", srv.base)).await;
        s.wait_for_text("f-prompt-en").await;
        s.click("form[action$='/questions'] button[type=submit]").await;
        s.wait_for_text("The question was not saved").await;
        s.full_screenshot(&format!("guard-question-{width}")).await;
        axe_clean(&format!("the question form's problems at {width} px"), s.axe().await);
        s.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_text_message_pages_read_in_swedish_and_dutch_on_a_phone_and_a_desk() {
    if !available() {
        return;
    }
    let secret = |s: &str| serde_json::from_value(json!(s)).unwrap();
    let (srv, mut b, mut owner) = common::with_owner_with(|c| {
        c.sms.enabled = true;
        // Nothing listens there: the texts of this test wait in the outbox.
        c.sms.url = "http://127.0.0.1:9/cgi-bin/sendsms".into();
        c.sms.username = "tellpoint".into();
        c.sms.password = secret("pw");
        c.sms.from = "Skolan".into();
        c.sms.monthly_cap = 2000;
        c.sms.price_per_segment = 0.45;
        c.sms.incoming_token = secret("token");
    })
    .await;
    srv.clock.advance(30);
    common::sign_in(&mut b, &mut owner).await;
    let settings = [
        ("audience", "enrolled"),
        ("contact", "both"),
        ("languages", "sv"),
        ("languages", "nl"),
        ("remind_at", "09:00"),
        ("remind_days", "mon"),
    ];
    let (id, slug) = build_and_open_with(&mut b, "Höstpuls", &settings).await;
    let page = format!("/admin/campaigns/{id}");
    let csv = b"namn;mobil;e-post\nAnna;070-333 44 55;\nBo;;bo@example.org\n".to_vec();
    let r =
        b.post_multipart(&format!("{page}/allow-list"), &[("mode", "add")], ("file", "klass.csv", csv)).await;
    assert_eq!(r.status, 303, "{}", r.body);
    // A participant by number, and what the SMS page counts.
    let c = srv.state.campaigns().get(&id).unwrap();
    let people = srv.state.participants();
    let Ok(tellpoint::participants::Enrolled::Confirm { token, .. }) =
        people.enrol(&c, "+46703334455", tellpoint::model::Lang::SV)
    else {
        panic!("a listed number enrols")
    };
    people.confirm(&token).unwrap();
    let access = people.request_access("+46703334455").unwrap().expect("a number with an enrolment");
    let today = (srv.clock.now() / 86_400) as i32;
    srv.state.store.expect_reports(&[[1; 16], [2; 16], [3; 16]], today).unwrap();
    let reports =
        [([1; 16], tellpoint::store::Delivery::Delivered), ([2; 16], tellpoint::store::Delivery::Failed)];
    srv.state.store.settle_reports(&reports).unwrap();

    let driver = Driver::start().await;
    for lang in ["sv", "nl"] {
        assert_eq!(b.post("/account/language", &[("lang", lang)]).await.status, 303);
        for width in [390, 1366] {
            let s = driver.session_sized(true, width).await;
            staff_sign_in(&s, &srv, &mut owner).await;
            let pages = [
                ("/admin/sms".to_string(), "sms", "class=\"who\""),
                (format!("{page}#enrolment"), "campaign", "class=\"who\""),
                (format!("/e/{slug}?lang={lang}"), "enrol", "enrol-phone"),
                (format!("/privacy/access/{access}?lang={lang}"), "rights", "new-email"),
            ];
            for (path, name, marker) in pages {
                s.go(&format!("{}{path}", srv.base)).await;
                s.wait_for_text(marker).await;
                s.full_screenshot(&format!("texts-{name}-{lang}-{width}")).await;
                s.assert_no_sideways_scroll(&format!("{name} ({lang}) at {width} px")).await;
                axe_clean(&format!("{name} ({lang}) at {width} px"), s.axe().await);
            }
            s.close().await;
        }
    }
    let sms = b.get("/admin/sms").await.body;
    assert!(sms.contains("afgeleverd op de telefoon 1, niet afgeleverd 1, nog niet gemeld 1"), "{sms}");
    let body = b.get(&page).await.body;
    assert!(body.contains("Eén adres en één mobiel nummer mogen zich aanmelden"), "{body}");
}
