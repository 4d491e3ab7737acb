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
        Flag::Onboarded => lang.pick("onboarded to Partner Center", "已上架到合作夥伴中心"),
        Flag::Enrolled => lang.pick("enrolled as an indirect reseller", "已註冊為間接轉銷商"),
        Flag::RequirementsMet => lang.pick(
            "meets the direct bill requirements (API integration; ongoing billing, support and managed services)",
            "符合直接帳單需求（API 整合；持續提供帳單、支援和受控服務）",
        ),
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
        "latin_america_caribbean" => ("Latin America and Caribbean", "拉丁美洲及加勒比海地區"),
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
