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
}

#[derive(Debug, Clone)]
pub struct Document {
    scenario: Rc<Scenario>,
    preset: Option<u8>,
    rev: u64,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            scenario: Rc::new(Scenario::default()),
            preset: None,
            rev: 0,
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

    /// The scenario, to change what the rules read: a new revision.
    pub fn edit(&mut self) -> &mut Scenario {
        self.rev += 1;
        Rc::make_mut(&mut self.scenario)
    }

    /// Another diagram in its place (a new revision), given positions where it has none.
    pub fn replace(&mut self, mut scenario: Rc<Scenario>, preset: Option<u8>) {
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
        }
    }

    /// Puts an earlier state back (a new revision: it may differ in anything).
    pub fn restore(&mut self, snap: Snapshot) {
        self.replace(snap.scenario, snap.preset);
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
