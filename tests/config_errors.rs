//! Bad configurations: each one exits non-zero with a message naming the key and the fix.

mod common;

use std::process::Command;

fn check(file: &str, env: &[(&str, &str)]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tellpoint.toml");
    std::fs::write(&path, file).unwrap();
    let mut cmd = Command::new(common::BIN);
    cmd.args(["check-config", "--config"]).arg(&path).current_dir(dir.path());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

/// A config file, extra environment, and what the error must say.
type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);

#[test]
fn bad_configs_name_the_key_and_the_fix() {
    let cases: &[Case] = &[
        ("[tls]\ncerts = \"/x.pem\"\n", &[], &["tls.certs", "unknown key", "tls.cert"]),
        ("listen = \"localhost\"\n", &[], &["listen", "address:port", "127.0.0.1:8443"]),
        ("[tls]\nmode = \"files\"\n", &[], &["tls.mode = \"files\" needs tls.cert and tls.key"]),
        (
            "[tls]\nmode = \"files\"\ncert = \"/etc/c.pem\"\n",
            &[],
            &["tls.cert and tls.key must both be set, or neither"],
        ),
        (
            "listen = \"0.0.0.0:8080\"\npublic_url = \"http://x.org\"\n[tls]\nmode = \"off\"\n",
            &[],
            &["tls.mode = \"off\" is only allowed on a loopback address", "listen"],
        ),
        ("[log]\nlevel = \"loud\"\n", &[], &["log.level", "error, warn, info, debug or trace"]),
        ("[session]\nidle_timeout_minutes = 0\n", &[], &["session.idle_timeout_minutes", "at least 1"]),
        ("public_url = \"tellpoint.example.org\"\n", &[], &["public_url", "https://"]),
        ("listen = [1,2\n", &[], &["not valid TOML"]),
        ("", &[("TELLPOINT_SESSION__IDLE_TIMEOUT_MINUTES", "soon")], &["idle_timeout_minutes"]),
        (
            "[tls]\nmode = \"files\"\ncert = \"/nonexistent/c.pem\"\nkey = \"/nonexistent/k.pem\"\n",
            &[],
            &["tls.cert", "No such file", "readable PEM file"],
        ),
        (
            "public_url = \"https://192.0.2.7\"\n[tls]\nmode = \"acme\"\n",
            &[],
            &["tls.mode = \"acme\" needs a domain name in public_url", "\"192.0.2.7\""],
        ),
        (
            "public_url = \"https://listen.example.org\"\n[tls]\nmode = \"acme\"\nacme_directory = \"http://ca.example.org/dir\"\nacme_ca_roots = \"/nonexistent/root.pem\"\n",
            &[],
            &["tls.acme_directory", "not an https:// URL", "tls.acme_ca_roots", "No such file"],
        ),
    ];
    for (file, env, needles) in cases {
        let (code, text) = check(file, env);
        assert_eq!(code, 2, "config {file:?} must fail with exit 2: {text}");
        for needle in *needles {
            assert!(text.contains(needle), "config {file:?}: expected {needle:?} in {text}");
        }
    }
}

#[test]
fn good_config_prints_the_effective_values_and_warns_on_unknown_env() {
    let (code, text) = check(
        "listen = \"127.0.0.1:9443\"\n",
        &[("TELLPOINT_LOG__LEVEL", "debug"), ("TELLPOINT_LOGLEVEL", "x")],
    );
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("listen = \"127.0.0.1:9443\""));
    assert!(text.contains("level = \"debug\""));
    assert!(text.contains("ignoring environment variable TELLPOINT_LOGLEVEL"));
}

#[test]
fn every_command_has_help_and_version() {
    let v = Command::new(common::BIN).arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&v.stdout).starts_with("tellpoint "));
    for args in
        [&["--help"][..], &["serve", "--help"], &["admin", "--help"], &["admin", "reset-mfa", "--help"]]
    {
        let out = Command::new(common::BIN).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"), "{args:?}");
    }
}
