//! The diagram as a picture: what the SVG and PNG exports hold and the handouts print. It is
//! drawn from the model, not copied from the screen, so it has no handles, selection or hover;
//! names are whole (wrapped, never cut); its colours are its own (light, or dark when asked
//! for: never the viewer's system theme), written as attributes, with system fonts, so a slide
//! program or an article shows it as it is, with nothing fetched from anywhere. The geometry
//! is the canvas's (`topology`, `edge`, `shapes`).

use super::edge::{curve_path, mark_path, shape};
use super::shapes::{icon_prims, shape_prim, Prim};
use super::topology::Topology;
use crate::io::export::escape;
use crate::model::evaluation::with_findings;
use crate::model::layout;
use crate::model::route::{Drawn, Router, BOX_HALF_WIDTH, BOX_TOP};
use crate::model::training::Marks;
use crate::text::num::fixed;
use crate::text::{canvas as ct, common};
use csp_rules::{
    edge_kind_name, kind_name, EdgeKind, Flag, Lang, NodeKind, Report, Scenario, Verdict,
};
use std::collections::BTreeMap;
use yew::virtual_dom::VTag;
use yew::{AttrValue, Html};

/// The font stack of the page, written into the picture (no font is embedded or fetched).
pub const FONTS: &str = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK TC', 'Microsoft JhengHei', 'PingFang TC', sans-serif";

/// Light (the default) or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// The colours of a picture: the page's theme (`static/styles/_theme.scss`, which a test
/// holds these to), as values, since a picture may be shown where no stylesheet reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub bg: &'static str,
    pub fg: &'static str,
    pub muted: &'static str,
    pub border: &'static str,
    pub accent: &'static str,
    pub allowed: &'static str,
    pub blocked: &'static str,
    pub canvas: &'static str,
    /// (stroke, fill) of Microsoft, providers, resellers, direct bill partners, customers.
    pub kinds: [(&'static str, &'static str); 5],
}

pub const LIGHT: Palette = Palette {
    bg: "#ffffff",
    fg: "#1f2328",
    muted: "#57606a",
    border: "#d0d7de",
    accent: "#0858c4",
    allowed: "#1a7f37",
    blocked: "#c21d2c",
    canvas: "#fbfcfd",
    kinds: [
        ("#5e5e5e", "#f3f3f3"),
        ("#1d4ed8", "#dbeafe"),
        ("#6d28d9", "#ede9fe"),
        ("#a34b06", "#fef3c7"),
        ("#0f766e", "#ccfbf1"),
    ],
};

pub const DARK: Palette = Palette {
    bg: "#0d1117",
    fg: "#e6edf3",
    muted: "#9da7b3",
    border: "#3d444d",
    accent: "#58a6ff",
    allowed: "#3fb950",
    blocked: "#ff7b72",
    canvas: "#0f141a",
    kinds: [
        ("#c9d1d9", "#21262d"),
        ("#79b8ff", "#0c2d6b"),
        ("#c4b5fd", "#2e1065"),
        ("#f0b35a", "#3b2505"),
        ("#5eead4", "#073b36"),
    ],
};

/// Microsoft's logo keeps its own four colours in both themes.
const PANES: [&str; 4] = ["#f25022", "#7fba00", "#00a4ef", "#ffb900"];

impl Theme {
    pub fn palette(self) -> &'static Palette {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// What a picture holds besides the diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub theme: Theme,
    /// The legend under the diagram.
    pub legend: bool,
    /// Every finding, as a caption under it.
    pub caption: bool,
    /// The scenario's title above it.
    pub title: bool,
    /// The scenario file inside it, so that Import opens it again.
    pub scenario: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            theme: Theme::Light,
            legend: true,
            caption: false,
            title: true,
            scenario: true,
        }
    }
}

/// A diagram to draw and how.
#[derive(Debug, Clone, Copy)]
pub struct Picture<'a> {
    pub scenario: &'a Scenario,
    /// The engine's verdicts and findings; `None` draws every edge unjudged.
    pub report: Option<&'a Report>,
    pub lang: Lang,
    pub options: Options,
    /// A worksheet: verdicts hidden, each edge its question number.
    pub numbers: Option<&'a BTreeMap<String, usize>>,
    /// A walkthrough step's highlight.
    pub marks: Option<&'a Marks>,
}

/// An SVG element: its tag, attributes and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct El {
    tag: &'static str,
    attrs: Vec<(&'static str, AttrValue)>,
    kids: Vec<Kid>,
}

#[derive(Debug, Clone, PartialEq)]
enum Kid {
    El(El),
    Text(String),
    /// Markup written by the engine (the scenario's `<metadata>`), already escaped.
    Markup(String),
}

impl El {
    pub fn new(tag: &'static str) -> El {
        El {
            tag,
            attrs: Vec::new(),
            kids: Vec::new(),
        }
    }

    pub fn a(mut self, key: &'static str, value: impl Into<AttrValue>) -> El {
        self.attrs.push((key, value.into()));
        self
    }

    /// A number attribute, to a tenth.
    fn n(self, key: &'static str, v: f64) -> El {
        self.a(key, fixed(v, 1))
    }

    pub fn kid(mut self, el: El) -> El {
        self.kids.push(Kid::El(el));
        self
    }

    fn kids(mut self, els: impl IntoIterator<Item = El>) -> El {
        self.kids.extend(els.into_iter().map(Kid::El));
        self
    }

    pub fn text(mut self, text: impl Into<String>) -> El {
        self.kids.push(Kid::Text(text.into()));
        self
    }

    /// The element as XML.
    pub fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(self.tag);
        for (k, v) in &self.attrs {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            out.push_str(&escape(v));
            out.push('"');
        }
        if self.kids.is_empty() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        for kid in &self.kids {
            match kid {
                Kid::El(el) => el.write(out),
                Kid::Text(t) => out.push_str(&escape(t)),
                Kid::Markup(m) => out.push_str(m),
            }
        }
        out.push_str("</");
        out.push_str(self.tag);
        out.push('>');
    }

    /// The element as yew's (a handout draws the same picture into the page). The scenario's
    /// markup is left out: the page has no use for it.
    pub fn html(&self) -> Html {
        let mut tag = VTag::new(self.tag);
        for (k, v) in &self.attrs {
            tag.add_attribute(k, v.clone());
        }
        for kid in &self.kids {
            match kid {
                Kid::El(el) => tag.add_child(el.html()),
                Kid::Text(t) => tag.add_child(Html::from(t.clone())),
                Kid::Markup(_) => {}
            }
        }
        tag.into()
    }
}

/// How wide a character sets, in units of about 6.5 px at 13 px: wide (CJK, full-width) 2,
/// else 1.
fn units(c: char) -> usize {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
    if wide {
        2
    } else {
        1
    }
}

/// `text` in lines of at most `max` units, broken between words (and anywhere between wide
/// characters); a word longer than a line is broken where it must be. Nothing is left out.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(4);
    let mut lines: Vec<String> = Vec::new();
    let (mut line, mut width) = (String::new(), 0usize);
    // Words: a run of narrow characters, or one wide character, with the space before it.
    let mut words: Vec<(bool, String)> = Vec::new();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let joins = units(c) == 1
            && !space
            && words
                .last()
                .is_some_and(|(_, w)| w.chars().last().is_some_and(|l| units(l) == 1));
        match words.last_mut() {
            Some((_, w)) if joins => w.push(c),
            _ => words.push((space, c.to_string())),
        }
        space = false;
    }
    for (spaced, word) in words {
        let w: usize = word.chars().map(units).sum();
        let gap = usize::from(spaced && !line.is_empty());
        if width + gap + w > max && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            width = 0;
        } else if gap == 1 {
            line.push(' ');
            width += 1;
        }
        for c in word.chars() {
            if width + units(c) > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                width = 0;
            }
            line.push(c);
            width += units(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn text_width(s: &str, px: f64) -> f64 {
    s.chars().map(units).sum::<usize>() as f64 * px
}

/// A label's lines are this many units wide at most.
const LABEL_UNITS: usize = 20;
const LINE: f64 = 15.0;
const PAD: f64 = 24.0;
const LEGEND_ROW: f64 = 26.0;
const CAPTION_LINE: f64 = 16.0;

fn kind_index(k: NodeKind) -> usize {
    match k {
        NodeKind::Microsoft => 0,
        NodeKind::IndirectProvider => 1,
        NodeKind::IndirectReseller => 2,
        NodeKind::DirectBillPartner => 3,
        NodeKind::Customer => 4,
    }
}

/// A node's look in the palette's colours.
fn prim(p: &Prim, pal: &Palette, kind: NodeKind, lit: bool) -> El {
    let (stroke, fill) = pal.kinds[kind_index(kind)];
    let mut el = El::new(p.tag);
    for (k, v) in p.attrs {
        el = el.a(k, *v);
    }
    match p.class {
        "shape" => el
            .a("fill", fill)
            .a("stroke", stroke)
            .a("stroke-width", if lit { "2.4" } else { "1.6" }),
        "icon" => el
            .a("fill", "none")
            .a("stroke", stroke)
            .a("stroke-width", "1.6")
            .a("stroke-linejoin", "round")
            .a("stroke-linecap", "round"),
        pane => {
            let i = ["q1", "q2", "q3", "q4"]
                .iter()
                .position(|q| *q == pane)
                .unwrap_or(0);
            el.a("fill", PANES[i])
        }
    }
}

/// A text with a halo of the canvas's colour, so it reads over lines.
fn halo_text(
    x: f64,
    y: f64,
    size: &'static str,
    weight: &'static str,
    fill: &str,
    halo: &str,
    text: &str,
) -> El {
    El::new("text")
        .n("x", x)
        .n("y", y)
        .a("font-size", size)
        .a("font-weight", weight)
        .a("fill", fill.to_string())
        .a("stroke", halo.to_string())
        .a("stroke-width", "4")
        .a("stroke-linejoin", "round")
        .a("paint-order", "stroke")
        .a("text-anchor", "middle")
        .text(text)
}

/// Where a node's texts go: its name's lines and, when it is not the kind's name, the kind.
struct Caption {
    label: String,
    lines: Vec<String>,
    kind: Option<&'static str>,
}

impl Caption {
    fn of(n: &csp_rules::Node, lang: Lang) -> Caption {
        let label = n.label_in(lang);
        let kind = kind_name(n.kind, lang);
        Caption {
            label: label.to_string(),
            lines: wrap(label, LABEL_UNITS),
            kind: (label != kind).then_some(kind),
        }
    }

    /// How far below the node's centre and to each side its texts reach.
    fn reach(&self) -> (f64, f64) {
        let below = 40.0
            + LINE * (self.lines.len() as f64 - 1.0)
            + if self.kind.is_some() { 18.0 } else { 6.0 };
        let wide = self
            .lines
            .iter()
            .map(|l| text_width(l, 7.2) / 2.0)
            .chain(self.kind.map(|k| text_width(k, 6.2) / 2.0))
            .fold(BOX_HALF_WIDTH, f64::max);
        (below, wide + 4.0)
    }
}

fn node_el(
    n: &csp_rules::Node,
    c: &Caption,
    pal: &Palette,
    mark: Option<&'static str>,
) -> Option<El> {
    let (x, y) = (n.x?, n.y?);
    let lit = mark == Some("lit");
    let mut g = El::new("g")
        .a(
            "transform",
            format!("translate({} {})", fixed(x, 1), fixed(y, 1)),
        )
        .kid(El::new("title").text(c.label.clone()))
        .kid(prim(&shape_prim(n.kind), pal, n.kind, lit))
        .kids(icon_prims(n.kind).iter().map(|p| prim(p, pal, n.kind, lit)));
    if mark == Some("dim") {
        g = g.a("opacity", "0.3");
    }
    if Flag::ALL.iter().any(|&f| !n.flag(f)) {
        g = g
            .kid(
                El::new("circle")
                    .a("cx", "-22")
                    .a("cy", "-20")
                    .a("r", "8")
                    .a("fill", pal.blocked),
            )
            .kid(
                El::new("path")
                    .a("d", "M-22 -24.5v5 M-22 -17v1.5")
                    .a("stroke", "#ffffff")
                    .a("stroke-width", "2.2")
                    .a("stroke-linecap", "round"),
            );
    }
    for (i, line) in c.lines.iter().enumerate() {
        g = g.kid(halo_text(
            0.0,
            40.0 + LINE * i as f64,
            "13",
            "600",
            pal.fg,
            pal.canvas,
            line,
        ));
    }
    if let Some(kind) = c.kind {
        let y = 40.0 + LINE * (c.lines.len() as f64 - 1.0) + 14.0;
        g = g.kid(halo_text(0.0, y, "11", "400", pal.muted, pal.canvas, kind));
    }
    Some(g)
}

/// How an edge is coloured and dashed for its verdict (none: unjudged, or hidden).
fn edge_style(
    verdict: Option<Verdict>,
    hidden: bool,
    pal: &Palette,
) -> (&'static str, Option<&'static str>) {
    match (verdict, hidden) {
        (_, true) => (pal.muted, None),
        (Some(Verdict::Allowed), _) => (pal.allowed, None),
        (Some(Verdict::Blocked), _) => (pal.blocked, Some("9 6")),
        (None, _) => (pal.muted, Some("2 5")),
    }
}

/// An edge: line, arrowhead and badge (its verdict's mark, or its question number).
fn edge_el(
    drawn: &Drawn,
    kind: EdgeKind,
    verdict: Option<Verdict>,
    number: Option<usize>,
    pal: &Palette,
    title: String,
) -> El {
    let sh = shape(drawn, kind);
    let (color, dash) = edge_style(verdict, number.is_some(), pal);
    let line = match sh.ctrl {
        None => El::new("line")
            .n("x1", sh.start.0)
            .n("y1", sh.start.1)
            .n("x2", sh.end.0)
            .n("y2", sh.end.1),
        Some(c) => El::new("path")
            .a("d", curve_path(sh.start, c, sh.end))
            .a("fill", "none"),
    };
    let mut line = line.a("stroke", color).a("stroke-width", "2.5");
    if let Some(d) = dash {
        line = line.a("stroke-dasharray", d);
    }
    let head = El::new("path")
        .a("d", sh.head)
        .a("stroke", color)
        .a("stroke-linejoin", "round");
    let head = match kind {
        EdgeKind::SellsTo => head.a("fill", color).a("stroke-width", "2"),
        EdgeKind::Manages => head.a("fill", "none").a("stroke-width", "2.5"),
    };
    let circle = El::new("circle")
        .n("cx", sh.mid.0)
        .n("cy", sh.mid.1)
        .a("r", "9")
        .a("fill", pal.bg)
        .a("stroke", color)
        .a("stroke-width", "2");
    let mark = match number {
        Some(n) => El::new("text")
            .n("x", sh.mid.0)
            .n("y", sh.mid.1 + 4.0)
            .a("font-size", "11")
            .a("font-weight", "700")
            .a("fill", pal.fg)
            .a("text-anchor", "middle")
            .text(n.to_string()),
        None => El::new("path")
            .a("d", mark_path(verdict, sh.mid))
            .a("fill", "none")
            .a("stroke", color)
            .a("stroke-width", "2.2")
            .a("stroke-linecap", "round")
            .a("stroke-linejoin", "round"),
    };
    El::new("g")
        .kid(El::new("title").text(title))
        .kid(line)
        .kid(head)
        .kid(circle)
        .kid(mark)
}

/// The picture's frame: the diagram's box, names included.
fn frame(s: &Scenario, captions: &[Caption]) -> layout::Rect {
    let mut r: Option<layout::Rect> = None;
    for (n, c) in s.nodes.iter().zip(captions) {
        let (Some(x), Some(y)) = (n.x, n.y) else {
            continue;
        };
        let (below, wide) = c.reach();
        let b = layout::Rect {
            x0: x - wide,
            y0: y - BOX_TOP - 8.0,
            x1: x + wide,
            y1: y + below,
        };
        r = Some(match r {
            None => b,
            Some(a) => layout::Rect {
                x0: a.x0.min(b.x0),
                y0: a.y0.min(b.y0),
                x1: a.x1.max(b.x1),
                y1: a.y1.max(b.y1),
            },
        });
    }
    r.unwrap_or(layout::Rect {
        x0: 0.0,
        y0: 0.0,
        x1: 400.0,
        y1: 200.0,
    })
}

/// The legend: what the colours (unless the verdicts are hidden) and arrowheads mean.
fn legend(p: &Picture, pal: &Palette, x: f64, y: f64, w: f64) -> (El, f64) {
    let lang = p.lang;
    let sample = |x: f64, y: f64, kind: EdgeKind, verdict: Option<Verdict>, text: String| {
        let (color, dash) = edge_style(verdict, verdict.is_none(), pal);
        let head = match kind {
            EdgeKind::SellsTo => format!(
                "M{} {}L{} {}L{} {}Z",
                fixed(x + 46.0, 1),
                fixed(y, 1),
                fixed(x + 36.0, 1),
                fixed(y - 5.0, 1),
                fixed(x + 36.0, 1),
                fixed(y + 5.0, 1)
            ),
            EdgeKind::Manages => format!(
                "M{} {}L{} {}L{} {}",
                fixed(x + 36.0, 1),
                fixed(y - 5.0, 1),
                fixed(x + 46.0, 1),
                fixed(y, 1),
                fixed(x + 36.0, 1),
                fixed(y + 5.0, 1)
            ),
        };
        let mut line = El::new("line")
            .n("x1", x + 2.0)
            .n("y1", y)
            .n("x2", x + 38.0)
            .n("y2", y)
            .a("stroke", color)
            .a("stroke-width", "2.5");
        if let Some(d) = dash {
            line = line.a("stroke-dasharray", d);
        }
        let head = El::new("path")
            .a("d", head)
            .a("stroke", color)
            .a("stroke-width", "2");
        let head = if kind == EdgeKind::SellsTo {
            head.a("fill", color)
        } else {
            head.a("fill", "none")
        };
        let mut g = El::new("g").kid(line).kid(head);
        if verdict.is_some() {
            g = g
                .kid(
                    El::new("circle")
                        .n("cx", x + 18.0)
                        .n("cy", y)
                        .a("r", "7")
                        .a("fill", pal.bg)
                        .a("stroke", color)
                        .a("stroke-width", "2"),
                )
                .kid(
                    El::new("path")
                        .a("d", mark_path(verdict, (x + 18.0, y)))
                        .a("fill", "none")
                        .a("stroke", color)
                        .a("stroke-width", "2")
                        .a("stroke-linecap", "round"),
                );
        }
        g.kid(
            El::new("text")
                .n("x", x + 56.0)
                .n("y", y + 4.5)
                .a("font-size", "13")
                .a("fill", pal.fg)
                .text(text),
        )
    };
    let counts = p.report.map(|r| (r.summary.allowed, r.summary.blocked));
    let half = x + (w / 2.0).max(220.0);
    let mut g = El::new("g");
    let mut rows = 0.0;
    if p.numbers.is_none() && p.report.is_some() {
        let with = |word: &str, n: Option<usize>| {
            n.map_or_else(|| word.to_string(), |n| format!("{word} ({n})"))
        };
        g = g
            .kid(sample(
                x,
                y,
                EdgeKind::SellsTo,
                Some(Verdict::Allowed),
                with(common::allowed(lang), counts.map(|c| c.0)),
            ))
            .kid(sample(
                half,
                y,
                EdgeKind::SellsTo,
                Some(Verdict::Blocked),
                with(common::blocked(lang), counts.map(|c| c.1)),
            ));
        rows += 1.0;
    }
    let ky = y + LEGEND_ROW * rows;
    let kind = |k: EdgeKind, arrow: &str| format!("{} ({arrow})", edge_kind_name(k, lang));
    g = g
        .kid(sample(
            x,
            ky,
            EdgeKind::SellsTo,
            None,
            kind(EdgeKind::SellsTo, ct::filled_arrow(lang)),
        ))
        .kid(sample(
            half,
            ky,
            EdgeKind::Manages,
            None,
            kind(EdgeKind::Manages, ct::open_arrow(lang)),
        ));
    (g, LEGEND_ROW * (rows + 1.0))
}

/// Every finding as lines of text, blocked edges first: what a caption under the picture says.
pub fn finding_lines(s: &Scenario, r: &Report, lang: Lang) -> Vec<String> {
    let label = |id: &str| s.label_of_in(id, lang).to_string();
    let edges = with_findings(r)
        .into_iter()
        .filter_map(|(i, er)| Some((s.edges.get(i)?, er)));
    let mut out: Vec<String> = r
        .diagram
        .iter()
        .map(|d| format!("{} — {}", d.rule.as_str(), d.message))
        .collect();
    for (e, er) in edges {
        let mark = if er.verdict == Verdict::Blocked {
            "✗"
        } else {
            "✓"
        };
        let relation = common::relation(lang, &label(&e.from), e.kind, &label(&e.to));
        for f in &er.findings {
            out.push(format!(
                "{mark} {relation}: {} — {} ({})",
                f.rule.as_str(),
                f.message,
                f.rule.cite().text(lang)
            ));
        }
    }
    out
}

/// The picture and its size in pixels.
pub fn draw(p: &Picture) -> (El, f64, f64) {
    let pal = p.options.theme.palette();
    let mut s = p.scenario.clone();
    layout::fill_missing(&mut s);
    let captions: Vec<Caption> = s.nodes.iter().map(|n| Caption::of(n, p.lang)).collect();
    let f = frame(&s, &captions);
    let width = (f.x1 - f.x0 + 2.0 * PAD).max(560.0);
    let title = p
        .options
        .title
        .then(|| s.title_in(p.lang).filter(|t| !t.trim().is_empty()))
        .flatten();
    let top = PAD + if title.is_some() { 30.0 } else { 0.0 };
    // The diagram, centred across the width, under the title.
    let (dx, dy) = (
        PAD - f.x0 + (width - 2.0 * PAD - (f.x1 - f.x0)) / 2.0,
        top - f.y0,
    );
    let mut y = top + (f.y1 - f.y0) + PAD / 2.0;
    let places = Topology::build(&s, p.lang);
    // Routed as the canvas routes them, round the nodes in their way.
    let router = Router::new(&s.nodes, 1.0);
    let verdict = |i: usize| p.report.and_then(|r| r.edges.get(i)).map(|e| e.verdict);
    let label = |id: &str| s.label_of_in(id, p.lang).to_string();
    let edges = s
        .edges
        .iter()
        .zip(places.places())
        .enumerate()
        .filter_map(|(i, (e, place))| {
            let drawn = router.route(place.segment(&s.nodes)?, place.route_ends()?)?;
            let number = p.numbers.and_then(|m| m.get(&e.id).copied());
            let relation = common::relation(p.lang, &label(&e.from), e.kind, &label(&e.to));
            let title = match (number, verdict(i)) {
                (Some(n), _) => ct::question_edge(p.lang, n, &relation),
                (None, v) => format!("{relation} — {}", common::verdict(p.lang, v)),
            };
            let el = edge_el(&drawn, e.kind, verdict(i), number, pal, title)
                .a("data-edge-id", e.id.clone());
            Some(match p.marks.map(|m| m.edge(&e.id).tour) {
                Some(Some("dim")) => el.a("opacity", "0.3"),
                _ => el,
            })
        });
    let diagram = El::new("g")
        .a(
            "transform",
            format!("translate({} {})", fixed(dx, 1), fixed(dy, 1)),
        )
        .kids(edges.collect::<Vec<_>>())
        .kids(s.nodes.iter().zip(&captions).filter_map(|(n, c)| {
            node_el(n, c, pal, p.marks.and_then(|m| m.node(&n.id).tour))
                .map(|g| g.a("data-node-id", n.id.clone()))
        }));
    let mut body: Vec<El> = vec![diagram];
    if let Some(t) = title {
        body.push(
            El::new("text")
                .n("x", PAD)
                .n("y", PAD + 14.0)
                .a("font-size", "17")
                .a("font-weight", "600")
                .a("fill", pal.fg)
                .text(t),
        );
    }
    if p.options.legend {
        let (g, h) = legend(p, pal, PAD, y + LEGEND_ROW / 2.0, width - 2.0 * PAD);
        body.push(g);
        y += h + PAD / 2.0;
    }
    if let (true, Some(r)) = (p.options.caption, p.report) {
        let max = ((width - 2.0 * PAD) / 6.2) as usize;
        let lines: Vec<String> = finding_lines(&s, r, p.lang)
            .iter()
            .flat_map(|l| wrap(l, max))
            .collect();
        for line in lines {
            y += CAPTION_LINE;
            body.push(
                El::new("text")
                    .n("x", PAD)
                    .n("y", y)
                    .a("font-size", "12")
                    .a("fill", pal.fg)
                    .text(line),
            );
        }
        y += PAD / 2.0;
    }
    let height = y + PAD / 2.0;
    let mut svg = El::new("svg")
        .a("xmlns", "http://www.w3.org/2000/svg")
        .a("width", fixed(width, 0))
        .a("height", fixed(height, 0))
        .a(
            "viewBox",
            format!("0 0 {} {}", fixed(width, 0), fixed(height, 0)),
        )
        .a("font-family", FONTS)
        .a("role", "img")
        .a("data-theme", p.options.theme.as_str());
    let name = title.map_or_else(|| ct::picture_title(p.lang).to_string(), str::to_string);
    svg = svg.kid(El::new("title").text(name));
    if let Some(r) = p.report.filter(|_| p.numbers.is_none()) {
        svg = svg.kid(El::new("desc").text(common::counts(
            p.lang,
            r.summary.allowed,
            r.summary.blocked,
        )));
    }
    if p.options.scenario {
        let json = serde_json::to_string(p.scenario).unwrap_or_default();
        svg.kids
            .push(Kid::Markup(csp_rules::picture::metadata(&json)));
    }
    let bg = El::new("rect")
        .a("width", fixed(width, 0))
        .a("height", fixed(height, 0))
        .a("fill", pal.canvas);
    (svg.kid(bg).kids(body), width, height)
}

/// The picture as an SVG file's text.
pub fn svg_text(p: &Picture) -> (String, f64, f64) {
    let (el, w, h) = draw(p);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    el.write(&mut out);
    out.push('\n');
    (out, w, h)
}

#[allow(clippy::panic)] // a failing test panics
#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::{evaluate, presets};

    fn preset(n: u8) -> (Scenario, Report) {
        let Some(s) = presets::get(n).and_then(|p| p.scenario().ok()) else {
            panic!("preset {n} loads")
        };
        let Ok(r) = evaluate(&s, Lang::En) else {
            panic!("preset {n} evaluates")
        };
        (s, r)
    }

    #[test]
    fn names_wrap_between_words_and_lose_nothing() {
        assert_eq!(wrap("Contoso", 20), ["Contoso"]);
        assert_eq!(
            wrap("Tailspin Toys (option 1: new tenant)", 20),
            ["Tailspin Toys", "(option 1: new", "tenant)"]
        );
        let zh = wrap("Tailspin 玩具（選項1：新租用戶）", 20);
        assert!(
            zh.iter().all(|l| l.chars().map(units).sum::<usize>() <= 20),
            "{zh:?}"
        );
        assert_eq!(
            zh.concat().replace(' ', ""),
            "Tailspin玩具（選項1：新租用戶）"
        );
        let long = "x".repeat(45);
        assert_eq!(wrap(&long, 20).concat(), long);
        assert_eq!(wrap("", 20), [""]);
    }

    #[test]
    fn a_picture_is_the_diagram_alone_self_contained_and_carries_its_scenario() {
        let (mut s, r) = preset(6);
        s.nodes[1].name = Some("A very long distributor name that the canvas would cut".into());
        for (theme, pal) in [(Theme::Light, &LIGHT), (Theme::Dark, &DARK)] {
            let options = Options {
                theme,
                caption: true,
                ..Options::default()
            };
            let p = Picture {
                scenario: &s,
                report: Some(&r),
                lang: Lang::En,
                options,
                numbers: None,
                marks: None,
            };
            let (svg, w, h) = svg_text(&p);
            assert!(w >= 560.0 && h > 300.0);
            for absent in [
                "prefers-color-scheme",
                "…",
                "handle",
                "<style",
                "href",
                "url(",
                "@import",
                "selected",
                "<image",
            ] {
                assert!(!svg.contains(absent), "{theme:?}: {absent}");
            }
            assert!(svg.contains(pal.canvas) && svg.contains(pal.blocked));
            assert!(svg.contains("A very long distributor") && svg.contains("would cut"));
            assert!(svg.contains("Allowed (5)") && svg.contains("Blocked (1)"));
            assert!(
                svg.contains("RESELLER_AS_CUSTOMER.SAME_PROVIDER —"),
                "the findings caption"
            );
            assert_eq!(
                csp_rules::picture::parse_file(svg.as_bytes()).ok().as_ref(),
                Some(&s)
            );
        }
        let bare = Options {
            legend: false,
            scenario: false,
            title: false,
            ..Options::default()
        };
        let p = Picture {
            scenario: &s,
            report: Some(&r),
            lang: Lang::ZhTw,
            options: bare,
            numbers: None,
            marks: None,
        };
        let (svg, _, _) = svg_text(&p);
        assert!(!svg.contains("允許 (") && !svg.contains("<metadata"));
        assert!(
            svg.contains("Tailspin 玩具"),
            "names in the page's language"
        );
    }

    #[test]
    fn a_worksheet_numbers_its_edges_and_shows_no_verdict() {
        let (s, r) = preset(7);
        let numbers: BTreeMap<String, usize> = s
            .edges
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), 4 - i))
            .collect();
        let p = Picture {
            scenario: &s,
            report: Some(&r),
            lang: Lang::En,
            options: Options {
                scenario: false,
                ..Options::default()
            },
            numbers: Some(&numbers),
            marks: None,
        };
        let (svg, _, _) = svg_text(&p);
        for n in 1..=4 {
            assert!(svg.contains(&format!(">{n}</text>")), "{n}");
        }
        assert!(
            !svg.contains("Allowed") && !svg.contains("Blocked") && !svg.contains(LIGHT.blocked)
        );
        assert!(!svg.contains("9 6"), "no blocked dashes");
    }

    /// The value of custom property `name` in the SCSS block that starts at `from`.
    fn prop<'a>(scss: &'a str, from: &str, name: &str) -> &'a str {
        let block = &scss[scss.find(from).unwrap_or(0)..];
        let at = block
            .find(&format!("--{name}:"))
            .map(|i| &block[i + name.len() + 3..])
            .unwrap_or("");
        at.split(';').next().unwrap_or("").trim()
    }

    #[test]
    fn the_colours_are_the_pages_theme() {
        let scss = include_str!("../../static/styles/_theme.scss");
        for (pal, from) in [(&LIGHT, ":root {"), (&DARK, "@mixin dark {")] {
            let names = [
                "bg", "fg", "muted", "border", "accent", "allowed", "blocked", "canvas",
            ];
            let values = [
                pal.bg,
                pal.fg,
                pal.muted,
                pal.border,
                pal.accent,
                pal.allowed,
                pal.blocked,
                pal.canvas,
            ];
            for (name, value) in names.iter().zip(values) {
                assert_eq!(prop(scss, from, name), value, "{from} --{name}");
            }
            for (kind, (stroke, fill)) in ["ms", "provider", "reseller", "direct", "customer"]
                .iter()
                .zip(pal.kinds)
            {
                assert_eq!(prop(scss, from, kind), stroke, "{from} --{kind}");
                assert_eq!(
                    prop(scss, from, &format!("{kind}-fill")),
                    fill,
                    "{from} --{kind}-fill"
                );
            }
        }
    }
}
