//! The dashboard (analyst, owner): a campaign's figures per week and for the whole period,
//! optionally among the responses that gave one value to another question.

use std::sync::Arc;

use minijinja::context;
use poem::web::{Data, Path, Query};
use poem::{Response, handler};
use serde::Deserialize;

use super::AppState;
use super::campaigns::campaign_of;
use super::figures::{text, value_labels};
use super::render::View;
use super::session::StaffUser;
use crate::dashboard::load;
use crate::model::Lang;
use crate::model::figures::{Filter, filterable};
use crate::store::Role;

/// Who may see figures.
pub const FIGURES: &[Role] = &[Role::Analyst, Role::Owner];

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DashboardQuery {
    filter: String,
    version: Option<u32>,
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
    let version = query.version.filter(|v| (1..=c.version).contains(v)).unwrap_or(c.version);
    let q = state.store.questionnaire(&c.id, version)?.unwrap_or_default();
    let filter = Filter::parse(&query.filter, &q);
    let today = c.settings.today(state.clock.now());
    let figures = load(&state.store, &c, &q, version, today, filter.clone())?;
    let lang = c.settings.languages.first().copied().unwrap_or(Lang::En);
    let filters: Vec<_> = q
        .questions
        .iter()
        .filter(|x| filterable(&x.kind))
        .map(|x| {
            let prompt = text(&x.prompt, lang);
            let values: Vec<_> = value_labels(x, lang)
                .into_iter()
                .enumerate()
                .filter(|(_, l)| !l.is_empty())
                .map(|(i, label)| {
                    let param = Filter { question: x.id.clone(), value: i }.as_param();
                    context! { selected => filter.as_ref().is_some_and(|f| f.as_param() == param), param, label }
                })
                .collect();
            context! { prompt, values }
        })
        .collect();
    let filter_text = filter.as_ref().and_then(|f| {
        let question = q.question(&f.question)?;
        Some(format!("{}: {}", text(&question.prompt, lang), value_labels(question, lang).get(f.value)?))
    });
    let ctx = context! {
        c,
        version,
        versions => (1..=c.version).collect::<Vec<_>>(),
        fig => super::figures::context(&q, &figures, lang, true),
        filters,
        filter_text,
        can_report => c.status == crate::model::campaign::Status::Closed,
    };
    Ok(view.signed_in(&user).ok("admin/dashboard.html", ctx))
}
