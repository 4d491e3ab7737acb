//! Training: a guided walkthrough of a preset (`csp_rules::walkthrough`, data, not code) and a
//! quiz on any diagram. Pure like `state`: the reducer calls `reduce` with a `Train` verb;
//! every verdict and rule comes from the engine, never from here.

use crate::layout;
use crate::state::{Selection, State};
use crate::url::TrainingLink;
use csp_rules::walkthrough::{self, Walkthrough};
use csp_rules::{presets, EdgeReport, Report, RuleId, Scenario, Severity, Verdict};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// The walkthrough under way: which preset's, at which step (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tour {
    pub preset: u8,
    pub step: usize,
}

/// One learner's prediction for one edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Answer {
    pub verdict: Option<Verdict>,
    /// For a predicted block: the rule the learner thinks blocks it.
    pub rule: Option<RuleId>,
}

/// A quiz on the current diagram: verdicts are hidden until `checked`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Quiz {
    pub answers: BTreeMap<String, Answer>,
    pub checked: bool,
}

impl Quiz {
    /// Verdicts are hidden while the learner is still answering.
    pub fn hides_verdicts(&self) -> bool {
        !self.checked
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Train {
    /// Starts preset `preset`'s walkthrough at `step`, rebuilding the diagram for it.
    StartTour {
        preset: u8,
        step: usize,
    },
    Next,
    Back,
    /// Rebuilds the current step's diagram (after the learner wandered off).
    ResetStep,
    /// Performs the current step's action ("Show me").
    ShowMe,
    EndTour,
    /// Ends the walkthrough and brings back the diagram it replaced.
    RestoreKept,
    StartQuiz,
    AnswerVerdict {
        edge: String,
        verdict: Verdict,
    },
    AnswerRule {
        edge: String,
        rule: Option<RuleId>,
    },
    CheckQuiz,
    RetryQuiz,
    EndQuiz,
    /// What a URL fragment's `&step=` / `&quiz=` ask for, after its scenario was opened.
    Link(TrainingLink),
}

/// The walkthrough of preset `n`, when it loads.
pub fn walkthrough_of(n: u8) -> Option<Walkthrough> {
    walkthrough::get(n).ok()
}

/// Replaces the diagram with `s` as a step starts (positions from the preset).
fn set_scenario(state: &mut State, mut s: Scenario, preset: u8) {
    layout::fill_missing(&mut s);
    state.scenario = Rc::new(s);
    state.rev += 1;
    state.selection = Selection::default();
    state.pending_edge = None;
    state.edit_error = None;
    state.notice = None;
    state.preset = Some(preset);
}

fn go_to(state: &mut State, preset: u8, step: usize, rebuild: bool) -> bool {
    let Some(w) = walkthrough_of(preset) else {
        return false;
    };
    let step = step.clamp(1, w.len().max(1));
    if rebuild {
        let Some(s) = w.scenario_at(step) else {
            return false;
        };
        set_scenario(state, s, preset);
    }
    state.tour = Some(Tour { preset, step });
    state.quiz = None;
    true
}

/// Applies a training verb; `false` when nothing changed.
pub fn reduce(state: &mut State, action: Train) -> bool {
    match action {
        Train::StartTour { preset, step } => {
            let before = state.scenario.clone();
            let starting = state.tour.is_none();
            if !go_to(state, preset, step, true) {
                return false;
            }
            // The learner's own changes are kept aside, not lost; the first kept stays (a
            // restart, or a second walkthrough, would otherwise keep a walkthrough's diagram).
            if starting && state.kept.is_none() {
                state.kept = Some(before).filter(|b| **b != *state.scenario);
            }
            true
        }
        Train::Next => {
            let Some(t) = state.tour else { return false };
            let Some(w) = walkthrough_of(t.preset) else {
                return false;
            };
            // The learner moves on only once the step's change is made.
            let ready = w
                .step(t.step)
                .and_then(|s| s.action.as_ref())
                .is_none_or(|a| a.done(&state.scenario));
            if t.step >= w.len() || !ready {
                return false;
            }
            go_to(state, t.preset, t.step + 1, false)
        }
        Train::Back => match state.tour {
            Some(t) if t.step > 1 => go_to(state, t.preset, t.step - 1, true),
            _ => false,
        },
        Train::ResetStep => match state.tour {
            Some(t) => go_to(state, t.preset, t.step, true),
            None => false,
        },
        Train::ShowMe => {
            let Some(t) = state.tour else { return false };
            let Some(action) = walkthrough_of(t.preset)
                .and_then(|w| w.step(t.step).and_then(|s| s.action.clone()))
            else {
                return false;
            };
            let mut next = (*state.scenario).clone();
            action.perform(&mut next);
            if next == *state.scenario {
                return false;
            }
            layout::fill_missing(&mut next);
            state.scenario = Rc::new(next);
            state.rev += 1;
            state.edit_error = None;
            true
        }
        Train::EndTour => state.tour.take().is_some(),
        Train::RestoreKept => match state.kept.take() {
            Some(kept) => {
                state.scenario = kept;
                state.rev += 1;
                state.selection = Selection::default();
                state.pending_edge = None;
                state.edit_error = None;
                state.tour = None;
                true
            }
            None => false,
        },
        Train::StartQuiz => {
            state.tour = None;
            state.quiz = Some(Quiz::default());
            state.selection = Selection::default();
            true
        }
        Train::AnswerVerdict { edge, verdict } => match &mut state.quiz {
            Some(q) if !q.checked => {
                let a = q.answers.entry(edge).or_default();
                a.verdict = Some(verdict);
                if verdict == Verdict::Allowed {
                    a.rule = None;
                }
                true
            }
            _ => false,
        },
        Train::AnswerRule { edge, rule } => match &mut state.quiz {
            Some(q) if !q.checked => {
                q.answers.entry(edge).or_default().rule = rule;
                true
            }
            _ => false,
        },
        Train::CheckQuiz => match &mut state.quiz {
            Some(q) if !q.checked => {
                q.checked = true;
                true
            }
            _ => false,
        },
        Train::RetryQuiz => match &mut state.quiz {
            Some(q) => {
                *q = Quiz::default();
                true
            }
            None => false,
        },
        Train::EndQuiz => state.quiz.take().is_some(),
        Train::Link(link) => apply_link(state, &link),
    }
}

/// Starts what a link asks for on the diagram it opened: `&step=N` on a preset resumes its
/// walkthrough (a step past the end is the last one), `&quiz=1` starts a quiz.
pub fn apply_link(state: &mut State, link: &TrainingLink) -> bool {
    let mut changed = false;
    if let (Some(step), Some(preset)) = (link.step, state.preset) {
        changed |= go_to(state, preset, step, true);
    }
    if link.quiz && state.quiz.is_none() && !state.scenario.edges.is_empty() {
        changed |= reduce(state, Train::StartQuiz);
    }
    changed
}

/// The nodes and edges a walkthrough step shows at full strength; the rest is dimmed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Marks {
    pub nodes: BTreeSet<String>,
    pub edges: BTreeSet<String>,
}

impl Marks {
    /// The canvas class of a node or edge: `lit` or `dim`.
    pub fn class(&self, set: &BTreeSet<String>, id: &str) -> &'static str {
        if set.contains(id) {
            "lit"
        } else {
            "dim"
        }
    }
}

/// The highlight of `tour`'s step on the diagram `s`.
pub fn marks(tour: Tour, s: &Scenario) -> Option<Marks> {
    let w = walkthrough_of(tour.preset)?;
    let step = w.step(tour.step)?;
    Some(Marks {
        nodes: step.highlight.nodes.iter().cloned().collect(),
        edges: step.highlight.edge_ids(s).into_iter().collect(),
    })
}

/// The preset's title, for the panel heading.
pub fn preset_title(n: u8, lang: csp_rules::Lang) -> &'static str {
    presets::get(n).map_or("", |p| p.title(lang))
}

/// The rules that block `er` (what a right answer names).
pub fn blocking_rules(er: &EdgeReport) -> Vec<RuleId> {
    let mut out: Vec<RuleId> = er
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Block)
        .map(|f| f.rule)
        .collect();
    out.dedup();
    out
}

/// FNV-1a: a fixed shuffle that is the same on every machine and every load.
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The rules offered for edge `er`: those that block it plus distractors from the catalogue
/// (at least two, four choices in all, so the list's length gives nothing away), shuffled
/// deterministically by the edge's ID.
pub fn rule_choices(er: &EdgeReport) -> Vec<RuleId> {
    let right = blocking_rules(er);
    let want = (right.len() + 2).max(4) - right.len();
    let mut others: Vec<RuleId> = RuleId::ALL
        .into_iter()
        .filter(|r| r.severity() == Severity::Block)
        .filter(|r| !r.as_str().starts_with("DIAGRAM."))
        .filter(|r| !right.contains(r))
        .collect();
    others.sort_by_key(|r| fnv(&[&er.id, "distractor", r.as_str()]));
    let mut all: Vec<RuleId> = right
        .into_iter()
        .chain(others.into_iter().take(want))
        .collect();
    all.sort_by_key(|r| fnv(&[&er.id, "order", r.as_str()]));
    all
}

/// Whether an answer is right: the verdict, and for a blocked edge a rule that blocks it.
pub fn is_right(a: Option<&Answer>, er: &EdgeReport) -> bool {
    let Some(a) = a else { return false };
    match (a.verdict, er.verdict) {
        (Some(Verdict::Allowed), Verdict::Allowed) => true,
        (Some(Verdict::Blocked), Verdict::Blocked) => {
            a.rule.is_some_and(|r| blocking_rules(er).contains(&r))
        }
        _ => false,
    }
}

/// (right answers, edges) of a quiz on the report.
pub fn score(q: &Quiz, r: &Report) -> (usize, usize) {
    let right = r
        .edges
        .iter()
        .filter(|er| is_right(q.answers.get(&er.id), er))
        .count();
    (right, r.edges.len())
}

#[cfg(test)]
#[allow(clippy::panic)] // a failing test panics
mod tests {
    use super::*;
    use crate::url::Start;
    use csp_rules::{evaluate, Lang};

    fn state(preset: &str) -> State {
        State::new(Lang::En, Start::Preset(preset.into()))
    }

    fn run(s: &mut State, actions: Vec<Train>) {
        for a in actions {
            reduce(s, a);
        }
    }

    #[test]
    fn a_tour_waits_for_the_action_and_show_me_performs_it() {
        let mut s = state("7");
        run(&mut s, vec![Train::StartTour { preset: 7, step: 3 }]);
        assert_eq!(s.tour, Some(Tour { preset: 7, step: 3 }));
        assert!(!reduce(&mut s, Train::Next), "step 3 waits for its action");
        assert!(reduce(&mut s, Train::ShowMe));
        let w = walkthrough_of(7).map(|w| w.steps[2].clone());
        let done = w
            .and_then(|st| st.action)
            .is_some_and(|a| a.done(&s.scenario));
        assert!(done);
        assert!(reduce(&mut s, Train::Next));
        assert_eq!(s.tour.map(|t| t.step), Some(4));
        // Back rebuilds the diagram as step 3 found it.
        assert!(reduce(&mut s, Train::Back));
        let woodgrove = s.scenario.nodes.iter().find(|n| n.id == "woodgrove");
        assert_eq!(
            woodgrove.and_then(|n| n.region.as_deref()),
            Some("united_states")
        );
    }

    #[test]
    fn links_resume_a_step_and_clamp_or_ignore_bad_ones() {
        let mut s = state("6");
        apply_link(
            &mut s,
            &TrainingLink {
                step: Some(3),
                quiz: false,
            },
        );
        assert_eq!(s.tour, Some(Tour { preset: 6, step: 3 }));
        let at = walkthrough_of(6).and_then(|w| w.scenario_at(3));
        assert_eq!(at.map(|a| a.edges.len()), Some(s.scenario.edges.len()));
        let mut s = state("6");
        apply_link(
            &mut s,
            &TrainingLink {
                step: Some(99),
                quiz: false,
            },
        );
        // Past the last step: the last.
        assert_eq!(s.tour.map(|t| t.step), walkthrough_of(6).map(|w| w.len()));
        // No preset, no tour: nothing is lost.
        let mut s = State::new(Lang::En, Start::Nothing);
        assert!(!apply_link(
            &mut s,
            &TrainingLink {
                step: Some(2),
                quiz: true,
            },
        ));
        assert_eq!(s.tour, None);
        assert_eq!(s.quiz, None);
    }

    #[test]
    fn a_walkthrough_keeps_the_learners_own_diagram_aside() {
        use crate::state::{Action, NodeEdit};
        use csp_rules::Flag;
        use yew::Reducible;
        let opened = Rc::new(state("1"));
        // Untouched: nothing to keep.
        let s = opened
            .clone()
            .reduce(Action::Train(Train::StartTour { preset: 1, step: 1 }));
        assert_eq!(s.kept, None);
        let edited = opened.reduce(Action::EditNode {
            id: "litware".into(),
            edit: NodeEdit::Flag(Flag::MpaSigned, false),
        });
        let s = edited
            .clone()
            .reduce(Action::Train(Train::StartTour { preset: 1, step: 1 }))
            .reduce(Action::Train(Train::StartTour { preset: 1, step: 1 }));
        assert_eq!(s.kept.as_deref(), Some(&*edited.scenario));
        let back = s.clone().reduce(Action::Train(Train::RestoreKept));
        assert_eq!(back.scenario, edited.scenario);
        assert_eq!(back.tour, None);
        // Leaving keeps it within reach; opening something else lets it go.
        let left = s.reduce(Action::Train(Train::EndTour));
        assert_eq!(left.kept.as_deref(), Some(&*edited.scenario));
        let other = left.reduce(Action::Open(Start::Preset("2".into())));
        assert_eq!(other.kept, None);
    }

    #[test]
    fn opening_something_else_ends_the_tour_and_the_quiz() {
        use crate::state::Action;
        use yew::Reducible;
        let s = Rc::new(state("6"))
            .reduce(Action::Train(Train::StartTour { preset: 6, step: 2 }))
            .reduce(Action::Open(Start::Preset("9".into())));
        assert!(s.tour.is_some(), "a bad link keeps the walkthrough");
        let s = s.reduce(Action::Open(Start::Preset("7".into())));
        assert_eq!(s.tour, None);
        let s = s
            .reduce(Action::Train(Train::StartQuiz))
            .reduce(Action::New);
        assert_eq!(s.quiz, None);
    }

    #[test]
    fn a_quiz_scores_verdicts_and_rules() {
        let mut s = state("7");
        let Ok(r) = evaluate(&s.scenario, Lang::En) else {
            panic!("preset 7 evaluates")
        };
        run(&mut s, vec![Train::StartQuiz]);
        for er in &r.edges {
            reduce(
                &mut s,
                Train::AnswerVerdict {
                    edge: er.id.clone(),
                    verdict: er.verdict,
                },
            );
            if er.verdict == Verdict::Blocked {
                let rule = blocking_rules(er).first().copied();
                reduce(
                    &mut s,
                    Train::AnswerRule {
                        edge: er.id.clone(),
                        rule,
                    },
                );
            }
        }
        let q = s.quiz.clone().unwrap_or_default();
        assert_eq!(score(&q, &r), (r.edges.len(), r.edges.len()));
        // A wrong rule for e4 (blocked by REGION.CUSTOMER_SAME_REGION) is a wrong answer.
        reduce(
            &mut s,
            Train::AnswerRule {
                edge: "e4".into(),
                rule: Some(RuleId::MpaRequired),
            },
        );
        reduce(&mut s, Train::CheckQuiz);
        let q = s.quiz.clone().unwrap_or_default();
        assert!(q.checked);
        assert_eq!(score(&q, &r), (r.edges.len() - 1, r.edges.len()));
        assert!(!reduce(
            &mut s,
            Train::AnswerVerdict {
                edge: "e4".into(),
                verdict: Verdict::Allowed
            }
        ));
    }

    #[test]
    fn rule_choices_hold_the_right_rules_and_are_stable() {
        let Some(s) = presets::get(6).and_then(|p| p.scenario().ok()) else {
            panic!("preset 6 loads")
        };
        let Ok(r) = evaluate(&s, Lang::En) else {
            panic!("preset 6 evaluates")
        };
        for er in &r.edges {
            let c = rule_choices(er);
            assert_eq!(c, rule_choices(er));
            assert!(c.len() >= 4);
            assert!(blocking_rules(er).iter().all(|r| c.contains(r)));
            let unique: BTreeSet<_> = c.iter().collect();
            assert_eq!(unique.len(), c.len());
        }
    }
}
