//! The admin home: one card per campaign with its phase and what waits for this role —
//! released figures, stories to moderate, quotes to review, unread threads — and when the
//! next reminder, summary and erasure come. Reviewers with one campaign land on its queue.
//!
//! The home never releases figures: it shows the periods already released (the dashboard,
//! summaries and report release what is due), so opening it cannot end the window in which
//! an ended campaign may be reopened, and the running week's count is never shown.

use std::sync::Arc;

use jiff::civil::Date;
use minijinja::{Value, context};
use poem::web::{Data, Redirect};
use poem::{IntoResponse, Response, handler};

use super::AppState;
use super::render::View;
use super::session::StaffUser;
use crate::clock::format_utc;
use crate::i18n::{long_date, t, tr, weekday_date};
use crate::model::Lang;
use crate::model::campaign::{Audience, Campaign, Phase, Status};
use crate::store::Role;

#[handler]
pub fn show_admin_home(state: Data<&Arc<AppState>>, view: View, user: StaffUser) -> poem::Result<Response> {
    let view = view.signed_in(&user);
    let lang = view.lang();
    let mut all = state.store.all_campaigns()?;
    all.sort_by_key(|c| std::cmp::Reverse(c.created));
    // Only the owner works on drafts.
    all.retain(|c| c.status != Status::Draft || user.role == Role::Owner);
    if user.role == Role::Reviewer && all.len() == 1 {
        return Ok(Redirect::see_other(format!("/admin/campaigns/{}/quotes", all[0].id)).into_response());
    }
    let campaigns: Vec<Value> =
        all.iter().map(|c| card(&state, &user, c, lang)).collect::<poem::Result<_>>()?;
    // The owner runs the appliance: a certificate the CA would not renew is theirs to fix.
    let certificate =
        (user.role == Role::Owner).then(|| state.tls.as_ref()?.acme_status()).flatten().and_then(|s| {
            Some(context! {
                error => s.last_error?,
                since => s.failing_since.map(format_utc),
                next_try => s.next_try.map(format_utc),
                valid_until => s.valid_until.map(format_utc),
            })
        });
    let langs: Vec<_> = Lang::all()
        .into_iter()
        .map(|l| context! { code => l.code(), name => l.name(), chosen => user.lang == Some(l) })
        .collect();
    Ok(view.ok("admin/home.html", context! { campaigns, certificate, langs, chosen => user.lang.is_some() }))
}

/// One campaign's card for `user`'s role.
fn card(state: &AppState, user: &StaffUser, c: &Campaign, lang: Lang) -> poem::Result<Value> {
    let now = state.clock.now();
    let role = user.role;
    let base = format!("/admin/campaigns/{}", c.id);
    let phase = c.phase(now);
    let live = c.status != Status::Draft;
    let figures =
        (live && matches!(role, Role::Owner | Role::Analyst)).then(|| figures(state, c, lang)).transpose()?;
    let moderates = live && matches!(role, Role::Owner | Role::Moderator);
    let (stories, quotes) = if live && role != Role::Analyst {
        let (stories, proposed, quotes) = state.moderation().waiting(c).map_err(super::internal)?;
        (moderates.then_some(stories), Some((proposed, quotes)))
    } else {
        (None, None)
    };
    let threads = if moderates { state.store.threads_of(&c.id)? } else { Vec::new() };
    let threads = (moderates && (c.settings.follow_up || !threads.is_empty()))
        .then(|| threads.iter().filter(|(_, t)| t.unread_by_staff).count());
    let owner = role == Role::Owner;
    let reminder = (owner && phase == Phase::Open && c.settings.audience == Audience::Enrolled)
        .then(|| c.settings.reminders.next_sends(&c.settings, now, 1).into_iter().next())
        .flatten()
        .map(|z| format!("{} {}", weekday_date(lang, z.date()), z.strftime("%H:%M")));
    let summaries_open = owner || role == Role::Moderator && c.settings.summaries.moderators;
    let summaries = (live && summaries_open).then(|| summaries(state, c, lang)).transpose()?;
    let erasure = (owner && live).then(|| next_erasure(state, c, lang)).flatten();
    Ok(context! {
        title => c.settings.text("title", lang), href => base, phase,
        dates => format!("{} – {}", long_date(lang, c.settings.start), long_date(lang, c.settings.end)),
        figures, stories, quotes => quotes.map(|(waiting, all)| context! { waiting, all }),
        threads, reminder, summaries, erasure, owner,
        reviewer_needed => c.settings.reviewer_approval,
        report => matches!(phase, Phase::Ended | Phase::Closed) && matches!(role, Role::Owner | Role::Analyst),
    })
}

/// Responses in the released periods and the latest released period: what the dashboard
/// already shows, nothing of the running week.
fn figures(state: &AppState, c: &Campaign, lang: Lang) -> poem::Result<Value> {
    let releases = state.store.releases(&c.id)?;
    let periods: Vec<_> = releases.iter().filter(|r| !r.whole).collect();
    let total = match releases.iter().find(|r| r.whole) {
        Some(whole) => whole.responses,
        None => periods.iter().map(|r| r.responses).sum(),
    };
    let last = periods
        .iter()
        .max_by_key(|r| r.last)
        .map(|r| context! { label => super::figures::release_label(r, lang), responses => r.responses });
    Ok(context! { total, last, released => !releases.is_empty() })
}

/// Summaries of released periods not yet published, and when they publish themselves.
fn summaries(state: &AppState, c: &Campaign, lang: Lang) -> poem::Result<Value> {
    let published: Vec<i32> = state.store.summaries_of(&c.id)?.into_iter().map(|(k, _)| k).collect();
    let waiting = state
        .store
        .releases(&c.id)?
        .iter()
        .filter(|r| r.responses > 0 && !published.contains(&crate::jobs::summaries::summary_key(r)))
        .count();
    let p = &c.settings.summaries;
    let auto = p.auto.then(|| {
        let day = crate::model::schedule::DAY_NAMES.get(usize::from(p.day)).copied().unwrap_or("mon");
        tr(
            lang,
            "home-summary-auto",
            &[
                ("day", t(lang, &format!("day-{day}")).into()),
                ("at", p.at.strftime("%H:%M").to_string().into()),
            ],
        )
    });
    Ok(context! { waiting, auto })
}

/// The next date on which something of the campaign is erased, and what.
fn next_erasure(state: &AppState, c: &Campaign, lang: Lang) -> Option<Value> {
    let r = c.retention(state.config.retention.campaign_defaults());
    let today = c.settings.today(state.clock.now());
    let last = c.closed_day(today).unwrap_or(c.settings.end);
    let after = |from: Date, days: u32| from.checked_add(jiff::Span::new().days(i64::from(days))).ok();
    let steps = [
        (after(c.settings.end, r.contacts_days_after_end), "home-erase-contacts"),
        (after(last, r.stories_days_after_close), "home-erase-stories"),
        (after(last, r.quotes_days_after_close), "home-erase-quotes"),
        (after(last, r.responses_days_after_close), "home-erase-responses"),
    ];
    let (day, what) =
        steps.into_iter().filter_map(|(d, w)| Some((d?, w))).filter(|(d, _)| *d > today).min()?;
    Some(context! { what => t(lang, what), date => weekday_date(lang, day) })
}
