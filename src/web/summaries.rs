//! Weekly summaries: the participants' page `/s/{slug}` (every published week, newest
//! first, in their language; works without JavaScript) and the owner's page to see what is
//! published and publish an ended week by hand.

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::{Value, context};
use poem::web::{Data, Form, Path, Query, Redirect};
use poem::{IntoResponse, Request, Response, handler};
use serde::Deserialize;

use super::AppState;
use super::campaigns::campaign_of;
use super::internal;
use super::render::View;
use super::respond::{LangQuery, choose_lang, lang_choices, load};
use super::session::StaffUser;
use crate::i18n::t;
use crate::jobs::summaries::{SummaryError, publish, unpublished};
use crate::model::campaign::{Status, date_of};
use crate::store::Role;

#[handler]
pub fn show_summaries(
    state: Data<&Arc<AppState>>,
    view: View,
    req: &Request,
    Path(slug): Path<String>,
    Query(query): Query<LangQuery>,
) -> poem::Result<Response> {
    let live = load(&state, &slug)?;
    let c = &live.campaign;
    if c.status == Status::Draft {
        return Err(poem::Error::from_status(poem::http::StatusCode::NOT_FOUND));
    }
    let lang = choose_lang(c, &query.lang, req);
    let quotes: BTreeMap<String, String> =
        state.moderation().approved(c)?.into_iter().map(|q| (q.id, q.text)).collect();
    let mut weeks: Vec<Value> = Vec::new();
    for (week, summary) in state.store.summaries_of(&c.id)?.into_iter().rev() {
        let q = state.store.questionnaire(&c.id, summary.figures.version)?.unwrap_or_default();
        let shown: Vec<&String> =
            summary.quotes.iter().filter_map(|id| quotes.get(&data_encoding::HEXLOWER.encode(id))).collect();
        weeks.push(context! {
            week => date_of(week).to_string(),
            responses => summary.figures.responses.first().copied().flatten(),
            fig => super::figures::context(&q, &summary.figures, lang, false),
            quotes => shown,
        });
    }
    let words: BTreeMap<&str, String> =
        ["summary_title", "week_of", "quotes", "summary_none", "language", "responses"]
            .into_iter()
            .map(|k| (k, t(lang, k).to_string()))
            .chain([("summary_intro", t(lang, "summary_intro").replace("{k}", &c.settings.k.to_string()))])
            .collect();
    let ctx = context! {
        lang => lang.code(), title => c.settings.title, slug => c.slug, weeks, words,
        switch => lang_choices(c, lang), notice => super::respond::notice(c, lang),
    };
    Ok(view.ok("participant/summary.html", ctx))
}

#[handler]
pub fn manage_summaries(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let c = campaign_of(&state, &id)?;
    manage_page(&state, &view.signed_in(&user), &c, None)
}

fn manage_page(
    state: &AppState,
    view: &View,
    c: &crate::model::campaign::Campaign,
    error: Option<String>,
) -> poem::Result<Response> {
    let published: Vec<Value> = state
        .store
        .summaries_of(&c.id)?
        .into_iter()
        .rev()
        .map(|(week, s)| {
            context! { week => date_of(week).to_string(), published => date_of(s.published).to_string(), quotes => s.quotes.len() }
        })
        .collect();
    let ready: Vec<String> =
        unpublished(state, c, state.clock.now())?.into_iter().map(|d| d.to_string()).collect();
    let p = &c.settings.summaries;
    let schedule = p.auto.then(|| {
        format!("{} at {}", crate::model::schedule::DAY_NAMES[p.day as usize % 7], p.at.strftime("%H:%M"))
    });
    let ctx = context! { c, published, ready, schedule, error, link => state.url(&format!("/s/{}", c.slug)) };
    Ok(view.form("admin/summaries.html", ctx, false))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PublishForm {
    week: String,
}

#[handler]
pub fn publish_summary(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    Form(form): Form<PublishForm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let c = campaign_of(&state, &id)?;
    let Ok(monday) = form.week.parse::<jiff::civil::Date>() else {
        return manage_page(&state, &view.signed_in(&user), &c, Some("Choose a week from the list.".into()));
    };
    match publish(&state, &c, monday, state.clock.now()) {
        Ok(_) => {
            state.store.append_audit(
                state.clock.now(),
                &user.username,
                "summary.published",
                &format!("{} {monday}", c.id),
            )?;
            Ok(Redirect::see_other(format!("/admin/campaigns/{id}/summaries")).into_response())
        }
        Err(e @ (SummaryError::NotEnded | SummaryError::OutsideCampaign)) => {
            manage_page(&state, &view.signed_in(&user), &c, Some(e.to_string()))
        }
        Err(e) => Err(internal(e)),
    }
}
