//! The diagram as a standalone SVG file: the canvas's own drawing (serialized by the browser),
//! the page's stylesheet, and a verdict legend below it. Pure string building; the browser
//! part (serializing the canvas, rasterizing to PNG, downloading) is in `files`.

use crate::text::num::fixed;
use crate::text::{canvas, common};
use csp_rules::{edge_kind_name, EdgeKind, Lang};

/// The part of the diagram a file shows, in diagram coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

/// Height of the legend strip under the diagram.
const LEGEND_H: f64 = 64.0;
const PAD: f64 = 20.0;

/// Text as XML character data or attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped rather than making the file unreadable.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn sample(x: f64, y: f64, verdict: &str, kind: EdgeKind, mark: &str, text: &str) -> String {
    let (kind_class, head) = match kind {
        EdgeKind::SellsTo => ("sells", "M46 8L36 3L36 13Z"),
        EdgeKind::Manages => ("manages", "M36 3L46 8L36 13"),
    };
    let badge = if mark.is_empty() {
        String::new()
    } else {
        format!(
            r#"<g class="verdict-badge" transform="translate(18 8)"><circle r="7"/><path d="{mark}" transform="scale(0.8)"/></g>"#
        )
    };
    let (x, y) = (fixed(x, 0), fixed(y, 0));
    format!(
        r#"<g transform="translate({x} {y})"><g class="edge {verdict} {kind_class}"><line class="line" x1="2" y1="8" x2="38" y2="8"/><path class="head" d="{head}"/>{badge}</g><text class="legend-text" x="56" y="12">{}</text></g>"#,
        escape(text)
    )
}

/// A whole SVG file: `drawing` (the canvas's `<g>` content, as XML) framed to `bounds`, with
/// the title (if any) and the legend with the counts of allowed and blocked relationships.
/// `css` is the page's stylesheet, so exported shapes look as they do on screen.
pub fn svg_file(
    drawing: &str,
    css: &str,
    bounds: Frame,
    title: Option<&str>,
    counts: Option<(usize, usize)>,
    lang: Lang,
) -> (String, f64, f64) {
    let w = (bounds.x1 - bounds.x0).max(520.0);
    let h = (bounds.y1 - bounds.y0).max(120.0);
    let (total_w, total_h) = (w, h + LEGEND_H);
    let ly = h + PAD / 2.0;
    let allowed = match counts {
        Some((a, _)) => common::aside(lang, common::allowed(lang), &a.to_string()),
        None => common::allowed(lang).to_string(),
    };
    let blocked = match counts {
        Some((_, b)) => common::aside(lang, common::blocked(lang), &b.to_string()),
        None => common::blocked(lang).to_string(),
    };
    let legend = [
        sample(
            PAD,
            ly,
            "allowed",
            EdgeKind::SellsTo,
            "M-4.5 0.5L-1.5 3.5L4.5 -3.5",
            &allowed,
        ),
        sample(
            PAD + w / 2.0,
            ly,
            "blocked",
            EdgeKind::SellsTo,
            "M-3.5 -3.5L3.5 3.5M3.5 -3.5L-3.5 3.5",
            &blocked,
        ),
        sample(
            PAD,
            ly + 24.0,
            "neutral",
            EdgeKind::SellsTo,
            "",
            &common::aside(
                lang,
                edge_kind_name(EdgeKind::SellsTo, lang),
                canvas::filled_arrow(lang),
            ),
        ),
        sample(
            PAD + w / 2.0,
            ly + 24.0,
            "neutral",
            EdgeKind::Manages,
            "",
            &common::aside(
                lang,
                edge_kind_name(EdgeKind::Manages, lang),
                canvas::open_arrow(lang),
            ),
        ),
    ]
    .concat();
    let title_el = title
        .filter(|t| !t.trim().is_empty())
        .map(|t| {
            format!(
                r#"<title>{0}</title><text class="export-title" x="{1}" y="{2}">{0}</text>"#,
                escape(t),
                fixed(bounds.x0 + PAD, 0),
                fixed(bounds.y0 + PAD, 0)
            )
        })
        .unwrap_or_default();
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="export" width="{tw}" height="{th}" viewBox="0 0 {tw} {th}"><style><![CDATA[{css}
.export-bg {{ fill: var(--canvas); }}
.legend-bg {{ fill: var(--bg); stroke: var(--border); }}
.legend-text, .export-title {{ fill: var(--fg); font: 13px system-ui, sans-serif; }}
.export-title {{ font-weight: 600; }}]]></style><rect class="export-bg" width="{tw}" height="{hh}"/><g transform="translate({tx} {ty})">{title_el}{drawing}</g><rect class="legend-bg" y="{hh}" width="{tw}" height="{lh}"/>{legend}</svg>"#,
        css = css.replace("]]>", "]] >"),
        tw = fixed(total_w, 0),
        th = fixed(total_h, 0),
        hh = fixed(h, 0),
        lh = fixed(LEGEND_H, 0),
        tx = fixed(-bounds.x0, 1),
        ty = fixed(-bounds.y0, 1),
    );
    (svg, total_w, total_h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_and_the_legend_has_the_counts() {
        assert_eq!(
            escape("<b a=\"1\">&'\u{1}"),
            "&lt;b a=&quot;1&quot;&gt;&amp;&apos;"
        );
        let r = Frame {
            x0: -100.0,
            y0: -50.0,
            x1: 700.0,
            y1: 400.0,
        };
        let (svg, w, h) = svg_file("<g/>", ".edge{}]]>", r, Some("<T>"), Some((3, 1)), Lang::En);
        assert_eq!((w, h), (800.0, 450.0 + LEGEND_H));
        assert!(svg.contains("Allowed (3)") && svg.contains("Blocked (1)"));
        assert!(svg.contains("&lt;T&gt;") && !svg.contains("<T>"));
        assert!(svg.contains(r#"translate(100.0 50.0)"#));
        assert!(svg.contains(".edge{}]] >") && svg.matches("]]>").count() == 1);
        let (zh, _, _) = svg_file("", "", r, None, Some((0, 2)), Lang::ZhTw);
        assert!(zh.contains("不允許（2）"));
    }
}
