//! The diagram zoomed out ([`Detail`](super::detail::Detail) not `full`): each node its plain
//! shape and each edge its plain line, one element each with the same hooks and names as in
//! full detail, and the edges that are batched ([`visible`](super::detail::visible)) as one
//! path per verdict. Shapes are placed by their coordinates, never a transform (each
//! transformed element is a paint chunk of its own in Chromium, see `shapes`).

use super::edge::edge_name;
use super::label::node_name;
use super::shapes::kind_class;
use crate::model::route::Segment;
use crate::text::num::push_fixed;
use csp_rules::{EdgeKind, Lang, NodeKind, Verdict};
use rustc_hash::FxHashMap;
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, Key, VTag};

/// An SVG element with these attributes (`None`: left out), keyed by `key`, made directly
/// rather than by `html!`, whose `class` goes through a set of classes per element.
fn element(
    tag: &'static str,
    key: &Rc<str>,
    keys: &'static [&'static str],
    values: Vec<Option<AttrValue>>,
) -> Html {
    let mut t = VTag::new(tag);
    t.key = Some(Key::from(key.clone()));
    t.set_attributes(Attributes::Dynamic {
        keys,
        values: values
            .into_iter()
            .map(|v| v.map(AttributeOrProperty::Attribute))
            .collect(),
    });
    t.into()
}

const PRESSED: [&str; 2] = ["false", "true"];

/// Strings the canvas sends to the browser thousands of times (tag names, the SVG namespace,
/// fixed attribute values, the plain classes), kept as browser strings once: each is then
/// passed by reference instead of decoded again from the wasm's memory.
pub fn intern_strings() {
    use wasm_bindgen::intern;
    for s in [
        "http://www.w3.org/2000/svg",
        "g",
        "path",
        "line",
        "circle",
        "rect",
        "polygon",
        "text",
        "tspan",
        "title",
        "0",
        "button",
        "true",
        "false",
        "9",
        "6.5",
        "12",
        "38",
        "40",
        "x",
        "hit",
        "line",
        "head",
        "verdict-badge",
        "glyph",
        "shape",
        "icon",
        "caption",
        "label",
        "kind",
        "handle",
        "handle-hit",
        "handle-dot",
        "M34.5 0h7 M38 -3.5v7",
        "allowed",
        "blocked",
    ] {
        intern(s);
    }
    for kind in NodeKind::ALL {
        for selected in [false, true] {
            intern(&node_class(kind, selected, false, None));
        }
    }
    for v in ["allowed", "blocked", "unjudged"] {
        for k in ["sells", "manages"] {
            intern(&format!("edge plain {v} {k}"));
            intern(&format!("edge {v} {k}"));
        }
    }
}

/// The outline of a node of `kind` centred on (x, y), as path data: the shapes of
/// [`shapes::shape`](super::shapes::shape), from one absolute point then relative steps.
pub fn outline(kind: NodeKind, (x, y): (f64, f64)) -> String {
    let (dx, dy, steps) = match kind {
        NodeKind::Microsoft => (-22.4, -22.4, "h44.8v44.8h-44.8z"),
        NodeKind::IndirectProvider => (24.0, 0.0, "l-12 20.8h-24l-12 -20.8l12 -20.8h24z"),
        NodeKind::IndirectReseller => (0.0, -25.6, "l25.6 25.6l-25.6 25.6l-25.6 -25.6z"),
        NodeKind::DirectBillPartner => (-27.2, -19.2, "h54.4v38.4h-54.4z"),
        NodeKind::Customer => (
            -21.6,
            0.0,
            "a21.6 21.6 0 1 0 43.2 0a21.6 21.6 0 1 0 -43.2 0z",
        ),
    };
    let mut d = String::with_capacity(48);
    d.push('M');
    push_fixed(&mut d, x + dx, 1);
    d.push(' ');
    push_fixed(&mut d, y + dy, 1);
    d.push_str(steps);
    d
}

/// The class of a plain node: its kind and state (`mark`: a walkthrough's `lit` or `dim`).
fn node_class(kind: NodeKind, selected: bool, lifted: bool, mark: Option<&str>) -> String {
    let mut c = String::with_capacity(40);
    c.push_str("node plain ");
    c.push_str(kind_class(kind));
    for (on, name) in [(selected, " selected"), (lifted, " lifted")] {
        if on {
            c.push_str(name);
        }
    }
    if let Some(m) = mark {
        c.push(' ');
        c.push_str(m);
    }
    c
}

/// The plain elements a layer drew last, by ID, with what each showed. A render that changes
/// a few (an edit, a selection) builds those again and gives yew the others' elements as they
/// were, which it compares and leaves: an edit costs what it changed, as components of their
/// own would make it, without mounting thousands of components on the first render.
pub struct Reuse<T> {
    last: FxHashMap<Rc<str>, (T, Html)>,
}

impl<T> Default for Reuse<T> {
    fn default() -> Self {
        Reuse {
            last: FxHashMap::default(),
        }
    }
}

impl<T> std::fmt::Debug for Reuse<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reuse")
            .field("kept", &self.last.len())
            .finish()
    }
}

impl<T: PartialEq> Reuse<T> {
    /// The element of `item` (`id`'s): the one drawn last if it showed the same, else `build`'s.
    pub fn draw(&mut self, id: &Rc<str>, item: T, build: impl FnOnce(&T) -> Html) -> Html {
        if let Some((was, html)) = self.last.get(id) {
            if *was == item {
                return html.clone();
            }
        }
        let html = build(&item);
        self.last.insert(id.clone(), (item, html.clone()));
        html
    }

    /// Forgets what no longer shows once it keeps many more than a render draws (after a large
    /// deletion, or a pan that shows other nodes): the next render builds them all again.
    pub fn trim(&mut self, drawn: usize) {
        if self.last.len() > 2 * drawn + 64 {
            self.last.clear();
        }
    }

    /// How many elements it keeps.
    pub fn kept(&self) -> usize {
        self.last.len()
    }
}

/// A plain node: what it shows and says. Drawn as an element, not a component of its own:
/// mounting a component costs several times what its one element does, and a diagram of
/// 1,000 nodes and 2,000 edges had 3,000 of them on its first render.
#[derive(Debug, PartialEq)]
pub struct PlainNode {
    pub id: Rc<str>,
    pub kind: NodeKind,
    pub x: f64,
    pub y: f64,
    pub label: AttrValue,
    pub kind_name: &'static str,
    pub lang: Lang,
    pub selected: bool,
    /// Being dragged: drawn on the drag layer meanwhile, so left invisible (and focusable) here.
    pub lifted: bool,
    /// The copy a drag draws: no hooks, nothing to focus (the node itself keeps them).
    pub copy: bool,
    pub mark: Option<&'static str>,
}

const NODE_KEYS: &[&str] = &[
    "class",
    "d",
    "data-node-id",
    "tabindex",
    "role",
    "aria-label",
    "aria-pressed",
];

/// One node as one element (keyed by its ID), with the hooks and the name of the full drawing.
pub fn plain_node(n: &PlainNode) -> Html {
    let class = node_class(n.kind, n.selected, n.lifted && !n.copy, n.mark);
    let d = outline(n.kind, (n.x, n.y));
    if n.copy {
        let values = vec![
            Some(class.into()),
            Some(d.into()),
            Some(AttrValue::from(n.id.clone())),
        ];
        return element("path", &n.id, &["class", "d", "data-drag-copy"], values);
    }
    let values = vec![
        Some(class.into()),
        Some(d.into()),
        Some(AttrValue::from(n.id.clone())),
        Some(AttrValue::Static("0")),
        Some(AttrValue::Static("button")),
        Some(node_name(n.lang, &n.label, n.kind_name).into()),
        Some(AttrValue::Static(PRESSED[usize::from(n.selected)])),
    ];
    element("path", &n.id, NODE_KEYS, values)
}

/// The class of an edge's verdict (`unjudged` when the diagram can't be judged).
pub fn verdict_class(v: Option<Verdict>) -> &'static str {
    v.map_or("unjudged", Verdict::as_str)
}

/// A straight line from `a` to `b`, appended to path data.
pub fn push_line(d: &mut String, a: (f64, f64), b: (f64, f64)) {
    d.push('M');
    push_fixed(d, a.0, 0);
    d.push(' ');
    push_fixed(d, a.1, 0);
    d.push('L');
    push_fixed(d, b.0, 0);
    d.push(' ');
    push_fixed(d, b.1, 0);
}

/// A plain edge: what it shows and says (an element, as [`PlainNode`]).
#[derive(Debug, PartialEq)]
pub struct PlainEdge {
    pub id: Rc<str>,
    pub kind: EdgeKind,
    pub verdict: Option<Verdict>,
    pub seg: Segment,
    /// The labels of its two ends.
    pub from: AttrValue,
    pub to: AttrValue,
    pub lang: Lang,
    pub hide_verdict: bool,
    pub selected: bool,
    pub mark: Option<&'static str>,
}

const EDGE_KEYS: &[&str] = &[
    "class",
    "d",
    "data-edge-id",
    "data-verdict",
    "tabindex",
    "role",
    "aria-label",
    "aria-pressed",
];

/// One edge as one element (keyed by its ID), with the hooks and the name of the full drawing.
pub fn plain_edge(e: &PlainEdge) -> Html {
    let mut class = String::with_capacity(48);
    let kind = match e.kind {
        EdgeKind::SellsTo => "sells",
        EdgeKind::Manages => "manages",
    };
    for part in ["edge plain ", verdict_class(e.verdict), " ", kind] {
        class.push_str(part);
    }
    if e.selected {
        class.push_str(" selected");
    }
    if let Some(m) = e.mark {
        class.push(' ');
        class.push_str(m);
    }
    let mut d = String::with_capacity(28);
    push_line(&mut d, (e.seg.x1, e.seg.y1), (e.seg.x2, e.seg.y2));
    let name = edge_name(e.lang, &e.from, e.kind, &e.to, e.verdict, e.hide_verdict);
    let values = vec![
        Some(class.into()),
        Some(d.into()),
        Some(AttrValue::from(e.id.clone())),
        e.verdict.map(|v| AttrValue::Static(v.as_str())),
        Some(AttrValue::Static("0")),
        Some(AttrValue::Static("button")),
        Some(name.into()),
        Some(AttrValue::Static(PRESSED[usize::from(e.selected)])),
    ];
    element("path", &e.id, EDGE_KEYS, values)
}

/// Edges drawn together: one path of lines per verdict, in a fixed order.
#[derive(Debug, Default, PartialEq)]
pub struct Batch {
    pub allowed: String,
    pub blocked: String,
    pub unjudged: String,
}

impl Batch {
    pub fn add(&mut self, v: Option<Verdict>, a: (f64, f64), b: (f64, f64)) {
        let d = match v {
            Some(Verdict::Allowed) => &mut self.allowed,
            Some(Verdict::Blocked) => &mut self.blocked,
            None => &mut self.unjudged,
        };
        push_line(d, a, b);
    }

    /// The paths; `dim`: a walkthrough step highlights something else.
    pub fn view(self, dim: bool) -> Html {
        let paths = [
            ("allowed", self.allowed),
            ("blocked", self.blocked),
            ("unjudged", self.unjudged),
        ];
        let paths = paths.into_iter().filter(|(_, d)| !d.is_empty()).map(|(v, d)| {
            html! { <path key={v} class={classes!("edge-batch", v, dim.then_some("dim"))} {d} /> }
        });
        html! { <g class="edge-batches" aria-hidden="true">{ for paths }</g> }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_start_at_the_node_and_close() {
        assert_eq!(
            outline(NodeKind::IndirectReseller, (100.0, 50.0)),
            "M100.0 24.4l25.6 25.6l-25.6 25.6l-25.6 -25.6z"
        );
        for kind in NodeKind::ALL {
            let d = outline(kind, (-3.0, 7.5));
            assert!(d.starts_with('M') && d.ends_with('z'), "{d}");
        }
    }

    #[test]
    fn a_batch_keeps_one_path_per_verdict() {
        let mut b = Batch::default();
        b.add(Some(Verdict::Allowed), (0.0, 0.0), (10.4, -20.6));
        b.add(Some(Verdict::Allowed), (1.0, 2.0), (3.0, 4.0));
        b.add(None, (5.0, 5.0), (6.0, 6.0));
        assert_eq!(b.allowed, "M0 0L10 -21M1 2L3 4");
        assert_eq!(b.unjudged, "M5 5L6 6");
        assert!(b.blocked.is_empty());
    }

    #[test]
    fn a_layer_builds_again_only_the_elements_whose_look_changed() {
        let mut reuse = Reuse::<(u32, bool)>::default();
        let builds = std::cell::Cell::new(0);
        let build = |_: &(u32, bool)| {
            builds.set(builds.get() + 1);
            Html::default()
        };
        let ids: Vec<Rc<str>> = (0..100).map(|i| Rc::from(format!("e{i}"))).collect();
        for (i, id) in ids.iter().enumerate() {
            let _ = reuse.draw(id, (i as u32, false), build);
        }
        assert_eq!(builds.get(), 100);
        // The next render: one edge selected, the others as they were.
        for (i, id) in ids.iter().enumerate() {
            let _ = reuse.draw(id, (i as u32, i == 7), build);
        }
        assert_eq!(builds.get(), 101);
        reuse.trim(100);
        assert_eq!(reuse.kept(), 100);
        // After most are gone, what it kept of them is forgotten.
        reuse.trim(10);
        assert_eq!(reuse.kept(), 0);
        let _ = reuse.draw(&ids[0], (0, false), build);
        assert_eq!(builds.get(), 102);
    }
}
