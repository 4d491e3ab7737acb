//! Findings about the diagram as a whole.

use super::{t, Cx};
use crate::catalogue::RuleId;
use crate::model::{EdgeKind, NodeKind};
use crate::report::{DiagramFinding, Verdict};

/// In the report's order; each written only when it is taken (there can be one per node).
pub fn findings<'c, 'a>(
    cx: &'c Cx<'a>,
    verdicts: &[Verdict],
) -> impl Iterator<Item = DiagramFinding> + use<'c, 'a> {
    one_microsoft(cx)
        .into_iter()
        .chain(duplicate_edge(cx))
        .chain(unserved_customer(cx, verdicts))
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
            .map(|n| n.id.to_string())
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

/// Each relationship drawn more than once, as (its first edge, a later edge) for every later
/// edge. Natively by sorting the edges by (from, to, kind): at 250,000 edges that needs a
/// quarter of the memory of a hash map, which was the CLI's peak.
#[cfg(not(target_arch = "wasm32"))]
fn repeats(cx: &Cx) -> Vec<(usize, usize)> {
    // Indices fit in 32 bits: the format's limits are far below.
    let mut keyed: Vec<((u32, u32, bool), u32)> = cx
        .edges()
        .map(|e| {
            let key = (e.fi as u32, e.ti as u32, e.edge.kind == EdgeKind::Manages);
            (key, e.i as u32)
        })
        .collect();
    keyed.sort_unstable();
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0) {
        let first = run[0].1 as usize;
        repeats.extend(run.iter().skip(1).map(|&(_, i)| (first, i as usize)));
    }
    repeats
}

/// As above; in the page by a hash map, whose code the page has anyway (a sort of its own
/// would add 1.7 kB of gzip to the wasm, for memory the page's diagrams don't need).
#[cfg(target_arch = "wasm32")]
fn repeats(cx: &Cx) -> Vec<(usize, usize)> {
    let mut first: crate::hash::Map<(usize, usize, EdgeKind), usize> =
        crate::hash::map_with_capacity(cx.s.edges.len());
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    for e in cx.edges() {
        let f = *first.entry((e.fi, e.ti, e.edge.kind)).or_insert(e.i);
        if f != e.i {
            repeats.push((f, e.i));
        }
    }
    repeats
}

fn duplicate_edge(cx: &Cx) -> Vec<DiagramFinding> {
    let mut repeats = repeats(cx);
    // Groups in the order of their first edge; within a group, file order.
    repeats.sort_unstable();
    repeats
        .chunk_by(|a, b| a.0 == b.0)
        .map(|group| {
            let (fi, ti) = cx.ends[group[0].0];
            let (a, b) = (&cx.s.nodes[fi], &cx.s.nodes[ti]);
            let mut nodes = vec![a.id.to_string()];
            if fi != ti {
                nodes.push(b.id.to_string());
            }
            let ids: Vec<String> = std::iter::once(group[0].0)
                .chain(group.iter().map(|&(_, i)| i))
                .map(|i| cx.s.edges[i].id.to_string())
                .collect();
            let list = ids.join(cx.lang.pick(", ", "、"));
            let (from, to, n) = (cx.q(a), cx.q(b), ids.len());
            let message = t!(cx, "The same relationship from {from} to {to} is drawn {n} times ({list}); one is enough.",
                                 "從{from}到{to}的相同關聯性畫了 {n} 次（{list}）；一次就夠了。");
            finding(cx, RuleId::DiagramDuplicateEdge, nodes, ids, message)
        })
        .collect()
}

fn unserved_customer<'c, 'a>(
    cx: &'c Cx<'a>,
    verdicts: &[Verdict],
) -> impl Iterator<Item = DiagramFinding> + use<'c, 'a> {
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
                vec![n.id.to_string()],
                Vec::new(),
                message,
            )
        })
}
