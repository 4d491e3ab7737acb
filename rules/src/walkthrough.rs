//! Guided walkthroughs of the guide's eight scenarios. A walkthrough is data, stored beside
//! the presets in `rules/presets/walkthroughs/N.json`, so training text can change without
//! touching code; this module reads it and checks a learner's edits against it, so the page
//! keeps no rule knowledge of its own. As for the presets, the files are compiled in with the
//! `embedded` feature; without it the host reads [`path`] and hands the text to [`read`].
//!
//! A step may ask the learner to change the diagram ([`Action`]); the page waits until
//! [`Action::done`] holds, then shows the verdicts the step's [`Expect`]s name. Steps are
//! cumulative: each starts from the diagram as the steps before it left it
//! ([`Walkthrough::scenario_at`]), which is what makes `#preset=6&step=3` resumable.

use crate::catalogue::{Cite, RuleId};
use crate::fix::FlagName;
use crate::lang::Lang;
use crate::model::{Edge, EdgeKind, Node, Scenario};
use crate::names::{edge_kind_name, flag_name, region_name};
use crate::report::{Report, Verdict};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::HashSet;

mod action;

/// A text written in both languages. Owned, unlike [`crate::Text`], because it is read from
/// the walkthrough files rather than compiled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    pub en: String,
    #[serde(rename = "zh-TW")]
    pub zh: String,
}

impl Bilingual {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.en, &self.zh)
    }
}

/// One scenario's walkthrough: its steps in order, the last one the guide's conclusion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Walkthrough {
    /// The preset it walks through, 1–8 (`#preset=N`).
    pub preset: u8,
    pub steps: Vec<Step>,
}

impl Walkthrough {
    /// How many steps ("step 3 of 7").
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// What step `number` cites (see [`Step::cite`]).
    pub fn cite(&self, number: usize) -> Option<Cite> {
        self.step(number).map(|s| s.cite(self.preset))
    }

    /// Step `number`, counted from 1 as the URL (`&step=3`) and the progress line count.
    pub fn step(&self, number: usize) -> Option<&Step> {
        number.checked_sub(1).and_then(|i| self.steps.get(i))
    }

    /// The diagram as the learner finds it on arriving at step `number` (from 1): the preset
    /// with every earlier step's action performed. A resumed walkthrough starts from this.
    /// `None` for a step that doesn't exist or a preset that doesn't load.
    #[cfg(feature = "embedded")]
    pub fn scenario_at(&self, number: usize) -> Option<Scenario> {
        let preset = crate::presets::get(self.preset)?.scenario().ok()?;
        self.scenario_from(preset, number)
    }

    /// As [`Walkthrough::scenario_at`], from the preset's scenario `preset` as its file read.
    pub fn scenario_from(&self, mut preset: Scenario, number: usize) -> Option<Scenario> {
        self.step(number)?;
        for step in self.steps.iter().take(number - 1) {
            if let Some(action) = &step.action {
                action.perform(&mut preset);
            }
        }
        Some(preset)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub title: Bilingual,
    /// What to do, then why the result follows, in the guide's words.
    pub text: Bilingual,
    /// The part of the guide the step cites (`types`, `mpa`, `transactions`, `scenario-N`);
    /// without it, the walkthrough's own example scenario.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "cite",
        serialize_with = "cite_key"
    )]
    pub cite: Option<Cite>,
    #[serde(default)]
    pub highlight: Highlight,
    /// What the learner must do before the step's verdicts are shown; `None` for a step
    /// that only explains.
    #[serde(default)]
    pub action: Option<Action>,
    /// The verdicts this step points at, once its action is done.
    #[serde(default)]
    pub expect: Vec<Expect>,
}

impl Step {
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }

    /// What the step cites, in a walkthrough of preset `preset`: its `cite`, else the
    /// preset's example scenario. Its section and link are [`Cite::section`], [`Cite::link`].
    pub fn cite(&self, preset: u8) -> Cite {
        self.cite.unwrap_or(Cite::Scenario(preset))
    }

    pub fn text(&self, lang: Lang) -> &str {
        self.text.get(lang)
    }
}

/// What a step shows at full strength; everything else is dimmed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Highlight {
    #[serde(default)]
    pub nodes: Vec<String>,
    #[serde(default)]
    pub edges: Vec<EdgeSelector>,
}

impl Highlight {
    /// The IDs of the highlighted edges as they are in `s` (an edge the learner drew has
    /// whatever ID the editor gave it, so it is named by its ends).
    pub fn edge_ids(&self, s: &Scenario) -> Vec<String> {
        self.edges
            .iter()
            .filter_map(|e| e.find(s))
            .map(|(_, e)| e.id.clone())
            .collect()
    }
}

/// An edge, by ID for one the preset has, or by its ends for one the learner draws.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum EdgeSelector {
    Id(String),
    Ends {
        from: String,
        to: String,
        kind: EdgeKind,
    },
}

impl EdgeSelector {
    /// The first edge of `s` it names, with its index (which is also its index in a report).
    pub fn find<'a>(&self, s: &'a Scenario) -> Option<(usize, &'a Edge)> {
        s.edges.iter().enumerate().find(|(_, e)| match self {
            EdgeSelector::Id(id) => e.id == *id,
            EdgeSelector::Ends { from, to, kind } => {
                e.from == *from && e.to == *to && e.kind == *kind
            }
        })
    }
}

/// A change the learner makes in the editor. Each is a condition on the diagram, so the page
/// can tell when it is done however the learner got there. Read as serde's derive for
/// `#[serde(tag = "type", deny_unknown_fields)]` reads it, in one pass (`action.rs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// Tick (`true`) or untick (`false`) one of a node's flags.
    SetFlag {
        node: String,
        flag: FlagName,
        value: bool,
    },
    /// Move a node to a region.
    SetRegion { node: String, region: String },
    /// Put a node in `tenant`, or in any tenant other than `not`.
    SetTenant {
        node: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tenant: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        not: Option<String>,
    },
    /// Draw an edge `from` → `to` of `kind` (done when there is one, whatever its ID).
    Connect {
        from: String,
        to: String,
        kind: EdgeKind,
    },
    /// Remove every edge `from` → `to` of `kind`.
    Disconnect {
        from: String,
        to: String,
        kind: EdgeKind,
    },
    /// Remove the edge with this ID.
    RemoveEdge { edge: String },
}

fn node_mut<'a>(s: &'a mut Scenario, id: &str) -> Option<&'a mut Node> {
    s.nodes.iter_mut().find(|n| n.id == id)
}

fn joins(e: &Edge, from: &str, to: &str, kind: EdgeKind) -> bool {
    e.from == from && e.to == to && e.kind == kind
}

impl Action {
    /// Whether the diagram is as the action asks. A node that isn't there can't be changed,
    /// so an action on it is not done; an edge that isn't there is removed.
    pub fn done(&self, s: &Scenario) -> bool {
        match self {
            Action::SetFlag {
                node: id,
                flag,
                value,
            } => s.node(id).is_some_and(|n| {
                n.kind.has_flag((*flag).into()) && n.flag((*flag).into()) == *value
            }),
            Action::SetRegion { node: id, region } => s
                .node(id)
                .is_some_and(|n| n.region.as_deref() == Some(region.as_str())),
            Action::SetTenant {
                node: id,
                tenant,
                not,
            } => s.node(id).is_some_and(|n| {
                (tenant.is_some() || not.is_some())
                    && tenant.as_deref().is_none_or(|t| n.tenant() == t)
                    && not.as_deref().is_none_or(|t| n.tenant() != t)
            }),
            Action::Connect { from, to, kind } => s.edges.iter().any(|e| joins(e, from, to, *kind)),
            Action::Disconnect { from, to, kind } => {
                !s.edges.iter().any(|e| joins(e, from, to, *kind))
            }
            Action::RemoveEdge { edge } => !s.edges.iter().any(|e| e.id == *edge),
        }
    }

    /// Makes the change, as the learner would (the page's "show me"). Does nothing when it is
    /// already done or names a node that isn't there.
    pub fn perform(&self, s: &mut Scenario) {
        if self.done(s) {
            return;
        }
        match self {
            Action::SetFlag {
                node: id,
                flag,
                value,
            } => {
                if let Some(n) = node_mut(s, id) {
                    if n.kind.has_flag((*flag).into()) {
                        // Unstated means met, as the editor and the engine's fixes write it.
                        n.set_flag((*flag).into(), if *value { None } else { Some(false) });
                    }
                }
            }
            Action::SetRegion { node: id, region } => {
                if let Some(n) = node_mut(s, id) {
                    n.region = Some(region.clone());
                }
            }
            Action::SetTenant {
                node: id,
                tenant,
                not,
            } => {
                let new = match (tenant, not) {
                    (Some(t), _) => t.clone(),
                    (None, Some(_)) => match s.node(id) {
                        Some(n) => fresh_tenant(s, n.org()),
                        None => return,
                    },
                    (None, None) => return,
                };
                if let Some(n) = node_mut(s, id) {
                    n.tenant = Some(new);
                }
            }
            Action::Connect { from, to, kind } => {
                if s.node(from).is_some() && s.node(to).is_some() {
                    // The editor's next ID, so "show me" draws what the learner would.
                    let id = s.fresh_edge_id();
                    s.edges.push(Edge {
                        id,
                        from: from.clone(),
                        to: to.clone(),
                        kind: *kind,
                    });
                }
            }
            Action::Disconnect { from, to, kind } => {
                s.edges.retain(|e| !joins(e, from, to, *kind));
            }
            Action::RemoveEdge { edge } => s.edges.retain(|e| e.id != *edge),
        }
    }

    /// A short instruction naming nodes by ID; see [`Action::describe_in`] for their names.
    pub fn describe(&self, lang: Lang) -> String {
        self.describe_with(lang, |id| id.to_string())
    }

    /// A short instruction naming nodes as `s` labels them (an ID it lacks is shown as is).
    pub fn describe_in(&self, s: &Scenario, lang: Lang) -> String {
        self.describe_with(lang, |id| s.label_of_in(id, lang).to_string())
    }

    fn describe_with(&self, lang: Lang, label: impl Fn(&str) -> String) -> String {
        let q = |id: &str| lang.quote(&label(id));
        match self {
            Action::SetFlag { node, flag, value } => {
                let (n, f) = (q(node), flag_name((*flag).into(), lang));
                match (lang, value) {
                    (Lang::En, true) => format!("Tick “{f}” on {n}."),
                    (Lang::En, false) => format!("Untick “{f}” on {n}."),
                    (Lang::ZhTw, true) => format!("勾選{n}的「{f}」。"),
                    (Lang::ZhTw, false) => format!("取消勾選{n}的「{f}」。"),
                }
            }
            Action::SetRegion { node, region } => {
                let (n, r) = (q(node), region_name(region, lang));
                lang.pick(
                    format!("Set the region of {n} to {r}."),
                    format!("將{n}的地區改為{r}。"),
                )
            }
            Action::SetTenant { node, tenant, not } => {
                let n = q(node);
                match (tenant, not) {
                    (Some(t), _) => lang.pick(
                        format!("Put {n} in the tenant “{t}”."),
                        format!("將{n}的租用戶設為「{t}」。"),
                    ),
                    (None, Some(t)) => lang.pick(
                        format!("Give {n} a tenant other than “{t}”."),
                        format!("將{n}的租用戶改為「{t}」以外的租用戶。"),
                    ),
                    (None, None) => lang.pick(
                        format!("Change the tenant of {n}."),
                        format!("變更{n}的租用戶。"),
                    ),
                }
            }
            Action::Connect { from, to, kind } => {
                let (f, t, k) = (q(from), q(to), edge_kind_name(*kind, lang));
                lang.pick(
                    format!("Connect {f} to {t} (“{k}”)."),
                    format!("將{f}連接到{t}（「{k}」）。"),
                )
            }
            Action::Disconnect { from, to, kind } => {
                let (f, t, k) = (q(from), q(to), edge_kind_name(*kind, lang));
                lang.pick(
                    format!("Remove the relationship {f} → {t} (“{k}”)."),
                    format!("移除{f}→{t}的關聯性（「{k}」）。"),
                )
            }
            Action::RemoveEdge { edge } => lang.pick(
                format!("Remove the relationship “{edge}”."),
                format!("移除關聯性「{edge}」。"),
            ),
        }
    }
}

/// A tenant no node uses yet, for a node that needs one of its own.
fn fresh_tenant(s: &Scenario, org: &str) -> String {
    let used: HashSet<&str> = s.nodes.iter().map(|n| n.tenant()).collect();
    let base = format!("{org}-customer");
    std::iter::once(base.clone())
        .chain((2..).map(|k| format!("{base}-{k}")))
        .find(|t| !used.contains(t.as_str()))
        .unwrap_or(base)
}

/// A verdict a step points at: the edge's verdict and exactly the rules behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub edge: EdgeSelector,
    #[serde(deserialize_with = "verdict")]
    pub verdict: Verdict,
    /// The edge's finding rule IDs, in any order (empty: a plain allowed edge).
    #[serde(default, deserialize_with = "rule_ids")]
    pub rules: Vec<RuleId>,
}

impl Expect {
    /// Whether `r`, the report on `s`, gives the edge this verdict for exactly these rules.
    /// Needs the scenario because an edge the learner drew is found by its ends.
    pub fn met(&self, s: &Scenario, r: &Report) -> bool {
        let Some((i, edge)) = self.edge.find(s) else {
            return false;
        };
        let Some(er) = r.edges.get(i).filter(|er| er.id == edge.id) else {
            return false;
        };
        let mut found: Vec<RuleId> = er.findings.iter().map(|f| f.rule).collect();
        let mut want = self.rules.clone();
        // Sorted as the page sorts (by a `u64` key), so the page holds one sort's code fewer.
        found.sort_by_cached_key(|&r| r as u64);
        want.sort_by_cached_key(|&r| r as u64);
        er.verdict == self.verdict && found == want
    }
}

/// A string read through `to`: the error is raised while serde_json reads the string, so its
/// place (and the path found from it) is the string's own, not the enclosing object's.
struct Mapped<T>(T);

trait FromText: Sized {
    fn from_text<E: serde::de::Error>(text: &str) -> Result<Self, E>;
}

impl FromText for Verdict {
    fn from_text<E: serde::de::Error>(text: &str) -> Result<Self, E> {
        match text {
            "allowed" => Ok(Verdict::Allowed),
            "blocked" => Ok(Verdict::Blocked),
            other => Err(E::unknown_variant(other, &["allowed", "blocked"])),
        }
    }
}

impl FromText for Cite {
    fn from_text<E: serde::de::Error>(text: &str) -> Result<Self, E> {
        Cite::from_key(text).ok_or_else(|| {
            E::custom(format!(
                "unknown citation `{text}`, expected types, mpa, transactions or scenario-1 … scenario-8"
            ))
        })
    }
}

fn cite<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Cite>, D::Error> {
    Mapped::deserialize(d).map(|Mapped(c)| Some(c))
}

fn cite_key<S: serde::Serializer>(c: &Option<Cite>, s: S) -> Result<S::Ok, S::Error> {
    match c {
        Some(c) => s.serialize_str(&c.key()),
        None => s.serialize_none(),
    }
}

impl FromText for RuleId {
    fn from_text<E: serde::de::Error>(text: &str) -> Result<Self, E> {
        RuleId::from_code(text).ok_or_else(|| E::custom(format!("unknown rule ID `{text}`")))
    }
}

impl<'de, T: FromText> Deserialize<'de> for Mapped<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<T: FromText> serde::de::Visitor<'_> for V<T> {
            type Value = Mapped<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Mapped<T>, E> {
                T::from_text(v).map(Mapped)
            }
        }
        d.deserialize_str(V(std::marker::PhantomData))
    }
}

fn verdict<'de, D: Deserializer<'de>>(d: D) -> Result<Verdict, D::Error> {
    Mapped::deserialize(d).map(|Mapped(v)| v)
}

fn rule_ids<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<RuleId>, D::Error> {
    Vec::<Mapped<RuleId>>::deserialize(d).map(|v| v.into_iter().map(|Mapped(r)| r).collect())
}

/// Why a walkthrough didn't load: a bad edit to its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WalkthroughError {
    /// There is no walkthrough for this preset number.
    NoSuchPreset(u8),
    /// The file is not valid: where (a serde path such as `steps[2].action`) and what.
    Invalid {
        preset: u8,
        path: String,
        message: String,
    },
}

impl std::fmt::Display for WalkthroughError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WalkthroughError::NoSuchPreset(n) => write!(f, "no walkthrough for preset {n}"),
            WalkthroughError::Invalid {
                preset,
                path,
                message,
            } => write!(f, "walkthrough {preset}: {path}: {message}"),
        }
    }
}

impl std::error::Error for WalkthroughError {}

#[cfg(feature = "embedded")]
const FILES: [(u8, &str); 8] = [
    (1, include_str!("../presets/walkthroughs/1.json")),
    (2, include_str!("../presets/walkthroughs/2.json")),
    (3, include_str!("../presets/walkthroughs/3.json")),
    (4, include_str!("../presets/walkthroughs/4.json")),
    (5, include_str!("../presets/walkthroughs/5.json")),
    (6, include_str!("../presets/walkthroughs/6.json")),
    (7, include_str!("../presets/walkthroughs/7.json")),
    (8, include_str!("../presets/walkthroughs/8.json")),
];

/// Where preset `preset`'s walkthrough file is, under `rules/` in the repo and under the
/// page's `dist/`; `None` for a preset that has none.
pub fn path(preset: u8) -> Option<String> {
    (1..=8)
        .contains(&preset)
        .then(|| format!("presets/walkthroughs/{preset}.json"))
}

/// The walkthrough file of preset `preset`, as stored (for a client that parses it itself).
#[cfg(feature = "embedded")]
pub fn json(preset: u8) -> Option<&'static str> {
    FILES.iter().find(|(n, _)| *n == preset).map(|(_, j)| *j)
}

/// The walkthrough of preset `preset` (1–8).
#[cfg(feature = "embedded")]
pub fn get(preset: u8) -> Result<Walkthrough, WalkthroughError> {
    read(
        preset,
        json(preset).ok_or(WalkthroughError::NoSuchPreset(preset))?,
    )
}

/// Reads preset `preset`'s walkthrough file, the text [`path`] holds, and checks what serde
/// can't.
pub fn read(preset: u8, text: &str) -> Result<Walkthrough, WalkthroughError> {
    if path(preset).is_none() {
        return Err(WalkthroughError::NoSuchPreset(preset));
    }
    let invalid = |path: String, message: String| WalkthroughError::Invalid {
        preset,
        path,
        message,
    };
    let w: Walkthrough = serde_json::from_slice(text.as_bytes()).map_err(|e| {
        let path = crate::json_path::path_of_error(text.as_bytes(), &e);
        invalid(path.unwrap_or_default(), e.to_string())
    })?;
    if w.preset != preset {
        return Err(invalid(
            "preset".into(),
            format!("says {}, but the file is preset {preset}'s", w.preset),
        ));
    }
    if w.steps.is_empty() {
        return Err(invalid("steps".into(), "no steps".into()));
    }
    for (i, step) in w.steps.iter().enumerate() {
        if let Some(Action::SetTenant {
            tenant: None,
            not: None,
            ..
        }) = step.action
        {
            return Err(invalid(
                format!("steps[{i}].action"),
                "set_tenant needs `tenant` or `not`".into(),
            ));
        }
    }
    Ok(w)
}

/// All eight, in the guide's order.
#[cfg(feature = "embedded")]
pub fn all() -> Result<Vec<Walkthrough>, WalkthroughError> {
    FILES.iter().map(|(n, _)| get(*n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEP: &str =
        r#"{"title": {"en": "a", "zh-TW": "甲"}, "text": {"en": "a", "zh-TW": "甲"}"#;

    fn path_of(preset: u8, text: &str) -> Option<String> {
        match read(preset, text) {
            Err(WalkthroughError::Invalid {
                preset: p, path, ..
            }) if p == preset => Some(path),
            _ => None,
        }
    }

    #[test]
    fn errors_name_the_preset_and_the_path() {
        assert_eq!(get(9), Err(WalkthroughError::NoSuchPreset(9)));
        let fly = format!(r#"{{"preset": 1, "steps": [{STEP}, "action": {{"type": "fly"}}}}]}}"#);
        assert_eq!(path_of(1, &fly).as_deref(), Some("steps[0].action.type"));
        let rule = format!(
            r#"{{"preset": 2, "steps": [{STEP}, "expect": [{{"edge": "e1", "verdict": "allowed", "rules": ["NO.SUCH"]}}]}}]}}"#
        );
        assert_eq!(
            path_of(2, &rule).as_deref(),
            Some("steps[0].expect[0].rules[0]")
        );
        let verdict = rule.replace(r#""allowed""#, r#""maybe""#);
        assert_eq!(
            path_of(2, &verdict).as_deref(),
            Some("steps[0].expect[0].verdict")
        );
        let other = format!(r#"{{"preset": 4, "steps": [{STEP}}}]}}"#);
        assert_eq!(path_of(3, &other).as_deref(), Some("preset"));
        assert_eq!(path_of(4, &other), None);
        let tenant = format!(
            r#"{{"preset": 5, "steps": [{STEP}, "action": {{"type": "set_tenant", "node": "x"}}}}]}}"#
        );
        assert_eq!(path_of(5, &tenant).as_deref(), Some("steps[0].action"));
        assert_eq!(
            path_of(6, r#"{"preset": 6, "steps": []}"#).as_deref(),
            Some("steps")
        );
        let cite = format!(r#"{{"preset": 8, "steps": [{STEP}, "cite": "scenario-9"}}]}}"#);
        assert_eq!(path_of(8, &cite).as_deref(), Some("steps[0].cite"));
        let text = path_of(7, r#"{"preset": 7, "steps": [], "extra": 1}"#);
        assert_eq!(text.as_deref(), Some("extra"));
    }

    #[test]
    fn selectors_accept_an_id_or_the_ends() {
        let ends: EdgeSelector =
            serde_json::from_str(r#"{"from": "a", "to": "b", "kind": "sells_to"}"#)
                .unwrap_or(EdgeSelector::Id(String::new()));
        assert!(matches!(ends, EdgeSelector::Ends { .. }));
        let id: Result<EdgeSelector, _> = serde_json::from_str(r#""e2""#);
        assert_eq!(id.ok(), Some(EdgeSelector::Id("e2".into())));
    }
}
