//! What a sub-state's reducer hands back to the page's: how a new diagram arrives, and the
//! effects the page applies (sub-states never write the page's fields themselves).

use csp_rules::Scenario;
use std::rc::Rc;

/// How a diagram arrives, which says what of the page it keeps. Every arrival but
/// `Restored` is one undo step; every one clears the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// Brought back from the browser's storage as the page starts: the history starts here.
    Restored,
    /// An empty diagram: ends training and lets the kept diagram go; the view starts over.
    New,
    /// Opened from a preset, a share link or a file: ends training and lets the kept diagram
    /// go; the view is fitted to it.
    Opened { preset: Option<u8> },
    /// A diagram saved in this browser (from Recent, or another tab's): as `Opened`.
    Saved,
    /// A walkthrough step's diagram: the walkthrough, the kept diagram and the view stay.
    Step { preset: u8 },
    /// The learner's own diagram, back from where a walkthrough kept it: the walkthrough
    /// ends; the view and any notice stay.
    Kept,
}

/// What a sub-state's reducer asks of the page, applied in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// A new diagram, arriving as the second part says.
    Load(Rc<Scenario>, Arrival),
    /// A change to the diagram made for the user (a walkthrough's "show me"): one step, the
    /// selection kept.
    Change(Scenario),
    ClearSelection,
}
