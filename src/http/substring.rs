//! Substring search over bytes for the client's few needs (`://` in URLs, secrets in error
//! text). `str::find(&str)`, `split_once(&str)` and `replace(&str, …)` bring core's two-way
//! searcher into the wasm, and with it a panic path that formats `char`s with Unicode escape
//! tables: about 4 KB of code and data for three call sites over short strings.

/// The byte offset of the first `needle` in `haystack`; `None` for an empty needle.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    let first = *needle.first()?;
    let bytes = haystack.as_bytes();
    let last_start = bytes.len().checked_sub(needle.len())?;
    (0..=last_start).find(|&at| {
        bytes.get(at) == Some(&first) && bytes.get(at..at + needle.len()) == Some(needle)
    })
}

/// `haystack` split around the first `needle`.
pub fn split_once<'a>(haystack: &'a str, needle: &str) -> Option<(&'a str, &'a str)> {
    let at = find(haystack, needle)?;
    Some((haystack.get(..at)?, haystack.get(at + needle.len()..)?))
}

/// `haystack` with every `needle` replaced by `with`, scanning left to right.
pub fn replace(haystack: &str, needle: &str, with: &str) -> String {
    let mut out = String::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some((before, after)) = split_once(rest, needle) {
        out.push_str(before);
        out.push_str(with);
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library() {
        let cases = [
            ("https://acme.auth0.com", "://"),
            ("acme.auth0.com", "://"),
            ("", "x"),
            ("x", ""),
            ("aaa", "aa"),
            ("token token-token", "token"),
            ("héllo wörld ö", "ö"),
            ("abc", "abcd"),
            ("abcabc", "c"),
        ];
        for (haystack, needle) in cases {
            if !needle.is_empty() {
                assert_eq!(
                    find(haystack, needle),
                    haystack.find(needle),
                    "{haystack} {needle}"
                );
                assert_eq!(split_once(haystack, needle), haystack.split_once(needle));
                assert_eq!(
                    replace(haystack, needle, "[x]"),
                    haystack.replace(needle, "[x]")
                );
            }
        }
        assert_eq!(find("abc", ""), None);
    }
}
