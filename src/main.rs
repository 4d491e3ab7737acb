//! The page's entry point: publish `window.cspRules`, then render the app into `<body>`.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // The JS API is published first, so a partner page can use it as soon as the module loads;
    // if it can't be (no window), the app still renders.
    if let Err(err) = csp_explorer::io::js_api::install() {
        gloo::console::error!(err);
    }
    csp_explorer::canvas::plain::intern_strings();
    yew::Renderer::<csp_explorer::App>::new().render();
}
