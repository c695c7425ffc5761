//! Whole numbers read by hand (JSON exponents, header values, dates, ports): one small loop in
//! the wasm in place of a `str::parse` instance per integer type (each about 0.2 KB, with its
//! error paths).

/// The value of `text` when it is 1 to 18 ASCII digits (no sign, no spaces); `None` otherwise.
/// Eighteen digits always fit in a `u64`, and nothing the client reads is longer.
pub fn parse_digits(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 18 {
        return None;
    }
    text.bytes().try_fold(0_u64, |value, byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u64::from(byte - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_std_on_unsigned_digit_strings() {
        for text in [
            "0",
            "7",
            "007",
            "65535",
            "65536",
            "999999999999999999",
            "1234567890",
        ] {
            assert_eq!(parse_digits(text), text.parse::<u64>().ok(), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_only_digits() {
        for text in [
            "",
            "+1",
            "-1",
            " 1",
            "1 ",
            "1.5",
            "1e3",
            "x",
            "١",
            "9999999999999999999",
        ] {
            assert_eq!(parse_digits(text), None, "{text:?}");
        }
    }
}
