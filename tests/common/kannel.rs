//! A real Kannel on loopback for the text-message tests: Debian's bearerbox and smsbox, and
//! its `fakesmsc` test SMSC standing in for the phone network. What reaches a phone is what
//! fakesmsc logs ("Got message N: <from to text …>"); `reply` sends a text from a phone
//! back through Kannel. Without Kannel installed the tests skip, except under CI.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

pub const BEARERBOX: &str = "/usr/sbin/bearerbox";
pub const SMSBOX: &str = "/usr/sbin/smsbox";
pub const FAKESMSC: &str = "/usr/lib/kannel/test/fakesmsc";
pub const USER: &str = "tellpoint";
pub const PASSWORD: &str = "kannel-send-pw";

pub fn available() -> bool {
    let there = [BEARERBOX, SMSBOX, FAKESMSC].iter().all(|p| Path::new(p).exists());
    assert!(there || std::env::var_os("CI").is_none(), "CI installs kannel and kannel-extras");
    there
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "port {port} never opened");
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub struct Kannel {
    pub dir: tempfile::TempDir,
    pub sendsms: u16,
    fake_port: u16,
    bearerbox: Child,
    smsbox: Option<Child>,
    phones: Child,
    /// How many times the phones' link was replaced to send a text from a phone.
    replies: usize,
}

impl Kannel {
    /// Kannel with its MO texts (replies from phones) forwarded to `incoming` (a URL with
    /// Kannel's `%p` sender and `%a` text placeholders), or nowhere.
    pub fn start(incoming: Option<&str>) -> Kannel {
        let dir = tempfile::tempdir().unwrap();
        let (admin, smsbox_port, fake_port, sendsms) = (free_port(), free_port(), free_port(), free_port());
        let d = dir.path().display();
        let service = match incoming {
            Some(url) => format!(
                "group = sms-service\nkeyword = default\ncatch-all = true\nmax-messages = 0\nget-url = \"{url}\"\n"
            ),
            None => {
                "group = sms-service\nkeyword = default\ncatch-all = true\nmax-messages = 0\ntext = \"\"\n"
                    .into()
            }
        };
        let conf = format!(
            "group = core\nadmin-port = {admin}\nadmin-password = admin-pw\nsmsbox-port = {smsbox_port}\n\
             log-file = \"{d}/bearerbox.log\"\nlog-level = 0\nbox-allow-ip = \"127.0.0.1\"\n\n\
             group = smsc\nsmsc = fake\nsmsc-id = fake\nport = {fake_port}\nconnect-allow-ip = \"127.0.0.1\"\n\n\
             group = smsbox\nbearerbox-host = 127.0.0.1\nbearerbox-port = {smsbox_port}\nsendsms-port = {sendsms}\n\
             log-file = \"{d}/smsbox.log\"\nlog-level = 0\n\n\
             group = sendsms-user\nusername = {USER}\npassword = {PASSWORD}\nconcatenation = true\nmax-messages = 10\n\n\
             {service}"
        );
        std::fs::write(dir.path().join("kannel.conf"), conf).unwrap();
        let bearerbox = spawn(
            BEARERBOX,
            &[&dir.path().join("kannel.conf").display().to_string()],
            dir.path(),
            "bearerbox",
        );
        wait_for_port(smsbox_port);
        let phones = spawn(
            FAKESMSC,
            &["-H", "127.0.0.1", "-r", &fake_port.to_string(), "-i", "0.1", "-m", "0", "0 0 text nothing"],
            dir.path(),
            "phones",
        );
        let mut kannel = Kannel { dir, sendsms, fake_port, bearerbox, smsbox: None, phones, replies: 0 };
        kannel.start_smsbox();
        kannel
    }

    /// The sendsms URL tellpoint is configured with.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/cgi-bin/sendsms", self.sendsms)
    }

    pub fn start_smsbox(&mut self) {
        let conf = self.dir.path().join("kannel.conf").display().to_string();
        self.smsbox = Some(spawn(SMSBOX, &[&conf], self.dir.path(), "smsbox"));
        wait_for_port(self.sendsms);
    }

    /// Takes the gateway down: its sendsms port closes.
    pub fn stop_smsbox(&mut self) {
        if let Some(mut s) = self.smsbox.take() {
            s.kill().ok();
            s.wait().ok();
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", self.sendsms)).is_ok() {
            assert!(Instant::now() < deadline, "smsbox never stopped");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Every text that reached a phone: (from, to, text).
    pub fn delivered(&self) -> Vec<(String, String, String)> {
        let log: String = std::iter::once("phones.err".to_string())
            .chain((1..=self.replies).map(|n| format!("phones-{n}.err")))
            .map(|f| std::fs::read_to_string(self.dir.path().join(f)).unwrap_or_default())
            .collect();
        log.lines()
            .filter_map(|l| l.split_once("Got message ")?.1.split_once(": <"))
            .filter_map(|(_, rest)| {
                let rest = rest.strip_suffix('>')?;
                let mut parts = rest.splitn(4, ' ');
                let (from, to, _kind, text) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
                Some((from.to_string(), to.to_string(), text.to_string()))
            })
            .collect()
    }

    /// Waits until `n` texts reached `to`; returns them.
    pub fn wait_for(&self, to: &str, n: usize) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let got: Vec<String> =
                self.delivered().into_iter().filter(|(_, t, _)| t == to).map(|(_, _, text)| text).collect();
            if got.len() >= n {
                return got;
            }
            assert!(Instant::now() < deadline, "{n} texts to {to} never arrived: {:?}", self.delivered());
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A phone sends `text` from `from` to `to`: the fake SMSC holds Kannel's one link, so
    /// it is replaced by one that sends the text and then goes on receiving.
    pub fn reply(&mut self, from: &str, to: &str, text: &str) {
        self.phones.kill().ok();
        self.phones.wait().ok();
        self.replies += 1;
        let name = format!("phones-{}", self.replies);
        let message = format!("{from} {to} text {text}");
        let port = self.fake_port.to_string();
        self.phones = spawn(
            FAKESMSC,
            &["-H", "127.0.0.1", "-r", &port, "-i", "0.1", "-m", "1", &message],
            self.dir.path(),
            &name,
        );
    }
}

fn spawn(program: &str, args: &[&str], dir: &Path, name: &str) -> Child {
    let out = std::fs::File::create(dir.join(format!("{name}.out"))).unwrap();
    let err = std::fs::File::create(dir.join(format!("{name}.err"))).unwrap();
    Command::new(program).args(args).current_dir(dir).stdout(out).stderr(err).spawn().unwrap()
}

impl Drop for Kannel {
    fn drop(&mut self) {
        for child in
            [Some(&mut self.phones), self.smsbox.as_mut(), Some(&mut self.bearerbox)].into_iter().flatten()
        {
            child.kill().ok();
            child.wait().ok();
        }
    }
}
