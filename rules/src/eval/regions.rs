//! Regions (guide: example scenarios 7 and 8). A CSP region is a market of one or more
//! countries; a customer's region is the market of its tenant's country; Microsoft has none.
//! Regions are compared as plain strings.

use super::{t, Cx, EdgeRef};
use crate::catalogue::RuleId;
use crate::fix::Fix;
use crate::model::NodeKind::*;
use crate::report::Finding;

pub fn customer_same_region(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells()
        || !e.from.kind.is_partner()
        || e.to.kind != Customer
        || e.from.region() == e.to.region()
    {
        return None;
    }
    let (from, to) = (cx.q(e.from), cx.q(e.to));
    let (fr, tr) = (cx.region(e.from), cx.region(e.to));
    let message = t!(cx, "{from} is a partner in {fr}, but the customer {to} is in {tr}: a CSP partner sells only to customers of its own region.",
                         "{from}是{fr}的合作夥伴，但客戶{to}位於{tr}：CSP 合作夥伴只能銷售給相同地區的客戶。");
    let remedies = vec![
        t!(
            cx,
            "Have a partner in {tr} sell to {to}.",
            "改由{tr}的合作夥伴銷售給{to}。"
        ),
        t!(
            cx,
            "Or, if {to}'s tenant is in fact in {fr}, set its region to {fr}.",
            "或者，若{to}的租用戶其實位於{fr}，將其地區設為{fr}。"
        ),
    ];
    let fixes = e.from.region().map(|r| Fix::SetRegion {
        node: e.to.id.to_string(),
        region: r.to_string(),
    });
    Some(cx.finding(
        RuleId::RegionCustomerSameRegion,
        message,
        remedies,
        fixes.into_iter().collect(),
    ))
}

pub fn partner_same_region(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells()
        || !e.from.kind.is_partner()
        || !e.to.kind.is_partner()
        || e.from.region() == e.to.region()
    {
        return None;
    }
    let (from, to) = (cx.q(e.from), cx.q(e.to));
    let (fr, tr) = (cx.region(e.from), cx.region(e.to));
    let message = t!(cx, "{from} is in {fr} and {to} is in {tr}: a partner builds relationships only with partners of its own region.",
                         "{from}位於{fr}，{to}位於{tr}：合作夥伴只能與相同地區的合作夥伴建立關聯性。");
    let remedies = vec![
        t!(
            cx,
            "Have {to} work with a partner of its own region, {tr}.",
            "讓{to}與其所在地區（{tr}）的合作夥伴合作。"
        ),
        t!(
            cx,
            "Or, if {to} in fact operates in {fr}, set its region to {fr}.",
            "或者，若{to}其實在{fr}營運，將其地區設為{fr}。"
        ),
    ];
    let fixes = e.from.region().map(|r| Fix::SetRegion {
        node: e.to.id.to_string(),
        region: r.to_string(),
    });
    Some(cx.finding(
        RuleId::RegionPartnerSameRegion,
        message,
        remedies,
        fixes.into_iter().collect(),
    ))
}
