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
    if s.len() > 254 {
        return false;
    }
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    is_local_part(local) && is_domain(domain)
}

/// The part before the `@`: dot-separated runs of atext (or non-ASCII) characters.
fn is_local_part(local: &str) -> bool {
    local.len() <= 64
        && local
            .split('.')
            .all(|run| !run.is_empty() && run.bytes().all(is_atext))
}

/// RFC 5322 `atext`, plus any byte of a non-ASCII character.
fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || b"!#$%&'*+/=?^_`{|}~-".contains(&b)
}

/// A host name of two labels or more; the top-level label is not numeric.
fn is_domain(domain: &str) -> bool {
    let mut labels = 0usize;
    let mut last_numeric = false;
    for label in domain.split('.') {
        let bytes = label.as_bytes();
        let inner_ok = bytes
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b >= 0x80);
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return false;
        };
        if !inner_ok || bytes.len() > 63 || first == b'-' || last == b'-' {
            return false;
        }
        last_numeric = bytes.iter().all(u8::is_ascii_digit);
        labels += 1;
    }
    labels >= 2 && !last_numeric
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
