//! Hand-written matchers for the regular expressions in the official specs. The `regex` crate
//! would add hundreds of kilobytes of wasm; each pattern here is a few instructions. The native
//! tests compare every matcher with the `regex` crate on generated strings.

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
