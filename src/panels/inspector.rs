//! The inspector for one node: its name, ID, kind, region, organization, tenant and the
//! requirements its kind has (only those: a flag on another kind is an input error), plus
//! its relationships and a keyboard way to add one.

use super::target::{Others, TargetPicker};
use super::widgets::see_also_link;
use crate::model::{names, use_page, Action, Dispatch, NodeEdit, Page, Target};
use crate::text::{self, common, panels};
use csp_rules::{
    edge_kind_name, flag_name, kind_name, region_help, region_name, EdgeKind, Flag, Lang, Node,
    NodeKind, ScenarioError, SeeAlso, Verdict, CSP_REGIONS,
};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

const OTHER: &str = "__other";

/// One relationship of the node, as listed under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub edge: String,
    pub text: String,
    pub verdict: Option<Verdict>,
}

#[derive(Debug, Properties, PartialEq)]
pub struct InspectorProps {
    /// Without its position: dragging the node does not re-render the inspector.
    pub node: Node,
    /// The other nodes, as (id, label), for "add a relationship".
    pub others: Others,
    pub relations: Vec<Relation>,
    pub edit_error: Option<ScenarioError>,
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// What the inspector keeps while it is open: the ID being typed (it applies on Enter or
/// leaving the field, so a half-typed ID renames nothing), the name as typed (each keystroke
/// applies, but an emptied name in one language would otherwise show the other's fallback
/// under the caret), whether a region of another name is being typed, and the relationship
/// being added.
struct Drafts {
    id: UseStateHandle<String>,
    name: UseStateHandle<Option<String>>,
    custom_region: UseStateHandle<bool>,
    new_kind: UseStateHandle<EdgeKind>,
    new_target: UseStateHandle<String>,
}

#[function_component(Inspector)]
pub fn inspector(p: &InspectorProps) -> Html {
    let Page { lang, dispatch } = use_page();
    let node = &p.node;
    let region = node.region.as_deref().unwrap_or_default();
    let drafts = Drafts {
        id: use_state(|| node.id.clone()),
        name: use_state(|| None),
        custom_region: use_state(|| !CSP_REGIONS.contains(&region)),
        new_kind: use_state(|| EdgeKind::SellsTo),
        new_target: use_state(|| {
            p.others
                .first()
                .map(|(id, _)| id.clone())
                .unwrap_or_default()
        }),
    };
    html! {
        <section class="panel inspector" aria-labelledby="inspector-heading" data-inspector={node.id.clone()}>
            <h2 id="inspector-heading">{ text::cap(kind_name(node.kind, lang)) }</h2>
            { fields(p, &drafts, lang, &dispatch) }
            { flags(node, lang, &dispatch) }
            if !p.relations.is_empty() {
                <h3>{ panels::relationships(lang) }</h3>
                <ul class="relations">{ for p.relations.iter().map(|r| relation_item(r, &dispatch)) }</ul>
            }
            <h3>{ panels::add_relationship(lang) }</h3>
            if p.others.is_empty() {
                <p class="hint">{ common::no_other_node(lang) }</p>
            } else {
                { add_relation(p, &drafts, lang, &dispatch) }
            }
            <button type="button" class="danger" onclick={dispatch.on(Action::DeleteNode(node.id.clone()))}>
                { panels::delete_node(lang) }
            </button>
        </section>
    }
}

fn relation_item(r: &Relation, dispatch: &Dispatch) -> Html {
    let onclick = dispatch.on(Action::Select {
        target: Target::Edge(r.edge.clone()),
        additive: false,
    });
    let verdict = r.verdict.map_or("unjudged", Verdict::as_str);
    html! {
        <li key={r.edge.clone()}>
            <button type="button" class={classes!("link", verdict)} {onclick}>
                <span class="verdict-dot" aria-hidden="true"></span>
                { r.text.clone() }
            </button>
        </li>
    }
}

/// The node's own fields.
fn fields(p: &InspectorProps, d: &Drafts, lang: Lang, dispatch: &Dispatch) -> Html {
    let node = &p.node;
    let id = node.id.clone();
    let edit = |make: fn(String) -> NodeEdit| {
        let id = id.clone();
        dispatch.to(move |e: InputEvent| Action::EditNode {
            id: id.clone(),
            edit: make(input_value(&e)),
        })
    };
    let on_id_input = {
        let draft = d.id.clone();
        Callback::from(move |e: InputEvent| draft.set(input_value(&e)))
    };
    let on_id_change = {
        let id = id.clone();
        dispatch.to(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            Action::EditNode {
                id: id.clone(),
                edit: NodeEdit::Id(value.trim().to_string()),
            }
        })
    };
    let on_kind = {
        let (id, dispatch) = (id.clone(), dispatch.clone());
        Callback::from(move |e: Event| {
            let value = select_value(&e);
            if let Some(kind) = NodeKind::ALL.into_iter().find(|k| k.as_str() == value) {
                let edit = NodeEdit::Kind(kind);
                dispatch.send(Action::EditNode {
                    id: id.clone(),
                    edit,
                });
            }
        })
    };
    html! {
        <div class="fields">
            { name_field(node, &d.name, lang, dispatch) }
            <label class="field">
                <span>{ common::id(lang) }</span>
                <input type="text" name="id" value={(*d.id).clone()} spellcheck="false"
                    oninput={on_id_input} onchange={on_id_change}
                    aria-invalid={p.edit_error.is_some().then_some("true")}
                    aria-describedby="id-hint" />
                <small id="id-hint">{ panels::id_hint(lang, csp_rules::id_grammar(lang)) }</small>
                if let Some(err) = &p.edit_error {
                    <small class="field-error" role="alert">{ err.line(lang) }</small>
                }
            </label>
            <label class="field">
                <span>{ common::kind(lang) }</span>
                <select name="kind" onchange={on_kind}>
                    { for NodeKind::ALL.iter().map(|k| html! {
                        <option key={k.as_str()} value={k.as_str()} selected={*k == node.kind}>
                            { text::cap(kind_name(*k, lang)) }
                        </option>
                    }) }
                </select>
            </label>
            { region_field(node, &d.custom_region, lang, dispatch) }
            if node.kind != NodeKind::Microsoft {
                <label class="field">
                    <span>{ panels::org(lang) }</span>
                    <input type="text" name="org" placeholder={node.id.clone()}
                        value={node.org.clone().unwrap_or_default()} oninput={edit(NodeEdit::Org)} />
                    <small>{ panels::org_hint(lang) }</small>
                </label>
                <label class="field">
                    <span>{ panels::tenant(lang) }</span>
                    <input type="text" name="tenant" placeholder={node.id.clone()}
                        value={node.tenant.clone().unwrap_or_default()} oninput={edit(NodeEdit::Tenant)} />
                    <small>{ panels::tenant_hint(lang) }</small>
                </label>
            }
        </div>
    }
}

/// The name in the page's language (`model::names` says what an edit keeps), and the name
/// the other language shows when it differs.
fn name_field(
    node: &Node,
    draft: &UseStateHandle<Option<String>>,
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let oninput = {
        let (id, draft, dispatch) = (node.id.clone(), draft.clone(), dispatch.clone());
        Callback::from(move |e: InputEvent| {
            let value = input_value(&e);
            draft.set(Some(value.clone()));
            dispatch.send(Action::EditNode {
                id: id.clone(),
                edit: NodeEdit::Name(value),
            });
        })
    };
    let onblur = {
        let draft = draft.clone();
        Callback::from(move |_: FocusEvent| draft.set(None))
    };
    let value = (**draft)
        .clone()
        .unwrap_or_else(|| names::shown(&node.name, &node.names, lang));
    let elsewhere = names::shown_elsewhere(&node.name, &node.names, lang);
    html! {
        <label class="field">
            <span>{ panels::name(lang) }</span>
            <input type="text" name="name" maxlength="200" {value} placeholder={node.id.clone()}
                {oninput} {onblur}
                aria-describedby={elsewhere.is_some().then_some("name-elsewhere")} />
            if let Some(other) = elsewhere {
                <small id="name-elsewhere" data-name-elsewhere={names::other(lang).tag()}>
                    { panels::name_elsewhere(lang, &lang.quote(&other)) }
                </small>
            }
        </label>
    }
}

/// The region: one of the CSP regions from a list, or any other by its ID.
fn region_field(
    node: &Node,
    custom: &UseStateHandle<bool>,
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    if node.kind == NodeKind::Microsoft {
        return html! { <p class="hint">{ panels::microsoft_global(lang) }</p> };
    }
    let region = node.region.clone().unwrap_or_default();
    let on_select = {
        let (id, custom, dispatch) = (node.id.clone(), custom.clone(), dispatch.clone());
        Callback::from(move |e: Event| {
            let value = select_value(&e);
            custom.set(value == OTHER);
            if value != OTHER {
                let edit = NodeEdit::Region(value);
                dispatch.send(Action::EditNode {
                    id: id.clone(),
                    edit,
                });
            }
        })
    };
    let on_custom = {
        let id = node.id.clone();
        dispatch.to(move |e: InputEvent| Action::EditNode {
            id: id.clone(),
            edit: NodeEdit::Region(input_value(&e)),
        })
    };
    let selected = if **custom || !CSP_REGIONS.contains(&region.as_str()) {
        OTHER.to_string()
    } else {
        region.clone()
    };
    let options = CSP_REGIONS.iter().map(|r| {
        html! {
            <option key={*r} value={*r} selected={selected == *r}>{ region_name(r, lang) }</option>
        }
    });
    html! {
        <>
            <label class="field">
                <span>{ common::region(lang) }</span>
                <select name="region" onchange={on_select} aria-describedby="region-hint">
                    { for options }
                    <option value={OTHER} selected={selected == OTHER}>{ panels::other_region(lang) }</option>
                </select>
            </label>
            // Beside the field rather than in its label: a link in a label is a second target.
            <p id="region-hint" class="hint region-help">
                { region_help(lang) }{ lang.pick(" ", "") }{ see_also_link(lang, SeeAlso::Regions) }
            </p>
            if selected == OTHER {
                <label class="field">
                    <span>{ panels::region_id(lang) }</span>
                    <input type="text" name="region-id" value={region} oninput={on_custom} />
                </label>
            }
        </>
    }
}

/// The requirements the node's kind has, each met or not.
fn flags(node: &Node, lang: Lang, dispatch: &Dispatch) -> Html {
    let flags: Vec<Flag> = Flag::ALL
        .into_iter()
        .filter(|&f| node.kind.has_flag(f))
        .collect();
    if flags.is_empty() {
        return html! {};
    }
    let flag_box = |flag: Flag| {
        let id = node.id.clone();
        let onchange = dispatch.to(move |e: Event| Action::EditNode {
            id: id.clone(),
            edit: NodeEdit::Flag(
                flag,
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ),
        });
        let input_id = format!("flag-{}", flag.as_str());
        html! {
            <li key={flag.as_str()}>
                <input type="checkbox" id={input_id.clone()} name={flag.as_str()}
                    checked={node.flag(flag)} {onchange} />
                <label for={input_id}>{ text::cap(flag_name(flag, lang)) }</label>
            </li>
        }
    };
    html! {
        <fieldset class="flags">
            <legend>{ panels::requirements(lang) }</legend>
            <ul>{ for flags.into_iter().map(flag_box) }</ul>
        </fieldset>
    }
}

/// A keyboard way to add a relationship: its kind, its other end, then Add.
fn add_relation(p: &InspectorProps, d: &Drafts, lang: Lang, dispatch: &Dispatch) -> Html {
    let on_kind = {
        let kind = d.new_kind.clone();
        Callback::from(move |e: Event| {
            let manages = select_value(&e) == EdgeKind::Manages.as_str();
            kind.set(if manages {
                EdgeKind::Manages
            } else {
                EdgeKind::SellsTo
            });
        })
    };
    let on_target = {
        let target = d.new_target.clone();
        Callback::from(move |id: String| target.set(id))
    };
    // The picker keeps the choice among the nodes it lists: none when nothing matches.
    let to = p
        .others
        .iter()
        .find(|(o, _)| *o == *d.new_target)
        .map(|(o, _)| o.clone());
    let to_missing = to.is_none();
    let on_add = {
        let (from, kind, dispatch) = (p.node.id.clone(), *d.new_kind, dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(to) = to.clone() {
                dispatch.send(Action::AddEdge {
                    from: from.clone(),
                    to,
                    kind,
                });
            }
        })
    };
    html! {
        <div class="add-relation">
            <select name="new-edge-kind" aria-label={common::kind(lang)} onchange={on_kind}>
                { for EdgeKind::ALL.iter().map(|k| html! {
                    <option key={k.as_str()} value={k.as_str()} selected={*k == *d.new_kind}>
                        { edge_kind_name(*k, lang) }
                    </option>
                }) }
            </select>
            <span>{ common::to(lang) }</span>
            <TargetPicker others={p.others.clone()} value={(*d.new_target).clone()} on_change={on_target}
                name="new-edge-target" label={common::to(lang)} />
            <button type="button" disabled={to_missing} onclick={on_add}>{ panels::add(lang) }</button>
        </div>
    }
}
