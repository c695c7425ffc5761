//! A small JSON parser over borrowed text, for validation: strings and numbers stay slices of the
//! input (decoded only when a rule needs them), containers are vectors, nothing else allocates.
//! Numbers are never converted to floats, so the wasm carries no float parsing tables.
//!
//! The release build optimises for size (`opt-level = "z"`), which leaves every helper a call;
//! the parser's and the schema walker's per-value helpers are `#[inline(always)]` instead. (A
//! crate-wide inline threshold bought the same speed but grew the client core by 3.3 KB gzip.)

use super::digits::parse_digits;
use super::issue::{Issue, IssueCode};

/// Containers nest at most this deep; deeper input is refused (`too_deep`), not followed.
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value borrowing from the text it was read from.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as written.
    Number(Number<'a>),
    /// A string, as written between the quotes (escapes not yet decoded).
    String(JsonStr<'a>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object's members in text order (duplicates are reported by the parser).
    Object(Vec<(JsonStr<'a>, Json<'a>)>),
}

impl Json<'_> {
    /// The JSON type name used in messages: "null", "a boolean", "a number", "a string", "an array",
    /// "an object".
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json<'_>> {
        match self {
            Json::Object(members) => members
                .iter()
                .rev()
                .find(|(name, _)| name.equals(key))
                .map(|(_, value)| value),
            _ => None,
        }
    }
}

/// A JSON string: the raw text between the quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonStr<'a> {
    raw: &'a str,
    escaped: bool,
}

impl<'a> JsonStr<'a> {
    /// The raw text between the quotes.
    #[inline(always)]
    pub fn raw(&self) -> &'a str {
        self.raw
    }

    /// Whether the raw text equals `text` once decoded.
    #[inline(always)]
    pub fn equals(&self, text: &str) -> bool {
        if self.escaped {
            self.decode() == text
        } else {
            same_bytes(self.raw.as_bytes(), text.as_bytes())
        }
    }

    /// The string as a rule reads it: the raw text itself, decoded only when it holds escapes.
    #[inline(always)]
    pub fn text(&self) -> std::borrow::Cow<'a, str> {
        if self.escaped {
            std::borrow::Cow::Owned(self.decode())
        } else {
            std::borrow::Cow::Borrowed(self.raw)
        }
    }

    /// The decoded string; a lone UTF-16 surrogate becomes U+FFFD.
    pub fn decode(&self) -> String {
        if !self.escaped {
            return self.raw.to_owned();
        }
        let mut out = String::with_capacity(self.raw.len());
        let mut units = EscapeUnits::new(self.raw);
        while let Some(unit) = units.next_char() {
            out.push(unit);
        }
        out
    }

    /// Length in Unicode code points, as JSON Schema counts it (a lone surrogate counts as one).
    pub fn char_count(&self) -> usize {
        if !self.escaped {
            return count_chars(self.raw);
        }
        let mut units = EscapeUnits::new(self.raw);
        let mut count = 0;
        while units.next_char().is_some() {
            count += 1;
        }
        count
    }
}

/// Byte equality with the cheap tests inline (length, then first and last byte): most candidates
/// (enum values, earlier keys) differ there, and a full comparison is a call in size-optimised wasm.
#[inline(always)]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.first() == b.first() && a.last() == b.last() && a == b
}

/// Byte order of two short strings (property names) by an inline loop: wasm's `memcmp` is a
/// call to a byte loop of its own.
#[inline(always)]
pub(crate) fn compare_bytes(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Walks the raw text of a string, decoding escapes to characters.
struct EscapeUnits<'a> {
    rest: std::str::Chars<'a>,
}

impl<'a> EscapeUnits<'a> {
    fn new(raw: &'a str) -> Self {
        EscapeUnits { rest: raw.chars() }
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Option<u32> {
        let mut value = 0;
        for _ in 0..4 {
            value = value * 16 + self.rest.next()?.to_digit(16)?;
        }
        Some(value)
    }

    /// The next decoded character.
    fn next_char(&mut self) -> Option<char> {
        let c = self.rest.next()?;
        if c != '\\' {
            return Some(c);
        }
        let escaped = match self.rest.next()? {
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let first = self.hex4()?;
                if (0xD800..0xDC00).contains(&first) {
                    let mut lookahead = self.rest.clone();
                    if lookahead.next() == Some('\\') && lookahead.next() == Some('u') {
                        let mut probe = EscapeUnits { rest: lookahead };
                        if let Some(second) = probe.hex4().filter(|s| (0xDC00..0xE000).contains(s))
                        {
                            self.rest = probe.rest;
                            let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                            return Some(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        }
                    }
                }
                char::from_u32(first).unwrap_or('\u{FFFD}')
            }
            other => other,
        };
        Some(escaped)
    }
}

/// A JSON number as written: enough to compare it with integer bounds without floats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number<'a> {
    raw: &'a str,
}

impl<'a> Number<'a> {
    /// The number as written.
    #[inline(always)]
    pub fn raw(&self) -> &'a str {
        self.raw
    }

    /// The number's floor and whether it is a whole number, saturating beyond ±10^18 (the spec's
    /// bounds are 32-bit, so nothing beyond that needs telling apart).
    fn floor_and_whole(&self) -> (i64, bool) {
        const CAP: i64 = 1_000_000_000_000_000_000;
        let text = self.raw;
        // Byte searches, not `char` patterns: core's `char` searchers cost ~0.5 KB of wasm.
        let (negative, text) = match text.strip_prefix("-") {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = match text.bytes().position(|b| b == b'e' || b == b'E') {
            Some(at) => (
                text.get(..at).unwrap_or_default(),
                text.get(at + 1..).unwrap_or_default(),
            ),
            None => (text, ""),
        };
        // The parser let through only `[+-]?[0-9]+`. Saturated at 400, beyond which every figure
        // here is the same (more than 18 digits is beyond it too).
        let exponent: i64 = {
            let (negative, digits) = match exponent.split_at_checked(1) {
                Some(("-", rest)) => (true, rest),
                Some(("+", rest)) => (false, rest),
                _ => (false, exponent),
            };
            let magnitude = match digits {
                "" => 0,
                digits => parse_digits(digits).map_or(400, |n| n.min(400)) as i64,
            };
            if negative {
                -magnitude
            } else {
                magnitude
            }
        };
        let (int_part, frac_part) = match mantissa.bytes().position(|b| b == b'.') {
            Some(at) => (
                mantissa.get(..at).unwrap_or_default(),
                mantissa.get(at + 1..).unwrap_or_default(),
            ),
            None => (mantissa, ""),
        };
        let digits = int_part.bytes().chain(frac_part.bytes());
        // value = digits × 10^(exponent − fraction length)
        let shift = exponent - i64::try_from(frac_part.len()).unwrap_or(i64::MAX);
        let mut whole: i64 = 0;
        let mut fraction_nonzero = false;
        let int_len = i64::try_from(int_part.len() + frac_part.len()).unwrap_or(i64::MAX) + shift;
        for (index, digit) in digits.enumerate() {
            let digit = i64::from(digit.wrapping_sub(b'0'));
            if i64::try_from(index).unwrap_or(i64::MAX) < int_len {
                whole = whole.saturating_mul(10).saturating_add(digit).min(CAP);
            } else if digit != 0 {
                fraction_nonzero = true;
            }
        }
        let total = i64::try_from(int_part.len() + frac_part.len()).unwrap_or(0);
        for _ in 0..(int_len - total).clamp(0, 40) {
            whole = whole.saturating_mul(10).min(CAP);
        }
        if negative {
            let floor = if fraction_nonzero { -whole - 1 } else { -whole };
            (floor, !fraction_nonzero)
        } else {
            (whole, !fraction_nonzero)
        }
    }

    /// Whether the number is a whole number (`3`, `3.0`, `3e2`).
    pub fn is_whole(&self) -> bool {
        self.floor_and_whole().1
    }

    /// The number as a count: `Some` for a whole number at or above zero (`3`, `3.0`, `3e2`),
    /// saturating at 10^18.
    pub fn count(&self) -> Option<u64> {
        let (floor, whole) = self.floor_and_whole();
        u64::try_from(floor).ok().filter(|_| whole)
    }

    /// Whether the number is at least `min`.
    pub fn at_least(&self, min: i64) -> bool {
        self.floor_and_whole().0 >= min
    }

    /// Whether the number is at most `max`.
    pub fn at_most(&self, max: i64) -> bool {
        let (floor, whole) = self.floor_and_whole();
        let ceil = if whole { floor } else { floor + 1 };
        ceil <= max
    }
}

/// Why text could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Not JSON: what was expected, and the byte offset.
    Syntax {
        /// What the parser expected.
        expected: &'static str,
        /// Byte offset in the text.
        at: usize,
    },
    /// Containers nest deeper than [`MAX_DEPTH`].
    TooDeep,
    /// An object repeats a key.
    Duplicate(String),
}

/// The issue for text that does not parse.
pub fn parse_issue(error: &ParseError) -> Issue {
    match error {
        ParseError::Syntax { expected, at } => Issue::new(
            Vec::new(),
            IssueCode::Syntax,
            crate::text!(
                "the text is not valid JSON: expected ",
                expected,
                " at byte ",
                *at
            ),
        ),
        ParseError::TooDeep => Issue::new(
            Vec::new(),
            IssueCode::TooDeep,
            crate::text!("the value nests deeper than ", MAX_DEPTH, " levels"),
        ),
        ParseError::Duplicate(key) => Issue::new(
            Vec::new(),
            IssueCode::Duplicate,
            crate::text!(
                "the property \"",
                prefix_chars(key, 60),
                "\" appears more than once"
            ),
        ),
    }
}

/// `0x0101…01` times a byte: the byte in every lane of a 64-bit word.
const fn lanes(byte: u8) -> u64 {
    u64::from_le_bytes([byte; 8])
}

/// The length of the leading run of bytes that need no attention inside a string: everything but
/// `"`, `\\` and control characters. Reads eight bytes at a time (most of a body's bytes are
/// inside strings); the lowest flagged lane of each test is exact, which is all this needs.
#[inline(always)]
fn plain_run(bytes: &[u8]) -> usize {
    const LOW: u64 = lanes(0x01);
    const HIGH: u64 = lanes(0x80);
    let mut at = 0;
    while let Some(word) = bytes
        .get(at..at + 8)
        .and_then(|chunk| <[u8; 8]>::try_from(chunk).ok())
    {
        let word = u64::from_le_bytes(word);
        let quote = word ^ lanes(b'"');
        let backslash = word ^ lanes(b'\\');
        let flags = (quote.wrapping_sub(LOW) & !quote
            | backslash.wrapping_sub(LOW) & !backslash
            | word.wrapping_sub(lanes(0x20)) & !word)
            & HIGH;
        if flags != 0 {
            return at + (flags.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let tail = bytes.get(at..).unwrap_or_default();
    at + tail
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(tail.len())
}

/// Objects with more members than this are checked for repeated keys by sorting, not pairwise.
const SORTED_DUPLICATE_CHECK: usize = 32;

/// The error for a key that appears twice among an object's `members`. Small objects (every
/// object of a real body) compare each key with the earlier ones; larger ones sort their decoded
/// keys, so hostile text with tens of thousands of keys costs O(n log n), not O(n²).
fn no_repeated_key(members: &[(JsonStr<'_>, Json<'_>)]) -> Result<(), ParseError> {
    if members.len() <= SORTED_DUPLICATE_CHECK {
        for (at, (key, _)) in members.iter().enumerate() {
            let earlier = members.get(..at).unwrap_or_default();
            if earlier.iter().any(|(name, _)| same_key(name, key)) {
                return Err(ParseError::Duplicate(key.decode()));
            }
        }
        return Ok(());
    }
    let mut keys: Vec<std::borrow::Cow<'_, str>> =
        members.iter().map(|(key, _)| key.text()).collect();
    heap_sort(&mut keys);
    match keys.windows(2).find(|pair| pair.first() == pair.get(1)) {
        Some([key, _]) => Err(ParseError::Duplicate(key.clone().into_owned())),
        _ => Ok(()),
    }
}

/// Whether two keys are the same once decoded.
#[inline(always)]
fn same_key(a: &JsonStr<'_>, b: &JsonStr<'_>) -> bool {
    same_bytes(a.raw.as_bytes(), b.raw.as_bytes())
        || ((a.escaped || b.escaped) && a.decode() == b.decode())
}

/// Sorts `items` in place, O(n log n) in every case. Written out because the library's sort is
/// 2 KB of wasm (gzip) and this one is needed only for objects with many keys.
pub(crate) fn heap_sort<T: Ord>(items: &mut [T]) {
    let len = items.len();
    for root in (0..len / 2).rev() {
        sift_down(items, root, len);
    }
    for end in (1..len).rev() {
        items.swap(0, end);
        sift_down(items, 0, end);
    }
}

/// Moves `items[root]` down the heap held in `items[..end]` until both children are smaller.
fn sift_down<T: Ord>(items: &mut [T], mut root: usize, end: usize) {
    loop {
        let left = 2 * root + 1;
        let right = left + 1;
        let mut largest = root;
        for child in [left, right] {
            if child < end && items.get(child) > items.get(largest) {
                largest = child;
            }
        }
        if largest == root {
            return;
        }
        items.swap(root, largest);
        root = largest;
    }
}

/// Parses `text` as one JSON value (surrounded by optional whitespace).
pub fn parse(text: &str) -> Result<Json<'_>, ParseError> {
    let mut parser = Parser { text, pos: 0 };
    parser.skip_ws();
    let value = parser.value(0)?;
    parser.skip_ws();
    if parser.pos < text.len() {
        return Err(parser.expected("the end of the text"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn expected(&self, expected: &'static str) -> ParseError {
        ParseError::Syntax {
            expected,
            at: self.pos,
        }
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        // Compact text (JSON.stringify's) has no whitespace: one comparison settles it.
        if !matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            return;
        }
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        self.pos += rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\n' | b'\r' | b'\t'))
            .unwrap_or(rest.len());
    }

    #[inline(always)]
    fn literal(&mut self, word: &'static str, value: Json<'a>) -> Result<Json<'a>, ParseError> {
        if self
            .text
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word))
        {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.expected("a JSON value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, ParseError> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.expected("a JSON value")),
        }
    }

    #[inline(always)]
    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    #[inline(always)]
    fn number(&mut self) -> Result<Json<'a>, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.expected("a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.expected("a digit after the decimal point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.expected("a digit in the exponent"));
            }
        }
        let raw = self.text.get(start..self.pos).unwrap_or_default();
        Ok(Json::Number(Number { raw }))
    }

    #[inline(always)]
    fn string(&mut self) -> Result<JsonStr<'a>, ParseError> {
        self.pos += 1;
        let start = self.pos;
        let mut escaped = false;
        loop {
            // Skip plain characters in one pass: most of a body's bytes are inside strings.
            let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
            self.pos += plain_run(rest);
            match self.peek() {
                None => return Err(self.expected("a closing quote")),
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.pos += 1
                        }
                        Some(b'u') => {
                            self.pos += 1;
                            for _ in 0..4 {
                                if !self.peek().is_some_and(|b| b.is_ascii_hexdigit()) {
                                    return Err(self.expected("four hex digits after \\u"));
                                }
                                self.pos += 1;
                            }
                        }
                        _ => return Err(self.expected("an escape character")),
                    }
                }
                Some(0..=0x1F) => return Err(self.expected("an escaped control character")),
                Some(_) => self.pos += 1,
            }
        }
        let raw = self.text.get(start..self.pos).unwrap_or_default();
        self.pos += 1;
        Ok(JsonStr { raw, escaped })
    }

    #[inline(always)]
    fn array(&mut self, depth: usize) -> Result<Json<'a>, ParseError> {
        if depth > MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        self.pos += 1;
        let mut items = Vec::with_capacity(4);
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.expected("',' or ']'")),
            }
        }
    }

    #[inline(always)]
    fn object(&mut self, depth: usize) -> Result<Json<'a>, ParseError> {
        if depth > MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        self.pos += 1;
        let mut members: Vec<(JsonStr<'a>, Json<'a>)> = Vec::with_capacity(8);
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.expected("a property name in quotes"));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.expected("':'"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    no_repeated_key(&members)?;
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.expected("',' or '}'")),
            }
        }
    }
}

/// The code points in `text`: its bytes that do not continue a UTF-8 sequence. What
/// `text.chars().count()` answers, in a few bytes of wasm rather than core's unrolled counter
/// (~0.5 KB).
pub fn count_chars(text: &str) -> usize {
    text.bytes().filter(|byte| byte & 0xC0 != 0x80).count()
}

/// The first `limit` code points of `text`: what `text.chars().take(limit).collect::<String>()`
/// holds, found by lead bytes and borrowed (no `char` decoding and re-encoding in the wasm).
pub fn prefix_chars(text: &str, limit: usize) -> &str {
    let end = text
        .bytes()
        .enumerate()
        .filter(|(_, byte)| byte & 0xC0 != 0x80)
        .nth(limit)
        .map_or(text.len(), |(at, _)| at);
    text.get(..end).unwrap_or(text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn counts_chars_as_the_standard_library_does() {
        for text in [
            "",
            "a",
            "héllo",
            "日本語",
            "😀x😀",
            "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}",
        ] {
            assert_eq!(count_chars(text), text.chars().count(), "{text}");
            for limit in [0, 1, 2, 3, 60] {
                let std: String = text.chars().take(limit).collect();
                assert_eq!(prefix_chars(text, limit), std, "{text} {limit}");
            }
        }
    }

    #[test]
    fn plain_run_stops_where_a_byte_by_byte_scan_stops() {
        let specials = [b'"', b'\\', 0x00, 0x1f, 0x20, 0x21, 0x7f, 0x80, 0xff, b'a'];
        let mut seed: u32 = 7;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let len = (seed >> 16) as usize % 40;
            let bytes: Vec<u8> = (0..len)
                .map(|i| {
                    let pick = (seed.rotate_left(i as u32 * 3) >> 8) as usize;
                    if pick % 5 == 0 {
                        specials[pick % specials.len()]
                    } else {
                        b'a' + (pick % 26) as u8
                    }
                })
                .collect();
            let naive = bytes
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(bytes.len());
            assert_eq!(plain_run(&bytes), naive, "{bytes:?}");
        }
    }

    #[test]
    fn parses_every_kind_of_value() {
        let value = parse(r#" {"a": [1, -2.5e3, true, null, "x\"y"], "b": {}} "#).unwrap();
        let Json::Object(members) = &value else {
            panic!()
        };
        assert_eq!(members.len(), 2);
        assert_eq!(value.get("b"), Some(&Json::Object(Vec::new())));
    }

    #[test]
    fn strings_decode_escapes_and_count_code_points() {
        let Json::String(s) = parse(r#""a\u00e9\ud83d\ude00\ud800b\n""#).unwrap() else {
            panic!()
        };
        assert_eq!(s.decode(), "aé😀\u{FFFD}b\n");
        assert_eq!(s.char_count(), 6);
        let Json::String(plain) = parse(r#""héllo""#).unwrap() else {
            panic!()
        };
        assert_eq!(plain.char_count(), 5);
        assert!(plain.equals("héllo"));
    }

    #[test]
    fn numbers_compare_without_floats() {
        fn n(t: &str) -> Number<'_> {
            match parse(t).unwrap() {
                Json::Number(n) => n,
                _ => panic!(),
            }
        }
        assert!(n("3").is_whole() && n("3.0").is_whole() && n("3e2").is_whole());
        assert!(!n("3.5").is_whole() && !n("1e-1").is_whole());
        assert!(n("900").at_least(900) && !n("899.9").at_least(900));
        assert!(n("901").at_most(901) && !n("901.1").at_most(901));
        assert!(n("-1").at_most(0) && !n("-0.5").at_least(0));
        assert!(
            n("1e400").at_least(i64::from(i32::MAX)) && !n("-1e400").at_least(i64::from(i32::MIN))
        );
        assert!(
            !n("1e400").at_most(i64::from(i32::MAX)) && n("-1e400").at_most(i64::from(i32::MIN))
        );
        // Exponents too long for any integer type still compare by their sign.
        let huge = format!("1e{}", "9".repeat(30));
        assert!(n(&huge).is_whole() && !n(&huge).at_most(i64::from(i32::MAX)));
        let tiny = format!("1E-{}", "9".repeat(30));
        assert!(!n(&tiny).is_whole() && n(&tiny).at_least(0) && n(&tiny).at_most(1));
        assert!(n("25E+1").at_least(250) && n("25E+1").at_most(250));
    }

    #[test]
    fn refuses_bad_text_with_positions() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            "\"\\x\"",
            "tru",
            "[1] 2",
            "\"a\u{1}\"",
        ] {
            assert!(
                matches!(parse(bad), Err(ParseError::Syntax { .. })),
                "{bad:?}"
            );
        }
        assert_eq!(
            parse(r#"{"a":1,"a":2}"#),
            Err(ParseError::Duplicate("a".into()))
        );
        assert_eq!(
            parse(r#"{"a":1,"\u0061":2}"#),
            Err(ParseError::Duplicate("a".into()))
        );
    }

    #[test]
    fn heap_sort_sorts() {
        let mut seed: u32 = 11;
        for len in 0..200 {
            let mut items: Vec<u32> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (seed >> 16) % 50
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_unstable();
            heap_sort(&mut items);
            assert_eq!(items, expected, "{len}");
        }
    }

    #[test]
    fn repeated_keys_are_found_in_large_objects_too() {
        for size in [SORTED_DUPLICATE_CHECK, SORTED_DUPLICATE_CHECK + 1, 5_000] {
            let keys: Vec<String> = (0..size).map(|i| format!("\"k{i}\":{i}")).collect();
            let unique = format!("{{{}}}", keys.join(","));
            assert!(parse(&unique).is_ok(), "{size}");
            // The repeat is the last member, and once written with an escape.
            let repeated = format!("{{{},\"\\u006b7\":0}}", keys.join(","));
            assert_eq!(
                parse(&repeated),
                Err(ParseError::Duplicate("k7".into())),
                "{size}"
            );
        }
    }

    #[test]
    fn depth_is_limited() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(parse(&deep), Err(ParseError::TooDeep));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
    }
}
