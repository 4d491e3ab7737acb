//! What an embed shows of the selection over its canvas. Read-only modes get a strip with the
//! selected relationship's verdict and findings (or a node's relationships), which collapses
//! to one line in a short frame; editing modes get the app's own inspector and relationship
//! panel in a popover.

use crate::model::evaluation::Evaluation;
use crate::model::{use_page, Action, Dispatch, Page, Selection, Shared, State, Target};
use crate::panels::selection::selection_panel;
use crate::panels::widgets::{finding_view, verdict_badge};
use crate::text::{common, embed as t};
use csp_rules::{kind_name, region_name, Report, Scenario};
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct StripProps {
    /// The scenario as judged.
    pub scenario: Shared<Scenario>,
    pub report: Option<Shared<Report>>,
    pub selection: Selection,
}

/// The relationships of node `id`, each named by its ends, with its index in the report.
fn relations_of<'a>(
    s: &'a Scenario,
    id: &'a str,
) -> impl Iterator<Item = (usize, &'a csp_rules::Edge)> + 'a {
    s.edges
        .iter()
        .enumerate()
        .filter(move |(_, e)| e.from == id || e.to == id)
}

#[function_component(Strip)]
pub fn strip(p: &StripProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let open = use_state_eq(|| true);
    let s = &p.scenario;
    let label = |id: &str| s.label_of(id).to_string();
    let report = p.report.as_ref();
    let verdict_at = |i: usize, id: &str| {
        let r = report?.edges.get(i)?;
        (r.id == id).then_some(r)
    };
    let (key, heading, badge, body) = if let Some((i, e)) = p
        .selection
        .single_edge()
        .and_then(|id| s.edges.iter().enumerate().find(|(_, e)| e.id == id))
    {
        let er = verdict_at(i, &e.id);
        let findings = er.map(|r| r.findings.as_slice()).unwrap_or(&[]);
        let body = html! {
            <ul class="findings-list">{ for findings.iter().map(|f| finding_view(lang, f)) }</ul>
        };
        (
            format!("edge:{}", e.id),
            common::relation(lang, &label(&e.from), e.kind, &label(&e.to)),
            verdict_badge(lang, er.map(|r| r.verdict)),
            body,
        )
    } else if let Some(n) = p.selection.single_node().and_then(|id| s.node(id)) {
        let region = n
            .region
            .as_deref()
            .map(|r| region_name(r, lang))
            .unwrap_or_default();
        let items: Vec<Html> = relations_of(s, &n.id)
            .map(|(i, e)| {
                let verdict = verdict_at(i, &e.id).map(|r| r.verdict);
                let onclick = dispatch.on(Action::Select {
                    target: Target::Edge(e.id.clone()),
                    additive: false,
                });
                html! {
                    <li key={e.id.clone()}>
                        <button type="button" class="entry" data-strip-relation={e.id.clone()} {onclick}>
                            { verdict_badge(lang, verdict) }{ " " }
                            { common::relation(lang, &label(&e.from), e.kind, &label(&e.to)) }
                        </button>
                    </li>
                }
            })
            .collect();
        let body = html! {
            <>
                <p class="hint">{ t::kind_in(lang, kind_name(n.kind, lang), region) }</p>
                if items.is_empty() {
                    <p class="hint">{ t::no_relationships(lang) }</p>
                } else {
                    <ul class="strip-relations" aria-label={t::relationships(lang)}>{ for items }</ul>
                }
            </>
        };
        (
            format!("node:{}", n.id),
            n.label().to_string(),
            html! {},
            body,
        )
    } else {
        return html! {};
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close = dispatch.on(Action::ClearSelection);
    html! {
        <section class={classes!("embed-strip", (!*open).then_some("collapsed"))} data-strip={key}
            aria-label={t::details(lang)}>
            <div class="strip-head">
                <h2>{ heading }</h2>
                { badge }
                <button type="button" class="strip-toggle" aria-expanded={open.to_string()} onclick={toggle}>
                    { if *open { t::collapse(lang) } else { t::expand(lang) } }
                </button>
                <button type="button" class="strip-close" aria-label={common::close(lang)}
                    title={common::close(lang)} onclick={close}>{ "×" }</button>
            </div>
            if *open {
                <div class="strip-body">{ body }</div>
            }
        </section>
    }
}

/// What an embed in state `s` shows over its canvas, if anything: nothing while a quiz
/// hides the verdicts, else the strip (read-only modes) or the app's own panels (editing).
pub fn popover(s: &State, eval: &Evaluation, dispatch: &Dispatch) -> Option<Html> {
    if s.selection.is_empty() || s.training.hides_verdicts() {
        return None;
    }
    let judged = Shared(eval.scenario.clone());
    let report = eval.report().cloned().map(Shared);
    if !s.mode.editable() {
        return Some(html! {
            <Strip scenario={judged} {report} selection={s.selection.clone()} />
        });
    }
    let lang = s.lang;
    let panel = selection_panel(s, &judged, report.as_ref(), lang, dispatch);
    Some(html! {
        <section class="embed-popover" aria-label={t::popover_label(lang)}>
            <button type="button" class="popover-close" aria-label={common::close(lang)}
                title={common::close(lang)} onclick={dispatch.on(Action::ClearSelection)}>{ "×" }</button>
            { panel }
        </section>
    })
}
