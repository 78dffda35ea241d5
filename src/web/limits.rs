//! Per-client limits of the web layer, in memory only, keyed by the daily-salted client
//! hash of `crate::limits` (never the address itself): form posts per client per minute.

use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota};
use poem::Request;

use super::AppState;

pub struct FormLimiter(DefaultKeyedRateLimiter<String>);

impl FormLimiter {
    pub fn new(per_minute: u32) -> FormLimiter {
        let quota = Quota::per_minute(NonZeroU32::new(per_minute.max(1)).expect("at least 1"));
        FormLimiter(DefaultKeyedRateLimiter::keyed(quota))
    }

    /// Forgets clients that are back at a full allowance; run now and then.
    pub fn prune(&self) {
        self.0.retain_recent();
    }
}

/// The only place that reads a client's address: it becomes an HMAC under today's
/// in-memory salt at once, and only that key is used (in memory) from here on.
pub fn client_key(state: &AppState, req: &Request) -> String {
    let ip = req.remote_addr().as_socket_addr().map_or(IpAddr::from([0, 0, 0, 0]), |a| a.ip());
    state.throttle.client_key(ip, state.clock.now())
}

pub fn allow_form_post(state: &AppState, req: &Request) -> bool {
    state.form_limiter.0.check_key(&client_key(state, req)).is_ok()
}
