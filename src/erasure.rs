//! Erasure: a campaign erased on demand (the owner types its title to confirm) or finished
//! by the erasure run after a crash. Its data key, its participants' contact keys and its
//! follow-up threads' keys are destroyed first, so every sealed copy of its addresses and
//! texts, in the store's freed pages included, is unreadable from that moment (the keyring
//! file is rewritten without them before the call returns); then its rows go in batches.
//! Each run appends to the erasure log what it erased, never contents.

use crate::config::Retention;
use crate::model::campaign::{Campaign, day_number};
use crate::store::{ErasureEntry, KeyKind, Store, StoreError};

/// Responses deleted per transaction: one range removal each, short enough that intake for
/// other campaigns waits at most a few tens of milliseconds for the single writer
/// (`cargo bench --bench erasure`).
pub const BATCH: usize = 20_000;
/// Responses whose stories are stripped per transaction: each is read and rewritten.
const STRIP_BATCH: usize = 5_000;
/// Day keys this many days before the outbox's cutoff are looked for (and destroyed):
/// more than any time the erasure run could have been kept from running.
const OUTBOX_DAYS_LOOKED_BACK: i32 = 3650;

#[derive(Debug, thiserror::Error)]
pub enum ErasureError {
    #[error("type the campaign's title exactly as it is shown to confirm the erasure")]
    TitleMismatch,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Called between batches: redb's writer lock is not fair, and without a pause the next
/// batch would take it again before a response for another campaign waiting on it.
fn let_others_write() {
    std::thread::sleep(std::time::Duration::from_millis(1));
}

pub struct Erasure<'a> {
    pub store: &'a Store,
    pub defaults: &'a Retention,
    pub now: i64,
}

impl Erasure<'_> {
    fn day(&self) -> i32 {
        self.now.div_euclid(86_400) as i32
    }

    /// Erases a campaign now, after the owner typed its title.
    pub fn erase_campaign(
        &self,
        c: &Campaign,
        typed: &str,
        by: &str,
    ) -> Result<Vec<ErasureEntry>, ErasureError> {
        if typed.trim() != c.settings.title.trim() {
            return Err(ErasureError::TitleMismatch);
        }
        self.store.begin_erasure(&c.id, &c.settings.title, &c.slug)?;
        self.store.append_audit(self.now, by, "campaign.erased", &c.id)?;
        Ok(self.finish(&c.id, &c.settings.title)?)
    }

    /// Destroys the keys of a campaign whose erasure has begun, deletes its rows and logs
    /// what went. Safe to run again after a crash at any point.
    fn finish(&self, id: &str, title: &str) -> Result<Vec<ErasureEntry>, StoreError> {
        let keys = self.store.destroy_campaign_keys(id, None)?;
        let mut totals: Vec<(&'static str, u64)> = vec![("data keys", keys)];
        loop {
            let (erased, done) = self.store.erase_campaign_batch(id, BATCH)?;
            for (class, n) in erased {
                match totals.iter_mut().find(|(c, _)| *c == class) {
                    Some(t) => t.1 += n,
                    None => totals.push((class, n)),
                }
            }
            if done {
                break;
            }
            let_others_write();
        }
        let entries: Vec<ErasureEntry> = totals
            .into_iter()
            .map(|(class, count)| ErasureEntry {
                day: self.day(),
                class: class.into(),
                campaign: title.into(),
                campaign_id: id.into(),
                count,
            })
            .collect();
        self.store.append_erasure_log(&entries)?;
        tracing::info!(classes = entries.len(), "campaign erased");
        Ok(entries)
    }

    /// The erasure run: finishes erasures a crash interrupted, erases every class of data
    /// whose retention has run out (by each campaign's current periods, so a shortened one
    /// applies to data already held), drops undelivered mail past its days with the keys
    /// that sealed it, and rewrites the keyring without keys destroyed since the last run.
    /// Logs what it erased.
    pub fn run(&self) -> Result<Vec<ErasureEntry>, StoreError> {
        let mut entries = Vec::new();
        for (id, title) in self.store.erasing()? {
            entries.extend(self.finish(&id, &title)?);
        }
        // Every erasure begun is finished now, its campaign gone from the list.
        for c in self.store.all_campaigns()? {
            entries.extend(self.expire(&c)?);
        }
        let dropped = self.store.drop_old_mail(self.day() - self.defaults.outbox_days as i32)?;
        self.store.destroy_stray_mail_keys()?;
        let mut logged = Vec::new();
        if dropped > 0 {
            logged.push(self.entry("undelivered mail", None, dropped));
        }
        // Everything sealed under a day key of a day before this one is dropped now: that
        // day's key goes too. Key names are hashes, so the run names the days it looks for.
        let cutoff = self.day() - self.defaults.outbox_days as i32;
        let old_day_keys: Vec<String> =
            (cutoff - OUTBOX_DAYS_LOOKED_BACK..cutoff).map(crate::mail::outbox_scope).collect();
        self.store.destroy_keys(&old_day_keys)?;
        // The logs themselves: the audit chain stays verifiable from its first kept entry.
        let logs_before = self.now - i64::from(self.defaults.logs_days) * 86_400;
        let audit = self.store.prune_audit(logs_before)?;
        if audit > 0 {
            self.store.append_audit(self.now, "erasure run", "audit.pruned", &audit.to_string())?;
            logged.push(self.entry("audit log entries", None, audit));
        }
        let old_log = self.store.prune_erasure_log(self.day() - self.defaults.logs_days as i32)?;
        if old_log > 0 {
            logged.push(self.entry("erasure log entries", None, old_log));
        }
        self.store.append_erasure_log(&logged)?;
        entries.extend(logged);
        Ok(entries)
    }

    /// A log entry about `campaign`, or about all campaigns.
    fn entry(&self, class: &str, campaign: Option<&Campaign>, count: u64) -> ErasureEntry {
        let (id, title) = campaign.map_or(("", "all"), |c| (c.id.as_str(), c.settings.title.as_str()));
        ErasureEntry {
            day: self.day(),
            class: class.into(),
            campaign: title.into(),
            campaign_id: id.into(),
            count,
        }
    }

    /// Erases the classes of one campaign whose time has come.
    fn expire(&self, c: &Campaign) -> Result<Vec<ErasureEntry>, StoreError> {
        let today = c.settings.today(self.now);
        let days = |d: jiff::civil::Date| day_number(today) - day_number(d);
        let r = c.retention(self.defaults.campaign_defaults());
        let title = c.settings.title.as_str();
        let mut entries = Vec::new();
        let closed = c.closed_day(today);
        if closed.is_some_and(|d| days(d) > r.responses_days_after_close as i32)
            && closed
                .is_some_and(|d| days(d) > r.quotes_days_after_close.max(r.stories_days_after_close) as i32)
            && days(c.settings.end) > r.contacts_days_after_end as i32
        {
            // Every class has run out: the campaign goes, key first.
            self.store.begin_erasure(&c.id, title, &c.slug)?;
            return self.finish(&c.id, title);
        }
        if days(c.settings.end) > r.contacts_days_after_end as i32
            && !self.store.class_erased(&c.id, "contacts")?
        {
            self.store.destroy_campaign_keys(&c.id, Some(KeyKind::Contact))?;
            let n = self.store.erase_contacts(&c.id)?;
            self.store.mark_class_erased(&c.id, "contacts", self.day())?;
            entries.push(self.entry("contacts", Some(c), n));
        }
        if closed.is_some_and(|d| days(d) > r.stories_days_after_close as i32)
            && !self.store.class_erased(&c.id, "stories")?
        {
            // The story key first: every sealed copy of the texts is unreadable from here.
            self.store.destroy_keys(&[crate::model::campaign::stories_scope(&c.id)])?;
            let mut from = None;
            let mut n = 0;
            loop {
                let (stripped, next) = self.store.strip_stories_batch(&c.id, from, STRIP_BATCH)?;
                n += stripped;
                match next {
                    Some(k) => from = Some(k),
                    None => break,
                }
                let_others_write();
            }
            self.store.mark_class_erased(&c.id, "stories", self.day())?;
            entries.push(self.entry("stories", Some(c), n));
        }
        // Threads idle longer than their days: each thread's key first.
        let idle_since = day_number(today) - self.defaults.threads_days_after_last_message as i32;
        let idle = self.store.threads_before(&c.id, idle_since)?;
        if !idle.is_empty() {
            let scopes: Vec<String> =
                idle.iter().map(|k| crate::model::campaign::thread_scope(&c.id, *k)).collect();
            self.store.destroy_keys(&scopes)?;
            let n = self.store.erase_threads(&c.id, &idle)?;
            entries.push(self.entry("threads", Some(c), n));
        }
        if closed.is_some_and(|d| days(d) > r.quotes_days_after_close as i32)
            && !self.store.class_erased(&c.id, "quotes")?
        {
            let (quotes, summaries) = self.store.erase_quotes_and_summaries(&c.id)?;
            self.store.mark_class_erased(&c.id, "quotes", self.day())?;
            entries.push(self.entry("quotes", Some(c), quotes));
            entries.push(self.entry("summaries", Some(c), summaries));
        }
        self.store.append_erasure_log(&entries)?;
        Ok(entries)
    }
}
