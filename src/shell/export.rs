//! "Export picture": the diagram as an SVG or PNG file for slides and articles, as draw.io's
//! export dialog offers it: with or without the legend and the findings, light or dark, the
//! file named after the title. The picture is `canvas::picture`'s.

use crate::canvas::picture::{svg_text, Options, Picture, Theme};
use crate::io::files;
use crate::model::{use_page, Shared};
use crate::text::{common, shell};
use csp_rules::{Report, Scenario};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The file a picture is exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    /// At twice the picture's size.
    Png,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct ExportProps {
    pub format: Format,
    pub scenario: Shared<Scenario>,
    /// `None` when the diagram can't be judged: its edges are drawn unjudged.
    pub report: Option<Shared<Report>>,
    pub on_close: Callback<()>,
}

/// A checkbox of the dialog, bound to one option.
fn check(name: &'static str, text: &'static str, on: bool, set: Callback<bool>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        set.emit(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    html! {
        <label class="check">
            <input type="checkbox" {name} checked={on} {onchange} />
            { text }
        </label>
    }
}

/// A radio choice of the dialog.
fn choice<T: Copy + PartialEq + 'static>(
    group: &'static str,
    value: &'static str,
    text: &'static str,
    v: T,
    now: T,
    set: &UseStateHandle<T>,
) -> Html {
    let set = set.clone();
    html! {
        <label class="choice">
            <input type="radio" name={group} {value} checked={now == v} onchange={Callback::from(move |_| set.set(v))} />
            { text }
        </label>
    }
}

#[function_component(ExportDialog)]
pub fn export_dialog(p: &ExportProps) -> Html {
    let lang = use_page().lang;
    let format = use_state(|| p.format);
    let theme = use_state(|| Theme::Light);
    let legend = use_state(|| true);
    let caption = use_state(|| false);
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            if let Some(el) = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector("button.primary").ok().flatten())
            {
                if let Ok(b) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = b.focus();
                }
            }
        });
    }
    let stem = files::file_stem(&p.scenario, lang);
    let setter = |h: &UseStateHandle<bool>| {
        let h = h.clone();
        Callback::from(move |v: bool| h.set(v))
    };
    let export = {
        let (s, r, close) = (p.scenario.clone(), p.report.clone(), p.on_close.clone());
        let (format, theme, legend, caption, stem) =
            (*format, *theme, *legend, *caption, stem.clone());
        Callback::from(move |_: MouseEvent| {
            let options = Options {
                theme,
                legend,
                caption,
                ..Options::default()
            };
            let picture = Picture {
                scenario: &s,
                report: r.as_deref(),
                lang,
                options,
                numbers: None,
                marks: None,
            };
            let (svg, w, h) = svg_text(&picture);
            match format {
                Format::Svg => files::download_svg(&svg, &stem),
                Format::Png => files::download_png(svg, w, h, &stem),
            }
            close.emit(());
        })
    };
    let onkeydown = {
        let close = p.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                close.emit(());
            }
        })
    };
    let cancel = p.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="export-dialog" role="dialog" aria-labelledby="export-title" ref={root} {onkeydown}>
            <h2 id="export-title">{ shell::export_picture(lang) }</h2>
            <fieldset>
                <legend>{ shell::picture_format(lang) }</legend>
                { choice("export-format", "svg", "SVG", Format::Svg, *format, &format) }
                { choice("export-format", "png", shell::png_2x(lang), Format::Png, *format, &format) }
            </fieldset>
            <fieldset>
                <legend>{ shell::picture_theme(lang) }</legend>
                { choice("export-theme", "light", shell::theme_light(lang), Theme::Light, *theme, &theme) }
                { choice("export-theme", "dark", shell::theme_dark(lang), Theme::Dark, *theme, &theme) }
            </fieldset>
            <fieldset>
                <legend>{ shell::picture_holds(lang) }</legend>
                { check("export-legend", shell::with_legend(lang), *legend, setter(&legend)) }
                { check("export-caption", shell::with_findings(lang), *caption, setter(&caption)) }
            </fieldset>
            <p class="hint">{ shell::file_name(lang, &format!("{stem}.{}", format.ext())) }</p>
            <p class="hint">{ shell::picture_reopens(lang) }</p>
            <div class="row">
                <button type="button" class="primary" data-action="export-picture" onclick={export}>{ shell::export_now(lang) }</button>
                <button type="button" onclick={cancel}>{ common::cancel(lang) }</button>
            </div>
        </div>
    }
}
