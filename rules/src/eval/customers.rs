//! Customers (guide: example scenarios 2–6): buying from several partners, being managed by
//! several, buying for a partner's own use, and the tenants and organizations that forbids.

use super::{t, Cx, EdgeRef};
use crate::catalogue::{RuleId, Severity};
use crate::fix::Fix;
use crate::model::{EdgeKind, NodeKind::*};
use crate::report::Finding;

pub fn multipartner_allowed(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || e.to.kind != Customer {
        return None;
    }
    let n = cx.sellers_into[e.ti];
    if n < 2 {
        return None;
    }
    let to = cx.q(e.to);
    let message = t!(cx, "{to} buys from {n} different partners: a customer may buy different services from different partners, as its business needs (multipartner).",
                         "{to}向 {n} 個不同的合作夥伴購買：終端客戶可以根據其商務需求，向不同的合作夥伴購買不同的服務（多合作夥伴）。");
    Some(cx.finding(RuleId::MultipartnerAllowed, message, Vec::new(), Vec::new()))
}

pub fn multichannel_allowed(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if e.edge.kind != EdgeKind::Manages || e.to.kind != Customer {
        return None;
    }
    let n = cx.partners_into[e.ti];
    if n < 2 {
        return None;
    }
    let to = cx.q(e.to);
    let message = t!(cx, "{to} engages {n} partners to sell, manage or support its subscriptions: a customer may engage several partners to manage them, also subscriptions it bought through another channel, which a diagram of CSP sales doesn't show (multichannel).",
                         "{to}委託了 {n} 個合作夥伴銷售、管理或支援其訂用帳戶：客戶可以委託多個合作夥伴管理訂用帳戶，包括透過其他通路購買、因而不會出現在 CSP 銷售圖中的訂用帳戶（多通路）。");
    Some(cx.finding(RuleId::MultichannelAllowed, message, Vec::new(), Vec::new()))
}

pub fn manages_partner_to_customer(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if e.edge.kind != EdgeKind::Manages || (e.from.kind.is_partner() && e.to.kind == Customer) {
        return None;
    }
    let (from, to) = (cx.q(e.from), cx.q(e.to));
    let (fk, tk) = (cx.kind(e.from), cx.kind(e.to));
    let message = t!(cx, "A manages relationship goes from a partner to a customer it manages or supports; this one goes from the {fk} {from} to the {tk} {to}.",
                         "管理關聯性是由合作夥伴指向其管理或支援的客戶；此關聯性卻是從{fk}{from}指向{tk}{to}。");
    let mut fixes = Vec::new();
    if e.fi != e.ti && e.from.kind == Customer && e.to.kind.is_partner() {
        fixes.push(Fix::Reverse {
            edge: e.edge.id.to_string(),
        });
    }
    let remedies = vec![t!(
        cx,
        "Draw it from the managing partner to the customer.",
        "請改為從負責管理的合作夥伴指向客戶。"
    )];
    Some(cx.finding(RuleId::ManagesPartnerToCustomer, message, remedies, fixes))
}

pub fn self_no_sale_to_self_or_affiliate(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells()
        || !e.from.kind.is_partner()
        || e.to.kind != Customer
        || e.from.org() != e.to.org()
    {
        return None;
    }
    let (from, to, org) = (cx.q(e.from), cx.q(e.to), e.to.org());
    let message = t!(cx, "{from} and the customer {to} are the same organization or affiliates (org “{org}”): by contract a CSP partner may not sell to itself or its affiliates as an end customer.",
                         "{from}與客戶{to}是同一個組織或關係企業（組織「{org}」）：根據合約，CSP 合作夥伴不得將自己或其關係企業當作終端客戶來銷售。");
    let remedies = vec![t!(cx, "For its own use, {to} buys from an indirect reseller or direct bill partner of another organization, into a separate customer-type tenant (example scenario 4).",
                               "若要自用，{to}應向其他組織的間接轉銷商或直接帳單合作夥伴購買，並布建到獨立的客戶類型租用戶（範例案例 4）。")];
    Some(cx.finding(
        RuleId::SelfNoSaleToSelfOrAffiliate,
        message,
        remedies,
        Vec::new(),
    ))
}

/// Scenario 4, blocking; or, where scenario 6 decides (an indirect reseller's tenant buying
/// through another indirect reseller), scenario 4's advice as information.
pub fn own_use_separate_tenant(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || e.to.kind != Customer {
        return None;
    }
    let owner = *cx.partner_tenants.get(e.to.tenant())?;
    let (to, tenant, partner) = (cx.q(e.to), e.to.tenant(), cx.q(&cx.s.nodes[owner]));
    let fresh = cx.fresh_tenant(e.to);
    let remedies = vec![t!(
        cx,
        "Provision the purchase into a separate customer-type tenant (for example “{fresh}”).",
        "將購買項目布建到獨立的客戶類型租用戶（例如「{fresh}」）。"
    )];
    let fixes = vec![Fix::SetTenant {
        node: e.to.id.to_string(),
        tenant: fresh,
    }];
    if cx.scenario_6_decides(e.from, tenant) {
        let message = t!(cx, "{to} is bought through another indirect reseller into “{tenant}”, the tenant of the indirect reseller {partner}, so example scenario 6 decides this purchase. Example scenario 4's advice still holds: what a partner buys for its own use belongs in a separate customer-type tenant, which is also scenario 6's option 1.",
                             "{to}透過另一個間接轉銷商購買，並布建到間接轉銷商{partner}的租用戶「{tenant}」，因此這筆購買由範例案例 6 判定。範例案例 4 的建議仍然適用：合作夥伴為自己使用而購買的服務，應布建到獨立的客戶類型租用戶，這也是範例案例 6 的選項 1。");
        let mut f = cx.finding(RuleId::OwnUseSeparateTenant, message, remedies, fixes);
        f.severity = Severity::Info;
        return Some(f);
    }
    let message = t!(cx, "{to} would be provisioned into the tenant “{tenant}”, the CSP tenant of the partner {partner}. Services a partner buys for its own use must go to a separate tenant designated as customer type, never to a partner's CSP tenant.",
                         "{to}會布建到租用戶「{tenant}」，也就是合作夥伴{partner}的 CSP 租用戶。合作夥伴為自己使用而購買的服務，必須布建到指定為客戶類型的獨立租用戶，不能布建到合作夥伴的 CSP 租用戶。");
    Some(cx.finding(RuleId::OwnUseSeparateTenant, message, remedies, fixes))
}

/// On an allowed sale: says that it is a partner's own-use purchase, done as the guide asks.
pub fn own_use_info(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || e.to.kind != Customer || !cx.partner_orgs.contains(e.to.org()) {
        return None;
    }
    let (to, org, tenant) = (cx.q(e.to), e.to.org(), e.to.tenant());
    let message = t!(cx, "{to} is a purchase for the own use of the partner organization “{org}”, provisioned into the separate customer-type tenant “{tenant}”, as the guide requires.",
                         "{to}是合作夥伴組織「{org}」為自己使用而購買的項目，並依指南要求布建到獨立的客戶類型租用戶「{tenant}」。");
    let mut f = cx.finding(
        RuleId::OwnUseSeparateTenant,
        message,
        Vec::new(),
        Vec::new(),
    );
    f.severity = Severity::Info;
    Some(f)
}

/// Scenario 6: a sale into the tenant of a reseller of P, through a chain that runs through P.
pub fn reseller_as_customer_same_provider(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || e.to.kind != Customer {
        return None;
    }
    let relationship = cx.relationship_via(e.fi, e.to.tenant())?;
    let (provider, reseller) = relationship;
    let (to, tenant) = (cx.q(e.to), e.to.tenant());
    let (p, r) = (cx.q(&cx.s.nodes[provider]), cx.q(&cx.s.nodes[reseller]));
    let fresh = cx.fresh_tenant(e.to);
    let message = t!(cx, "The tenant “{tenant}” of {to} already holds an indirect provider–indirect reseller relationship with {p} (as {r}), so it can't also become an end customer of {p}.",
                         "{to}的租用戶「{tenant}」已與{p}建立間接提供者-間接轉銷商關係（身為{r}），因此不能再成為{p}的終端客戶。");
    // Option 1 is a tenant of its own; options 2 and 3 change the reseller relationship.
    let mut fixes = vec![Fix::SetTenant {
        node: e.to.id.to_string(),
        tenant: fresh.clone(),
    }];
    let held = cx.relationship_edge(relationship);
    let other = held.and(cx.other_provider(e.fi, relationship));
    if let Some(edge) = held {
        fixes.push(Fix::RemoveEdge {
            edge: edge.id.to_string(),
        });
        if let Some(q) = other {
            fixes.push(Fix::SetFrom {
                edge: edge.id.to_string(),
                from: cx.s.nodes[q].id.to_string(),
            });
        }
    }
    let option_3 = match other {
        Some(q) => {
            let q = cx.q(&cx.s.nodes[q]);
            t!(cx, "Option 3: keep the customer relationship with {p}, and set up the indirect reseller relationship of {r} with a different indirect provider, for example {q}.",
                   "選項 3：與{p}保持客戶關係，並讓{r}改與另一個間接提供者（例如{q}）建立間接轉銷商關係。")
        }
        None => t!(cx, "Option 3: keep the customer relationship with {p}, and set up the indirect reseller relationship of {r} with a different indirect provider.",
                       "選項 3：與{p}保持客戶關係，並讓{r}改與另一個間接提供者建立間接轉銷商關係。"),
    };
    let remedies = vec![
        t!(cx, "Option 1: set up another Azure AD tenant as a separate customer environment (for example “{fresh}”) and buy into it.",
               "選項 1：設定另一個 Azure AD 租用戶作為獨立的客戶環境（例如「{fresh}」），並購買到該租用戶。"),
        t!(cx, "Option 2: end the relationship with {p} (contact Microsoft support to end it) and set up a new CSP relationship with another indirect provider; then {r} can buy its company's own subscriptions from a different CSP partner.",
               "選項 2：結束與{p}的關聯性（請聯絡 Microsoft 支援服務），並與另一個間接提供者建立新的 CSP 關聯性；之後{r}即可向不同的 CSP 合作夥伴購買公司自用的訂用帳戶。"),
        option_3,
    ];
    Some(cx.finding(
        RuleId::ResellerAsCustomerSameProvider,
        message,
        remedies,
        fixes,
    ))
}

/// Scenario 6, options 2 and 3: an indirect reseller's tenant buying through another indirect
/// reseller, down the chain of a provider it holds no reseller relationship with.
pub fn reseller_as_customer_other_provider(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || e.to.kind != Customer {
        return None;
    }
    let tenant = e.to.tenant();
    let &down = cx.providers_of[e.fi].first()?;
    if !cx.scenario_6_decides(e.from, tenant) || cx.relationship_via(e.fi, tenant).is_some() {
        return None;
    }
    // The reseller the tenant is: one with a relationship of its own if there is one.
    let own = cx.tenant_relationships.get(tenant).and_then(|r| r.first());
    let reseller = match own {
        Some(&(_, r)) => r,
        None => *cx.partner_tenants.get(tenant)?,
    };
    let (to, r, seller, p) = (
        cx.q(e.to),
        cx.q(&cx.s.nodes[reseller]),
        cx.q(e.from),
        cx.q(&cx.s.nodes[down]),
    );
    let mut message = t!(cx, "{to} is a purchase by “{tenant}”, the tenant of the indirect reseller {r}, as an end customer through {seller}, down the chain of {p}. The tenant holds no reseller relationship with {p}, so example scenario 6 allows it (options 2 and 3: one tenant may be a reseller of one indirect provider and a customer of another).",
                             "{to}是間接轉銷商{r}的租用戶「{tenant}」以終端客戶身分，透過{seller}沿著{p}的銷售鏈所做的購買。該租用戶與{p}沒有間接轉銷商關係，因此範例案例 6 允許這筆購買（選項 2 和選項 3：同一個租用戶可以是某個間接提供者的間接轉銷商，同時是另一個間接提供者的客戶）。");
    if let Some(&(q, _)) = own {
        let q = cx.q(&cx.s.nodes[q]);
        message.push_str(&t!(
            cx,
            " Its reseller relationship is with {q}.",
            "該租用戶的間接轉銷商關係是與{q}建立的。"
        ));
    }
    let fresh = cx.fresh_tenant(e.to);
    let remedies = vec![t!(cx, "A separate customer-type tenant (for example “{fresh}”) keeps the two roles apart (example scenario 4; scenario 6's option 1).",
                               "使用獨立的客戶類型租用戶（例如「{fresh}」）可以將兩種身分分開（範例案例 4；範例案例 6 的選項 1）。")];
    Some(cx.finding(
        RuleId::ResellerAsCustomerOtherProvider,
        message,
        remedies,
        Vec::new(),
    ))
}
