//! Every rule of `rules.md` under its stable ID, with its one-line statement and the part of
//! the guide it comes from. The checks themselves live in `eval/`, one function per ID.

use crate::guide::{Link, Section, SeeAlso, GUIDE_TITLE, GUIDE_VERSION};
use crate::lang::{Lang, Text};
use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
    ChainMicrosoftSellsToPartners,
    ChainProviderSellsToResellers,
    ChainResellerSellsToCustomers,
    ChainDirectSellsToCustomers,
    ChainCustomersDoNotSell,
    ChainNeedsUpstream,
    ChainNoSelfLoop,
    MpaRequired,
    ResellerReady,
    DirectRequirements,
    MultipartnerAllowed,
    MultichannelAllowed,
    ManagesPartnerToCustomer,
    SelfNoSaleToSelfOrAffiliate,
    OwnUseSeparateTenant,
    ResellerAsCustomerSameProvider,
    ResellerAsCustomerOtherProvider,
    RegionCustomerSameRegion,
    RegionPartnerSameRegion,
    DiagramOneMicrosoft,
    DiagramDuplicateEdge,
    DiagramUnservedCustomer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Block,
    Info,
}

/// Where in the guide a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cite {
    Types,
    Mpa,
    Scenario(u8),
    Scenarios(u8, u8),
    Diagram,
}

impl Cite {
    /// The citation as the report's `cite` gives it: the section, or the example scenario.
    pub fn text(self, lang: Lang) -> String {
        match (self, lang) {
            (Cite::Types, Lang::En) => {
                "Types of partner relationships in the CSP program; Example scenario 1".into()
            }
            (Cite::Types, Lang::ZhTw) => "CSP 計畫中的夥伴關聯性類型；範例案例1".into(),
            (Cite::Mpa, lang) => Section::Mpa.title(lang).into(),
            (Cite::Scenario(n), Lang::En) => format!("Example scenario {n}"),
            (Cite::Scenario(n), Lang::ZhTw) => format!("範例案例{n}"),
            (Cite::Scenarios(a, b), Lang::En) => format!("Example scenarios {a} and {b}"),
            (Cite::Scenarios(a, b), Lang::ZhTw) => format!("範例案例{a}、{b}"),
            (Cite::Diagram, lang) => Section::Transactions.title(lang).into(),
        }
    }

    /// The citation as a walkthrough file names it: `types`, `mpa`, `transactions` or
    /// `scenario-N` (N from 1 to 8).
    pub fn key(self) -> String {
        match self {
            Cite::Types => "types".into(),
            Cite::Mpa => "mpa".into(),
            Cite::Diagram => "transactions".into(),
            Cite::Scenario(n) => format!("scenario-{n}"),
            Cite::Scenarios(a, b) => format!("scenarios-{a}-{b}"),
        }
    }

    /// Reads [`Cite::key`]'s names (not `scenarios-A-B`, which no step needs).
    pub fn from_key(key: &str) -> Option<Cite> {
        match key {
            "types" => Some(Cite::Types),
            "mpa" => Some(Cite::Mpa),
            "transactions" => Some(Cite::Diagram),
            _ => {
                let n: u8 = key.strip_prefix("scenario-")?.parse().ok()?;
                (1..=8).contains(&n).then_some(Cite::Scenario(n))
            }
        }
    }

    /// The guide's section the citation is in.
    pub fn section(self) -> Section {
        match self {
            Cite::Types => Section::Types,
            Cite::Mpa => Section::Mpa,
            Cite::Scenario(_) | Cite::Scenarios(..) | Cite::Diagram => Section::Transactions,
        }
    }

    /// The section on Microsoft Learn, in the reader's language (the report's `link`).
    pub fn link(self, lang: Lang) -> &'static str {
        self.section().link(lang)
    }

    /// The pages the guide links to from the cited passage.
    pub fn see_also(self) -> &'static [SeeAlso] {
        match self {
            Cite::Types => &[
                SeeAlso::IndirectProviderTasks,
                SeeAlso::IndirectResellerTasks,
                SeeAlso::DirectBillEnrolment,
            ],
            Cite::Mpa => &[SeeAlso::Mpa],
            Cite::Scenario(2) => &[SeeAlso::Multipartner],
            Cite::Scenario(3) => &[SeeAlso::Multichannel],
            Cite::Scenario(6) => &[SeeAlso::MicrosoftSupport],
            Cite::Scenario(7) => &[SeeAlso::Regions],
            _ => &[],
        }
    }

    /// The whole citation on one line: the guide, its version, the section and the place in
    /// it, e.g. "Supported CSP partner relationships (2020-05-12), Supported partner
    /// transactions in the CSP program: Example scenario 7".
    pub fn label(self, lang: Lang) -> String {
        let guide = GUIDE_TITLE.get(lang);
        let place = match self {
            Cite::Scenario(_) | Cite::Scenarios(..) => {
                let section = self.section().title(lang);
                let text = self.text(lang);
                lang.pick(format!("{section}: {text}"), format!("{section}：{text}"))
            }
            _ => self.text(lang),
        };
        lang.pick(
            format!("{guide} ({GUIDE_VERSION}), {place}"),
            format!("{guide}（{GUIDE_VERSION}），{place}"),
        )
    }
}

struct Entry {
    id: RuleId,
    code: &'static str,
    severity: Severity,
    cite: Cite,
    statement: Text,
}

macro_rules! entry {
    ($id:ident, $code:literal, $sev:ident, $cite:expr, $en:literal, $zh:literal) => {
        Entry {
            id: RuleId::$id,
            code: $code,
            severity: Severity::$sev,
            cite: $cite,
            statement: Text { en: $en, zh: $zh },
        }
    };
}

/// In `RuleId` order, which is also the order findings are listed in.
const ENTRIES: [Entry; 22] = [
    entry!(ChainMicrosoftSellsToPartners, "CHAIN.MICROSOFT_SELLS_TO_PARTNERS", Block, Cite::Types,
        "Microsoft sells only to indirect providers and direct bill partners.",
        "Microsoft 只銷售給間接提供者與直接帳單合作夥伴。"),
    entry!(ChainProviderSellsToResellers, "CHAIN.PROVIDER_SELLS_TO_RESELLERS", Block, Cite::Types,
        "An indirect provider sells only to indirect resellers.",
        "間接提供者只銷售給間接轉銷商。"),
    entry!(ChainResellerSellsToCustomers, "CHAIN.RESELLER_SELLS_TO_CUSTOMERS", Block, Cite::Types,
        "An indirect reseller sells only to end customers.",
        "間接轉銷商只銷售給終端客戶。"),
    entry!(ChainDirectSellsToCustomers, "CHAIN.DIRECT_SELLS_TO_CUSTOMERS", Block, Cite::Types,
        "A direct bill partner sells only to end customers; only indirect providers have indirect resellers.",
        "直接帳單合作夥伴只銷售給終端客戶；只有間接提供者才有間接轉銷商。"),
    entry!(ChainCustomersDoNotSell, "CHAIN.CUSTOMERS_DO_NOT_SELL", Block, Cite::Types,
        "A customer sells to nobody, and nothing sells to Microsoft.",
        "客戶不銷售給任何人，也沒有人銷售給 Microsoft。"),
    entry!(ChainNeedsUpstream, "CHAIN.NEEDS_UPSTREAM", Block, Cite::Types,
        "A seller must itself be supplied: a reseller by an indirect provider, a provider or direct bill partner by Microsoft.",
        "銷售者本身必須有上游供應：間接轉銷商向間接提供者購買，間接提供者與直接帳單合作夥伴向 Microsoft 購買。"),
    entry!(ChainNoSelfLoop, "CHAIN.NO_SELF_LOOP", Block, Cite::Types,
        "A relationship connects two different parties, never a party to itself.",
        "關聯性連接兩個不同的對象，不能連接到自己。"),
    entry!(MpaRequired, "MPA.REQUIRED", Block, Cite::Mpa,
        "From 1 February 2020 every partner that transacts in CSP must have signed the Microsoft Partner Agreement (MPA).",
        "從 2020 年 2 月 1 日起，所有在 CSP 計畫中交易的合作夥伴都必須簽署 Microsoft 合作夥伴合約（MPA）。"),
    entry!(ResellerReady, "RESELLER.READY", Block, Cite::Mpa,
        "Before transacting new business an indirect reseller must be onboarded to Partner Center and enrolled as an indirect reseller; from 1 February 2020 it must also have signed the MPA.",
        "間接轉銷商在交易新業務之前，必須加入合作夥伴中心並註冊為間接轉銷商；從 2020 年 2 月 1 日起，也必須簽署 MPA。"),
    entry!(DirectRequirements, "DIRECT.REQUIREMENTS", Block, Cite::Types,
        "A direct bill partner must integrate with Microsoft through APIs and provide billing, support and managed services to its customers on an ongoing basis.",
        "直接帳單合作夥伴必須能使用 API 與 Microsoft 整合，並持續為客戶提供帳單、支援和受控服務。"),
    entry!(MultipartnerAllowed, "MULTIPARTNER.ALLOWED", Info, Cite::Scenario(2),
        "A customer may buy different services from different partners.",
        "終端客戶可以向不同的合作夥伴購買不同的服務。"),
    entry!(MultichannelAllowed, "MULTICHANNEL.ALLOWED", Info, Cite::Scenario(3),
        "A customer may engage several partners to manage and support its subscriptions, including subscriptions bought through another channel (a diagram shows only CSP sales).",
        "客戶可以委託多個合作夥伴管理和支援其訂用帳戶，包括透過其他通路購買的訂用帳戶（圖中只能呈現 CSP 的銷售）。"),
    entry!(ManagesPartnerToCustomer, "MANAGES.PARTNER_TO_CUSTOMER", Block, Cite::Scenario(3),
        "A manages relationship goes from a partner to a customer.",
        "管理關聯性是由合作夥伴指向客戶。"),
    entry!(SelfNoSaleToSelfOrAffiliate, "SELF.NO_SALE_TO_SELF_OR_AFFILIATE", Block, Cite::Scenario(5),
        "A partner may not sell to itself or its affiliates as an end customer.",
        "合作夥伴不得將自己或其關係企業當作終端客戶來銷售。"),
    entry!(OwnUseSeparateTenant, "OWN_USE.SEPARATE_TENANT", Block, Cite::Scenario(4),
        "A partner buying for its own use buys from another organization's reseller or direct bill partner, into a separate customer-type tenant, never a partner's CSP tenant. Where an indirect reseller's tenant buys through another indirect reseller, example scenario 6 decides and this is advice.",
        "合作夥伴為自己使用而購買時，須向其他組織的間接轉銷商或直接帳單合作夥伴購買，並布建到獨立的客戶類型租用戶，不能布建到合作夥伴的 CSP 租用戶。間接轉銷商的租用戶透過另一個間接轉銷商購買時，由範例案例 6 判定，此規則僅作為建議。"),
    entry!(ResellerAsCustomerSameProvider, "RESELLER_AS_CUSTOMER.SAME_PROVIDER", Block, Cite::Scenario(6),
        "A tenant that is an indirect reseller of a provider can't also become an end customer of that same provider.",
        "已與某個間接提供者建立間接提供者-間接轉銷商關係的租用戶，不能再成為同一個間接提供者的終端客戶。"),
    entry!(ResellerAsCustomerOtherProvider, "RESELLER_AS_CUSTOMER.OTHER_PROVIDER", Info, Cite::Scenario(6),
        "An indirect reseller's tenant may buy as an end customer down the chain of another indirect provider, one it holds no reseller relationship with.",
        "間接轉銷商的租用戶可以透過另一個間接提供者（與其沒有轉銷商關係）的銷售鏈，以終端客戶的身分購買。"),
    entry!(RegionCustomerSameRegion, "REGION.CUSTOMER_SAME_REGION", Block, Cite::Scenario(7),
        "A partner sells only to customers of its own region (a CSP region is a market of one or more countries).",
        "合作夥伴只能銷售給相同地區的客戶（CSP 地區是由一個或多個國家／地區組成的市場）。"),
    entry!(RegionPartnerSameRegion, "REGION.PARTNER_SAME_REGION", Block, Cite::Scenario(8),
        "A partner builds relationships only with partners of its own region.",
        "合作夥伴只能與相同地區的合作夥伴建立關聯性。"),
    entry!(DiagramOneMicrosoft, "DIAGRAM.ONE_MICROSOFT", Info, Cite::Diagram,
        "A diagram has one Microsoft.",
        "一張圖中只有一個 Microsoft。"),
    entry!(DiagramDuplicateEdge, "DIAGRAM.DUPLICATE_EDGE", Info, Cite::Diagram,
        "The same relationship is drawn only once.",
        "同一個關聯性只畫一次。"),
    entry!(DiagramUnservedCustomer, "DIAGRAM.UNSERVED_CUSTOMER", Info, Cite::Types,
        "Every customer buys from someone through an allowed relationship.",
        "每個客戶都應透過允許的關聯性向某個合作夥伴購買。"),
];

impl RuleId {
    pub const ALL: [RuleId; ENTRIES.len()] = {
        let mut all = [RuleId::ChainMicrosoftSellsToPartners; ENTRIES.len()];
        let mut i = 0;
        while i < ENTRIES.len() {
            all[i] = ENTRIES[i].id;
            i += 1;
        }
        all
    };

    fn entry(self) -> &'static Entry {
        // ENTRIES is in declaration order (checked by a test), so the discriminant indexes it.
        &ENTRIES[self as usize]
    }

    /// The stable ID, e.g. `CHAIN.NO_SELF_LOOP`.
    pub fn as_str(self) -> &'static str {
        self.entry().code
    }

    pub fn from_code(code: &str) -> Option<RuleId> {
        ENTRIES.iter().find(|e| e.code == code).map(|e| e.id)
    }

    /// `block` rules decide verdicts; `info` rules only explain.
    /// `OWN_USE.SEPARATE_TENANT` is `block`, with an `info` finding on allowed own-use purchases.
    pub fn severity(self) -> Severity {
        self.entry().severity
    }

    pub fn cite(self) -> Cite {
        self.entry().cite
    }

    pub fn statement(self, lang: Lang) -> &'static str {
        self.entry().statement.get(lang)
    }

    /// The guide's section for this rule on Microsoft Learn, in the reader's language.
    pub fn link(self, lang: Lang) -> &'static str {
        self.cite().link(lang)
    }

    /// The pages the guide links to where this rule comes from.
    pub fn see_also(self) -> &'static [SeeAlso] {
        self.cite().see_also()
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One line of the catalogue, as `csp-rules rules` and `cspRules.rules()` give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub statement: &'static str,
    pub cite: String,
    /// Extension: the cited section on Microsoft Learn, in the reader's language.
    pub link: &'static str,
    /// Extension: the pages the guide links to from there.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<Link>,
}

/// The whole catalogue in one language, in ID order.
pub fn rules(lang: Lang) -> Vec<RuleInfo> {
    RuleId::ALL
        .iter()
        .map(|r| RuleInfo {
            id: r.as_str(),
            severity: r.severity(),
            statement: r.statement(lang),
            cite: r.cite().text(lang),
            link: r.link(lang),
            see_also: r.see_also().iter().map(|s| s.in_lang(lang)).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_in_declaration_order_and_codes_are_unique() {
        for (i, e) in ENTRIES.iter().enumerate() {
            assert_eq!(e.id as usize, i, "{}", e.code);
            assert_eq!(RuleId::from_code(e.code), Some(e.id));
        }
        let mut codes: Vec<_> = ENTRIES.iter().map(|e| e.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ENTRIES.len());
    }

    #[test]
    fn catalogue_matches_the_spec_ids() {
        let ids: Vec<_> = rules(Lang::En).into_iter().map(|r| r.id).collect();
        assert_eq!(
            ids,
            [
                "CHAIN.MICROSOFT_SELLS_TO_PARTNERS",
                "CHAIN.PROVIDER_SELLS_TO_RESELLERS",
                "CHAIN.RESELLER_SELLS_TO_CUSTOMERS",
                "CHAIN.DIRECT_SELLS_TO_CUSTOMERS",
                "CHAIN.CUSTOMERS_DO_NOT_SELL",
                "CHAIN.NEEDS_UPSTREAM",
                "CHAIN.NO_SELF_LOOP",
                "MPA.REQUIRED",
                "RESELLER.READY",
                "DIRECT.REQUIREMENTS",
                "MULTIPARTNER.ALLOWED",
                "MULTICHANNEL.ALLOWED",
                "MANAGES.PARTNER_TO_CUSTOMER",
                "SELF.NO_SALE_TO_SELF_OR_AFFILIATE",
                "OWN_USE.SEPARATE_TENANT",
                "RESELLER_AS_CUSTOMER.SAME_PROVIDER",
                "RESELLER_AS_CUSTOMER.OTHER_PROVIDER",
                "REGION.CUSTOMER_SAME_REGION",
                "REGION.PARTNER_SAME_REGION",
                "DIAGRAM.ONE_MICROSOFT",
                "DIAGRAM.DUPLICATE_EDGE",
                "DIAGRAM.UNSERVED_CUSTOMER",
            ]
        );
        for lang in Lang::ALL {
            assert!(rules(lang)
                .iter()
                .all(|r| !r.statement.is_empty() && !r.cite.is_empty()));
        }
        // `rules --json` and `rules()` carry the link, and the see-also pages where there are.
        let json = serde_json::to_string(&rules(Lang::ZhTw)).unwrap_or_default();
        assert!(json.contains(r#""link":"https://learn.microsoft.com/zh-tw/partner-center/csp-supported-partner-relationships#csp-program-requirements-signing-the-microsoft-partner-agreement-mpa""#));
        assert!(json.contains(r#""see_also":[{"title":"多合作夥伴支援","link":"https://learn.microsoft.com/zh-tw/partner-center/multipartner"}]"#), "{json}");
    }
}
