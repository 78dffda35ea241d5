//! The `[proxy]` section: a reverse proxy in front of tellpoint, the addresses it connects
//! from and the header it passes the client's address in. The address found is used only to
//! key the in-memory abuse limits — never logged, never stored (invariant 2).

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Proxy {
    /// Addresses or networks (`10.0.0.0/8`, `::1`) whose connections are a trusted proxy's.
    pub trusted: Vec<String>,
    pub header: ForwardedHeader,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ForwardedHeader {
    /// `X-Forwarded-For: client, proxy1, …`: the last address (the one the trusted proxy
    /// added; earlier ones are the client's say-so).
    #[default]
    XForwardedFor,
    /// RFC 7239 `Forwarded: for=client`: the last `for=`.
    Forwarded,
}

/// An address and prefix length.
fn parse_net(s: &str) -> Option<(IpAddr, u8)> {
    let (addr, len) = match s.trim().split_once('/') {
        Some((a, l)) => (a.parse::<IpAddr>().ok()?, l.parse::<u8>().ok()?),
        None => {
            let a = s.trim().parse::<IpAddr>().ok()?;
            (a, if a.is_ipv4() { 32 } else { 128 })
        }
    };
    let max = if addr.is_ipv4() { 32 } else { 128 };
    (len <= max).then_some((addr, len))
}

fn bits(ip: IpAddr) -> (u128, u8) {
    match ip {
        IpAddr::V4(v4) => (u32::from(v4) as u128, 32),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => (u32::from(v4) as u128, 32),
            None => (u128::from(v6), 128),
        },
    }
}

fn contains((net, len): (IpAddr, u8), ip: IpAddr) -> bool {
    let ((a, wa), (b, wb)) = (bits(net), bits(ip));
    if wa != wb {
        return false;
    }
    let shift = (wa - len) as u32;
    shift >= 128 || a.checked_shr(shift) == b.checked_shr(shift)
}

impl Proxy {
    pub(super) fn problems(&self, p: &mut Vec<String>) {
        for t in &self.trusted {
            if parse_net(t).is_none() {
                p.push(format!(
                    "proxy.trusted holds {t:?}, which is no address or network; give e.g. \"127.0.0.1\" or \"10.0.0.0/8\""
                ));
            }
        }
    }

    /// Whether a connection from `peer` is a trusted proxy's.
    pub fn trusts(&self, peer: IpAddr) -> bool {
        self.trusted.iter().filter_map(|t| parse_net(t)).any(|net| contains(net, peer))
    }

    /// The client's address: the one the trusted proxy passed in its header, or the peer's
    /// own for any other connection (or when the header is missing or malformed).
    pub fn client(&self, peer: IpAddr, header: Option<&str>) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let found = header.and_then(|h| match self.header {
            ForwardedHeader::XForwardedFor => h.rsplit(',').next().and_then(|a| a.trim().parse().ok()),
            ForwardedHeader::Forwarded => h
                .split([',', ';'])
                .filter_map(|part| {
                    part.trim().strip_prefix("for=").or_else(|| part.trim().strip_prefix("For="))
                })
                .next_back()
                .and_then(|a| {
                    let a = a.trim_matches('"');
                    let a = a.strip_prefix('[').map_or(a, |v6| v6.split(']').next().unwrap_or(v6));
                    a.parse().ok().or_else(|| a.rsplit_once(':').and_then(|(h, _)| h.parse().ok()))
                }),
        });
        found.unwrap_or(peer)
    }

    /// The header's name, lower case.
    pub fn header_name(&self) -> &'static str {
        match self.header {
            ForwardedHeader::XForwardedFor => "x-forwarded-for",
            ForwardedHeader::Forwarded => "forwarded",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_trusted_proxy_says_who_the_client_is() {
        let proxy = Proxy {
            trusted: vec!["127.0.0.1".into(), "10.0.0.0/8".into()],
            header: ForwardedHeader::XForwardedFor,
        };
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert_eq!(
            proxy.client(ip("127.0.0.1"), Some("1.2.3.4, 192.0.2.7")),
            ip("192.0.2.7"),
            "the last hop"
        );
        assert_eq!(proxy.client(ip("10.9.8.7"), Some("192.0.2.8")), ip("192.0.2.8"));
        assert_eq!(proxy.client(ip("192.0.2.1"), Some("1.2.3.4")), ip("192.0.2.1"), "not a trusted proxy");
        assert_eq!(proxy.client(ip("127.0.0.1"), Some("nonsense")), ip("127.0.0.1"));
        assert_eq!(proxy.client(ip("127.0.0.1"), None), ip("127.0.0.1"));
        let rfc = Proxy { header: ForwardedHeader::Forwarded, ..proxy };
        assert_eq!(
            rfc.client(ip("127.0.0.1"), Some("for=192.0.2.60;proto=https, for=\"[2001:db8::1]:443\"")),
            ip("2001:db8::1")
        );
        assert_eq!(rfc.client(ip("127.0.0.1"), Some("for=198.51.100.17")), ip("198.51.100.17"));
        let mut p = Vec::new();
        Proxy { trusted: vec!["10.0.0.0/33".into(), "nope".into()], ..Default::default() }.problems(&mut p);
        assert_eq!(p.len(), 2);
    }
}
