//! The diagram's edges as one component, so the canvas can draw them in two parts while nodes
//! are dragged: the edges that touch the dragged nodes on a layer of their own, redrawn each
//! frame, and all the others from the diagram as it was when the drag started, which yew then
//! skips (equal props) and Chromium neither repaints nor rasterizes again.

use super::edge::{EdgeView, Segment};
use super::Shared;
use crate::i18n::{self, T};
use crate::training::Marks;
use csp_rules::{Lang, Scenario, Verdict};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use yew::prelude::*;

/// Space between edges that join the same two nodes.
const LANE: f64 = 16.0;

/// Which of the diagram's edges a layer draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    All,
    /// The edges that touch none of these nodes.
    Without(Rc<BTreeSet<String>>),
    /// The edges that touch one of these nodes.
    Touching(Rc<BTreeSet<String>>),
}

impl Part {
    fn has(&self, from: &str, to: &str) -> bool {
        match self {
            Part::All => true,
            Part::Without(n) => !n.contains(from) && !n.contains(to),
            Part::Touching(n) => n.contains(from) || n.contains(to),
        }
    }
}

/// The drawn segment of each edge of `part`; edges joining the same two nodes get parallel
/// lanes. A part always holds every edge of a pair, so its lanes are those of the whole.
pub fn segments<'a>(s: &'a Scenario, part: &Part) -> HashMap<&'a str, Segment> {
    let pos: HashMap<&str, (f64, f64)> = s
        .nodes
        .iter()
        .filter_map(|n| Some((n.id.as_str(), (n.x?, n.y?))))
        .collect();
    // Each pair's edges by index, so every edge is placed in one pass (linear in edges).
    let mut pairs: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, e) in s.edges.iter().enumerate() {
        if !part.has(&e.from, &e.to) {
            continue;
        }
        let key = if e.from <= e.to {
            (e.from.as_str(), e.to.as_str())
        } else {
            (e.to.as_str(), e.from.as_str())
        };
        pairs.entry(key).or_default().push(i);
    }
    let mut out = HashMap::with_capacity(s.edges.len());
    for ((a, b), ids) in pairs {
        let (Some(&pa), Some(&pb)) = (pos.get(a), pos.get(b)) else {
            continue;
        };
        let (dx, dy) = (pb.0 - pa.0, pb.1 - pa.1);
        let len = (dx * dx + dy * dy).sqrt().max(1e-6);
        let (nx, ny) = (-dy / len, dx / len);
        let n = ids.len() as f64;
        for (k, i) in ids.into_iter().enumerate() {
            let off = (k as f64 - (n - 1.0) / 2.0) * LANE;
            let (ox, oy) = (nx * off, ny * off);
            let e = &s.edges[i];
            let (from, to) = if e.from == a { (pa, pb) } else { (pb, pa) };
            out.insert(
                e.id.as_str(),
                Segment {
                    x1: from.0 + ox,
                    y1: from.1 + oy,
                    x2: to.0 + ox,
                    y2: to.1 + oy,
                },
            );
        }
    }
    out
}

#[derive(Debug, Properties, PartialEq)]
pub struct EdgeLayerProps {
    pub scenario: Shared<Scenario>,
    pub part: Part,
    /// Each edge's verdict; empty when the diagram can't be judged.
    pub verdicts: Rc<HashMap<String, Verdict>>,
    /// The selected edges.
    pub selected: BTreeSet<String>,
    pub lang: Lang,
    #[prop_or_default]
    pub marks: Option<Rc<Marks>>,
    /// A quiz is being answered: verdicts are not said in edge names.
    #[prop_or_default]
    pub hide_verdicts: bool,
}

#[function_component(EdgeLayer)]
pub fn edge_layer(p: &EdgeLayerProps) -> Html {
    let lang = p.lang;
    let segs = segments(&p.scenario, &p.part);
    let labels: HashMap<&str, &str> = p
        .scenario
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.label()))
        .collect();
    let label_of = |id: &str| labels.get(id).copied().unwrap_or(id).to_string();
    let edges = p.scenario.edges.iter().filter_map(|e| {
        let seg = *segs.get(e.id.as_str())?;
        let verdict = p.verdicts.get(&e.id).copied();
        let verdict_text = match verdict {
            Some(Verdict::Allowed) => T::Allowed.get(lang),
            Some(Verdict::Blocked) => T::Blocked.get(lang),
            None => T::NotJudged.get(lang),
        };
        let relation = i18n::relation(lang, &label_of(&e.from), e.kind, &label_of(&e.to));
        let title = if p.hide_verdicts {
            relation
        } else {
            format!("{relation} — {verdict_text}")
        };
        let mark = p.marks.as_ref().map(|m| m.class(&m.edges, &e.id));
        Some(html! {
            <EdgeView key={e.id.clone()} id={e.id.clone()} kind={e.kind} {seg} {verdict}
                selected={p.selected.contains(&e.id)} title={title} {mark} />
        })
    });
    html! { <g class="edges">{ for edges }</g> }
}
