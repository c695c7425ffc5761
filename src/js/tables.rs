//! What the package's JS layer reads from the wasm once: the schema tables with each body
//! validator's roots, for the accept path (`lib/accept.js`, which walks the same tables as the
//! Rust [`Walker`](crate::validation::schema::Walker) to answer "valid" for the values it can prove
//! valid without crossing into wasm), and the limits it applies itself (`lib/limits.js`).
//!
//! Both are self-describing JSON: the tables speak JSON Schema's own keywords, so no position, bit
//! or sentinel is shared between this writer and its reader.

use crate::auth0::cross_field::TRIGGERS;
use crate::auth0::name::CONNECTION_NAME_MAX_CHARS;
use crate::auth0::rules::{strategy_key, StrategyKey, MAX_CLIENTS_PER_UPDATE};
use crate::auth0::schema::NODES as AUTH0_NODES;
use crate::auth0::schema::PER_STRATEGY;
use crate::bodies::{Provider, RequestBody};
use crate::okta::schema::NODES as OKTA_NODES;
use crate::rules::schema_roots;
use crate::text::ToPart;
use crate::validation::layout::{ty, TYPE_NAMES};
use crate::validation::patterns::CONNECTION_NAME;
use crate::validation::schema::{Additional, Node, NONE, UNLIMITED, UNLIMITED_LENGTH};

/// The tables as one JSON object:
///
/// - `tables`: Auth0's nodes, then Okta's, each node a JSON Schema object whose sub-schemas are
///   node numbers in its table: `type` (the list of type names; absent: any), `enum` (with `null`
///   when it allows null), `minLength`, `maxLength`, `pattern` (the spec's text; `null` for a
///   pattern or format only Rust checks), `minItems`, `maxItems`, `items`, `minProperties`,
///   `maxProperties`, `properties`, `required`, `additionalProperties` (`false` or a node),
///   `minimum`, `maximum`, `oneOf`, and `nullMembers: true` when each declared property also takes
///   `null` (an option Auth0 reads as unset). A keyword the schema does not state is left out.
/// - `bodies`: per body validator its JS `name`, its `table` (0 Auth0, 1 Okta), its `roots` and,
///   when its strategy picks its options schema, where that `strategy` is read: `"body"` (the
///   body's member) or `"option"` (the caller's `{ strategy }`).
/// - `strategies`: each strategy with a per-strategy schema and its options node: a body of that
///   strategy is valid when valid under its root with that node in place of the root's `options`.
/// - `triggers`: the members Auth0's cross-field rules read (also at each per-strategy options node
///   for those under `options`), each its `root` node, its `path` (property names; `"[]"` for array
///   items), its `key` and `named: true` when it applies only when the caller names a strategy
///   (then only to that strategy's body): an object at that path holding that key is never proved
///   valid in JS (a rule of [`crate::auth0::cross_field`] may refuse it), so such bodies reach the
///   Rust validator.
pub fn tables_json(bodies: &[(&str, RequestBody)]) -> String {
    let mut out = Writer(String::with_capacity(32 * 1024));
    out.open('{');
    out.key("tables");
    out.open('[');
    for nodes in [AUTH0_NODES.nodes(), OKTA_NODES.nodes()] {
        out.open('[');
        for node in nodes {
            out.node(node);
        }
        out.close(']');
    }
    out.close(']');
    out.key("bodies");
    out.open('[');
    for (name, body) in bodies {
        let (tables, roots) = schema_roots(*body);
        out.open('{');
        out.key("name");
        out.string(name);
        out.key("table");
        out.int(match tables {
            Provider::Auth0 => 0,
            Provider::Okta => 1,
        });
        out.key("roots");
        out.nodes(roots);
        let from = match tables {
            Provider::Auth0 => strategy_key(*body),
            Provider::Okta => StrategyKey::None,
        };
        match from {
            StrategyKey::None => {}
            StrategyKey::Body => {
                out.key("strategy");
                out.string("body");
            }
            StrategyKey::Option => {
                out.key("strategy");
                out.string("option");
            }
        }
        out.close('}');
    }
    out.close(']');
    out.key("strategies");
    out.open('{');
    for (strategy, options) in PER_STRATEGY {
        out.key(strategy);
        out.int(i64::from(*options));
    }
    out.close('}');
    // Each trigger at its root, and a trigger inside a body's `options` at every per-strategy
    // options node too (once: many strategies share their options node).
    let mut triggers: Vec<(u16, &[&str], &str, bool)> = Vec::new();
    for trigger in TRIGGERS {
        let mut add = |row| {
            if !triggers.contains(&row) {
                triggers.push(row);
            }
        };
        add((trigger.root, trigger.path, trigger.key, trigger.named));
        if let Some((&"options", rest)) = trigger.path.split_first() {
            for (_, options) in PER_STRATEGY {
                add((*options, rest, trigger.key, trigger.named));
            }
        }
    }
    out.key("triggers");
    out.open('[');
    for (root, path, key, named) in triggers {
        out.open('{');
        out.key("root");
        out.int(i64::from(root));
        out.key("path");
        out.strings(path);
        out.key("key");
        out.string(key);
        if named {
            out.key("named");
            out.raw("true");
        }
        out.close('}');
    }
    out.close(']');
    out.close('}');
    out.0
}

/// The limits the JS layer applies itself (the name check's fast path in `lib/fields.js`,
/// `clients.update`'s batches), as JSON text, so each is written once, in Rust:
/// `{"nameMaxChars":128,"namePattern":"^…$","maxClientsPerUpdate":50}`.
pub fn limits_json() -> String {
    let mut out = Writer(String::with_capacity(96));
    out.open('{');
    out.key("nameMaxChars");
    out.int(count(CONNECTION_NAME_MAX_CHARS));
    out.key("namePattern");
    out.string(CONNECTION_NAME);
    out.key("maxClientsPerUpdate");
    out.int(count(MAX_CLIENTS_PER_UPDATE));
    out.close('}');
    out.0
}

/// A count as a JSON number.
fn count(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// JSON text being written: [`Writer::item`] puts the comma between values.
struct Writer(String);

impl Writer {
    /// Starts a value: a comma unless it opens its container or follows its key.
    fn item(&mut self) {
        if !matches!(self.0.chars().next_back(), None | Some('[' | '{' | ':')) {
            self.0.push(',');
        }
    }

    fn open(&mut self, bracket: char) {
        self.item();
        self.0.push(bracket);
    }

    fn close(&mut self, bracket: char) {
        self.0.push(bracket);
    }

    /// A value written as it is.
    fn raw(&mut self, text: &str) {
        self.item();
        self.0.push_str(text);
    }

    /// A member's key.
    fn key(&mut self, name: &str) {
        self.string(name);
        self.0.push(':');
    }

    /// A whole number.
    fn int(&mut self, value: i64) {
        self.item();
        crate::text::push_part(&mut self.0, value.part());
    }

    /// A string: quotes, backslashes and control characters escaped (as `\\u00XX`).
    fn string(&mut self, text: &str) {
        self.item();
        crate::text::push_json_string(&mut self.0, text);
    }

    /// A list of strings.
    fn strings(&mut self, items: &[&str]) {
        self.open('[');
        for item in items {
            self.string(item);
        }
        self.close(']');
    }

    /// A list of node numbers.
    fn nodes(&mut self, items: &[u16]) {
        self.open('[');
        for item in items {
            self.int(i64::from(*item));
        }
        self.close(']');
    }

    /// `name: figure`, unless the figure is `absent`.
    fn figure(&mut self, name: &str, figure: i64, absent: i64) {
        if figure != absent {
            self.key(name);
            self.int(figure);
        }
    }

    /// One node (see [`tables_json`]).
    fn node(&mut self, node: &Node) {
        self.open('{');
        if node.types != ty::ANY {
            self.key("type");
            self.open('[');
            for (bit, name) in TYPE_NAMES {
                if node.types & bit != 0 {
                    self.string(name);
                }
            }
            self.close(']');
        }
        let lists = node.lists;
        if !lists.enumeration.is_empty() || node.enum_null {
            self.key("enum");
            self.strings(lists.enumeration);
            if node.enum_null {
                self.0.pop();
                self.raw("null");
                self.close(']');
            }
        }
        self.figure("minLength", i64::from(node.min_length), 0);
        let absent = i64::from(UNLIMITED_LENGTH);
        self.figure("maxLength", i64::from(node.max_length), absent);
        if let Some(source) = node.pattern.source() {
            if !source.is_empty() {
                self.key("pattern");
                self.string(source);
            }
        } else {
            self.key("pattern");
            self.raw("null");
        }
        let unlimited = i64::from(UNLIMITED);
        self.figure("minItems", i64::from(node.min_items), 0);
        self.figure("maxItems", i64::from(node.max_items), unlimited);
        self.figure("items", i64::from(node.items), i64::from(NONE));
        self.figure("minProperties", i64::from(node.min_properties), 0);
        self.figure("maxProperties", i64::from(node.max_properties), unlimited);
        if !lists.properties.is_empty() {
            self.key("properties");
            self.open('{');
            for (name, index) in lists.properties {
                self.key(name);
                self.int(i64::from(*index));
            }
            self.close('}');
        }
        if !lists.required.is_empty() {
            self.key("required");
            self.strings(lists.required);
        }
        match node.additional {
            Additional::Any => {}
            Additional::Forbid => {
                self.key("additionalProperties");
                self.raw("false");
            }
            Additional::Node(index) => self.figure("additionalProperties", i64::from(index), -1),
        }
        self.figure("minimum", i64::from(node.minimum), i64::from(i32::MIN));
        self.figure("maximum", i64::from(node.maximum), i64::from(i32::MAX));
        if !lists.one_of.is_empty() {
            self.key("oneOf");
            self.nodes(lists.one_of);
        }
        if node.null_members {
            self.key("nullMembers");
            self.raw("true");
        }
        self.close('}');
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::validation::schema::{Lists, Pattern};
    use serde_json::{json, Value};

    fn node_json(node: &Node) -> Value {
        let mut out = Writer(String::new());
        out.node(node);
        serde_json::from_str(&out.0).unwrap()
    }

    #[test]
    fn the_tables_hold_every_node_then_the_validators() {
        let text = tables_json(&[
            ("validateConnectionCreate", RequestBody::ConnectionCreate),
            ("validateScimTokenCreate", RequestBody::ScimTokenCreate),
            (
                "validateProvisioningConnectionRequest",
                RequestBody::OktaProvisioningConnection,
            ),
        ]);
        let tape: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            tape["tables"][0].as_array().unwrap().len(),
            AUTH0_NODES.len()
        );
        assert_eq!(
            tape["tables"][1].as_array().unwrap().len(),
            OKTA_NODES.len()
        );
        let create = crate::auth0::schema::CONNECTION_CREATE;
        // The create body's generic root, its strategy read from the body; a prose-rule body has
        // no roots; Okta's has two.
        assert_eq!(
            tape["bodies"],
            json!([
                {"name": "validateConnectionCreate", "table": 0, "roots": [create], "strategy": "body"},
                {"name": "validateScimTokenCreate", "table": 0, "roots": []},
                {"name": "validateProvisioningConnectionRequest", "table": 1, "roots": crate::okta::rules::SCHEMA_ROOTS},
            ])
        );
        let strategies = tape["strategies"].as_object().unwrap();
        assert_eq!(strategies.len(), PER_STRATEGY.len());
        assert_eq!(
            strategies["samlp"],
            json!(crate::auth0::rules::per_strategy("samlp").unwrap())
        );
        // The create body's `options.attributes` at its generic root, and `attributes` at every
        // options node (once each).
        let triggers = tape["triggers"].as_array().unwrap();
        let samlp = crate::auth0::rules::per_strategy("samlp").unwrap();
        for trigger in [
            json!({"root": create, "path": ["options"], "key": "attributes"}),
            json!({"root": samlp, "path": [], "key": "attributes"}),
        ] {
            assert_eq!(
                triggers.iter().filter(|t| **t == trigger).count(),
                1,
                "{trigger}"
            );
        }
    }

    #[test]
    fn a_node_is_json_schema_without_its_absent_keywords() {
        assert_eq!(node_json(&Node::ANY), json!({}));
        let node = Node {
            types: ty::STR | ty::NULL,
            enum_null: true,
            max_length: 128,
            pattern: Pattern::ConnectionName,
            minimum: -3,
            lists: &Lists {
                enumeration: &["a\"b\\c\u{1}é"],
                ..Lists::EMPTY
            },
            ..Node::ANY
        };
        assert_eq!(
            node_json(&node),
            json!({"type": ["null", "string"], "enum": ["a\"b\\c\u{1}é", null], "maxLength": 128,
                   "pattern": CONNECTION_NAME, "minimum": -3})
        );
        let object = Node {
            types: ty::OBJ,
            null_members: true,
            additional: Additional::Forbid,
            items: 3,
            lists: &Lists {
                properties: &[("x", 1), ("y", 2)],
                required: &["x"],
                one_of: &[4, 5],
                ..Lists::EMPTY
            },
            ..Node::ANY
        };
        assert_eq!(
            node_json(&object),
            json!({"type": ["object"], "items": 3, "properties": {"x": 1, "y": 2}, "required": ["x"],
                   "additionalProperties": false, "oneOf": [4, 5], "nullMembers": true})
        );
        // A pattern only Rust checks is `null`: JS proves no value under it.
        let email = Node {
            pattern: Pattern::Email,
            additional: Additional::Node(7),
            ..Node::ANY
        };
        assert_eq!(
            node_json(&email),
            json!({"pattern": null, "additionalProperties": 7})
        );
    }

    #[test]
    fn the_limits_are_the_rust_constants_as_json() {
        let limits: Value = serde_json::from_str(&limits_json()).unwrap();
        assert_eq!(
            limits,
            json!({
                "nameMaxChars": crate::auth0::name::CONNECTION_NAME_MAX_CHARS,
                "namePattern": CONNECTION_NAME,
                "maxClientsPerUpdate": crate::auth0::rules::MAX_CLIENTS_PER_UPDATE,
            })
        );
        assert_eq!(Pattern::ConnectionName.source(), Some(CONNECTION_NAME));
    }
}
