//! What the page knows of the diagram saved in the browser, as a sub-state: the saved text it
//! started from, unreadable saved text and whether it was really kept aside (saving waits
//! while it wasn't), and another tab's save over this one's. The saving itself is `io`'s
//! (`io::autosave`); this says what it may do, and what the notices show.

use crate::io::storage::{self, Saved, Unreadable};
use csp_rules::Scenario;
use std::rc::Rc;

/// Saved text that could not be read when the page started.
#[derive(Debug, Clone, PartialEq)]
pub struct UnreadableSave {
    pub reason: Unreadable,
    pub raw: Rc<String>,
    /// Where it was kept aside (checked by reading it back), or `None` when it could not be
    /// (storage full): then nothing is saved over it until the user downloads or discards it.
    pub kept: Option<String>,
}

/// Another tab saved over the diagram this tab has saved, or started from.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// What it saved, when this version can read it.
    pub theirs: Option<Rc<Saved>>,
    /// The fingerprint of its text.
    pub fingerprint: u64,
    /// It is the same diagram (changed there too), not another one.
    pub same: bool,
    /// Keeping this tab's diagram in Recent failed, so the other one was not loaded.
    pub keep_failed: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Saving {
    /// The saved text this tab started from or loaded, as (diagram, fingerprint): saving
    /// that diagram over it keeps nothing aside first.
    pub adopted: Option<(Rc<str>, u64)>,
    pub unreadable: Option<UnreadableSave>,
    /// Unreadable stored text the user let go of (downloaded or discarded): it may be
    /// overwritten.
    pub released: Option<u64>,
    pub conflict: Option<Conflict>,
}

impl Saving {
    /// Saves wait: unreadable saved text could not be kept aside, and the user has not yet
    /// downloaded or discarded it.
    pub fn held(&self) -> bool {
        self.unreadable
            .as_ref()
            .is_some_and(|u| u.kept.is_none() && self.released.is_none())
    }
}

/// What the user does about saved work.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveAction {
    /// Another tab stored this text as the saved diagram.
    Elsewhere(Rc<String>),
    /// Keep saving this tab's diagram (the other tab's goes to Recent as it is overwritten).
    KeepMine,
    /// Load the other tab's diagram (this tab's was kept in Recent first).
    LoadTheirs,
    /// Keeping this tab's diagram in Recent failed: it stays, and the notice says so.
    KeepFailed,
    /// The unreadable saved text was downloaded, or the user chose to discard it: it may be
    /// overwritten now.
    Release,
    /// The notice about unreadable saved text is dismissed.
    DismissUnreadable,
    /// Open a saved diagram (from Recent): `slot` when it is the one in the saved place, with
    /// the fingerprint of its text.
    Open { saved: Rc<Saved>, slot: Option<u64> },
}

/// What the page does after a saved-work verb.
#[derive(Debug, Clone, PartialEq)]
pub enum Then {
    /// Nothing changed.
    Nothing,
    /// Only what the notices show changed.
    Changed,
    /// Save the diagram on screen (it is the user's choice, or it waited).
    Save,
    /// Load a saved diagram: the user's own work when `own` (then saved as it is edited);
    /// `adopt` is the fingerprint of its text when it is what the saved place holds.
    Load {
        saved: Rc<Saved>,
        adopt: Option<u64>,
        own: bool,
    },
}

impl Saving {
    /// Applies a saved-work verb, for the diagram `doc` on screen (`own`: the user's work).
    pub fn reduce(
        &mut self,
        action: SaveAction,
        doc: &str,
        own: bool,
        on_screen: &Scenario,
    ) -> Then {
        match action {
            SaveAction::Elsewhere(raw) => {
                let fingerprint = storage::fingerprint(&raw);
                let known = self
                    .adopted
                    .as_ref()
                    .is_some_and(|(_, f)| *f == fingerprint);
                // Nothing of this tab's is at stake in an unedited link or preset.
                if !own || known {
                    return Then::Nothing;
                }
                let theirs = storage::read(&raw).ok().map(Rc::new);
                // The other tab saved what this one shows: nothing to choose, and this tab
                // may save over it.
                if theirs.as_ref().is_some_and(|t| t.scenario == *on_screen) {
                    self.adopted = Some((Rc::from(doc), fingerprint));
                    self.conflict = None;
                    return Then::Changed;
                }
                let same = theirs
                    .as_ref()
                    .is_some_and(|t| t.doc.as_deref() == Some(doc));
                self.conflict = Some(Conflict {
                    theirs,
                    fingerprint,
                    same,
                    keep_failed: false,
                });
                Then::Changed
            }
            SaveAction::KeepMine => match self.conflict.take() {
                Some(_) => Then::Save,
                None => Then::Nothing,
            },
            SaveAction::LoadTheirs => match self.conflict.take() {
                Some(Conflict {
                    theirs: Some(saved),
                    fingerprint,
                    ..
                }) => Then::Load {
                    saved,
                    adopt: Some(fingerprint),
                    own: true,
                },
                other => {
                    self.conflict = other;
                    Then::Nothing
                }
            },
            SaveAction::KeepFailed => match &mut self.conflict {
                Some(c) if !c.keep_failed => {
                    c.keep_failed = true;
                    Then::Changed
                }
                _ => Then::Nothing,
            },
            SaveAction::Release => {
                let Some(u) = &self.unreadable else {
                    return Then::Nothing;
                };
                let held = self.held();
                self.released = Some(storage::fingerprint(&u.raw));
                if u.kept.is_none() {
                    self.unreadable = None;
                }
                if held {
                    Then::Save
                } else {
                    Then::Changed
                }
            }
            SaveAction::DismissUnreadable => {
                if self.held() || self.unreadable.take().is_none() {
                    return Then::Nothing;
                }
                Then::Changed
            }
            SaveAction::Open { saved, slot } => Then::Load {
                saved,
                adopt: slot,
                own: slot.is_some(),
            },
        }
    }
}
