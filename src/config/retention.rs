//! The `[retention]` section (how long each class of data lives, and when the daily
//! erasure run starts), the `[backup]` section (scheduled backups and how long they are
//! kept) and the `[privacy]` section the privacy notices name.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Retention {
    /// Days a saved, unfinished form can be resumed.
    pub drafts_days: u32,
    /// Participants (contact data) are erased this many days after a campaign's end date.
    pub contacts_days_after_end: u32,
    /// Story texts are erased this many days after a campaign closes.
    pub stories_days_after_close: u32,
    /// Quotes and weekly summaries, likewise.
    pub quotes_days_after_close: u32,
    /// Structured responses and counters; when they go, the whole campaign is erased.
    pub responses_days_after_close: u32,
    /// Follow-up threads are erased this many days after their last message (15 months).
    pub threads_days_after_last_message: u32,
    /// Mail not delivered after this many days is dropped from the outbox.
    pub outbox_days: u32,
    /// The audit log and the erasure log keep entries this many days.
    pub logs_days: u32,
    /// Local time (HH:MM, in `time_zone`) of the daily erasure run.
    pub run_at: String,
    pub time_zone: String,
}

impl Retention {
    /// The configured default of each class a campaign can override.
    pub fn campaign_defaults(&self) -> crate::model::campaign::Retention {
        crate::model::campaign::Retention {
            contacts_days_after_end: self.contacts_days_after_end,
            stories_days_after_close: self.stories_days_after_close,
            quotes_days_after_close: self.quotes_days_after_close,
            responses_days_after_close: self.responses_days_after_close,
        }
    }

    /// What is wrong with the section, one message per key.
    pub(super) fn problems(&self, p: &mut Vec<String>) {
        for (key, value, max) in [
            ("drafts_days", self.drafts_days, 90),
            ("contacts_days_after_end", self.contacts_days_after_end, 3650),
            ("stories_days_after_close", self.stories_days_after_close, 3650),
            ("quotes_days_after_close", self.quotes_days_after_close, 3650),
            ("responses_days_after_close", self.responses_days_after_close, 3650),
            ("threads_days_after_last_message", self.threads_days_after_last_message, 3650),
            ("outbox_days", self.outbox_days, 30),
            ("logs_days", self.logs_days, 3650),
        ] {
            if !(1..=max).contains(&value) {
                p.push(format!("retention.{key} = {value} is out of range; give 1 to {max}"));
            }
        }
        if self.run_at.parse::<jiff::civil::Time>().is_err() {
            p.push(format!("retention.run_at = {:?} is not a time; give HH:MM, e.g. \"03:30\"", self.run_at));
        }
        if jiff::tz::TimeZone::get(&self.time_zone).is_err() {
            p.push(format!(
                "retention.time_zone = {:?} is not a known time zone; use a name such as \"Europe/Stockholm\"",
                self.time_zone
            ));
        }
    }

    /// The daily run's time and zone (checked by `Config::problems`).
    pub fn schedule(&self) -> (jiff::civil::Time, jiff::tz::TimeZone) {
        let at = self.run_at.parse().unwrap_or(jiff::civil::Time::constant(3, 30, 0, 0));
        (at, jiff::tz::TimeZone::get(&self.time_zone).unwrap_or(jiff::tz::TimeZone::UTC))
    }
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            drafts_days: 14,
            contacts_days_after_end: 7,
            stories_days_after_close: 90,
            quotes_days_after_close: 730,
            responses_days_after_close: 730,
            threads_days_after_last_message: 456,
            outbox_days: 7,
            logs_days: 730,
            run_at: "03:30".into(),
            time_zone: "Europe/Stockholm".into(),
        }
    }
}

/// Scheduled backups: daily, into `dir`, each kept `keep_days` days.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Backup {
    /// Directory for the daily backups; empty: no scheduled backups.
    pub dir: String,
    /// Local time (HH:MM, in `retention.time_zone`) of the daily backup.
    pub at: String,
    /// Backups older than this many days are deleted; erased data leaves the backups with them.
    pub keep_days: u32,
}

impl Default for Backup {
    fn default() -> Self {
        Backup { dir: String::new(), at: "02:30".into(), keep_days: 30 }
    }
}

impl Backup {
    pub(super) fn problems(&self, p: &mut Vec<String>) {
        if self.at.parse::<jiff::civil::Time>().is_err() {
            p.push(format!("backup.at = {:?} is not a time; give HH:MM, e.g. \"02:30\"", self.at));
        }
        if !(1..=3650).contains(&self.keep_days) {
            p.push(format!("backup.keep_days = {} is out of range; give 1 to 3650", self.keep_days));
        }
    }

    /// The daily backup's local time (checked by `Config::problems`).
    pub fn at(&self) -> jiff::civil::Time {
        self.at.parse().unwrap_or(jiff::civil::Time::constant(2, 30, 0, 0))
    }
}

/// Who is responsible for the data (named in every campaign's privacy notice).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Privacy {
    /// The organisation that is the controller, e.g. "Stichting Voorbeeld".
    pub controller: String,
    /// How to reach it about personal data: an address or a mail address.
    pub contact: String,
}
