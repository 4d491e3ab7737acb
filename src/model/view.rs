//! The viewport and what is drawn over the diagram while the user connects two nodes.

use super::layout::Rect;
use crate::text::num::fixed;

const MIN_ZOOM: f64 = View::MIN_ZOOM;
const MAX_ZOOM: f64 = 3.0;
const MAX_FIT_ZOOM: f64 = View::MAX_FIT_ZOOM;

/// The viewport: a screen point is `world * k + (x, y)`, one `<g transform>` on the canvas.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub x: f64,
    pub y: f64,
    pub k: f64,
}

impl Default for View {
    fn default() -> Self {
        View {
            x: 0.0,
            y: 0.0,
            k: 1.0,
        }
    }
}

impl View {
    pub const MIN_ZOOM: f64 = 0.2;
    /// A fitted view never magnifies past this: a two-node diagram should not fill the screen.
    pub const MAX_FIT_ZOOM: f64 = 1.25;

    pub fn to_world(&self, (sx, sy): (f64, f64)) -> (f64, f64) {
        ((sx - self.x) / self.k, (sy - self.y) / self.k)
    }

    pub fn transform(&self) -> String {
        format!(
            "translate({} {}) scale({})",
            fixed(self.x, 2),
            fixed(self.y, 2),
            fixed(self.k, 4)
        )
    }

    /// Zooms by `factor`, keeping the screen point `at` where it is.
    pub fn zoomed(&self, factor: f64, at: (f64, f64)) -> View {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let k = (self.k * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let (wx, wy) = self.to_world(at);
        View {
            x: at.0 - wx * k,
            y: at.1 - wy * k,
            k,
        }
    }

    /// The view that shows `r` whole, centred, in a canvas of `size`.
    pub fn fit(r: Rect, size: (f64, f64)) -> View {
        let (w, h) = (size.0.max(1.0), size.1.max(1.0));
        let (bw, bh) = ((r.x1 - r.x0).max(1.0), (r.y1 - r.y0).max(1.0));
        let k = (w / bw).min(h / bh).clamp(MIN_ZOOM, MAX_FIT_ZOOM);
        View {
            x: w / 2.0 - (r.x0 + r.x1) / 2.0 * k,
            y: h / 2.0 - (r.y0 + r.y1) / 2.0 * k,
            k,
        }
    }

    /// The same zoom, moved so the centre of `r` is in the middle of the canvas.
    pub fn centred_on(&self, r: Rect, size: (f64, f64)) -> View {
        View {
            x: size.0 / 2.0 - (r.x0 + r.x1) / 2.0 * self.k,
            y: size.1 / 2.0 - (r.y0 + r.y1) / 2.0 * self.k,
            k: self.k,
        }
    }

    /// The diagram area the canvas shows.
    pub fn visible(&self, size: (f64, f64)) -> Rect {
        Rect::from_corners(self.to_world((0.0, 0.0)), self.to_world(size))
    }
}

/// A connection drawn on the canvas, waiting for the user to choose its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingEdge {
    pub from: String,
    pub to: String,
    /// Where it was dropped, in canvas pixels (where the kind popup opens).
    pub at: (f64, f64),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let v = View::default().zoomed(2.0, (100.0, 50.0));
        assert_eq!(v.to_world((100.0, 50.0)), (100.0, 50.0));
        assert_eq!(v.k, 2.0);
        assert_eq!(
            View::default().zoomed(f64::NAN, (0.0, 0.0)),
            View::default()
        );
    }

    #[test]
    fn a_fit_shows_the_box_centred_and_never_magnifies_much() {
        let r = Rect::from_corners((0.0, 0.0), (100.0, 50.0));
        let v = View::fit(r, (800.0, 600.0));
        assert_eq!(v.k, MAX_FIT_ZOOM);
        assert!(v.visible((800.0, 600.0)).contains((50.0, 25.0)));
        assert_eq!(v.transform(), "translate(337.50 268.75) scale(1.2500)");
    }
}
