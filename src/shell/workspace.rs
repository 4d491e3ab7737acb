//! The workspace: the stage (palette, the canvas or the table, the legend, where a file can
//! be dropped) and the side panel (training, the selection, the findings, the scenario).

use super::file_tools::import_file;
use super::palette::Palette;
use super::sheet::Sheet;
use super::start::StartScreen;
use crate::canvas::legend::Legend;
use crate::canvas::Canvas;
use crate::model::evaluation::Evaluation;
use crate::model::training::Marks;
use crate::model::{Dispatch, Shared, State};
use crate::panels::findings::Findings;
use crate::panels::scenario::ScenarioPanel;
use crate::panels::selection::selection_panel;
use crate::panels::table::DiagramTable;
use crate::training::TrainingPanel;
use csp_rules::Scenario;
use std::rc::Rc;
use yew::prelude::*;

/// What the stage shows of the page in state `s`.
pub struct Stage {
    /// What the canvas draws: the scenario as shown (`State::shown`), or nothing when it is
    /// too large to draw.
    pub drawn: Rc<Scenario>,
    pub marks: Option<Rc<Marks>>,
    /// The table stands in for the canvas.
    pub table: bool,
    /// Drawn over the canvas (an embed's popover), if anything.
    pub overlay: Option<Html>,
}

pub fn stage(s: &State, eval: &Evaluation, st: Stage, dispatch: &Dispatch) -> Html {
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    // A file dropped onto the diagram is imported, as the import picker's is. An embed has
    // no file tools: a drop there does nothing (and the browser does not open the file).
    let imports = s.mode.header();
    let on_drop = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                e.prevent_default();
                if imports {
                    import_file(file, dispatch.clone());
                }
            }
        })
    };
    let hide = s.training.hides_verdicts();
    let report = eval.report().cloned().map(Shared);
    let counts = report
        .as_ref()
        .filter(|_| !hide)
        .map(|r| (r.summary.allowed, r.summary.blocked));
    // An empty diagram: the app's start screen, an editing embed's hint (the canvas itself
    // says when a read-only one is empty).
    let empty = if s.mode.editing_panels() {
        html! { <StartScreen /> }
    } else {
        html! { <p class="empty-hint">{ crate::text::canvas::empty_hint(s.lang) }</p> }
    };
    // The model's captions, the same the presenter's fit used (none for a diagram not drawn).
    let captions = (s.mode.present && Rc::ptr_eq(&st.drawn, &s.shown())).then(|| s.captions());
    let canvas = html! {
        <Canvas scenario={Shared(st.drawn)} {captions} rev={s.doc.rev()} verdicts={eval.verdicts.clone()}
            selection={s.selection.clone()} view={s.view} pending={s.pending_edge.clone()}
            marks={st.marks} hide_verdicts={hide} size={s.canvas} snap={s.snap}>
            { empty }
        </Canvas>
    };
    html! {
        <div class="stage" ondragover={on_dragover} ondrop={on_drop}>
            // It hides itself where the mode has none (presenting, a read-only embed).
            <Palette />
            if st.table && !hide {
                <DiagramTable scenario={Shared(s.scenario().clone())} {report} />
            } else if let Some(overlay) = st.overlay {
                <div class="canvas-area">{ canvas }{ overlay }</div>
            } else {
                { canvas }
            }
            <Legend {counts} quiz={hide} />
        </div>
    }
}

/// The side panel of the page in state `s`; `large`: too large to draw, so its findings are
/// the audit view's.
pub fn side(s: &State, eval: &Evaluation, large: bool, dispatch: &Dispatch) -> Html {
    let lang = s.lang;
    let live = Shared(s.scenario().clone());
    let judged = Shared(eval.scenario.clone());
    let report = eval.report().cloned().map(Shared);
    let t = &s.training;
    // Presenting: the walkthrough, or what is selected, large; not the editing panels.
    let edits = s.mode.editing_panels();
    let edge_selected = s.selection.single_edge().is_some();
    let selected = !s.selection.nodes.is_empty() || !s.selection.edges.is_empty();
    html! {
        <Sheet {selected} nodes={live.nodes.len()} step={t.tour}>
            <TrainingPanel tour={t.tour} quiz={t.quiz.clone()} preset={s.doc.preset()}
                scenario={judged.clone()} live={live.clone()} report={report.clone()}
                can_restore={t.kept.is_some()} shown={t.shown} view={s.view} />
            if !t.hides_verdicts() && (edits || t.tour.is_none()) {
                if edits || edge_selected {
                    { selection_panel(s, &judged, report.as_ref(), lang, dispatch) }
                }
                if edits || !edge_selected {
                    <Findings report={report.clone().filter(|_| !large)} scenario={judged} />
                }
            }
            if edits {
                <ScenarioPanel title={live.title.clone()} titles={live.titles.clone()} as_of={live.as_of.clone()} preset={s.doc.preset()}
                    quiz={t.hides_verdicts().then_some(live.edges.len())} />
            }
        </Sheet>
    }
}
