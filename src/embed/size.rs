//! The embed's natural height, for `resize` (interfaces.md §6.3): what the frame would need to
//! show its content without scrolling or shrinking the diagram below its own size. It depends
//! on the frame's width, never on its height: a host that sizes the frame to it gets the same
//! height back, instead of a loop with the loader.

use crate::model::layout::{self, Rect};
use crate::model::{Action, Dispatch};
use csp_rules::Scenario;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// A fitted diagram is not shrunk below this zoom to fit the frame's width (a wider network
/// is panned instead), nor magnified above 1.
const MIN_ZOOM: f64 = 0.2;
/// The canvas of an empty diagram, or one of a single row of nodes, is no shorter.
const MIN_CANVAS: f64 = 160.0;
const MAX_CANVAS: f64 = 4000.0;

/// The canvas height that shows `bounds` whole at the canvas's `width`, at its own size or
/// smaller.
pub fn canvas_height(bounds: Option<Rect>, width: f64) -> f64 {
    let Some(b) = bounds else {
        return MIN_CANVAS;
    };
    let (bw, bh) = ((b.x1 - b.x0).max(1.0), (b.y1 - b.y0).max(1.0));
    let k = (width.max(1.0) / bw).clamp(MIN_ZOOM, 1.0);
    (bh * k).clamp(MIN_CANVAS, MAX_CANVAS)
}

fn find_element(selector: &str) -> Option<Element> {
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()
        .flatten()
}

fn find(selector: &str) -> Option<HtmlElement> {
    find_element(selector)?.dyn_into().ok()
}

/// What a block's content needs, whatever height its box was given.
fn content_height(el: &Element) -> f64 {
    f64::from(el.scroll_height())
}

/// The page's natural height in CSS pixels: everything but the canvas at the height it has,
/// the canvas at the height the diagram needs at its width, and a panel beside the canvas at
/// the height its content needs.
pub fn natural_height_of(scenario: &Scenario) -> Option<u32> {
    let app = find(".app")?;
    let wrap = find(".canvas-wrap")?;
    let canvas = canvas_height(
        layout::bounds(scenario, None),
        f64::from(wrap.client_width()),
    );
    let stage = content_height(&app) - f64::from(wrap.offset_height()) + canvas;
    let panel = find(".embed-panel > *").map_or(0.0, |p| content_height(&p) + 2.0);
    Some(stage.max(panel).ceil().clamp(1.0, f64::from(u32::MAX)) as u32)
}

/// Measures the canvas whenever its box changes size while `observed` (otherwise the app
/// measures it when the window does), so a fitted diagram is fitted again.
#[hook]
pub fn use_canvas_size(observed: bool, dispatch: Dispatch) {
    use_effect_with(observed, move |&on| {
        let observed = on.then(|| observe(dispatch)).flatten();
        move || {
            if let Some((observer, _callback)) = observed {
                observer.disconnect();
            }
        }
    });
}

/// A `ResizeObserver` on the canvas, with the callback it holds (kept alive as long as it).
fn observe(dispatch: Dispatch) -> Option<(web_sys::ResizeObserver, Closure<dyn Fn()>)> {
    let svg = find_element("svg.canvas")?;
    let callback = {
        let svg = svg.clone();
        Closure::<dyn Fn()>::new(move || {
            let r = svg.get_bounding_client_rect();
            dispatch.send(Action::CanvasResized {
                width: r.width(),
                height: r.height(),
            });
        })
    };
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&svg);
    Some((observer, callback))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagram_needs_its_height_at_the_width_it_is_given() {
        let r = Rect::from_corners((0.0, 0.0), (800.0, 400.0));
        assert_eq!(canvas_height(Some(r), 800.0), 400.0);
        // Never magnified to fill a wide frame, shrunk to fit a narrow one.
        assert_eq!(canvas_height(Some(r), 1600.0), 400.0);
        assert_eq!(canvas_height(Some(r), 400.0), 200.0);
        // Not below the smallest zoom (it is panned instead), nor below a usable canvas.
        assert_eq!(canvas_height(Some(r), 10.0), MIN_CANVAS);
        let tall = Rect::from_corners((0.0, 0.0), (100.0, 3000.0));
        assert_eq!(canvas_height(Some(tall), 10.0), 600.0);
        assert_eq!(canvas_height(None, 800.0), MIN_CANVAS);
        let huge = Rect::from_corners((0.0, 0.0), (10.0, 1e9));
        assert_eq!(canvas_height(Some(huge), 800.0), MAX_CANVAS);
    }
}
