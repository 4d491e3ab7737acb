//! Values handed to components that compare cheaply.

use std::rc::Rc;

/// An `Rc` compared by pointer, so props holding the scenario or the report compare in O(1)
/// on every render (a drag re-renders the page per frame). The state never changes them in
/// place: a change makes a new `Rc` (the old state still holds the old one).
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
