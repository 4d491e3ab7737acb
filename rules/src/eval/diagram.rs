//! Findings about the diagram as a whole.

use super::{t, Cx};
use crate::catalogue::RuleId;
use crate::hash::{map_with_capacity, Map};
use crate::model::{EdgeKind, NodeKind};
use crate::report::{DiagramFinding, Verdict};

pub fn findings(cx: &Cx, verdicts: &[Verdict]) -> Vec<DiagramFinding> {
    let mut out = Vec::new();
    out.extend(one_microsoft(cx));
    out.extend(duplicate_edge(cx));
    out.extend(unserved_customer(cx, verdicts));
    out
}

fn finding(
    cx: &Cx,
    rule: RuleId,
    nodes: Vec<String>,
    edges: Vec<String>,
    message: String,
) -> DiagramFinding {
    DiagramFinding {
        rule,
        severity: rule.severity(),
        nodes,
        edges,
        message,
        cite: rule.cite().text(cx.lang),
        link: rule.link(cx.lang),
    }
}

fn one_microsoft(cx: &Cx) -> Option<DiagramFinding> {
    let ms: Vec<String> =
        cx.s.nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Microsoft)
            .map(|n| n.id.clone())
            .collect();
    if ms.len() < 2 {
        return None;
    }
    let n = ms.len();
    let message = t!(cx, "The diagram has {n} Microsoft nodes; there is one Microsoft, so draw it once and connect every sale from it.",
                         "此圖有 {n} 個 Microsoft 節點；Microsoft 只有一個，請只畫一次，並從它連出所有銷售關係。");
    Some(finding(
        cx,
        RuleId::DiagramOneMicrosoft,
        ms,
        Vec::new(),
        message,
    ))
}

fn duplicate_edge(cx: &Cx) -> Vec<DiagramFinding> {
    // First edge of each (from, to, kind), then the later ones of the groups that repeat.
    let mut first: Map<(usize, usize, EdgeKind), usize> = map_with_capacity(cx.s.edges.len());
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    for e in cx.edges() {
        let f = *first.entry((e.fi, e.ti, e.edge.kind)).or_insert(e.i);
        if f != e.i {
            repeats.push((f, e.i));
        }
    }
    // Groups in the order of their first edge; within a group, file order.
    repeats.sort_unstable();
    repeats
        .chunk_by(|a, b| a.0 == b.0)
        .map(|group| {
            let (fi, ti) = cx.ends[group[0].0];
            let (a, b) = (&cx.s.nodes[fi], &cx.s.nodes[ti]);
            let mut nodes = vec![a.id.clone()];
            if fi != ti {
                nodes.push(b.id.clone());
            }
            let ids: Vec<String> = std::iter::once(group[0].0)
                .chain(group.iter().map(|&(_, i)| i))
                .map(|i| cx.s.edges[i].id.clone())
                .collect();
            let list = ids.join(cx.lang.pick(", ", "、"));
            let (from, to, n) = (cx.q(a), cx.q(b), ids.len());
            let message = t!(cx, "The same relationship from {from} to {to} is drawn {n} times ({list}); one is enough.",
                                 "從{from}到{to}的相同關聯性畫了 {n} 次（{list}）；一次就夠了。");
            finding(cx, RuleId::DiagramDuplicateEdge, nodes, ids, message)
        })
        .collect()
}

fn unserved_customer(cx: &Cx, verdicts: &[Verdict]) -> Vec<DiagramFinding> {
    let mut served = vec![false; cx.s.nodes.len()];
    for e in cx.edges() {
        if e.sells() && verdicts[e.i] == Verdict::Allowed {
            served[e.ti] = true;
        }
    }
    cx.s.nodes
        .iter()
        .zip(served)
        .filter(|(n, served)| n.kind == NodeKind::Customer && !served)
        .map(|(n, _)| {
            let c = cx.q(n);
            let message = t!(
                cx,
                "The customer {c} buys from no one through an allowed relationship.",
                "客戶{c}沒有透過任何允許的關聯性向任何人購買。"
            );
            finding(
                cx,
                RuleId::DiagramUnservedCustomer,
                vec![n.id.clone()],
                Vec::new(),
                message,
            )
        })
        .collect()
}
