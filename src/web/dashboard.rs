//! The dashboard (analyst, owner): a campaign's released figures, period by period and for
//! the whole campaign once it has ended, and a released period split into groups by the
//! campaign's breakdown question.

use std::sync::Arc;

use minijinja::{Value, context};
use poem::web::{Data, Path, Query};
use poem::{Response, handler};
use serde::Deserialize;

use super::AppState;
use super::campaigns::campaign_of;
use super::figures::{release_label, text, value_labels};
use super::render::View;
use super::session::StaffUser;
use crate::i18n::tr;
use crate::model::Lang;
use crate::model::campaign::{Campaign, Results, date_of, day_number};
use crate::model::figures::{CHOSEN, Group, Release, VarKey, value_id};
use crate::model::questionnaire::{Kind, Question, Questionnaire};
use crate::store::Role;

/// Who may see figures.
pub const FIGURES: &[Role] = &[Role::Analyst, Role::Owner];

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DashboardQuery {
    /// The release to split into groups (its first day, or "whole").
    split: String,
}

#[handler]
pub fn show_dashboard(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    Query(query): Query<DashboardQuery>,
) -> poem::Result<Response> {
    user.require_any(FIGURES)?;
    let c = campaign_of(&state, &id)?;
    let now = state.clock.now();
    let releases = crate::figures::releases(&state.store, &c, now)?;
    let q = state.store.questionnaire(&c.id, c.version)?.unwrap_or_default();
    // The staff member's language (question texts fall back to another the campaign has).
    let view = view.signed_in(&user);
    let lang = view.lang();
    let shown: Vec<&Release> = releases.iter().filter(|r| r.responses > 0).collect();
    let splits: Vec<Value> = shown
        .iter()
        .filter(|r| !r.groups.is_empty())
        .map(|r| {
            let param = split_param(r);
            context! { selected => param == query.split, param, label => release_label(r, lang) }
        })
        .collect();
    let split = shown.iter().find(|r| !r.groups.is_empty() && split_param(r) == query.split);
    let ctx = context! {
        c,
        fig => (!shown.is_empty()).then(|| super::figures::context(&q, &shown, lang)),
        next => next_release(&c, &releases, now, lang),
        breakdown => q.question(&c.settings.breakdown).map(|b| text(&b.prompt, lang)),
        splits,
        split => split.map(|r| split_context(&q, r, lang)),
        can_report => matches!(c.phase(now), crate::model::campaign::Phase::Ended | crate::model::campaign::Phase::Closed),
    };
    Ok(view.ok("admin/dashboard.html", ctx))
}

fn split_param(r: &Release) -> String {
    if r.whole { "whole".into() } else { date_of(r.first).to_string() }
}

/// When the figures come that are not shown yet, in plain words.
fn next_release(c: &Campaign, releases: &[Release], now: i64, lang: Lang) -> Option<String> {
    if releases.iter().any(|r| r.whole) {
        return None;
    }
    let end = crate::i18n::weekday_date(lang, c.settings.end);
    if c.settings.results == Results::Campaign {
        return Some(tr(lang, "dash-next-campaign", &[("end", end.into())]));
    }
    let today = day_number(c.settings.today(now));
    let after = releases.iter().map(|r| r.last + 1).max().unwrap_or(day_number(c.settings.start));
    let sunday = crate::figures::tally::monday_of(today.max(after)) + 6;
    let last = sunday.min(day_number(c.settings.end));
    let args = [
        ("upto", crate::i18n::weekday_date(lang, date_of(last)).into()),
        ("on", crate::i18n::weekday_date(lang, date_of(last + 1)).into()),
        ("k", c.settings.k.into()),
        ("end", end.into()),
    ];
    Some(tr(lang, "dash-next-weeks", &args))
}

/// A group's heading: the breakdown's values it stands for, and its size.
fn group_label(breakdown: Option<&Question>, g: &Group, lang: Lang) -> String {
    let labels: Vec<String> = g
        .values
        .iter()
        .map(|v| {
            breakdown
                .and_then(|b| {
                    (0..b.kind.slots())
                        .find(|j| value_id(&b.kind, *j) == *v)
                        .map(|j| value_labels(b, lang)[j].clone())
                })
                .unwrap_or_else(|| match v.as_str() {
                    crate::model::figures::NO_ANSWER => "no answer".into(),
                    crate::model::figures::NOT_ASKED => "not asked".into(),
                    other => other.to_string(),
                })
        })
        .collect();
    format!("{} ({})", labels.join(" or "), g.size)
}

/// Each question's counts, group by group, in one release.
fn split_context(q: &Questionnaire, r: &Release, lang: Lang) -> Value {
    let breakdown = r.breakdown.as_ref().and_then(|b| q.question(&b.question));
    let groups: Vec<String> = r.groups.iter().map(|g| group_label(breakdown, g, lang)).collect();
    let questions: Vec<Value> = q
        .questions
        .iter()
        .filter(|x| {
            !matches!(x.kind, Kind::Story { .. }) && Some(x.id.as_str()) != breakdown.map(|b| b.id.as_str())
        })
        .map(|x| {
            let labels = value_labels(x, lang);
            let rows: Vec<Value> = (0..x.kind.slots())
                .filter(|j| !labels[*j].is_empty())
                .map(|j| {
                    let id = value_id(&x.kind, j);
                    let counts: Vec<Option<u32>> = r
                        .groups
                        .iter()
                        .map(|g| {
                            let (option, value) = match x.kind {
                                Kind::Multi { .. } => (Some(id.clone()), CHOSEN.to_string()),
                                _ => (None, id.clone()),
                            };
                            let key = VarKey { question: x.id.clone(), since: x.since, option };
                            g.variables.iter().find(|v| v.key == key).map_or(Some(0), |v| v.count(&value))
                        })
                        .collect();
                    context! { label => labels[j], counts }
                })
                .collect();
            context! { prompt => text(&x.prompt, lang), rows }
        })
        .collect();
    context! { label => release_label(r, lang), groups, questions }
}
