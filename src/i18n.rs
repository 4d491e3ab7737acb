//! Every text of the page in English and Traditional Chinese (the guide's terms: 間接提供者,
//! 間接轉銷商, 直接帳單合作夥伴, 客戶, Microsoft 合作夥伴合約（MPA）, 租用戶, 地區). Rule
//! messages, kind, flag and region names come from the engine in the same two languages.
//! A text is one `T` key with both versions side by side, so neither can be forgotten.

use csp_rules::{edge_kind_name, flag_name, EdgeKind, Fix, Flag, Lang, Scenario};

macro_rules! texts {
    ($($key:ident => $en:literal, $zh:literal;)*) => {
        /// A fixed text of the page.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key,)* }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(T::$key => lang.pick($en, $zh),)* }
            }
        }
    };
}

texts! {
    Subtitle => "Draw CSP partner relationships and see each one judged by the rules of Microsoft's guide",
        "繪製 CSP 合作夥伴關聯性，並依 Microsoft 指南的規則判定每一個關聯性";
    Language => "Language", "語言";
    Toolbar => "Diagram tools", "圖表工具";
    NewDiagram => "New diagram", "新增空白圖表";
    Presets => "Guide scenarios", "指南範例案例";
    PresetsIntro => "The guide's eight example scenarios. Opening one replaces the diagram.",
        "指南中的八個範例案例。開啟其中一個會取代目前的圖表。";
    ZoomIn => "Zoom in", "放大";
    ZoomOut => "Zoom out", "縮小";
    FitView => "Fit view", "符合視窗";
    SnapToGrid => "Snap to grid", "貼齊格線";
    AutoLayout => "Auto layout by tier", "依層級自動排列";
    DeleteSelected => "Delete selected", "刪除選取項目";
    CopyShareLink => "Copy share link", "複製分享連結";
    ShareLink => "Share link", "分享連結";
    Copied => "Link copied to the clipboard.", "已將連結複製到剪貼簿。";
    CopyBelow => "The clipboard is not available here: copy the link below.",
        "此處無法使用剪貼簿：請複製下方的連結。";
    Close => "Close", "關閉";
    Palette => "Add to the diagram", "加入圖表";
    PaletteShort => "Add:", "加入：";
    CanvasLabel => "Diagram. Drag a node to move it; drag from a node's round handle to another node to connect them; drag the background to pan, Shift+drag to select several, use the wheel to zoom. Delete removes the selection.",
        "圖表。拖曳節點即可移動；從節點的圓形控點拖曳到另一個節點即可建立關聯性；拖曳背景可平移，按住 Shift 拖曳可選取多個項目，使用滾輪縮放。按 Delete 可刪除選取項目。";
    EmptyHint => "The diagram is empty. Open one of the guide's scenarios, or add parties from the palette and connect them by dragging from a node's round handle to another node.",
        "圖表是空的。請開啟指南的範例案例，或從工具列加入對象，再從節點的圓形控點拖曳到另一個節點來建立關聯性。";
    HandleTitle => "Drag to another node to connect", "拖曳到另一個節點以建立關聯性";
    ConnectAs => "Connect as", "建立關聯性類型";
    Cancel => "Cancel", "取消";
    Legend => "Legend", "圖例";
    Allowed => "Allowed", "允許";
    Blocked => "Blocked", "封鎖";
    NotJudged => "Not judged (the diagram has an error)", "未判定（圖表有錯誤）";
    FilledArrow => "filled arrowhead", "實心箭頭";
    OpenArrow => "open arrowhead", "空心箭頭";
    Scenario => "Scenario", "情境";
    Title => "Title", "標題";
    AsOf => "Rules applied as of", "規則適用日期";
    AsOfHint => "Empty: the guide's date, 2020-05-12. Before 2020-02-01 the MPA is not yet required.",
        "留白：使用指南的日期 2020-05-12。2020-02-01 之前尚未要求簽署 MPA。";
    FromGuide => "From the guide", "出自指南";
    Name => "Name", "名稱";
    Id => "ID", "ID";
    IdHint => "1–64 letters, digits, '-', '_', '.'; unique. Press Enter to apply.",
        "1 到 64 個英文字母、數字、'-'、'_'、'.'，不可重複。按 Enter 套用。";
    Kind => "Kind", "類型";
    Region => "Region", "地區";
    OtherRegion => "Other…", "其他…";
    RegionId => "Region ID", "地區 ID";
    MicrosoftGlobal => "Microsoft is global: it has no region.", "Microsoft 為全球性，沒有地區。";
    Org => "Organization", "組織";
    OrgHint => "Nodes with the same organization are affiliates. Empty: the node's ID.",
        "組織相同的節點彼此為分支機構。留白：使用節點的 ID。";
    Tenant => "Tenant", "租用戶";
    TenantHint => "The Partner Center tenant that holds its relationships. Empty: the node's ID.",
        "在合作夥伴中心持有其關聯性的租用戶。留白：使用節點的 ID。";
    Requirements => "Requirements met", "已符合的需求";
    AddRelationship => "Add a relationship", "新增關聯性";
    To => "to", "至";
    Add => "Add", "新增";
    NoOtherNode => "Add another node to connect this one.", "請先加入另一個節點才能建立關聯性。";
    DeleteNode => "Delete this node", "刪除此節點";
    Relationships => "Its relationships", "其關聯性";
    Relationship => "Relationship", "關聯性";
    Reverse => "Reverse", "反轉方向";
    DeleteEdge => "Delete this relationship", "刪除此關聯性";
    Findings => "Findings", "發現";
    NoFindings => "No rule limits this relationship.", "沒有規則限制此關聯性。";
    Source => "Source", "出處";
    Remedies => "Remedies", "補救方式";
    WhatWouldFix => "What would make this allowed", "如何讓此關聯性被允許";
    NoFix => "No one-click fix: see the remedies above.", "沒有一鍵修正：請參閱上方的補救方式。";
    SeverityBlock => "blocks", "封鎖";
    SeverityInfo => "info", "資訊";
    DiagramFindings => "Findings for the whole diagram", "整張圖表的發現";
    DiagramWide => "Diagram-wide", "全圖";
    NothingToReport => "Nothing to report.", "沒有需要回報的項目。";
    NothingSelected => "Select a node or a relationship to see and edit it here.",
        "選取節點或關聯性，即可在此檢視和編輯。";
    CantJudge => "The diagram can't be judged until this is fixed:", "修正此問題之前無法判定圖表：";
    Dismiss => "Dismiss", "關閉";
    SideLabel => "Details", "詳細資料";
    // Issue #4: history, autosave, import/export, keyboard.
    Undo => "Undo", "復原";
    Redo => "Redo", "重做";
    UndoKeys => "Undo (Ctrl+Z)", "復原（Ctrl+Z）";
    RedoKeys => "Redo (Ctrl+Shift+Z or Ctrl+Y)", "重做（Ctrl+Shift+Z 或 Ctrl+Y）";
    Import => "Import…", "匯入…";
    ImportFile => "Import a scenario file", "匯入情境檔案";
    ExportJson => "Export JSON", "匯出 JSON";
    ExportSvg => "Export SVG", "匯出 SVG";
    ExportPng => "Export PNG", "匯出 PNG";
    FileTools => "File", "檔案";
    StorageUnreadable => "The diagram saved in this browser could not be read, so the page starts with an empty one. Its text was kept aside:",
        "無法讀取此瀏覽器中儲存的圖表，因此頁面以空白圖表開始。其內容已另外保存：";
    DownloadKept => "Download the saved text", "下載儲存的內容";
    SaveFailed => "The diagram can't be saved in this browser (storage is full or turned off). Export it to keep it.",
        "無法在此瀏覽器中儲存圖表（儲存空間已滿或已停用）。請匯出以保留圖表。";
    ImportRefused => "The file was not imported; the diagram is unchanged.", "檔案未匯入；圖表維持不變。";
    CannotRead => "error: input: the file could not be read", "error: 輸入: 無法讀取檔案";
    Shortcuts => "Keyboard shortcuts", "鍵盤快速鍵";
    ShortcutsButton => "Shortcuts (?)", "快速鍵（?）";
    TableView => "Table", "表格";
    DiagramView => "Diagram", "圖表";
    ViewSwitch => "View", "檢視";
    TableCaption => "Relationships in the diagram", "圖表中的關聯性";
    From => "From", "來源";
    ToCol => "To", "目標";
    Verdict => "Verdict", "判定";
    Rules => "Rules", "規則";
    ConnectTo => "Connect to", "連到";
    ConnectPick => "Pick the node to connect to, then the kind of relationship.",
        "選擇要連到的節點，再選擇關聯性類型。";
    NoNodeSelected => "Select a node first (Tab to it, then Enter).", "請先選取節點（按 Tab 移到節點，再按 Enter）。";
}

/// The first letter in upper case (kind names are lower case mid-sentence).
pub fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "3 allowed · 1 blocked".
pub fn counts(lang: Lang, allowed: usize, blocked: usize) -> String {
    match lang {
        Lang::En => format!("{allowed} allowed · {blocked} blocked"),
        Lang::ZhTw => format!("{allowed} 個允許 · {blocked} 個封鎖"),
    }
}

pub fn add_kind(lang: Lang, kind_name: &str) -> String {
    match lang {
        Lang::En => format!("Add {kind_name}"),
        Lang::ZhTw => format!("加入{kind_name}"),
    }
}

/// "“Contoso” sells to “Litware”".
pub fn relation(lang: Lang, from: &str, kind: EdgeKind, to: &str) -> String {
    let k = edge_kind_name(kind, lang);
    match lang {
        Lang::En => format!("“{from}” {k} “{to}”"),
        Lang::ZhTw => format!("「{from}」{k}「{to}」"),
    }
}

pub fn connect_question(lang: Lang, from: &str, to: &str) -> String {
    match lang {
        Lang::En => format!("Connect “{from}” to “{to}” as:"),
        Lang::ZhTw => format!("將「{from}」連到「{to}」，類型為："),
    }
}

pub fn selected_many(lang: Lang, nodes: usize, edges: usize) -> String {
    match lang {
        Lang::En => format!("{nodes} node(s) and {edges} relationship(s) selected."),
        Lang::ZhTw => format!("已選取 {nodes} 個節點和 {edges} 個關聯性。"),
    }
}

pub fn too_long(lang: Lang, len: usize, safe: usize) -> String {
    match lang {
        Lang::En => format!("This link is {len} characters long. Links over {safe} characters may be cut off by some browsers, chat and mail tools."),
        Lang::ZhTw => format!("此連結長度為 {len} 個字元。超過 {safe} 個字元的連結可能會被部分瀏覽器、聊天和郵件工具截斷。"),
    }
}

pub fn no_such_preset(lang: Lang, n: &str) -> String {
    match lang {
        Lang::En => {
            format!("error: input: there is no guide scenario {n:?} (use #preset=1 to #preset=8)")
        }
        Lang::ZhTw => {
            format!("error: 輸入: 沒有指南範例案例 {n:?}（請使用 #preset=1 到 #preset=8）")
        }
    }
}

/// A one-click fix, said to the user: what the button will do (the engine words it, naming
/// what the fix changes).
pub fn fix_label(lang: Lang, fix: &Fix, s: &Scenario) -> String {
    fix.describe(s, lang)
}

/// A flag as a checkbox label: the engine's name for it.
pub fn flag_label(lang: Lang, flag: Flag) -> String {
    cap(flag_name(flag, lang))
}

/// Why the saved diagram could not be read, in a few words.
pub fn unreadable(lang: Lang, why: &crate::persist::Unreadable) -> String {
    use crate::persist::Unreadable as U;
    match (why, lang) {
        (U::NotJson(m), Lang::En) => format!("not valid JSON: {m}"),
        (U::NotJson(m), Lang::ZhTw) => format!("不是有效的 JSON：{m}"),
        (U::Schema(v), Lang::En) => {
            format!("storage schema {v} is unknown (a newer version may have written it)")
        }
        (U::Schema(v), Lang::ZhTw) => format!("不明的儲存格式版本 {v}（可能由較新版本寫入）"),
        (U::Scenario(m), Lang::En) => format!("the scenario is damaged: {m}"),
        (U::Scenario(m), Lang::ZhTw) => format!("情境已損毀：{m}"),
    }
}

pub fn connect_from(lang: Lang, from: &str) -> String {
    match lang {
        Lang::En => format!("Connect “{from}”"),
        Lang::ZhTw => format!("連接「{from}」"),
    }
}

/// Said through the live region when a relationship's verdict changes.
pub fn now_verdict(lang: Lang, relation: &str, allowed: bool) -> String {
    match (lang, allowed) {
        (Lang::En, true) => format!("Now allowed: {relation}."),
        (Lang::En, false) => format!("Now blocked: {relation}."),
        (Lang::ZhTw, true) => format!("現在允許：{relation}。"),
        (Lang::ZhTw, false) => format!("現在封鎖：{relation}。"),
    }
}

pub fn and_more(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("And {n} more."),
        Lang::ZhTw => format!("還有 {n} 個。"),
    }
}

/// The shortcut sheet: (keys, what they do).
pub fn shortcuts(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let rows: [(&str, &str, &str); 13] = [
        (
            "Tab / Shift+Tab",
            "Move between nodes, relationships and controls",
            "在節點、關聯性和控制項之間移動",
        ),
        (
            "Enter / Space",
            "Select the focused node or relationship (opens it in the inspector)",
            "選取焦點所在的節點或關聯性（在檢查器中開啟）",
        ),
        (
            "1 – 5",
            "Add Microsoft, indirect provider, indirect reseller, direct bill partner, customer",
            "加入 Microsoft、間接提供者、間接轉銷商、直接帳單合作夥伴、客戶",
        ),
        (
            "← ↑ → ↓",
            "Move the selected nodes (Shift: further)",
            "移動選取的節點（按住 Shift：移動較遠）",
        ),
        (
            "C",
            "Connect the selected node: pick the target, then the kind",
            "連接選取的節點：選擇目標，再選擇類型",
        ),
        (
            "I",
            "Go to the inspector of the selection",
            "移到選取項目的檢查器",
        ),
        ("Delete / Backspace", "Delete the selection", "刪除選取項目"),
        (
            "Escape",
            "Clear the selection, close a dialog",
            "清除選取項目、關閉對話方塊",
        ),
        ("Ctrl+Z / ⌘Z", "Undo", "復原"),
        ("Ctrl+Shift+Z / Ctrl+Y", "Redo", "重做"),
        ("P", "Open the guide scenarios", "開啟指南範例案例"),
        ("L", "Switch language", "切換語言"),
        (
            "T",
            "Switch between the diagram and the table",
            "在圖表和表格之間切換",
        ),
    ];
    let mut out: Vec<(&'static str, &'static str)> = rows
        .iter()
        .map(|&(k, en, zh)| (k, lang.pick(en, zh)))
        .collect();
    out.push(("?", lang.pick("Show or hide this list", "顯示或隱藏此清單")));
    out
}

/// Training (walkthroughs, quiz, print): its own block of texts, so other features' keys
/// merge beside it.
pub mod training {
    use csp_rules::Lang;

    texts! {
        Training => "Training", "訓練";
        StartWalkthrough => "Start walkthrough", "開始導覽";
        WalkthroughOffer => "Go through this scenario step by step, as the guide tells it. It starts from the guide's diagram; changes of your own are kept aside.",
            "依照指南的說明，逐步瀏覽此範例案例。導覽會從指南的圖表開始；你自己的變更會另外保留。";
        RestoreDiagram => "Back to your own diagram", "回到你自己的圖表";
        Back => "Back", "上一步";
        Next => "Next", "下一步";
        Finish => "Finish", "完成";
        Restart => "Restart", "重新開始";
        Leave => "Leave walkthrough", "離開導覽";
        ShowMe => "Show me", "示範給我看";
        DoThis => "Your turn: make this change in the editor (select the node or relationship on the diagram).",
            "輪到你了：請在編輯器中進行此變更（在圖表上選取節點或關聯性）。";
        Done => "Done. Here is what the rules say now:", "完成。規則現在的判定如下：";
        WhatRulesSay => "What the rules say", "規則的判定";
        AsExpected => "as this step expects", "與此步驟預期相符";
        NotAsExpected => "not what this step expects", "與此步驟預期不符";
        Differs => "The diagram differs from what this step expects.", "圖表與此步驟預期的不同。";
        ResetStep => "Reset this step's diagram", "重設此步驟的圖表";
        KeysHint => "← → move between steps; Esc leaves.", "← → 切換步驟；Esc 離開。";
        QuizMe => "Quiz me", "測驗";
        Quiz => "Quiz", "測驗";
        QuizIntro => "Verdicts are hidden. For each relationship, predict whether the rules allow it; for a blocked one, pick the rule that blocks it.",
            "判定已隱藏。請預測每個關聯性是否為規則所允許；若為封鎖，請選出封鎖它的規則。";
        QuizNothing => "Add relationships to the diagram to be quizzed on them.", "請先在圖表中加入關聯性，才能進行測驗。";
        QuizInvalid => "The diagram has an error: fix it before the quiz.", "圖表有錯誤：請先修正再進行測驗。";
        WhichRule => "Which rule blocks it?", "哪一條規則封鎖它？";
        ChooseRule => "Choose a rule…", "選擇規則…";
        CheckAnswers => "Check answers", "核對答案";
        TryAgain => "Try again", "再試一次";
        LeaveQuiz => "Leave quiz", "離開測驗";
        Right => "Right", "正確";
        Wrong => "Wrong", "錯誤";
        TheAnswer => "The rules say:", "規則的判定：";
        QuizLink => "Quiz link for learners", "給學員的測驗連結";
        Print => "Print handout", "列印講義";
    }

    /// "Step 3 of 7".
    pub fn progress(lang: Lang, step: usize, of: usize) -> String {
        match lang {
            Lang::En => format!("Step {step} of {of}"),
            Lang::ZhTw => format!("第 {step} 步，共 {of} 步"),
        }
    }

    /// "Walkthrough: 7. A customer in another region".
    pub fn walkthrough_heading(lang: Lang, title: &str) -> String {
        match lang {
            Lang::En => format!("Walkthrough: {title}"),
            Lang::ZhTw => format!("導覽：{title}"),
        }
    }

    /// "Resume at step 3".
    pub fn resume(lang: Lang, step: usize) -> String {
        match lang {
            Lang::En => format!("Resume at step {step}"),
            Lang::ZhTw => format!("從第 {step} 步繼續"),
        }
    }

    /// "3 of 5 right".
    pub fn score(lang: Lang, right: usize, of: usize) -> String {
        match lang {
            Lang::En => format!("{right} of {of} right"),
            Lang::ZhTw => format!("答對 {right} 題，共 {of} 題"),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn every_training_text_exists_in_both_languages() {
            for t in T::ALL {
                let (en, zh) = (t.get(Lang::En), t.get(Lang::ZhTw));
                assert!(!en.trim().is_empty() && !zh.is_ascii(), "{t:?}");
            }
            assert_eq!(progress(Lang::ZhTw, 3, 7), "第 3 步，共 7 步");
        }
    }
}

// --- Scale (issue #5): long lists in large diagrams, the network audit ---

/// "Showing 100 of 1,250 relationships with findings."
pub fn findings_shown(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("Showing {shown} of {total} relationships with findings."),
        Lang::ZhTw => format!("顯示 {total} 個有發現的關聯性中的 {shown} 個。"),
    }
}

/// The button that lists them all.
pub fn show_all(lang: Lang, total: usize) -> String {
    match lang {
        Lang::En => format!("Show all {total}"),
        Lang::ZhTw => format!("顯示全部 {total} 個"),
    }
}

/// The network audit's fixed texts (kept apart from `T`, in the same two languages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum A {
    Open,
    Title,
    Show,
    ByVerdict,
    ByRule,
    Search,
    Verdict,
    Any,
    Rule,
    Prev,
    Next,
    From,
    Rules,
}

impl A {
    pub const ALL: &'static [A] = &[
        A::Open,
        A::Title,
        A::Show,
        A::ByVerdict,
        A::ByRule,
        A::Search,
        A::Verdict,
        A::Any,
        A::Rule,
        A::Prev,
        A::Next,
        A::From,
        A::Rules,
    ];

    pub fn get(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            A::Open => ("Open network audit…", "開啟網路稽核…"),
            A::Title => ("Network audit", "網路稽核"),
            A::Show => (
                "Show this party's relationships in the diagram",
                "在圖表中顯示此對象的關聯性",
            ),
            A::ByVerdict => ("Relationships by verdict", "依判定結果統計的關聯性"),
            A::ByRule => ("Findings by rule", "依規則統計的發現"),
            A::Search => ("Search", "搜尋"),
            A::Verdict => ("Verdict", "判定結果"),
            A::Any => ("Any", "全部"),
            A::Rule => ("Rule", "規則"),
            A::Prev => ("Previous page", "上一頁"),
            A::Next => ("Next page", "下一頁"),
            A::From => ("From", "從"),
            A::Rules => ("Rules", "規則"),
        };
        lang.pick(en, zh)
    }
}

/// "Checking network.json…": what the audit is doing.
pub fn audit_busy(lang: Lang, file: &str, step: crate::components::audit::Step) -> String {
    use crate::components::audit::Step;
    match (lang, step) {
        (Lang::En, Step::Reading) => format!("Reading {file}…"),
        (Lang::En, Step::Checking) => format!("Checking {file}…"),
        (Lang::En, Step::Judging(n)) => format!("Judging {} relationships…", thousands(n)),
        (Lang::ZhTw, Step::Reading) => format!("正在讀取 {file}…"),
        (Lang::ZhTw, Step::Checking) => format!("正在檢查 {file}…"),
        (Lang::ZhTw, Step::Judging(n)) => format!("正在判定 {} 個關聯性…", thousands(n)),
    }
}

/// "Step 2 of 3"
pub fn audit_step(lang: Lang, step: u8, of: u8) -> String {
    match lang {
        Lang::En => format!("Step {step} of {of}"),
        Lang::ZhTw => format!("第 {step} 步，共 {of} 步"),
    }
}

/// 250000 as "250,000" (the same in both languages).
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "network.json: 5,000 nodes, 5,000 relationships"
pub fn audit_file(lang: Lang, file: &str, nodes: usize, edges: usize) -> String {
    match lang {
        Lang::En => format!("{file}: {nodes} nodes, {edges} relationships"),
        Lang::ZhTw => format!("{file}：{nodes} 個節點，{edges} 個關聯性"),
    }
}

/// "Page 2 of 10 (480 matching relationships)"
pub fn audit_page(lang: Lang, page: usize, pages: usize, matching: usize) -> String {
    match lang {
        Lang::En => format!("Page {page} of {pages} ({matching} matching relationships)"),
        Lang::ZhTw => format!("第 {page} 頁，共 {pages} 頁（{matching} 個符合的關聯性）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::{FlagName, Node, NodeKind};

    #[test]
    fn audit_steps_say_what_they_do_in_both_languages() {
        use crate::components::audit::Step;
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(250_000), "250,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(
            audit_busy(Lang::En, "n.json", Step::Judging(25_000)),
            "Judging 25,000 relationships…"
        );
        assert_eq!(
            audit_busy(Lang::ZhTw, "n.json", Step::Checking),
            "正在檢查 n.json…"
        );
        assert_eq!(audit_step(Lang::ZhTw, 2, 3), "第 2 步，共 3 步");
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in T::ALL {
            let (en, zh) = (t.get(Lang::En), t.get(Lang::ZhTw));
            assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{t:?}");
        }
        // The Chinese side really is Chinese where the English has words to translate.
        assert!(T::ALL
            .iter()
            .filter(|t| t.get(Lang::En) != t.get(Lang::ZhTw))
            .all(|t| !t.get(Lang::ZhTw).is_ascii()));
    }

    #[test]
    fn every_audit_text_exists_in_both_languages() {
        for t in A::ALL {
            let (en, zh) = (t.get(Lang::En), t.get(Lang::ZhTw));
            assert!(!en.trim().is_empty() && !zh.is_ascii(), "{t:?}");
        }
    }

    #[test]
    fn fixes_are_described_with_names() {
        let mut s = Scenario::default();
        let mut n = Node::new("lit", NodeKind::IndirectReseller);
        n.name = Some("Litware".into());
        s.nodes.push(n);
        let sign = Fix::SetFlag {
            node: "lit".into(),
            flag: FlagName::MpaSigned,
        };
        assert_eq!(fix_label(Lang::En, &sign, &s), "Sign the MPA for “Litware”");
        assert_eq!(fix_label(Lang::ZhTw, &sign, &s), "為「Litware」簽署 MPA");
        let moved = Fix::SetRegion {
            node: "gone".into(),
            region: "europe".into(),
        };
        assert_eq!(fix_label(Lang::En, &moved, &s), "Move “gone” to Europe");
        assert_eq!(fix_label(Lang::ZhTw, &moved, &s), "將「gone」移到歐洲");
        assert_eq!(cap("indirect reseller"), "Indirect reseller");
        assert_eq!(cap(""), "");
    }
}
