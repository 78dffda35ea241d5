//! Pebble, Let's Encrypt's test CA (Debian's `pebble`), on loopback: its ACME directory is
//! served with a certificate from a small CA made here, and it validates TLS-ALPN-01 against
//! the port the test gives. Every start makes a new issuing root, as a restarted CA would.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Pebble {
    child: Option<Child>,
    dir: PathBuf,
    port: u16,
    management: u16,
    /// The ACME directory URL.
    pub directory: String,
    /// The root of the directory's own HTTPS certificate (for `tls.acme_ca_roots`).
    pub https_root: PathBuf,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Pebble {
    /// Pebble in `dir`, checking TLS-ALPN-01 challenges on `tls_port`.
    pub fn start(dir: &Path, tls_port: u16) -> Pebble {
        std::fs::create_dir_all(dir).unwrap();
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca_params.distinguished_name.push(rcgen::DnType::CommonName, "tellpoint test: pebble's HTTPS");
        let ca = ca_params.self_signed(&ca_key).unwrap();
        let issuer = rcgen::Issuer::new(ca_params, ca_key);
        let key = rcgen::KeyPair::generate().unwrap();
        let leaf = rcgen::CertificateParams::new(vec!["localhost".into(), "127.0.0.1".into()])
            .unwrap()
            .signed_by(&key, &issuer)
            .unwrap();
        let https_root = dir.join("https-root.pem");
        std::fs::write(&https_root, ca.pem()).unwrap();
        std::fs::write(dir.join("cert.pem"), leaf.pem()).unwrap();
        std::fs::write(dir.join("key.pem"), key.serialize_pem()).unwrap();
        let (port, management) = (free_port(), free_port());
        let config = serde_json::json!({ "pebble": {
            "listenAddress": format!("127.0.0.1:{port}"),
            "managementListenAddress": format!("127.0.0.1:{management}"),
            "certificate": dir.join("cert.pem"),
            "privateKey": dir.join("key.pem"),
            "httpPort": free_port(),
            "tlsPort": tls_port,
            "ocspResponderURL": "",
            "externalAccountBindingRequired": false,
        }});
        std::fs::write(dir.join("pebble.json"), config.to_string()).unwrap();
        let mut pebble = Pebble {
            child: None,
            dir: dir.to_owned(),
            port,
            management,
            directory: format!("https://127.0.0.1:{port}/dir"),
            https_root,
        };
        pebble.run();
        pebble
    }

    fn run(&mut self) {
        let log = std::fs::File::create(self.dir.join("pebble.log")).unwrap();
        let child = Command::new("pebble")
            .arg("-config")
            .arg(self.dir.join("pebble.json"))
            // No random sleep before validating, no nonces refused at random, and every
            // order validated anew (so a renewal answers a challenge too).
            .env("PEBBLE_VA_NOSLEEP", "1")
            .env("PEBBLE_WFE_NONCEREJECT", "0")
            .env("PEBBLE_AUTHZREUSE", "0")
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .stdin(Stdio::null())
            .spawn()
            .expect("pebble runs (apt-get install pebble)");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        for port in [self.port, self.management] {
            while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
                assert!(Instant::now() < deadline, "pebble did not start: {}", self.log());
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("pebble.log")).unwrap_or_default()
    }

    /// Stops the CA: orders fail until `restart`.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it again on the same ports: it has forgotten every account and has a new root.
    pub fn restart(&mut self) {
        self.stop();
        self.run();
    }

    /// The root that signs the certificates Pebble issues now, as PEM, written to `path`.
    pub async fn issuing_root(&self, path: &Path) -> PathBuf {
        let pem = std::fs::read(&self.https_root).unwrap();
        let client = reqwest::Client::builder()
            .tls_built_in_root_certs(false)
            .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
            .build()
            .unwrap();
        let url = format!("https://127.0.0.1:{}/roots/0", self.management);
        let root = client.get(url).send().await.unwrap().text().await.unwrap();
        assert!(root.contains("BEGIN CERTIFICATE"), "pebble's root: {root}");
        std::fs::write(path, root).unwrap();
        path.to_owned()
    }
}

impl Drop for Pebble {
    fn drop(&mut self) {
        self.stop();
    }
}
