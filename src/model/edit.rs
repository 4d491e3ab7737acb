//! The editing verbs: adding, moving, connecting, changing and deleting nodes and edges. Each
//! changes the diagram through [`Document`](super::document::Document)'s own methods, which
//! keep the rules' revision right.

use super::layout;
use super::names;
use super::selection::Selection;
use super::state::{Action, EdgeEdit, NodeEdit, State, GRID};
use crate::text;
use csp_rules::{
    kind_name, validate, Edge, EdgeKind, Flag, Lang, Localized, Node, NodeKind, Scenario,
};
use rustc_hash::FxHashSet;
use std::collections::{BTreeSet, HashMap, HashSet};

impl State {
    /// The scenario, to change what the rules read; the last refusal is forgotten.
    fn edit(&mut self) -> &mut Scenario {
        self.edit_error = None;
        self.doc.edit()
    }

    /// Applies an editing verb; `false` when nothing changed.
    pub(super) fn edit_step(&mut self, action: Action) -> bool {
        match action {
            Action::AddNode(kind) => self.add_node(kind),
            Action::SetPositions(moves) => self.set_positions(&moves),
            Action::Nudge { dx, dy } => {
                let moves: Vec<_> = self
                    .scenario()
                    .nodes
                    .iter()
                    .filter(|n| self.selection.nodes.contains(&n.id))
                    .filter_map(|n| Some((n.id.clone(), n.x? + dx, n.y? + dy)))
                    .collect();
                !moves.is_empty() && self.set_positions(&moves)
            }
            Action::DeleteSelection => {
                let sel = std::mem::take(&mut self.selection);
                !sel.is_empty() && self.delete(&sel.nodes, &sel.edges)
            }
            Action::ProposeEdge(p) => {
                let s = self.scenario();
                if p.from == p.to || s.node(&p.from).is_none() || s.node(&p.to).is_none() {
                    return false;
                }
                self.pending_edge = Some(p);
                true
            }
            Action::ConfirmEdge(kind) => match self.pending_edge.take() {
                Some(p) => self.add_edge(p.from, p.to, kind),
                None => false,
            },
            Action::CancelEdge => self.pending_edge.take().is_some(),
            Action::AddEdge { from, to, kind } => self.add_edge(from, to, kind),
            Action::EditNode { id, edit } => self.edit_node(&id, edit),
            Action::EditEdge { id, edit } => self.edit_edge(&id, edit),
            Action::DeleteNode(id) => self.delete(&BTreeSet::from([id]), &BTreeSet::new()),
            Action::DeleteEdge(id) => self.delete(&BTreeSet::new(), &BTreeSet::from([id])),
            Action::SetTitle(t) => {
                let lang = self.lang;
                let s = self.edit();
                names::rename(&mut s.title, &mut s.titles, lang, t);
                true
            }
            Action::SetAsOf(d) => {
                self.edit().as_of = Some(d).filter(|d| !d.is_empty());
                true
            }
            Action::ApplyFix(fix) => {
                if !self.doc.apply_fix(&fix) {
                    return false;
                }
                self.edit_error = None;
                let s = self.doc.scenario().clone();
                let edges: HashSet<&str> = s.edges.iter().map(|e| e.id.as_str()).collect();
                self.selection.edges.retain(|e| edges.contains(e.as_str()));
                true
            }
            Action::AutoLayout => {
                self.doc.auto_layout();
                self.fit();
                true
            }
            Action::SetSnap(on) => {
                self.snap = on;
                if on {
                    let moves: Vec<_> = self
                        .scenario()
                        .nodes
                        .iter()
                        .filter_map(|n| Some((n.id.clone(), n.x?, n.y?)))
                        .collect();
                    self.set_positions(&moves);
                }
                true
            }
            _ => false,
        }
    }

    fn set_positions(&mut self, moves: &[(String, f64, f64)]) -> bool {
        let grid = self.snap.then_some(GRID);
        self.doc.move_nodes(moves, grid);
        true
    }

    /// The region a new partner or customer gets: the diagram's most common, else Europe
    /// (the guide's examples are European).
    fn default_region(&self) -> String {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for n in &self.scenario().nodes {
            if let Some(r) = n.region() {
                *counts.entry(r).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map_or_else(|| "europe".to_string(), |(r, _)| r.to_string())
    }

    fn add_node(&mut self, kind: NodeKind) -> bool {
        let (id, n) = layout::new_node_id(self.scenario(), kind);
        let (x, y) = layout::place_new(self.scenario(), kind);
        let mut node = Node::new(id.clone(), kind);
        node.x = Some(x);
        node.y = Some(y);
        if kind != NodeKind::Microsoft {
            node.region = Some(self.default_region());
            // Named in the page's language, and in the other one too.
            let name = |lang: Lang| format!("{} {n}", text::cap(kind_name(kind, lang)));
            let other = names::other(self.lang);
            node.name = Some(name(self.lang));
            let mut localized = Localized::default();
            *other.pick(&mut localized.en, &mut localized.zh) = Some(name(other));
            node.names = Some(localized);
        } else {
            node.name = Some("Microsoft".into());
        }
        self.edit().nodes.push(node);
        self.selection = Selection::default();
        self.selection.nodes.insert(id.clone());
        // A node that lands outside the view: show the whole (grown) diagram.
        if let Some((false, _)) = self.in_view(&HashSet::from([id.as_str()])) {
            self.fit();
        }
        true
    }

    fn add_edge(&mut self, from: String, to: String, kind: EdgeKind) -> bool {
        let s = self.scenario();
        if s.node(&from).is_none() || s.node(&to).is_none() {
            return true;
        }
        let id = s.fresh_edge_id();
        self.edit().edges.push(Edge {
            id: id.clone(),
            from,
            to,
            kind,
        });
        self.selection = Selection::default();
        self.selection.edges.insert(id);
        true
    }

    fn edit_edge(&mut self, id: &str, edit: EdgeEdit) -> bool {
        let Some(i) = self.scenario().edges.iter().position(|e| e.id == id) else {
            return false;
        };
        let e = &mut self.edit().edges[i];
        match edit {
            EdgeEdit::Kind(k) => e.kind = k,
            EdgeEdit::Reverse => std::mem::swap(&mut e.from, &mut e.to),
        }
        true
    }

    fn delete(&mut self, nodes: &BTreeSet<String>, edges: &BTreeSet<String>) -> bool {
        if nodes.is_empty() && edges.is_empty() {
            return true;
        }
        let s = self.edit();
        s.nodes.retain(|n| !nodes.contains(&n.id));
        s.edges.retain(|e| {
            !edges.contains(&e.id) && !nodes.contains(&e.from) && !nodes.contains(&e.to)
        });
        // What no longer exists leaves the selection and the pending connection (often empty:
        // deleting the selection takes it first).
        let scenario = self.doc.scenario().clone();
        if !self.selection.nodes.is_empty() || self.pending_edge.is_some() {
            let left: FxHashSet<&str> = scenario.nodes.iter().map(|n| n.id.as_str()).collect();
            self.selection.nodes.retain(|n| left.contains(n.as_str()));
            if let Some(p) = &self.pending_edge {
                if !left.contains(p.from.as_str()) || !left.contains(p.to.as_str()) {
                    self.pending_edge = None;
                }
            }
        }
        if !self.selection.edges.is_empty() {
            let left: FxHashSet<&str> = scenario.edges.iter().map(|e| e.id.as_str()).collect();
            self.selection.edges.retain(|e| left.contains(e.as_str()));
        }
        true
    }

    /// Renames a node, its edges following; a used ID is refused with the engine's words.
    fn rename(&mut self, i: usize, id: &str, new: String) {
        if new == id {
            return;
        }
        if self.scenario().node(&new).is_some() {
            // Renaming onto a used ID would merge two nodes' edges: refuse it, with the
            // engine's own words for the problem.
            let mut candidate = (**self.scenario()).clone();
            candidate.nodes[i].id = new;
            self.edit_error = validate(&candidate).err();
            return;
        }
        let s = self.edit();
        s.nodes[i].id = new.clone();
        for e in &mut s.edges {
            if e.from == id {
                e.from = new.clone();
            }
            if e.to == id {
                e.to = new.clone();
            }
        }
        if self.selection.nodes.remove(id) {
            self.selection.nodes.insert(new);
        }
    }

    fn edit_node(&mut self, id: &str, edit: NodeEdit) -> bool {
        let Some(i) = self.scenario().nodes.iter().position(|n| n.id == id) else {
            return true;
        };
        if let NodeEdit::Id(new) = edit {
            self.rename(i, id, new);
            return true;
        }
        let (default_region, lang) = (self.default_region(), self.lang);
        let node = &mut self.edit().nodes[i];
        match edit {
            NodeEdit::Id(_) => {}
            NodeEdit::Name(name) => names::rename(&mut node.name, &mut node.names, lang, name),
            NodeEdit::Kind(kind) => {
                node.kind = kind;
                // A flag on a kind that has no such flag is an input error: drop it.
                for flag in Flag::ALL {
                    if !kind.has_flag(flag) {
                        node.set_flag(flag, None);
                    }
                }
                if kind != NodeKind::Microsoft && node.region.is_none() {
                    node.region = Some(default_region);
                }
            }
            NodeEdit::Region(r) => node.region = Some(r).filter(|r| !r.is_empty()),
            NodeEdit::Org(o) => node.org = Some(o).filter(|o| !o.is_empty()),
            NodeEdit::Tenant(t) => node.tenant = Some(t).filter(|t| !t.is_empty()),
            NodeEdit::Flag(flag, met) => {
                if node.kind.has_flag(flag) {
                    node.set_flag(flag, if met { None } else { Some(false) });
                }
            }
        }
        true
    }
}
