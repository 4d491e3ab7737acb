//! Handouts for a class without screens, as the page prints them: the handout (the title in
//! the page's language, the diagram fitted to the page with its legend, and every finding
//! with the guide's citation, linked and its address printed), the walkthrough (every step
//! with the diagram as that step leaves it) and the quiz worksheet (the diagram with
//! numbered edges and blank answers, then the answer key on a page of its own). Each is made
//! only when printing and holds no form control; the pictures are `canvas::picture`'s.

use crate::canvas::picture::{self, Options, Picture};
use crate::io::web;
use crate::model::evaluation::with_findings;
use crate::model::quiz::{blocking_rules, Quiz};
use crate::model::training::{self, Marks, Tour};
use crate::model::Shared;
use crate::text::{common, panels, training as t};
use csp_rules::walkthrough::Walkthrough;
use csp_rules::{evaluate, presets, Finding, Lang, Report, RuleId, Scenario, Verdict};
use yew::prelude::*;

/// What is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintDoc {
    Handout,
    /// Every step of preset N's walkthrough.
    Walkthrough(u8),
    /// The quiz worksheet; with `key`, the answer key on a page of its own.
    Worksheet {
        key: bool,
    },
}

#[derive(Debug, Properties, PartialEq)]
pub struct PrintProps {
    pub doc: PrintDoc,
    /// The current scenario, positions included.
    pub live: Shared<Scenario>,
    pub report: Option<Shared<Report>>,
    pub preset: Option<u8>,
    /// The quiz under way, whose question order a worksheet keeps.
    pub quiz: Option<Quiz>,
}

/// A picture of `s` as printed: no title (the page has it), no scenario inside.
fn drawing(
    s: &Scenario,
    r: Option<&Report>,
    lang: Lang,
    numbers: Option<&std::collections::BTreeMap<String, usize>>,
    marks: Option<&Marks>,
) -> Html {
    let options = Options {
        title: false,
        scenario: false,
        ..Options::default()
    };
    let p = Picture {
        scenario: s,
        report: r,
        lang,
        options,
        numbers,
        marks,
    };
    html! { <figure class="print-picture">{ picture::draw(&p).0.html() }</figure> }
}

/// A link to the cited section of the guide; the address is printed beside it.
fn cite(lang: Lang, rule: RuleId) -> Html {
    html! {
        <a class="cite-link" href={rule.link(lang)} hreflang={lang.pick("en-US", "zh-TW")}>{ rule.cite().label(lang) }</a>
    }
}

fn finding_line(lang: Lang, f: &Finding) -> Html {
    html! {
        <li data-rule={f.rule.as_str()}>
            <code class="rule-id">{ f.rule.as_str() }</code>{ " " }{ f.message.clone() }{ " " }{ cite(lang, f.rule) }
        </li>
    }
}

/// The title, what the diagram is judged by, and when it was printed.
fn head(lang: Lang, title: &str, s: &Scenario) -> Html {
    let as_of = s
        .as_of
        .clone()
        .unwrap_or_else(|| csp_rules::DEFAULT_AS_OF.to_string());
    let date: String = web::local_time().chars().take(10).collect();
    html! {
        <header class="print-head">
            <h1>{ title.to_string() }</h1>
            <p class="print-meta">{ t::print_meta(lang, &as_of, &date) }</p>
        </header>
    }
}

/// The diagram's title in the page's language: the guide scenario's, else its own.
pub fn title_of(s: &Scenario, preset: Option<u8>, lang: Lang) -> String {
    preset
        .and_then(presets::get)
        .map(|p| p.title(lang).to_string())
        .or_else(|| {
            s.title_in(lang)
                .filter(|t| !t.trim().is_empty())
                .map(str::to_string)
        })
        .unwrap_or_else(|| crate::text::io::untitled(lang).to_string())
}

fn handout(p: &PrintProps, lang: Lang) -> Html {
    let s = &p.live;
    let r = p.report.as_deref();
    let label = |id: &str| s.label_of_in(id, lang).to_string();
    let findings = r.map(|r| {
        let edges = with_findings(r).into_iter().filter_map(|(i, er)| Some((s.edges.get(i)?, er)));
        let diagram = r.diagram.iter().map(|d| html! {
            <li data-rule={d.rule.as_str()}>
                <code class="rule-id">{ d.rule.as_str() }</code>{ " " }{ d.message.clone() }{ " " }{ cite(lang, d.rule) }
            </li>
        });
        let edges = edges.map(|(e, er)| html! {
            <li class="print-edge" data-edge={er.id.clone()}>
                <p><strong>{ common::verdict(lang, Some(er.verdict)) }</strong>{ " " }
                    { common::relation(lang, &label(&e.from), e.kind, &label(&e.to)) }</p>
                <ul>{ for er.findings.iter().map(|f| finding_line(lang, f)) }</ul>
            </li>
        });
        html! {
            <section class="print-findings">
                <h2>{ panels::diagram_findings(lang) }</h2>
                <p>{ common::counts(lang, r.summary.allowed, r.summary.blocked) }</p>
                <ul>{ for diagram }{ for edges }</ul>
            </section>
        }
    });
    html! {
        <article class="print-doc" data-print="handout">
            { head(lang, &title_of(s, p.preset, lang), s) }
            { drawing(s, r, lang, None, None) }
            { for findings }
        </article>
    }
}

/// One step of a walkthrough as printed: its text, its change, the diagram as it leaves it
/// (its highlight kept) and the verdicts it points at.
fn step_page(w: &Walkthrough, k: usize, lang: Lang) -> Option<Html> {
    let step = w.step(k)?;
    let mut s = training::scenario_at(w, k)?;
    crate::model::layout::fill_missing(&mut s);
    let change = step.action.as_ref().map(|a| a.describe_in(&s, lang));
    if let Some(a) = &step.action {
        a.perform(&mut s);
    }
    let r = evaluate(&s, lang).ok();
    let marks = training::marks(
        Tour {
            preset: w.preset,
            step: k,
        },
        &s,
        None,
    );
    let label = |id: &str| s.label_of_in(id, lang).to_string();
    let expects = step.expect.iter().filter_map(|x| {
        let (i, e) = x.edge.find(&s)?;
        let er = r.as_ref()?.edges.get(i)?;
        Some(html! {
            <li>
                <strong>{ common::verdict(lang, Some(er.verdict)) }</strong>{ " " }
                { common::relation(lang, &label(&e.from), e.kind, &label(&e.to)) }
                <ul>{ for er.findings.iter().map(|f| finding_line(lang, f)) }</ul>
            </li>
        })
    });
    Some(html! {
        <section class="print-step" data-step={k.to_string()}>
            <h2>{ t::progress(lang, k, w.len()) }{ ": " }{ step.title(lang) }</h2>
            <p>{ step.text(lang) }</p>
            if let Some(change) = change {
                <p class="print-change"><strong>{ t::the_change(lang) }</strong>{ " " }{ change }</p>
            }
            { drawing(&s, r.as_ref(), lang, None, marks.as_ref()) }
            if !step.expect.is_empty() {
                <ul class="print-expect">{ for expects }</ul>
            }
        </section>
    })
}

fn walkthrough(n: u8, lang: Lang) -> Html {
    let Some(w) = training::walkthrough_of(n) else {
        return html! {};
    };
    let title = t::walkthrough_heading(lang, training::preset_title(n, lang));
    let start = training::scenario_at(&w, 1).unwrap_or_default();
    let rules = training::rules_met(&w).into_iter().map(|r| html! {
        <li data-rule={r.as_str()}><code class="rule-id">{ r.as_str() }</code>{ " " }{ r.statement(lang) }{ " " }{ cite(lang, r) }</li>
    });
    html! {
        <article class="print-doc" data-print="walkthrough">
            { head(lang, &title, &start) }
            { for (1..=w.len()).filter_map(|k| step_page(&w, k, lang)) }
            <section class="print-summary">
                <h2>{ t::summary(lang) }</h2>
                <p>{ t::rules_met(lang) }</p>
                <ul>{ for rules }</ul>
            </section>
        </article>
    }
}

fn worksheet(p: &PrintProps, key: bool, lang: Lang) -> Html {
    let s = &p.live;
    let quiz = Quiz::new(p.quiz.as_ref().and_then(|q| q.seed.clone()));
    let numbers = quiz.numbers(s);
    let label = |id: &str| s.label_of_in(id, lang).to_string();
    let relation = |i: usize| {
        s.edges
            .get(i)
            .map(|e| common::relation(lang, &label(&e.from), e.kind, &label(&e.to)))
            .unwrap_or_default()
    };
    let order = quiz.order(s);
    let questions = order.iter().enumerate().map(|(k, &i)| {
        html! {
            <li data-question={(k + 1).to_string()}>
                <span class="q-number">{ k + 1 }</span>{ " " }{ relation(i) }
                <span class="answer-boxes">
                    <span class="box">{ "☐ " }{ common::allowed(lang) }</span>
                    <span class="box">{ "☐ " }{ common::blocked(lang) }</span>
                    <span class="blank">{ t::which_rule(lang) }</span>
                </span>
            </li>
        }
    });
    let answers = p.report.as_ref().filter(|_| key).map(|r| {
        let items = order.iter().enumerate().filter_map(|(k, &i)| {
            let er = r.edges.get(i)?;
            let rules: Vec<&str> = blocking_rules(er).iter().map(|r| r.as_str()).collect();
            let answer = match er.verdict {
                Verdict::Blocked if !rules.is_empty() => t::blocked_by(lang, &rules.join(", ")),
                v => common::verdict(lang, Some(v)).to_string(),
            };
            Some(html! {
                <li data-question={(k + 1).to_string()}>
                    <p><span class="q-number">{ k + 1 }</span>{ " " }{ relation(i) }{ ": " }<strong>{ answer }</strong></p>
                    <ul>{ for er.findings.iter().map(|f| finding_line(lang, f)) }</ul>
                </li>
            })
        });
        html! {
            <section class="answer-key">
                <h2>{ t::answer_key(lang) }</h2>
                <ol>{ for items }</ol>
            </section>
        }
    });
    html! {
        <article class="print-doc" data-print={if key { "worksheet-key" } else { "worksheet" }}>
            { head(lang, &t::worksheet_title(lang, s.edges.len()), s) }
            <p class="print-lines"><span class="blank">{ t::name_line(lang) }</span><span class="blank">{ t::date_line(lang) }</span></p>
            <p>{ t::worksheet_intro(lang) }</p>
            { drawing(s, None, lang, Some(&numbers), None) }
            <ol class="print-questions">{ for questions }</ol>
            { for answers }
        </article>
    }
}

#[function_component(PrintView)]
pub fn print_view(p: &PrintProps) -> Html {
    let lang = crate::model::use_page().lang;
    match p.doc {
        PrintDoc::Handout => handout(p, lang),
        PrintDoc::Walkthrough(n) => walkthrough(n, lang),
        PrintDoc::Worksheet { key } => worksheet(p, key, lang),
    }
}
