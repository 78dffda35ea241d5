//! Backups: taken with `tellpoint backup` beside the running server while responses pour
//! in, restored with `tellpoint restore` into a new directory; every response acknowledged
//! before the backup began is there, and none is there half. A wrong master key, a flipped
//! byte and a used directory are refused with a clear message. The rotation keeps the
//! privacy notices' promise about how long erased data lives on in backups.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use common::campaign::{answer, build_and_open, full_answers};
use common::{Instance, create_account, sign_in};
use tellpoint::app::AppState;
use tellpoint::clock::Clock;
use tellpoint::config::Config;

fn tellpoint(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(common::BIN).args(args).current_dir(dir).output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

fn open(data_dir: &Path) -> Arc<AppState> {
    let config = Config { data_dir: data_dir.to_owned(), ..Config::default() };
    AppState::open(config, Clock::default()).unwrap()
}

/// The story texts of a campaign in a data directory.
fn stories(data_dir: &Path, id: &str) -> BTreeSet<String> {
    let state = open(data_dir);
    let c = state.campaigns().get(id).unwrap();
    let (stories, _) = state.moderation().stories(&c).unwrap();
    stories.into_iter().map(|s| s.text).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_under_load_restores_every_acknowledged_response() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(dir.path(), &[("TELLPOINT_LIMITS__FORM_POSTS_PER_MINUTE", "100000")]);
    let mut owner_b = tp.browser();
    let mut owner = create_account(&mut owner_b, &tp.setup_path(), "olga").await;
    sign_in(&mut owner_b, &mut owner).await;
    let (id, slug) = build_and_open(&mut owner_b, "Backed up").await;

    // Eight clients answer without pause; each acknowledged story is noted with the moment
    // its acknowledgement arrived.
    let acked: Arc<Mutex<Vec<(Instant, String)>>> = Default::default();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut clients = Vec::new();
    for client in 0..8 {
        let (acked, stop, slug, mut b) = (acked.clone(), stop.clone(), slug.clone(), tp.browser());
        clients.push(tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let story = format!("Load story {client}-{i}.");
                let r = answer(&mut b, &slug, &full_answers(&story)).await;
                assert_eq!(r.status, 303, "{}", r.body);
                acked.lock().unwrap().push((Instant::now(), story));
                i += 1;
            }
        }));
    }
    // Under a loaded machine the clients start slowly: wait for a load, not for a time.
    let deadline = Instant::now() + std::time::Duration::from_secs(60);
    while acked.lock().unwrap().len() < 16 {
        assert!(Instant::now() < deadline, "the clients never got going");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    let file = dir.path().join("pulse.backup");
    let began = Instant::now();
    let (code, text) = tellpoint(dir.path(), &["backup", "--to", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("backup written and checked"), "{text}");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for c in clients {
        c.await.unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    let before: BTreeSet<String> = acked.iter().filter(|(t, _)| *t < began).map(|(_, s)| s.clone()).collect();
    assert!(before.len() >= 16, "a load was running: {} acknowledged before the backup", before.len());
    assert!(acked.iter().any(|(t, _)| *t > began), "and went on during it");
    let bytes = std::fs::read(&file).unwrap();
    assert!(!bytes.windows(10).any(|w| w == b"Load story"), "the backup is sealed");
    assert!(!dir.path().join("pulse.partial").exists());

    // Refusals first: each leaves the target directory as it was.
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("tellpoint-data");
    let target_arg = target.to_str().unwrap();
    let wrong_key = dir.path().join("other.key");
    std::fs::write(&wrong_key, [7u8; 32]).unwrap();
    let (code, text) = tellpoint(
        dir.path(),
        &[
            "restore",
            "--from",
            file.to_str().unwrap(),
            "--data-dir",
            target_arg,
            "--master-key",
            wrong_key.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("sealed under a different master key"), "{text}");
    assert!(!target.exists(), "nothing written");

    let flipped = dir.path().join("flipped.backup");
    let mut damaged = bytes.clone();
    let at = damaged.len() / 2;
    damaged[at] ^= 0x01;
    std::fs::write(&flipped, &damaged).unwrap();
    let (code, text) =
        tellpoint(dir.path(), &["restore", "--from", flipped.to_str().unwrap(), "--data-dir", target_arg]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("is damaged") && text.contains("fails its authentication"), "{text}");
    assert!(!target.exists());

    let cut = dir.path().join("cut.backup");
    std::fs::write(&cut, &bytes[..bytes.len() - 100]).unwrap();
    let (code, text) =
        tellpoint(dir.path(), &["restore", "--from", cut.to_str().unwrap(), "--data-dir", target_arg]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("is damaged"), "{text}");

    let (code, text) = tellpoint(
        dir.path(),
        &["restore", "--from", file.to_str().unwrap(), "--data-dir", tp.data_dir().to_str().unwrap()],
    );
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("new or empty directory only"), "{text}");

    let (code, text) =
        tellpoint(dir.path(), &["restore", "--from", file.to_str().unwrap(), "--data-dir", target_arg]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("the store passed its check"), "{text}");
    assert_eq!(tp.stop().code(), Some(0));

    let restored = stories(&target, &id);
    let missing: Vec<&String> = before.difference(&restored).collect();
    assert!(missing.is_empty(), "acknowledged before the backup but not restored: {missing:?}");
    let acked_all: BTreeSet<String> = acked.into_iter().map(|(_, s)| s).collect();
    assert!(restored.is_subset(&acked_all), "the restore holds only acknowledged responses");
    // No response is in half: each restored one has the slot row it is counted from too.
    let state = open(&target);
    let mut counted = 0;
    state.store.for_each_slots(&id, |_, _, _| counted += 1).unwrap();
    assert_eq!(counted, restored.len(), "slot rows agree with the responses");
    assert_eq!(state.store.responses_of(&id).unwrap().len(), restored.len());
    drop(state);
    // The restored directory runs: the same link answers.
    let again = Instance::start(elsewhere.path(), &[]);
    let mut p = again.browser();
    assert_eq!(p.get(&format!("/r/{slug}")).await.status, 200);
    assert_eq!(again.stop().code(), Some(0));
}

#[test]
fn erased_data_opens_in_no_backup_from_the_next_one_and_is_gone_after_keep_days() {
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    let state = open(&dir.path().join("data"));
    let c = state.campaigns().create("Short-lived", "test").unwrap();
    let kept = state.campaigns().create("Kept", "test").unwrap();
    let keep = 30;
    let day0: jiff::civil::Date = "2026-03-01".parse().unwrap();
    let day = |n: i64| day0.checked_add(jiff::Span::new().days(n)).unwrap();
    let keys = backups.join(tellpoint::backup::KEYS_FILE);
    // Restores every backup with the newest keys: the backups that still hold the
    // campaign's rows, and whether any of them can still open its data.
    let holding = |on: i64| -> (Vec<String>, bool) {
        let (mut names, mut opens) = (Vec::new(), false);
        for (i, entry) in std::fs::read_dir(&backups).unwrap().enumerate() {
            let path = entry.unwrap().path();
            if path == keys {
                continue;
            }
            let into = dir.path().join(format!("check-{on}-{i}"));
            let restored = tellpoint::backup::restore(&state.master, &path, &keys, &into).unwrap();
            state.master.save(&into).unwrap();
            let store = open(&into);
            assert!(store.campaigns().data_key_of(&kept.id).is_ok(), "the kept campaign opens");
            if store.campaigns().get(&c.id).is_ok() {
                names.push(path.file_name().unwrap().to_string_lossy().into_owned());
                opens |= store.campaigns().data_key_of(&c.id).is_ok();
                assert_eq!(restored.erased_since.is_empty(), store.campaigns().data_key_of(&c.id).is_ok());
            }
        }
        (names, opens)
    };
    let backup = |n: i64| {
        tellpoint::backup::scheduled(&state.store, &state.master, &backups, day(n), keep).unwrap();
    };
    // Daily backups; the campaign is erased on day 5, after that day's backup.
    (0..=5).for_each(backup);
    let (held, opens) = holding(5);
    assert!(held.len() == 6 && opens, "before the erasure every backup holds and opens it");
    tellpoint::erasure::Erasure {
        store: &state.store,
        defaults: &state.config.retention,
        now: state.clock.now(),
    }
    .erase_campaign(&c, "Short-lived", "olga")
    .unwrap();
    // The next backup replaces the keys: no backup can open the campaign's data any more.
    backup(6);
    let (held, opens) = holding(6);
    assert_eq!(held.len(), 6, "its rows are still in the older backups");
    assert!(!opens, "but its key is in none of the backups' keys: its sealed data opens for nobody");
    (7..5 + keep as i64).for_each(backup);
    assert_eq!(holding(34).0, vec![tellpoint::backup::file_name(day(5))], "day 34: the day-5 backup remains");
    assert_eq!(std::fs::read_dir(&backups).unwrap().count(), keep as usize + 1, "30 backups and the keys");
    backup(5 + keep as i64);
    assert!(holding(35).0.is_empty(), "{keep} days after the erasure no backup holds anything of it");
}
