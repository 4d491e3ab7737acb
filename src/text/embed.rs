//! The embed's own words: its compact popovers, the read-only canvas, and the app's Embed
//! dialog.

texts! {
    canvas_view_label => "Diagram, read-only. Select a node or a relationship to see what the rules say; drag the background to pan, use the wheel to zoom.",
        "圖表（唯讀）。選取節點或關聯性即可查看規則的判定；拖曳背景可平移，使用滾輪縮放。";
    empty_view => "This diagram is empty.", "此圖表是空的。";
    details => "Details", "詳細資料";
    collapse => "Collapse", "收合";
    expand => "Expand", "展開";
    /// A node's kind and region, under its name.
    kind_in(kind: &str, region: &str) => "{kind}, {region}", "{kind}，{region}";
    relationships => "Relationships", "關聯性";
    no_relationships => "No relationships.", "沒有關聯性。";
    popover_label => "Selection", "選取項目";
    panel_label => "Training", "訓練";
    /// The embed's frame, for screen readers (the product's name, as the loader titles it).
    frame_title => "CSP Scenario Explorer", "CSP 情境探索工具";
    open_in_app => "Open in the CSP Scenario Explorer", "在 CSP 情境探索工具中開啟";
    embed_button => "Embed…", "嵌入…";
    embed_title => "Embed this diagram", "嵌入此圖表";
    embed_intro => "Put the diagram on screen into your own page. Copy one of these snippets; each shows the same diagram, judged by the same rules.",
        "將畫面上的圖表放進您自己的網頁。請複製下列其中一段程式碼；每一種方式都會顯示同一張圖表，並以相同的規則判定。";
    embed_mode => "Mode", "模式";
    mode_view => "View only", "僅檢視";
    mode_edit => "Editable", "可編輯";
    mode_walkthrough => "Walkthrough", "逐步導覽";
    mode_quiz => "Quiz", "測驗";
    embed_height => "Height (pixels)", "高度（像素）";
    embed_lang => "Language", "語言";
    embed_theme => "Theme", "佈景主題";
    theme_light => "Light", "淺色";
    theme_dark => "Dark", "深色";
    theme_auto => "As the visitor's system", "依訪客的系統設定";
    way_iframe => "An iframe", "iframe";
    way_iframe_hint => "Paste it where the diagram goes. It needs nothing else.",
        "貼到圖表要出現的位置即可，不需要其他設定。";
    way_loader => "The loader script", "載入器指令碼";
    way_loader_hint => "Sizes the frame to the diagram and lets your page's script talk to it (CspEmbed.mount).",
        "會依圖表調整框架大小，並讓您網頁的指令碼與它溝通（CspEmbed.mount）。";
    way_module => "The rules alone, as a module", "僅規則的模組";
    way_module_hint => "Judges this scenario in your page's own script, with no frame. Copy the rules/ folder into your site first.",
        "在您網頁自己的指令碼中判定此情境，不需要框架。請先將 rules/ 資料夾複製到您的網站。";
    copy => "Copy", "複製";
    copied => "Copied.", "已複製。";
    copy_failed => "Could not copy: select the text and copy it.", "無法複製：請選取文字後自行複製。";
    preview => "Preview", "預覽";
    preview_title => "Preview of the embedded diagram", "嵌入圖表的預覽";
    walkthrough_needs_preset => "A walkthrough needs one of the guide's scenarios: open one first.",
        "逐步導覽需要指南的範例案例之一：請先開啟一個。";
}
