//! The toolbar's menus as data: what File, View and Help hold (and the narrow screen's one
//! menu, which holds them all), each item named by an ID, and what picking each ID does.

use super::chrome::{set_present, set_theme, switch_lang, Chrome, Help};
use super::export::Format;
use super::file_tools::export_json;
use super::menu::{Check, Item, Section};
use crate::io::web;
use crate::model::{Action, Dispatch, Mode, State, Theme};
use crate::text::{audit, embed, io, shell};
use csp_rules::{Lang, Scenario};
use std::rc::Rc;

/// What the menus show of the page, and what their verbs need.
#[derive(Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub mode: Mode,
    pub theme: Theme,
    pub snap: bool,
    pub scenario: Rc<Scenario>,
    pub chrome: Chrome,
    pub dispatch: Dispatch,
    /// A quiz hides the verdicts: no file, picture or table may show them.
    pub quiz: bool,
}

impl Ctx {
    pub fn new(s: &State, chrome: &Chrome, d: &Dispatch) -> Ctx {
        Ctx {
            lang: s.lang,
            mode: s.mode,
            theme: s.theme,
            snap: s.snap,
            scenario: s.scenario().clone(),
            chrome: chrome.clone(),
            dispatch: d.clone(),
            quiz: s.training.hides_verdicts(),
        }
    }
}

pub fn file(c: &Ctx) -> Section {
    let lang = c.lang;
    let no_picture = c.scenario.nodes.is_empty() || *c.chrome.table || c.quiz;
    Section::new(vec![
        Item::new("new", shell::new_diagram(lang)),
        Item::new("import", shell::import(lang)),
        Item::new("recent", io::recent(lang)),
        Item::new("export-json", shell::export_json(lang)).disabled(c.quiz),
        Item::new("export-svg", shell::export_svg(lang)).disabled(no_picture),
        Item::new("export-png", shell::export_png(lang)).disabled(no_picture),
        Item::new("embed", embed::embed_button(lang)),
        Item::new("audit", audit::open_audit(lang)),
    ])
}

pub fn view(c: &Ctx) -> Vec<Section> {
    let lang = c.lang;
    let table = *c.chrome.table;
    let theme =
        |t: Theme, id, label: &'static str| Item::new(id, label).check(Check::Radio(c.theme == t));
    vec![
        Section::new(vec![
            Item::new("zoom-in", shell::zoom_in(lang)),
            Item::new("zoom-out", shell::zoom_out(lang)),
            Item::new("layout", shell::auto_layout(lang)),
            Item::new("snap", shell::snap_to_grid(lang)).check(Check::Box(c.snap)),
        ]),
        Section::titled(
            shell::view_switch(lang),
            vec![
                Item::new("diagram", shell::diagram_view(lang))
                    .check(Check::Radio(!table))
                    .keys("T", "T"),
                Item::new("table", shell::table_view(lang))
                    .check(Check::Radio(table))
                    .keys("T", "T")
                    .disabled(c.quiz),
            ],
        ),
        Section::titled(
            shell::theme(lang),
            vec![
                theme(Theme::Auto, "theme-auto", shell::theme_auto(lang)),
                theme(Theme::Light, "theme-light", shell::theme_light(lang)),
                theme(Theme::Dark, "theme-dark", shell::theme_dark(lang)),
            ],
        ),
        Section::new(vec![Item::new("present", shell::present_title(lang))
            .check(Check::Box(c.mode.present))
            .keys("F", "F")]),
    ]
}

pub fn help(c: &Ctx) -> Section {
    let lang = c.lang;
    Section::new(vec![
        Item::new("shortcuts", shell::shortcuts(lang)).keys("?", "?"),
        Item::new("glossary", shell::glossary(lang)),
        Item::new("about", shell::about(lang)),
    ])
}

/// The narrow screen's one menu: the verbs the wide toolbar shows as buttons, then File,
/// View, Help and the language.
pub fn everything(c: &Ctx) -> Vec<Section> {
    let lang = c.lang;
    let first = Section::new(vec![Item::new("fit", shell::fit_view(lang))]);
    let mut file = file(c);
    file.label = Some(shell::file_tools(lang).into());
    let mut view = view(c);
    if let Some(first) = view.first_mut() {
        first.label = Some(shell::view_switch(lang).into());
    }
    let mut help = help(c);
    help.label = Some(shell::help_menu(lang).into());
    let langs = Section::titled(
        shell::language(lang),
        vec![
            Item {
                lang: Some("en"),
                ..Item::new("lang-en", "English").check(Check::Radio(lang == Lang::En))
            },
            Item {
                lang: Some("zh-TW"),
                ..Item::new("lang-zh-TW", "中文（台灣）").check(Check::Radio(lang == Lang::ZhTw))
            },
        ],
    );
    let mut all = vec![first, file];
    all.extend(view);
    all.push(help);
    all.push(langs);
    all
}

/// Does what the item `id` of a menu says.
pub fn run(id: &str, c: &Ctx) {
    let d = &c.dispatch;
    let send = |a: Action| d.send(a);
    match id {
        "new" => {
            // A new diagram takes the address with it (so a reload keeps it).
            web::set_fragment("");
            send(Action::New);
        }
        "import" => web::click_first("input.file-input"),
        "recent" => c.chrome.recent.set(true),
        "export-json" => export_json(&c.scenario, c.lang),
        "export-svg" => c.chrome.picture.set(Some(Format::Svg)),
        "export-png" => c.chrome.picture.set(Some(Format::Png)),
        "audit" => web::click_first("input[data-audit-file]"),
        "embed" => c.chrome.embed.set(true),
        "zoom-in" => send(Action::Zoom {
            factor: 1.25,
            at: None,
        }),
        "zoom-out" => send(Action::Zoom {
            factor: 1.0 / 1.25,
            at: None,
        }),
        "fit" => send(Action::FitView),
        "layout" => send(Action::AutoLayout),
        "snap" => send(Action::SetSnap(!c.snap)),
        "diagram" => c.chrome.table.set(false),
        "table" => c.chrome.table.set(true),
        "theme-auto" => set_theme(d, Theme::Auto),
        "theme-light" => set_theme(d, Theme::Light),
        "theme-dark" => set_theme(d, Theme::Dark),
        "present" => set_present(d, c.mode, !c.mode.present),
        "shortcuts" => c.chrome.sheet.set(true),
        "glossary" => c.chrome.help.set(Some(Help::Glossary)),
        "about" => c.chrome.help.set(Some(Help::About)),
        "lang-en" => switch_lang(d, Lang::En),
        "lang-zh-TW" => switch_lang(d, Lang::ZhTw),
        _ => {}
    }
}
