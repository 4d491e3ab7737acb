//! The inspector for one node: its name, ID, kind, region, organization, tenant and the
//! requirements its kind has (only those: a flag on another kind is an input error), plus
//! its relationships and a keyboard way to add one.

use super::Dispatch;
use crate::model::{Action, NodeEdit, Target};
use crate::text::{self, common, panels};
use csp_rules::{
    edge_kind_name, kind_name, region_name, EdgeKind, Flag, Lang, Node, NodeKind, ScenarioError,
    Verdict, CSP_REGIONS,
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
    pub lang: Lang,
    pub node: Node,
    /// The other nodes, as (id, label), for "add a relationship".
    pub others: Vec<(String, String)>,
    pub relations: Vec<Relation>,
    pub edit_error: Option<ScenarioError>,
    pub dispatch: Dispatch,
}

fn kind_from(value: &str) -> Option<NodeKind> {
    NodeKind::ALL.into_iter().find(|k| k.as_str() == value)
}

fn edge_kind_from(value: &str) -> EdgeKind {
    if value == EdgeKind::Manages.as_str() {
        EdgeKind::Manages
    } else {
        EdgeKind::SellsTo
    }
}

#[function_component(Inspector)]
pub fn inspector(p: &InspectorProps) -> Html {
    let lang = p.lang;
    let node = &p.node;
    let id = node.id.clone();
    let id_draft = use_state(|| node.id.clone());
    let region = node.region.clone().unwrap_or_default();
    let custom_region = use_state(|| !CSP_REGIONS.contains(&region.as_str()));
    let new_kind = use_state(|| EdgeKind::SellsTo);
    let new_target = use_state(|| {
        p.others
            .first()
            .map(|(id, _)| id.clone())
            .unwrap_or_default()
    });

    let edit = |make: fn(String) -> NodeEdit| {
        let dispatch = p.dispatch.clone();
        let id = id.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            dispatch.dispatch(Action::EditNode {
                id: id.clone(),
                edit: make(value),
            });
        })
    };
    let on_id_input = {
        let id_draft = id_draft.clone();
        Callback::from(move |e: InputEvent| {
            id_draft.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_id_change = {
        let dispatch = p.dispatch.clone();
        let id = id.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            dispatch.dispatch(Action::EditNode {
                id: id.clone(),
                edit: NodeEdit::Id(value.trim().to_string()),
            });
        })
    };
    let on_kind = {
        let dispatch = p.dispatch.clone();
        let id = id.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(kind) = kind_from(&value) {
                dispatch.dispatch(Action::EditNode {
                    id: id.clone(),
                    edit: NodeEdit::Kind(kind),
                });
            }
        })
    };
    let on_region_select = {
        let dispatch = p.dispatch.clone();
        let id = id.clone();
        let custom_region = custom_region.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if value == OTHER {
                custom_region.set(true);
            } else {
                custom_region.set(false);
                dispatch.dispatch(Action::EditNode {
                    id: id.clone(),
                    edit: NodeEdit::Region(value),
                });
            }
        })
    };
    let flag_box = |flag: Flag| {
        let dispatch = p.dispatch.clone();
        let id = id.clone();
        let onchange = Callback::from(move |e: Event| {
            let met = e.target_unchecked_into::<HtmlInputElement>().checked();
            dispatch.dispatch(Action::EditNode {
                id: id.clone(),
                edit: NodeEdit::Flag(flag, met),
            });
        });
        let input_id = format!("flag-{}", flag.as_str());
        html! {
            <li key={flag.as_str()}>
                <input type="checkbox" id={input_id.clone()} name={flag.as_str()}
                    checked={node.flag(flag)} {onchange} />
                <label for={input_id}>{ text::cap(csp_rules::flag_name(flag, lang)) }</label>
            </li>
        }
    };
    let flags: Vec<Flag> = Flag::ALL
        .into_iter()
        .filter(|&f| node.kind.has_flag(f))
        .collect();

    let on_new_kind = {
        let new_kind = new_kind.clone();
        Callback::from(move |e: Event| {
            new_kind.set(edge_kind_from(
                &e.target_unchecked_into::<HtmlSelectElement>().value(),
            ))
        })
    };
    let on_new_target = {
        let new_target = new_target.clone();
        Callback::from(move |e: Event| {
            new_target.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_add = {
        let dispatch = p.dispatch.clone();
        let id = id.clone();
        let kind = *new_kind;
        // The chosen target, or the first other node when the chosen one is gone.
        let target = p
            .others
            .iter()
            .find(|(o, _)| *o == *new_target)
            .or(p.others.first())
            .map(|(o, _)| o.clone());
        Callback::from(move |_| {
            if let Some(to) = target.clone() {
                dispatch.dispatch(Action::AddEdge {
                    from: id.clone(),
                    to,
                    kind,
                });
            }
        })
    };
    let on_delete = {
        let dispatch = p.dispatch.clone();
        let id = id.clone();
        Callback::from(move |_| dispatch.dispatch(Action::DeleteNode(id.clone())))
    };

    let region_field = if node.kind == NodeKind::Microsoft {
        html! { <p class="hint">{ panels::microsoft_global(lang) }</p> }
    } else {
        let selected = if *custom_region || !CSP_REGIONS.contains(&region.as_str()) {
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
                    <select name="region" onchange={on_region_select}>
                        { for options }
                        <option value={OTHER} selected={selected == OTHER}>{ panels::other_region(lang) }</option>
                    </select>
                </label>
                if selected == OTHER {
                    <label class="field">
                        <span>{ panels::region_id(lang) }</span>
                        <input type="text" name="region-id" value={region.clone()}
                            oninput={edit(NodeEdit::Region)} />
                    </label>
                }
            </>
        }
    };

    let relations = p.relations.iter().map(|r| {
        let dispatch = p.dispatch.clone();
        let edge = r.edge.clone();
        let onclick = Callback::from(move |_| {
            dispatch.dispatch(Action::Select {
                target: Target::Edge(edge.clone()),
                additive: false,
            })
        });
        let verdict = r.verdict.map(Verdict::as_str).unwrap_or("unjudged");
        html! {
            <li key={r.edge.clone()}>
                <button type="button" class={classes!("link", verdict)} {onclick}>
                    <span class="verdict-dot" aria-hidden="true"></span>
                    { r.text.clone() }
                </button>
            </li>
        }
    });

    html! {
        <section class="panel inspector" aria-labelledby="inspector-heading" data-inspector={node.id.clone()}>
            <h2 id="inspector-heading">{ text::cap(kind_name(node.kind, lang)) }</h2>
            <div class="fields">
                <label class="field">
                    <span>{ panels::name(lang) }</span>
                    <input type="text" name="name" maxlength="200"
                        value={node.name.clone().unwrap_or_default()} oninput={edit(NodeEdit::Name)} />
                </label>
                <label class="field">
                    <span>{ common::id(lang) }</span>
                    <input type="text" name="id" value={(*id_draft).clone()} spellcheck="false"
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
                { region_field }
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
            if !flags.is_empty() {
                <fieldset class="flags">
                    <legend>{ panels::requirements(lang) }</legend>
                    <ul>{ for flags.into_iter().map(flag_box) }</ul>
                </fieldset>
            }
            if !p.relations.is_empty() {
                <h3>{ panels::relationships(lang) }</h3>
                <ul class="relations">{ for relations }</ul>
            }
            <h3>{ panels::add_relationship(lang) }</h3>
            if p.others.is_empty() {
                <p class="hint">{ common::no_other_node(lang) }</p>
            } else {
                <div class="add-relation">
                    <select name="new-edge-kind" aria-label={common::kind(lang)} onchange={on_new_kind}>
                        { for EdgeKind::ALL.iter().map(|k| html! {
                            <option key={k.as_str()} value={k.as_str()} selected={*k == *new_kind}>
                                { edge_kind_name(*k, lang) }
                            </option>
                        }) }
                    </select>
                    <span>{ common::to(lang) }</span>
                    <select name="new-edge-target" aria-label={common::to(lang)} onchange={on_new_target}>
                        { for p.others.iter().map(|(o, label)| html! {
                            <option key={o.clone()} value={o.clone()} selected={*o == *new_target}>
                                { label.clone() }
                            </option>
                        }) }
                    </select>
                    <button type="button" onclick={on_add}>{ panels::add(lang) }</button>
                </div>
            }
            <button type="button" class="danger" onclick={on_delete}>{ panels::delete_node(lang) }</button>
        </section>
    }
}
