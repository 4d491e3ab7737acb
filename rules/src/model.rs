//! The scenario file (interfaces.md §1) as plain data. Parsing and validation live in
//! `parse`; this module only says what a scenario is.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// The guide's date: a file without `as_of` is judged as of the guide itself.
pub const DEFAULT_AS_OF: Date = Date {
    year: 2020,
    month: 5,
    day: 12,
};

/// A whole diagram: who is in it and how they are connected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Extension: the title in each language; `title` is used where one is missing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::parse::object_only"
    )]
    pub titles: Option<Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(default, deserialize_with = "crate::parse::limited_nodes")]
    pub nodes: Vec<Node>,
    #[serde(default, deserialize_with = "crate::parse::limited_edges")]
    pub edges: Vec<Edge>,
}

impl Scenario {
    /// The node with this ID, if any (a scan: for one-off lookups, not loops over edges).
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// What to call the node with this ID: its label, or the ID itself when it is gone.
    pub fn label_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.node(id).map_or(id, Node::label)
    }

    /// As [`Scenario::label_of`], in the reader's language.
    pub fn label_of_in<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.node(id).map_or(id, |n| n.label_in(lang))
    }

    /// The title in the reader's language, else `title`.
    pub fn title_in(&self, lang: Lang) -> Option<&str> {
        self.titles
            .as_ref()
            .and_then(|t| t.get(lang))
            .or(self.title.as_deref())
    }
}

/// Extension of the scenario file: a text in the tool's two languages, each optional, beside
/// the file's own single-language field (`name`, `title`), which stays the fallback.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(rename = "zh-TW", default, skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
}

impl Localized {
    /// The text in `lang`, if it is there and not blank.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        lang.pick(&self.en, &self.zh)
            .as_deref()
            .filter(|t| !t.trim().is_empty())
    }

    /// Each text with its language, for validation.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL
            .into_iter()
            .filter_map(|l| lang_text(self, l).map(|t| (l, t)))
    }
}

fn lang_text(l: &Localized, lang: Lang) -> Option<&str> {
    lang.pick(&l.en, &l.zh).as_deref()
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            version: 1,
            title: None,
            titles: None,
            as_of: None,
            nodes: Vec::new(),
            edges: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Microsoft,
    IndirectProvider,
    IndirectReseller,
    DirectBillPartner,
    Customer,
}

impl NodeKind {
    pub const ALL: [NodeKind; 5] = [
        NodeKind::Microsoft,
        NodeKind::IndirectProvider,
        NodeKind::IndirectReseller,
        NodeKind::DirectBillPartner,
        NodeKind::Customer,
    ];

    /// The ID used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Microsoft => "microsoft",
            NodeKind::IndirectProvider => "indirect_provider",
            NodeKind::IndirectReseller => "indirect_reseller",
            NodeKind::DirectBillPartner => "direct_bill_partner",
            NodeKind::Customer => "customer",
        }
    }

    /// Indirect providers, indirect resellers and direct bill partners.
    pub fn is_partner(self) -> bool {
        matches!(
            self,
            NodeKind::IndirectProvider | NodeKind::IndirectReseller | NodeKind::DirectBillPartner
        )
    }

    /// Which of the optional flags a node of this kind may carry.
    pub fn has_flag(self, flag: Flag) -> bool {
        match flag {
            Flag::MpaSigned => self.is_partner(),
            Flag::Onboarded | Flag::Enrolled => self == NodeKind::IndirectReseller,
            Flag::RequirementsMet => self == NodeKind::DirectBillPartner,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    SellsTo,
    Manages,
}

impl EdgeKind {
    pub const ALL: [EdgeKind; 2] = [EdgeKind::SellsTo, EdgeKind::Manages];

    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::SellsTo => "sells_to",
            EdgeKind::Manages => "manages",
        }
    }
}

/// The yes/no facts a node states only where it falls short (all default to `true`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flag {
    MpaSigned,
    Onboarded,
    Enrolled,
    RequirementsMet,
}

impl Flag {
    pub const ALL: [Flag; 4] = [
        Flag::MpaSigned,
        Flag::Onboarded,
        Flag::Enrolled,
        Flag::RequirementsMet,
    ];

    /// The field name in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::MpaSigned => "mpa_signed",
            Flag::Onboarded => "onboarded",
            Flag::Enrolled => "enrolled",
            Flag::RequirementsMet => "requirements_met",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Extension: the name in each language; `name` is used where one is missing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::parse::object_only"
    )]
    pub names: Option<Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mpa_signed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onboarded: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrolled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirements_met: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<f64>,
}

impl Node {
    /// A node of `kind` with nothing but its ID set.
    pub fn new(id: impl Into<String>, kind: NodeKind) -> Self {
        Node {
            id: id.into(),
            kind,
            name: None,
            names: None,
            region: None,
            org: None,
            tenant: None,
            mpa_signed: None,
            onboarded: None,
            enrolled: None,
            requirements_met: None,
            x: None,
            y: None,
        }
    }

    /// Its organization: affiliates share one. Defaults to the node's own ID.
    pub fn org(&self) -> &str {
        self.org.as_deref().unwrap_or(&self.id)
    }

    /// The Partner Center tenant that holds its relationships. Defaults to its own ID.
    pub fn tenant(&self) -> &str {
        self.tenant.as_deref().unwrap_or(&self.id)
    }

    /// What to call it in messages: its name, else its ID.
    pub fn label(&self) -> &str {
        match self.name.as_deref() {
            Some(n) if !n.trim().is_empty() => n,
            _ => &self.id,
        }
    }

    /// What to call it in the reader's language: its name in that language, else [`Node::label`].
    pub fn label_in(&self, lang: Lang) -> &str {
        match self.names.as_ref().and_then(|n| n.get(lang)) {
            Some(n) => n,
            None => self.label(),
        }
    }

    /// Microsoft is global; every other node has a region (validated on parse).
    pub fn region(&self) -> Option<&str> {
        match self.kind {
            NodeKind::Microsoft => None,
            _ => self.region.as_deref(),
        }
    }

    pub fn flag_field(&self, flag: Flag) -> Option<bool> {
        match flag {
            Flag::MpaSigned => self.mpa_signed,
            Flag::Onboarded => self.onboarded,
            Flag::Enrolled => self.enrolled,
            Flag::RequirementsMet => self.requirements_met,
        }
    }

    pub fn set_flag(&mut self, flag: Flag, value: Option<bool>) {
        let slot = match flag {
            Flag::MpaSigned => &mut self.mpa_signed,
            Flag::Onboarded => &mut self.onboarded,
            Flag::Enrolled => &mut self.enrolled,
            Flag::RequirementsMet => &mut self.requirements_met,
        };
        *slot = value;
    }

    /// A flag's effective value: unstated means met; flags of other kinds never apply.
    pub fn flag(&self, flag: Flag) -> bool {
        !self.kind.has_flag(flag) || self.flag_field(flag).unwrap_or(true)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    pub id: String,
    pub from: String,
    pub to: String,
    pub kind: EdgeKind,
}

/// A calendar date, as `YYYY-MM-DD` in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses exactly `YYYY-MM-DD` of a real calendar day; `None` otherwise.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if day == 0 || day > days {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The CSP regions the page offers (rules.md); any other string is accepted too.
pub const CSP_REGIONS: [&str; 15] = [
    "africa",
    "asia_pacific",
    "australia",
    "brazil",
    "canada",
    "china",
    "europe",
    "india",
    "japan",
    "korea",
    "latin_america_caribbean",
    "middle_east_central_eastern_europe",
    "new_zealand",
    "taiwan",
    "united_states",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real_days() {
        assert_eq!(
            Date::parse("2020-02-29").map(|d| d.to_string()).as_deref(),
            Some("2020-02-29")
        );
        for bad in [
            "2019-02-29",
            "2020-13-01",
            "2020-00-10",
            "2020-1-01",
            "20200101",
            "2020-01-32",
            "+020-01-01",
            "２020-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2020-01-31") < Date::parse("2020-02-01"));
    }

    #[test]
    fn unstated_flags_are_met_and_foreign_flags_never_apply() {
        let mut n = Node::new("r", NodeKind::IndirectReseller);
        assert!(n.flag(Flag::MpaSigned));
        n.set_flag(Flag::MpaSigned, Some(false));
        assert!(!n.flag(Flag::MpaSigned));
        let mut c = Node::new("c", NodeKind::Customer);
        c.mpa_signed = Some(false);
        assert!(c.flag(Flag::MpaSigned));
        assert_eq!(c.org(), "c");
        assert_eq!(c.tenant(), "c");
    }
}
