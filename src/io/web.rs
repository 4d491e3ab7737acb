//! The browser at the edges: location and history, the document's language, the clipboard,
//! performance marks, hit testing. Every call tolerates a missing API (no window, no
//! clipboard) and never panics; what can't be done is reported as `None`/`false`.

use super::url;
use crate::text::num::fixed;
use csp_rules::Lang;
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's address: (href, search, hash).
pub fn location() -> (String, String, String) {
    let loc = window().map(|w| w.location());
    let get = |f: fn(&web_sys::Location) -> Result<String, JsValue>| {
        loc.as_ref().and_then(|l| f(l).ok()).unwrap_or_default()
    };
    (
        get(web_sys::Location::href),
        get(web_sys::Location::search),
        get(web_sys::Location::hash),
    )
}

/// The page's query (`?…`) alone: the address's other parts can hold a whole diagram, which
/// the reads of one parameter need not copy into the wasm.
fn search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's fragment (`#…`) alone.
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The values of the query parameter `name`, in order, decoded as `URLSearchParams.getAll`
/// decodes them.
pub fn query_all(name: &str) -> Vec<String> {
    let search = search();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    params
        .get_all(name)
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

/// The first value of the query parameter `name`, decoded.
pub fn query(name: &str) -> Option<String> {
    query_all(name).into_iter().next()
}

/// The origin the browser's URL parser gives `value` (`new URL(value).origin`), if it parses.
pub fn url_origin(value: &str) -> Option<String> {
    web_sys::Url::new(value).ok().map(|u| u.origin())
}

/// `?lang=` first, then the browser's language, else English.
pub fn initial_lang() -> Lang {
    let search = search();
    url::lang_param(&search)
        .or_else(|| {
            window()
                .and_then(|w| w.navigator().language())
                .and_then(|tag| Lang::from_browser(&tag))
        })
        .unwrap_or_default()
}

/// Replaces the address without a reload or a history entry (and without `hashchange`).
fn replace(search: &str, hash: &str) {
    let Some(w) = window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{path}{search}{hash}")),
        );
    }
}

/// Sets `?lang=` and keeps the rest of the address, fragment included.
pub fn set_lang_param(lang: Lang) {
    let (_, search, hash) = location();
    replace(&url::with_lang(&search, lang), &hash);
}

/// Sets parameter `name` of the query (or with `None` removes it), keeping the rest of the
/// address, fragment included.
pub fn set_param(name: &str, value: Option<&str>) {
    let (_, search, hash) = location();
    replace(&url::with_param(&search, name, value), &hash);
}

/// Sets (or with `""` removes) the fragment.
pub fn set_fragment(hash: &str) {
    replace(&search(), hash);
}

/// `<html lang>` and the title follow the page's language.
pub fn set_document_lang(lang: Lang, title: &str) {
    if let Some(doc) = window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        doc.set_title(title);
    }
}

/// Sets `data-{name}` on the document's root element (a test hook that needs no render).
pub fn set_root_data(name: &str, value: &str) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(&format!("data-{name}"), value);
    }
}

/// A `performance.mark` (read by the browser tests to time the first render).
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Runs `then` once what was just rendered has been painted: at the next animation frame, the
/// frame is drawn after its callbacks, so a task queued from one runs after the paint. Without
/// a window, never.
pub fn after_paint(then: impl FnOnce() + 'static) {
    let Some(w) = window() else { return };
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, then).forget();
    });
    let _ = w.request_animation_frame(frame.unchecked_ref());
}

/// Writes `text` to the clipboard; `done(true)` once written, `done(false)` when the
/// clipboard is missing (not a secure context) or refused.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(nav) = window().map(|w| w.navigator()) else {
        return done(false);
    };
    // `navigator.clipboard` is undefined outside secure contexts; calling into it would throw.
    let has_clipboard = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        return done(false);
    }
    let promise = nav.clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Whether the media query `query` holds now (false where it can't be asked).
pub fn media(query: &str) -> bool {
    window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// A short buzz where the device has one (a long press took), else nothing.
pub fn vibrate(ms: u32) {
    if let Some(w) = window() {
        let _ = w.navigator().vibrate_with_duration(ms);
    }
}

/// The topmost element at a viewport point.
pub fn element_at(x: f64, y: f64) -> Option<Element> {
    window()?.document()?.element_from_point(x as f32, y as f32)
}

/// The value of `attr` on `el` or its nearest ancestor that has it.
pub fn closest_attr(el: &Element, attr: &str) -> Option<String> {
    el.closest(&format!("[{attr}]"))
        .ok()
        .flatten()?
        .get_attribute(attr)
}

/// The element an event happened on.
pub fn event_element(e: &web_sys::Event) -> Option<Element> {
    e.target()?.dyn_into::<Element>().ok()
}

/// Whether a key press belongs to a text field (so Delete edits text there).
pub fn in_text_field(e: &web_sys::Event) -> bool {
    event_element(e).is_some_and(|el| {
        matches!(
            el.tag_name().to_ascii_lowercase().as_str(),
            "input" | "textarea" | "select"
        ) || el.closest("[contenteditable]").ok().flatten().is_some()
    })
}

thread_local! {
    static STORAGE_OFF: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the page out of the browser's storage from now on: every read finds nothing and
/// every write is refused (an embed must neither restore nor overwrite what a visitor saved
/// in the whole app).
pub fn turn_storage_off() {
    STORAGE_OFF.with(|off| off.set(true));
}

/// The browser's local storage, when there is one and it may be used. A frame on another
/// site may be refused it (reading `localStorage` then throws): that is `None` too.
fn local_storage() -> Option<web_sys::Storage> {
    if STORAGE_OFF.with(Cell::get) {
        return None;
    }
    window()?.local_storage().ok().flatten()
}

/// The text stored under `key`.
pub fn storage_get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; `false` when storage is missing, full or refused.
pub fn storage_set(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes what is stored under `key`, if storage can be used.
pub fn storage_remove(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

/// A blob of `bytes` with a MIME type.
pub fn blob(bytes: &[u8], mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
}

/// Offers a blob as a download named `name`, through a `blob:` URL on a temporary anchor
/// (no `data:` URL, nothing loaded into the page itself).
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> bool {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let ok = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .is_some_and(|a| {
            a.set_href(&url);
            a.set_download(name);
            a.click();
            true
        });
    // Revoked later: the download may not have started reading it yet.
    let _ = gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    ok
}

/// Offers `bytes` as a download.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> bool {
    blob(bytes, mime).is_some_and(|b| download_blob(name, &b))
}

/// Reads a file's bytes; `done(None)` when it can't be read.
pub fn read_file(file: web_sys::File, done: impl FnOnce(Option<Vec<u8>>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move { done(file_bytes(&file).await) });
}

/// A file's bytes, or `None` when it can't be read.
pub async fn file_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()
        .map(|buf| js_sys::Uint8Array::new(&buf).to_vec())
}

/// Focuses the first element matching `selector`, if there is one.
pub fn focus_first(selector: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses the first element of those matching `selectors` (in order) that is shown: the
/// focus goes back to whichever of a wide and a narrow screen's buttons is on screen.
pub fn focus_shown(selectors: &[&str]) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let shown = selectors
        .iter()
        .filter_map(|sel| doc.query_selector(sel).ok().flatten())
        .filter_map(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|e| e.get_client_rects().length() > 0);
    if let Some(el) = shown {
        let _ = el.focus();
    }
}

/// Focuses the first element matching `selector` inside `root`.
pub fn focus_within(root: &Element, selector: &str) {
    if let Some(el) = root
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A modal dialog opened for the keyboard: the focus on its first element matching `first`,
/// and kept in it ([`keep_focus_in`]) until the listener returned is dropped.
pub fn open_modal(root: Option<Element>, first: &str) -> Option<gloo::events::EventListener> {
    let root = root?;
    focus_within(&root, first);
    keep_focus_in(root)
}

/// What the keyboard can reach in a dialog.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex='-1'])";

/// Keeps the focus in a modal dialog, as `aria-modal` promises: focus that leaves `root`
/// (Tab past its last control, Shift+Tab before its first, out of a frame in it) comes back
/// to its first control, or to its last when it left from the first. Checked a moment later,
/// so that a dialog that closes and hands the focus back to the page is let go. Dropping the
/// listener ends it.
fn keep_focus_in(root: Element) -> Option<gloo::events::EventListener> {
    let doc = window()?.document()?;
    Some(gloo::events::EventListener::new(
        &doc,
        "focusin",
        move |e| {
            let outside = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|t| !root.contains(Some(&t)));
            if !outside {
                return;
            }
            let from = e
                .dyn_ref::<web_sys::FocusEvent>()
                .and_then(|f| f.related_target())
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            let root = root.clone();
            gloo::timers::callback::Timeout::new(0, move || {
                let Some(list) = root
                    .is_connected()
                    .then(|| root.query_selector_all(FOCUSABLE).ok())
                    .flatten()
                else {
                    return;
                };
                let (first, last) = (list.get(0), list.get(list.length().saturating_sub(1)));
                let left_first =
                    matches!((&from, &first), (Some(a), Some(b)) if a.is_same_node(Some(b)));
                let back = if left_first { last } else { first };
                if let Some(el) = back.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.focus();
                }
            })
            .forget();
        },
    ))
}

/// Clicks the first element matching `selector` (a hidden file input, from a menu).
pub fn click_first(selector: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.click();
    }
}

/// Asks for the whole page to go full screen. Browsers refuse without a user's gesture (a
/// page opened with `?present=1`) or inside a frame that may not: the refusal is caught, and
/// the page carries on as it is.
pub fn request_fullscreen() {
    let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    call_caught(&root, "requestFullscreen");
}

/// Leaves full screen, if the page is in it.
pub fn exit_fullscreen() {
    if let Some(doc) = window().and_then(|w| w.document()) {
        if doc.fullscreen_element().is_some() {
            call_caught(&doc, "exitFullscreen");
        }
    }
}

/// Whether the page is full screen.
pub fn is_fullscreen() -> bool {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.fullscreen_element())
        .is_some()
}

/// Calls the method `name` of `target`, if it has one, and catches the promise it returns, so
/// a refusal is not an unhandled rejection.
fn call_caught(target: &JsValue, name: &str) {
    let f = js_sys::Reflect::get(target, &JsValue::from_str(name)).ok();
    let Some(f) = f.as_ref().and_then(|f| f.dyn_ref::<js_sys::Function>()) else {
        return;
    };
    if let Ok(Ok(promise)) = f.call0(target).map(|p| p.dyn_into::<js_sys::Promise>()) {
        // Called on a user's rare gesture: the one small closure it leaks is no concern.
        let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = promise.catch(&ignore);
        ignore.forget();
    }
}

/// The focused element.
pub fn active_element() -> Option<Element> {
    window()?.document()?.active_element()
}

/// Keeps a popover inside the window: moved sideways by as much as it sticks out (with a
/// margin), and no taller than the room below its top. Through the CSSOM, which the page's
/// Content-Security-Policy allows (unlike style attributes).
pub fn keep_in_view(el: &web_sys::HtmlElement) {
    const MARGIN: f64 = 8.0;
    let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let (vw, vh) = (
        f64::from(root.client_width()),
        f64::from(root.client_height()),
    );
    let style = el.style();
    let _ = style.remove_property("translate");
    let _ = style.remove_property("max-height");
    let r = el.get_bounding_client_rect();
    let dx = if r.right() > vw - MARGIN {
        (vw - MARGIN - r.right()).max(MARGIN - r.left())
    } else if r.left() < MARGIN {
        MARGIN - r.left()
    } else {
        0.0
    };
    if dx != 0.0 {
        let _ = style.set_property("translate", &format!("{}px 0", fixed(dx, 0)));
    }
    let room = vh - r.top() - MARGIN;
    if r.height() > room {
        let _ = style.set_property("max-height", &format!("{}px", fixed(room.max(160.0), 0)));
    }
}

/// Focuses the canvas element of node `id` (compared as text: an ID may hold any character).
pub fn focus_node(id: &str) {
    let Some(list) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("[data-node-id]").ok())
    else {
        return;
    };
    for i in 0..list.length() {
        let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::SvgElement>().ok())
        else {
            continue;
        };
        if el.get_attribute("data-node-id").as_deref() == Some(id) {
            let _ = el.focus();
            return;
        }
    }
}

/// `s` in lower case, to match what a reader typed: ASCII by Rust, anything else by the
/// browser's `toLowerCase`, since Rust's `to_lowercase` brings Unicode's case tables (7.6 kB
/// of the page's gzip) into the wasm. Natively (the tests), Rust's own.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(s).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.to_lowercase()
    }
}

/// JSON text indented by two spaces, by the browser's own `JSON.stringify` (a pretty printer
/// of our own would compile a second serializer for every type). `None` if it isn't JSON.
pub fn indent_json(compact: &str) -> Option<String> {
    let value = js_sys::JSON::parse(compact).ok()?;
    js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))
        .ok()?
        .as_string()
}

/// The local date and time as `YYYY-MM-DD HH:MM` (a quiz result's date).
pub fn local_time() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Whether the reader asked the system for less motion (`prefers-reduced-motion`).
pub fn reduced_motion() -> bool {
    window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}
