//! Where a text holds non-ASCII word characters: the only characters on
//! which Unicode and ASCII word boundaries disagree, so that a DFA with
//! ASCII boundaries is exact wherever its boundaries cannot see one.

/// The byte offsets at which a text's non-ASCII word characters start.
#[derive(Debug, Default)]
pub(crate) struct NonAsciiWords {
    starts: Vec<usize>,
}

impl NonAsciiWords {
    /// Finds the non-ASCII word characters (Unicode `\w`) of `text`.
    pub fn new(text: &str) -> NonAsciiWords {
        let bytes = text.as_bytes();
        let mut starts = Vec::new();
        let mut i = 0;
        while let Some(k) = bytes[i..].iter().position(|b| *b >= 0x80) {
            let at = i + k;
            let c = text[at..].chars().next().expect("a char starts here");
            if regex_syntax::is_word_character(c) {
                starts.push(at);
            }
            i = at + c.len_utf8();
        }
        NonAsciiWords { starts }
    }

    /// Whether none starts in `lo..hi`.
    pub fn none_in(&self, lo: usize, hi: usize) -> bool {
        let i = self.starts.partition_point(|&s| s < lo);
        self.starts.get(i).is_none_or(|&s| s >= hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_non_ascii_word_characters_only() {
        let w = NonAsciiWords::new("a “é” — ß.");
        assert_eq!(w.starts, vec![5, 15]);
        assert!(w.none_in(0, 5));
        assert!(!w.none_in(0, 6));
        assert!(w.none_in(6, 15));
        assert!(!w.none_in(15, 16));
        assert!(w.none_in(16, 100));
        assert!(NonAsciiWords::new("“quoted” — text").starts.is_empty());
    }
}
