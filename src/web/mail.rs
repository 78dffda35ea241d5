//! Mail administration (owner): the SMTP settings as configured (read-only), the sender's
//! display name, a test mail with advice when it fails, delivery counts; and campaign
//! allow-lists, which are stored as keyed hashes only.

use std::sync::Arc;

use minijinja::context;
use poem::web::{Data, Form, Multipart, Path};
use poem::{Response, handler};
use serde::Deserialize;

use super::AppState;
use super::campaigns::{AllowFeedback, campaign_of, campaign_page};
use super::render::View;
use super::session::StaffUser;
use crate::model::address::normalise_address;
use crate::store::Role;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FromNameForm {
    from_name: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AddressForm {
    email: String,
}

fn mail_page(
    state: &AppState,
    view: &View,
    from_name: &str,
    to: &str,
    outcome: Option<Result<String, String>>,
    name_error: Option<&str>,
) -> poem::Result<Response> {
    let smtp = &state.config.smtp;
    let counts = state.store.mail_counts()?;
    let (test_ok, test_error) = match outcome {
        Some(Ok(m)) => (Some(m), None),
        Some(Err(m)) => (None, Some(m)),
        None => (None, None),
    };
    let ctx = context! {
        enabled => smtp.enabled(), host => smtp.host, port => smtp.port,
        security => format!("{:?}", smtp.security).to_lowercase(), username => smtp.username,
        password_set => smtp.password.is_set(), from => smtp.from, per_second => smtp.per_second,
        from_name, to, test_ok, test_error, name_error, counts, queued => state.store.outbox_len()?,
    };
    let invalid = test_error.is_some() || name_error.is_some();
    Ok(view.form("admin/mail.html", ctx, invalid))
}

#[handler]
pub fn show_mail(state: Data<&Arc<AppState>>, view: View, user: StaffUser) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let name = crate::mail::from_name(&state.store)?;
    mail_page(&state, &view.signed_in(&user), &name, "", None, None)
}

#[handler]
pub fn save_from_name(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Form(form): Form<FromNameForm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let name = form.from_name.trim();
    if name.is_empty() || name.chars().count() > 80 || name.contains(['\r', '\n', '<', '>', '"']) {
        let problem = "Give a name of 1 to 80 characters, without quotes or angle brackets.";
        return mail_page(&state, &view.signed_in(&user), &form.from_name, "", None, Some(problem));
    }
    state.store.set_mail_state("from_name", &name)?;
    state.store.append_audit(state.clock.now(), &user.username, "mail.from_name", name)?;
    Ok(super::render::done("/admin/mail", "sender-saved"))
}

#[handler]
pub async fn send_test_mail(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Form(form): Form<AddressForm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let name = crate::mail::from_name(&state.store)?;
    let view = view.signed_in(&user);
    let Ok(to) = normalise_address(&form.email) else {
        let problem = crate::i18n::t(view.lang(), "mail-test-address").to_string();
        return mail_page(&state, &view, &name, &form.email, Some(Err(problem)), None);
    };
    let mail = state.letters().test(&to, view.lang()).map_err(super::internal)?;
    let outcome = crate::mail::send_test(&state.config, &name, &mail).await;
    tracing::info!(ok = outcome.is_ok(), "test mail");
    let outcome = outcome.map(|_| crate::i18n::t(view.lang(), "mail-test-accepted").to_string());
    mail_page(&state, &view, &name, &form.email, Some(outcome), None)
}

/// Adds to or replaces a campaign's allow-list from pasted addresses and/or a CSV file.
#[handler]
pub async fn replace_allow_list(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    mut form: Multipart,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let c = campaign_of(&state, &id)?;
    let (mut pasted, mut file, mut replace) = (String::new(), Ok(String::new()), false);
    while let Some(field) = form.next_field().await? {
        match field.name() {
            Some("addresses") => pasted = field.text().await?,
            Some("mode") => replace = field.text().await? == "replace",
            Some("file") => file = String::from_utf8(field.bytes().await?),
            _ => {}
        }
    }
    let lang = view.lang();
    let entries = match file {
        Ok(file) => allow_list_entries(&state, &c, lang, &pasted, &file),
        Err(_) => Err(vec![crate::i18n::t(lang, "camp-allow-not-utf8").to_string()]),
    };
    let entries = match entries {
        Ok(e) => e,
        Err(problems) => {
            let feedback = Some(AllowFeedback::problems(pasted, problems));
            return campaign_page(
                &state,
                &view.signed_in(&user),
                &c,
                &c.settings.input(),
                &[],
                None,
                feedback,
            );
        }
    };
    state.store.set_allow_list(&c.id, &entries, replace)?;
    let what = if replace { "campaign.allow_list.replaced" } else { "campaign.allow_list.added" };
    let numbers = entries.iter().filter(|e| e.number).count();
    let detail = format!("{} {} addresses, {numbers} numbers", c.id, entries.len() - numbers);
    state.store.append_audit(state.clock.now(), &user.username, what, &detail)?;
    Ok(super::render::done(&format!("/admin/campaigns/{}#enrolment", c.id), "allow-list-saved"))
}

/// The entries of the pasted list and the file's, or every unreadable line with its place,
/// in the reader's language.
fn allow_list_entries(
    state: &AppState,
    c: &crate::model::campaign::Campaign,
    lang: crate::model::Lang,
    pasted: &str,
    file: &str,
) -> Result<Vec<crate::store::AllowEntry>, Vec<String>> {
    let people = state.participants();
    let numbers = super::campaigns::allow_numbers(c);
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (key, text) in [("camp-allow-line-pasted", pasted), ("camp-allow-line-file", file)] {
        match people.parse_allow_list(text, c.settings.phone_region(&state.config.sms.default_region)) {
            Ok(e) => entries.extend(e),
            Err(lines) => problems.extend(lines.into_iter().map(|l| {
                let text: String = l.text.chars().take(80).collect();
                crate::i18n::tr(
                    lang,
                    key,
                    &[("n", l.line.into()), ("text", text.into()), ("numbers", numbers.into())],
                )
            })),
        }
    }
    if problems.is_empty() { Ok(entries) } else { Err(problems) }
}

#[handler]
pub fn remove_allowed(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    Form(form): Form<AddressForm>,
) -> poem::Result<Response> {
    user.require(Role::Owner)?;
    let c = campaign_of(&state, &id)?;
    let view = view.signed_in(&user);
    let lang = view.lang();
    let typed = form.email.trim();
    // An address, or a number in any form the allow-list takes.
    let contact = normalise_address(typed).ok().or_else(|| {
        let region = c.settings.phone_region(&state.config.sms.default_region);
        crate::model::phone::normalise_number(typed, region).ok()
    });
    let numbers = super::campaigns::allow_numbers(&c);
    let feedback = match contact {
        None => AllowFeedback::problems(
            String::new(),
            vec![crate::i18n::tr(lang, "camp-allow-remove-what", &[("numbers", numbers.into())])],
        ),
        Some(contact) => {
            let people = state.participants();
            let kind = if crate::model::phone::is_number(&contact) { "number" } else { "address" };
            let said = |key: &str| crate::i18n::tr(lang, key, &[("kind", kind.into())]);
            if state.store.remove_from_allow_list(&c.id, people.address_hash(&contact))? {
                state.store.append_audit(
                    state.clock.now(),
                    &user.username,
                    "campaign.allow_list.removed",
                    &c.id,
                )?;
                AllowFeedback::notice(said("camp-allow-removed"))
            } else {
                AllowFeedback::problems(String::new(), vec![said("camp-allow-not-there")])
            }
        }
    };
    campaign_page(&state, &view, &c, &c.settings.input(), &[], None, Some(feedback))
}
