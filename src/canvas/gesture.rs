//! The canvas's pointer and keyboard handling as pure functions: what a press, a move and a
//! release do, given what was under the pointer and what the diagram holds. The canvas feeds
//! it events and carries out what it returns; nothing here touches the browser.

use crate::model::layout::Rect;
use crate::model::{Action, PendingEdge, Selection, Target, View};
use csp_rules::Scenario;

/// A pointer moved less than this (in pixels) is a click, not a drag.
pub const CLICK_SLOP: f64 = 3.0;

/// A finger moved less than this (in pixels) is still a tap or a long press: fingers shake.
pub const TOUCH_SLOP: f64 = 10.0;

/// How long a finger rests on a node before it starts a connection instead of a drag.
pub const LONG_PRESS_MS: u32 = 500;

/// What was under the pointer when it went down, as the element named itself through its
/// `data-handle`, `data-node-id` or `data-edge-id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hit {
    Handle(String),
    Node(String),
    Edge(String),
    Background,
}

/// What the canvas draws on top while a gesture runs (diagram coordinates).
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    None,
    Band { from: (f64, f64), to: (f64, f64) },
    Box(Rect),
}

/// What the pointer is doing.
#[derive(Debug, Default, PartialEq)]
pub enum Gesture {
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
        /// Where the pointer is now (a second finger starts a pinch from here).
        last: (f64, f64),
        origin: Vec<(String, f64, f64)>,
        moved: bool,
        /// How far the pointer may move before the node follows: a finger shakes more.
        slop: f64,
        /// The node pressed; a click on it (no move) selects it alone.
        pressed: String,
    },
    Connect {
        pointer: i32,
        from: String,
        /// Where the band starts, in diagram coordinates.
        start: (f64, f64),
    },
    Marquee {
        pointer: i32,
        start: (f64, f64),
        additive: bool,
    },
    /// Two fingers: the diagram follows them, zoomed around the point between them.
    Pinch {
        a: (i32, (f64, f64)),
        b: (i32, (f64, f64)),
    },
}

/// What a pointer event asks of the canvas, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Send(Action),
    Overlay(Overlay),
    /// Keep the pointer's events on the canvas until it is released.
    Capture,
    /// A drag of these nodes begins: draw their edges on a layer of their own.
    Lift(Vec<(String, f64, f64)>),
    /// The drag is over: one layer again.
    Land,
}

/// What the gesture reads of the diagram.
#[derive(Debug, Clone, Copy)]
pub struct Scene<'a> {
    pub scenario: &'a Scenario,
    pub selection: &'a Selection,
    pub view: View,
}

fn node_pos(s: &Scenario, id: &str) -> Option<(f64, f64)> {
    s.node(id).and_then(|n| Some((n.x?, n.y?)))
}

impl Gesture {
    /// Whether the release needs to know which node is under the pointer (the canvas has
    /// captured it, so it must ask the document).
    pub fn connecting(&self) -> bool {
        matches!(self, Gesture::Connect { .. })
    }

    /// The pointer the running gesture follows (either, in a pinch: the first).
    fn pointer(&self) -> Option<i32> {
        match self {
            Gesture::Idle => None,
            Gesture::Pan { pointer, .. }
            | Gesture::Drag { pointer, .. }
            | Gesture::Connect { pointer, .. }
            | Gesture::Marquee { pointer, .. } => Some(*pointer),
            Gesture::Pinch { a, .. } => Some(a.0),
        }
    }

    /// Where the pointer of the running gesture is now, and which pointer it is.
    fn held(&self) -> Option<(i32, (f64, f64))> {
        match self {
            Gesture::Pan { pointer, last, .. } | Gesture::Drag { pointer, last, .. } => {
                Some((*pointer, *last))
            }
            _ => None,
        }
    }

    /// The primary button (or a finger: `touch`) went down at `at` (canvas pixels) on `hit`.
    /// A second finger while one pans or drags starts a pinch; the drag so far stays done.
    pub fn press(
        &mut self,
        pointer: i32,
        at: (f64, f64),
        hit: Hit,
        (shift, touch): (bool, bool),
        sc: Scene,
    ) -> Vec<Out> {
        let world = sc.view.to_world(at);
        let mut out = Vec::new();
        if let Some(first) = self.held().filter(|(p, _)| *p != pointer) {
            if matches!(self, Gesture::Drag { moved: true, .. }) {
                out.extend([Out::Land, Out::Send(Action::Checkpoint)]);
            }
            *self = Gesture::Pinch {
                a: first,
                b: (pointer, at),
            };
            out.push(Out::Capture);
            return out;
        }
        if self.pointer().is_some_and(|p| p != pointer) {
            // Another pointer while connecting or selecting by marquee: that one goes on.
            return out;
        }
        let next = match hit {
            Hit::Handle(from) => {
                let start = node_pos(sc.scenario, &from).unwrap_or(world);
                out.push(Out::Overlay(Overlay::Band {
                    from: start,
                    to: world,
                }));
                Gesture::Connect {
                    pointer,
                    from,
                    start,
                }
            }
            Hit::Node(id) if shift => {
                let target = Target::Node(id);
                out.push(Out::Send(Action::Select {
                    target,
                    additive: true,
                }));
                Gesture::Idle
            }
            Hit::Node(id) => {
                // A selected node drags the whole selection; another is selected and dragged.
                let ids: Vec<String> = if sc.selection.nodes.contains(&id) {
                    sc.selection.nodes.iter().cloned().collect()
                } else {
                    let target = Target::Node(id.clone());
                    out.push(Out::Send(Action::Select {
                        target,
                        additive: false,
                    }));
                    vec![id.clone()]
                };
                let origin = ids
                    .into_iter()
                    .filter_map(|id| node_pos(sc.scenario, &id).map(|(x, y)| (id, x, y)))
                    .collect();
                Gesture::Drag {
                    pointer,
                    start: at,
                    last: at,
                    origin,
                    moved: false,
                    slop: if touch { TOUCH_SLOP } else { CLICK_SLOP },
                    pressed: id,
                }
            }
            Hit::Edge(id) => {
                let target = Target::Edge(id);
                out.push(Out::Send(Action::Select {
                    target,
                    additive: shift,
                }));
                Gesture::Idle
            }
            Hit::Background if shift => {
                out.push(Out::Overlay(Overlay::Box(Rect::from_corners(world, world))));
                Gesture::Marquee {
                    pointer,
                    start: world,
                    additive: true,
                }
            }
            Hit::Background => Gesture::Pan {
                pointer,
                last: at,
                moved: 0.0,
            },
        };
        if next != Gesture::Idle {
            out.push(Out::Capture);
        }
        *self = next;
        out
    }

    /// As [`press`](Self::press), where the diagram can't be changed: a node (or its handle)
    /// is selected as an edge is, and nothing is dragged or connected; the background still
    /// pans, and Shift+drag still selects several.
    pub fn press_viewing(
        &mut self,
        pointer: i32,
        at: (f64, f64),
        hit: Hit,
        (shift, touch): (bool, bool),
        sc: Scene,
    ) -> Vec<Out> {
        match hit {
            Hit::Handle(id) | Hit::Node(id) => {
                *self = Gesture::Idle;
                let target = Target::Node(id);
                vec![Out::Send(Action::Select {
                    target,
                    additive: shift,
                })]
            }
            hit => self.press(pointer, at, hit, (shift, touch), sc),
        }
    }

    /// Pointer `pointer` moved to `at`; other pointers are ignored.
    pub fn moved(&mut self, pointer: i32, at: (f64, f64), view: View) -> Vec<Out> {
        match self {
            Gesture::Pan {
                pointer: p,
                last,
                moved,
            } if *p == pointer => {
                let (dx, dy) = (at.0 - last.0, at.1 - last.1);
                *last = at;
                *moved += dx.abs() + dy.abs();
                vec![Out::Send(Action::Pan { dx, dy })]
            }
            Gesture::Drag {
                pointer: p,
                start,
                last,
                origin,
                moved,
                slop,
                ..
            } if *p == pointer => {
                *last = at;
                let (dx, dy) = (at.0 - start.0, at.1 - start.1);
                if !*moved && dx.abs() + dy.abs() < *slop {
                    return vec![];
                }
                let mut out = Vec::new();
                if !*moved {
                    out.push(Out::Lift(origin.clone()));
                }
                *moved = true;
                let (dx, dy) = (dx / view.k, dy / view.k);
                let moves = origin
                    .iter()
                    .map(|(id, x, y)| (id.clone(), x + dx, y + dy))
                    .collect();
                out.push(Out::Send(Action::SetPositions(moves)));
                out
            }
            Gesture::Connect {
                pointer: p, start, ..
            } if *p == pointer => {
                let band = Overlay::Band {
                    from: *start,
                    to: view.to_world(at),
                };
                vec![Out::Overlay(band)]
            }
            Gesture::Marquee {
                pointer: p, start, ..
            } if *p == pointer => {
                let r = Rect::from_corners(*start, view.to_world(at));
                vec![Out::Overlay(Overlay::Box(r))]
            }
            Gesture::Pinch { a, b } if a.0 == pointer || b.0 == pointer => {
                let before = (a.1, b.1);
                if a.0 == pointer {
                    a.1 = at;
                } else {
                    b.1 = at;
                }
                pinch(before, (a.1, b.1))
            }
            _ => vec![],
        }
    }

    /// A finger has rested on the node it pressed for [`LONG_PRESS_MS`] without moving:
    /// it draws a connection from that node instead of dragging it.
    pub fn long_press(&mut self, pointer: i32, sc: Scene) -> Vec<Out> {
        let Gesture::Drag {
            pointer: p,
            moved: false,
            pressed,
            ..
        } = self
        else {
            return vec![];
        };
        if *p != pointer {
            return vec![];
        }
        let from = std::mem::take(pressed);
        let Some(start) = node_pos(sc.scenario, &from) else {
            return vec![];
        };
        *self = Gesture::Connect {
            pointer,
            from,
            start,
        };
        vec![Out::Overlay(Overlay::Band {
            from: start,
            to: start,
        })]
    }

    /// Pointer `pointer` was released at `at` over the node `under` (asked only while
    /// [`connecting`](Self::connecting)), or the gesture was cancelled. A pointer the
    /// gesture does not follow ends nothing; one finger of a pinch leaves the other panning.
    pub fn release(
        &mut self,
        (pointer, at): (i32, (f64, f64)),
        under: Option<String>,
        cancelled: bool,
        sc: Scene,
    ) -> Vec<Out> {
        if let Gesture::Pinch { a, b } = self {
            let rest = if a.0 == pointer {
                Some(*b)
            } else {
                (b.0 == pointer).then_some(*a)
            };
            if let Some(rest) = rest {
                *self = Gesture::Pan {
                    pointer: rest.0,
                    last: rest.1,
                    // Not a click: lifting that finger clears nothing.
                    moved: f64::INFINITY,
                };
            }
            return vec![];
        }
        if self.pointer().is_some_and(|p| p != pointer) {
            return vec![];
        }
        let g = std::mem::take(self);
        let mut out = vec![Out::Overlay(Overlay::None)];
        // A whole drag is one undo step: the next move starts another.
        if matches!(g, Gesture::Drag { moved: true, .. }) {
            out.push(Out::Land);
            out.push(Out::Send(Action::Checkpoint));
        }
        if cancelled {
            return out;
        }
        let action = match g {
            Gesture::Pan { moved, .. } if moved < CLICK_SLOP => Some(Action::ClearSelection),
            Gesture::Drag {
                moved: false,
                pressed,
                ..
            } if sc.selection.nodes.len() > 1 => {
                let target = Target::Node(pressed);
                Some(Action::Select {
                    target,
                    additive: false,
                })
            }
            Gesture::Connect { from, .. } => under
                .filter(|to| *to != from)
                .map(|to| Action::ProposeEdge(PendingEdge { from, to, at })),
            Gesture::Marquee {
                start, additive, ..
            } => {
                let r = Rect::from_corners(start, sc.view.to_world(at));
                Some(Action::SetSelection(marquee(sc, r, additive)))
            }
            _ => None,
        };
        out.extend(action.map(Out::Send));
        out
    }
}

/// Two fingers moved from `before` to `after`: the diagram moves with the point between
/// them, and zooms around it by how much further apart they are.
fn pinch(before: ((f64, f64), (f64, f64)), after: ((f64, f64), (f64, f64))) -> Vec<Out> {
    let mid = |(p, q): ((f64, f64), (f64, f64))| ((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0);
    let dist = |(p, q): ((f64, f64), (f64, f64))| (p.0 - q.0).hypot(p.1 - q.1);
    let (c0, c1) = (mid(before), mid(after));
    let mut out = vec![Out::Send(Action::Pan {
        dx: c1.0 - c0.0,
        dy: c1.1 - c0.1,
    })];
    let (d0, d1) = (dist(before), dist(after));
    // Fingers on top of each other say nothing of a zoom.
    if d0 > 1.0 && d1 > 1.0 && d0 != d1 {
        out.push(Out::Send(Action::Zoom {
            factor: d1 / d0,
            at: Some(c1),
        }));
    }
    out
}

/// What a marquee over `r` selects: the nodes inside it and the edges between them, added to
/// the selection when `additive`.
fn marquee(sc: Scene, r: Rect, additive: bool) -> Selection {
    let mut sel = if additive {
        sc.selection.clone()
    } else {
        Selection::default()
    };
    // A set, not a list: a marquee round a large diagram holds thousands of nodes.
    let inside: rustc_hash::FxHashSet<&str> = sc
        .scenario
        .nodes
        .iter()
        .filter(|n| n.x.zip(n.y).is_some_and(|pt| r.contains(pt)))
        .map(|n| n.id.as_str())
        .collect();
    sel.nodes.extend(inside.iter().map(|s| s.to_string()));
    sel.edges.extend(
        sc.scenario
            .edges
            .iter()
            .filter(|e| inside.contains(e.from.as_str()) && inside.contains(e.to.as_str()))
            .map(|e| e.id.clone()),
    );
    sel
}

/// The zoom factor of a wheel turn: lines and pages scroll far more than pixels, so they are
/// brought to the same scale (`delta_mode` 0 pixels, 1 lines, 2 pages).
pub fn wheel_factor(delta_y: f64, delta_mode: u32) -> f64 {
    let unit = match delta_mode {
        0 => 1.0,
        1 => 16.0,
        _ => 400.0,
    };
    (-delta_y * unit * 0.0015).exp()
}

/// A key pressed on the canvas: Enter or Space selects the focused node or edge (Shift adds
/// it), the arrows move the selected nodes (Shift: further). `None`: not the canvas's key.
pub fn canvas_key(
    key: &str,
    shift: bool,
    focused: Option<Target>,
    has_nodes: bool,
) -> Option<Action> {
    let step = if shift { 50.0 } else { 10.0 };
    let nudge = |dx: f64, dy: f64| has_nodes.then_some(Action::Nudge { dx, dy });
    match key {
        "Enter" | " " => focused.map(|target| Action::Select {
            target,
            additive: shift,
        }),
        "ArrowLeft" => nudge(-step, 0.0),
        "ArrowRight" => nudge(step, 0.0),
        "ArrowUp" => nudge(0.0, -step),
        "ArrowDown" => nudge(0.0, step),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::{edge, node};

    /// The gesture's view of `s` with `sel` selected, seen through `view`.
    fn scene<'a>(s: &'a Scenario, sel: &'a Selection, view: View) -> Scene<'a> {
        Scene {
            scenario: s,
            selection: sel,
            view,
        }
    }

    fn scenario() -> Scenario {
        Scenario {
            nodes: vec![
                node("a", 100.0, 100.0),
                node("b", 300.0, 100.0),
                node("c", 900.0, 900.0),
            ],
            edges: vec![edge("e1", "a", "b"), edge("e2", "b", "c")],
            ..Scenario::default()
        }
    }

    fn sends(out: &[Out]) -> Vec<&Action> {
        out.iter()
            .filter_map(|o| match o {
                Out::Send(a) => Some(a),
                _ => None,
            })
            .collect()
    }

    const ZOOMED: View = View {
        x: 0.0,
        y: 0.0,
        k: 2.0,
    };

    #[test]
    fn where_nothing_may_change_a_node_is_selected_and_never_dragged_or_connected() {
        let s = scenario();
        let sel = Selection::default();
        let sc = scene(&s, &sel, ZOOMED);
        for hit in [Hit::Node("a".into()), Hit::Handle("a".into())] {
            let mut g = Gesture::default();
            let out = g.press_viewing(1, (200.0, 200.0), hit, (false, false), sc);
            let select = Action::Select {
                target: Target::Node("a".into()),
                additive: false,
            };
            assert_eq!(out, [Out::Send(select)]);
            assert!(g.moved(1, (400.0, 400.0), ZOOMED).is_empty());
            let out = g.release((1, (400.0, 400.0)), Some("b".into()), false, sc);
            assert!(sends(&out).is_empty(), "{out:?}");
        }
        let mut g = Gesture::default();
        g.press_viewing(1, (0.0, 0.0), Hit::Background, (false, false), sc);
        assert_eq!(
            sends(&g.moved(1, (10.0, 0.0), ZOOMED)),
            [&Action::Pan { dx: 10.0, dy: 0.0 }]
        );
    }

    #[test]
    fn dragging_a_node_moves_it_in_diagram_units_as_one_undo_step() {
        let s = scenario();
        let sel = Selection::default();
        let sc = scene(&s, &sel, ZOOMED);
        let mut g = Gesture::default();
        let out = g.press(1, (200.0, 200.0), Hit::Node("a".into()), (false, false), sc);
        let select = Action::Select {
            target: Target::Node("a".into()),
            additive: false,
        };
        assert_eq!(sends(&out), [&select]);
        assert!(out.contains(&Out::Capture));
        assert!(
            g.moved(1, (201.0, 201.0), ZOOMED).is_empty(),
            "within the click slop"
        );
        assert!(
            g.moved(2, (400.0, 400.0), ZOOMED).is_empty(),
            "another pointer"
        );
        let out = g.moved(1, (240.0, 200.0), ZOOMED);
        assert_eq!(out[0], Out::Lift(vec![("a".into(), 100.0, 100.0)]));
        assert_eq!(
            sends(&out),
            [&Action::SetPositions(vec![("a".into(), 120.0, 100.0)])]
        );
        let out = g.release((1, (240.0, 200.0)), None, false, sc);
        assert!(out.contains(&Out::Land));
        assert_eq!(sends(&out), [&Action::Checkpoint]);
        assert_eq!(g, Gesture::Idle);
    }

    #[test]
    fn a_selected_node_drags_the_selection_and_a_click_on_it_selects_it_alone() {
        let s = scenario();
        let sel = Selection {
            nodes: ["a".into(), "b".into()].into(),
            ..Selection::default()
        };
        let sc = scene(&s, &sel, View::default());
        let mut g = Gesture::default();
        assert!(
            sends(&g.press(1, (100.0, 100.0), Hit::Node("b".into()), (false, false), sc))
                .is_empty()
        );
        let out = g.moved(1, (110.0, 100.0), View::default());
        let moves = vec![("a".into(), 110.0, 100.0), ("b".into(), 310.0, 100.0)];
        assert_eq!(sends(&out), [&Action::SetPositions(moves)]);
        let mut g = Gesture::default();
        g.press(1, (100.0, 100.0), Hit::Node("b".into()), (false, false), sc);
        let out = g.release((1, (100.0, 100.0)), None, false, sc);
        let alone = Action::Select {
            target: Target::Node("b".into()),
            additive: false,
        };
        assert_eq!(sends(&out), [&alone]);
        assert!(!out.contains(&Out::Land));
    }

    #[test]
    fn a_handle_dragged_onto_another_node_proposes_an_edge() {
        let s = scenario();
        let sel = Selection::default();
        let sc = scene(&s, &sel, ZOOMED);
        let mut g = Gesture::default();
        let out = g.press(
            7,
            (210.0, 200.0),
            Hit::Handle("a".into()),
            (false, false),
            sc,
        );
        let band = Overlay::Band {
            from: (100.0, 100.0),
            to: (105.0, 100.0),
        };
        assert_eq!(out[0], Out::Overlay(band));
        let out = g.moved(7, (600.0, 200.0), ZOOMED);
        let band = Overlay::Band {
            from: (100.0, 100.0),
            to: (300.0, 100.0),
        };
        assert_eq!(out, [Out::Overlay(band)]);
        assert!(g.connecting());
        let out = g.release((7, (600.0, 200.0)), Some("b".into()), false, sc);
        let pending = PendingEdge {
            from: "a".into(),
            to: "b".into(),
            at: (600.0, 200.0),
        };
        assert_eq!(sends(&out), [&Action::ProposeEdge(pending)]);
        assert_eq!(out[0], Out::Overlay(Overlay::None));
        // Dropped on itself or on nothing: no edge.
        for under in [Some("a".to_string()), None] {
            let mut g = Gesture::default();
            g.press(
                7,
                (210.0, 200.0),
                Hit::Handle("a".into()),
                (false, false),
                sc,
            );
            assert!(sends(&g.release((7, (0.0, 0.0)), under, false, sc)).is_empty());
        }
    }

    #[test]
    fn the_background_pans_or_clears_and_shift_selects_by_marquee() {
        let s = scenario();
        let sel = Selection {
            nodes: ["c".into()].into(),
            ..Selection::default()
        };
        let sc = scene(&s, &sel, View::default());
        let mut g = Gesture::default();
        g.press(1, (0.0, 0.0), Hit::Background, (false, false), sc);
        assert_eq!(
            sends(&g.release((1, (1.0, 0.0)), None, false, sc)),
            [&Action::ClearSelection]
        );
        g.press(1, (0.0, 0.0), Hit::Background, (false, false), sc);
        let out = g.moved(1, (20.0, -5.0), View::default());
        assert_eq!(sends(&out), [&Action::Pan { dx: 20.0, dy: -5.0 }]);
        assert!(
            sends(&g.release((1, (20.0, -5.0)), None, false, sc)).is_empty(),
            "a pan is no click"
        );

        g.press(1, (50.0, 50.0), Hit::Background, (true, false), sc);
        let out = g.release((1, (350.0, 150.0)), None, false, sc);
        let want = Selection {
            nodes: ["a".into(), "b".into(), "c".into()].into(),
            edges: ["e1".into()].into(),
        };
        assert_eq!(sends(&out), [&Action::SetSelection(want)]);
    }

    #[test]
    fn edges_select_on_press_and_a_cancel_clicks_nothing() {
        let s = scenario();
        let sel = Selection::default();
        let sc = scene(&s, &sel, View::default());
        let mut g = Gesture::default();
        let out = g.press(1, (0.0, 0.0), Hit::Edge("e2".into()), (true, false), sc);
        let select = Action::Select {
            target: Target::Edge("e2".into()),
            additive: true,
        };
        assert_eq!(out, [Out::Send(select)], "no capture: nothing follows");
        g.press(1, (0.0, 0.0), Hit::Background, (false, false), sc);
        assert_eq!(
            g.release((1, (0.0, 0.0)), None, true, sc),
            [Out::Overlay(Overlay::None)]
        );
        g.press(1, (100.0, 100.0), Hit::Node("a".into()), (false, false), sc);
        g.moved(1, (150.0, 100.0), View::default());
        assert_eq!(
            sends(&g.release((1, (150.0, 100.0)), None, true, sc)),
            [&Action::Checkpoint]
        );
    }

    #[test]
    fn two_fingers_pan_and_zoom_around_the_point_between_them() {
        let s = scenario();
        let sel = Selection::default();
        let sc = scene(&s, &sel, View::default());
        let mut g = Gesture::default();
        g.press(1, (100.0, 100.0), Hit::Background, (false, true), sc);
        let out = g.press(2, (200.0, 100.0), Hit::Node("a".into()), (false, true), sc);
        assert_eq!(out, [Out::Capture], "the second finger selects nothing");
        // Apart, one finger at a time: the middle follows, the zoom is their distance.
        let out = g.moved(2, (250.0, 100.0), View::default());
        let out2 = g.moved(1, (50.0, 100.0), View::default());
        let zoom = |factor: f64, at: (f64, f64)| Action::Zoom {
            factor,
            at: Some(at),
        };
        assert_eq!(
            sends(&out),
            [
                &Action::Pan { dx: 25.0, dy: 0.0 },
                &zoom(1.5, (175.0, 100.0))
            ]
        );
        assert_eq!(
            sends(&out2),
            [
                &Action::Pan { dx: -25.0, dy: 0.0 },
                &zoom(200.0 / 150.0, (150.0, 100.0))
            ]
        );
        // Both moved alike: a pan only.
        let out = g.moved(1, (50.0, 140.0), View::default());
        assert_eq!(sends(&out)[0], &Action::Pan { dx: 0.0, dy: 20.0 });
        assert_eq!(sends(&g.moved(3, (0.0, 0.0), View::default())).len(), 0);
        // A third finger lifted ends nothing; one of the two leaves the other panning, and
        // lifting that one is no click (the selection stays).
        assert!(g.release((3, (0.0, 0.0)), None, false, sc).is_empty());
        assert!(g.release((1, (50.0, 140.0)), None, false, sc).is_empty());
        let out = g.moved(2, (260.0, 100.0), View::default());
        assert_eq!(sends(&out), [&Action::Pan { dx: 10.0, dy: 0.0 }]);
        let out = g.release((2, (260.0, 100.0)), None, false, sc);
        assert!(sends(&out).is_empty());
        assert_eq!(g, Gesture::Idle);
    }

    #[test]
    fn a_second_finger_during_a_drag_ends_it_as_one_step_and_pinches() {
        let s = scenario();
        let sel = Selection::default();
        let sc = scene(&s, &sel, View::default());
        let mut g = Gesture::default();
        g.press(1, (100.0, 100.0), Hit::Node("a".into()), (false, true), sc);
        assert!(
            g.moved(1, (106.0, 100.0), View::default()).is_empty(),
            "a finger's shake is no drag"
        );
        assert!(!sends(&g.moved(1, (130.0, 100.0), View::default())).is_empty());
        let out = g.press(2, (300.0, 300.0), Hit::Background, (false, true), sc);
        assert_eq!(
            out,
            [Out::Land, Out::Send(Action::Checkpoint), Out::Capture]
        );
        assert!(matches!(
            g,
            Gesture::Pinch {
                a: (1, (130.0, 100.0)),
                b: (2, _)
            }
        ));
    }

    #[test]
    fn a_long_press_on_a_node_connects_from_it() {
        let s = scenario();
        let sel = Selection::default();
        let sc = scene(&s, &sel, ZOOMED);
        let mut g = Gesture::default();
        g.press(4, (200.0, 200.0), Hit::Node("a".into()), (false, true), sc);
        assert!(g.long_press(5, sc).is_empty(), "another finger's timer");
        let out = g.long_press(4, sc);
        let band = Overlay::Band {
            from: (100.0, 100.0),
            to: (100.0, 100.0),
        };
        assert_eq!(out, [Out::Overlay(band)]);
        assert!(g.connecting());
        g.moved(4, (600.0, 200.0), ZOOMED);
        let out = g.release((4, (600.0, 200.0)), Some("b".into()), false, sc);
        let pending = PendingEdge {
            from: "a".into(),
            to: "b".into(),
            at: (600.0, 200.0),
        };
        assert_eq!(sends(&out), [&Action::ProposeEdge(pending)]);
        // Moved first, or lifted first: the timer does nothing.
        g.press(4, (200.0, 200.0), Hit::Node("a".into()), (false, true), sc);
        g.moved(4, (260.0, 200.0), ZOOMED);
        assert!(g.long_press(4, sc).is_empty());
        assert!(!g.connecting());
        g.release((4, (260.0, 200.0)), None, false, sc);
        assert!(g.long_press(4, sc).is_empty());
        assert_eq!(g, Gesture::Idle);
    }

    #[test]
    fn wheel_and_keys() {
        assert_eq!(wheel_factor(0.0, 0), 1.0);
        assert!(wheel_factor(-100.0, 0) > 1.0 && wheel_factor(100.0, 0) < 1.0);
        assert_eq!(wheel_factor(3.0, 1), wheel_factor(48.0, 0));
        let node = Some(Target::Node("a".into()));
        let select = Action::Select {
            target: Target::Node("a".into()),
            additive: true,
        };
        assert_eq!(canvas_key("Enter", true, node.clone(), false), Some(select));
        assert_eq!(canvas_key(" ", false, None, true), None);
        assert_eq!(
            canvas_key("ArrowUp", true, None, true),
            Some(Action::Nudge { dx: 0.0, dy: -50.0 })
        );
        assert_eq!(
            canvas_key("ArrowLeft", false, node, false),
            None,
            "nothing selected to move"
        );
        assert_eq!(canvas_key("x", false, None, true), None);
    }
}
