//! The open form's abuse limit: form posts per client per minute, in memory only, keyed by
//! the daily-salted client hash of `crate::limits` (never the address itself).

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

pub fn allow_form_post(state: &AppState, req: &Request) -> bool {
    let ip = req.remote_addr().as_socket_addr().map_or(IpAddr::from([0, 0, 0, 0]), |a| a.ip());
    let key = state.throttle.client_key(ip, state.clock.now());
    state.form_limiter.0.check_key(&key).is_ok()
}
