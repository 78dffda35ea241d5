//! Background jobs, all started here. Each takes `now` so tests control time; a failing run
//! is logged and the loop goes on.

pub mod cleanup;
pub mod compaction;
pub mod desk;
pub mod reminders;
pub mod summaries;
pub mod thread_news;

use std::sync::Arc;
use std::time::Duration;

use crate::app::AppState;

pub fn spawn(state: Arc<AppState>) {
    if let Some(tls) = state.tls.clone().filter(|t| t.acme_status().is_some()) {
        let clock = state.clock.clone();
        // Often, because the first certificate is wanted soon after the first start; a due
        // check costs nothing.
        tokio::spawn(async move {
            loop {
                tls.renew_if_due(clock.now()).await;
                tokio::time::sleep(Duration::from_secs(10)).await;
            }
        });
    }
    let for_cleanup = state.clone();
    every(Duration::from_secs(3600), "cleanup", move || {
        let now = for_cleanup.clock.now();
        cleanup::run(&for_cleanup, now)
    });
    let for_reminders = state.clone();
    every(Duration::from_secs(60), "reminders", move || {
        let now = for_reminders.clock.now();
        reminders::run(&for_reminders, now).map(|_| ())
    });
    let for_erasure = state.clone();
    let mut last_run: Option<jiff::civil::Date> = None;
    every(Duration::from_secs(60), "erasure", move || {
        let now = for_erasure.clock.now();
        let (at, zone) = for_erasure.config.retention.schedule();
        let local = jiff::Timestamp::from_second(now).unwrap_or_default().to_zoned(zone);
        // Once a day, at or after the configured time; a restart later that day runs it
        // again, which the run's idempotence makes harmless.
        if local.time() < at || last_run == Some(local.date()) {
            return Ok(());
        }
        last_run = Some(local.date());
        let run = crate::erasure::Erasure {
            store: &for_erasure.store,
            defaults: &for_erasure.config.retention,
            now,
        };
        run.run().map(|_| ())
    });
    let for_backup = state.clone();
    let mut last_backup: Option<jiff::civil::Date> = None;
    every(Duration::from_secs(60), "backup", move || {
        let config = &for_backup.config;
        if config.backup.dir.is_empty() {
            return Ok(());
        }
        let (_, zone) = config.retention.schedule();
        let local = jiff::Timestamp::from_second(for_backup.clock.now()).unwrap_or_default().to_zoned(zone);
        if local.time() < config.backup.at() || last_backup == Some(local.date()) {
            return Ok(());
        }
        last_backup = Some(local.date());
        let dir = std::path::Path::new(&config.backup.dir);
        // Started again later the same day: today's backup is there already.
        if dir.join(crate::backup::file_name(local.date())).exists() {
            return Ok(());
        }
        let (path, deleted) = crate::backup::scheduled(
            &for_backup.store,
            &for_backup.master,
            dir,
            local.date(),
            config.backup.keep_days,
        )?;
        tracing::info!(file = %path.display(), rotated_out = deleted, "backup written and checked");
        Ok::<_, crate::backup::BackupError>(())
    });
    let for_news = state.clone();
    every(Duration::from_secs(60), "thread news", move || {
        let now = for_news.clock.now();
        thread_news::run(&for_news, now).map(|_| ())
    });
    let for_summaries = state.clone();
    every(Duration::from_secs(60), "summaries", move || {
        let now = for_summaries.clock.now();
        summaries::run(&for_summaries, now).map(|_| ())
    });
    let for_tally = state.clone();
    every(Duration::from_secs(60), "request counts", move || {
        for_tally.requests.flush(for_tally.clock.now(), false);
        Ok::<_, std::convert::Infallible>(())
    });
    let for_compaction = state.clone();
    let mut compaction = compaction::Compaction::default();
    every(Duration::from_millis(250), "compaction", move || {
        compaction.tick(&for_compaction.store, std::time::Instant::now()).map(|_| ())
    });
    tokio::spawn(state.mailer().run());
    tokio::spawn(state.texter().run());
}

/// Runs `job` every `period` on the blocking pool: a job may take seconds (a backup, an
/// erasure), and the runtime's few threads serve requests meanwhile.
fn every<F, E>(period: Duration, name: &'static str, job: F)
where
    F: FnMut() -> Result<(), E> + Send + 'static,
    E: std::fmt::Display,
{
    let job = std::sync::Arc::new(std::sync::Mutex::new(job));
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(period);
        loop {
            tick.tick().await;
            let job = job.clone();
            let outcome = tokio::task::spawn_blocking(move || {
                let mut job = job.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                (*job)().map_err(|e| e.to_string())
            })
            .await;
            match outcome {
                Ok(Ok(())) => {}
                Ok(Err(e)) => {
                    tracing::error!(job = name, error = %e, "job failed; it runs again at its next time")
                }
                Err(_) => tracing::error!(job = name, "job panicked; it runs again at its next time"),
            }
        }
    });
}
