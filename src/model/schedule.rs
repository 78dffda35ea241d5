//! Reminder schedules: days of the week and a local time, in the campaign's time zone,
//! between its start and end dates. Send times are computed from civil time each day, so
//! 15:30 stays 15:30 on both sides of a daylight-saving change (a time that does not exist
//! on the spring-forward day moves later by the gap; an ambiguous one takes the earlier).

use jiff::civil::{Date, Time};
use jiff::{Timestamp, Zoned};
use serde::{Deserialize, Serialize};

use crate::model::campaign::{Problem, Settings};

pub const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    /// Days of the week, Monday = 0. Empty: no reminders.
    pub days: Vec<u8>,
    /// Local time of day.
    pub at: Time,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule { days: Vec::new(), at: Time::constant(15, 30, 0, 0) }
    }
}

/// What the scheduler should do about a campaign at `now`.
#[derive(Debug, Clone, PartialEq)]
pub enum Due {
    Nothing,
    /// Send the reminder of this send time (unix second).
    Send(i64),
    /// The latest send time passed longer ago than the catch-up window: skip it.
    Skip(i64),
}

impl Schedule {
    pub fn parse(days: &[String], at: &str) -> Result<Schedule, Vec<Problem>> {
        let mut p = Vec::new();
        let mut picked: Vec<u8> = Vec::new();
        for d in days {
            match DAY_NAMES.iter().position(|n| n == d) {
                Some(i) if !picked.contains(&(i as u8)) => picked.push(i as u8),
                Some(_) => {}
                None => p.push(Problem::new("remind_days", "set-remind-day").with("day", format!("{d:?}"))),
            }
        }
        picked.sort_unstable();
        let at = match at.trim() {
            // Left empty (no reminders wanted): keep the usual time for when days are picked.
            "" => Ok(Schedule::default().at),
            typed => typed.parse::<Time>(),
        };
        let at = match at {
            Ok(t) => t.with().second(0).subsec_nanosecond(0).build().unwrap_or(t),
            Err(_) => {
                p.push(Problem::new("remind_at", "set-remind-at"));
                Time::midnight()
            }
        };
        if p.is_empty() { Ok(Schedule { days: picked, at }) } else { Err(p) }
    }

    pub fn day_names(&self) -> Vec<&'static str> {
        self.days.iter().filter_map(|d| DAY_NAMES.get(*d as usize).copied()).collect()
    }

    pub fn at_text(&self) -> String {
        self.at.strftime("%H:%M").to_string()
    }

    fn sends_on(&self, day: Date) -> bool {
        self.days.contains(&(day.weekday().to_monday_zero_offset() as u8))
    }

    fn instant(&self, day: Date, s: &Settings) -> Option<Zoned> {
        day.to_datetime(self.at).to_zoned(s.tz()).ok()
    }

    /// The next `n` send times after `after`, as zoned times in the campaign's zone.
    pub fn next_sends(&self, s: &Settings, after: i64, n: usize) -> Vec<Zoned> {
        let mut out = Vec::new();
        if self.days.is_empty() {
            return out;
        }
        let mut day = s.today(after).max(s.start);
        while day <= s.end && out.len() < n {
            if self.sends_on(day)
                && let Some(z) = self.instant(day, s)
                && z.timestamp().as_second() > after
            {
                out.push(z);
            }
            day = match day.tomorrow() {
                Ok(d) => d,
                Err(_) => break,
            };
        }
        out
    }

    /// The latest send time in (`last`, `now`], if any, and whether it is still in time.
    pub fn due(&self, s: &Settings, last: Option<i64>, now: i64, catch_up_secs: i64) -> Due {
        if self.days.is_empty() {
            return Due::Nothing;
        }
        let mut day = s.today(now).min(s.end);
        while day >= s.start {
            if self.sends_on(day)
                && let Some(z) = self.instant(day, s)
            {
                let t = z.timestamp().as_second();
                if last.is_some_and(|l| t <= l) {
                    return Due::Nothing;
                }
                if t <= now {
                    return if now - t <= catch_up_secs { Due::Send(t) } else { Due::Skip(t) };
                }
            }
            if last.is_some_and(|l| day < s.today(l)) {
                break;
            }
            day = match day.yesterday() {
                Ok(d) => d,
                Err(_) => break,
            };
        }
        Due::Nothing
    }
}

pub fn timestamp(secs: i64) -> Timestamp {
    Timestamp::from_second(secs).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    /// `Mon 2026-03-30 15:30 CEST`: the wall-clock time and its zone's offset name.
    fn format_local(z: &Zoned) -> String {
        z.strftime("%a %Y-%m-%d %H:%M %Z").to_string()
    }

    use super::*;
    use crate::model::campaign::{Settings, SettingsInput};

    fn settings() -> Settings {
        Settings::parse(&SettingsInput {
            title: "Pulse".into(),
            languages: vec!["en".into()],
            start: "2026-03-23".into(),
            end: "2026-04-10".into(),
            time_zone: "Europe/Stockholm".into(),
            granularity: "day".into(),
            k: "5".into(),
            audience: "enrolled".into(),
            remind_days: ["mon", "tue", "wed", "thu", "fri"].map(String::from).to_vec(),
            remind_at: "15:30".into(),
            ..Default::default()
        })
        .unwrap()
    }

    fn at(s: &str) -> i64 {
        s.parse::<Timestamp>().unwrap().as_second()
    }

    #[test]
    fn send_times_keep_local_time_across_dst() {
        let s = settings();
        // Summer time starts in Stockholm on Sunday 2026-03-29.
        let next: Vec<String> =
            s.reminders.next_sends(&s, at("2026-03-26T00:00:00Z"), 3).iter().map(format_local).collect();
        assert_eq!(
            next,
            ["Thu 2026-03-26 15:30 CET", "Fri 2026-03-27 15:30 CET", "Mon 2026-03-30 15:30 CEST"]
        );
        let utc: Vec<String> = s
            .reminders
            .next_sends(&s, at("2026-03-26T00:00:00Z"), 3)
            .iter()
            .map(|z| z.timestamp().to_string())
            .collect();
        assert_eq!(utc, ["2026-03-26T14:30:00Z", "2026-03-27T14:30:00Z", "2026-03-30T13:30:00Z"]);
    }

    #[test]
    fn sends_stay_within_the_campaign_dates() {
        let s = settings();
        let all = s.reminders.next_sends(&s, at("2026-01-01T00:00:00Z"), 100);
        assert_eq!(all.len(), 15, "three weeks of weekdays");
        assert_eq!(all[0].date(), Date::constant(2026, 3, 23));
        assert_eq!(all[14].date(), Date::constant(2026, 4, 10));
    }

    #[test]
    fn due_sends_once_and_skips_what_is_too_late() {
        let s = settings();
        let hour = 3600;
        let send = at("2026-03-30T13:30:00Z");
        // First run, three days after Friday's send time: too late, skipped.
        assert_eq!(s.reminders.due(&s, None, send - 60, hour), Due::Skip(at("2026-03-27T14:30:00Z")));
        assert_eq!(s.reminders.due(&s, Some(at("2026-03-27T14:30:00Z")), send - 60, hour), Due::Nothing);
        assert_eq!(s.reminders.due(&s, Some(at("2026-03-27T14:30:00Z")), send + 60, hour), Due::Send(send));
        assert_eq!(s.reminders.due(&s, Some(send), send + 600, hour), Due::Nothing);
        // Down all night: Tuesday's 15:30 found at 23:00 is skipped.
        let tuesday = at("2026-03-31T13:30:00Z");
        assert_eq!(s.reminders.due(&s, Some(send), tuesday + 7 * hour, hour), Due::Skip(tuesday));
    }
}
