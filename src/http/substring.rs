//! Substring search over bytes for the client's few needs (`://` in URLs, secrets in error
//! text). `str::find(&str)`, `split_once(&str)` and `replace(&str, …)` bring core's two-way
//! searcher into the wasm, and with it a panic path that formats `char`s with Unicode escape
//! tables: about 4 KB of code and data for three call sites over short strings. Splitting and
//! trimming at ASCII bytes ([`split_at_any`], [`trim_end_byte`]) likewise keeps core's `char`
//! searchers (`str::split(char)`, `split_once(char)`, `trim_end_matches(char)`, …) out: ~1 KB.

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

/// `text` split at every byte of `set` (ASCII bytes), like `str::split` with a set of `char`s;
/// empty pieces included.
// `iter().any`, not `contains`: `<[u8]>::contains` links core's `memchr` (~0.35 KB of wasm).
#[allow(clippy::manual_contains)]
pub fn split_at_any<'a>(text: &'a str, set: &'a [u8]) -> impl Iterator<Item = &'a str> + 'a {
    let mut rest = Some(text);
    core::iter::from_fn(move || {
        let current = rest?;
        match current
            .bytes()
            .position(|byte| set.iter().any(|&member| member == byte))
        {
            Some(at) => {
                rest = current.get(at + 1..);
                current.get(..at)
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// `text` without the trailing run of `byte` (ASCII), like `str::trim_end_matches(char)`.
pub fn trim_end_byte(text: &str, byte: u8) -> &str {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while end > 0 && bytes.get(end - 1) == Some(&byte) {
        end -= 1;
    }
    text.get(..end).unwrap_or(text)
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

    #[test]
    fn splits_and_trims_as_the_standard_library_does() {
        for text in [
            "",
            ":",
            "a:b",
            "a::b:",
            ":a",
            "héllo:wö:rld",
            "no separator",
        ] {
            let ours: Vec<_> = split_at_any(text, b":").collect();
            let std: Vec<_> = text.split(':').collect();
            assert_eq!(ours, std, "{text}");
            let ours: Vec<_> = split_at_any(text, b":o").collect();
            let std: Vec<_> = text.split([':', 'o']).collect();
            assert_eq!(ours, std, "{text}");
        }
        for text in ["", "/", "a//", "a/b/", "ö0", "1.500", "000"] {
            assert_eq!(trim_end_byte(text, b'/'), text.trim_end_matches('/'));
            assert_eq!(trim_end_byte(text, b'0'), text.trim_end_matches('0'));
        }
    }
}
