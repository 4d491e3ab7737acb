//! The list to choose a relationship's other end from. A diagram of thousands of nodes would
//! make it thousands of `<option>`s, built and laid out the moment a node is selected (the
//! press that starts a drag): past [`SHOWN`] nodes a filter narrows it, and it lists only the
//! first [`SHOWN`] that match.

use crate::io::web;
use crate::text::panels;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// How many other nodes the list holds at most.
pub const SHOWN: usize = 50;

/// The other nodes, as (id, label).
pub type Others = Rc<Vec<(String, String)>>;

#[derive(Debug, Properties, PartialEq)]
pub struct TargetPickerProps {
    pub others: Others,
    /// The chosen node's ID; when it is not among the listed ones, the first listed is, and
    /// `on_change` says so (with an empty ID when none is listed).
    pub value: String,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    #[prop_or_default]
    pub name: Option<AttrValue>,
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// Rows shown at once (a list box), or `None` for a drop-down.
    #[prop_or_default]
    pub size: Option<AttrValue>,
    #[prop_or_default]
    pub onkeydown: Option<Callback<KeyboardEvent>>,
    #[prop_or_default]
    pub select_ref: NodeRef,
}

/// The others whose label or ID holds `query` (ignoring case), at most `limit` of them, and
/// how many match in all.
pub fn matching<'a>(
    others: &'a [(String, String)],
    query: &str,
    limit: usize,
) -> (Vec<&'a (String, String)>, usize) {
    let query = web::lower(query.trim());
    let mut shown = Vec::with_capacity(limit.min(others.len()));
    let mut total = 0;
    for other in others {
        let (id, label) = other;
        if query.is_empty() || web::lower(label).contains(&query) || web::lower(id).contains(&query)
        {
            total += 1;
            if shown.len() < limit {
                shown.push(other);
            }
        }
    }
    (shown, total)
}

#[function_component(TargetPicker)]
pub fn target_picker(p: &TargetPickerProps) -> Html {
    let lang = crate::model::use_page().lang;
    let query = use_state(String::new);
    let (shown, total) = matching(&p.others, &query, SHOWN);
    let chosen = shown
        .iter()
        .find(|(id, _)| *id == p.value)
        .or(shown.first())
        .map(|(id, _)| id.clone());
    // The parent's choice follows what the list shows, so Add adds what is selected.
    {
        let (chosen, value, on_change) = (chosen.clone(), p.value.clone(), p.on_change.clone());
        // Nothing listed, nothing chosen: an empty ID.
        use_effect_with(chosen, move |chosen| {
            let chosen = chosen.clone().unwrap_or_default();
            if chosen != value {
                on_change.emit(chosen);
            }
        });
    }
    let on_select = {
        let on_change = p.on_change.clone();
        Callback::from(move |e: Event| {
            on_change.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_filter = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let options = shown.iter().map(|(id, label)| {
        html! {
            <option key={id.as_str()} value={id.clone()} selected={chosen.as_ref() == Some(id)}>
                { label.clone() }
            </option>
        }
    });
    let filtered = p.others.len() > SHOWN;
    html! {
        <>
            if filtered {
                <input type="search" class="target-filter" value={(*query).clone()} oninput={on_filter}
                    placeholder={panels::filter_nodes(lang, p.others.len())}
                    aria-label={panels::filter_nodes(lang, p.others.len())} />
            }
            <select id={p.id.clone()} name={p.name.clone()} aria-label={p.label.clone()} size={p.size.clone()}
                ref={p.select_ref.clone()} onchange={on_select} onkeydown={p.onkeydown.clone()}>
                { for options }
            </select>
            if filtered {
                <p class="hint target-count" aria-live="polite">
                    { if total == 0 { panels::no_match(lang).to_string() } else { panels::nodes_shown(lang, shown.len(), total) } }
                </p>
            }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn others(n: usize) -> Vec<(String, String)> {
        (0..n)
            .map(|i| (format!("c{i}"), format!("Customer {i} (c{i})")))
            .collect()
    }

    #[test]
    fn a_long_list_is_cut_to_the_limit_and_counted_in_full() {
        let all = others(3000);
        let (shown, total) = matching(&all, "", SHOWN);
        assert_eq!((shown.len(), total), (SHOWN, 3000));
        assert_eq!(shown[0].0, "c0");
    }

    #[test]
    fn the_filter_matches_labels_and_ids_ignoring_case() {
        let all = others(3000);
        let (shown, total) = matching(&all, "  CUSTOMER 2999 ", SHOWN);
        assert_eq!((total, shown[0].0.as_str()), (1, "c2999"));
        // "c12" is in c12, c120–c129 and c1200–c1299: 111 in all, 50 listed.
        let (shown, total) = matching(&all, "c12", SHOWN);
        assert_eq!((shown.len(), total), (SHOWN, 111));
        assert!(shown.iter().all(|(id, _)| id.contains("c12")));
        assert_eq!(matching(&all, "nobody", SHOWN).1, 0);
    }

    #[test]
    fn the_filter_ignores_case_beyond_ascii() {
        let all = vec![
            ("oe".to_string(), "Öresund Ärende".to_string()),
            ("tw".to_string(), "台灣客戶 Ltd".to_string()),
            ("gr".to_string(), "ΣΟΦΙΑ".to_string()),
        ];
        let ids = |q| {
            matching(&all, q, SHOWN)
                .0
                .iter()
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids("öresund ä"), ["oe"]);
        assert_eq!(ids("ÄRENDE"), ["oe"]);
        assert_eq!(ids("客戶 LTD"), ["tw"]);
        assert_eq!(ids("σοφ"), ["gr"]);
        assert_eq!(ids("o"), ["oe"]);
    }

    #[test]
    fn a_short_list_is_whole() {
        let all = others(7);
        let (shown, total) = matching(&all, "", SHOWN);
        assert_eq!((shown.len(), total), (7, 7));
    }
}
