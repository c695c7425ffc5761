//! Query parameters as plain data: what a caller passed in `params`, read once at the JS
//! boundary. Kept free of any JSON library, so the wasm carries no JSON value type for them.

/// One parameter value as the caller gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamValue {
    /// `null` (or `undefined`): treated as absent.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (JS numbers are doubles).
    Number(f64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<ParamValue>),
    /// Anything else (an object, a function…); the name of its type, for messages.
    Other(&'static str),
}

impl ParamValue {
    /// The value as a non-negative whole number, when it is one.
    pub fn as_count(&self) -> Option<u64> {
        match self {
            ParamValue::Number(n) if n.is_finite() && *n >= 0.0 && n.fract() == 0.0 => {
                // Exact: whole doubles below 2^64 convert without loss.
                Some(*n as u64)
            }
            _ => None,
        }
    }

    /// The value as a whole number, when it is one within ±2^53.
    pub fn as_whole(&self) -> Option<i64> {
        const LIMIT: f64 = 9_007_199_254_740_992.0;
        match self {
            ParamValue::Number(n) if n.is_finite() && n.fract() == 0.0 && n.abs() <= LIMIT => {
                Some(*n as i64)
            }
            _ => None,
        }
    }

    /// Converts JSON data (tests, native callers) into a parameter value.
    pub fn from_json(value: &serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => ParamValue::Null,
            Value::Bool(flag) => ParamValue::Bool(*flag),
            Value::Number(n) => n.as_f64().map_or(ParamValue::Null, ParamValue::Number),
            Value::String(text) => ParamValue::Text(text.clone()),
            Value::Array(items) => ParamValue::List(items.iter().map(Self::from_json).collect()),
            Value::Object(_) => ParamValue::Other("an object"),
        }
    }
}

/// The `params` of one call: names and values in the caller's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params(Vec<(String, ParamValue)>);

impl Params {
    /// No parameters.
    pub fn new() -> Self {
        Params(Vec::new())
    }

    /// The value of `name`, if given (possibly `Null`).
    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    }

    /// Sets `name`, replacing an earlier value.
    pub fn set(&mut self, name: &str, value: ParamValue) {
        match self.0.iter_mut().find(|(key, _)| key == name) {
            Some(slot) => slot.1 = value,
            None => self.0.push((name.to_owned(), value)),
        }
    }

    /// Every name and value, in order.
    pub fn iter(&self) -> impl Iterator<Item = &(String, ParamValue)> {
        self.0.iter()
    }

    /// Whether `name` is given and not null.
    pub fn is_set(&self, name: &str) -> bool {
        self.get(name)
            .is_some_and(|value| *value != ParamValue::Null)
    }

    /// `name` as a non-negative whole number, when it is one.
    pub fn count(&self, name: &str) -> Option<u64> {
        self.get(name).and_then(ParamValue::as_count)
    }

    /// Converts a JSON object (tests, native callers); anything else gives no parameters.
    pub fn from_json(value: &serde_json::Value) -> Self {
        match value.as_object() {
            Some(map) => Params(
                map.iter()
                    .map(|(key, value)| (key.clone(), ParamValue::from_json(value)))
                    .collect(),
            ),
            None => Params::new(),
        }
    }
}

impl FromIterator<(String, ParamValue)> for Params {
    fn from_iter<T: IntoIterator<Item = (String, ParamValue)>>(iter: T) -> Self {
        Params(iter.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_non_negative_numbers() {
        assert_eq!(ParamValue::Number(3.0).as_count(), Some(3));
        assert_eq!(ParamValue::Number(-1.0).as_count(), None);
        assert_eq!(ParamValue::Number(1.5).as_count(), None);
        assert_eq!(ParamValue::Number(f64::NAN).as_count(), None);
        assert_eq!(ParamValue::Text("3".into()).as_count(), None);
    }

    #[test]
    fn set_replaces_and_keeps_order() {
        let mut params = Params::from_json(&serde_json::json!({"a": 1, "b": null}));
        params.set("a", ParamValue::Bool(true));
        params.set("c", ParamValue::Text("x".into()));
        let names: Vec<&str> = params.iter().map(|(key, _)| key.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert!(params.is_set("a") && !params.is_set("b") && !params.is_set("d"));
    }
}
