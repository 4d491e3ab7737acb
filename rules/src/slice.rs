//! A network's slice around one party: the part of a large scenario that the audit's "show in
//! diagram" draws, chosen so that the engine judges every relationship in it exactly as it
//! judges that relationship in the whole network.
//!
//! What a relationship's verdict and findings depend on, besides its two ends:
//! - the sales into its seller from the tier above (`CHAIN.NEEDS_UPSTREAM`), and so on up to
//!   Microsoft, and the seller's providers (scenario 6);
//! - every partner's sale into, or management of, a customer at its end (multipartner,
//!   multichannel);
//! - every partner holding that customer's tenant, with its providers (scenarios 4 and 6),
//!   and a partner of the customer's organization (own use).
//!
//! So the slice is the party and its relationships, then, for every party in it: the sales
//! into it from above (for a customer, every partner's sale or management), and the partners
//! that share its tenant or its organization. Each tenant, organization and party is looked
//! at once, so the slice costs time linear in the scenario.

use crate::hash::{map_with_capacity, Map, Set};
use crate::model::{EdgeKind, NodeKind, Scenario};

/// The slice of `s` around the node `id` (see the module's documentation), its nodes and
/// edges in file order, everything else (title, date, positions) as in `s`. `None` when no
/// node has that ID. An edge that names a node `s` doesn't have is left out.
pub fn slice(s: &Scenario, id: &str) -> Option<Scenario> {
    let n = s.nodes.len();
    // The first node of each ID, as validation would accept it.
    let mut index: Map<&str, usize> = map_with_capacity(n);
    for (i, node) in s.nodes.iter().enumerate() {
        index.entry(node.id.as_str()).or_insert(i);
    }
    let centre = *index.get(id)?;
    let first = |i: usize| index.get(s.nodes[i].id.as_str()) == Some(&i);

    let ends: Vec<Option<(usize, usize)>> = s
        .edges
        .iter()
        .map(|e| Some((*index.get(e.from.as_str())?, *index.get(e.to.as_str())?)))
        .collect();
    // Edges into each node, as one list sliced by node (counting sort, file order kept).
    let mut start = vec![0usize; n + 1];
    for &(_, to) in ends.iter().flatten() {
        start[to + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut into = vec![0usize; start[n]];
    for (e, &(_, to)) in ends
        .iter()
        .enumerate()
        .filter_map(|(e, x)| Some((e, x.as_ref()?)))
    {
        into[fill[to]] = e;
        fill[to] += 1;
    }
    // The partners holding each tenant, and those of each organization.
    let mut by_tenant: Map<&str, Vec<usize>> = Map::default();
    let mut by_org: Map<&str, Vec<usize>> = Map::default();
    for (i, node) in s.nodes.iter().enumerate() {
        if node.kind.is_partner() && first(i) {
            by_tenant.entry(node.tenant()).or_default().push(i);
            by_org.entry(node.org()).or_default().push(i);
        }
    }

    let mut node_in = vec![false; n];
    let mut edge_in = vec![false; s.edges.len()];
    let mut todo: Vec<usize> = Vec::new();
    let add_node = |i: usize, node_in: &mut Vec<bool>, todo: &mut Vec<usize>| {
        if !node_in[i] {
            node_in[i] = true;
            todo.push(i);
        }
    };
    add_node(centre, &mut node_in, &mut todo);
    for (e, x) in ends.iter().enumerate() {
        if let Some((a, b)) = *x {
            if a == centre || b == centre {
                edge_in[e] = true;
                add_node(a, &mut node_in, &mut todo);
                add_node(b, &mut node_in, &mut todo);
            }
        }
    }
    let (mut tenants_seen, mut orgs_seen): (Set<&str>, Set<&str>) = Default::default();
    while let Some(u) = todo.pop() {
        let node = &s.nodes[u];
        if tenants_seen.insert(node.tenant()) {
            for &p in by_tenant.get(node.tenant()).map_or(&[][..], Vec::as_slice) {
                add_node(p, &mut node_in, &mut todo);
            }
        }
        if orgs_seen.insert(node.org()) {
            for &p in by_org.get(node.org()).map_or(&[][..], Vec::as_slice) {
                add_node(p, &mut node_in, &mut todo);
            }
        }
        for &e in &into[start[u]..start[u + 1]] {
            let Some((from, _)) = ends[e] else { continue };
            let seller = s.nodes[from].kind;
            let wanted = if node.kind == NodeKind::Customer {
                // Every partner's sale or management counts for multipartner and multichannel.
                seller.is_partner()
            } else {
                // The supply chain: sales into it from anyone but a customer, up to Microsoft.
                s.edges[e].kind == EdgeKind::SellsTo && seller != NodeKind::Customer
            };
            if wanted && !edge_in[e] {
                edge_in[e] = true;
                add_node(from, &mut node_in, &mut todo);
            }
        }
    }

    Some(Scenario {
        version: s.version,
        title: s.title.clone(),
        titles: s.titles.clone(),
        as_of: s.as_of.clone(),
        nodes: s
            .nodes
            .iter()
            .zip(&node_in)
            .filter(|(_, &keep)| keep)
            .map(|(node, _)| node.clone())
            .collect(),
        edges: s
            .edges
            .iter()
            .zip(&edge_in)
            .filter(|(_, &keep)| keep)
            .map(|(edge, _)| edge.clone())
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, Node};

    fn scenario(nodes: &[(&str, NodeKind, &str)], edges: &[(&str, &str)]) -> Scenario {
        let mut s = Scenario::default();
        for &(id, kind, tenant) in nodes {
            let mut n = Node::new(id, kind);
            n.region = (kind != NodeKind::Microsoft).then(|| "europe".to_string());
            n.tenant = Some(tenant.to_string());
            s.nodes.push(n);
        }
        for (i, &(from, to)) in edges.iter().enumerate() {
            s.edges.push(Edge {
                id: format!("e{}", i + 1),
                from: from.into(),
                to: to.into(),
                kind: EdgeKind::SellsTo,
            });
        }
        s
    }

    fn ids(s: &Scenario) -> (Vec<&str>, Vec<&str>) {
        (
            s.nodes.iter().map(|n| n.id.as_str()).collect(),
            s.edges.iter().map(|e| e.id.as_str()).collect(),
        )
    }

    #[test]
    fn the_slice_keeps_the_supply_chain_and_the_partners_sharing_a_tenant() {
        use NodeKind::*;
        // Scenario 6 in a larger network: t (tenant "t") is p's reseller; w, p's other
        // reseller, sells to c, a customer in t's tenant; x and its customer y are elsewhere.
        let s = scenario(
            &[
                ("ms", Microsoft, "ms"),
                ("p", IndirectProvider, "p"),
                ("t", IndirectReseller, "t"),
                ("w", IndirectReseller, "w"),
                ("c", Customer, "t"),
                ("x", IndirectReseller, "x"),
                ("y", Customer, "y"),
            ],
            &[
                ("ms", "p"),
                ("p", "t"),
                ("p", "w"),
                ("w", "c"),
                ("p", "x"),
                ("x", "y"),
            ],
        );
        let sub = slice(&s, "c").map(|s| ids(&s).0.join(" ") + " / " + &ids(&s).1.join(" "));
        assert_eq!(
            sub.as_deref(),
            Some("ms p t w c / e1 e2 e3 e4"),
            "c's seller w and its chain, and t, which holds c's tenant, with its chain"
        );
        let sub = slice(&s, "y").map(|s| ids(&s).1.join(" "));
        assert_eq!(sub.as_deref(), Some("e1 e5 e6"));
        assert_eq!(slice(&s, "nobody"), None);
    }

    #[test]
    fn edges_to_missing_nodes_and_second_nodes_of_an_id_are_left_out() {
        use NodeKind::*;
        let mut s = scenario(
            &[
                ("ms", Microsoft, "ms"),
                ("d", DirectBillPartner, "d"),
                ("d", DirectBillPartner, "d2"),
            ],
            &[("ms", "d"), ("ms", "gone")],
        );
        s.nodes[2].tenant = Some("d".into());
        let sub = slice(&s, "d").map(|s| (s.nodes.len(), ids(&s).1.join(" ")));
        assert_eq!(sub, Some((2, "e1".to_string())));
    }
}
