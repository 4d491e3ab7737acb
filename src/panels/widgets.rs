//! Small pieces the panels and the training views share: a verdict badge, a citation of the
//! guide, a finding in full, and a finding as one short line.

use crate::text::{common, panels};
use csp_rules::{Cite, Finding, Lang, SeeAlso, Severity, Verdict, GUIDE_TITLE, GUIDE_VERSION};
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

/// A link to a page on Microsoft Learn: plain navigation in a new tab, fetched only when the
/// reader follows it, and sending the page's address nowhere.
fn learn_link(
    lang: Lang,
    class: &'static str,
    href: &'static str,
    text: String,
    title: Option<String>,
) -> Html {
    html! {
        <a class={class} href={href} hreflang={lang.pick("en-US", "zh-TW")} title={title}
            target="_blank" rel="noopener noreferrer">
            { text }<span class="sr-only">{ panels::new_tab(lang) }</span>
        </a>
    }
}

/// A citation of the guide in full: "Source:" and the guide, its version, the section and the
/// place in it, linked to that section on Microsoft Learn in the reader's language; then the
/// pages the guide links from there ("See also"). Every view that cites the guide shows this.
pub fn citation(lang: Lang, cite: Cite) -> Html {
    let see_also = cite.see_also();
    html! {
        <p class="cite" data-cite={cite.key()}>
            { panels::source(lang) }
            { learn_link(lang, "cite-link", cite.link(lang), cite.label(lang), None) }
            if !see_also.is_empty() {
                <span class="see-also">
                    { panels::see_also(lang) }
                    { for see_also.iter().enumerate().map(|(i, s)| html! {
                        <>
                            if i > 0 { { panels::list_gap(lang) } }
                            { see_also_link(lang, *s) }
                        </>
                    }) }
                </span>
            }
        </p>
    }
}

/// A citation as a short link for lists: the place in the guide ("Example scenario 7") as
/// its text, the whole citation (guide, version, section) as its title.
pub fn cite_link(lang: Lang, cite: Cite) -> Html {
    learn_link(
        lang,
        "cite-link",
        cite.link(lang),
        cite.text(lang),
        Some(cite.label(lang)),
    )
}

/// A page the guide links to, by its title, as a link of its own (the inspector's region help).
pub fn see_also_link(lang: Lang, page: SeeAlso) -> Html {
    learn_link(
        lang,
        "see-also-link",
        page.link(lang),
        page.title(lang).to_string(),
        None,
    )
}

/// The guide's own page on Microsoft Learn in the reader's language, by its title and version.
pub fn guide_page_link(lang: Lang) -> Html {
    let title = GUIDE_TITLE.get(lang);
    let text = lang.pick(
        format!("{title} ({GUIDE_VERSION})"),
        format!("{title}（{GUIDE_VERSION}）"),
    );
    learn_link(lang, "guide-link", csp_rules::guide_link(lang), text, None)
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
            { citation(lang, f.rule.cite()) }
            if !f.remedies.is_empty() {
                <p class="remedies-title">{ panels::remedies(lang) }</p>
                <ul class="remedies">
                    { for f.remedies.iter().map(|r| html! { <li>{ r.clone() }</li> }) }
                </ul>
            }
        </li>
    }
}

/// An edge's findings as short lines, rule ID, message and citation (the walkthrough's
/// expectations and the quiz's answers).
pub fn rule_lines(lang: Lang, findings: &[Finding]) -> Html {
    if findings.is_empty() {
        return html! {};
    }
    html! {
        <ul class="rules">
            { for findings.iter().map(|f| html! {
                <li data-rule={f.rule.as_str()}>
                    <code class="rule-id">{ f.rule.as_str() }</code>{ " " }
                    <span class="message">{ f.message.clone() }</span>{ " " }
                    { cite_link(lang, f.rule.cite()) }
                </li>
            }) }
        </ul>
    }
}
