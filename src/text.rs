//! Messages built from pieces without `core::fmt`.
//!
//! `format!` links the formatting machinery (`fmt::write`, padding, one `Display` per integer
//! type: about 3.5 KB of wasm) into every module that uses it once. Messages here are only ever
//! text and whole numbers, so [`text!`](crate::text!) joins them with one small function instead.

/// One piece of a message: text as it is, or a whole number written in decimal.
#[derive(Clone, Copy, Debug)]
pub enum Part<'a> {
    /// Text copied as it is.
    Str(&'a str),
    /// A whole number at or above zero.
    Unsigned(u64),
    /// A whole number below zero, as its magnitude.
    Negative(u64),
}

/// A value that can appear in a message built by [`text!`](crate::text!).
pub trait ToPart {
    /// This value as a message piece.
    fn part(&self) -> Part<'_>;
}

impl ToPart for str {
    fn part(&self) -> Part<'_> {
        Part::Str(self)
    }
}

impl ToPart for String {
    fn part(&self) -> Part<'_> {
        Part::Str(self)
    }
}

impl ToPart for std::borrow::Cow<'_, str> {
    fn part(&self) -> Part<'_> {
        Part::Str(self)
    }
}

impl<T: ToPart + ?Sized> ToPart for &T {
    fn part(&self) -> Part<'_> {
        (**self).part()
    }
}

/// Unsigned integers widen to `u64`.
macro_rules! unsigned_parts {
    ($($ty:ty),*) => {$(
        impl ToPart for $ty {
            fn part(&self) -> Part<'_> {
                Part::Unsigned(u64::from(*self))
            }
        }
    )*};
}
unsigned_parts!(u8, u16, u32, u64);

impl ToPart for usize {
    fn part(&self) -> Part<'_> {
        Part::Unsigned(u64::try_from(*self).unwrap_or(u64::MAX))
    }
}

impl ToPart for i64 {
    fn part(&self) -> Part<'_> {
        if *self < 0 {
            Part::Negative(self.unsigned_abs())
        } else {
            Part::Unsigned(self.unsigned_abs())
        }
    }
}

impl ToPart for i32 {
    fn part(&self) -> Part<'_> {
        let magnitude = u64::from(self.unsigned_abs());
        if *self < 0 {
            Part::Negative(magnitude)
        } else {
            Part::Unsigned(magnitude)
        }
    }
}

impl ToPart for bool {
    fn part(&self) -> Part<'_> {
        Part::Str(if *self { "true" } else { "false" })
    }
}

/// Builds a `String` from message pieces: `text!(field, " may have at most ", max)` is
/// `format!("{field} may have at most {max}")` without `core::fmt`.
#[macro_export]
macro_rules! text {
    ($($part:expr),+ $(,)?) => {
        $crate::text::join(&[$($crate::text::ToPart::part(&($part))),+])
    };
}

/// The pieces written one after another.
pub fn join(parts: &[Part<'_>]) -> String {
    let mut out = String::with_capacity(parts.iter().map(Part::max_len).sum());
    for part in parts {
        push_part(&mut out, *part);
    }
    out
}

/// Appends one piece: text as it is, a number in decimal.
pub fn push_part(out: &mut String, part: Part<'_>) {
    match part {
        Part::Str(text) => out.push_str(text),
        Part::Unsigned(value) => push_decimal(out, value),
        Part::Negative(magnitude) => {
            out.push('-');
            push_decimal(out, magnitude);
        }
    }
}

impl Part<'_> {
    /// The most bytes this piece can take (a `u64` has at most 20 digits).
    fn max_len(&self) -> usize {
        match self {
            Part::Str(text) => text.len(),
            Part::Unsigned(_) | Part::Negative(_) => 21,
        }
    }
}

/// Appends `text` as a JSON string: quotes, backslashes and control characters escaped (the
/// latter as `\u00XX`).
pub fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
            out.push(c);
        } else if c < ' ' {
            out.push_str("\\u00");
            push_hex_byte(out, u8::try_from(c).unwrap_or(0));
        } else {
            out.push(c);
        }
    }
    out.push('"');
}

/// The items one after another with `separator` between them, each inside `quote` (`""` for
/// none): `list(["a", "b"], ", ", "\"")` is `"a", "b"`. `[T]::join` in place, which needs a
/// generic copy of itself in the wasm.
pub fn list<'a>(items: impl IntoIterator<Item = &'a str>, separator: &str, quote: &str) -> String {
    let mut out = String::new();
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            out.push_str(separator);
        }
        out.push_str(quote);
        out.push_str(item);
        out.push_str(quote);
    }
    out
}

/// Appends `value` in decimal, padded with leading zeros to at least `width` digits.
pub fn push_padded(out: &mut String, value: u64, width: usize) {
    let mut digits = [0_u8; 20];
    let mut used = 0;
    let mut rest = value;
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
        used += 1;
        if rest == 0 && used >= width {
            break;
        }
    }
    for &digit in digits.iter().skip(digits.len() - used) {
        out.push(char::from(digit));
    }
}

/// Appends `value` in decimal.
pub fn push_decimal(out: &mut String, value: u64) {
    push_padded(out, value, 1);
}

/// Appends `byte` as two upper-case hexadecimal digits.
pub fn push_hex_byte(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for nibble in [byte >> 4, byte & 0x0f] {
        if let Some(&digit) = HEX.get(usize::from(nibble)) {
            out.push(char::from(digit));
        }
    }
}

/// At most the first `max` bytes of `text`, cut back to a character boundary (no panic path,
/// unlike slicing or `char_indices().nth()`, which bring UTF-8 counting and `core::fmt` along).
pub fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_agree_with_std_formatting() {
        for value in [
            0_u64,
            1,
            9,
            10,
            99,
            100,
            1_000_000,
            u64::from(u32::MAX),
            u64::MAX - 1,
            u64::MAX,
        ] {
            assert_eq!(text!(value), value.to_string());
            for width in 0..=20 {
                let mut out = String::new();
                push_padded(&mut out, value, width);
                assert_eq!(out, format!("{value:0width$}"));
            }
        }
        for value in [i64::MIN, -1_000, -1, 0, 1, i64::MAX] {
            assert_eq!(text!(value), value.to_string());
        }
        for value in [0_usize, 7, usize::MAX] {
            assert_eq!(text!(value), value.to_string());
        }
    }

    #[test]
    fn pieces_join_in_order() {
        let owned = String::from("name");
        let borrowed: &str = "must";
        let cow: std::borrow::Cow<'_, str> = "x".into();
        assert_eq!(
            text!(owned, " ", borrowed, " be ", 3_u16, " ", true, " ", cow, " ", -2_i32),
            "name must be 3 true x -2"
        );
    }

    #[test]
    fn lists_agree_with_join() {
        for items in [&[][..], &["a"][..], &["a", "bc", ""][..]] {
            assert_eq!(list(items.iter().copied(), ", ", ""), items.join(", "));
            let quoted: Vec<String> = items.iter().map(|item| format!("'{item}'")).collect();
            assert_eq!(
                list(items.iter().copied(), " or ", "'"),
                quoted.join(" or ")
            );
        }
    }

    #[test]
    fn bytes_are_two_hex_digits() {
        for byte in 0..=u8::MAX {
            let mut out = String::new();
            push_hex_byte(&mut out, byte);
            assert_eq!(out, format!("{byte:02X}"));
        }
    }
}
