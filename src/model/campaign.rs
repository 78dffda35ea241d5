//! Campaigns: one listening period with its questionnaire, audience, dates, time zone,
//! granularity of response dates and anonymity threshold.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::Lang;
use crate::model::questionnaire::Text;
use crate::model::schedule::Schedule;

pub const K_MIN: u32 = 3;
pub const K_DEFAULT: u32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Open,
    Closed,
}

/// How finely a response is dated: its day, or the Monday of its ISO week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Week,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Anyone holding the campaign link.
    Link,
    /// Only through personal reminder links.
    Enrolled,
}

/// How enrolled participants are reached: by mail, by text message, or as each chooses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Contact {
    #[default]
    Email,
    Phone,
    Both,
}

impl Contact {
    pub fn email(self) -> bool {
        self != Contact::Phone
    }
    pub fn phone(self) -> bool {
        self != Contact::Email
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Campaign {
    pub id: String,
    /// Public URL part, 128 random bits; not derived from the id.
    pub slug: String,
    pub settings: Settings,
    pub status: Status,
    /// The questionnaire version new responses answer.
    pub version: u32,
    pub created: i64,
    /// The day (in its time zone) the owner closed it.
    #[serde(default)]
    pub closed_on: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub title: String,
    pub intro: String,
    pub languages: Vec<Lang>,
    pub start: Date,
    pub end: Date,
    pub time_zone: String,
    pub granularity: Granularity,
    pub k: u32,
    pub audience: Audience,
    /// What enrolment asks for: an address, a mobile number, or either.
    #[serde(default)]
    pub contact: Contact,
    /// The country of mobile numbers typed without their country code ("SE"); empty: the
    /// installation's `sms.default_region`.
    #[serde(default)]
    pub phone_region: String,
    /// When enrolled participants are reminded.
    #[serde(default)]
    pub reminders: Schedule,
    /// Subject and opening paragraph of reminder mails; empty: the standard wording.
    #[serde(default)]
    pub mail_subject: String,
    #[serde(default)]
    pub mail_intro: String,
    /// Quotes need a reviewer's approval before they can be published.
    #[serde(default)]
    pub reviewer_approval: bool,
    #[serde(default)]
    pub summaries: Publishing,
    /// Retention periods that differ from the instance's defaults (`[retention]`).
    #[serde(default)]
    pub retention: RetentionOverrides,
    /// Respondents get a receipt that opens an anonymous thread with staff.
    #[serde(default)]
    pub follow_up: bool,
    /// Where a daily mail goes when threads have messages nobody has read yet (it counts
    /// them, never quotes them); empty: no mail.
    #[serde(default)]
    pub follow_up_notify: String,
    /// Whether figures are released week by week or once, for the whole campaign.
    #[serde(default)]
    pub results: Results,
    /// A question (single choice or yes/no) whose answers split the figures into groups;
    /// empty: none. With weekly results, each week is split on its own.
    #[serde(default)]
    pub breakdown: String,
    /// The campaign's words for participants in each offered language. `title`, `intro`,
    /// `mail_subject` and `mail_intro` above hold the first language's (campaigns from
    /// before per-language texts have only those).
    #[serde(default)]
    pub texts: Texts,
}

/// The campaign's own words for participants, per offered language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Texts {
    pub title: Text,
    pub intro: Text,
    pub thanks: Text,
    pub mail_subject: Text,
    pub mail_intro: Text,
    pub summary_intro: Text,
}

/// A problem with the settings form, in words the web layer says in the reader's language:
/// the field it is about, its message in the translation files, and the message's values.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub field: &'static str,
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    pub fn new(field: &'static str, key: &'static str) -> Problem {
        Problem { field, key, args: Vec::new() }
    }

    pub fn with(mut self, name: &'static str, value: impl ToString) -> Problem {
        self.args.push((name, value.to_string()));
        self
    }
}

/// The texts a campaign has per language, with the most characters each may have (the
/// builder names them through `text-{field}` in the translation files). Only the title is
/// required; any other given in one language is needed in every offered language before the
/// campaign opens.
pub const TEXT_FIELDS: [(&str, usize); 6] = [
    ("title", 120),
    ("intro", 4000),
    ("thanks", 2000),
    ("mail_subject", 200),
    ("mail_intro", 2000),
    ("summary_intro", 2000),
];

impl Texts {
    pub fn field(&self, name: &str) -> &Text {
        match name {
            "title" => &self.title,
            "intro" => &self.intro,
            "thanks" => &self.thanks,
            "mail_subject" => &self.mail_subject,
            "mail_intro" => &self.mail_intro,
            _ => &self.summary_intro,
        }
    }

    fn field_mut(&mut self, name: &str) -> &mut Text {
        match name {
            "title" => &mut self.title,
            "intro" => &mut self.intro,
            "thanks" => &mut self.thanks,
            "mail_subject" => &mut self.mail_subject,
            "mail_intro" => &mut self.mail_intro,
            _ => &mut self.summary_intro,
        }
    }
}

/// How figures are released (see `figures`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Results {
    /// Each completed week (weeks with fewer than k responses join the next), and the whole
    /// campaign once it has ended.
    #[default]
    Weekly,
    /// Only the whole campaign, once it has ended: groups are larger, splits show more.
    Campaign,
}

/// Per-campaign retention, in days; `None` takes the configured default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RetentionOverrides {
    pub contacts_days_after_end: Option<u32>,
    pub stories_days_after_close: Option<u32>,
    pub quotes_days_after_close: Option<u32>,
    pub responses_days_after_close: Option<u32>,
}

/// The retention periods that hold for one campaign.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Retention {
    pub contacts_days_after_end: u32,
    pub stories_days_after_close: u32,
    pub quotes_days_after_close: u32,
    pub responses_days_after_close: u32,
}

impl Campaign {
    /// The periods that hold: the campaign's overrides, else the configured `defaults`.
    pub fn retention(&self, defaults: Retention) -> Retention {
        let o = &self.settings.retention;
        Retention {
            contacts_days_after_end: o.contacts_days_after_end.unwrap_or(defaults.contacts_days_after_end),
            stories_days_after_close: o.stories_days_after_close.unwrap_or(defaults.stories_days_after_close),
            quotes_days_after_close: o.quotes_days_after_close.unwrap_or(defaults.quotes_days_after_close),
            responses_days_after_close: o
                .responses_days_after_close
                .unwrap_or(defaults.responses_days_after_close),
        }
    }

    /// The day it stopped taking responses for good: the day it was closed, or its end date
    /// once that has passed.
    pub fn closed_day(&self, today: Date) -> Option<Date> {
        match (self.status, self.closed_on) {
            (Status::Closed, Some(day)) => Some(day),
            (Status::Closed, None) => Some(self.settings.end),
            (Status::Open, _) if self.settings.end < today => Some(self.settings.end),
            _ => None,
        }
    }
}

/// When weekly summaries are published: automatically on a weekday and local time after
/// each week ends, or only by hand; and whether enrolled participants get a mail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publishing {
    /// Off unless the owner opts in: a summary is an editorial step, previewed by staff.
    pub auto: bool,
    /// Monday = 0.
    pub day: u8,
    pub at: jiff::civil::Time,
    pub mail: bool,
    /// Moderators may preview and publish summaries too, not only the owner.
    #[serde(default)]
    pub moderators: bool,
}

impl Default for Publishing {
    fn default() -> Self {
        Publishing {
            auto: false,
            day: 0,
            at: jiff::civil::Time::constant(9, 0, 0, 0),
            mail: false,
            moderators: false,
        }
    }
}

impl Publishing {
    /// The unix second at which the summary of the week starting `monday` is due.
    pub fn due_at(&self, monday: Date, s: &Settings) -> Option<i64> {
        let day = monday.checked_add(jiff::Span::new().days(7 + self.day as i64)).ok()?;
        Some(day.to_datetime(self.at).to_zoned(s.tz()).ok()?.timestamp().as_second())
    }
}

/// The settings form as typed, before validation.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct SettingsInput {
    pub title: String,
    pub intro: String,
    pub languages: Vec<String>,
    pub start: String,
    pub end: String,
    pub time_zone: String,
    pub granularity: String,
    pub k: String,
    pub audience: String,
    pub contact: String,
    pub phone_region: String,
    pub remind_days: Vec<String>,
    pub remind_at: String,
    pub mail_subject: String,
    pub mail_intro: String,
    pub reviewer_approval: String,
    pub summary_auto: String,
    pub summary_day: String,
    pub summary_at: String,
    pub summary_mail: String,
    pub summary_moderators: String,
    pub keep_contacts: String,
    pub keep_stories: String,
    pub keep_quotes: String,
    pub keep_responses: String,
    pub follow_up: String,
    pub follow_up_notify: String,
    pub results: String,
    pub breakdown: String,
    /// Per-language texts as typed, by form field name (`title_sv`, `intro_nl`, …).
    pub texts: BTreeMap<String, String>,
}

fn days_text(days: Option<u32>) -> String {
    days.map(|d| d.to_string()).unwrap_or_default()
}

fn on(b: bool) -> String {
    if b { "on".into() } else { String::new() }
}

impl Settings {
    /// The country of numbers typed without a country code: the campaign's, else `default`.
    pub fn phone_region<'a>(&'a self, default: &'a str) -> &'a str {
        if self.phone_region.is_empty() { default } else { &self.phone_region }
    }

    /// A new draft: four weeks from today, Europe/Stockholm, day granularity, k = 5.
    pub fn new_draft(title: &str, today: Date) -> Settings {
        Settings {
            title: title.trim().to_string(),
            intro: String::new(),
            languages: vec![Lang::EN],
            start: today,
            end: today.checked_add(jiff::Span::new().days(27)).unwrap_or(today),
            time_zone: "Europe/Stockholm".into(),
            granularity: Granularity::Day,
            k: K_DEFAULT,
            audience: Audience::Link,
            contact: Contact::Email,
            phone_region: String::new(),
            reminders: Schedule::default(),
            mail_subject: String::new(),
            mail_intro: String::new(),
            reviewer_approval: false,
            summaries: Publishing::default(),
            retention: RetentionOverrides::default(),
            follow_up: false,
            follow_up_notify: String::new(),
            results: Results::Weekly,
            breakdown: String::new(),
            texts: Texts::default(),
        }
    }

    pub fn input(&self) -> SettingsInput {
        SettingsInput {
            title: self.title.clone(),
            intro: self.intro.clone(),
            languages: self.languages.iter().map(|l| l.code().to_string()).collect(),
            start: self.start.to_string(),
            end: self.end.to_string(),
            time_zone: self.time_zone.clone(),
            granularity: format!("{:?}", self.granularity).to_lowercase(),
            k: self.k.to_string(),
            audience: format!("{:?}", self.audience).to_lowercase(),
            contact: format!("{:?}", self.contact).to_lowercase(),
            phone_region: self.phone_region.clone(),
            remind_days: self.reminders.day_names().into_iter().map(String::from).collect(),
            remind_at: self.reminders.at_text(),
            mail_subject: self.mail_subject.clone(),
            mail_intro: self.mail_intro.clone(),
            reviewer_approval: on(self.reviewer_approval),
            summary_auto: on(self.summaries.auto),
            summary_day: crate::model::schedule::DAY_NAMES[self.summaries.day as usize % 7].into(),
            summary_at: self.summaries.at.strftime("%H:%M").to_string(),
            summary_mail: on(self.summaries.mail),
            summary_moderators: on(self.summaries.moderators),
            keep_contacts: days_text(self.retention.contacts_days_after_end),
            keep_stories: days_text(self.retention.stories_days_after_close),
            keep_quotes: days_text(self.retention.quotes_days_after_close),
            keep_responses: days_text(self.retention.responses_days_after_close),
            follow_up: on(self.follow_up),
            follow_up_notify: self.follow_up_notify.clone(),
            results: format!("{:?}", self.results).to_lowercase(),
            breakdown: self.breakdown.clone(),
            texts: TEXT_FIELDS
                .iter()
                .flat_map(|(field, _)| {
                    self.languages
                        .iter()
                        .map(move |l| (format!("{field}_{}", l.code()), self.text_in(field, *l)))
                })
                .collect(),
        }
    }

    /// Validates the form into settings, or (field, message) for each problem.
    pub fn parse(input: &SettingsInput) -> Result<Settings, Vec<Problem>> {
        let mut p: Vec<Problem> = Vec::new();
        let languages: Vec<Lang> =
            Lang::all().into_iter().filter(|l| input.languages.iter().any(|c| *c == l.code())).collect();
        if languages.is_empty() {
            p.push(Problem::new("languages", "set-languages"));
        }
        let texts = Self::parse_texts(input, &languages, &mut p);
        let first = |text: &Text| languages.first().and_then(|l| text.get(l)).cloned().unwrap_or_default();
        let title = first(&texts.title);
        if title.is_empty() {
            p.push(Problem::new("title", "set-title"));
        }
        let date = |field: &'static str, s: &str, p: &mut Vec<Problem>| {
            s.trim().parse::<Date>().map_err(|_| p.push(Problem::new(field, "set-date"))).ok()
        };
        let start = date("start", &input.start, &mut p);
        let end = date("end", &input.end, &mut p);
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            p.push(Problem::new("end", "set-end-before"));
        }
        let time_zone = input.time_zone.trim().to_string();
        if TimeZone::get(&time_zone).is_err() {
            p.push(Problem::new("time_zone", "set-time-zone").with("tz", format!("{time_zone:?}")));
        }
        let granularity = match input.granularity.as_str() {
            "day" => Granularity::Day,
            "week" => Granularity::Week,
            _ => {
                p.push(Problem::new("granularity", "set-granularity"));
                Granularity::Day
            }
        };
        let k = match input.k.trim().parse::<u32>() {
            Ok(k) if (K_MIN..=1000).contains(&k) => k,
            _ => {
                p.push(Problem::new("k", "set-k").with("min", K_MIN));
                K_DEFAULT
            }
        };
        let audience = match input.audience.as_str() {
            "link" => Audience::Link,
            "enrolled" => Audience::Enrolled,
            _ => {
                p.push(Problem::new("audience", "set-audience"));
                Audience::Link
            }
        };
        let contact = match input.contact.as_str() {
            "" | "email" => Contact::Email,
            "phone" => Contact::Phone,
            "both" => Contact::Both,
            _ => {
                p.push(Problem::new("contact", "set-contact"));
                Contact::Email
            }
        };
        let phone_region = input.phone_region.trim().to_uppercase();
        if !phone_region.is_empty() && !crate::model::phone::known_region(&phone_region) {
            p.push(Problem::new("phone_region", "set-phone-region"));
        }
        let reminders = Schedule::parse(&input.remind_days, &input.remind_at).unwrap_or_else(|mut e| {
            p.append(&mut e);
            Schedule::default()
        });
        let mail_subject = first(&texts.mail_subject);
        // Left out of the form: the usual Monday 09:00.
        let summary_day = match input.summary_day.as_str() {
            "" => Some(0),
            d => crate::model::schedule::DAY_NAMES.iter().position(|n| *n == d),
        };
        if summary_day.is_none() {
            p.push(Problem::new("summary_day", "set-summary-day"));
        }
        let summary_at = match input.summary_at.trim() {
            "" => Some(Publishing::default().at),
            t => t.parse::<jiff::civil::Time>().ok(),
        };
        if summary_at.is_none() {
            p.push(Problem::new("summary_at", "set-summary-at"));
        }
        let mut keep = |field: &'static str, typed: &str| -> Option<u32> {
            match typed.trim() {
                "" => None,
                t => match t.parse::<u32>() {
                    Ok(d) if (1..=3650).contains(&d) => Some(d),
                    _ => {
                        p.push(Problem::new(field, "set-days"));
                        None
                    }
                },
            }
        };
        let retention = RetentionOverrides {
            contacts_days_after_end: keep("keep_contacts", &input.keep_contacts),
            stories_days_after_close: keep("keep_stories", &input.keep_stories),
            quotes_days_after_close: keep("keep_quotes", &input.keep_quotes),
            responses_days_after_close: keep("keep_responses", &input.keep_responses),
        };
        let follow_up_notify = match input.follow_up_notify.trim() {
            "" => String::new(),
            typed => crate::model::address::normalise_address(typed).unwrap_or_else(|_| {
                p.push(Problem::new("follow_up_notify", "set-notify"));
                String::new()
            }),
        };
        let results = match input.results.as_str() {
            "" | "weekly" => Results::Weekly,
            "campaign" => Results::Campaign,
            _ => {
                p.push(Problem::new("results", "set-results"));
                Results::Weekly
            }
        };
        if !p.is_empty() {
            return Err(p);
        }
        let (intro, mail_intro) = (first(&texts.intro), first(&texts.mail_intro));
        Ok(Settings {
            title,
            intro,
            languages,
            start: start.expect("checked"),
            end: end.expect("checked"),
            time_zone,
            granularity,
            k,
            audience,
            contact,
            phone_region,
            reminders,
            mail_subject,
            mail_intro,
            reviewer_approval: input.reviewer_approval == "on",
            summaries: Publishing {
                auto: input.summary_auto == "on",
                day: summary_day.unwrap_or(0) as u8,
                at: summary_at.unwrap_or_default(),
                mail: input.summary_mail == "on",
                moderators: input.summary_moderators == "on",
            },
            retention,
            follow_up: input.follow_up == "on",
            follow_up_notify,
            results,
            breakdown: input.breakdown.trim().to_string(),
            texts,
        })
    }

    /// The per-language texts of the form (`title_sv`, …); for the first language the plain
    /// field (`title`) stands in when the per-language one is absent.
    fn parse_texts(input: &SettingsInput, languages: &[Lang], p: &mut Vec<Problem>) -> Texts {
        let mut texts = Texts::default();
        for (field, most) in TEXT_FIELDS {
            for (i, lang) in languages.iter().enumerate() {
                let plain = match field {
                    "title" => Some(&input.title),
                    "intro" => Some(&input.intro),
                    "mail_subject" => Some(&input.mail_subject),
                    "mail_intro" => Some(&input.mail_intro),
                    _ => None,
                };
                let typed = input
                    .texts
                    .get(&format!("{field}_{}", lang.code()))
                    .or(plain.filter(|_| i == 0))
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default();
                if typed.chars().count() > most {
                    p.push(
                        Problem::new(field, "set-too-long").with("language", lang.name()).with("most", most),
                    );
                }
                if field == "mail_subject" && typed.contains(['\r', '\n']) {
                    p.push(Problem::new(field, "set-one-line").with("language", lang.name()));
                }
                if !typed.is_empty() {
                    texts.field_mut(field).insert(*lang, typed);
                }
            }
        }
        texts
    }

    pub fn tz(&self) -> TimeZone {
        TimeZone::get(&self.time_zone).unwrap_or(TimeZone::UTC)
    }

    /// Today in the campaign's time zone.
    pub fn today(&self, now: i64) -> Date {
        jiff::Timestamp::from_second(now).unwrap_or_default().to_zoned(self.tz()).date()
    }

    /// The date a response gets: its day, or the Monday of its week.
    pub fn period_of(&self, now: i64) -> Date {
        let day = self.today(now);
        match self.granularity {
            Granularity::Day => day,
            Granularity::Week => {
                let back = day.weekday().to_monday_zero_offset() as i64;
                day.checked_sub(jiff::Span::new().days(back)).unwrap_or(day)
            }
        }
    }
}

/// Whether a campaign takes responses today, and if not, why (for a polite page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intake {
    Accepting,
    NotYet,
    /// Past its end date: it may still be reopened.
    Ended,
    Closed,
}

/// What a campaign is doing, in the words staff and participants alike see: a campaign ends
/// by itself the day after its end date, and stays ended (reopenable) until it is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Draft,
    Open,
    Ended,
    Closed,
}

impl Campaign {
    pub fn intake(&self, now: i64) -> Intake {
        let today = self.settings.today(now);
        match self.status {
            Status::Draft => Intake::NotYet,
            Status::Closed => Intake::Closed,
            Status::Open if today < self.settings.start => Intake::NotYet,
            Status::Open if today > self.settings.end => Intake::Ended,
            Status::Open => Intake::Accepting,
        }
    }

    pub fn phase(&self, now: i64) -> Phase {
        match self.status {
            Status::Draft => Phase::Draft,
            Status::Closed => Phase::Closed,
            Status::Open if self.settings.today(now) > self.settings.end => Phase::Ended,
            Status::Open => Phase::Open,
        }
    }

    pub fn scope(&self) -> String {
        scope_of(&self.id)
    }
}

/// The sealing scope of a campaign's data key (and, as associated data, of what it seals).
pub fn scope_of(campaign_id: &str) -> String {
    format!("campaign:{campaign_id}")
}

/// The scope of a campaign's story key: story texts are sealed under a key of their own,
/// destroyed when their retention runs out, long before the campaign key.
pub fn stories_scope(campaign_id: &str) -> String {
    format!("stories:{campaign_id}")
}

/// The keyring scope of one thread's key.
pub fn thread_scope(campaign_id: &str, response: [u8; 16]) -> String {
    format!("{}{}", threads_prefix(campaign_id), data_encoding::HEXLOWER.encode(&response))
}

/// The scope prefix of every thread key of a campaign.
pub fn threads_prefix(campaign_id: &str) -> String {
    format!("thread:{campaign_id}:")
}

/// Days since 1970-01-01 for a civil date: the period number stored with responses.
pub fn day_number(date: Date) -> i32 {
    date.since(Date::constant(1970, 1, 1)).map(|s| s.get_days()).unwrap_or(0)
}

pub fn date_of(day: i32) -> Date {
    Date::constant(1970, 1, 1).checked_add(jiff::Span::new().days(day as i64)).unwrap_or_default()
}

impl Settings {
    /// A campaign text in `lang`: that language's, else the first language's (a campaign from
    /// before per-language texts has only that one).
    pub fn text(&self, field: &str, lang: Lang) -> String {
        let own = self.text_in(field, lang);
        match self.languages.first() {
            Some(first) if own.trim().is_empty() && *first != lang => self.text_in(field, *first),
            _ => own,
        }
    }

    /// The texts an offered language still lacks, as (field, language): the title in every
    /// language, and any other text given in one language in all of them.
    pub fn missing_texts(&self) -> Vec<(&'static str, Lang)> {
        let mut missing = Vec::new();
        for (field, _) in TEXT_FIELDS {
            let has = |l: &Lang| !self.text_in(field, *l).trim().is_empty();
            let wanted = field == "title" || self.languages.iter().any(has);
            if !wanted {
                continue;
            }
            for l in self.languages.iter().filter(|l| !has(l)) {
                missing.push((field, *l));
            }
        }
        missing
    }

    /// A campaign text as written for `lang` itself (no fallback), the legacy field standing
    /// for the first language.
    fn text_in(&self, field: &str, lang: Lang) -> String {
        if let Some(words) = self.texts.field(field).get(&lang) {
            return words.clone();
        }
        if self.languages.first() != Some(&lang) {
            return String::new();
        }
        match field {
            "title" => self.title.clone(),
            "intro" => self.intro.clone(),
            "mail_subject" => self.mail_subject.clone(),
            "mail_intro" => self.mail_intro.clone(),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> SettingsInput {
        SettingsInput {
            title: "Spring pulse".into(),
            languages: vec!["en".into(), "sv".into()],
            start: "2026-03-01".into(),
            end: "2026-03-28".into(),
            time_zone: "Europe/Stockholm".into(),
            granularity: "week".into(),
            k: "5".into(),
            audience: "link".into(),
            ..Default::default()
        }
    }

    #[test]
    fn settings_validate_with_field_messages() {
        assert!(Settings::parse(&input()).is_ok());
        let bad = SettingsInput {
            end: "2026-02-01".into(),
            time_zone: "Mars/Olympus".into(),
            k: "2".into(),
            ..input()
        };
        let fields: Vec<&str> = Settings::parse(&bad).unwrap_err().into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["end", "time_zone", "k"]);
    }

    #[test]
    fn periods_follow_the_campaign_time_zone() {
        let s = Settings::parse(&input()).unwrap();
        // 2026-03-01T23:30Z is already 2 March (a Monday) in Stockholm.
        let t = jiff::Timestamp::from_second(1_772_407_800).unwrap();
        assert_eq!(t.to_string(), "2026-03-01T23:30:00Z");
        assert_eq!(s.today(t.as_second()), Date::constant(2026, 3, 2));
        assert_eq!(
            s.period_of(t.as_second() + 3 * 86_400),
            Date::constant(2026, 3, 2),
            "Thursday's week starts Monday"
        );
        assert_eq!(date_of(day_number(Date::constant(2026, 3, 2))), Date::constant(2026, 3, 2));
    }
}
