//! What the page says about files and the browser's storage: imports refused, a saved
//! diagram it can't read, a save that failed.

texts! {
    storage_unreadable => "The diagram saved in this browser could not be read, so the page starts with an empty one. Its text was kept aside in this browser, and you can download it:",
        "無法讀取此瀏覽器中儲存的圖表，因此頁面以空白圖表開始。其內容已另外保存在此瀏覽器中，您也可以下載：";
    storage_not_kept => "The diagram saved in this browser could not be read, and its text could not be kept aside (storage is full). Download it now: nothing is saved over it until you download or discard it.",
        "無法讀取此瀏覽器中儲存的圖表，且無法另外保存其內容（儲存空間已滿）。請立即下載：在您下載或捨棄之前，不會有任何內容儲存並覆蓋它。";
    download_kept => "Download the saved text", "下載儲存的內容";
    discard_kept => "Discard it", "捨棄";
    other_tab_same => "This diagram was changed in another tab. Keep this tab's version, or load the other tab's? The one you don't keep stays under Recent.",
        "此圖表已在另一個分頁中變更。要保留此分頁的版本，還是載入另一個分頁的版本？未保留的版本會留在「最近的圖表」中。";
    other_tab_other => "Another tab saved a different diagram in this browser in place of this one. Keep saving this one, or load the other tab's? The one you don't keep stays under Recent.",
        "另一個分頁在此瀏覽器中儲存了不同的圖表，取代了此圖表。要繼續儲存此圖表，還是載入另一個分頁的圖表？未保留的圖表會留在「最近的圖表」中。";
    keep_mine => "Keep this tab's", "保留此分頁的版本";
    load_theirs => "Load the other tab's", "載入另一個分頁的版本";
    keep_failed => "This tab's diagram could not be kept under Recent (storage is full), so the other one was not loaded: export this one first.",
        "無法將此分頁的圖表保留在「最近的圖表」中（儲存空間已滿），因此未載入另一個圖表：請先匯出此圖表。";
    recent => "Recent…", "最近的圖表…";
    recent_title => "Recent diagrams", "最近的圖表";
    recent_intro => "Diagrams saved in this browser that another one replaced, newest first. Opening one replaces the diagram on screen; Undo brings it back.",
        "此瀏覽器中曾儲存、後來被其他圖表取代的圖表，由新到舊排列。開啟其中一個會取代畫面上的圖表；按「復原」即可還原。";
    recent_empty => "Nothing here yet: when another diagram replaces the one saved in this browser, the replaced one is kept here.",
        "目前沒有圖表：當其他圖表取代此瀏覽器中儲存的圖表時，被取代的圖表會保留在這裡。";
    recent_saved => "saved in this browser, not the one on screen", "此瀏覽器中儲存的圖表，不是畫面上的圖表";
    recent_unreadable => "That diagram can no longer be read.", "無法再讀取該圖表。";
    untitled => "Untitled diagram", "未命名的圖表";
    /// When a diagram in Recent was saved (as the browser writes it), and its size, written
    /// with thousands separators.
    recent_meta(time: &str, nodes: &str, edges: &str) => "{time} · {nodes} nodes, {edges} relationships",
        "{time}・{nodes} 個節點，{edges} 個關聯性";
    save_failed => "The diagram can't be saved in this browser (storage is full or turned off). Export it to keep it.",
        "無法在此瀏覽器中儲存圖表（儲存空間已滿或已停用）。請匯出以保留圖表。";
    import_refused => "The file was not imported; the diagram is unchanged.", "檔案未匯入；圖表維持不變。";
    /// Why saved text could not be read: the JSON parser's words.
    saved_not_json(why: &str) => "not valid JSON: {why}", "不是有效的 JSON：{why}";
    /// A storage schema this version does not know, as written.
    saved_schema(schema: &str) => "storage schema {schema} is unknown (a newer version may have written it)",
        "不明的儲存格式版本 {schema}（可能由較新版本寫入）";
    /// The scenario inside is of the wrong shape: the parser's words.
    saved_damaged(why: &str) => "the scenario is damaged: {why}", "情境已損毀：{why}";
    /// A guide scenario's files are fetched the first time it is opened.
    loading_preset(title: &str) => "Loading {title}…", "正在載入「{title}」…";
    /// A guide scenario's file that did not come: no answer at all (offline, blocked).
    data_unreachable(file: &str) => "error: {file} could not be loaded (no answer from the server; is the page offline?)",
        "error: 無法載入 {file}（伺服器沒有回應；頁面是否已離線？）";
    /// The same, with the server's HTTP status.
    data_status(file: &str, status: &str) => "error: {file} could not be loaded (HTTP {status})",
        "error: 無法載入 {file}（HTTP {status}）";
    /// The file came but is not valid: what the engine said.
    data_invalid(file: &str, why: &str) => "error: {file}: {why}", "error: {file} 的內容無效：{why}";
}
