//! The names of the patterns the specs use (a leaf: the generated layout numbers them, the schema
//! walker and the matchers in [`super::patterns`] check them).

/// The patterns the spec uses, each with a hand-written matcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// No pattern.
    None,
    /// `^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$`, the connection name.
    ConnectionName,
    /// `^[A-Za-z0-9]+$`
    Alphanumeric,
    /// `format: "email"` (the one format the tables check: Auth0 checks it, see
    /// [`super::patterns::is_email`]).
    Email,
    /// `^https:\/\/.*`: an https URL (per-strategy option schemas).
    HttpsUrl,
    /// `^[0-9a-fA-F]+$`: hexadecimal digits.
    Hex,
    /// `^[0-9]+$`: decimal digits.
    Digits,
    /// `^[a-zA-Z0-9-:./_~]+$`: a waad client id.
    ClientIdChars,
}
