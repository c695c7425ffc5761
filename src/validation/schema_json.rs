//! The schema tables as JSON text, for the package's JS accept path (`lib/accept.js`). It walks
//! the same tables as [`Walker`](super::schema::Walker) to answer "valid" for the values it can
//! prove valid without crossing into wasm; every other value is validated, and explained, here.
//! The tables are written once, when the first validator runs.

use super::body::{schema_roots, RequestBody, Tables};
use super::name::connection_name_max_chars;
use super::patterns::{alphanumeric_pattern, connection_name_pattern};
use super::schema::{Additional, Node, Pattern, NONE, UNLIMITED};
use crate::auth0::cross_field::TRIGGERS;
use crate::auth0::rules::max_clients_per_update;
use crate::auth0::schema::NODES as AUTH0_NODES;
use crate::okta::schema::NODES as OKTA_NODES;
use crate::text::ToPart;

/// The tables as one JSON array read in order (a tape), so both the writer here and the reader in
/// `lib/accept.js` are a few loops:
///
/// - each table (Auth0's, then Okta's): its node count, then per node the 14 figures `types,
///   pattern, minLength, maxLength, minItems, maxItems, items, minProperties, maxProperties,
///   additional, minimum, maximum, enumNull, oneOfCount`, then three counted lists: the enum
///   values, the properties as name and node pairs, the required names;
/// - the validator count, then per validator its JS name, its table (0 Auth0, 1 Okta), and its
///   counted roots;
/// - the triggers of Auth0's cross-field rules, counted, each its root node, its counted path
///   (property names; `"[]"` for array items) and its key: an object at that path holding that
///   key is never proved valid in JS (a rule of [`crate::auth0::cross_field`] may refuse it), so
///   such bodies reach the Rust validator.
///
/// An absent upper bound or sub-schema is -1, `additionalProperties: false` is -2 (absent is -1),
/// an absent `minimum` or `maximum` is `i32::MIN` or `i32::MAX`; `pattern` is 0 (none), 1 (the
/// connection name), 2 (letters and digits) or 3 (the email format).
pub fn tables_json(bodies: &[(&str, RequestBody)]) -> String {
    let mut tape = Tape(String::with_capacity(16 * 1024));
    for nodes in [AUTH0_NODES, OKTA_NODES] {
        tape.count(nodes.len());
        for node in nodes {
            tape.node(node);
        }
    }
    tape.count(bodies.len());
    for (name, body) in bodies {
        let (tables, roots) = schema_roots(*body);
        tape.string(name);
        tape.int(match tables {
            Tables::Auth0 => 0,
            Tables::Okta => 1,
        });
        tape.count(roots.len());
        for root in roots {
            tape.int(i64::from(*root));
        }
    }
    tape.count(TRIGGERS.len());
    for trigger in TRIGGERS {
        tape.int(i64::from(trigger.root));
        tape.strings(trigger.path);
        tape.string(trigger.key);
    }
    tape.0.push(']');
    tape.0
}

/// The patterns in table-number order: a node's `pattern` on the tape is its index here.
const PATTERNS: [Pattern; 4] = [
    Pattern::None,
    Pattern::ConnectionName,
    Pattern::Alphanumeric,
    Pattern::Email,
];

/// The connection name's table number (its index in [`PATTERNS`]).
#[cfg(test)]
const NAME_PATTERN: usize = 1;

/// The limits and patterns the JS layer applies itself (the name check's fast path in
/// `lib/fields.js`, the accept path's patterns, `clients.update`'s batches), as JSON text, so each
/// is written once, in Rust: one literal from the constants' own literals (a `concat!`: the wasm
/// carries the text and nothing to build it).
/// `{"nameMaxChars":128,"namePattern":1,"maxClientsPerUpdate":50,"patterns":["","^…$","^[A-Za-z0-9]+$",null]}`:
/// `patterns` is by table number ([`PATTERNS`]): a pattern's text (`""`: none), or `null` where JS
/// cannot state the rule (the email format), so a value under it is left to Rust; `namePattern`
/// is the connection name's number. A test checks the text against [`PATTERNS`] and the constants.
pub const LIMITS_JSON: &str = concat!(
    "{\"nameMaxChars\":",
    connection_name_max_chars!(),
    ",\"namePattern\":1,\"maxClientsPerUpdate\":",
    max_clients_per_update!(),
    ",\"patterns\":[\"\",\"",
    connection_name_pattern!(),
    "\",\"",
    alphanumeric_pattern!(),
    "\",null]}"
);

/// The JSON array being written.
struct Tape(String);

impl Tape {
    /// Starts the next item: `[` before the first, `,` before the others.
    fn next(&mut self) {
        self.0.push(if self.0.is_empty() { '[' } else { ',' });
    }

    /// A whole number.
    fn int(&mut self, value: i64) {
        self.next();
        crate::text::push_part(&mut self.0, value.part());
    }

    /// A list's length.
    fn count(&mut self, len: usize) {
        self.int(i64::try_from(len).unwrap_or(i64::MAX));
    }

    /// A string: quotes, backslashes and control characters escaped (as `\\u00XX`).
    fn string(&mut self, text: &str) {
        self.next();
        let out = &mut self.0;
        out.push('"');
        for c in text.chars() {
            if c == '"' || c == '\\' {
                out.push('\\');
                out.push(c);
            } else if c < ' ' {
                out.push_str("\\u00");
                crate::text::push_hex_byte(out, u8::try_from(c).unwrap_or(0));
            } else {
                out.push(c);
            }
        }
        out.push('"');
    }

    /// Strings, counted.
    fn strings(&mut self, items: &[&str]) {
        self.count(items.len());
        for item in items {
            self.string(item);
        }
    }

    /// One node (see [`tables_json`]).
    fn node(&mut self, node: &Node) {
        let pattern = PATTERNS
            .iter()
            .position(|pattern| *pattern == node.pattern)
            .unwrap_or(0);
        let additional = match node.additional {
            Additional::Any => -1,
            Additional::Forbid => -2,
            Additional::Node(index) => i64::from(index),
        };
        let figures = [
            i64::from(node.types),
            i64::try_from(pattern).unwrap_or(0),
            i64::from(node.min_length),
            bound(node.max_length, UNLIMITED),
            i64::from(node.min_items),
            bound(node.max_items, UNLIMITED),
            bound(node.items, NONE),
            i64::from(node.min_properties),
            bound(node.max_properties, UNLIMITED),
            additional,
            i64::from(node.minimum),
            i64::from(node.maximum),
            i64::from(node.enum_null),
            i64::try_from(node.lists.one_of.len()).unwrap_or(i64::MAX),
        ];
        for figure in figures {
            self.int(figure);
        }
        self.strings(node.lists.enumeration);
        self.count(node.lists.properties.len());
        for (name, index) in node.lists.properties {
            self.string(name);
            self.int(i64::from(*index));
        }
        self.strings(node.lists.required);
    }
}

/// `value`, or -1 when it is the `absent` sentinel.
fn bound(value: u16, absent: u16) -> i64 {
    if value == absent {
        -1
    } else {
        i64::from(value)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::validation::json::{parse, Json};
    use crate::validation::patterns::CONNECTION_NAME as CONNECTION_NAME_PATTERN;

    /// The tape's items as text (numbers as written, strings decoded).
    fn items(text: &str) -> Vec<String> {
        match parse(text).unwrap() {
            Json::Array(items) => items
                .iter()
                .map(|item| match item {
                    Json::Number(n) => n.raw().to_owned(),
                    Json::String(s) => s.decode(),
                    other => panic!("{other:?}"),
                })
                .collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_tape_holds_every_node_then_the_validators() {
        let text = tables_json(&[
            ("validateConnectionCreate", RequestBody::ConnectionCreate),
            ("validateScimTokenCreate", RequestBody::ScimTokenCreate),
            (
                "validateProvisioningConnectionRequest",
                RequestBody::OktaProvisioningConnection,
            ),
        ]);
        let tape = items(&text);
        // Auth0's node count, then node 0 (the create body: an object, additionalProperties
        // false, no bounds, no enum), its 13 properties and its two required names.
        assert_eq!(tape[0], AUTH0_NODES.len().to_string());
        assert_eq!(tape[1..3], ["64", "0"]);
        assert_eq!(tape[3..10], ["0", "-1", "0", "-1", "-1", "0", "-1"]);
        assert_eq!(tape[10..15], ["-2", "-2147483648", "2147483647", "0", "0"]);
        assert_eq!(tape[15..17], ["0", "13"]);
        assert_eq!(tape[17..19], ["authentication", "92"]);
        let required = 17 + 2 * 13;
        assert_eq!(tape[required..required + 3], ["2", "name", "strategy"]);
        // The triggers close the tape: three of them, each root, counted path and key; the
        // first is the create body's `options.attributes`, the last the update body's.
        let end = tape.len();
        let update = crate::auth0::schema::CONNECTION_UPDATE.to_string();
        assert_eq!(
            tape[end - 4..],
            [update.as_str(), "1", "options", "attributes"]
        );
        let create = crate::auth0::schema::CONNECTION_CREATE.to_string();
        let triggers = end - 4 - 3 - 4 - 1;
        assert_eq!(tape[triggers], "3");
        assert_eq!(
            tape[triggers + 1..triggers + 5],
            [create.as_str(), "1", "options", "attributes"]
        );
        let end = triggers;
        // Before them the validators: a prose-rule body has no roots, Okta's has two.
        assert_eq!(
            tape[end - 13..end],
            [
                "3",
                "validateConnectionCreate",
                "0",
                "1",
                "0",
                "validateScimTokenCreate",
                "0",
                "0",
                "validateProvisioningConnectionRequest",
                "1",
                "2",
                "0",
                "4",
            ][..]
        );
    }

    #[test]
    fn strings_are_escaped() {
        let mut tape = Tape(String::new());
        tape.string("a\"b\\c\u{1}é");
        assert_eq!(tape.0, r#"["a\"b\\c\u0001é""#);
    }

    #[test]
    fn the_limits_are_the_rust_constants_as_json() {
        let limits: serde_json::Value = serde_json::from_str(LIMITS_JSON).unwrap();
        let patterns: Vec<_> = PATTERNS.iter().map(|pattern| pattern.source()).collect();
        assert_eq!(
            limits,
            serde_json::json!({
                "nameMaxChars": crate::validation::name::CONNECTION_NAME_MAX_CHARS,
                "namePattern": NAME_PATTERN,
                "maxClientsPerUpdate": crate::auth0::rules::MAX_CLIENTS_PER_UPDATE,
                "patterns": patterns,
            })
        );
        assert_eq!(patterns[1], Some(CONNECTION_NAME_PATTERN));
        // The number a node's pattern gets on the tape is its index in `patterns`.
        for (number, pattern) in PATTERNS.iter().enumerate() {
            let Some(node) = AUTH0_NODES
                .iter()
                .chain(OKTA_NODES)
                .find(|n| n.pattern == *pattern)
            else {
                continue;
            };
            let mut tape = Tape(String::new());
            tape.node(node);
            tape.0.push(']');
            assert_eq!(items(&tape.0)[1], number.to_string(), "{pattern:?}");
        }
        assert_eq!(
            Pattern::ConnectionName.source(),
            Some(CONNECTION_NAME_PATTERN)
        );
        assert_eq!(PATTERNS[NAME_PATTERN], Pattern::ConnectionName);
    }
}
