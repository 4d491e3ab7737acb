//! The scenario as the engine judges it: each text borrowed, either from the file it was
//! read from (where serde allows: a JSON string without escapes) or from a [`Scenario`] the
//! page holds, and nothing kept that judging doesn't use (positions are checked, then
//! dropped). At 250,000 edges this is about 60% of the owned scenario's memory, and reading
//! it copies no text.
//!
//! Its fields are the scenario file's, in the same order and with the same types, so reading
//! a file either way gives the same errors (a test and the fuzz target hold both readers to
//! it).

use crate::lang::Lang;
use crate::model::{Flag, Localized, Node, NodeKind, Scenario};
use serde::de::{Deserializer, Visitor};
use serde::Deserialize;
use std::borrow::Cow;

// Each expects what the model's type expects: serde's messages name the struct ("expected
// struct Localized"), and the two readers must say the same.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct Scenario")]
pub(crate) struct ScenarioView<'a> {
    pub version: u64,
    #[serde(default, rename = "title")]
    _title: Option<AnyString>,
    #[serde(
        default,
        rename = "titles",
        deserialize_with = "crate::parse::object_only"
    )]
    _titles: Option<Box<LocalizedView<'a>>>,
    #[serde(default, borrow)]
    pub as_of: Option<Cow<'a, str>>,
    #[serde(default, borrow, deserialize_with = "crate::parse::limited_nodes")]
    pub nodes: Vec<NodeView<'a>>,
    #[serde(default, borrow, deserialize_with = "crate::parse::limited_edges")]
    pub edges: Vec<EdgeView<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct Node")]
pub(crate) struct NodeView<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    pub kind: NodeKind,
    #[serde(default, borrow)]
    pub name: Option<Cow<'a, str>>,
    /// Boxed: most nodes have none, and inline it would be a quarter of every node.
    #[serde(default, borrow, deserialize_with = "crate::parse::object_only")]
    pub names: Option<Box<LocalizedView<'a>>>,
    #[serde(default, borrow)]
    pub region: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub org: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub tenant: Option<Cow<'a, str>>,
    #[serde(default)]
    pub mpa_signed: Option<bool>,
    #[serde(default)]
    pub onboarded: Option<bool>,
    #[serde(default)]
    pub enrolled: Option<bool>,
    #[serde(default)]
    pub requirements_met: Option<bool>,
    #[serde(default, rename = "x")]
    _x: Option<AnyNumber>,
    #[serde(default, rename = "y")]
    _y: Option<AnyNumber>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct Edge")]
pub(crate) struct EdgeView<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    #[serde(borrow)]
    pub from: Cow<'a, str>,
    #[serde(borrow)]
    pub to: Cow<'a, str>,
    pub kind: crate::model::EdgeKind,
}

/// `model::Localized`, borrowed: a text in each of the tool's languages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct Localized")]
pub(crate) struct LocalizedView<'a> {
    #[serde(default, borrow)]
    pub en: Option<Cow<'a, str>>,
    #[serde(rename = "zh-TW", default, borrow)]
    pub zh: Option<Cow<'a, str>>,
}

impl<'a> LocalizedView<'a> {
    fn of(l: &'a Localized) -> LocalizedView<'a> {
        LocalizedView {
            en: borrowed(&l.en),
            zh: borrowed(&l.zh),
        }
    }

    /// The text in `lang`, if it is there and not blank (as `Localized::get`).
    pub fn get(&self, lang: Lang) -> Option<&str> {
        lang.pick(&self.en, &self.zh)
            .as_deref()
            .filter(|t| !t.trim().is_empty())
    }

    /// Each text with its language, for validation (as `Localized::iter`).
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL
            .into_iter()
            .filter_map(|l| l.pick(&self.en, &self.zh).as_deref().map(|t| (l, t)))
    }
}

/// A string that was checked to be one and not kept (a title: nothing judges it).
#[derive(Debug)]
struct AnyString;

impl<'de> Deserialize<'de> for AnyString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = AnyString;
            // As `String` says it, so an error reads the same.
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<AnyString, E> {
                Ok(AnyString)
            }
        }
        d.deserialize_str(V)
    }
}

/// A number that was checked to be one (as an `f64` is) and not kept (a position).
#[derive(Debug)]
struct AnyNumber;

impl<'de> Deserialize<'de> for AnyNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        f64::deserialize(d).map(|_| AnyNumber)
    }
}

fn borrowed(s: &Option<String>) -> Option<Cow<'_, str>> {
    s.as_deref().map(Cow::Borrowed)
}

impl<'a> ScenarioView<'a> {
    /// The view of a scenario held in memory (the page's), borrowing every text.
    pub fn of(s: &'a Scenario) -> ScenarioView<'a> {
        ScenarioView {
            version: s.version,
            _title: None,
            _titles: None,
            as_of: borrowed(&s.as_of),
            nodes: s.nodes.iter().map(NodeView::of).collect(),
            edges: s
                .edges
                .iter()
                .map(|e| EdgeView {
                    id: Cow::Borrowed(&e.id),
                    from: Cow::Borrowed(&e.from),
                    to: Cow::Borrowed(&e.to),
                    kind: e.kind,
                })
                .collect(),
        }
    }
}

// The same questions `model::Node` answers, with the same answers.
impl<'a> NodeView<'a> {
    fn of(n: &'a Node) -> NodeView<'a> {
        NodeView {
            id: Cow::Borrowed(&n.id),
            kind: n.kind,
            name: borrowed(&n.name),
            names: n.names.as_ref().map(|l| Box::new(LocalizedView::of(l))),
            region: borrowed(&n.region),
            org: borrowed(&n.org),
            tenant: borrowed(&n.tenant),
            mpa_signed: n.mpa_signed,
            onboarded: n.onboarded,
            enrolled: n.enrolled,
            requirements_met: n.requirements_met,
            _x: None,
            _y: None,
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

    /// What to call it in the reader's language: its name in that language, else `label`.
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

    /// A flag's effective value: unstated means met; flags of other kinds never apply.
    pub fn flag(&self, flag: Flag) -> bool {
        !self.kind.has_flag(flag) || self.flag_field(flag).unwrap_or(true)
    }
}

#[cfg(test)]
#[allow(clippy::panic)] // a failing test panics
mod tests {
    use super::*;

    #[test]
    fn a_view_answers_as_the_node_does() {
        let mut n = Node::new("r", NodeKind::IndirectReseller);
        n.name = Some("  ".into());
        n.region = Some("europe".into());
        n.onboarded = Some(false);
        n.names = Some(Localized {
            en: None,
            zh: Some("轉銷商".into()),
        });
        for node in [n.clone(), Node::new("c", NodeKind::Customer)] {
            let v = NodeView::of(&node);
            assert_eq!(
                (v.org(), v.tenant(), v.label(), v.region()),
                (node.org(), node.tenant(), node.label(), node.region())
            );
            for lang in Lang::ALL {
                assert_eq!(v.label_in(lang), node.label_in(lang));
            }
            for f in Flag::ALL {
                assert_eq!(v.flag(f), node.flag(f));
            }
        }
    }

    #[test]
    fn text_without_escapes_is_borrowed_from_the_file() {
        let json = br#"{"version":1,"title":"t","nodes":[{"id":"a","kind":"customer","region":"e\u0075rope","x":1}]}"#;
        let v: ScenarioView = serde_json::from_slice(json).unwrap_or_else(|e| panic!("{e}"));
        let n = &v.nodes[0];
        assert!(matches!(n.id, Cow::Borrowed("a")));
        assert_eq!(n.region.as_deref(), Some("europe"));
        assert!(matches!(n.region, Some(Cow::Owned(_))));
    }
}
