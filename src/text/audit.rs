//! The network audit: a whole partner network judged without being drawn.

texts! {
    open_audit => "Open network audit…", "開啟網路稽核…";
    audit_title => "Network audit", "網路稽核";
    show_party => "Show this party's relationships in the diagram", "在圖表中顯示此節點的關聯性";
    by_verdict => "Relationships by verdict", "依判定結果統計的關聯性";
    by_rule => "Findings by rule", "依規則統計的檢查結果";
    search => "Search", "搜尋";
    verdict_filter => "Verdict", "判定結果";
    any => "Any", "全部";
    rule_filter => "Rule", "規則";
    previous_page => "Previous page", "上一頁";
    next_page => "Next page", "下一頁";
    from_party => "From", "來源";
    rules_found => "Rules", "規則";
    /// The three steps of auditing a file, each shown while it runs.
    reading(file: &str) => "Reading {file}…", "正在讀取「{file}」…";
    checking(file: &str) => "Checking {file}…", "正在檢查「{file}」…";
    /// How many relationships, already written with thousands separators.
    judging(count: &str) => "Judging {count} relationships…", "正在判定 {count} 個關聯性…";
    /// "Step 2 of 3"
    audit_step(step: u8, of: u8) => "Step {step} of {of}", "第 {step} 步，共 {of} 步";
    /// "network.json: 5,000 nodes, 5,000 relationships"
    audit_file(file: &str, nodes: usize, edges: usize) => "{file}: {nodes} nodes, {edges} relationships",
        "{file}：{nodes} 個節點，{edges} 個關聯性";
    /// The name of a network that came without one (a share link or a file without a title).
    untitled_network => "Untitled network", "未命名的網路";
    opened_here => "This network is too large to draw, so it is audited here; the diagram is unchanged.",
        "此網路太大，無法繪製，因此在此稽核；圖表維持不變。";
    /// "Page 2 of 10 (480 matching relationships)"
    audit_page(page: usize, pages: usize, matching: usize) => "Page {page} of {pages} ({matching} matching relationships)",
        "第 {page} 頁，共 {pages} 頁（{matching} 個符合的關聯性）";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::num::thousands;
    use csp_rules::Lang;

    #[test]
    fn audit_steps_say_what_they_do_in_both_languages() {
        assert_eq!(
            judging(Lang::En, &thousands(25_000)),
            "Judging 25,000 relationships…"
        );
        assert_eq!(checking(Lang::ZhTw, "n.json"), "正在檢查「n.json」…");
        assert_eq!(audit_step(Lang::ZhTw, 2, 3), "第 2 步，共 3 步");
    }
}
