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
    let message = t!(cx, "{to} buys from {n} different sellers: a customer may buy different services from different partners, as its business needs (multipartner).",
                         "{to}向 {n} 個不同的銷售者購買：終端客戶可以根據其商務需求，向不同的合作夥伴購買不同的服務（多合作夥伴）。");
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
    let message = t!(cx, "{to} engages {n} partners to sell, manage or support its subscriptions: a customer may engage several partners (multichannel).",
                         "{to}聯繫了 {n} 個合作夥伴來銷售、管理或支援其訂用帳戶：客戶可以聯繫多個合作夥伴（多通道）。");
    Some(cx.finding(RuleId::MultichannelAllowed, message, Vec::new(), Vec::new()))
}

pub fn manages_partner_to_customer(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if e.edge.kind != EdgeKind::Manages || (e.from.kind.is_partner() && e.to.kind == Customer) {
        return None;
    }
    let (from, to) = (cx.q(e.from), cx.q(e.to));
    let (fk, tk) = (cx.kind(e.from), cx.kind(e.to));
    let message = t!(cx, "A manages relationship goes from a partner to a customer it manages or supports; this one goes from the {fk} {from} to the {tk} {to}.",
                         "管理關聯性是由合作夥伴指向其管理或支援的客戶；此關聯性是從{fk}{from}指向{tk}{to}。");
    let mut fixes = Vec::new();
    if e.fi != e.ti && e.from.kind == Customer && e.to.kind.is_partner() {
        fixes.push(Fix::Reverse {
            edge: e.edge.id.to_string(),
        });
    }
    let remedies = vec![t!(
        cx,
        "Draw it from the managing partner to the customer.",
        "將其從負責管理的合作夥伴繪製到客戶。"
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
                         "{from}與客戶{to}是相同組織或分支機構（組織「{org}」）：根據合約，CSP 合作夥伴不得向自己或其分支機構（作為終端客戶）銷售。");
    let remedies = vec![t!(cx, "For its own use, {to} buys from an indirect reseller or direct bill partner of another organization, into a separate customer-type tenant (example scenario 4).",
                               "若為自己使用，{to}應向其他組織的間接轉銷商或直接帳單合作夥伴購買，並布建到另一個客戶類型的租用戶（範例案例4）。")];
    Some(cx.finding(
        RuleId::SelfNoSaleToSelfOrAffiliate,
        message,
        remedies,
        Vec::new(),
    ))
}

pub fn own_use_separate_tenant(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || e.to.kind != Customer {
        return None;
    }
    let owner = *cx.partner_tenants.get(e.to.tenant())?;
    let (to, tenant, partner) = (cx.q(e.to), e.to.tenant(), cx.q(&cx.s.nodes[owner]));
    let fresh = cx.fresh_tenant(e.to);
    let message = t!(cx, "{to} would be provisioned into the tenant “{tenant}”, the CSP tenant of the partner {partner}. Services a partner buys for its own use must go to a separate tenant designated as customer type, never to a partner's CSP tenant.",
                         "{to}會布建到租用戶「{tenant}」，也就是合作夥伴{partner}的 CSP 租用戶。合作夥伴為自己使用而購買的服務，必須布建到指定為客戶類型的另一個租用戶，不能布建到合作夥伴的 CSP 租用戶。");
    let remedies = vec![t!(
        cx,
        "Provision the purchase into a separate customer-type tenant (for example “{fresh}”).",
        "將購買項目布建到另一個客戶類型的租用戶（例如「{fresh}」）。"
    )];
    let fixes = vec![Fix::SetTenant {
        node: e.to.id.to_string(),
        tenant: fresh,
    }];
    Some(cx.finding(RuleId::OwnUseSeparateTenant, message, remedies, fixes))
}

/// On an allowed sale: says that it is a partner's own-use purchase, done as the guide asks.
pub fn own_use_info(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || e.to.kind != Customer || !cx.partner_orgs.contains(e.to.org()) {
        return None;
    }
    let (to, org, tenant) = (cx.q(e.to), e.to.org(), e.to.tenant());
    let message = t!(cx, "{to} is a purchase for the own use of the partner organization “{org}”, provisioned into the separate customer-type tenant “{tenant}”, as the guide requires.",
                         "{to}是合作夥伴組織「{org}」為自己使用而購買的項目，並依指南要求布建到另一個客戶類型的租用戶「{tenant}」。");
    let mut f = cx.finding(
        RuleId::OwnUseSeparateTenant,
        message,
        Vec::new(),
        Vec::new(),
    );
    f.severity = Severity::Info;
    Some(f)
}

pub fn reseller_as_customer_same_provider(cx: &Cx, e: &EdgeRef) -> Option<Finding> {
    if !e.sells() || e.to.kind != Customer {
        return None;
    }
    let (provider, reseller) = cx.relationship_via(e.fi, e.to.tenant())?;
    let (to, tenant) = (cx.q(e.to), e.to.tenant());
    let (p, r) = (cx.q(&cx.s.nodes[provider]), cx.q(&cx.s.nodes[reseller]));
    let fresh = cx.fresh_tenant(e.to);
    let message = t!(cx, "The tenant “{tenant}” of {to} already holds an indirect provider–indirect reseller relationship with {p} (as {r}), so it can't also become an end customer of {p}.",
                         "{to}的租用戶「{tenant}」已與{p}建立間接提供者-間接轉銷商關係（身為{r}），因此不能再成為{p}的終端客戶。");
    let remedies = vec![
        t!(cx, "Option 1: set up another Azure AD tenant as a separate customer environment (for example “{fresh}”) and buy into it.",
               "選項1：設定另一個 Azure AD 租用戶作為個別的客戶環境（例如「{fresh}」），並購買到該租用戶。"),
        t!(cx, "Option 2: end the relationship with {p} (contact Microsoft support to end it) and set up a new CSP relationship with another indirect provider; then {r} can buy its company's own subscriptions from a different CSP partner.",
               "選項2：結束與{p}的關聯性（請聯絡 Microsoft 支援服務），並與另一個間接提供者建立新的 CSP 關聯性；之後{r}即可向不同的 CSP 合作夥伴購買公司專屬的訂用帳戶。"),
        t!(cx, "Option 3: keep the customer relationship with {p}, and set up the indirect reseller relationship with a different indirect provider.",
               "選項3：與{p}保持客戶關係，並與另一個間接提供者建立間接轉銷商關係。"),
    ];
    let fixes = vec![Fix::SetTenant {
        node: e.to.id.to_string(),
        tenant: fresh,
    }];
    Some(cx.finding(
        RuleId::ResellerAsCustomerSameProvider,
        message,
        remedies,
        fixes,
    ))
}
