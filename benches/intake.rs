//! Intake benchmark: starts the release binary over TLS, builds an open campaign with one
//! question of every kind, then loads it with 64 connections: first `GET /healthz` (the
//! ceiling), then `POST /r/{slug}` with a realistic 8-question body and a 500-character
//! story. Prints throughput, latency percentiles, the ratio to the ceiling and the server's
//! peak RSS. Run: `cargo bench --bench intake` (BENCH_SECS sets each phase's length).

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::campaign::{build_and_open, full_answers};
use common::{Instance, create_account, sign_in};

const CONNECTIONS: usize = 64;

struct Phase {
    requests: usize,
    errors: usize,
    secs: f64,
    latencies_ms: Vec<f64>,
}

impl Phase {
    fn per_sec(&self) -> f64 {
        self.requests as f64 / self.secs
    }

    fn percentile(&self, p: f64) -> f64 {
        let mut l = self.latencies_ms.clone();
        l.sort_by(f64::total_cmp);
        l.get(((l.len() as f64 - 1.0) * p) as usize).copied().unwrap_or(0.0)
    }
}

fn client(cert: &[u8]) -> reqwest::Client {
    reqwest::Client::builder()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(cert).unwrap())
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(1)
        .http1_only()
        .build()
        .unwrap()
}

/// Runs `CONNECTIONS` loops for `secs`, each with its own client (its own connection).
async fn load(base: &str, cert: &[u8], secs: u64, post: Option<(String, String)>) -> Phase {
    let deadline = Instant::now() + Duration::from_secs(secs);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CONNECTIONS {
        let c = client(cert);
        let base = base.to_string();
        let post = post.clone();
        tasks.push(tokio::spawn(async move {
            let (mut ok, mut errors, mut lat) = (0usize, 0usize, Vec::new());
            // A CSRF cookie per connection, as a browser would have.
            let csrf = match &post {
                Some((slug, _)) => {
                    let r = c.get(format!("{base}/r/{slug}")).send().await.unwrap();
                    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
                    cookie.split(';').next().unwrap().split_once('=').unwrap().1.to_string()
                }
                None => String::new(),
            };
            while Instant::now() < deadline {
                let t = Instant::now();
                let result = match &post {
                    None => c.get(format!("{base}/healthz")).send().await,
                    Some((slug, body)) => {
                        let nonce = tellpoint::accounts::new_token();
                        c.post(format!("{base}/r/{slug}"))
                            .header("content-type", "application/x-www-form-urlencoded")
                            .header("cookie", format!("__Host-tellpoint-csrf={csrf}"))
                            .body(format!("csrf={csrf}&nonce={nonce}&{body}"))
                            .send()
                            .await
                    }
                };
                match result {
                    Ok(r) if r.status().as_u16() == 200 || r.status().as_u16() == 303 => {
                        let _ = r.bytes().await;
                        ok += 1;
                        lat.push(t.elapsed().as_secs_f64() * 1000.0);
                    }
                    _ => errors += 1,
                }
            }
            (ok, errors, lat)
        }));
    }
    let mut phase = Phase { requests: 0, errors: 0, secs: 0.0, latencies_ms: Vec::new() };
    for t in tasks {
        let (ok, errors, lat) = t.await.unwrap();
        phase.requests += ok;
        phase.errors += errors;
        phase.latencies_ms.extend(lat);
    }
    phase.secs = started.elapsed().as_secs_f64();
    phase
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("VmRSS:")?.trim().split(' ').next()?.parse().ok()).unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let secs: u64 = std::env::var("BENCH_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(
        dir.path(),
        // The systemd unit's malloc setting, so RSS is measured as deployed.
        &[("TELLPOINT_LIMITS__FORM_POSTS_PER_MINUTE", "100000000"), ("MALLOC_MMAP_THRESHOLD_", "131072")],
    );
    let mut b = tp.browser();
    let mut owner = create_account(&mut b, &tp.setup_path(), "olga").await;
    sign_in(&mut b, &mut owner).await;
    let (_, slug) = build_and_open(&mut b, "Benchmark").await;
    let story: String = "We were told the meeting was full, but three others joined after me. "
        .chars()
        .cycle()
        .take(500)
        .collect();
    let body = serde_urlencoded::to_string(full_answers(&story)).unwrap();
    let cert = std::fs::read(tp.data_dir().join("tls/cert.pem")).unwrap();
    let pid = tp.child.id();
    println!(
        "tellpoint intake benchmark: {CONNECTIONS} connections, {secs} s per phase, client and server on this machine ({} cores)",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!("idle RSS: {} KiB; body: {} bytes", rss_kib(pid), body.len() + 70);

    let ceiling = load(&tp.base, &cert, secs, None).await;
    let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let sampler = {
        let peak = peak.clone();
        tokio::spawn(async move {
            loop {
                peak.fetch_max(rss_kib(pid), std::sync::atomic::Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
    };
    let intake = load(&tp.base, &cert, secs, Some((slug, body))).await;
    sampler.abort();
    for (name, p) in [("GET /healthz (ceiling)", &ceiling), ("POST /r/{slug} (responses)", &intake)] {
        println!(
            "{name:28} {:>8.0} req/s  p50 {:>6.1} ms  p99 {:>6.1} ms  ({} ok, {} failed)",
            p.per_sec(),
            p.percentile(0.5),
            p.percentile(0.99),
            p.requests,
            p.errors
        );
    }
    println!("responses / ceiling: {:.0} %", 100.0 * intake.per_sec() / ceiling.per_sec());
    println!("peak RSS under load: {} KiB", peak.load(std::sync::atomic::Ordering::Relaxed));
    assert_eq!(tp.stop().code(), Some(0));
}
