//! A judged network: its counts by verdict and by rule, the filters, and one page of the
//! edge table, where a party's name opens its neighbourhood in the editor.

use crate::io::{url, web};
use crate::model::audit::{is_large, AuditAction, Audited, Filter, PAGE};
use crate::model::{Action, Dispatch, Shared};
use crate::text::{audit, common};
use csp_rules::{
    edge_kind_name, kind_name, region_name, share, Lang, NodeKind, RuleId, Verdict, CSP_REGIONS,
};
use std::collections::HashSet;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the audit shows of a judged network: `page` of the edges that pass `filter`.
pub fn ready(
    a: &Shared<Audited>,
    filter: &Filter,
    page: usize,
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let s = &a.scenario;
    let name = if a.file.is_empty() {
        audit::untitled_network(lang)
    } else {
        &a.file
    };
    let rows = a.matching(filter);
    let pages = rows.len().div_ceil(PAGE).max(1);
    let current = page.min(pages - 1);
    let go = |to: usize| dispatch.on::<MouseEvent>(Action::Audit(AuditAction::Page(to)));
    let on_page: Vec<usize> = rows
        .iter()
        .copied()
        .skip(current * PAGE)
        .take(PAGE)
        .collect();
    html! {
        <>
            <p class="audit-file">{ audit::audit_file(lang, name, s.nodes.len(), s.edges.len()) }</p>
            if a.opened {
                <p class="audit-note" data-audit-note="opened">{ audit::opened_here(lang) }</p>
            }
            { summary(a, lang) }
            { filters(a, filter, lang, dispatch) }
            <p class="audit-page" role="status" data-audit-matching={rows.len().to_string()}>
                { audit::audit_page(lang, current + 1, pages, rows.len()) }
            </p>
            <div class="row">
                <button type="button" data-audit-page="prev" disabled={current == 0}
                    onclick={go(current.saturating_sub(1))}>{ audit::previous_page(lang) }</button>
                <button type="button" data-audit-page="next" disabled={current + 1 >= pages}
                    onclick={go(current + 1)}>{ audit::next_page(lang) }</button>
            </div>
            { edge_table(a, &on_page, lang, dispatch) }
        </>
    }
}

/// The counts, as `csp-rules check --summary` prints them.
fn summary(a: &Audited, lang: Lang) -> Html {
    html! {
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

/// The regions in use: the CSP regions in their usual order, then any others in file order.
fn regions_in_use(a: &Audited) -> Vec<&str> {
    let s = &a.scenario;
    let in_use: HashSet<&str> = s.nodes.iter().filter_map(|n| n.region()).collect();
    let mut regions: Vec<&str> = CSP_REGIONS
        .iter()
        .copied()
        .filter(|r| in_use.contains(r))
        .collect();
    for r in s.nodes.iter().filter_map(|n| n.region()) {
        if !CSP_REGIONS.contains(&r) && !regions.contains(&r) {
            regions.push(r);
        }
    }
    regions
}

fn filters(a: &Audited, f: &Filter, lang: Lang, dispatch: &Dispatch) -> Html {
    let set = |update: fn(&mut Filter, String)| {
        let f = f.clone();
        dispatch.to(move |e: Event| {
            let mut next = f.clone();
            update(
                &mut next,
                e.target_unchecked_into::<HtmlSelectElement>().value(),
            );
            Action::Audit(AuditAction::Filter(next))
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
        let f = f.clone();
        dispatch.to(move |e: InputEvent| {
            let mut next = f.clone();
            next.search = e.target_unchecked_into::<HtmlInputElement>().value();
            Action::Audit(AuditAction::Filter(next))
        })
    };
    let any = |none: bool| ("", audit::any(lang).to_string(), none);
    let rules = a.by_rule.iter();
    let regions = regions_in_use(a);
    html! {
        <div class="audit-filters" role="search">
            <label class="field inline"><span>{ audit::search(lang) }</span>
                <input type="search" name="audit-search" value={f.search.clone()} oninput={on_search} /></label>
            { filter_select(audit::verdict_filter(lang), "audit-verdict", on_verdict, vec![
                any(f.verdict.is_none()),
                ("allowed", common::allowed(lang).into(), f.verdict == Some(Verdict::Allowed)),
                ("blocked", common::blocked(lang).into(), f.verdict == Some(Verdict::Blocked)),
            ]) }
            { filter_select(audit::rule_filter(lang), "audit-rule", on_rule,
                std::iter::once(any(f.rule.is_none()))
                    .chain(rules.map(|(r, _)| (r.as_str(), r.as_str().into(), f.rule == Some(*r))))
                    .collect()) }
            { filter_select(common::kind(lang), "audit-kind", on_kind,
                std::iter::once(any(f.kind.is_none()))
                    .chain(NodeKind::ALL.iter().map(|k| (k.as_str(), kind_name(*k, lang).into(), f.kind == Some(*k))))
                    .collect()) }
            { filter_select(common::region(lang), "audit-region", on_region,
                std::iter::once(any(f.region.is_none()))
                    .chain(regions.iter().map(|r| (*r, region_name(r, lang).into(), f.region.as_deref() == Some(*r))))
                    .collect()) }
        </div>
    }
}

/// The edges (by index) `rows`, each with its ends, verdict and rules.
fn edge_table(a: &Shared<Audited>, rows: &[usize], lang: Lang, dispatch: &Dispatch) -> Html {
    let s = &a.scenario;
    // A party's neighbourhood opens in the editor as a share link does, and the address says
    // so; one too large to draw (a hub's is most of the network) narrows the table instead.
    let show = |id: &str| {
        let (a, id, dispatch) = (a.clone(), id.to_string(), dispatch.clone());
        Callback::from(move |_: MouseEvent| match a.neighbourhood(&id) {
            Some(sub) if !is_large(&sub) => {
                let fragment = share::fragment(&sub);
                web::set_fragment(&fragment);
                dispatch.send(Action::Open(url::parse_fragment(&fragment)));
            }
            Some(_) => dispatch.send(Action::Audit(AuditAction::Filter(Filter {
                search: id.clone(),
                ..Filter::default()
            }))),
            None => {}
        })
    };
    let node_button = |i: usize| {
        let n = &s.nodes[i];
        html! {
            <button type="button" class="link" data-audit-show={n.id.clone()} onclick={show(&n.id)}
                title={audit::show_party(lang)}>{ n.label_in(lang).to_string() }</button>
        }
    };
    let body = rows.iter().map(|&i| {
        let (e, r) = (&s.edges[i], &a.report.edges[i]);
        let rules: Vec<&str> = r.findings.iter().map(|f| f.rule.as_str()).collect();
        html! {
            <tr key={e.id.clone()} data-audit-edge={e.id.clone()} data-verdict={r.verdict.as_str()}>
                <td><code>{ e.id.clone() }</code></td>
                <td>{ node_button(a.ends[i].0) }</td>
                <td>{ edge_kind_name(e.kind, lang) }</td>
                <td>{ node_button(a.ends[i].1) }</td>
                <td class={classes!("verdict", r.verdict.as_str())}>{ common::verdict(lang, Some(r.verdict)) }</td>
                <td class="rules">{ rules.join(" ") }</td>
            </tr>
        }
    });
    html! {
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
    }
}
