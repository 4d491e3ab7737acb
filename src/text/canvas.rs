//! The canvas, its connect popup and its legend (also drawn into exported pictures).

texts! {
    canvas_label => "Diagram. Drag a node to move it; drag from a node's round handle to another node to connect them; drag the background to pan, Shift+drag to select several, use the wheel to zoom. Delete removes the selection.",
        "圖表。拖曳節點即可移動；從節點的圓形控點拖曳到另一個節點即可建立關聯性；拖曳背景可平移，按住 Shift 拖曳可選取多個項目，使用滾輪縮放。按 Delete 可刪除選取項目。";
    empty_hint => "The diagram is empty. Add parties from the palette, then connect two by dragging from a node's round handle to the other (on a touch screen, press and hold the node first).",
        "圖表是空的。請從「加入」工具列加入合作夥伴和客戶，再從節點的圓形控點拖曳到另一個節點來建立關聯性（在觸控螢幕上，請先長按節點）。";
    /// The first frame drawn before the app has started (a picture, not yet the canvas).
    first_frame_label => "The diagram, as it will open. The editor is still loading.", "圖表預覽，編輯器仍在載入中。";
    handle_title => "Drag to another node to connect", "拖曳到另一個節點以建立關聯性";
    connect_as => "Connect as", "關聯性類型";
    /// The popup's question, with the two quoted names.
    connect_question(from: &str, to: &str) => "Connect {from} to {to} as:", "將{from}連接到{to}，類型為：";
    legend => "Legend", "圖例";
    filled_arrow => "filled arrowhead", "實心箭頭";
    open_arrow => "open arrowhead", "空心箭頭";
    /// An exported picture's name when the diagram has no title.
    picture_title => "CSP scenario diagram", "CSP 情境圖表";
    /// A quiz's edge: its question number, then the relationship.
    question_edge(n: usize, relation: &str) => "Question {n}: {relation}", "第 {n} 題：{relation}";
}
