//! The copy-ready snippets of the Embed dialog (interfaces.md §6.1–6.4): an iframe, the loader
//! script's `<div>`, and the rules-only module, for the diagram on screen. Pure text: the
//! dialog gives the app's address and the choices.

use crate::model::{Embed, Theme};
use csp_rules::Lang;

/// What an embed shows: a guide scenario as it ships, or any diagram as a share link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Diagram {
    Preset(u8),
    /// A share link's fragment without `#`: `scenario=1.c.…`.
    Shared(String),
}

impl Diagram {
    /// `fragment` is the engine's share fragment (`#scenario=…`) of the diagram.
    pub fn shared(fragment: &str) -> Diagram {
        Diagram::Shared(fragment.trim_start_matches('#').to_string())
    }

    fn fragment(&self) -> String {
        match self {
            Diagram::Preset(n) => format!("preset={n}"),
            Diagram::Shared(f) => f.clone(),
        }
    }
}

/// What the author chose in the dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub mode: Embed,
    /// The frame's height in CSS pixels.
    pub height: u32,
    pub lang: Lang,
    /// `None`: the embed's default (light).
    pub theme: Option<Theme>,
}

/// The folder the app is served from (its address up to the last `/`, without the query or
/// fragment), where `index.html`, `embed.js` and `rules/` are.
pub fn app_base(href: &str) -> String {
    let page = href.split(['#', '?']).next().unwrap_or(href);
    match page.rfind('/') {
        Some(i) => page[..=i].to_string(),
        None => format!("{page}/"),
    }
}

/// `text` as an HTML attribute value (between double quotes) or element text.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The app's address for `c` and `d`, relative to the app's folder: `index.html?embed=…#…`.
/// The language is always written, so the embed does not follow the visitor's browser.
pub fn src(c: &Choice, d: &Diagram) -> String {
    let mut query = format!("embed={}&lang={}", c.mode.as_str(), c.lang.tag());
    if let Some(t) = c.theme {
        query.push_str("&theme=");
        query.push_str(t.as_str());
    }
    format!("index.html?{query}#{}", d.fragment())
}

/// `<iframe src=… title=… width="100%" height=…></iframe>`.
pub fn iframe(base: &str, c: &Choice, d: &Diagram, title: &str) -> String {
    format!(
        "<iframe src=\"{}\"\n        title=\"{}\" width=\"100%\" height=\"{}\"></iframe>",
        escape_html(&format!("{base}{}", src(c, d))),
        escape_html(title),
        c.height
    )
}

/// The loader's `<div data-csp-embed …>` with a link for readers without script, and the
/// `<script>` of `embed.js`.
pub fn loader(base: &str, c: &Choice, d: &Diagram, link_text: &str) -> String {
    let what = match d {
        Diagram::Preset(n) => format!("data-preset=\"{n}\""),
        Diagram::Shared(f) => format!(
            "data-scenario=\"{}\"",
            escape_html(f.trim_start_matches("scenario="))
        ),
    };
    let theme = c
        .theme
        .map(|t| format!(" data-theme=\"{}\"", t.as_str()))
        .unwrap_or_default();
    let app = escape_html(&format!("{base}index.html#{}", d.fragment()));
    format!(
        "<div data-csp-embed {what} data-mode=\"{}\" data-lang=\"{}\"{theme} data-height=\"{}\">\n  <a href=\"{app}\">{}</a>\n</div>\n<script src=\"{}\" defer></script>",
        c.mode.as_str(),
        c.lang.tag(),
        c.height,
        escape_html(link_text),
        escape_html(&format!("{base}embed.js"))
    )
}

/// A module script that judges `scenario_json` (the scenario as JSON) with the rules alone,
/// from a copy of `rules/` beside it. `<` is written as `\u003c`, so the text stays a script
/// even pasted into a `<script>` element.
pub fn module(scenario_json: &str, lang: Lang) -> String {
    let json = scenario_json.trim_end().replace('<', "\\u003c");
    format!(
        "import init, {{ evaluate }} from \"./rules/csp_rules.js\";\n\nawait init();\nconst scenario = {json};\nconst report = evaluate(scenario, \"{}\");\nfor (const edge of report.edges) console.log(edge.id, edge.verdict);",
        lang.tag()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEW: Choice = Choice {
        mode: Embed::View,
        height: 420,
        lang: Lang::En,
        theme: None,
    };

    #[test]
    fn the_app_is_found_in_its_folder_whatever_the_address_holds() {
        assert_eq!(
            app_base("https://x.test/demo/index.html?lang=en#preset=1"),
            "https://x.test/demo/"
        );
        assert_eq!(
            app_base("https://x.test/demo/#preset=1"),
            "https://x.test/demo/"
        );
        assert_eq!(
            app_base("https://x.test/a/b/?embed=x/y"),
            "https://x.test/a/b/"
        );
        assert_eq!(app_base("http://127.0.0.1:8080/"), "http://127.0.0.1:8080/");
    }

    #[test]
    fn an_iframe_names_the_mode_language_theme_and_diagram() {
        let base = "https://x.test/demo/";
        assert_eq!(
            iframe(base, &VIEW, &Diagram::Preset(6), "CSP Scenario Explorer"),
            "<iframe src=\"https://x.test/demo/index.html?embed=view&amp;lang=en#preset=6\"\n        \
             title=\"CSP Scenario Explorer\" width=\"100%\" height=\"420\"></iframe>"
        );
        let quiz = Choice {
            mode: Embed::Quiz,
            lang: Lang::ZhTw,
            theme: Some(Theme::Dark),
            height: 600,
        };
        let d = Diagram::shared("#scenario=1.c.abc");
        assert_eq!(
            src(&quiz, &d),
            "index.html?embed=quiz&lang=zh-TW&theme=dark#scenario=1.c.abc"
        );
        assert!(
            iframe(base, &quiz, &d, "a \"b\" <c>").contains("title=\"a &quot;b&quot; &lt;c&gt;\"")
        );
    }

    #[test]
    fn the_loader_gets_data_attributes_and_a_fallback_link() {
        let base = "https://x.test/";
        let d = Diagram::shared("#scenario=1.c.abc");
        assert_eq!(
            loader(base, &VIEW, &d, "Open <it>"),
            "<div data-csp-embed data-scenario=\"1.c.abc\" data-mode=\"view\" data-lang=\"en\" data-height=\"420\">\n  \
             <a href=\"https://x.test/index.html#scenario=1.c.abc\">Open &lt;it&gt;</a>\n</div>\n\
             <script src=\"https://x.test/embed.js\" defer></script>"
        );
        let c = Choice {
            mode: Embed::Walkthrough,
            theme: Some(Theme::Auto),
            ..VIEW
        };
        let text = loader(base, &c, &Diagram::Preset(3), "x");
        assert!(text.starts_with(
            "<div data-csp-embed data-preset=\"3\" data-mode=\"walkthrough\" data-lang=\"en\" data-theme=\"auto\""
        ));
    }

    #[test]
    fn the_module_judges_the_scenario_as_given_and_stays_a_script() {
        let text = module("{\"title\": \"</script><b>\"}\n", Lang::ZhTw);
        assert!(text.starts_with("import init, { evaluate } from \"./rules/csp_rules.js\";"));
        assert!(text.contains("const scenario = {\"title\": \"\\u003c/script>\\u003cb>\"};\n"));
        assert!(text.contains("evaluate(scenario, \"zh-TW\")"));
        assert!(!text.contains('<'));
    }
}
