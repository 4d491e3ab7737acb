//! The words every room uses: verdicts, field names, the buttons of every dialog, and how a
//! relationship is named.

use csp_rules::{edge_kind_name, EdgeKind, Lang};

texts! {
    allowed => "Allowed", "允許";
    blocked => "Blocked", "不允許";
    not_judged => "Not judged (the diagram has an error)", "未判定（圖表有錯誤）";
    kind => "Kind", "類型";
    region => "Region", "地區";
    id => "ID", "ID";
    to => "to", "至";
    relationship => "Relationship", "關聯性";
    close => "Close", "關閉";
    cancel => "Cancel", "取消";
    delete_selected => "Delete selected", "刪除選取項目";
    no_other_node => "Add another node to connect this one.", "請先加入另一個節點才能建立關聯性。";
    /// "3 allowed · 1 blocked".
    counts(allowed: usize, blocked: usize) => "{allowed} allowed · {blocked} blocked",
        "允許 {allowed} 個 · 不允許 {blocked} 個";
    /// A text with a note after it: "Allowed (3)", "sells to (filled arrowhead)".
    aside(main: &str, note: &str) => "{main} ({note})", "{main}（{note}）";
    /// A thing, then what it is: a relationship and its verdict, a node and its kind.
    said_as(what: &str, how: &str) => "{what} — {how}", "{what}：{how}";
    /// A node's accessible name: its name, then its kind (read as "Contoso indirect provider").
    named_kind(name: &str, kind: &str) => "{name} {kind}", "{name}，{kind}";
    /// Two quoted names and the kind between them.
    relation_of(from: &str, kind: &str, to: &str) => "{from} {kind} {to}", "{from}{kind}{to}";
}

/// "“Contoso” sells to “Litware”": a relationship named by its ends' labels.
pub fn relation(lang: Lang, from: &str, kind: EdgeKind, to: &str) -> String {
    relation_of(
        lang,
        &lang.quote(from),
        edge_kind_name(kind, lang),
        &lang.quote(to),
    )
}

/// An allowed or blocked verdict, or none when the diagram can't be judged.
pub fn verdict(lang: Lang, v: Option<csp_rules::Verdict>) -> &'static str {
    match v {
        Some(csp_rules::Verdict::Allowed) => allowed(lang),
        Some(csp_rules::Verdict::Blocked) => blocked(lang),
        None => not_judged(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_quote_their_ends_as_the_engine_does() {
        assert_eq!(
            relation(Lang::En, "Contoso", EdgeKind::SellsTo, "Litware"),
            "“Contoso” sells to “Litware”"
        );
        assert_eq!(
            relation(Lang::ZhTw, "Contoso", EdgeKind::Manages, "Litware"),
            "「Contoso」管理「Litware」"
        );
        assert_eq!(counts(Lang::ZhTw, 3, 1), "允許 3 個 · 不允許 1 個");
    }
}
