//! `window.cspRules` (interfaces.md §4), for partner-education pages: `evaluate(scenario[,
//! lang])`, `rules([lang])`, `share(scenario)` and `version`. The functions are the rules-only
//! module's own (`csp-rules-wasm`), so the page, the module and the CLI give the same answers;
//! nothing here can panic on what a caller passes.

use wasm_bindgen::prelude::*;

/// The app's version, as `cspRules.version`.
pub const VERSION: &str = csp_rules_wasm::VERSION;

/// Publishes `window.cspRules`. The closures live as long as the page (they are leaked on
/// purpose: the API is never withdrawn).
pub fn install() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let api = js_sys::Object::new();

    let evaluate_fn = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        csp_rules_wasm::evaluate,
    );
    let rules_fn =
        Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(csp_rules_wasm::rules);
    let share_fn =
        Closure::<dyn Fn(JsValue) -> Result<String, JsValue>>::new(csp_rules_wasm::share);

    js_sys::Reflect::set(&api, &"evaluate".into(), evaluate_fn.as_ref())?;
    js_sys::Reflect::set(&api, &"rules".into(), rules_fn.as_ref())?;
    js_sys::Reflect::set(&api, &"share".into(), share_fn.as_ref())?;
    js_sys::Reflect::set(&api, &"version".into(), &VERSION.into())?;
    evaluate_fn.forget();
    rules_fn.forget();
    share_fn.forget();
    // Frozen: a partner page can't break the API for another script by assigning to it.
    js_sys::Object::freeze(&api);
    js_sys::Reflect::set(&window, &"cspRules".into(), &api)?;
    Ok(())
}
