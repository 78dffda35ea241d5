//! Strict decoding of `application/x-www-form-urlencoded` bodies: percent escapes must be
//! well formed and decode to UTF-8. (serde_urlencoded replaces bad bytes silently; a
//! participant's answer must either arrive as sent or be refused.)

pub fn decode_strict(body: &[u8]) -> Result<Vec<(String, String)>, &'static str> {
    let text = std::str::from_utf8(body).map_err(|_| "The form was not sent as text.")?;
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(k)?, decode(v)?))
        })
        .collect()
}

fn decode(s: &str) -> Result<String, &'static str> {
    let mut out = Vec::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).ok_or("The form has a broken % escape.")?;
                let hex = std::str::from_utf8(hex).map_err(|_| "The form has a broken % escape.")?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| "The form has a broken % escape.")?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| "The form contains bytes that are not UTF-8 text.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_refuses() {
        assert_eq!(
            decode_strict(b"a=1+2&b=%C3%A5").unwrap(),
            [("a".into(), "1 2".into()), ("b".into(), "å".into())]
        );
        assert!(decode_strict(b"a=%ff").is_err());
        assert!(decode_strict(b"a=%4").is_err());
        assert!(decode_strict(b"a=%zz").is_err());
        assert!(decode_strict(&[b'a', b'=', 0xff]).is_err());
    }
}
