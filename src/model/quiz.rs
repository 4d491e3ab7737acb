//! The quiz, part of training: the learner's predictions, the order of the questions (the
//! file's, or shuffled by the seed a quiz link carries, so that learners sitting side by side
//! see different orders), what is still unanswered, and the result against the engine's
//! report. Every verdict and rule comes from the engine, never from here.

use csp_rules::{EdgeReport, Report, RuleId, Scenario, Scope, Severity, Verdict};
use std::collections::BTreeMap;

/// One learner's prediction for one edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Answer {
    pub verdict: Option<Verdict>,
    /// For a predicted block: the rule the learner thinks blocks it.
    pub rule: Option<RuleId>,
}

impl Answer {
    /// What the answer still lacks: a verdict, or for a predicted block, its rule.
    pub fn missing(&self) -> Option<Missing> {
        match (self.verdict, self.rule) {
            (None, _) => Some(Missing::Verdict),
            (Some(Verdict::Blocked), None) => Some(Missing::Rule),
            _ => None,
        }
    }
}

/// What an unanswered question lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Verdict,
    Rule,
}

/// A quiz on the current diagram: verdicts are hidden until `checked`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Quiz {
    pub answers: BTreeMap<String, Answer>,
    pub checked: bool,
    /// The link's `&seed=`: the questions and each question's rules are shuffled by it;
    /// without one, they come in the file's order.
    pub seed: Option<String>,
    /// "Check answers" was pressed with questions unanswered: it waits for "check anyway".
    pub confirming: bool,
    /// The edge whose question is pointed at (hovered or focused, on the canvas or in the
    /// list): both are drawn raised.
    pub pointed: Option<String>,
}

impl Quiz {
    /// A quiz with no answers, its questions ordered by `seed`.
    pub fn new(seed: Option<String>) -> Quiz {
        Quiz {
            seed,
            ..Quiz::default()
        }
    }

    /// Verdicts are hidden while the learner is still answering.
    pub fn hides_verdicts(&self) -> bool {
        !self.checked
    }

    /// The answer given for edge `id`, so far.
    pub fn answer(&self, id: &str) -> Answer {
        self.answers.get(id).copied().unwrap_or_default()
    }

    /// The diagram's edges (by index) in question order.
    pub fn order(&self, s: &Scenario) -> Vec<usize> {
        let mut order: Vec<usize> = (0..s.edges.len()).collect();
        if let Some(seed) = &self.seed {
            // A sort by a keyed hash rather than a shuffle of positions: an edge drawn during
            // the quiz takes a place of its own without moving the others.
            order.sort_by_cached_key(|&i| fnv(&[seed, "question", &s.edges[i].id]));
        }
        order
    }

    /// Each edge's question number, from 1, as the list and the canvas show it.
    pub fn numbers(&self, s: &Scenario) -> BTreeMap<String, usize> {
        // By insertion: `collect()` would sort the pairs first, another copy of the sort.
        let mut numbers = BTreeMap::new();
        for (k, i) in self.order(s).into_iter().enumerate() {
            if let Some(e) = s.edges.get(i) {
                numbers.insert(e.id.clone(), k + 1);
            }
        }
        numbers
    }

    /// The questions not fully answered yet, in order: (number, edge ID, what is missing).
    pub fn unanswered(&self, s: &Scenario) -> Vec<(usize, String, Missing)> {
        self.order(s)
            .into_iter()
            .enumerate()
            .filter_map(|(k, i)| {
                let id = &s.edges.get(i)?.id;
                let missing = self.answer(id).missing()?;
                Some((k + 1, id.clone(), missing))
            })
            .collect()
    }

    /// The rules offered for edge `er`: those that block it plus distractors from the
    /// catalogue (at least two, four choices in all, so the list's length gives nothing
    /// away), in an order of their own for each edge and seed.
    pub fn rule_choices(&self, er: &EdgeReport) -> Vec<RuleId> {
        let seed = self.seed.as_deref().unwrap_or("");
        let right = blocking_rules(er);
        let want = (right.len() + 2).max(4) - right.len();
        let mut others: Vec<RuleId> = RuleId::ALL
            .into_iter()
            .filter(|r| r.severity() == Severity::Block)
            .filter(|r| r.scope() == Scope::Edge)
            .filter(|r| !right.contains(r))
            .collect();
        others.sort_by_cached_key(|r| fnv(&[seed, &er.id, "distractor", r.as_str()]));
        let mut all: Vec<RuleId> = right
            .into_iter()
            .chain(others.into_iter().take(want))
            .collect();
        all.sort_by_cached_key(|r| fnv(&[seed, &er.id, "order", r.as_str()]));
        all
    }

    /// The quiz checked against `r`, the report on `s`.
    pub fn result(&self, s: &Scenario, r: &Report) -> QuizResult {
        let questions: Vec<Question> = self
            .order(s)
            .into_iter()
            .enumerate()
            .filter_map(|(k, i)| {
                let (edge, er) = (s.edges.get(i)?, r.edges.get(i)?);
                let answer = self.answer(&edge.id);
                Some(Question {
                    number: k + 1,
                    index: i,
                    answer,
                    verdict: er.verdict,
                    right: is_right(&answer, er),
                })
            })
            .collect();
        QuizResult {
            right: questions.iter().filter(|q| q.right).count(),
            total: questions.len(),
            questions,
        }
    }
}

/// What the learner does in a quiz.
#[derive(Debug, Clone, PartialEq)]
pub enum QuizVerb {
    AnswerVerdict {
        edge: String,
        verdict: Verdict,
    },
    AnswerRule {
        edge: String,
        rule: Option<RuleId>,
    },
    /// Checks the answers, or first names the questions still unanswered.
    Check,
    /// Checks the answers, unanswered ones included.
    CheckAnyway,
    /// Back to answering from the question of what is unanswered.
    KeepAnswering,
    /// Clears the answers, keeping the order.
    Retry,
    /// The question of this edge is pointed at (hovered or focused), or none.
    Point(Option<String>),
}

impl Quiz {
    /// Applies a verb to the quiz on diagram `s`; `false` when nothing changed.
    pub fn reduce(&mut self, verb: QuizVerb, s: &Scenario) -> bool {
        let answering = !self.checked;
        match verb {
            QuizVerb::AnswerVerdict { edge, verdict } if answering => {
                let a = self.answers.entry(edge).or_default();
                let before = *a;
                a.verdict = Some(verdict);
                if verdict == Verdict::Allowed {
                    a.rule = None;
                }
                *a != before
            }
            QuizVerb::AnswerRule { edge, rule } if answering => {
                let a = self.answers.entry(edge).or_default();
                std::mem::replace(&mut a.rule, rule) != rule
            }
            QuizVerb::Check if answering => {
                if self.unanswered(s).is_empty() {
                    self.checked = true;
                } else {
                    self.confirming = true;
                }
                true
            }
            QuizVerb::CheckAnyway if answering => {
                self.checked = true;
                self.confirming = false;
                true
            }
            QuizVerb::KeepAnswering => std::mem::take(&mut self.confirming),
            QuizVerb::Retry => {
                *self = Quiz::new(self.seed.take());
                true
            }
            QuizVerb::Point(edge) => std::mem::replace(&mut self.pointed, edge.clone()) != edge,
            _ => false,
        }
    }
}

/// One question checked: its number, the edge's index in the scenario (and the report), the
/// learner's answer, the engine's verdict, and whether the answer is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    pub number: usize,
    pub index: usize,
    pub answer: Answer,
    pub verdict: Verdict,
    pub right: bool,
}

/// A quiz's result: what the panel, the copied result and an embedding page all read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizResult {
    pub right: usize,
    pub total: usize,
    /// In question order.
    pub questions: Vec<Question>,
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

/// Whether an answer is right: the verdict, and for a blocked edge a rule that blocks it.
pub fn is_right(a: &Answer, er: &EdgeReport) -> bool {
    match (a.verdict, er.verdict) {
        (Some(Verdict::Allowed), Verdict::Allowed) => true,
        (Some(Verdict::Blocked), Verdict::Blocked) => {
            a.rule.is_some_and(|r| blocking_rules(er).contains(&r))
        }
        _ => false,
    }
}

#[allow(clippy::panic)] // a failing test panics
#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::{evaluate, presets, Lang};

    fn preset(n: u8) -> (Scenario, Report) {
        let s = presets::get(n).and_then(|p| p.scenario().ok());
        let s = s.unwrap_or_default();
        let r = evaluate(&s, Lang::En).ok();
        (
            s.clone(),
            r.unwrap_or_else(|| panic!("preset {n} evaluates")),
        )
    }

    #[test]
    fn a_seed_shuffles_the_questions_the_same_way_every_time() {
        let (s, _) = preset(6);
        let plain = Quiz::new(None);
        assert_eq!(plain.order(&s), (0..s.edges.len()).collect::<Vec<_>>());
        let a = Quiz::new(Some("k3f9x2".into()));
        assert_eq!(a.order(&s), Quiz::new(Some("k3f9x2".into())).order(&s));
        // Some seed among a few gives another order than the file's, and than another seed.
        let orders: Vec<Vec<usize>> = ["a", "b", "c", "d"]
            .iter()
            .map(|k| Quiz::new(Some((*k).into())).order(&s))
            .collect();
        assert!(orders.iter().any(|o| *o != plain.order(&s)));
        assert!(orders.windows(2).any(|w| w[0] != w[1]));
        let numbers = a.numbers(&s);
        let mut seen: Vec<usize> = numbers.values().copied().collect();
        seen.sort_unstable();
        assert_eq!(seen, (1..=s.edges.len()).collect::<Vec<_>>());
        // An edge drawn during the quiz leaves the others in their order.
        let mut more = s.clone();
        let mut extra = s.edges[0].clone();
        extra.id = "e99".into();
        more.edges.push(extra);
        let kept: Vec<usize> = a
            .order(&more)
            .into_iter()
            .filter(|&i| i < s.edges.len())
            .collect();
        assert_eq!(kept, a.order(&s));
    }

    #[test]
    fn unanswered_questions_are_named_in_order_with_what_they_lack() {
        let (s, r) = preset(7);
        let mut q = Quiz::new(Some("s1".into()));
        let order = q.order(&s);
        let first = s.edges[order[0]].id.clone();
        let second = s.edges[order[1]].id.clone();
        q.answers.insert(
            first,
            Answer {
                verdict: Some(Verdict::Allowed),
                rule: None,
            },
        );
        q.answers.insert(
            second.clone(),
            Answer {
                verdict: Some(Verdict::Blocked),
                rule: None,
            },
        );
        let open = q.unanswered(&s);
        assert_eq!(open.len(), s.edges.len() - 1);
        assert_eq!(open[0], (2, second, Missing::Rule));
        assert!(open[1..].iter().all(|(_, _, m)| *m == Missing::Verdict));
        let result = q.result(&s, &r);
        assert_eq!(result.total, r.edges.len());
        assert_eq!(
            result
                .questions
                .iter()
                .map(|x| x.number)
                .collect::<Vec<_>>(),
            (1..=r.edges.len()).collect::<Vec<_>>()
        );
        assert_eq!(
            result.right,
            result.questions.iter().filter(|x| x.right).count()
        );
    }

    #[test]
    fn rule_choices_hold_the_right_rules_and_are_stable() {
        let (_, r) = preset(6);
        for seed in [None, Some("s1".to_string())] {
            let q = Quiz::new(seed);
            for er in &r.edges {
                let c = q.rule_choices(er);
                assert_eq!(c, q.rule_choices(er));
                assert!(c.len() >= 4);
                assert!(blocking_rules(er).iter().all(|r| c.contains(r)));
                assert!(c.iter().all(|r| r.scope() == Scope::Edge));
                let unique: std::collections::BTreeSet<_> = c.iter().collect();
                assert_eq!(unique.len(), c.len());
            }
        }
    }
}
