//! The diagram being edited, with the revision the engine's answers are keyed on. The
//! revision changes exactly when something the rules read may have changed (anything but
//! positions), and only through this type's own methods, so a new diagram, an edit, an undo
//! and a fix can't forget it.

use super::layout;
use csp_rules::{Fix, Scenario};
use std::collections::HashMap;
use std::rc::Rc;

/// One state of the diagram, as the undo history keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub scenario: Rc<Scenario>,
    /// The guide scenario it was opened from, if any.
    pub preset: Option<u8>,
    pub ident: Ident,
}

/// Which diagram a document is, as its saves say (so another tab's save of another diagram
/// is told apart from its own), and whether it is the user's work: edited, or restored as the
/// saved one. A link, a preset, a file or a walkthrough opened is not, until it is edited,
/// and is never saved before.
#[derive(Debug, Clone, PartialEq)]
pub struct Ident {
    pub id: Rc<str>,
    pub own: bool,
}

impl Default for Ident {
    fn default() -> Self {
        Ident {
            id: Rc::from(""),
            own: false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Document {
    scenario: Rc<Scenario>,
    preset: Option<u8>,
    rev: u64,
    ident: Ident,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            scenario: Rc::new(Scenario::default()),
            preset: None,
            rev: 0,
            ident: Ident::default(),
        }
    }
}

impl Document {
    /// The scenario; shared, so a state's copy is cheap and props compare it by pointer.
    pub fn scenario(&self) -> &Rc<Scenario> {
        &self.scenario
    }

    pub fn preset(&self) -> Option<u8> {
        self.preset
    }

    /// The rules' revision: equal revisions mean the rules see the same diagram.
    pub fn rev(&self) -> u64 {
        self.rev
    }

    pub fn ident(&self) -> &Ident {
        &self.ident
    }

    /// Which diagram this is.
    pub fn id(&self) -> &Rc<str> {
        &self.ident.id
    }

    /// Whether it is the user's work (see [`Ident`]).
    pub fn own(&self) -> bool {
        self.ident.own
    }

    /// The scenario, to change what the rules read: a new revision, and the user's work.
    pub fn edit(&mut self) -> &mut Scenario {
        self.rev += 1;
        self.ident.own = true;
        Rc::make_mut(&mut self.scenario)
    }

    /// Says which diagram this is (one read from storage names itself).
    pub fn set_ident(&mut self, ident: Ident) {
        self.ident = ident;
    }

    /// A diagram that came in (a new revision), as the diagram `ident`.
    pub fn arrive(&mut self, scenario: Rc<Scenario>, preset: Option<u8>, ident: Ident) {
        self.put(scenario, preset);
        self.ident = ident;
    }

    /// The diagram changed as a whole for the user (a fix, a walkthrough's "show me"): a new
    /// revision, and the user's work.
    pub fn replace(&mut self, scenario: Rc<Scenario>, preset: Option<u8>) {
        self.put(scenario, preset);
        self.ident.own = true;
    }

    /// Another diagram in its place (a new revision), given positions where it has none.
    fn put(&mut self, mut scenario: Rc<Scenario>, preset: Option<u8>) {
        if scenario
            .nodes
            .iter()
            .any(|n| n.x.is_none() || n.y.is_none())
        {
            layout::fill_missing(Rc::make_mut(&mut scenario));
        }
        self.scenario = scenario;
        self.preset = preset;
        self.rev += 1;
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            scenario: self.scenario.clone(),
            preset: self.preset,
            ident: self.ident.clone(),
        }
    }

    /// Puts an earlier state back (a new revision: it may differ in anything), as the diagram
    /// it was then. Undoing the first edit of a link keeps it the user's work: its save is
    /// undone too, not left in storage.
    pub fn restore(&mut self, snap: Snapshot) {
        let mut ident = snap.ident;
        ident.own |= self.ident.own && self.ident.id == ident.id;
        self.arrive(snap.scenario, snap.preset, ident);
    }

    /// Applies one of the engine's fixes; `false`, and nothing changed, when what it names is
    /// gone.
    pub fn apply_fix(&mut self, fix: &Fix) -> bool {
        let mut next = (*self.scenario).clone();
        if !fix.apply(&mut next) {
            return false;
        }
        self.replace(Rc::new(next), self.preset);
        true
    }

    /// Moves nodes to absolute positions (snapped to `grid` when given). Positions are not
    /// read by the rules: the revision stays, so a drag never re-evaluates.
    pub fn move_nodes(&mut self, moves: &[(String, f64, f64)], grid: Option<f64>) {
        let at: HashMap<&str, (f64, f64)> = moves
            .iter()
            .filter(|(_, x, y)| x.is_finite() && y.is_finite())
            .map(|(id, x, y)| (id.as_str(), (*x, *y)))
            .collect();
        self.ident.own = true;
        let s = Rc::make_mut(&mut self.scenario);
        for n in &mut s.nodes {
            if let Some(&(x, y)) = at.get(n.id.as_str()) {
                let (x, y) = match grid {
                    Some(g) => (layout::snap(x, g), layout::snap(y, g)),
                    None => (x, y),
                };
                n.x = Some(x);
                n.y = Some(y);
            }
        }
    }

    /// Lays every node out by tier: positions only, the revision stays.
    pub fn auto_layout(&mut self) {
        self.ident.own = true;
        layout::auto_layout(Rc::make_mut(&mut self.scenario));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::{FlagName, Node, NodeKind};

    fn doc() -> Document {
        let mut d = Document::default();
        d.edit()
            .nodes
            .push(Node::new("r", NodeKind::IndirectReseller));
        d
    }

    #[test]
    fn only_what_the_rules_read_moves_the_revision() {
        let mut d = doc();
        let rev = d.rev();
        d.move_nodes(&[("r".into(), 33.0, 47.0)], Some(20.0));
        d.auto_layout();
        assert_eq!(d.rev(), rev, "positions are not read by the rules");
        assert!(d.scenario().nodes[0].x.is_some());

        let fix = Fix::SetFlag {
            node: "gone".into(),
            flag: FlagName::MpaSigned,
        };
        assert!(!d.apply_fix(&fix));
        assert_eq!(
            d.rev(),
            rev,
            "a fix that applies to nothing changes nothing"
        );

        let snap = d.snapshot();
        let mut seen = vec![rev];
        d.edit().title = Some("t".into());
        seen.push(d.rev());
        d.replace(Rc::new(Scenario::default()), Some(6));
        seen.push(d.rev());
        d.restore(snap.clone());
        seen.push(d.rev());
        assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
        assert_eq!(d.snapshot(), snap);
    }

    #[test]
    fn a_replaced_diagram_gets_positions_it_lacks() {
        let mut d = Document::default();
        let mut s = Scenario::default();
        s.nodes.push(Node::new("c", NodeKind::Customer));
        d.replace(Rc::new(s), None);
        assert!(d
            .scenario()
            .nodes
            .iter()
            .all(|n| n.x.is_some() && n.y.is_some()));
    }
}
