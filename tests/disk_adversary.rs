//! The adversary who holds the data directory, the master key and the logs, copied after
//! every step of twenty people's enrolment, answers and follow-up threads, tries to link
//! people to what they said and to put the responses in the order they came, from the order
//! of files and rows, from the diffs between consecutive copies and from the log.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::time::Duration;

use hmac::{Hmac, Mac};
use rand::seq::SliceRandom;
use sha2::Sha256;

use common::campaign::{build_and_open_with, enrol, respond_with_ticket};
use common::smtp::SmtpServer;
use common::{Instance, create_account, input_value, sign_in, walk, without_form_token};
use tellpoint::keys::MasterKey;
use tellpoint::store::Store;

const PEOPLE: usize = 20;
/// Long enough for the server to compact its store after a step (a second of quiet).
const QUIET: Duration = Duration::from_millis(2500);

/// A copy of the data directory.
struct Copy {
    dir: tempfile::TempDir,
}

impl Copy {
    fn take(data: &Path) -> Copy {
        let dir = tempfile::tempdir().unwrap();
        for file in walk(data) {
            let to = dir.path().join(file.strip_prefix(data).unwrap());
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            // A file renamed over between listing and copying: copy the new one.
            if let Ok(bytes) = std::fs::read(&file) {
                std::fs::write(&to, bytes).unwrap();
            }
        }
        Copy { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn file(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path().join(name)).unwrap_or_default()
    }

    /// The store of this copy, opened as its holder would: on a copy of the copy, since a
    /// file copied from a running server needs redb's repair, which writes.
    fn store(&self, master: &MasterKey) -> OpenCopy {
        let again = Copy::take(self.path());
        let store = Store::open(again.path(), master).unwrap();
        OpenCopy { store, _copy: again }
    }
}

struct OpenCopy {
    store: Store,
    _copy: Copy,
}

impl std::ops::Deref for OpenCopy {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

/// The keyring's entries in file order: (name, wrapped key).
fn keyring_entries(bytes: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)> {
    const MAGIC: &[u8] = b"tellpoint keyring 2\n";
    assert!(bytes.starts_with(MAGIC), "a keyring of the sorted format");
    let count = u32::from_le_bytes(bytes[MAGIC.len()..MAGIC.len() + 4].try_into().unwrap());
    let mut at = MAGIC.len() + 4;
    let mut out = Vec::new();
    for _ in 0..count {
        let name = bytes[at..at + 25].to_vec();
        let len = u16::from_le_bytes([bytes[at + 25], bytes[at + 26]]) as usize;
        out.push((name, bytes[at + 27..at + 27 + len].to_vec()));
        at += 27 + len;
    }
    out
}

/// The keyring name of a scope, computed as anyone holding the master key can.
fn key_name(master: &MasterKey, scope: &str) -> Vec<u8> {
    let key = master.derive("keyring-names");
    let mac = |label: &[u8], text: &str| {
        let mut m = <Hmac<Sha256> as Mac>::new_from_slice(&key).unwrap();
        m.update(label);
        m.update(text.as_bytes());
        m.finalize().into_bytes().to_vec()
    };
    let mut parts = scope.splitn(3, ':');
    let (kind, group) = match parts.next().unwrap() {
        "contact" => (3u8, parts.next().unwrap()),
        "thread" => (4, parts.next().unwrap()),
        other => panic!("not a scope this test names: {other}"),
    };
    [&mac(b"group\0", group)[..8], &[kind], &mac(b"scope\0", scope)[..16]].concat()
}

/// Sets of response keys found together in one 4 KiB page of the store file, for pages
/// that hold whole responses (their JSON): a live leaf, or an older version of one left in
/// a freed page.
fn response_pages(redb: &[u8], keys: &[[u8; 16]]) -> Vec<BTreeSet<usize>> {
    redb.chunks(4096)
        .filter(|page| page.windows(11).any(|w| w == b"{\"version\":"))
        .map(|page| {
            keys.iter()
                .enumerate()
                .filter(|(_, k)| page.windows(16).any(|w| w == k.as_slice()))
                .map(|(i, _)| i)
                .collect()
        })
        .filter(|s: &BTreeSet<usize>| s.len() >= 2)
        .collect()
}

/// What freed pages tell of arrival order: when one version of a leaf holds a strict
/// subset of another's responses, those missing from it came later. Returns the pairs
/// (earlier, later) so inferred.
fn order_from_freed_pages(pages: &[BTreeSet<usize>]) -> BTreeSet<(usize, usize)> {
    let mut pairs = BTreeSet::new();
    for older in pages {
        for newer in pages {
            if older.len() < newer.len() && older.is_subset(newer) {
                for &late in newer.difference(older) {
                    for &early in older {
                        pairs.insert((early, late));
                    }
                }
            }
        }
    }
    pairs
}

#[tokio::test(flavor = "multi_thread")]
async fn twenty_people_leave_no_link_and_no_order_in_copies_of_the_disk_and_the_log() {
    use sha2::Digest;

    let smtp = SmtpServer::start();
    let dir = tempfile::tempdir().unwrap();
    let mail_env = smtp.config();
    let mut env: Vec<(&str, &str)> = mail_env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    env.extend([("TELLPOINT_LIMITS__FORM_POSTS_PER_MINUTE", "1000"), ("TELLPOINT_LOG__LEVEL", "debug")]);
    let tp = Instance::start(dir.path(), &env);
    let master = tp.master_key();
    let mut owner_b = tp.browser();
    let mut owner = create_account(&mut owner_b, &tp.setup_path(), "olga").await;
    sign_in(&mut owner_b, &mut owner).await;
    let (id, slug) =
        build_and_open_with(&mut owner_b, "Disk", &[("audience", "enrolled"), ("follow_up", "on")]).await;
    let data = tp.data_dir();
    let mut rng = rand::thread_rng();

    // 1. Twenty people enrol, one at a time; a copy and the log after each.
    let mut links = Vec::new();
    for i in 0..PEOPLE {
        links.push(enrol(&mut tp.browser(), &smtp, &slug, &format!("person{i:02}@example.org")).await);
    }
    let enrolled = Copy::take(&data);
    // The truth only the test knows: whose link is whose.
    let person_of_link: HashMap<String, [u8; 16]> = {
        let store = enrolled.store(&master);
        links
            .iter()
            .map(|l| {
                let hash: [u8; 32] = Sha256::digest(l.trim_start_matches("/t/").as_bytes()).into();
                (l.clone(), store.link_target(hash).unwrap().unwrap().1)
            })
            .collect()
    };

    // 2. They answer in another order, one at a time, a copy after each: taken at once
    // (as someone watching the disk live would) and after a quiet second.
    let mut answering = links.clone();
    answering.shuffle(&mut rng);
    let mut receipts = Vec::new();
    let mut at_once = Vec::new();
    let mut quiet = vec![Copy::take(&data)];
    std::thread::sleep(QUIET);
    let mut answer_copies = vec![Copy::take(&data)];
    let mut arrival: Vec<[u8; 16]> = Vec::new();
    for link in &answering {
        let mut b = tp.browser();
        let r = respond_with_ticket(&mut b, &slug, link, None).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let at = r.body.find("<code>").expect("a receipt") + 6;
        receipts.push((link.clone(), r.body[at..at + 35].to_string()));
        at_once.push(Copy::take(&data));
        std::thread::sleep(QUIET);
        let copy = Copy::take(&data);
        // The truth: the response that came in this step (the test alone can tell).
        let before: BTreeSet<[u8; 16]> =
            answer_copies.last().unwrap().store(&master).response_keys(&id).unwrap().into_iter().collect();
        let now: Vec<[u8; 16]> = copy.store(&master).response_keys(&id).unwrap();
        let new: Vec<_> = now.iter().filter(|k| !before.contains(*k)).collect();
        assert_eq!(new.len(), 1);
        arrival.push(*new[0]);
        answer_copies.push(copy);
    }
    quiet.extend(answer_copies.iter().skip(1).map(|c| Copy::take(c.path())));
    let response_of: HashMap<[u8; 16], [u8; 16]> =
        answering.iter().zip(&arrival).map(|(link, response)| (person_of_link[link], *response)).collect();

    // 3. They open their follow-up threads, in a third order.
    receipts.shuffle(&mut rng);
    let mut thread_copies = vec![Copy::take(&data)];
    for (_, receipt) in &receipts {
        let fields =
            [("receipt", receipt.as_str()), ("lang", "en"), ("message", "Can we talk?"), ("action", "send")];
        assert_eq!(tp.browser().post("/f", &fields).await.status, 200);
        std::thread::sleep(QUIET);
        thread_copies.push(Copy::take(&data));
    }
    // 4. The trial that linked people through an appended keyring: in a second campaign six
    // people each enrol, answer and write in their thread with nothing in between.
    let (id2, slug2) =
        build_and_open_with(&mut owner_b, "Disk two", &[("audience", "enrolled"), ("follow_up", "on")]).await;
    let mut in_a_row: Vec<([u8; 16], [u8; 16])> = Vec::new();
    for i in 0..6 {
        let link = enrol(&mut tp.browser(), &smtp, &slug2, &format!("row{i}@example.org")).await;
        let mut b = tp.browser();
        let r = respond_with_ticket(&mut b, &slug2, &link, None).await;
        let at = r.body.find("<code>").expect("a receipt") + 6;
        let fields =
            [("receipt", &r.body[at..at + 35]), ("lang", "en"), ("message", "Hello"), ("action", "send")];
        assert_eq!(b.post("/f", &fields).await.status, 200);
        let store = Copy::take(&data).store(&master);
        let hash: [u8; 32] = Sha256::digest(link.trim_start_matches("/t/").as_bytes()).into();
        let person = store.link_target(hash).unwrap().unwrap().1;
        let known: BTreeSet<[u8; 16]> = in_a_row.iter().map(|p| p.1).collect();
        let response = *store.response_keys(&id2).unwrap().iter().find(|k| !known.contains(*k)).unwrap();
        in_a_row.push((person, response));
    }
    let log_while_running = tp.log_text();
    let (status, log) = tp.stop_and_log();
    assert_eq!(status.code(), Some(0));
    let last = Copy::take(&data);

    // The attacker, file order: the keyring is its keys sorted by name, and a name is a
    // keyed hash of the key's scope, so no key's position follows from when it was made.
    let mut copies: Vec<&Copy> = vec![&enrolled];
    copies.extend(&answer_copies);
    copies.extend(&thread_copies);
    copies.push(&last);
    for copy in &copies {
        let entries = keyring_entries(&copy.file("keyring.bin"));
        assert!(entries.windows(2).all(|w| w[0].0 < w[1].0), "keys sorted by name, not by time");
        let text = String::from_utf8_lossy(&copy.file("keyring.bin")).to_string();
        assert!(!text.contains(&id) && !text.contains("contact:") && !text.contains("thread:"));
    }
    // The attack: a person's contact key beside their own thread's key.
    let final_keys: Vec<Vec<u8>> =
        keyring_entries(&last.file("keyring.bin")).into_iter().map(|e| e.0).collect();
    let position = |name: &Vec<u8>| final_keys.iter().position(|n| n == name).expect("the key is there");
    let beside = response_of
        .iter()
        .filter(|(person, response)| {
            let contact =
                position(&key_name(&master, &tellpoint::participants::contact_scope(&id, **person)));
            let thread =
                position(&key_name(&master, &tellpoint::model::campaign::thread_scope(&id, **response)));
            contact.abs_diff(thread) == 1
        })
        .count();
    println!("contact key beside its own thread key: {beside} of {PEOPLE} ({} keys)", final_keys.len());
    assert!(beside <= 4, "{beside} of {PEOPLE} people's keys sit side by side");
    let beside_in_a_row = in_a_row
        .iter()
        .filter(|(person, response)| {
            let contact =
                position(&key_name(&master, &tellpoint::participants::contact_scope(&id2, *person)));
            let thread =
                position(&key_name(&master, &tellpoint::model::campaign::thread_scope(&id2, *response)));
            contact.abs_diff(thread) == 1
        })
        .count();
    println!("in a row: contact key beside its thread key: {beside_in_a_row} of 6");
    assert!(beside_in_a_row <= 2, "{beside_in_a_row} of 6 people's keys sit side by side");

    // Diffs between consecutive copies: answering and writing in a thread change nothing
    // about any participant, and answering adds no key.
    for pair in answer_copies.windows(2) {
        assert_eq!(
            pair[0].store(&master).participant_table_bytes().unwrap(),
            pair[1].store(&master).participant_table_bytes().unwrap()
        );
        assert_eq!(pair[0].file("keyring.bin"), pair[1].file("keyring.bin"), "an answer makes no key");
    }
    let contact_names: BTreeSet<Vec<u8>> = person_of_link
        .values()
        .map(|p| key_name(&master, &tellpoint::participants::contact_scope(&id, *p)))
        .collect();
    for pair in thread_copies.windows(2) {
        assert_eq!(
            pair[0].store(&master).participant_table_bytes().unwrap(),
            pair[1].store(&master).participant_table_bytes().unwrap()
        );
        let before: BTreeSet<Vec<u8>> =
            keyring_entries(&pair[0].file("keyring.bin")).into_iter().map(|e| e.0).collect();
        let after: BTreeSet<Vec<u8>> =
            keyring_entries(&pair[1].file("keyring.bin")).into_iter().map(|e| e.0).collect();
        let added: Vec<_> = after.difference(&before).collect();
        assert_eq!(added.len(), 1, "one thread key per thread");
        assert!(before.is_subset(&after) && !contact_names.contains(added[0]), "no contact key is touched");
    }

    // Arrival order from freed pages, in each copy taken after a quiet second: the store is
    // compacted, so no older version of a page is left to compare. (No aggregate is kept
    // per response, so there is no counters row whose versions could be compared either.)
    let truth: HashMap<[u8; 16], usize> = arrival.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    for copy in quiet.iter().chain(&thread_copies).chain(std::iter::once(&last)) {
        let store = copy.store(&master);
        let keys = store.response_keys(&id).unwrap();
        let pairs = order_from_freed_pages(&response_pages(&copy.file("tellpoint.redb"), &keys));
        assert!(pairs.is_empty(), "freed pages order {} pairs of responses", pairs.len());
    }
    let final_keys_order: Vec<usize> =
        last.store(&master).response_keys(&id).unwrap().iter().map(|k| truth[k]).collect();
    let tau = kendall_tau(&final_keys_order);
    println!("Kendall's tau of storage order against arrival: {tau:.2}");
    assert!(tau.abs() < 0.5, "storage order follows arrival (tau {tau:.2})");

    // Copies taken the moment a response was acknowledged, before the store could compact:
    // what they tell is measured, not hidden (someone copying the disk that often watches
    // responses come in anyway).
    let (mut newest_told, mut pairs_told, mut pairs_right) = (0, 0, 0);
    for (i, copy) in at_once.iter().enumerate() {
        let keys = copy.store(&master).response_keys(&id).unwrap();
        let pairs = order_from_freed_pages(&response_pages(&copy.file("tellpoint.redb"), &keys));
        pairs_told += pairs.len();
        pairs_right += pairs.iter().filter(|(a, b)| truth[&keys[*a]] < truth[&keys[*b]]).count();
        newest_told += usize::from(pairs.iter().any(|(_, b)| truth[&keys[*b]] == i));
    }
    println!(
        "copies taken at once: the newest response stood out in {newest_told} of {PEOPLE}; \
         {pairs_told} ordered pairs inferred, {pairs_right} right"
    );

    // The log: no line per participant request, so no time of any answer or thread; the
    // day's counts come at shutdown. Mail is logged per round.
    // (A run across midnight UTC logs the day before's counts meanwhile: those lines are the
    // day's, not a request's.)
    let per_request: Vec<&str> =
        log_while_running.lines().filter(|l| !l.contains("participant requests that day")).collect();
    for route in ["/r/:slug", "/t/:secret", "/f", "/e/:slug"] {
        let logged = per_request.iter().any(|l| l.contains(&format!("route=\"{route}\"")));
        assert!(!logged, "{route} logged per request");
    }
    assert!(log.contains("participant requests that day"));
    assert!(!log.contains("kind=\"confirm\"") && !log.contains("mail queued"), "no line per mail");
}

/// Kendall's tau of a sequence of ranks against 0, 1, 2, …
fn kendall_tau(ranks: &[usize]) -> f64 {
    let n = ranks.len();
    let (mut concordant, mut discordant) = (0i64, 0i64);
    for i in 0..n {
        for j in i + 1..n {
            if ranks[i] < ranks[j] {
                concordant += 1;
            } else {
                discordant += 1;
            }
        }
    }
    (concordant - discordant) as f64 / (n * (n - 1) / 2) as f64
}

fn tellpoint(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(common::BIN).args(args).current_dir(dir).output().unwrap();
    assert!(out.status.success(), "tellpoint {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_erased_address_is_in_no_file_and_no_key_opens_it_while_its_mail_is_deferred() {
    let mut smtp = SmtpServer::start();
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let mail_env = smtp.config();
    let mut env: Vec<(&str, &str)> = mail_env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    env.push(("TELLPOINT_LIMITS__FORM_POSTS_PER_MINUTE", "1000"));
    let tp = Instance::start(dir.path(), &env);
    let master = tp.master_key();
    let mut owner_b = tp.browser();
    let mut owner = create_account(&mut owner_b, &tp.setup_path(), "olga").await;
    sign_in(&mut owner_b, &mut owner).await;
    let (id, slug) = build_and_open_with(&mut owner_b, "Erase", &[("audience", "enrolled")]).await;
    let data = tp.data_dir();

    // Ann will unsubscribe; Ben will ask for erasure through his rights link.
    let (ann, ben) = ("ann-marker-3f1c@example.org", "ben-marker-9d2e@example.org");
    let ann_link = enrol(&mut tp.browser(), &smtp, &slug, ann).await;
    enrol(&mut tp.browser(), &smtp, &slug, ben).await;
    let mut p = tp.browser();
    assert_eq!(p.post("/privacy", &[("email", ben), ("lang", "en")]).await.status, 200);
    let rights = smtp.wait_for(ben, 2).into_iter().find(|m| m.subject() == "Your data in tellpoint").unwrap();
    let rights = rights.link("/privacy/access/");

    // The SMTP server goes down: mail about both waits in the outbox, deferred.
    smtp.down();
    for who in [ann, ben] {
        let r = tp.browser().post(&format!("/e/{slug}"), &[("email", who), ("lang", "en")]).await;
        assert_eq!(r.status, 200);
    }
    assert_eq!(tp.browser().post("/privacy", &[("email", ben), ("lang", "en")]).await.status, 200);
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while !tp.log_text().contains("deferred=") || Copy::take(&data).store(&master).outbox_len().unwrap() < 3 {
        assert!(std::time::Instant::now() < deadline, "mail was not deferred: {}", tp.log_text());
        std::thread::sleep(Duration::from_millis(200));
    }
    // What opens their addresses: their contact keys and the keys of the mails about them.
    let (keys, participants): (Vec<Vec<u8>>, usize) = {
        let store = Copy::take(&data).store(&master);
        let mut keys = Vec::new();
        let people = store.active_participants(&id).unwrap();
        for (pid, _) in &people {
            let scope = tellpoint::participants::contact_scope(&id, *pid);
            keys.push(store.wrapped_key(&scope).unwrap().unwrap());
        }
        for (mail, _) in store.due_mail(i64::MAX, 100, tellpoint::store::Channel::Mail).unwrap() {
            keys.push(store.wrapped_key(&tellpoint::store::mail_scope(mail)).unwrap().unwrap());
        }
        (keys, people.len())
    };
    assert_eq!((participants, keys.len()), (2, 5), "two contact keys, three deferred mails");
    let before = backups.join("before.tpbackup");
    tellpoint(dir.path(), &["backup", "--to", before.to_str().unwrap()]);
    assert_eq!(
        common::files_holding(dir.path(), &keys[0]).len(),
        1,
        "in the keyring (sealed in the backup's keys)"
    );

    // Ann unsubscribes, Ben erases: at once, their records, their mail and every key go.
    let unsubscribe = ann_link.replace("/t/", "/u/");
    assert_eq!(tp.browser().post(&unsubscribe, &[]).await.status, 200);
    let erased = p.post(&format!("{rights}/erase"), &[("lang", "en"), ("confirm", "yes")]).await;
    assert!(erased.body.contains("Erased"), "{}", erased.body);
    for key in &keys {
        assert_eq!(
            common::files_holding(&data, key),
            Vec::<String>::new(),
            "a key is left in the data directory"
        );
    }
    let after = backups.join("after.tpbackup");
    tellpoint(dir.path(), &["backup", "--to", after.to_str().unwrap()]);
    assert_eq!(tp.stop().code(), Some(0));
    tellpoint(dir.path(), &["erase", "--now"]);

    // Every file: the data directory and both backups with their keys file. The markers are
    // nowhere in clear, and no key that sealed them is left anywhere, master key or not.
    for key in &keys {
        assert_eq!(common::files_holding(dir.path(), key), Vec::<String>::new(), "a key is left");
    }
    for marker in ["ann-marker-3f1c", "ben-marker-9d2e"] {
        assert_eq!(common::files_holding(dir.path(), marker.as_bytes()), Vec::<String>::new());
    }
    let store = Store::open(&data, &master).unwrap();
    assert_eq!(store.outbox_len().unwrap(), 0, "no mail about them waits");
    assert!(store.active_participants(&id).unwrap().is_empty());
    drop(store);
    // The backups, opened with the master key and the newest keys file: the one taken
    // before still holds their sealed rows, and nothing opens them.
    for backup in [&before, &after] {
        let into = dir.path().join(format!("restored-{}", backup.file_stem().unwrap().to_string_lossy()));
        tellpoint(
            dir.path(),
            &["restore", "--from", backup.to_str().unwrap(), "--data-dir", into.to_str().unwrap()],
        );
        for key in &keys {
            assert_eq!(common::files_holding(&into, key), Vec::<String>::new(), "a key came back");
        }
        let state = tellpoint::app::AppState::open(
            tellpoint::config::Config { data_dir: into.clone(), ..Default::default() },
            tellpoint::clock::Clock::default(),
        )
        .unwrap();
        let people = state.participants();
        for (pid, record) in state.store.active_participants(&id).unwrap() {
            assert!(people.open_address(&id, pid, &record).is_err(), "an erased address opens from a backup");
        }
        for (mail, row) in state.store.due_mail(i64::MAX, 100, tellpoint::store::Channel::Mail).unwrap() {
            let scope = tellpoint::store::mail_scope(mail);
            assert!(
                state.store.wrapped_key(&scope).unwrap().is_none(),
                "{} mail opens from a backup",
                row.kind
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_personal_link_looks_the_same_past_its_daily_limit_and_reloads_use_no_ticket() {
    let smtp = SmtpServer::start();
    let dir = tempfile::tempdir().unwrap();
    let mail_env = smtp.config();
    let mut env: Vec<(&str, &str)> = mail_env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    env.push(("TELLPOINT_LIMITS__TICKETS_PER_LINK_PER_DAY", "2"));
    let tp = Instance::start(dir.path(), &env);
    let mut owner_b = tp.browser();
    let mut owner = create_account(&mut owner_b, &tp.setup_path(), "olga").await;
    sign_in(&mut owner_b, &mut owner).await;
    let (_, slug) = build_and_open_with(&mut owner_b, "Limit", &[("audience", "enrolled")]).await;
    let link = enrol(&mut tp.browser(), &smtp, &slug, "limit@example.org").await;
    let same = |body: &str| {
        let mut page = without_form_token(body);
        for field in ["nonce", "ticket"] {
            let value = input_value(body, field);
            page = page.replace(&value, "VALUE");
        }
        page
    };

    let mut b = tp.browser();
    let first = b.get(&link).await;
    assert_eq!(first.status, 200);
    let ticket = input_value(&first.body, "ticket");
    for _ in 0..10 {
        let again = b.get(&link).await;
        assert_eq!(input_value(&again.body, "ticket"), ticket, "a reload hands out the same ticket");
    }
    for _ in 0..2 {
        let r = respond_with_ticket(&mut tp.browser(), &slug, &link, None).await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    // Past the limit: the same page, with a ticket; refused only when sent, with the very
    // page a forged or stale ticket gets.
    let past = b.get(&link).await;
    assert_eq!(past.status, 200);
    assert_eq!(same(&past.body), same(&first.body), "the form looks the same past the limit");
    let refused = respond_with_ticket(&mut tp.browser(), &slug, &link, None).await;
    let forged = respond_with_ticket(
        &mut tp.browser(),
        &slug,
        &link,
        Some("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    )
    .await;
    assert_eq!(refused.status, 403);
    assert_eq!(
        (forged.status, without_form_token(&forged.body)),
        (refused.status, without_form_token(&refused.body))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn participant_pages_set_no_cookie() {
    let smtp = SmtpServer::start();
    let dir = tempfile::tempdir().unwrap();
    let mail_env = smtp.config();
    let env: Vec<(&str, &str)> = mail_env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let tp = Instance::start(dir.path(), &env);
    let mut owner_b = tp.browser();
    let mut owner = create_account(&mut owner_b, &tp.setup_path(), "olga").await;
    sign_in(&mut owner_b, &mut owner).await;
    let (_, open_slug) = build_and_open_with(&mut owner_b, "Open", &[("follow_up", "on")]).await;
    let (_, slug) = build_and_open_with(&mut owner_b, "Enrolled", &[("audience", "enrolled")]).await;

    let mut p = tp.browser();
    let link = enrol(&mut p, &smtp, &slug, "cookie@example.org").await;
    let receipt = {
        let form = p.get(&format!("/r/{open_slug}")).await;
        let answers = common::campaign::full_answers("A story.");
        let mut fields: Vec<(&str, &str)> = answers.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let nonce = input_value(&form.body, "nonce");
        fields.push(("nonce", &nonce));
        let thanks = p.post(&format!("/r/{open_slug}"), &fields).await;
        let at = thanks.body.find("<code>").expect("a receipt") + 6;
        thanks.body[at..at + 35].to_string()
    };
    let gets = [
        "/".to_string(),
        format!("/r/{open_slug}"),
        format!("/r/{open_slug}/thanks"),
        format!("/r/{open_slug}/resume"),
        format!("/e/{slug}"),
        link.clone(),
        link.replace("/t/", "/u/"),
        "/privacy".into(),
        format!("/privacy/{slug}"),
        format!("/s/{open_slug}"),
        "/f".into(),
        "/static/app.css".into(),
        "/no/such/page".into(),
    ];
    for path in &gets {
        let r = p.get(path).await;
        assert!(r.status < 500, "{path}: {}", r.status);
        assert!(r.headers.get("set-cookie").is_none(), "{path} sets a cookie");
    }
    let posts: Vec<(String, Vec<(&str, &str)>)> = vec![
        ("/privacy".into(), vec![("email", "cookie@example.org"), ("lang", "en")]),
        (format!("/e/{slug}"), vec![("email", "other@example.org"), ("lang", "en")]),
        ("/f".into(), vec![("receipt", receipt.as_str()), ("lang", "en")]),
        (format!("/r/{open_slug}/resume"), vec![("code", "not a code")]),
    ];
    for (path, fields) in &posts {
        let r = p.post(path, fields).await;
        assert!(r.status < 500, "{path}: {}", r.status);
        assert!(r.headers.get("set-cookie").is_none(), "{path} sets a cookie");
    }
    assert!(p.cookies.is_empty(), "the participant's browser holds no cookie: {:?}", p.cookies);
    // The staff side still protects its forms with a cookie.
    assert!(tp.browser().get("/login").await.headers.get("set-cookie").is_some());
}
