//! Any text, however odd, gets a summary within its budget, in document
//! order, and keyphrases, without a panic.

use excerpt_rank::{Budget, Summarizer};
use proptest::prelude::*;

/// Characters that stress byte offsets: multi-byte apostrophes, combining
/// marks, CJK, Hangul, Arabic, emoji, punctuation and spaces.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "L’",
        "d’",
        "ʼ",
        "'",
        "’s ",
        "e\u{301}",
        "é",
        "ß",
        "İ",
        "Σ",
        "我们",
        "喜欢",
        "茶",
        "한국어 ",
        "مرحبا ",
        "🙂",
        "--",
        "—",
        "(",
        ")",
        "\"",
        "«",
        "»",
        ". ",
        "? ",
        "! ",
        ", ",
        " ",
        "\n",
        "Mr. ",
        "Harbour ",
        "harbour ",
        "rail ",
        "Rail ",
        "the ",
        "of ",
        "US ",
        "co-op ",
        "www.example.com ",
        "x@y.org ",
        "12 ",
        "3.5 ",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn summaries_and_keyphrases_never_panic(text in text(), lang in prop::sample::select(vec!["en", "fr", "zh", "ko", "ar", "pl", "xx"])) {
        let sentences: Vec<&str> = text.split_inclusive(['.', '\n', '?']).collect();
        let summarizer = Summarizer::new(lang);
        let summary = summarizer.summarize(&sentences, Budget::Sentences(2));
        prop_assert!(summary.picks.len() <= 2);
        prop_assert!(summary.picks.windows(2).all(|p| p[0].index < p[1].index));
        prop_assert!(summary.picks.iter().all(|p| p.index < sentences.len()));
        for k in summarizer.keywords(&sentences, 5) {
            prop_assert!(!k.text.is_empty());
        }
    }
}
