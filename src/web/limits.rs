//! Where the web layer keys the in-memory limits of `crate::limits`: by the daily-salted
//! client hash, never the address itself.

use std::net::IpAddr;

use poem::Request;

use super::AppState;

/// The only place that reads a client's address: it becomes an HMAC under today's
/// in-memory salt at once, and only that key is used (in memory) from here on.
pub fn client_key(state: &AppState, req: &Request) -> String {
    let ip = req.remote_addr().as_socket_addr().map_or(IpAddr::from([0, 0, 0, 0]), |a| a.ip());
    state.throttle.client_key(ip, state.clock.now())
}

pub fn allow_form_post(state: &AppState, req: &Request) -> bool {
    state.form_limiter.allow(client_key(state, req))
}
