//! The page's first frame of each guide scenario, prerendered at build time: the page's own
//! state opens the preset as the address `#preset=N` does, the page's own evaluation judges it
//! with `csp-rules`, and the canvas's own components (`canvas::first::FirstFrame`) draw it,
//! through yew's server renderer. `static/boot.js` shows the markup until the app has started.

use csp_explorer::canvas::first::{FirstFrame, FirstFrameProps};
use csp_explorer::io::library;
use csp_explorer::io::url::Start;
use csp_explorer::model::evaluation::{EvalKey, Evaluation};
use csp_explorer::model::{Shared, State};
use csp_rules::{Lang, Scenario};
use std::rc::Rc;
use yew::LocalServerRenderer;

/// The languages a first frame is drawn in, each its own file.
pub const LANGS: [Lang; 2] = [Lang::En, Lang::ZhTw];

/// The file a first frame is written to, under the built folder (as `static/boot.js` asks).
pub fn file_name(n: u8, lang: Lang) -> String {
    format!("first/{n}-{}.html", lang.tag())
}

/// Preset `n` opened from its file's `text` as the page opens `#preset=N` in `lang`, drawn
/// as its first frame; or the line that says why it can't be.
pub fn preset_frame(n: u8, text: &str, lang: Lang) -> Result<String, String> {
    library::put(n, text, None).map_err(|e| e.line(Lang::En))?;
    let state = State::restored_in("build", lang, None, Start::Preset(n.to_string()));
    if state.doc.preset() != Some(n) {
        return Err(format!("preset {n}: the page did not open it"));
    }
    Ok(frame(state.scenario().clone(), state.doc.rev(), lang))
}

/// `scenario` at rules' revision `rev`, judged and drawn as the canvas draws it in `lang`.
pub fn frame(scenario: Rc<Scenario>, rev: u64, lang: Lang) -> String {
    let eval = Evaluation::new(&EvalKey {
        rev,
        lang,
        scenario: scenario.clone(),
    });
    let props = FirstFrameProps {
        scenario: Shared(scenario),
        rev,
        verdicts: eval.verdicts.clone(),
        lang,
    };
    let renderer = LocalServerRenderer::<FirstFrame>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

#[cfg(test)]
mod tests;
