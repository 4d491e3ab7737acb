//! The File menu's verbs: importing a scenario file and exporting the diagram (JSON, SVG,
//! PNG). Every file the page reads goes through the engine, so a refused import shows exactly
//! the CLI's `error:` line.

use crate::io::export::Frame;
use crate::io::{files, web};
use crate::model::layout;
use crate::model::{Action, Dispatch};
use crate::text::shell;
use csp_rules::{Lang, Scenario};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Reads a file the user chose or dropped and imports it, or says why not. The current
/// diagram changes only when the engine accepts the whole file; then the address names no
/// preset or walkthrough step any more (a reload must not open one over the file).
pub fn import_file(file: web_sys::File, dispatch: Dispatch) {
    files::read_scenario(file, move |read| match read {
        Ok(s) => {
            web::set_fragment("");
            dispatch.send(Action::Import(s));
        }
        Err(e) => dispatch.send(Action::ImportFailed(e)),
    });
}

/// The whole diagram, labels included, as an exported picture frames it.
fn frame(s: &Scenario) -> Option<Frame> {
    layout::bounds(s, None).map(|b| Frame {
        x0: b.x0,
        y0: b.y0,
        x1: b.x1,
        y1: b.y1,
    })
}

/// A picture of the diagram to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picture {
    Svg,
    Png,
}

/// Exports the diagram as a scenario file (named by its title in `lang`).
pub fn export_json(s: &Scenario, lang: Lang) {
    files::download_json(s, lang);
}

/// Exports the drawing with its verdict legend (`counts`: allowed and blocked).
pub fn export_picture(kind: Picture, s: &Scenario, counts: Option<(usize, usize)>, lang: Lang) {
    if let Some(frame) = frame(s) {
        match kind {
            Picture::Svg => files::download_svg(s, frame, counts, lang),
            Picture::Png => files::download_png(s, frame, counts, lang),
        }
    }
}

/// The file picker of the File menu's *Import…*: hidden, clicked by the menu item.
pub fn import_input(lang: Lang, dispatch: &Dispatch) -> Html {
    let on_file = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = el.files().and_then(|f| f.get(0)) {
                import_file(file, dispatch.clone());
            }
            // Choosing the same file again must import it again.
            el.set_value("");
        })
    };
    html! {
        <input type="file" class="file-input" hidden=true tabindex="-1"
            accept=".json,application/json" aria-label={shell::import_file(lang)} onchange={on_file} />
    }
}
