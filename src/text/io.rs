//! What the page says about files and the browser's storage: imports refused, a saved
//! diagram it can't read, a save that failed.

texts! {
    storage_unreadable => "The diagram saved in this browser could not be read, so the page starts with an empty one. Its text was kept aside:",
        "無法讀取此瀏覽器中儲存的圖表，因此頁面以空白圖表開始。其內容已另外保存：";
    download_kept => "Download the saved text", "下載儲存的內容";
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
}
