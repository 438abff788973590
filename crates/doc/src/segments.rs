//! Sentences inside runs, as segments for the translation formats.

use crate::model::{Doc, Part, Role, Run};
use excerpt_tm::{CodeKind, Document, SegmentOptions, SegmentSpec, Splitter};
use std::ops::Range;

/// A part of a segment with its place in the text shown to translators.
#[derive(Clone, Debug)]
struct Placed {
    part: Part,
    /// Byte range in the segment's shown text.
    shown: Range<usize>,
}

/// A segment: its run and its parts.
#[derive(Clone, Debug)]
pub(crate) struct Seg {
    pub(crate) run: usize,
    parts: Vec<Placed>,
}

impl Seg {
    /// The segment's byte range in the original.
    pub(crate) fn span(&self) -> Range<usize> {
        let start = self.parts.first().map_or(0, |p| p.part.span().start);
        let end = self.parts.last().map_or(0, |p| p.part.span().end);
        start..end
    }

    /// The original byte offset of a byte offset in the shown text: inside
    /// a text part that reads as it is written, the same place; elsewhere
    /// the part's start (or end, at its end).
    pub(crate) fn original(&self, shown: usize) -> usize {
        for p in &self.parts {
            let span = p.part.span();
            if shown == p.shown.start {
                return span.start;
            }
            if shown < p.shown.end {
                return match &p.part {
                    Part::Text { text, .. } if text.len() == span.len() => {
                        span.start + (shown - p.shown.start)
                    }
                    _ => span.start,
                };
            }
        }
        self.span().end
    }
}

/// A document cut into segments: the text shown to translators (segment
/// texts with their codes' markup) and where each segment comes from.
///
/// ```
/// use excerpt_doc::{Doc, Format, Segmented};
/// use excerpt_tm::SegmentOptions;
///
/// let doc = Doc::parse("<p>One <b>two</b>. Three.</p><img alt=\"A cat\">", Format::Html);
/// let seg = Segmented::new(&doc, &SegmentOptions::new("en"));
/// let tm = seg.document(SegmentOptions::new("en"));
/// let texts: Vec<&str> = tm.segments().iter().map(|s| s.text()).collect();
/// assert_eq!(texts, ["One <b>two</b>.", "Three.", "A cat"]);
/// ```
#[derive(Clone, Debug)]
pub struct Segmented {
    shown: String,
    specs: Vec<SegmentSpec>,
    pub(crate) segs: Vec<Seg>,
}

impl Segmented {
    /// Cuts every run of `doc` into sentences with the segmenter `options`
    /// describe. A sentence never splits a pair of codes: sentences are
    /// joined until each pair lies in one. Codes at a sentence's edges and
    /// white space between sentences stay in the skeleton.
    ///
    /// ```
    /// use excerpt_doc::{Doc, Format, Segmented};
    /// use excerpt_tm::SegmentOptions;
    ///
    /// let doc = Doc::parse("**It rained all day. The sun came out later.** We left at noon.\n", Format::Markdown);
    /// let seg = Segmented::new(&doc, &SegmentOptions::new("en"));
    /// assert_eq!(seg.len(), 3);
    /// ```
    ///
    /// # Panics
    ///
    /// When `options` record SRX rules that were not loaded
    /// ([`SegmentOptions::splitter`] fails; [`Segmented::with_splitter`]
    /// takes the splitter it gives).
    pub fn new(doc: &Doc<'_>, options: &SegmentOptions) -> Segmented {
        let splitter = options
            .splitter()
            .unwrap_or_else(|e| panic!("Segmented::new: {e}"));
        Segmented::with_splitter(doc, &splitter)
    }

    /// Cuts every run of `doc` with `splitter`, as [`Segmented::new`] does.
    ///
    /// ```
    /// use excerpt_doc::{Doc, Format, Segmented};
    /// use excerpt_tm::SegmentOptions;
    ///
    /// let doc = Doc::parse("<p>One. Two.</p>", Format::Html);
    /// let splitter = SegmentOptions::new("en").splitter().unwrap();
    /// assert_eq!(Segmented::with_splitter(&doc, &splitter).len(), 2);
    /// ```
    pub fn with_splitter(doc: &Doc<'_>, splitter: &Splitter) -> Segmented {
        let source = doc.source();
        let mut shown = String::new();
        let mut specs = Vec::new();
        let mut segs = Vec::new();
        let mut paragraph = 0;
        for (r, run) in doc.runs().iter().enumerate() {
            let cut = cut_run(run, source, splitter);
            if cut.is_empty() {
                continue;
            }
            for (k, parts) in cut.into_iter().enumerate() {
                if k > 0 {
                    shown.push(' ');
                }
                let start = shown.len();
                let mut codes = Vec::new();
                let mut placed = Vec::with_capacity(parts.len());
                for part in parts {
                    let from = shown.len();
                    match &part {
                        Part::Text { text, .. } => shown.push_str(text),
                        Part::Code { span, role } => {
                            shown.push_str(&source[span.clone()]);
                            let kind = match role {
                                Role::Open => CodeKind::Open,
                                Role::Close => CodeKind::Close,
                                Role::Standalone => CodeKind::Standalone,
                            };
                            codes.push((from - start..shown.len() - start, kind));
                        }
                    }
                    placed.push(Placed {
                        part,
                        shown: from - start..shown.len() - start,
                    });
                }
                specs.push(SegmentSpec {
                    paragraph,
                    range: start..shown.len(),
                    codes,
                });
                segs.push(Seg {
                    run: r,
                    parts: placed,
                });
            }
            shown.push_str("\n\n");
            paragraph += 1;
        }
        Segmented { shown, specs, segs }
    }

    /// The number of segments.
    ///
    /// ```
    /// use excerpt_doc::{Doc, Format, Segmented};
    ///
    /// let doc = Doc::parse("<p></p>", Format::Html);
    /// assert!(Segmented::new(&doc, &excerpt_tm::SegmentOptions::new("en")).is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.segs.len()
    }

    /// True when the document has no segment.
    ///
    /// ```
    /// use excerpt_doc::{Doc, Format, Segmented};
    ///
    /// let doc = Doc::parse("Hi.", Format::Markdown);
    /// assert!(!Segmented::new(&doc, &excerpt_tm::SegmentOptions::new("en")).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.segs.is_empty()
    }

    /// Each segment's byte range in the original document.
    ///
    /// ```
    /// use excerpt_doc::{Doc, Format, Segmented};
    ///
    /// let doc = Doc::parse("<p>Hi <b>you</b>.</p>", Format::Html);
    /// let seg = Segmented::new(&doc, &excerpt_tm::SegmentOptions::new("en"));
    /// assert_eq!(seg.spans(), [3..17]);
    /// ```
    pub fn spans(&self) -> Vec<Range<usize>> {
        self.segs.iter().map(Seg::span).collect()
    }

    /// Each segment's text as a reader sees it, codes left out.
    ///
    /// ```
    /// use excerpt_doc::{Doc, Format, Segmented};
    ///
    /// let doc = Doc::parse("Hi **you** &amp; me.\n", Format::Markdown);
    /// let seg = Segmented::new(&doc, &excerpt_tm::SegmentOptions::new("en"));
    /// assert_eq!(seg.plain_texts(), ["Hi you & me."]);
    /// ```
    pub fn plain_texts(&self) -> Vec<String> {
        self.segs
            .iter()
            .map(|s| {
                s.parts
                    .iter()
                    .filter_map(|p| match &p.part {
                        Part::Text { text, .. } => Some(text.as_str()),
                        Part::Code { .. } => None,
                    })
                    .collect()
            })
            .collect()
    }

    /// The segments as a translation-format document: the writers of
    /// `excerpt_tm` write its markup codes as each format's inline codes.
    ///
    /// ```
    /// use excerpt_doc::{Doc, Format, Segmented};
    /// use excerpt_tm::{write, SegmentOptions, TargetMode, WriteOptions};
    ///
    /// let doc = Doc::parse("Say *hello*.\n", Format::Markdown);
    /// let opts = SegmentOptions::new("en").input(Some("markdown"));
    /// let seg = Segmented::new(&doc, &opts);
    /// let xliff = write(&seg.document(opts), excerpt_tm::Format::Xliff(Default::default()), &WriteOptions::new("a.md")).unwrap();
    /// assert!(xliff.contains(r#"Say <pc id="p1.s1.c1""#));
    /// ```
    pub fn document(&self, options: SegmentOptions) -> Document<'_> {
        Document::from_segments(&self.shown, options, self.specs.clone())
    }
}

/// Cuts a run into segments: for each, its parts in order (text parts may
/// be cut at sentence ends).
fn cut_run(run: &Run, source: &str, splitter: &Splitter) -> Vec<Vec<Part>> {
    // The text the segmenter reads: text as it reads, a standalone code as
    // one object character, a paired code as nothing.
    let mut flat = String::new();
    let mut at = Vec::with_capacity(run.parts.len());
    for part in &run.parts {
        let start = flat.len();
        match part {
            Part::Text { text, .. } => flat.push_str(text),
            Part::Code {
                role: Role::Standalone,
                ..
            } => flat.push('\u{fffc}'),
            Part::Code { .. } => {}
        }
        at.push(start..flat.len());
    }
    let sentences: Vec<Range<usize>> = splitter.cuts(&flat).map(|c| c.range).collect();
    if sentences.is_empty() {
        return Vec::new();
    }
    // Cut text parts that read as written at sentence edges.
    let mut cuts: Vec<usize> = sentences.iter().flat_map(|s| [s.start, s.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut parts: Vec<(Part, Range<usize>)> = Vec::new();
    for (part, flat_range) in run.parts.iter().zip(at) {
        match part {
            Part::Text { span, text } if text.len() == span.len() => {
                let mut from = flat_range.start;
                for &c in cuts
                    .iter()
                    .filter(|&&c| c > flat_range.start && c < flat_range.end)
                {
                    let a = span.start + (from - flat_range.start);
                    let b = span.start + (c - flat_range.start);
                    parts.push((
                        Part::Text {
                            span: a..b,
                            text: source[a..b].to_string(),
                        },
                        from..c,
                    ));
                    from = c;
                }
                let a = span.start + (from - flat_range.start);
                parts.push((
                    Part::Text {
                        span: a..span.end,
                        text: source[a..span.end].to_string(),
                    },
                    from..flat_range.end,
                ));
            }
            _ => parts.push((part.clone(), flat_range)),
        }
    }
    // Each part in the sentence that holds it.
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for s in &sentences {
        let inside: Vec<usize> = parts
            .iter()
            .enumerate()
            .filter(|(_, (_, f))| {
                if f.is_empty() {
                    s.start < f.start && f.start < s.end
                } else {
                    s.start <= f.start && f.end <= s.end
                }
            })
            .map(|(i, _)| i)
            .collect();
        if let (Some(&a), Some(&b)) = (inside.first(), inside.last()) {
            ranges.push(a..b + 1);
        }
    }
    // Pairs of codes: both in one segment, or both outside every segment.
    let mut stack = Vec::new();
    let mut pairs = Vec::new();
    for (i, (part, _)) in parts.iter().enumerate() {
        match part {
            Part::Code {
                role: Role::Open, ..
            } => stack.push(i),
            Part::Code {
                role: Role::Close, ..
            } => {
                if let Some(o) = stack.pop() {
                    pairs.push((o, i));
                }
            }
            _ => {}
        }
    }
    loop {
        let find = |i: usize, ranges: &[Range<usize>]| ranges.iter().position(|r| r.contains(&i));
        let split = pairs
            .iter()
            .find(|&&(o, c)| find(o, &ranges) != find(c, &ranges));
        let Some(&(o, c)) = split else { break };
        let mut lo = o;
        let mut hi = c + 1;
        for r in ranges.iter().filter(|r| r.contains(&o) || r.contains(&c)) {
            lo = lo.min(r.start);
            hi = hi.max(r.end);
        }
        // Join every segment the new one touches.
        let mut joined = Vec::new();
        for r in ranges.drain(..) {
            if r.end <= lo || r.start >= hi {
                joined.push(r);
            } else {
                lo = lo.min(r.start);
                hi = hi.max(r.end);
            }
        }
        joined.push(lo..hi);
        joined.sort_by_key(|r| r.start);
        ranges = joined;
    }
    ranges
        .into_iter()
        .map(|r| parts[r].iter().map(|(p, _)| p.clone()).collect())
        .collect()
}
