//! The segmenter: configuration and the sentence iterator.

use crate::Sentence;
use unicode_segmentation::UnicodeSegmentation;

/// A sentence segmenter for one language, built once and used many times.
///
/// ```
/// use excerpt_segment::Segmenter;
///
/// let seg = Segmenter::new("en");
/// assert_eq!(seg.segment("Hi. Bye.").count(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Segmenter {
    lang: String,
    newline_boundary: bool,
}

/// Builds a [`Segmenter`] with options.
///
/// ```
/// use excerpt_segment::Segmenter;
///
/// let seg = Segmenter::builder("en").newline_boundary(true).build();
/// assert_eq!(seg.segment("a line\nanother line").count(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct SegmenterBuilder {
    lang: String,
    newline_boundary: bool,
}

impl SegmenterBuilder {
    /// When true, every line break ends a segment.
    pub fn newline_boundary(mut self, yes: bool) -> SegmenterBuilder {
        self.newline_boundary = yes;
        self
    }

    /// Builds the segmenter.
    pub fn build(self) -> Segmenter {
        Segmenter {
            lang: self.lang,
            newline_boundary: self.newline_boundary,
        }
    }
}

impl Segmenter {
    /// A segmenter for the language with ISO 639-1 code `lang` (`"en"`,
    /// `"de"`, ...). An unknown code gets the generic rules.
    pub fn new(lang: &str) -> Segmenter {
        Segmenter::builder(lang).build()
    }

    /// A builder for a segmenter with options.
    pub fn builder(lang: &str) -> SegmenterBuilder {
        SegmenterBuilder {
            lang: lang.to_ascii_lowercase(),
            newline_boundary: false,
        }
    }

    /// The language code this segmenter was built for.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Splits `text` into sentences.
    pub fn segment<'s, 't>(&'s self, text: &'t str) -> Sentences<'s, 't> {
        let mut out = Vec::new();
        let mut paragraph = 0;
        let mut seen_in_paragraph = false;
        let mut pos = 0;
        for block in blocks(text, self.newline_boundary) {
            match block {
                Block::Break => {
                    if seen_in_paragraph {
                        paragraph += 1;
                        seen_in_paragraph = false;
                    }
                }
                Block::Text(start, end) => {
                    for (off, piece) in text[start..end].split_sentence_bound_indices() {
                        let trimmed = piece.trim();
                        if trimmed.is_empty() {
                            continue;
                        }
                        let lead = piece.len() - piece.trim_start().len();
                        let s = start + off + lead;
                        out.push(Sentence::new(&text[s..s + trimmed.len()], s, paragraph));
                        seen_in_paragraph = true;
                    }
                }
            }
            pos += 1;
        }
        let _ = pos;
        Sentences {
            _segmenter: self,
            inner: out.into_iter(),
        }
    }
}

enum Block {
    Text(usize, usize),
    Break,
}

/// Splits text into runs of lines, separated by blank lines (or by every
/// line break when `every_line` is set).
fn blocks(text: &str, every_line: bool) -> Vec<Block> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let line = &text[line_start..i];
            if every_line || line.trim().is_empty() {
                let end = if every_line { i } else { line_start };
                if end > start {
                    out.push(Block::Text(start, end));
                }
                out.push(Block::Break);
                start = i + 1;
            }
            line_start = i + 1;
        }
        i += 1;
    }
    if start < text.len() {
        out.push(Block::Text(start, text.len()));
    }
    out
}

/// Iterator over the [`Sentence`]s of a text, from [`Segmenter::segment`].
#[derive(Debug)]
pub struct Sentences<'s, 't> {
    _segmenter: &'s Segmenter,
    inner: std::vec::IntoIter<Sentence<'t>>,
}

impl<'t> Iterator for Sentences<'_, 't> {
    type Item = Sentence<'t>;

    fn next(&mut self) -> Option<Sentence<'t>> {
        self.inner.next()
    }
}
