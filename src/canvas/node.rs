//! One node on the canvas. No callbacks: the canvas reads `data-node-id` and `data-handle`
//! from pointer events, so a node re-renders only when its own props change.

use super::detail::Visible;
use super::label::{node_name, short_label};
use super::plain::{plain_node, PlainNode, Reuse};
use super::shapes::{icon, kind_class, shape};
use super::topology::NodeNames;
use crate::model::caption::{self, Captions};
use crate::model::training::{Mark, Marks};
use crate::model::{use_page, Shared};
use crate::text::num::fixed;
use crate::text::{canvas, common};
use csp_rules::{kind_name, Flag, Lang, NodeKind, Scenario};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct NodeProps {
    pub id: AttrValue,
    pub kind: NodeKind,
    pub label: AttrValue,
    pub kind_name: AttrValue,
    pub x: f64,
    pub y: f64,
    pub selected: bool,
    /// A requirement of the node is unmet (an unsigned MPA…): shown as a badge.
    pub warn: bool,
    pub handle_title: AttrValue,
    /// A prop, not the page's context: thousands of nodes would each subscribe to it.
    pub lang: Lang,
    /// What training marks on it: a walkthrough's highlight and "Show me".
    #[prop_or_default]
    pub mark: Mark,
    /// Being dragged: a copy is drawn where it goes, so it is left invisible (and focusable).
    #[prop_or_default]
    pub lifted: bool,
    /// The copy a drag draws: no hooks, nothing to focus (the node itself keeps them).
    #[prop_or_default]
    pub copy: bool,
    /// Presenting: a long name on two lines, so large names take less of the width.
    #[prop_or_default]
    pub wrap: bool,
    /// Drawn in the first frame prerendered at build time (the canvas's `first` module): named by
    /// `data-first-node`, not the live canvas's hooks, and inert.
    #[prop_or_default]
    pub first: bool,
}

#[function_component(NodeView)]
pub fn node_view(p: &NodeProps) -> Html {
    let class = classes!(
        "node",
        kind_class(p.kind),
        p.selected.then_some("selected"),
        p.warn.then_some("warn"),
        p.lifted.then_some("lifted"),
        p.mark.tour,
        p.mark.motion,
    );
    let tooltip = common::aside(p.lang, &p.label, &p.kind_name);
    let (shown, cut) = short_label(&p.label);
    let live = !p.copy && !p.first;
    let name = live.then(|| node_name(p.lang, &p.label, &p.kind_name));
    let id = live.then(|| p.id.clone());
    let copy = p.copy.then(|| p.id.clone());
    let first = p.first.then(|| p.id.clone());
    html! {
        <g class={class} data-node-id={id.clone()} data-drag-copy={copy} data-first-node={first}
           tabindex={id.as_ref().map(|_| "0")} role={id.as_ref().map(|_| "button")}
           aria-pressed={id.as_ref().map(|_| if p.selected { "true" } else { "false" })}
           aria-label={name}
           transform={format!("translate({} {})", fixed(p.x, 1), fixed(p.y, 1))}>
            <title>{ tooltip }</title>
            // A finger's reach of the handle (wider on a touch screen), under the node's own
            // shape: the shape stays the node's, the space around it the handle's.
            <circle class="handle-reach" data-handle={(!p.first).then(|| p.id.clone())} cx="38" r="12" />
            // Parts placed by their own coordinates, not transforms (see `shapes`).
            <g class="glyph">
                { shape(p.kind) }
                { icon(p.kind) }
            </g>
            if p.warn {
                <g class="badge-warn">
                    <circle cx="-22" cy="-20" r="8" />
                    <path d="M-22 -24.5v5 M-22 -17v1.5" />
                </g>
            }
            // One text, two lines: the name, then the kind (read as "Contoso indirect provider").
            <text class="caption" y="40">
                if let Some((first, second)) = p.wrap.then(|| caption::wrap(&shown)).flatten() {
                    <tspan class="label" x="0">{ first }</tspan>
                    { " " }
                    <tspan class="label" x="0" dy="1.27em">
                        { second }
                        if cut {
                            <tspan aria-hidden="true">{ "…" }</tspan>
                        }
                    </tspan>
                } else {
                    <tspan class="label" x="0">
                        { shown.clone() }
                        if cut {
                            <tspan aria-hidden="true">{ "…" }</tspan>
                        }
                    </tspan>
                }
                if p.kind_name != p.label {
                    { " " }
                    <tspan class="kind" x="0" dy="1.27em">{ p.kind_name.clone() }</tspan>
                }
            </text>
            <g class="handle" data-handle={id}>
                <title>{ p.handle_title.clone() }</title>
                <circle class="handle-hit" cx="38" r="12" />
                <circle class="handle-dot" cx="38" r="6.5" />
                <path d="M34.5 0h7 M38 -3.5v7" />
            </g>
        </g>
    }
}

/// A scenario compared by its nodes only: an edit to edges leaves the node layer alone.
#[derive(Debug, Clone)]
pub struct NodesOf(pub Rc<Scenario>);

impl PartialEq for NodesOf {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0.nodes == other.0.nodes
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct NodeLayerProps {
    pub scenario: NodesOf,
    /// Each node's ID and label, in `scenario`'s order.
    pub names: Shared<NodeNames>,
    /// Which nodes are drawn.
    pub visible: Shared<Visible>,
    /// The nodes being dragged (indices, sorted): drawn invisible, their copies move.
    #[prop_or_default]
    pub lifted: Option<Rc<Vec<usize>>>,
    /// The selected nodes.
    pub selected: BTreeSet<String>,
    #[prop_or_default]
    pub marks: Option<Rc<Marks>>,
    /// Full detail, else plain shapes.
    pub full: bool,
    /// Presenting: which names are on two lines.
    #[prop_or_default]
    pub wrapped: Option<Shared<Captions>>,
    /// The first frame prerendered at build time (see [`NodeProps::first`]).
    #[prop_or_default]
    pub first: bool,
}

/// The diagram's nodes.
#[function_component(NodeLayer)]
pub fn node_layer(p: &NodeLayerProps) -> Html {
    let lang = use_page().lang;
    let reuse = use_mut_ref(Reuse::default);
    let handle_title = AttrValue::Static(canvas::handle_title(lang));
    let (nodes, names) = (&p.scenario.0.nodes, p.names.all());
    let draw = |i: usize| -> Option<Html> {
        let (n, (id, label)) = (nodes.get(i)?, names.get(i)?);
        let (x, y) = (n.x?, n.y?);
        let mark = p.marks.as_ref().map(|m| m.node(&n.id)).unwrap_or_default();
        let selected = p.selected.contains(&n.id);
        let lifted = p
            .lifted
            .as_ref()
            .is_some_and(|l| l.binary_search(&i).is_ok());
        let kind_name = kind_name(n.kind, lang);
        if !p.full {
            let item = PlainNode {
                id: id.clone(),
                kind: n.kind,
                x,
                y,
                label: label.clone(),
                kind_name,
                lang,
                selected,
                lifted,
                copy: false,
                mark: mark.tour,
            };
            return Some(reuse.borrow_mut().draw(id, item, plain_node));
        }
        let kind_name = AttrValue::Static(kind_name);
        let warn = Flag::ALL.iter().any(|&f| !n.flag(f));
        let wrap = p.wrapped.as_ref().is_some_and(|c| c.wraps(i));
        Some(html! {
            <NodeView key={id.clone()} id={id.clone()} kind={n.kind} label={label.clone()}
                {kind_name} {x} {y} {selected} {warn} handle_title={handle_title.clone()}
                {lang} {mark} {lifted} {wrap} first={p.first} />
        })
    };
    let drawn: Vec<Html> = match &p.visible.nodes {
        Some(only) => only.iter().filter_map(|&i| draw(i)).collect(),
        None => (0..nodes.len()).filter_map(draw).collect(),
    };
    reuse
        .borrow_mut()
        .trim(if p.full { 0 } else { drawn.len() });
    html! { <g class="nodes">{ for drawn }</g> }
}
