//! The shape and icon of each node kind, drawn around (0, 0) at the size the canvas shows
//! them. Used by the canvas and the palette, so a kind looks the same in both. No transform:
//! in Chromium every transformed SVG element is a paint chunk of its own, and thousands of
//! them made each frame of a drag repaint and re-layerize the whole diagram.

use csp_rules::NodeKind;
use yew::prelude::*;

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

/// One SVG element of a kind's look: its tag, class and geometry. The canvas colours it from
/// the stylesheet by its class; an exported picture colours it itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prim {
    pub tag: &'static str,
    pub class: &'static str,
    pub attrs: &'static [(&'static str, &'static str)],
}

/// Outline: square (Microsoft), hexagon (provider), diamond (reseller), wide rounded
/// rectangle (direct bill partner), circle (customer).
pub fn shape_prim(kind: NodeKind) -> Prim {
    let (tag, attrs): (_, &'static [(&'static str, &'static str)]) = match kind {
        NodeKind::Microsoft => (
            "rect",
            &[
                ("x", "-22.4"),
                ("y", "-22.4"),
                ("width", "44.8"),
                ("height", "44.8"),
                ("rx", "4.8"),
            ],
        ),
        NodeKind::IndirectProvider => (
            "polygon",
            &[("points", "24,0 12,20.8 -12,20.8 -24,0 -12,-20.8 12,-20.8")],
        ),
        NodeKind::IndirectReseller => ("polygon", &[("points", "0,-25.6 25.6,0 0,25.6 -25.6,0")]),
        NodeKind::DirectBillPartner => (
            "rect",
            &[
                ("x", "-27.2"),
                ("y", "-19.2"),
                ("width", "54.4"),
                ("height", "38.4"),
                ("rx", "9.6"),
            ],
        ),
        NodeKind::Customer => ("circle", &[("r", "21.6")]),
    };
    Prim {
        tag,
        class: "shape",
        attrs,
    }
}

/// A line-drawn glyph, stroked in the kind's colour.
const fn glyph(d: &'static [(&'static str, &'static str)]) -> [Prim; 1] {
    [Prim {
        tag: "path",
        class: "icon",
        attrs: d,
    }]
}

const PROVIDER: [Prim; 1] = glyph(&[(
    "d",
    "M-10.4 1.6h9.6v8.8h-9.6z M0.8 1.6h9.6v8.8h-9.6z M-4.8 -8h9.6v8.8h-9.6z",
)]);
const RESELLER: [Prim; 1] = glyph(&[(
    "d",
    "M-8.8 -1.6h17.6v10.4h-17.6z M-10.4 -1.6l2.4 -6.4h16l2.4 6.4 M-2.4 8.8v-5.6h4.8v5.6",
)]);
const DIRECT: [Prim; 1] = glyph(&[(
    "d",
    "M-6.4 -11.2h12.8v22.4l-3.2 -2.4l-3.2 2.4l-3.2 -2.4l-3.2 2.4z M-3.2 -6.4h6.4 M-3.2 -2.4h6.4 M-3.2 1.6h4",
)]);
const CUSTOMER: [Prim; 1] = glyph(&[(
    "d",
    "M0 -10.4a4.8 4.8 0 1 0 0.008 0z M-8.8 10.4a8.8 8 0 0 1 17.6 0",
)]);

/// The four panes of Microsoft's logo, by class (`q1` … `q4`).
const PANES: [Prim; 4] = [
    Prim {
        tag: "rect",
        class: "q1",
        attrs: &[
            ("x", "-9.6"),
            ("y", "-9.6"),
            ("width", "8.8"),
            ("height", "8.8"),
        ],
    },
    Prim {
        tag: "rect",
        class: "q2",
        attrs: &[
            ("x", "0.8"),
            ("y", "-9.6"),
            ("width", "8.8"),
            ("height", "8.8"),
        ],
    },
    Prim {
        tag: "rect",
        class: "q3",
        attrs: &[
            ("x", "-9.6"),
            ("y", "0.8"),
            ("width", "8.8"),
            ("height", "8.8"),
        ],
    },
    Prim {
        tag: "rect",
        class: "q4",
        attrs: &[
            ("x", "0.8"),
            ("y", "0.8"),
            ("width", "8.8"),
            ("height", "8.8"),
        ],
    },
];

/// A glyph inside the shape: four panes, stacked boxes, a shop, a bill, a person.
pub fn icon_prims(kind: NodeKind) -> &'static [Prim] {
    match kind {
        NodeKind::Microsoft => &PANES,
        NodeKind::IndirectProvider => &PROVIDER,
        NodeKind::IndirectReseller => &RESELLER,
        NodeKind::DirectBillPartner => &DIRECT,
        NodeKind::Customer => &CUSTOMER,
    }
}

fn prim_html(p: &Prim) -> Html {
    let mut tag = yew::virtual_dom::VTag::new(p.tag);
    tag.add_attribute("class", p.class);
    for (k, v) in p.attrs {
        tag.add_attribute(k, *v);
    }
    tag.into()
}

pub fn shape(kind: NodeKind) -> Html {
    prim_html(&shape_prim(kind))
}

pub fn icon(kind: NodeKind) -> Html {
    let prims = icon_prims(kind).iter().map(prim_html);
    match kind {
        NodeKind::Microsoft => html! { <g class="ms-logo">{ for prims }</g> },
        _ => html! { <>{ for prims }</> },
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
