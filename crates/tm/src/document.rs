//! A segmented document: segments with stable ids, and the skeleton between
//! them.

use crate::inline::{CodeKind, Piece, TargetPiece, split, split_marked};
use crate::options::SegmentOptions;
use crate::protect::Protect;
use crate::splitter::Splitter;
use crate::translation::push_text;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// One segment (sentence) of a document.
///
/// Its id is `p{paragraph}.s{sentence}`, both counted from 1: the same input
/// and options always give the same ids.
///
/// ```
/// use excerpt_tm::{Document, SegmentOptions};
///
/// let doc = Document::new("One. Two.\n\nThree.", SegmentOptions::new("en"));
/// let ids: Vec<&str> = doc.segments().iter().map(|s| s.id()).collect();
/// assert_eq!(ids, ["p1.s1", "p1.s2", "p2.s1"]);
/// assert_eq!(doc.segments()[2].paragraph_id(), "p2");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment<'t> {
    id: String,
    paragraph: usize,
    text: &'t str,
    range: Range<usize>,
    codes: Option<Vec<(Range<usize>, CodeKind)>>,
}

impl<'t> Segment<'t> {
    /// The segment cut into text and inline codes: the markup codes a
    /// document reader gave (see [`SegmentSpec`]), then the characters XML
    /// forbids (with `xml`) and the `protect` spans within the text.
    ///
    /// ```
    /// use excerpt_tm::{Document, Piece, Protect, SegmentOptions};
    ///
    /// let doc = Document::new("Call 911 now.", SegmentOptions::new("en"));
    /// let pieces = doc.segments()[0].pieces("numbers".parse().unwrap(), true);
    /// assert!(matches!(pieces[1], Piece::Code(c) if c.text == "911"));
    /// ```
    pub fn pieces(&self, protect: Protect, xml: bool) -> Vec<Piece<'t>> {
        match &self.codes {
            Some(codes) => split_marked(self.text, codes, protect, xml),
            None => split(self.text, protect, xml),
        }
    }

    /// The segment's text for formats without inline codes (PO, TSV):
    /// each markup code a document reader gave becomes a placeholder with
    /// its number, `{n}`, numbered as the codes of the XML formats (a `{`
    /// of the text that would read as one is doubled, `{{1}`); a text
    /// without such codes is as it is.
    ///
    /// ```
    /// use excerpt_tm::{CodeKind, Document, SegmentOptions, SegmentSpec};
    ///
    /// let text = "<b>Hi</b><br> {7}";
    /// let spec = SegmentSpec { paragraph: 0, range: 0..17, codes: vec![
    ///     (0..3, CodeKind::Open), (5..9, CodeKind::Close), (9..13, CodeKind::Standalone)] };
    /// let doc = Document::from_segments(text, SegmentOptions::new("en"), vec![spec]);
    /// assert_eq!(doc.segments()[0].placeholder_text(), "{1}Hi{2}{3} {{7}");
    /// ```
    pub fn placeholder_text(&self) -> std::borrow::Cow<'t, str> {
        let Some(codes) = &self.codes else {
            return self.text.into();
        };
        let mut out = String::with_capacity(self.text.len());
        for p in split_marked(self.text, codes, Protect::none(), false) {
            match p {
                Piece::Text(t) => out.push_str(&escape_braces(t)),
                Piece::Code(c) => match c.kind {
                    CodeKind::Open | CodeKind::Close | CodeKind::Standalone => {
                        out.push_str(&format!("{{{}}}", c.index))
                    }
                    _ => out.push_str(c.text),
                },
            }
        }
        out.into()
    }

    /// What each placeholder of [`Segment::placeholder_text`] stands for,
    /// `{1}=<b> {2}=</b>`; `None` for a segment without markup codes.
    ///
    /// ```
    /// use excerpt_tm::{CodeKind, Document, SegmentOptions, SegmentSpec};
    ///
    /// let spec = SegmentSpec { paragraph: 0, range: 0..4, codes: vec![(0..4, CodeKind::Standalone)] };
    /// let doc = Document::from_segments("<br>", SegmentOptions::new("en"), vec![spec]);
    /// assert_eq!(doc.segments()[0].placeholder_map().unwrap(), "{1}=<br>");
    /// ```
    pub fn placeholder_map(&self) -> Option<String> {
        let codes = self.codes.as_ref().filter(|c| !c.is_empty())?;
        let items: Vec<String> = split_marked(self.text, codes, Protect::none(), false)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Code(c) => {
                    let shown: Vec<&str> = c.text.split_whitespace().collect();
                    Some(format!("{{{}}}={}", c.index, shown.join(" ")))
                }
                Piece::Text(_) => None,
            })
            .collect();
        Some(items.join(" "))
    }

    /// The stable id, `p1.s1` for the first sentence of the first paragraph.
    ///
    /// ```
    /// let doc = excerpt_tm::Document::new("Rain. Sun.", excerpt_tm::SegmentOptions::new("en"));
    /// assert_eq!(doc.segments()[1].id(), "p1.s2");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The id of the segment's paragraph, `p1` for the first.
    ///
    /// ```
    /// let doc = excerpt_tm::Document::new("A.", excerpt_tm::SegmentOptions::new("en"));
    /// assert_eq!(doc.segments()[0].paragraph_id(), "p1");
    /// ```
    pub fn paragraph_id(&self) -> String {
        format!("p{}", self.paragraph + 1)
    }

    /// The paragraph index, from 0.
    ///
    /// ```
    /// let doc = excerpt_tm::Document::new("A.\n\nB.", excerpt_tm::SegmentOptions::new("en"));
    /// assert_eq!(doc.segments()[1].paragraph(), 1);
    /// ```
    pub fn paragraph(&self) -> usize {
        self.paragraph
    }

    /// The segment's exact text, a slice of the original.
    ///
    /// ```
    /// let doc = excerpt_tm::Document::new("  Hi there.  ", excerpt_tm::SegmentOptions::new("en"));
    /// assert_eq!(doc.segments()[0].text(), "Hi there.");
    /// ```
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The segment's byte range in the original.
    ///
    /// ```
    /// let doc = excerpt_tm::Document::new("  Hi there.  ", excerpt_tm::SegmentOptions::new("en"));
    /// assert_eq!(doc.segments()[0].range(), 2..11);
    /// ```
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }

    /// The number of words, as a CAT tool counts them (see [`word_count`]).
    ///
    /// ```
    /// let doc = excerpt_tm::Document::new("It's 5 o'clock.", excerpt_tm::SegmentOptions::new("en"));
    /// assert_eq!(doc.segments()[0].words(), 3);
    /// ```
    pub fn words(&self) -> usize {
        match &self.codes {
            Some(codes) => split_marked(self.text, codes, Protect::none(), false)
                .iter()
                .map(|p| match p {
                    Piece::Text(t) => word_count(t),
                    Piece::Code(_) => 0,
                })
                .sum(),
            None => word_count(self.text),
        }
    }
}

/// Doubles a `{` that starts what reads as a placeholder (`{1}`), so that
/// such text stays text in [`Segment::placeholder_text`].
fn escape_braces(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('{') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 2);
    for (i, c) in text.char_indices() {
        if c == '{' && placeholder_at(&text[i..]).is_some() {
            out.push('{');
        }
        out.push(c);
    }
    out.into()
}

/// The code number of the placeholder `s` starts with (`{12}`), if any.
///
/// ```
/// assert_eq!(excerpt_tm::placeholder_at("{12} rest"), Some(12));
/// assert_eq!(excerpt_tm::placeholder_at("{name}"), None);
/// ```
pub fn placeholder_at(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('{')?;
    let end = rest.find('}')?;
    let digits = &rest[..end];
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Reads the placeholders of [`Segment::placeholder_text`] in a target's
/// text as codes: `{n}` is code `n` when the source's `pieces` have such a
/// code, else text; `{{n}` is the text `{n}`.
///
/// ```
/// use excerpt_tm::{CodeKind, Document, SegmentOptions, SegmentSpec, TargetPiece, expand_placeholders};
///
/// let spec = SegmentSpec { paragraph: 0, range: 0..4, codes: vec![(0..4, CodeKind::Standalone)] };
/// let doc = Document::from_segments("<br>", SegmentOptions::new("en"), vec![spec]);
/// let pieces = doc.segments()[0].pieces(Default::default(), false);
/// let target = [TargetPiece::Text("a{1} {{1} {2}".into())];
/// assert_eq!(expand_placeholders(&target, &pieces), [
///     TargetPiece::Text("a".into()),
///     TargetPiece::Code { index: 1, fallback: None },
///     TargetPiece::Text(" {1} {2}".into()),
/// ]);
/// ```
pub fn expand_placeholders(target: &[TargetPiece], pieces: &[Piece<'_>]) -> Vec<TargetPiece> {
    let known: std::collections::HashSet<usize> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Code(c) => Some(c.index),
            Piece::Text(_) => None,
        })
        .collect();
    let mut out: Vec<TargetPiece> = Vec::new();
    for p in target {
        let TargetPiece::Text(text) = p else {
            out.push(p.clone());
            continue;
        };
        let mut from = 0;
        let mut pos = 0;
        while let Some(open) = text[pos..].find('{').map(|o| pos + o) {
            let rest = &text[open + 1..];
            let close = open + 1 + rest.find('}').unwrap_or(rest.len());
            if rest.starts_with('{') && placeholder_at(rest).is_some() {
                // `{{1}`: the text `{1}`.
                push_text(&mut out, &text[from..open]);
                from = open + 1;
                pos = close + 1;
                continue;
            }
            match placeholder_at(&text[open..]) {
                Some(index) if known.contains(&index) => {
                    push_text(&mut out, &text[from..open]);
                    out.push(TargetPiece::Code {
                        index,
                        fallback: None,
                    });
                    from = close + 1;
                    pos = close + 1;
                }
                _ => pos = open + 1,
            }
        }
        push_text(&mut out, &text[from..]);
    }
    out
}

/// A segment as a document reader cut it: its paragraph (from 0), its byte
/// range in the document's text and its markup codes (byte ranges relative
/// to the segment's start). See [`Document::from_segments`].
///
/// ```
/// use excerpt_tm::{CodeKind, SegmentSpec};
///
/// let spec = SegmentSpec { paragraph: 0, range: 0..11, codes: vec![(0..3, CodeKind::Open), (7..11, CodeKind::Close)] };
/// assert_eq!(spec.codes.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentSpec {
    /// Paragraph index, from 0; segments of one paragraph are adjacent.
    pub paragraph: usize,
    /// Byte range in the document's text.
    pub range: Range<usize>,
    /// Markup codes: byte ranges within the segment, in order, and kinds.
    pub codes: Vec<(Range<usize>, CodeKind)>,
}

/// Counts words by the Unicode word boundaries of UAX #29: runs of letters
/// and digits count once, punctuation not at all, and each Chinese or
/// Japanese ideograph counts as a word (as CAT tools count those scripts).
///
/// ```
/// use excerpt_tm::word_count;
///
/// assert_eq!(word_count("The cat sat, 2 times."), 5);
/// assert_eq!(word_count("..."), 0);
/// ```
pub fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

/// The id of the `in_paragraph`-th segment (from 1) of paragraph
/// `paragraph` (from 0): `p1.s2` for the second segment of the first
/// paragraph. Written with `itoa`: a corpus has millions of them, and
/// `format!` took a tenth of `segment --jsonl`'s instructions.
fn segment_id(paragraph: usize, in_paragraph: usize) -> String {
    let mut numbers = itoa::Buffer::new();
    let mut id = String::with_capacity(12);
    id.push('p');
    id.push_str(numbers.format(paragraph + 1));
    id.push_str(".s");
    id.push_str(numbers.format(in_paragraph));
    id
}

/// The segments of `text` one at a time, with the ids a [`Document`] made
/// with the same splitter gives them: for a text too large to hold all its
/// segments at once.
///
/// ```
/// use excerpt_tm::{Document, SegmentOptions, segments};
///
/// let options = SegmentOptions::new("en");
/// let splitter = options.splitter().unwrap();
/// let text = "One. Two.\n\nThree.";
/// let streamed: Vec<_> = segments(text, &splitter).collect();
/// assert_eq!(streamed, Document::new(text, options).segments());
/// ```
pub fn segments<'s, 't: 's>(
    text: &'t str,
    splitter: &'s Splitter,
) -> impl Iterator<Item = Segment<'t>> + use<'s, 't> {
    let mut last_paragraph = usize::MAX;
    let mut in_paragraph = 0;
    splitter.cuts(text).map(move |cut| {
        if cut.paragraph != last_paragraph {
            last_paragraph = cut.paragraph;
            in_paragraph = 0;
        }
        in_paragraph += 1;
        Segment {
            id: segment_id(cut.paragraph, in_paragraph),
            paragraph: cut.paragraph,
            text: &text[cut.range.clone()],
            range: cut.range,
            codes: None,
        }
    })
}

/// A text cut into segments. The text between segments (the skeleton:
/// spaces, line breaks, blank lines) is kept, so the document can be rebuilt
/// byte for byte with other text in place of each segment.
///
/// ```
/// use excerpt_tm::{Document, SegmentOptions};
///
/// let text = "Hello there.  How are you?\r\n\r\nFine.\r\n";
/// let doc = Document::new(text, SegmentOptions::new("en"));
/// assert_eq!(doc.segments().len(), 3);
/// assert_eq!(doc.rebuild(|s| s.text().into()), text);
/// assert_eq!(doc.rebuild(|s| s.id().to_string().into()), "p1.s1  p1.s2\r\n\r\np2.s1\r\n");
/// ```
#[derive(Clone, Debug)]
pub struct Document<'t> {
    text: &'t str,
    options: SegmentOptions,
    segments: Vec<Segment<'t>>,
}

impl<'t> Document<'t> {
    /// Segments `text` with `options`.
    ///
    /// # Panics
    ///
    /// When `options` record SRX rules that were not loaded (see
    /// [`SegmentOptions::splitter`]; [`Document::with_splitter`] does not
    /// panic).
    ///
    /// ```
    /// let doc = excerpt_tm::Document::new("One. Two.", excerpt_tm::SegmentOptions::new("en"));
    /// assert_eq!(doc.segments().len(), 2);
    /// ```
    pub fn new(text: &'t str, options: SegmentOptions) -> Document<'t> {
        let splitter = options
            .splitter()
            .unwrap_or_else(|e| panic!("Document::new: {e}"));
        Document::with_splitter(text, options, &splitter)
    }

    /// Segments `text` with a splitter already built from `options` (by
    /// [`SegmentOptions::splitter`]), so that many texts can share one.
    ///
    /// ```
    /// use excerpt_tm::{Document, SegmentOptions};
    ///
    /// let options = SegmentOptions::new("en");
    /// let splitter = options.splitter().unwrap();
    /// let doc = Document::with_splitter("One. Two.", options.clone(), &splitter);
    /// assert_eq!(doc.segments()[1].id(), Document::new("One. Two.", options).segments()[1].id());
    /// ```
    pub fn with_splitter(
        text: &'t str,
        options: SegmentOptions,
        splitter: &Splitter,
    ) -> Document<'t> {
        let segments = segments(text, splitter).collect();
        Document {
            text,
            options,
            segments,
        }
    }

    /// A document whose segments a document reader cut (HTML, Markdown):
    /// `text` is the text the readers show translators, with the markup of
    /// each code as it is in the original, and each segment names its range
    /// and codes. Ids are `p{paragraph}.s{n}` as for plain text.
    ///
    /// ```
    /// use excerpt_tm::{CodeKind, Document, Piece, SegmentOptions, SegmentSpec};
    ///
    /// let text = "**Hi** there. Bye.";
    /// let specs = vec![
    ///     SegmentSpec { paragraph: 0, range: 0..13, codes: vec![(0..2, CodeKind::Open), (4..6, CodeKind::Close)] },
    ///     SegmentSpec { paragraph: 0, range: 14..18, codes: vec![] },
    /// ];
    /// let doc = Document::from_segments(text, SegmentOptions::new("en"), specs);
    /// assert_eq!(doc.segments()[1].id(), "p1.s2");
    /// let pieces = doc.segments()[0].pieces(Default::default(), true);
    /// assert_eq!(pieces[1], Piece::Text("Hi"));
    /// ```
    pub fn from_segments(
        text: &'t str,
        options: SegmentOptions,
        specs: Vec<SegmentSpec>,
    ) -> Document<'t> {
        let mut segments = Vec::with_capacity(specs.len());
        let mut last_paragraph = usize::MAX;
        let mut in_paragraph = 0;
        for spec in specs {
            if spec.paragraph != last_paragraph {
                last_paragraph = spec.paragraph;
                in_paragraph = 0;
            }
            in_paragraph += 1;
            segments.push(Segment {
                id: segment_id(spec.paragraph, in_paragraph),
                paragraph: spec.paragraph,
                text: &text[spec.range.clone()],
                range: spec.range,
                codes: Some(spec.codes),
            });
        }
        Document {
            text,
            options,
            segments,
        }
    }

    /// The original text.
    ///
    /// ```
    /// let doc = excerpt_tm::Document::new("One.\n", excerpt_tm::SegmentOptions::new("en"));
    /// assert_eq!(doc.text(), "One.\n");
    /// ```
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The options the document was segmented with.
    ///
    /// ```
    /// let doc = excerpt_tm::Document::new("Eins.", excerpt_tm::SegmentOptions::new("de"));
    /// assert_eq!(doc.options().lang, "de");
    /// ```
    pub fn options(&self) -> &SegmentOptions {
        &self.options
    }

    /// The segments, in order.
    ///
    /// ```
    /// let doc = excerpt_tm::Document::new("", excerpt_tm::SegmentOptions::new("en"));
    /// assert!(doc.segments().is_empty());
    /// ```
    pub fn segments(&self) -> &[Segment<'t>] {
        &self.segments
    }

    /// The segments grouped by paragraph, in order.
    ///
    /// ```
    /// use excerpt_tm::{Document, SegmentOptions};
    ///
    /// let doc = Document::new("It rained. We stayed in.\n\nThen it cleared.", SegmentOptions::new("en"));
    /// let sizes: Vec<usize> = doc.paragraphs().map(|p| p.len()).collect();
    /// assert_eq!(sizes, [2, 1]);
    /// ```
    pub fn paragraphs(&self) -> impl Iterator<Item = &[Segment<'t>]> {
        self.segments.chunk_by(|a, b| a.paragraph == b.paragraph)
    }

    /// The text between segment `i - 1` and segment `i`: `gap(0)` comes
    /// before the first segment and `gap(len)` after the last.
    ///
    /// ```
    /// use excerpt_tm::{Document, SegmentOptions};
    ///
    /// let doc = Document::new("  It rained.\nWe stayed in.\n", SegmentOptions::new("en"));
    /// assert_eq!((doc.gap(0), doc.gap(1), doc.gap(2)), ("  ", "\n", "\n"));
    /// ```
    pub fn gap(&self, i: usize) -> &'t str {
        let start = if i == 0 {
            0
        } else {
            self.segments[i - 1].range.end
        };
        let end = self
            .segments
            .get(i)
            .map_or(self.text.len(), |s| s.range.start);
        &self.text[start..end]
    }

    /// Rebuilds the document: the skeleton as it was, and `replace(segment)`
    /// in place of each segment.
    ///
    /// ```
    /// let doc = excerpt_tm::Document::new("Hi.\r\n\r\nBye.", excerpt_tm::SegmentOptions::new("en"));
    /// let upper = doc.rebuild(|s| s.text().to_uppercase().into());
    /// assert_eq!(upper, "HI.\r\n\r\nBYE.");
    /// ```
    pub fn rebuild<'a, F>(&'a self, mut replace: F) -> String
    where
        F: FnMut(&'a Segment<'t>) -> std::borrow::Cow<'a, str>,
    {
        let mut out = String::with_capacity(self.text.len());
        for (i, s) in self.segments.iter().enumerate() {
            out.push_str(self.gap(i));
            out.push_str(&replace(s));
        }
        out.push_str(self.gap(self.segments.len()));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_ids_spell_the_numbers_in_full() {
        assert_eq!(segment_id(0, 1), "p1.s1");
        assert_eq!(segment_id(9, 10), "p10.s10");
        assert_eq!(segment_id(123_455, 7_890), "p123456.s7890");
    }

    #[test]
    fn ids_restart_per_paragraph_and_are_stable() {
        let text = "First one. Second one.\n\nThird one.\n\n\n\nFourth. Fifth.";
        let a = Document::new(text, SegmentOptions::new("en"));
        let b = Document::new(text, SegmentOptions::new("en"));
        let ids: Vec<&str> = a.segments().iter().map(|s| s.id()).collect();
        assert_eq!(ids, ["p1.s1", "p1.s2", "p2.s1", "p3.s1", "p3.s2"]);
        assert_eq!(a.segments(), b.segments());
    }

    #[test]
    fn empty_and_blank_texts_rebuild() {
        for text in ["", "   ", "\n\n", " \r\n\t"] {
            let doc = Document::new(text, SegmentOptions::new("en"));
            assert!(doc.segments().is_empty());
            assert_eq!(doc.rebuild(|s| s.text().into()), text);
        }
    }

    #[test]
    fn gaps_hold_only_whitespace() {
        let text = "Intro line.\n  Indented text here.\n\n\tTabbed. Done.  ";
        let doc = Document::new(text, SegmentOptions::new("en"));
        for i in 0..=doc.segments().len() {
            assert!(doc.gap(i).chars().all(char::is_whitespace));
        }
        assert_eq!(doc.rebuild(|s| s.text().into()), text);
    }

    #[test]
    fn word_count_counts_ideographs_each() {
        assert_eq!(word_count("東京は大きい。"), word_count("東京は大きい"));
        assert!(word_count("東京") >= 2);
    }
}
