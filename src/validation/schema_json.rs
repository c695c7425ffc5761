//! The schema tables as JSON text, for the package's JS accept path (`lib/accept.js`). It walks
//! the same tables as [`Walker`](super::schema::Walker) to answer "valid" for the values it can
//! prove valid without crossing into wasm; every other value is validated, and explained, here.
//! The tables are written once, when the first validator runs.

use super::body::{schema_roots, RequestBody, Tables};
use super::name::connection_name_max_chars;
use super::patterns::{alphanumeric_pattern, connection_name_pattern};
use super::schema::{Additional, Node, Pattern, NONE, UNLIMITED, UNLIMITED_LENGTH};
use crate::auth0::cross_field::TRIGGERS;
use crate::auth0::rules::max_clients_per_update;
use crate::auth0::rules::{strategy_key, StrategyKey};
use crate::auth0::schema::NODES as AUTH0_NODES;
use crate::auth0::schema::PER_STRATEGY;
use crate::okta::schema::NODES as OKTA_NODES;
use crate::text::ToPart;

/// The tables as one JSON array read in order (a tape), so both the writer here and the reader in
/// `lib/accept.js` are a few loops:
///
/// - each table (Auth0's, then Okta's): its node count, then per node the 14 figures `types,
///   pattern, minLength, maxLength, minItems, maxItems, items, minProperties, maxProperties,
///   additional, minimum, maximum, enumNull, nullMembers`, then four counted lists: the enum values, the
///   properties as name and node pairs, the required names, the `oneOf` alternatives' nodes;
/// - the validator count, then per validator its JS name, its table (0 Auth0, 1 Okta), its
///   counted roots, and where its strategy is read (0 nowhere, 1 the body's `strategy`, 2 the
///   caller's `{ strategy }` option);
/// - the strategies with a per-strategy schema, counted, each its name and its options node: a
///   body whose strategy has one is valid when valid under its root with that node in place of
///   the root's `options`;
/// - the triggers of Auth0's cross-field rules (also at each per-strategy options node for those
///   under `options`), counted, each its root node, its counted path
///   (property names; `"[]"` for array items), its key and whether it applies only when the caller
///   names a strategy (1; then only to that strategy's body): an object at that path holding that
///   key is never proved valid in JS (a rule of [`crate::auth0::cross_field`] may refuse it), so
///   such bodies reach the Rust validator.
///
/// An absent upper bound or sub-schema is -1, `additionalProperties: false` is -2 (absent is -1),
/// an absent `minimum` or `maximum` is `i32::MIN` or `i32::MAX`; `pattern` is 0 (none), 1 (the
/// connection name), 2 (letters and digits), 3 (the email format), 4 (an https URL), 5 (hexadecimal
/// digits), 6 (decimal digits) or 7 (a waad client id).
pub fn tables_json(bodies: &[(&str, RequestBody)]) -> String {
    let mut tape = Tape(String::with_capacity(16 * 1024));
    for nodes in [AUTH0_NODES.nodes(), OKTA_NODES.nodes()] {
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
        let key = match tables {
            Tables::Auth0 => strategy_key(*body),
            Tables::Okta => StrategyKey::None,
        };
        tape.int(match key {
            StrategyKey::None => 0,
            StrategyKey::Body => 1,
            StrategyKey::Option => 2,
        });
    }
    // The strategies with their options nodes (for the bodies whose strategy is read).
    tape.count(PER_STRATEGY.len());
    for (strategy, options) in PER_STRATEGY {
        tape.string(strategy);
        tape.int(i64::from(*options));
    }
    // Each trigger at its root, and a trigger inside a body's `options` at every per-strategy
    // options node too.
    let mut triggers: Vec<(u16, &[&str], &str, bool)> = Vec::new();
    for trigger in TRIGGERS {
        triggers.push((trigger.root, trigger.path, trigger.key, trigger.named));
        if let Some((&"options", rest)) = trigger.path.split_first() {
            for (_, options) in PER_STRATEGY {
                triggers.push((*options, rest, trigger.key, trigger.named));
            }
        }
    }
    triggers.sort_unstable();
    triggers.dedup();
    tape.count(triggers.len());
    for (root, path, key, named) in triggers {
        tape.int(i64::from(root));
        tape.strings(path);
        tape.string(key);
        tape.int(i64::from(named));
    }
    tape.0.push(']');
    tape.0
}

/// The patterns in table-number order: a node's `pattern` on the tape is its index here.
const PATTERNS: [Pattern; 8] = [
    Pattern::None,
    Pattern::ConnectionName,
    Pattern::Alphanumeric,
    Pattern::Email,
    Pattern::HttpsUrl,
    Pattern::Hex,
    Pattern::Digits,
    Pattern::ClientIdChars,
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
/// does not state the rule (the email format, the per-strategy options' https URLs, hex
/// thumbprints, digits and client id characters), so a value under it is left to Rust; `namePattern`
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
    "\",null,null,null,null,null]}"
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
            if node.max_length == UNLIMITED_LENGTH {
                -1
            } else {
                i64::from(node.max_length)
            },
            i64::from(node.min_items),
            bound(node.max_items, UNLIMITED),
            bound(node.items, NONE),
            i64::from(node.min_properties),
            bound(node.max_properties, UNLIMITED),
            additional,
            i64::from(node.minimum),
            i64::from(node.maximum),
            i64::from(node.enum_null),
            i64::from(node.null_members),
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
        self.count(node.lists.one_of.len());
        for index in node.lists.one_of {
            self.int(i64::from(*index));
        }
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
        // Auth0's node count, then node 0 (an object, additionalProperties false, no bounds).
        assert_eq!(tape[0], AUTH0_NODES.len().to_string());
        // Read past both tables: 14 figures, then the enum, properties, required and oneOf lists.
        let mut at = 0;
        for _ in 0..2 {
            let count: usize = tape[at].parse().unwrap();
            at += 1;
            for _ in 0..count {
                at += 14;
                for pairs in [1, 2, 1, 1] {
                    let n: usize = tape[at].parse().unwrap();
                    at += 1 + pairs * n;
                }
            }
        }
        let create = crate::auth0::schema::CONNECTION_CREATE.to_string();
        // The validators: the create body's generic root, its strategy read from the body; a
        // prose-rule body has no roots; Okta's has two.
        let okta: Vec<String> = crate::okta::rules::SCHEMA_ROOTS
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            tape[at..at + 16],
            [
                "3",
                "validateConnectionCreate",
                "0",
                "1",
                create.as_str(),
                "1",
                "validateScimTokenCreate",
                "0",
                "0",
                "0",
                "validateProvisioningConnectionRequest",
                "1",
                "2",
                okta[0].as_str(),
                okta[1].as_str(),
                "0"
            ][..]
        );
        at += 16;
        // The strategies with their options nodes.
        let rows = PER_STRATEGY;
        assert_eq!(tape[at], rows.len().to_string());
        assert_eq!(
            tape[at + 1..at + 3],
            [rows[0].0.to_owned(), rows[0].1.to_string()]
        );
        at += 1 + 2 * rows.len();
        // The triggers close the tape, each root, counted path and key: the create body's
        // `options.attributes` at its generic root, and `attributes` at every options node.
        let triggers: usize = tape[at].parse().unwrap();
        let mut found = Vec::new();
        at += 1;
        for _ in 0..triggers {
            let n: usize = tape[at + 1].parse().unwrap();
            found.push((
                tape[at].clone(),
                tape[at + 2..at + 2 + n].join("."),
                tape[at + 2 + n].clone(),
            ));
            at += 4 + n;
        }
        assert_eq!(at, tape.len());
        let samlp = crate::auth0::rules::per_strategy("samlp")
            .unwrap()
            .to_string();
        for trigger in [(create, "options"), (samlp, "")] {
            let trigger = (trigger.0, trigger.1.to_owned(), "attributes".to_owned());
            assert!(found.contains(&trigger), "{trigger:?}");
        }
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
                .chain(OKTA_NODES.iter())
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
