//! The page's state: the diagram being edited plus what the editor keeps around it
//! (selection, viewport, language, history) and the training and audit sub-states. Every user
//! verb is one [`Action`]; reducing is pure (no browser calls), so it is tested natively and
//! every web effect stays in the views. Rules are never applied here: the engine judges the
//! scenario and proposes the fixes.

use super::audit::{is_large, Audit, AuditAction};
use super::caption::{self, Captions};
use super::document::{Document, Ident, Snapshot};
use super::effect::{Arrival, Effect};
use super::history::{Group, History};
use super::layout::{self, Rect};
use super::mode::{Mode, Theme};
use super::present;
use super::saving::{SaveAction, Saving, Then};
use super::selection::{Selection, Target};
use super::shared::Shared;
use super::training::{Train, Training};
use super::view::{PendingEdge, View};
use crate::io::library::{self, DataError};
use crate::io::storage::Saved;
use crate::io::url::Start;
use csp_rules::{presets, share, EdgeKind, Fix, Flag, Lang, NodeKind, Scenario, ScenarioError};
use std::collections::HashSet;
use std::rc::Rc;
use yew::Reducible;

/// The snap grid, in diagram units.
pub const GRID: f64 = 20.0;

/// A problem kept until dismissed, typed until it is shown (so it follows a language switch).
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Something could not be opened: a share link, a preset number.
    Open(ScenarioError),
    /// An imported file was refused by the engine, or could not be read; the diagram is
    /// unchanged.
    Import(ScenarioError),
    /// A guide scenario's files are being fetched (the first time it is opened).
    Loading(u8),
    /// A guide scenario's file could not be fetched or read.
    Data(DataError),
}

/// What waits for guide scenario `preset`'s files: the action that opens it and the training
/// verbs sent after it, replayed in order when the files have come.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    pub preset: u8,
    pub then: Vec<Action>,
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

impl NodeEdit {
    /// The typed field it comes from (a keystroke each, merged into one undo step); `None`
    /// for a choice, which is a step of its own.
    pub fn typed_field(&self) -> Option<&'static str> {
        match self {
            NodeEdit::Name(_) => Some("name"),
            NodeEdit::Org(_) => Some("org"),
            NodeEdit::Tenant(_) => Some("tenant"),
            _ => None,
        }
    }
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
    /// Guide scenario N's files were fetched (`Ok`) or not: what waited for them goes on.
    Fetched(u8, Result<(), DataError>),
    /// Replace the diagram with an empty one.
    New,
    /// Replaces the diagram with an imported file's (already read by the engine).
    Import(Scenario),
    /// An import was refused: say why, change nothing else.
    ImportFailed(ScenarioError),
    SetLang(Lang),
    SetTheme(Theme),
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
    /// Steps back through the diagram's history (every edit above is one step).
    Undo,
    Redo,
    /// Ends a gesture (a drag): the next move starts a new undo step.
    Checkpoint,
    /// Saving to the browser's storage failed (`true`) or worked again (`false`).
    SaveFailed(bool),
    /// Walkthrough and quiz verbs.
    Train(Train),
    /// Network audit verbs.
    Audit(AuditAction),
    /// Saved work: another tab's save, unreadable saved text, Recent.
    Saving(SaveAction),
    /// Shows the page as the whole app or in presenter mode.
    SetMode(Mode),
}

#[derive(Debug, Clone)]
pub struct State {
    pub doc: Document,
    pub selection: Selection,
    pub view: View,
    pub canvas: (f64, f64),
    /// The canvas has been measured; until then a fit is redone when it is.
    pub measured: bool,
    pub fit_pending: bool,
    pub lang: Lang,
    pub snap: bool,
    pub pending_edge: Option<PendingEdge>,
    pub notice: Option<Notice>,
    /// Why the last edit was refused (a rename to a used ID), shown by the field.
    pub edit_error: Option<ScenarioError>,
    /// Undo and redo steps (shared, so cloning the state stays cheap).
    pub history: Rc<History>,
    /// Bumped on every change to the scenario, positions included (what autosave follows).
    pub changes: u64,
    /// The last save to the browser's storage failed.
    pub save_failed: bool,
    pub training: Training,
    pub audit: Audit,
    /// How the page is shown (the whole app or an embed): whether the visitor may edit, and
    /// whether a resized canvas is fitted again.
    pub mode: Mode,
    pub theme: Theme,
    /// Bumped whenever another diagram comes in (`State::load`), for whoever reports it.
    pub arrivals: u64,
    /// What the page knows of the diagram saved in the browser.
    pub saving: Saving,
    /// This tab's part of the IDs of the diagrams it opens (random per tab), and how many.
    pub tab: Rc<str>,
    pub docs: u64,
    /// Which diagram the learner's own was while a walkthrough stands in for it.
    pub kept_ident: Option<Ident>,
    /// Actions waiting for a guide scenario's files (see [`library`]).
    pub waiting: Option<Waiting>,
    pub caption_memo: caption::Memo,
    pub present_memo: present::Memo,
}

impl State {
    /// An empty page in `lang`, then what the URL names opened on it.
    pub fn new(lang: Lang, start: Start) -> State {
        let mut state = State {
            doc: Document::default(),
            selection: Selection::default(),
            view: View::default(),
            canvas: (800.0, 560.0),
            measured: false,
            fit_pending: false,
            lang,
            snap: false,
            pending_edge: None,
            notice: None,
            edit_error: None,
            history: Rc::default(),
            changes: 0,
            save_failed: false,
            training: Training::default(),
            audit: Audit::default(),
            mode: Mode::default(),
            theme: Theme::default(),
            arrivals: 0,
            saving: Saving::default(),
            tab: Rc::from("t"),
            docs: 0,
            kept_ident: None,
            waiting: None,
            caption_memo: caption::Memo::default(),
            present_memo: present::Memo::default(),
        };
        state.open(start);
        state
    }

    /// Starts from a diagram restored from the browser's storage, then opens what the URL
    /// names as an undoable step, so a link never silently replaces the user's own work.
    pub fn restored(lang: Lang, saved: Option<Scenario>, start: Start) -> State {
        let saved = saved.map(|scenario| {
            let saved = Saved {
                scenario,
                doc: None,
                at: None,
            };
            (saved, 0)
        });
        State::restored_in("t", lang, saved, start)
    }

    /// As [`State::restored`] in tab `tab`, from saved text as read, with its fingerprint:
    /// the diagram it names, which the tab may save over it.
    pub fn restored_in(tab: &str, lang: Lang, saved: Option<(Saved, u64)>, start: Start) -> State {
        let mut state = State::new(lang, Start::Nothing);
        state.tab = Rc::from(tab);
        if let Some((saved, fingerprint)) = saved {
            state.load(Rc::new(saved.scenario), Arrival::Restored);
            let id: Rc<str> = match saved.doc {
                Some(doc) => Rc::from(doc),
                None => state.fresh_id(),
            };
            state.doc.set_ident(Ident {
                id: id.clone(),
                own: true,
            });
            state.saving.adopted = Some((id, fingerprint));
        }
        if start == Start::Nothing {
            return state;
        }
        Rc::unwrap_or_clone(Rc::new(state).reduce(Action::Open(start)))
    }

    /// The scenario being edited.
    pub fn scenario(&self) -> &Rc<Scenario> {
        self.doc.scenario()
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// A new ID for a diagram that comes in.
    fn fresh_id(&mut self) -> Rc<str> {
        self.docs += 1;
        Rc::from(format!("{}-{}", self.tab, self.docs))
    }

    /// Which diagram one that arrives as `how` is: a new one, not yet the user's work, but
    /// for the learner's own coming back from a walkthrough.
    fn ident_of(&mut self, how: Arrival) -> Ident {
        if how == Arrival::Kept {
            if let Some(ident) = self.kept_ident.take() {
                return ident;
            }
        }
        // Starting a walkthrough keeps the learner's diagram aside: and which it is.
        let keeping = matches!(&self.training.kept, Some(k) if Rc::ptr_eq(k, self.doc.scenario()));
        if matches!(how, Arrival::Step { .. }) && keeping && self.kept_ident.is_none() {
            self.kept_ident = Some(self.doc.ident().clone());
        }
        if matches!(how, Arrival::New | Arrival::Opened { .. } | Arrival::Saved) {
            self.kept_ident = None;
            self.saving.conflict = None;
        }
        Ident {
            id: self.fresh_id(),
            own: matches!(how, Arrival::Restored | Arrival::Kept),
        }
    }

    /// The one way a new diagram comes in: every caller says, by `how`, what it keeps.
    pub fn load(&mut self, scenario: Rc<Scenario>, how: Arrival) {
        let preset = match how {
            Arrival::Restored | Arrival::New | Arrival::Saved => None,
            Arrival::Opened { preset } => preset,
            Arrival::Step { preset } => Some(preset),
            Arrival::Kept => self.doc.preset(),
        };
        let ident = self.ident_of(how);
        // Whatever arrives first, a guide scenario still on its way is no longer wanted.
        self.waiting = None;
        self.doc.arrive(scenario, preset, ident);
        self.arrivals += 1;
        self.selection = Selection::default();
        self.pending_edge = None;
        self.edit_error = None;
        if how != Arrival::Kept {
            self.notice = None;
        }
        if how == Arrival::Restored {
            self.history = Rc::default();
        }
        self.training.arrived(how);
        match how {
            Arrival::New => self.view = View::default(),
            Arrival::Restored | Arrival::Opened { .. } | Arrival::Saved => {
                self.fit_pending = !self.measured;
                self.fit();
            }
            Arrival::Step { .. } | Arrival::Kept => {}
        }
    }

    /// Opens what a fragment names; a link that can't be opened leaves a notice and nothing
    /// else changed.
    fn open(&mut self, start: Start) {
        let (loaded, preset) = match start {
            Start::Nothing => return,
            Start::Preset(text) => match presets::find(&text) {
                Ok(p) => match library::scenario(p.number) {
                    Some(s) => (Ok(s), Some(p.number)),
                    None => return self.wait(p.number, Action::Open(Start::Preset(text))),
                },
                Err(e) => return self.notice = Some(Notice::Open(e)),
            },
            Start::Share(fragment) => (share::decode(&fragment), None),
        };
        match loaded {
            Ok(s) => self.arrive(s, preset),
            Err(e) => self.notice = Some(Notice::Open(e)),
        }
    }

    /// Waits for guide scenario `preset`'s files before `then` (the page fetches them).
    fn wait(&mut self, preset: u8, then: Action) {
        self.waiting = Some(Waiting {
            preset,
            then: vec![then],
        });
        self.notice = Some(Notice::Loading(preset));
    }

    /// Guide scenario `preset`'s files came, or did not: what waited for them goes on, or the
    /// notice says which file failed and why.
    fn fetched(&mut self, preset: u8, result: Result<(), DataError>) -> bool {
        let waiting = self.waiting.take_if(|w| w.preset == preset);
        let loaded = library::is_loaded(preset);
        if let Err(e) = result.clone() {
            self.notice = Some(Notice::Data(e));
        } else if self.notice == Some(Notice::Loading(preset)) {
            self.notice = None;
        }
        for action in waiting.into_iter().flat_map(|w| w.then).filter(|_| loaded) {
            self.step(action);
        }
        // A walkthrough that could not be read is said after its scenario opened.
        if let Err(e) = result {
            self.notice = Some(Notice::Data(e));
        }
        true
    }

    /// A diagram opened from a link or a file: into the editor, or, when it is too large to
    /// draw, straight to the audit view before any work per node (laying out 200,000 nodes
    /// only to hide them froze the page), leaving the editor's diagram as it was.
    fn arrive(&mut self, s: Scenario, preset: Option<u8>) {
        if is_large(&s) {
            self.audit.reduce(AuditAction::Queue(Rc::new(s)));
        } else {
            self.load(Rc::new(s), Arrival::Opened { preset });
        }
    }

    /// Applies what a sub-state's reducer asked for.
    fn apply(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Load(s, how) => self.load(s, how),
                Effect::Change(s) => {
                    self.doc.replace(Rc::new(s), self.doc.preset());
                    self.edit_error = None;
                }
                Effect::ClearSelection => self.selection = Selection::default(),
            }
        }
    }

    /// Puts a step of the history back; what no longer exists leaves the selection.
    fn restore(&mut self, snap: Snapshot) {
        self.doc.restore(snap);
        self.changes += 1;
        self.pending_edge = None;
        self.edit_error = None;
        let s = self.doc.scenario();
        let nodes: HashSet<&str> = s.nodes.iter().map(|n| n.id.as_str()).collect();
        let edges: HashSet<&str> = s.edges.iter().map(|e| e.id.as_str()).collect();
        self.selection.nodes.retain(|n| nodes.contains(n.as_str()));
        self.selection.edges.retain(|e| edges.contains(e.as_str()));
    }

    fn undo(&mut self) -> bool {
        let now = self.doc.snapshot();
        match Rc::make_mut(&mut self.history).undo(now) {
            Some(prev) => {
                self.restore(prev);
                true
            }
            None => false,
        }
    }

    fn redo(&mut self) -> bool {
        let now = self.doc.snapshot();
        match Rc::make_mut(&mut self.history).redo(now) {
            Some(next) => {
                self.restore(next);
                true
            }
            None => false,
        }
    }

    /// Records `before` as an undo step when the diagram changed.
    fn record(&mut self, before: Snapshot, group: Option<Group>) {
        let now = self.doc.scenario();
        let changed = !Rc::ptr_eq(&before.scenario, now)
            && (*before.scenario != **now || before.preset != self.doc.preset());
        if changed {
            self.changes += 1;
            Rc::make_mut(&mut self.history).record(before, group);
        }
    }

    pub(super) fn fit(&mut self) {
        if self.mode.present {
            if let Some(view) = self.present_fit() {
                self.view = view;
            }
        } else if let Some(b) = layout::bounds(self.doc.scenario(), None) {
            self.view = View::fit(b, self.canvas);
        }
    }

    /// The fit when presenting, of the diagram as presented (see [`present`]).
    fn present_fit(&self) -> Option<View> {
        present::fit(&self.shown(), self.lang, &self.captions(), self.canvas)
    }

    /// The diagram as the canvas draws it: presenting, a copy with its rows spread down the
    /// canvas's height (see [`present`]); otherwise the scenario being edited.
    pub fn shown(&self) -> Rc<Scenario> {
        let s = self.doc.scenario();
        if self.mode.present {
            let captions = self.captions();
            self.present_memo.of(s, self.lang, &captions, self.canvas)
        } else {
            s.clone()
        }
    }

    /// How the names are presented: which on two lines, and the room they have. The
    /// diagram's own, for its presented copy too: spreading its rows only adds room between
    /// them, so its names are as the fit that chose the spread had them.
    pub fn captions(&self) -> Shared<Captions> {
        self.caption_memo.of(self.doc.scenario(), self.lang)
    }

    /// How much larger than usual the names are drawn at the current zoom.
    pub fn caption_scale(&self) -> f64 {
        self.caption_scale_of(&self.captions())
    }

    /// [`caption_scale`](Self::caption_scale), with the names' `captions`.
    pub fn caption_scale_of(&self, captions: &Captions) -> f64 {
        if !self.mode.present {
            return 1.0;
        }
        caption::present_scale(self.view.k, captions.room_on(self.canvas.0))
    }

    /// Whether the box of these node IDs is in view.
    pub(super) fn in_view(&self, ids: &HashSet<&str>) -> Option<(bool, Rect)> {
        let s = self.doc.scenario();
        let b = if self.mode.present {
            let captions = self.captions();
            let scale = self.caption_scale_of(&captions);
            layout::caption_bounds(&self.shown(), Some(ids), self.lang, &captions, scale)?
        } else {
            layout::bounds(s, Some(ids))?
        };
        let seen = self.view.visible(self.canvas);
        Some((
            seen.contains((b.x0, b.y0)) && seen.contains((b.x1, b.y1)),
            b,
        ))
    }

    /// Brings the box of these nodes and edges into view if it is not already in it.
    fn reveal(&mut self, nodes: &[String], edges: &[String]) {
        let s = self.doc.scenario().clone();
        let mut ids: HashSet<&str> = nodes.iter().map(String::as_str).collect();
        for e in s.edges.iter().filter(|e| edges.contains(&e.id)) {
            ids.insert(&e.from);
            ids.insert(&e.to);
        }
        if let Some((false, b)) = self.in_view(&ids) {
            self.view = self.view.centred_on(b, self.canvas);
        }
    }
}

impl State {
    /// Applies a saved-work verb.
    fn saving_step(&mut self, action: SaveAction) -> bool {
        let (id, own) = (self.doc.id().clone(), self.doc.own());
        let on_screen = self.doc.scenario().clone();
        match self.saving.reduce(action, &id, own, &on_screen) {
            Then::Nothing => false,
            Then::Changed => true,
            Then::Save => {
                self.changes += 1;
                true
            }
            Then::Load { saved, adopt, own } => {
                let saved = Rc::unwrap_or_clone(saved);
                self.load(Rc::new(saved.scenario), Arrival::Saved);
                let id: Rc<str> = match saved.doc {
                    Some(doc) => Rc::from(doc),
                    None => self.fresh_id(),
                };
                let ident = Ident {
                    id: id.clone(),
                    own,
                };
                self.doc.set_ident(ident);
                if let Some(fingerprint) = adopt {
                    self.saving.adopted = Some((id, fingerprint));
                }
                true
            }
        }
    }
}

/// Whether an action is the visitor changing the diagram (refused where the mode is
/// read-only). Opening a diagram is not (a host's `load` replaces it in any mode), nor is a
/// walkthrough's own step.
fn is_edit(action: &Action) -> bool {
    matches!(
        action,
        Action::New
            | Action::AddNode(_)
            | Action::SetPositions(_)
            | Action::Nudge { .. }
            | Action::DeleteSelection
            | Action::ProposeEdge(_)
            | Action::ConfirmEdge(_)
            | Action::AddEdge { .. }
            | Action::EditNode { .. }
            | Action::EditEdge { .. }
            | Action::DeleteNode(_)
            | Action::DeleteEdge(_)
            | Action::SetTitle(_)
            | Action::SetAsOf(_)
            | Action::ApplyFix(_)
            | Action::AutoLayout
            | Action::Undo
            | Action::Redo
    )
}

/// The undo group an action belongs to, if it merges with the ones like it that follow.
fn group_of(action: &Action, selection: &Selection) -> Option<Group> {
    match action {
        Action::SetPositions(_) => Some(Group::Drag),
        Action::Nudge { .. } => Some(Group::Nudge(selection.nodes.clone())),
        Action::EditNode { id, edit } => edit.typed_field().map(|f| Group::Field(id.clone(), f)),
        Action::SetTitle(_) => Some(Group::Title),
        _ => None,
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let before = self.doc.snapshot();
        let group = group_of(&action, &self.selection);
        // Actions that leave the diagram alone but end a run of merged edits.
        let breaks = matches!(
            action,
            Action::Checkpoint
                | Action::Select { .. }
                | Action::SetSelection(_)
                | Action::ClearSelection
        );
        // Undo and Redo move through the history themselves.
        let history_move = matches!(action, Action::Undo | Action::Redo);
        let mut s = (*self).clone();
        if !s.step(action) {
            if breaks && self.history.in_group() {
                Rc::make_mut(&mut s.history).break_group();
                return Rc::new(s);
            }
            return self;
        }
        if !history_move {
            s.record(before, group);
            if breaks {
                Rc::make_mut(&mut s.history).break_group();
            }
        }
        Rc::new(s)
    }
}

impl State {
    /// Applies one action; `false` when nothing changed (the page then keeps its state, and
    /// yew renders nothing).
    fn step(&mut self, action: Action) -> bool {
        if !self.mode.editable() && is_edit(&action) {
            return false;
        }
        if let (Some(w), Action::Train(_)) = (&mut self.waiting, &action) {
            w.then.push(action);
            return true;
        }
        // A walkthrough of a guide scenario not opened yet (the summary's next scenario).
        if let Action::Train(Train::StartTour { preset, .. }) = action {
            if presets::get(preset).is_some() && !library::is_loaded(preset) {
                self.wait(preset, action);
                return true;
            }
        }
        match action {
            Action::Fetched(n, result) => self.fetched(n, result),
            Action::Open(start) => {
                let notice = self.notice.clone();
                let (rev, audit) = (self.doc.rev(), self.audit.clone());
                // A new link wins over a guide scenario still on its way.
                let waited = self.waiting.take().is_some();
                self.open(start);
                waited
                    || self.waiting.is_some()
                    || self.doc.rev() != rev
                    || self.notice != notice
                    || self.audit != audit
            }
            Action::New => {
                self.load(Rc::new(Scenario::default()), Arrival::New);
                true
            }
            Action::Import(s) => {
                let rev = self.doc.rev();
                self.arrive(s, None);
                // A file the user chose is their work, saved at once (what it replaced goes
                // to Recent), unlike a link someone sent.
                if self.doc.rev() != rev {
                    let id = self.doc.id().clone();
                    self.doc.set_ident(Ident { id, own: true });
                }
                true
            }
            Action::ImportFailed(e) => {
                self.notice = Some(Notice::Import(e));
                true
            }
            Action::SetLang(lang) => std::mem::replace(&mut self.lang, lang) != lang,
            Action::SetTheme(theme) => std::mem::replace(&mut self.theme, theme) != theme,
            Action::Train(t) => match self.training.reduce(t, &self.doc) {
                Some(effects) => {
                    self.apply(effects);
                    true
                }
                None => false,
            },
            Action::Audit(a) => self.audit.reduce(a),
            Action::Saving(a) => self.saving_step(a),
            Action::SetMode(mode) => {
                let was = std::mem::replace(&mut self.mode, mode);
                // Presenting draws the names larger, and they need room.
                if was.present != mode.present && self.measured {
                    self.fit();
                }
                was != mode
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Checkpoint => false,
            Action::DismissNotice => self.notice.take().is_some(),
            Action::SaveFailed(failed) => {
                std::mem::replace(&mut self.save_failed, failed) != failed
            }
            Action::Reveal { nodes, edges } => {
                self.selection = Selection {
                    nodes: super::selection::ids(&nodes),
                    edges: super::selection::ids(&edges),
                };
                self.reveal(&nodes, &edges);
                true
            }
            edit @ (Action::AddNode(_)
            | Action::SetPositions(_)
            | Action::Nudge { .. }
            | Action::DeleteSelection
            | Action::ProposeEdge(_)
            | Action::ConfirmEdge(_)
            | Action::CancelEdge
            | Action::AddEdge { .. }
            | Action::EditNode { .. }
            | Action::EditEdge { .. }
            | Action::DeleteNode(_)
            | Action::DeleteEdge(_)
            | Action::SetTitle(_)
            | Action::SetAsOf(_)
            | Action::ApplyFix(_)
            | Action::AutoLayout
            | Action::SetSnap(_)) => self.edit_step(edit),
            view @ (Action::Select { .. }
            | Action::SetSelection(_)
            | Action::ClearSelection
            | Action::Pan { .. }
            | Action::Zoom { .. }
            | Action::FitView
            | Action::CanvasResized { .. }) => self.view_step(view),
        }
    }

    /// Selection and viewport verbs: they never change the diagram.
    fn view_step(&mut self, action: Action) -> bool {
        match action {
            Action::Select { target, additive } => self.selection.pick(target, additive),
            Action::SetSelection(sel) => {
                std::mem::replace(&mut self.selection, sel) != self.selection
            }
            Action::ClearSelection => {
                let had = !self.selection.is_empty() || self.pending_edge.is_some();
                self.selection = Selection::default();
                self.pending_edge = None;
                had
            }
            Action::Pan { dx, dy } => {
                if !(dx.is_finite() && dy.is_finite()) {
                    return false;
                }
                self.view.x += dx;
                self.view.y += dy;
                true
            }
            Action::Zoom { factor, at } => {
                let at = at.unwrap_or((self.canvas.0 / 2.0, self.canvas.1 / 2.0));
                self.view = self.view.zoomed(factor, at);
                true
            }
            Action::FitView => {
                self.fit();
                true
            }
            Action::CanvasResized { width, height } => {
                let size = (width, height);
                if !(width > 0.0 && height > 0.0) || (self.measured && size == self.canvas) {
                    return false;
                }
                self.canvas = size;
                self.measured = true;
                // A walkthrough's diagram stays whole in view as the step's panel takes room.
                let touring = self.training.tour.is_some();
                if std::mem::take(&mut self.fit_pending) || self.mode.refits() || touring {
                    self.fit();
                }
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::url::Start;
    use crate::model::history::HISTORY_LIMIT;
    use crate::model::selection::Target;
    use crate::model::view::{PendingEdge, View};
    use csp_rules::{evaluate, presets, validate, Flag, Verdict};
    use csp_rules::{share, EdgeKind, Fix, NodeKind, Scenario};

    fn run(state: State, actions: Vec<Action>) -> Rc<State> {
        actions.into_iter().fold(Rc::new(state), |s, a| s.reduce(a))
    }

    fn verdicts(s: &State) -> Vec<Verdict> {
        evaluate(s.scenario(), Lang::En)
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
        assert_eq!(s.scenario().nodes.len(), 4);
        assert_eq!(
            s.scenario()
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
        let fix = evaluate(s.scenario(), Lang::En).ok().and_then(|r| {
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
    fn a_guide_scenario_not_fetched_yet_waits_with_what_follows_then_opens() {
        use crate::io::url::TrainingLink;
        library::withhold(6);
        let s = Rc::new(State::new(Lang::En, Start::Nothing));
        let s = s.reduce(Action::Open(Start::Preset("6".into())));
        assert_eq!(s.waiting.as_ref().map(|w| w.preset), Some(6));
        assert_eq!(s.notice, Some(Notice::Loading(6)));
        assert!(s.scenario().nodes.is_empty());
        // The address's `&step=3`, sent right after, waits behind it.
        let link = Train::Link(TrainingLink {
            step: Some(3),
            ..TrainingLink::default()
        });
        let s = s.reduce(Action::Train(link));
        assert_eq!(s.waiting.as_ref().map(|w| w.then.len()), Some(2));
        // The page fetched the files: the preset opens at step 3, as one undo step.
        let json = presets::get(6).map(|p| p.json).unwrap_or_default();
        let put = library::put(6, json, csp_rules::walkthrough::json(6));
        assert_eq!(put, Ok(()));
        let s = s.reduce(Action::Fetched(6, Ok(())));
        assert_eq!(s.waiting, None);
        assert_eq!(s.notice, None);
        assert_eq!(s.doc.preset(), Some(6));
        assert_eq!(s.training.tour.map(|t| (t.preset, t.step)), Some((6, 3)));
        assert!(s.can_undo());
    }

    #[test]
    fn a_guide_scenario_that_does_not_come_says_which_file_and_changes_nothing() {
        library::withhold(2);
        let s = chain();
        let before = s.scenario().clone();
        let s = s.reduce(Action::Open(Start::Preset("2".into())));
        assert_eq!(s.notice, Some(Notice::Loading(2)));
        let missing = DataError::Fetch {
            file: "presets/2-multipartner.json".into(),
            status: 404,
        };
        let s = s.reduce(Action::Fetched(2, Err(missing.clone())));
        assert_eq!(s.notice, Some(Notice::Data(missing)));
        assert_eq!(s.waiting, None);
        assert_eq!(**s.scenario(), *before);
        // Another link while one is on its way wins over it.
        library::withhold(3);
        let s = s.reduce(Action::Open(Start::Preset("3".into())));
        let s = s.reduce(Action::Open(Start::Preset("1".into())));
        assert_eq!(s.waiting, None);
        assert_eq!(s.doc.preset(), Some(1));
        let s = s.reduce(Action::Fetched(3, Ok(())));
        assert_eq!(s.doc.preset(), Some(1));
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
        assert!(validate(s.scenario()).is_ok());
        let s = s.reduce(Action::EditNode {
            id: "ms".into(),
            edit: NodeEdit::Kind(NodeKind::DirectBillPartner),
        });
        assert!(validate(s.scenario()).is_ok());
    }

    #[test]
    fn renames_follow_edges_and_refuse_used_ids() {
        let s = chain().reduce(Action::EditNode {
            id: "reseller-1".into(),
            edit: NodeEdit::Id("litware".into()),
        });
        assert!(s.scenario().edges.iter().any(|e| e.to == "litware"));
        assert!(s.scenario().edges.iter().any(|e| e.from == "litware"));
        let refused = s.clone().reduce(Action::EditNode {
            id: "litware".into(),
            edit: NodeEdit::Id("ms".into()),
        });
        assert_eq!(refused.scenario(), s.scenario());
        assert!(refused.edit_error.is_some());
        // A bad ID is kept (nothing is lost) and the engine says what is wrong.
        let bad = s.reduce(Action::EditNode {
            id: "litware".into(),
            edit: NodeEdit::Id("lit ware".into()),
        });
        assert!(evaluate(bad.scenario(), Lang::En).is_err());
        assert!(bad.scenario().nodes.iter().any(|n| n.id == "lit ware"));
    }

    #[test]
    fn deleting_a_node_takes_its_edges() {
        let s = chain()
            .reduce(Action::Select {
                target: Target::Node("provider-1".into()),
                additive: false,
            })
            .reduce(Action::DeleteSelection);
        assert_eq!(s.scenario().nodes.len(), 3);
        assert_eq!(s.scenario().edges.len(), 1);
        assert!(s.selection.is_empty());
        assert!(validate(s.scenario()).is_ok());
    }

    #[test]
    fn presets_and_links_open_and_bad_ones_leave_a_notice() {
        let s = State::new(Lang::En, Start::Preset("6".into()));
        assert_eq!(s.doc.preset(), Some(6));
        assert_eq!(s.scenario().nodes.len(), 7);
        let s = Rc::new(s).reduce(Action::Open(Start::Preset("9".into())));
        let none = presets::find("9").err().map(Notice::Open);
        assert!(none.is_some());
        assert_eq!(s.notice, none);
        assert_eq!(s.scenario().nodes.len(), 7, "the diagram is kept");
        let s = s.reduce(Action::Open(Start::Share("scenario=garbage".into())));
        assert!(matches!(s.notice, Some(Notice::Open(_))));
        let link = share::fragment(s.scenario());
        let t = State::new(Lang::ZhTw, crate::io::url::parse_fragment(&link));
        assert_eq!(t.scenario(), s.scenario());
        assert_eq!(t.notice, None);
    }

    #[test]
    fn positions_do_not_bump_the_rules_revision_and_snap() {
        let s = chain();
        let rev = s.doc.rev();
        let s = s
            .reduce(Action::SetSnap(true))
            .reduce(Action::SetPositions(vec![("ms".into(), 33.0, 47.0)]));
        assert_eq!(s.doc.rev(), rev);
        let ms = s.scenario().nodes.iter().find(|n| n.id == "ms");
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
        assert!(s.scenario().edges.is_empty());
        assert_eq!(s.scenario().nodes.len(), 4);
        for _ in 0..3 {
            s = s.reduce(Action::Redo);
        }
        assert_eq!(s.scenario(), built.scenario());

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
                after.scenario(),
                before.scenario(),
                "{action:?} changes the diagram"
            );
            let undone = after.clone().reduce(Action::Undo);
            assert_eq!(undone.scenario(), before.scenario(), "undo {action:?}");
            assert_eq!(undone.doc.preset(), before.doc.preset(), "undo {action:?}");
            let redone = undone.reduce(Action::Redo);
            assert_eq!(redone.scenario(), after.scenario(), "redo {action:?}");
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
        assert_eq!(back.scenario(), s.scenario());

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
        assert_eq!(t.reduce(Action::Undo).scenario(), s.scenario());
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

    /// Customers without positions, more than the editor draws.
    fn too_large() -> Scenario {
        let mut s = Scenario::default();
        for i in 0..=crate::model::audit::LARGE_NODES {
            let mut n = csp_rules::Node::new(format!("c{i}"), NodeKind::Customer);
            n.region = Some("europe".into());
            s.nodes.push(n);
        }
        s
    }

    #[test]
    fn a_network_too_large_to_draw_goes_to_the_audit_untouched_and_the_diagram_stays() {
        use crate::model::audit::{judge_queued, Phase};
        let mine = chain();
        let big = too_large();
        for action in [
            Action::Open(Start::Share(share::fragment(&big))),
            Action::Import(big.clone()),
        ] {
            let s = mine.clone().reduce(action);
            assert_eq!(s.scenario(), mine.scenario(), "the diagram is kept");
            assert_eq!(
                s.history.past.len(),
                mine.history.past.len(),
                "no undo step"
            );
            assert_eq!(s.changes, mine.changes, "nothing to save");
            let queued = match &s.audit.phase {
                Phase::Judging(_, queued) => Some(queued.0.clone()),
                _ => None,
            };
            // Nothing was done to its nodes on the way: no positions were given.
            assert_eq!(
                queued.as_deref(),
                Some(&big),
                "the audit judges it as it came"
            );
            let queued = queued.unwrap_or_default();
            let judged = judge_queued(String::new(), queued, Lang::En);
            let s = s.reduce(Action::Audit(judged));
            assert!(
                matches!(&s.audit.phase, Phase::Ready(a) if a.opened && a.scenario.nodes.len() == big.nodes.len())
            );
        }
        // Closed before the answer came: it stays closed.
        let s = mine
            .reduce(Action::Import(big.clone()))
            .reduce(Action::Audit(AuditAction::Close));
        let judged = judge_queued(String::new(), Rc::new(big), Lang::En);
        assert_eq!(
            s.clone().reduce(Action::Audit(judged)).audit.phase,
            Phase::Closed
        );
    }

    #[test]
    fn a_read_only_mode_refuses_every_edit_but_opens_diagrams_and_moves_the_view() {
        let mut view = (*chain()).clone();
        view.mode = Mode::from_params(Some("view"));
        let view = Rc::new(view);
        let edits = vec![
            Action::New,
            Action::AddNode(NodeKind::Customer),
            Action::SetPositions(vec![("ms".into(), 500.0, 500.0)]),
            Action::DeleteNode("ms".into()),
            Action::DeleteEdge("e1".into()),
            Action::EditNode {
                id: "ms".into(),
                edit: NodeEdit::Name("x".into()),
            },
            Action::EditEdge {
                id: "e1".into(),
                edit: EdgeEdit::Reverse,
            },
            Action::AddEdge {
                from: "ms".into(),
                to: "customer-1".into(),
                kind: EdgeKind::Manages,
            },
            Action::ProposeEdge(PendingEdge {
                from: "ms".into(),
                to: "customer-1".into(),
                at: (0.0, 0.0),
            }),
            Action::SetTitle("t".into()),
            Action::AutoLayout,
            Action::Undo,
        ];
        let selected = view.clone().reduce(Action::Select {
            target: Target::Node("ms".into()),
            additive: false,
        });
        assert_eq!(selected.selection.single_node(), Some("ms"));
        for edit in edits {
            let after = selected.clone().reduce(edit.clone());
            assert!(Rc::ptr_eq(&after, &selected), "{edit:?} is refused");
        }
        let nudged = selected.clone().reduce(Action::Nudge { dx: 10.0, dy: 0.0 });
        assert_eq!(nudged.scenario(), selected.scenario());
        let deleted = selected.clone().reduce(Action::DeleteSelection);
        assert_eq!(deleted.scenario(), selected.scenario());
        let panned = selected.clone().reduce(Action::Pan { dx: 5.0, dy: 0.0 });
        assert_ne!(panned.view, selected.view);
        let opened = selected.reduce(Action::Open(Start::Preset("6".into())));
        assert_eq!(opened.doc.preset(), Some(6));
        assert_eq!(opened.arrivals, view.arrivals + 1);
    }

    /// What of preset `s`'s names, presented in `s`'s state, is not whole in view.
    fn names_cut(s: &State, scale: f64) -> Vec<String> {
        let seen = s.view.visible(s.canvas);
        let seen = Rect {
            x0: seen.x0 - 1e-3,
            y0: seen.y0 - 1e-3,
            x1: seen.x1 + 1e-3,
            y1: seen.y1 + 1e-3,
        };
        let shown = s.shown();
        shown
            .nodes
            .iter()
            .filter(|n| {
                let one = HashSet::from([n.id.as_str()]);
                layout::caption_bounds(&shown, Some(&one), s.lang, &s.captions(), scale)
                    .is_none_or(|b| !(seen.contains((b.x0, b.y0)) && seen.contains((b.x1, b.y1))))
            })
            .map(|n| n.id.clone())
            .collect()
    }

    #[test]
    fn presenting_fits_the_diagram_with_room_for_its_names_at_their_size_on_screen() {
        let present = Mode::default().presenting(true);
        let projector = (634.0, 632.0);
        let phone = (390.0, 500.0);
        let mut app_cut = 0;
        for lang in [Lang::En, Lang::ZhTw] {
            for n in 1..=8 {
                let fitted = |(width, height)| {
                    Rc::new(State::new(lang, Start::Preset(n.to_string())))
                        .reduce(Action::CanvasResized { width, height })
                };
                let app = fitted(projector);
                app_cut += names_cut(&app, 18.0 / 13.0 / app.view.k).len();
                for (canvas, wide) in [(projector, true), (phone, false)] {
                    let at = format!("preset {n} {lang:?} at {canvas:?}");
                    let p = fitted(canvas).reduce(Action::SetMode(present));
                    let scale = p.caption_scale();
                    let px = 13.0 * scale * p.view.k;
                    if wide {
                        assert!(px >= 18.0 - 1e-6, "{at}: names of {px} px");
                    } else {
                        // As large as they fit without covering each other.
                        let room = p.captions().room;
                        assert!(scale <= room.max(1.0) && px <= 18.0 + 1e-6, "{at}: {px} px");
                    }
                    assert_eq!(names_cut(&p, scale), Vec::<String>::new(), "{at}");
                    let routed = (scale * 8.0).ceil() / 8.0;
                    // Where 18 px names would cover each other (preset 6 on the projector's
                    // canvas), a line has no room to keep clear of the names it passes
                    // between: only the badges are held to their room there.
                    let captions = p.captions();
                    let lines = scale <= captions.room;
                    let wrong = crate::model::route::tests::wrong_routes(
                        &p.shown(),
                        routed,
                        lang,
                        &captions,
                        lines,
                    );
                    assert_eq!(wrong, Vec::<String>::new(), "{at}");
                    // Full screen, a larger canvas: fitted again, larger, with the same room.
                    let k = p.view.k;
                    let bigger = p.reduce(Action::CanvasResized {
                        width: canvas.0 * 1.5,
                        height: canvas.1 * 1.5,
                    });
                    assert!(bigger.view.k > k, "{at}");
                    assert!(
                        names_cut(&bigger, bigger.caption_scale()).is_empty(),
                        "{at}"
                    );
                }
            }
        }
        // What makes this a test: the app's own fit has no such room.
        assert!(app_cut >= 5, "{app_cut}");
    }

    #[test]
    fn a_frame_is_fitted_again_whenever_it_is_resized() {
        let mut s = State::new(Lang::En, Start::Preset("6".into()));
        s.mode = Mode::from_params(Some("edit"));
        let s = Rc::new(s).reduce(Action::CanvasResized {
            width: 800.0,
            height: 500.0,
        });
        let wide = s.view;
        let s = s
            .reduce(Action::Zoom {
                factor: 2.0,
                at: None,
            })
            .reduce(Action::CanvasResized {
                width: 400.0,
                height: 300.0,
            });
        let bounds = layout::bounds(s.scenario(), None);
        assert_eq!(bounds.map(|b| View::fit(b, (400.0, 300.0))), Some(s.view));
        assert_ne!(s.view, wide);
        // The whole app keeps the visitor's zoom.
        let app = Rc::new(State::new(Lang::En, Start::Preset("6".into())))
            .reduce(Action::CanvasResized {
                width: 800.0,
                height: 500.0,
            })
            .reduce(Action::Zoom {
                factor: 2.0,
                at: None,
            });
        let zoomed = app.view;
        let app = app.reduce(Action::CanvasResized {
            width: 400.0,
            height: 300.0,
        });
        assert_eq!(app.view, zoomed);
        // Except during a walkthrough: its diagram is fitted to what the step leaves of it.
        let touring = app.reduce(Action::Train(Train::StartTour { preset: 6, step: 2 }));
        let touring = touring.reduce(Action::CanvasResized {
            width: 400.0,
            height: 180.0,
        });
        let bounds = layout::bounds(touring.scenario(), None);
        assert_eq!(
            bounds.map(|b| View::fit(b, (400.0, 180.0))),
            Some(touring.view)
        );
    }

    #[test]
    fn a_link_opened_over_a_saved_diagram_can_be_undone() {
        let saved = (**chain().scenario()).clone();
        let s = State::restored(Lang::En, Some(saved.clone()), Start::Preset("3".into()));
        assert_eq!(s.doc.preset(), Some(3));
        assert_eq!(Rc::new(s).reduce(Action::Undo).scenario().as_ref(), &saved);
        let s = State::restored(Lang::En, Some(saved.clone()), Start::Nothing);
        assert_eq!(s.scenario().as_ref(), &saved);
        assert!(!s.can_undo());
        // A bad link keeps the saved diagram and says why.
        let s = State::restored(
            Lang::En,
            Some(saved.clone()),
            Start::Share("scenario=x".into()),
        );
        assert_eq!(s.scenario().as_ref(), &saved);
        assert!(matches!(s.notice, Some(Notice::Open(_))));
    }

    #[test]
    fn a_link_is_not_the_users_work_until_edited_and_undoing_that_edit_keeps_it_theirs() {
        let saved = Saved {
            scenario: (**chain().scenario()).clone(),
            doc: Some("mine".into()),
            at: Some(1.0),
        };
        let s = State::restored_in("t", Lang::En, Some((saved, 7)), Start::Preset("3".into()));
        assert!(!s.doc.own(), "an opened link is not saved");
        assert_ne!(&**s.doc.id(), "mine");
        assert_eq!(s.saving.adopted, Some((Rc::from("mine"), 7)));
        let link = s.doc.id().clone();
        let s = Rc::new(s).reduce(Action::AddNode(NodeKind::Customer));
        assert!(
            s.doc.own() && *s.doc.id() == link,
            "edited: the user's work"
        );
        let s = s.reduce(Action::Undo);
        assert!(s.doc.own() && *s.doc.id() == link, "its undo is saved too");
        // Back past the link: the saved diagram, as it was named.
        let s = s.reduce(Action::Undo);
        assert!(s.doc.own());
        assert_eq!(&**s.doc.id(), "mine");
        let fresh = Rc::new(State::new(Lang::En, Start::Preset("2".into())));
        assert!(!fresh.doc.own());
        // A file the user imported is theirs at once.
        let imported = fresh.reduce(Action::Import((**chain().scenario()).clone()));
        assert!(imported.doc.own());
    }

    #[test]
    fn another_tabs_save_asks_only_when_this_tabs_work_is_at_stake() {
        let saved = Saved {
            scenario: (**chain().scenario()).clone(),
            doc: Some("mine".into()),
            at: None,
        };
        let s = Rc::new(State::restored_in(
            "t",
            Lang::En,
            Some((saved, 7)),
            Start::Nothing,
        ));
        let mut theirs = (**chain().scenario()).clone();
        theirs.title = Some("Theirs".into());
        let raw = Rc::new(crate::io::storage::encode(&theirs, Some("mine"), Some(5.0)));
        let s = s.reduce(Action::Saving(SaveAction::Elsewhere(raw.clone())));
        let c = s.saving.conflict.clone();
        assert!(c.as_ref().is_some_and(|c| c.same && c.theirs.is_some()));
        // Keep mine: the conflict goes and this tab saves again.
        let before = s.changes;
        let kept = s.clone().reduce(Action::Saving(SaveAction::KeepMine));
        assert!(kept.saving.conflict.is_none() && kept.changes > before);
        // Load theirs: it is on screen, undoable, and adopted as what the saved place holds.
        let loaded = s.reduce(Action::Saving(SaveAction::LoadTheirs));
        assert_eq!(loaded.scenario().title.as_deref(), Some("Theirs"));
        assert!(loaded.doc.own() && loaded.saving.conflict.is_none());
        let fp = crate::io::storage::fingerprint(&raw);
        assert_eq!(loaded.saving.adopted, Some((Rc::from("mine"), fp)));
        assert_eq!(
            loaded.reduce(Action::Undo).scenario().title,
            chain().scenario().title
        );
        // An unedited link in this tab has nothing at stake.
        let link = Rc::new(State::new(Lang::En, Start::Preset("3".into())));
        let link = link.reduce(Action::Saving(SaveAction::Elsewhere(raw)));
        assert!(link.saving.conflict.is_none());
    }
}
