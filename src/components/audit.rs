//! The network audit: a whole partner network (up to the format's 250,000 edges) judged by
//! the engine without drawing it. Counts by verdict and by rule (as `csp-rules check
//! --summary` prints them), a searchable, filterable, paged table of edges, and "show in
//! diagram" for one node, which opens its neighbourhood in the editor.
//!
//! A file is read asynchronously, then checked and judged by two engine calls, each after its
//! progress step is painted (each ~0.2–0.3 s at 250,000 edges in Chromium), rather than
//! moving the engine to a Web Worker: that needs a second wasm instance, and the report (or
//! the scenario) copied across threads would cost as much as judging it.

use super::Dispatch;
use crate::io::{url, web};
use crate::state::Action;
use crate::text::{audit, common, num};
use csp_rules::{
    kind_name, region_name, share, Edge, EdgeKind, Lang, NodeKind, Report, RuleId, Scenario,
    Verdict, CSP_REGIONS,
};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Rows per page of the edge table.
pub const PAGE: usize = 50;
/// Past these, a network is better audited than drawn.
pub const LARGE_NODES: usize = 1_500;
pub const LARGE_EDGES: usize = 3_000;

/// Whether a scenario is too large to draw usefully: open it in the audit view instead.
pub fn is_large(s: &Scenario) -> bool {
    s.nodes.len() > LARGE_NODES || s.edges.len() > LARGE_EDGES
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
}

impl Audited {
    /// Judges a network file's text: `Err` is the engine's `error:` line.
    #[cfg(test)]
    pub fn judge(file: String, text: &str, lang: Lang) -> Result<Audited, String> {
        let v = csp_rules::Validated::read(text.as_bytes()).map_err(|e| e.line(lang))?;
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
                            .iter()
                            .any(|t| t.to_ascii_lowercase().contains(&needle)))
            })
            .collect()
    }

    /// The part of the network around one node, ready for the editor: the node, its edges
    /// and neighbours, plus the supply chain above them (the sales into each partner up to
    /// Microsoft), so the engine judges the drawn edges as it judged them in the whole network.
    pub fn neighbourhood(&self, id: &str) -> Option<Scenario> {
        let s = &self.scenario;
        let centre = s.nodes.iter().position(|n| n.id == id)?;
        // Marks by index, so the result keeps the file's order without sorting.
        let mut nodes = vec![false; s.nodes.len()];
        let mut edges = vec![false; s.edges.len()];
        nodes[centre] = true;
        for (i, &(a, b)) in self.ends.iter().enumerate() {
            if a == centre || b == centre {
                edges[i] = true;
                nodes[a] = true;
                nodes[b] = true;
            }
        }
        // Sales into each node, to walk the chain upwards.
        let mut sales_into: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, &(a, b)) in self.ends.iter().enumerate() {
            if s.edges[i].kind == EdgeKind::SellsTo && s.nodes[a].kind != NodeKind::Customer {
                sales_into.entry(b).or_default().push(i);
            }
        }
        let mut todo: Vec<usize> = (0..s.nodes.len())
            .filter(|&n| nodes[n] && s.nodes[n].kind != NodeKind::Customer)
            .collect();
        while let Some(n) = todo.pop() {
            for &i in sales_into.get(&n).map(Vec::as_slice).unwrap_or(&[]) {
                edges[i] = true;
                let up = self.ends[i].0;
                if !nodes[up] {
                    nodes[up] = true;
                    todo.push(up);
                }
            }
        }
        let mut out = Scenario {
            title: Some(format!("{} — {}", self.file, s.nodes[centre].label())),
            as_of: s.as_of.clone(),
            ..Scenario::default()
        };
        out.nodes = (0..s.nodes.len())
            .filter(|&i| nodes[i])
            .map(|i| {
                let mut n = s.nodes[i].clone();
                (n.x, n.y) = (None, None);
                n
            })
            .collect();
        out.edges = (0..s.edges.len())
            .filter(|&i| edges[i])
            .map(|i| s.edges[i].clone())
            .collect::<Vec<Edge>>();
        crate::layout::auto_layout(&mut out);
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

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Closed,
    /// A file on its way in: its name and the step it is at.
    Busy(String, Step),
    Failed(String),
    Ready(Rc<Audited>),
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
    fn number(self) -> u8 {
        match self {
            Step::Reading => 1,
            Step::Checking => 2,
            Step::Judging(_) => 3,
        }
    }
    const COUNT: u8 = 3;
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

#[derive(Debug, Properties, PartialEq)]
pub struct AuditProps {
    pub lang: Lang,
    pub dispatch: Dispatch,
    /// Set when the editor holds a network over the size limits ([`is_large`]).
    #[prop_or_default]
    pub network: Option<Network>,
}

/// Waits long enough for the browser to paint what was just rendered.
async fn next_paint() {
    gloo_timers::future::TimeoutFuture::new(30).await;
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

#[function_component(Audit)]
pub fn audit(p: &AuditProps) -> Html {
    let lang = p.lang;
    let phase = use_state(|| Phase::Closed);
    let filter = use_state(Filter::default);
    let page = use_state(|| 0usize);

    // A large network opened in the editor is shown here at once.
    {
        let (phase, filter, page) = (phase.clone(), filter.clone(), page.clone());
        use_effect_with(p.network.clone(), move |network| {
            if let Some(Network(scenario, report)) = network {
                let name = scenario.title.clone().unwrap_or_default();
                filter.set(Filter::default());
                page.set(0);
                phase.set(Phase::Ready(Rc::new(Audited::new(
                    name,
                    scenario.clone(),
                    report.clone(),
                ))));
            }
        });
    }

    let on_file = {
        let phase = phase.clone();
        let filter = filter.clone();
        let page = page.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let (phase, filter, page) = (phase.clone(), filter.clone(), page.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(file) = input.files().and_then(|f| f.get(0)) else {
                    return;
                };
                let name = file.name();
                phase.set(Phase::Busy(name.clone(), Step::Reading));
                let Some(bytes) = web::file_bytes(&file).await else {
                    phase.set(Phase::Closed);
                    return;
                };
                input.set_value("");
                phase.set(Phase::Busy(name.clone(), Step::Checking));
                next_paint().await;
                web::mark("csp-explorer:audit-start");
                let read = csp_rules::Validated::read(&bytes);
                drop(bytes);
                let judged = match read {
                    Ok(v) => {
                        phase.set(Phase::Busy(
                            name.clone(),
                            Step::Judging(v.scenario().edges.len()),
                        ));
                        next_paint().await;
                        Ok(Audited::judged(name, v, lang))
                    }
                    Err(e) => Err(e.line(lang)),
                };
                web::mark("csp-explorer:audit-end");
                filter.set(Filter::default());
                page.set(0);
                phase.set(match judged {
                    Ok(a) => Phase::Ready(Rc::new(a)),
                    Err(line) => Phase::Failed(line),
                });
            });
        })
    };
    let close = {
        let phase = phase.clone();
        Callback::from(move |_| phase.set(Phase::Closed))
    };
    let opener = html! {
        <label class="audit-open button-like">
            { audit::open_audit(lang) }
            <input type="file" accept=".json,application/json" data-audit-file="" onchange={on_file} />
        </label>
    };

    let body = match &*phase {
        Phase::Closed => {
            return html! {
                <section class="audit-bar" aria-label={audit::audit_title(lang)}>{ opener }</section>
            }
        }
        Phase::Busy(name, step) => html! {
            <div class="audit-busy" role="status" data-audit-busy={step.number().to_string()}>
                <progress max={Step::COUNT.to_string()} value={step.number().to_string()}
                    aria-label={audit::audit_step(lang, step.number(), Step::COUNT)} />
                <p>{ match step {
                    Step::Reading => audit::reading(lang, name),
                    Step::Checking => audit::checking(lang, name),
                    Step::Judging(n) => audit::judging(lang, &num::thousands(*n)),
                } }</p>
            </div>
        },
        Phase::Failed(line) => html! { <p class="audit-error" role="alert">{ line.clone() }</p> },
        Phase::Ready(a) => ready_view(p, a, &filter, &page),
    };
    html! {
        <section class="audit" aria-labelledby="audit-heading" data-audit="">
            <div class="audit-head">
                <h2 id="audit-heading">{ audit::audit_title(lang) }</h2>
                { opener }
                <button type="button" onclick={close}>{ common::close(lang) }</button>
            </div>
            { body }
        </section>
    }
}

/// One labelled filter: a `<select>` of (value, text, selected) options.
fn filter_select(
    label: &'static str,
    name: &'static str,
    onchange: Callback<Event>,
    options: Vec<(&str, String, bool)>,
) -> Html {
    html! {
        <label class="field inline"><span>{ label }</span>
            <select {name} {onchange}>
                { for options.into_iter().map(|(value, text, selected)| html! {
                    <option value={value.to_string()} {selected}>{ text }</option>
                }) }
            </select></label>
    }
}

fn ready_view(
    p: &AuditProps,
    a: &Rc<Audited>,
    filter: &UseStateHandle<Filter>,
    page: &UseStateHandle<usize>,
) -> Html {
    let lang = p.lang;
    let s = &a.scenario;
    let f = (**filter).clone();
    let rows = a.matching(&f);
    let pages = rows.len().div_ceil(PAGE).max(1);
    let current = (**page).min(pages - 1);

    let set = |update: fn(&mut Filter, String)| {
        let filter = filter.clone();
        let page = page.clone();
        Callback::from(move |e: Event| {
            let mut next = (*filter).clone();
            update(&mut next, select_value(&e));
            filter.set(next);
            page.set(0);
        })
    };
    let on_verdict = set(|f, v| {
        f.verdict = [Verdict::Allowed, Verdict::Blocked]
            .into_iter()
            .find(|x| x.as_str() == v)
    });
    let on_rule = set(|f, v| f.rule = RuleId::ALL.into_iter().find(|r| r.as_str() == v));
    let on_kind = set(|f, v| f.kind = NodeKind::ALL.into_iter().find(|k| k.as_str() == v));
    let on_region = set(|f, v| f.region = Some(v).filter(|v| !v.is_empty()));
    let on_search = {
        let filter = filter.clone();
        let page = page.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*filter).clone();
            next.search = e.target_unchecked_into::<HtmlInputElement>().value();
            filter.set(next);
            page.set(0);
        })
    };
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_| page.set(to))
    };
    let show = |id: &str| {
        let a = a.clone();
        let id = id.to_string();
        let dispatch = p.dispatch.clone();
        Callback::from(move |_| {
            if let Some(sub) = a.neighbourhood(&id) {
                let fragment = share::fragment(&sub);
                web::set_fragment(&fragment);
                dispatch.dispatch(Action::Open(url::parse_fragment(&fragment)));
            }
        })
    };
    // The regions in use: the CSP regions in their usual order, then any others in file order.
    let mut regions: Vec<&str> = Vec::new();
    let in_use: HashSet<&str> = s.nodes.iter().filter_map(|n| n.region()).collect();
    regions.extend(CSP_REGIONS.iter().copied().filter(|r| in_use.contains(r)));
    for n in &s.nodes {
        if let Some(r) = n.region() {
            if !CSP_REGIONS.contains(&r) && !regions.contains(&r) {
                regions.push(r);
            }
        }
    }

    let node_button = |i: usize| {
        let n = &s.nodes[i];
        html! {
            <button type="button" class="link" data-audit-show={n.id.clone()} onclick={show(&n.id)}
                title={audit::show_party(lang)}>{ n.label().to_string() }</button>
        }
    };
    let body = rows
        .iter()
        .skip(current * PAGE)
        .take(PAGE)
        .map(|&i| {
            let (e, r) = (&s.edges[i], &a.report.edges[i]);
            let rules: Vec<&str> = r.findings.iter().map(|f| f.rule.as_str()).collect();
            html! {
                <tr key={e.id.clone()} data-audit-edge={e.id.clone()} data-verdict={r.verdict.as_str()}>
                    <td><code>{ e.id.clone() }</code></td>
                    <td>{ node_button(a.ends[i].0) }</td>
                    <td>{ csp_rules::edge_kind_name(e.kind, lang) }</td>
                    <td>{ node_button(a.ends[i].1) }</td>
                    <td class={classes!("verdict", r.verdict.as_str())}>
                        { match r.verdict { Verdict::Allowed => common::allowed(lang), Verdict::Blocked => common::blocked(lang) } }
                    </td>
                    <td class="rules">{ rules.join(" ") }</td>
                </tr>
            }
        });
    html! {
        <>
            <p class="audit-file">{ audit::audit_file(lang, &a.file, s.nodes.len(), s.edges.len()) }</p>
            <div class="audit-counts">
                <table class="audit-summary">
                    <caption>{ audit::by_verdict(lang) }</caption>
                    <tbody>
                        <tr data-audit-count="allowed"><th scope="row">{ common::allowed(lang) }</th><td>{ a.report.summary.allowed }</td></tr>
                        <tr data-audit-count="blocked"><th scope="row">{ common::blocked(lang) }</th><td>{ a.report.summary.blocked }</td></tr>
                    </tbody>
                </table>
                <table class="audit-summary">
                    <caption>{ audit::by_rule(lang) }</caption>
                    <tbody>
                        { for a.by_rule.iter().map(|(rule, n)| html! {
                            <tr data-audit-rule={rule.as_str()}><th scope="row"><code>{ rule.as_str() }</code></th><td>{ *n }</td></tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="audit-filters" role="search">
                <label class="field inline"><span>{ audit::search(lang) }</span>
                    <input type="search" name="audit-search" value={f.search.clone()} oninput={on_search} /></label>
                { filter_select(audit::verdict_filter(lang), "audit-verdict", on_verdict, vec![
                    ("", audit::any(lang).into(), f.verdict.is_none()),
                    ("allowed", common::allowed(lang).into(), f.verdict == Some(Verdict::Allowed)),
                    ("blocked", common::blocked(lang).into(), f.verdict == Some(Verdict::Blocked)),
                ]) }
                { filter_select(audit::rule_filter(lang), "audit-rule", on_rule,
                    std::iter::once(("", audit::any(lang).into(), f.rule.is_none()))
                        .chain(a.by_rule.iter().map(|(r, _)| (r.as_str(), r.as_str().into(), f.rule == Some(*r))))
                        .collect()) }
                { filter_select(common::kind(lang), "audit-kind", on_kind,
                    std::iter::once(("", audit::any(lang).into(), f.kind.is_none()))
                        .chain(NodeKind::ALL.iter().map(|k| (k.as_str(), kind_name(*k, lang).into(), f.kind == Some(*k))))
                        .collect()) }
                { filter_select(common::region(lang), "audit-region", on_region,
                    std::iter::once(("", audit::any(lang).into(), f.region.is_none()))
                        .chain(regions.iter().map(|r| (*r, region_name(r, lang).into(), f.region.as_deref() == Some(*r))))
                        .collect()) }
            </div>
            <p class="audit-page" role="status" data-audit-matching={rows.len().to_string()}>
                { audit::audit_page(lang, current + 1, pages, rows.len()) }
            </p>
            <div class="row">
                <button type="button" data-audit-page="prev" disabled={current == 0} onclick={go(current.saturating_sub(1))}>{ audit::previous_page(lang) }</button>
                <button type="button" data-audit-page="next" disabled={current + 1 >= pages} onclick={go(current + 1)}>{ audit::next_page(lang) }</button>
            </div>
            <div class="audit-table-wrap">
                <table class="audit-edges">
                    <thead><tr>
                        <th scope="col">{ common::id(lang) }</th>
                        <th scope="col">{ audit::from_party(lang) }</th>
                        <th scope="col">{ common::relationship(lang) }</th>
                        <th scope="col">{ common::to(lang) }</th>
                        <th scope="col">{ audit::verdict_filter(lang) }</th>
                        <th scope="col">{ audit::rules_found(lang) }</th>
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        </>
    }
}

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

    fn audited() -> Result<Audited, String> {
        Audited::judge("net.json".into(), NET, Lang::En)
    }

    #[test]
    fn filters_combine() -> Result<(), String> {
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
                .map(|e| e.starts_with("error: ")),
            Some(true)
        );
        Ok(())
    }

    #[test]
    fn a_neighbourhood_keeps_its_supply_chain_and_verdicts() -> Result<(), String> {
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
}
