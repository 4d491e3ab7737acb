//! The page in another page's frame (interfaces.md §6.2–6.3): the compact modes' layout
//! (`frame`), what they show of the selection (`popover`), the messages with the host page
//! (`protocol`, pure; `host`, at the page's edge) and the natural height it reports (`size`);
//! and, for the whole app, the Embed dialog (`dialog`) and the snippets it writes (`snippet`).
//! The shell lays the rooms out and hands an embed's stage to `frame`; the mode itself is the
//! model's (`model::Mode`), which every room can read.

pub mod dialog;
pub mod frame;
pub mod host;
pub mod popover;
pub mod protocol;
pub mod size;
pub mod snippet;

use crate::model::evaluation::Evaluation;
use crate::model::{Dispatch, State};
use yew::prelude::*;

/// An embed's effects, for the page in state `s` judged as `eval` says: the messages with
/// the host page, and the canvas measured whenever its box changes size (a frame's panel
/// grows and shrinks with its content; in the whole app only during a walkthrough, whose
/// step may take part of a phone's canvas, and while presenting, where the panel beside the
/// diagram settles after the first fit).
#[hook]
pub fn use_embed(s: &State, eval: &Evaluation, dispatch: Dispatch) {
    let observed = s.mode.refits() || s.training.tour.is_some();
    size::use_canvas_size(observed, dispatch.clone());
    host::use_host(s, eval, dispatch);
}
