//! Undo and redo, importing a scenario file and exporting the diagram (JSON, SVG, PNG), the
//! diagram/table switch and the shortcut sheet. Every file the page reads goes through the
//! engine, so a refused import shows exactly the CLI's `error:` line.

use super::chrome::Chrome;
use super::recent::Recent;
use crate::io::export::Frame;
use crate::io::{files, web};
use crate::model::layout;
use crate::model::{use_page, Action, Dispatch, Page, Shared};
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

type Export = fn(&Scenario, Frame, Option<(usize, usize)>, Lang);

#[derive(Debug, Properties, PartialEq)]
pub struct FileToolsProps {
    pub scenario: Shared<Scenario>,
    pub counts: Option<(usize, usize)>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub chrome: Chrome,
}

#[function_component(FileTools)]
pub fn file_tools(p: &FileToolsProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let input = use_node_ref();
    let open_picker = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = input.cast::<HtmlInputElement>() {
                i.click();
            }
        })
    };
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
    let export_json = {
        let s = p.scenario.clone();
        Callback::from(move |_: MouseEvent| files::download_json(&s))
    };
    let export = |f: Export| {
        let (s, counts) = (p.scenario.clone(), p.counts);
        Callback::from(move |_: MouseEvent| {
            if let Some(frame) = frame(&s) {
                f(&s, frame, counts, lang);
            }
        })
    };
    let no_picture = p.scenario.nodes.is_empty() || *p.chrome.table;
    let view_button = |table: bool, text: &'static str| {
        let handle = p.chrome.table.clone();
        html! {
            <button type="button" data-view={if table { "table" } else { "diagram" }}
                aria-pressed={if *p.chrome.table == table { "true" } else { "false" }}
                onclick={Callback::from(move |_| handle.set(table))}>{ text }</button>
        }
    };
    let sheet = {
        let sheet = p.chrome.sheet.clone();
        Callback::from(move |_: MouseEvent| sheet.set(!*sheet))
    };
    html! {
        <div class="toolbar file-tools" role="toolbar" aria-label={shell::file_tools(lang)}>
            <div class="group">
                <button type="button" data-action="undo" disabled={!p.can_undo}
                    title={shell::undo_keys(lang)} aria-keyshortcuts="Control+Z Meta+Z"
                    onclick={dispatch.on(Action::Undo)}>{ "↶ " }{ shell::undo(lang) }</button>
                <button type="button" data-action="redo" disabled={!p.can_redo}
                    title={shell::redo_keys(lang)} aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
                    onclick={dispatch.on(Action::Redo)}>{ "↷ " }{ shell::redo(lang) }</button>
            </div>
            <div class="group">
                <button type="button" data-action="import" onclick={open_picker}>{ shell::import(lang) }</button>
                <Recent scenario={p.scenario.clone()} />
                <input ref={input} type="file" class="file-input" hidden=true tabindex="-1"
                    accept=".json,application/json" aria-label={shell::import_file(lang)} onchange={on_file} />
                <button type="button" data-action="export-json" onclick={export_json}>{ shell::export_json(lang) }</button>
                <button type="button" data-action="export-svg" disabled={no_picture}
                    onclick={export(files::download_svg)}>{ shell::export_svg(lang) }</button>
                <button type="button" data-action="export-png" disabled={no_picture}
                    onclick={export(files::download_png)}>{ shell::export_png(lang) }</button>
            </div>
            <div class="group" role="group" aria-label={shell::view_switch(lang)}>
                { view_button(false, shell::diagram_view(lang)) }
                { view_button(true, shell::table_view(lang)) }
            </div>
            <div class="group">
                <button type="button" data-action="shortcuts" aria-keyshortcuts="?" onclick={sheet}>
                    { shell::shortcuts_button(lang) }
                </button>
            </div>
        </div>
    }
}
