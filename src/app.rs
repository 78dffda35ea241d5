//! A running instance: what it holds (config, store, master key, in-memory limits, the
//! templates, TLS) and the services it hands out, opened once at start-up. The web layer,
//! the jobs and the CLI reach the instance through this.

use std::sync::Arc;

use crate::accounts::Accounts;
use crate::campaigns::Campaigns;
use crate::clock::Clock;
use crate::config::Config;
use crate::intake::Intake;
use crate::keys::{MasterKey, ensure_private_dir};
use crate::limits::Throttle;
use crate::staff::Staffing;
use crate::store::{Store, StoreError};
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
    pub live: crate::campaigns::LiveCampaigns,
    pub templates: Templates,
    pub tls: Option<TlsSource>,
    /// Wakes the mailer when mail is queued.
    pub mail_wake: Arc<tokio::sync::Notify>,
}

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
        ensure_private_dir(&config.data_dir)
            .map_err(|source| StartError::DataDir { path: config.data_dir.clone(), source })?;
        let (master, _) = MasterKey::load_or_create(&config.data_dir)?;
        let store = Arc::new(Store::open(&config.data_dir, &master)?);
        let tls = TlsSource::from_config(&config)?;
        Ok(Arc::new(AppState {
            accounts: Accounts::new(&master),
            intake: Intake::start(store.clone()),
            store,
            master: Arc::new(master),
            clock,
            throttle: Throttle::default(),
            form_limiter: crate::limits::FormLimiter::new(config.limits.form_posts_per_minute),
            live: Default::default(),
            templates: Templates::load(),
            tls,
            mail_wake: Default::default(),
            config,
        }))
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

    /// Seals and queues one mail, and wakes the mailer.
    pub fn queue_mail(&self, kind: &str, mail: &crate::mail::Mail) -> Result<(), StoreError> {
        let keys = crate::mail::OutboxKeys { store: &self.store, master: &self.master };
        self.store.enqueue_mail(&[crate::mail::row(&keys, kind, None, mail, self.clock.now())?])?;
        tracing::info!(kind, "mail queued");
        self.mail_wake.notify_one();
        Ok(())
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
