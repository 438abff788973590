//! What a text holds beyond ASCII, found in one pass over its non-ASCII
//! characters (the ASCII runs between them skipped 32 bytes at a time):
//! whether it has a character on which Java's and the Unicode word
//! boundaries disagree ([`Divergent`]), and where its non-ASCII word
//! characters are ([`NonAsciiWords`]): the only characters on which
//! Unicode and ASCII word boundaries disagree, so that a DFA with ASCII
//! boundaries is exact wherever its boundaries cannot see one.

use crate::java::BOUNDARY_DIVERGENT;
use regex_syntax::hir::{Class, HirKind};

/// The byte offsets at which a text's non-ASCII word characters start.
#[derive(Debug, Default)]
pub(crate) struct NonAsciiWords {
    starts: Vec<usize>,
}

/// The characters of [`BOUNDARY_DIVERGENT`], as sorted ranges. None of
/// them is ASCII.
pub(crate) struct Divergent {
    ranges: Vec<(char, char)>,
}

impl Divergent {
    /// The class, read from [`BOUNDARY_DIVERGENT`] (one class, or an
    /// alternation of classes).
    pub fn new() -> Divergent {
        let hir = regex_syntax::parse(BOUNDARY_DIVERGENT).expect("the divergence class parses");
        let parts = match hir.kind() {
            HirKind::Alternation(hs) => hs.clone(),
            _ => vec![hir],
        };
        let mut ranges = Vec::new();
        for h in parts {
            match h.kind() {
                HirKind::Class(Class::Unicode(c)) => {
                    ranges.extend(c.ranges().iter().map(|r| (r.start(), r.end())))
                }
                other => panic!("the divergence pattern is not a class: {other:?}"),
            }
        }
        ranges.sort();
        assert!(
            ranges.iter().all(|r| !r.0.is_ascii()),
            "no ASCII character diverges"
        );
        Divergent { ranges }
    }

    /// Whether `c` is one of them.
    pub fn contains(&self, c: char) -> bool {
        let i = self.ranges.partition_point(|r| r.1 < c);
        self.ranges.get(i).is_some_and(|r| r.0 <= c)
    }
}

impl NonAsciiWords {
    /// Finds the non-ASCII word characters (Unicode `\w`) of `text`.
    #[cfg(test)]
    pub fn new(text: &str) -> NonAsciiWords {
        Self::scan(text, &Divergent::new()).0
    }

    /// Finds the non-ASCII word characters of `text`, and whether it holds
    /// a character of `divergent`.
    pub fn scan(text: &str, divergent: &Divergent) -> (NonAsciiWords, bool) {
        const RUN: usize = 32;
        let bytes = text.as_bytes();
        let mut starts = Vec::new();
        let mut diverges = false;
        let mut i = 0;
        while i < bytes.len() {
            while i + RUN <= bytes.len() && bytes[i..i + RUN].is_ascii() {
                i += RUN;
            }
            match bytes[i..].iter().take(RUN).position(|b| !b.is_ascii()) {
                None => i += RUN,
                Some(k) => {
                    let at = i + k;
                    let c = text[at..].chars().next().expect("a char starts here");
                    if regex_syntax::is_word_character(c) {
                        starts.push(at);
                    }
                    diverges |= divergent.contains(c);
                    i = at + c.len_utf8();
                }
            }
        }
        (NonAsciiWords { starts }, diverges)
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
        // past the 32-byte runs, and at their edges
        let long = format!("{}é{}ß", "x".repeat(31), "y".repeat(64));
        assert_eq!(NonAsciiWords::new(&long).starts, vec![31, 97]);
    }

    #[test]
    fn finds_the_divergent_characters_as_the_pattern_does() {
        let d = Divergent::new();
        let re = regex_automata::meta::Regex::new(BOUNDARY_DIVERGENT).unwrap();
        for c in ('\0'..='\u{3000}').chain(['\u{200C}', '\u{200D}', '\u{FE33}', '\u{1D165}']) {
            let s = c.to_string();
            assert_eq!(d.contains(c), re.is_match(&s), "{c:?} U+{:04X}", c as u32);
        }
        let text = format!("{}e\u{301} x", "a".repeat(40));
        assert!(NonAsciiWords::scan(&text, &d).1);
        assert!(!NonAsciiWords::scan("“plain” — café_x", &d).1);
    }
}
