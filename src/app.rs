//! A running instance: what it holds (config, store, master key, in-memory limits, the
//! templates, TLS) and the services it hands out, opened once at start-up. The web layer,
//! the jobs and the CLI reach the instance through this.

use std::sync::{Arc, Mutex};

use tokio::sync::mpsc;

use crate::accounts::Accounts;
use crate::campaigns::Campaigns;
use crate::clock::Clock;
use crate::config::Config;
use crate::intake::Intake;
use crate::keys::{MasterKey, ensure_private_dir};
use crate::limits::Throttle;
use crate::model::Lang;
use crate::staff::Staffing;
use crate::store::{About, Store, StoreError};
use crate::templates::Templates;
use crate::tls::{TlsError, TlsSource};

pub struct AppState {
    pub config: Config,
    pub store: Arc<Store>,
    pub master: Arc<MasterKey>,
    pub intake: Intake,
    pub accounts: Accounts,
    pub clock: Clock,
    pub throttle: Throttle,
    pub form_limiter: crate::limits::FormLimiter,
    /// Confirmations of a new address or number per rights link: each may be a paid text.
    pub change_limiter: crate::limits::FormLimiter,
    pub live: crate::campaigns::LiveCampaigns,
    pub templates: Templates,
    pub tls: Option<TlsSource>,
    /// Wakes the mailer when mail is queued.
    pub mail_wake: Arc<tokio::sync::Notify>,
    /// Wakes the texter when texts are queued.
    pub text_wake: Arc<tokio::sync::Notify>,
    /// Delivery reports waiting to be counted.
    pub reports: Arc<crate::sms::ReportQueue>,
    /// Participant requests handed to the desk (`jobs::desk`), and its end of the queue
    /// until the desk takes it.
    pub desk: mpsc::Sender<DeskRequest>,
    /// Participant requests counted for the day's log line.
    pub requests: crate::tally::RequestTally,
    desk_inbox: Mutex<Option<mpsc::Receiver<DeskRequest>>>,
}

/// Requests from participants whose work depends on whether their address is known. The
/// page answers the same at once for every address; the desk does the work afterwards, so
/// how long the page takes tells nobody whether an address is enrolled.
pub enum DeskRequest {
    Enrol { campaign: Box<crate::model::campaign::Campaign>, address: String, lang: Lang },
    Access { address: String, lang: Lang },
}

/// Requests waiting for the desk; past this, a request is dropped (and said so in the log).
const DESK_QUEUE: usize = 1024;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(
        "cannot create the data directory {path}: {source}; create it or set data_dir to a writable place"
    )]
    DataDir { path: std::path::PathBuf, source: std::io::Error },
    #[error(transparent)]
    Key(#[from] crate::keys::KeyError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Tls(#[from] TlsError),
}

impl AppState {
    /// Opens everything a running instance needs: data dir (0700), master key, store, TLS.
    pub fn open(config: Config, clock: Clock) -> Result<Arc<AppState>, StartError> {
        crate::i18n::init();
        ensure_private_dir(&config.data_dir)
            .map_err(|source| StartError::DataDir { path: config.data_dir.clone(), source })?;
        let (master, _) = MasterKey::load_or_create(&config.data_dir)?;
        let store = Arc::new(Store::open(&config.data_dir, &master)?);
        let tls = TlsSource::from_config(&config)?;
        let (desk, desk_inbox) = mpsc::channel(DESK_QUEUE);
        Ok(Arc::new(AppState {
            accounts: Accounts::new(&master),
            intake: Intake::start(store.clone()),
            store,
            master: Arc::new(master),
            clock,
            throttle: Throttle::default(),
            form_limiter: crate::limits::FormLimiter::new(config.limits.form_posts_per_minute),
            change_limiter: crate::limits::FormLimiter::per_hour(3),
            live: Default::default(),
            templates: Templates::load(),
            tls,
            mail_wake: Default::default(),
            text_wake: Default::default(),
            reports: Default::default(),
            desk,
            requests: Default::default(),
            desk_inbox: Mutex::new(Some(desk_inbox)),
            config,
        }))
    }

    /// The desk's end of its queue; the first caller gets it.
    pub fn take_desk_inbox(&self) -> Option<mpsc::Receiver<DeskRequest>> {
        self.desk_inbox.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    pub fn staffing(&self) -> Staffing<'_> {
        Staffing { store: &self.store, accounts: &self.accounts, now: self.clock.now() }
    }

    pub fn campaigns(&self) -> Campaigns<'_> {
        Campaigns { store: &self.store, master: &self.master, now: self.clock.now() }
    }

    pub fn drafts(&self) -> crate::drafts::Drafts<'_> {
        crate::drafts::Drafts {
            store: &self.store,
            now: self.clock.now(),
            keep_days: self.config.retention.drafts_days,
        }
    }

    pub fn participants(&self) -> crate::participants::Participants<'_> {
        crate::participants::Participants { store: &self.store, master: &self.master, now: self.clock.now() }
    }

    pub fn moderation(&self) -> crate::moderation::Moderation<'_> {
        crate::moderation::Moderation {
            store: &self.store,
            campaigns: self.campaigns(),
            now: self.clock.now(),
        }
    }

    pub fn tickets(&self) -> crate::tickets::Tickets<'_> {
        crate::tickets::Tickets { store: &self.store, master: &self.master, now: self.clock.now() }
    }

    pub fn threads(&self) -> crate::threads::Threads<'_> {
        crate::threads::Threads { store: &self.store, master: &self.master, now: self.clock.now() }
    }

    pub fn letters(&self) -> crate::letters::Letters<'_> {
        crate::letters::Letters { templates: &self.templates, public_url: &self.config.public_url }
    }

    /// Seals and queues one mail about `about`, and wakes the mailer.
    pub fn queue_mail(&self, kind: &str, about: About, mail: &crate::mail::Mail) -> Result<(), StoreError> {
        self.store.enqueue_mail(&[crate::mail::row(&self.master, kind, about, mail, self.clock.now())])?;
        self.mail_wake.notify_one();
        Ok(())
    }

    /// Seals and queues one text about `about`, and wakes the texter.
    pub fn queue_text(&self, kind: &str, about: About, text: &crate::mail::Text) -> Result<(), StoreError> {
        self.store.enqueue_mail(&[crate::mail::text_row(
            &self.master,
            kind,
            about,
            text,
            self.clock.now(),
        )])?;
        self.text_wake.notify_one();
        Ok(())
    }

    /// The texter task for this instance (the caller spawns `run`).
    pub fn texter(&self) -> crate::sms::Texter {
        crate::sms::Texter {
            store: self.store.clone(),
            config: self.config.clone(),
            master: self.master.clone(),
            clock: self.clock.clone(),
            wake: self.text_wake.clone(),
        }
    }

    /// The mailer task for this instance (the caller spawns `run`).
    pub fn mailer(&self) -> crate::mail::Mailer {
        crate::mail::Mailer {
            store: self.store.clone(),
            config: self.config.clone(),
            master: self.master.clone(),
            clock: self.clock.clone(),
            wake: self.mail_wake.clone(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.config.public_url.trim_end_matches('/'), path)
    }
}
