//! Designing campaigns (owner): create with its own data key, change settings, open and
//! close, and edit the questionnaire — a version that has responses is frozen, so an edit
//! makes the next version.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rand::RngCore;

use crate::keys::{DataKey, KeyError, MasterKey};
use jiff::civil::Date;

use crate::model::campaign::{Campaign, Retention, Settings, SettingsInput, Status, day_number};
use crate::model::questionnaire::Questionnaire;
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum CampaignError {
    #[error("no such campaign")]
    NotFound,
    /// What the campaign's state does not allow: a key of the translation files.
    #[error("{}", crate::i18n::t(crate::model::Lang::EN, .0))]
    Refused(&'static str),
    #[error("the settings have problems")]
    Settings(Vec<crate::model::campaign::Problem>),
    #[error("the questionnaire has problems: {}", .0.join("; "))]
    Questionnaire(Vec<String>),
    #[error("texts are missing: {}", .0.iter().map(|(f, l)| format!("{f} in {}", l.name())).collect::<Vec<_>>().join(", "))]
    Texts(Vec<(&'static str, crate::model::Lang)>),
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl CampaignError {
    /// The problems to list on the page: the questionnaire's own, or this error's words.
    pub fn into_problems(self) -> Vec<String> {
        match self {
            CampaignError::Questionnaire(p) => p,
            other => vec![other.to_string()],
        }
    }
}

pub struct Campaigns<'a> {
    pub store: &'a Store,
    pub master: &'a MasterKey,
    pub now: i64,
}

fn random_text(bytes: usize, hex: bool) -> String {
    let mut raw = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut raw);
    if hex {
        data_encoding::HEXLOWER.encode(&raw)
    } else {
        data_encoding::BASE32_NOPAD.encode(&raw).to_ascii_lowercase()
    }
}

impl Campaigns<'_> {
    pub fn create(&self, title: &str, by: &str) -> Result<Campaign, CampaignError> {
        let title = title.trim();
        if title.is_empty() || title.chars().count() > 120 {
            return Err(CampaignError::Refused("camp-refused-title"));
        }
        let today = jiff::Timestamp::from_second(self.now)
            .unwrap_or_default()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .date();
        let campaign = Campaign {
            id: random_text(16, true),
            slug: random_text(16, false),
            settings: Settings::new_draft(title, today),
            status: Status::Draft,
            version: 1,
            created: self.now,
            closed_on: None,
        };
        let key = DataKey::generate();
        let wrapped = self.master.wrap(&campaign.scope(), &key);
        let stories = crate::model::campaign::stories_scope(&campaign.id);
        self.store.put_key(&stories, &self.master.wrap(&stories, &DataKey::generate()))?;
        self.store.create_campaign(&campaign, &wrapped, &Questionnaire::default())?;
        self.store.append_audit(self.now, by, "campaign.created", &campaign.id)?;
        Ok(campaign)
    }

    pub fn get(&self, id: &str) -> Result<Campaign, CampaignError> {
        self.store.campaign(id)?.ok_or(CampaignError::NotFound)
    }

    pub fn current_questionnaire(&self, c: &Campaign) -> Result<Questionnaire, CampaignError> {
        Ok(self.store.questionnaire(&c.id, c.version)?.unwrap_or_default())
    }

    pub fn data_key(&self, c: &Campaign) -> Result<DataKey, CampaignError> {
        self.data_key_of(&c.id)
    }

    pub fn data_key_of(&self, campaign_id: &str) -> Result<DataKey, CampaignError> {
        let scope = crate::model::campaign::scope_of(campaign_id);
        let wrapped = self.store.wrapped_key(&scope)?.ok_or(KeyError::Unseal)?;
        Ok(self.master.unwrap(&scope, &wrapped)?)
    }

    /// The key story texts are sealed under: the campaign's own story key, or (campaigns
    /// made before story keys, or whose stories were erased) none.
    pub fn story_key(&self, campaign_id: &str) -> Result<Option<DataKey>, CampaignError> {
        let scope = crate::model::campaign::stories_scope(campaign_id);
        match self.store.wrapped_key(&scope)? {
            Some(wrapped) => Ok(Some(self.master.unwrap(&scope, &wrapped)?)),
            None => Ok(None),
        }
    }

    pub fn update_settings(
        &self,
        id: &str,
        input: &SettingsInput,
        by: &str,
    ) -> Result<Campaign, CampaignError> {
        let mut c = self.get(id)?;
        let settings = Settings::parse(input).map_err(CampaignError::Settings)?;
        let q = self.current_questionnaire(&c)?;
        if !settings.breakdown.is_empty()
            && !q.question(&settings.breakdown).is_some_and(|x| crate::model::figures::can_split(&x.kind))
        {
            return Err(CampaignError::Settings(vec![crate::model::campaign::Problem::new(
                "breakdown",
                "set-breakdown",
            )]));
        }
        // The questionnaire must still be complete in every offered language, and an open
        // campaign's own texts too.
        Questionnaire::from_json(&q.to_json(), &settings.languages).map_err(CampaignError::Questionnaire)?;
        // A later end date for an ended campaign reopens it, on the same condition.
        let today = c.settings.today(self.now);
        if c.status == Status::Open
            && c.settings.end < today
            && settings.end >= today
            && self.final_released(&c, c.settings.end)?
        {
            return Err(CampaignError::Settings(vec![crate::model::campaign::Problem::new(
                "end",
                "camp-reopen-released",
            )]));
        }
        if c.status == Status::Open {
            let missing = settings.missing_texts();
            if !missing.is_empty() {
                return Err(CampaignError::Texts(missing));
            }
        }
        c.settings = settings;
        self.store.save_campaign(&c)?;
        self.store.append_audit(self.now, by, "campaign.settings_changed", &c.id)?;
        Ok(c)
    }

    /// draft → open → closed, and only forward.
    pub fn set_status(&self, id: &str, status: Status, by: &str) -> Result<Campaign, CampaignError> {
        let mut c = self.get(id)?;
        match (c.status, status) {
            (Status::Draft, Status::Open) => {
                if self.current_questionnaire(&c)?.questions.is_empty() {
                    return Err(CampaignError::Refused("camp-refused-no-questions"));
                }
                let missing = c.settings.missing_texts();
                if !missing.is_empty() {
                    return Err(CampaignError::Texts(missing));
                }
            }
            (Status::Open, Status::Closed) => {}
            _ => {
                return Err(CampaignError::Refused("camp-refused-order"));
            }
        }
        c.status = status;
        if status == Status::Closed {
            c.closed_on = Some(c.settings.today(self.now));
        }
        self.store.save_campaign(&c)?;
        let action = if status == Status::Open { "campaign.opened" } else { "campaign.closed" };
        self.store.append_audit(self.now, by, action, &c.id)?;
        Ok(c)
    }

    /// Takes an ended or closed campaign back to open until `until`. Refused once the final
    /// period's figures are released (answers added to a released period could be told
    /// apart by comparing its figures before and after) and once its retention has begun
    /// erasing stories or responses.
    pub fn reopen(
        &self,
        id: &str,
        until: Date,
        defaults: Retention,
        by: &str,
    ) -> Result<Campaign, CampaignError> {
        let mut c = self.get(id)?;
        let today = c.settings.today(self.now);
        let Some(last) = c.closed_day(today) else {
            return Err(CampaignError::Refused("camp-refused-order"));
        };
        if until < today || until < c.settings.start {
            return Err(CampaignError::Refused("camp-reopen-end"));
        }
        if self.final_released(&c, last)? {
            return Err(CampaignError::Refused("camp-reopen-released"));
        }
        let r = c.retention(defaults);
        let erasing_after = r.stories_days_after_close.min(r.responses_days_after_close);
        if today > last.saturating_add(jiff::Span::new().days(i64::from(erasing_after))) {
            return Err(CampaignError::Refused("camp-reopen-erased"));
        }
        c.status = Status::Open;
        c.closed_on = None;
        c.settings.end = until;
        self.store.save_campaign(&c)?;
        self.store.append_audit(self.now, by, "campaign.reopened", &c.id)?;
        Ok(c)
    }

    /// Whether figures of the period that ended on `last` (or of the whole campaign) are out.
    fn final_released(&self, c: &Campaign, last: Date) -> Result<bool, CampaignError> {
        Ok(self.store.releases(&c.id)?.iter().any(|r| r.whole || r.last >= day_number(last)))
    }

    /// Applies `edit` to the current questionnaire and checks the whole result. When the
    /// current version has responses, the edit becomes a new version.
    pub fn edit_questionnaire(
        &self,
        id: &str,
        by: &str,
        edit: impl FnOnce(&mut Questionnaire) -> Result<(), Vec<String>>,
    ) -> Result<Campaign, CampaignError> {
        let mut c = self.get(id)?;
        if c.status == Status::Closed {
            return Err(CampaignError::Refused("camp-refused-closed-questionnaire"));
        }
        let mut q = self.current_questionnaire(&c)?;
        edit(&mut q).map_err(CampaignError::Questionnaire)?;
        let q = Questionnaire::from_json(&q.to_json(), &c.settings.languages)
            .map_err(CampaignError::Questionnaire)?;
        if self.store.version_has_responses(&c.id, c.version)? {
            c.version += 1;
        }
        self.store.save_questionnaire(&c, &q)?;
        self.store.append_audit(
            self.now,
            by,
            "questionnaire.changed",
            &format!("{} v{}", c.id, c.version),
        )?;
        Ok(c)
    }
}

/// What the response form needs of a campaign, loaded once per change rather than per
/// request: the campaign, its current questionnaire and its unwrapped data key.
pub struct Live {
    pub campaign: Campaign,
    pub questionnaire: Questionnaire,
    pub key: DataKey,
    /// Seals new stories; `None` for campaigns from before story keys.
    pub story_key: Option<DataKey>,
}

/// Campaigns by slug, dropped whenever the store's campaign generation moves on.
#[derive(Default)]
pub struct LiveCampaigns {
    cached: Mutex<(u64, HashMap<String, Arc<Live>>)>,
}

impl LiveCampaigns {
    pub fn by_slug(&self, campaigns: &Campaigns, slug: &str) -> Result<Option<Arc<Live>>, CampaignError> {
        let store = campaigns.store;
        let generation = store.campaign_generation();
        {
            let cached = self.cached.lock().expect("cache lock");
            if cached.0 == generation
                && let Some(live) = cached.1.get(slug)
            {
                return Ok(Some(live.clone()));
            }
        }
        let Some(campaign) = store.campaign_by_slug(slug)? else { return Ok(None) };
        let live = Arc::new(Live {
            questionnaire: campaigns.current_questionnaire(&campaign)?,
            key: campaigns.data_key(&campaign)?,
            story_key: campaigns.story_key(&campaign.id)?,
            campaign,
        });
        let mut cached = self.cached.lock().expect("cache lock");
        if cached.0 != generation {
            *cached = (generation, HashMap::new());
        }
        cached.1.insert(slug.to_string(), live.clone());
        Ok(Some(live))
    }
}
