//! Property tests: for any input, the spans are in order, non-empty, trimmed,
//! separated by whitespace only, and rebuild the input byte for byte.

use excerpt_segment::Segmenter;
use proptest::prelude::*;

fn check(seg: &Segmenter, text: &str) -> Result<(), TestCaseError> {
    let mut pos = 0;
    let mut last_par = 0;
    let mut rebuilt = String::new();
    for s in seg.segment(text) {
        prop_assert!(s.start() >= pos, "overlap at {}", s.start());
        prop_assert!(s.end() > s.start(), "empty span");
        let gap = &text[pos..s.start()];
        prop_assert!(gap.chars().all(char::is_whitespace), "gap {:?}", gap);
        prop_assert_eq!(s.as_str(), &text[s.range()]);
        prop_assert!(!s.as_str().starts_with(char::is_whitespace));
        prop_assert!(!s.as_str().ends_with(char::is_whitespace));
        prop_assert!(s.paragraph() >= last_par);
        if gap.contains("\n\n") || gap.contains("\r\r") || gap.contains("\n\r\n") {
            prop_assert!(s.paragraph() > last_par || pos == 0);
        }
        last_par = s.paragraph();
        rebuilt.push_str(gap);
        rebuilt.push_str(s.as_str());
        pos = s.end();
    }
    let tail = &text[pos..];
    prop_assert!(tail.chars().all(char::is_whitespace), "tail {:?}", tail);
    rebuilt.push_str(tail);
    prop_assert_eq!(rebuilt, text);
    Ok(())
}

/// Characters that exercise the rules: terminators of many scripts,
/// quotes, brackets, line breaks, format marks, combining marks, emoji.
fn tricky() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "a",
        "B",
        "Mr",
        "U.S",
        "e.g",
        "3",
        "14",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\t",
        ".",
        "..",
        "…",
        "?",
        "!",
        "?!",
        ";",
        ":",
        "。",
        "！",
        "？",
        "．",
        "।",
        "॥",
        "።",
        "။",
        "។",
        "؟",
        "۔",
        "։",
        "།",
        "\"",
        "'",
        "“",
        "”",
        "«",
        "»",
        "„",
        "(",
        ")",
        "[",
        "]",
        "「",
        "」",
        "《",
        "》",
        "•",
        "-",
        "—",
        "\u{0}",
        "\u{200b}",
        "\u{202a}",
        "\u{301}",
        "😀",
        "❤\u{fe0f}",
        "é",
        "Ж",
        "ж",
        "中",
        "ა",
        "١",
        "\u{a0}",
        "\u{2028}",
        "1.",
        "a)",
        "www.x.com",
        "x@y.z",
        "I",
        "The",
        "Dr",
        "z",
        "XII",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_is_rebuilt(text in any::<String>()) {
        for lang in ["en", "de", "el", "hy", "ja", "xx"] {
            check(&Segmenter::new(lang), &text)?;
        }
    }

    #[test]
    fn tricky_text_is_rebuilt(text in tricky()) {
        for lang in ["en", "de", "el", "hy", "zh", "bo", "xx"] {
            check(&Segmenter::new(lang), &text)?;
        }
        check(&Segmenter::builder("en").newline_boundary(true).build(), &text)?;
        check(&Segmenter::builder("en").max_chars(Some(7)).build(), &text)?;
        check(&Segmenter::builder("en").learn(true).build(), &text)?;
    }
}

#[test]
fn long_inputs_without_breaks_are_rebuilt() {
    let seg = Segmenter::new("en");
    let dots = ".".repeat(100_000);
    check(&seg, &dots).unwrap();
    let words = "word ".repeat(20_000);
    check(&seg, &words).unwrap();
    let glued = "a.".repeat(50_000);
    check(&seg, &glued).unwrap();
}
