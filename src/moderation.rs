//! Moderation: moderators read stories with likely personal data highlighted, write quotes
//! (new texts; the story itself is never edited), exclude stories or mark them handled.
//! Where the campaign asks for it, a reviewer approves or vetoes each quote. Only approved
//! quotes are ever published. Every action is audited, never with its text.

use std::collections::BTreeMap;

use jiff::civil::Date;
use rand::RngCore;

use crate::campaigns::{CampaignError, Campaigns};
use crate::detect::{self, Span};
use crate::figures::tally::monday_of;
use crate::keys::DataKey;
use crate::model::campaign::{Campaign, date_of, day_number};
use crate::store::{Quote, QuoteStatus, Store, StoryMark};

pub const QUOTE_MAX: usize = 2_000;
pub const REASON_MAX: usize = 500;
const TERMS_MAX: usize = 500;

#[derive(Debug, thiserror::Error)]
pub enum ModerationError {
    #[error("no such story or quote")]
    NotFound,
    #[error("{0}")]
    Refused(&'static str),
    /// The quote holds words that may identify someone and that its writer did not keep.
    #[error("the quote still holds flagged words")]
    Flagged(Vec<String>),
    #[error(transparent)]
    Campaign(#[from] CampaignError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Key(#[from] crate::keys::KeyError),
}

/// A story as a moderator sees it.
#[derive(Debug, Clone)]
pub struct Story {
    /// The response key (hex) and the question id: the story's address.
    pub response: String,
    pub question: String,
    pub day: Date,
    pub text: String,
    pub spans: Vec<Span>,
    pub mark: Option<StoryMark>,
}

/// A quote with its text opened.
#[derive(Debug, Clone)]
pub struct OpenQuote {
    pub id: String,
    pub text: String,
    pub status: QuoteStatus,
    pub reason: Option<String>,
    pub response: String,
    pub question: String,
    /// Monday of the week of the story it came from.
    pub week: Date,
}

/// The keys a campaign's stories may be sealed under: its own story key (gone once the
/// stories' retention ran out) and, for responses from before story keys, the campaign key.
struct StoryKeys {
    campaign: (DataKey, String),
    own: Option<(DataKey, String)>,
}

impl StoryKeys {
    /// The story texts of one response (question id → text).
    fn open(&self, own: bool, sealed: &[u8]) -> Result<BTreeMap<String, String>, ModerationError> {
        let (key, scope) =
            if own { self.own.as_ref().ok_or(ModerationError::NotFound)? } else { &self.campaign };
        let plain = key.open(scope, sealed)?;
        Ok(serde_json::from_slice(&plain).unwrap_or_default())
    }
}

pub struct Moderation<'a> {
    pub store: &'a Store,
    pub campaigns: Campaigns<'a>,
    pub now: i64,
}

pub fn parse_key(hex: &str) -> Option<[u8; 16]> {
    data_encoding::HEXLOWER.decode(hex.as_bytes()).ok()?.try_into().ok()
}

fn hex(key: &[u8]) -> String {
    data_encoding::HEXLOWER.encode(key)
}

impl Moderation<'_> {
    fn key(&self, c: &Campaign) -> Result<DataKey, ModerationError> {
        Ok(self.campaigns.data_key(c)?)
    }

    fn story_keys(&self, c: &Campaign) -> Result<StoryKeys, ModerationError> {
        Ok(StoryKeys {
            campaign: (self.key(c)?, c.scope()),
            own: self.campaigns.story_key(&c.id)?.map(|k| (k, crate::model::campaign::stories_scope(&c.id))),
        })
    }

    fn open_text(&self, c: &Campaign, key: &DataKey, sealed: &[u8]) -> Result<String, ModerationError> {
        Ok(String::from_utf8_lossy(&key.open(&c.scope(), sealed)?).into_owned())
    }

    fn today(&self, c: &Campaign) -> i32 {
        day_number(c.settings.today(self.now))
    }

    /// The campaign's watch list: names, places and team names to highlight.
    pub fn terms(&self, c: &Campaign) -> Result<Vec<String>, ModerationError> {
        let Some(sealed) = self.store.watch_terms(&c.id)? else { return Ok(Vec::new()) };
        let key = self.key(c)?;
        Ok(self.open_text(c, &key, &sealed)?.lines().map(String::from).collect())
    }

    pub fn save_terms(&self, c: &Campaign, text: &str, by: &str) -> Result<(), ModerationError> {
        let terms: Vec<&str> = text.lines().map(str::trim).filter(|t| !t.is_empty()).collect();
        if terms.len() > TERMS_MAX || terms.iter().any(|t| t.chars().count() > 100) {
            return Err(ModerationError::Refused("Keep the list to 500 lines of at most 100 characters."));
        }
        let key = self.key(c)?;
        self.store.save_watch_terms(&c.id, &key.seal(&c.scope(), terms.join("\n").as_bytes()))?;
        self.store.append_audit(self.now, by, "moderation.terms_changed", &c.id)?;
        Ok(())
    }

    /// Every story of the campaign, newest day first, excluded ones left out: their text is
    /// never shown again. Returns the stories and how many are excluded.
    pub fn stories(&self, c: &Campaign) -> Result<(Vec<Story>, usize), ModerationError> {
        let keys = self.story_keys(c)?;
        let terms = self.terms(c)?;
        let marks: BTreeMap<([u8; 16], String), StoryMark> =
            self.store.story_marks(&c.id)?.into_iter().collect();
        let mut out = Vec::new();
        let mut excluded = 0;
        for (rkey, r) in self.store.responses_with_keys(&c.id)? {
            let Some(sealed) = &r.sealed_stories else { continue };
            let texts = keys.open(r.story_key, sealed)?;
            for (question, text) in texts {
                if text.trim().is_empty() {
                    continue;
                }
                let mark = marks.get(&(rkey, question.clone())).copied();
                if mark == Some(StoryMark::Excluded) {
                    excluded += 1;
                    continue;
                }
                let spans = detect::find(&text, &terms);
                out.push(Story { response: hex(&rkey), question, day: date_of(r.period), text, spans, mark });
            }
        }
        out.sort_by(|a, b| b.day.cmp(&a.day).then(a.mark.is_some().cmp(&b.mark.is_some())));
        Ok((out, excluded))
    }

    /// How many stories wait for a moderator (neither handled nor excluded), how many quotes
    /// wait for a reviewer, and how many quotes there are: the queues' counts, without
    /// detection or quote texts.
    pub fn waiting(&self, c: &Campaign) -> Result<(usize, usize, usize), ModerationError> {
        let keys = self.story_keys(c)?;
        let marks: BTreeMap<([u8; 16], String), StoryMark> =
            self.store.story_marks(&c.id)?.into_iter().collect();
        let mut stories = 0;
        for (rkey, r) in self.store.responses_with_keys(&c.id)? {
            let Some(sealed) = &r.sealed_stories else { continue };
            stories += keys
                .open(r.story_key, sealed)?
                .into_iter()
                .filter(|(q, text)| !text.trim().is_empty() && !marks.contains_key(&(rkey, q.clone())))
                .count();
        }
        let quotes = self.store.quotes_of(&c.id)?;
        let proposed = quotes.iter().filter(|(_, q)| q.status == QuoteStatus::Proposed).count();
        Ok((stories, proposed, quotes.len()))
    }

    /// The story texts of one response, for its respondent: empty when it had none or they
    /// are erased.
    pub fn own_stories(&self, c: &Campaign, response: [u8; 16]) -> Result<Vec<String>, ModerationError> {
        let Some(r) = self.store.response(&c.id, response)? else { return Ok(Vec::new()) };
        let Some(sealed) = r.sealed_stories else { return Ok(Vec::new()) };
        match self.story_keys(c)?.open(r.story_key, &sealed) {
            Ok(texts) => Ok(texts.into_values().filter(|t| !t.trim().is_empty()).collect()),
            Err(ModerationError::NotFound | ModerationError::Key(_)) => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }

    /// One story, unless it was excluded.
    pub fn story(&self, c: &Campaign, response: &str, question: &str) -> Result<Story, ModerationError> {
        let rkey = parse_key(response).ok_or(ModerationError::NotFound)?;
        let r = self.store.response(&c.id, rkey)?.ok_or(ModerationError::NotFound)?;
        let sealed = r.sealed_stories.ok_or(ModerationError::NotFound)?;
        let texts = self.story_keys(c)?.open(r.story_key, &sealed)?;
        let text = texts.get(question).cloned().ok_or(ModerationError::NotFound)?;
        let mark = self
            .store
            .story_marks(&c.id)?
            .into_iter()
            .find(|((k, q), _)| *k == rkey && q == question)
            .map(|(_, m)| m);
        if mark == Some(StoryMark::Excluded) {
            return Err(ModerationError::NotFound);
        }
        let spans = detect::find(&text, &self.terms(c)?);
        Ok(Story {
            response: response.to_string(),
            question: question.to_string(),
            day: date_of(r.period),
            text,
            spans,
            mark,
        })
    }

    pub fn mark(
        &self,
        c: &Campaign,
        response: &str,
        question: &str,
        mark: StoryMark,
        by: &str,
    ) -> Result<(), ModerationError> {
        let story = self.story(c, response, question)?;
        let rkey = parse_key(&story.response).ok_or(ModerationError::NotFound)?;
        self.store.mark_story(&c.id, rkey, question, mark)?;
        let action = match mark {
            StoryMark::Handled => "story.handled",
            StoryMark::Excluded => "story.excluded",
        };
        self.store.append_audit(self.now, by, action, &format!("{} {}/{}", c.id, response, question))?;
        Ok(())
    }

    /// Writes a quote from a story: approved at once, or proposed for a reviewer when the
    /// campaign asks for approval. Returns the quote id.
    pub fn write_quote(
        &self,
        c: &Campaign,
        response: &str,
        question: &str,
        text: &str,
        keep: &[String],
        by: &str,
    ) -> Result<String, ModerationError> {
        let story = self.story(c, response, question)?;
        let text = text.trim().replace("\r\n", "\n");
        if text.is_empty() || text.chars().count() > QUOTE_MAX {
            return Err(ModerationError::Refused("Write a quote of 1 to 2,000 characters."));
        }
        // Every word the highlighter flags in the quote must be one the writer kept on purpose.
        let spans = detect::find(&text, &self.terms(c)?);
        let unkept: Vec<String> =
            spans.iter().map(|s| text[s.start..s.end].to_string()).filter(|w| !keep.contains(w)).collect();
        if !unkept.is_empty() {
            return Err(ModerationError::Flagged(unkept));
        }
        let kept = spans.iter().map(|s| (s.start as u32, s.end as u32)).collect();
        let key = self.key(c)?;
        let status = if c.settings.reviewer_approval { QuoteStatus::Proposed } else { QuoteStatus::Approved };
        let quote = Quote {
            response: parse_key(&story.response).ok_or(ModerationError::NotFound)?,
            question: question.to_string(),
            sealed: key.seal(&c.scope(), text.as_bytes()),
            status,
            sealed_reason: None,
            written: self.today(c),
            kept,
        };
        let mut id = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut id);
        self.store.save_quote(&c.id, id, &quote)?;
        let action = if status == QuoteStatus::Approved { "quote.approved" } else { "quote.proposed" };
        self.store.append_audit(self.now, by, action, &format!("{} {}", c.id, hex(&id)))?;
        Ok(hex(&id))
    }

    /// A reviewer's decision on a proposed quote; a veto needs a reason.
    pub fn review(
        &self,
        c: &Campaign,
        id: &str,
        approve: bool,
        reason: &str,
        by: &str,
    ) -> Result<(), ModerationError> {
        let qid = parse_key(id).ok_or(ModerationError::NotFound)?;
        let mut quote = self.store.quote(&c.id, qid)?.ok_or(ModerationError::NotFound)?;
        if quote.status != QuoteStatus::Proposed {
            return Err(ModerationError::Refused("This quote was already decided."));
        }
        let reason = reason.trim();
        if approve {
            // A flag its writer did not keep (one the highlighter learned since) blocks it.
            let text = self.open_text(c, &self.key(c)?, &quote.sealed)?;
            let spans = detect::find(&text, &self.terms(c)?);
            if spans.iter().any(|s| !quote.kept.contains(&(s.start as u32, s.end as u32))) {
                return Err(ModerationError::Refused(
                    "This quote holds words that may identify someone and that its writer did not keep: veto it with that reason.",
                ));
            }
            quote.status = QuoteStatus::Approved;
        } else {
            if reason.is_empty() || reason.chars().count() > REASON_MAX {
                return Err(ModerationError::Refused("Give a reason for the veto (at most 500 characters)."));
            }
            quote.status = QuoteStatus::Vetoed;
            quote.sealed_reason = Some(self.key(c)?.seal(&c.scope(), reason.as_bytes()));
        }
        self.store.save_quote(&c.id, qid, &quote)?;
        let action = if approve { "quote.approved" } else { "quote.vetoed" };
        self.store.append_audit(self.now, by, action, &format!("{} {id}", c.id))?;
        Ok(())
    }

    /// Takes a quote back: it leaves every summary and report, published ones included.
    pub fn withdraw(&self, c: &Campaign, id: &str, by: &str) -> Result<(), ModerationError> {
        let qid = parse_key(id).ok_or(ModerationError::NotFound)?;
        let mut quote = self.store.quote(&c.id, qid)?.ok_or(ModerationError::NotFound)?;
        quote.status = QuoteStatus::Withdrawn;
        self.store.save_quote(&c.id, qid, &quote)?;
        self.store.append_audit(self.now, by, "quote.withdrawn", &format!("{} {id}", c.id))?;
        Ok(())
    }

    /// Every quote of the campaign with its text, newest first.
    pub fn quotes(&self, c: &Campaign) -> Result<Vec<OpenQuote>, ModerationError> {
        let key = self.key(c)?;
        let mut out = Vec::new();
        let mut all = self.store.quotes_of(&c.id)?;
        all.sort_by_key(|(_, q)| std::cmp::Reverse(q.written));
        for (id, q) in all {
            let week = match self.store.response(&c.id, q.response)? {
                Some(r) => date_of(monday_of(r.period)),
                None => date_of(monday_of(q.written)),
            };
            out.push(OpenQuote {
                id: hex(&id),
                text: self.open_text(c, &key, &q.sealed)?,
                status: q.status,
                reason: q.sealed_reason.as_ref().map(|r| self.open_text(c, &key, r)).transpose()?,
                response: hex(&q.response),
                question: q.question,
                week,
            });
        }
        Ok(out)
    }

    /// Approved quotes only, by id: what summaries and reports may show.
    pub fn approved(&self, c: &Campaign) -> Result<Vec<OpenQuote>, ModerationError> {
        Ok(self.quotes(c)?.into_iter().filter(|q| q.status == QuoteStatus::Approved).collect())
    }
}
