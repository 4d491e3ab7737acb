//! The page: state, one memoized evaluation by the engine, the effects at the edges (URL,
//! keyboard, document language) and the layout of the components.

use super::audit::Audit;
use super::canvas::Canvas;
use super::edge_panel::EdgePanel;
use super::findings::Findings;
use super::inspector::{Inspector, Relation};
use super::legend::Legend;
use super::notice::NoticeBar;
use super::palette::Palette;
use super::scenario_panel::ScenarioPanel;
use super::toolbar::Toolbar;
use super::Dispatch;
use crate::i18n::{self, T};
use crate::state::{Action, State};
use crate::url::{self, Start};
use crate::web;
use csp_rules::{evaluate, Lang, Node, Report, Scenario, ScenarioError, Verdict};
use gloo::events::{EventListener, EventListenerOptions};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The product name: the same in both languages (the subtitle is translated).
pub const APP_NAME: &str = "CSP Scenario Explorer";

/// What the evaluation depends on: the rules' revision of the scenario and the language.
/// Positions are not part of it, so dragging a node never re-evaluates.
struct EvalKey {
    rev: u64,
    lang: Lang,
    scenario: Rc<Scenario>,
}

impl PartialEq for EvalKey {
    fn eq(&self, other: &Self) -> bool {
        self.rev == other.rev && self.lang == other.lang
    }
}

/// The engine's answer for the current scenario.
struct Evaluation {
    /// The scenario as judged: the current one but for node positions. Panels that show
    /// findings take this one, so dragging a node does not re-render them.
    scenario: Rc<Scenario>,
    report: Result<Rc<Report>, ScenarioError>,
    verdicts: Rc<HashMap<String, Verdict>>,
}

impl Evaluation {
    fn new(key: &EvalKey) -> Evaluation {
        match evaluate(&key.scenario, key.lang) {
            Ok(report) => Evaluation {
                scenario: key.scenario.clone(),
                verdicts: Rc::new(
                    report
                        .edges
                        .iter()
                        .map(|e| (e.id.clone(), e.verdict))
                        .collect(),
                ),
                report: Ok(Rc::new(report)),
            },
            Err(e) => Evaluation {
                scenario: key.scenario.clone(),
                report: Err(e),
                verdicts: Rc::default(),
            },
        }
    }
}

/// The page's keys: Escape anywhere but in a text field; Delete and Backspace only on the
/// canvas (or with nothing focused), so they never delete while a panel has focus.
fn on_page_key(dispatch: &Dispatch, e: &web_sys::Event) {
    if web::in_text_field(e) {
        return;
    }
    let on_canvas = web::event_element(e).is_some_and(|el| {
        el.tag_name().eq_ignore_ascii_case("body")
            || el.closest("svg.canvas").ok().flatten().is_some()
    });
    let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    if key.ctrl_key() || key.meta_key() || key.alt_key() {
        return;
    }
    match key.key().as_str() {
        "Delete" | "Backspace" if on_canvas => {
            key.prevent_default();
            dispatch.dispatch(Action::DeleteSelection);
        }
        "Escape" => dispatch.dispatch(Action::ClearSelection),
        _ => {}
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let (_, _, hash) = web::location();
        State::new(web::initial_lang(), url::parse_fragment(&hash))
    });
    let dispatch = state.dispatcher();
    let lang = state.lang;
    let empty = use_memo((), |_| Rc::new(Scenario::default()));
    let eval = use_memo(
        EvalKey {
            rev: state.rev,
            lang,
            scenario: state.scenario.clone(),
        },
        Evaluation::new,
    );

    // Listeners for the page's life: fragment changes open what they name; page keys.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            web::mark("csp-explorer:first-render");
            let window = web_sys::window();
            let on_hash = {
                let dispatch = dispatch.clone();
                window.as_ref().map(|w| {
                    EventListener::new(w, "hashchange", move |_| {
                        let (_, _, hash) = web::location();
                        dispatch.dispatch(Action::Open(url::parse_fragment(&hash)));
                    })
                })
            };
            let on_key = window.and_then(|w| w.document()).map(|d| {
                // Not passive: Backspace must not also navigate or scroll.
                EventListener::new_with_options(
                    &d,
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| on_page_key(&dispatch, e),
                )
            });
            move || drop((on_hash, on_key))
        });
    }
    use_effect_with(lang, |lang| {
        let title = match lang {
            Lang::En => APP_NAME.to_string(),
            Lang::ZhTw => format!("{APP_NAME}（CSP 情境探索器）"),
        };
        web::set_document_lang(*lang, &title);
    });

    let on_lang = use_callback(dispatch.clone(), |lang: Lang, dispatch| {
        web::set_lang_param(lang);
        dispatch.dispatch(Action::SetLang(lang));
    });
    let on_preset = use_callback(dispatch.clone(), |n: u8, dispatch| {
        web::set_fragment(&url::preset_fragment(n));
        dispatch.dispatch(Action::Open(Start::Preset(n.to_string())));
    });
    let on_new = use_callback(dispatch.clone(), |(), dispatch| {
        web::set_fragment("");
        dispatch.dispatch(Action::New);
    });

    let report = eval.report.as_ref().ok().cloned();
    let invalid = eval.report.as_ref().err().cloned();
    let scenario = &state.scenario;
    // A network past the audit's limits is shown in the audit view: neither drawn nor listed
    // in the findings panel.
    let large = super::audit::is_large(scenario);
    let network = report
        .as_ref()
        .filter(|_| large)
        .map(|r| super::audit::Network(eval.scenario.clone(), r.clone()));
    let drawn = if large {
        (*empty).clone()
    } else {
        scenario.clone()
    };
    let label = |id: &str| {
        scenario
            .nodes
            .iter()
            .find(|n| n.id == id)
            .map_or(id, |n| n.label())
            .to_string()
    };

    let selection_panel = if let Some(node) = state
        .selection
        .single_node()
        .and_then(|id| scenario.nodes.iter().find(|n| n.id == id))
    {
        let others: Vec<(String, String)> = scenario
            .nodes
            .iter()
            .filter(|n| n.id != node.id)
            .map(|n| (n.id.clone(), format!("{} ({})", n.label(), n.id)))
            .collect();
        let relations: Vec<Relation> = scenario
            .edges
            .iter()
            .filter(|e| e.from == node.id || e.to == node.id)
            .map(|e| Relation {
                edge: e.id.clone(),
                text: i18n::relation(lang, &label(&e.from), e.kind, &label(&e.to)),
                verdict: eval.verdicts.get(&e.id).copied(),
            })
            .collect();
        // Without its position: dragging the node does not re-render the inspector.
        let node = Node {
            x: None,
            y: None,
            ..node.clone()
        };
        let key = node.id.clone();
        html! {
            <Inspector {key} {lang} {node} {others} {relations}
                edit_error={state.edit_error.clone()} dispatch={dispatch.clone()} />
        }
    } else if let Some(edge) = state
        .selection
        .single_edge()
        .and_then(|id| scenario.edges.iter().find(|e| e.id == id))
    {
        let edge_report = report
            .as_ref()
            .and_then(|r| r.edges.iter().find(|e| e.id == edge.id).cloned());
        html! {
            <EdgePanel key={edge.id.clone()} {lang} edge={edge.clone()} report={edge_report}
                scenario={eval.scenario.clone()} dispatch={dispatch.clone()} />
        }
    } else if !state.selection.is_empty() {
        let delete = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::DeleteSelection))
        };
        html! {
            <section class="panel">
                <p>{ i18n::selected_many(lang, state.selection.nodes.len(), state.selection.edges.len()) }</p>
                <button type="button" class="danger" onclick={delete}>{ T::DeleteSelected.get(lang) }</button>
            </section>
        }
    } else {
        html! { <section class="panel"><p class="hint">{ T::NothingSelected.get(lang) }</p></section> }
    };

    let lang_button = |l: Lang, text: &'static str| {
        let on_lang = on_lang.clone();
        html! {
            <button type="button" lang={l.tag()} data-lang={l.tag()}
                aria-pressed={if l == lang { "true" } else { "false" }}
                onclick={Callback::from(move |_| on_lang.emit(l))}>{ text }</button>
        }
    };

    html! {
        <div class="app">
            <header class="top">
            <div class="masthead">
                <div class="brand">
                    <h1>{ APP_NAME }</h1>
                    <p class="subtitle">{ T::Subtitle.get(lang) }</p>
                </div>
                <div class="lang-switch" role="group" aria-label={T::Language.get(lang)}>
                    { lang_button(Lang::En, "English") }
                    { lang_button(Lang::ZhTw, "中文（台灣）") }
                </div>
            </div>
            <Toolbar {lang} scenario={scenario.clone()} preset={state.preset} snap={state.snap}
                has_selection={!state.selection.is_empty()}
                {on_new} {on_preset} dispatch={dispatch.clone()} />
            <Audit {lang} dispatch={dispatch.clone()} {network} />
            <NoticeBar {lang} notice={state.notice.clone()} invalid={invalid}
                dispatch={dispatch.clone()} />
            </header>
            <main class="workspace">
                <div class="stage">
                    <Palette {lang} dispatch={dispatch.clone()} />
                    <Canvas scenario={drawn} verdicts={eval.verdicts.clone()}
                        selection={state.selection.clone()} view={state.view} {lang}
                        pending={state.pending_edge.clone()} dispatch={dispatch.clone()} />
                    <Legend {lang} counts={report.as_ref().map(|r| (r.summary.allowed, r.summary.blocked))} />
                </div>
                <aside class="side" aria-label={T::SideLabel.get(lang)}>
                    { selection_panel }
                    <Findings {lang} report={report.clone().filter(|_| !large)} scenario={eval.scenario.clone()}
                        dispatch={dispatch.clone()} />
                    <ScenarioPanel {lang} title={scenario.title.clone()} as_of={scenario.as_of.clone()}
                        preset={state.preset} dispatch={dispatch.clone()} />
                </aside>
            </main>
        </div>
    }
}
