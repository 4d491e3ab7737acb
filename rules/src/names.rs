//! Display names of node kinds, edge kinds, flags and regions, in both languages.

use crate::lang::Lang;
use crate::model::{EdgeKind, Flag, NodeKind};

pub fn kind_name(kind: NodeKind, lang: Lang) -> &'static str {
    match kind {
        NodeKind::Microsoft => "Microsoft",
        NodeKind::IndirectProvider => lang.pick("indirect provider", "間接提供者"),
        NodeKind::IndirectReseller => lang.pick("indirect reseller", "間接轉銷商"),
        NodeKind::DirectBillPartner => lang.pick("direct bill partner", "直接帳單合作夥伴"),
        NodeKind::Customer => lang.pick("customer", "客戶"),
    }
}

pub fn edge_kind_name(kind: EdgeKind, lang: Lang) -> &'static str {
    match kind {
        EdgeKind::SellsTo => lang.pick("sells to", "銷售給"),
        EdgeKind::Manages => lang.pick("manages", "管理"),
    }
}

pub fn flag_name(flag: Flag, lang: Lang) -> &'static str {
    match flag {
        Flag::MpaSigned => lang.pick("signed the Microsoft Partner Agreement (MPA)", "已簽署 Microsoft 合作夥伴合約（MPA）"),
        Flag::Onboarded => lang.pick("onboarded to Partner Center", "已加入合作夥伴中心"),
        Flag::Enrolled => lang.pick("enrolled as an indirect reseller", "已註冊為間接轉銷商"),
        Flag::RequirementsMet => lang.pick(
            "meets the direct bill requirements (API integration; ongoing billing, support and managed services)",
            "符合直接帳單需求（API 整合；持續提供帳單、支援和受控服務）",
        ),
    }
}

/// A flag as a step still to take (for lists of what is missing, where "已 …" would say it is
/// done).
pub fn flag_step(flag: Flag, lang: Lang) -> &'static str {
    match flag {
        Flag::MpaSigned => lang.pick("sign the Microsoft Partner Agreement (MPA)", "簽署 Microsoft 合作夥伴合約（MPA）"),
        Flag::Onboarded => lang.pick("be onboarded to Partner Center", "加入合作夥伴中心"),
        Flag::Enrolled => lang.pick("enroll as an indirect reseller", "註冊為間接轉銷商"),
        Flag::RequirementsMet => lang.pick(
            "meet the direct bill requirements (API integration; ongoing billing, support and managed services)",
            "符合直接帳單需求（API 整合；持續提供帳單、支援和受控服務）",
        ),
    }
}

/// What a region is, for the inspector's help beside the region field.
pub fn region_help(lang: Lang) -> &'static str {
    lang.pick(
        "A CSP region is a market of one or more countries: a partner sells to customers, and builds relationships with partners, of its own region only. A customer's region is the market of its tenant's country.",
        "CSP 地區是由一個或多個國家／地區組成的市場：合作夥伴只能銷售給相同地區的客戶，也只能與相同地區的合作夥伴建立關聯性。客戶的地區是其租用戶所在國家／地區所屬的市場。",
    )
}

/// A region as a message says it after "in" or "to": English names that take an article get
/// it ("the United States"); a region ID that is not a CSP region is quoted as it is.
pub fn region_phrase(id: &str, lang: Lang) -> String {
    match (id, lang) {
        ("united_states" | "middle_east_central_eastern_europe", Lang::En) => {
            format!("the {}", region_name(id, lang))
        }
        _ if crate::model::CSP_REGIONS.contains(&id) => region_name(id, lang).to_string(),
        (_, Lang::En) => format!("“{id}”"),
        (_, Lang::ZhTw) => format!("「{id}」"),
    }
}

/// A CSP region's name; any other region ID is shown as it is.
pub fn region_name(id: &str, lang: Lang) -> &str {
    let (en, zh) = match id {
        "africa" => ("Africa", "非洲"),
        "asia_pacific" => ("Asia Pacific", "亞太地區"),
        "australia" => ("Australia", "澳洲"),
        "brazil" => ("Brazil", "巴西"),
        "canada" => ("Canada", "加拿大"),
        "china" => ("China", "中國"),
        "europe" => ("Europe", "歐洲"),
        "india" => ("India", "印度"),
        "japan" => ("Japan", "日本"),
        "korea" => ("Korea", "韓國"),
        "latin_america_caribbean" => ("Latin America and the Caribbean", "拉丁美洲及加勒比海地區"),
        "middle_east_central_eastern_europe" => {
            ("Middle East and Central & Eastern Europe", "中東及中東歐")
        }
        "new_zealand" => ("New Zealand", "紐西蘭"),
        "taiwan" => ("Taiwan", "台灣"),
        "united_states" => ("United States", "美國"),
        _ => return id,
    };
    lang.pick(en, zh)
}
