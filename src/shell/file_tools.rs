//! The File menu's verbs: importing a scenario file (or a picture exported here) and
//! exporting the diagram (JSON, or a picture through the *Export picture* dialog). Every file the page reads goes through the engine, so a refused import shows exactly
//! the CLI's `error:` line.

use super::chrome::Chrome;
use super::export::{ExportDialog, Format};
use crate::io::{files, web};
use crate::model::{Action, Dispatch, Shared, State};
use crate::text::shell;
use csp_rules::{Lang, Report, Scenario};
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

/// Exports the diagram as a scenario file.
pub fn export_json(s: &Scenario, lang: Lang) {
    files::download_json(s, lang);
}

/// The *Export picture* dialog for `format`, open over the page; closing it gives the focus
/// back to the File menu.
pub fn export_dialog(
    format: Format,
    s: &State,
    report: Option<Shared<Report>>,
    chrome: &Chrome,
) -> Html {
    let on_close = {
        let picture = chrome.picture.clone();
        Callback::from(move |()| {
            picture.set(None);
            web::focus_shown(&["button[data-menu=file]", "button[data-menu=more]"]);
        })
    };
    html! {
        <ExportDialog {format} scenario={Shared(s.scenario().clone())} {report} {on_close} />
    }
}

/// The file picker of the File menu's *Import…*: hidden, clicked by the menu item. It takes
/// a scenario file, or an SVG picture exported here (which carries its scenario).
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
            accept=".json,application/json,.svg,image/svg+xml" aria-label={shell::import_file(lang)} onchange={on_file} />
    }
}
