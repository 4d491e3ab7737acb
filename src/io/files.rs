//! Files in and out: a scenario file read through the engine (so a refused one gets exactly
//! the CLI's `error:` line), and the diagram downloaded as JSON, SVG or PNG.

use super::web;
use csp_rules::{Lang, Limit, Place, Problem, Scenario, ScenarioError};
use wasm_bindgen::{JsCast, JsValue};

/// Reads a file the user chose or dropped into a scenario, or the engine's reason why not.
pub fn read_scenario(
    file: web_sys::File,
    done: impl FnOnce(Result<Scenario, ScenarioError>) + 'static,
) {
    let size = file.size();
    if size > Limit::MAX_BYTES as f64 {
        // Refused before reading it all into memory, with the error the CLI gives.
        let found = Some(size as usize);
        let limit = Limit::Bytes;
        return done(Err(ScenarioError::new(
            Place::Input,
            Problem::TooLarge { limit, found },
        )));
    }
    web::read_file(file, move |bytes| {
        done(match bytes {
            Some(b) => csp_rules::picture::parse_file(&b),
            None => Err(ScenarioError::new(Place::Input, Problem::Unreadable)),
        })
    });
}

/// Names Windows keeps for devices, with or without an extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// The longest file name made from a title, in characters.
const STEM_MAX: usize = 60;

/// A file name for the diagram from its title in `lang`: its words (letters and digits, any
/// script) joined by `-`, as many whole words as fit, nothing any system refuses (no `/ \ : *
/// ? " < > |`, no device name, no dot or space at the end); "scenario" without a title.
pub fn file_stem(s: &Scenario, lang: Lang) -> String {
    let title = s.title_in(lang).unwrap_or_default();
    let mut stem = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let len = stem.chars().count();
        let add = word.chars().count() + usize::from(len > 0);
        if len + add > STEM_MAX {
            if len == 0 {
                // One word longer than a name may be: its start.
                stem = word.chars().take(STEM_MAX).collect();
            }
            break;
        }
        if len > 0 {
            stem.push('-');
        }
        stem.push_str(word);
    }
    if stem.is_empty() {
        return "scenario".into();
    }
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(&stem)) {
        stem.push_str("-diagram");
    }
    stem
}

/// The scenario as the exported JSON file holds it: indented, with a final newline.
pub fn json_text(s: &Scenario) -> String {
    let compact = serde_json::to_string(s).unwrap_or_default();
    let mut json = web::indent_json(&compact).unwrap_or(compact);
    json.push('\n');
    json
}

/// Offers the scenario as a JSON file, indented.
pub fn download_json(s: &Scenario, lang: Lang) {
    web::download(
        &format!("{}.json", file_stem(s, lang)),
        "application/json",
        json_text(s).as_bytes(),
    );
}

/// Offers a picture (an SVG file's text, `w` × `h` pixels) as `name`.svg.
pub fn download_svg(svg: &str, name: &str) {
    web::download(&format!("{name}.svg"), "image/svg+xml", svg.as_bytes());
}

/// Offers a picture (an SVG file's text, `w` × `h` pixels) as `name`.png, drawn at twice its
/// size for slides. The SVG is loaded from a `blob:` URL (hence `img-src 'self' blob:` in the
/// page's policy).
pub fn download_png(svg: String, w: f64, h: f64, name: &str) {
    let name = format!("{name}.png");
    rasterize(svg, w, h, move |canvas| {
        let done = wasm_bindgen::closure::Closure::once_into_js(move |b: JsValue| {
            if let Ok(b) = b.dyn_into::<web_sys::Blob>() {
                web::download_blob(&name, &b);
            }
        });
        if let Some(canvas) = canvas {
            let _ = canvas.to_blob(done.unchecked_ref());
        }
    });
}

/// The SVG drawing as a PNG `data:` URL, as `download_png` draws it; `done(None)` if it
/// can't be drawn.
pub fn png_data_url(svg: String, w: f64, h: f64, done: impl FnOnce(Option<String>) + 'static) {
    rasterize(svg, w, h, move |canvas| {
        done(canvas.and_then(|c| c.to_data_url().ok()))
    });
}

/// Draws `svg` (`w` × `h`) onto a canvas at twice its size, within what browsers allow a
/// canvas to be, and hands it to `done` once drawn (`None` if it could not be).
fn rasterize(
    svg: String,
    w: f64,
    h: f64,
    done: impl FnOnce(Option<web_sys::HtmlCanvasElement>) + 'static,
) {
    let Some((doc, url, img)) = (|| {
        let doc = web_sys::window()?.document()?;
        let blob = web::blob(svg.as_bytes(), "image/svg+xml")?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        Some((doc, url, web_sys::HtmlImageElement::new().ok()?))
    })() else {
        return done(None);
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |canvas: Option<web_sys::HtmlCanvasElement>| {
            if let Some(f) = done.borrow_mut().take() {
                f(canvas);
            }
        }
    };
    let draw = {
        let (img, url) = (img.clone(), url.clone());
        move || -> Option<web_sys::HtmlCanvasElement> {
            let _ = web_sys::Url::revoke_object_url(&url);
            let canvas: web_sys::HtmlCanvasElement =
                doc.create_element("canvas").ok()?.dyn_into().ok()?;
            let scale = 2.0_f64
                .min(16_000.0 / w)
                .min(16_000.0 / h)
                .min((200_000_000.0 / (w * h)).sqrt());
            canvas.set_width((w * scale) as u32);
            canvas.set_height((h * scale) as u32);
            let ctx: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d").ok()??.dyn_into().ok()?;
            ctx.scale(scale, scale).ok()?;
            ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w, h)
                .ok()?;
            Some(canvas)
        }
    };
    {
        let finish = finish.clone();
        gloo::events::EventListener::once(&img, "load", move |_| finish(draw())).forget();
    }
    {
        let url = url.clone();
        gloo::events::EventListener::once(&img, "error", move |_| {
            let _ = web_sys::Url::revoke_object_url(&url);
            finish(None);
        })
        .forget();
    }
    img.set_src(&url);
}

#[allow(clippy::panic)] // a failing test panics
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_the_title_in_whole_words() {
        let mut s = Scenario::default();
        assert_eq!(file_stem(&s, Lang::En), "scenario");
        s.title = Some("Two-tier chain / 二層 <x>: a \\ b * c? \"d\" |e|.".into());
        assert_eq!(file_stem(&s, Lang::En), "Two-tier-chain-二層-x-a-b-c-d-e");
        s.titles = Some(csp_rules::Localized {
            en: None,
            zh: Some("二層式通路".into()),
        });
        assert_eq!(file_stem(&s, Lang::ZhTw), "二層式通路");
        assert_eq!(file_stem(&s, Lang::En), "Two-tier-chain-二層-x-a-b-c-d-e");
        s.titles = None;
        s.title = Some("///".into());
        assert_eq!(file_stem(&s, Lang::En), "scenario");
        s.title = Some("con".into());
        assert_eq!(file_stem(&s, Lang::En), "con-diagram");
        // Whole words only: the last that fits, never a cut one.
        s.title =
            Some("An indirect reseller buying as an end customer from its own provider".into());
        assert_eq!(
            file_stem(&s, Lang::En),
            "An-indirect-reseller-buying-as-an-end-customer-from-its-own"
        );
        let Some(p) = csp_rules::presets::get(6).and_then(|p| p.scenario().ok()) else {
            panic!("preset 6 loads")
        };
        assert_eq!(
            file_stem(&p, Lang::ZhTw),
            "間接轉銷商以終端客戶的身分向自己的間接提供者購買"
        );
        let one = "x".repeat(80);
        s.title = Some(one.clone());
        assert_eq!(file_stem(&s, Lang::En), one[..60]);
    }
}
