//! The bar every Traditional Chinese text of the tool is read against (docs/glossary.md), for
//! the engine's texts (tests/chinese.rs) and the page's (the page crate includes this file):
//! - 您, not 你 (except 「你」 quoted, as the glossary names it);
//! - the tool's terms where the guide's machine translation reads wrongly (關係企業, 加入合作夥伴
//!   中心, 委託, 多通路, 獨立, 檢查結果, 不允許, 租用戶, 供應項目);
//! - full-width punctuation in Chinese text, and no space after it (an arrow between names keeps
//!   its spaces: 「p」 → 間接轉銷商);
//! - Microsoft's zh-TW spacing: one space between Chinese and Latin letters or digits
//!   (「CSP 租用戶」, 「2020 年」, 「範例案例 6」), none between Chinese words;
//! - no 已 ("done") in a list of what is still to do.
//!
//! Citations are not read against it: they quote the guide as it is written.

/// The guide's machine translation says these; the tool says what docs/glossary.md lists.
pub const WRONG_TERMS: [&str; 11] = [
    "分支機構",
    "分支機搆",
    "上架",
    "多通道",
    "通道",
    "聯繫",
    "個別",
    "封鎖",
    "發現",
    "租使用者",
    "供應專案",
];

/// A Chinese character (the unified ideographs and extension A).
pub fn cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// What is wrong with `text` by the bar, one line each (empty: nothing).
pub fn problems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if text.replace("「你」", "").contains('你') {
        out.push("你 (write 您)".to_string());
    }
    for w in WRONG_TERMS {
        if text.contains(w) {
            out.push(format!("{w} (see docs/glossary.md)"));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let ascii_punct = |c: char| ",;:()!?".contains(c);
    for (i, pair) in chars.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        let arrow = chars.get(i + 2) == Some(&'→');
        if "。，、：；！？）」".contains(a) && b == ' ' && !arrow {
            out.push(format!("a space after {a}"));
        }
        if cjk(a) && b.is_ascii_alphanumeric() || a.is_ascii_alphanumeric() && cjk(b) {
            out.push(format!("no space in {a}{b}"));
        }
        if cjk(a) && ascii_punct(b) || ascii_punct(a) && cjk(b) {
            out.push(format!("half-width punctuation in {a}{b}"));
        }
        if b == ' ' && cjk(a) && chars.get(i + 2).copied().is_some_and(cjk) {
            out.push(format!("a space between Chinese words after {a}"));
        }
    }
    // A list in Chinese is written with 、 (「e1、e2」); a comma between digits is a number's.
    if chars.iter().any(|&c| cjk(c)) {
        for (i, &c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let after = chars.get(i + 1).copied();
            let number = before.is_some_and(|c| c.is_ascii_digit())
                && after.is_some_and(|c| c.is_ascii_digit());
            if c == ',' && !number {
                out.push("a half-width comma in Chinese text".to_string());
            }
        }
    }
    if let Some((_, todo)) = text.split_once("尚待完成：") {
        let list = todo.split('。').next().unwrap_or_default();
        if list.contains('已') {
            out.push("已 in a list of what is not done".to_string());
        }
    }
    out
}

#[test]
fn the_bar_finds_what_it_names() {
    assert!(problems("CSP 租用戶在 2020 年「你」之後；範例案例 6 判定。").is_empty());
    assert!(problems("「p」 → 間接轉銷商").is_empty());
    assert!(problems("超過 8,000 個字元").is_empty());
    for bad in [
        "你的圖表",
        "範例案例6 判定",
        "範例案例4的",
        "完成。 下一步",
        "選項(1)",
        "e1,e2 不允許",
        "e1, e2 不允許",
        "Tailspin 玩具 間接轉銷商",
        "已封鎖",
        "尚待完成：已簽署 MPA。",
    ] {
        assert!(!problems(bad).is_empty(), "{bad}");
    }
}
