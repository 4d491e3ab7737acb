//! Walkthroughs, the quiz and the printed handout.

texts! {
    training => "Training", "訓練";
    start_walkthrough => "Start walkthrough", "開始導覽";
    walkthrough_offer => "Go through this scenario step by step, as the guide tells it. It starts from the guide's diagram; changes of your own are kept aside.",
        "依照指南的說明，逐步瀏覽此範例案例。導覽會從指南的圖表開始；您自己的變更會另外保留。";
    restore_diagram => "Back to your own diagram", "回到您自己的圖表";
    back => "Back", "上一步";
    next => "Next", "下一步";
    finish => "Finish", "完成";
    restart => "Restart", "重新開始";
    leave => "Leave walkthrough", "離開導覽";
    show_me => "Show me", "示範給我看";
    do_this => "Your turn: make this change in the editor (select the node or relationship on the diagram).",
        "輪到您了：請在編輯器中進行此變更（在圖表上選取節點或關聯性）。";
    done => "Done. Here is what the rules say now:", "完成。規則現在的判定如下：";
    what_rules_say => "What the rules say", "規則的判定";
    as_expected => "as this step expects", "與此步驟預期相符";
    not_as_expected => "not what this step expects", "與此步驟預期不符";
    differs => "The diagram differs from what this step expects.", "圖表與此步驟預期的不同。";
    reset_step => "Reset this step's diagram", "重設此步驟的圖表";
    keys_hint => "← → move between steps; Esc leaves.", "← → 切換步驟；Esc 離開。";
    quiz_me => "Quiz me", "開始測驗";
    quiz => "Quiz", "測驗";
    quiz_intro => "Verdicts are hidden. For each relationship, predict whether the rules allow it; for a blocked one, pick the rule that blocks it.",
        "判定結果已隱藏。請預測規則是否允許每個關聯性；若不允許，請選出不允許它的規則。";
    quiz_nothing => "Add relationships to the diagram to be quizzed on them.", "請先在圖表中加入關聯性，才能進行測驗。";
    quiz_invalid => "The diagram has an error: fix it before the quiz.", "圖表有錯誤：請先修正再進行測驗。";
    which_rule => "Which rule blocks it?", "哪一條規則不允許它？";
    choose_rule => "Choose a rule…", "選擇規則…";
    check_answers => "Check answers", "核對答案";
    try_again => "Try again", "再試一次";
    leave_quiz => "Leave quiz", "離開測驗";
    right => "Right", "正確";
    wrong => "Wrong", "錯誤";
    the_answer => "The rules say:", "規則的判定：";
    quiz_link => "Quiz link for learners", "給學員的測驗連結";
    print => "Print handout", "列印講義";
    /// "Step 3 of 7".
    progress(step: usize, of: usize) => "Step {step} of {of}", "第 {step} 步，共 {of} 步";
    /// "Walkthrough: 7. A customer in another region".
    walkthrough_heading(title: &str) => "Walkthrough: {title}", "導覽：{title}";
    /// "Resume at step 3".
    resume(step: usize) => "Resume at step {step}", "從第 {step} 步繼續";
    /// "3 of 5 right".
    score(right: usize, of: usize) => "{right} of {of} right", "答對 {right} 題，共 {of} 題";
}

#[cfg(test)]
mod tests {
    use super::*;
    use csp_rules::Lang;

    #[test]
    fn counted_texts_read_naturally() {
        assert_eq!(progress(Lang::ZhTw, 3, 7), "第 3 步，共 7 步");
        assert_eq!(score(Lang::En, 3, 5), "3 of 5 right");
    }
}
