//! How a text is cut: excerpt's own segmenter, or the rules of an SRX file.

use crate::error::Error;
use crate::fingerprint::Fingerprint;
use excerpt_srx::Dialect;
use std::ops::Range;

/// The SRX rules a text is segmented with: which file (as it was named),
/// a fingerprint of its content, the language code its maps are matched
/// against and the regex flags. Recorded in the written files, so that merge
/// can check that it is given the same rules; the compiled rules themselves
/// are attached with [`SrxRules::compile`] or [`SrxRules::load`] (this crate
/// reads no files).
///
/// ```
/// use excerpt_tm::{SegmentOptions, SrxRules};
///
/// let srx = r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes" segmentsubflows="yes"/><body><languagerules><languagerule languagerulename="D"><rule><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="D"/></maprules></body></srx>"#;
/// let rules = SrxRules::compile("rules.srx", srx, "en_two", Default::default()).unwrap();
/// let opts = SegmentOptions::new("en").srx(Some(rules));
/// let back = SegmentOptions::from_line(&opts.to_line()).unwrap();
/// assert_eq!(back, opts);
/// assert!(!back.srx.as_ref().unwrap().is_loaded());
/// ```
#[derive(Clone, Debug)]
pub struct SrxRules {
    /// The file's path as it was given.
    pub file: String,
    /// Size and hash of the file's content.
    pub fingerprint: Fingerprint,
    /// The language code the maps are matched against (`en_two`).
    pub code: String,
    /// The regex flags the rules are compiled with.
    pub flags: Dialect,
    segmenter: Option<excerpt_srx::Segmenter>,
}

impl PartialEq for SrxRules {
    fn eq(&self, other: &SrxRules) -> bool {
        (&self.file, self.fingerprint, &self.code, self.flags)
            == (&other.file, other.fingerprint, &other.code, other.flags)
    }
}

impl Eq for SrxRules {}

impl SrxRules {
    /// Compiles the rules of the SRX document `content` (read from `file`)
    /// for language code `code`.
    ///
    /// ```
    /// let err = excerpt_tm::SrxRules::compile("x.srx", "<srx", "en", Default::default()).unwrap_err();
    /// assert!(err.to_string().contains("x.srx: line 1"));
    /// ```
    pub fn compile(
        file: &str,
        content: &str,
        code: &str,
        flags: Dialect,
    ) -> Result<SrxRules, Error> {
        let rules = SrxRules {
            file: file.to_string(),
            fingerprint: Fingerprint::of(content),
            code: code.to_string(),
            flags,
            segmenter: None,
        };
        rules.load(content)
    }

    /// The same rules with a segmenter compiled from `content`, which must
    /// be the content they were recorded from ([`Error::SrxChanged`] if its
    /// fingerprint differs).
    ///
    /// ```
    /// use excerpt_tm::{Error, SrxRules};
    ///
    /// let srx = r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><body><languagerules/><maprules/></body></srx>"#;
    /// let rules = SrxRules::compile("a.srx", srx, "en", Default::default()).unwrap();
    /// assert!(rules.load(srx).unwrap().is_loaded());
    /// let changed = srx.replace("<maprules/>", "<maprules></maprules>");
    /// assert!(matches!(rules.load(&changed), Err(Error::SrxChanged { .. })));
    /// ```
    pub fn load(&self, content: &str) -> Result<SrxRules, Error> {
        let found = Fingerprint::of(content);
        if found != self.fingerprint {
            return Err(Error::SrxChanged {
                file: self.file.clone(),
                recorded: self.fingerprint.to_string(),
                found: found.to_string(),
            });
        }
        let err = |e: excerpt_srx::SrxError| Error::Srx(format!("{}: {e}", self.file));
        let doc = excerpt_srx::SrxDocument::parse(content).map_err(err)?;
        let segmenter = doc.segmenter(&self.code, self.flags).map_err(err)?;
        Ok(SrxRules {
            segmenter: Some(segmenter),
            ..self.clone()
        })
    }

    /// The compiled rules, when they are attached.
    ///
    /// ```
    /// let srx = r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><body><languagerules/><maprules/></body></srx>"#;
    /// let rules = excerpt_tm::SrxRules::compile("a.srx", srx, "en", Default::default()).unwrap();
    /// assert_eq!(rules.segmenter().unwrap().break_rules(), 0);
    /// ```
    pub fn segmenter(&self) -> Option<&excerpt_srx::Segmenter> {
        self.segmenter.as_ref()
    }

    /// Whether the compiled rules are attached (not only recorded).
    ///
    /// ```
    /// let o = excerpt_tm::SegmentOptions::from_line("lang=en srx=a.srx srx-source=bytes=1%20fnv1a64=00000000000000ff srx-code=en").unwrap();
    /// assert!(!o.srx.unwrap().is_loaded());
    /// ```
    pub fn is_loaded(&self) -> bool {
        self.segmenter.is_some()
    }

    /// The `key=value` words of an options line (see
    /// [`crate::SegmentOptions::to_line`]).
    pub(crate) fn words(&self) -> String {
        let mut words = format!(
            "srx={} srx-source={} srx-code={}",
            crate::options::escape_item(&self.file),
            crate::options::escape_item(&self.fingerprint.to_string()),
            crate::options::escape_item(&self.code)
        );
        if self.flags != Dialect::LanguageTool {
            words.push_str(&format!(" srx-flags={}", self.flags.name()));
        }
        words
    }

    /// Reads what [`SrxRules::words`] wrote; `None` when a part is missing
    /// or malformed.
    pub(crate) fn from_words(
        file: &str,
        source: Option<&str>,
        code: Option<&str>,
        flags: Option<&str>,
    ) -> Option<SrxRules> {
        let fingerprint = Fingerprint::parse(&crate::options::unescape_item(source?))?;
        let flags = match flags {
            Some(f) => f.parse().ok()?,
            None => Dialect::LanguageTool,
        };
        Some(SrxRules {
            file: crate::options::unescape_item(file),
            fingerprint,
            code: crate::options::unescape_item(code?),
            flags,
            segmenter: None,
        })
    }
}

/// One segment of a [`Splitter`]: its byte range and paragraph (from 0).
///
/// ```
/// let cut = excerpt_tm::Cut { range: 0..3, paragraph: 0 };
/// assert_eq!(cut.range.len(), 3);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cut {
    /// Byte range in the text: no white space at either end.
    pub range: Range<usize>,
    /// Paragraph index, from 0.
    pub paragraph: usize,
}

/// What cuts a text into segments, as [`crate::SegmentOptions::splitter`]
/// describes it: excerpt's own segmenter, or compiled SRX rules.
///
/// ```
/// let splitter = excerpt_tm::SegmentOptions::new("en").splitter().unwrap();
/// let cuts: Vec<_> = splitter.cuts("One. Two.\n\nThree.").map(|c| (c.range, c.paragraph)).collect();
/// assert_eq!(cuts, [(0..4, 0), (5..9, 0), (11..17, 1)]);
/// ```
#[derive(Clone, Debug)]
pub enum Splitter {
    /// excerpt's own segmenter.
    Own(Box<excerpt_segment::Segmenter>),
    /// The rules of an SRX file.
    Srx(excerpt_srx::Segmenter),
}

impl Splitter {
    /// The splitter for `options`; an error when they record SRX rules that
    /// were not loaded ([`SrxRules::load`]).
    pub(crate) fn new(options: &crate::SegmentOptions) -> Result<Splitter, Error> {
        match &options.srx {
            Some(rules) => match &rules.segmenter {
                Some(seg) => Ok(Splitter::Srx(seg.clone())),
                None => Err(Error::SrxNotLoaded {
                    file: rules.file.clone(),
                }),
            },
            None => Ok(Splitter::Own(Box::new(options.own_segmenter()))),
        }
    }

    /// The segments of `text`, in order. SRX segments are the reference
    /// engine's with the white space at their ends left out (it stays in
    /// the skeleton); a white-space-only segment is skipped, and a new
    /// paragraph starts after white space holding a blank line.
    ///
    /// ```
    /// let splitter = excerpt_tm::SegmentOptions::new("en").splitter().unwrap();
    /// assert_eq!(splitter.cuts("  Hi.  ").next().unwrap().range, 2..5);
    /// ```
    pub fn cuts<'s, 't: 's>(&'s self, text: &'t str) -> Box<dyn Iterator<Item = Cut> + 's> {
        match self {
            Splitter::Own(seg) => Box::new(seg.segment(text).map(|s| Cut {
                range: s.range(),
                paragraph: s.paragraph(),
            })),
            Splitter::Srx(seg) => Box::new(srx_cuts(text, seg.segments(text)).into_iter()),
        }
    }
}

/// Trims the SRX segments `ranges` of `text` and numbers their paragraphs.
fn srx_cuts(text: &str, ranges: Vec<Range<usize>>) -> Vec<Cut> {
    let mut cuts = Vec::with_capacity(ranges.len());
    let mut paragraph = 0;
    let mut last_end = 0;
    for r in ranges {
        let part = &text[r.clone()];
        let trimmed = part.trim_start();
        let start = r.start + (part.len() - trimmed.len());
        let end = start + trimmed.trim_end().len();
        if start == end {
            continue;
        }
        if !cuts.is_empty() && has_blank_line(&text[last_end..start]) {
            paragraph += 1;
        }
        cuts.push(Cut {
            range: start..end,
            paragraph,
        });
        last_end = end;
    }
    cuts
}

/// Whether white space `gap` holds a blank line (two line breaks with only
/// white space between them).
fn has_blank_line(gap: &str) -> bool {
    let mut breaks = 0;
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                breaks += 1;
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => breaks += 1,
            _ => {}
        }
        if breaks >= 2 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, SegmentOptions, TargetMode, WriteOptions, merge, read, write};

    const SRX: &str = r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes" segmentsubflows="yes"/><body><languagerules><languagerule languagerulename="D"><rule><beforebreak>;</beforebreak><afterbreak>\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern="x.*" languagerulename="D"/></maprules></body></srx>"#;

    #[test]
    fn recorded_rules_must_be_loaded_before_merge() {
        let rules = SrxRules::compile("dir/r.srx", SRX, "x_y", Dialect::OmegaT).unwrap();
        let options = SegmentOptions::new("und").srx(Some(rules));
        let text = "A; b. C; d.\n";
        let doc = crate::Document::new(text, options.clone());
        let ids: Vec<&str> = doc.segments().iter().map(|s| s.text()).collect();
        assert_eq!(ids, ["A;", "b. C;", "d."]);
        let opts = WriteOptions::new("a.txt").target("de", TargetMode::Source);
        let xliff = write(&doc, Format::Xliff(Default::default()), &opts).unwrap();
        let mut translation = read(&xliff).unwrap();
        let recorded = translation.options.clone().unwrap();
        assert_eq!(recorded, options);
        assert_eq!(recorded.srx.as_ref().unwrap().flags, Dialect::OmegaT);
        let fallback = SegmentOptions::new("en");
        assert!(matches!(
            merge(text, &translation, &fallback),
            Err(Error::SrxNotLoaded { .. })
        ));
        let loaded = recorded.srx.as_ref().unwrap().load(SRX).unwrap();
        translation.options = Some(recorded.srx(Some(loaded)));
        assert_eq!(merge(text, &translation, &fallback).unwrap().text, text);
    }

    #[test]
    fn srx_segments_are_trimmed_and_paragraphs_counted() {
        let text = "  One. Two.\r\n\r\n Three.\n  \n";
        let ranges = vec![0..7, 7..16, 16..26];
        let cuts = srx_cuts(text, ranges);
        let got: Vec<(&str, usize)> = cuts
            .iter()
            .map(|c| (&text[c.range.clone()], c.paragraph))
            .collect();
        assert_eq!(got, [("One.", 0), ("Two.", 0), ("Three.", 1)]);
    }

    #[test]
    fn blank_lines() {
        assert!(has_blank_line("\n\n"));
        assert!(has_blank_line(" \r\n \t\r\n"));
        assert!(!has_blank_line(" \r\n "));
        assert!(!has_blank_line("\r\n"));
    }
}
