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
use crate::jobs::summaries::{SummaryError, publish, summary_key, unpublished};
use crate::model::Lang;
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
    let q = state.store.questionnaire(&c.id, c.version)?.unwrap_or_default();
    let releases = crate::figures::releases(&state.store, c, state.clock.now())?;
    let mut weeks: Vec<Value> = Vec::new();
    for (key, summary) in state.store.summaries_of(&c.id)?.into_iter().rev() {
        // A summary shows the release of its period (summaries from before releases were
        // keyed by a week's Monday: the release holding that week).
        let Some(release) =
            releases.iter().find(|r| summary_key(r) == key || (!r.whole && r.first <= key && key <= r.last))
        else {
            continue;
        };
        let shown: Vec<&String> =
            summary.quotes.iter().filter_map(|id| quotes.get(&data_encoding::HEXLOWER.encode(id))).collect();
        weeks.push(context! {
            week => date_of(release.first).to_string(),
            label => super::figures::release_label(release, lang),
            responses => release.responses,
            fig => super::figures::context(&q, &[release], lang),
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
        .map(|(key, s)| {
            let period = if key == i32::MAX { "the whole campaign".to_string() } else { date_of(key).to_string() };
            context! { week => period, published => date_of(s.published).to_string(), quotes => s.quotes.len() }
        })
        .collect();
    let ready: Vec<Value> = unpublished(state, c, state.clock.now())?
        .iter()
        .map(|r| context! { key => summary_key(r), label => super::figures::release_label(r, Lang::En) })
        .collect();
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
    let Ok(key) = form.week.parse::<i32>() else {
        return manage_page(
            &state,
            &view.signed_in(&user),
            &c,
            Some("Choose a period from the list.".into()),
        );
    };
    match publish(&state, &c, key, state.clock.now()) {
        Ok(_) => {
            state.store.append_audit(
                state.clock.now(),
                &user.username,
                "summary.published",
                &format!("{} {key}", c.id),
            )?;
            Ok(Redirect::see_other(format!("/admin/campaigns/{id}/summaries")).into_response())
        }
        Err(e @ SummaryError::NotReleased) => {
            manage_page(&state, &view.signed_in(&user), &c, Some(e.to_string()))
        }
        Err(e) => Err(internal(e)),
    }
}
