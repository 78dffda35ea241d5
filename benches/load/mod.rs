//! The load loops the benchmarks share: keep-alive clients over TLS, each its own
//! connection, timing every request.

use std::time::{Duration, Instant};

pub struct Phase {
    pub requests: usize,
    pub errors: usize,
    pub secs: f64,
    pub latencies_ms: Vec<f64>,
}

impl Phase {
    pub fn per_sec(&self) -> f64 {
        self.requests as f64 / self.secs
    }

    pub fn percentile(&self, p: f64) -> f64 {
        let mut l = self.latencies_ms.clone();
        l.sort_by(f64::total_cmp);
        l.get(((l.len() as f64 - 1.0) * p) as usize).copied().unwrap_or(0.0)
    }
}

pub fn client(cert: &[u8]) -> reqwest::Client {
    reqwest::Client::builder()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(cert).unwrap())
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(1)
        .http1_only()
        .build()
        .unwrap()
}

/// Runs `connections` loops for `secs`, each with its own client (its own connection):
/// `GET /healthz`, or with `post = (slug, body)` the response form.
pub async fn load(
    base: &str,
    cert: &[u8],
    connections: usize,
    secs: u64,
    post: Option<(String, String)>,
) -> Phase {
    let deadline = Instant::now() + Duration::from_secs(secs);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let c = client(cert);
        let base = base.to_string();
        let post = post.clone();
        tasks.push(tokio::spawn(async move {
            let (mut ok, mut errors, mut lat) = (0usize, 0usize, Vec::new());
            // The form's token, from the page as a browser gets it (no cookie).
            let csrf = match &post {
                Some((slug, _)) => {
                    let page = c.get(format!("{base}/r/{slug}")).send().await.unwrap().text().await.unwrap();
                    let marker = "name=\"csrf\" value=\"";
                    let at = page.find(marker).expect("a form token") + marker.len();
                    page[at..].split('"').next().unwrap().to_string()
                }
                None => String::new(),
            };
            while Instant::now() < deadline {
                let t = Instant::now();
                let result = match &post {
                    None => c.get(format!("{base}/healthz")).send().await,
                    Some((slug, body)) => {
                        let nonce = tellpoint::accounts::new_token();
                        c.post(format!("{base}/r/{slug}"))
                            .header("content-type", "application/x-www-form-urlencoded")
                            .body(format!("csrf={csrf}&nonce={nonce}&{body}"))
                            .send()
                            .await
                    }
                };
                match result {
                    Ok(r) if r.status().as_u16() == 200 || r.status().as_u16() == 303 => {
                        let _ = r.bytes().await;
                        ok += 1;
                        lat.push(t.elapsed().as_secs_f64() * 1000.0);
                    }
                    _ => errors += 1,
                }
            }
            (ok, errors, lat)
        }));
    }
    let mut phase = Phase { requests: 0, errors: 0, secs: 0.0, latencies_ms: Vec::new() };
    for t in tasks {
        let (ok, errors, lat) = t.await.unwrap();
        phase.requests += ok;
        phase.errors += errors;
        phase.latencies_ms.extend(lat);
    }
    phase.secs = started.elapsed().as_secs_f64();
    phase
}
