//! The SVG canvas: nodes and edges inside one `<g transform>` (pan and zoom change only that
//! attribute), and one pointer state machine for the whole surface (`gesture`). Pointer
//! events are handled by delegation: the element under the pointer names itself through
//! `data-handle`, `data-node-id` or `data-edge-id`, so nodes and edges carry no callbacks.

pub mod detail;
pub mod edge;
pub mod first;
pub mod gesture;
pub mod label;
pub mod layers;
pub mod legend;
pub mod node;
pub mod picture;
pub mod plain;
mod popup;
pub mod routes;
pub mod shapes;
pub mod topology;

use crate::io::web;
use crate::model::caption::Captions;
use crate::model::layout::Rect;
use crate::model::state::GRID;
use crate::model::training::{Marks, QuizVerb, Train};
use crate::model::{
    use_mode, use_page, Action, Dispatch, Mode, Page, PendingEdge, Selection, Shared, View,
};
use crate::text::num::fixed;
use crate::text::{canvas, embed};
use csp_rules::{Scenario, Verdict};
use detail::{Detail, Visible};
use gesture::{Gesture, Hit, Out, Overlay, Scene};
use gloo::events::EventListener;
use layers::{BatchLayer, DragLayer, EdgeLayer, Lift};
use node::{NodeLayer, NodesOf};
use routes::{caption_scale, route_scale, use_routes};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use topology::{use_topology, NodeNames, Topology};
use web_sys::Element;
use yew::prelude::*;

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
    pub pending: Option<PendingEdge>,
    /// A walkthrough step's highlight: what it names is `lit`, the rest `dim`.
    #[prop_or_default]
    pub marks: Option<Rc<Marks>>,
    /// A quiz is being answered: verdicts are not shown (nor said in edge names).
    #[prop_or_default]
    pub hide_verdicts: bool,
    /// The canvas's size in pixels (what a culled diagram draws depends on it).
    pub size: (f64, f64),
    /// Drags snap to the grid.
    #[prop_or_default]
    pub snap: bool,
    /// How the names are presented (the model's, `State::captions`), when presenting.
    #[prop_or_default]
    pub captions: Option<Shared<Captions>>,
    /// Shown over the canvas while the diagram is empty (the shell's start screen).
    #[prop_or_default]
    pub children: Html,
}

/// Measures the canvas now and whenever the window changes size.
#[hook]
fn use_measure(svg: NodeRef, dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let measure = move || {
            if let Some(el) = svg.cast::<Element>() {
                let r = el.get_bounding_client_rect();
                dispatch.send(Action::CanvasResized {
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

/// The pointer's position in canvas pixels.
fn local(svg: &NodeRef, e: &MouseEvent) -> (f64, f64) {
    let (cx, cy) = (f64::from(e.client_x()), f64::from(e.client_y()));
    match svg.cast::<Element>() {
        Some(el) => {
            let r = el.get_bounding_client_rect();
            (cx - r.left(), cy - r.top())
        }
        None => (cx, cy),
    }
}

/// What the pointer went down on, as the element under it names itself.
fn hit(e: &web_sys::Event) -> Hit {
    let target = web::event_element(e);
    let attr = |name: &str| target.as_ref().and_then(|t| web::closest_attr(t, name));
    if let Some(id) = attr("data-handle") {
        Hit::Handle(id)
    } else if let Some(id) = attr("data-node-id") {
        Hit::Node(id)
    } else if let Some(id) = attr("data-edge-id") {
        Hit::Edge(id)
    } else {
        Hit::Background
    }
}

/// A press on the background near a batched edge (which has no element to name itself)
/// is a press on that edge.
fn batched_hit(hit: Hit, run: &Runner, at: (f64, f64), view: View) -> Hit {
    if hit != Hit::Background || run.visible.batch.is_empty() {
        return hit;
    }
    let places = run.topology.places();
    let reach = 6.0 / view.k.max(1e-6);
    detail::nearest(
        &run.scenario.nodes,
        places,
        &run.visible.batch,
        view.to_world(at),
        reach,
    )
    .and_then(|i| places.get(i))
    .map_or(hit, |e| Hit::Edge(e.id.to_string()))
}

/// Carries out what the gesture asked for. A drag's moves stay on the canvas (its drag
/// layer) until the drop, which sends them to the page as one change.
struct Runner {
    svg: NodeRef,
    dispatch: Dispatch,
    overlay: UseStateHandle<Overlay>,
    lift: UseStateHandle<Option<Rc<Lift>>>,
    scenario: Shared<Scenario>,
    names: Rc<NodeNames>,
    topology: Rc<Topology>,
    visible: Rc<Visible>,
    snap: bool,
}

impl Runner {
    fn run(&self, out: Vec<Out>, pointer: i32) {
        for o in out {
            match o {
                Out::Send(Action::SetPositions(moves)) if self.lift.is_some() => {
                    if let Some(l) = self.lift.as_ref() {
                        self.lift.set(Some(Rc::new(l.moved(moves))));
                    }
                }
                Out::Send(a) => self.dispatch.send(a),
                Out::Overlay(ov) => self.overlay.set(ov),
                Out::Capture => {
                    if let Some(el) = self.svg.cast::<Element>() {
                        let _ = el.set_pointer_capture(pointer);
                    }
                }
                Out::Lift(origin) => {
                    let grid = self.snap.then_some(GRID);
                    let (s, names, t) = (self.scenario.0.clone(), &self.names, &self.topology);
                    let lift = Lift::new(s, names, t, &origin, grid);
                    self.lift.set(Some(Rc::new(lift)));
                }
                Out::Land => {
                    if let Some(l) = self.lift.as_ref() {
                        self.dispatch
                            .send(Action::SetPositions(l.moves.as_ref().clone()));
                    }
                    self.lift.set(None);
                }
            }
        }
    }
}

/// The pending long press of a finger on a node (dropped: cancelled).
type LongPress = Rc<RefCell<Option<gloo::timers::callback::Timeout>>>;

/// The pointer and wheel handlers of the canvas, for this render's props.
struct Handlers {
    down: Callback<PointerEvent>,
    moved: Callback<PointerEvent>,
    up: Callback<PointerEvent>,
    cancel: Callback<PointerEvent>,
    wheel: Callback<WheelEvent>,
    key: Callback<KeyboardEvent>,
}

fn handlers(
    p: &CanvasProps,
    svg: &NodeRef,
    gesture: &Rc<RefCell<Gesture>>,
    run: Rc<Runner>,
    long: &LongPress,
    viewing: bool,
) -> Handlers {
    let (scenario, selection, view) = (p.scenario.clone(), p.selection.clone(), p.view);
    let scene = move || (scenario.clone(), selection.clone(), view);
    let down = {
        let (svg, gesture, run, scene) = (svg.clone(), gesture.clone(), run.clone(), scene.clone());
        let long = long.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            let (s, sel, view) = scene();
            let sc = Scene {
                scenario: &s,
                selection: &sel,
                view,
            };
            let touch = e.pointer_type() == "touch";
            let at = local(&svg, &e);
            let hit = batched_hit(hit(&e), &run, at, view);
            let on_node = matches!(hit, Hit::Node(_));
            let pointer = e.pointer_id();
            let out = if viewing {
                gesture
                    .borrow_mut()
                    .press_viewing(pointer, at, hit, (e.shift_key(), touch), sc)
            } else {
                gesture
                    .borrow_mut()
                    .press(pointer, at, hit, (e.shift_key(), touch), sc)
            };
            run.run(out, pointer);
            // A finger resting on a node connects from it (the handle is small on a phone).
            if touch && on_node && !viewing {
                let (gesture, run, scene) = (gesture.clone(), run.clone(), scene.clone());
                let timer =
                    gloo::timers::callback::Timeout::new(gesture::LONG_PRESS_MS, move || {
                        let (s, sel, view) = scene();
                        let sc = Scene {
                            scenario: &s,
                            selection: &sel,
                            view,
                        };
                        let out = gesture.borrow_mut().long_press(pointer, sc);
                        if !out.is_empty() {
                            web::vibrate(15);
                        }
                        run.run(out, pointer);
                    });
                *long.borrow_mut() = Some(timer);
            }
        })
    };
    let moved = {
        let (svg, gesture, run) = (svg.clone(), gesture.clone(), run.clone());
        Callback::from(move |e: PointerEvent| {
            let out = gesture
                .borrow_mut()
                .moved(e.pointer_id(), local(&svg, &e), view);
            run.run(out, e.pointer_id());
        })
    };
    let finish = {
        let (svg, gesture, run) = (svg.clone(), gesture.clone(), run.clone());
        move |e: PointerEvent, cancelled: bool| {
            // The pointer is captured by the canvas, so ask the document what is under it.
            let under = gesture.borrow().connecting().then(|| {
                web::element_at(f64::from(e.client_x()), f64::from(e.client_y()))
                    .and_then(|el| web::closest_attr(&el, "data-node-id"))
            });
            let (s, sel, view) = scene();
            let sc = Scene {
                scenario: &s,
                selection: &sel,
                view,
            };
            let at = (e.pointer_id(), local(&svg, &e));
            let out = gesture
                .borrow_mut()
                .release(at, under.flatten(), cancelled, sc);
            run.run(out, e.pointer_id());
        }
    };
    let up = {
        let finish = finish.clone();
        Callback::from(move |e: PointerEvent| finish(e, false))
    };
    let cancel = Callback::from(move |e: PointerEvent| finish(e, true));
    let wheel = {
        let (svg, dispatch) = (svg.clone(), run.dispatch.clone());
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let factor = gesture::wheel_factor(e.delta_y(), e.delta_mode());
            let at = Some(local(&svg, &e));
            dispatch.send(Action::Zoom { factor, at });
        })
    };
    let key = {
        let dispatch = run.dispatch.clone();
        let has_nodes = !p.selection.nodes.is_empty();
        Callback::from(move |e: KeyboardEvent| {
            let focused = match hit(&e) {
                Hit::Node(id) => Some(crate::model::Target::Node(id)),
                Hit::Edge(id) => Some(crate::model::Target::Edge(id)),
                Hit::Handle(_) | Hit::Background => None,
            };
            if let Some(a) = gesture::canvas_key(&e.key(), e.shift_key(), focused, has_nodes) {
                e.prevent_default();
                dispatch.send(a);
            }
        })
    };
    Handlers {
        down,
        moved,
        up,
        cancel,
        wheel,
        key,
    }
}

/// In a quiz, pointing at an edge (hovering or focusing it) points at its question too; any
/// other element points at none. Sent only when it changes.
struct Pointing {
    over: Callback<PointerEvent>,
    leave: Callback<PointerEvent>,
    focus: Callback<FocusEvent>,
    blur: Callback<FocusEvent>,
}

fn pointing(p: &CanvasProps, dispatch: &Dispatch) -> Option<Pointing> {
    let marks = p.marks.clone().filter(|m| m.quiz())?;
    let point = {
        let dispatch = dispatch.clone();
        move |e: &web_sys::Event, leaving: bool| {
            let edge = match hit(e) {
                Hit::Edge(id) if !leaving => Some(id),
                _ => None,
            };
            if edge != marks.pointed {
                dispatch.send(Action::Train(Train::Quiz(QuizVerb::Point(edge))));
            }
        }
    };
    let on = |leaving: bool| {
        let point = point.clone();
        move |e: web_sys::Event| point(&e, leaving)
    };
    Some(Pointing {
        over: Callback::from({
            let f = on(false);
            move |e: PointerEvent| f(e.into())
        }),
        leave: Callback::from({
            let f = on(true);
            move |e: PointerEvent| f(e.into())
        }),
        focus: Callback::from({
            let f = on(false);
            move |e: FocusEvent| f(e.into())
        }),
        blur: Callback::from({
            let f = on(true);
            move |e: FocusEvent| f(e.into())
        }),
    })
}

/// What is drawn over the diagram while a gesture runs.
fn overlay_view(o: &Overlay) -> Html {
    match o {
        Overlay::None => html! {},
        Overlay::Band { from, to } => html! {
            <line class="band" x1={fixed(from.0, 1)} y1={fixed(from.1, 1)}
                  x2={fixed(to.0, 1)} y2={fixed(to.1, 1)} />
        },
        Overlay::Box(r) => html! {
            <rect class="marquee" x={fixed(r.x0, 1)} y={fixed(r.y0, 1)}
                  width={fixed(r.x1 - r.x0, 1)} height={fixed(r.y1 - r.y0, 1)} />
        },
    }
}

/// The dashed line of a connection waiting for its kind.
fn pending_line(s: &Scenario, pe: &PendingEdge) -> Option<Html> {
    let pos = |id: &str| s.node(id).and_then(|n| Some((n.x?, n.y?)));
    let (a, b) = (pos(&pe.from)?, pos(&pe.to)?);
    Some(html! {
        <line class="pending" x1={fixed(a.0, 1)} y1={fixed(a.1, 1)}
              x2={fixed(b.0, 1)} y2={fixed(b.1, 1)} />
    })
}

/// What decides what a render draws.
#[derive(Debug, PartialEq)]
struct VisibleKey {
    scenario: Shared<Scenario>,
    topology: Shared<Topology>,
    detail: Detail,
    /// Only when culling: what else is drawn the same whatever the view.
    window: Option<Rect>,
    selected: BTreeSet<String>,
    marks: Option<Rc<Marks>>,
}

/// What is drawn of the diagram (all of it unless it is culled): worked out again only when
/// the diagram, the detail, the culling window, the selection or the highlight changes.
#[hook]
fn use_visible(key: VisibleKey) -> Rc<Visible> {
    use_memo(key, |k| {
        let Some(window) = k.window else {
            return Visible::default();
        };
        let edges = &k.scenario.edges;
        let own = |i: usize| {
            edges.get(i).is_some_and(|e| {
                k.selected.contains(&e.id)
                    || k.marks.as_ref().is_some_and(|m| {
                        m.lit.as_ref().is_some_and(|(_, lit)| lit.contains(&e.id))
                            || m.numbers.contains_key(&e.id)
                    })
            })
        };
        detail::visible(
            &k.scenario.nodes,
            k.topology.places(),
            &window,
            k.detail,
            own,
        )
    })
}

#[function_component(Canvas)]
pub fn canvas(p: &CanvasProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let svg_ref = use_node_ref();
    let gesture = use_mut_ref(Gesture::default);
    let overlay = use_state_eq(|| Overlay::None);
    let lift = use_state(|| None::<Rc<Lift>>);
    use_measure(svg_ref.clone(), dispatch.clone());
    let popup = use_node_ref();
    {
        let popup = popup.clone();
        use_effect_with(p.pending.clone(), move |pending| {
            if let (Some(pe), Some(el)) = (pending, popup.cast::<web_sys::HtmlElement>()) {
                popup::place(&el, pe.at);
            }
        });
    }
    let (names, topology) = use_topology(&p.scenario.0, p.rev, lang);
    let present = use_context::<Mode>().unwrap_or_default().present;
    let wrapped = p.captions.clone().filter(|_| present);
    let captions = caption_scale(wrapped.as_ref(), p.view.k, p.size.0);
    let presented = wrapped.clone().map(|c| (lang, c));
    let routes = Shared(use_routes(
        &p.scenario.0,
        &topology,
        route_scale(captions),
        presented,
    ));
    let detail = Detail::of(p.scenario.nodes.len(), p.view.k);
    let visible = use_visible(VisibleKey {
        scenario: p.scenario.clone(),
        topology: Shared(topology.clone()),
        detail,
        window: detail.cull.then(|| detail::window(p.view, p.size)),
        selected: p.selection.edges.clone(),
        marks: p.marks.clone(),
    });
    let run = Rc::new(Runner {
        svg: svg_ref.clone(),
        dispatch: dispatch.clone(),
        overlay: overlay.clone(),
        lift: lift.clone(),
        scenario: p.scenario.clone(),
        names: names.clone(),
        topology: topology.clone(),
        visible: visible.clone(),
        snap: p.snap,
    });
    let long = use_mut_ref(|| None);
    // Where the diagram can't be changed (a read-only embed), it says so and nothing drags.
    let viewing = !use_mode().editable();
    let h = handlers(p, &svg_ref, &gesture, run, &long, viewing);
    let pointing = pointing(p, &dispatch);
    let (over, leave, focus, blur) = match pointing {
        Some(q) => (Some(q.over), Some(q.leave), Some(q.focus), Some(q.blur)),
        None => (None, None, None, None),
    };
    let tour = p.marks.as_ref().is_some_and(|m| m.lit.is_some());
    let quiz = p.marks.as_ref().is_some_and(|m| m.quiz());

    // While nodes are dragged the diagram is drawn as the drag began (the page's diagram is
    // that one until the drop), the dragged nodes' edges and copies on the drag layer.
    let lifted = (*lift).clone().filter(|l| l.holds(&p.scenario.0));
    // Zoomed out, the dragged nodes' edges stay drawn where they were until the drop (their
    // copies move on the drag layer), as batched edges do: taking their long lines out
    // repainted most of the canvas, 0.1-0.2 s of rasterizing in the drag's first frames.
    let except = lifted
        .as_ref()
        .filter(|_| detail.full)
        .map(|l| l.edges.clone());
    let drag = lifted.as_ref().map(|l| {
        html! {
            <DragLayer lift={Shared(l.clone())} topology={Shared(topology.clone())} routes={routes.clone()}
                names={Shared(names.clone())} verdicts={p.verdicts.clone()}
                selected_edges={p.selection.edges.clone()} selected_nodes={p.selection.nodes.clone()}
                marks={p.marks.clone()} hide_verdicts={p.hide_verdicts} full={detail.full} />
        }
    });
    let transform = p.view.transform();
    // The zoom, for what is drawn at a size on screen whatever the zoom: a finger's reach of
    // the handles, a room's labels. Only then: a change to it restyles every node.
    let coarse = use_memo((), |_| web::media("(pointer: coarse)"));
    let zoom = (present || *coarse).then(|| fixed(p.view.k, 3));
    // Presenting, the names' size in diagram units (as the routes have it).
    let caption = present.then(|| format!("{}px", fixed(13.0 * captions, 3)));
    let wrap = use_node_ref();
    {
        // Through the CSSOM: the page's Content-Security-Policy refuses style attributes.
        let wrap = wrap.clone();
        use_effect_with((zoom, caption), move |(zoom, caption)| {
            if let Some(el) = wrap.cast::<web_sys::HtmlElement>() {
                let style = el.style();
                for (name, value) in [("--zoom", zoom), ("--caption-size", caption)] {
                    let _ = match value {
                        Some(v) => style.set_property(name, v),
                        None => style.remove_property(name).map(|_| ()),
                    };
                }
            }
        });
    }

    html! {
        <div class={classes!("canvas-wrap", p.hide_verdicts.then_some("quiz-hidden"), tour.then_some("touring"), quiz.then_some("quizzing"))}
             data-quiz={p.hide_verdicts.then_some("hidden")} ref={wrap}>
            // Under the canvas, and composited apart from it (see BatchLayer).
            <svg class="canvas-batches" aria-hidden="true" focusable="false">
                <g transform={transform.clone()}>
                    <BatchLayer scenario={p.scenario.clone()} topology={Shared(topology.clone())}
                        visible={Shared(visible.clone())} verdicts={p.verdicts.clone()} dim={p.marks.is_some()} />
                </g>
            </svg>
            <svg ref={svg_ref} class="canvas" tabindex="0" role="group"
                 aria-label={if viewing { embed::canvas_view_label(lang) } else { canvas::canvas_label(lang) }}
                 onpointerdown={h.down} onpointermove={h.moved} onpointerup={h.up}
                 onpointercancel={h.cancel} onwheel={h.wheel} onkeydown={h.key}
                 onpointerover={over} onpointerleave={leave} onfocusin={focus} onfocusout={blur}
                 oncontextmenu={Callback::from(|e: MouseEvent| e.prevent_default())}>
                <g class="viewport" transform={transform.clone()}>
                    <EdgeLayer scenario={p.scenario.clone()} topology={Shared(topology.clone())} {routes}
                        visible={Shared(visible.clone())} {except}
                        verdicts={p.verdicts.clone()} selected={p.selection.edges.clone()}
                        marks={p.marks.clone()} hide_verdicts={p.hide_verdicts} full={detail.full} />
                    { for p.pending.as_ref().and_then(|pe| pending_line(&p.scenario, pe)) }
                    <NodeLayer scenario={NodesOf(p.scenario.0.clone())} names={Shared(names)}
                        visible={Shared(visible)} lifted={lifted.as_ref().map(|l| l.nodes.clone())}
                        selected={p.selection.nodes.clone()} marks={p.marks.clone()} full={detail.full}
                        {wrapped} />
                    { overlay_view(&overlay) }
                </g>
            </svg>
            // Over the canvas, never under the pointer, and composited apart from it, so a
            // drag frame repaints and rasterizes only what moves. Empty otherwise.
            <svg class="canvas-live" aria-hidden="true" focusable="false">
                <g {transform}>{ for drag }</g>
            </svg>
            if p.scenario.nodes.is_empty() {
                if viewing {
                    <p class="empty-hint">{ embed::empty_view(lang) }</p>
                } else {
                    { p.children.clone() }
                }
            }
            if let Some(pending) = &p.pending {
                { popup::connect_popup(pending, &p.scenario, &popup, lang, &dispatch) }
            }
        </div>
    }
}
