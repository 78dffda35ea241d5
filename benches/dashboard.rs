//! Dashboard benchmark: one campaign holding N responses (default 1,000,000) to a question
//! of every kind, spread over four weeks. Prints the server time of the unfiltered
//! dashboard figures (read from the counters: p50/p95 over 200 runs; goal p95 ≤ 5 ms), of a
//! filtered view (a scan of the campaign's responses: p50/p95 over 10 runs; goal ≤ 250 ms),
//! and of rendering the final report page. Asserts nothing.
//! Run: `cargo bench --bench dashboard` (DASHBOARD_BENCH_N sets the number of responses).

use std::time::{Duration, Instant};

#[path = "fill.rs"]
mod fill;

use tellpoint::app::AppState;
use tellpoint::clock::Clock;
use tellpoint::config::Config;
use tellpoint::dashboard::load;
use tellpoint::model::figures::Filter;

fn percentile(mut times: Vec<Duration>, p: f64) -> Duration {
    times.sort();
    times[((times.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let n: usize = std::env::var("DASHBOARD_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let config = Config { data_dir: dir.path().join("data"), ..Config::default() };
    let state = AppState::open(config, Clock::default()).unwrap();
    let (c, q) = fill::campaign(&state, "Bench");
    let today = c.settings.today(state.clock.now());
    let filling = Instant::now();
    fill::fill(&state, &c, &q, n);
    println!("filled {n} responses in {:.1} s", filling.elapsed().as_secs_f64());

    let mut times = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let f = load(&state.store, &c, &q, c.version, today, None).unwrap();
        std::hint::black_box(f);
        times.push(t.elapsed());
    }
    println!(
        "unfiltered dashboard figures: p50 {:.2} ms, p95 {:.2} ms (goal p95 ≤ 5 ms)",
        percentile(times.clone(), 0.5).as_secs_f64() * 1e3,
        percentile(times, 0.95).as_secs_f64() * 1e3
    );

    let filter = Filter { question: "q7".into(), value: 0 };
    let mut times = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let f = load(&state.store, &c, &q, c.version, today, Some(filter.clone())).unwrap();
        std::hint::black_box(f);
        times.push(t.elapsed());
    }
    println!(
        "filtered view (q7 = yes): p50 {:.0} ms, p95 {:.0} ms (goal ≤ 250 ms)",
        percentile(times.clone(), 0.5).as_secs_f64() * 1e3,
        percentile(times, 0.95).as_secs_f64() * 1e3
    );

    let mut times = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let html = tellpoint::web::report::report_html(&state, &c.id, None).unwrap();
        std::hint::black_box(html);
        times.push(t.elapsed());
    }
    println!("final report page: p50 {:.1} ms", percentile(times, 0.5).as_secs_f64() * 1e3);
}
