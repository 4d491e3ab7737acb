//! The quiz panel: the verdicts are hidden on the canvas and each relationship is a numbered
//! question, its number drawn on its edge; pointing at one (hover or focus) points at the
//! other. The learner predicts allowed or blocked (and for a blocked one, the rule); "Check
//! answers" first names what is unanswered, then shows the score and, for each question, the
//! engine's verdict, its explanation and the guide's citation. A learner keeps the result as
//! a short text; a trainer hands out a link whose seed orders the questions.

use crate::io::{library, url, web};
use crate::model::quiz::{Missing, Question, QuizResult};
use crate::model::training::{Answer, Quiz, QuizVerb, Train};
use crate::model::{use_page, Action, Dispatch, Page, Shared};
use crate::panels::widgets::{rule_lines, verdict_badge};
use crate::text::{common, training as t};
use csp_rules::{presets, share, Edge, EdgeReport, Lang, Report, RuleId, Scenario, Verdict};
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
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
    /// The guide scenario the diagram was opened from.
    #[prop_or_default]
    pub preset: Option<u8>,
}

fn quiz_verb(dispatch: &Dispatch, verb: QuizVerb) -> Callback<MouseEvent> {
    dispatch.on(Action::Train(Train::Quiz(verb)))
}

/// The fragment a quiz link opens: the guide scenario's own when the diagram is still it,
/// else the diagram's share link.
fn quiz_fragment(live: &Scenario, preset: Option<u8>) -> String {
    let untouched = preset
        .and_then(library::scenario)
        .is_some_and(|s| s == *live);
    match preset.filter(|_| untouched) {
        Some(n) => url::preset_fragment(n),
        None => share::fragment(live),
    }
}

/// What a quiz is about, as the copied result names it (the quiz's own diagram title is
/// shown once it is checked, like everything else that could give an answer away).
fn quiz_title(s: &Scenario, preset: Option<u8>, lang: Lang) -> String {
    preset
        .and_then(presets::get)
        .map(|p| p.title(lang).to_string())
        .or_else(|| s.title_in(lang).map(str::to_string))
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| crate::text::io::untitled(lang).to_string())
}

#[function_component(QuizPanel)]
pub fn quiz_panel(p: &QuizProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let link = use_state(|| None::<String>);
    let score_ref = use_node_ref();
    let confirm_ref = use_node_ref();
    // Checking moves the focus to the score, the question of what is unanswered to itself.
    {
        let (score_ref, confirm_ref) = (score_ref.clone(), confirm_ref.clone());
        use_effect_with(
            (p.quiz.checked, p.quiz.confirming),
            move |(checked, confirming)| {
                let target = if *checked {
                    Some(score_ref)
                } else {
                    confirming.then_some(confirm_ref)
                };
                if let Some(el) = target.and_then(|r| r.cast::<HtmlElement>()) {
                    let _ = el.focus();
                }
            },
        );
    }
    let leave = dispatch.on::<MouseEvent>(Action::Train(Train::EndQuiz));
    let Some(report) = &p.report else {
        return html! {
            <section class="panel quiz" aria-labelledby="quiz-heading" data-quiz-panel="invalid">
                <h2 id="quiz-heading">{ t::quiz(lang) }</h2>
                <p class="hint">{ t::quiz_invalid(lang) }</p>
                <button type="button" class="quiz-leave" onclick={leave}>{ t::leave_quiz(lang) }</button>
            </section>
        };
    };
    let make_link = {
        let (link, live, preset) = (link.clone(), p.live.clone(), p.preset);
        Callback::from(move |_: MouseEvent| {
            let (href, _, _) = web::location();
            let base = url::without_fragment(&href);
            let seed = url::seed_from(js_sys::Math::random());
            let fragment = url::quiz_fragment(&quiz_fragment(&live, preset), &seed);
            link.set(Some(format!("{base}{fragment}")));
        })
    };
    let q = &p.quiz;
    let s = &p.scenario;
    let items = q.order(s).into_iter().enumerate().filter_map(|(k, i)| {
        let (e, er) = (s.edges.get(i)?, report.edges.get(i)?);
        Some(quiz_item(q, k + 1, e, er, s, lang, &dispatch))
    });
    let result = q.result(s, report);
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
            if q.confirming && !q.checked {
                { confirm(q, s, &confirm_ref, lang, &dispatch) }
            }
            if q.checked {
                <p class="score" role="status" tabindex="-1" ref={score_ref}
                    data-score={result.right.to_string()} data-total={result.total.to_string()}>
                    { t::score(lang, result.right, result.total) }
                </p>
            }
            <div class="row">
                if q.checked {
                    <button type="button" class="quiz-retry"
                        onclick={quiz_verb(&dispatch, QuizVerb::Retry)}>{ t::try_again(lang) }</button>
                } else {
                    <button type="button" class="primary quiz-check" disabled={report.edges.is_empty()}
                        onclick={quiz_verb(&dispatch, QuizVerb::Check)}>{ t::check_answers(lang) }</button>
                }
                <button type="button" class="quiz-leave" onclick={leave}>{ t::leave_quiz(lang) }</button>
                <button type="button" class="quiz-link" onclick={make_link.clone()}>{ t::quiz_link(lang) }</button>
            </div>
            if let Some(l) = &*link {
                <div class="quiz-link-field">
                    <label class="field">
                        <span>{ t::quiz_link(lang) }</span>
                        <input type="text" readonly=true name="quiz-link" value={l.clone()} />
                    </label>
                    <p class="hint">{ t::quiz_link_hint(lang) }</p>
                    <button type="button" class="quiz-new-order" onclick={make_link}>{ t::another_order(lang) }</button>
                </div>
            }
            if q.checked {
                <KeepResult result={result} scenario={p.scenario.clone()} report={report.clone()}
                    seed={q.seed.clone()} preset={p.preset} live={p.live.clone()} />
            }
        </section>
    }
}

/// "2 of 4 unanswered — check anyway?", naming each question (a button that goes to it).
fn confirm(q: &Quiz, s: &Scenario, at: &NodeRef, lang: Lang, dispatch: &Dispatch) -> Html {
    let open = q.unanswered(s);
    if open.is_empty() {
        return html! {};
    }
    let total = s.edges.len();
    let items = open.iter().map(|(n, _, missing)| {
        let n = *n;
        let go = Callback::from(move |_: MouseEvent| {
            web::focus_first(&format!("[data-question=\"{n}\"] input"));
        });
        let text = match missing {
            Missing::Verdict => t::question(lang, n),
            Missing::Rule => t::question_without_rule(lang, n),
        };
        html! { <li><button type="button" class="text-button" onclick={go}>{ text }</button></li> }
    });
    html! {
        <div class="quiz-confirm" role="group" aria-labelledby="quiz-confirm-text" data-unanswered={open.len().to_string()}>
            <p id="quiz-confirm-text" tabindex="-1" ref={at.clone()}>{ t::unanswered(lang, open.len(), total) }</p>
            <ul class="unanswered">{ for items }</ul>
            <div class="row">
                <button type="button" class="primary quiz-check-anyway"
                    onclick={quiz_verb(dispatch, QuizVerb::CheckAnyway)}>{ t::check_anyway(lang) }</button>
                <button type="button" class="quiz-keep-answering"
                    onclick={quiz_verb(dispatch, QuizVerb::KeepAnswering)}>{ t::keep_answering(lang) }</button>
            </div>
        </div>
    }
}

/// Pointing at a question (the pointer over it, or the focus in it) points at its edge.
fn pointers(
    dispatch: &Dispatch,
    id: &str,
) -> (
    Callback<MouseEvent>,
    Callback<MouseEvent>,
    Callback<FocusEvent>,
    Callback<FocusEvent>,
) {
    let point = |edge: Option<String>| Action::Train(Train::Quiz(QuizVerb::Point(edge)));
    let here = Some(id.to_string());
    (
        dispatch.on(point(here.clone())),
        dispatch.on(point(None)),
        dispatch.on(point(here)),
        dispatch.on(point(None)),
    )
}

/// The learner's answer in words: "Blocked, MPA.REQUIRED", or that there is none.
fn answer_text(lang: Lang, a: &Answer) -> String {
    match (a.verdict, a.rule) {
        (None, _) => t::no_answer(lang).to_string(),
        (Some(Verdict::Blocked), Some(r)) => t::blocked_by(lang, r.as_str()),
        (Some(v), _) => common::verdict(lang, Some(v)).to_string(),
    }
}

/// Question `n`: the relationship, the learner's verdict (and rule), and once checked, the
/// engine's answer.
fn quiz_item(
    q: &Quiz,
    n: usize,
    e: &Edge,
    er: &EdgeReport,
    s: &Scenario,
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let answer = q.answer(&e.id);
    let label = |id: &str| s.label_of_in(id, lang).to_string();
    let radio = |v: Verdict| {
        let edge = e.id.clone();
        let onchange = dispatch.on::<Event>(Action::Train(Train::Quiz(QuizVerb::AnswerVerdict {
            edge,
            verdict: v,
        })));
        html! {
            <label class="choice">
                <input type="radio" name={format!("quiz-{}", e.id)} value={v.as_str()}
                    checked={answer.verdict == Some(v)} disabled={q.checked} {onchange} />
                { common::verdict(lang, Some(v)) }
            </label>
        }
    };
    let on_rule = {
        let edge = e.id.clone();
        dispatch.to(move |ev: Event| {
            let value = ev.target_unchecked_into::<HtmlSelectElement>().value();
            let rule = RuleId::from_code(&value);
            Action::Train(Train::Quiz(QuizVerb::AnswerRule {
                edge: edge.clone(),
                rule,
            }))
        })
    };
    let right = crate::model::quiz::is_right(&answer, er);
    let result = q.checked.then_some(if right { "right" } else { "wrong" });
    let (enter, leave, focus, blur) = pointers(dispatch, &e.id);
    let pointed = q.pointed.as_deref() == Some(e.id.as_str());
    let legend_id = format!("quiz-q-{n}");
    html! {
        <li key={e.id.clone()} class={classes!("quiz-item", result, pointed.then_some("pointed"))}
            data-quiz-edge={e.id.clone()} data-question={n.to_string()} data-result={result}
            onmouseenter={enter} onmouseleave={leave} onfocusin={focus} onfocusout={blur}>
            <fieldset class="quiz-verdict" aria-labelledby={legend_id.clone()}>
                <legend class="relation" id={legend_id}>
                    <span class="q-number" aria-hidden="true">{ n }</span>
                    <span class="sr-only">{ t::question(lang, n) }{ " " }</span>
                    { common::relation(lang, &label(&e.from), e.kind, &label(&e.to)) }
                </legend>
                { radio(Verdict::Allowed) }
                { radio(Verdict::Blocked) }
            </fieldset>
            if answer.verdict == Some(Verdict::Blocked) {
                <label class="field quiz-rule">
                    <span>{ t::which_rule(lang) }</span>
                    <select name={format!("quiz-rule-{}", e.id)} disabled={q.checked} onchange={on_rule}>
                        <option value="" selected={answer.rule.is_none()}>{ t::choose_rule(lang) }</option>
                        { for q.rule_choices(er).into_iter().map(|r| html! {
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
                        <strong class="mark">{ if right { t::right(lang) } else { t::wrong(lang) } }</strong>
                        { " " }{ t::your_answer(lang, &answer_text(lang, &answer)) }
                    </p>
                    <p>{ t::the_answer(lang) }{ " " }{ verdict_badge(lang, Some(er.verdict)) }</p>
                    { rule_lines(lang, &er.findings) }
                </div>
            }
        </li>
    }
}

/// What the copied result says besides the questions.
#[derive(Debug)]
pub struct ResultHead {
    pub title: String,
    pub name: String,
    pub date: String,
    pub link: String,
}

/// The result as a short text a learner pastes into a message or a form: the scenario, the
/// learner's name (if given), the score, the date, the link, then each question's answer.
pub fn result_text(
    lang: Lang,
    head: &ResultHead,
    s: &Scenario,
    r: &Report,
    result: &QuizResult,
) -> String {
    let label = |id: &str| s.label_of_in(id, lang).to_string();
    let mut lines = vec![
        t::result_heading(lang).to_string(),
        t::result_scenario(lang, &head.title),
    ];
    if !head.name.trim().is_empty() {
        lines.push(t::result_name(lang, head.name.trim()));
    }
    lines.push(t::result_score(
        lang,
        &t::score(lang, result.right, result.total),
    ));
    lines.push(t::result_date(lang, &head.date));
    lines.push(t::result_link(lang, &head.link));
    for q in &result.questions {
        let Question {
            number,
            index,
            answer,
            verdict,
            right,
        } = *q;
        let (Some(e), Some(er)) = (s.edges.get(index), r.edges.get(index)) else {
            continue;
        };
        let relation = common::relation(lang, &label(&e.from), e.kind, &label(&e.to));
        let given = answer_text(lang, &answer);
        let line = if right {
            t::result_right(lang, number, &relation, &given)
        } else {
            let rules: Vec<&str> = crate::model::quiz::blocking_rules(er)
                .iter()
                .map(|r| r.as_str())
                .collect();
            let truth = match (verdict, rules.is_empty()) {
                (Verdict::Blocked, false) => t::blocked_by(lang, &rules.join(", ")),
                _ => common::verdict(lang, Some(verdict)).to_string(),
            };
            t::result_wrong(lang, number, &relation, &given, &truth)
        };
        lines.push(line);
    }
    lines.join("\n")
}

#[derive(Debug, Properties, PartialEq)]
struct KeepProps {
    result: QuizResult,
    scenario: Shared<Scenario>,
    report: Shared<Report>,
    seed: Option<String>,
    preset: Option<u8>,
    live: Shared<Scenario>,
}

/// "Copy result": the learner's name (optional) and the result as text, copied to the
/// clipboard and shown, ready to copy by hand when the clipboard can't be used.
#[function_component(KeepResult)]
fn keep_result(p: &KeepProps) -> Html {
    let lang = use_page().lang;
    let name = use_state(String::new);
    let text = use_state(|| None::<(String, Option<bool>)>);
    let area = use_node_ref();
    {
        let area = area.clone();
        use_effect_with((*text).clone(), move |_| {
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                el.select();
            }
        });
    }
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let copy = {
        let (text, name) = (text.clone(), name.clone());
        let (s, r, result) = (p.scenario.clone(), p.report.clone(), p.result.clone());
        let (seed, preset, live) = (p.seed.clone(), p.preset, p.live.clone());
        Callback::from(move |_: MouseEvent| {
            let (href, _, _) = web::location();
            let mut fragment = quiz_fragment(&live, preset);
            fragment = match &seed {
                Some(seed) => url::quiz_fragment(&fragment, seed),
                None => format!("{fragment}&quiz=1"),
            };
            let head = ResultHead {
                title: quiz_title(&live, preset, lang),
                name: (*name).clone(),
                date: web::local_time(),
                link: format!("{}{fragment}", url::without_fragment(&href)),
            };
            let out = result_text(lang, &head, &s, &r, &result);
            text.set(Some((out.clone(), None)));
            let text = text.clone();
            web::copy_text(out.clone(), move |ok| text.set(Some((out, Some(ok)))));
        })
    };
    html! {
        <div class="quiz-keep">
            <label class="field">
                <span>{ t::your_name(lang) }</span>
                <input type="text" name="quiz-name" maxlength="80" autocomplete="name"
                    value={(*name).clone()} oninput={on_name} />
            </label>
            <button type="button" class="quiz-copy" onclick={copy}>{ t::copy_result(lang) }</button>
            if let Some((out, copied)) = &*text {
                <p class="share-status" role="status">
                    { match copied {
                        Some(true) => t::result_copied(lang),
                        Some(false) => t::result_copy_below(lang),
                        None => "",
                    } }
                </p>
                <textarea ref={area} class="quiz-result-text" readonly=true rows="6"
                    aria-label={t::copy_result(lang)} value={out.clone()} />
            }
        </div>
    }
}

#[allow(clippy::panic)] // a failing test panics
#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::evaluate;

    #[test]
    fn the_copied_result_names_the_scenario_score_and_each_answer() {
        let Some(s) = presets::get(7).and_then(|p| p.scenario().ok()) else {
            panic!("preset 7 loads")
        };
        let Ok(r) = evaluate(&s, Lang::ZhTw) else {
            panic!("preset 7 evaluates")
        };
        let mut q = Quiz::new(Some("s1".into()));
        q.answers.insert(
            "e4".into(),
            Answer {
                verdict: Some(Verdict::Allowed),
                rule: None,
            },
        );
        q.checked = true;
        let result = q.result(&s, &r);
        let head = ResultHead {
            title: quiz_title(&s, Some(7), Lang::ZhTw),
            name: " Ana ".into(),
            date: "2026-12-01 14:05".into(),
            link: "https://example.test/#preset=7&quiz=1&seed=s1".into(),
        };
        let text = result_text(Lang::ZhTw, &head, &s, &r, &result);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], "情境：7. 不同地區的客戶");
        assert_eq!(lines[2], "姓名：Ana");
        assert_eq!(lines[3], "分數：答對 0 題，共 4 題");
        assert_eq!(lines.len(), 6 + r.edges.len());
        let e4 = result
            .questions
            .iter()
            .find(|x| x.index == 3)
            .map(|x| x.number)
            .unwrap_or(0);
        let line = lines
            .iter()
            .find(|l| l.starts_with(&format!("{e4}. ")))
            .copied()
            .unwrap_or("");
        assert!(
            line.contains("Woodgrove") && line.contains("允許") && line.contains("錯誤"),
            "{line}"
        );
        assert!(line.contains("REGION."), "the rules that block it: {line}");
        assert!(text.lines().any(|l| l.contains("未作答")));
    }
}
