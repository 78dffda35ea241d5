//! Background jobs, all started here. Each takes `now` so tests control time; a failing run
//! is logged and the loop goes on.

mod cleanup;

use std::sync::Arc;
use std::time::Duration;

use crate::web::AppState;

pub fn spawn(state: Arc<AppState>) {
    every(Duration::from_secs(3600), "cleanup", move || {
        let now = state.clock.now();
        cleanup::run(&state, now)
    });
}

fn every<F, E>(period: Duration, name: &'static str, mut job: F)
where
    F: FnMut() -> Result<(), E> + Send + 'static,
    E: std::fmt::Display,
{
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(period);
        loop {
            tick.tick().await;
            if let Err(e) = job() {
                tracing::error!(job = name, error = %e, "job failed; it runs again at its next time");
            }
        }
    });
}
