//! The `[sms]` section: which gateway texts go through. An empty provider turns texts off.

use serde::{Deserialize, Serialize};

use super::Secret;
use super::smtp::is_loopback_host;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SmsProvider {
    /// A self-hosted Kannel's `sendsms` interface (smsbox).
    #[default]
    #[serde(rename = "kannel")]
    Kannel,
    #[serde(rename = "46elks")]
    Elks,
    #[serde(rename = "twilio")]
    Twilio,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Sms {
    /// Off unless set to true: texts cost money.
    pub enabled: bool,
    pub provider: SmsProvider,
    /// The gateway's sending URL; empty: the provider's own (Kannel has none: its smsbox's
    /// `http://host:13013/cgi-bin/sendsms`).
    pub url: String,
    /// Kannel's sendsms user, 46elks' API username, Twilio's Account SID.
    pub username: String,
    pub password: Secret,
    /// The sender: a number in E.164 or a name of up to 11 letters and digits.
    pub from: String,
    /// Texts handed to the gateway per second at most.
    pub per_second: u32,
    /// Texts sent in a calendar month at most; 0: no cap.
    pub monthly_cap: u32,
    /// What one text segment costs, for the admin page's estimate (e.g. 0.35), and in what.
    pub price_per_segment: f64,
    pub currency: String,
    /// The region a number typed without a country code belongs to (ISO 3166, e.g. "SE").
    pub default_region: String,
    /// Replies from phones (STOP) reach `/sms/incoming?token=…` only with this token: the
    /// gateway's forwarding URL carries it, so nobody else can unsubscribe a number.
    pub incoming_token: Secret,
}

impl Default for Sms {
    fn default() -> Self {
        Sms {
            enabled: false,
            provider: SmsProvider::Kannel,
            url: String::new(),
            username: String::new(),
            password: Secret::default(),
            from: String::new(),
            per_second: 5,
            monthly_cap: 0,
            price_per_segment: 0.0,
            currency: "SEK".into(),
            default_region: "SE".into(),
            incoming_token: Secret::default(),
        }
    }
}

impl Sms {
    /// Where a text is sent.
    pub fn endpoint(&self) -> String {
        if !self.url.is_empty() {
            return self.url.clone();
        }
        match self.provider {
            SmsProvider::Kannel => "http://127.0.0.1:13013/cgi-bin/sendsms".into(),
            SmsProvider::Elks => "https://api.46elks.com/a1/sms".into(),
            SmsProvider::Twilio => {
                format!("https://api.twilio.com/2010-04-01/Accounts/{}/Messages.json", self.username)
            }
        }
    }

    /// Adds what is wrong with these settings to `p`.
    pub(super) fn check(&self, p: &mut Vec<String>) {
        if !self.enabled {
            return;
        }
        for (key, value) in [("sms.username", &self.username), ("sms.from", &self.from)] {
            if value.is_empty() {
                p.push(format!("{key} is empty; texts need it (sms.enabled = true)"));
            }
        }
        if self.password.expose().is_empty() {
            p.push("sms.password is empty; texts need it (sms.enabled = true)".into());
        }
        let url = self.endpoint();
        let host = url.split("://").nth(1).and_then(|r| r.split(['/', ':']).next()).unwrap_or("");
        match url.split_once("://").map(|(scheme, _)| scheme) {
            Some("https") => {}
            // Kannel runs on the organisation's own network; a cloud gateway is reached
            // over TLS, except a stand-in on this machine.
            Some("http") if self.provider == SmsProvider::Kannel || is_loopback_host(host) => {}
            _ => p.push(format!("sms.url = {url:?} must be an https:// URL (http:// only for Kannel)")),
        }
        if self.per_second == 0 {
            p.push("sms.per_second must be at least 1".into());
        }
        if self.default_region.len() != 2 || !self.default_region.chars().all(|c| c.is_ascii_uppercase()) {
            p.push(format!(
                "sms.default_region = {:?} must be a two-letter country code such as \"SE\" or \"NL\"",
                self.default_region
            ));
        }
    }
}
