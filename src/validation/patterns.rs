//! Hand-written matchers for the regular expressions in the official specs. The `regex` crate
//! would add hundreds of kilobytes of wasm; each pattern here is a few instructions. The native
//! tests compare every matcher with the `regex` crate on generated strings.

use super::layout::pattern_text;
use super::pattern::Pattern;

/// Auth0's connection name pattern as the spec writes it (generated from the spec's text): the JS
/// layer builds its `RegExp` from this text (through the wasm's limits) and the property tests
/// check [`is_connection_name`] against it.
pub const CONNECTION_NAME: &str = pattern_text(Pattern::ConnectionName);

/// [`CONNECTION_NAME`] in words, after the field's name: how the schema walker and Auth0's name
/// rule state it.
pub const CONNECTION_NAME_WORDS: &str =
    "must start and end with a letter or digit and contain only letters, digits and single hyphens";

/// The spec's letters-and-digits pattern as it writes it (the JS accept path builds its `RegExp`
/// from this text, through the wasm's tables).
pub const ALPHANUMERIC: &str = pattern_text(Pattern::Alphanumeric);

/// `^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$`: Auth0's connection name pattern. Starts and ends
/// with an ASCII letter or digit; a `-` is always followed by a letter or digit.
pub fn is_connection_name(s: &str) -> bool {
    let mut bytes = s.bytes();
    match bytes.next() {
        Some(first) if first.is_ascii_alphanumeric() => {}
        _ => return false,
    }
    let mut after_dash = false;
    for b in bytes {
        if b.is_ascii_alphanumeric() {
            after_dash = false;
        } else if b == b'-' && !after_dash {
            after_dash = true;
        } else {
            return false;
        }
    }
    !after_dash
}

/// `^[A-Za-z0-9]+$`: one or more ASCII letters or digits.
pub fn is_alphanumeric(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// A character of an email address's local part (`[a-z0-9!#$%&'*+/=?^_\`{|}~-]`, any case).
fn is_email_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&b)
}

/// JSON Schema's `format: "email"` as ajv-formats checks it (its full mode), which is how Auth0
/// refuses a synchronized group's malformed email:
/// `^[a-z0-9!#$%&'*+/=?^_\`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_\`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$`
/// (case-insensitive): dot-separated atoms, `@`, then two or more host name labels.
pub fn is_email(s: &str) -> bool {
    // One pass: `prev` is the byte before (a `.` at the start, so nothing may open with a dot or
    // an `@`); past the `@`, each label opens and closes with a letter or digit.
    let mut in_domain = false;
    let mut prev = b'.';
    let mut dots = 0u32;
    for b in s.bytes() {
        let ok = match b {
            b'.' => prev != b'.' && prev != b'@' && !(in_domain && prev == b'-'),
            b'@' => !in_domain && prev != b'.',
            _ if in_domain => {
                b.is_ascii_alphanumeric() || (b == b'-' && prev != b'.' && prev != b'@')
            }
            _ => is_email_atext(b),
        };
        if !ok {
            return false;
        }
        if b == b'@' {
            in_domain = true;
        } else if b == b'.' && in_domain {
            dots += 1;
        }
        prev = b;
    }
    in_domain && dots > 0 && prev.is_ascii_alphanumeric()
}

/// `^https:\/\/.*`: starts with `https://` (the per-strategy schemas' https-only URLs).
pub fn is_https_url(s: &str) -> bool {
    s.starts_with("https://")
}

/// `^[0-9a-fA-F]+$`: one or more hexadecimal digits (certificate thumbprints).
pub fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `^[0-9]+$`: one or more ASCII digits.
pub fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `^[a-zA-Z0-9-:./_~]+$`: one or more ASCII letters, digits or `-:./_~` (waad client ids).
pub fn is_client_id_chars(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-:./_~".contains(&b))
}
