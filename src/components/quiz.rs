//! The quiz panel: the verdicts are hidden on the canvas; the learner predicts allowed or
//! blocked for each relationship (and for a blocked one, the rule), then "Check answers"
//! shows the engine's verdicts, its findings and a score.

use super::edge_panel::verdict_badge;
use super::training::rule_lines;
use super::Dispatch;
use super::Shared;
use crate::io::url;
use crate::io::web;
use crate::model::training::{self, Quiz, Train};
use crate::model::Action;
use crate::text::{common, training as tt};
use csp_rules::{share, Lang, Report, RuleId, Scenario, Verdict};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct QuizProps {
    pub lang: Lang,
    pub quiz: Quiz,
    /// The scenario as judged.
    pub scenario: Shared<Scenario>,
    /// The current scenario, positions included (what a quiz link carries).
    pub live: Shared<Scenario>,
    /// `None` when the diagram can't be judged.
    pub report: Option<Shared<Report>>,
    pub dispatch: Dispatch,
}

#[function_component(QuizPanel)]
pub fn quiz_panel(p: &QuizProps) -> Html {
    let lang = p.lang;
    let link = use_state(|| None::<String>);
    let train = |t: Train| {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Train(t.clone())))
    };
    let leave = train(Train::EndQuiz);
    let make_link = {
        let link = link.clone();
        let live = p.live.clone();
        Callback::from(move |_: MouseEvent| {
            let (href, _, _) = web::location();
            link.set(Some(format!(
                "{}{}&quiz=1",
                url::without_fragment(&href),
                share::fragment(&live)
            )));
        })
    };
    let Some(report) = &p.report else {
        return html! {
            <section class="panel quiz" aria-labelledby="quiz-heading" data-quiz-panel="invalid">
                <h2 id="quiz-heading">{ tt::quiz(lang) }</h2>
                <p class="hint">{ tt::quiz_invalid(lang) }</p>
                <button type="button" class="quiz-leave" onclick={leave}>{ tt::leave_quiz(lang) }</button>
            </section>
        };
    };
    let q = &p.quiz;
    let label = |id: &str| p.scenario.label_of(id).to_string();
    // The report lists the edges in the scenario's order.
    let items = p.scenario.edges.iter().zip(report.edges.iter()).map(|(e, er)| {
        let answer = q.answers.get(&e.id).copied().unwrap_or_default();
        let relation = common::relation(lang, &label(&e.from), e.kind, &label(&e.to));
        let radio = |v: Verdict, text: &'static str| {
            let dispatch = p.dispatch.clone();
            let edge = e.id.clone();
            let onchange = Callback::from(move |_: Event| {
                dispatch.dispatch(Action::Train(Train::AnswerVerdict {
                    edge: edge.clone(),
                    verdict: v,
                }))
            });
            html! {
                <label class="choice">
                    <input type="radio" name={format!("quiz-{}", e.id)} value={v.as_str()}
                        checked={answer.verdict == Some(v)} disabled={q.checked} {onchange} />
                    { text }
                </label>
            }
        };
        let on_rule = {
            let dispatch = p.dispatch.clone();
            let edge = e.id.clone();
            Callback::from(move |ev: Event| {
                let value = ev.target_unchecked_into::<HtmlSelectElement>().value();
                dispatch.dispatch(Action::Train(Train::AnswerRule {
                    edge: edge.clone(),
                    rule: RuleId::from_code(&value),
                }))
            })
        };
        let right = training::is_right(Some(&answer), er);
        let result = q.checked.then_some(if right { "right" } else { "wrong" });
        html! {
            <li key={e.id.clone()} class={classes!("quiz-item", result)} data-quiz-edge={e.id.clone()}
                data-result={result}>
                <fieldset class="quiz-verdict">
                    <legend class="relation">{ relation }</legend>
                    { radio(Verdict::Allowed, common::allowed(lang)) }
                    { radio(Verdict::Blocked, common::blocked(lang)) }
                </fieldset>
                if answer.verdict == Some(Verdict::Blocked) {
                    <label class="field quiz-rule">
                        <span>{ tt::which_rule(lang) }</span>
                        <select name={format!("quiz-rule-{}", e.id)} disabled={q.checked} onchange={on_rule}>
                            <option value="" selected={answer.rule.is_none()}>{ tt::choose_rule(lang) }</option>
                            { for training::rule_choices(er).into_iter().map(|r| html! {
                                <option key={r.as_str()} value={r.as_str()} selected={answer.rule == Some(r)}>
                                    { format!("{} — {}", r.as_str(), r.statement(lang)) }
                                </option>
                            }) }
                        </select>
                    </label>
                }
                if q.checked {
                    <div class="quiz-answer">
                        <p>
                            <strong class="mark">{ if right { tt::right(lang) } else { tt::wrong(lang) } }</strong>
                            { " " }{ tt::the_answer(lang) }{ " " }{ verdict_badge(lang, Some(er.verdict)) }
                        </p>
                        { rule_lines(&er.findings) }
                    </div>
                }
            </li>
        }
    });
    let (right, total) = training::score(q, report);
    html! {
        <section class="panel quiz" aria-labelledby="quiz-heading"
            data-quiz-panel={if q.checked { "checked" } else { "open" }}>
            <h2 id="quiz-heading">{ tt::quiz(lang) }</h2>
            if report.edges.is_empty() {
                <p class="hint">{ tt::quiz_nothing(lang) }</p>
            } else {
                if !q.checked {
                    <p class="hint">{ tt::quiz_intro(lang) }</p>
                }
                <ol class="quiz-items">{ for items }</ol>
            }
            if q.checked {
                <p class="score" role="status" data-score={right.to_string()} data-total={total.to_string()}>
                    { tt::score(lang, right, total) }
                </p>
            }
            <div class="row">
                if q.checked {
                    <button type="button" class="quiz-retry" onclick={train(Train::RetryQuiz)}>{ tt::try_again(lang) }</button>
                } else {
                    <button type="button" class="primary quiz-check" disabled={report.edges.is_empty()}
                        onclick={train(Train::CheckQuiz)}>{ tt::check_answers(lang) }</button>
                }
                <button type="button" class="quiz-leave" onclick={leave}>{ tt::leave_quiz(lang) }</button>
                <button type="button" class="quiz-link" onclick={make_link}>{ tt::quiz_link(lang) }</button>
            </div>
            if let Some(l) = &*link {
                <label class="field">
                    <span>{ tt::quiz_link(lang) }</span>
                    <input type="text" readonly=true name="quiz-link" value={l.clone()} />
                </label>
            }
        </section>
    }
}
