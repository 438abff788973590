//! A sentence: a span of the original text.

use std::ops::Range;

/// One sentence of a text, as a byte span into it.
///
/// ```
/// use excerpt_segment::Segmenter;
///
/// let text = "One. Two.";
/// let first = Segmenter::new("en").segment(text).next().unwrap();
/// assert_eq!(first.as_str(), "One.");
/// assert_eq!(first.range(), 0..4);
/// assert_eq!(first.paragraph(), 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sentence<'t> {
    text: &'t str,
    start: usize,
    paragraph: usize,
}

impl<'t> Sentence<'t> {
    /// Creates a sentence for `text`, which starts at byte `start` of the
    /// input and belongs to paragraph `paragraph` (counted from 0).
    pub fn new(text: &'t str, start: usize, paragraph: usize) -> Sentence<'t> {
        Sentence {
            text,
            start,
            paragraph,
        }
    }

    /// The sentence's text, a slice of the input.
    pub fn as_str(&self) -> &'t str {
        self.text
    }

    /// Byte offset of the sentence's first byte in the input.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset one past the sentence's last byte in the input.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The byte range of the sentence in the input.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end()
    }

    /// Index of the paragraph (blocks separated by blank lines), from 0.
    pub fn paragraph(&self) -> usize {
        self.paragraph
    }
}
