//! The network edge: accepting connections (TLS or plain) and serving HTTP/1.1 on them, so
//! that no client can hold the server down. A connection past `limits.max_connections`, or
//! past `limits.connections_per_client` from one client, is closed at once (a client is keyed
//! as the abuse limits key it, in memory only; a trusted proxy's connections are not counted
//! per client). A TLS handshake and a request's head must each arrive within
//! `limits.head_timeout_secs`, and a kept-alive connection that sends nothing for as long is
//! closed; the body has `limits.body_timeout_secs` (see `middleware::read_limited`). Only
//! HTTP/1.1 is spoken (ALPN offers nothing else, but for `acme-tls/1` in ACME mode, whose
//! connections are closed after the handshake), and a request without exactly one `Host`
//! gets 400. Nothing about a connection is logged.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::combinators::BoxBody;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use poem::endpoint::BoxEndpoint;
use poem::http::uri::Scheme;
use poem::web::{LocalAddr, RemoteAddr};
use poem::{Endpoint, EndpointExt, Response};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};

use super::AppState;

/// In-flight requests get this long to finish after SIGTERM.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

type HyperResponse = hyper::Response<BoxBody<Bytes, std::io::Error>>;

/// Connections open per client, counted in memory.
#[derive(Default)]
struct PerClient(Mutex<HashMap<String, u32>>);

/// One counted connection; dropping it uncounts it.
struct Counted<'a> {
    per_client: &'a PerClient,
    key: Option<String>,
}

impl PerClient {
    fn take(&self, key: Option<String>, limit: u32) -> Option<Counted<'_>> {
        if let Some(k) = &key {
            let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
            let n = map.entry(k.clone()).or_insert(0);
            if *n >= limit {
                return None;
            }
            *n += 1;
        }
        Some(Counted { per_client: self, key })
    }
}

impl Drop for Counted<'_> {
    fn drop(&mut self) {
        if let Some(k) = &self.key {
            let mut map = self.per_client.0.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(n) = map.get_mut(k) {
                *n -= 1;
                if *n == 0 {
                    map.remove(k);
                }
            }
        }
    }
}

/// Serves until `shutdown` resolves, then lets in-flight requests finish.
pub async fn serve(
    state: Arc<AppState>,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send,
) -> std::io::Result<()> {
    let local = listener.local_addr()?;
    tracing::info!(addr = %local, tls = state.tls.is_some(), "listening");
    let limits = &state.config.limits;
    let max = fd_room(limits.max_connections as usize);
    let slots = Arc::new(Semaphore::new(max));
    let per_client = Arc::new(PerClient::default());
    let ep: Arc<BoxEndpoint<'static, Response>> = Arc::new(super::app(state.clone()).boxed());
    let (stop_tx, stop_rx) = watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        let (tcp, peer) = tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(c) => c,
                Err(_) => {
                    // Out of file descriptors or the like: wait a little rather than spin.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else { continue };
        let key = (!state.config.proxy.trusts(peer.ip()))
            .then(|| state.throttle.client_key(peer.ip(), state.clock.now()));
        let (state, ep, per_client, stop) = (state.clone(), ep.clone(), per_client.clone(), stop_rx.clone());
        tokio::spawn(async move {
            let Some(_counted) = per_client.take(key, state.config.limits.connections_per_client) else {
                return;
            };
            let _ = tcp.set_nodelay(true);
            connection(&state, ep, tcp, local, peer, stop).await;
            drop(slot);
        });
    }
    let _ = stop_tx.send(true);
    // Every connection has given its slot back, or the grace is over.
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, slots.acquire_many(max as u32)).await;
    Ok(())
}

/// The connection limit the process's open-file limit allows (a little is kept for the
/// store, logs and outgoing connections).
fn fd_room(wanted: usize) -> usize {
    let soft = std::fs::read_to_string("/proc/self/limits").ok().and_then(|text| {
        let line = text.lines().find(|l| l.starts_with("Max open files"))?;
        line.split_whitespace().nth(3)?.parse::<usize>().ok()
    });
    match soft {
        Some(soft) if soft < wanted + 256 => {
            let room = soft.saturating_sub(256).max(16);
            tracing::warn!(
                limit = soft,
                connections = room,
                "the open-file limit allows only this many connections; raise it (LimitNOFILE) to serve limits.max_connections"
            );
            room
        }
        _ => wanted,
    }
}

async fn connection(
    state: &AppState,
    ep: Arc<BoxEndpoint<'static, Response>>,
    tcp: TcpStream,
    local: SocketAddr,
    peer: SocketAddr,
    stop: watch::Receiver<bool>,
) {
    let head = Duration::from_secs(state.config.limits.head_timeout_secs as u64);
    match &state.tls {
        Some(tls) => {
            let acceptor = tokio_rustls::TlsAcceptor::from(tls.server_config());
            if let Ok(Ok(mut stream)) = tokio::time::timeout(head, acceptor.accept(tcp)).await {
                // A CA's TLS-ALPN-01 check ends with the handshake: no HTTP on it.
                if stream.get_ref().1.alpn_protocol() == Some(crate::tls::ACME_TLS_ALPN) {
                    use tokio::io::AsyncWriteExt;
                    let _ = stream.shutdown().await;
                    return;
                }
                http(stream, ep, local, peer, Scheme::HTTPS, head, stop).await;
            }
        }
        None => http(tcp, ep, local, peer, Scheme::HTTP, head, stop).await,
    }
}

async fn http<Io>(
    io: Io,
    ep: Arc<BoxEndpoint<'static, Response>>,
    local: SocketAddr,
    peer: SocketAddr,
    scheme: Scheme,
    head: Duration,
    mut stop: watch::Receiver<bool>,
) where
    Io: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
        let (ep, scheme) = (ep.clone(), scheme.clone());
        async move {
            if let Some(refused) = bad_host(&req) {
                return Ok::<_, Infallible>(refused);
            }
            let req: poem::Request = (req, LocalAddr(local.into()), RemoteAddr(peer.into()), scheme).into();
            Ok(HyperResponse::from(ep.get_response(req).await))
        }
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(head)
        .keep_alive(true)
        .serve_connection(TokioIo::new(io), service);
    tokio::pin!(conn);
    tokio::select! {
        _ = &mut conn => return,
        _ = stop.wait_for(|s| *s) => {}
    }
    conn.as_mut().graceful_shutdown();
    let _ = conn.await;
}

/// HTTP/1.1 wants exactly one non-empty `Host`: anything else is a 400.
fn bad_host<B>(req: &hyper::Request<B>) -> Option<HyperResponse> {
    if req.version() != hyper::Version::HTTP_11 {
        return None;
    }
    let hosts: Vec<_> = req.headers().get_all(hyper::header::HOST).iter().collect();
    if hosts.len() == 1 && !hosts[0].is_empty() {
        return None;
    }
    let response = Response::builder()
        .status(poem::http::StatusCode::BAD_REQUEST)
        .content_type("text/plain; charset=utf-8")
        .body("A request needs exactly one Host header.");
    Some(HyperResponse::from(response))
}
