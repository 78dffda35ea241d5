//! Abuse limits, in memory only. Clients are keyed by an HMAC of their address under a salt
//! that is never persisted and changes every day, so nothing here can be turned back into
//! an address, and nothing of it outlives the process (invariant 2).

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;

use governor::{DefaultKeyedRateLimiter, Quota};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

const FREE_FAILURES: u32 = 4;
const MAX_DELAY_SECS: i64 = 15 * 60;
const MAX_ENTRIES: usize = 50_000;

#[derive(Default)]
pub struct Throttle {
    entries: Mutex<HashMap<String, Entry>>,
    salt: Mutex<Option<(i64, [u8; 32])>>,
}

/// Form posts per client per minute (or another allowance per key, such as the changes of
/// contact one rights link may ask for per hour).
pub struct FormLimiter(DefaultKeyedRateLimiter<String>);

impl FormLimiter {
    pub fn new(per_minute: u32) -> FormLimiter {
        let quota = Quota::per_minute(NonZeroU32::new(per_minute.max(1)).expect("at least 1"));
        FormLimiter(DefaultKeyedRateLimiter::keyed(quota))
    }

    pub fn per_hour(n: u32) -> FormLimiter {
        let quota = Quota::per_hour(NonZeroU32::new(n.max(1)).expect("at least 1"));
        FormLimiter(DefaultKeyedRateLimiter::keyed(quota))
    }

    /// Counts one form post of `client`; false once its allowance for the minute is used.
    pub fn allow(&self, client: String) -> bool {
        self.0.check_key(&client).is_ok()
    }

    /// Forgets clients that are back at a full allowance; run now and then.
    pub fn prune(&self) {
        self.0.retain_recent();
    }
}

#[derive(Clone, Copy)]
struct Entry {
    failures: u32,
    blocked_until: i64,
}

impl Throttle {
    /// An opaque key for a client address, valid for today only.
    pub fn client_key(&self, ip: IpAddr, now: i64) -> String {
        format!("client:{}", self.salted(ip.to_string().as_bytes(), now))
    }

    /// An opaque key for a personal link (its hash), valid for today only.
    pub fn link_key(&self, link_hash: &[u8], now: i64) -> String {
        format!("link:{}", self.salted(link_hash, now))
    }

    fn salted(&self, input: &[u8], now: i64) -> String {
        let day = now.div_euclid(86_400);
        let mut salt = self.salt.lock().expect("salt lock");
        let current = match *salt {
            Some((d, s)) if d == day => s,
            _ => {
                let mut s = [0u8; 32];
                rand::rngs::OsRng.fill_bytes(&mut s);
                *salt = Some((day, s));
                self.entries.lock().expect("throttle lock").retain(|k, _| !k.starts_with("client:"));
                s
            }
        };
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&current).expect("any key length");
        mac.update(input);
        data_encoding::HEXLOWER.encode(&mac.finalize().into_bytes()[..16])
    }

    /// Seconds to wait before the next attempt for any of `keys`, or 0.
    pub fn wait_secs(&self, keys: &[&str], now: i64) -> i64 {
        let entries = self.entries.lock().expect("throttle lock");
        keys.iter().filter_map(|k| entries.get(*k)).map(|e| e.blocked_until - now).max().unwrap_or(0).max(0)
    }

    /// Records a failure: after a few free ones each adds a doubling delay, capped so that
    /// nobody (the owner included) is ever locked out for good.
    pub fn fail(&self, keys: &[&str], now: i64) {
        let mut entries = self.entries.lock().expect("throttle lock");
        if entries.len() > MAX_ENTRIES {
            entries.retain(|_, e| e.blocked_until > now - MAX_DELAY_SECS);
        }
        for key in keys {
            let e = entries.entry(key.to_string()).or_insert(Entry { failures: 0, blocked_until: 0 });
            e.failures += 1;
            if e.failures > FREE_FAILURES {
                let exp = (e.failures - FREE_FAILURES).min(20);
                e.blocked_until = now + (1i64 << exp).min(MAX_DELAY_SECS);
            }
        }
    }

    pub fn succeed(&self, keys: &[&str]) {
        let mut entries = self.entries.lock().expect("throttle lock");
        for key in keys {
            entries.remove(*key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        let t = Throttle::default();
        for _ in 0..4 {
            t.fail(&["user:a"], 1000);
        }
        assert_eq!(t.wait_secs(&["user:a"], 1000), 0);
        t.fail(&["user:a"], 1000);
        assert_eq!(t.wait_secs(&["user:a"], 1000), 2);
        for _ in 0..40 {
            t.fail(&["user:a"], 1000);
        }
        assert_eq!(t.wait_secs(&["user:a"], 1000), MAX_DELAY_SECS);
        assert_eq!(t.wait_secs(&["user:a"], 1000 + MAX_DELAY_SECS), 0);
        t.succeed(&["user:a"]);
        assert_eq!(t.wait_secs(&["user:a"], 1000), 0);
    }

    #[test]
    fn client_keys_hide_the_address_and_rotate_daily() {
        let t = Throttle::default();
        let ip: IpAddr = "127.0.0.77".parse().unwrap();
        let a = t.client_key(ip, 10);
        assert!(!a.contains("127.0.0.77"), "the key is not the address");
        assert_eq!(a, t.client_key(ip, 20));
        assert_ne!(a, t.client_key(ip, 10 + 86_400));
    }
}
