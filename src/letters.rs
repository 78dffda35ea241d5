//! The mails tellpoint writes to participants, in their language: one text and one HTML
//! part from `web/templates/email/message.{txt,html}`. Links are plain https links to
//! this tellpoint; no remote images, no tracking, no rewritten links.

use minijinja::context;

use crate::i18n::{t, tr};
use crate::mail::Text;
use crate::mail::{Mail, MailError, render};
use crate::model::Lang;
use crate::model::campaign::Campaign;
use crate::templates::Templates;

pub struct Letters<'a> {
    pub templates: &'a Templates,
    pub public_url: &'a str,
}

/// The parts of one mail before rendering.
struct Parts<'a> {
    lang: Lang,
    to: &'a str,
    subject: String,
    before: Vec<String>,
    link: (String, &'a str),
    after: Vec<String>,
    unsubscribe: Option<String>,
    /// The campaign's privacy notice, for mails about a campaign.
    notice: Option<String>,
}

/// Words of `key` naming the campaign's title.
fn with_title(lang: Lang, key: &str, c: &Campaign) -> String {
    tr(lang, key, &[("title", c.settings.text("title", lang).into())])
}

impl Letters<'_> {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.trim_end_matches('/'))
    }

    /// A text to `to`: the campaign's title and the words of `key` with its links.
    fn text(&self, c: &Campaign, lang: Lang, to: &str, key: &str, links: &[(&str, String)]) -> Text {
        let mut args: Vec<(&str, crate::i18n::Arg)> = vec![("title", c.settings.text("title", lang).into())];
        args.extend(links.iter().map(|(name, path)| (*name, self.url(path).into())));
        Text { to: to.to_string(), body: tr(lang, key, &args) }
    }

    /// Texts: the enrolment confirmation, the personal link again, and a reminder (with the
    /// way out: the unsubscribe link, or STOP where the gateway forwards replies).
    pub fn confirm_text(&self, c: &Campaign, lang: Lang, to: &str, token: &str) -> Text {
        self.text(c, lang, to, "sms-confirm", &[("link", format!("/e/{}/confirm/{token}", c.slug))])
    }

    pub fn already_text(&self, c: &Campaign, lang: Lang, to: &str, secret: &str) -> Text {
        self.text(c, lang, to, "sms-already", &[("link", format!("/t/{secret}"))])
    }

    pub fn reminder_text(&self, c: &Campaign, lang: Lang, to: &str, secret: &str) -> Text {
        self.text(
            c,
            lang,
            to,
            "sms-reminder",
            &[("link", format!("/t/{secret}")), ("stop", format!("/u/{secret}"))],
        )
    }

    fn notice(&self, c: &Campaign, lang: Lang) -> String {
        self.url(&format!("/privacy/{}?lang={}", c.slug, lang.code()))
    }

    fn compose(&self, p: Parts<'_>) -> Result<Mail, MailError> {
        let ctx = context! {
            lang => p.lang.code(), subject => p.subject, before => p.before, after => p.after,
            link => p.link.0, link_label => p.link.1, unsubscribe => p.unsubscribe,
            unsubscribe_label => t(p.lang, "mail_unsub"),
            privacy => self.url("/privacy"), privacy_label => t(p.lang, "your_data"),
            notice => p.notice, notice_label => t(p.lang, "notice_title"),
        };
        let (text, html) = render(self.templates, "message", ctx)?;
        Ok(Mail { to: p.to.to_string(), subject: p.subject, text, html, unsubscribe: p.unsubscribe })
    }

    pub fn confirm(&self, c: &Campaign, lang: Lang, to: &str, token: &str) -> Result<Mail, MailError> {
        self.compose(Parts {
            lang,
            to,
            subject: with_title(lang, "mail_confirm_subject", c),
            before: vec![with_title(lang, "mail_confirm_text", c)],
            link: (self.url(&format!("/e/{}/confirm/{token}", c.slug)), t(lang, "confirm_button")),
            after: vec![t(lang, "mail_not_you").into()],
            unsubscribe: None,
            notice: Some(self.notice(c, lang)),
        })
    }

    /// A participant asked to enrol again: their personal link.
    pub fn already(&self, c: &Campaign, lang: Lang, to: &str, secret: &str) -> Result<Mail, MailError> {
        self.compose(Parts {
            lang,
            to,
            subject: with_title(lang, "mail_already_subject", c),
            before: vec![with_title(lang, "mail_already_text", c)],
            link: (self.url(&format!("/t/{secret}")), t(lang, "open_form")),
            after: vec![],
            unsubscribe: Some(self.url(&format!("/u/{secret}"))),
            notice: Some(self.notice(c, lang)),
        })
    }

    pub fn reminder(&self, c: &Campaign, lang: Lang, to: &str, secret: &str) -> Result<Mail, MailError> {
        let s = &c.settings;
        let own_subject = s.text("mail_subject", lang);
        let subject =
            if own_subject.is_empty() { with_title(lang, "mail_reminder_subject", c) } else { own_subject };
        let own_intro = s.text("mail_intro", lang);
        let mut before: Vec<String> =
            own_intro.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect();
        before.push(t(lang, "mail_reminder_text").into());
        self.compose(Parts {
            lang,
            to,
            subject,
            before,
            link: (self.url(&format!("/t/{secret}")), t(lang, "open_form")),
            after: vec![],
            unsubscribe: Some(self.url(&format!("/u/{secret}"))),
            notice: Some(self.notice(c, lang)),
        })
    }

    /// A weekly summary is out (enrolled participants, when the campaign asks for it).
    pub fn summary(&self, c: &Campaign, lang: Lang, to: &str, secret: &str) -> Result<Mail, MailError> {
        self.compose(Parts {
            lang,
            to,
            subject: with_title(lang, "mail_summary_subject", c),
            before: vec![with_title(lang, "mail_summary_text", c)],
            link: (self.url(&format!("/s/{}?lang={}", c.slug, lang.code())), t(lang, "summary_open")),
            after: vec![],
            unsubscribe: Some(self.url(&format!("/u/{secret}"))),
            notice: Some(self.notice(c, lang)),
        })
    }

    pub fn access(&self, lang: Lang, to: &str, token: &str) -> Result<Mail, MailError> {
        self.compose(Parts {
            lang,
            to,
            subject: t(lang, "mail_access_subject").into(),
            before: vec![t(lang, "mail_access_text").into()],
            link: (self.url(&format!("/privacy/access/{token}")), t(lang, "rights_title")),
            after: vec![t(lang, "mail_not_you").into()],
            unsubscribe: None,
            notice: None,
        })
    }

    /// The rights link by text, for a participant enrolled with a number.
    pub fn access_text(&self, lang: Lang, to: &str, token: &str) -> Text {
        let link = self.url(&format!("/privacy/access/{token}"));
        Text { to: to.to_string(), body: tr(lang, "sms-access", &[("link", link.into())]) }
    }

    /// The text that confirms a new number for reminders.
    pub fn change_text(&self, lang: Lang, to: &str, token: &str) -> Text {
        let link = self.url(&format!("/privacy/change/{token}?lang={}", lang.code()));
        Text { to: to.to_string(), body: tr(lang, "sms-change", &[("link", link.into())]) }
    }

    pub fn change(&self, lang: Lang, to: &str, token: &str) -> Result<Mail, MailError> {
        self.compose(Parts {
            lang,
            to,
            subject: t(lang, "mail_change_subject").into(),
            before: vec![t(lang, "mail_change_text").into()],
            link: (
                self.url(&format!("/privacy/change/{token}?lang={}", lang.code())),
                t(lang, "confirm_button"),
            ),
            after: vec![t(lang, "mail_not_you").into()],
            unsubscribe: None,
            notice: None,
        })
    }

    /// Threads of a campaign wait for staff (English, as the staff pages): how many, never
    /// what they say.
    /// The daily note to the campaign's follow-up address, in the campaign's first language:
    /// how many threads wait, never what they say.
    pub fn thread_news(&self, c: &Campaign, to: &str, unread: usize) -> Result<Mail, MailError> {
        let lang = c.settings.languages.first().copied().unwrap_or(Lang::EN);
        let title = c.settings.text("title", lang);
        let args = [("n", unread.into()), ("title", title.clone().into())];
        self.compose(Parts {
            lang,
            to,
            subject: tr(lang, "mail-news-subject", &args),
            before: vec![tr(lang, "mail-news-text", &args)],
            link: (self.url(&format!("/admin/campaigns/{}/threads", c.id)), t(lang, "mail-news-link")),
            after: vec![t(lang, "mail-news-after").into()],
            unsubscribe: None,
            notice: None,
        })
    }

    /// The admin panel's test mail, in the language of the staff member who sent it.
    pub fn test(&self, to: &str, lang: Lang) -> Result<Mail, MailError> {
        self.compose(Parts {
            lang,
            to,
            subject: t(lang, "mail-test-subject").into(),
            before: vec![t(lang, "mail-test-text").into()],
            link: (self.url("/admin"), t(lang, "mail-test-link")),
            after: vec![],
            unsubscribe: None,
            notice: None,
        })
    }
}
