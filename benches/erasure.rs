//! Erasure benchmark: one campaign holding N responses (default 1,000,000) is erased on
//! demand while another campaign takes responses one durable commit at a time. Prints the
//! time to erase (keys destroyed, rows deleted in batches, keyring rewritten) and the
//! intake commit latencies before and during the erasure: the longest is how long intake
//! for other campaigns was held up (goal: done in ≤ 2 s, no pause over 100 ms). Asserts
//! nothing. Run: `cargo bench --bench erasure` (ERASURE_BENCH_N sets N).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

#[path = "fill.rs"]
mod fill;

use rand::SeedableRng;
use tellpoint::app::AppState;
use tellpoint::clock::Clock;
use tellpoint::config::Config;
use tellpoint::erasure::Erasure;

fn summary(mut times: Vec<Duration>) -> String {
    times.sort();
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1e3;
    format!("{} commits, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms", times.len(), at(0.5), at(0.99), at(1.0))
}

/// Commits single responses to `other` until `stop`; returns each commit's latency.
fn intake(
    state: Arc<AppState>,
    other: (tellpoint::model::campaign::Campaign, tellpoint::model::questionnaire::Questionnaire),
    stop: Arc<AtomicBool>,
) -> Vec<Duration> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(2);
    let mut times = Vec::new();
    while !stop.load(Ordering::Relaxed) {
        let r = fill::response(&mut rng, &other.0, &other.1);
        let t = Instant::now();
        state.store.record_responses(&[r]).unwrap();
        times.push(t.elapsed());
    }
    times
}

fn main() {
    let n: usize = std::env::var("ERASURE_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let config = Config { data_dir: dir.path().join("data"), ..Config::default() };
    let state = AppState::open(config, Clock::default()).unwrap();
    let (big, q) = fill::campaign(&state, "Erased");
    let other = fill::campaign(&state, "Still answering");
    let filling = Instant::now();
    fill::fill(&state, &big, &q, n);
    println!("filled {n} responses in {:.1} s", filling.elapsed().as_secs_f64());

    let stop = Arc::new(AtomicBool::new(false));
    let baseline = {
        let (state, other, stop) = (state.clone(), other.clone(), stop.clone());
        std::thread::spawn(move || intake(state, other, stop))
    };
    std::thread::sleep(Duration::from_secs(2));
    stop.store(true, Ordering::Relaxed);
    println!("intake alone:        {}", summary(baseline.join().unwrap()));

    let stop = Arc::new(AtomicBool::new(false));
    let during = {
        let (state, other, stop) = (state.clone(), other.clone(), stop.clone());
        std::thread::spawn(move || intake(state, other, stop))
    };
    std::thread::sleep(Duration::from_millis(200));
    let t = Instant::now();
    let run = Erasure { store: &state.store, defaults: &state.config.retention, now: state.clock.now() };
    let entries = run.erase_campaign(&big, "Erased", "bench").unwrap();
    let took = t.elapsed();
    stop.store(true, Ordering::Relaxed);
    let responses = entries.iter().find(|e| e.class == "responses").map_or(0, |e| e.count);
    println!("erased {responses} responses in {:.2} s (goal ≤ 2 s)", took.as_secs_f64());
    println!("intake meanwhile:    {} (goal: max ≤ 100 ms)", summary(during.join().unwrap()));
    let size = std::fs::metadata(dir.path().join("data/tellpoint.redb")).map_or(0, |m| m.len());
    println!("store file afterwards: {:.0} MiB", size as f64 / (1 << 20) as f64);
}
