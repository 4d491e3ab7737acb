//! The guide's terms and the tool's: the guide's Traditional Chinese is a machine translation,
//! and where it chose a word that reads wrongly in Taiwan the tool uses a clearer one, while
//! citations keep the guide's own. This table says which is which (also `docs/glossary.md`).

use crate::lang::Lang;
use serde::Serialize;

/// One term: the English original, the guide's Chinese for it and the tool's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Term {
    /// The term in the guide's English original.
    pub en: &'static str,
    /// The guide's Chinese (its machine translation), every variant it uses; empty when the
    /// guide has no such term.
    pub guide: &'static str,
    /// The tool's Chinese.
    pub tool: &'static str,
    /// Why, in English.
    pub note_en: &'static str,
    /// Why, in Chinese.
    pub note_zh: &'static str,
}

impl Term {
    pub fn note(&self, lang: Lang) -> &'static str {
        lang.pick(self.note_en, self.note_zh)
    }
}

macro_rules! term {
    ($en:literal, $guide:literal, $tool:literal, $note_en:literal, $note_zh:literal) => {
        Term {
            en: $en,
            guide: $guide,
            tool: $tool,
            note_en: $note_en,
            note_zh: $note_zh,
        }
    };
}

/// The glossary, in the order a reader meets the terms.
pub const GLOSSARY: [Term; 20] = [
    term!("CSP program", "CSP 計畫、CSP 方案、CSP 程式", "CSP 計畫",
        "One name for the Cloud Solution Provider program.",
        "雲端解決方案提供者計畫統一稱為「CSP 計畫」。"),
    term!("indirect provider (distributor)", "間接提供者、間接服務提供者、散發者", "間接提供者（經銷商）",
        "A distributor is 經銷商 in Taiwan; 散發者 is a literal machine translation.",
        "distributor 在台灣稱為「經銷商」；「散發者」是字面的機器翻譯。"),
    term!("indirect reseller", "間接轉銷商、間接經銷商", "間接轉銷商",
        "One name for the role, as the guide uses most.",
        "統一使用指南最常用的「間接轉銷商」。"),
    term!("direct bill partner", "直接帳單合作夥伴", "直接帳單合作夥伴", "As the guide.", "與指南相同。"),
    term!("end customer", "終端客戶、一般客戶", "終端客戶", "As the guide.", "與指南相同。"),
    term!("relationship", "關聯性、關係", "關聯性",
        "A line of the diagram: a sale or a management relationship.",
        "圖中的一條線：銷售或管理關聯性。"),
    term!("tenant", "租使用者", "租用戶",
        "An Azure AD (Microsoft Entra ID) directory; 租用戶 is the term of Microsoft's Taiwan pages.",
        "Azure AD（Microsoft Entra ID）目錄；「租用戶」是 Microsoft 台灣網頁使用的用語。"),
    term!("customer-type tenant", "指定為客戶類型的租使用者", "客戶類型的租用戶", "As the guide, with 租用戶.", "與指南相同，改用「租用戶」。"),
    term!("separate (tenant, environment)", "個別", "獨立",
        "個別 means individual; the guide means a separate tenant.",
        "「個別」是「各自、個別」的意思；指南指的是獨立的租用戶。"),
    term!("affiliate", "分支機搆組織", "關係企業",
        "分支機構 (the guide writes 分支機搆) means a branch; the guide means affiliated organizations.",
        "「分支機構」（指南寫作「分支機搆」）是分公司的意思；指南指的是關係企業。"),
    term!("onboarded to Partner Center", "上架到合作夥伴中心", "加入合作夥伴中心",
        "上架 means putting a product on a shelf; a partner joins Partner Center.",
        "「上架」是指商品上架；合作夥伴是加入合作夥伴中心。"),
    term!("enroll", "註冊", "註冊", "As the guide.", "與指南相同。"),
    term!("Microsoft Partner Agreement (MPA)", "Microsoft 合作夥伴合約（MPA）", "Microsoft 合作夥伴合約（MPA）", "As the guide.", "與指南相同。"),
    term!("engage (partners)", "聯繫", "委託",
        "聯繫 means to contact; a customer engages (hires) partners to manage its subscriptions.",
        "「聯繫」是聯絡的意思；客戶是委託合作夥伴管理其訂用帳戶。"),
    term!("multichannel", "Mult-通道", "多通路",
        "A sales channel is 通路 in Taiwan; 通道 is a passage.",
        "銷售管道在台灣稱為「通路」；「通道」是通行的管道。"),
    term!("multipartner", "多合作夥伴", "多合作夥伴", "As the guide.", "與指南相同。"),
    term!("offers", "供應專案", "供應項目",
        "An offer in the marketplace; 專案 means a project.",
        "市集中的供應項目；「專案」是專案計畫的意思。"),
    term!("region", "地區、區域", "地區",
        "A CSP region is a market of one or more countries.",
        "CSP 地區是由一個或多個國家／地區組成的市場。"),
    term!("findings", "", "檢查結果",
        "What the tool says about a relationship (not in the guide).",
        "本工具對關聯性所做的說明（指南中沒有此用語）。"),
    term!("allowed / blocked", "", "允許／不允許",
        "The tool's two verdicts, said as a pair (not in the guide).",
        "本工具的兩種判定結果，成對使用（指南中沒有此用語）。"),
];

/// The glossary, in the order a reader meets the terms.
pub fn glossary() -> &'static [Term] {
    &GLOSSARY
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_has_both_languages() {
        for t in glossary() {
            assert!(!t.en.is_empty() && !t.tool.is_empty(), "{t:?}");
            assert!(!t.note_en.is_empty() && !t.note_zh.is_empty(), "{t:?}");
            for lang in Lang::ALL {
                assert!(!t.note(lang).is_empty());
            }
            assert!(t
                .note_zh
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        }
    }
}
