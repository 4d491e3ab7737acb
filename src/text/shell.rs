//! The page's frame: header, toolbars, menus, the share link, the keyboard and its dialogs,
//! and what the live region says.

use csp_rules::Lang;

texts! {
    subtitle => "Draw CSP partner relationships and see each one judged by the rules of Microsoft's guide",
        "繪製 CSP 合作夥伴關聯性，並依 Microsoft 指南的規則判定每一個關聯性";
    /// The product's name, the page's heading (as the embedding loader names its frames).
    app_name => "CSP Scenario Explorer", "CSP 情境探索工具";
    /// The document's title with the diagram's.
    titled(title: &str, app: &str) => "{title} – {app}", "{title} – {app}";
    language => "Language", "語言";
    toolbar => "Diagram tools", "圖表工具";
    new_diagram => "New diagram", "新增空白圖表";
    presets => "Guide scenarios", "指南範例案例";
    presets_intro => "The guide's eight example scenarios. Opening one replaces the diagram.",
        "指南中的八個範例案例。開啟其中一個會取代目前的圖表。";
    zoom_in => "Zoom in", "放大";
    zoom_out => "Zoom out", "縮小";
    fit_view => "Fit view", "調整至視窗大小";
    snap_to_grid => "Snap to grid", "貼齊格線";
    auto_layout => "Auto layout by tier", "依層級自動排列";
    copy_share_link => "Copy share link", "複製分享連結";
    share_link => "Share link", "分享連結";
    copied => "Link copied to the clipboard.", "已將連結複製到剪貼簿。";
    copy_below => "The clipboard is not available here: copy the link below.",
        "此處無法使用剪貼簿：請複製下方的連結。";
    /// A link too long for some tools.
    too_long(len: usize, safe: usize) => "This link is {len} characters long. Links over {safe} characters may be cut off by some browsers, chat and mail tools.",
        "此連結長度為 {len} 個字元。超過 {safe} 個字元的連結可能會被部分瀏覽器、聊天和郵件工具截斷。";
    palette => "Add to the diagram", "加入圖表";
    palette_short => "Add:", "加入：";
    /// A palette button's tooltip, with the kind's name.
    add_kind(kind: &str) => "Add {kind}", "加入：{kind}";
    undo => "Undo", "復原";
    redo => "Redo", "重做";
    undo_keys => "Undo (Ctrl+Z)", "復原（Ctrl+Z）";
    redo_keys => "Redo (Ctrl+Shift+Z or Ctrl+Y)", "重做（Ctrl+Shift+Z 或 Ctrl+Y）";
    import => "Import…", "匯入…";
    import_file => "Import a scenario file (JSON, or an SVG picture exported here)", "匯入情境檔案（JSON，或從本工具匯出的 SVG 圖片）";
    export_json => "Export JSON", "匯出 JSON";
    export_svg => "Export SVG", "匯出 SVG";
    export_png => "Export PNG", "匯出 PNG";
    export_picture => "Export picture", "匯出圖片";
    picture_format => "Format", "格式";
    png_2x => "PNG (twice the size, for slides)", "PNG（兩倍大小，適合簡報）";
    picture_theme => "Colours", "配色";
    theme_light => "Light", "淺色";
    theme_dark => "Dark", "深色";
    picture_holds => "Show", "顯示";
    with_legend => "The legend", "圖例";
    with_findings => "The findings, as a caption", "檢查結果（以圖說顯示）";
    picture_reopens => "An exported SVG holds the diagram too: Import opens it again for editing.",
        "匯出的 SVG 也包含圖表本身：使用「匯入」即可再次開啟並編輯。";
    export_now => "Export", "匯出";
    /// The exported file's name.
    file_name(name: &str) => "File name: {name}", "檔案名稱：{name}";
    file_tools => "File", "檔案";
    table_view => "Table", "表格";
    diagram_view => "Diagram", "圖表";
    view_switch => "View", "檢視";
    side_label => "Details", "詳細資料";
    sheet_hint => "Tap or pull up to see more, tap again or pull down to see the diagram",
        "點一下或向上拉可查看更多；再點一下或向下拉可查看圖表";
    shortcuts => "Keyboard shortcuts", "鍵盤快速鍵";
    shortcuts_button => "Shortcuts (?)", "快速鍵（?）";
    connect_to => "Connect to", "連接到";
    connect_pick => "Pick the node to connect to, then the kind of relationship.",
        "選擇要連接的節點，再選擇關聯性類型。";
    no_node_selected => "Select a node first (Tab to it, then Enter).", "請先選取節點（按 Tab 移到節點，再按 Enter）。";
    /// The connect dialog's title.
    connect_from(from: &str) => "Connect {from}", "連接{from}";
    /// Said through the live region when a relationship's verdict changes.
    now_allowed(relation: &str) => "Now allowed: {relation}.", "現在允許：{relation}。";
    now_blocked(relation: &str) => "Now blocked: {relation}.", "現在不允許：{relation}。";
    and_more(n: usize) => "And {n} more.", "還有 {n} 個。";
    key_tab => "Move between nodes, relationships and controls", "在節點、關聯性和控制項之間移動";
    key_select => "Select the focused node or relationship (opens it in the inspector)",
        "選取焦點所在的節點或關聯性（在檢查器中開啟）";
    key_add => "Add Microsoft, indirect provider, indirect reseller, direct bill partner, customer",
        "加入 Microsoft、間接提供者、間接轉銷商、直接帳單合作夥伴、客戶";
    key_move => "Move the selected nodes (Shift: further)", "移動選取的節點（按住 Shift 可移動更遠）";
    key_connect => "Connect the selected node: pick the target, then the kind", "連接選取的節點：選擇目標，再選擇類型";
    key_inspector => "Go to the inspector of the selection", "移到選取項目的檢查器";
    key_delete => "Delete the selection", "刪除選取項目";
    key_escape => "Clear the selection, close a dialog", "清除選取項目、關閉對話方塊";
    key_presets => "Open the guide scenarios", "開啟指南範例案例";
    key_lang => "Switch language", "切換語言";
    key_table => "Switch between the diagram and the table", "在圖表和表格之間切換";
    key_sheet => "Show or hide this list", "顯示或隱藏此清單";
    key_present => "Presenter mode: full screen, large labels; ← → step through a walkthrough, Esc leaves",
        "簡報模式：全螢幕、大字標籤；← → 切換導覽步驟，Esc 離開";
    help_menu => "Help", "說明";
    more_menu => "Menu", "選單";
    presets_short => "Scenarios", "範例";
    share => "Share", "分享";
    present => "Present", "簡報";
    present_title => "Presenter mode (F)", "簡報模式（F）";
    leave_present => "Leave presenter mode", "結束簡報模式";
    theme => "Theme", "佈景主題";
    theme_auto => "Match the system", "跟隨系統";
    glossary => "Glossary", "詞彙表";
    about => "About", "關於";
    about_title => "About the CSP Scenario Explorer", "關於 CSP 情境探索工具";
    about_text => "Every relationship is judged in your browser by the rules of Microsoft's guide. Nothing you draw is sent anywhere.",
        "每個關聯性都在您的瀏覽器中依 Microsoft 指南的規則判定。您繪製的內容不會傳送到任何地方。";
    app_version => "App version", "應用程式版本";
    engine_version => "Rules engine version", "規則引擎版本";
    guide => "Guide", "指南";
    guide_version => "Guide version", "指南版本";
    glossary_title => "Glossary: the guide's terms and the tool's", "詞彙表：指南的用語與本工具的用語";
    glossary_intro => "The guide's Chinese is a machine translation. Where its words read wrongly in Taiwan, the tool uses clearer ones; quotations keep the guide's own.",
        "指南的中文版是機器翻譯。凡是在台灣讀起來不正確的用語，本工具改用較清楚的說法；引文則保留指南的原文。";
    term_en => "English", "英文";
    term_tool => "The tool's Chinese", "本工具的中文";
    term_guide => "The guide's Chinese", "指南的中文";
    term_note => "Why", "說明";
    glossary_conventions => "The tool's Chinese also writes 您 (not 你), as Microsoft's Taiwan pages do, full-width punctuation in Chinese text, and one space between Chinese and Latin letters or digits (範例案例 6, CSP 租用戶).",
        "本工具的中文也依照 Microsoft 台灣網頁的寫法：使用「您」而非「你」，中文文字使用全形標點符號，中文與英文字母或數字之間加一個空格（範例案例 6、CSP 租用戶）。";
    start_title => "Start with one of the guide's scenarios", "從指南的範例案例開始";
    start_scratch => "Start from scratch", "從空白開始";
}

/// The shortcut sheet: (keys, what they do).
pub fn shortcut_rows(lang: Lang) -> [(&'static str, &'static str); 15] {
    [
        ("Tab / Shift+Tab", key_tab(lang)),
        ("Enter / Space", key_select(lang)),
        ("1 – 5", key_add(lang)),
        ("← ↑ → ↓", key_move(lang)),
        ("C", key_connect(lang)),
        ("I", key_inspector(lang)),
        ("Delete / Backspace", key_delete(lang)),
        ("Escape", key_escape(lang)),
        ("Ctrl+Z / ⌘Z", undo(lang)),
        ("Ctrl+Shift+Z / Ctrl+Y", redo(lang)),
        ("P", key_presets(lang)),
        ("L", key_lang(lang)),
        ("T", key_table(lang)),
        ("F", key_present(lang)),
        ("?", key_sheet(lang)),
    ]
}
