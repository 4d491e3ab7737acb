//! The popup that asks what kind a drawn connection is, opened where it was dropped.

use crate::model::{Action, Dispatch, PendingEdge};
use crate::text::num::fixed;
use crate::text::{canvas, common};
use csp_rules::{edge_kind_name, EdgeKind, Lang, Scenario};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Places the popup where the connection was dropped, kept inside the canvas (through the
/// CSSOM, which the page's Content-Security-Policy allows, unlike style attributes), and
/// focuses its first choice.
pub fn place(el: &HtmlElement, at: (f64, f64)) {
    let (w, h) = el
        .parent_element()
        .map(|p| (f64::from(p.client_width()), f64::from(p.client_height())))
        .unwrap_or((f64::INFINITY, f64::INFINITY));
    let x = at.0.min(w - f64::from(el.offset_width()) - 16.0).max(0.0);
    let y = at.1.min(h - f64::from(el.offset_height()) - 16.0).max(0.0);
    let style = el.style();
    let _ = style.set_property("left", &format!("{}px", fixed(x, 0)));
    let _ = style.set_property("top", &format!("{}px", fixed(y, 0)));
    if let Some(first) = el
        .query_selector("button")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
    {
        let _ = first.focus();
    }
}

/// A finger lifted on a choice answers it at once. For a moment after a long press (what
/// opened the popup) Chromium turns no touch into a click, though it still sends the pointer
/// events: the tap would be lost. A touch is captured by what it went down on, so it counts
/// only if lifted inside it; the click that may follow finds nothing left to answer.
fn on_finger_up(dispatch: &Dispatch, action: Action) -> Callback<PointerEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: PointerEvent| {
        if e.pointer_type() != "touch" {
            return;
        }
        let Some(el) = e
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let r = el.get_bounding_client_rect();
        let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
        if (r.left()..=r.right()).contains(&x) && (r.top()..=r.bottom()).contains(&y) {
            dispatch.send(action.clone());
        }
    })
}

/// The popup for `pending` on the diagram `s`; `popup` is where it is placed from.
pub fn connect_popup(
    pending: &PendingEdge,
    s: &Scenario,
    popup: &NodeRef,
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                dispatch.send(Action::CancelEdge);
            }
        })
    };
    let quoted = |id: &str| lang.quote(s.label_of_in(id, lang));
    let choice = |kind: EdgeKind| {
        html! {
            <button type="button" class="primary" data-edge-kind={kind.as_str()}
                onclick={dispatch.on(Action::ConfirmEdge(kind))}
                onpointerup={on_finger_up(dispatch, Action::ConfirmEdge(kind))}>
                { edge_kind_name(kind, lang) }
            </button>
        }
    };
    html! {
        <div class="connect-popup" ref={popup.clone()} role="dialog"
             aria-label={canvas::connect_as(lang)} {onkeydown}>
            <p>{ canvas::connect_question(lang, &quoted(&pending.from), &quoted(&pending.to)) }</p>
            <div class="row">
                { choice(EdgeKind::SellsTo) }
                { choice(EdgeKind::Manages) }
                <button type="button" onclick={dispatch.on(Action::CancelEdge)}
                    onpointerup={on_finger_up(dispatch, Action::CancelEdge)}>{ common::cancel(lang) }</button>
            </div>
        </div>
    }
}
