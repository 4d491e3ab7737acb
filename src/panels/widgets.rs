//! Small pieces the panels and the training views share: a verdict badge, a finding in
//! full, and a finding as one short line.

use crate::text::{common, panels};
use csp_rules::{Finding, Lang, Severity, Verdict};
use yew::prelude::*;

/// The CSS class of a severity.
pub fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Block => "block",
        Severity::Info => "info",
    }
}

/// A verdict as a badge: its icon, then its word (never colour alone).
pub fn verdict_badge(lang: Lang, verdict: Option<Verdict>) -> Html {
    let (class, icon) = match verdict {
        Some(Verdict::Allowed) => ("allowed", "✓"),
        Some(Verdict::Blocked) => ("blocked", "✗"),
        None => ("unjudged", "?"),
    };
    html! {
        <span class={classes!("verdict", class)} data-verdict={verdict.map(Verdict::as_str)}>
            <span aria-hidden="true">{ icon }</span>{ " " }{ common::verdict(lang, verdict) }
        </span>
    }
}

/// One finding, as the relationship panel shows it: rule, message, citation, remedies.
pub fn finding_view(lang: Lang, f: &Finding) -> Html {
    let severity = match f.severity {
        Severity::Block => panels::severity_block(lang),
        Severity::Info => panels::severity_info(lang),
    };
    let class = severity_class(f.severity);
    html! {
        <li class={classes!("finding", class)} data-rule={f.rule.as_str()}>
            <p class="finding-head">
                <code class="rule-id">{ f.rule.as_str() }</code>
                <span class={classes!("severity", class)}>{ severity }</span>
            </p>
            <p class="message">{ f.message.clone() }</p>
            <p class="cite">{ format!("{}: {}", panels::source(lang), f.cite) }</p>
            if !f.remedies.is_empty() {
                <p class="remedies-title">{ panels::remedies(lang) }</p>
                <ul class="remedies">
                    { for f.remedies.iter().map(|r| html! { <li>{ r.clone() }</li> }) }
                </ul>
            }
        </li>
    }
}

/// An edge's findings as short lines, rule ID then message (the walkthrough's expectations
/// and the quiz's answers).
pub fn rule_lines(findings: &[Finding]) -> Html {
    if findings.is_empty() {
        return html! {};
    }
    html! {
        <ul class="rules">
            { for findings.iter().map(|f| html! {
                <li data-rule={f.rule.as_str()}>
                    <code class="rule-id">{ f.rule.as_str() }</code>{ " " }
                    <span class="message">{ f.message.clone() }</span>
                </li>
            }) }
        </ul>
    }
}
