//! Undo and redo, importing a scenario file and exporting the diagram (JSON, SVG, PNG), the
//! shortcut sheet and the diagram/table switch. Every file the page reads goes through the
//! engine's `parse_bytes`, so a refused import shows exactly the CLI's `error:` line.

use super::{Dispatch, Shared};
use crate::i18n::T;
use crate::state::Action;
use crate::{export, layout, web};
use csp_rules::{Lang, Limit, Place, Problem, Scenario, ScenarioError};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Reads a file the user chose or dropped and imports it, or says why not. The current
/// diagram changes only when the engine accepts the whole file.
pub fn import_file(file: web_sys::File, dispatch: Dispatch) {
    let size = file.size();
    if size > Limit::MAX_BYTES as f64 {
        // Refused before reading it all into memory, with the error the CLI gives.
        let found = size as usize;
        dispatch.dispatch(Action::ImportFailed(ScenarioError::new(
            Place::Input,
            Problem::TooLarge {
                limit: Limit::Bytes,
                found: Some(found),
            },
        )));
        return;
    }
    web::read_file(file, move |bytes| {
        dispatch.dispatch(match bytes.map(|b| csp_rules::parse_bytes(&b)) {
            Some(Ok(s)) => Action::Import(s),
            Some(Err(e)) => Action::ImportFailed(e),
            None => Action::ImportUnreadable,
        });
    });
}

/// A file name for the diagram: its title made safe, else "scenario".
pub fn file_stem(s: &Scenario) -> String {
    let stem: String = s
        .title
        .as_deref()
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let stem = stem
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "scenario".into()
    } else {
        stem.chars().take(60).collect()
    }
}

/// The canvas drawing as a standalone SVG file (with the legend), and its size.
fn svg_of(s: &Scenario, counts: Option<(usize, usize)>, lang: Lang) -> Option<(String, f64, f64)> {
    let doc = web_sys::window()?.document()?;
    let viewport = doc.query_selector("svg.canvas g.viewport").ok().flatten()?;
    let copy = viewport.clone_node_with_deep(true).ok()?;
    let copy: web_sys::Element = copy.dyn_into().ok()?;
    // The export shows the whole diagram, not the current pan and zoom, nor the selection.
    let _ = copy.remove_attribute("transform");
    if let Ok(selected) = copy.query_selector_all(".selected") {
        for i in 0..selected.length() {
            if let Some(el) = selected
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let class = el.get_attribute("class").unwrap_or_default();
                let kept: Vec<&str> = class.split(' ').filter(|c| *c != "selected").collect();
                let _ = el.set_attribute("class", &kept.join(" "));
            }
        }
    }
    let drawing = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&copy)
        .ok()?;
    let bounds = layout::bounds(s, None)?;
    Some(export::svg_file(
        &drawing,
        &web::page_css(),
        bounds,
        s.title.as_deref(),
        counts,
        lang,
    ))
}

/// Draws the SVG onto a canvas at twice its size and offers it as a PNG. The SVG is loaded
/// from a `blob:` URL (hence `img-src 'self' blob:` in the page's policy).
fn export_png(svg: String, w: f64, h: f64, name: String) -> Option<()> {
    let doc = web_sys::window()?.document()?;
    let blob = web::blob(svg.as_bytes(), "image/svg+xml")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let img = web_sys::HtmlImageElement::new().ok()?;
    let on_load = {
        let img = img.clone();
        let url = url.clone();
        move || -> Option<()> {
            let _ = web_sys::Url::revoke_object_url(&url);
            let canvas: web_sys::HtmlCanvasElement =
                doc.create_element("canvas").ok()?.dyn_into().ok()?;
            // Twice the size for sharpness, within what browsers allow a canvas to be.
            let scale = 2.0_f64
                .min(16_000.0 / w)
                .min(16_000.0 / h)
                .min((200_000_000.0 / (w * h)).sqrt());
            canvas.set_width((w * scale) as u32);
            canvas.set_height((h * scale) as u32);
            let ctx: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d").ok()??.dyn_into().ok()?;
            ctx.scale(scale, scale).ok()?;
            ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w, h)
                .ok()?;
            let done = wasm_bindgen::closure::Closure::once_into_js(move |b: JsValue| {
                if let Ok(b) = b.dyn_into::<web_sys::Blob>() {
                    web::download_blob(&name, &b);
                }
            });
            canvas.to_blob(done.unchecked_ref()).ok()
        }
    };
    gloo::events::EventListener::once(&img, "load", move |_| {
        let _ = on_load();
    })
    .forget();
    {
        let url = url.clone();
        gloo::events::EventListener::once(&img, "error", move |_| {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
    }
    img.set_src(&url);
    Some(())
}

#[derive(Debug, Properties, PartialEq)]
pub struct FileToolsProps {
    pub lang: Lang,
    pub scenario: Shared<Scenario>,
    pub counts: Option<(usize, usize)>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub table: bool,
    pub on_table: Callback<bool>,
    pub on_shortcuts: Callback<()>,
    pub dispatch: Dispatch,
}

#[function_component(FileTools)]
pub fn file_tools(p: &FileToolsProps) -> Html {
    let lang = p.lang;
    let input = use_node_ref();
    let act = |action: Action| {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
    let open_picker = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = input.cast::<HtmlInputElement>() {
                i.click();
            }
        })
    };
    let on_file = {
        let dispatch = p.dispatch.clone();
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
        Callback::from(move |_: MouseEvent| {
            let compact = serde_json::to_string(&*s).unwrap_or_default();
            let mut json = web::indent_json(&compact).unwrap_or(compact);
            json.push('\n');
            web::download(
                &format!("{}.json", file_stem(&s)),
                "application/json",
                json.as_bytes(),
            );
        })
    };
    let export_svg = {
        let s = p.scenario.clone();
        let counts = p.counts;
        Callback::from(move |_: MouseEvent| {
            if let Some((svg, _, _)) = svg_of(&s, counts, lang) {
                web::download(
                    &format!("{}.svg", file_stem(&s)),
                    "image/svg+xml",
                    svg.as_bytes(),
                );
            }
        })
    };
    let export_png = {
        let s = p.scenario.clone();
        let counts = p.counts;
        Callback::from(move |_: MouseEvent| {
            if let Some((svg, w, h)) = svg_of(&s, counts, lang) {
                let _ = export_png(svg, w, h, format!("{}.png", file_stem(&s)));
            }
        })
    };
    let empty = p.scenario.nodes.is_empty();
    let shortcuts = {
        let cb = p.on_shortcuts.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let view_button = |table: bool, text: &'static str| {
        let cb = p.on_table.clone();
        html! {
            <button type="button" data-view={if table { "table" } else { "diagram" }}
                aria-pressed={if p.table == table { "true" } else { "false" }}
                onclick={Callback::from(move |_| cb.emit(table))}>{ text }</button>
        }
    };
    html! {
        <div class="toolbar file-tools" role="toolbar" aria-label={T::FileTools.get(lang)}>
            <div class="group">
                <button type="button" data-action="undo" disabled={!p.can_undo}
                    title={T::UndoKeys.get(lang)} aria-keyshortcuts="Control+Z Meta+Z"
                    onclick={act(Action::Undo)}>{ "↶ " }{ T::Undo.get(lang) }</button>
                <button type="button" data-action="redo" disabled={!p.can_redo}
                    title={T::RedoKeys.get(lang)} aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
                    onclick={act(Action::Redo)}>{ "↷ " }{ T::Redo.get(lang) }</button>
            </div>
            <div class="group">
                <button type="button" data-action="import" onclick={open_picker}>{ T::Import.get(lang) }</button>
                <input ref={input} type="file" class="file-input" hidden=true tabindex="-1"
                    accept=".json,application/json" aria-label={T::ImportFile.get(lang)} onchange={on_file} />
                <button type="button" data-action="export-json" onclick={export_json}>{ T::ExportJson.get(lang) }</button>
                <button type="button" data-action="export-svg" disabled={empty || p.table} onclick={export_svg}>{ T::ExportSvg.get(lang) }</button>
                <button type="button" data-action="export-png" disabled={empty || p.table} onclick={export_png}>{ T::ExportPng.get(lang) }</button>
            </div>
            <div class="group" role="group" aria-label={T::ViewSwitch.get(lang)}>
                { view_button(false, T::DiagramView.get(lang)) }
                { view_button(true, T::TableView.get(lang)) }
            </div>
            <div class="group">
                <button type="button" data-action="shortcuts" aria-keyshortcuts="?" onclick={shortcuts}>
                    { T::ShortcutsButton.get(lang) }
                </button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_the_title() {
        let mut s = Scenario::default();
        assert_eq!(file_stem(&s), "scenario");
        s.title = Some("Two-tier chain / 二層 <x>".into());
        assert_eq!(file_stem(&s), "Two-tier-chain-二層-x");
        s.title = Some("///".into());
        assert_eq!(file_stem(&s), "scenario");
    }
}
