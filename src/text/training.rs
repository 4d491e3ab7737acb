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
    quiz_intro => "Verdicts are hidden. Each relationship is a question, its number on its edge: predict whether the rules allow it; for a blocked one, pick the rule that blocks it.",
        "判定結果已隱藏。每個關聯性都是一道題目，題號標示在圖表的連線上：請預測規則是否允許它；若不允許，請選出不允許它的規則。";
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
    quiz_link_hint => "Whoever opens this link gets this diagram as a quiz, its questions in this link's order. Make another link for another order.",
        "開啟此連結的人會以測驗的方式看到此圖表，題目依此連結的順序排列。如需其他順序，請再產生一個連結。";
    another_order => "Another order", "換一種題目順序";
    check_anyway => "Check anyway", "仍要核對";
    keep_answering => "Keep answering", "繼續作答";
    no_answer => "no answer", "未作答";
    result_heading => "CSP Scenario Explorer — quiz result", "CSP Scenario Explorer — 測驗結果";
    your_name => "Your name (optional, for the copied result)", "您的姓名（選填，會附在複製的結果中）";
    copy_result => "Copy result", "複製結果";
    result_copied => "Result copied: paste it where your trainer collects them.", "已複製結果：請貼到講師收集結果的地方。";
    result_copy_below => "Copy the result below.", "請複製下方的結果。";
    /// The scenario panel's title while a quiz hides the diagram's own.
    quiz_title(n: usize) => "Quiz: {n} relationships", "測驗：{n} 個關聯性";
    /// "Question 3".
    question(n: usize) => "Question {n}", "第 {n} 題";
    question_without_rule(n: usize) => "Question {n}: which rule?", "第 {n} 題：哪一條規則？";
    /// Before checking with questions left open.
    unanswered(n: usize, of: usize) => "{n} of {of} unanswered — check anyway?", "{of} 題中有 {n} 題未作答，仍要核對嗎？";
    /// A predicted block and its rule.
    blocked_by(rule: &str) => "Blocked, {rule}", "不允許，{rule}";
    your_answer(answer: &str) => "Your answer: {answer}.", "您的答案：{answer}。";
    result_scenario(title: &str) => "Scenario: {title}", "情境：{title}";
    result_name(name: &str) => "Name: {name}", "姓名：{name}";
    result_score(score: &str) => "Score: {score}", "分數：{score}";
    result_date(date: &str) => "Date: {date}", "日期：{date}";
    result_link(link: &str) => "Link: {link}", "連結：{link}";
    result_right(n: usize, relation: &str, given: &str) => "{n}. {relation}: {given} — right", "{n}. {relation}：{given}，正確";
    result_wrong(n: usize, relation: &str, given: &str, truth: &str) => "{n}. {relation}: {given} — wrong (the rules say: {truth})",
        "{n}. {relation}：{given}，錯誤（規則的判定：{truth}）";
    print => "Print handout", "列印講義";
    print_walkthrough => "Print walkthrough", "列印導覽";
    print_worksheet => "Print quiz worksheet", "列印測驗卷";
    answer_key => "Answer key", "解答";
    worksheet_intro => "For each numbered relationship, tick whether the rules allow it; for a blocked one, write the rule that blocks it.",
        "請就每個編號的關聯性，勾選規則是否允許；若不允許，請寫出不允許它的規則。";
    name_line => "Name:", "姓名：";
    date_line => "Date:", "日期：";
    the_change => "The change:", "變更：";
    /// The worksheet's title: nothing of the diagram's own, which could give answers away.
    worksheet_title(n: usize) => "Quiz worksheet: {n} relationships", "測驗卷：{n} 個關聯性";
    /// Under a printed page's title.
    print_meta(as_of: &str, date: &str) => "CSP Scenario Explorer · rules as of {as_of} · printed {date}",
        "CSP Scenario Explorer · 規則適用日期 {as_of} · 列印日期 {date}";
    summary => "Summary", "摘要";
    rules_met => "The rules this scenario showed:", "此範例案例涉及的規則：";
    all_scenarios_done => "That was the last of the guide's eight scenarios.", "這是指南八個範例案例中的最後一個。";
    quiz_this => "Quiz me on this diagram", "就此圖表測驗我";
    /// The button to the next scenario's walkthrough.
    next_scenario(title: &str) => "Next scenario: {title}", "下一個範例案例：{title}";
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
