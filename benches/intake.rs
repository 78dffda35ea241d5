//! Intake benchmark: starts the release binary over TLS, builds an open campaign with one
//! question of every kind, then loads it with 64 connections: first `GET /healthz` (the
//! ceiling), then `POST /r/{slug}` with a realistic 8-question body and a 500-character
//! story. Prints throughput, latency percentiles, the ratio to the ceiling and the server's
//! peak RSS. Run: `cargo bench --bench intake` (BENCH_SECS sets each phase's length).

#[path = "../tests/common/mod.rs"]
mod common;

mod load;

use std::time::Duration;

use common::campaign::{build_and_open, full_answers};
use common::{Instance, create_account, sign_in};
use load::load;

const CONNECTIONS: usize = 64;

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

    let ceiling = load(&tp.base, &cert, CONNECTIONS, secs, None).await;
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
    let intake = load(&tp.base, &cert, CONNECTIONS, secs, Some((slug, body))).await;
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
