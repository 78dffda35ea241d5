//! Mail: composing (text and HTML parts from the templates in `web/templates/email/`, in
//! the participant's language), the durable outbox, and the mailer task that hands queued
//! mail to the SMTP server through lettre's pooled async transport.
//!
//! Delivery is at-least-once: a row leaves the outbox only after the server accepted its
//! mail, so a crash between acceptance and deletion sends that mail again after restart.
//! Transient failures retry with exponential backoff; permanent ones (5xx) are dropped and
//! counted. Logs show kinds, counts and outcomes, never an address.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::PoolConfig;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use minijinja::Value;
use serde::{Deserialize, Serialize};

use crate::config::{Config, Smtp, SmtpSecurity};
use crate::keys::{DataKey, MasterKey};
use crate::store::{About, Channel, NewMail, OutboxRow, Settle, Store, StoreError, mail_scope};
use crate::templates::Templates;

/// Mails taken from the outbox per round.
const BATCH: usize = 256;
/// First retry after this many seconds, doubling up to `MAX_BACKOFF_SECS`.
const FIRST_BACKOFF_SECS: i64 = 5;
const MAX_BACKOFF_SECS: i64 = 30 * 60;
/// Most connections kept open to the SMTP server. lettre writes a mail's end-of-data marker
/// in a second small write without TCP_NODELAY, so on each connection a mail waits for the
/// server's delayed ACK (~40 ms on Linux): throughput comes from parallel connections.
const MAX_CONNECTIONS: u32 = 32;

/// Connections for a sending rate: about 20 mails per second each (see above).
fn connections(per_second: u32) -> u32 {
    per_second.div_ceil(20).clamp(1, MAX_CONNECTIONS)
}

/// A rendered mail as it waits (sealed) in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The https unsubscribe link, for the List-Unsubscribe headers.
    pub unsubscribe: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the mail template {0} failed: {1}")]
    Template(String, minijinja::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Renders `email/{name}.txt` and `email/{name}.html` with the same context.
pub fn render(templates: &Templates, name: &str, ctx: Value) -> Result<(String, String), MailError> {
    let part = |ext: &str| {
        let file = format!("email/{name}.{ext}");
        templates.render(&file, ctx.clone()).map_err(|e| MailError::Template(file, e))
    };
    Ok((part("txt")?, part("html")?))
}

/// Queued mail, and a new address waiting for confirmation, are sealed under a key of the
/// day they were queued (`outbox:<day>` in the keyring). The erasure run destroys the keys
/// of days past the outbox's retention after dropping their mail, so what lingers of a
/// mail in freed pages of the store can no longer be opened, not even with the master key.
pub struct OutboxKeys<'a> {
    pub store: &'a Store,
    pub master: &'a MasterKey,
}

pub fn outbox_scope(day: i32) -> String {
    format!("outbox:{day}")
}

impl OutboxKeys<'_> {
    /// Seals under the key of `now`'s day (made on first use); returns the day and the bytes.
    pub fn seal(&self, now: i64, plain: &[u8]) -> Result<(i32, Vec<u8>), StoreError> {
        let day = now.div_euclid(86_400) as i32;
        let scope = outbox_scope(day);
        let wrapped = match self.store.wrapped_key(&scope)? {
            Some(w) => w,
            None => self.store.key_or_put(&scope, &self.master.wrap(&scope, &DataKey::generate()))?,
        };
        let key = self.master.unwrap(&scope, &wrapped).map_err(|e| StoreError::Internal(e.to_string()))?;
        Ok((day, key.seal(&scope, plain)))
    }

    /// Opens what `seal` sealed on `day`; None once that day's key is destroyed.
    pub fn open(&self, day: Option<i32>, sealed: &[u8]) -> Option<Vec<u8>> {
        let Some(day) = day else {
            // Queued before day keys existed: sealed under a key derived from the master key.
            return DataKey::from_bytes(self.master.derive("outbox")).open("outbox", sealed).ok();
        };
        let scope = outbox_scope(day);
        let wrapped = self.store.wrapped_key(&scope).ok()??;
        self.master.unwrap(&scope, &wrapped).ok()?.open(&scope, sealed).ok()
    }
}

/// Seals a mail under a fresh key of its own into an outbox row due at once.
pub fn row(master: &MasterKey, kind: &str, about: About, mail: &Mail, now: i64) -> NewMail {
    sealed_row(master, kind, about, Channel::Mail, &serde_json::to_vec(mail).expect("strings serialise"), now)
}

/// A text message: the number (E.164) and the words.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Text {
    pub to: String,
    pub body: String,
}

/// Seals a text like a mail: under a fresh key of its own, into the same outbox, so that it
/// goes with the participant on unsubscribe or erasure just as mail does.
pub fn text_row(master: &MasterKey, kind: &str, about: About, text: &Text, now: i64) -> NewMail {
    sealed_row(master, kind, about, Channel::Text, &serde_json::to_vec(text).expect("strings serialise"), now)
}

fn sealed_row(
    master: &MasterKey,
    kind: &str,
    about: About,
    channel: Channel,
    json: &[u8],
    now: i64,
) -> NewMail {
    let mut id = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut id);
    let scope = mail_scope(id);
    let key = DataKey::generate();
    NewMail {
        id,
        row: OutboxRow {
            kind: kind.to_string(),
            channel,
            about,
            sealed: key.seal(&scope, json),
            own_key: true,
            key_day: None,
            attempts: 0,
            next_attempt: 0,
            queued_day: now.div_euclid(86_400) as i32,
        },
        wrapped_key: master.wrap(&scope, &key),
    }
}

/// Opens a queued mail or text; None once its key is destroyed.
pub fn open_queued<T: serde::de::DeserializeOwned>(
    store: &Store,
    master: &MasterKey,
    id: [u8; 16],
    row: &OutboxRow,
) -> Option<T> {
    let plain = if row.own_key {
        let scope = mail_scope(id);
        let wrapped = store.wrapped_key(&scope).ok()??;
        master.unwrap(&scope, &wrapped).ok()?.open(&scope, &row.sealed).ok()?
    } else {
        OutboxKeys { store, master }.open(row.key_day, &row.sealed)?
    };
    serde_json::from_slice(&plain).ok()
}

/// The display name mails are sent under (editable in the admin panel).
pub fn from_name(store: &Store) -> Result<String, StoreError> {
    Ok(store.mail_state::<String>("from_name")?.unwrap_or_else(|| "tellpoint".into()))
}

#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_string()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".into())
    }
}

/// The lettre message for a mail; an address it cannot take is a permanent failure.
pub fn message(smtp: &Smtp, from_name: &str, mail: &Mail) -> Result<Message, String> {
    let from: lettre::Address = smtp.from.parse().map_err(|e| format!("smtp.from: {e}"))?;
    let to: lettre::Address = mail.to.parse().map_err(|e| format!("recipient: {e}"))?;
    let mut builder = Message::builder()
        .from(Mailbox::new(Some(from_name.to_string()), from))
        .to(Mailbox::new(None, to))
        .subject(mail.subject.clone());
    if let Some(url) = &mail.unsubscribe {
        builder = builder.header(ListUnsubscribe(format!("<{url}>"))).header(ListUnsubscribePost);
    }
    builder
        .multipart(MultiPart::alternative_plain_html(mail.text.clone(), mail.html.clone()))
        .map_err(|e| e.to_string())
}

pub type Transport = AsyncSmtpTransport<Tokio1Executor>;

/// The transport for the configured server; `pooled` keeps connections open between mails.
pub fn transport(smtp: &Smtp, pooled: bool) -> Result<Transport, String> {
    let tls =
        || TlsParameters::new(smtp.host.clone()).map_err(|e| format!("TLS setup for {}: {e}", smtp.host));
    let mut builder = Transport::builder_dangerous(smtp.host.as_str())
        .port(smtp.port)
        .timeout(Some(Duration::from_secs(30)))
        .tls(match smtp.security {
            SmtpSecurity::Starttls => Tls::Required(tls()?),
            SmtpSecurity::Tls => Tls::Wrapper(tls()?),
            SmtpSecurity::None => Tls::None,
        });
    if !smtp.username.is_empty() {
        builder =
            builder.credentials(Credentials::new(smtp.username.clone(), smtp.password.expose().to_string()));
    }
    let size = if pooled { connections(smtp.per_second) } else { 1 };
    let pool = PoolConfig::new().max_size(size);
    Ok(builder.pool_config(pool).build())
}

/// Sends one mail now, outside the outbox (the admin panel's test mail). On failure, a
/// message that says what to check.
pub async fn send_test(config: &Config, from_name: &str, mail: &Mail) -> Result<(), String> {
    let smtp = &config.smtp;
    if !smtp.enabled() {
        return Err(
            "Mail is off: set smtp.host (and smtp.from) in the configuration, then restart tellpoint.".into(),
        );
    }
    let message = message(smtp, from_name, mail)?;
    let transport = transport(smtp, false)?;
    match tokio::time::timeout(Duration::from_secs(20), transport.send(message)).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => Err(advice(smtp, &e)),
        Err(_) => Err(timeout_advice(smtp)),
    }
}

fn timeout_advice(smtp: &Smtp) -> String {
    format!(
        "The server at {}:{} did not answer in time. A port that expects TLS from the first byte (465, \
         security = \"tls\") spoken to with starttls, or the reverse, often looks like this: check that \
         smtp.security matches the port.",
        smtp.host, smtp.port
    )
}

/// Turns a lettre failure into advice about the configuration.
pub fn advice(smtp: &Smtp, e: &lettre::transport::smtp::Error) -> String {
    let detail = error_chain(e);
    let lower = detail.to_lowercase();
    let at = format!("{}:{}", smtp.host, smtp.port);
    if lower.contains("connection refused") {
        format!(
            "Nothing accepts connections at {at} ({detail}). Check smtp.host and smtp.port, and that the mail server runs."
        )
    } else if lower.contains("certificate")
        || lower.contains("unknownissuer")
        || lower.contains("notvalidforname")
    {
        format!(
            "The server's TLS certificate was not accepted ({detail}). It must be valid for {} and signed by a \
             public certificate authority; check smtp.host is the name on the certificate.",
            smtp.host
        )
    } else if e.is_timeout() {
        timeout_advice(smtp)
    } else if e.is_tls()
        || lower.contains("tls")
        || lower.contains("handshake")
        || lower.contains("corrupt message")
        || lower.contains("starttls")
    {
        format!(
            "TLS with {at} failed ({detail}). Port 465 usually needs security = \"tls\", port 587 \
             security = \"starttls\"; a server on this machine may need security = \"none\"."
        )
    } else if matches!(e.status().map(|c| c.to_string()), Some(c) if ["530", "534", "535", "538"].contains(&c.as_str()))
    {
        format!("The server refused the login ({detail}). Check smtp.username and smtp.password.")
    } else if e.is_permanent() {
        format!(
            "The server refused the mail ({detail}). Check that smtp.from is an address this server lets you send from, \
             and the recipient address."
        )
    } else {
        format!("Sending through {at} failed: {detail}.")
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ")
}

/// Waits between retries: 5 s, 10 s, 20 s … up to 30 min.
pub fn backoff(attempts: u32) -> i64 {
    FIRST_BACKOFF_SECS.saturating_mul(1i64 << attempts.min(20)).min(MAX_BACKOFF_SECS)
}

/// How one attempt went.
enum Attempt {
    Sent,
    /// Refused permanently, with the server's code.
    Refused(Option<String>),
    Deferred {
        attempts: u32,
        error: String,
    },
    /// The mail could not be opened or built: dropped.
    Unusable,
}

/// What a round of sending did, logged once.
#[derive(Default)]
struct Round {
    sent: usize,
    refused: usize,
    deferred: usize,
    unusable: usize,
    first_error: Option<String>,
}

impl Round {
    fn count(&mut self, attempt: Attempt, now: i64) -> Settle {
        match attempt {
            Attempt::Sent => {
                self.sent += 1;
                Settle::Sent
            }
            Attempt::Refused(code) => {
                self.refused += 1;
                self.first_error.get_or_insert(format!("refused permanently ({})", code.unwrap_or_default()));
                Settle::Rejected
            }
            Attempt::Deferred { attempts, error } => {
                self.deferred += 1;
                self.first_error.get_or_insert(without_addresses(&error));
                Settle::Retry { next_attempt: now + backoff(attempts) }
            }
            Attempt::Unusable => {
                self.unusable += 1;
                Settle::Rejected
            }
        }
    }

    fn log(&self) {
        let (sent, refused, deferred, unusable) = (self.sent, self.refused, self.deferred, self.unusable);
        match &self.first_error {
            None if unusable == 0 => tracing::info!(sent, "mail round done"),
            error => tracing::warn!(
                sent,
                refused,
                deferred,
                unusable,
                error = error.as_deref().unwrap_or(""),
                "mail round done with failures (deferred mail is retried; refused and unusable mail is dropped)"
            ),
        }
    }
}

/// An SMTP error without the addresses a server may quote in it.
fn without_addresses(error: &str) -> String {
    error.split(' ').map(|w| if w.contains('@') { "<address>" } else { w }).collect::<Vec<_>>().join(" ")
}

/// Everything the mailer task needs.
pub struct Mailer {
    pub store: Arc<Store>,
    pub config: Config,
    pub master: Arc<MasterKey>,
    pub clock: crate::clock::Clock,
    pub wake: Arc<tokio::sync::Notify>,
}

impl Mailer {
    /// Runs until the process ends: takes due mail, sends it (several at once, within the
    /// rate), settles the outcomes in one transaction, and sleeps until woken or due.
    pub async fn run(self) {
        let smtp = self.config.smtp.clone();
        if !smtp.enabled() {
            tracing::info!(
                queued = self.store.outbox_len().unwrap_or(0),
                "mail is off (smtp.host is empty); mail waits in the outbox"
            );
            return;
        }
        let transport = match transport(&smtp, true) {
            Ok(t) => t,
            Err(e) => {
                tracing::error!(error = %e, "mail cannot be sent; fix the smtp settings and restart");
                return;
            }
        };
        let per_second = std::num::NonZeroU32::new(smtp.per_second).unwrap_or(std::num::NonZeroU32::MIN);
        let limiter = governor::DefaultDirectRateLimiter::direct(governor::Quota::per_second(per_second));
        loop {
            let now = self.clock.now();
            let due = match self.store.due_mail(now, BATCH, Channel::Mail) {
                Ok(due) => due,
                Err(e) => {
                    tracing::error!(error = %e, "cannot read the outbox");
                    self.sleep(Some(now + 5)).await;
                    continue;
                }
            };
            if due.is_empty() {
                let next = self.store.next_mail_at(Channel::Mail).ok().flatten();
                self.sleep(next).await;
                continue;
            }
            let from_name = from_name(&self.store).unwrap_or_else(|_| "tellpoint".into());
            let mut sending = tokio::task::JoinSet::new();
            // At most one mail in flight per pooled connection, so connections are reused.
            let in_flight = Arc::new(tokio::sync::Semaphore::new(connections(smtp.per_second) as usize));
            for (id, row) in due {
                limiter.until_ready().await;
                let mail = open_queued::<Mail>(&self.store, &self.master, id, &row);
                let message = match mail.as_ref().map(|m| message(&smtp, &from_name, m)) {
                    Some(Ok(m)) => m,
                    Some(Err(_)) | None => {
                        sending.spawn(async move { (id, Attempt::Unusable) });
                        continue;
                    }
                };
                let transport = transport.clone();
                let permit = in_flight.clone().acquire_owned().await.expect("never closed");
                sending.spawn(async move {
                    let sent = transport.send(message).await;
                    drop(permit);
                    let attempt = match sent {
                        Ok(_) => Attempt::Sent,
                        Err(e) if e.is_permanent() => Attempt::Refused(e.status().map(|c| c.to_string())),
                        Err(e) => Attempt::Deferred { attempts: row.attempts, error: error_chain(&e) },
                    };
                    (id, attempt)
                });
            }
            let mut outcomes = Vec::new();
            let mut round = Round::default();
            while let Some(done) = sending.join_next().await {
                if let Ok((id, attempt)) = done {
                    outcomes.push((id, round.count(attempt, self.clock.now())));
                }
            }
            // One line per round, never one per mail: a mail's time would tell when someone
            // enrolled or asked for their data.
            match self.store.settle_mail(&outcomes, crate::store::Tally::Mail) {
                Ok(_) => round.log(),
                Err(e) => tracing::error!(error = %e, "cannot settle mail; it will be sent again"),
            }
        }
    }

    async fn sleep(&self, until: Option<i64>) {
        let wait = until.map_or(30, |t| (t - self.clock.now()).clamp(1, 30)) as u64;
        let _ = tokio::time::timeout(Duration::from_secs(wait), self.wake.notified()).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_follow_the_rate() {
        assert_eq!([1, 20, 21, 100, 100_000].map(connections), [1, 1, 2, 5, MAX_CONNECTIONS]);
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!([0, 1, 2, 3].map(backoff), [5, 10, 20, 40]);
        assert_eq!(backoff(30), MAX_BACKOFF_SECS);
    }
}
