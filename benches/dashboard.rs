//! Figures benchmark: one campaign holding N responses (default 1,000,000) to a question of
//! every kind, spread over four weeks and split by a question. Prints the time to release
//! its figures (one scan of the responses, then the protection decision of each of the four
//! weeks and of the whole campaign), the time of one scan alone, the server time of the
//! dashboard's figures once released (p50/p95 over 200 runs; goal ≤ 5 ms), of a released
//! week split into groups (the same releases; goal ≤ 50 ms), and of the final report page.
//! Asserts nothing. Run: `cargo bench --bench dashboard` (DASHBOARD_BENCH_N sets N).

use std::time::{Duration, Instant};

#[path = "fill.rs"]
mod fill;

use tellpoint::app::AppState;
use tellpoint::clock::Clock;
use tellpoint::config::Config;
use tellpoint::figures::releases;

fn percentile(mut times: Vec<Duration>, p: f64) -> Duration {
    times.sort();
    times[((times.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let n: usize = std::env::var("DASHBOARD_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let config = Config { data_dir: dir.path().join("data"), ..Config::default() };
    let state = AppState::open(config, Clock::default()).unwrap();
    let (mut c, q) = fill::campaign(&state, "Bench");
    c.settings.breakdown = "q2".into();
    state.store.save_campaign(&c).unwrap();
    let filling = Instant::now();
    fill::fill(&state, &c, &q, n);
    println!("filled {n} responses in {:.1} s", filling.elapsed().as_secs_f64());
    // The day after the campaign closed: every week and the whole campaign are due.
    let now = state.clock.now() + 2 * 86_400;

    let t = Instant::now();
    tellpoint::figures::answered_values(&state.store, &c, "q1", 1).unwrap();
    println!("one scan of the responses: {:.0} ms", ms(t.elapsed()));

    let t = Instant::now();
    let released = releases(&state.store, &c, now).unwrap();
    println!(
        "releasing {} periods and the whole campaign (scan and protection decisions): {:.0} ms",
        released.len() - 1,
        ms(t.elapsed())
    );

    let mut times = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        std::hint::black_box(releases(&state.store, &c, now).unwrap());
        times.push(t.elapsed());
    }
    println!(
        "dashboard figures once released: p50 {:.2} ms, p95 {:.2} ms (goal ≤ 5 ms)",
        ms(percentile(times.clone(), 0.5)),
        ms(percentile(times, 0.95))
    );

    let mut times = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        let all = releases(&state.store, &c, now).unwrap();
        let split = all.iter().find(|r| !r.groups.is_empty()).expect("a split week");
        std::hint::black_box(split.groups.len());
        times.push(t.elapsed());
    }
    println!(
        "a week split by q2: p50 {:.2} ms, p95 {:.2} ms (goal ≤ 50 ms)",
        ms(percentile(times.clone(), 0.5)),
        ms(percentile(times, 0.95))
    );

    let mut times = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let html = tellpoint::web::report::report_html(&state, &c.id, None).unwrap();
        std::hint::black_box(html);
        times.push(t.elapsed());
    }
    println!("final report page: p50 {:.1} ms", ms(percentile(times, 0.5)));
}
