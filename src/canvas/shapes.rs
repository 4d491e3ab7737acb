//! The shape and icon of each node kind, drawn around (0, 0) at the size the canvas shows
//! them. Used by the canvas and the palette, so a kind looks the same in both. No transform:
//! in Chromium every transformed SVG element is a paint chunk of its own, and thousands of
//! them made each frame of a drag repaint and re-layerize the whole diagram.

use csp_rules::NodeKind;
use yew::prelude::*;

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
        NodeKind::Microsoft => html! {
            <rect class="shape" x="-22.4" y="-22.4" width="44.8" height="44.8" rx="4.8" />
        },
        NodeKind::IndirectProvider => html! {
            <polygon class="shape" points="24,0 12,20.8 -12,20.8 -24,0 -12,-20.8 12,-20.8" />
        },
        NodeKind::IndirectReseller => {
            html! { <polygon class="shape" points="0,-25.6 25.6,0 0,25.6 -25.6,0" /> }
        }
        NodeKind::DirectBillPartner => html! {
            <rect class="shape" x="-27.2" y="-19.2" width="54.4" height="38.4" rx="9.6" />
        },
        NodeKind::Customer => html! { <circle class="shape" r="21.6" /> },
    }
}

/// A glyph inside the shape: four panes, stacked boxes, a shop, a bill, a person.
pub fn icon(kind: NodeKind) -> Html {
    match kind {
        NodeKind::Microsoft => html! {
            <g class="ms-logo">
                <rect class="q1" x="-9.6" y="-9.6" width="8.8" height="8.8" />
                <rect class="q2" x="0.8" y="-9.6" width="8.8" height="8.8" />
                <rect class="q3" x="-9.6" y="0.8" width="8.8" height="8.8" />
                <rect class="q4" x="0.8" y="0.8" width="8.8" height="8.8" />
            </g>
        },
        NodeKind::IndirectProvider => html! {
            <path class="icon" d="M-10.4 1.6h9.6v8.8h-9.6z M0.8 1.6h9.6v8.8h-9.6z M-4.8 -8h9.6v8.8h-9.6z" />
        },
        NodeKind::IndirectReseller => html! {
            <path class="icon" d="M-8.8 -1.6h17.6v10.4h-17.6z M-10.4 -1.6l2.4 -6.4h16l2.4 6.4 M-2.4 8.8v-5.6h4.8v5.6" />
        },
        NodeKind::DirectBillPartner => html! {
            <path class="icon" d="M-6.4 -11.2h12.8v22.4l-3.2 -2.4l-3.2 2.4l-3.2 -2.4l-3.2 2.4z M-3.2 -6.4h6.4 M-3.2 -2.4h6.4 M-3.2 1.6h4" />
        },
        NodeKind::Customer => html! {
            <path class="icon" d="M0 -10.4a4.8 4.8 0 1 0 0.008 0z M-8.8 10.4a8.8 8 0 0 1 17.6 0" />
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
        <svg class={classes!("kind-icon", kind_class(props.kind))} viewBox="-28.8 -28.8 57.6 57.6"
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
