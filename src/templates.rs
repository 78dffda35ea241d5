//! The embedded minijinja environment that pages and mails are rendered with, and the
//! embedded static files whose versions the templates link to. Templates are autoescaped
//! by their `.html` name; `.txt` ones (mail text parts) are not.

use std::collections::HashMap;

use minijinja::{Environment, Value};
use rust_embed::{EmbeddedFile, RustEmbed};

#[derive(RustEmbed)]
#[folder = "web/templates/"]
struct TemplateFiles;

#[derive(RustEmbed)]
#[folder = "web/static/"]
struct StaticFiles;

pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    pub fn load() -> Templates {
        let mut env = Environment::new();
        for name in TemplateFiles::iter() {
            assert!(
                name.ends_with(".html") || name.ends_with(".txt"),
                "template {name} must end in .html or .txt so autoescaping is right"
            );
            let file = TemplateFiles::get(&name).expect("listed file exists");
            let source = String::from_utf8(file.data.into_owned()).expect("templates are UTF-8");
            env.add_template_owned(name.to_string(), source).expect("embedded templates parse");
        }
        let versions: HashMap<String, String> = asset_versions();
        env.add_function("asset", move |name: &str| -> String {
            match versions.get(name) {
                Some(v) => format!("/static/{name}?v={v}"),
                None => format!("/static/{name}"),
            }
        });
        // The words of `key` in the page's language (`lang`), variables as keyword
        // arguments: {{ t("home-hello", name=me.username) }}.
        env.add_function("t", |state: &minijinja::State, key: &str, kwargs: minijinja::value::Kwargs| {
            let lang = state
                .lookup("lang")
                .and_then(|l| l.as_str().and_then(crate::model::Lang::parse))
                .unwrap_or(crate::model::Lang::EN);
            let names: Vec<String> = kwargs.args().map(String::from).collect();
            let mut args = Vec::new();
            for name in &names {
                let value: Value = kwargs.get(name)?;
                let arg = match value.as_i64() {
                    Some(n) => crate::i18n::Arg::Num(n as f64),
                    None => crate::i18n::Arg::Text(value.to_string()),
                };
                args.push((name.as_str(), arg));
            }
            Ok::<String, minijinja::Error>(crate::i18n::tr(lang, key, &args))
        });
        Templates { env }
    }

    pub fn render(&self, name: &str, ctx: Value) -> Result<String, minijinja::Error> {
        self.env.get_template(name)?.render(ctx)
    }
}

/// A static file (`web/static/…`) by its name.
pub fn static_file(name: &str) -> Option<EmbeddedFile> {
    StaticFiles::get(name)
}

/// The version a static file's URL carries, from its content.
pub fn etag_of(hash: &[u8; 32]) -> String {
    data_encoding::HEXLOWER.encode(&hash[..8])
}

/// Asset name → version string for cache-busting URLs.
fn asset_versions() -> HashMap<String, String> {
    StaticFiles::iter()
        .filter_map(|name| {
            StaticFiles::get(&name).map(|f| (name.to_string(), etag_of(&f.metadata.sha256_hash())))
        })
        .collect()
}
