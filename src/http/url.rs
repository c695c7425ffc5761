//! Base URLs from a tenant domain or an origin, and percent-encoding of path segments and query
//! values.

use super::substring::{find, split_at_any, split_once};
use crate::validation::digits::parse_digits;

/// A parsed API origin: scheme, host and optional port, nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// `https://host[:port]` (or `http://` for loopback hosts), without a trailing slash.
    pub origin: String,
    /// The host without port, lowercased (IPv6 literals keep their brackets).
    pub host: String,
}

impl Origin {
    /// The Auth0 Management API v2 base URL, e.g. `https://acme.eu.auth0.com/api/v2`.
    pub fn management_api(&self) -> String {
        crate::text!(self.origin, "/api/v2")
    }

    /// The default client-credentials audience, e.g. `https://acme.eu.auth0.com/api/v2/`.
    pub fn default_audience(&self) -> String {
        crate::text!("https://", self.host, "/api/v2/")
    }

    /// The token endpoint, e.g. `https://acme.eu.auth0.com/oauth/token`.
    pub fn token_endpoint(&self) -> String {
        crate::text!(self.origin, "/oauth/token")
    }
}

/// Whether a host is a loopback address, where plain `http` is allowed.
pub fn is_loopback(host: &str) -> bool {
    matches!(host, "127.0.0.1" | "[::1]" | "localhost")
}

/// A URL's scheme (before `://`), if it has one, and the rest.
fn split_scheme(url: &str) -> (Option<&str>, &str) {
    match crate::http::substring::split_once(url, "://") {
        Some((scheme, rest)) => (Some(scheme), rest),
        None => (None, url),
    }
}

/// The path of a URL, for messages: never the query, which might hold an email.
pub fn path_of(url: &str) -> &str {
    let (_, rest) = split_scheme(url);
    let path = find(rest, "/")
        .and_then(|index| rest.get(index..))
        .unwrap_or("/");
    split_once(path, "?").map_or(path, |(before, _)| before)
}

/// Parses a tenant domain (`acme.eu.auth0.com`) or an origin URL (`https://acme.eu.auth0.com`,
/// `http://127.0.0.1:8787`) into an [`Origin`]. `field` names the option in error messages.
///
/// Refuses other schemes, plain `http` for non-loopback hosts, userinfo, a path, a query or a
/// fragment, and malformed hosts or ports, each with a message saying what to pass instead.
pub fn parse_origin(field: &str, input: &str) -> Result<Origin, String> {
    let trimmed = input.trim_ascii();
    if trimmed.is_empty() {
        return Err(crate::text!(
            field,
            " is empty; pass a tenant host like \"acme.eu.auth0.com\"",
            " or an origin like \"https://acme.eu.auth0.com\""
        ));
    }
    let (scheme, rest) = match split_scheme(trimmed) {
        (Some(scheme), rest) => (scheme.to_ascii_lowercase(), rest),
        (None, rest) => ("https".to_owned(), rest),
    };
    if scheme != "https" && scheme != "http" {
        return Err(crate::text!(
            field,
            " must use https (http only for loopback hosts); got scheme \"",
            scheme,
            "\""
        ));
    }
    if rest.bytes().any(|byte| byte == b'?' || byte == b'#') {
        return Err(crate::text!(
            field,
            " must not contain a query or fragment; pass only the host"
        ));
    }
    let authority = match split_once(rest, "/") {
        Some((authority, "")) => authority,
        Some(_) => {
            return Err(crate::text!(
                field,
                " must not contain a path; pass only the host (the client adds /api/v2 itself)"
            ))
        }
        None => rest,
    };
    if authority.bytes().any(|byte| byte == b'@') {
        return Err(crate::text!(
            field,
            " must not contain credentials (user:password@); pass them as options instead"
        ));
    }
    let (host, port) = split_host_port(field, authority)?;
    if scheme == "http" && !is_loopback(&host) {
        return Err(crate::text!(
            field,
            " must use https; plain http is accepted only for loopback hosts",
            " (127.0.0.1, ::1, localhost), not \"",
            host,
            "\""
        ));
    }
    let origin = match port {
        Some(port) => crate::text!(scheme, "://", host, ":", port),
        None => crate::text!(scheme, "://", host),
    };
    Ok(Origin { origin, host })
}

/// Splits `host[:port]`, checking the host's characters and the port's range.
fn split_host_port(field: &str, authority: &str) -> Result<(String, Option<u16>), String> {
    let (host, port) = if let Some(after_bracket) = authority.strip_prefix("[") {
        let (inside, tail) = split_once(after_bracket, "]")
            .ok_or_else(|| crate::text!(field, " has an unclosed IPv6 bracket"))?;
        if inside.is_empty()
            || !inside
                .bytes()
                .all(|c| c.is_ascii_hexdigit() || c == b':' || c == b'.')
        {
            return Err(crate::text!(
                field,
                " has an invalid IPv6 address \"",
                inside,
                "\""
            ));
        }
        let port = match tail {
            "" => None,
            _ => Some(tail.strip_prefix(":").ok_or_else(|| {
                crate::text!(field, " has unexpected text after the IPv6 address")
            })?),
        };
        (crate::text!("[", inside.to_ascii_lowercase(), "]"), port)
    } else {
        let (host, port) = match split_once(authority, ":") {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        let valid = !host.is_empty()
            && host.len() <= 253
            && split_at_any(host, b".").all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && label
                        .bytes()
                        .all(|c| c.is_ascii_alphanumeric() || c == b'-')
            });
        if !valid {
            return Err(crate::text!(
                field,
                " has an invalid host \"",
                host,
                "\"; expected letters, digits, '-' and '.'"
            ));
        }
        (host.to_ascii_lowercase(), port)
    };
    let port = match port {
        None => None,
        Some(port) => match parse_digits(port).and_then(|number| u16::try_from(number).ok()) {
            Some(number) if number > 0 => Some(number),
            _ => {
                return Err(crate::text!(
                    field,
                    " has an invalid port \"",
                    port,
                    "\"; expected 1 to 65535"
                ))
            }
        },
    };
    Ok((host, port))
}

/// Characters kept as they are in a path segment or query component (RFC 3986 unreserved).
fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// Percent-encodes `text`, keeping only unreserved characters.
fn encode_with(text: &str, keep: impl Fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if keep(byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            crate::text::push_hex_byte(&mut out, byte);
        }
    }
    out
}

/// Encodes one path segment so it stays one segment: `/ ? # %` and every other reserved
/// character are escaped, and a segment made only of dots (`.` or `..`) has its dots escaped so
/// no URL normaliser treats it as a relative step.
pub fn encode_path_segment(segment: &str) -> String {
    if !segment.is_empty() && segment.bytes().all(|byte| byte == b'.') {
        return "%2E".repeat(segment.len());
    }
    encode_with(segment, is_unreserved)
}

/// Encodes a query name or value (`application/x-www-form-urlencoded`-compatible, spaces as `%20`).
pub fn encode_query_component(text: &str) -> String {
    encode_with(text, is_unreserved)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn path_of_drops_origin_and_query() {
        assert_eq!(path_of("https://a.example/api/v2/x?email=a@b"), "/api/v2/x");
        assert_eq!(path_of("http://127.0.0.1:8787"), "/");
        assert_eq!(path_of("/relative?q"), "/relative");
    }

    #[test]
    fn tenant_host_becomes_https_api_v2() {
        let origin = parse_origin("domain", "acme.eu.auth0.com").unwrap();
        assert_eq!(origin.management_api(), "https://acme.eu.auth0.com/api/v2");
        assert_eq!(
            origin.default_audience(),
            "https://acme.eu.auth0.com/api/v2/"
        );
        assert_eq!(
            origin.token_endpoint(),
            "https://acme.eu.auth0.com/oauth/token"
        );
    }

    #[test]
    fn origins_with_scheme_port_and_trailing_slash() {
        assert_eq!(
            parse_origin("d", "https://Acme.Auth0.com/").unwrap().origin,
            "https://acme.auth0.com"
        );
        assert_eq!(
            parse_origin("d", "http://127.0.0.1:8787").unwrap().origin,
            "http://127.0.0.1:8787"
        );
        assert_eq!(
            parse_origin("d", "http://[::1]:9000").unwrap().origin,
            "http://[::1]:9000"
        );
        assert_eq!(
            parse_origin("d", "http://localhost:1").unwrap().origin,
            "http://localhost:1"
        );
        let local = parse_origin("d", "http://127.0.0.1:8787").unwrap();
        assert_eq!(local.default_audience(), "https://127.0.0.1/api/v2/");
    }

    #[test]
    fn refusals_say_why() {
        let cases = [
            (
                "http://acme.auth0.com",
                "plain http is accepted only for loopback",
            ),
            ("ftp://acme.auth0.com", "scheme \"ftp\""),
            ("https://acme.auth0.com/api/v2", "must not contain a path"),
            (
                "https://user:pw@acme.auth0.com",
                "must not contain credentials",
            ),
            ("https://acme.auth0.com?x=1", "query or fragment"),
            ("acme.auth0.com#frag", "query or fragment"),
            ("", "is empty"),
            ("acme..com", "invalid host"),
            ("acme.com:99999", "invalid port"),
            ("acme.com:0", "invalid port"),
            ("acme.com:+80", "invalid port"),
            ("http://[::1", "unclosed IPv6"),
        ];
        for (input, expected) in cases {
            let error = parse_origin("domain", input).unwrap_err();
            assert!(error.contains(expected), "{input}: {error}");
            assert!(error.starts_with("domain "), "{error}");
        }
    }

    #[test]
    fn path_segments_cannot_escape() {
        assert_eq!(encode_path_segment("con_abc"), "con_abc");
        assert_eq!(encode_path_segment("a/b?c#d%e"), "a%2Fb%3Fc%23d%25e");
        assert_eq!(encode_path_segment(".."), "%2E%2E");
        assert_eq!(encode_path_segment("."), "%2E");
        assert_eq!(encode_path_segment("../x"), "..%2Fx");
        assert_eq!(encode_path_segment("v1.2"), "v1.2");
        assert_eq!(encode_path_segment("é"), "%C3%A9");
    }

    #[test]
    fn query_components_escape_reserved() {
        assert_eq!(encode_query_component("a b&c=d+e"), "a%20b%26c%3Dd%2Be");
    }
}
