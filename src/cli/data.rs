//! The commands that work on the data directory itself: the erasure run, the store check,
//! backup and restore.

use std::path::Path;

use super::{Failure, load_config, master_key};
use crate::clock::Clock;
use crate::keys::MasterKey;
use crate::store::Store;

pub(super) fn erase(path: Option<&Path>, now: bool) -> Result<(), Failure> {
    if !now {
        return Err(Failure::Other(
            "tellpoint erase erases data for good; run it as `tellpoint erase --now` (with the server stopped)".into(),
        ));
    }
    let (config, _) = load_config(path)?;
    let store = Store::open(&config.data_dir, &master_key(&config)?)?;
    let run =
        crate::erasure::Erasure { store: &store, defaults: &config.retention, now: Clock::default().now() };
    let entries = run.run()?;
    for e in &entries {
        println!("{}  {}  {}: {}", crate::model::campaign::date_of(e.day), e.campaign, e.class, e.count);
    }
    println!("erasure run done: {} entries added to the erasure log", entries.len());
    Ok(())
}

impl From<crate::backup::BackupError> for Failure {
    fn from(e: crate::backup::BackupError) -> Self {
        match e {
            crate::backup::BackupError::Store(s) => Failure::Store(s.to_string()),
            other => Failure::Other(other.to_string()),
        }
    }
}

pub(super) fn backup(path: Option<&Path>, to: &Path) -> Result<(), Failure> {
    let (config, _) = load_config(path)?;
    let master = master_key(&config)?;
    let store = Store::open_read_only(&config.data_dir, &master)?;
    let dumped = crate::backup::write(&store, &master, to)?;
    println!(
        "backup written and checked: {} ({} responses, {} rows, {} keys)",
        to.display(),
        dumped.responses,
        dumped.rows,
        dumped.keys
    );
    println!("it opens only with the master key: keep a copy of that key apart from the backups");
    Ok(())
}

pub(super) fn restore(
    path: Option<&Path>,
    from: &Path,
    keys: &Path,
    data_dir: &Path,
    key_file: Option<&Path>,
) -> Result<(), Failure> {
    let (config, _) = load_config(path)?;
    let (master, from_file) = match key_file {
        Some(file) => (MasterKey::read_file(file).map_err(|e| Failure::Other(e.to_string()))?, true),
        None => {
            let (key, found) = MasterKey::find(&config.data_dir)
                .map_err(|e| Failure::Other(e.to_string()))?
                .ok_or_else(|| {
                    Failure::Other(format!(
                        "no master key in {} (nor a systemd credential); give the one of the instance that made the backup with --master-key FILE",
                        config.data_dir.display()
                    ))
                })?;
            (key, found.starts_with(&config.data_dir))
        }
    };
    let restored = crate::backup::restore(&master, from, keys, data_dir)?;
    if !restored.erased_since.is_empty() {
        // Their keys are gone from the newest keys: finish erasing what is left of them.
        let store = Store::open(data_dir, &master)?;
        crate::erasure::Erasure { store: &store, defaults: &config.retention, now: Clock::default().now() }
            .run()?;
        println!("erased again, as since the backup: {}", restored.erased_since.join(", "));
    }
    let dumped = restored.dumped;
    // A key from a file goes with the restored store; a systemd credential stays where it is.
    if from_file {
        master.save(data_dir).map_err(|e| Failure::Other(e.to_string()))?;
    }
    println!(
        "restored into {}: {} responses, {} rows, {} keys; the store passed its check",
        data_dir.display(),
        dumped.responses,
        dumped.rows,
        dumped.keys
    );
    Ok(())
}

pub(super) fn check(path: Option<&Path>) -> Result<(), Failure> {
    let (config, _) = load_config(path)?;
    let mut store = Store::open(&config.data_dir, &master_key(&config)?)?;
    let checked = store.check()?;
    if checked.repaired {
        println!("the store was not closed cleanly; redb repaired it");
    }
    if !checked.problems.is_empty() {
        return Err(Failure::Store(format!(
            "the store's rows disagree:\n  {}\nrestore the data directory from a backup (tellpoint restore)",
            checked.problems.join("\n  ")
        )));
    }
    println!(
        "store intact: {} campaigns, {} responses, {} audit entries",
        checked.campaigns, checked.responses, checked.audit_entries
    );
    Ok(())
}
