//! Where the guide lives, for links: its sections, the pages it links to, and the URLs of
//! both on Microsoft Learn in the reader's language. A link is plain navigation, fetched only
//! when a reader follows it, so nothing here is ever requested by the engine or the page.

use crate::lang::{Lang, Text};
use serde::Serialize;

/// The guide's version (its `ms.date`): every rule is read from this edition.
pub const GUIDE_VERSION: &str = "2020-05-12";

/// The guide's title, as Microsoft Learn gives it in each language.
pub const GUIDE_TITLE: Text = Text {
    en: "Supported CSP partner relationships",
    zh: "支援的 CSP 合作夥伴關係",
};

/// One of the guide's three sections that the rules come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// "Types of partner relationships in the CSP program".
    Types,
    /// "CSP program requirements: signing the Microsoft Partner Agreement (MPA)".
    Mpa,
    /// "Supported partner transactions in the CSP program" (the eight example scenarios).
    Transactions,
}

/// `https://learn.microsoft.com/<lang>/partner-center/<page>`, written out for both languages
/// so every link is a `&'static str` (a report of 250,000 edges allocates no URL).
macro_rules! learn {
    ($page:expr) => {
        Text {
            en: concat!("https://learn.microsoft.com/en-us/partner-center/", $page),
            zh: concat!("https://learn.microsoft.com/zh-tw/partner-center/", $page),
        }
    };
}

macro_rules! guide {
    ($anchor:literal) => {
        learn!(concat!("csp-supported-partner-relationships", $anchor))
    };
}

/// The guide's own page, without a section.
const GUIDE: Text = guide!("");

impl Section {
    pub const ALL: [Section; 3] = [Section::Types, Section::Mpa, Section::Transactions];

    /// The section's heading, in the guide's own words (in Chinese, its translation's).
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Section::Types => Text {
                en: "Types of partner relationships in the CSP program",
                zh: "CSP 計畫中的夥伴關聯性類型",
            },
            Section::Mpa => Text {
                en: "CSP program requirements: signing the Microsoft Partner Agreement (MPA)",
                zh: "CSP 方案需求：簽署 Microsoft 合作夥伴合約（MPA）",
            },
            Section::Transactions => Text {
                en: "Supported partner transactions in the CSP program",
                zh: "CSP 計畫中支援的合作夥伴交易",
            },
        }
        .get(lang)
    }

    /// The section's anchor on the guide's page.
    pub fn anchor(self) -> &'static str {
        match self {
            Section::Types => "types-of-partner-relationships-in-the-csp-program",
            Section::Mpa => "csp-program-requirements-signing-the-microsoft-partner-agreement-mpa",
            Section::Transactions => "supported-partner-transactions-in-the-csp-program",
        }
    }

    /// The section on Microsoft Learn, in the reader's language.
    pub fn link(self, lang: Lang) -> &'static str {
        match self {
            Section::Types => guide!("#types-of-partner-relationships-in-the-csp-program"),
            Section::Mpa => {
                guide!("#csp-program-requirements-signing-the-microsoft-partner-agreement-mpa")
            }
            Section::Transactions => guide!("#supported-partner-transactions-in-the-csp-program"),
        }
        .get(lang)
    }
}

/// The guide's page on Microsoft Learn, in the reader's language.
pub fn guide_link(lang: Lang) -> &'static str {
    GUIDE.get(lang)
}

/// A page the guide links to ("see also"), beside it on Microsoft Learn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SeeAlso {
    IndirectProviderTasks,
    IndirectResellerTasks,
    DirectBillEnrolment,
    Mpa,
    Multipartner,
    Multichannel,
    Regions,
    MicrosoftSupport,
}

impl SeeAlso {
    pub const ALL: [SeeAlso; 8] = [
        SeeAlso::IndirectProviderTasks,
        SeeAlso::IndirectResellerTasks,
        SeeAlso::DirectBillEnrolment,
        SeeAlso::Mpa,
        SeeAlso::Multipartner,
        SeeAlso::Multichannel,
        SeeAlso::Regions,
        SeeAlso::MicrosoftSupport,
    ];

    /// The link's text: the linked page's title, as the guide words its link (in Chinese with
    /// the tool's terms where the guide's translation garbles them, see [`crate::glossary`]).
    pub fn title(self, lang: Lang) -> &'static str {
        let t = match self {
            SeeAlso::IndirectProviderTasks => Text {
                en: "Partner with indirect resellers in the CSP program",
                zh: "與 CSP 計畫中的間接轉銷商合作",
            },
            SeeAlso::IndirectResellerTasks => Text {
                en: "Indirect reseller tasks in Partner Center",
                zh: "在合作夥伴中心的間接經銷商工作",
            },
            SeeAlso::DirectBillEnrolment => Text {
                en: "Enroll as a direct bill partner",
                zh: "註冊為直接帳單合作夥伴",
            },
            SeeAlso::Mpa => Text {
                en: "Microsoft Partner Agreement (MPA) for CSP partners",
                zh: "CSP 合作夥伴的 Microsoft 合作夥伴合約（MPA）",
            },
            SeeAlso::Multipartner => Text {
                en: "Multipartner support",
                zh: "多合作夥伴支援",
            },
            SeeAlso::Multichannel => Text {
                en: "Multichannel support",
                zh: "多通路支援",
            },
            SeeAlso::Regions => Text {
                en: "Regional markets and currencies of the Cloud Solution Provider program",
                zh: "雲端解決方案提供者方案的區域市場和貨幣",
            },
            SeeAlso::MicrosoftSupport => Text {
                en: "Microsoft support",
                zh: "Microsoft 支援服務",
            },
        };
        t.get(lang)
    }

    /// The page on Microsoft Learn, in the reader's language.
    pub fn link(self, lang: Lang) -> &'static str {
        match self {
            SeeAlso::IndirectProviderTasks => learn!("indirect-provider-tasks-in-partner-center"),
            SeeAlso::IndirectResellerTasks => learn!("indirect-reseller-tasks-in-partner-center"),
            SeeAlso::DirectBillEnrolment => {
                learn!("enrolling-in-the-csp-program#enroll-as-a-direct-bill-partner")
            }
            SeeAlso::Mpa => learn!("microsoft-partner-agreement"),
            SeeAlso::Multipartner => learn!("multipartner"),
            SeeAlso::Multichannel => learn!("multichannel"),
            SeeAlso::Regions => learn!("regional-authorization-overview"),
            SeeAlso::MicrosoftSupport => learn!("support-from-microsoft"),
        }
        .get(lang)
    }

    /// As data: `{title, link}` in one language.
    pub fn in_lang(self, lang: Lang) -> Link {
        Link {
            title: self.title(lang),
            link: self.link(lang),
        }
    }
}

/// A link as data, for the JSON of the catalogue and for the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Link {
    pub title: &'static str,
    pub link: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_link_is_on_learn_in_the_readers_language() {
        let mut links: Vec<(&str, Lang)> = Section::ALL
            .iter()
            .flat_map(|s| Lang::ALL.map(|l| (s.link(l), l)))
            .collect();
        links.extend(
            SeeAlso::ALL
                .iter()
                .flat_map(|s| Lang::ALL.map(|l| (s.link(l), l))),
        );
        links.extend(Lang::ALL.map(|l| (guide_link(l), l)));
        for (link, lang) in links {
            let prefix = lang.pick(
                "https://learn.microsoft.com/en-us/partner-center/",
                "https://learn.microsoft.com/zh-tw/partner-center/",
            );
            assert!(link.starts_with(prefix), "{link}");
            assert!(!link.contains(".md") && !link.contains(' '), "{link}");
        }
        for s in Section::ALL {
            for lang in Lang::ALL {
                assert_eq!(s.link(lang), format!("{}#{}", guide_link(lang), s.anchor()));
            }
        }
        assert_eq!(
            Section::Mpa.link(Lang::ZhTw),
            "https://learn.microsoft.com/zh-tw/partner-center/csp-supported-partner-relationships#csp-program-requirements-signing-the-microsoft-partner-agreement-mpa"
        );
        assert_eq!(
            SeeAlso::DirectBillEnrolment.link(Lang::En),
            "https://learn.microsoft.com/en-us/partner-center/enrolling-in-the-csp-program#enroll-as-a-direct-bill-partner"
        );
    }
}
