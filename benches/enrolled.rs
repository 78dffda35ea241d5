//! For the mail and text benchmarks: an open campaign of enrolled participants whose
//! reminder is due now (every day, a minute ago), with `n` confirmed participants.

use std::time::Instant;

use tellpoint::app::AppState;
use tellpoint::model::Lang;
use tellpoint::model::campaign::{Campaign, SettingsInput, Status};

/// `reached_by` is the campaign's contact setting ("email" or "phone"); `contact(i)` the
/// i-th participant's address or number.
pub fn campaign(state: &AppState, n: usize, reached_by: &str, contact: impl Fn(usize) -> String) -> Campaign {
    let campaigns = state.campaigns();
    let c = campaigns.create("Bench", "bench").unwrap();
    let today = c.settings.today(state.clock.now());
    // A send time a minute ago, so the scheduler finds it due.
    let local = jiff::Zoned::now().with_time_zone(c.settings.tz());
    let a_minute_ago = local.time().checked_sub(jiff::Span::new().minutes(1)).unwrap_or(local.time());
    let input = SettingsInput {
        audience: "enrolled".into(),
        contact: reached_by.into(),
        start: today.to_string(),
        end: today.to_string(),
        remind_days: tellpoint::model::schedule::DAY_NAMES.map(String::from).to_vec(),
        remind_at: a_minute_ago.strftime("%H:%M").to_string(),
        ..c.settings.input()
    };
    campaigns.update_settings(&c.id, &input, "bench").unwrap();
    campaigns
        .edit_questionnaire(&c.id, "bench", |q| {
            *q = tellpoint::model::questionnaire::Questionnaire::from_json(
                r#"{"questions":[{"id":"q1","kind":"yesno","prompt":{"en":"Did it go well?"}}]}"#,
                &[Lang::EN],
            )
            .unwrap();
            Ok(())
        })
        .unwrap();
    campaigns.set_status(&c.id, Status::Open, "bench").unwrap();
    let c = campaigns.get(&c.id).unwrap();

    let setup = Instant::now();
    let people = state.participants();
    for i in 0..n {
        let tellpoint::participants::Enrolled::Confirm { token, .. } =
            people.enrol(&c, &contact(i), Lang::EN).unwrap()
        else {
            panic!("a new participant gets a confirmation")
        };
        people.confirm(&token).unwrap();
    }
    println!("setup: {n} participants enrolled and confirmed in {:.1} s", setup.elapsed().as_secs_f64());
    c
}
