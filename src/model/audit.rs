//! The network audit as a sub-state of the page: a whole partner network (up to the format's
//! 250,000 edges) judged by the engine without drawing it, with the counts by verdict and by
//! rule (as `csp-rules check --summary` prints them), a filter, and the neighbourhood of one
//! party to open in the editor. Its reducer changes only its own fields.
//!
//! A file is read asynchronously, then checked and judged by two engine calls, each after its
//! progress step is painted (each ~0.2–0.3 s at 250,000 edges in Chromium), rather than
//! moving the engine to a Web Worker: that needs a second wasm instance, and the report (or
//! the scenario) copied across threads would cost as much as judging it.

use super::shared::Shared;
use crate::text::{audit, num};
use csp_rules::{Lang, NodeKind, Report, RuleId, Scenario, ScenarioError, Verdict};
use std::collections::HashMap;
use std::rc::Rc;

/// Rows per page of the edge table.
pub const PAGE: usize = 50;
/// Past these, a network is better audited than drawn (the canvas draws up to them at any
/// zoom, culled to the view past `canvas::detail::KEEP_ALL` nodes).
pub const LARGE_NODES: usize = 20_000;
pub const LARGE_EDGES: usize = 40_000;

/// Whether a scenario is too large to draw usefully: open it in the audit view instead.
pub fn is_large(s: &Scenario) -> bool {
    s.nodes.len() > LARGE_NODES || s.edges.len() > LARGE_EDGES
}

/// Judges a network that came to the editor too large to draw ([`Phase::Judging`]), or says
/// why the engine can't.
pub fn judge_queued(name: String, s: Rc<Scenario>, lang: Lang) -> AuditAction {
    match csp_rules::evaluate(&s, lang) {
        Ok(report) => {
            let mut audited = Audited::new(name, s, Rc::new(report));
            audited.opened = true;
            AuditAction::Judged(Rc::new(audited))
        }
        Err(e) => AuditAction::Failed(e),
    }
}

/// A judged network with the indices the table needs.
#[derive(Debug, PartialEq)]
pub struct Audited {
    pub file: String,
    pub scenario: Rc<Scenario>,
    pub report: Rc<Report>,
    pub by_rule: Vec<(RuleId, usize)>,
    /// Each edge's ends as node indices.
    pub ends: Vec<(usize, usize)>,
    /// It came to the editor (a share link, an import) too large to draw, rather than
    /// through the audit's own file input.
    pub opened: bool,
}

impl Audited {
    /// Judges a network file's text, or says why it can't be.
    #[cfg(test)]
    pub fn judge(file: String, text: &str, lang: Lang) -> Result<Audited, ScenarioError> {
        let v = csp_rules::Validated::read(text.as_bytes())?;
        Ok(Audited::judged(file, v, lang))
    }

    /// Judges a file the engine has read and validated.
    pub fn judged(file: String, v: csp_rules::Validated, lang: Lang) -> Audited {
        let (scenario, report) = v.evaluate(lang);
        Audited::new(file, Rc::new(scenario), Rc::new(report))
    }

    /// A network the page has already judged (the editor's scenario and report).
    pub fn new(file: String, scenario: Rc<Scenario>, report: Rc<Report>) -> Audited {
        let index: HashMap<&str, usize> = scenario
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let ends = scenario
            .edges
            .iter()
            .map(|e| {
                (
                    index.get(e.from.as_str()).copied().unwrap_or(0),
                    index.get(e.to.as_str()).copied().unwrap_or(0),
                )
            })
            .collect();
        let by_rule = report.counts_by_rule();
        Audited {
            file,
            scenario,
            report,
            by_rule,
            ends,
            opened: false,
        }
    }

    /// The edges (by index) that pass the filter, in file order.
    pub fn matching(&self, f: &Filter) -> Vec<usize> {
        // ASCII case folding: IDs are ASCII, and Unicode case tables would cost wasm size.
        let needle = f.search.trim().to_ascii_lowercase();
        let s = &self.scenario;
        (0..s.edges.len())
            .filter(|&i| {
                let (e, r) = (&s.edges[i], &self.report.edges[i]);
                let (a, b) = (&s.nodes[self.ends[i].0], &s.nodes[self.ends[i].1]);
                f.verdict.is_none_or(|v| r.verdict == v)
                    && f.rule
                        .is_none_or(|rule| r.findings.iter().any(|x| x.rule == rule))
                    && f.kind.is_none_or(|k| a.kind == k || b.kind == k)
                    && f.region
                        .as_deref()
                        .is_none_or(|g| a.region() == Some(g) || b.region() == Some(g))
                    && (needle.is_empty()
                        || [e.id.as_str(), &a.id, &b.id, a.label(), b.label()]
                            .into_iter()
                            .chain([a.label_in(Lang::ZhTw), b.label_in(Lang::ZhTw)])
                            .any(|t| t.to_ascii_lowercase().contains(&needle)))
            })
            .collect()
    }

    /// The part of the network around one party, ready for the editor: the engine's slice
    /// ([`csp_rules::slice`]), which keeps everything the verdicts of its relationships depend
    /// on (the supply chain above, the partners sharing a tenant or an organization), so each
    /// is judged as in the whole network, laid out by tier.
    pub fn neighbourhood(&self, id: &str) -> Option<Scenario> {
        let s = &self.scenario;
        let mut out = csp_rules::slice(s, id)?;
        // Titled in both languages, as the party is named.
        let title = |lang: Lang| {
            let label = s.node(id).map_or(id, |n| n.label_in(lang));
            crate::text::common::said_as(lang, &self.file, label)
        };
        out.title = Some(title(Lang::En));
        out.titles = Some(csp_rules::Localized {
            en: None,
            zh: Some(title(Lang::ZhTw)),
        });
        for n in &mut out.nodes {
            (n.x, n.y) = (None, None);
        }
        super::layout::auto_layout(&mut out);
        Some(out)
    }
}

/// What the edge table shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    pub verdict: Option<Verdict>,
    pub rule: Option<RuleId>,
    pub kind: Option<NodeKind>,
    pub region: Option<String>,
    pub search: String,
}

/// Where the audit is.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Phase {
    #[default]
    Closed,
    /// A file on its way in: its name and the step it is at.
    Busy(String, Step),
    /// A network over the size limits that came to the editor (a share link, an import), by
    /// the name it is shown with (its title, or none): judged here once this step is painted,
    /// instead of being laid out and drawn.
    Judging(String, Shared<Scenario>),
    /// The file was refused: the engine's error, shown in the reader's language.
    Failed(ScenarioError),
    /// Compared by pointer: a network of 250,000 edges is never compared by value.
    Ready(Shared<Audited>),
}

/// The audit: where it is, and what its table shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Audit {
    pub phase: Phase,
    pub filter: Filter,
    /// The table's page, from 0.
    pub page: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AuditAction {
    /// A file has been chosen: it is being read.
    Begin(String),
    /// The file's next step is under way.
    Progress(Step),
    /// The file could not be read at all: back to closed.
    Dropped,
    Judged(Rc<Audited>),
    Failed(ScenarioError),
    /// A network too large to draw came to the editor: judge it here instead.
    Queue(Rc<Scenario>),
    /// A large network opened in the editor, with the editor's report, is shown here.
    Show(Network),
    Filter(Filter),
    Page(usize),
    Close,
}

impl Audit {
    /// Applies an audit verb; `false` when nothing changed.
    pub fn reduce(&mut self, action: AuditAction) -> bool {
        match action {
            AuditAction::Begin(file) => self.phase = Phase::Busy(file, Step::Reading),
            AuditAction::Progress(step) => match &mut self.phase {
                Phase::Busy(_, s) => *s = step,
                _ => return false,
            },
            AuditAction::Dropped => self.phase = Phase::Closed,
            // An answer that comes after the audit was closed is not wanted any more.
            AuditAction::Judged(_) | AuditAction::Failed(_) if self.phase == Phase::Closed => {
                return false
            }
            AuditAction::Judged(a) => self.open(Phase::Ready(Shared(a))),
            AuditAction::Failed(e) => self.open(Phase::Failed(e)),
            AuditAction::Queue(s) => {
                let name = s.title.clone().unwrap_or_default();
                self.open(Phase::Judging(name, Shared(s)));
            }
            AuditAction::Show(Network(scenario, report)) => {
                let name = scenario.title.clone().unwrap_or_default();
                let mut audited = Audited::new(name, scenario, report);
                audited.opened = true;
                self.open(Phase::Ready(Shared(Rc::new(audited))));
            }
            AuditAction::Filter(f) => {
                self.filter = f;
                self.page = 0;
            }
            AuditAction::Page(n) => self.page = n,
            AuditAction::Close => {
                if self.phase == Phase::Closed {
                    return false;
                }
                self.phase = Phase::Closed;
            }
        }
        true
    }

    /// A new outcome, shown from the top of an unfiltered table.
    fn open(&mut self, phase: Phase) {
        self.phase = phase;
        self.filter = Filter::default();
        self.page = 0;
    }
}

/// The steps of auditing a file, each painted before it runs: reading is asynchronous, but
/// checking and judging are one engine call each (~0.2–0.3 s at 250,000 edges in Chromium).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    Reading,
    Checking,
    /// Judging this many relationships.
    Judging(usize),
}

impl Step {
    /// 1-based position, of [`Step::COUNT`].
    pub fn number(self) -> u8 {
        match self {
            Step::Reading => 1,
            Step::Checking => 2,
            Step::Judging(_) => 3,
        }
    }
    pub const COUNT: u8 = 3;

    /// What the audit is doing with `file`, in the reader's language.
    pub fn text(self, file: &str, lang: Lang) -> String {
        match self {
            Step::Reading => audit::reading(lang, file),
            Step::Checking => audit::checking(lang, file),
            Step::Judging(n) => audit::judging(lang, &num::thousands(n)),
        }
    }
}

/// A large network opened in the editor (a link, an import), with the editor's report: shown
/// here instead of being drawn. Compared by identity, never by content.
#[derive(Debug, Clone)]
pub struct Network(pub Rc<Scenario>, pub Rc<Report>);

impl PartialEq for Network {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && Rc::ptr_eq(&self.1, &other.1)
    }
}

#[allow(clippy::panic)] // a failing test panics
#[cfg(test)]
mod tests {
    use super::*;

    const NET: &str = r#"{"version":1,"nodes":[
        {"id":"ms","kind":"microsoft"},
        {"id":"p","kind":"indirect_provider","region":"europe"},
        {"id":"r","kind":"indirect_reseller","region":"europe"},
        {"id":"r2","kind":"indirect_reseller","region":"europe","mpa_signed":false},
        {"id":"c","kind":"customer","region":"europe"},
        {"id":"c2","kind":"customer","region":"japan"}],
      "edges":[
        {"id":"e1","from":"ms","to":"p","kind":"sells_to"},
        {"id":"e2","from":"p","to":"r","kind":"sells_to"},
        {"id":"e3","from":"r","to":"c","kind":"sells_to"},
        {"id":"e4","from":"p","to":"r2","kind":"sells_to"},
        {"id":"e5","from":"r2","to":"c2","kind":"sells_to"}]}"#;

    fn audited() -> Result<Audited, ScenarioError> {
        Audited::judge("net.json".into(), NET, Lang::En)
    }

    #[test]
    fn filters_combine() -> Result<(), ScenarioError> {
        let a = audited()?;
        assert_eq!(a.matching(&Filter::default()).len(), 5);
        let blocked = Filter {
            verdict: Some(Verdict::Blocked),
            ..Filter::default()
        };
        assert_eq!(a.matching(&blocked), [3, 4]);
        let japan = Filter {
            region: Some("japan".into()),
            ..Filter::default()
        };
        assert_eq!(a.matching(&japan), [4]);
        let search = Filter {
            search: " R2 ".into(),
            ..Filter::default()
        };
        assert_eq!(a.matching(&search), [3, 4]);
        assert_eq!(
            Audited::judge("x".into(), "{", Lang::En)
                .err()
                .map(|e| e.line(Lang::En).starts_with("error: ")),
            Some(true)
        );
        Ok(())
    }

    #[test]
    fn names_in_either_language_are_searched_and_titled() -> Result<(), ScenarioError> {
        let net = NET.replace(
            r#"{"id":"r","kind":"indirect_reseller","region":"europe"}"#,
            r#"{"id":"r","kind":"indirect_reseller","region":"europe","name":"Litware","names":{"zh-TW":"利特威爾"}}"#,
        );
        let a = Audited::judge("net.json".into(), &net, Lang::ZhTw)?;
        let search = |s: &str| Filter {
            search: s.into(),
            ..Filter::default()
        };
        assert_eq!(a.matching(&search("利特威爾")), [1, 2]);
        assert_eq!(a.matching(&search("litware")), [1, 2]);
        let sub = a.neighbourhood("r");
        assert_eq!(
            sub.as_ref()
                .map(|s| (s.title_in(Lang::En), s.title_in(Lang::ZhTw))),
            Some((Some("net.json — Litware"), Some("net.json：利特威爾")))
        );
        Ok(())
    }

    #[test]
    fn a_neighbourhood_keeps_its_supply_chain_and_verdicts() -> Result<(), ScenarioError> {
        let a = audited()?;
        let sub = a.neighbourhood("r");
        let sub = sub.as_ref().map(|s| {
            let mut ids: Vec<&str> = s.edges.iter().map(|e| e.id.as_str()).collect();
            ids.sort_unstable();
            (ids.join(","), s.nodes.iter().all(|n| n.x.is_some()))
        });
        assert_eq!(sub, Some(("e1,e2,e3".to_string(), true)));
        let sub = a.neighbourhood("r").map(|s| {
            csp_rules::evaluate(&s, Lang::En)
                .map(|r| r.edges.iter().map(|e| e.verdict).collect::<Vec<_>>())
        });
        assert_eq!(sub, Some(Ok(vec![Verdict::Allowed; 3])));
        assert!(a.neighbourhood("nobody").is_none());
        Ok(())
    }

    #[test]
    fn every_neighbourhood_judges_its_relationships_as_the_whole_network_does(
    ) -> Result<(), ScenarioError> {
        // Scenario 6: "tailspin-buy" is bought into the tenant of the reseller "tailspin",
        // which "contoso" supplies; a neighbourhood without "tailspin" allowed the purchase.
        let six = csp_rules::presets::get(6)
            .map(|p| p.json)
            .unwrap_or_default();
        for text in [NET, six] {
            let a = Audited::judge("net.json".into(), text, Lang::En)?;
            let whole: HashMap<&str, (Verdict, Vec<RuleId>)> = a
                .report
                .edges
                .iter()
                .map(|e| {
                    (
                        e.id.as_str(),
                        (e.verdict, e.findings.iter().map(|f| f.rule).collect()),
                    )
                })
                .collect();
            for n in &a.scenario.nodes {
                let sub = a.neighbourhood(&n.id).unwrap_or_default();
                assert!(sub.nodes.iter().any(|m| m.id == n.id), "{}", n.id);
                let r = csp_rules::evaluate(&sub, Lang::En)?;
                for e in &r.edges {
                    let here = (e.verdict, e.findings.iter().map(|f| f.rule).collect());
                    assert_eq!(
                        whole.get(e.id.as_str()),
                        Some(&here),
                        "{} in {}'s",
                        e.id,
                        n.id
                    );
                }
            }
        }
        let a = Audited::judge("six.json".into(), six, Lang::En)?;
        let sub = a.neighbourhood("tailspin-buy").unwrap_or_default();
        assert!(
            sub.nodes.iter().any(|n| n.id == "tailspin"),
            "the reseller sharing its tenant"
        );
        Ok(())
    }

    #[test]
    fn the_audit_steps_through_a_file_and_keeps_its_error_typed() -> Result<(), ScenarioError> {
        let mut a = Audit::default();
        assert!(
            !a.reduce(AuditAction::Progress(Step::Checking)),
            "nothing is under way"
        );
        assert!(a.reduce(AuditAction::Begin("net.json".into())));
        assert!(a.reduce(AuditAction::Progress(Step::Judging(25_000))));
        assert_eq!(
            a.phase,
            Phase::Busy("net.json".into(), Step::Judging(25_000))
        );
        assert_eq!(
            Step::Judging(25_000).text("net.json", Lang::En),
            "Judging 25,000 relationships…"
        );
        assert_eq!(
            Step::Checking.text("n.json", Lang::ZhTw),
            "正在檢查「n.json」…"
        );
        a.filter.search = "r2".into();
        a.page = 3;
        let Err(e) = Audited::judge("x".into(), "{", Lang::En) else {
            panic!("a broken file is refused");
        };
        assert!(a.reduce(AuditAction::Failed(e)));
        assert_eq!((a.filter.clone(), a.page), (Filter::default(), 0));
        // The error is kept as the engine's, so it is shown in the language of the moment.
        let Phase::Failed(e) = &a.phase else {
            panic!("the audit failed");
        };
        assert!(e.line(Lang::ZhTw).starts_with("error: "));
        assert_ne!(e.line(Lang::ZhTw), e.line(Lang::En));
        assert!(a.reduce(AuditAction::Judged(Rc::new(audited()?))));
        assert!(a.reduce(AuditAction::Close));
        assert!(!a.reduce(AuditAction::Close));
        Ok(())
    }
}
