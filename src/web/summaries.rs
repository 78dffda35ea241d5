//! Weekly summaries: the participants' page `/s/{slug}` (every published week, newest
//! first, in their language; works without JavaScript), and the editorial step before it:
//! the owner (and moderators, where the campaign allows) previews an ended week exactly as
//! participants will see it, in each language, and publishes it by hand.

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::{Value, context};
use poem::web::{Data, Form, Path, Query};
use poem::{Request, Response, handler};
use serde::Deserialize;

use super::AppState;
use super::campaigns::campaign_of;
use super::internal;
use super::render::View;
use super::respond::{LangQuery, choose_lang, lang_choices, load};
use super::session::StaffUser;
use crate::i18n::{t, tr};
use crate::jobs::summaries::{SummaryError, publish, summary_key, unpublished};
use crate::model::Lang;
use crate::model::campaign::{Campaign, Status, date_of};
use crate::model::figures::Release;
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
        weeks.push(week_context(&q, release, &shown, lang));
    }
    let switch: Vec<Value> = lang_choices(c, lang)
        .into_iter()
        .map(|l| context! { href => format!("/s/{}?lang={}", c.slug, l.get_attr("code").unwrap_or_default()), ..l })
        .collect();
    Ok(view.ok("participant/summary.html", page_context(c, lang, weeks, switch, None)))
}

/// One published (or previewed) week: its heading, its quotes, its figures.
fn week_context(
    q: &crate::model::questionnaire::Questionnaire,
    release: &Release,
    quotes: &[&String],
    lang: Lang,
) -> Value {
    let label = super::figures::release_label(release, lang);
    context! {
        week => date_of(release.first).to_string(),
        label,
        responses => tr(lang, "n_responses", &[("n", release.responses.into())]),
        fig => super::figures::context(q, &[release], lang),
        quotes,
    }
}

/// The participants' summary page around `weeks`; `preview` names the week staff preview.
fn page_context(
    c: &Campaign,
    lang: Lang,
    weeks: Vec<Value>,
    switch: Vec<Value>,
    preview: Option<Value>,
) -> Value {
    let words: BTreeMap<&str, String> =
        ["summary_title", "week_of", "quotes", "summary_none", "language", "responses"]
            .into_iter()
            .map(|k| (k, t(lang, k).to_string()))
            .chain([("summary_intro", tr(lang, "summary_intro", &[("k", c.settings.k.into())]))])
            .collect();
    context! {
        lang => lang.code(), title => c.settings.text("title", lang), slug => c.slug, weeks, words, switch, preview,
        own_intro => super::respond::paragraphs(&c.settings.text("summary_intro", lang)),
        notice => super::respond::notice(c, lang),
    }
}

/// Who may preview and publish a campaign's summaries: the owner, and moderators where the
/// campaign allows it.
fn require_editor(user: &StaffUser, c: &Campaign) -> poem::Result<()> {
    if c.settings.summaries.moderators {
        user.require_any(&[Role::Owner, Role::Moderator])
    } else {
        user.require(Role::Owner)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PreviewQuery {
    week: String,
    lang: String,
}

/// A period's summary exactly as participants will see it once published: the same
/// template, the same figures, the quotes publishing would add, in the language asked.
#[handler]
pub fn preview_summary(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    Query(query): Query<PreviewQuery>,
) -> poem::Result<Response> {
    let c = campaign_of(&state, &id)?;
    require_editor(&user, &c)?;
    let view = view.signed_in(&user);
    let now = state.clock.now();
    let lang = Lang::parse(&query.lang)
        .filter(|l| c.settings.languages.contains(l))
        .unwrap_or_else(|| c.settings.languages.first().copied().unwrap_or(Lang::EN));
    let Some(release) = query
        .week
        .parse::<i32>()
        .ok()
        .and_then(|key| unpublished(&state, &c, now).ok()?.into_iter().find(|r| summary_key(r) == key))
    else {
        return manage_page(&state, &view, &c, Some(SummaryError::NotReleased.to_string()));
    };
    let q = state.store.questionnaire(&c.id, c.version)?.unwrap_or_default();
    let quotes: Vec<String> = to_publish(&state, &c)?.into_iter().map(|q| q.text).collect();
    let shown: Vec<&String> = quotes.iter().collect();
    let key = summary_key(&release);
    let weeks = vec![week_context(&q, &release, &shown, lang)];
    let switch: Vec<Value> = lang_choices(&c, lang)
        .into_iter()
        .map(|l| {
            let code = l.get_attr("code").unwrap_or_default();
            context! { href => format!("/admin/campaigns/{}/summaries/preview?week={key}&lang={code}", c.id), ..l }
        })
        .collect();
    // The banner speaks the staff member's language; the page below, the previewed one.
    let staff = view.lang();
    let period = super::figures::release_label(&release, staff);
    let preview = context! {
        key,
        lang => staff.code(),
        title => t(staff, "sum-preview-title"),
        text => tr(staff, "sum-preview-text", &[("period", period.into())]),
        publish => t(staff, "sum-publish-this"),
        back_label => t(staff, "sum-back"),
        back => format!("/admin/campaigns/{}/summaries", c.id),
        action => format!("/admin/campaigns/{}/summaries/publish", c.id),
    };
    let ctx = page_context(&c, lang, weeks, switch, Some(preview));
    Ok(view.form("participant/summary.html", ctx, false))
}

/// The approved quotes not yet in a published summary: what publishing now would add.
fn to_publish(state: &AppState, c: &Campaign) -> poem::Result<Vec<crate::moderation::OpenQuote>> {
    let already: Vec<String> = state
        .store
        .summaries_of(&c.id)?
        .into_iter()
        .flat_map(|(_, s)| s.quotes)
        .map(|id| data_encoding::HEXLOWER.encode(&id))
        .collect();
    Ok(state.moderation().approved(c)?.into_iter().filter(|q| !already.contains(&q.id)).collect())
}

#[handler]
pub fn manage_summaries(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
) -> poem::Result<Response> {
    let c = campaign_of(&state, &id)?;
    require_editor(&user, &c)?;
    manage_page(&state, &view.signed_in(&user), &c, None)
}

fn manage_page(state: &AppState, view: &View, c: &Campaign, error: Option<String>) -> poem::Result<Response> {
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
    let now = state.clock.now();
    let langs: Vec<Value> =
        c.settings.languages.iter().map(|l| context! { code => l.code(), name => l.name() }).collect();
    let ready: Vec<Value> = unpublished(state, c, now)?
        .iter()
        .map(|r| {
            context! {
                key => summary_key(r),
                label => super::figures::release_label(r, view.lang()),
                responses => r.responses,
                too_few => r.responses < r.k,
            }
        })
        .collect();
    // The running week is released (and can be published) only once it has ended: figures
    // of a week still under way would give away the answers that come after them.
    let today = c.settings.today(now);
    let running = (c.status == Status::Open && c.settings.start <= today && today <= c.settings.end).then(|| {
        let monday = date_of(crate::figures::tally::monday_of(crate::model::campaign::day_number(today)));
        let next = monday.checked_add(jiff::Span::new().days(7)).unwrap_or(monday);
        context! { from => monday.to_string(), ready_on => next.min(c.settings.end.tomorrow().unwrap_or(next)).to_string() }
    });
    let quotes = to_publish(state, c)?.len();
    let p = &c.settings.summaries;
    let schedule = p.auto.then(|| {
        context! { day => crate::model::schedule::DAY_NAMES[p.day as usize % 7], at => p.at.strftime("%H:%M").to_string() }
    });
    let ctx = context! {
        c, published, ready, running, quotes, langs, schedule, error,
        link => state.url(&format!("/s/{}", c.slug)),
    };
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
    let c = campaign_of(&state, &id)?;
    require_editor(&user, &c)?;
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
            Ok(super::render::done(&format!("/admin/campaigns/{id}/summaries"), "summary-published"))
        }
        Err(e @ SummaryError::NotReleased) => {
            manage_page(&state, &view.signed_in(&user), &c, Some(e.to_string()))
        }
        Err(e) => Err(internal(e)),
    }
}
