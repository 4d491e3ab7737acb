//! Every rule ID with a case it allows and a case it blocks (or, for `info` rules, a case
//! where it speaks and one where it stays silent), asserting verdicts and the rule IDs found.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use super::evaluate;
use crate::fix::Fix;
use crate::lang::Lang;
use crate::model::{Edge, EdgeKind, Flag, Node, NodeKind, NodeKind::*, Scenario};
use crate::report::{Report, Verdict};

/// A small scenario builder: nodes default to region `europe`; edges are numbered e1, e2…
#[derive(Clone)]
struct B(Scenario);

impl B {
    fn new() -> B {
        B(Scenario::default())
    }

    /// Microsoft → provider p → reseller r → customer c (e1, e2, e3).
    fn two_tier() -> B {
        B::new()
            .node("ms", Microsoft)
            .node("p", IndirectProvider)
            .node("r", IndirectReseller)
            .node("c", Customer)
            .sells("ms", "p")
            .sells("p", "r")
            .sells("r", "c")
    }

    /// Microsoft → direct bill partner d → customer c (e1, e2).
    fn direct() -> B {
        B::new()
            .node("ms", Microsoft)
            .node("d", DirectBillPartner)
            .node("c", Customer)
            .sells("ms", "d")
            .sells("d", "c")
    }

    fn node(mut self, id: &str, kind: NodeKind) -> B {
        let mut n = Node::new(id, kind);
        if kind != Microsoft {
            n.region = Some("europe".into());
        }
        self.0.nodes.push(n);
        self
    }

    fn with(mut self, id: &str, f: impl FnOnce(&mut Node)) -> B {
        if let Some(n) = self.0.nodes.iter_mut().find(|n| n.id == id) {
            f(n);
        }
        self
    }

    fn edge(mut self, from: &str, to: &str, kind: EdgeKind) -> B {
        let id = format!("e{}", self.0.edges.len() + 1);
        self.0.edges.push(Edge {
            id,
            from: from.into(),
            to: to.into(),
            kind,
        });
        self
    }

    fn sells(self, from: &str, to: &str) -> B {
        self.edge(from, to, EdgeKind::SellsTo)
    }

    fn manages(self, from: &str, to: &str) -> B {
        self.edge(from, to, EdgeKind::Manages)
    }

    fn dated(mut self, date: &str) -> B {
        self.0.as_of = Some(date.into());
        self
    }

    fn eval(&self) -> Report {
        match evaluate(&self.0, Lang::En) {
            Ok(r) => r,
            Err(e) => panic!("test scenario is invalid: {e}"),
        }
    }
}

fn edge<'a>(r: &'a Report, id: &str) -> &'a crate::report::EdgeReport {
    match r.edges.iter().find(|e| e.id == id) {
        Some(e) => e,
        None => panic!("no edge {id}"),
    }
}

/// (verdict, rule IDs found) of one edge.
fn judge(r: &Report, id: &str) -> (&'static str, Vec<&'static str>) {
    let e = edge(r, id);
    (
        e.verdict.as_str(),
        e.findings.iter().map(|f| f.rule.as_str()).collect(),
    )
}

fn all_allowed(r: &Report) {
    for e in &r.edges {
        assert_eq!(e.verdict, Verdict::Allowed, "{} {:?}", e.id, e.findings);
    }
}

fn diagram_rules(r: &Report) -> Vec<(&'static str, Vec<String>)> {
    r.diagram
        .iter()
        .map(|d| (d.rule.as_str(), d.nodes.clone()))
        .collect()
}

const BLOCKED: &str = "blocked";
const ALLOWED: &str = "allowed";

#[test]
fn both_chains_of_scenario_1_are_allowed() {
    let r = B::two_tier().eval();
    all_allowed(&r);
    assert!(r.edges.iter().all(|e| e.findings.is_empty()));
    assert!(r.diagram.is_empty());
    all_allowed(&B::direct().eval());
}

#[test]
fn chain_microsoft_sells_to_partners() {
    let r = B::two_tier()
        .node("d", DirectBillPartner)
        .sells("ms", "d")
        .eval();
    assert_eq!(judge(&r, "e1"), (ALLOWED, vec![]));
    assert_eq!(judge(&r, "e4"), (ALLOWED, vec![]));
    let r = B::two_tier().sells("ms", "r").sells("ms", "c").eval();
    assert_eq!(
        judge(&r, "e4"),
        (BLOCKED, vec!["CHAIN.MICROSOFT_SELLS_TO_PARTNERS"])
    );
    assert_eq!(
        judge(&r, "e5"),
        (BLOCKED, vec!["CHAIN.MICROSOFT_SELLS_TO_PARTNERS"])
    );
    assert!(edge(&r, "e4").findings[0]
        .message
        .contains("must buy through an indirect provider"));
}

#[test]
fn chain_provider_sells_to_resellers() {
    assert_eq!(judge(&B::two_tier().eval(), "e2"), (ALLOWED, vec![]));
    let r = B::two_tier().node("c2", Customer).sells("p", "c2").eval();
    assert_eq!(
        judge(&r, "e4"),
        (BLOCKED, vec!["CHAIN.PROVIDER_SELLS_TO_RESELLERS"])
    );
    let f = &edge(&r, "e4").findings[0];
    assert!(
        f.remedies.iter().any(|m| m.contains("direct bill partner")),
        "{:?}",
        f.remedies
    );
    let r = B::two_tier()
        .node("p2", IndirectProvider)
        .sells("p", "p2")
        .eval();
    assert_eq!(
        judge(&r, "e4"),
        (BLOCKED, vec!["CHAIN.PROVIDER_SELLS_TO_RESELLERS"])
    );
}

#[test]
fn chain_reseller_sells_to_customers() {
    assert_eq!(judge(&B::two_tier().eval(), "e3"), (ALLOWED, vec![]));
    let r = B::two_tier()
        .node("r2", IndirectReseller)
        .sells("r", "r2")
        .eval();
    assert_eq!(
        judge(&r, "e4"),
        (BLOCKED, vec!["CHAIN.RESELLER_SELLS_TO_CUSTOMERS"])
    );
    // Drawn backwards: the engine offers to turn it round.
    let r = B::two_tier().sells("r", "p").eval();
    assert_eq!(
        edge(&r, "e4").findings[0].fixes,
        vec![Fix::Reverse { edge: "e4".into() }]
    );
}

#[test]
fn chain_direct_sells_to_customers() {
    assert_eq!(judge(&B::direct().eval(), "e2"), (ALLOWED, vec![]));
    let r = B::direct()
        .node("r", IndirectReseller)
        .sells("d", "r")
        .eval();
    assert_eq!(
        judge(&r, "e3"),
        (BLOCKED, vec!["CHAIN.DIRECT_SELLS_TO_CUSTOMERS"])
    );
    assert!(edge(&r, "e3").findings[0]
        .message
        .contains("only indirect providers have indirect resellers"));
}

#[test]
fn chain_customers_do_not_sell() {
    let r = B::two_tier()
        .node("c2", Customer)
        .sells("c", "c2")
        .sells("p", "ms")
        .eval();
    assert_eq!(judge(&r, "e3"), (ALLOWED, vec![]));
    assert_eq!(
        judge(&r, "e4"),
        (BLOCKED, vec!["CHAIN.CUSTOMERS_DO_NOT_SELL"])
    );
    assert_eq!(
        judge(&r, "e5"),
        (
            BLOCKED,
            vec![
                "CHAIN.PROVIDER_SELLS_TO_RESELLERS",
                "CHAIN.CUSTOMERS_DO_NOT_SELL"
            ]
        )
    );
}

#[test]
fn chain_needs_upstream() {
    all_allowed(&B::two_tier().eval());
    // A reseller nobody supplies.
    let r = B::new()
        .node("r", IndirectReseller)
        .node("c", Customer)
        .sells("r", "c")
        .eval();
    assert_eq!(judge(&r, "e1"), (BLOCKED, vec!["CHAIN.NEEDS_UPSTREAM"]));
    // A direct bill partner Microsoft may not supply passes the block down.
    let r = B::direct()
        .with("d", |n| n.requirements_met = Some(false))
        .eval();
    assert_eq!(judge(&r, "e1"), (BLOCKED, vec!["DIRECT.REQUIREMENTS"]));
    assert_eq!(judge(&r, "e2"), (BLOCKED, vec!["CHAIN.NEEDS_UPSTREAM"]));
    // Two tiers down: a blocked provider relationship leaves the reseller with nothing.
    let r = B::two_tier()
        .with("p", |n| n.region = Some("japan".into()))
        .eval();
    assert_eq!(judge(&r, "e1"), (ALLOWED, vec![]));
    assert_eq!(
        judge(&r, "e2"),
        (BLOCKED, vec!["REGION.PARTNER_SAME_REGION"])
    );
    assert_eq!(judge(&r, "e3"), (BLOCKED, vec!["CHAIN.NEEDS_UPSTREAM"]));
    // A second, allowed provider is enough.
    let r = B::two_tier()
        .with("p", |n| n.region = Some("japan".into()))
        .node("p2", IndirectProvider)
        .sells("ms", "p2")
        .sells("p2", "r")
        .eval();
    assert_eq!(judge(&r, "e3"), (ALLOWED, vec![]));
}

#[test]
fn chain_no_self_loop() {
    let r = B::two_tier().sells("p", "p").manages("c", "c").eval();
    let (v, rules) = judge(&r, "e4");
    assert_eq!(v, BLOCKED);
    assert!(rules.contains(&"CHAIN.NO_SELF_LOOP"));
    assert_eq!(judge(&r, "e5").0, BLOCKED);
    assert!(judge(&r, "e5").1.contains(&"CHAIN.NO_SELF_LOOP"));
    assert_eq!(
        edge(&r, "e4")
            .findings
            .iter()
            .find(|f| f.rule.as_str() == "CHAIN.NO_SELF_LOOP")
            .map(|f| f.fixes.clone()),
        Some(vec![Fix::RemoveEdge { edge: "e4".into() }])
    );
    assert_eq!(judge(&r, "e2"), (ALLOWED, vec![]));
}

#[test]
fn mpa_required() {
    // Before 2020-02-01 an unsigned reseller may still transact.
    all_allowed(
        &B::two_tier()
            .with("r", |n| n.mpa_signed = Some(false))
            .dated("2020-01-31")
            .eval(),
    );
    all_allowed(
        &B::two_tier()
            .with("r", |n| n.mpa_signed = Some(true))
            .eval(),
    );
    let r = B::two_tier()
        .with("r", |n| n.mpa_signed = Some(false))
        .eval();
    assert_eq!(
        judge(&r, "e2"),
        (BLOCKED, vec!["MPA.REQUIRED", "RESELLER.READY"])
    );
    assert_eq!(
        judge(&r, "e3"),
        (
            BLOCKED,
            vec!["CHAIN.NEEDS_UPSTREAM", "MPA.REQUIRED", "RESELLER.READY"]
        )
    );
    let m = &edge(&r, "e2").findings[0].message;
    assert!(
        m.contains("can't associate its MPN ID with a new CSP subscription"),
        "{m}"
    );
    // The provider as buyer and as seller.
    let r = B::two_tier()
        .with("p", |n| n.mpa_signed = Some(false))
        .dated("2020-02-01")
        .eval();
    assert_eq!(judge(&r, "e1"), (BLOCKED, vec!["MPA.REQUIRED"]));
    assert_eq!(
        judge(&r, "e2"),
        (BLOCKED, vec!["CHAIN.NEEDS_UPSTREAM", "MPA.REQUIRED"])
    );
    // The direct bill partner.
    let r = B::direct().with("d", |n| n.mpa_signed = Some(false)).eval();
    assert_eq!(judge(&r, "e1"), (BLOCKED, vec!["MPA.REQUIRED"]));
    assert_eq!(edge(&r, "e1").findings[0].fixes.len(), 1);
}

#[test]
fn reseller_ready() {
    for flag in [Flag::Onboarded, Flag::Enrolled] {
        let r = B::two_tier()
            .with("r", |n| n.set_flag(flag, Some(false)))
            .eval();
        assert_eq!(judge(&r, "e2"), (BLOCKED, vec!["RESELLER.READY"]));
        assert_eq!(
            judge(&r, "e3"),
            (BLOCKED, vec!["CHAIN.NEEDS_UPSTREAM", "RESELLER.READY"])
        );
        let f = &edge(&r, "e2").findings[0];
        assert_eq!(f.remedies.len(), 1);
        assert!(
            f.message.contains(crate::names::flag_name(flag, Lang::En)),
            "{}",
            f.message
        );
    }
    // Before the MPA date only the first two steps count.
    let r = B::two_tier()
        .with("r", |n| {
            n.mpa_signed = Some(false);
            n.onboarded = Some(false);
        })
        .dated("2019-12-31")
        .eval();
    assert_eq!(judge(&r, "e2"), (BLOCKED, vec!["RESELLER.READY"]));
    assert_eq!(edge(&r, "e2").findings[0].fixes.len(), 1);
    // …and its message doesn't say the MPA is required yet, in either language.
    for lang in Lang::ALL {
        let before = evaluate(
            &B::two_tier()
                .with("r", |n| n.onboarded = Some(false))
                .dated("2019-12-31")
                .0,
            lang,
        )
        .unwrap();
        let m = &edge(&before, "e2").findings[0].message;
        assert!(
            !m.contains("have signed the MPA") && !m.contains("並簽署 MPA"),
            "{m}"
        );
        assert!(
            m.contains("2020-02-01") || m.contains("2020 年 2 月 1 日"),
            "{m}"
        );
        let after = evaluate(
            &B::two_tier().with("r", |n| n.onboarded = Some(false)).0,
            lang,
        )
        .unwrap();
        let m = &edge(&after, "e2").findings[0].message;
        assert!(
            m.contains("have signed the MPA") || m.contains("並簽署 MPA"),
            "{m}"
        );
        assert!(!m.contains("已加入"), "{m}");
    }
    all_allowed(&B::two_tier().with("r", |n| n.onboarded = Some(true)).eval());
}

#[test]
fn direct_requirements() {
    all_allowed(
        &B::direct()
            .with("d", |n| n.requirements_met = Some(true))
            .eval(),
    );
    let r = B::direct()
        .with("d", |n| n.requirements_met = Some(false))
        .eval();
    assert_eq!(judge(&r, "e1"), (BLOCKED, vec!["DIRECT.REQUIREMENTS"]));
    assert!(edge(&r, "e1").findings[0].message.contains("APIs"));
}

#[test]
fn multipartner_allowed() {
    assert_eq!(judge(&B::direct().eval(), "e2"), (ALLOWED, vec![]));
    let both = B::two_tier()
        .node("d", DirectBillPartner)
        .sells("ms", "d")
        .sells("d", "c");
    let r = both.eval();
    assert_eq!(judge(&r, "e3"), (ALLOWED, vec!["MULTIPARTNER.ALLOWED"]));
    assert_eq!(judge(&r, "e5"), (ALLOWED, vec!["MULTIPARTNER.ALLOWED"]));
    // Information never allows what a rule blocks.
    let r = both.with("d", |n| n.region = Some("japan".into())).eval();
    assert_eq!(
        judge(&r, "e5"),
        (
            BLOCKED,
            vec!["MULTIPARTNER.ALLOWED", "REGION.CUSTOMER_SAME_REGION"]
        )
    );
}

#[test]
fn multichannel_allowed() {
    let one = B::new()
        .node("d", DirectBillPartner)
        .node("c", Customer)
        .manages("d", "c")
        .eval();
    assert_eq!(judge(&one, "e1"), (ALLOWED, vec![]));
    let r = B::direct()
        .node("d2", DirectBillPartner)
        .manages("d2", "c")
        .eval();
    assert_eq!(judge(&r, "e3"), (ALLOWED, vec!["MULTICHANNEL.ALLOWED"]));
    assert!(edge(&r, "e3").findings[0].message.contains("2 partners"));
    assert_eq!(judge(&r, "e2"), (ALLOWED, vec![]));
}

#[test]
fn manages_partner_to_customer() {
    let r = B::direct()
        .manages("d", "c")
        .manages("c", "d")
        .manages("ms", "c")
        .eval();
    assert_eq!(judge(&r, "e3"), (ALLOWED, vec![]));
    assert_eq!(
        judge(&r, "e4"),
        (BLOCKED, vec!["MANAGES.PARTNER_TO_CUSTOMER"])
    );
    assert_eq!(
        edge(&r, "e4").findings[0].fixes,
        vec![Fix::Reverse { edge: "e4".into() }]
    );
    assert_eq!(
        judge(&r, "e5"),
        (BLOCKED, vec!["MANAGES.PARTNER_TO_CUSTOMER"])
    );
}

#[test]
fn self_no_sale_to_self_or_affiliate() {
    let affiliates = |org: &str| {
        let org = org.to_string();
        B::direct()
            .with("d", |n| n.org = Some("adatum".into()))
            .with("c", move |n| n.org = Some(org))
    };
    assert_eq!(
        judge(&affiliates("fabrikam").eval(), "e2"),
        (ALLOWED, vec![])
    );
    let r = affiliates("adatum").eval();
    assert_eq!(
        judge(&r, "e2"),
        (BLOCKED, vec!["SELF.NO_SALE_TO_SELF_OR_AFFILIATE"])
    );
    assert!(r
        .diagram
        .iter()
        .any(|d| d.rule.as_str() == "DIAGRAM.UNSERVED_CUSTOMER"));
}

#[test]
fn own_use_separate_tenant() {
    // Litware (reseller r, tenant litware-csp) buys for its own use from d.
    let own_use = |tenant: &str| {
        let tenant = tenant.to_string();
        B::two_tier()
            .with("r", |n| {
                n.org = Some("litware".into());
                n.tenant = Some("litware-csp".into());
            })
            .node("d", DirectBillPartner)
            .node("own", Customer)
            .with("own", move |n| {
                n.org = Some("litware".into());
                n.tenant = Some(tenant);
            })
            .sells("ms", "d")
            .sells("d", "own")
    };
    let r = own_use("litware-internal").eval();
    assert_eq!(judge(&r, "e5"), (ALLOWED, vec!["OWN_USE.SEPARATE_TENANT"]));
    assert_eq!(edge(&r, "e5").findings[0].severity, crate::Severity::Info);
    let blocked = own_use("litware-csp");
    let r = blocked.eval();
    assert_eq!(judge(&r, "e5"), (BLOCKED, vec!["OWN_USE.SEPARATE_TENANT"]));
    // The one-click fix gives it a fresh tenant, and the purchase is then allowed.
    let mut fixed = blocked.0.clone();
    for fix in &edge(&r, "e5").findings[0].fixes {
        assert!(fix.apply(&mut fixed));
    }
    let r = B(fixed).eval();
    assert_eq!(judge(&r, "e5"), (ALLOWED, vec!["OWN_USE.SEPARATE_TENANT"]));
}

/// Scenario 6's network: Microsoft → p → r → c, and Tailspin (t, org "tailspin", tenant
/// "tailspin-csp") is p's reseller (e4); `buy` is a customer of Tailspin's organization.
fn scenario_6() -> B {
    B::two_tier()
        .node("t", IndirectReseller)
        .with("t", |n| {
            n.org = Some("tailspin".into());
            n.tenant = Some("tailspin-csp".into());
        })
        .sells("p", "t")
        .node("buy", Customer)
        .with("buy", |n| {
            n.org = Some("tailspin".into());
            n.tenant = Some("tailspin-csp".into());
        })
}

fn severities(r: &Report, id: &str) -> Vec<(&'static str, crate::Severity)> {
    edge(r, id)
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.severity))
        .collect()
}

#[test]
fn own_use_separate_tenant_where_scenario_6_decides() {
    use crate::Severity::{Block, Info};
    // An indirect reseller's tenant buying through another indirect reseller: scenario 6
    // decides, and scenario 4 is advice (info), here beside a block by scenario 6.
    let r = scenario_6().sells("r", "buy").eval();
    assert_eq!(
        severities(&r, "e5"),
        [
            ("OWN_USE.SEPARATE_TENANT", Info),
            ("RESELLER_AS_CUSTOMER.SAME_PROVIDER", Block)
        ]
    );
    assert!(edge(&r, "e5").findings[0]
        .message
        .contains("example scenario 6 decides"));
    // Bought from a direct bill partner: scenario 4 decides, and blocks.
    let from_direct = scenario_6()
        .node("d", DirectBillPartner)
        .sells("ms", "d")
        .sells("d", "buy")
        .eval();
    assert_eq!(
        judge(&from_direct, "e6"),
        (BLOCKED, vec!["OWN_USE.SEPARATE_TENANT"])
    );
    // Into a tenant a direct bill partner (or a provider) also holds: scenario 4 again,
    // whatever scenario 6 says (down another provider's chain, it says nothing).
    for kind in [DirectBillPartner, IndirectProvider] {
        let shared = scenario_6()
            .with("t", |n| n.tenant = None)
            .node("x", kind)
            .with("x", |n| n.tenant = Some("tailspin-csp".into()))
            .sells("r", "buy")
            .eval();
        assert_eq!(
            severities(&shared, "e5"),
            [("OWN_USE.SEPARATE_TENANT", Block)],
            "{kind:?}"
        );
    }
    // Straight from an indirect provider: the seller is no reseller, so scenario 4 blocks.
    let direct = scenario_6().sells("p", "buy").eval();
    assert_eq!(
        severities(&direct, "e5"),
        [
            ("CHAIN.PROVIDER_SELLS_TO_RESELLERS", Block),
            ("OWN_USE.SEPARATE_TENANT", Block),
            ("RESELLER_AS_CUSTOMER.SAME_PROVIDER", Block)
        ]
    );
}

#[test]
fn reseller_as_customer_same_provider() {
    // Tailspin's tenant buys through r, p's other reseller: blocked by scenario 6.
    let blocked = scenario_6()
        .node("p2", IndirectProvider)
        .sells("ms", "p2")
        .sells("r", "buy");
    let r = blocked.eval();
    assert_eq!(
        judge(&r, "e6"),
        (
            BLOCKED,
            vec![
                "OWN_USE.SEPARATE_TENANT",
                "RESELLER_AS_CUSTOMER.SAME_PROVIDER"
            ]
        )
    );
    let f = &edge(&r, "e6").findings[1];
    assert_eq!(f.remedies.len(), 3);
    assert!(
        f.remedies[0].starts_with("Option 1")
            && f.remedies[1].starts_with("Option 2")
            && f.remedies[2].starts_with("Option 3")
    );
    // Option 2 keeps the guide's point: the reseller then buys from a different CSP partner.
    assert!(
        f.remedies[1].contains("from a different CSP partner"),
        "{}",
        f.remedies[1]
    );
    assert!(f.remedies[2].contains("“p2”"), "{}", f.remedies[2]);
    // The three options as one-click fixes: a tenant of its own, the end of the relationship
    // p → t (e4), and that relationship moved to p2; each makes the purchase allowed.
    assert_eq!(
        f.fixes,
        vec![
            Fix::SetTenant {
                node: "buy".into(),
                tenant: "tailspin-customer".into()
            },
            Fix::RemoveEdge { edge: "e4".into() },
            Fix::SetFrom {
                edge: "e4".into(),
                from: "p2".into()
            },
        ]
    );
    let after = |fix: &Fix| {
        let mut s = blocked.0.clone();
        assert!(fix.apply(&mut s));
        B(s).eval()
    };
    assert_eq!(
        judge(&after(&f.fixes[0]), "e6"),
        (ALLOWED, vec!["OWN_USE.SEPARATE_TENANT"])
    );
    let option_2 = after(&f.fixes[1]);
    assert_eq!(
        judge(&option_2, "e6"),
        (
            ALLOWED,
            vec![
                "OWN_USE.SEPARATE_TENANT",
                "RESELLER_AS_CUSTOMER.OTHER_PROVIDER"
            ]
        )
    );
    let option_3 = after(&f.fixes[2]);
    assert_eq!(
        judge(&option_3, "e6"),
        (
            ALLOWED,
            vec![
                "OWN_USE.SEPARATE_TENANT",
                "RESELLER_AS_CUSTOMER.OTHER_PROVIDER"
            ]
        )
    );
    assert_eq!(judge(&option_3, "e4"), (ALLOWED, vec![]), "p2 → t");
    // No provider to move to (only p in the region): no fix for option 3.
    let r = scenario_6().sells("r", "buy").eval();
    let f = &edge(&r, "e5").findings[1];
    assert_eq!(f.fixes.len(), 2);
    assert!(!f.remedies[2].contains("for example"));
    // Through a provider of the reseller's own, even with another relationship elsewhere.
    let both = scenario_6()
        .node("p2", IndirectProvider)
        .sells("ms", "p2")
        .sells("p2", "t")
        .sells("r", "buy")
        .eval();
    assert_eq!(
        judge(&both, "e7"),
        (
            BLOCKED,
            vec![
                "OWN_USE.SEPARATE_TENANT",
                "RESELLER_AS_CUSTOMER.SAME_PROVIDER"
            ]
        )
    );
    // A relationship blocked for a missing MPA still exists in Partner Center.
    let unsigned = scenario_6()
        .with("t", |n| n.mpa_signed = Some(false))
        .sells("r", "buy")
        .eval();
    assert_eq!(judge(&unsigned, "e4").0, BLOCKED);
    assert_eq!(judge(&unsigned, "e5").0, BLOCKED);
    // Allowed: into another tenant (option 1), as the preset shows beside.
    let own = scenario_6()
        .with("buy", |n| n.tenant = Some("tailspin-internal".into()))
        .sells("r", "buy")
        .eval();
    assert_eq!(
        judge(&own, "e5"),
        (ALLOWED, vec!["OWN_USE.SEPARATE_TENANT"])
    );
}

#[test]
fn reseller_as_customer_other_provider() {
    // Option 3: Tailspin's reseller relationship is with p2; it buys through r, down p's chain.
    let r = B::two_tier()
        .node("p2", IndirectProvider)
        .sells("ms", "p2")
        .node("t", IndirectReseller)
        .with("t", |n| n.tenant = Some("tailspin-csp".into()))
        .sells("p2", "t")
        .node("buy", Customer)
        .with("buy", |n| n.tenant = Some("tailspin-csp".into()))
        .sells("r", "buy")
        .eval();
    assert_eq!(
        judge(&r, "e6"),
        (
            ALLOWED,
            vec![
                "OWN_USE.SEPARATE_TENANT",
                "RESELLER_AS_CUSTOMER.OTHER_PROVIDER"
            ]
        )
    );
    let f = &edge(&r, "e6").findings[1];
    assert_eq!(f.severity, crate::Severity::Info);
    assert!(f.message.contains("down the chain of “p”"), "{}", f.message);
    assert!(
        f.message.contains("Its reseller relationship is with “p2”"),
        "{}",
        f.message
    );
    assert!(f.remedies[0].contains("separate customer-type tenant"));
    // Option 2: the relationship with p has ended, and none has been set up yet.
    let r = scenario_6().sells("r", "buy").eval();
    let mut ended = scenario_6().sells("r", "buy").0;
    ended.edges.retain(|e| e.id != "e4");
    let ended = B(ended).eval();
    assert_eq!(
        judge(&ended, "e5"),
        (
            ALLOWED,
            vec![
                "OWN_USE.SEPARATE_TENANT",
                "RESELLER_AS_CUSTOMER.OTHER_PROVIDER"
            ]
        )
    );
    // Silent where the same provider blocks, into a tenant no partner holds, and for a seller
    // with no provider (nothing to sell); a direct bill partner's sale stays under scenario 4
    // (see own_use_separate_tenant_where_scenario_6_decides).
    assert!(!judge(&r, "e5")
        .1
        .contains(&"RESELLER_AS_CUSTOMER.OTHER_PROVIDER"));
    let from_direct = scenario_6()
        .with("t", |n| n.tenant = None)
        .node("d", DirectBillPartner)
        .sells("ms", "d")
        .sells("d", "buy")
        .eval();
    assert_eq!(
        judge(&from_direct, "e6"),
        (ALLOWED, vec!["OWN_USE.SEPARATE_TENANT"])
    );
    let unsupplied = scenario_6()
        .with("t", |n| n.tenant = None)
        .node("r2", IndirectReseller)
        .with("buy", |n| n.tenant = Some("t".into()))
        .sells("r2", "buy")
        .eval();
    assert_eq!(
        judge(&unsupplied, "e5"),
        (
            BLOCKED,
            vec!["CHAIN.NEEDS_UPSTREAM", "OWN_USE.SEPARATE_TENANT"]
        )
    );
}

#[test]
fn region_customer_same_region() {
    all_allowed(&B::two_tier().eval());
    let away = B::two_tier().with("c", |n| n.region = Some("united_states".into()));
    let r = away.eval();
    assert_eq!(
        judge(&r, "e3"),
        (BLOCKED, vec!["REGION.CUSTOMER_SAME_REGION"])
    );
    let f = &edge(&r, "e3").findings[0];
    assert!(
        f.message
            .contains("the customer “c” is in the United States"),
        "{}",
        f.message
    );
    assert!(
        f.remedies[0].contains("a partner in the United States"),
        "{:?}",
        f.remedies
    );
    let mut moved = away.0.clone();
    assert!(edge(&r, "e3").findings[0]
        .fixes
        .iter()
        .all(|f| f.apply(&mut moved)));
    all_allowed(&B(moved).eval());
    // Any region string works, compared as it is.
    let mars = |n: &mut Node| n.region = Some("Mars".into());
    all_allowed(
        &B::two_tier()
            .with("p", mars)
            .with("r", mars)
            .with("c", mars)
            .eval(),
    );
}

#[test]
fn region_partner_same_region() {
    let r = B::two_tier()
        .with("p", |n| n.region = Some("taiwan".into()))
        .eval();
    // Microsoft has no region, so any provider may buy from it.
    assert_eq!(judge(&r, "e1"), (ALLOWED, vec![]));
    assert_eq!(
        judge(&r, "e2"),
        (BLOCKED, vec!["REGION.PARTNER_SAME_REGION"])
    );
    all_allowed(
        &B::two_tier()
            .with("p", |n| n.region = Some("europe".into()))
            .eval(),
    );
}

#[test]
fn diagram_one_microsoft() {
    assert!(diagram_rules(&B::two_tier().eval()).is_empty());
    let r = B::two_tier().node("ms2", Microsoft).eval();
    assert_eq!(
        diagram_rules(&r),
        vec![(
            "DIAGRAM.ONE_MICROSOFT",
            vec!["ms".to_string(), "ms2".to_string()]
        )]
    );
    all_allowed(&r);
}

#[test]
fn diagram_duplicate_edge() {
    let r = B::two_tier().manages("r", "c").eval();
    assert!(diagram_rules(&r).is_empty());
    let r = B::two_tier().sells("r", "c").eval();
    assert_eq!(
        diagram_rules(&r),
        vec![(
            "DIAGRAM.DUPLICATE_EDGE",
            vec!["r".to_string(), "c".to_string()]
        )]
    );
    assert_eq!(r.diagram[0].edges, vec!["e3".to_string(), "e4".to_string()]);
}

#[test]
fn diagram_unserved_customer() {
    assert!(diagram_rules(&B::two_tier().eval()).is_empty());
    let r = B::two_tier()
        .node("alone", Customer)
        .node("managed", Customer)
        .manages("r", "managed")
        .eval();
    assert_eq!(
        diagram_rules(&r),
        vec![
            ("DIAGRAM.UNSERVED_CUSTOMER", vec!["alone".to_string()]),
            ("DIAGRAM.UNSERVED_CUSTOMER", vec!["managed".to_string()])
        ]
    );
}

#[test]
fn every_message_exists_in_both_languages() {
    let busy = B::two_tier()
        .with("r", |n| {
            n.mpa_signed = Some(false);
            n.onboarded = Some(false);
        })
        .with("c", |n| n.region = Some("japan".into()))
        .node("ms2", Microsoft)
        .sells("r", "c")
        .sells("c", "r")
        .manages("c", "c");
    for lang in Lang::ALL {
        let r = match evaluate(&busy.0, lang) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        for f in r.edges.iter().flat_map(|e| &e.findings) {
            assert!(!f.message.is_empty() && !f.cite.is_empty());
            let chinese = f
                .message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert_eq!(chinese, lang == Lang::ZhTw, "{}", f.message);
        }
        assert!(r.diagram.iter().all(|d| !d.message.is_empty()));
    }
}

#[test]
fn the_report_follows_the_file_order_and_is_deterministic() {
    let s = B::two_tier()
        .node("c2", Customer)
        .sells("r", "c2")
        .sells("c", "r")
        .0;
    let a = evaluate(&s, Lang::En)
        .map(|r| r.to_json())
        .unwrap_or_default();
    let b = evaluate(&s, Lang::En)
        .map(|r| r.to_json())
        .unwrap_or_default();
    assert_eq!(a, b);
    let r = B(s).eval();
    let ids: Vec<&str> = r.edges.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["e1", "e2", "e3", "e4", "e5"]);
    assert_eq!((r.summary.allowed, r.summary.blocked), (4, 1));
    assert_eq!(r.as_of, "2020-05-12");
}

#[test]
fn naming_a_fresh_tenant_probes_each_taken_name_once_overall() {
    // 300 own-use purchases into the partner's CSP tenant, each offered a fresh tenant, while
    // 200 customers already hold `o-customer`, `o-customer-2`, … `o-customer-200`.
    let (buys, taken) = (300, 200);
    let mut b = B::new()
        .node("ms", Microsoft)
        .node("d", DirectBillPartner)
        .with("d", |n| n.tenant = Some("o-csp".into()))
        .sells("ms", "d");
    for k in 1..=taken {
        let tenant = if k == 1 {
            "o-customer".to_string()
        } else {
            format!("o-customer-{k}")
        };
        b = b
            .node(&format!("t{k}"), Customer)
            .with(&format!("t{k}"), move |n| n.tenant = Some(tenant));
    }
    for i in 0..buys {
        let id = format!("c{i}");
        b = b
            .node(&id, Customer)
            .with(&id, |n| {
                n.org = Some("o".into());
                n.tenant = Some("o-csp".into());
            })
            .sells("d", &id);
    }
    let checked = crate::parse::validate(&b.0).unwrap_or_else(|e| panic!("{e}"));
    let view = crate::view::ScenarioView::of(&b.0);
    let cx = super::Cx::new(&view, &checked.ends, checked.as_of, Lang::En);
    let fixes: Vec<String> = cx
        .edges()
        .filter_map(|e| super::customers::own_use_separate_tenant(&cx, &e))
        .flat_map(|f| f.fixes)
        .map(|f| match f {
            Fix::SetTenant { tenant, .. } => tenant,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(fixes.len(), buys);
    assert!(
        fixes.iter().all(|t| t == "o-customer-201"),
        "{:?}",
        fixes[0]
    );
    let probes = cx.fresh_probes.get();
    assert!(probes <= buys + taken + 1, "{probes} probes");
}

/// Scenario 6's question, asked of every sale of the scenario built by `b`; the number of
/// index look-ups it took.
fn relationship_probes(b: &B) -> (usize, usize) {
    let checked = crate::parse::validate(&b.0).unwrap_or_else(|e| panic!("{e}"));
    let view = crate::view::ScenarioView::of(&b.0);
    let cx = super::Cx::new(&view, &checked.ends, checked.as_of, Lang::En);
    let hits = cx
        .edges()
        .filter_map(|e| super::customers::reseller_as_customer_same_provider(&cx, &e))
        .count();
    (hits, cx.relationship_probes.get())
}

#[test]
fn scenario_6_looks_up_each_sale_in_the_smaller_of_the_two_lists_once() {
    // One reseller r supplied by 300 providers sells to 300 customers, all in the tenant of
    // reseller t, which has a relationship with the last of those providers only.
    let n = 300;
    let mut many_providers = B::new()
        .node("ms", Microsoft)
        .node("r", IndirectReseller)
        .node("t", IndirectReseller);
    for i in 0..n {
        let p = format!("p{i}");
        many_providers = many_providers
            .node(&p, IndirectProvider)
            .sells("ms", &p)
            .sells(&p, "r");
    }
    many_providers = many_providers.sells(&format!("p{}", n - 1), "t");
    for i in 0..n {
        let c = format!("c{i}");
        many_providers = many_providers
            .node(&c, Customer)
            .with(&c, |n| n.tenant = Some("t".into()))
            .sells("r", &c);
    }
    let (hits, probes) = relationship_probes(&many_providers);
    assert_eq!(hits, n);
    assert!(probes <= 2 * n, "{probes} look-ups for {n} sales");

    // The other way round: 300 customers with tenants of their own, each a reseller of all
    // 300 providers; one reseller with one of those providers sells to each once.
    let mut many_tenants = B::new().node("ms", Microsoft).node("r", IndirectReseller);
    for i in 0..20 {
        let p = format!("p{i}");
        many_tenants = many_tenants.node(&p, IndirectProvider).sells("ms", &p);
    }
    many_tenants = many_tenants.sells("p19", "r");
    for i in 0..n {
        let (t, c) = (format!("t{i}"), format!("c{i}"));
        many_tenants = many_tenants.node(&t, IndirectReseller);
        for p in 0..20 {
            many_tenants = many_tenants.sells(&format!("p{p}"), &t);
        }
        many_tenants = many_tenants
            .node(&c, Customer)
            .with(&c, move |n| n.tenant = Some(t))
            .sells("r", &c);
    }
    let (hits, probes) = relationship_probes(&many_tenants);
    assert_eq!(hits, n);
    assert!(probes <= 2 * n, "{probes} look-ups for {n} sales");
}

#[test]
fn scenario_6_index_answers_as_a_scan_of_the_sellers_providers_would() {
    // Small random networks where both sides of the look-up are sometimes the shorter one.
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..200 {
        let mut b = B::new().node("ms", Microsoft);
        let (providers, resellers) = (1 + next(5), 1 + next(6));
        for p in 0..providers {
            b = b.node(&format!("p{p}"), IndirectProvider);
        }
        for r in 0..resellers {
            let tenant = format!("t{}", next(3));
            b = b
                .node(&format!("r{r}"), IndirectReseller)
                .with(&format!("r{r}"), move |n| n.tenant = Some(tenant));
        }
        for _ in 0..next(12) {
            b = b.sells(
                &format!("p{}", next(providers)),
                &format!("r{}", next(resellers)),
            );
        }
        let sellers = providers + resellers;
        let checked = crate::parse::validate(&b.0).unwrap_or_else(|e| panic!("{e}"));
        let view = crate::view::ScenarioView::of(&b.0);
        let cx = super::Cx::new(&view, &checked.ends, checked.as_of, Lang::En);
        for seller in 1..=sellers {
            for t in 0..4 {
                let tenant = format!("t{t}");
                let via: &[usize] = match b.0.nodes[seller].kind {
                    IndirectProvider => std::slice::from_ref(&seller),
                    _ => &cx.providers_of[seller],
                };
                let scan = via.iter().find_map(|&p| {
                    cx.reseller_relationship
                        .get(&(tenant.as_str(), p))
                        .map(|&r| (p, r))
                });
                assert_eq!(cx.relationship_via(seller, &tenant), scan);
                assert_eq!(cx.relationship_via(seller, &tenant), scan, "asked again");
            }
        }
    }
}
