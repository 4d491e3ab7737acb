//! The side panels: the inspector, the relationship panel, the findings, the scenario, the
//! notices, and the table view.

texts! {
    scenario => "Scenario", "情境";
    title => "Title", "標題";
    as_of => "Rules applied as of", "規則適用日期";
    /// The date field's hint, around the engine's note of the dates it uses.
    as_of_hint(dates: &str) => "Empty: {dates}", "留白：使用{dates}";
    from_guide => "From the guide", "出自指南";
    name => "Name", "名稱";
    /// Under the name: what the other language calls it, quoted.
    name_elsewhere(name: &str) => "In Chinese: {name}", "英文：{name}";
    /// The ID field's hint, around the engine's rule for IDs.
    id_hint(grammar: &str) => "{grammar}; unique. Press Enter to apply.", "{grammar}，不可重複。按 Enter 套用。";
    other_region => "Other…", "其他…";
    region_id => "Region ID", "地區 ID";
    microsoft_global => "Microsoft is global: it has no region.", "Microsoft 是全球性的，沒有地區。";
    org => "Organization", "組織";
    org_hint => "Nodes with the same organization are affiliates. Empty: the node's ID.",
        "組織相同的節點彼此為關係企業。留白：使用節點的 ID。";
    tenant => "Tenant", "租用戶";
    tenant_hint => "The Partner Center tenant that holds its relationships. Empty: the node's ID.",
        "在合作夥伴中心持有其關聯性的租用戶。留白：使用節點的 ID。";
    requirements => "Requirements met", "需求（勾選表示已符合）";
    add_relationship => "Add a relationship", "新增關聯性";
    add => "Add", "新增";
    /// The filter over a long list of the nodes to connect to.
    filter_nodes(count: usize) => "Filter {count} nodes by name or ID", "依名稱或 ID 篩選 {count} 個節點";
    /// Under that list, while it shows only some of them.
    nodes_shown(shown: usize, total: usize) => "Showing {shown} of {total} matching nodes: type to narrow.",
        "在 {total} 個符合的節點中，顯示 {shown} 個。請輸入文字縮小範圍。";
    no_match => "No node matches.", "沒有符合的節點。";
    delete_node => "Delete this node", "刪除此節點";
    relationships => "Its relationships", "其關聯性";
    reverse => "Reverse", "反轉方向";
    delete_edge => "Delete this relationship", "刪除此關聯性";
    findings => "Findings", "檢查結果";
    no_findings => "No rule limits this relationship.", "沒有規則限制此關聯性。";
    /// Before a citation of the guide.
    source => "Source: ", "出處：";
    /// Before the pages the guide links from the cited passage.
    see_also => "See also: ", "另請參閱：";
    /// Between the items of a short list.
    list_gap => ", ", "、";
    /// Read after a link's text by screen readers.
    new_tab => " (opens in a new tab)", "（在新分頁開啟）";
    remedies => "Remedies", "補救方式";
    what_would_fix => "What would make this allowed", "如何讓此關聯性獲得允許";
    no_fix => "No one-click fix: see the remedies above.", "沒有一鍵修正：請參閱上方的補救方式。";
    severity_block => "blocks", "不允許";
    severity_info => "info", "資訊";
    diagram_findings => "Findings for the whole diagram", "整張圖表的檢查結果";
    diagram_wide => "Diagram-wide", "全圖";
    nothing_to_report => "Nothing to report.", "沒有需要回報的項目。";
    nothing_selected => "Select a node or a relationship to see and edit it here.",
        "選取節點或關聯性，即可在此檢視和編輯。";
    /// More than one thing selected.
    selected_many(nodes: usize, edges: usize) => "{nodes} node(s) and {edges} relationship(s) selected.",
        "已選取 {nodes} 個節點和 {edges} 個關聯性。";
    /// "Showing 100 of 1,250 relationships with findings."
    findings_shown(shown: usize, total: usize) => "Showing {shown} of {total} relationships with findings.",
        "在 {total} 個有檢查結果的關聯性中，顯示 {shown} 個。";
    /// The button that lists them all.
    show_all(total: usize) => "Show all {total}", "顯示全部 {total} 個";
    cant_judge => "The diagram can't be judged until this is fixed:", "必須先修正此問題，才能判定圖表：";
    dismiss => "Dismiss", "關閉";
    table_caption => "Relationships in the diagram", "圖表中的關聯性";
    from_column => "From", "來源";
    to_column => "To", "目標";
    verdict_column => "Verdict", "判定結果";
    rules_column => "Rules", "規則";
}
