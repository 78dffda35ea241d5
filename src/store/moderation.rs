//! Moderation and publication: what moderators decided about stories, the quotes written
//! from them, a campaign's list of words to watch for, and the weekly summaries as
//! published. Texts (quotes, veto reasons, the word list) arrive sealed.

use redb::{ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};

use super::campaigns::RESPONSES;
use super::{Store, StoreError, StoredResponse, from_json, to_json};

// (campaign id, response key, question id) → "handled" | "excluded"
pub(super) const STORY_MARKS: TableDefinition<(&str, [u8; 16], &str), &str> =
    TableDefinition::new("story_marks");
// (campaign id, random quote id) → JSON Quote
pub(super) const QUOTES: TableDefinition<(&str, [u8; 16]), &[u8]> = TableDefinition::new("quotes");
// campaign id → the watch list (names, places, teams), sealed
pub(super) const WATCH_TERMS: TableDefinition<&str, &[u8]> = TableDefinition::new("watch_terms");
// (campaign id, week's Monday as a day number) → JSON Summary
pub(super) const SUMMARIES: TableDefinition<(&str, i32), &[u8]> = TableDefinition::new("summaries");

/// A story's address: its response's key and its question's id.
pub type StoryRef = ([u8; 16], String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoryMark {
    Handled,
    /// Never to be used: no quote may come from it, and its quotes are withdrawn.
    Excluded,
}

impl StoryMark {
    fn as_str(self) -> &'static str {
        match self {
            StoryMark::Handled => "handled",
            StoryMark::Excluded => "excluded",
        }
    }

    fn parse(s: &str) -> Option<StoryMark> {
        match s {
            "handled" => Some(StoryMark::Handled),
            "excluded" => Some(StoryMark::Excluded),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteStatus {
    Proposed,
    Approved,
    Vetoed,
    Withdrawn,
}

/// A quote: a new text written from a story (the story is never edited).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The story it was written from: response key and question id.
    pub response: [u8; 16],
    pub question: String,
    /// The quote text, sealed under the campaign key.
    pub sealed: Vec<u8>,
    pub status: QuoteStatus,
    /// A reviewer's reason for a veto, sealed.
    pub sealed_reason: Option<Vec<u8>>,
    /// Day number it was written.
    pub written: i32,
    /// Byte spans of the text that the highlighter flags and its writer chose to keep (only
    /// offsets: the words themselves are in the sealed text).
    #[serde(default)]
    pub kept: Vec<(u32, u32)>,
}

/// A published summary of a released period (its figures are that release's): the quote
/// ids shown with it. Summaries from before releases kept their own figures, which are no
/// longer read: the release of the same period is shown instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub quotes: Vec<[u8; 16]>,
    /// Day number it was published.
    pub published: i32,
}

impl Store {
    /// A campaign's responses with their keys (only that campaign's range is read).
    pub fn responses_with_keys(
        &self,
        campaign_id: &str,
    ) -> Result<Vec<([u8; 16], StoredResponse)>, StoreError> {
        self.keyed_rows(RESPONSES, campaign_id)
    }

    /// Every row of a table keyed by (campaign, random key), with its key.
    fn keyed_rows<T: serde::de::DeserializeOwned>(
        &self,
        definition: TableDefinition<(&str, [u8; 16]), &[u8]>,
        campaign_id: &str,
    ) -> Result<Vec<([u8; 16], T)>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(definition)?;
        let range = table.range((campaign_id, [0u8; 16])..=(campaign_id, [255u8; 16]))?;
        range
            .map(|row| {
                let (k, v) = row?;
                Ok((k.value().1, from_json(v.value())?))
            })
            .collect()
    }

    pub fn response(&self, campaign_id: &str, key: [u8; 16]) -> Result<Option<StoredResponse>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(RESPONSES)?;
        let value = table.get((campaign_id, key))?;
        value.map(|v| from_json(v.value())).transpose()
    }

    /// Every marked story of a campaign: (response key, question id) → mark.
    pub fn story_marks(&self, campaign_id: &str) -> Result<Vec<(StoryRef, StoryMark)>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(STORY_MARKS)?;
        let range = table.range((campaign_id, [0u8; 16], "")..=(campaign_id, [255u8; 16], "\u{10ffff}"))?;
        let mut out = Vec::new();
        for row in range {
            let (k, v) = row?;
            let (_, key, question) = k.value();
            if let Some(mark) = StoryMark::parse(v.value()) {
                out.push(((key, question.to_string()), mark));
            }
        }
        Ok(out)
    }

    /// Marks a story; excluding one withdraws its quotes in the same transaction.
    pub fn mark_story(
        &self,
        campaign_id: &str,
        key: [u8; 16],
        question: &str,
        mark: StoryMark,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        {
            tx.open_table(STORY_MARKS)?.insert((campaign_id, key, question), mark.as_str())?;
            if mark == StoryMark::Excluded {
                let mut quotes = tx.open_table(QUOTES)?;
                let mut changed = Vec::new();
                for row in quotes.range((campaign_id, [0u8; 16])..=(campaign_id, [255u8; 16]))? {
                    let (k, v) = row?;
                    let mut q: Quote = from_json(v.value())?;
                    if q.response == key && q.question == question && q.status != QuoteStatus::Withdrawn {
                        q.status = QuoteStatus::Withdrawn;
                        changed.push((k.value().1, q));
                    }
                }
                for (id, q) in changed {
                    quotes.insert((campaign_id, id), to_json(&q)?.as_slice())?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub fn save_quote(&self, campaign_id: &str, id: [u8; 16], quote: &Quote) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(QUOTES)?.insert((campaign_id, id), to_json(quote)?.as_slice())?;
        tx.commit()?;
        Ok(())
    }

    pub fn quote(&self, campaign_id: &str, id: [u8; 16]) -> Result<Option<Quote>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(QUOTES)?;
        let value = table.get((campaign_id, id))?;
        value.map(|v| from_json(v.value())).transpose()
    }

    pub fn quotes_of(&self, campaign_id: &str) -> Result<Vec<([u8; 16], Quote)>, StoreError> {
        self.keyed_rows(QUOTES, campaign_id)
    }

    pub fn watch_terms(&self, campaign_id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(WATCH_TERMS)?;
        let value = table.get(campaign_id)?;
        Ok(value.map(|v| v.value().to_vec()))
    }

    pub fn save_watch_terms(&self, campaign_id: &str, sealed: &[u8]) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.open_table(WATCH_TERMS)?.insert(campaign_id, sealed)?;
        tx.commit()?;
        Ok(())
    }

    /// Publishes a summary unless that week's is already published, queueing `mails` (the
    /// news that it is out) in the same transaction; returns whether it was published.
    pub fn publish_summary(
        &self,
        campaign_id: &str,
        week: i32,
        summary: &Summary,
        mails: &[super::NewMail],
    ) -> Result<bool, StoreError> {
        self.put_mail_keys(mails)?;
        let tx = self.write()?;
        let fresh = {
            let mut table = tx.open_table(SUMMARIES)?;
            let exists = table.get((campaign_id, week))?.is_some();
            if !exists {
                table.insert((campaign_id, week), to_json(summary)?.as_slice())?;
            }
            !exists
        };
        if fresh {
            super::outbox::insert_rows(&tx, mails)?;
        }
        tx.commit()?;
        Ok(fresh)
    }

    /// A campaign's published summaries, oldest week first.
    pub fn summaries_of(&self, campaign_id: &str) -> Result<Vec<(i32, Summary)>, StoreError> {
        let tx = self.read()?;
        let table = tx.open_table(SUMMARIES)?;
        let range = table.range((campaign_id, i32::MIN)..=(campaign_id, i32::MAX))?;
        range
            .map(|row| {
                let (k, v) = row?;
                Ok((k.value().1, from_json(v.value())?))
            })
            .collect()
    }
}
