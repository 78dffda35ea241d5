//! Edge benchmark: the release binary over TLS, `GET /healthz` and response posts from 32
//! keep-alive connections, first alone and then while 2,000 slow connections from 50
//! loopback addresses are held open (each sends the first bytes of a TLS record and
//! stalls; when the head timeout closes it, it connects again at once). Prints requests
//! per second and p99 for both, and their ratio. Run: `cargo bench --bench edge`
//! (BENCH_SECS sets each phase's length; 10 by default).

#[path = "../tests/common/mod.rs"]
mod common;

mod load;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use common::campaign::{build_and_open, full_answers};
use common::{Instance, create_account, sign_in};
use load::{Phase, load};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const CONNECTIONS: usize = 32;
const SLOW: usize = 2_000;
const SLOW_ADDRESSES: usize = 50;

/// Holds `SLOW` stalled connections until `stop`; `open` counts those currently connected.
fn hold_slow(
    addr: std::net::SocketAddr,
    open: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
) -> Vec<tokio::task::JoinHandle<()>> {
    (0..SLOW)
        .map(|i| {
            let (open, stop) = (open.clone(), stop.clone());
            let local: std::net::IpAddr = format!("127.0.9.{}", 1 + i % SLOW_ADDRESSES).parse().unwrap();
            tokio::spawn(async move {
                while !stop.load(Ordering::Relaxed) {
                    let socket = tokio::net::TcpSocket::new_v4().unwrap();
                    socket.bind((local, 0).into()).unwrap();
                    let Ok(mut stream) = socket.connect(addr).await else {
                        tokio::time::sleep(Duration::from_millis(200)).await;
                        continue;
                    };
                    // A TLS handshake record announcing 512 bytes, and nothing more.
                    if stream.write_all(&[0x16, 0x03, 0x01, 0x02, 0x00]).await.is_err() {
                        continue;
                    }
                    open.fetch_add(1, Ordering::Relaxed);
                    let mut buf = [0u8; 64];
                    loop {
                        tokio::select! {
                            r = stream.read(&mut buf) => if matches!(r, Ok(0) | Err(_)) { break },
                            _ = tokio::time::sleep(Duration::from_millis(500)) => if stop.load(Ordering::Relaxed) { break },
                        }
                    }
                    open.fetch_sub(1, Ordering::Relaxed);
                }
            })
        })
        .collect()
}

fn line(name: &str, p: &Phase) {
    println!(
        "{name:44} {:>7.0} req/s  p50 {:>6.1} ms  p99 {:>6.1} ms  ({} ok, {} failed)",
        p.per_sec(),
        p.percentile(0.5),
        p.percentile(0.99),
        p.requests,
        p.errors
    );
}

#[tokio::main]
async fn main() {
    let secs: u64 = std::env::var("BENCH_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(dir.path(), &[("TELLPOINT_LIMITS__FORM_POSTS_PER_MINUTE", "100000000")]);
    let mut b = tp.browser();
    let mut owner = create_account(&mut b, &tp.setup_path(), "olga").await;
    sign_in(&mut b, &mut owner).await;
    let (_, slug) = build_and_open(&mut b, "Benchmark").await;
    let body =
        serde_urlencoded::to_string(full_answers("The meeting was moved without telling us.")).unwrap();
    let cert = std::fs::read(tp.data_dir().join("tls/cert.pem")).unwrap();
    let addr: std::net::SocketAddr = tp.base.trim_start_matches("https://").parse().unwrap();
    println!(
        "tellpoint edge benchmark: {CONNECTIONS} connections, {secs} s per phase, {SLOW} slow connections from {SLOW_ADDRESSES} addresses, client and server on this machine ({} cores)",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let post = Some((slug, body));
    let quiet_get = load(&tp.base, &cert, CONNECTIONS, secs, None).await;
    let quiet_post = load(&tp.base, &cert, CONNECTIONS, secs, post.clone()).await;

    let (open, stop) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicBool::new(false)));
    let holders = hold_slow(addr, open.clone(), stop.clone());
    while open.load(Ordering::Relaxed) < SLOW * 95 / 100 {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let held_before = open.load(Ordering::Relaxed);
    let slow_get = load(&tp.base, &cert, CONNECTIONS, secs, None).await;
    let slow_post = load(&tp.base, &cert, CONNECTIONS, secs, post).await;
    let held_after = open.load(Ordering::Relaxed);
    stop.store(true, Ordering::Relaxed);
    for h in holders {
        let _ = h.await;
    }

    line("GET /healthz", &quiet_get);
    line("GET /healthz, 2,000 slow connections held", &slow_get);
    line("POST /r/{slug}", &quiet_post);
    line("POST /r/{slug}, 2,000 slow connections held", &slow_post);
    println!("slow connections open at the start / end of the loaded phases: {held_before} / {held_after}");
    for (name, quiet, slow) in
        [("GET /healthz", &quiet_get, &slow_get), ("POST /r/{slug}", &quiet_post, &slow_post)]
    {
        println!(
            "{name}: with / without slow connections: {:.2}× the requests per second, {:.2}× the p99",
            slow.per_sec() / quiet.per_sec(),
            slow.percentile(0.99) / quiet.percentile(0.99)
        );
    }
    assert_eq!(tp.stop().code(), Some(0));
}
