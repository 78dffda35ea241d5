//! Counts of the requests participants make, logged once a day instead of one line per
//! request: a line per request would give the time of every enrolment, answer and message
//! to the second, which is finer than anything the store keeps (invariant 3).

use std::collections::BTreeMap;
use std::sync::Mutex;

/// (method, route pattern, status) → requests.
type Counts = BTreeMap<(String, String, u16), u64>;

/// The counts of one UTC day (its day number first).
#[derive(Default)]
pub struct RequestTally(Mutex<(i64, Counts)>);

impl RequestTally {
    /// Counts one request at `now`; a new day first logs the day before.
    pub fn count(&self, method: &str, route: &str, status: u16, now: i64) {
        let mut tally = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let day = now.div_euclid(86_400);
        if tally.0 != day {
            log(tally.0, &tally.1);
            *tally = (day, BTreeMap::new());
        }
        *tally.1.entry((method.to_string(), route.to_string(), status)).or_default() += 1;
    }

    /// Logs and clears the counts of a day that has ended (or all of them, at shutdown).
    pub fn flush(&self, now: i64, all: bool) {
        let mut tally = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if all || tally.0 != now.div_euclid(86_400) {
            log(tally.0, &tally.1);
            tally.1.clear();
        }
    }
}

fn log(day: i64, counts: &Counts) {
    let date = crate::model::campaign::date_of(day as i32);
    for ((method, route, status), count) in counts {
        tracing::info!(day = %date, method, route, status, count, "participant requests that day");
    }
}
