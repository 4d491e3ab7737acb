//! The network audit view (opened from the File menu's "Open network audit…"): for a file, its progress,
//! its error, or its counts and a searchable, filterable, paged table of its edges. The
//! audit's state is the page's (`model::audit`); this room reads the file and draws.

mod table;

use crate::io::web;
use crate::model::audit::{judge_queued, Audit, AuditAction, Audited, Network, Phase, Step};
use crate::model::{use_page, Action, Dispatch, Page};
use crate::text::{audit, common};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct AuditProps {
    pub audit: Audit,
    /// Set when the editor holds a network over the size limits
    /// ([`is_large`](crate::model::audit::is_large)): shown here instead of drawn.
    #[prop_or_default]
    pub network: Option<Network>,
}

/// Reads, checks and judges a chosen file, each step painted before it runs: reading is
/// asynchronous, and each engine call waits for a timer long enough for the browser to paint
/// the step it is at.
fn audit_file(input: HtmlInputElement, dispatch: Dispatch, lang: csp_rules::Lang) {
    let send = move |a: AuditAction| dispatch.send(Action::Audit(a));
    wasm_bindgen_futures::spawn_local(async move {
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        send(AuditAction::Begin(name.clone()));
        let Some(bytes) = web::file_bytes(&file).await else {
            return send(AuditAction::Dropped);
        };
        input.set_value("");
        send(AuditAction::Progress(Step::Checking));
        after_paint(move || {
            web::mark("csp-explorer:audit-start");
            match csp_rules::Validated::read(&bytes) {
                Ok(v) => {
                    drop(bytes);
                    send(AuditAction::Progress(Step::Judging(
                        v.scenario().edges.len(),
                    )));
                    after_paint(move || {
                        let judged = Audited::judged(name, v, lang);
                        web::mark("csp-explorer:audit-end");
                        send(AuditAction::Judged(Rc::new(judged)));
                    });
                }
                Err(e) => {
                    web::mark("csp-explorer:audit-end");
                    send(AuditAction::Failed(e));
                }
            }
        });
    });
}

/// The progress of a step.
fn busy(name: &str, step: Step, lang: csp_rules::Lang) -> Html {
    html! {
        <div class="audit-busy" role="status" data-audit-busy={step.number().to_string()}>
            <progress max={Step::COUNT.to_string()} value={step.number().to_string()}
                aria-label={audit::audit_step(lang, step.number(), Step::COUNT)} />
            <p>{ step.text(name, lang) }</p>
        </div>
    }
}

/// Runs `then` once the browser has had time to paint what was just rendered.
fn after_paint(then: impl FnOnce() + 'static) {
    gloo::timers::callback::Timeout::new(30, then).forget();
}

#[function_component(AuditView)]
pub fn audit_view(p: &AuditProps) -> Html {
    let Page { lang, dispatch } = use_page();
    // A large network opened in the editor is shown here at once.
    {
        let dispatch = dispatch.clone();
        use_effect_with(p.network.clone(), move |network| {
            if let Some(n) = network {
                dispatch.send(Action::Audit(AuditAction::Show(n.clone())));
            }
        });
    }
    // A network too large to draw that came to the editor is judged once its step is painted.
    {
        let dispatch = dispatch.clone();
        let queued = match &p.audit.phase {
            Phase::Judging(name, s) => Some((name.clone(), s.clone())),
            _ => None,
        };
        use_effect_with(queued, move |queued| {
            if let Some((name, s)) = queued.clone() {
                after_paint(move || {
                    web::mark("csp-explorer:audit-start");
                    let judged = judge_queued(name, s.0, lang);
                    web::mark("csp-explorer:audit-end");
                    dispatch.send(Action::Audit(judged));
                });
            }
        });
    }
    let on_file = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            audit_file(e.target_unchecked_into(), dispatch.clone(), lang);
        })
    };
    let opener = html! {
        <label class="audit-open button-like">
            { audit::open_audit(lang) }
            <input type="file" accept=".json,application/json" data-audit-file="" onchange={on_file.clone()} />
        </label>
    };
    let body = match &p.audit.phase {
        // Opened from the File menu, which clicks this.
        Phase::Closed => {
            return html! {
                <input type="file" hidden=true tabindex="-1" accept=".json,application/json"
                    data-audit-file="" aria-label={audit::open_audit(lang)} onchange={on_file} />
            }
        }
        Phase::Busy(name, step) => busy(name, *step, lang),
        Phase::Judging(name, s) => busy(name, Step::Judging(s.edges.len()), lang),
        Phase::Failed(e) => html! { <p class="audit-error" role="alert">{ e.line(lang) }</p> },
        Phase::Ready(a) => table::ready(a, &p.audit.filter, p.audit.page, lang, &dispatch),
    };
    html! {
        <section class="audit" aria-labelledby="audit-heading" data-audit="">
            <div class="audit-head">
                <h2 id="audit-heading">{ audit::audit_title(lang) }</h2>
                { opener }
                <button type="button" onclick={dispatch.on(Action::Audit(AuditAction::Close))}>
                    { common::close(lang) }
                </button>
            </div>
            { body }
        </section>
    }
}
