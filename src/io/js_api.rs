//! `window.cspRules` (interfaces.md §4), for partner-education pages:
//! `evaluate(scenario[, lang])`, `rules([lang])`, `version`. A thin front end over the
//! engine: input becomes a `Scenario`, the engine validates and judges it, the report goes
//! back as plain objects: serialized once by `serde_json` and read by the browser's native
//! `JSON.parse` (faster for a 250,000-edge report than building each object through
//! `serde_wasm_bindgen`, and one serializer less in the wasm). Bad input throws an `Error` whose message is the
//! engine's one `error:` line; nothing here can panic on what a caller passes.

use csp_rules::{Lang, Place, Problem, Report, ScenarioError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The app's version, as `cspRules.version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Reads the optional language argument: `"en"` (the default, as for the CLI) or `"zh-TW"`.
fn lang_arg(lang: &JsValue) -> Lang {
    lang.as_string()
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_default()
}

/// A scenario object (or its JSON text) as JSON text, and whether it came as an object.
///
/// The object goes through `JSON.stringify` and the engine's own parser rather than
/// `serde_wasm_bindgen::from_value`: that one reads only the fields a struct names, so an
/// unknown field (an input error for the CLI) would pass silently.
fn scenario_text(input: JsValue) -> Result<(String, bool), ScenarioError> {
    if let Some(text) = input.as_string() {
        return Ok((text, false));
    }
    js_sys::JSON::stringify(&input)
        .ok()
        .and_then(|s| s.as_string())
        .map(|text| (text, true))
        .ok_or_else(|| {
            ScenarioError::new(
                Place::Input,
                Problem::Shape("expected a scenario object or its JSON text".into()),
            )
        })
}

/// The whole of `evaluate`, as a Rust result: the report, or the `error:` line. Read exactly
/// as the CLI reads a file, validated once (`csp_rules::check`). For an object, field paths
/// are kept; the line and column, which would point into the stringified text, are dropped.
pub fn evaluate(input: JsValue, lang: Lang) -> Result<Report, String> {
    let (text, from_object) = scenario_text(input).map_err(|e| e.line(lang))?;
    csp_rules::check(text.as_bytes(), lang).map_err(|mut e| {
        if from_object {
            if let Place::Field { at, .. } = &mut e.place {
                *at = None;
            }
        }
        e.line(lang)
    })
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("error: output: {e}"))))?;
    js_sys::JSON::parse(&text)
}

/// Publishes `window.cspRules`. The closures live as long as the page (they are leaked on
/// purpose: the API is never withdrawn).
pub fn install() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let api = js_sys::Object::new();

    let evaluate_fn = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        |input: JsValue, lang: JsValue| match evaluate(input, lang_arg(&lang)) {
            Ok(report) => to_js(&report),
            Err(line) => Err(js_sys::Error::new(&line).into()),
        },
    );
    let rules_fn = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(|lang: JsValue| {
        to_js(&csp_rules::rules(lang_arg(&lang)))
    });

    js_sys::Reflect::set(&api, &"evaluate".into(), evaluate_fn.as_ref())?;
    js_sys::Reflect::set(&api, &"rules".into(), rules_fn.as_ref())?;
    js_sys::Reflect::set(&api, &"version".into(), &VERSION.into())?;
    evaluate_fn.forget();
    rules_fn.forget();
    // Frozen: a partner page can't break the API for another script by assigning to it.
    js_sys::Object::freeze(&api);
    js_sys::Reflect::set(&window, &"cspRules".into(), &api)?;
    Ok(())
}
