//! Diagrams for the page's native tests: a customer at a place, a sale between two IDs.

use csp_rules::{Edge, EdgeKind, Node, NodeKind};

/// A customer at (x, y).
pub(crate) fn node(id: &str, x: f64, y: f64) -> Node {
    let mut n = Node::new(id, NodeKind::Customer);
    (n.x, n.y) = (Some(x), Some(y));
    n
}

/// A sale from `from` to `to`.
pub(crate) fn edge(id: &str, from: &str, to: &str) -> Edge {
    Edge {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        kind: EdgeKind::SellsTo,
    }
}
