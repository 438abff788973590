//! Analysis as CAT tools print it: segments, words, characters,
//! repetitions and unique segments.

use crate::document::word_count;
use serde::Serialize;
use std::collections::HashSet;

/// Counts for a set of segments.
///
/// A segment is a *repetition* when an earlier segment has exactly the same
/// text, and a *normalised repetition* when an earlier segment has the same
/// text after [`normalize`] (so every exact repetition is also a normalised
/// one). The first occurrence of each text is *unique*.
///
/// ```
/// use excerpt_tm::Stats;
///
/// let s = Stats::of(["Page 1.", "Page 2!", "Page 1.", "The end."]);
/// assert_eq!((s.segments, s.words, s.unique), (4, 8, 3));
/// assert_eq!((s.repetitions, s.normalized_repetitions), (1, 2));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Number of segments.
    pub segments: usize,
    /// Words in all segments.
    pub words: usize,
    /// Characters (Unicode scalar values) in all segments, spaces included.
    pub characters: usize,
    /// Characters without whitespace.
    pub characters_no_spaces: usize,
    /// Segments seen for the first time (exact text).
    pub unique: usize,
    /// Words in unique segments.
    pub unique_words: usize,
    /// Segments that repeat an earlier one exactly.
    pub repetitions: usize,
    /// Words in exact repetitions.
    pub repetition_words: usize,
    /// Segments that repeat an earlier one after normalising numbers and
    /// punctuation.
    pub normalized_repetitions: usize,
    /// Words in normalised repetitions.
    pub normalized_repetition_words: usize,
}

impl Stats {
    /// Analyses segment texts, in order.
    ///
    /// ```
    /// let s = excerpt_tm::Stats::of(["Hello world.", "Hello world."]);
    /// assert_eq!((s.words, s.characters, s.repetitions), (4, 24, 1));
    /// ```
    pub fn of<'a>(segments: impl IntoIterator<Item = &'a str>) -> Stats {
        let mut s = Stats::default();
        let mut exact: HashSet<&str> = HashSet::new();
        let mut normalized: HashSet<String> = HashSet::new();
        for text in segments {
            let words = word_count(text);
            s.segments += 1;
            s.words += words;
            s.characters += text.chars().count();
            s.characters_no_spaces += text.chars().filter(|c| !c.is_whitespace()).count();
            if exact.insert(text) {
                s.unique += 1;
                s.unique_words += words;
            } else {
                s.repetitions += 1;
                s.repetition_words += words;
            }
            if !normalized.insert(normalize(text)) {
                s.normalized_repetitions += 1;
                s.normalized_repetition_words += words;
            }
        }
        s
    }
}

/// The text a normalised repetition is matched on: every run of digits
/// becomes `0`, punctuation and symbols are dropped, and whitespace runs
/// become one space.
///
/// ```
/// use excerpt_tm::normalize;
///
/// assert_eq!(normalize("Chapter 12:  “Home”!"), "Chapter 0 Home");
/// assert_eq!(normalize("Chapter 7 - Home"), "Chapter 0 Home");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_number = false;
    let mut space = false;
    for c in text.chars() {
        if c.is_numeric() {
            if !in_number {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push('0');
            }
            in_number = true;
            continue;
        }
        if in_number && matches!(c, '.' | ',') {
            continue;
        }
        in_number = false;
        if c.is_whitespace() {
            space = true;
        } else if c.is_alphanumeric() || is_joiner(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Combining marks keep their letters intact.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{200c}' | '\u{200d}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_plus_repetitions_is_segments() {
        let texts = ["A b.", "A b.", "A b!", "C.", "A b."];
        let s = Stats::of(texts);
        assert_eq!(s.unique + s.repetitions, s.segments);
        assert_eq!(
            (s.unique, s.repetitions, s.normalized_repetitions),
            (3, 2, 3)
        );
        assert_eq!(s.repetition_words, 4);
    }

    #[test]
    fn numbers_with_separators_normalise_alike() {
        assert_eq!(normalize("Total: 1,234.50 EUR"), normalize("Total 9 EUR."));
    }

    #[test]
    fn characters_count_scalars() {
        let s = Stats::of(["né à"]);
        assert_eq!((s.characters, s.characters_no_spaces), (4, 3));
    }

    #[test]
    fn empty_input() {
        assert_eq!(Stats::of([]), Stats::default());
    }
}
