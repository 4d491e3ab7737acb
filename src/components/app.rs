//! The page: state, one memoized evaluation by the engine, the effects at the edges (URL,
//! keyboard, document language) and the layout of the components.

use super::canvas::Canvas;
use super::edge_panel::EdgePanel;
use super::file_tools::{import_file, FileTools};
use super::findings::Findings;
use super::inspector::{Inspector, Relation};
use super::keyboard::{ConnectDialog, ShortcutSheet};
use super::legend::Legend;
use super::notice::NoticeBar;
use super::palette::Palette;
use super::scenario_panel::ScenarioPanel;
use super::table::DiagramTable;
use super::toolbar::Toolbar;
use super::training::{marks_of, MarksKey, TrainingPanel};
use super::{Dispatch, Shared};
use crate::audit::AuditView;
use crate::io::autosave::use_autosave;
use crate::io::storage;
use crate::io::url::{self, Start};
use crate::io::web;
use crate::model::audit::{is_large, Network};
use crate::model::{Action, Notice, State};
use crate::model::{Dispatch as Handle, Page};
use crate::text::{common, io, panels, shell};
use csp_rules::{evaluate, Lang, Node, NodeKind, Report, Scenario, ScenarioError, Verdict};
use gloo::events::{EventListener, EventListenerOptions};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::Reducible;

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
    /// Each edge's verdict, in the scenario's order (the report's); empty when it can't be
    /// judged.
    verdicts: Rc<Vec<Verdict>>,
}

impl Evaluation {
    fn new(key: &EvalKey) -> Evaluation {
        match evaluate(&key.scenario, key.lang) {
            Ok(report) => Evaluation {
                scenario: key.scenario.clone(),
                verdicts: Rc::new(report.edges.iter().map(|e| e.verdict).collect()),
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

/// What the page's key handler (installed once) needs to know of the current render.
#[derive(Default)]
struct KeyContext {
    /// Opens a panel or dialog the App keeps: the sheet, the table, the connect dialog.
    ui: Option<Callback<Ui>>,
}

/// A piece of the App's own interface a key opens or switches.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ui {
    Sheet,
    Table,
    Connect,
    Inspector,
    Presets,
    Lang,
}

/// Issue #4: undo/redo with Ctrl/Cmd, and single-key shortcuts outside text fields. Returns
/// `true` when the key was used.
fn on_shortcut(dispatch: &Dispatch, ctx: &KeyContext, key: &web_sys::KeyboardEvent) -> bool {
    let k = key.key();
    if key.ctrl_key() || key.meta_key() {
        let action = match k.as_str() {
            "z" | "Z" if key.shift_key() => Action::Redo,
            "z" | "Z" => Action::Undo,
            "y" | "Y" if key.ctrl_key() => Action::Redo,
            _ => return false,
        };
        key.prevent_default();
        dispatch.dispatch(action);
        return true;
    }
    if key.alt_key() {
        return false;
    }
    let ui = |u: Ui| {
        if let Some(cb) = &ctx.ui {
            key.prevent_default();
            cb.emit(u);
        }
        true
    };
    match k.as_str() {
        "?" => ui(Ui::Sheet),
        "1" | "2" | "3" | "4" | "5" => {
            let i = k.parse::<usize>().unwrap_or(1).saturating_sub(1);
            if let Some(&kind) = NodeKind::ALL.get(i) {
                dispatch.dispatch(Action::AddNode(kind));
            }
            true
        }
        "c" | "C" => ui(Ui::Connect),
        "i" | "I" => ui(Ui::Inspector),
        "p" | "P" => ui(Ui::Presets),
        "l" | "L" => ui(Ui::Lang),
        "t" | "T" => ui(Ui::Table),
        _ => false,
    }
}

/// The page's keys: Escape anywhere but in a text field; Delete and Backspace only on the
/// canvas (or with nothing focused), so they never delete while a panel has focus.
fn on_page_key(dispatch: &Dispatch, ctx: &RefCell<KeyContext>, e: &web_sys::Event) {
    if web::in_text_field(e) {
        return;
    }
    if let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>() {
        // Keys typed into a dialog or menu of the page's own belong to it.
        let in_dialog = web::event_element(e).is_some_and(|el| {
            el.closest("[role=dialog], .menu-panel")
                .ok()
                .flatten()
                .is_some()
        });
        if !in_dialog && on_shortcut(dispatch, &ctx.borrow(), key) {
            return;
        }
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

/// The edges of `new` (by index) whose verdict is not the one `old` gave them (a new edge
/// counts). Both reports list edges in their scenario's order, which an edit leaves aligned
/// but for a few: each edge is looked for a few places ahead, and only one not found there
/// makes a map of `old`.
fn changed_verdicts(old: Option<&Report>, new: &Report) -> Vec<usize> {
    let before = old.map(|r| r.edges.as_slice()).unwrap_or_default();
    let mut map: Option<FxHashMap<&str, Verdict>> = None;
    let mut j = 0;
    let mut out = Vec::new();
    for (i, e) in new.edges.iter().enumerate() {
        let near = (j..before.len().min(j + 4)).find(|&k| before[k].id == e.id);
        let was = match near {
            Some(k) => {
                j = k + 1;
                Some(before[k].verdict)
            }
            None => map
                .get_or_insert_with(|| before.iter().map(|o| (o.id.as_str(), o.verdict)).collect())
                .get(e.id.as_str())
                .copied(),
        };
        if was != Some(e.verdict) {
            out.push(i);
        }
    }
    out
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let (_, _, hash) = web::location();
        // Issue #4: the last diagram comes back from storage; what can't be read is kept
        // aside (storage and memory) and the page starts clean, saying so.
        let raw = web::storage_get(storage::KEY);
        let (saved, unreadable) = match raw.as_deref().map(storage::decode) {
            None => (None, None),
            Some(Ok(s)) => (Some(s), None),
            Some(Err(why)) => (None, Some(why)),
        };
        let state = State::restored(web::initial_lang(), saved, url::parse_fragment(&hash));
        let link = url::training_link(&hash);
        let state = Rc::unwrap_or_clone(
            Rc::new(state).reduce(Action::Train(crate::model::training::Train::Link(link))),
        );
        let mut state = state;
        if let (Some(why), Some(raw)) = (unreadable, raw) {
            web::storage_set(storage::KEPT_KEY, &raw);
            state.notice.get_or_insert(Notice::StorageUnreadable {
                reason: why,
                raw: Rc::new(raw),
            });
        }
        state
    });
    let dispatch = state.dispatcher();
    let lang = state.lang;
    let empty = use_memo((), |_| Rc::new(Scenario::default()));
    let eval = use_memo(
        EvalKey {
            rev: state.doc.rev(),
            lang,
            scenario: state.scenario().clone(),
        },
        Evaluation::new,
    );

    // Issue #4: the App's own panels, and what the key handler reads of this render.
    let sheet = use_state_eq(|| false);
    let table = use_state_eq(|| false);
    let connect = use_state_eq(|| None::<String>);
    let announce = use_state_eq(String::new);
    let key_ctx = use_mut_ref(KeyContext::default);

    // Autosave: every change to the scenario, positions included, debounced.
    let on_saved = use_callback(dispatch.clone(), |ok: bool, dispatch| {
        // A no-op for the reducer (no render) unless the outcome changed.
        dispatch.dispatch(Action::SaveFailed(!ok));
    });
    use_autosave(state.changes, state.scenario().clone(), on_saved);

    // Listeners for the page's life: fragment changes open what they name; page keys.
    {
        let dispatch = dispatch.clone();
        let key_ctx = key_ctx.clone();
        use_effect_with((), move |_| {
            web::mark("csp-explorer:first-render");
            let window = web_sys::window();
            let on_hash = {
                let dispatch = dispatch.clone();
                window.as_ref().map(|w| {
                    EventListener::new(w, "hashchange", move |_| {
                        let (_, _, hash) = web::location();
                        dispatch.dispatch(Action::Open(url::parse_fragment(&hash)));
                        dispatch.dispatch(Action::Train(crate::model::training::Train::Link(
                            url::training_link(&hash),
                        )));
                    })
                })
            };
            let on_key = window.and_then(|w| w.document()).map(|d| {
                // Not passive: Backspace must not also navigate or scroll.
                EventListener::new_with_options(
                    &d,
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| on_page_key(&dispatch, &key_ctx, e),
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

    // Issue #4: what the shortcut keys open.
    let on_ui = {
        let (sheet, table, connect) = (sheet.clone(), table.clone(), connect.clone());
        let announce = announce.clone();
        let on_lang = on_lang.clone();
        let single = state.selection.single_node().map(str::to_string);
        Callback::from(move |u: Ui| match u {
            Ui::Sheet => sheet.set(!*sheet),
            Ui::Table => table.set(!*table),
            Ui::Connect => match &single {
                Some(id) => connect.set(Some(id.clone())),
                None => announce.set(shell::no_node_selected(lang).to_string()),
            },
            Ui::Inspector => web::focus_first(
                "[data-inspector] input, [data-inspector] select, [data-inspector] button",
            ),
            Ui::Presets => web::focus_first("button.menu-button"),
            Ui::Lang => on_lang.emit(match lang {
                Lang::En => Lang::ZhTw,
                Lang::ZhTw => Lang::En,
            }),
        })
    };
    *key_ctx.borrow_mut() = KeyContext { ui: Some(on_ui) };
    // Verdict changes are said through a live region (the canvas shows them only by colour
    // and shape): which relationships changed, after any edit, undo or redo.
    {
        let announce = announce.clone();
        let prev = use_mut_ref(|| None::<(Lang, Option<Rc<Report>>)>);
        let report = eval.report.as_ref().ok().cloned();
        let scenario = eval.scenario.clone();
        use_effect_with((state.doc.rev(), lang), move |_| {
            let old = prev.borrow_mut().replace((lang, report.clone()));
            let (Some((_, old)), Some(report)) = (old.filter(|(l, _)| *l == lang), report) else {
                return;
            };
            let changed = changed_verdicts(old.as_deref(), &report);
            // Three are said by name; the rest are counted.
            let label = |id: &str| scenario.label_of(id).to_string();
            let named: Vec<String> = changed
                .iter()
                .take(3)
                .filter_map(|&i| Some((scenario.edges.get(i)?, report.edges.get(i)?)))
                .map(|(e, r)| {
                    let relation = common::relation(lang, &label(&e.from), e.kind, &label(&e.to));
                    match r.verdict {
                        Verdict::Allowed => shell::now_allowed(lang, &relation),
                        Verdict::Blocked => shell::now_blocked(lang, &relation),
                    }
                })
                .collect();
            if changed.is_empty() {
                return;
            }
            let mut text = named.join(" ");
            if changed.len() > 3 {
                text = format!("{text} {}", shell::and_more(lang, changed.len() - 3));
            }
            announce.set(text);
        });
    }
    // Training: a walkthrough step's highlight; a quiz being answered hides every verdict.
    let marks = use_memo(
        MarksKey {
            tour: state.training.tour,
            rev: state.doc.rev(),
            scenario: eval.scenario.clone(),
        },
        marks_of,
    );
    let quiz_open = state
        .training
        .quiz
        .as_ref()
        .is_some_and(|q| q.hides_verdicts());

    let report = eval.report.as_ref().ok().cloned();
    let invalid = eval.report.as_ref().err().cloned();
    let scenario = state.scenario();
    // A network past the audit's limits is shown in the audit view: neither drawn nor listed
    // in the findings panel.
    let large = is_large(scenario);
    let network = report
        .as_ref()
        .filter(|_| large)
        .map(|r| Network(eval.scenario.clone(), r.clone()));
    let drawn = if large {
        (*empty).clone()
    } else {
        scenario.clone()
    };
    let label = |id: &str| scenario.label_of(id).to_string();

    let selection_panel = if let Some(node) = state
        .selection
        .single_node()
        .and_then(|id| scenario.node(id))
    {
        let others: Vec<(String, String)> = scenario
            .nodes
            .iter()
            .filter(|n| n.id != node.id)
            .map(|n| (n.id.clone(), format!("{} ({})", n.label(), n.id)))
            .collect();
        // The report lists the edges in the scenario's order.
        let verdict_of = |i: usize, id: &str| {
            let r = report.as_ref()?.edges.get(i)?;
            (r.id == id).then_some(r.verdict)
        };
        let relations: Vec<Relation> = scenario
            .edges
            .iter()
            .enumerate()
            .filter(|(_, e)| e.from == node.id || e.to == node.id)
            .map(|(i, e)| Relation {
                edge: e.id.clone(),
                text: common::relation(lang, &label(&e.from), e.kind, &label(&e.to)),
                verdict: verdict_of(i, &e.id),
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
                scenario={Shared(eval.scenario.clone())} dispatch={dispatch.clone()} />
        }
    } else if !state.selection.is_empty() {
        let delete = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::DeleteSelection))
        };
        html! {
            <section class="panel">
                <p>{ panels::selected_many(lang, state.selection.nodes.len(), state.selection.edges.len()) }</p>
                <button type="button" class="danger" onclick={delete}>{ common::delete_selected(lang) }</button>
            </section>
        }
    } else {
        html! { <section class="panel"><p class="hint">{ panels::nothing_selected(lang) }</p></section> }
    };

    // Issue #4: panels of the App's own, and dropping a file onto the diagram.
    let on_sheet = {
        let sheet = sheet.clone();
        Callback::from(move |()| sheet.set(!*sheet))
    };
    let close_sheet = {
        let sheet = sheet.clone();
        Callback::from(move |()| {
            sheet.set(false);
            web::focus_first("button[data-action=shortcuts]");
        })
    };
    let on_table = {
        let table = table.clone();
        Callback::from(move |on: bool| table.set(on))
    };
    let close_connect = {
        let connect = connect.clone();
        Callback::from(move |()| {
            if let Some(id) = &*connect {
                web::focus_node(id);
            }
            connect.set(None);
        })
    };
    let connect_others = |from: &str| -> Vec<(String, String)> {
        scenario
            .nodes
            .iter()
            .filter(|n| n.id != from)
            .map(|n| (n.id.clone(), format!("{} ({})", n.label(), n.id)))
            .collect()
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                e.prevent_default();
                import_file(file, dispatch.clone());
            }
        })
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
        <ContextProvider<Handle> context={Handle::new(dispatch.clone())}>
        <ContextProvider<Page> context={Page { lang }}>
        <div class="app">
            <header class="top">
            <div class="masthead">
                <div class="brand">
                    <h1>{ APP_NAME }</h1>
                    <p class="subtitle">{ shell::subtitle(lang) }</p>
                </div>
                <div class="lang-switch" role="group" aria-label={shell::language(lang)}>
                    { lang_button(Lang::En, "English") }
                    { lang_button(Lang::ZhTw, "中文（台灣）") }
                </div>
            </div>
            <Toolbar {lang} scenario={Shared(scenario.clone())} preset={state.doc.preset()} snap={state.snap}
                has_selection={!state.selection.is_empty()}
                {on_new} {on_preset} dispatch={dispatch.clone()} />
            <FileTools {lang} scenario={Shared(scenario.clone())}
                counts={report.as_ref().map(|r| (r.summary.allowed, r.summary.blocked))}
                can_undo={state.can_undo()} can_redo={state.can_redo()} table={*table}
                on_table={on_table} on_shortcuts={on_sheet.clone()} dispatch={dispatch.clone()} />
            <AuditView audit={state.audit.clone()} {network} />
            <NoticeBar {lang} notice={state.notice.clone()} invalid={invalid}
                dispatch={dispatch.clone()} />
            if state.save_failed {
                <div class="notice error" role="alert" data-notice="save-failed">
                    <span>{ io::save_failed(lang) }</span>
                </div>
            }
            </header>
            <div class="sr-only" aria-live="polite" data-live="verdicts">{ (*announce).clone() }</div>
            if *sheet {
                <ShortcutSheet {lang} on_close={close_sheet} />
            }
            if let Some(from) = (*connect).clone() {
                <ConnectDialog {lang} from={from.clone()} from_label={label(&from)}
                    others={connect_others(&from)} dispatch={dispatch.clone()} on_close={close_connect} />
            }
            <main class="workspace">
                <div class="stage" ondragover={on_dragover} ondrop={on_drop}>
                    <Palette {lang} dispatch={dispatch.clone()} />
                    if *table && !quiz_open && !large {
                        <DiagramTable {lang} scenario={Shared(scenario.clone())} report={report.clone().map(Shared)}
                            dispatch={dispatch.clone()} />
                    } else {
                        <Canvas scenario={Shared(drawn)} rev={state.doc.rev()} verdicts={eval.verdicts.clone()}
                            selection={state.selection.clone()} view={state.view} {lang}
                            pending={state.pending_edge.clone()} dispatch={dispatch.clone()}
                            marks={(*marks).clone()} hide_verdicts={quiz_open} />
                    }
                    <Legend {lang} counts={report.as_ref().filter(|_| !quiz_open).map(|r| (r.summary.allowed, r.summary.blocked))} />
                </div>
                <aside class="side" aria-label={shell::side_label(lang)}>
                    <TrainingPanel {lang} tour={state.training.tour} quiz={state.training.quiz.clone()} preset={state.doc.preset()}
                        scenario={Shared(eval.scenario.clone())} live={Shared(scenario.clone())}
                        report={report.clone().map(Shared)} can_restore={state.training.kept.is_some()}
                        dispatch={dispatch.clone()} />
                    if !quiz_open {
                        { selection_panel }
                        <Findings {lang} report={report.clone().filter(|_| !large).map(Shared)} scenario={Shared(eval.scenario.clone())}
                            dispatch={dispatch.clone()} />
                    }
                    <ScenarioPanel {lang} title={scenario.title.clone()} as_of={scenario.as_of.clone()}
                        preset={state.doc.preset()} dispatch={dispatch.clone()} />
                </aside>
            </main>
        </div>
        </ContextProvider<Page>>
        </ContextProvider<Handle>>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::EdgeReport;

    fn report(edges: &[(&str, Verdict)]) -> Report {
        Report {
            version: 1,
            as_of: "2020-05-12".into(),
            edges: edges
                .iter()
                .map(|&(id, verdict)| EdgeReport {
                    id: id.into(),
                    verdict,
                    findings: vec![],
                })
                .collect(),
            diagram: vec![],
            summary: Default::default(),
        }
    }

    #[test]
    fn changed_verdicts_are_found_whatever_moved() {
        use Verdict::{Allowed as A, Blocked as B};
        let old = report(&[("e1", A), ("e2", A), ("e3", B), ("e4", A), ("e5", A)]);
        // e2 deleted, e4 now blocked, e9 new, e1 moved to the end.
        let new = report(&[("e3", B), ("e4", B), ("e5", A), ("e9", A), ("e1", A)]);
        assert_eq!(changed_verdicts(Some(&old), &new), [1, 3]);
        assert_eq!(changed_verdicts(None, &new), [0, 1, 2, 3, 4]);
        assert!(changed_verdicts(Some(&old), &old).is_empty());
    }
}
