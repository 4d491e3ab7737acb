//! Which nodes and edges are selected, by ID.

use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    pub nodes: BTreeSet<String>,
    pub edges: BTreeSet<String>,
}

/// A set of IDs by insertion: `collect()` into a `BTreeSet` sorts first, one more copy of the
/// sort's code in the wasm for sets of a few IDs.
pub fn ids<'a>(items: impl IntoIterator<Item = &'a String>) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    set.extend(items.into_iter().cloned());
    set
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

    /// Selects `target` alone, or with `additive` toggles it; `false` when nothing changed.
    pub fn pick(&mut self, target: Target, additive: bool) -> bool {
        let (set, other, id) = match target {
            Target::Node(id) => (&mut self.nodes, &mut self.edges, id),
            Target::Edge(id) => (&mut self.edges, &mut self.nodes, id),
        };
        if additive {
            if !set.remove(&id) {
                set.insert(id);
            }
            return true;
        }
        if set.len() == 1 && set.contains(&id) && other.is_empty() {
            return false;
        }
        set.clear();
        other.clear();
        set.insert(id);
        true
    }
}

/// What was clicked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Node(String),
    Edge(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picking_selects_alone_or_toggles() {
        let mut s = Selection::default();
        assert!(s.pick(Target::Node("a".into()), false));
        assert!(!s.pick(Target::Node("a".into()), false), "already alone");
        assert!(s.pick(Target::Edge("e".into()), true));
        assert_eq!((s.nodes.len(), s.edges.len()), (1, 1));
        assert_eq!(s.single_node(), None);
        assert!(s.pick(Target::Edge("e".into()), true));
        assert_eq!(s.single_node(), Some("a"));
        assert!(s.pick(Target::Edge("e".into()), false));
        assert_eq!(s.single_edge(), Some("e"));
    }
}
