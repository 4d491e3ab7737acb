//! The `csp-rules` engine for JavaScript: one boundary for the page's `window.cspRules`
//! (interfaces.md §4) and the rules-only ES module `rules/csp_rules.js` (§6.1).
//!
//! A scenario comes in as an object or as its JSON text and is read exactly as the CLI reads a
//! file; the report and the catalogue go out as plain objects; bad input throws an `Error`
//! whose message is the CLI's one `error:` line. So the page, the module and `csp-rules check`
//! give the same answers, byte for byte as JSON. The `wasm` feature exports them as the module's
//! functions (`module.rs`); without it (the page) they are plain functions. The engine itself
//! never depends on the web.

mod input;
#[cfg(feature = "wasm")]
mod module;

use csp_rules::Lang;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// The engine's version: the module's `version`, the page's `cspRules.version`.
pub const VERSION: &str = csp_rules::VERSION;

/// The report of interfaces.md §2 for a scenario (an object or its JSON text), in `lang`
/// (`"en"`, the default, or `"zh-TW"`).
pub fn evaluate(scenario: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = input::lang(&lang)?;
    let input = input::Scenario::read(&scenario).map_err(|e| thrown(&e.line(lang)))?;
    match csp_rules::check(input.json(), lang) {
        Ok(report) => to_js(&report),
        Err(e) => Err(thrown(&input.placed(e).line(lang))),
    }
}

/// A scenario (an object or its JSON text) read and checked as `evaluate` reads it, for a
/// caller in Rust (the page's embed, opening what a host page sent); on bad input, the same
/// `error:` line `evaluate` would throw.
pub fn read(scenario: &JsValue, lang: Lang) -> Result<csp_rules::Scenario, String> {
    let input = input::Scenario::read(scenario).map_err(|e| e.line(lang))?;
    csp_rules::parse_bytes(input.json()).map_err(|e| input.placed(e).line(lang))
}

/// The rule catalogue in `lang`: `[{id, severity, statement, cite, …}]`, as
/// `csp-rules rules --json` prints it.
pub fn rules(lang: JsValue) -> Result<JsValue, JsValue> {
    to_js(&csp_rules::rules(input::lang(&lang)?))
}

/// The page's share-link fragment for a scenario, `#scenario=…`, as `csp-rules share` prints it.
pub fn share(scenario: JsValue) -> Result<String, JsValue> {
    let input = input::Scenario::read(&scenario).map_err(|e| thrown(&e.line(Lang::En)))?;
    csp_rules::parse_bytes(input.json())
        .map(|s| csp_rules::share::fragment(&s))
        .map_err(|e| thrown(&input.placed(e).line(Lang::En)))
}

/// An `Error` with the one `error:` line.
pub(crate) fn thrown(line: &str) -> JsValue {
    js_sys::Error::new(line).into()
}

/// Serialized once by `serde_json`, as the CLI writes it, and read by the browser's native
/// `JSON.parse`: the same values in the same key order as the CLI's output, and faster for a
/// 250,000-edge report than building each object from Rust.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| thrown(&format!("error: output: {e}")))?;
    js_sys::JSON::parse(&text)
}
