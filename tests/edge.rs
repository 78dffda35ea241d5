//! The network edge under attack from loopback: thousands of half-open and trickling
//! connections while a normal client keeps being served; a bad Host; HTTP/2 without ALPN.

mod common;

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

use common::campaign::{answer, build_and_open, full_answers};
use common::{Instance, create_account, sign_in};

async fn tcp_from(local: IpAddr, server: SocketAddr) -> std::io::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(SocketAddr::new(local, 0))?;
    socket.connect(server).await
}

/// Whether the server has closed a connection: a read returns end of file or an error.
async fn closed<S: AsyncReadExt + Unpin>(s: &mut S) -> bool {
    let mut buf = [0u8; 64];
    match tokio::time::timeout(Duration::from_millis(200), s.read(&mut buf)).await {
        Ok(Ok(0)) | Ok(Err(_)) => true,
        Ok(Ok(_)) => true,
        Err(_) => false,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_thousand_slow_connections_do_not_keep_a_normal_client_out() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(
        dir.path(),
        &[("TELLPOINT_LIMITS__HEAD_TIMEOUT_SECS", "4"), ("TELLPOINT_LIMITS__FORM_POSTS_PER_MINUTE", "10000")],
    );
    let mut owner_b = tp.browser();
    let mut owner = create_account(&mut owner_b, &tp.setup_path(), "olga").await;
    sign_in(&mut owner_b, &mut owner).await;
    let (_, slug) = build_and_open(&mut owner_b, "Edge").await;
    let server: SocketAddr = tp.base.trim_start_matches("https://").parse().unwrap();
    let cert = tp.data_dir().join("tls/cert.pem");
    let tls = common::tls_connector(&cert, rustls::crypto::ring::default_provider());
    let name = rustls::pki_types::ServerName::try_from("localhost").unwrap();

    // 2,000 slow connections from 40 loopback addresses: a third never start TLS, a third
    // send half a request head, a third trickle a head a byte a second.
    let mut silent = Vec::new();
    let mut half = Vec::new();
    let mut trickling = Vec::new();
    let started = Instant::now();
    for i in 0..2000usize {
        let local: IpAddr = format!("127.0.1.{}", 1 + i % 40).parse().unwrap();
        let tcp = tcp_from(local, server).await.unwrap();
        match i % 3 {
            0 => silent.push(tcp),
            kind => {
                let Ok(mut s) = tls.connect(name.clone(), tcp).await else { continue };
                s.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n").await.unwrap();
                if kind == 1 { half.push(s) } else { trickling.push(s) }
            }
        }
    }
    let opened = silent.len() + half.len() + trickling.len();
    assert!(opened >= 1990, "{opened} slow connections open");
    println!("{opened} slow connections opened in {:?}", started.elapsed());
    let trickle = tokio::spawn(async move {
        for _ in 0..8 {
            for s in trickling.iter_mut() {
                let _ = s.write_all(b"X").await;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
        trickling
    });

    // Meanwhile a normal client, from another address, is answered within 2 s every time.
    let mut p = common::Browser::new(&tp.base, &cert, Some("127.0.0.1".parse().unwrap()));
    let mut worst = Duration::ZERO;
    let until = Instant::now() + Duration::from_secs(6);
    let mut rounds = 0;
    while Instant::now() < until {
        let t = Instant::now();
        assert_eq!(p.get("/healthz").await.status, 200);
        let r = answer(&mut p, &slug, &full_answers("Still here.")).await;
        assert_eq!(r.status, 303, "{}", r.body);
        worst = worst.max(t.elapsed());
        rounds += 1;
    }
    println!("normal client: {rounds} rounds, slowest {worst:?}");
    assert!(worst < Duration::from_secs(2), "a round took {worst:?}");

    // The timeouts closed the slow ones (4 s for a handshake or a head).
    let mut trickling = trickle.await.unwrap();
    let mut still_open = 0;
    for s in silent.iter_mut() {
        still_open += usize::from(!closed(s).await);
    }
    for s in half.iter_mut().chain(trickling.iter_mut()) {
        still_open += usize::from(!closed(s).await);
    }
    assert_eq!(still_open, 0, "every slow connection was closed");
    assert!(!tp.log_text().contains("127.0.1."), "no client address is logged");
}

#[tokio::test(flavor = "multi_thread")]
async fn one_client_gets_a_bounded_number_of_connections_and_idle_ones_close() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(
        dir.path(),
        &[("TELLPOINT_LIMITS__CONNECTIONS_PER_CLIENT", "5"), ("TELLPOINT_LIMITS__HEAD_TIMEOUT_SECS", "2")],
    );
    let server: SocketAddr = tp.base.trim_start_matches("https://").parse().unwrap();
    let local: IpAddr = "127.0.2.1".parse().unwrap();
    let mut held = Vec::new();
    for _ in 0..5 {
        held.push(tcp_from(local, server).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut sixth = tcp_from(local, server).await.unwrap();
    assert!(closed(&mut sixth).await, "past the per-client cap a connection is closed at once");
    let other: IpAddr = "127.0.2.2".parse().unwrap();
    let mut p = common::Browser::new(&tp.base, &tp.data_dir().join("tls/cert.pem"), Some(other));
    assert_eq!(p.get("/healthz").await.status, 200, "another client is served");

    // A kept-alive connection that sends nothing is closed after the head timeout.
    let cert = tp.data_dir().join("tls/cert.pem");
    let mut s = common::tls_connect(&tp.base, &cert).await.unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n").await.unwrap();
    let mut buf = vec![0u8; 4096];
    let n = s.read(&mut buf).await.unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(matches!(s.read(&mut buf).await, Ok(0) | Err(_)), "the idle connection is closed");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_or_doubled_host_is_a_400_and_http2_is_not_spoken_without_alpn() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(dir.path(), &[]);
    let cert = tp.data_dir().join("tls/cert.pem");
    for head in [
        "GET /healthz HTTP/1.1\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: \r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: localhost\r\nHost: example.org\r\n\r\n",
    ] {
        let mut s = common::tls_connect(&tp.base, &cert).await.unwrap();
        s.write_all(head.as_bytes()).await.unwrap();
        let mut buf = vec![0u8; 4096];
        let n = s.read(&mut buf).await.unwrap();
        assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 400"), "{head:?}");
    }
    // The HTTP/2 preface on a connection ALPN made HTTP/1.1: no HTTP/2 frames come back.
    let mut s = common::tls_connect(&tp.base, &cert).await.unwrap();
    assert_eq!(s.get_ref().1.alpn_protocol(), None, "the client offered none; the server chose none");
    s.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").await.unwrap();
    let mut buf = vec![0u8; 4096];
    let n = s.read(&mut buf).await.unwrap_or(0);
    let reply = String::from_utf8_lossy(&buf[..n]);
    assert!(n == 0 || reply.starts_with("HTTP/1.1 4"), "an HTTP/1.1 refusal, not HTTP/2: {reply:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn behind_a_trusted_proxy_each_client_has_its_own_limits_and_leaves_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(
        dir.path(),
        &[("TELLPOINT_PROXY__TRUSTED", "[\"127.0.0.1\"]"), ("TELLPOINT_LIMITS__FORM_POSTS_PER_MINUTE", "20")],
    );
    let mut owner_b = tp.browser();
    let mut owner = create_account(&mut owner_b, &tp.setup_path(), "olga").await;
    sign_in(&mut owner_b, &mut owner).await;
    let (id, slug) = build_and_open(&mut owner_b, "Proxied").await;
    // A class of 30 behind the proxy, each answering (and some sending twice) in a minute:
    // 45 posts from one proxy address, more than 20, and no 429.
    for i in 0..30 {
        let mut p = tp.browser();
        p.always_send("x-forwarded-for", &format!("203.0.113.9, 198.51.100.{}", 10 + i));
        for _ in 0..(1 + i % 2) {
            let r = answer(&mut p, &slug, &full_answers("In class.")).await;
            assert_eq!(r.status, 303, "participant {i}: {}", r.body);
        }
    }
    // One forwarded address flooding is stopped.
    let mut flood = tp.browser();
    flood.always_send("x-forwarded-for", "198.51.100.250");
    let mut statuses = Vec::new();
    for _ in 0..25 {
        statuses.push(answer(&mut flood, &slug, &full_answers("Flood.")).await.status);
    }
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 5, "{statuses:?}");
    // A client that is not the proxy cannot choose its key with the header: posing as a
    // participant who posted once, it still gets its own 20.
    let cert = tp.data_dir().join("tls/cert.pem");
    let mut direct = common::Browser::new(&tp.base, &cert, Some("127.0.3.1".parse().unwrap()));
    direct.always_send("x-forwarded-for", "198.51.100.10");
    let mut statuses = Vec::new();
    for _ in 0..21 {
        statuses.push(answer(&mut direct, &slug, &full_answers("Direct.")).await.status);
    }
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 1, "{statuses:?}");
    let store = tellpoint::store::Store::open_read_only(&tp.data_dir(), &tp.master_key()).unwrap();
    assert_eq!(store.responses_of(&id).unwrap().len(), 45 + 20 + 20);
    drop(store);
    let (_, log) = tp.stop_and_log();
    assert!(!log.contains("198.51.100") && !log.contains("203.0.113"), "a forwarded address is in the log");
    assert_eq!(
        common::files_holding(&dir.path().join("tellpoint-data"), b"198.51.100"),
        Vec::<String>::new()
    );
}
