//! The full app's Embed dialog (File ▸ Embed…): copy-ready snippets for the diagram on screen (an iframe, the
//! loader script, the rules-only module) with the mode, height, language and theme they
//! embed it with, and a live preview of the embed (a frame of this same page).

use super::snippet::{self, Choice, Diagram};
use crate::io::{files, library, web};
use crate::model::document::Document;
use crate::model::training;
use crate::model::{use_page, Embed, Shared, Theme};
use crate::text::{common, embed as t};
use csp_rules::share::fragment;
use csp_rules::{Lang, Scenario};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

const MIN_HEIGHT: u32 = 120;
const MAX_HEIGHT: u32 = 2000;
const DEFAULT_HEIGHT: u32 = 420;

/// `scenario` as `#preset=N` names it, when it is that guide scenario exactly as it opens
/// (an edit, even a moved node, makes it a share link).
fn diagram_of(scenario: &Rc<Scenario>, preset: Option<u8>) -> Diagram {
    let as_shipped = preset.filter(|&n| {
        let Some(s) = library::scenario(n) else {
            return false;
        };
        let mut doc = Document::default();
        doc.replace(Rc::new(s), Some(n));
        **doc.scenario() == **scenario
    });
    match as_shipped {
        Some(n) => Diagram::Preset(n),
        None => Diagram::shared(&fragment(scenario)),
    }
}

#[derive(Debug, Properties, PartialEq)]
struct WayProps {
    /// `data-snippet`: `iframe`, `loader` or `module`.
    key_name: &'static str,
    title: &'static str,
    hint: &'static str,
    text: String,
}

/// A snippet with its heading, hint and Copy button.
#[function_component(Way)]
fn way(p: &WayProps) -> Html {
    let lang = use_page().lang;
    let status = use_state_eq(|| None::<bool>);
    // A new snippet has not been copied.
    {
        let status = status.clone();
        use_effect_with(p.text.clone(), move |_| status.set(None));
    }
    let copy = {
        let (status, text) = (status.clone(), p.text.clone());
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            web::copy_text(text.clone(), move |ok| status.set(Some(ok)));
        })
    };
    let said = match *status {
        Some(true) => t::copied(lang),
        Some(false) => t::copy_failed(lang),
        None => "",
    };
    let key = p.key_name;
    let id = format!("embed-snippet-{key}");
    html! {
        <section class="embed-way" data-snippet={key}>
            <h3><label for={id.clone()}>{ p.title }</label></h3>
            <p class="hint">{ p.hint }</p>
            <textarea id={id} readonly=true spellcheck="false" rows="5" value={p.text.clone()} />
            <div class="row">
                <button type="button" data-copy={key} onclick={copy}>{ t::copy(lang) }</button>
                <span role="status">{ said }</span>
            </div>
        </section>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct WaysProps {
    choice: Choice,
    diagram: Diagram,
    scenario: Shared<Scenario>,
}

#[function_component(Ways)]
fn ways(p: &WaysProps) -> Html {
    let lang = use_page().lang;
    let (href, _, _) = web::location();
    let base = snippet::app_base(&href);
    let c = &p.choice;
    let title = t::frame_title(c.lang);
    let link = t::open_in_app(c.lang);
    html! {
        <>
            <Way key_name="iframe" title={t::way_iframe(lang)} hint={t::way_iframe_hint(lang)}
                text={snippet::iframe(&base, c, &p.diagram, title)} />
            <Way key_name="loader" title={t::way_loader(lang)} hint={t::way_loader_hint(lang)}
                text={snippet::loader(&base, c, &p.diagram, link)} />
            <Way key_name="module" title={t::way_module(lang)} hint={t::way_module_hint(lang)}
                text={snippet::module(&files::json_text(&p.scenario), c.lang)} />
        </>
    }
}

/// A `<select>` of `options` (value, text), `current` selected, reporting the chosen value.
fn select(
    id: &str,
    label: &str,
    options: &[(&'static str, &'static str)],
    current: &str,
    on: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        on.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
    });
    html! {
        <label for={id.to_string()}>
            <span>{ label.to_string() }</span>
            <select id={id.to_string()} {onchange}>
                { for options.iter().map(|&(value, text)| html! {
                    <option {value} selected={value == current}>{ text }</option>
                }) }
            </select>
        </label>
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct DialogProps {
    /// The diagram on screen (compared by pointer).
    pub scenario: Shared<Scenario>,
    /// The guide scenario it was opened from, if any.
    pub preset: Option<u8>,
    pub on_close: Callback<()>,
}

#[function_component(EmbedDialog)]
pub fn embed_dialog(p: &DialogProps) -> Html {
    let lang = use_page().lang;
    let diagram = {
        let (s, preset) = (p.scenario.clone(), p.preset);
        use_memo((s, preset), |(s, preset)| diagram_of(&s.0, *preset))
    };
    let walkthrough =
        matches!(*diagram, Diagram::Preset(n) if training::walkthrough_of(n).is_some());
    let choice = use_state_eq(|| Choice {
        mode: Embed::View,
        height: DEFAULT_HEIGHT,
        lang,
        theme: None,
    });
    // A walkthrough needs a guide scenario that has one; else the embed is a viewer.
    let c = Choice {
        mode: if choice.mode == Embed::Walkthrough && !walkthrough {
            Embed::View
        } else {
            choice.mode
        },
        ..*choice
    };
    let set = |f: fn(&mut Choice, &str)| {
        let choice = choice.clone();
        Callback::from(move |value: String| {
            let mut next = *choice;
            f(&mut next, &value);
            choice.set(next);
        })
    };
    // While typing, a height in range shows at once; leaving the field brings one out of
    // range into it.
    let height = |clamp: bool| {
        let choice = choice.clone();
        move |e: &Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let Ok(h) = value.trim().parse::<u32>() else {
                return;
            };
            if clamp || (MIN_HEIGHT..=MAX_HEIGHT).contains(&h) {
                choice.set(Choice {
                    height: h.clamp(MIN_HEIGHT, MAX_HEIGHT),
                    ..*choice
                });
            }
        }
    };
    let on_height_input = {
        let f = height(false);
        Callback::from(move |e: InputEvent| f(&e))
    };
    let on_height = {
        let f = height(true);
        Callback::from(move |e: Event| f(&e))
    };
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            let modal = web::open_modal(root.cast(), "select");
            move || drop(modal)
        });
    }
    let onkeydown = {
        let on_close = p.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                on_close.emit(());
            }
        })
    };
    let close = p.on_close.reform(|_: MouseEvent| ());
    let modes: Vec<(&str, &str)> = [
        (Embed::View, t::mode_view(lang)),
        (Embed::Edit, t::mode_edit(lang)),
        (Embed::Walkthrough, t::mode_walkthrough(lang)),
        (Embed::Quiz, t::mode_quiz(lang)),
    ]
    .into_iter()
    .filter(|(m, _)| *m != Embed::Walkthrough || walkthrough)
    .map(|(m, text)| (m.as_str(), text))
    .collect();
    let themes = [
        ("", t::theme_light(lang)),
        (Theme::Dark.as_str(), t::theme_dark(lang)),
        (Theme::Auto.as_str(), t::theme_auto(lang)),
    ];
    let langs = [("en", "English"), ("zh-TW", "中文（台灣）")];
    let preview = snippet::src(&c, &diagram);
    html! {
        <div class="embed-dialog" role="dialog" aria-modal="true" aria-labelledby="embed-title"
             ref={root} {onkeydown}>
            <div class="embed-dialog-head">
                <h2 id="embed-title">{ t::embed_title(lang) }</h2>
                <button type="button" class="embed-close" onclick={close}>{ common::close(lang) }</button>
            </div>
            <p class="hint">{ t::embed_intro(lang) }</p>
            <div class="embed-options">
                { select("embed-mode", t::embed_mode(lang), &modes, c.mode.as_str(),
                    set(|c, v| c.mode = Embed::from_param(v).unwrap_or(Embed::View))) }
                <label for="embed-height">
                    <span>{ t::embed_height(lang) }</span>
                    <input id="embed-height" type="number" min={MIN_HEIGHT.to_string()}
                        max={MAX_HEIGHT.to_string()} step="10" value={c.height.to_string()}
                        oninput={on_height_input} onchange={on_height} />
                </label>
                { select("embed-lang", t::embed_lang(lang), &langs, c.lang.tag(),
                    set(|c, v| c.lang = Lang::from_tag(v).unwrap_or(c.lang))) }
                { select("embed-theme", t::embed_theme(lang), &themes, c.theme.map_or("", Theme::as_str),
                    set(|c, v| c.theme = Theme::from_param(v))) }
            </div>
            if !walkthrough {
                <p class="hint" data-hint="walkthrough">{ t::walkthrough_needs_preset(lang) }</p>
            }
            <div class="embed-body">
                <div class="embed-ways">
                    <Ways choice={c} diagram={(*diagram).clone()} scenario={p.scenario.clone()} />
                </div>
                <figure class="embed-preview">
                    <figcaption>{ t::preview(lang) }</figcaption>
                    <iframe key={preview.clone()} src={preview} title={t::preview_title(lang)}
                        height={c.height.to_string()} />
                </figure>
            </div>
        </div>
    }
}
