//! Files in and out: a scenario file read through the engine (so a refused one gets exactly
//! the CLI's `error:` line), and the diagram downloaded as JSON, SVG or PNG.

use super::export::{self, Frame};
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
            Some(b) => csp_rules::parse_bytes(&b),
            None => Err(ScenarioError::new(Place::Input, Problem::Unreadable)),
        })
    });
}

/// A file name for the diagram: its title in `lang` made safe, else "scenario".
pub fn file_stem(s: &Scenario, lang: Lang) -> String {
    let stem: String = s
        .title_in(lang)
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let stem = stem
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "scenario".into()
    } else {
        stem.chars().take(60).collect()
    }
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

/// The canvas drawing as a standalone SVG file (with the legend), and its size.
pub fn svg_of(
    s: &Scenario,
    frame: Frame,
    counts: Option<(usize, usize)>,
    lang: Lang,
) -> Option<(String, f64, f64)> {
    let doc = web_sys::window()?.document()?;
    let viewport = doc.query_selector("svg.canvas g.viewport").ok().flatten()?;
    let copy = viewport.clone_node_with_deep(true).ok()?;
    let copy: web_sys::Element = copy.dyn_into().ok()?;
    // The export shows the whole diagram, not the current pan and zoom, nor the selection.
    let _ = copy.remove_attribute("transform");
    if let Ok(selected) = copy.query_selector_all(".selected") {
        for i in 0..selected.length() {
            if let Some(el) = selected
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let class = el.get_attribute("class").unwrap_or_default();
                let kept: Vec<&str> = class.split(' ').filter(|c| *c != "selected").collect();
                let _ = el.set_attribute("class", &kept.join(" "));
            }
        }
    }
    let drawing = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&copy)
        .ok()?;
    Some(export::svg_file(
        &drawing,
        &web::page_css(),
        frame,
        s.title_in(lang),
        counts,
        lang,
    ))
}

/// Offers the canvas drawing, framed to `frame`, as an SVG file.
pub fn download_svg(s: &Scenario, frame: Frame, counts: Option<(usize, usize)>, lang: Lang) {
    if let Some((svg, _, _)) = svg_of(s, frame, counts, lang) {
        web::download(
            &format!("{}.svg", file_stem(s, lang)),
            "image/svg+xml",
            svg.as_bytes(),
        );
    }
}

/// Offers the canvas drawing as a PNG: the SVG drawn onto a canvas at twice its size. The SVG
/// is loaded from a `blob:` URL (hence `img-src 'self' blob:` in the page's policy).
pub fn download_png(s: &Scenario, frame: Frame, counts: Option<(usize, usize)>, lang: Lang) {
    if let Some((svg, w, h)) = svg_of(s, frame, counts, lang) {
        let name = format!("{}.png", file_stem(s, lang));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_the_title() {
        let mut s = Scenario::default();
        assert_eq!(file_stem(&s, Lang::En), "scenario");
        s.title = Some("Two-tier chain / 二層 <x>".into());
        assert_eq!(file_stem(&s, Lang::En), "Two-tier-chain-二層-x");
        s.titles = Some(csp_rules::Localized {
            en: None,
            zh: Some("二層式通路".into()),
        });
        assert_eq!(file_stem(&s, Lang::ZhTw), "二層式通路");
        assert_eq!(file_stem(&s, Lang::En), "Two-tier-chain-二層-x");
        s.titles = None;
        s.title = Some("///".into());
        assert_eq!(file_stem(&s, Lang::En), "scenario");
    }
}
