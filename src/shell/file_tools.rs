//! Undo and redo, importing a scenario file and exporting the diagram (JSON, SVG, PNG), the
//! diagram/table switch and the shortcut sheet. Every file the page reads goes through the
//! engine, so a refused import shows exactly the CLI's `error:` line.

use super::chrome::Chrome;
use super::export::{ExportDialog, Format};
use crate::io::{files, web};
use crate::model::{use_page, Action, Dispatch, Page, Shared};
use crate::text::shell;
use csp_rules::{Report, Scenario};
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

#[derive(Debug, Properties, PartialEq)]
pub struct FileToolsProps {
    pub scenario: Shared<Scenario>,
    /// The engine's report on it, for the picture's verdicts and findings.
    pub report: Option<Shared<Report>>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub chrome: Chrome,
    /// A quiz hides the verdicts: no picture, file or table may show them.
    #[prop_or_default]
    pub quiz: bool,
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
        Callback::from(move |_: MouseEvent| files::download_json(&s, lang))
    };
    let picture = use_state(|| None::<Format>);
    let export = |f: Format| {
        let picture = picture.clone();
        Callback::from(move |_: MouseEvent| picture.set(Some(f)))
    };
    let close_picture = {
        let picture = picture.clone();
        Callback::from(move |()| {
            picture.set(None);
            web::focus_first("button[data-action=export-svg]");
        })
    };
    let no_picture = p.scenario.nodes.is_empty() || p.quiz;
    let view_button = |table: bool, text: &'static str| {
        let handle = p.chrome.table.clone();
        html! {
            <button type="button" data-view={if table { "table" } else { "diagram" }}
                disabled={table && p.quiz}
                aria-pressed={if (*p.chrome.table && !p.quiz) == table { "true" } else { "false" }}
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
                <input ref={input} type="file" class="file-input" hidden=true tabindex="-1"
                    accept=".json,application/json,.svg,image/svg+xml" aria-label={shell::import_file(lang)} onchange={on_file} />
                <button type="button" data-action="export-json" disabled={p.quiz} onclick={export_json}>{ shell::export_json(lang) }</button>
                <button type="button" data-action="export-svg" disabled={no_picture}
                    onclick={export(Format::Svg)}>{ shell::export_svg(lang) }</button>
                <button type="button" data-action="export-png" disabled={no_picture}
                    onclick={export(Format::Png)}>{ shell::export_png(lang) }</button>
            </div>
            <div class="group" role="group" aria-label={shell::view_switch(lang)}>
                { view_button(false, shell::diagram_view(lang)) }
                { view_button(true, shell::table_view(lang)) }
            </div>
            if let Some(format) = *picture {
                <ExportDialog {format} scenario={p.scenario.clone()} report={p.report.clone()}
                    on_close={close_picture} />
            }
            <div class="group">
                <button type="button" data-action="shortcuts" aria-keyshortcuts="?" onclick={sheet}>
                    { shell::shortcuts_button(lang) }
                </button>
            </div>
        </div>
    }
}
