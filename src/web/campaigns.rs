//! Campaign administration (owner): list and create, settings, open and close, and
//! questionnaire import/export.

use std::sync::Arc;

use minijinja::context;
use poem::http::StatusCode;
use poem::web::{Data, Form, Path, Redirect};
use poem::{IntoResponse, Response, handler};
use serde::Deserialize;

use super::AppState;
use super::internal;
use super::render::{View, done};
use super::session::StaffUser;
use crate::campaigns::CampaignError;
use crate::i18n::{t, tr};
use crate::model::Lang;
use crate::model::campaign::{Campaign, SettingsInput, Status};
use crate::model::questionnaire::{KINDS, Questionnaire};
use crate::store::Role;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TitleForm {
    title: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    status: String,
    /// "yes" when the box confirming an irreversible change is ticked.
    confirm: String,
    /// The new end date when reopening.
    end: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ImportForm {
    json: String,
}

/// Turns domain refusals into the right page; `form` re-renders the campaign page.
pub fn campaign_error(e: CampaignError) -> poem::Error {
    match e {
        CampaignError::NotFound => poem::Error::from_status(StatusCode::NOT_FOUND),
        // What the campaign's state does not allow is the user's to see, not a server fault.
        CampaignError::Refused(why) => super::render::said(StatusCode::CONFLICT, why),
        e @ (CampaignError::Settings(_) | CampaignError::Questionnaire(_) | CampaignError::Texts(_)) => {
            super::render::said(StatusCode::UNPROCESSABLE_ENTITY, e.into_problems().join(" "))
        }
        e => internal(e),
    }
}

/// The campaign a staff page is about, or 404.
pub fn campaign_of(state: &AppState, id: &str) -> poem::Result<Campaign> {
    state.campaigns().get(id).map_err(campaign_error)
}

fn list_page(state: &AppState, view: &View, error: Option<&str>, title: &str) -> poem::Result<Response> {
    let mut campaigns = state.store.all_campaigns()?;
    campaigns.sort_by_key(|c| std::cmp::Reverse(c.created));
    let now = state.clock.now();
    let campaigns: Vec<_> =
        campaigns.iter().map(|c| context! { phase => c.phase(now), ..context! { c } }).collect();
    let ctx = context! { campaigns, error, title };
    Ok(view.form("admin/campaigns.html", ctx, error.is_some()))
}

#[handler]
pub fn list_campaigns(state: Data<&Arc<AppState>>, view: View, user: StaffUser) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    list_page(&state, &view.signed_in(&user), None, "")
}

#[handler]
pub fn create_campaign(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Form(form): Form<TitleForm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    match state.campaigns().create(&form.title, &user.username) {
        Ok(c) => Ok(Redirect::see_other(format!("/admin/campaigns/{}", c.id)).into_response()),
        Err(CampaignError::Refused(key)) => {
            let view = view.signed_in(&user);
            list_page(&state, &view, Some(t(view.lang(), key)), &form.title)
        }
        Err(e) => Err(campaign_error(e)),
    }
}

/// What became of an allow-list change, shown in the enrolment section.
#[derive(Default)]
pub struct AllowFeedback {
    pub pasted: String,
    pub problems: Vec<String>,
    pub notice: Option<String>,
}

impl AllowFeedback {
    pub fn problems(pasted: String, problems: Vec<String>) -> AllowFeedback {
        AllowFeedback { pasted, problems, notice: None }
    }

    pub fn notice(text: String) -> AllowFeedback {
        AllowFeedback { notice: Some(text), ..Default::default() }
    }
}

/// Whether the allow-list's words name numbers too ("yes"/"no", a Fluent selector): where the
/// campaign reaches phones.
pub fn allow_numbers(c: &Campaign) -> &'static str {
    if c.settings.contact.phone() { "yes" } else { "no" }
}

/// The campaign page: settings form, status, questions, enrolment, import and export.
pub fn campaign_page(
    state: &AppState,
    view: &View,
    c: &Campaign,
    input: &SettingsInput,
    errors: &[(&str, String)],
    import: Option<(&str, &[String])>,
    allow: Option<AllowFeedback>,
) -> poem::Result<Response> {
    let q = state.campaigns().current_questionnaire(c).map_err(campaign_error)?;
    let frozen = state.store.version_has_responses(&c.id, c.version)?;
    // Question texts in the staff member's language where the campaign has it.
    let offered = &c.settings.languages;
    let lang = Some(view.lang())
        .filter(|l| offered.contains(l))
        .unwrap_or(offered.first().copied().unwrap_or(Lang::EN));
    let questions: Vec<_> = q
        .questions
        .iter()
        .map(|q| context! { id => q.id, kind => q.kind.name(), prompt => q.prompt.get(&lang), required => q.required })
        .collect();
    let splittable: Vec<_> = q
        .questions
        .iter()
        .filter(|q| crate::model::figures::can_split(&q.kind))
        .map(|q| context! { id => q.id, prompt => q.prompt.get(&lang) })
        .collect();
    // The status's own problem shows above the status buttons, the settings' in their list.
    let status_error = errors.iter().find(|(f, _)| *f == "status").map(|(_, m)| m.as_str());
    let errors: std::collections::BTreeMap<&str, &str> =
        errors.iter().filter(|(f, _)| *f != "status").map(|(f, m)| (*f, m.as_str())).collect();
    let langs: Vec<_> = Lang::all().iter().map(|l| context! { code => l.code(), name => l.name() }).collect();
    // The campaign's own texts, one field per offered language side by side.
    let offered: Vec<Lang> = input.languages.iter().filter_map(|code| Lang::parse(code)).collect();
    let text_fields: Vec<_> = crate::model::campaign::TEXT_FIELDS
        .iter()
        .map(|(field, most)| {
            let langs: Vec<_> = offered
                .iter()
                .map(|l| {
                    let value =
                        input.texts.get(&format!("{field}_{}", l.code())).cloned().unwrap_or_default();
                    context! { code => l.code(), name => l.name(), value }
                })
                .collect();
            let hint = matches!(*field, "mail_subject" | "thanks" | "summary_intro");
            context! { field, multiline => *most > 200, langs, hint }
        })
        .collect();
    let (pending, active, inactive) = state.store.participant_counts(&c.id)?;
    let next_sends: Vec<String> = c
        .settings
        .reminders
        .next_sends(&c.settings, state.clock.now(), 5)
        .iter()
        .map(|z| format!("{} {}", crate::i18n::weekday_date(view.lang(), z.date()), z.strftime("%H:%M %Z")))
        .collect();
    let allow = allow.unwrap_or_default();
    let ctx = context! {
        c, input, errors, status_error, questions, splittable, frozen, langs, text_fields, kinds => KINDS,
        phase => c.phase(state.clock.now()),
        sms_enabled => state.config.sms.enabled,
        texts => text_samples(state, c),
        reopen_end => c.settings.today(state.clock.now()).checked_add(jiff::Span::new().days(14)).ok(),
        link => state.url(&format!("/r/{}", c.slug)),
        enrol_link => state.url(&format!("/e/{}", c.slug)),
        import_json => import.map(|(j, _)| j), import_problems => import.map(|(_, p)| p),
        days => crate::model::schedule::DAY_NAMES, next_sends, pending, active, inactive,
        allow_counts => state.store.allow_list_counts(&c.id)?, allow_pasted => allow.pasted,
        allow_numbers => allow_numbers(c),
        default_region => state.config.sms.default_region,
        allow_problems => allow.problems, allow_notice => allow.notice,
        mail_enabled => state.config.smtp.enabled(),
        defaults => state.config.retention,
    };
    let invalid =
        !errors.is_empty() || status_error.is_some() || import.is_some() || !allow.problems.is_empty();
    Ok(view.form("admin/campaign.html", ctx, invalid))
}

/// A reminder text per offered language as a participant gets it (a link of the real
/// length), with its length and segments: what each reminder costs.
fn text_samples(state: &AppState, c: &Campaign) -> Vec<minijinja::Value> {
    if !c.settings.contact.phone() {
        return Vec::new();
    }
    let secret = state.participants().link_secret(&c.id, [0u8; 16]);
    c.settings
        .languages
        .iter()
        .map(|lang| {
            let text = state.letters().reminder_text(c, *lang, "", &secret);
            let (encoding, segments) = crate::sms::segments(&text.body);
            let encoding = match encoding {
                crate::sms::Encoding::Gsm7 => "GSM-7",
                crate::sms::Encoding::Ucs2 => "UCS-2",
            };
            context! {
                code => lang.code(), name => lang.name(), chars => text.body.chars().count(), encoding, segments,
                body => text.body,
            }
        })
        .collect()
}

#[handler]
pub fn show_campaign(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let c = campaign_of(&state, &id)?;
    campaign_page(&state, &view.signed_in(&user), &c, &c.settings.input(), &[], None, None)
}

#[handler]
pub fn save_settings(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    Form(input): Form<Vec<(String, String)>>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let input = settings_input(input);
    let campaigns = state.campaigns();
    match campaigns.update_settings(&id, &input, &user.username) {
        Ok(c) => Ok(done(&format!("/admin/campaigns/{}", c.id), "saved")),
        Err(CampaignError::Settings(problems)) => {
            let c = campaigns.get(&id).map_err(campaign_error)?;
            let view = view.signed_in(&user);
            let errors = said(view.lang(), &problems);
            campaign_page(&state, &view, &c, &input, &errors, None, None)
        }
        Err(CampaignError::Questionnaire(problems)) => {
            let c = campaigns.get(&id).map_err(campaign_error)?;
            let message =
                format!("Every question needs its texts in each offered language: {}", problems.join("; "));
            campaign_page(&state, &view.signed_in(&user), &c, &input, &[("languages", message)], None, None)
        }
        Err(CampaignError::Texts(missing)) => {
            let c = campaigns.get(&id).map_err(campaign_error)?;
            let view = view.signed_in(&user);
            let message = missing_words(view.lang(), &missing);
            campaign_page(&state, &view, &c, &input, &[("texts", message)], None, None)
        }
        Err(e) => Err(campaign_error(e)),
    }
}

/// The settings' problems in the reader's language, by field.
fn said(lang: Lang, problems: &[crate::model::campaign::Problem]) -> Vec<(&'static str, String)> {
    problems
        .iter()
        .map(|p| {
            let text = t(lang, &format!("text-{}", p.field));
            let mut args: Vec<(&str, crate::i18n::Arg)> = vec![("text", text.into())];
            for (name, value) in &p.args {
                let arg = match value.parse::<f64>() {
                    Ok(n) => crate::i18n::Arg::Num(n),
                    Err(_) => value.into(),
                };
                args.push((name, arg));
            }
            (p.field, tr(lang, p.key, &args))
        })
        .collect()
}

/// "Title is missing in Svenska." for each text an offered language lacks.
fn missing_words(lang: Lang, missing: &[(&'static str, Lang)]) -> String {
    let line = |(field, missing_in): &(&str, Lang)| {
        let text = t(lang, &format!("text-{field}"));
        tr(lang, "camp-text-missing", &[("text", text.into()), ("language", missing_in.name().into())])
    };
    missing.iter().map(line).collect::<Vec<_>>().join(" ")
}

/// The settings form has a repeated `languages` field, which serde_urlencoded cannot put
/// into a struct directly.
fn settings_input(fields: Vec<(String, String)>) -> SettingsInput {
    let mut input = SettingsInput::default();
    for (k, v) in fields {
        match k.as_str() {
            "title" => input.title = v,
            "intro" => input.intro = v,
            "languages" => input.languages.push(v),
            "start" => input.start = v,
            "end" => input.end = v,
            "time_zone" => input.time_zone = v,
            "granularity" => input.granularity = v,
            "k" => input.k = v,
            "audience" => input.audience = v,
            "contact" => input.contact = v,
            "phone_region" => input.phone_region = v,
            "remind_days" => input.remind_days.push(v),
            "remind_at" => input.remind_at = v,
            "mail_subject" => input.mail_subject = v,
            "mail_intro" => input.mail_intro = v,
            "reviewer_approval" => input.reviewer_approval = v,
            "summary_auto" => input.summary_auto = v,
            "summary_day" => input.summary_day = v,
            "summary_at" => input.summary_at = v,
            "summary_mail" => input.summary_mail = v,
            "summary_moderators" => input.summary_moderators = v,
            "keep_contacts" => input.keep_contacts = v,
            "keep_stories" => input.keep_stories = v,
            "keep_quotes" => input.keep_quotes = v,
            "keep_responses" => input.keep_responses = v,
            "follow_up" => input.follow_up = v,
            "follow_up_notify" => input.follow_up_notify = v,
            "results" => input.results = v,
            "breakdown" => input.breakdown = v,
            other
                if crate::model::campaign::TEXT_FIELDS.iter().any(|(f, _)| {
                    other
                        .strip_prefix(f)
                        .and_then(|rest| rest.strip_prefix('_'))
                        .is_some_and(|code| Lang::parse(code).is_some())
                }) =>
            {
                input.texts.insert(k, v);
            }
            _ => {}
        }
    }
    input
}

#[handler]
pub fn change_status(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    Form(form): Form<StatusForm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let view = view.signed_in(&user);
    let campaigns = state.campaigns();
    let refused = |message: String| -> poem::Result<Response> {
        let c = campaigns.get(&id).map_err(campaign_error)?;
        campaign_page(&state, &view, &c, &c.settings.input(), &[("status", message)], None, None)
    };
    let lang = view.lang();
    let result = match form.status.as_str() {
        "open" => campaigns.set_status(&id, Status::Open, &user.username).map(|c| (c, "opened")),
        "closed" if form.confirm != "yes" => return refused(t(lang, "confirm-missing").into()),
        "closed" => campaigns.set_status(&id, Status::Closed, &user.username).map(|c| (c, "closed")),
        "reopen" => match form.end.trim().parse::<jiff::civil::Date>() {
            Ok(until) => campaigns
                .reopen(&id, until, state.config.retention.campaign_defaults(), &user.username)
                .map(|c| (c, "reopened")),
            Err(_) => return refused(t(lang, "camp-reopen-end").into()),
        },
        _ => return Err(poem::Error::from_status(StatusCode::BAD_REQUEST)),
    };
    match result {
        Ok((c, what)) => Ok(done(&format!("/admin/campaigns/{}", c.id), what)),
        Err(CampaignError::Refused(key)) => refused(t(lang, key).into()),
        Err(CampaignError::Texts(missing)) => {
            refused(format!("{} {}", t(lang, "camp-cannot-open"), missing_words(lang, &missing)))
        }
        Err(e) => Err(campaign_error(e)),
    }
}

#[handler]
pub fn export_questionnaire(
    state: Data<&Arc<AppState>>,
    user: StaffUser,
    Path(id): Path<String>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let campaigns = state.campaigns();
    let c = campaigns.get(&id).map_err(campaign_error)?;
    let q = campaigns.current_questionnaire(&c).map_err(campaign_error)?;
    Ok(Response::builder()
        .content_type("application/json")
        .header("content-disposition", format!("attachment; filename=\"questionnaire-{}.json\"", c.id))
        .body(q.to_json()))
}

#[handler]
pub fn import_questionnaire(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    Form(form): Form<ImportForm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let campaigns = state.campaigns();
    let c = campaigns.get(&id).map_err(campaign_error)?;
    let result = Questionnaire::from_json(&form.json, &c.settings.languages).and_then(|imported| {
        campaigns
            .edit_questionnaire(&id, &user.username, |q| {
                *q = imported;
                Ok(())
            })
            .map_err(CampaignError::into_problems)
    });
    match result {
        Ok(c) => Ok(done(&format!("/admin/campaigns/{}", c.id), "imported")),
        Err(problems) => campaign_page(
            &state,
            &view.signed_in(&user),
            &c,
            &c.settings.input(),
            &[],
            Some((&form.json, &problems)),
            None,
        ),
    }
}
