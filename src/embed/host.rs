//! The embed's side of the messages (interfaces.md §6.3), at the page's edge: it takes a
//! message only from its parent window and one of the `origin` parameters, answers to that
//! origin alone, and tells the host what happens (ready, loaded, verdicts, change, select,
//! step, quiz, resize) by sending to each `origin` parameter; the browser delivers to the one
//! the parent is. Without an `origin` parameter it takes nothing and sends only `ready`, to
//! `"*"`, with no diagram data. A page that is not in a frame sends and takes nothing.

use super::protocol::{self, Format, Id, Inbound, Outbound, Pick, Source, Summary};
use super::size;
use crate::canvas::picture::{svg_text, Options, Picture};
use crate::io::library::{self, DataError};
use crate::io::url::{self, Start};
use crate::io::{files, web};
use crate::model::evaluation::Evaluation;
use crate::model::layout;
use crate::model::training::{self, Train};
use crate::model::{Action, Dispatch, Embed, Mode, State, Theme};
use csp_rules::{presets, share, Lang, Report, Scenario};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// How often, at most, `change` is sent while the visitor edits.
const CHANGE_EVERY_MS: u32 = 400;
/// How long after a render its natural height is measured (renders in a burst, one message).
const MEASURE_AFTER_MS: u32 = 60;

/// A value sent to the host as it is (a report from the engine's boundary, a scenario).
struct Js(JsValue);

impl Serialize for Js {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde_wasm_bindgen::preserve::serialize(&self.0, s)
    }
}

type Message = Outbound<Js>;

/// The host page: the window to write to, and the origins it may be.
struct Host {
    parent: web_sys::Window,
    origins: Vec<String>,
}

impl Host {
    /// The parent window when the page is in a frame, with the `origin` parameters that are
    /// origins a message can be sent to.
    fn find() -> Option<Host> {
        let window = web_sys::window()?;
        let parent = window.parent().ok().flatten()?;
        if JsValue::from(&parent) == JsValue::from(&window) {
            return None;
        }
        let origins = web::query_all("origin")
            .into_iter()
            .filter(|o| protocol::is_origin(o, web::url_origin(o).as_deref()))
            .collect();
        Some(Host { parent, origins })
    }

    /// Sends `message` to `origin`: `{csp: 1, type, …}`.
    fn send_to(&self, message: &Message, origin: &str) {
        let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
        let Ok(body) = message.serialize(&serializer) else {
            return;
        };
        let out = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&out, &"csp".into(), &protocol::CSP.into());
        if let Ok(body) = body.dyn_into::<js_sys::Object>() {
            js_sys::Object::assign(&out, &body);
        }
        let _ = self.parent.post_message(&out, origin);
    }

    /// Tells the host page, whichever of the origins it is.
    fn tell(&self, message: &Message) {
        for origin in &self.origins {
            self.send_to(message, origin);
        }
    }
}

/// What a message handler reads of the page, as the last render left it.
#[derive(Clone)]
struct Now {
    scenario: Rc<Scenario>,
    lang: Lang,
    mode: Mode,
    report: Option<Rc<Report>>,
    hides_verdicts: bool,
    /// The seed the quiz's questions are ordered by, if any.
    seed: Option<String>,
}

/// What the event effects remember between renders.
#[derive(Default)]
struct Sent {
    arrivals: u64,
    /// Arrivals a host's `load` made, already answered with `loaded`.
    loads: u64,
    /// The page's `changes` and `arrivals` as the `change` effect last saw them (the first
    /// values are no edit).
    changes_seen: Option<(u64, u64)>,
    verdicts: Option<Vec<(String, &'static str)>>,
    selection: Option<(Option<String>, Option<String>)>,
    height: u32,
    change_timer: Option<Timeout>,
    measure_timer: Option<Timeout>,
}

type Mut<T> = Rc<RefCell<T>>;

fn summary(r: &Report) -> Summary {
    Summary {
        allowed: r.summary.allowed,
        blocked: r.summary.blocked,
    }
}

/// The text of a thrown `Error` (the engine's boundary throws its `error:` line).
fn thrown_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "error: message: could not be carried out".into())
}

/// The scenario of a message, as the host gave it.
fn scenario_of(data: &JsValue) -> JsValue {
    js_sys::Reflect::get(data, &"scenario".into()).unwrap_or(JsValue::UNDEFINED)
}

/// A message as serde reads it: without `csp` (checked already), and with a scenario object
/// stood in for by `true`, so a large one is not copied to be read by nobody (it goes to the
/// engine as the host gave it).
fn readable(data: &JsValue) -> JsValue {
    let copy = js_sys::Object::assign(&js_sys::Object::new(), data.unchecked_ref());
    let _ = js_sys::Reflect::delete_property(&copy, &"csp".into());
    if scenario_of(data).is_object() {
        let _ = js_sys::Reflect::set(&copy, &"scenario".into(), &JsValue::TRUE);
    }
    copy.into()
}

/// The `id` of a message that could not be read, when it has one of the kinds an id may be.
fn id_of(data: &JsValue) -> Option<Id> {
    let id = js_sys::Reflect::get(data, &"id".into()).ok()?;
    serde_wasm_bindgen::from_value(id).ok()
}

/// Carries out one accepted message; `answer` gets what goes back to its sender.
fn carry_out(
    data: &JsValue,
    now: &Now,
    dispatch: &Dispatch,
    sent: &Mut<Sent>,
    answer: impl Fn(Message) + 'static,
) {
    let inbound: Inbound = match serde_wasm_bindgen::from_value(readable(data)) {
        Ok(m) => m,
        Err(e) => {
            return answer(Outbound::Error {
                id: id_of(data),
                message: protocol::unreadable(&thrown_text(&e.into())),
            })
        }
    };
    let id = inbound.id().cloned();
    let refused = |message: String| Outbound::Error {
        id: id.clone(),
        message,
    };
    match inbound {
        Inbound::Evaluate { .. } => {
            let lang = JsValue::from_str(now.lang.tag());
            match csp_rules_wasm::evaluate(scenario_of(data), lang) {
                Ok(report) => answer(Outbound::Report {
                    id,
                    report: Js(report),
                }),
                Err(e) => answer(refused(thrown_text(&e))),
            }
        }
        Inbound::Load {
            scenario,
            preset,
            share,
            ..
        } => {
            let source = match protocol::source(scenario, preset, share) {
                Ok(source) => source,
                Err(message) => return answer(refused(message)),
            };
            let fetch = match source {
                Source::Preset(n) => u8::try_from(n).ok().filter(|n| !library::is_loaded(*n)),
                _ => None,
            };
            let lang = now.lang;
            let (data, now, dispatch, sent) =
                (data.clone(), now.clone(), dispatch.clone(), sent.clone());
            let finish = move |fetched: Result<(), String>| match fetched
                .and_then(|()| load(source, &data, &now, &dispatch))
            {
                Ok(summary) => {
                    sent.borrow_mut().loads += 1;
                    answer(Outbound::Loaded { id, summary });
                }
                Err(message) => answer(Outbound::Error { id, message }),
            };
            // A guide scenario not opened before: its files are fetched first.
            match fetch {
                Some(n) => wasm_bindgen_futures::spawn_local(async move {
                    finish(library::fetch(n).await.map_err(|e| e.line(lang)));
                }),
                None => finish(Ok(())),
            }
        }
        Inbound::Select { edge, node } => {
            if let Err(message) =
                protocol::pick(edge, node).and_then(|p| select(p, now, dispatch, sent))
            {
                answer(refused(message));
            }
        }
        Inbound::Export { format, .. } => export(format, now, id, Box::new(answer)),
        Inbound::Set { lang, theme } => {
            if let Err(message) = set(lang.as_deref(), theme.as_deref(), dispatch) {
                answer(refused(message));
            }
        }
        Inbound::Fit {} => dispatch.send(Action::FitView),
    }
}

/// Opens what a `load` names; its summary, or the engine's error line.
fn load(source: Source, data: &JsValue, now: &Now, dispatch: &Dispatch) -> Result<Summary, String> {
    let lang = now.lang;
    let (scenario, preset) = match source {
        Source::Scenario => {
            let s = csp_rules_wasm::read(&scenario_of(data), lang)?;
            (s, None)
        }
        Source::Preset(n) => {
            let p = presets::find(&n.to_string()).map_err(|e| e.line(lang))?;
            let s = library::scenario(p.number);
            let missing = || DataError::Fetch {
                file: p.path(),
                status: 0,
            };
            (s.ok_or_else(|| missing().line(lang))?, Some(p.number))
        }
        Source::Share(link) => {
            let s = share::decode(&protocol::share_fragment(&link)).map_err(|e| e.line(lang))?;
            (s, None)
        }
    };
    let report = csp_rules::evaluate(&scenario, lang).map_err(|e| e.line(lang))?;
    // A quiz's order goes on with the new diagram, as the page's link would give it (and a
    // reload of the frame keeps it).
    let seed = match now.mode.embed {
        Some(Embed::Quiz) => now.seed.clone(),
        _ => None,
    };
    match preset {
        Some(n) => {
            let fragment = url::preset_fragment(n);
            web::set_fragment(&match &seed {
                Some(k) => format!("{fragment}&seed={k}"),
                None => fragment,
            });
            dispatch.send(Action::Open(Start::Preset(n.to_string())));
        }
        None => {
            web::set_fragment("");
            dispatch.send(Action::Import(scenario));
        }
    }
    // The mode's training goes on with the new diagram.
    match (now.mode.embed, preset) {
        (Some(Embed::Walkthrough), Some(n)) if training::walkthrough_of(n).is_some() => {
            dispatch.send(Action::Train(Train::StartTour { preset: n, step: 1 }))
        }
        (Some(Embed::Quiz), _) => dispatch.send(Action::Train(Train::StartQuiz { seed })),
        _ => {}
    }
    Ok(summary(&report))
}

fn select(pick: Pick, now: &Now, dispatch: &Dispatch, sent: &Mut<Sent>) -> Result<(), String> {
    let s = &now.scenario;
    let (nodes, edges, echo) = match pick {
        Pick::Edge(e) if s.edges.iter().any(|x| x.id == e) => {
            (vec![], vec![e.clone()], (Some(e), None))
        }
        Pick::Node(n) if s.node(&n).is_some() => (vec![n.clone()], vec![], (None, Some(n))),
        Pick::Edge(e) => {
            return Err(protocol::refused(
                "select",
                &format!("no edge {} in the diagram", protocol::quote(&e)),
            ))
        }
        Pick::Node(n) => {
            return Err(protocol::refused(
                "select",
                &format!("no node {} in the diagram", protocol::quote(&n)),
            ))
        }
    };
    // The host chose it: not told back to it as the visitor's choice.
    sent.borrow_mut().selection = Some(echo);
    dispatch.send(Action::Reveal { nodes, edges });
    Ok(())
}

fn set(lang: Option<&str>, theme: Option<&str>, dispatch: &Dispatch) -> Result<(), String> {
    // Both are checked before either is applied: a refused message changes nothing.
    let lang = lang
        .map(|tag| {
            Lang::from_tag(tag).ok_or_else(|| {
                format!(
                    "error: unknown language {}; use en or zh-TW",
                    protocol::quote(tag)
                )
            })
        })
        .transpose()?;
    let theme = theme
        .map(|t| {
            Theme::from_param(t).ok_or_else(|| {
                format!(
                    "error: unknown theme {}; use light, dark or auto",
                    protocol::quote(t)
                )
            })
        })
        .transpose()?;
    if let Some(lang) = lang {
        web::set_lang_param(lang);
        dispatch.send(Action::SetLang(lang));
    }
    if let Some(theme) = theme {
        dispatch.send(Action::SetTheme(theme));
    }
    Ok(())
}

/// The diagram as the app's own Export writes it: the JSON file, the SVG file, or the PNG as
/// a data URL (answered once it is drawn).
fn export(format: Format, now: &Now, id: Option<Id>, answer: Box<dyn Fn(Message)>) {
    let s = &now.scenario;
    let done = move |data: Result<String, String>| {
        answer(match data {
            Ok(data) => Outbound::Export {
                id: id.clone(),
                format,
                data,
            },
            Err(message) => Outbound::Error {
                id: id.clone(),
                message,
            },
        })
    };
    if format == Format::Json {
        return done(Ok(files::json_text(s)));
    }
    if layout::bounds(s, None).is_none() {
        return done(Err(protocol::refused(
            "export",
            "the diagram has no nodes to draw",
        )));
    }
    // A quiz's verdicts stay hidden from the host as they are from the page's own Export.
    let picture = Picture {
        scenario: s,
        report: now.report.as_deref().filter(|_| !now.hides_verdicts),
        lang: now.lang,
        options: Options::default(),
        numbers: None,
        marks: None,
    };
    let (svg, w, h) = svg_text(&picture);
    if format == Format::Svg {
        return done(Ok(svg));
    }
    files::png_data_url(svg, w, h, move |url| {
        done(url.ok_or_else(|| protocol::refused("export", "the picture could not be drawn")))
    });
}

/// The listener for the host's messages, and `ready`, once.
#[hook]
fn use_listener(host: Rc<Option<Host>>, now: Mut<Now>, dispatch: Dispatch, sent: Mut<Sent>) {
    use_effect_with((), move |_| {
        let Some(h) = host.as_ref() else {
            return Box::new(|| ()) as Box<dyn FnOnce()>;
        };
        let ready = Outbound::Ready {
            version: crate::io::js_api::VERSION,
        };
        if h.origins.is_empty() {
            h.send_to(&ready, "*");
            return Box::new(|| ());
        }
        h.tell(&ready);
        let listener = web_sys::window().map(|w| {
            let host = host.clone();
            EventListener::new(&w, "message", move |e| {
                let Some(h) = host.as_ref() else { return };
                let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                    return;
                };
                let from_parent = e
                    .source()
                    .is_some_and(|s| JsValue::from(s) == JsValue::from(&h.parent));
                let origin = e.origin();
                if !from_parent || !protocol::accepts(&h.origins, &origin) {
                    return;
                }
                let data = e.data();
                let csp = js_sys::Reflect::get(&data, &"csp".into())
                    .ok()
                    .and_then(|v| v.as_f64());
                if !data.is_object() || csp != Some(f64::from(protocol::CSP)) {
                    return;
                }
                let now = now.borrow().clone();
                let host = host.clone();
                carry_out(&data, &now, &dispatch, &sent, move |m| {
                    if let Some(h) = host.as_ref() {
                        h.send_to(&m, &origin);
                    }
                });
            })
        });
        Box::new(move || drop(listener))
    });
}

/// The embed's side of the messages, for the page in state `s` judged as `eval` says: a no-op
/// unless the page is an embed in a frame.
#[hook]
pub fn use_host(s: &State, eval: &Evaluation, dispatch: Dispatch) {
    let host = use_memo((), |_| {
        if s.mode.embed.is_some() {
            Host::find()
        } else {
            None
        }
    });
    let report = eval.report().cloned();
    let now = use_mut_ref(|| Now {
        scenario: s.scenario().clone(),
        lang: s.lang,
        mode: s.mode,
        report: None,
        hides_verdicts: false,
        seed: None,
    });
    *now.borrow_mut() = Now {
        scenario: s.scenario().clone(),
        lang: s.lang,
        mode: s.mode,
        report: report.clone(),
        hides_verdicts: s.training.hides_verdicts(),
        seed: s.training.quiz.as_ref().and_then(|q| q.seed.clone()),
    };
    let sent = use_mut_ref(Sent::default);
    use_listener(host.clone(), now, dispatch, sent.clone());
    // Everything below tells the host page what happened; without one it is not worked out.
    let telling = host
        .as_ref()
        .as_ref()
        .is_some_and(|h| !h.origins.is_empty());
    // Nothing is told while a guide scenario's files are on their way: the diagram on screen
    // is not yet the one the address names (its `loaded`, then its verdicts, come after).
    use_events(host, sent, s, report, telling && s.waiting.is_none());
}

/// Tells the host page, if there is one.
fn tell(host: &Option<Host>, m: &Message) {
    if let Some(h) = host {
        h.tell(m);
    }
}

/// The events of §6.3, each when what it reports changed.
#[hook]
fn use_events(
    host: Rc<Option<Host>>,
    sent: Mut<Sent>,
    s: &State,
    report: Option<Rc<Report>>,
    telling: bool,
) {
    // A diagram was opened (one a host's `load` opened was answered already).
    {
        let (host, sent, report) = (host.clone(), sent.clone(), report.clone());
        use_effect_with(s.arrivals, move |&arrivals| {
            let mut st = sent.borrow_mut();
            let new = arrivals.saturating_sub(st.arrivals);
            let by_host = st.loads.min(new);
            st.loads -= by_host;
            st.arrivals = arrivals;
            drop(st);
            if let (true, true, Some(r)) = (telling, new > by_host, &report) {
                tell(
                    &host,
                    &Outbound::Loaded {
                        id: None,
                        summary: summary(r),
                    },
                );
            }
        });
    }
    // Every verdict, whenever any of them changed.
    {
        let (host, sent) = (host.clone(), sent.clone());
        use_effect_with(report.clone().map(crate::model::Shared), move |report| {
            let Some(r) = report.as_ref().filter(|_| telling) else {
                return;
            };
            let list: Vec<(String, &'static str)> = r
                .edges
                .iter()
                .map(|e| (e.id.clone(), e.verdict.as_str()))
                .collect();
            let mut st = sent.borrow_mut();
            if st.verdicts.as_ref() == Some(&list) {
                return;
            }
            let edges = list
                .iter()
                .map(|(id, verdict)| protocol::EdgeVerdict {
                    id: id.clone(),
                    verdict,
                })
                .collect();
            st.verdicts = Some(list);
            drop(st);
            tell(
                &host,
                &Outbound::Verdicts {
                    edges,
                    summary: summary(r),
                },
            );
        });
    }
    use_change(host.clone(), sent.clone(), s, telling);
    use_select(host.clone(), sent.clone(), s, telling);
    use_training(host.clone(), s, report, telling);
    use_resize(host, sent, s.scenario().clone(), telling);
}

/// `change`: the diagram after the visitor's edits (edit mode), at most every 0.4 s.
#[hook]
fn use_change(host: Rc<Option<Host>>, sent: Mut<Sent>, s: &State, telling: bool) {
    let scenario = use_mut_ref(|| s.scenario().clone());
    *scenario.borrow_mut() = s.scenario().clone();
    let edit = s.mode.embed == Some(Embed::Edit) && telling;
    use_effect_with((s.changes, s.arrivals), move |&(changes, arrivals)| {
        let mut st = sent.borrow_mut();
        // A new diagram is not an edit (`loaded` says it came), and an edit of the one
        // before it that was still waiting is not sent as this one's.
        let (seen, seen_arrivals) = st.changes_seen.replace((changes, arrivals)).unzip();
        if seen_arrivals.is_some_and(|a| a != arrivals) {
            st.change_timer = None;
            return;
        }
        let edited = seen.is_some_and(|c| c != changes);
        if !edit || !edited || st.change_timer.is_some() {
            return;
        }
        let later = sent.clone();
        st.change_timer = Some(Timeout::new(CHANGE_EVERY_MS, move || {
            later.borrow_mut().change_timer = None;
            let json = serde_json::to_string(&**scenario.borrow()).unwrap_or_default();
            if let Ok(value) = js_sys::JSON::parse(&json) {
                tell(
                    &host,
                    &Outbound::Change {
                        scenario: Js(value),
                    },
                );
            }
        }));
    });
}

/// `select`: what the visitor selected (one edge, one node, or nothing).
#[hook]
fn use_select(host: Rc<Option<Host>>, sent: Mut<Sent>, s: &State, telling: bool) {
    let sel = &s.selection;
    let single = match (sel.single_edge(), sel.single_node()) {
        (Some(e), _) => Some((Some(e.to_string()), None)),
        (None, Some(n)) => Some((None, Some(n.to_string()))),
        _ if sel.is_empty() => Some((None, None)),
        _ => None,
    };
    use_effect_with(single, move |single| {
        let Some(now) = single.clone().filter(|_| telling) else {
            return;
        };
        // The first is what the page opened with; one the host chose is not told back.
        let before = sent.borrow_mut().selection.replace(now.clone());
        if before.is_some() && before != Some(now.clone()) {
            tell(
                &host,
                &Outbound::Select {
                    edge: now.0,
                    node: now.1,
                },
            );
        }
    });
}

/// `step` and `quiz`: a walkthrough's progress, a checked quiz's score.
#[hook]
fn use_training(host: Rc<Option<Host>>, s: &State, report: Option<Rc<Report>>, telling: bool) {
    {
        let host = host.clone();
        use_effect_with(s.training.tour, move |tour| {
            let Some(t) = tour.filter(|_| telling) else {
                return;
            };
            if let Some(w) = training::walkthrough_of(t.preset) {
                tell(
                    &host,
                    &Outbound::Step {
                        preset: t.preset,
                        step: t.step,
                        of: w.len(),
                    },
                );
            }
        });
    }
    let checked = s.training.quiz.clone().filter(|q| q.checked);
    let scenario = s.scenario().clone();
    use_effect_with(checked, move |checked| {
        if let (Some(q), Some(r), true) = (checked, &report, telling) {
            let result = q.result(&scenario, r);
            let (score, of) = (result.right, result.total);
            tell(&host, &Outbound::Quiz { score, of });
        }
    });
}

/// `resize`: the content's natural height, measured shortly after each render and whenever
/// the frame changes size.
#[hook]
fn use_resize(host: Rc<Option<Host>>, sent: Mut<Sent>, scenario: Rc<Scenario>, telling: bool) {
    let shown = use_mut_ref(|| scenario.clone());
    *shown.borrow_mut() = scenario;
    let measure: Rc<dyn Fn()> = {
        let sent = sent.clone();
        Rc::new(move || {
            let Some(height) = size::natural_height_of(&shown.borrow()) else {
                return;
            };
            let before = std::mem::replace(&mut sent.borrow_mut().height, height);
            if before != height {
                tell(&host, &Outbound::Resize { height });
            }
        })
    };
    {
        let measure = measure.clone();
        use_effect(move || {
            if telling {
                // Renders in a burst are measured once, after the last (a new timer cancels
                // the one before).
                let timer = Timeout::new(MEASURE_AFTER_MS, move || measure());
                sent.borrow_mut().measure_timer = Some(timer);
            }
        });
    }
    let measure = use_mut_ref(|| measure.clone()).borrow().clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .filter(|_| telling)
            .map(|w| EventListener::new(&w, "resize", move |_| measure()));
        move || drop(listener)
    });
}
