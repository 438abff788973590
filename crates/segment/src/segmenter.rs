//! The segmenter: configuration and the sentence iterator.

use std::collections::VecDeque;

use crate::Sentence;
use crate::abbrev::WordLists;
use crate::learn;
use crate::paragraphs::next_paragraph;
use crate::profile::Profile;
use crate::rules::Scan;
use crate::split_long;

/// A sentence segmenter for one language, built once and used many times.
///
/// ```
/// use excerpt_segment::Segmenter;
///
/// let seg = Segmenter::new("en");
/// let text = "Mr. Lee met J. R. R. Tolkien at 3 p.m. They talked.";
/// let sentences: Vec<&str> = seg.segment(text).map(|s| s.as_str()).collect();
/// assert_eq!(sentences, ["Mr. Lee met J. R. R. Tolkien at 3 p.m.", "They talked."]);
/// ```
#[derive(Clone, Debug)]
pub struct Segmenter {
    lang: String,
    profile: Profile,
    newline_boundary: bool,
    max_chars: Option<usize>,
    learn: bool,
}

/// Builds a [`Segmenter`] with options.
///
/// ```
/// use excerpt_segment::Segmenter;
///
/// let seg = Segmenter::builder("en")
///     .newline_boundary(true)
///     .abbreviations(["Bldg"])
///     .build();
/// assert_eq!(seg.segment("a line\nanother line").count(), 2);
/// assert_eq!(seg.segment("Go to Bldg. 4 now.").count(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct SegmenterBuilder {
    lang: String,
    newline_boundary: bool,
    abbreviations: Vec<String>,
    max_chars: Option<usize>,
    learn: bool,
}

impl SegmenterBuilder {
    /// When true, every line break ends a segment (for text with one
    /// sentence or one unit a line). Off by default: a single line break
    /// then ends a sentence only where the lines do not look hard-wrapped.
    ///
    /// ```
    /// use excerpt_segment::Segmenter;
    ///
    /// let seg = Segmenter::builder("en").newline_boundary(true).build();
    /// assert_eq!(seg.segment("first\nsecond").count(), 2);
    /// ```
    pub fn newline_boundary(mut self, yes: bool) -> SegmenterBuilder {
        self.newline_boundary = yes;
        self
    }

    /// Adds abbreviations to the language's own list (with or without the
    /// final period; matching ignores case). A period after one of them does
    /// not end a sentence unless a capitalised word follows.
    ///
    /// ```
    /// use excerpt_segment::Segmenter;
    ///
    /// let seg = Segmenter::builder("en").abbreviations(["Bldg."]).build();
    /// assert_eq!(seg.segment("Meet at Bldg. 4 today.").count(), 1);
    /// ```
    pub fn abbreviations<I, S>(mut self, list: I) -> SegmenterBuilder
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.abbreviations.extend(
            list.into_iter()
                .map(|s| s.as_ref().trim().trim_end_matches('.').to_lowercase())
                .filter(|s| !s.is_empty()),
        );
        self
    }

    /// Splits sentences longer than `n` characters at their best clause
    /// boundary (semicolon, colon, dash, comma, then a conjunction, then
    /// any space). `None` (the default) never splits.
    ///
    /// ```
    /// use excerpt_segment::Segmenter;
    ///
    /// let seg = Segmenter::builder("en").max_chars(Some(40)).build();
    /// let parts: Vec<&str> = seg
    ///     .segment("The river rose all night; by morning the bridge was gone.")
    ///     .map(|s| s.as_str())
    ///     .collect();
    /// assert_eq!(parts, ["The river rose all night;", "by morning the bridge was gone."]);
    /// ```
    pub fn max_chars(mut self, n: Option<usize>) -> SegmenterBuilder {
        self.max_chars = n.filter(|&n| n > 0);
        self
    }

    /// Learns abbreviations and sentence starters from each text before
    /// segmenting it, in the manner of Punkt: a short word that is often
    /// followed by a period and a lower-case word is an abbreviation. Only
    /// texts of at least [`LEARN_MIN_BYTES`](crate::LEARN_MIN_BYTES) bytes
    /// are learned from. Off by default.
    ///
    /// ```
    /// use excerpt_segment::Segmenter;
    ///
    /// let seg = Segmenter::builder("en").learn(true).build();
    /// assert_eq!(seg.segment("Short text. Two sentences.").count(), 2);
    /// ```
    pub fn learn(mut self, yes: bool) -> SegmenterBuilder {
        self.learn = yes;
        self
    }

    /// Builds the segmenter.
    ///
    /// ```
    /// let seg = excerpt_segment::Segmenter::builder("de").build();
    /// assert_eq!(seg.lang(), "de");
    /// ```
    pub fn build(self) -> Segmenter {
        let mut profile = Profile::new(&self.lang);
        for a in self.abbreviations {
            profile.lists.general.insert(a);
        }
        Segmenter {
            lang: self.lang,
            profile,
            newline_boundary: self.newline_boundary,
            max_chars: self.max_chars,
            learn: self.learn,
        }
    }
}

impl Segmenter {
    /// A segmenter for the language with ISO 639-1 code `lang` (`"en"`,
    /// `"de"`, ...). An unknown code gets the generic rules; this never
    /// fails.
    ///
    /// ```
    /// let seg = excerpt_segment::Segmenter::new("zz");
    /// assert_eq!(seg.segment("One. Two.").count(), 2);
    /// ```
    pub fn new(lang: &str) -> Segmenter {
        Segmenter::builder(lang).build()
    }

    /// A builder for a segmenter with options.
    ///
    /// ```
    /// let seg = excerpt_segment::Segmenter::builder("fr").max_chars(Some(200)).build();
    /// assert_eq!(seg.lang(), "fr");
    /// ```
    pub fn builder(lang: &str) -> SegmenterBuilder {
        SegmenterBuilder {
            lang: lang.trim().to_ascii_lowercase(),
            newline_boundary: false,
            abbreviations: Vec::new(),
            max_chars: None,
            learn: false,
        }
    }

    /// The language code this segmenter was built for (lower case).
    ///
    /// ```
    /// assert_eq!(excerpt_segment::Segmenter::new("EN").lang(), "en");
    /// ```
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Splits `text` into sentences, lazily, one paragraph at a time.
    ///
    /// ```
    /// use excerpt_segment::Segmenter;
    ///
    /// let text = "First one. Second one.\n\nNew paragraph.";
    /// let got: Vec<(&str, usize)> = Segmenter::new("en")
    ///     .segment(text)
    ///     .map(|s| (s.as_str(), s.paragraph()))
    ///     .collect();
    /// assert_eq!(got, [("First one.", 0), ("Second one.", 0), ("New paragraph.", 1)]);
    /// ```
    pub fn segment<'s, 't>(&'s self, text: &'t str) -> Sentences<'s, 't> {
        let learned = if self.learn && text.len() >= crate::LEARN_MIN_BYTES {
            Some(learn::learn(text, &self.profile))
        } else {
            None
        };
        Sentences {
            seg: self,
            text,
            pos: 0,
            paragraph: 0,
            queue: VecDeque::new(),
            cuts: Vec::new(),
            learned,
        }
    }
}

/// Iterator over the [`Sentence`]s of a text, from [`Segmenter::segment`].
///
/// ```
/// let seg = excerpt_segment::Segmenter::new("en");
/// let mut it = seg.segment("Yes. No.");
/// assert_eq!(it.next().unwrap().as_str(), "Yes.");
/// assert_eq!(it.next().unwrap().as_str(), "No.");
/// assert!(it.next().is_none());
/// ```
#[derive(Debug)]
pub struct Sentences<'s, 't> {
    seg: &'s Segmenter,
    text: &'t str,
    pos: usize,
    paragraph: usize,
    queue: VecDeque<Sentence<'t>>,
    cuts: Vec<usize>,
    learned: Option<WordLists>,
}

impl<'t> Sentences<'_, 't> {
    /// Segments the next paragraph into the queue; false at the end.
    fn fill(&mut self) -> bool {
        let Some((start, end)) = next_paragraph(self.text, self.pos) else {
            self.pos = self.text.len();
            return false;
        };
        self.pos = end;
        self.cuts.clear();
        Scan::new(
            self.text,
            start,
            end,
            &self.seg.profile,
            self.learned.as_ref(),
            self.seg.newline_boundary,
            &mut self.cuts,
        )
        .run();
        let mut from = start;
        let paragraph = self.paragraph;
        self.paragraph += 1;
        let cuts = std::mem::take(&mut self.cuts);
        for &cut in cuts.iter().chain(std::iter::once(&end)) {
            self.push_span(from, cut, paragraph);
            from = cut;
        }
        self.cuts = cuts;
        true
    }

    fn push_span(&mut self, from: usize, to: usize, paragraph: usize) {
        let piece = &self.text[from..to];
        let trimmed = piece.trim_start();
        let s = from + (piece.len() - trimmed.len());
        let trimmed = trimmed.trim_end();
        if trimmed.is_empty() {
            return;
        }
        match self.seg.max_chars {
            Some(max) if trimmed.len() > max && trimmed.chars().count() > max => {
                for (a, b) in split_long::split(trimmed, max) {
                    self.queue
                        .push_back(Sentence::new(&self.text[s + a..s + b], s + a, paragraph));
                }
            }
            _ => self.queue.push_back(Sentence::new(
                &self.text[s..s + trimmed.len()],
                s,
                paragraph,
            )),
        }
    }
}

impl<'t> Iterator for Sentences<'_, 't> {
    type Item = Sentence<'t>;

    fn next(&mut self) -> Option<Sentence<'t>> {
        loop {
            if let Some(s) = self.queue.pop_front() {
                return Some(s);
            }
            if !self.fill() {
                return None;
            }
        }
    }
}
