//! Sentence shapes: whether a block reads as prose (it ends as a sentence
//! ends, in any script) or as a label (a byline, a date, "Read more",
//! "Related:"), and trimming labels off the edges of the content.

/// Characters that end a sentence, in the scripts excerpt segments
/// (Latin, Greek, Cyrillic, Arabic, Devanagari, Ethiopic, Myanmar, Khmer,
/// CJK full-width forms, ...).
const TERMINATORS: &[char] = &[
    '.', '．', '…', '?', '⁇', '؟', '!', '‼', '‽', '⁈', '⁉', '。', '｡', '！', '？', '।', '॥', '።',
    '፧', '။', '។', '۔', '։',
];

/// Characters that may follow the terminator (quotes, brackets).
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '»'
            | '«'
            | '”'
            | '“'
            | '’'
            | '‘'
            | ')'
            | ']'
            | '）'
            | '」'
            | '』'
            | '›'
            | '‹'
    )
}

/// Whether `text` ends as a sentence ends (after closing quotes and
/// brackets).
pub(crate) fn ends_as_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(is_closer)
        .ends_with(TERMINATORS)
}

/// Whether `text` reads as prose: a sentence of at least five words (or
/// fifteen characters of a script written without spaces), or a long run
/// of text whatever its end.
pub(crate) fn is_prose(text: &str) -> bool {
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    if chars >= 150 {
        return true;
    }
    let words = text.split_whitespace().count();
    let unspaced = text.chars().filter(|&c| is_unspaced(c)).count();
    ends_as_sentence(text) && (words >= 5 || unspaced >= 15)
}

/// Letters of scripts written without spaces between words.
fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0x0E00..=0x0E7F
        | 0x1000..=0x109F | 0x1780..=0x17FF)
}

/// Labels at the edges shorter than this (characters) are trimmed.
const LABEL_CHARS: usize = 80;

/// Which of the content's paragraphs (text, whether a heading) to keep:
/// short labels after the last prose paragraph (a "Related:" heading, a
/// byline, tags, a date) and short labels other than headings before the
/// first (a date, "Updated:", a kicker) are trimmed.
pub(crate) fn keep(paragraphs: &[(&str, bool)]) -> Vec<bool> {
    let prose: Vec<bool> = paragraphs.iter().map(|(t, _)| is_prose(t)).collect();
    let (Some(first), Some(last)) = (
        prose.iter().position(|&p| p),
        prose.iter().rposition(|&p| p),
    ) else {
        return vec![true; paragraphs.len()];
    };
    paragraphs
        .iter()
        .enumerate()
        .map(|(i, (text, heading))| {
            let label = text.chars().count() < LABEL_CHARS;
            !(label && (i > last || (i < first && !heading)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_in_several_scripts_are_prose() {
        assert!(is_prose("The dam broke at dawn, said the mayor."));
        assert!(is_prose(
            "«Es ist höchste Zeit», sagte sie gestern in Berlin."
        ));
        assert!(is_prose(
            "法律では虐待をした親に専門家が子どもの育て方を教えます。"
        ));
        assert!(is_prose("Did the water reach the town by noon?\u{201d}"));
    }

    #[test]
    fn labels_bylines_and_dates_are_not() {
        assert!(!is_prose("You might also like:"));
        assert!(!is_prose("Mark Lavin"));
        assert!(!is_prose("03.04.2020"));
        assert!(!is_prose("Read more."));
    }

    #[test]
    fn labels_at_the_edges_are_trimmed() {
        let paras = [
            ("Updated: 3 May", false),
            ("Dam breaks", true),
            ("The dam broke at dawn, said the mayor.", false),
            ("Water", true),
            ("Nobody was hurt, the police said later.", false),
            ("Related stories", true),
            ("Mark Lavin", false),
        ];
        assert_eq!(keep(&paras), [false, true, true, true, true, false, false]);
        assert_eq!(keep(&[("Home", false), ("About", false)]), [true, true]);
    }
}
