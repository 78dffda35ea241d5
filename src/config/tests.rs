//! Tests of loading and validating the configuration.

use super::*;

fn load_str(text: &str, env: &[(&str, &str)]) -> Result<Loaded, ConfigError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, text).unwrap();
    Config::load(Some(&path), env.iter().map(|(a, b)| (a.to_string(), b.to_string())))
}

#[test]
fn defaults_are_valid() {
    let loaded = Config::load(None, []).unwrap();
    assert_eq!(loaded.config.listen, "127.0.0.1:8443");
    assert_eq!(loaded.config.public_host(), "localhost");
}

#[test]
fn env_overrides_file_and_warns_on_unknown() {
    let loaded = load_str(
        "listen = \"127.0.0.1:9000\"\n[session]\nidle_timeout_minutes = 10\n",
        &[("TELLPOINT_SESSION__IDLE_TIMEOUT_MINUTES", "20"), ("TELLPOINT_LISEN", "x")],
    )
    .unwrap();
    assert_eq!(loaded.config.listen, "127.0.0.1:9000");
    assert_eq!(loaded.config.session.idle_timeout_minutes, 20);
    assert!(loaded.warnings.iter().any(|w| w.contains("TELLPOINT_LISEN")));
}

#[test]
fn unknown_keys_are_named() {
    let err = load_str("[tls]\ncerts = \"x\"\n", &[]).err().unwrap().to_string();
    assert!(err.contains("tls.certs") && err.contains("tls.cert"), "{err}");
}

#[test]
fn example_documents_every_key() {
    let example = include_str!("../../config.example.toml");
    for key in KEYS {
        let (section, name) = key.rsplit_once('.').unwrap_or(("", key));
        assert!(example.contains(&format!("{name} =")), "config.example.toml lacks {key}");
        if !section.is_empty() {
            assert!(example.contains(&format!("[{section}]")), "config.example.toml lacks [{section}]");
        }
        let env = format!("TELLPOINT_{}", key.to_ascii_uppercase().replace('.', "__"));
        assert!(example.contains(&env), "config.example.toml lacks {env}");
    }
}

#[test]
fn public_host_parses() {
    assert_eq!(public_host("https://Example.org:8443/x").as_deref(), Some("example.org"));
    assert_eq!(public_host("https://[::1]:8443").as_deref(), Some("::1"));
    assert_eq!(public_host("ftp://x"), None);
}

#[test]
fn smtp_is_checked_and_its_password_never_shown() {
    let err = load_str(
        "[smtp]\nhost = \"mail.example.org\"\nsecurity = \"none\"\nfrom = \"nobody\"\nusername = \"tp\"\n",
        &[],
    )
    .err()
    .unwrap()
    .to_string();
    assert!(err.contains("smtp.security = \"none\""), "{err}");
    assert!(err.contains("smtp.from = \"nobody\" is not an email address"), "{err}");
    assert!(err.contains("smtp.username and smtp.password must both be set"), "{err}");
    let loaded = load_str(
        "[smtp]\nhost = \"mail.example.org\"\nfrom = \"tp@example.org\"\nusername = \"tp\"\n",
        &[("TELLPOINT_SMTP__PASSWORD", "hunter2-very-secret")],
    )
    .unwrap();
    assert_eq!(loaded.config.smtp.password.expose(), "hunter2-very-secret");
    let shown = loaded.config.to_toml();
    assert!(shown.contains("password = \"(hidden)\"") && !shown.contains("hunter2"), "{shown}");
    assert!(!format!("{:?}", loaded.config).contains("hunter2"));
}

#[test]
fn replies_and_reports_to_this_machine_only_are_warned_of() {
    let sms = "[sms]\nenabled = true\nprovider = \"46elks\"\nusername = \"u\"\npassword = \"p\"\nfrom = \"+46766861004\"\nincoming_token = \"t\"\n";
    let local = load_str(sms, &[]).unwrap();
    assert!(local.warnings.iter().any(|w| w.contains("only a gateway running here")), "{:?}", local.warnings);
    let public = load_str(&format!("public_url = \"https://listen.example.org\"\n{sms}"), &[]).unwrap();
    assert!(!public.warnings.iter().any(|w| w.contains("only a gateway running here")));
}
