//! Reading and writing JS object properties, and the JS strings the boundary uses on every call
//! (property names, issue codes), created once per module instance: creating a JS string from
//! Rust costs a UTF-8 decode each time.

use std::cell::RefCell;

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

thread_local! {
    static CACHE: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// The JS string for `text`, made once and reused.
pub fn js_str(text: &'static str) -> JsValue {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, value)) = cache.iter().find(|(key, _)| *key == text) {
            return value.clone();
        }
        let value = JsValue::from_str(text);
        cache.push((text, value.clone()));
        value
    })
}

/// Reads `key` from any value; `undefined` when it cannot be read (getters that throw included).
/// Every name read is written in the source, so its JS string comes from the cache.
pub fn get(source: &JsValue, key: &'static str) -> JsValue {
    if !source.is_object() && !source.is_function() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(source, &js_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Sets a property whose name is only known at run time (a query parameter, a header); names
/// written in the source use [`set_key`]. A failure only drops that field.
pub fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// Sets `key` on a plain object; a failure (a frozen or exotic target) only drops that field.
pub fn set_key(target: &Object, key: &'static str, value: &JsValue) {
    let _ = Reflect::set(target, &js_str(key), value);
}
