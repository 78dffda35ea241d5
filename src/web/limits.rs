//! Where the web layer keys the in-memory limits of `crate::limits`: by the daily-salted
//! client hash, never the address itself.

use std::net::IpAddr;

use poem::Request;

use super::AppState;

/// The only place that reads a client's address (a trusted proxy's header, else the
/// peer's): it becomes an HMAC under today's in-memory salt at once, and only that key is
/// used (in memory) from here on.
pub fn client_key(state: &AppState, req: &Request) -> String {
    let peer = req.remote_addr().as_socket_addr().map_or(IpAddr::from([0, 0, 0, 0]), |a| a.ip());
    let header = req.headers().get(state.config.proxy.header_name()).and_then(|v| v.to_str().ok());
    state.throttle.client_key(state.config.proxy.client(peer, header), state.clock.now())
}

pub fn allow_form_post(state: &AppState, req: &Request) -> bool {
    state.form_limiter.allow(client_key(state, req))
}
