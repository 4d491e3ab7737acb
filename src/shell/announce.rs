//! Verdict changes said through a live region (the canvas shows them only by colour and
//! shape): which relationships changed, after any edit, undo or redo.

use crate::text::{common, shell};
use csp_rules::{Lang, Report, Scenario, Verdict};
use rustc_hash::FxHashMap;
use std::rc::Rc;
use yew::prelude::*;

/// The edges of `new` (by index) whose verdict is not the one `old` gave them (a new edge
/// counts). Both reports list edges in their scenario's order, which an edit leaves aligned
/// but for a few: each edge is looked for a few places ahead, and only one not found there
/// makes a map of `old`.
pub fn changed_verdicts(old: Option<&Report>, new: &Report) -> Vec<usize> {
    let before = old.map(|r| r.edges.as_slice()).unwrap_or_default();
    let mut map: Option<FxHashMap<&str, Verdict>> = None;
    let mut j = 0;
    let mut out = Vec::new();
    for (i, e) in new.edges.iter().enumerate() {
        let near = (j..before.len().min(j + 4)).find(|&k| before[k].id == e.id);
        let was = match near {
            Some(k) => {
                j = k + 1;
                Some(before[k].verdict)
            }
            None => map
                .get_or_insert_with(|| before.iter().map(|o| (o.id.as_str(), o.verdict)).collect())
                .get(e.id.as_str())
                .copied(),
        };
        if was != Some(e.verdict) {
            out.push(i);
        }
    }
    out
}

/// What the live region says of the changed edges: three by name, the rest counted.
fn news(lang: Lang, s: &Scenario, r: &Report, changed: &[usize]) -> String {
    let label = |id: &str| s.label_of_in(id, lang).to_string();
    let named: Vec<String> = changed
        .iter()
        .take(3)
        .filter_map(|&i| Some((s.edges.get(i)?, r.edges.get(i)?)))
        .map(|(e, er)| {
            let relation = common::relation(lang, &label(&e.from), e.kind, &label(&e.to));
            match er.verdict {
                Verdict::Allowed => shell::now_allowed(lang, &relation),
                Verdict::Blocked => shell::now_blocked(lang, &relation),
            }
        })
        .collect();
    // Chinese sentences end in 。 and need no space between them.
    let mut text = named.join(lang.pick(" ", ""));
    if changed.len() > 3 {
        text = format!(
            "{text}{}{}",
            lang.pick(" ", ""),
            shell::and_more(lang, changed.len() - 3)
        );
    }
    text
}

/// Sets `announce` to the news of each new evaluation (`rev` is the rules' revision); a
/// language switch says nothing, nor does an edit during a quiz, whose verdicts are hidden.
#[hook]
pub fn use_announcer(
    announce: UseStateHandle<String>,
    now: (u64, Lang, bool),
    scenario: Rc<Scenario>,
    report: Option<Rc<Report>>,
) {
    let (rev, lang, quiet) = now;
    let prev = use_mut_ref(|| None::<(Lang, Option<Rc<Report>>)>);
    use_effect_with((rev, lang), move |_| {
        let old = prev.borrow_mut().replace((lang, report.clone()));
        if quiet {
            return;
        }
        let (Some((_, old)), Some(report)) = (old.filter(|(l, _)| *l == lang), report) else {
            return;
        };
        let changed = changed_verdicts(old.as_deref(), &report);
        if !changed.is_empty() {
            announce.set(news(lang, &scenario, &report, &changed));
        }
    });
}

#[allow(clippy::panic)] // a failing test panics
#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::{evaluate, presets, EdgeReport};

    fn report(edges: &[(&str, Verdict)]) -> Report {
        Report {
            version: 1,
            as_of: "2020-05-12".into(),
            edges: edges
                .iter()
                .map(|&(id, verdict)| EdgeReport {
                    id: id.into(),
                    verdict,
                    findings: vec![],
                })
                .collect(),
            diagram: vec![],
            summary: Default::default(),
        }
    }

    #[test]
    fn changed_verdicts_are_found_whatever_moved() {
        use Verdict::{Allowed as A, Blocked as B};
        let old = report(&[("e1", A), ("e2", A), ("e3", B), ("e4", A), ("e5", A)]);
        // e2 deleted, e4 now blocked, e9 new, e1 moved to the end.
        let new = report(&[("e3", B), ("e4", B), ("e5", A), ("e9", A), ("e1", A)]);
        assert_eq!(changed_verdicts(Some(&old), &new), [1, 3]);
        assert_eq!(changed_verdicts(None, &new), [0, 1, 2, 3, 4]);
        assert!(changed_verdicts(Some(&old), &old).is_empty());
    }

    #[test]
    fn the_news_names_three_and_counts_the_rest() {
        let Some(s) = presets::get(1).and_then(|p| p.scenario().ok()) else {
            panic!("preset 1 loads");
        };
        let Ok(r) = evaluate(&s, Lang::En) else {
            panic!("preset 1 evaluates");
        };
        let all: Vec<usize> = (0..r.edges.len()).collect();
        let text = news(Lang::En, &s, &r, &all);
        assert!(text.starts_with("Now allowed: “"), "{text}");
        assert!(
            text.ends_with(&format!("And {} more.", r.edges.len() - 3)),
            "{text}"
        );
        assert_eq!(text.matches("Now ").count(), 3);
    }
}
