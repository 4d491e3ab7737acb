//! The SVG canvas: nodes and edges inside one `<g transform>` (pan and zoom change only that
//! attribute), and one pointer state machine for the whole surface. Pointer events are
//! handled by delegation: the element under the pointer names itself through `data-handle`,
//! `data-node-id` or `data-edge-id`.

use super::edge_layer::{EdgeLayer, Part};
use super::node::{NodeLayer, NodesOf};
use super::topology::use_topology;
use super::{Dispatch, Shared};
use crate::io::web;
use crate::model::layout::Rect;
use crate::model::training::Marks;
use crate::model::{Action, PendingEdge, Selection, Target, View};
use crate::text::num::fixed;
use crate::text::{canvas, common};
use csp_rules::{edge_kind_name, EdgeKind, Lang, Scenario, Verdict};
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// A pointer moved less than this (in pixels) is a click, not a drag.
const CLICK_SLOP: f64 = 3.0;

#[derive(Debug, Properties, PartialEq)]
pub struct CanvasProps {
    /// Compared by pointer: a new diagram is a new `Rc`, and comparing 3,000 nodes and edges
    /// on every render of the page (a click, a selection) was a cost of its own.
    pub scenario: Shared<Scenario>,
    /// The rules' revision of `scenario` (anything but positions).
    pub rev: u64,
    /// Each edge's verdict, in `scenario`'s order; empty when the diagram can't be judged.
    pub verdicts: Rc<Vec<Verdict>>,
    pub selection: Selection,
    pub view: View,
    pub lang: Lang,
    pub pending: Option<PendingEdge>,
    pub dispatch: Dispatch,
    /// A walkthrough step's highlight: what it names is `lit`, the rest `dim`.
    #[prop_or_default]
    pub marks: Option<Rc<Marks>>,
    /// A quiz is being answered: verdicts are not shown (nor said in edge names).
    #[prop_or_default]
    pub hide_verdicts: bool,
}

/// What the pointer is doing.
#[derive(Debug, Default)]
enum Gesture {
    #[default]
    Idle,
    Pan {
        pointer: i32,
        last: (f64, f64),
        moved: f64,
    },
    Drag {
        pointer: i32,
        start: (f64, f64),
        origin: Vec<(String, f64, f64)>,
        moved: bool,
        /// The node pressed; a click on it (no move) selects it alone.
        pressed: String,
    },
    Connect {
        pointer: i32,
        from: String,
    },
    Marquee {
        pointer: i32,
        start: (f64, f64),
        additive: bool,
    },
}

/// What the canvas draws on top while a gesture runs (diagram coordinates).
#[derive(Debug, Clone, PartialEq)]
enum Overlay {
    None,
    Band { from: (f64, f64), to: (f64, f64) },
    Box(Rect),
}

fn node_pos(s: &Scenario, id: &str) -> Option<(f64, f64)> {
    s.nodes
        .iter()
        .find(|n| n.id == id)
        .and_then(|n| Some((n.x?, n.y?)))
}

/// A drag under way: the nodes it moves. Their edges are drawn on a layer of their own and
/// the rest from the diagram as it was when the drag started (see `edge_layer`).
#[derive(Debug)]
struct Lift {
    /// The dragged nodes' indices in the scenario, sorted.
    nodes: Rc<Vec<usize>>,
    frozen: Rc<Scenario>,
    rev: u64,
}

impl Lift {
    fn new(frozen: Rc<Scenario>, rev: u64, ids: &[(String, f64, f64)]) -> Lift {
        let nodes = frozen
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| ids.iter().any(|(id, ..)| *id == n.id))
            .map(|(i, _)| i)
            .collect();
        Lift {
            nodes: Rc::new(nodes),
            frozen,
            rev,
        }
    }

    /// The frozen diagram still draws everything but the lifted nodes' edges as it is now:
    /// the same rules' revision (nodes, names, edges) and every other node where it was.
    fn holds(&self, now: &Scenario, rev: u64) -> bool {
        self.rev == rev
            && self.frozen.nodes.len() == now.nodes.len()
            && self
                .frozen
                .nodes
                .iter()
                .zip(&now.nodes)
                .enumerate()
                .all(|(i, (a, b))| {
                    a.id == b.id
                        && (self.nodes.binary_search(&i).is_ok() || (a.x == b.x && a.y == b.y))
                })
    }
}

#[function_component(Canvas)]
pub fn canvas(p: &CanvasProps) -> Html {
    let svg_ref = use_node_ref();
    let popup_ref = use_node_ref();
    let gesture = use_mut_ref(Gesture::default);
    let overlay = use_state_eq(|| Overlay::None);
    let lift = use_state(|| None::<Rc<Lift>>);
    let lang = p.lang;

    // Measure the canvas now and whenever the window changes size.
    {
        let svg_ref = svg_ref.clone();
        let dispatch = p.dispatch.clone();
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(el) = svg_ref.cast::<Element>() {
                    let r = el.get_bounding_client_rect();
                    dispatch.dispatch(Action::CanvasResized {
                        width: r.width(),
                        height: r.height(),
                    });
                }
            };
            measure();
            let listener =
                web_sys::window().map(|w| EventListener::new(&w, "resize", move |_| measure()));
            move || drop(listener)
        });
    }

    // Place the kind popup where the connection was dropped (through the CSSOM, which the
    // page's Content-Security-Policy allows, unlike style attributes) and focus it.
    {
        let popup_ref = popup_ref.clone();
        use_effect_with(p.pending.clone(), move |pending| {
            if let (Some(pe), Some(el)) = (pending, popup_ref.cast::<HtmlElement>()) {
                // Kept inside the canvas when dropped near its right or bottom edge.
                let (w, h) = el
                    .parent_element()
                    .map(|p| (f64::from(p.client_width()), f64::from(p.client_height())))
                    .unwrap_or((f64::INFINITY, f64::INFINITY));
                let x = pe
                    .at
                    .0
                    .min(w - f64::from(el.offset_width()) - 16.0)
                    .max(0.0);
                let y = pe
                    .at
                    .1
                    .min(h - f64::from(el.offset_height()) - 16.0)
                    .max(0.0);
                let style = el.style();
                let _ = style.set_property("left", &format!("{}px", fixed(x, 0)));
                let _ = style.set_property("top", &format!("{}px", fixed(y, 0)));
                if let Some(first) = el
                    .query_selector("button")
                    .ok()
                    .flatten()
                    .and_then(|b| b.dyn_into::<HtmlElement>().ok())
                {
                    let _ = first.focus();
                }
            }
        });
    }

    // Pointer position in canvas pixels.
    let local = {
        let svg_ref = svg_ref.clone();
        move |e: &MouseEvent| -> (f64, f64) {
            let (cx, cy) = (f64::from(e.client_x()), f64::from(e.client_y()));
            match svg_ref.cast::<Element>() {
                Some(el) => {
                    let r = el.get_bounding_client_rect();
                    (cx - r.left(), cy - r.top())
                }
                None => (cx, cy),
            }
        }
    };

    let onpointerdown = {
        let gesture = gesture.clone();
        let overlay = overlay.clone();
        let svg_ref = svg_ref.clone();
        let dispatch = p.dispatch.clone();
        let scenario = p.scenario.clone();
        let selection = p.selection.clone();
        let view = p.view;
        let local = local.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            let pointer = e.pointer_id();
            let at = local(&e);
            let world = view.to_world(at);
            let target = web::event_element(&e);
            let attr = |name: &str| target.as_ref().and_then(|t| web::closest_attr(t, name));
            let additive = e.shift_key();
            let next = if let Some(from) = attr("data-handle") {
                let start = node_pos(&scenario, &from).unwrap_or(world);
                overlay.set(Overlay::Band {
                    from: start,
                    to: world,
                });
                Gesture::Connect { pointer, from }
            } else if let Some(id) = attr("data-node-id") {
                if additive {
                    dispatch.dispatch(Action::Select {
                        target: Target::Node(id),
                        additive: true,
                    });
                    Gesture::Idle
                } else {
                    let ids: Vec<String> = if selection.nodes.contains(&id) {
                        selection.nodes.iter().cloned().collect()
                    } else {
                        dispatch.dispatch(Action::Select {
                            target: Target::Node(id.clone()),
                            additive: false,
                        });
                        vec![id.clone()]
                    };
                    let origin = ids
                        .into_iter()
                        .filter_map(|id| node_pos(&scenario, &id).map(|(x, y)| (id, x, y)))
                        .collect();
                    Gesture::Drag {
                        pointer,
                        start: at,
                        origin,
                        moved: false,
                        pressed: id,
                    }
                }
            } else if let Some(id) = attr("data-edge-id") {
                dispatch.dispatch(Action::Select {
                    target: Target::Edge(id),
                    additive,
                });
                Gesture::Idle
            } else if additive {
                overlay.set(Overlay::Box(Rect::from_corners(world, world)));
                Gesture::Marquee {
                    pointer,
                    start: world,
                    additive,
                }
            } else {
                Gesture::Pan {
                    pointer,
                    last: at,
                    moved: 0.0,
                }
            };
            if !matches!(next, Gesture::Idle) {
                if let Some(el) = svg_ref.cast::<Element>() {
                    let _ = el.set_pointer_capture(pointer);
                }
            }
            *gesture.borrow_mut() = next;
        })
    };

    let onpointermove = {
        let gesture = gesture.clone();
        let overlay = overlay.clone();
        let lift = lift.clone();
        let scenario = p.scenario.clone();
        let rev = p.rev;
        let dispatch = p.dispatch.clone();
        let view = p.view;
        let local = local.clone();
        Callback::from(move |e: PointerEvent| {
            let at = local(&e);
            let mut g = gesture.borrow_mut();
            match &mut *g {
                Gesture::Idle => {}
                Gesture::Pan {
                    pointer,
                    last,
                    moved,
                } if *pointer == e.pointer_id() => {
                    let (dx, dy) = (at.0 - last.0, at.1 - last.1);
                    *last = at;
                    *moved += dx.abs() + dy.abs();
                    dispatch.dispatch(Action::Pan { dx, dy });
                }
                Gesture::Drag {
                    pointer,
                    start,
                    origin,
                    moved,
                    ..
                } if *pointer == e.pointer_id() => {
                    let (dx, dy) = (at.0 - start.0, at.1 - start.1);
                    if !*moved && dx.abs() + dy.abs() < CLICK_SLOP {
                        return;
                    }
                    if !*moved {
                        lift.set(Some(Rc::new(Lift::new(scenario.0.clone(), rev, origin))));
                    }
                    *moved = true;
                    let (dx, dy) = (dx / view.k, dy / view.k);
                    let moves = origin
                        .iter()
                        .map(|(id, x, y)| (id.clone(), x + dx, y + dy))
                        .collect();
                    dispatch.dispatch(Action::SetPositions(moves));
                }
                Gesture::Connect { pointer, .. } if *pointer == e.pointer_id() => {
                    if let Overlay::Band { from, .. } = *overlay {
                        overlay.set(Overlay::Band {
                            from,
                            to: view.to_world(at),
                        });
                    }
                }
                Gesture::Marquee { pointer, start, .. } if *pointer == e.pointer_id() => {
                    overlay.set(Overlay::Box(Rect::from_corners(*start, view.to_world(at))));
                }
                _ => {}
            }
        })
    };

    let finish = {
        let gesture = gesture.clone();
        let overlay = overlay.clone();
        let lift = lift.clone();
        let dispatch = p.dispatch.clone();
        let scenario = p.scenario.clone();
        let selection = p.selection.clone();
        let view = p.view;
        let local = local.clone();
        move |e: PointerEvent, cancelled: bool| {
            let g = std::mem::take(&mut *gesture.borrow_mut());
            overlay.set(Overlay::None);
            // A whole drag is one undo step: the next move starts another.
            if matches!(g, Gesture::Drag { moved: true, .. }) {
                lift.set(None);
                dispatch.dispatch(Action::Checkpoint);
            }
            if cancelled {
                return;
            }
            match g {
                Gesture::Pan { moved, .. } if moved < CLICK_SLOP => {
                    dispatch.dispatch(Action::ClearSelection);
                }
                Gesture::Drag { moved, pressed, .. } if !moved && selection.nodes.len() > 1 => {
                    dispatch.dispatch(Action::Select {
                        target: Target::Node(pressed),
                        additive: false,
                    });
                }
                Gesture::Connect { from, .. } => {
                    // The pointer is captured by the canvas, so ask what is under it.
                    let to = web::element_at(f64::from(e.client_x()), f64::from(e.client_y()))
                        .and_then(|el| web::closest_attr(&el, "data-node-id"));
                    if let Some(to) = to.filter(|to| *to != from) {
                        dispatch.dispatch(Action::ProposeEdge(PendingEdge {
                            from,
                            to,
                            at: local(&e),
                        }));
                    }
                }
                Gesture::Marquee {
                    start, additive, ..
                } => {
                    let r = Rect::from_corners(start, view.to_world(local(&e)));
                    let mut sel = if additive {
                        selection.clone()
                    } else {
                        Selection::default()
                    };
                    let inside: Vec<&str> = scenario
                        .nodes
                        .iter()
                        .filter(|n| n.x.zip(n.y).is_some_and(|pt| r.contains(pt)))
                        .map(|n| n.id.as_str())
                        .collect();
                    sel.nodes.extend(inside.iter().map(|s| s.to_string()));
                    sel.edges.extend(
                        scenario
                            .edges
                            .iter()
                            .filter(|e| {
                                inside.contains(&e.from.as_str()) && inside.contains(&e.to.as_str())
                            })
                            .map(|e| e.id.clone()),
                    );
                    dispatch.dispatch(Action::SetSelection(sel));
                }
                _ => {}
            }
        }
    };
    let onpointerup = {
        let finish = finish.clone();
        Callback::from(move |e: PointerEvent| finish(e, false))
    };
    let onpointercancel = Callback::from(move |e: PointerEvent| finish(e, true));

    let onwheel = {
        let dispatch = p.dispatch.clone();
        let local = local.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            // Lines and pages scroll far more than pixels; bring them to the same scale.
            let unit = match e.delta_mode() {
                0 => 1.0,
                1 => 16.0,
                _ => 400.0,
            };
            let factor = (-e.delta_y() * unit * 0.0015).exp();
            dispatch.dispatch(Action::Zoom {
                factor,
                at: Some(local(&e)),
            });
        })
    };

    let onkeydown = {
        let dispatch = p.dispatch.clone();
        let has_nodes = !p.selection.nodes.is_empty();
        Callback::from(move |e: KeyboardEvent| {
            let target = web::event_element(&e);
            let attr = |name: &str| target.as_ref().and_then(|t| web::closest_attr(t, name));
            let step = if e.shift_key() { 50.0 } else { 10.0 };
            let nudge = |dx: f64, dy: f64| {
                if has_nodes {
                    e.prevent_default();
                    dispatch.dispatch(Action::Nudge { dx, dy });
                }
            };
            match e.key().as_str() {
                "Enter" | " " => {
                    let target = attr("data-node-id")
                        .map(Target::Node)
                        .or_else(|| attr("data-edge-id").map(Target::Edge));
                    if let Some(target) = target {
                        e.prevent_default();
                        dispatch.dispatch(Action::Select {
                            target,
                            additive: e.shift_key(),
                        });
                    }
                }
                "ArrowLeft" => nudge(-step, 0.0),
                "ArrowRight" => nudge(step, 0.0),
                "ArrowUp" => nudge(0.0, -step),
                "ArrowDown" => nudge(0.0, step),
                _ => {}
            }
        })
    };

    let (names, topology) = use_topology(&p.scenario.0, p.rev);
    let label_of = |id: &str| p.scenario.label_of(id).to_string();
    // While nodes are dragged, the edges that don't touch them are drawn from the diagram as
    // it was (unchanged props: yew skips them) and the others on the layer under the canvas.
    let lifted = (*lift).clone().filter(|l| l.holds(&p.scenario, p.rev));
    let (drawn, part) = match &lifted {
        Some(l) => (l.frozen.clone(), Part::Without(l.nodes.clone())),
        None => (p.scenario.0.clone(), Part::All),
    };
    let edge_layer = |scenario: Rc<Scenario>, part: Part| {
        html! {
            <EdgeLayer scenario={Shared(scenario)} topology={Shared(topology.clone())} {part}
                verdicts={p.verdicts.clone()} selected={p.selection.edges.clone()} {lang}
                marks={p.marks.clone()} hide_verdicts={p.hide_verdicts} />
        }
    };
    let live = lifted
        .as_ref()
        .map(|l| edge_layer(p.scenario.0.clone(), Part::Touching(l.nodes.clone())));
    let transform = p.view.transform();
    let pending_line = p.pending.as_ref().and_then(|pe| {
        let (a, b) = (
            node_pos(&p.scenario, &pe.from)?,
            node_pos(&p.scenario, &pe.to)?,
        );
        Some(html! {
            <line class="pending" x1={fixed(a.0, 1)} y1={fixed(a.1, 1)}
                  x2={fixed(b.0, 1)} y2={fixed(b.1, 1)} />
        })
    });
    let overlay_html = match &*overlay {
        Overlay::None => html! {},
        Overlay::Band { from, to } => html! {
            <line class="band" x1={fixed(from.0, 1)} y1={fixed(from.1, 1)}
                  x2={fixed(to.0, 1)} y2={fixed(to.1, 1)} />
        },
        Overlay::Box(r) => html! {
            <rect class="marquee" x={fixed(r.x0, 1)} y={fixed(r.y0, 1)}
                  width={fixed(r.x1 - r.x0, 1)} height={fixed(r.y1 - r.y0, 1)} />
        },
    };
    let popup = p.pending.as_ref().map(|pe| {
        let choose = |kind: EdgeKind| {
            let dispatch = p.dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::ConfirmEdge(kind)))
        };
        let cancel = {
            let dispatch = p.dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::CancelEdge))
        };
        let onkeydown = {
            let dispatch = p.dispatch.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    dispatch.dispatch(Action::CancelEdge);
                }
            })
        };
        html! {
            <div class="connect-popup" ref={popup_ref.clone()} role="dialog"
                 aria-label={canvas::connect_as(lang)} {onkeydown}>
                <p>{ canvas::connect_question(lang, &lang.quote(&label_of(&pe.from)), &lang.quote(&label_of(&pe.to))) }</p>
                <div class="row">
                    <button type="button" class="primary" data-edge-kind="sells_to"
                        onclick={choose(EdgeKind::SellsTo)}>
                        { edge_kind_name(EdgeKind::SellsTo, lang) }
                    </button>
                    <button type="button" class="primary" data-edge-kind="manages"
                        onclick={choose(EdgeKind::Manages)}>
                        { edge_kind_name(EdgeKind::Manages, lang) }
                    </button>
                    <button type="button" onclick={cancel}>{ common::cancel(lang) }</button>
                </div>
            </div>
        }
    });
    let empty = p.scenario.nodes.is_empty();

    html! {
        <div class={classes!("canvas-wrap", p.hide_verdicts.then_some("quiz-hidden"), p.marks.is_some().then_some("touring"))}
             data-quiz={p.hide_verdicts.then_some("hidden")}>
            // Under the canvas (which has no background of its own) and composited apart
            // from it, so a drag repaints and rasterizes only what moves. Empty otherwise.
            <svg class="canvas-live" aria-hidden="true" focusable="false">
                <g transform={transform.clone()}>{ for live }</g>
            </svg>
            <svg ref={svg_ref} class="canvas" tabindex="0" role="group"
                 aria-label={canvas::canvas_label(lang)}
                 {onpointerdown} {onpointermove} {onpointerup} {onpointercancel} {onwheel} {onkeydown}>
                <g class="viewport" {transform}>
                    { edge_layer(drawn, part) }
                    { for pending_line }
                    <NodeLayer scenario={NodesOf(p.scenario.0.clone())} names={Shared(names)}
                        selected={p.selection.nodes.clone()} {lang} marks={p.marks.clone()} />
                    { overlay_html }
                </g>
            </svg>
            if empty {
                <p class="empty-hint">{ canvas::empty_hint(lang) }</p>
            }
            { for popup }
        </div>
    }
}
