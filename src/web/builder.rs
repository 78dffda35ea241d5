//! The questionnaire builder (owner), plain HTML forms: add, edit, move and delete
//! questions. A question form becomes the questionnaire's JSON form and passes the same
//! checks as an import, so both report problems the same way.

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::context;
use poem::web::{Data, Form, Path, Query};
use poem::{Response, handler};
use serde::Deserialize;
use serde_json::{Value, json};

use super::AppState;
use super::campaigns::campaign_error;
use super::render::View;
use super::session::StaffUser;
use crate::campaigns::CampaignError;
use crate::i18n::{t, tr};
use crate::model::Lang;
use crate::model::campaign::Campaign;
use crate::model::questionnaire::{KINDS, Kind, Question, Questionnaire, Text};
use crate::store::Role;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct KindQuery {
    kind: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MoveForm {
    /// "up" or "down" (the buttons), or empty when `to` says where.
    dir: String,
    /// The position (1 = first) to move the question to.
    to: String,
}

type Fields = BTreeMap<String, String>;

fn text_of(f: &Fields, prefix: &str, langs: &[Lang]) -> Value {
    let map: serde_json::Map<String, Value> = langs
        .iter()
        .filter_map(|l| {
            let v = f.get(&format!("{prefix}_{}", l.code()))?.trim();
            (!v.is_empty()).then(|| (l.code().to_string(), json!(v)))
        })
        .collect();
    Value::Object(map)
}

/// A number if it is one, else the text as typed (the check then names the field).
fn number(f: &Fields, key: &str) -> Option<Value> {
    let raw = f.get(key)?.trim();
    if raw.is_empty() {
        return None;
    }
    Some(raw.parse::<u64>().map_or_else(|_| json!(raw), |n| json!(n)))
}

/// The question form as the questionnaire JSON form of one question.
fn question_json(kind: &str, id: &str, f: &Fields, langs: &[Lang]) -> Value {
    let mut q = json!({ "id": id, "kind": kind, "prompt": text_of(f, "prompt", langs), "required": f.contains_key("required") });
    let help = text_of(f, "help", langs);
    if help.as_object().is_some_and(|m| !m.is_empty()) {
        q["help"] = help;
    }
    let mut set = |key: &str, v: Option<Value>| {
        if let Some(v) = v {
            q[key] = v;
        }
    };
    match kind {
        "scale" => {
            set("min", number(f, "min"));
            set("max", number(f, "max"));
            set("low", Some(text_of(f, "low", langs)));
            set("high", Some(text_of(f, "high", langs)));
            set("dont_know", Some(json!(f.contains_key("dont_know"))));
        }
        "single" | "multi" => {
            let lines: Vec<(Lang, Vec<String>)> = langs
                .iter()
                .map(|l| {
                    let text = f.get(&format!("options_{}", l.code())).cloned().unwrap_or_default();
                    (*l, text.lines().map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect())
                })
                .collect();
            let count = lines.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
            let options: Vec<Value> = (0..count)
                .map(|i| {
                    let label: serde_json::Map<String, Value> = lines
                        .iter()
                        .filter_map(|(l, v)| v.get(i).map(|s| (l.code().to_string(), json!(s))))
                        .collect();
                    json!({ "id": format!("o{}", i + 1), "label": label })
                })
                .collect();
            set("options", Some(json!(options)));
            if kind == "multi" {
                set("max_picks", number(f, "max_picks"));
            }
        }
        "slider" => {
            set("left", Some(text_of(f, "left", langs)));
            set("right", Some(text_of(f, "right", langs)));
        }
        "triad" => set("poles", Some(json!([1, 2, 3].map(|i| text_of(f, &format!("pole{i}"), langs))))),
        "story" => set("max_len", number(f, "max_len")),
        _ => {}
    }
    q
}

/// The form fields that show an existing question.
fn question_fields(q: &Question) -> Fields {
    let mut f = Fields::new();
    let mut put_text = |prefix: &str, t: &Text| {
        for (l, v) in t {
            f.insert(format!("{prefix}_{}", l.code()), v.clone());
        }
    };
    put_text("prompt", &q.prompt);
    put_text("help", &q.help);
    match &q.kind {
        Kind::Scale { low, high, .. } => {
            put_text("low", low);
            put_text("high", high);
        }
        Kind::Slider { left, right } => {
            put_text("left", left);
            put_text("right", right);
        }
        Kind::Triad { poles } => {
            for (i, p) in poles.iter().enumerate() {
                put_text(&format!("pole{}", i + 1), p);
            }
        }
        Kind::Single { options } | Kind::Multi { options, .. } => {
            for l in Lang::all() {
                let lines: Vec<&str> =
                    options.iter().filter_map(|o| o.label.get(&l).map(String::as_str)).collect();
                f.insert(format!("options_{}", l.code()), lines.join("\n"));
            }
        }
        _ => {}
    }
    let mut put = |k: &str, v: String| {
        f.insert(k.to_string(), v);
    };
    match &q.kind {
        Kind::Scale { min, max, dont_know, .. } => {
            put("min", min.to_string());
            put("max", max.to_string());
            if *dont_know {
                put("dont_know", "on".into());
            }
        }
        Kind::Multi { max_picks: Some(m), .. } => put("max_picks", m.to_string()),
        Kind::Story { max_len } => put("max_len", max_len.to_string()),
        _ => {}
    }
    if q.required {
        put("required", "on".into());
    }
    f
}

fn defaults(kind: &str) -> Fields {
    let mut f = Fields::new();
    match kind {
        "scale" => {
            f.insert("min".into(), "1".into());
            f.insert("max".into(), "5".into());
        }
        "story" => {
            f.insert("max_len".into(), "5000".into());
        }
        _ => {}
    }
    f
}

/// The question form; with `problems`, or `changes` an edit waits to have confirmed, 422.
fn question_page(
    view: &View,
    c: &Campaign,
    kind: &str,
    qid: Option<&str>,
    f: &Fields,
    problems: &[String],
    changes: &[String],
) -> Response {
    let lang = view.lang();
    let langs: Vec<_> =
        c.settings.languages.iter().map(|l| context! { code => l.code(), name => l.name() }).collect();
    // Each problem in words, linked to its field, and said again next to the field.
    let said: Vec<(String, String)> = problems.iter().map(|p| field_problem(p, lang)).collect();
    let field_errors: std::collections::BTreeMap<&str, &str> =
        said.iter().map(|(field, text)| (field.as_str(), text.as_str())).collect();
    let problems: Vec<_> = said.iter().map(|(field, text)| context! { field, text }).collect();
    let ctx = context! { c, kind, qid, f, problems, changes, langs, field_errors };
    view.form("admin/question.html", ctx, !problems.is_empty() || !changes.is_empty())
}

/// A questionnaire problem ("prompt.sv: missing: …", "options[2].label.en: at most 200
/// characters") as the form's field id and a sentence naming the field and language.
fn field_problem(problem: &str, lang: Lang) -> (String, String) {
    let (path, message) = problem.split_once(": ").unwrap_or(("", problem));
    let mut parts = path.split('.');
    let name = parts.next().unwrap_or("");
    // "options[2]" and "poles[1]" are lines of one field; "poles[1]" is the field "pole2".
    let (field, line) = match name.split_once('[') {
        Some(("poles", n)) => {
            (format!("pole{}", n.trim_end_matches(']').parse::<usize>().unwrap_or(0) + 1), None)
        }
        Some((field, n)) => (field.to_string(), n.trim_end_matches(']').parse::<usize>().ok().map(|n| n + 1)),
        None => (name.to_string(), None),
    };
    let code = parts.rfind(|p| *p != "label").filter(|p| Lang::parse(p).is_some());
    let label_key = format!("q-{}", field.replace('_', "-"));
    let label = if crate::i18n::has(&label_key) { t(lang, &label_key).to_string() } else { field.clone() };
    let language = code.and_then(Lang::parse).map(|l| format!(" ({})", l.name())).unwrap_or_default();
    let line = line.map(|n| tr(lang, "q-err-line", &[("n", n.into())])).unwrap_or_default();
    let what = if message.starts_with("missing") {
        t(lang, "q-err-missing").to_string()
    } else if let Some(n) =
        message.strip_prefix("at most ").and_then(|m| m.split(' ').next()?.parse::<f64>().ok())
    {
        tr(lang, "q-err-too-long", &[("n", n.into())])
    } else if let Some(range) = message.strip_prefix("must be a whole number from ") {
        let (a, b) = range.split_once(" to ").unwrap_or((range, ""));
        tr(lang, "q-err-range", &[("min", a.to_string().into()), ("max", b.to_string().into())])
    } else {
        message.to_string()
    };
    let id = match code {
        Some(code) => format!("f-{field}-{code}"),
        None => format!("f-{}", field.replace('_', "-")),
    };
    (id, format!("{label}{language}{line}: {what}"))
}

fn owner_campaign(state: &AppState, user: &StaffUser, id: &str) -> poem::Result<Campaign> {
    user.require(Role::Owner)?;
    state.campaigns().get(id).map_err(campaign_error)
}

#[handler]
pub fn show_new_question(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    Query(q): Query<KindQuery>,
) -> poem::Result<Response> {
    let c = owner_campaign(&state, &user, &id)?;
    if !KINDS.contains(&q.kind.as_str()) {
        return Err(poem::Error::from_status(poem::http::StatusCode::NOT_FOUND));
    }
    Ok(question_page(&view.signed_in(&user), &c, &q.kind, None, &defaults(&q.kind), &[], &[]))
}

#[handler]
pub fn show_question(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path((id, qid)): Path<(String, String)>,
) -> poem::Result<Response> {
    let c = owner_campaign(&state, &user, &id)?;
    let questionnaire = state.campaigns().current_questionnaire(&c).map_err(campaign_error)?;
    let question = questionnaire
        .question(&qid)
        .ok_or_else(|| poem::Error::from_status(poem::http::StatusCode::NOT_FOUND))?;
    Ok(question_page(
        &view.signed_in(&user),
        &c,
        question.kind.name(),
        Some(&qid),
        &question_fields(question),
        &[],
        &[],
    ))
}

/// Adds (qid = None) or replaces a question from the posted form.
fn save(
    state: &AppState,
    view: View,
    user: &StaffUser,
    id: &str,
    qid: Option<String>,
    fields: Vec<(String, String)>,
) -> poem::Result<Response> {
    let c = owner_campaign(state, user, id)?;
    let f: Fields = fields.into_iter().collect();
    let kind = f.get("kind").cloned().unwrap_or_default();
    if !KINDS.contains(&kind.as_str()) {
        return Err(poem::Error::from_status(poem::http::StatusCode::BAD_REQUEST));
    }
    let current = state.campaigns().current_questionnaire(&c).map_err(campaign_error)?;
    let new_id = qid.clone().unwrap_or_else(|| current.next_id());
    let doc = json!({ "questions": [question_json(&kind, &new_id, &f, &c.settings.languages)] });
    let checked = Questionnaire::from_json(&doc.to_string(), &c.settings.languages).map_err(|problems| {
        problems.into_iter().map(|p| p.trim_start_matches("questions[0].").to_string()).collect::<Vec<_>>()
    });
    let mut question = match checked {
        Ok(one) => one.questions.into_iter().next().expect("one question"),
        Err(problems) => {
            return Ok(question_page(&view.signed_in(user), &c, &kind, qid.as_deref(), &f, &problems, &[]));
        }
    };
    let old = qid.as_ref().and_then(|id| current.question(id));
    keep_option_ids(old, &mut question);
    // The version the edit lands in: a new one when the current has responses.
    let next = c.version + u32::from(state.store.version_has_responses(&c.id, c.version)?);
    question.since = old.map_or(next, |o| o.since);
    if let Some(old) = old {
        let answered = crate::figures::answered_values(&state.store, &c, &old.id, old.since)?;
        let changes = meaning_changes(old, &question, &answered);
        if !changes.is_empty() {
            if f.get("confirm_break").map(String::as_str) != Some("yes") {
                return Ok(question_page(
                    &view.signed_in(user),
                    &c,
                    &kind,
                    qid.as_deref(),
                    &f,
                    &[],
                    &changes,
                ));
            }
            question.since = next;
        }
    }
    let result = state
        .campaigns()
        .edit_questionnaire(id, &user.username, |q| {
            match q.questions.iter_mut().find(|x| Some(&x.id) == qid.as_ref()) {
                Some(slot) => *slot = question,
                None => q.questions.push(question),
            }
            Ok(())
        })
        .map_err(CampaignError::into_problems);
    match result {
        Ok(c) => Ok(super::render::done(&format!("/admin/campaigns/{}#questions", c.id), "question-saved")),
        Err(problems) => {
            Ok(question_page(&view.signed_in(user), &c, &kind, qid.as_deref(), &f, &problems, &[]))
        }
    }
}

/// Options keep their ids across an edit: an option whose label (in any language) is
/// unchanged keeps its id wherever it moves; a changed line keeps the id of the option that
/// stood at its place (a rewording); new lines get fresh ids. So results stay with options.
fn keep_option_ids(old: Option<&Question>, new: &mut Question) {
    let (
        Some(Kind::Single { options: before } | Kind::Multi { options: before, .. }),
        Kind::Single { options } | Kind::Multi { options, .. },
    ) = (old.map(|o| &o.kind), &mut new.kind)
    else {
        return;
    };
    let mut taken: Vec<Option<String>> = vec![None; options.len()];
    for (i, o) in options.iter().enumerate() {
        if let Some(b) = before.iter().find(|b| b.label.iter().any(|(l, text)| o.label.get(l) == Some(text)))
            && !taken.contains(&Some(b.id.clone()))
        {
            taken[i] = Some(b.id.clone());
        }
    }
    let matched: Vec<String> = taken.iter().flatten().cloned().collect();
    for (i, slot) in taken.iter_mut().enumerate() {
        if slot.is_none()
            && let Some(b) = before.get(i).filter(|b| !matched.contains(&b.id))
        {
            *slot = Some(b.id.clone());
        }
    }
    // A place's old id may already be used by a moved option: those lines get fresh ids.
    let mut used: Vec<String> = Vec::new();
    let mut fresh =
        before.iter().filter_map(|b| b.id.strip_prefix('o')?.parse::<u32>().ok()).max().unwrap_or(0);
    for (o, slot) in options.iter_mut().zip(taken) {
        o.id = match slot {
            Some(id) if !used.contains(&id) => id,
            _ => {
                fresh += 1;
                format!("o{fresh}")
            }
        };
        used.push(o.id.clone());
    }
}

/// What an edit does to the results of a question that has answers, in plain words; empty
/// when it keeps the question's meaning.
fn meaning_changes(
    old: &Question,
    new: &Question,
    answered: &std::collections::BTreeSet<String>,
) -> Vec<String> {
    if answered.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    match (&old.kind, &new.kind) {
        (a, b) if a.name() != b.name() => out.push(format!(
            "It changes from a {} question to a {} question: its answers so far cannot be counted with the new ones.",
            kind_label(a.name()),
            kind_label(b.name())
        )),
        (Kind::Scale { min: a, max: b, .. }, Kind::Scale { min: c, max: d, .. }) if (a, b) != (c, d) => out.push(format!(
            "The scale changes from {a}–{b} to {c}–{d}: answers on the old scale cannot be counted with answers on the new one."
        )),
        (Kind::Single { options: before } | Kind::Multi { options: before, .. }, Kind::Single { options } | Kind::Multi { options, .. }) => {
            for b in before.iter().filter(|b| answered.contains(&b.id) && !options.iter().any(|o| o.id == b.id)) {
                let label = b.label.values().next().cloned().unwrap_or_default();
                out.push(format!("The option “{label}” is removed, and some responses chose it."));
            }
        }
        _ => {}
    }
    out
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "scale" => "scale",
        "single" => "single-choice",
        "multi" => "multiple-choice",
        "mood" => "mood",
        "slider" => "slider",
        "triad" => "triad",
        "yesno" => "yes/no",
        _ => "story",
    }
}

#[handler]
pub fn add_question(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> poem::Result<Response> {
    save(&state, view, &user, &id, None, fields)
}

#[handler]
pub fn save_question(
    state: Data<&Arc<AppState>>,
    view: View,
    user: StaffUser,
    Path((id, qid)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> poem::Result<Response> {
    save(&state, view, &user, &id, Some(qid), fields)
}

#[handler]
pub fn move_question(
    state: Data<&Arc<AppState>>,
    user: StaffUser,
    Path((id, qid)): Path<(String, String)>,
    Form(form): Form<MoveForm>,
) -> poem::Result<Response> {
    owner_campaign(&state, &user, &id)?;
    let to = form.to.trim().parse::<usize>().ok();
    state
        .campaigns()
        .edit_questionnaire(&id, &user.username, |q| {
            if let Some(i) = q.questions.iter().position(|x| x.id == qid) {
                let last = q.questions.len() - 1;
                let j = match (to, form.dir.as_str()) {
                    (Some(to), _) => Some(to.clamp(1, last + 1) - 1),
                    (None, "up") => i.checked_sub(1),
                    (None, _) => Some(i + 1).filter(|j| *j <= last),
                };
                if let Some(j) = j {
                    let question = q.questions.remove(i);
                    q.questions.insert(j, question);
                }
            }
            Ok(())
        })
        .map_err(campaign_error)?;
    Ok(super::render::done(&format!("/admin/campaigns/{id}#questions"), "question-moved"))
}

#[handler]
pub fn delete_question(
    state: Data<&Arc<AppState>>,
    user: StaffUser,
    Path((id, qid)): Path<(String, String)>,
    Form(confirm): Form<super::Confirm>,
) -> poem::Result<Response> {
    owner_campaign(&state, &user, &id)?;
    confirm.check()?;
    state
        .campaigns()
        .edit_questionnaire(&id, &user.username, |q| {
            q.questions.retain(|x| x.id != qid);
            Ok(())
        })
        .map_err(campaign_error)?;
    Ok(super::render::done(&format!("/admin/campaigns/{id}#questions"), "question-deleted"))
}
