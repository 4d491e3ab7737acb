//! What a node says: the label as drawn (cut when long) and its accessible name, the same in
//! full detail and zoomed out.

use crate::text::common;
use csp_rules::Lang;

pub use crate::model::caption::short_label;
#[cfg(test)]
use crate::model::caption::MAX_CHARS as MAX_LABEL;

/// A node's accessible name: the text shown (what speech users will say) and its kind, then
/// the full name when the shown one was cut.
pub fn node_name(lang: Lang, label: &str, kind_name: &str) -> String {
    let (mut name, cut) = short_label(label);
    if kind_name != label {
        name = common::named_kind(lang, &name, kind_name);
    }
    if cut {
        name = common::aside(lang, &name, label);
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_cut_on_a_char_boundary() {
        assert_eq!(short_label("Contoso"), ("Contoso".to_string(), false));
        let long = "間".repeat(40);
        let (shown, cut) = short_label(&long);
        assert_eq!(shown.chars().count(), MAX_LABEL - 1);
        assert!(cut);
    }
}
