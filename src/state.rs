//! The page's state: the scenario being edited plus what the editor keeps around it
//! (selection, viewport, language). Every user verb is one `Action`; `reduce` is pure (no
//! browser calls), so it is tested natively and all web effects stay in the components.
//! Rules are never applied here: the engine judges `scenario`, fixes come from the engine.

use crate::fasthash::FxSet;
use crate::layout::{self, Rect};
use crate::url::Start;
use csp_rules::{
    presets, share, validate, Edge, EdgeKind, Fix, Flag, Lang, Node, NodeKind, Scenario,
    ScenarioError,
};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;
use yew::Reducible;

/// The snap grid, in diagram units.
pub const GRID: f64 = 20.0;
const MIN_ZOOM: f64 = 0.2;
const MAX_ZOOM: f64 = 3.0;
/// A fitted view never magnifies past this: a two-node diagram should not fill the screen.
const MAX_FIT_ZOOM: f64 = 1.25;

/// Which nodes and edges are selected, by ID.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    pub nodes: BTreeSet<String>,
    pub edges: BTreeSet<String>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.edges.is_empty()
    }

    /// The one node selected, when exactly one thing is.
    pub fn single_node(&self) -> Option<&str> {
        match (self.nodes.len(), self.edges.len()) {
            (1, 0) => self.nodes.iter().next().map(String::as_str),
            _ => None,
        }
    }

    pub fn single_edge(&self) -> Option<&str> {
        match (self.nodes.len(), self.edges.len()) {
            (0, 1) => self.edges.iter().next().map(String::as_str),
            _ => None,
        }
    }
}

/// What was clicked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Node(String),
    Edge(String),
}

/// The viewport: a screen point is `world * k + (x, y)`, one `<g transform>` on the canvas.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub x: f64,
    pub y: f64,
    pub k: f64,
}

impl Default for View {
    fn default() -> Self {
        View {
            x: 0.0,
            y: 0.0,
            k: 1.0,
        }
    }
}

impl View {
    pub fn to_world(&self, (sx, sy): (f64, f64)) -> (f64, f64) {
        ((sx - self.x) / self.k, (sy - self.y) / self.k)
    }

    pub fn transform(&self) -> String {
        use crate::fmtnum::fixed;
        format!(
            "translate({} {}) scale({})",
            fixed(self.x, 2),
            fixed(self.y, 2),
            fixed(self.k, 4)
        )
    }

    /// Zooms by `factor`, keeping the screen point `at` where it is.
    pub fn zoomed(&self, factor: f64, at: (f64, f64)) -> View {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let k = (self.k * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let (wx, wy) = self.to_world(at);
        View {
            x: at.0 - wx * k,
            y: at.1 - wy * k,
            k,
        }
    }

    /// The view that shows `r` whole, centred, in a canvas of `size`.
    pub fn fit(r: Rect, size: (f64, f64)) -> View {
        let (w, h) = (size.0.max(1.0), size.1.max(1.0));
        let (bw, bh) = ((r.x1 - r.x0).max(1.0), (r.y1 - r.y0).max(1.0));
        let k = (w / bw).min(h / bh).clamp(MIN_ZOOM, MAX_FIT_ZOOM);
        View {
            x: w / 2.0 - (r.x0 + r.x1) / 2.0 * k,
            y: h / 2.0 - (r.y0 + r.y1) / 2.0 * k,
            k,
        }
    }

    /// The same zoom, moved so the centre of `r` is in the middle of the canvas.
    pub fn centred_on(&self, r: Rect, size: (f64, f64)) -> View {
        View {
            x: size.0 / 2.0 - (r.x0 + r.x1) / 2.0 * self.k,
            y: size.1 / 2.0 - (r.y0 + r.y1) / 2.0 * self.k,
            k: self.k,
        }
    }

    /// The diagram area the canvas shows.
    pub fn visible(&self, size: (f64, f64)) -> Rect {
        Rect::from_corners(self.to_world((0.0, 0.0)), self.to_world(size))
    }
}

/// A connection drawn on the canvas, waiting for the user to choose its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingEdge {
    pub from: String,
    pub to: String,
    /// Where it was dropped, in canvas pixels (where the kind popup opens).
    pub at: (f64, f64),
}

/// A problem opening something (a share link, a preset number), kept until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Scenario(ScenarioError),
    NoSuchPreset(String),
    /// The diagram saved in the browser could not be read; its text is kept here (to
    /// download) and in storage under `persist::KEPT_KEY`.
    StorageUnreadable {
        reason: crate::persist::Unreadable,
        raw: Rc<String>,
    },
    /// An imported file was refused (the engine's error); the diagram is unchanged.
    Import(ScenarioError),
    /// The browser could not read the file chosen for import.
    ImportUnreadable,
}

/// An edit to one node's fields.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeEdit {
    Id(String),
    Name(String),
    Kind(NodeKind),
    Region(String),
    Org(String),
    Tenant(String),
    /// `true`: the requirement is met (stored as unstated, the default).
    Flag(Flag, bool),
}

#[derive(Debug, Clone, PartialEq)]
pub enum EdgeEdit {
    Kind(EdgeKind),
    Reverse,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Open what a URL fragment names (a preset or a share link).
    Open(Start),
    /// Replace the diagram with an empty one.
    New,
    SetLang(Lang),
    AddNode(NodeKind),
    /// Absolute positions (a drag in progress); snapped when snapping is on.
    SetPositions(Vec<(String, f64, f64)>),
    /// Moves the selected nodes (keyboard arrows).
    Nudge {
        dx: f64,
        dy: f64,
    },
    Select {
        target: Target,
        additive: bool,
    },
    SetSelection(Selection),
    ClearSelection,
    DeleteSelection,
    ProposeEdge(PendingEdge),
    ConfirmEdge(EdgeKind),
    CancelEdge,
    AddEdge {
        from: String,
        to: String,
        kind: EdgeKind,
    },
    EditNode {
        id: String,
        edit: NodeEdit,
    },
    EditEdge {
        id: String,
        edit: EdgeEdit,
    },
    DeleteNode(String),
    DeleteEdge(String),
    SetTitle(String),
    SetAsOf(String),
    ApplyFix(Fix),
    /// Pans by screen pixels.
    Pan {
        dx: f64,
        dy: f64,
    },
    /// Zooms around a canvas point, or the canvas centre.
    Zoom {
        factor: f64,
        at: Option<(f64, f64)>,
    },
    FitView,
    SetSnap(bool),
    AutoLayout,
    CanvasResized {
        width: f64,
        height: f64,
    },
    /// Selects these and brings them into view (from the findings list).
    Reveal {
        nodes: Vec<String>,
        edges: Vec<String>,
    },
    DismissNotice,
    // --- Issue #4: history, autosave, import ---
    /// Steps back through the scenario's history (every edit above is one step).
    Undo,
    Redo,
    /// Ends a gesture (a drag): the next move starts a new undo step.
    Checkpoint,
    /// Replaces the diagram with an imported file's (already validated by the engine).
    Import(Scenario),
    /// An import was refused by the engine: say why, change nothing else.
    ImportFailed(ScenarioError),
    /// The browser could not read the chosen file.
    ImportUnreadable,
    /// Saving to the browser's storage failed (`true`) or worked again (`false`).
    SaveFailed(bool),
    /// Walkthrough and quiz verbs (`training`).
    Train(crate::training::Train),
}

/// One step of the undo history: what the diagram was.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub scenario: Rc<Scenario>,
    pub preset: Option<u8>,
}

/// How many steps Undo can go back.
pub const HISTORY_LIMIT: usize = 200;
/// How many nodes and edges the steps may hold in all (a 200,000-node network keeps a few).
pub const HISTORY_BUDGET: usize = 2_000_000;

/// Edits that merge into one undo step while they follow each other: a drag, a burst of
/// arrow-key nudges, typing in one field.
#[derive(Debug, Clone, PartialEq)]
enum Group {
    Drag,
    Nudge(BTreeSet<String>),
    Field(String, std::mem::Discriminant<NodeEdit>),
    Title,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub past: std::collections::VecDeque<Snapshot>,
    pub future: Vec<Snapshot>,
    group: Option<Group>,
}

#[derive(Debug, Clone)]
pub struct State {
    pub scenario: Rc<Scenario>,
    /// Bumped whenever something the rules read changes (anything but positions), so the
    /// page re-evaluates exactly then.
    pub rev: u64,
    pub selection: Selection,
    pub view: View,
    pub canvas: (f64, f64),
    /// The canvas has been measured; until then a fit is redone when it is.
    pub measured: bool,
    pub fit_pending: bool,
    pub lang: Lang,
    pub snap: bool,
    pub pending_edge: Option<PendingEdge>,
    /// The preset the diagram was opened from, if any.
    pub preset: Option<u8>,
    pub notice: Option<Notice>,
    /// Why the last edit was refused (a rename to a used ID), shown by the field.
    pub edit_error: Option<ScenarioError>,
    /// Undo and redo steps (shared, so cloning the state stays cheap).
    pub history: Rc<History>,
    /// Bumped on every change to the scenario, positions included (what autosave follows).
    pub changes: u64,
    /// The last save to the browser's storage failed.
    pub save_failed: bool,
    /// The walkthrough under way, if any.
    pub tour: Option<crate::training::Tour>,
    /// The quiz under way, if any.
    pub quiz: Option<crate::training::Quiz>,
    /// The learner's own diagram, which starting a walkthrough replaced, to go back to.
    pub kept: Option<Rc<Scenario>>,
}

impl State {
    pub fn new(lang: Lang, start: Start) -> State {
        let blank = State {
            scenario: Rc::new(Scenario::default()),
            rev: 0,
            selection: Selection::default(),
            view: View::default(),
            canvas: (800.0, 560.0),
            measured: false,
            fit_pending: false,
            lang,
            snap: false,
            pending_edge: None,
            preset: None,
            notice: None,
            edit_error: None,
            history: Rc::default(),
            changes: 0,
            save_failed: false,
            tour: None,
            quiz: None,
            kept: None,
        };
        blank.open(start)
    }

    /// Starts from a diagram restored from the browser's storage, then opens what the URL
    /// names as an undoable step, so a link never silently replaces the user's own work.
    pub fn restored(lang: Lang, saved: Option<Scenario>, start: Start) -> State {
        let mut state = State::new(lang, Start::Nothing);
        if let Some(mut scenario) = saved {
            layout::fill_missing(&mut scenario);
            state.scenario = Rc::new(scenario);
            state.rev += 1;
            state.fit_pending = true;
            state.fit();
        }
        if start == Start::Nothing {
            return state;
        }
        let state = Rc::new(state);
        let next = state.clone().reduce(Action::Open(start));
        Rc::unwrap_or_clone(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.history.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.history.future.is_empty()
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            scenario: self.scenario.clone(),
            preset: self.preset,
        }
    }

    /// Puts a snapshot back as the diagram; what no longer exists leaves the selection.
    fn restore(&mut self, snap: Snapshot) {
        self.scenario = snap.scenario;
        self.preset = snap.preset;
        self.rev += 1;
        self.changes += 1;
        self.pending_edge = None;
        self.edit_error = None;
        let nodes: HashSet<&str> = self.scenario.nodes.iter().map(|n| n.id.as_str()).collect();
        let edges: HashSet<&str> = self.scenario.edges.iter().map(|e| e.id.as_str()).collect();
        self.selection.nodes.retain(|n| nodes.contains(n.as_str()));
        self.selection.edges.retain(|e| edges.contains(e.as_str()));
    }

    fn undo(&mut self) -> bool {
        let h = Rc::make_mut(&mut self.history);
        let Some(prev) = h.past.pop_back() else {
            return false;
        };
        h.group = None;
        let current = self.snapshot();
        Rc::make_mut(&mut self.history).future.push(current);
        self.restore(prev);
        true
    }

    fn redo(&mut self) -> bool {
        let h = Rc::make_mut(&mut self.history);
        let Some(next) = h.future.pop() else {
            return false;
        };
        h.group = None;
        let current = self.snapshot();
        Rc::make_mut(&mut self.history).past.push_back(current);
        self.restore(next);
        true
    }

    /// Records `before` as an undo step when the scenario changed, merging edits of the same
    /// group that follow each other.
    fn record(&mut self, before: Snapshot, group: Option<Group>) {
        let changed = !Rc::ptr_eq(&before.scenario, &self.scenario)
            && (before.scenario != self.scenario || before.preset != self.preset);
        if !changed {
            return;
        }
        self.changes += 1;
        let h = Rc::make_mut(&mut self.history);
        let merge = group.is_some() && h.group == group;
        h.group = group;
        if merge {
            return;
        }
        h.future.clear();
        h.past.push_back(before);
        // Each step may hold a whole copy of the scenario: a huge network keeps fewer steps.
        let cost = |s: &Snapshot| s.scenario.nodes.len() + s.scenario.edges.len();
        let mut total: usize = h.past.iter().map(cost).sum();
        while h.past.len() > HISTORY_LIMIT || (total > HISTORY_BUDGET && h.past.len() > 1) {
            if let Some(old) = h.past.pop_front() {
                total -= cost(&old);
            }
        }
    }

    fn node(&self, id: &str) -> Option<&Node> {
        self.scenario.node(id)
    }

    fn open(mut self, start: Start) -> State {
        let (loaded, preset) = match start {
            Start::Nothing => return self,
            Start::Preset(text) => match text.parse::<u8>().ok().and_then(presets::get) {
                Some(p) => (p.scenario(), Some(p.number)),
                None => {
                    self.notice = Some(Notice::NoSuchPreset(text));
                    return self;
                }
            },
            Start::Share(fragment) => (share::decode(&fragment), None),
        };
        match loaded {
            Ok(mut scenario) => {
                layout::fill_missing(&mut scenario);
                self.scenario = Rc::new(scenario);
                self.rev += 1;
                self.preset = preset;
                self.selection = Selection::default();
                self.pending_edge = None;
                self.notice = None;
                self.edit_error = None;
                self.tour = None;
                self.quiz = None;
                self.kept = None;
                self.fit_pending = !self.measured;
                self.fit();
            }
            Err(e) => self.notice = Some(Notice::Scenario(e)),
        }
        self
    }

    fn fit(&mut self) {
        if let Some(b) = layout::bounds(&self.scenario, None) {
            self.view = View::fit(b, self.canvas);
        }
    }

    /// Brings the box of these nodes and edges into view if it is not already in it.
    fn reveal(&mut self, nodes: &[String], edges: &[String]) {
        let mut ids: HashSet<&str> = nodes.iter().map(String::as_str).collect();
        for e in self.scenario.edges.iter().filter(|e| edges.contains(&e.id)) {
            ids.insert(&e.from);
            ids.insert(&e.to);
        }
        if let Some(b) = layout::bounds(&self.scenario, Some(&ids)) {
            let seen = self.view.visible(self.canvas);
            if !(seen.contains((b.x0, b.y0)) && seen.contains((b.x1, b.y1))) {
                self.view = self.view.centred_on(b, self.canvas);
            }
        }
    }

    /// The scenario, to change; marks the rules' inputs as changed.
    fn edit(&mut self) -> &mut Scenario {
        self.rev += 1;
        self.edit_error = None;
        Rc::make_mut(&mut self.scenario)
    }

    /// The region a new partner or customer gets: the diagram's most common, else Europe
    /// (the guide's examples are European).
    fn default_region(&self) -> String {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for n in &self.scenario.nodes {
            if let Some(r) = n.region() {
                *counts.entry(r).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map_or_else(|| "europe".to_string(), |(r, _)| r.to_string())
    }

    fn add_node(&mut self, kind: NodeKind) {
        let (id, n) = layout::new_node_id(&self.scenario, kind);
        let (x, y) = layout::place_new(&self.scenario, kind);
        let mut node = Node::new(id.clone(), kind);
        node.x = Some(x);
        node.y = Some(y);
        if kind != NodeKind::Microsoft {
            node.region = Some(self.default_region());
            node.name = Some(format!(
                "{} {n}",
                crate::i18n::cap(csp_rules::kind_name(kind, self.lang))
            ));
        } else {
            node.name = Some("Microsoft".into());
        }
        self.edit().nodes.push(node);
        self.selection = Selection::default();
        self.selection.nodes.insert(id.clone());
        // A node that lands outside the view: show the whole (grown) diagram.
        let seen = self.view.visible(self.canvas);
        if let Some(b) = layout::bounds(&self.scenario, Some(&HashSet::from([id.as_str()]))) {
            if !(seen.contains((b.x0, b.y0)) && seen.contains((b.x1, b.y1))) {
                self.fit();
            }
        }
    }

    fn add_edge(&mut self, from: String, to: String, kind: EdgeKind) {
        if self.node(&from).is_none() || self.node(&to).is_none() {
            return;
        }
        let id = layout::new_edge_id(&self.scenario);
        self.edit().edges.push(Edge {
            id: id.clone(),
            from,
            to,
            kind,
        });
        self.selection = Selection::default();
        self.selection.edges.insert(id);
    }

    fn delete(&mut self, nodes: &BTreeSet<String>, edges: &BTreeSet<String>) {
        if nodes.is_empty() && edges.is_empty() {
            return;
        }
        let s = self.edit();
        s.nodes.retain(|n| !nodes.contains(&n.id));
        s.edges.retain(|e| {
            !edges.contains(&e.id) && !nodes.contains(&e.from) && !nodes.contains(&e.to)
        });
        // What no longer exists leaves the selection and the pending connection (often empty:
        // deleting the selection takes it first).
        let scenario = &self.scenario;
        if !self.selection.nodes.is_empty() || self.pending_edge.is_some() {
            let left: FxSet<&str> = scenario.nodes.iter().map(|n| n.id.as_str()).collect();
            self.selection.nodes.retain(|n| left.contains(n.as_str()));
            if let Some(p) = &self.pending_edge {
                if !left.contains(p.from.as_str()) || !left.contains(p.to.as_str()) {
                    self.pending_edge = None;
                }
            }
        }
        if !self.selection.edges.is_empty() {
            let left: FxSet<&str> = scenario.edges.iter().map(|e| e.id.as_str()).collect();
            self.selection.edges.retain(|e| left.contains(e.as_str()));
        }
    }

    fn edit_node(&mut self, id: &str, edit: NodeEdit) {
        let Some(i) = self.scenario.nodes.iter().position(|n| n.id == id) else {
            return;
        };
        if let NodeEdit::Id(new) = &edit {
            if new == id {
                return;
            }
            if self.node(new).is_some() {
                // Renaming onto a used ID would merge two nodes' edges: refuse it, with the
                // engine's own words for the problem.
                let mut candidate = (*self.scenario).clone();
                candidate.nodes[i].id = new.clone();
                self.edit_error = validate(&candidate).err();
                return;
            }
        }
        if let NodeEdit::Id(new) = edit {
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
            return;
        }
        let default_region = self.default_region();
        let node = &mut self.edit().nodes[i];
        match edit {
            NodeEdit::Id(_) => {}
            NodeEdit::Name(name) => node.name = Some(name).filter(|n| !n.is_empty()),
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
    }

    fn set_positions(&mut self, moves: &[(String, f64, f64)]) {
        let snap = self.snap;
        let at: HashMap<&str, (f64, f64)> = moves
            .iter()
            .filter(|(_, x, y)| x.is_finite() && y.is_finite())
            .map(|(id, x, y)| (id.as_str(), (*x, *y)))
            .collect();
        // Positions are not read by the rules: no new revision, no re-evaluation.
        let s = Rc::make_mut(&mut self.scenario);
        for n in &mut s.nodes {
            if let Some(&(x, y)) = at.get(n.id.as_str()) {
                let (x, y) = if snap {
                    (layout::snap(x, GRID), layout::snap(y, GRID))
                } else {
                    (x, y)
                };
                n.x = Some(x);
                n.y = Some(y);
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let before = self.snapshot();
        let group = match &action {
            Action::SetPositions(_) => Some(Group::Drag),
            Action::Nudge { .. } => Some(Group::Nudge(self.selection.nodes.clone())),
            Action::EditNode { id, edit } => match edit {
                // Typed fields (a keystroke each); a region picked from the list is its own step.
                NodeEdit::Name(_) | NodeEdit::Org(_) | NodeEdit::Tenant(_) => {
                    Some(Group::Field(id.clone(), std::mem::discriminant(edit)))
                }
                _ => None,
            },
            Action::SetTitle(_) => Some(Group::Title),
            _ => None,
        };
        // Actions that leave the scenario alone but end a run of merged edits.
        let breaks = matches!(
            action,
            Action::Checkpoint
                | Action::Select { .. }
                | Action::SetSelection(_)
                | Action::ClearSelection
        );
        // Undo and Redo move through the history themselves.
        let history_move = matches!(action, Action::Undo | Action::Redo);
        let next = self.clone().reduce_inner(action);
        if Rc::ptr_eq(&next, &self) {
            if breaks && self.history.group.is_some() {
                let mut s = (*self).clone();
                Rc::make_mut(&mut s.history).group = None;
                return Rc::new(s);
            }
            return next;
        }
        if history_move {
            return next;
        }
        let mut s = Rc::unwrap_or_clone(next);
        s.record(before, group);
        if breaks {
            Rc::make_mut(&mut s.history).group = None;
        }
        Rc::new(s)
    }
}

impl State {
    fn reduce_inner(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Open(start) => return Rc::new(s.open(start)),
            Action::New => {
                s.scenario = Rc::new(Scenario::default());
                s.rev += 1;
                s.selection = Selection::default();
                s.pending_edge = None;
                s.preset = None;
                s.notice = None;
                s.edit_error = None;
                s.tour = None;
                s.quiz = None;
                s.kept = None;
                s.view = View::default();
            }
            Action::SetLang(lang) => {
                if lang == s.lang {
                    return self;
                }
                s.lang = lang;
            }
            Action::AddNode(kind) => s.add_node(kind),
            Action::SetPositions(moves) => s.set_positions(&moves),
            Action::Nudge { dx, dy } => {
                let moves: Vec<_> = s
                    .scenario
                    .nodes
                    .iter()
                    .filter(|n| s.selection.nodes.contains(&n.id))
                    .filter_map(|n| Some((n.id.clone(), n.x? + dx, n.y? + dy)))
                    .collect();
                if moves.is_empty() {
                    return self;
                }
                s.set_positions(&moves);
            }
            Action::Select { target, additive } => {
                let (set, other, id) = match target {
                    Target::Node(id) => (&mut s.selection.nodes, &mut s.selection.edges, id),
                    Target::Edge(id) => (&mut s.selection.edges, &mut s.selection.nodes, id),
                };
                if additive {
                    if !set.remove(&id) {
                        set.insert(id);
                    }
                } else {
                    if set.len() == 1 && set.contains(&id) && other.is_empty() {
                        return self;
                    }
                    set.clear();
                    other.clear();
                    set.insert(id);
                }
            }
            Action::SetSelection(sel) => {
                if sel == s.selection {
                    return self;
                }
                s.selection = sel;
            }
            Action::ClearSelection => {
                if s.selection.is_empty() && s.pending_edge.is_none() {
                    return self;
                }
                s.selection = Selection::default();
                s.pending_edge = None;
            }
            Action::DeleteSelection => {
                let sel = std::mem::take(&mut s.selection);
                if sel.is_empty() {
                    return self;
                }
                s.delete(&sel.nodes, &sel.edges);
            }
            Action::ProposeEdge(p) => {
                if p.from == p.to || s.node(&p.from).is_none() || s.node(&p.to).is_none() {
                    return self;
                }
                s.pending_edge = Some(p);
            }
            Action::ConfirmEdge(kind) => match s.pending_edge.take() {
                Some(p) => s.add_edge(p.from, p.to, kind),
                None => return self,
            },
            Action::CancelEdge => {
                if s.pending_edge.take().is_none() {
                    return self;
                }
            }
            Action::AddEdge { from, to, kind } => s.add_edge(from, to, kind),
            Action::EditNode { id, edit } => s.edit_node(&id, edit),
            Action::EditEdge { id, edit } => {
                let Some(i) = s.scenario.edges.iter().position(|e| e.id == id) else {
                    return self;
                };
                let e = &mut s.edit().edges[i];
                match edit {
                    EdgeEdit::Kind(k) => e.kind = k,
                    EdgeEdit::Reverse => std::mem::swap(&mut e.from, &mut e.to),
                }
            }
            Action::DeleteNode(id) => s.delete(&BTreeSet::from([id]), &BTreeSet::new()),
            Action::DeleteEdge(id) => s.delete(&BTreeSet::new(), &BTreeSet::from([id])),
            Action::SetTitle(t) => s.edit().title = Some(t).filter(|t| !t.is_empty()),
            Action::SetAsOf(d) => s.edit().as_of = Some(d).filter(|d| !d.is_empty()),
            Action::ApplyFix(fix) => {
                let mut next = (*s.scenario).clone();
                if !fix.apply(&mut next) {
                    return self;
                }
                s.rev += 1;
                s.edit_error = None;
                s.scenario = Rc::new(next);
                let edges: HashSet<&str> = s.scenario.edges.iter().map(|e| e.id.as_str()).collect();
                s.selection.edges.retain(|e| edges.contains(e.as_str()));
            }
            Action::Pan { dx, dy } => {
                if !(dx.is_finite() && dy.is_finite()) {
                    return self;
                }
                s.view.x += dx;
                s.view.y += dy;
            }
            Action::Zoom { factor, at } => {
                let at = at.unwrap_or((s.canvas.0 / 2.0, s.canvas.1 / 2.0));
                s.view = s.view.zoomed(factor, at);
            }
            Action::FitView => s.fit(),
            Action::SetSnap(on) => {
                s.snap = on;
                if on {
                    let moves: Vec<_> = s
                        .scenario
                        .nodes
                        .iter()
                        .filter_map(|n| Some((n.id.clone(), n.x?, n.y?)))
                        .collect();
                    s.set_positions(&moves);
                }
            }
            Action::AutoLayout => {
                layout::auto_layout(Rc::make_mut(&mut s.scenario));
                s.fit();
            }
            Action::CanvasResized { width, height } => {
                let size = (width, height);
                if !(width > 0.0 && height > 0.0) || (s.measured && size == s.canvas) {
                    return self;
                }
                s.canvas = size;
                s.measured = true;
                if s.fit_pending {
                    s.fit_pending = false;
                    s.fit();
                }
            }
            Action::Reveal { nodes, edges } => {
                s.selection = Selection {
                    nodes: nodes.iter().cloned().collect(),
                    edges: edges.iter().cloned().collect(),
                };
                s.reveal(&nodes, &edges);
            }
            Action::DismissNotice => {
                if s.notice.take().is_none() {
                    return self;
                }
            }
            Action::Undo => {
                if !s.undo() {
                    return self;
                }
            }
            Action::Redo => {
                if !s.redo() {
                    return self;
                }
            }
            Action::Checkpoint => return self,
            Action::Import(mut scenario) => {
                layout::fill_missing(&mut scenario);
                s.scenario = Rc::new(scenario);
                s.rev += 1;
                s.preset = None;
                s.selection = Selection::default();
                s.pending_edge = None;
                s.notice = None;
                s.edit_error = None;
                s.fit();
            }
            Action::ImportFailed(e) => s.notice = Some(Notice::Import(e)),
            Action::ImportUnreadable => s.notice = Some(Notice::ImportUnreadable),
            Action::SaveFailed(failed) => {
                if s.save_failed == failed {
                    return self;
                }
                s.save_failed = failed;
            }
            Action::Train(t) => {
                if !crate::training::reduce(&mut s, t) {
                    return self;
                }
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::{evaluate, Verdict};

    fn run(state: State, actions: Vec<Action>) -> Rc<State> {
        actions.into_iter().fold(Rc::new(state), |s, a| s.reduce(a))
    }

    fn verdicts(s: &State) -> Vec<Verdict> {
        evaluate(&s.scenario, Lang::En)
            .map(|r| r.edges.iter().map(|e| e.verdict).collect())
            .unwrap_or_default()
    }

    fn chain() -> Rc<State> {
        let mut actions = vec![];
        for k in [
            NodeKind::Microsoft,
            NodeKind::IndirectProvider,
            NodeKind::IndirectReseller,
            NodeKind::Customer,
        ] {
            actions.push(Action::AddNode(k));
        }
        for (from, to) in [
            ("ms", "provider-1"),
            ("provider-1", "reseller-1"),
            ("reseller-1", "customer-1"),
        ] {
            actions.push(Action::ProposeEdge(PendingEdge {
                from: from.into(),
                to: to.into(),
                at: (0.0, 0.0),
            }));
            actions.push(Action::ConfirmEdge(EdgeKind::SellsTo));
        }
        run(State::new(Lang::En, Start::Nothing), actions)
    }

    #[test]
    fn a_chain_built_by_hand_is_valid_and_allowed() {
        let s = chain();
        assert_eq!(s.scenario.nodes.len(), 4);
        assert_eq!(
            s.scenario
                .edges
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>(),
            ["e1", "e2", "e3"]
        );
        assert_eq!(verdicts(&s), [Verdict::Allowed; 3]);
        assert_eq!(s.selection.single_edge(), Some("e3"));
    }

    #[test]
    fn unticking_the_mpa_blocks_and_the_engines_fix_unblocks() {
        let s = chain().reduce(Action::EditNode {
            id: "reseller-1".into(),
            edit: NodeEdit::Flag(Flag::MpaSigned, false),
        });
        assert_eq!(
            verdicts(&s),
            [Verdict::Allowed, Verdict::Blocked, Verdict::Blocked]
        );
        let fix = evaluate(&s.scenario, Lang::En).ok().and_then(|r| {
            r.edges[1]
                .findings
                .iter()
                .flat_map(|f| f.fixes.clone())
                .next()
        });
        let s = match fix {
            Some(f) => s.reduce(Action::ApplyFix(f)),
            None => s,
        };
        assert_eq!(verdicts(&s), [Verdict::Allowed; 3]);
    }

    #[test]
    fn kind_changes_drop_flags_that_no_longer_apply() {
        let s = chain()
            .reduce(Action::EditNode {
                id: "reseller-1".into(),
                edit: NodeEdit::Flag(Flag::Onboarded, false),
            })
            .reduce(Action::EditNode {
                id: "reseller-1".into(),
                edit: NodeEdit::Kind(NodeKind::Customer),
            });
        assert!(validate(&s.scenario).is_ok());
        let s = s.reduce(Action::EditNode {
            id: "ms".into(),
            edit: NodeEdit::Kind(NodeKind::DirectBillPartner),
        });
        assert!(validate(&s.scenario).is_ok());
    }

    #[test]
    fn renames_follow_edges_and_refuse_used_ids() {
        let s = chain().reduce(Action::EditNode {
            id: "reseller-1".into(),
            edit: NodeEdit::Id("litware".into()),
        });
        assert!(s.scenario.edges.iter().any(|e| e.to == "litware"));
        assert!(s.scenario.edges.iter().any(|e| e.from == "litware"));
        let refused = s.clone().reduce(Action::EditNode {
            id: "litware".into(),
            edit: NodeEdit::Id("ms".into()),
        });
        assert_eq!(refused.scenario, s.scenario);
        assert!(refused.edit_error.is_some());
        // A bad ID is kept (nothing is lost) and the engine says what is wrong.
        let bad = s.reduce(Action::EditNode {
            id: "litware".into(),
            edit: NodeEdit::Id("lit ware".into()),
        });
        assert!(evaluate(&bad.scenario, Lang::En).is_err());
        assert!(bad.scenario.nodes.iter().any(|n| n.id == "lit ware"));
    }

    #[test]
    fn deleting_a_node_takes_its_edges() {
        let s = chain()
            .reduce(Action::Select {
                target: Target::Node("provider-1".into()),
                additive: false,
            })
            .reduce(Action::DeleteSelection);
        assert_eq!(s.scenario.nodes.len(), 3);
        assert_eq!(s.scenario.edges.len(), 1);
        assert!(s.selection.is_empty());
        assert!(validate(&s.scenario).is_ok());
    }

    #[test]
    fn presets_and_links_open_and_bad_ones_leave_a_notice() {
        let s = State::new(Lang::En, Start::Preset("6".into()));
        assert_eq!(s.preset, Some(6));
        assert_eq!(s.scenario.nodes.len(), 7);
        let s = Rc::new(s).reduce(Action::Open(Start::Preset("9".into())));
        assert_eq!(s.notice, Some(Notice::NoSuchPreset("9".into())));
        assert_eq!(s.scenario.nodes.len(), 7, "the diagram is kept");
        let s = s.reduce(Action::Open(Start::Share("scenario=garbage".into())));
        assert!(matches!(s.notice, Some(Notice::Scenario(_))));
        let link = share::fragment(&s.scenario);
        let t = State::new(Lang::ZhTw, crate::url::parse_fragment(&link));
        assert_eq!(t.scenario, s.scenario);
        assert_eq!(t.notice, None);
    }

    #[test]
    fn positions_do_not_bump_the_rules_revision_and_snap() {
        let s = chain();
        let rev = s.rev;
        let s = s
            .reduce(Action::SetSnap(true))
            .reduce(Action::SetPositions(vec![("ms".into(), 33.0, 47.0)]));
        assert_eq!(s.rev, rev);
        let ms = s.scenario.nodes.iter().find(|n| n.id == "ms");
        assert_eq!(ms.and_then(|n| n.x.zip(n.y)), Some((40.0, 40.0)));
    }

    #[test]
    fn every_kind_of_edit_undoes_and_redoes() {
        let built = chain();
        // Four adds and three connections: seven steps.
        assert_eq!(built.history.past.len(), 7);
        let mut s = built.clone();
        for _ in 0..3 {
            s = s.reduce(Action::Undo);
        }
        assert!(s.scenario.edges.is_empty());
        assert_eq!(s.scenario.nodes.len(), 4);
        for _ in 0..3 {
            s = s.reduce(Action::Redo);
        }
        assert_eq!(s.scenario, built.scenario);

        let steps: Vec<Action> = vec![
            Action::EditNode {
                id: "reseller-1".into(),
                edit: NodeEdit::Flag(Flag::MpaSigned, false),
            },
            Action::ApplyFix(Fix::SetFlag {
                node: "reseller-1".into(),
                flag: csp_rules::FlagName::MpaSigned,
            }),
            Action::EditEdge {
                id: "e3".into(),
                edit: EdgeEdit::Kind(EdgeKind::Manages),
            },
            Action::DeleteNode("provider-1".into()),
            Action::Open(Start::Preset("6".into())),
            Action::Import(Scenario::default()),
        ];
        for action in steps {
            let before = s.clone();
            let after = s.clone().reduce(action.clone());
            assert_ne!(
                after.scenario, before.scenario,
                "{action:?} changes the diagram"
            );
            let undone = after.clone().reduce(Action::Undo);
            assert_eq!(undone.scenario, before.scenario, "undo {action:?}");
            assert_eq!(undone.preset, before.preset, "undo {action:?}");
            let redone = undone.reduce(Action::Redo);
            assert_eq!(redone.scenario, after.scenario, "redo {action:?}");
            s = after;
        }
        // A new edit after an undo drops the steps that were undone.
        let s = s
            .reduce(Action::Undo)
            .reduce(Action::AddNode(NodeKind::Customer));
        assert!(!s.can_redo());
    }

    #[test]
    fn a_drag_is_one_step_and_nudges_coalesce_until_something_else_happens() {
        let s = chain();
        let steps = s.history.past.len();
        let mut d = s.clone();
        for i in 1..=10 {
            d = d.reduce(Action::SetPositions(vec![("ms".into(), f64::from(i), 0.0)]));
        }
        d = d.reduce(Action::Checkpoint);
        assert_eq!(d.history.past.len(), steps + 1);
        let d = d.reduce(Action::SetPositions(vec![("ms".into(), 500.0, 0.0)]));
        assert_eq!(
            d.history.past.len(),
            steps + 2,
            "a second drag is a second step"
        );
        let back = d.reduce(Action::Undo).reduce(Action::Undo);
        assert_eq!(back.scenario, s.scenario);

        let n = s
            .reduce(Action::Select {
                target: Target::Node("ms".into()),
                additive: false,
            })
            .reduce(Action::Nudge { dx: 10.0, dy: 0.0 })
            .reduce(Action::Nudge { dx: 10.0, dy: 0.0 })
            .reduce(Action::Nudge { dx: 0.0, dy: 10.0 });
        assert_eq!(n.history.past.len(), steps + 1);
        let n = n
            .reduce(Action::Select {
                target: Target::Node("customer-1".into()),
                additive: false,
            })
            .reduce(Action::Nudge { dx: 10.0, dy: 0.0 });
        assert_eq!(n.history.past.len(), steps + 2);
    }

    #[test]
    fn typing_in_a_field_is_one_step_and_history_is_bounded() {
        let s = chain();
        let steps = s.history.past.len();
        let mut t = s.clone();
        for name in ["C", "Co", "Con"] {
            t = t.reduce(Action::EditNode {
                id: "customer-1".into(),
                edit: NodeEdit::Name(name.into()),
            });
        }
        assert_eq!(t.history.past.len(), steps + 1);
        assert_eq!(t.reduce(Action::Undo).scenario, s.scenario);
        // Regions picked from the list one after another are separate steps.
        let r = ["japan", "europe"].iter().fold(s.clone(), |r, region| {
            r.reduce(Action::EditNode {
                id: "customer-1".into(),
                edit: NodeEdit::Region((*region).into()),
            })
        });
        assert_eq!(r.history.past.len(), steps + 2);

        let mut b = Rc::new(State::new(Lang::En, Start::Nothing));
        for _ in 0..HISTORY_LIMIT + 20 {
            b = b.reduce(Action::AddNode(NodeKind::Customer));
        }
        assert_eq!(b.history.past.len(), HISTORY_LIMIT);
        // Selection and view changes are not steps.
        let c = b
            .clone()
            .reduce(Action::FitView)
            .reduce(Action::ClearSelection);
        assert_eq!(c.history.past.len(), HISTORY_LIMIT);
        assert!(!b.reduce(Action::Redo).can_redo());
    }

    #[test]
    fn a_link_opened_over_a_saved_diagram_can_be_undone() {
        let saved = (*chain().scenario).clone();
        let s = State::restored(Lang::En, Some(saved.clone()), Start::Preset("3".into()));
        assert_eq!(s.preset, Some(3));
        assert_eq!(Rc::new(s).reduce(Action::Undo).scenario.as_ref(), &saved);
        let s = State::restored(Lang::En, Some(saved.clone()), Start::Nothing);
        assert_eq!(s.scenario.as_ref(), &saved);
        assert!(!s.can_undo());
        // A bad link keeps the saved diagram and says why.
        let s = State::restored(
            Lang::En,
            Some(saved.clone()),
            Start::Share("scenario=x".into()),
        );
        assert_eq!(s.scenario.as_ref(), &saved);
        assert!(matches!(s.notice, Some(Notice::Scenario(_))));
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let v = View::default().zoomed(2.0, (100.0, 50.0));
        assert_eq!(v.to_world((100.0, 50.0)), (100.0, 50.0));
        assert_eq!(v.k, 2.0);
        assert_eq!(
            View::default().zoomed(f64::NAN, (0.0, 0.0)),
            View::default()
        );
    }
}
