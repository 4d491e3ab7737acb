//! The workspace: the stage (palette, the canvas or the table, the legend, where a file can
//! be dropped) and the side panel (training, the selection, the findings, the scenario).

use super::file_tools::import_file;
use super::palette::Palette;
use crate::canvas::legend::Legend;
use crate::canvas::Canvas;
use crate::model::training::{Marks, Quiz, Tour};
use crate::model::{use_dispatch, use_lang, PendingEdge, Selection, Shared, View};
use crate::panels::findings::Findings;
use crate::panels::scenario::ScenarioPanel;
use crate::panels::selection::SelectionPanel;
use crate::panels::table::DiagramTable;
use crate::text::shell;
use crate::training::TrainingPanel;
use csp_rules::{Report, Scenario, ScenarioError, Verdict};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct StageProps {
    /// The current scenario, positions included.
    pub scenario: Shared<Scenario>,
    /// What the canvas draws: the scenario, or nothing when it is too large to draw.
    pub drawn: Shared<Scenario>,
    pub rev: u64,
    pub verdicts: Rc<Vec<Verdict>>,
    pub selection: Selection,
    pub view: View,
    pub pending: Option<PendingEdge>,
    pub marks: Option<Rc<Marks>>,
    pub hide_verdicts: bool,
    /// The table stands in for the canvas.
    pub table: bool,
    pub report: Option<Shared<Report>>,
}

#[function_component(Stage)]
pub fn stage(p: &StageProps) -> Html {
    let dispatch = use_dispatch();
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    // A file dropped onto the diagram is imported, as the import picker's is.
    let on_drop = Callback::from(move |e: DragEvent| {
        let file = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            e.prevent_default();
            import_file(file, dispatch.clone());
        }
    });
    let counts = p
        .report
        .as_ref()
        .filter(|_| !p.hide_verdicts)
        .map(|r| (r.summary.allowed, r.summary.blocked));
    html! {
        <div class="stage" ondragover={on_dragover} ondrop={on_drop}>
            <Palette />
            if p.table && !p.hide_verdicts {
                <DiagramTable scenario={p.scenario.clone()} report={p.report.clone()} />
            } else {
                <Canvas scenario={p.drawn.clone()} rev={p.rev} verdicts={p.verdicts.clone()}
                    selection={p.selection.clone()} view={p.view} pending={p.pending.clone()}
                    marks={p.marks.clone()} hide_verdicts={p.hide_verdicts} />
            }
            <Legend {counts} />
        </div>
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct SideProps {
    pub scenario: Shared<Scenario>,
    /// The scenario as judged.
    pub judged: Shared<Scenario>,
    pub report: Option<Shared<Report>>,
    /// Too large to draw: its findings are the audit view's.
    pub large: bool,
    pub selection: Selection,
    pub edit_error: Option<ScenarioError>,
    pub tour: Option<Tour>,
    pub quiz: Option<Quiz>,
    pub preset: Option<u8>,
    pub can_restore: bool,
    pub title: Option<String>,
    pub as_of: Option<String>,
}

#[function_component(Side)]
pub fn side(p: &SideProps) -> Html {
    let lang = use_lang();
    let quiz_open = p.quiz.as_ref().is_some_and(Quiz::hides_verdicts);
    html! {
        <aside class="side" aria-label={shell::side_label(lang)}>
            <TrainingPanel tour={p.tour} quiz={p.quiz.clone()} preset={p.preset}
                scenario={p.judged.clone()} live={p.scenario.clone()} report={p.report.clone()}
                can_restore={p.can_restore} />
            if !quiz_open {
                <SelectionPanel scenario={p.scenario.clone()} judged={p.judged.clone()}
                    report={p.report.clone()} selection={p.selection.clone()}
                    edit_error={p.edit_error.clone()} />
                <Findings report={p.report.clone().filter(|_| !p.large)} scenario={p.judged.clone()} />
            }
            <ScenarioPanel title={p.title.clone()} as_of={p.as_of.clone()} preset={p.preset} />
        </aside>
    }
}
