//! Training as a sub-state of the page: a guided walkthrough of a preset
//! (`csp_rules::walkthrough`, data, not code) and a quiz on any diagram. Its reducer changes
//! only its own fields and returns [`Effect`]s for the page to apply (load a step's diagram,
//! make the step's change, clear the selection); every verdict and rule comes from the
//! engine, never from here.

use super::document::Document;
use super::effect::{Arrival, Effect};
use super::layout;
pub use super::quiz::{Answer, Quiz, QuizVerb};
use crate::io::library;
use crate::io::url::TrainingLink;
use csp_rules::walkthrough::{Action, Walkthrough};
use csp_rules::{presets, Scenario};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// The walkthrough under way: which preset's, at which step (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tour {
    pub preset: u8,
    pub step: usize,
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
    /// Performs the current step's action ("Show me"), marking what it changed.
    ShowMe,
    /// Marks what the current step's action is about to remove, so it can fade out first.
    Preview,
    /// "Show me" after `Preview`, if the walkthrough is still at that step.
    ShowMeAt(Tour),
    EndTour,
    /// Ends the walkthrough and brings back the diagram it replaced.
    RestoreKept,
    /// Starts a quiz on the diagram, its questions in the order `seed` gives (the file's
    /// without one).
    StartQuiz {
        seed: Option<String>,
    },
    /// Answering and checking the quiz under way.
    Quiz(QuizVerb),
    EndQuiz,
    /// What a URL fragment's `&step=` / `&quiz=` ask for, after its scenario was opened.
    Link(TrainingLink),
}

/// The walkthrough of preset `n`, once its file was fetched and read (opening the preset
/// fetches it).
pub fn walkthrough_of(n: u8) -> Option<Rc<Walkthrough>> {
    library::walkthrough(n)
}

/// The diagram as the learner finds it on arriving at step `k` of `w` (see
/// [`Walkthrough::scenario_from`]), from its preset as fetched.
pub fn scenario_at(w: &Walkthrough, k: usize) -> Option<Scenario> {
    w.scenario_from(library::scenario(w.preset)?, k)
}

/// What "Show me" is doing to the current step's diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// What the change removes is fading out; the change comes next.
    Leaving,
    /// The change is made; what it changed is drawn in motion once.
    Changed,
}

impl Shown {
    /// Its name in the page's hooks (`data-shown`, interfaces.md §5).
    pub fn hook(self) -> &'static str {
        match self {
            Shown::Leaving => "leaving",
            Shown::Changed => "changed",
        }
    }
}

/// What training holds: at most one of a walkthrough and a quiz, and the learner's own
/// diagram, which starting a walkthrough replaced, to go back to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Training {
    pub tour: Option<Tour>,
    pub quiz: Option<Quiz>,
    pub kept: Option<Rc<Scenario>>,
    /// "Show me" on the current step.
    pub shown: Option<Shown>,
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
            let mut s = scenario_at(&w, step)?;
            layout::fill_missing(&mut s);
            vec![Effect::Load(Rc::new(s), Arrival::Step { preset })]
        } else {
            vec![]
        };
        self.tour = Some(Tour { preset, step });
        self.quiz = None;
        self.shown = None;
        Some(load)
    }

    /// The current walkthrough step's change, if it asks for one.
    fn action(&self) -> Option<Action> {
        let t = self.tour?;
        walkthrough_of(t.preset)?.step(t.step)?.action.clone()
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
                let action = self.action()?;
                let mut next = (**doc.scenario()).clone();
                action.perform(&mut next);
                self.shown = Some(Shown::Changed);
                (next != **doc.scenario()).then(|| vec![Effect::Change(next)])
            }
            Train::ShowMeAt(at) => {
                if self.tour != Some(at) || self.shown != Some(Shown::Leaving) {
                    return None;
                }
                self.reduce(Train::ShowMe, doc)
            }
            Train::Preview => {
                let action = self.action()?;
                let removes = matches!(
                    action,
                    Action::Disconnect { .. } | Action::RemoveEdge { .. }
                );
                if !removes || action.done(doc.scenario()) || self.shown == Some(Shown::Leaving) {
                    return None;
                }
                self.shown = Some(Shown::Leaving);
                Some(vec![])
            }
            Train::EndTour => {
                self.shown = None;
                self.tour.take().map(|_| vec![])
            }
            Train::RestoreKept => {
                let kept = self.kept.take()?;
                Some(vec![Effect::Load(kept, Arrival::Kept)])
            }
            Train::StartQuiz { seed } => {
                self.tour = None;
                self.shown = None;
                self.quiz = Some(Quiz::new(seed));
                Some(vec![Effect::ClearSelection])
            }
            Train::EndQuiz => self.quiz.take().map(|_| vec![]),
            Train::Quiz(verb) => self
                .quiz
                .as_mut()?
                .reduce(verb, doc.scenario())
                .then(Vec::new),
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
            let seed = link.seed.clone();
            add(self.reduce(Train::StartQuiz { seed }, doc));
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

/// What training draws over the diagram: a walkthrough step's highlight (what it names at
/// full strength, the rest dimmed) and what its "Show me" changes; a quiz's question numbers
/// and the question pointed at.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Marks {
    /// A walkthrough step's highlight: its nodes and edges.
    pub lit: Option<(BTreeSet<String>, BTreeSet<String>)>,
    /// What "Show me" changes (nodes, edges), and how.
    pub moving: (BTreeSet<String>, BTreeSet<String>),
    pub motion: Option<Shown>,
    /// A quiz: each edge's question number.
    pub numbers: BTreeMap<String, usize>,
    /// The edge whose question is pointed at.
    pub pointed: Option<String>,
}

/// How training marks one node or edge (a prop of each: compared cheaply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mark {
    /// `lit` or `dim` during a walkthrough step.
    pub tour: Option<&'static str>,
    /// `changed` or `leaving` while "Show me" makes its change.
    pub motion: Option<&'static str>,
    /// An edge's question number in a quiz.
    pub number: Option<usize>,
    /// Its question is pointed at.
    pub pointed: bool,
}

impl Marks {
    fn mark(&self, id: &str, lit: Option<&BTreeSet<String>>, moving: &BTreeSet<String>) -> Mark {
        Mark {
            tour: lit.map(|l| if l.contains(id) { "lit" } else { "dim" }),
            motion: self
                .motion
                .filter(|_| moving.contains(id))
                .map(|m| match m {
                    Shown::Leaving => "leaving",
                    Shown::Changed => "changed",
                }),
            number: None,
            pointed: false,
        }
    }

    pub fn node(&self, id: &str) -> Mark {
        self.mark(id, self.lit.as_ref().map(|l| &l.0), &self.moving.0)
    }

    pub fn edge(&self, id: &str) -> Mark {
        Mark {
            number: self.numbers.get(id).copied(),
            pointed: self.pointed.as_deref() == Some(id),
            ..self.mark(id, self.lit.as_ref().map(|l| &l.1), &self.moving.1)
        }
    }

    /// Whether a quiz numbers the edges.
    pub fn quiz(&self) -> bool {
        !self.numbers.is_empty()
    }
}

/// What the change of a step touches on the diagram `s` (nodes, edges): the node it edits,
/// the edge it draws or removes and that edge's ends.
pub fn touched(a: &Action, s: &Scenario) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut nodes = BTreeSet::new();
    let mut edges = BTreeSet::new();
    let mut ends = |from: &str, to: &str, edge: &dyn Fn(&csp_rules::Edge) -> bool| {
        for e in s.edges.iter().filter(|e| edge(e)) {
            edges.insert(e.id.clone());
        }
        nodes.insert(from.to_string());
        nodes.insert(to.to_string());
    };
    match a {
        Action::SetFlag { node, .. }
        | Action::SetRegion { node, .. }
        | Action::SetTenant { node, .. } => {
            nodes.insert(node.clone());
        }
        Action::Connect { from, to, kind } | Action::Disconnect { from, to, kind } => {
            ends(from, to, &|e| {
                e.from == *from && e.to == *to && e.kind == *kind
            })
        }
        Action::RemoveEdge { edge } => {
            if let Some(e) = s.edges.iter().find(|e| e.id == *edge) {
                ends(&e.from, &e.to, &|f| f.id == *edge);
            }
        }
    }
    (nodes, edges)
}

/// The highlight of `tour`'s step on the diagram `s`, with what "Show me" is doing to it.
pub fn marks(tour: Tour, s: &Scenario, shown: Option<Shown>) -> Option<Marks> {
    let w = walkthrough_of(tour.preset)?;
    let step = w.step(tour.step)?;
    let moving = match (&step.action, shown) {
        (Some(a), Some(_)) => touched(a, s),
        _ => Default::default(),
    };
    Some(Marks {
        lit: Some((
            super::selection::ids(&step.highlight.nodes),
            super::selection::ids(&step.highlight.edge_ids(s)),
        )),
        moving,
        motion: shown,
        ..Marks::default()
    })
}

/// What the marks depend on: the step, what "Show me" is doing, the quiz's order and pointed
/// question, and the rules' revision of the diagram (an edge the learner draws is found by its
/// ends), not positions.
#[derive(Debug)]
pub struct MarksKey {
    pub tour: Option<Tour>,
    pub shown: Option<Shown>,
    /// A quiz being answered or checked: its seed, and the question pointed at.
    pub quiz: Option<(Option<String>, Option<String>)>,
    pub rev: u64,
    pub scenario: Rc<Scenario>,
}

impl MarksKey {
    pub fn new(t: &Training, rev: u64, scenario: Rc<Scenario>) -> MarksKey {
        MarksKey {
            tour: t.tour,
            shown: t.shown,
            quiz: t.quiz.as_ref().map(|q| (q.seed.clone(), q.pointed.clone())),
            rev,
            scenario,
        }
    }
}

impl PartialEq for MarksKey {
    fn eq(&self, other: &Self) -> bool {
        self.tour == other.tour
            && self.shown == other.shown
            && self.quiz == other.quiz
            && self.rev == other.rev
    }
}

/// What training marks on the canvas now: a walkthrough step's highlight, or a quiz's
/// numbers; nothing otherwise.
pub fn marks_of(k: &MarksKey) -> Option<Rc<Marks>> {
    if let Some((seed, pointed)) = &k.quiz {
        let quiz = Quiz::new(seed.clone());
        return Some(Rc::new(Marks {
            numbers: quiz.numbers(&k.scenario),
            pointed: pointed.clone(),
            ..Marks::default()
        }));
    }
    k.tour
        .and_then(|t| marks(t, &k.scenario, k.shown))
        .map(Rc::new)
}

/// The rules a walkthrough's steps point at, in the catalogue's order (its summary).
pub fn rules_met(w: &Walkthrough) -> Vec<csp_rules::RuleId> {
    let mut rules: Vec<csp_rules::RuleId> = w
        .steps
        .iter()
        .flat_map(|s| s.expect.iter().flat_map(|x| x.rules.iter().copied()))
        .collect();
    rules.sort_by_cached_key(|&r| r as u64);
    rules.dedup();
    rules
}

/// The preset's title, for the panel heading.
pub fn preset_title(n: u8, lang: csp_rules::Lang) -> &'static str {
    presets::get(n).map_or("", |p| p.title(lang))
}

#[allow(clippy::panic)] // a failing test panics
#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::url::Start;
    use crate::model::quiz::blocking_rules;
    use crate::model::state::{Action, NodeEdit, State};
    use csp_rules::{evaluate, Flag, Lang, RuleId, Verdict};
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
        Train::Link(TrainingLink {
            step,
            quiz,
            seed: None,
        })
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
            .reduce(Action::Train(Train::StartQuiz { seed: None }))
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
            .reduce(Action::Train(Train::StartQuiz { seed: None }))
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
        let quizzing = state("7").reduce(Action::Train(Train::StartQuiz { seed: None }));
        let imported = quizzing.reduce(Action::Import(file));
        assert_eq!(imported.training.quiz, None);
    }

    #[test]
    fn a_quiz_scores_verdicts_and_rules_and_names_what_is_unanswered() {
        let mut s = state("7");
        let Ok(r) = evaluate(s.scenario(), Lang::En) else {
            panic!("preset 7 evaluates")
        };
        let quiz = |v: QuizVerb| Train::Quiz(v);
        train(
            &mut s,
            Train::StartQuiz {
                seed: Some("s1".into()),
            },
        );
        // Nothing answered: checking first names what is unanswered.
        assert!(train(&mut s, quiz(QuizVerb::Check)));
        let q = s.training.quiz.clone().unwrap_or_default();
        assert!(q.confirming && !q.checked);
        assert_eq!(q.unanswered(s.scenario()).len(), r.edges.len());
        assert!(train(&mut s, quiz(QuizVerb::KeepAnswering)));
        for er in &r.edges {
            let edge = er.id.clone();
            let verdict = er.verdict;
            train(&mut s, quiz(QuizVerb::AnswerVerdict { edge, verdict }));
            if er.verdict == Verdict::Blocked {
                let rule = blocking_rules(er).first().copied();
                let edge = er.id.clone();
                train(&mut s, quiz(QuizVerb::AnswerRule { edge, rule }));
            }
        }
        let q = s.training.quiz.clone().unwrap_or_default();
        let result = q.result(s.scenario(), &r);
        assert_eq!((result.right, result.total), (r.edges.len(), r.edges.len()));
        // A wrong rule for e4 (blocked for its region) is a wrong answer.
        let wrong = Some(RuleId::MpaRequired);
        let edge = "e4".to_string();
        train(&mut s, quiz(QuizVerb::AnswerRule { edge, rule: wrong }));
        // Everything answered: checking checks at once.
        train(&mut s, quiz(QuizVerb::Check));
        let q = s.training.quiz.clone().unwrap_or_default();
        assert!(q.checked && !q.confirming);
        assert_eq!(q.result(s.scenario(), &r).right, r.edges.len() - 1);
        let (edge, verdict) = ("e4".to_string(), Verdict::Allowed);
        assert!(!train(
            &mut s,
            quiz(QuizVerb::AnswerVerdict { edge, verdict })
        ));
        // Trying again keeps the order.
        train(&mut s, quiz(QuizVerb::Retry));
        let q = s.training.quiz.clone().unwrap_or_default();
        assert_eq!(q.seed.as_deref(), Some("s1"));
        assert!(q.answers.is_empty() && !q.checked);
        // Pointing at a question marks its edge on the canvas.
        assert!(train(&mut s, quiz(QuizVerb::Point(Some("e2".into())))));
        assert!(!train(&mut s, quiz(QuizVerb::Point(Some("e2".into())))));
        let key = MarksKey::new(&s.training, s.doc.rev(), s.scenario().clone());
        let marks = marks_of(&key).unwrap_or_default();
        assert!(marks.edge("e2").pointed && !marks.edge("e1").pointed);
        assert_eq!(
            marks.edge("e2").number,
            q.numbers(s.scenario()).get("e2").copied()
        );
        assert_eq!(marks.edge("e2").tour, None, "a quiz dims nothing");
    }

    #[test]
    fn a_walkthroughs_summary_names_each_rule_its_steps_point_at_once() {
        let Some(w) = walkthrough_of(6) else {
            panic!("walkthrough 6 loads")
        };
        let rules = rules_met(&w);
        assert!(rules.contains(&RuleId::ResellerAsCustomerSameProvider));
        assert!(rules.contains(&RuleId::ResellerAsCustomerOtherProvider));
        assert!(rules.windows(2).all(|r| r[0] < r[1]));
    }

    #[test]
    fn show_me_marks_what_it_removes_then_what_it_changed() {
        let mut s = state("6");
        train(&mut s, Train::StartTour { preset: 6, step: 4 });
        let key = |s: &State| MarksKey::new(&s.training, s.doc.rev(), s.scenario().clone());
        let marks = marks_of(&key(&s)).unwrap_or_default();
        assert_eq!(
            marks.edge("e2").tour,
            Some("lit"),
            "the edge to remove is lit"
        );
        assert_eq!(marks.edge("e2").motion, None);
        assert!(train(&mut s, Train::Preview));
        let marks = marks_of(&key(&s)).unwrap_or_default();
        assert_eq!(marks.edge("e2").motion, Some("leaving"));
        assert!(
            s.scenario().edges.iter().any(|e| e.id == "e2"),
            "not gone yet"
        );
        assert!(train(&mut s, Train::ShowMe));
        assert!(!s.scenario().edges.iter().any(|e| e.id == "e2"));
        let marks = marks_of(&key(&s)).unwrap_or_default();
        assert_eq!(marks.node("tailspin").motion, Some("changed"));
        // The next step starts still.
        assert!(train(&mut s, Train::Next));
        assert_eq!(s.training.shown, None);
        // A step that adds an edge has nothing to fade out.
        assert!(!train(&mut s, Train::Preview));
    }
}
