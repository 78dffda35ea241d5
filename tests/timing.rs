//! The pages that take an address — enrolment and the rights request — must not tell by
//! their timing whether the address is enrolled. Measured as an outsider would: 200 pairs of
//! requests, known and unknown in random order, compared with a Mann–Whitney U test.

mod common;

use std::time::Instant;

use rand::Rng;

use common::campaign::build_and_open_with;
use common::{Instance, create_account, sign_in};

const PAIRS: usize = 200;
/// A difference this unlikely under "the same distribution" would be a timing oracle.
const ALPHA: f64 = 0.01;

/// The two-sided p-value of the Mann–Whitney U test (normal approximation, ties corrected).
fn mann_whitney(a: &[f64], b: &[f64]) -> f64 {
    let mut all: Vec<(f64, usize)> = a.iter().map(|x| (*x, 0)).chain(b.iter().map(|x| (*x, 1))).collect();
    all.sort_by(|x, y| x.0.total_cmp(&y.0));
    let n = all.len();
    let mut ranks = vec![0.0; n];
    let mut ties = 0.0;
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && all[j + 1].0 == all[i].0 {
            j += 1;
        }
        let t = (j - i + 1) as f64;
        ties += t * t * t - t;
        for r in ranks.iter_mut().take(j + 1).skip(i) {
            *r = (i + j) as f64 / 2.0 + 1.0;
        }
        i = j + 1;
    }
    let (n1, n2) = (a.len() as f64, b.len() as f64);
    let r1: f64 = all.iter().zip(&ranks).filter(|(x, _)| x.1 == 0).map(|(_, r)| r).sum();
    let u = r1 - n1 * (n1 + 1.0) / 2.0;
    let total = n1 + n2;
    let sd = (n1 * n2 / 12.0 * ((total + 1.0) - ties / (total * (total - 1.0)))).sqrt();
    let z = (u - n1 * n2 / 2.0).abs() / sd;
    2.0 * (1.0 - normal_cdf(z))
}

/// Φ(z), from erf (Abramowitz and Stegun 7.1.26, error below 1.5e-7).
fn normal_cdf(z: f64) -> f64 {
    let x = z / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.3275911 * x.abs());
    let poly =
        t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    let erf = 1.0 - poly * (-x * x).exp();
    0.5 * (1.0 + erf.copysign(x))
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[test]
fn the_test_tells_apart_what_differs_and_not_what_does_not() {
    let same_a: Vec<f64> = (0..200).map(|i| (i * 7 % 200) as f64).collect();
    let same_b: Vec<f64> = (0..200).map(|i| (i * 13 % 200) as f64).collect();
    assert!(mann_whitney(&same_a, &same_b) > 0.5);
    let slower: Vec<f64> = same_b.iter().map(|x| x + 40.0).collect();
    assert!(mann_whitney(&same_a, &slower) < 1e-6);
}

#[tokio::test(flavor = "multi_thread")]
async fn known_and_unknown_addresses_take_the_same_time_on_enrolment_and_rights_pages() {
    let dir = tempfile::tempdir().unwrap();
    let tp = Instance::start(dir.path(), &[("TELLPOINT_LIMITS__FORM_POSTS_PER_MINUTE", "100000")]);
    let mut owner_b = tp.browser();
    let mut owner = create_account(&mut owner_b, &tp.setup_path(), "olga").await;
    sign_in(&mut owner_b, &mut owner).await;
    let (id, slug) = build_and_open_with(&mut owner_b, "Timing", &[("audience", "enrolled")]).await;
    let known = "known@example.org";
    let mut b = tp.browser();
    assert_eq!(b.post(&format!("/e/{slug}"), &[("email", known), ("lang", "en")]).await.status, 200);
    let deadline = Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let store = tellpoint::store::Store::open_read_only(&tp.data_dir(), &tp.master_key()).unwrap();
        if store.participant_counts(&id).unwrap().0 == 1 {
            break;
        }
        assert!(Instant::now() < deadline, "the enrolment was not made");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }

    let mut fresh = 0;
    for path in [format!("/e/{slug}"), "/privacy".to_string()] {
        let mut best = 0.0f64;
        // A real oracle differs in every round; two rounds keep a 1-in-100 fluke from failing.
        for round in 0..2 {
            let (mut with_known, mut with_unknown) = (Vec::new(), Vec::new());
            for _ in 0..PAIRS {
                fresh += 1;
                let unknown = format!("unknown{fresh}@example.org");
                let mut pair = [(true, known.to_string()), (false, unknown)];
                if rand::thread_rng().r#gen::<bool>() {
                    pair.swap(0, 1);
                }
                for (is_known, address) in pair {
                    let started = Instant::now();
                    let r = b.post(&path, &[("email", &address), ("lang", "en")]).await;
                    let ms = started.elapsed().as_secs_f64() * 1000.0;
                    assert_eq!(r.status, 200, "{}", r.body);
                    if is_known { with_known.push(ms) } else { with_unknown.push(ms) }
                }
            }
            let p = mann_whitney(&with_known, &with_unknown);
            println!(
                "{path} round {round}: median known {:.2} ms, unknown {:.2} ms, Mann–Whitney p = {p:.3}",
                median(&with_known),
                median(&with_unknown)
            );
            best = best.max(p);
            if p > ALPHA {
                break;
            }
        }
        assert!(best > ALPHA, "{path}: known and unknown addresses take different times (p = {best:.4})");
    }
}
