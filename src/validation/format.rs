//! Checkers for the string `format`s the server enforces, hand-written like the pattern matchers
//! (no regex engine in the wasm).

/// Whether `s` is an email address as the server's `format: email` reads it: `local@domain`, a
/// local part of at most 64 bytes made of RFC 5322 "atext" characters in dot-separated runs, and
/// a domain of at least two dot-separated labels (letters, digits, inner hyphens; at most 63
/// bytes each), whose last label is not all digits. Characters beyond ASCII are allowed in both
/// parts (internationalised addresses). Lenient on purpose: it refuses what no mail system reads
/// as an address (no `@`, spaces, empty or doubled dots, a bare host name), never an odd but
/// deliverable one.
pub fn is_email(s: &str) -> bool {
    let bytes = s.as_bytes();
    let Some(at) = bytes.iter().rposition(|&b| b == b'@') else {
        return false;
    };
    let local = bytes.get(..at).unwrap_or_default();
    let domain = bytes.get(at + 1..).unwrap_or_default();
    bytes.len() <= 254 && is_local_part(local) && is_domain(domain)
}

/// The part before the `@`: dot-separated runs of atext (or non-ASCII) bytes.
fn is_local_part(local: &[u8]) -> bool {
    let mut after_dot = true;
    for &b in local {
        if b == b'.' && !after_dot {
            after_dot = true;
        } else if is_atext(b) {
            after_dot = false;
        } else {
            return false;
        }
    }
    local.len() <= 64 && !after_dot
}

/// RFC 5322 `atext`, plus any byte of a non-ASCII character.
fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || b >= 0x80
        || matches!(
            b,
            b'!' | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'\''
                | b'*'
                | b'+'
                | b'/'
                | b'='
                | b'?'
                | b'^'
                | b'_'
                | b'`'
                | b'{'
                | b'|'
                | b'}'
                | b'~'
                | b'-'
        )
}

/// A host name of two labels or more (letters, digits, non-ASCII, inner hyphens; at most 63
/// bytes each); the top-level label is not all digits.
fn is_domain(domain: &[u8]) -> bool {
    let mut dots = 0usize;
    let mut len = 0usize;
    let mut last = b'.';
    let mut numeric = true;
    for &b in domain {
        if b == b'.' {
            if len == 0 || last == b'-' {
                return false;
            }
            dots += 1;
            len = 0;
            numeric = true;
        } else if b.is_ascii_alphanumeric() || b >= 0x80 || (b == b'-' && len > 0) {
            len += 1;
            numeric &= b.is_ascii_digit();
        } else {
            return false;
        }
        if len > 63 {
            return false;
        }
        last = b;
    }
    dots >= 1 && len > 0 && last != b'-' && !numeric
}

#[cfg(test)]
mod tests {
    use super::is_email;

    #[test]
    fn addresses_pass() {
        for ok in [
            "a@b.co",
            "jane.doe@example.com",
            "eng+alerts@sub.example.org",
            "o'brien@example.ie",
            "x_y-z@ex-ample.io",
            "équipe@exemple.fr",
            "a@xn--bcher-kva.example",
        ] {
            assert!(is_email(ok), "{ok}");
        }
    }

    #[test]
    fn non_addresses_fail() {
        let long_local = format!("{}@example.com", "a".repeat(65));
        let long_label = format!("a@{}.com", "b".repeat(64));
        for bad in [
            "",
            "engineering",
            "@example.com",
            "a@",
            "a@localhost",
            "a b@example.com",
            "a@exa mple.com",
            ".a@example.com",
            "a.@example.com",
            "a..b@example.com",
            "a@example..com",
            "a@-example.com",
            "a@example-.com",
            "a@example.com.",
            "a@1.2.3.4",
            "a@b@c.com",
            "<a@b.com>",
            long_local.as_str(),
            long_label.as_str(),
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
