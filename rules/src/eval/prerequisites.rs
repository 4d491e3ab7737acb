//! Prerequisites (guide: "CSP program requirements: signing the MPA", and the direct bill
//! partner's requirements in "Types of partner relationships").

use super::{t, Cx, EdgeRef};
use crate::catalogue::RuleId;
use crate::fix::Fix;
use crate::model::{Flag, NodeKind::*};
use crate::names::flag_step;
use crate::report::Finding;
use crate::view::NodeView;

fn set_flag(n: &NodeView, flag: Flag) -> Fix {
    Fix::SetFlag {
        node: n.id.to_string(),
        flag: flag.into(),
    }
}

pub fn mpa_required(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || !cx.mpa_in_force() {
        return None;
    }
    let unsigned: Vec<&NodeView> = [e.from, e.to]
        .into_iter()
        .filter(|n| n.kind.is_partner() && !n.flag(Flag::MpaSigned))
        .collect();
    if unsigned.is_empty() {
        return None;
    }
    let as_of = cx.as_of;
    let who = unsigned
        .iter()
        .map(|n| cx.q(n))
        .collect::<Vec<_>>()
        .join(cx.lang.pick(" and ", "與"));
    let has = if unsigned.len() > 1 { "have" } else { "has" };
    let mut message = t!(cx, "{who} {has} not signed the Microsoft Partner Agreement (MPA), which every partner that transacts in CSP must sign from 2020-02-01 (this diagram is as of {as_of}).",
                             "{who}尚未簽署 Microsoft 合作夥伴合約（MPA）；從 2020 年 2 月 1 日起，所有在 CSP 計畫中交易的合作夥伴都必須簽署（此圖的日期為 {as_of}）。");
    if let Some(r) = unsigned.iter().find(|n| n.kind == IndirectReseller) {
        let r = cx.q(r);
        // Chinese sentences follow each other without a space.
        message.push_str(&t!(cx, " Until {r} signs, its indirect provider can't associate its MPN ID with a new CSP subscription, nor transact new business through it.",
                                 "在{r}簽署之前，間接提供者無法將其 MPN 識別碼關聯至新的 CSP 訂用帳戶，也無法透過它交易新業務。"));
    }
    let remedies = unsigned
        .iter()
        .map(|n| {
            let n = cx.q(n);
            t!(
                cx,
                "{n} signs the MPA (in Partner Center).",
                "{n}在合作夥伴中心簽署 MPA。"
            )
        })
        .collect();
    let fixes = unsigned
        .iter()
        .map(|n| set_flag(n, Flag::MpaSigned))
        .collect();
    Some(cx.finding(RuleId::MpaRequired, message, remedies, fixes))
}

pub fn reseller_ready(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    let reseller = if !e.sells() {
        return None;
    } else if e.is(IndirectProvider, IndirectReseller) {
        e.to
    } else if e.is(IndirectReseller, Customer) {
        e.from
    } else {
        return None;
    };
    let steps: &[Flag] = if cx.mpa_in_force() {
        &[Flag::Onboarded, Flag::Enrolled, Flag::MpaSigned]
    } else {
        &[Flag::Onboarded, Flag::Enrolled]
    };
    let missing: Vec<Flag> = steps
        .iter()
        .copied()
        .filter(|&f| !reseller.flag(f))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let r = cx.q(reseller);
    let list = missing
        .iter()
        .map(|&f| flag_step(f, cx.lang))
        .collect::<Vec<_>>()
        .join(cx.lang.pick("; ", "；"));
    let as_of = cx.as_of;
    // Before the MPA date only the first two steps are required, and the message says so.
    let message = if cx.mpa_in_force() {
        t!(cx, "The indirect reseller {r} can't transact new business yet. Before it can, it must be onboarded to Partner Center, enrolled as an indirect reseller and have signed the MPA. Still to do: {list}.",
               "間接轉銷商{r}尚無法交易新業務。在此之前，它必須加入合作夥伴中心、註冊為間接轉銷商，並簽署 MPA。尚待完成：{list}。")
    } else {
        t!(cx, "The indirect reseller {r} can't transact new business yet. Before it can, it must be onboarded to Partner Center and enrolled as an indirect reseller (the MPA is required only from 2020-02-01; this diagram is as of {as_of}). Still to do: {list}.",
               "間接轉銷商{r}尚無法交易新業務。在此之前，它必須加入合作夥伴中心並註冊為間接轉銷商（MPA 自 2020 年 2 月 1 日起才須簽署，此圖的日期為 {as_of}）。尚待完成：{list}。")
    };
    let remedies = missing
        .iter()
        .map(|f| match f {
            Flag::Onboarded => t!(
                cx,
                "Onboard {r} to Partner Center.",
                "讓{r}加入合作夥伴中心。"
            ),
            Flag::Enrolled => t!(
                cx,
                "Enroll {r} as an indirect reseller.",
                "將{r}註冊為間接轉銷商。"
            ),
            _ => t!(
                cx,
                "{r} signs the Microsoft Partner Agreement (MPA).",
                "{r}簽署 Microsoft 合作夥伴合約（MPA）。"
            ),
        })
        .collect();
    let fixes = missing.iter().map(|&f| set_flag(reseller, f)).collect();
    Some(cx.finding(RuleId::ResellerReady, message, remedies, fixes))
}

pub fn direct_requirements(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || !e.is(Microsoft, DirectBillPartner) || e.to.flag(Flag::RequirementsMet) {
        return None;
    }
    let d = cx.q(e.to);
    let message = t!(cx, "The direct bill partner {d} doesn't meet the program's requirements for the role: integrating with Microsoft through APIs, and providing billing, support and managed services to its customers on an ongoing basis.",
                         "直接帳單合作夥伴{d}不符合此角色的方案需求：使用 API 與 Microsoft 整合，並持續為客戶提供帳單、支援和受控服務。");
    let remedies = vec![
        t!(cx, "{d} builds the API integration with Microsoft.", "{d}建立與 Microsoft 的 API 整合。"),
        t!(cx, "{d} provides billing, support and managed services to its customers on an ongoing basis.",
               "{d}持續為客戶提供帳單、支援和受控服務。"),
        t!(cx, "Or {d} buys through an indirect provider as an indirect reseller instead.",
               "或者{d}改以間接轉銷商的身分，透過間接提供者購買。"),
    ];
    let fixes = vec![set_flag(e.to, Flag::RequirementsMet)];
    Some(cx.finding(RuleId::DirectRequirements, message, remedies, fixes))
}
