//! The side panel, which on a phone held upright is a bottom sheet over the canvas: a grip
//! that shows what it holds, tapped or pulled up to half or most of the screen, and down
//! again. Selecting something raises a lowered sheet to half, so the inspector is in sight
//! (not adding a node: the palette stays in reach).
//! On wider screens it is the column beside the diagram and the grip is not shown.

use crate::io::web;
use crate::model::training::Tour;
use crate::model::use_page;
use crate::text::num::fixed;
use crate::text::shell;
use yew::prelude::*;

/// How far the sheet is pulled up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Only the grip shows, under the canvas.
    Low,
    Half,
    High,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Half => "half",
            Level::High => "high",
        }
    }

    /// What a tap on the grip does: up a level, and from the top back down.
    pub fn tapped(self) -> Level {
        match self {
            Level::Low => Level::Half,
            Level::Half => Level::High,
            Level::High => Level::Low,
        }
    }

    /// Where a pull ends: the level nearest to `share`, the part of the workspace's height
    /// the sheet was pulled to (the low sheet is about none of it).
    pub fn nearest(share: f64) -> Level {
        if !share.is_finite() || share < 0.25 {
            Level::Low
        } else if share < 0.7 {
            Level::Half
        } else {
            Level::High
        }
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct SheetProps {
    /// Something is selected: a low sheet rises to show it, unless it was just added (the
    /// palette's new node; the sheet would cover the palette's next one).
    pub selected: bool,
    /// How many nodes the diagram has.
    pub nodes: usize,
    /// The walkthrough's step shown, if any: a low sheet rises at each step, so the step is
    /// read together with the diagram above it.
    #[prop_or_default]
    pub step: Option<Tour>,
    pub children: Html,
}

/// A pull on the grip: which pointer, and where it holds the sheet.
#[derive(Debug, Clone, Copy)]
struct Pull {
    pointer: i32,
    /// How far the pointer is below the sheet's top edge.
    grab: f64,
    moved: bool,
}

/// The sheet's top while pulled, as a share of the workspace's height (from its bottom).
fn pulled_share(sheet: &web_sys::HtmlElement, client_y: f64, grab: f64) -> Option<f64> {
    let space = sheet.parent_element()?.get_bounding_client_rect();
    let height = space.height();
    (height > 0.0).then(|| (space.bottom() - (client_y - grab)) / height)
}

#[function_component(Sheet)]
pub fn sheet(p: &SheetProps) -> Html {
    let lang = use_page().lang;
    // A walkthrough opened from a link starts with its step in sight.
    let level = use_state_eq(|| {
        if p.step.is_some() {
            Level::Half
        } else {
            Level::Low
        }
    });
    let pull = use_mut_ref(|| None::<Pull>);
    let dragging = use_state_eq(|| false);
    let root = use_node_ref();
    let counted = use_mut_ref(|| p.nodes);
    {
        let level = level.clone();
        use_effect_with((p.selected, p.nodes), move |&(selected, nodes)| {
            let added = nodes > std::mem::replace(&mut *counted.borrow_mut(), nodes);
            if selected && !added && *level == Level::Low {
                level.set(Level::Half);
            }
        });
    }
    {
        let level = level.clone();
        use_effect_with(p.step, move |step| {
            if step.is_some() && *level == Level::Low {
                level.set(Level::Half);
            }
        });
    }
    // The click that ends a pull is not also a tap.
    let was_pulled = use_mut_ref(|| false);
    let on_click = {
        let (level, was) = (level.clone(), was_pulled.clone());
        Callback::from(move |_: MouseEvent| {
            if !std::mem::take(&mut *was.borrow_mut()) {
                level.set(level.tapped());
            }
        })
    };
    let on_down = {
        let (pull, root) = (pull.clone(), root.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(el) = root.cast::<web_sys::HtmlElement>() else {
                return;
            };
            let top = el.get_bounding_client_rect().top();
            *pull.borrow_mut() = Some(Pull {
                pointer: e.pointer_id(),
                grab: f64::from(e.client_y()) - top,
                moved: false,
            });
            if let Some(t) = web::event_element(&e) {
                let _ = t.set_pointer_capture(e.pointer_id());
            }
        })
    };
    let on_move = {
        let (pull, root, dragging) = (pull.clone(), root.clone(), dragging.clone());
        Callback::from(move |e: PointerEvent| {
            let mut held = pull.borrow_mut();
            let (Some(pl), Some(el)) = (held.as_mut(), root.cast::<web_sys::HtmlElement>()) else {
                return;
            };
            if pl.pointer != e.pointer_id() {
                return;
            }
            let y = f64::from(e.client_y());
            let top = el.get_bounding_client_rect().top();
            if !pl.moved && (y - top - pl.grab).abs() < 8.0 {
                return;
            }
            pl.moved = true;
            dragging.set(true);
            if let Some(share) = pulled_share(&el, y, pl.grab) {
                let share = share.clamp(0.0, 1.0);
                let _ = el
                    .style()
                    .set_property("--sheet-pulled", &format!("{}%", fixed(share * 100.0, 1)));
            }
        })
    };
    let on_up = {
        let (pull, root, dragging, level) =
            (pull.clone(), root.clone(), dragging.clone(), level.clone());
        let was = was_pulled.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(pl) = pull.borrow_mut().take() else {
                return;
            };
            dragging.set(false);
            let Some(el) = root.cast::<web_sys::HtmlElement>() else {
                return;
            };
            let _ = el.style().remove_property("--sheet-pulled");
            if pl.moved {
                *was.borrow_mut() = true;
                if let Some(share) = pulled_share(&el, f64::from(e.client_y()), pl.grab) {
                    level.set(Level::nearest(share));
                }
            }
        })
    };
    let open = *level != Level::Low;
    html! {
        <aside class={classes!("side", dragging.then_some("pulled"))} ref={root}
            data-sheet={level.as_str()} aria-label={shell::side_label(lang)}>
            <button type="button" class="sheet-grip" aria-expanded={open.to_string()}
                title={shell::sheet_hint(lang)}
                onclick={on_click} onpointerdown={on_down} onpointermove={on_move}
                onpointerup={on_up.clone()} onpointercancel={on_up}>
                <span class="grip-bar" aria-hidden="true"></span>
                <span class="grip-label">{ shell::side_label(lang) }</span>
            </button>
            <div class="side-body">{ p.children.clone() }</div>
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tap_raises_the_sheet_a_level_and_from_the_top_lowers_it() {
        assert_eq!(Level::Low.tapped(), Level::Half);
        assert_eq!(Level::Half.tapped(), Level::High);
        assert_eq!(Level::High.tapped(), Level::Low);
    }

    #[test]
    fn a_pull_ends_at_the_nearest_level() {
        assert_eq!(Level::nearest(0.05), Level::Low);
        assert_eq!(Level::nearest(0.45), Level::Half);
        assert_eq!(Level::nearest(0.9), Level::High);
        assert_eq!(Level::nearest(1.7), Level::High);
        assert_eq!(Level::nearest(-3.0), Level::Low);
        assert_eq!(Level::nearest(f64::NAN), Level::Low);
    }
}
