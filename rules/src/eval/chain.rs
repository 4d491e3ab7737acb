//! Supply chain rules (guide: "Types of partner relationships", example scenario 1):
//! Microsoft → direct bill partner → customer, and
//! Microsoft → indirect provider → indirect reseller → customer.

use super::{t, Cx, EdgeRef};
use crate::catalogue::RuleId;
use crate::fix::Fix;
use crate::model::NodeKind::{self, *};
use crate::report::Finding;

/// Whether `from` may sell to `to` at all.
fn valid_sale(from: NodeKind, to: NodeKind) -> bool {
    matches!(
        (from, to),
        (Microsoft, IndirectProvider | DirectBillPartner)
            | (IndirectProvider, IndirectReseller)
            | (IndirectReseller | DirectBillPartner, Customer)
    )
}

/// Offers to turn an edge round where that gives a sale the chain allows.
fn reverse_fix(e: &EdgeRef) -> Vec<Fix> {
    if e.fi != e.ti && valid_sale(e.to.kind, e.from.kind) {
        vec![Fix::Reverse {
            edge: e.edge.id.to_string(),
        }]
    } else {
        Vec::new()
    }
}

pub fn microsoft_sells_to_partners(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || e.from.kind != Microsoft {
        return None;
    }
    let to = cx.q(e.to);
    let (message, remedies) = match e.to.kind {
        IndirectReseller => (
            t!(cx, "Microsoft can't sell to the indirect reseller {to}: an indirect reseller has no direct billing relationship with Microsoft and must buy through an indirect provider.",
                   "Microsoft 無法銷售給間接轉銷商{to}：間接轉銷商與 Microsoft 沒有直接計費關係，必須透過間接提供者購買。"),
            vec![
                t!(cx, "Have an indirect provider sell to {to} (Microsoft → indirect provider → indirect reseller).",
                       "改由間接提供者銷售給{to}（Microsoft → 間接提供者 → 間接轉銷商）。"),
                t!(cx, "Or, if {to} can meet the program's requirements, enroll it as a direct bill partner.",
                       "或者，若{to}能符合方案需求，將其註冊為直接帳單合作夥伴。"),
            ],
        ),
        Customer => (
            t!(cx, "Microsoft doesn't sell CSP offers to the customer {to} directly: in CSP a customer buys from a direct bill partner or an indirect reseller.",
                   "Microsoft 不會直接向客戶{to}銷售 CSP 供應項目：在 CSP 中，客戶向直接帳單合作夥伴或間接轉銷商購買。"),
            vec![t!(cx, "Have a direct bill partner or an indirect reseller sell to {to}.",
                        "改由直接帳單合作夥伴或間接轉銷商銷售給{to}。")],
        ),
        _ => return None,
    };
    Some(cx.finding(
        RuleId::ChainMicrosoftSellsToPartners,
        message,
        remedies,
        Vec::new(),
    ))
}

pub fn provider_sells_to_resellers(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || e.from.kind != IndirectProvider || e.to.kind == IndirectReseller {
        return None;
    }
    let (from, to, kind) = (cx.q(e.from), cx.q(e.to), cx.kind(e.to));
    let (message, remedies) = if e.to.kind == Customer {
        (
            t!(cx, "The indirect provider {from} can't sell to the customer {to} directly: an indirect provider sells to indirect resellers, and they sell to customers.",
                   "間接提供者{from}無法直接銷售給客戶{to}：間接提供者銷售給間接轉銷商，再由間接轉銷商銷售給客戶。"),
            vec![
                t!(cx, "Sell through an indirect reseller: {from} → indirect reseller → {to}.",
                       "透過間接轉銷商銷售：{from} → 間接轉銷商 → {to}。"),
                t!(cx, "Or enroll as a direct bill partner to sell to customers directly.",
                       "或者註冊為直接帳單合作夥伴，直接銷售給客戶。"),
            ],
        )
    } else {
        (
            t!(cx, "The indirect provider {from} sells only to indirect resellers, and {to} is a {kind}.",
                   "間接提供者{from}只銷售給間接轉銷商，而{to}是{kind}。"),
            vec![t!(cx, "Connect {from} to an indirect reseller instead.", "改為將{from}連接到間接轉銷商。")],
        )
    };
    Some(cx.finding(
        RuleId::ChainProviderSellsToResellers,
        message,
        remedies,
        reverse_fix(e),
    ))
}

pub fn reseller_sells_to_customers(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || e.from.kind != IndirectReseller || e.to.kind == Customer {
        return None;
    }
    let (from, to, kind) = (cx.q(e.from), cx.q(e.to), cx.kind(e.to));
    let message = t!(
        cx,
        "The indirect reseller {from} sells only to end customers, and {to} is a {kind}.",
        "間接轉銷商{from}只銷售給終端客戶，而{to}是{kind}。"
    );
    let remedies = if e.to.kind == IndirectProvider {
        vec![t!(cx, "Turn the relationship round: the indirect provider {to} sells to the indirect reseller {from}.",
                    "將關聯性反轉：由間接提供者{to}銷售給間接轉銷商{from}。")]
    } else {
        vec![t!(
            cx,
            "Connect {from} to a customer instead.",
            "改為將{from}連接到客戶。"
        )]
    };
    Some(cx.finding(
        RuleId::ChainResellerSellsToCustomers,
        message,
        remedies,
        reverse_fix(e),
    ))
}

pub fn direct_sells_to_customers(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || e.from.kind != DirectBillPartner || e.to.kind == Customer {
        return None;
    }
    let (from, to, kind) = (cx.q(e.from), cx.q(e.to), cx.kind(e.to));
    let message = if e.to.kind == IndirectReseller {
        t!(cx, "The direct bill partner {from} can't supply the indirect reseller {to}: only indirect providers have indirect resellers.",
               "直接帳單合作夥伴{from}無法供應間接轉銷商{to}：只有間接提供者才有間接轉銷商。")
    } else {
        t!(
            cx,
            "The direct bill partner {from} sells only to end customers, and {to} is a {kind}.",
            "直接帳單合作夥伴{from}只銷售給終端客戶，而{to}是{kind}。"
        )
    };
    let remedies = vec![t!(
        cx,
        "Connect {from} to a customer, or have an indirect provider supply {to}.",
        "將{from}連接到客戶，或由間接提供者供應{to}。"
    )];
    Some(cx.finding(
        RuleId::ChainDirectSellsToCustomers,
        message,
        remedies,
        reverse_fix(e),
    ))
}

pub fn customers_do_not_sell(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || (e.from.kind != Customer && e.to.kind != Microsoft) {
        return None;
    }
    let (from, to) = (cx.q(e.from), cx.q(e.to));
    let message = if e.from.kind == Customer {
        t!(
            cx,
            "{from} is a customer: a customer buys, it doesn't sell.",
            "{from}是客戶：客戶只購買，不銷售。"
        )
    } else {
        t!(
            cx,
            "Nothing sells to Microsoft: {to} is where CSP offers come from.",
            "沒有人會銷售給 Microsoft：{to}是 CSP 供應項目的來源。"
        )
    };
    let remedies = vec![t!(
        cx,
        "Draw the sale in the direction the offer travels: from seller to buyer.",
        "依供應項目流向繪製銷售關係：從銷售者指向購買者。"
    )];
    Some(cx.finding(
        RuleId::ChainCustomersDoNotSell,
        message,
        remedies,
        reverse_fix(e),
    ))
}

pub fn no_self_loop(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if e.fi != e.ti {
        return None;
    }
    let from = cx.q(e.from);
    let message = t!(
        cx,
        "This relationship goes from {from} to itself.",
        "此關聯性從{from}指向自己。"
    );
    let remedies = vec![t!(
        cx,
        "Remove it, or connect {from} to another party.",
        "請移除此關聯性，或將{from}連接到其他對象。"
    )];
    let fixes = vec![Fix::RemoveEdge {
        edge: e.edge.id.to_string(),
    }];
    Some(cx.finding(RuleId::ChainNoSelfLoop, message, remedies, fixes))
}

/// Called only for a seller that nothing allowed supplies (see the tier pass in `eval`).
pub fn needs_upstream(cx: &Cx, e: &EdgeRef) -> Finding {
    let from = cx.q(e.from);
    let (message, remedy) = if e.from.kind == IndirectReseller {
        (
            t!(cx, "The indirect reseller {from} has nothing to sell: no indirect provider sells to it through an allowed relationship.",
                   "間接轉銷商{from}沒有可銷售的項目：沒有間接提供者透過允許的關聯性銷售給它。"),
            t!(cx, "Connect an indirect provider that sells to {from}, and make that relationship allowed.",
                   "連接一個銷售給{from}的間接提供者，並確保該關聯性是允許的。"),
        )
    } else {
        let kind = cx.kind(e.from);
        (
            t!(cx, "The {kind} {from} has nothing to sell: Microsoft doesn't sell to it through an allowed relationship.",
                   "{kind}{from}沒有可銷售的項目：Microsoft 沒有透過允許的關聯性銷售給它。"),
            t!(cx, "Connect Microsoft to {from} (Microsoft sells to it), and make that relationship allowed.",
                   "連接由 Microsoft 銷售給{from}的關聯性，並確保該關聯性是允許的。"),
        )
    };
    cx.finding(
        RuleId::ChainNeedsUpstream,
        message,
        vec![remedy],
        Vec::new(),
    )
}
