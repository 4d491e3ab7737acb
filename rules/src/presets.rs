//! The guide's eight example scenarios as built-in presets. The scenario files live in
//! `rules/presets/` (plain scenario files the CLI reads too); titles and descriptions in
//! both languages live here, beside them. With the `embedded` feature (the default: the CLI,
//! the tests) the files are compiled in; without it (the page's WebAssembly) the host reads
//! [`Preset::path`] itself when first needed and hands the text to [`Preset::read`].

use crate::error::{Place, Problem, ScenarioError};
use crate::lang::{Lang, Text};
use crate::model::Scenario;
use crate::parse::parse;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// The guide's example scenario number, 1–8 (`#preset=N`).
    pub number: u8,
    pub slug: &'static str,
    pub title: Text,
    pub description: Text,
    /// The scenario file, as stored in the repo.
    #[cfg(feature = "embedded")]
    pub json: &'static str,
}

impl Preset {
    pub fn title(&self, lang: Lang) -> &'static str {
        self.title.get(lang)
    }

    pub fn description(&self, lang: Lang) -> &'static str {
        self.description.get(lang)
    }

    /// Where its file is, under `rules/` in the repo and under the page's `dist/`.
    pub fn path(&self) -> String {
        format!("presets/{}.json", self.slug)
    }

    /// The preset's scenario from its file's text, as [`Preset::path`] holds it.
    pub fn read(&self, text: &str) -> Result<Scenario, ScenarioError> {
        parse(text)
    }

    /// The preset's scenario; presets are checked by tests, so this fails only on a bad edit.
    #[cfg(feature = "embedded")]
    pub fn scenario(&self) -> Result<Scenario, ScenarioError> {
        self.read(self.json)
    }
}

macro_rules! preset {
    ($n:literal, $slug:literal, $en:literal, $zh:literal, $den:literal, $dzh:literal) => {
        Preset {
            number: $n,
            slug: $slug,
            title: Text { en: $en, zh: $zh },
            description: Text { en: $den, zh: $dzh },
            #[cfg(feature = "embedded")]
            json: include_str!(concat!("../presets/", $slug, ".json")),
        }
    };
}

const PRESETS: [Preset; 8] = [
    preset!(1, "1-end-to-end",
        "1. End-to-end selling", "1. 端對端銷售",
        "The two supported chains side by side: Microsoft sells to a direct bill partner, which sells to a customer; and Microsoft sells to an indirect provider, which sells to an indirect reseller, which sells to a customer.",
        "兩種支援的交易關聯性並列：Microsoft 銷售給直接帳單合作夥伴，再由其銷售給客戶；以及 Microsoft 銷售給間接提供者，間接提供者銷售給間接轉銷商，再由間接轉銷商銷售給客戶。"),
    preset!(2, "2-multipartner",
        "2. Buying from several partners", "2. 向多個合作夥伴購買",
        "Fabrikam buys one service from a direct bill partner and another from an indirect reseller: a customer may buy different services from different partners (multipartner).",
        "Fabrikam 向直接帳單合作夥伴購買一項服務，並向間接轉銷商購買另一項服務：終端客戶可以向不同的合作夥伴購買不同的服務（多合作夥伴）。"),
    preset!(3, "3-multichannel",
        "3. Several partners manage one customer", "3. 多個合作夥伴管理同一個客戶",
        "Fabrikam buys from Adatum and engages two more partners to manage and support its subscriptions: a customer may engage several partners, also for subscriptions bought through another channel (multichannel).",
        "Fabrikam 向 Adatum 購買，並另外委託兩個合作夥伴管理和支援其訂用帳戶：客戶可以委託多個合作夥伴，透過其他通路購買的訂用帳戶也可以（多通路）。"),
    preset!(4, "4-own-use",
        "4. A partner buying for its own use", "4. 合作夥伴為自己使用而購買",
        "The reseller Litware buys for its own use from another organization's direct bill partner. Into a separate customer-type tenant it is allowed; into Litware's CSP tenant it is not.",
        "間接轉銷商 Litware 向其他組織的直接帳單合作夥伴購買供自己使用。布建到獨立的客戶類型租用戶是允許的；布建到 Litware 的 CSP 租用戶則不允許。"),
    preset!(5, "5-self-sale",
        "5. Selling to itself or an affiliate", "5. 銷售給自己或關係企業",
        "Adatum sells to itself and Litware sells to its own affiliate as end customers: by contract neither is allowed. Litware's sale to Fabrikam, another organization, is.",
        "Adatum 將自己當作終端客戶來銷售，Litware 則銷售給自己的關係企業：根據合約，兩者都不允許。Litware 銷售給另一個組織 Fabrikam 則是允許的。"),
    preset!(6, "6-reseller-as-customer",
        "6. A reseller buying from its own provider", "6. 間接轉銷商向自己的間接提供者購買",
        "Tailspin Toys is an indirect reseller of Contoso and buys for its own use through Wingtip, another of Contoso's resellers. Into its own reseller tenant it is not allowed; option 1, a separate tenant, is shown beside it. Relecloud, a second indirect provider, is there for options 2 and 3: Tailspin's reseller relationship moves away from Contoso, and the same purchase is allowed.",
        "Tailspin 玩具是 Contoso 的間接轉銷商，透過 Contoso 的另一個間接轉銷商 Wingtip 購買供自己使用。布建到其本身的轉銷商租用戶不允許；旁邊顯示選項 1（獨立的租用戶）。第二個間接提供者 Relecloud 用於選項 2 和選項 3：Tailspin 的間接轉銷商關係從 Contoso 移走後，同一筆購買就是允許的。"),
    preset!(7, "7-cross-region-customer",
        "7. A customer in another region", "7. 不同地區的客戶",
        "Litware, in Europe, sells to Fabrikam in Europe and to Woodgrove Bank in the United States: a partner sells only to customers of its own region.",
        "位於歐洲的 Litware 銷售給歐洲的 Fabrikam 和美國的 Woodgrove 銀行：合作夥伴只能銷售給相同地區的客戶。"),
    preset!(8, "8-cross-region-reseller",
        "8. A reseller in another region", "8. 不同地區的間接轉銷商",
        "Contoso, in Europe, links Litware in Europe and Trey Research in Asia Pacific: partners build relationships only with partners of their own region, so Trey has nothing to sell.",
        "位於歐洲的 Contoso 與歐洲的 Litware 及亞太地區的 Trey 研究公司建立關係：合作夥伴只能與相同地區的合作夥伴建立關聯性，因此 Trey 沒有可銷售的項目。"),
];

/// All eight, in the guide's order.
pub fn all() -> &'static [Preset] {
    &PRESETS
}

/// Preset `number` (1–8).
pub fn get(number: u8) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.number == number)
}

/// The preset a `#preset=` value names, or the error line that says it names none.
pub fn find(number: &str) -> Result<&'static Preset, ScenarioError> {
    number
        .parse::<u8>()
        .ok()
        .and_then(get)
        .ok_or_else(|| ScenarioError::new(Place::Input, Problem::NoSuchPreset(number.into())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_reads_the_number_or_says_there_is_none() {
        assert_eq!(find("6").map(|p| p.number), Ok(6));
        for bad in ["9", "0", "x", "", "06 "] {
            let e = find(bad).map(|p| p.number).map_err(|e| e.line(Lang::En));
            assert_eq!(
                e,
                Err(format!(
                    "error: input: there is no guide scenario {bad:?} (use #preset=1 to #preset=8)"
                ))
            );
        }
        assert_eq!(
            find("9").map(|p| p.number).map_err(|e| e.line(Lang::ZhTw)),
            Err("error: 輸入：沒有指南範例案例 \"9\"（請使用 #preset=1 到 #preset=8）".into())
        );
        let unreadable = ScenarioError::new(Place::Input, Problem::Unreadable);
        assert_eq!(
            unreadable.line(Lang::En),
            "error: input: the file could not be read"
        );
        assert_eq!(unreadable.line(Lang::ZhTw), "error: 輸入：無法讀取檔案");
    }
}
