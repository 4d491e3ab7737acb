//! The shape and icon of each node kind, drawn around (0, 0). Used by the canvas and the
//! palette, so a kind looks the same in both.

use csp_rules::NodeKind;
use yew::prelude::*;

/// Shapes are drawn at this scale on the canvas (the palette shows them full size).
pub const SCALE: f64 = 0.8;

/// The box a node takes on the canvas around its centre, labels included: edges start and
/// end on it, so lines never run through a name.
pub const BOX_HALF_WIDTH: f64 = 32.0;
pub const BOX_TOP: f64 = 30.0;
pub const BOX_BOTTOM: f64 = 58.0;

/// Half the width given to a node's name and kind under its shape.
pub const LABEL_HALF_WIDTH: f64 = 72.0;

/// How far from the centre a ray in direction (ux, uy) leaves a node's box: the shape's box,
/// then, for rays going down through it, the label's.
pub fn box_exit(ux: f64, uy: f64) -> f64 {
    let shape = shape_exit(ux, uy);
    if uy > 1e-9 && BOX_TOP * ux.abs() / uy <= LABEL_HALF_WIDTH {
        let label = (BOX_BOTTOM / uy).min(if ux.abs() > 1e-9 {
            LABEL_HALF_WIDTH / ux.abs()
        } else {
            f64::INFINITY
        });
        shape.max(label)
    } else {
        shape
    }
}

fn shape_exit(ux: f64, uy: f64) -> f64 {
    let tx = if ux.abs() > 1e-9 {
        BOX_HALF_WIDTH / ux.abs()
    } else {
        f64::INFINITY
    };
    let ty = if uy.abs() > 1e-9 {
        BOX_TOP / uy.abs()
    } else {
        f64::INFINITY
    };
    tx.min(ty)
}

/// The CSS class of a kind (colours live in app.css).
pub fn kind_class(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Microsoft => "k-microsoft",
        NodeKind::IndirectProvider => "k-provider",
        NodeKind::IndirectReseller => "k-reseller",
        NodeKind::DirectBillPartner => "k-direct",
        NodeKind::Customer => "k-customer",
    }
}

/// Outline: square (Microsoft), hexagon (provider), diamond (reseller), wide rounded
/// rectangle (direct bill partner), circle (customer).
pub fn shape(kind: NodeKind) -> Html {
    match kind {
        NodeKind::Microsoft => {
            html! { <rect class="shape" x="-28" y="-28" width="56" height="56" rx="6" /> }
        }
        NodeKind::IndirectProvider => html! {
            <polygon class="shape" points="30,0 15,26 -15,26 -30,0 -15,-26 15,-26" />
        },
        NodeKind::IndirectReseller => {
            html! { <polygon class="shape" points="0,-32 32,0 0,32 -32,0" /> }
        }
        NodeKind::DirectBillPartner => {
            html! { <rect class="shape" x="-34" y="-24" width="68" height="48" rx="12" /> }
        }
        NodeKind::Customer => html! { <circle class="shape" r="27" /> },
    }
}

/// A glyph inside the shape: four panes, stacked boxes, a shop, a bill, a person.
pub fn icon(kind: NodeKind) -> Html {
    match kind {
        NodeKind::Microsoft => html! {
            <g class="ms-logo">
                <rect class="q1" x="-12" y="-12" width="11" height="11" />
                <rect class="q2" x="1" y="-12" width="11" height="11" />
                <rect class="q3" x="-12" y="1" width="11" height="11" />
                <rect class="q4" x="1" y="1" width="11" height="11" />
            </g>
        },
        NodeKind::IndirectProvider => html! {
            <path class="icon" d="M-13 2h12v11h-12z M1 2h12v11h-12z M-6 -10h12v11h-12z" />
        },
        NodeKind::IndirectReseller => html! {
            <path class="icon" d="M-11 -2h22v13h-22z M-13 -2l3 -8h20l3 8 M-3 11v-7h6v7" />
        },
        NodeKind::DirectBillPartner => html! {
            <path class="icon" d="M-8 -14h16v28l-4 -3l-4 3l-4 -3l-4 3z M-4 -8h8 M-4 -3h8 M-4 2h5" />
        },
        NodeKind::Customer => html! {
            <path class="icon" d="M0 -13a6 6 0 1 0 0.01 0z M-11 13a11 10 0 0 1 22 0" />
        },
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct KindIconProps {
    pub kind: NodeKind,
}

/// A kind's look as a small standalone picture (palette buttons, legend).
#[function_component(KindIcon)]
pub fn kind_icon(props: &KindIconProps) -> Html {
    html! {
        <svg class={classes!("kind-icon", kind_class(props.kind))} viewBox="-36 -36 72 72"
             width="28" height="28" aria-hidden="true" focusable="false">
            { shape(props.kind) }
            { icon(props.kind) }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_leave_below_the_labels_and_beside_the_shape() {
        assert_eq!(box_exit(0.0, 1.0), BOX_BOTTOM);
        assert_eq!(box_exit(0.0, -1.0), BOX_TOP);
        assert_eq!(box_exit(1.0, 0.0), BOX_HALF_WIDTH);
        // Steeply down: out through the label's bottom, not its side.
        let (ux, uy) = (0.6_f64, 0.8_f64);
        assert!((box_exit(ux, uy) - BOX_BOTTOM / uy).abs() < 1e-9);
    }
}
