//! Undo and redo: the diagram as it was before each step, bounded in steps and in size.

use super::document::Snapshot;
use std::collections::{BTreeSet, VecDeque};

/// How many steps Undo can go back.
pub const HISTORY_LIMIT: usize = 200;
/// How many nodes and edges the steps may hold in all (a 200,000-node network keeps a few).
pub const HISTORY_BUDGET: usize = 2_000_000;

/// Edits that merge into one undo step while they follow each other: a drag, a burst of
/// arrow-key nudges, typing in one field.
#[derive(Debug, Clone, PartialEq)]
pub enum Group {
    Drag,
    Nudge(BTreeSet<String>),
    /// A node's text field, by node ID and field name.
    Field(String, &'static str),
    Title,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub past: VecDeque<Snapshot>,
    pub future: Vec<Snapshot>,
    group: Option<Group>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Whether edits are merging into one step (a drag under way).
    pub fn in_group(&self) -> bool {
        self.group.is_some()
    }

    /// Ends a run of merged edits: the next one is a step of its own.
    pub fn break_group(&mut self) {
        self.group = None;
    }

    /// Records `before` as the state an edit started from, merging it into the last step when
    /// both belong to the same `group`. A new step drops the steps that were undone.
    pub fn record(&mut self, before: Snapshot, group: Option<Group>) {
        let merge = group.is_some() && self.group == group;
        self.group = group;
        if merge {
            return;
        }
        self.future.clear();
        self.past.push_back(before);
        // Each step may hold a whole copy of the scenario: a huge network keeps fewer steps.
        let cost = |s: &Snapshot| s.scenario.nodes.len() + s.scenario.edges.len();
        let mut total: usize = self.past.iter().map(cost).sum();
        while self.past.len() > HISTORY_LIMIT || (total > HISTORY_BUDGET && self.past.len() > 1) {
            if let Some(old) = self.past.pop_front() {
                total -= cost(&old);
            }
        }
    }

    /// The step to go back to, given what is on screen now (kept for Redo).
    pub fn undo(&mut self, now: Snapshot) -> Option<Snapshot> {
        let prev = self.past.pop_back()?;
        self.group = None;
        self.future.push(now);
        Some(prev)
    }

    /// The step to go forward to, given what is on screen now (kept for Undo).
    pub fn redo(&mut self, now: Snapshot) -> Option<Snapshot> {
        let next = self.future.pop()?;
        self.group = None;
        self.past.push_back(now);
        Some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::{Node, NodeKind, Scenario};
    use std::rc::Rc;

    fn snap(nodes: usize) -> Snapshot {
        let s = Scenario {
            nodes: (0..nodes)
                .map(|i| Node::new(format!("c{i}"), NodeKind::Customer))
                .collect(),
            ..Scenario::default()
        };
        Snapshot {
            scenario: Rc::new(s),
            preset: None,
            ident: Default::default(),
        }
    }

    #[test]
    fn groups_merge_and_a_new_step_drops_the_undone_ones() {
        let mut h = History::default();
        h.record(snap(0), Some(Group::Drag));
        h.record(snap(1), Some(Group::Drag));
        assert_eq!(h.past.len(), 1);
        h.break_group();
        h.record(snap(2), Some(Group::Drag));
        assert_eq!(h.past.len(), 2);
        let back = h.undo(snap(3));
        assert_eq!(back, Some(snap(2)));
        assert!(h.can_redo());
        h.record(snap(2), None);
        assert!(!h.can_redo());
        assert_eq!(h.redo(snap(9)), None);
    }
}
