//! The engine: judges every edge of a scenario and the diagram as a whole.
//!
//! One pass builds indices, one pass applies the rules local to an edge (one function per
//! rule ID, in the files beside this one), then supply is propagated down the chain in tier
//! order (Microsoft, then providers and direct bill partners, then resellers); those passes
//! keep only each edge's verdict (`judgement`). Each edge's findings are then written when
//! they are asked for, one edge at a time, so a report need never be held whole. Everything
//! is linear in nodes + edges (scenario 6's look-up aside: see `Cx::relationship_via`).

mod chain;
mod customers;
mod diagram;
mod judgement;
mod prerequisites;
mod regions;

pub use judgement::Judgement;

use crate::catalogue::RuleId;
use crate::error::ScenarioError;
use crate::fix::Fix;
use crate::hash::{Map, Set};
use crate::lang::Lang;
use crate::model::{Date, EdgeKind, NodeKind, Scenario};
use crate::parse::{validate, Checked};
use crate::report::{Finding, Report};
use crate::view::{EdgeView, NodeView, ScenarioView};
use std::cell::{Cell, OnceCell, RefCell};

/// A message in the reader's language; `format!` captures from the caller's scope. Nothing
/// is formatted while the engine only decides verdicts (`Cx::quiet`).
macro_rules! t {
    ($cx:expr, $en:literal, $zh:literal) => {
        if $cx.quiet.get() {
            String::new()
        } else {
            match $cx.lang {
                $crate::lang::Lang::En => format!($en),
                $crate::lang::Lang::ZhTw => format!($zh),
            }
        }
    };
}
pub(crate) use t;

/// The date from which every transacting partner must have signed the MPA.
pub const MPA_DATE: Date = Date {
    year: 2020,
    month: 2,
    day: 1,
};

/// Evaluates a scenario: every edge once, in file order, plus diagram-wide findings.
pub fn evaluate(s: &Scenario, lang: Lang) -> Result<Report, ScenarioError> {
    Ok(evaluate_checked(s, &validate(s)?, lang))
}

/// Evaluates a scenario that `validate` has passed, as `checked` says.
pub(crate) fn evaluate_checked(s: &Scenario, checked: &Checked, lang: Lang) -> Report {
    let view = ScenarioView::of(s);
    Judgement::new(&view, checked, lang).report()
}

/// The findings that depend only on an edge, its two ends and the indices.
fn local(cx: &Cx, e: &EdgeRef) -> Vec<Finding> {
    let checks: [fn(&Cx, &EdgeRef) -> Option<Finding>; 17] = [
        chain::microsoft_sells_to_partners,
        chain::provider_sells_to_resellers,
        chain::reseller_sells_to_customers,
        chain::direct_sells_to_customers,
        chain::customers_do_not_sell,
        chain::no_self_loop,
        prerequisites::mpa_required,
        prerequisites::reseller_ready,
        prerequisites::direct_requirements,
        customers::multipartner_allowed,
        customers::multichannel_allowed,
        customers::manages_partner_to_customer,
        customers::self_no_sale_to_self_or_affiliate,
        customers::own_use_separate_tenant,
        customers::reseller_as_customer_same_provider,
        customers::reseller_as_customer_other_provider,
        regions::customer_same_region,
    ];
    let mut out: Vec<Finding> = checks.iter().filter_map(|check| check(cx, e)).collect();
    out.extend(regions::partner_same_region(cx, e));
    out
}

/// The levels of the supply chain that sell on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tier {
    Microsoft,
    Provider,
    Reseller,
}

impl Tier {
    fn of(kind: NodeKind) -> Option<Tier> {
        match kind {
            NodeKind::Microsoft => Some(Tier::Microsoft),
            NodeKind::IndirectProvider | NodeKind::DirectBillPartner => Some(Tier::Provider),
            NodeKind::IndirectReseller => Some(Tier::Reseller),
            NodeKind::Customer => None,
        }
    }

    /// Whether an allowed sale from this tier into `kind` supplies it for reselling.
    fn supplies(self, kind: NodeKind) -> bool {
        match self {
            Tier::Microsoft => {
                matches!(
                    kind,
                    NodeKind::IndirectProvider | NodeKind::DirectBillPartner
                )
            }
            Tier::Provider => kind == NodeKind::IndirectReseller,
            Tier::Reseller => false,
        }
    }
}

/// One edge with its two ends resolved.
#[derive(Debug)]
pub(crate) struct EdgeRef<'a> {
    pub i: usize,
    pub edge: &'a EdgeView<'a>,
    pub fi: usize,
    pub ti: usize,
    pub from: &'a NodeView<'a>,
    pub to: &'a NodeView<'a>,
}

impl EdgeRef<'_> {
    pub fn sells(&self) -> bool {
        self.edge.kind == EdgeKind::SellsTo
    }

    pub fn is(&self, from: NodeKind, to: NodeKind) -> bool {
        self.from.kind == from && self.to.kind == to
    }
}

/// An indirect provider–indirect reseller relationship: (provider, reseller) node indices.
pub(crate) type Relationship = (usize, usize);

/// The scenario with the indices the rules need, built once.
#[derive(Debug)]
pub(crate) struct Cx<'a> {
    pub s: &'a ScenarioView<'a>,
    pub lang: Lang,
    /// While set, rules decide but write no text: the messages, remedies and citations of
    /// their findings are empty. The pass that only needs verdicts sets it.
    pub quiet: Cell<bool>,
    pub as_of: Date,
    pub ends: &'a [(usize, usize)],
    /// Each tenant held by a partner, with the first partner holding it.
    pub partner_tenants: Map<&'a str, usize>,
    pub partner_orgs: Set<&'a str>,
    /// Every tenant in use; built on first need (only a proposed fix needs it).
    tenants: OnceCell<Set<&'a str>>,
    /// How many look-ups scenario 6's index has taken (a test asserts it stays small).
    pub relationship_probes: Cell<usize>,
    /// The fresh tenant found for each organization.
    fresh: RefCell<Map<String, String>>,
    /// How many names `fresh_tenant` has tried against `tenants` (a test asserts it stays linear).
    pub fresh_probes: Cell<usize>,
    /// For each node, the providers that sell to it (a reseller's relationships), in file order.
    pub providers_of: Vec<Vec<usize>>,
    /// (reseller tenant, provider) → the reseller holding that relationship.
    pub reseller_relationship: Map<(&'a str, usize), usize>,
    /// Each reseller tenant → its (provider, reseller) relationships, first reseller per
    /// provider, in file order.
    pub tenant_relationships: Map<&'a str, Vec<Relationship>>,
    /// (reseller, provider) → where the provider stands in `providers_of[reseller]`; built on
    /// first need.
    provider_rank: OnceCell<Map<(usize, usize), usize>>,
    /// Scenario 6's answer for each (seller, tenant) already asked about.
    relationship_via: RefCell<Map<(usize, &'a str), Option<Relationship>>>,
    /// For each node, how many different partners sell to it.
    pub sellers_into: Vec<u32>,
    /// For each node, how many different partners sell to or manage it.
    pub partners_into: Vec<u32>,
    /// The tenants held by an indirect provider or a direct bill partner (where scenario 4,
    /// not scenario 6, decides an own-use purchase).
    pub held_by_non_reseller: Set<&'a str>,
    /// What scenario 6's one-click fixes need; built on first need.
    moves: OnceCell<Moves<'a>>,
}

/// The indices behind scenario 6's fixes for options 2 and 3.
#[derive(Debug, Default)]
struct Moves<'a> {
    /// (provider, reseller) → the first `sells_to` edge holding that relationship.
    relationship_edge: Map<(usize, usize), usize>,
    /// For each region, the indirect providers Microsoft sells to, in file order.
    providers_in: Map<&'a str, Vec<usize>>,
}

/// How many different `from`s each `to` has among `pairs` (sorted in place).
fn distinct_into(n: usize, pairs: &mut [(usize, usize)]) -> Vec<u32> {
    pairs.sort_unstable();
    let mut counts = vec![0u32; n];
    let mut last = None;
    for &pair in pairs.iter() {
        if last != Some(pair) {
            counts[pair.0] += 1;
            last = Some(pair);
        }
    }
    counts
}

impl<'a> Cx<'a> {
    fn new(s: &'a ScenarioView<'a>, ends: &'a [(usize, usize)], as_of: Date, lang: Lang) -> Self {
        let n = s.nodes.len();
        let mut partner_tenants = Map::default();
        let mut partner_orgs = Set::default();
        let mut held_by_non_reseller = Set::default();
        for (i, node) in s.nodes.iter().enumerate() {
            if node.kind.is_partner() {
                partner_tenants.entry(node.tenant()).or_insert(i);
                partner_orgs.insert(node.org());
                if node.kind != NodeKind::IndirectReseller {
                    held_by_non_reseller.insert(node.tenant());
                }
            }
        }
        let mut providers_of: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut reseller_relationship = Map::default();
        let mut tenant_relationships: Map<&str, Vec<(usize, usize)>> = Map::default();
        let (mut sales, mut engagements) = (Vec::new(), Vec::new());
        for (edge, &(fi, ti)) in s.edges.iter().zip(ends) {
            let (from, to) = (s.nodes[fi].kind, s.nodes[ti].kind);
            let sells = edge.kind == EdgeKind::SellsTo;
            if sells && from == NodeKind::IndirectProvider && to == NodeKind::IndirectReseller {
                providers_of[ti].push(fi);
                let tenant = s.nodes[ti].tenant();
                if let std::collections::hash_map::Entry::Vacant(v) =
                    reseller_relationship.entry((tenant, fi))
                {
                    v.insert(ti);
                    tenant_relationships
                        .entry(tenant)
                        .or_default()
                        .push((fi, ti));
                }
            }
            if to == NodeKind::Customer && from.is_partner() {
                if sells {
                    sales.push((ti, fi));
                }
                engagements.push((ti, fi));
            }
        }
        for providers in &mut providers_of {
            if providers.len() > 1 {
                let mut seen = Set::default();
                providers.retain(|p| seen.insert(*p));
            }
        }
        Cx {
            s,
            lang,
            quiet: Cell::new(false),
            as_of,
            ends,
            partner_tenants,
            partner_orgs,
            tenants: OnceCell::new(),
            fresh: RefCell::default(),
            relationship_probes: Cell::new(0),
            fresh_probes: Cell::new(0),
            providers_of,
            reseller_relationship,
            tenant_relationships,
            provider_rank: OnceCell::new(),
            relationship_via: RefCell::default(),
            sellers_into: distinct_into(n, &mut sales),
            partners_into: distinct_into(n, &mut engagements),
            held_by_non_reseller,
            moves: OnceCell::new(),
        }
    }

    pub fn edges(&self) -> impl Iterator<Item = EdgeRef<'a>> + '_ {
        let s = self.s;
        s.edges
            .iter()
            .zip(self.ends)
            .enumerate()
            .map(move |(i, (edge, &(fi, ti)))| EdgeRef {
                i,
                edge,
                fi,
                ti,
                from: &s.nodes[fi],
                to: &s.nodes[ti],
            })
    }

    pub fn mpa_in_force(&self) -> bool {
        self.as_of >= MPA_DATE
    }

    /// A node's label in quotation marks of the reader's language.
    pub fn q(&self, n: &NodeView) -> String {
        if self.quiet.get() {
            return String::new();
        }
        self.lang.quote(n.label_in(self.lang))
    }

    /// A node's kind as a message says it; in Chinese, a Latin name ("Microsoft") takes the
    /// space that separates it from the Chinese before it.
    pub fn kind(&self, n: &NodeView) -> std::borrow::Cow<'static, str> {
        let name = crate::names::kind_name(n.kind, self.lang);
        if self.lang == Lang::ZhTw && name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            format!(" {name}").into()
        } else {
            name.into()
        }
    }

    /// A node's region as a message says it after "in" ("the United States").
    pub fn region(&self, n: &NodeView) -> String {
        if self.quiet.get() {
            return String::new();
        }
        crate::names::region_phrase(n.region().unwrap_or_default(), self.lang)
    }

    pub fn finding(
        &self,
        rule: RuleId,
        message: String,
        remedies: Vec<String>,
        fixes: Vec<Fix>,
    ) -> Finding {
        Finding {
            rule,
            severity: rule.severity(),
            message,
            cite: if self.quiet.get() {
                String::new()
            } else {
                rule.cite().text(self.lang)
            },
            link: rule.link(self.lang),
            remedies,
            fixes,
        }
    }

    /// Scenario 6's question for a sale from `seller` into a customer of `tenant`: the first
    /// of the providers the sale runs through (the seller itself when it is an indirect
    /// provider, else its providers in file order) with which the tenant already holds an
    /// indirect reseller relationship, and the reseller holding it.
    ///
    /// Asked once per (seller, tenant), walking the shorter of the two lists, so the whole
    /// evaluation costs at most the sum over those pairs of the shorter length: linear when
    /// either side is small, O(m·√m) in the worst case for m provider–reseller relationships
    /// (a set intersection per pair; no index answers those in linear time).
    pub fn relationship_via(&self, seller: usize, tenant: &str) -> Option<Relationship> {
        let (&tenant, held) = self.tenant_relationships.get_key_value(tenant)?;
        if let Some(&answer) = self.relationship_via.borrow().get(&(seller, tenant)) {
            return answer;
        }
        let probe = || {
            self.relationship_probes
                .set(self.relationship_probes.get() + 1)
        };
        let via: &[usize] = match self.s.nodes[seller].kind {
            NodeKind::IndirectProvider => std::slice::from_ref(&seller),
            NodeKind::IndirectReseller => &self.providers_of[seller],
            _ => &[],
        };
        let answer = if via.len() <= held.len() {
            via.iter().find_map(|&p| {
                probe();
                self.reseller_relationship
                    .get(&(tenant, p))
                    .map(|&r| (p, r))
            })
        } else {
            let rank = self.provider_rank.get_or_init(|| {
                let mut rank = Map::default();
                for (r, providers) in self.providers_of.iter().enumerate() {
                    for (k, &p) in providers.iter().enumerate() {
                        rank.insert((r, p), k);
                    }
                }
                rank
            });
            held.iter()
                .filter_map(|&(p, r)| {
                    probe();
                    rank.get(&(seller, p)).map(|&k| (k, p, r))
                })
                .min()
                .map(|(_, p, r)| (p, r))
        };
        self.relationship_via
            .borrow_mut()
            .insert((seller, tenant), answer);
        answer
    }

    /// Whether scenario 6 decides a sale from `seller` into a customer of `tenant`: the seller
    /// is an indirect reseller, a partner holds the tenant, and every partner holding it is an
    /// indirect reseller (rules.md, `OWN_USE.SEPARATE_TENANT`).
    pub fn scenario_6_decides(&self, seller: &NodeView, tenant: &str) -> bool {
        seller.kind == NodeKind::IndirectReseller
            && self.partner_tenants.contains_key(tenant)
            && !self.held_by_non_reseller.contains(tenant)
    }

    fn moves(&self) -> &Moves<'a> {
        self.moves.get_or_init(|| {
            let mut m = Moves::default();
            let mut from_microsoft = vec![false; self.s.nodes.len()];
            for e in self.edges() {
                if !e.sells() {
                    continue;
                }
                if e.is(NodeKind::IndirectProvider, NodeKind::IndirectReseller) {
                    m.relationship_edge.entry((e.fi, e.ti)).or_insert(e.i);
                }
                if e.is(NodeKind::Microsoft, NodeKind::IndirectProvider) {
                    from_microsoft[e.ti] = true;
                }
            }
            for (i, node) in self.s.nodes.iter().enumerate() {
                if let (true, Some(region)) = (from_microsoft[i], node.region()) {
                    m.providers_in.entry(region).or_default().push(i);
                }
            }
            m
        })
    }

    /// The edge holding the relationship (provider, reseller), for option 2's fix.
    pub fn relationship_edge(
        &self,
        (provider, reseller): Relationship,
    ) -> Option<&'a EdgeView<'a>> {
        let i = *self.moves().relationship_edge.get(&(provider, reseller))?;
        self.s.edges.get(i)
    }

    /// Scenario 6's option 3 for a sale from `seller` blocked by the relationship
    /// (provider, reseller): another indirect provider of the reseller's region, supplied by
    /// Microsoft, that the reseller could move its relationship to, so that the sale no longer
    /// runs through one of its providers. Only a few candidates are looked at (each in
    /// constant time), so a fix costs constant time; none found, no fix is offered.
    pub fn other_provider(
        &self,
        seller: usize,
        (provider, reseller): Relationship,
    ) -> Option<usize> {
        const LOOK_AT: usize = 8;
        let m = self.moves();
        let region = self.s.nodes[reseller].region()?;
        m.providers_in
            .get(region)?
            .iter()
            .take(LOOK_AT)
            .copied()
            .find(|&q| {
                q != provider
                    && q != seller
                    && !m.relationship_edge.contains_key(&(q, seller))
                    && !m.relationship_edge.contains_key(&(q, reseller))
            })
    }

    /// A tenant name no node uses yet, for a customer that needs one of its own:
    /// `<org>-customer`, else `<org>-customer-2`, `-3`, … The name depends on the
    /// organization alone, so it is found once per organization; each name in use is then
    /// tried at most once overall (it ends in `-customer` or `-customer-<digits>`, which
    /// names one organization), and all of it is linear in the nodes.
    pub fn fresh_tenant(&self, customer: &NodeView) -> String {
        let org = customer.org();
        if let Some(name) = self.fresh.borrow().get(org) {
            return name.clone();
        }
        let base = format!("{org}-customer");
        let mut candidate = base.clone();
        let mut k = 2;
        let tenants = self
            .tenants
            .get_or_init(|| self.s.nodes.iter().map(|n| n.tenant()).collect());
        while {
            self.fresh_probes.set(self.fresh_probes.get() + 1);
            tenants.contains(candidate.as_str())
        } {
            candidate = format!("{base}-{k}");
            k += 1;
        }
        self.fresh
            .borrow_mut()
            .insert(org.to_string(), candidate.clone());
        candidate
    }
}

#[cfg(test)]
mod tests;
