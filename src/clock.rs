//! Time as the rest of tellpoint sees it. Production uses the system clock; tests move it
//! forward to reach timeouts and expiries without waiting.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

#[derive(Clone, Default)]
pub struct Clock {
    offset_secs: Arc<AtomicI64>,
}

impl Clock {
    /// Unix seconds.
    pub fn now(&self) -> i64 {
        jiff::Timestamp::now().as_second() + self.offset_secs.load(Ordering::Relaxed)
    }

    pub fn advance(&self, secs: i64) {
        self.offset_secs.fetch_add(secs, Ordering::Relaxed);
    }
}

/// `2026-11-23 14:05 UTC`, for staff-facing pages.
pub fn format_utc(secs: i64) -> String {
    jiff::Timestamp::from_second(secs)
        .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|_| secs.to_string())
}
