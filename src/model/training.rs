//! Training as a sub-state of the page: a guided walkthrough of a preset
//! (`csp_rules::walkthrough`, data, not code) and a quiz on any diagram. Its reducer changes
//! only its own fields and returns [`Effect`]s for the page to apply (load a step's diagram,
//! make the step's change, clear the selection); every verdict and rule comes from the
//! engine, never from here.

use super::document::Document;
use super::effect::{Arrival, Effect};
use super::layout;
use crate::io::library;
use crate::io::url::TrainingLink;
use csp_rules::walkthrough::Walkthrough;
use csp_rules::{presets, EdgeReport, Report, RuleId, Scenario, Scope, Severity, Verdict};
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

/// The walkthrough of preset `n`, once its file was fetched and read (opening the preset
/// fetches it).
pub fn walkthrough_of(n: u8) -> Option<Rc<Walkthrough>> {
    library::walkthrough(n)
}

/// What training holds: at most one of a walkthrough and a quiz, and the learner's own
/// diagram, which starting a walkthrough replaced, to go back to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Training {
    pub tour: Option<Tour>,
    pub quiz: Option<Quiz>,
    pub kept: Option<Rc<Scenario>>,
}

/// What a training verb did: `None` when nothing changed, else what the page must do.
pub type Outcome = Option<Vec<Effect>>;

impl Training {
    /// Whether a quiz is being answered, so every verdict stays hidden.
    pub fn hides_verdicts(&self) -> bool {
        self.quiz.as_ref().is_some_and(Quiz::hides_verdicts)
    }

    /// A new diagram arrived: what of training it keeps, as `how` says.
    pub fn arrived(&mut self, how: Arrival) {
        match how {
            Arrival::Restored | Arrival::Step { .. } => {}
            Arrival::Kept => self.tour = None,
            Arrival::New | Arrival::Opened { .. } | Arrival::Saved => *self = Training::default(),
        }
    }

    /// Goes to `step` of preset `preset`'s walkthrough; with `rebuild`, on the diagram as
    /// the steps before it leave it.
    fn go_to(&mut self, preset: u8, step: usize, rebuild: bool) -> Outcome {
        let w = walkthrough_of(preset)?;
        let step = step.clamp(1, w.len().max(1));
        let load = if rebuild {
            let mut s = w.scenario_from(library::scenario(preset)?, step)?;
            layout::fill_missing(&mut s);
            vec![Effect::Load(Rc::new(s), Arrival::Step { preset })]
        } else {
            vec![]
        };
        self.tour = Some(Tour { preset, step });
        self.quiz = None;
        Some(load)
    }

    /// Applies a training verb to the diagram `doc`.
    pub fn reduce(&mut self, action: Train, doc: &Document) -> Outcome {
        match action {
            Train::StartTour { preset, step } => {
                let starting = self.tour.is_none();
                let out = self.go_to(preset, step, true)?;
                // The learner's own changes are kept aside, not lost; the first kept stays (a
                // restart, or a second walkthrough, would otherwise keep a walkthrough's one).
                if starting && self.kept.is_none() {
                    self.kept = loaded(&out)
                        .filter(|s| *s != &**doc.scenario())
                        .map(|_| doc.scenario().clone());
                }
                Some(out)
            }
            Train::Next => {
                let t = self.tour?;
                let w = walkthrough_of(t.preset)?;
                // The learner moves on only once the step's change is made.
                let ready = w
                    .step(t.step)
                    .and_then(|s| s.action.as_ref())
                    .is_none_or(|a| a.done(doc.scenario()));
                if t.step >= w.len() || !ready {
                    return None;
                }
                self.go_to(t.preset, t.step + 1, false)
            }
            Train::Back => match self.tour {
                Some(t) if t.step > 1 => self.go_to(t.preset, t.step - 1, true),
                _ => None,
            },
            Train::ResetStep => {
                let t = self.tour?;
                self.go_to(t.preset, t.step, true)
            }
            Train::ShowMe => {
                let t = self.tour?;
                let w = walkthrough_of(t.preset)?;
                let action = w.step(t.step)?.action.as_ref()?;
                let mut next = (**doc.scenario()).clone();
                action.perform(&mut next);
                (next != **doc.scenario()).then(|| vec![Effect::Change(next)])
            }
            Train::EndTour => self.tour.take().map(|_| vec![]),
            Train::RestoreKept => {
                let kept = self.kept.take()?;
                Some(vec![Effect::Load(kept, Arrival::Kept)])
            }
            Train::StartQuiz => {
                self.tour = None;
                self.quiz = Some(Quiz::default());
                Some(vec![Effect::ClearSelection])
            }
            Train::AnswerVerdict { edge, verdict } => {
                let q = self.quiz.as_mut().filter(|q| !q.checked)?;
                let a = q.answers.entry(edge).or_default();
                a.verdict = Some(verdict);
                if verdict == Verdict::Allowed {
                    a.rule = None;
                }
                Some(vec![])
            }
            Train::AnswerRule { edge, rule } => {
                let q = self.quiz.as_mut().filter(|q| !q.checked)?;
                q.answers.entry(edge).or_default().rule = rule;
                Some(vec![])
            }
            Train::CheckQuiz => {
                let q = self.quiz.as_mut().filter(|q| !q.checked)?;
                q.checked = true;
                Some(vec![])
            }
            Train::RetryQuiz => {
                *self.quiz.as_mut()? = Quiz::default();
                Some(vec![])
            }
            Train::EndQuiz => self.quiz.take().map(|_| vec![]),
            Train::Link(link) => self.follow(&link, doc),
        }
    }

    /// Starts what a link asks for on the diagram it opened: `&step=N` on a preset resumes its
    /// walkthrough (a step past the end is the last one), `&quiz=1` starts a quiz.
    fn follow(&mut self, link: &TrainingLink, doc: &Document) -> Outcome {
        let mut out: Outcome = None;
        let mut add = |o: Outcome| {
            if let Some(effects) = o {
                out.get_or_insert_with(Vec::new).extend(effects);
            }
        };
        if let (Some(step), Some(preset)) = (link.step, doc.preset()) {
            add(self.go_to(preset, step, true));
        }
        if link.quiz && self.quiz.is_none() && !doc.scenario().edges.is_empty() {
            add(self.reduce(Train::StartQuiz, doc));
        }
        out
    }
}

/// The diagram a set of effects loads, if one does.
fn loaded(effects: &[Effect]) -> Option<&Scenario> {
    effects.iter().find_map(|e| match e {
        Effect::Load(s, _) => Some(&**s),
        _ => None,
    })
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

/// What a step's highlight depends on: the step and the rules' revision of the diagram (an
/// edge the learner draws is found by its ends), not positions.
#[derive(Debug)]
pub struct MarksKey {
    pub tour: Option<Tour>,
    pub rev: u64,
    pub scenario: Rc<Scenario>,
}

impl PartialEq for MarksKey {
    fn eq(&self, other: &Self) -> bool {
        self.tour == other.tour && self.rev == other.rev
    }
}

/// The canvas highlight for the current step, if a walkthrough is under way.
pub fn marks_of(k: &MarksKey) -> Option<Rc<Marks>> {
    k.tour.and_then(|t| marks(t, &k.scenario)).map(Rc::new)
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
        .filter(|r| r.scope() == Scope::Edge)
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

#[allow(clippy::panic)] // a failing test panics
#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::url::Start;
    use crate::model::state::{Action, NodeEdit, State};
    use csp_rules::{evaluate, Flag, Lang};
    use yew::Reducible;

    fn state(preset: &str) -> Rc<State> {
        Rc::new(State::new(Lang::En, Start::Preset(preset.into())))
    }

    /// The state after a training verb, and whether it changed anything.
    fn train(s: &mut Rc<State>, t: Train) -> bool {
        let next = s.clone().reduce(Action::Train(t));
        let changed = !Rc::ptr_eq(&next, s);
        *s = next;
        changed
    }

    fn link(step: Option<usize>, quiz: bool) -> Train {
        Train::Link(TrainingLink { step, quiz })
    }

    #[test]
    fn a_tour_waits_for_the_action_and_show_me_performs_it() {
        let mut s = state("7");
        train(&mut s, Train::StartTour { preset: 7, step: 3 });
        assert_eq!(s.training.tour, Some(Tour { preset: 7, step: 3 }));
        assert!(!train(&mut s, Train::Next), "step 3 waits for its action");
        assert!(train(&mut s, Train::ShowMe));
        let w = walkthrough_of(7).map(|w| w.steps[2].clone());
        let done = w
            .and_then(|st| st.action)
            .is_some_and(|a| a.done(s.scenario()));
        assert!(done);
        assert!(train(&mut s, Train::Next));
        assert_eq!(s.training.tour.map(|t| t.step), Some(4));
        // Back rebuilds the diagram as step 3 found it.
        assert!(train(&mut s, Train::Back));
        let woodgrove = s.scenario().nodes.iter().find(|n| n.id == "woodgrove");
        assert_eq!(
            woodgrove.and_then(|n| n.region.as_deref()),
            Some("united_states")
        );
    }

    #[test]
    fn links_resume_a_step_and_clamp_or_ignore_bad_ones() {
        let mut s = state("6");
        train(&mut s, link(Some(3), false));
        assert_eq!(s.training.tour, Some(Tour { preset: 6, step: 3 }));
        let at = walkthrough_of(6).and_then(|w| w.scenario_at(3));
        assert_eq!(at.map(|a| a.edges.len()), Some(s.scenario().edges.len()));
        let mut s = state("6");
        train(&mut s, link(Some(99), false));
        // Past the last step: the last.
        assert_eq!(
            s.training.tour.map(|t| t.step),
            walkthrough_of(6).map(|w| w.len())
        );
        // No preset, no tour: nothing is lost.
        let mut s = Rc::new(State::new(Lang::En, Start::Nothing));
        assert!(!train(&mut s, link(Some(2), true)));
        assert_eq!(s.training, Training::default());
    }

    #[test]
    fn a_walkthrough_keeps_the_learners_own_diagram_aside() {
        let opened = state("1");
        // Untouched: nothing to keep.
        let s = opened
            .clone()
            .reduce(Action::Train(Train::StartTour { preset: 1, step: 1 }));
        assert_eq!(s.training.kept, None);
        let edited = opened.reduce(Action::EditNode {
            id: "litware".into(),
            edit: NodeEdit::Flag(Flag::MpaSigned, false),
        });
        let s = edited
            .clone()
            .reduce(Action::Train(Train::StartTour { preset: 1, step: 1 }))
            .reduce(Action::Train(Train::StartTour { preset: 1, step: 1 }));
        assert_eq!(s.training.kept.as_deref(), Some(&**edited.scenario()));
        let back = s.clone().reduce(Action::Train(Train::RestoreKept));
        assert_eq!(back.scenario(), edited.scenario());
        assert_eq!(back.training.tour, None);
        // Leaving keeps it within reach; opening something else lets it go.
        let left = s.reduce(Action::Train(Train::EndTour));
        assert_eq!(left.training.kept.as_deref(), Some(&**edited.scenario()));
        let other = left.reduce(Action::Open(Start::Preset("2".into())));
        assert_eq!(other.training.kept, None);
    }

    #[test]
    fn opening_something_else_ends_the_tour_and_the_quiz() {
        let s = state("6")
            .reduce(Action::Train(Train::StartTour { preset: 6, step: 2 }))
            .reduce(Action::Open(Start::Preset("9".into())));
        assert!(
            s.training.tour.is_some(),
            "a bad link keeps the walkthrough"
        );
        let s = s.reduce(Action::Open(Start::Preset("7".into())));
        assert_eq!(s.training.tour, None);
        let s = s
            .reduce(Action::Train(Train::StartQuiz))
            .reduce(Action::New);
        assert_eq!(s.training.quiz, None);
    }

    #[test]
    fn importing_a_file_during_a_walkthrough_ends_it() {
        // The learner's own diagram is set aside, then a file is imported mid-walkthrough.
        let edited = state("6").reduce(Action::EditNode {
            id: "contoso".into(),
            edit: NodeEdit::Name("Contoso (mine)".into()),
        });
        let touring = edited
            .reduce(Action::Train(Train::StartTour { preset: 6, step: 3 }))
            .reduce(Action::Train(Train::StartQuiz))
            .reduce(Action::Train(Train::StartTour { preset: 6, step: 3 }));
        assert!(touring.training.tour.is_some() && touring.training.kept.is_some());
        let file = presets::get(2).and_then(|p| p.scenario().ok());
        let Some(file) = file else {
            panic!("preset 2 loads")
        };
        let imported = touring.clone().reduce(Action::Import(file.clone()));
        assert_eq!(
            imported.training,
            Training::default(),
            "no walkthrough over the file"
        );
        assert_eq!(imported.doc.preset(), None);
        assert_eq!(imported.scenario().edges, file.edges);
        // Nothing is lost: the walkthrough's diagram is one undo away.
        let undone = imported.reduce(Action::Undo);
        assert_eq!(undone.scenario(), touring.scenario());
        // A quiz ends too.
        let quizzing = state("7").reduce(Action::Train(Train::StartQuiz));
        let imported = quizzing.reduce(Action::Import(file));
        assert_eq!(imported.training.quiz, None);
    }

    #[test]
    fn a_quiz_scores_verdicts_and_rules() {
        let mut s = state("7");
        let Ok(r) = evaluate(s.scenario(), Lang::En) else {
            panic!("preset 7 evaluates")
        };
        train(&mut s, Train::StartQuiz);
        for er in &r.edges {
            let edge = er.id.clone();
            train(
                &mut s,
                Train::AnswerVerdict {
                    edge,
                    verdict: er.verdict,
                },
            );
            if er.verdict == Verdict::Blocked {
                let rule = blocking_rules(er).first().copied();
                train(
                    &mut s,
                    Train::AnswerRule {
                        edge: er.id.clone(),
                        rule,
                    },
                );
            }
        }
        let q = s.training.quiz.clone().unwrap_or_default();
        assert_eq!(score(&q, &r), (r.edges.len(), r.edges.len()));
        // A wrong rule for e4 (blocked for its region) is a wrong answer.
        let wrong = Some(RuleId::MpaRequired);
        train(
            &mut s,
            Train::AnswerRule {
                edge: "e4".into(),
                rule: wrong,
            },
        );
        train(&mut s, Train::CheckQuiz);
        let q = s.training.quiz.clone().unwrap_or_default();
        assert!(q.checked);
        assert_eq!(score(&q, &r), (r.edges.len() - 1, r.edges.len()));
        let verdict = Verdict::Allowed;
        assert!(!train(
            &mut s,
            Train::AnswerVerdict {
                edge: "e4".into(),
                verdict
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
            assert!(c.iter().all(|r| r.scope() == Scope::Edge));
            let unique: BTreeSet<_> = c.iter().collect();
            assert_eq!(unique.len(), c.len());
        }
    }
}
