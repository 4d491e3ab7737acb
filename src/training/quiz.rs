//! The quiz panel: the verdicts are hidden on the canvas; the learner predicts allowed or
//! blocked for each relationship (and for a blocked one, the rule), then "Check answers"
//! shows the engine's verdicts, its findings and a score.

use crate::io::{url, web};
use crate::model::training::{self, Answer, Quiz, Train};
use crate::model::{use_page, Action, Dispatch, Page, Shared};
use crate::panels::widgets::{rule_lines, verdict_badge};
use crate::text::{common, training as t};
use csp_rules::{share, Edge, EdgeReport, Lang, Report, RuleId, Scenario, Verdict};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct QuizProps {
    pub quiz: Quiz,
    /// The scenario as judged.
    pub scenario: Shared<Scenario>,
    /// The current scenario, positions included (what a quiz link carries).
    pub live: Shared<Scenario>,
    /// `None` when the diagram can't be judged.
    pub report: Option<Shared<Report>>,
}

#[function_component(QuizPanel)]
pub fn quiz_panel(p: &QuizProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let link = use_state(|| None::<String>);
    let train = |t: Train| dispatch.on::<MouseEvent>(Action::Train(t));
    let Some(report) = &p.report else {
        return html! {
            <section class="panel quiz" aria-labelledby="quiz-heading" data-quiz-panel="invalid">
                <h2 id="quiz-heading">{ t::quiz(lang) }</h2>
                <p class="hint">{ t::quiz_invalid(lang) }</p>
                <button type="button" class="quiz-leave" onclick={train(Train::EndQuiz)}>{ t::leave_quiz(lang) }</button>
            </section>
        };
    };
    let make_link = {
        let (link, live) = (link.clone(), p.live.clone());
        Callback::from(move |_: MouseEvent| {
            let (href, _, _) = web::location();
            let base = url::without_fragment(&href);
            link.set(Some(format!("{base}{}&quiz=1", share::fragment(&live))));
        })
    };
    let q = &p.quiz;
    // The report lists the edges in the scenario's order.
    let items = p
        .scenario
        .edges
        .iter()
        .zip(report.edges.iter())
        .map(|(e, er)| {
            let answer = q.answers.get(&e.id).copied().unwrap_or_default();
            quiz_item(e, er, answer, q.checked, &p.scenario, lang, &dispatch)
        });
    let (right, total) = training::score(q, report);
    html! {
        <section class="panel quiz" aria-labelledby="quiz-heading"
            data-quiz-panel={if q.checked { "checked" } else { "open" }}>
            <h2 id="quiz-heading">{ t::quiz(lang) }</h2>
            if report.edges.is_empty() {
                <p class="hint">{ t::quiz_nothing(lang) }</p>
            } else {
                if !q.checked {
                    <p class="hint">{ t::quiz_intro(lang) }</p>
                }
                <ol class="quiz-items">{ for items }</ol>
            }
            if q.checked {
                <p class="score" role="status" data-score={right.to_string()} data-total={total.to_string()}>
                    { t::score(lang, right, total) }
                </p>
            }
            <div class="row">
                if q.checked {
                    <button type="button" class="quiz-retry" onclick={train(Train::RetryQuiz)}>{ t::try_again(lang) }</button>
                } else {
                    <button type="button" class="primary quiz-check" disabled={report.edges.is_empty()}
                        onclick={train(Train::CheckQuiz)}>{ t::check_answers(lang) }</button>
                }
                <button type="button" class="quiz-leave" onclick={train(Train::EndQuiz)}>{ t::leave_quiz(lang) }</button>
                <button type="button" class="quiz-link" onclick={make_link}>{ t::quiz_link(lang) }</button>
            </div>
            if let Some(l) = &*link {
                <label class="field">
                    <span>{ t::quiz_link(lang) }</span>
                    <input type="text" readonly=true name="quiz-link" value={l.clone()} />
                </label>
            }
        </section>
    }
}

/// One question: the relationship, the learner's verdict (and rule), and once checked, the
/// engine's answer.
fn quiz_item(
    e: &Edge,
    er: &EdgeReport,
    answer: Answer,
    checked: bool,
    s: &Scenario,
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let label = |id: &str| s.label_of_in(id, lang).to_string();
    let radio = |v: Verdict| {
        let edge = e.id.clone();
        let onchange =
            dispatch.on::<Event>(Action::Train(Train::AnswerVerdict { edge, verdict: v }));
        html! {
            <label class="choice">
                <input type="radio" name={format!("quiz-{}", e.id)} value={v.as_str()}
                    checked={answer.verdict == Some(v)} disabled={checked} {onchange} />
                { common::verdict(lang, Some(v)) }
            </label>
        }
    };
    let on_rule = {
        let edge = e.id.clone();
        dispatch.to(move |ev: Event| {
            let value = ev.target_unchecked_into::<HtmlSelectElement>().value();
            let rule = RuleId::from_code(&value);
            Action::Train(Train::AnswerRule {
                edge: edge.clone(),
                rule,
            })
        })
    };
    let right = training::is_right(Some(&answer), er);
    let result = checked.then_some(if right { "right" } else { "wrong" });
    html! {
        <li key={e.id.clone()} class={classes!("quiz-item", result)} data-quiz-edge={e.id.clone()}
            data-result={result}>
            <fieldset class="quiz-verdict">
                <legend class="relation">{ common::relation(lang, &label(&e.from), e.kind, &label(&e.to)) }</legend>
                { radio(Verdict::Allowed) }
                { radio(Verdict::Blocked) }
            </fieldset>
            if answer.verdict == Some(Verdict::Blocked) {
                <label class="field quiz-rule">
                    <span>{ t::which_rule(lang) }</span>
                    <select name={format!("quiz-rule-{}", e.id)} disabled={checked} onchange={on_rule}>
                        <option value="" selected={answer.rule.is_none()}>{ t::choose_rule(lang) }</option>
                        { for training::rule_choices(er).into_iter().map(|r| html! {
                            <option key={r.as_str()} value={r.as_str()} selected={answer.rule == Some(r)}>
                                { format!("{} — {}", r.as_str(), r.statement(lang)) }
                            </option>
                        }) }
                    </select>
                </label>
            }
            if checked {
                <div class="quiz-answer">
                    <p>
                        <strong class="mark">{ if right { t::right(lang) } else { t::wrong(lang) } }</strong>
                        { " " }{ t::the_answer(lang) }{ " " }{ verdict_badge(lang, Some(er.verdict)) }
                    </p>
                    { rule_lines(lang, &er.findings) }
                </div>
            }
        </li>
    }
}
