//! Segmentation options, recorded in every file so that merge can redo the
//! segmentation exactly.

use crate::error::Error;
use crate::protect::Protect;
use crate::splitter::{Splitter, SrxRules};
use excerpt_segment::Segmenter;

/// How a text was segmented: everything merge needs to cut the original the
/// same way again.
///
/// The options travel inside the written files (a TMX header `prop`, an XLIFF
/// note, a PO header field) as one line such as
/// `lang=en newline-boundary=false protect=urls,numbers`; the options that
/// are rarely set (`max-chars`, `learn`, `abbreviations`) are added only when
/// they differ from the default.
///
/// ```
/// use excerpt_tm::SegmentOptions;
///
/// let opts = SegmentOptions::new("de").newline_boundary(true);
/// let line = opts.to_line();
/// assert_eq!(line, "lang=de newline-boundary=true protect=");
/// assert_eq!(SegmentOptions::from_line(&line), Some(opts));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentOptions {
    /// Source language, an ISO 639-1 code or a BCP 47 tag.
    pub lang: String,
    /// Whether every line break ends a segment.
    pub newline_boundary: bool,
    /// Which spans become inline codes.
    pub protect: Protect,
    /// Abbreviations added to the language's own list.
    pub abbreviations: Vec<String>,
    /// Longest sentence, in characters, before it is split at a clause boundary.
    pub max_chars: Option<usize>,
    /// Whether the segmenter learns abbreviations from the text itself.
    pub learn: bool,
    /// The document format the segments were read from (`html`,
    /// `markdown`); `None` for plain text.
    pub input: Option<String>,
    /// The original file's encoding when it was not UTF-8 without a
    /// byte-order mark: a WHATWG encoding name, with `+bom` when the file
    /// starts with a byte-order mark (`UTF-8+bom`, `UTF-16LE+bom`,
    /// `Shift_JIS`). The segments are always Unicode; merge writes the
    /// document back in this encoding.
    pub encoding: Option<String>,
    /// The SRX rules the text is cut with instead of excerpt's own
    /// segmenter (which the options above then do not affect).
    pub srx: Option<SrxRules>,
}

impl SegmentOptions {
    /// Options for language `lang` with the segmenter's defaults and nothing
    /// protected.
    ///
    /// ```
    /// let o = excerpt_tm::SegmentOptions::new("fr");
    /// assert!(!o.newline_boundary);
    /// ```
    pub fn new(lang: &str) -> SegmentOptions {
        SegmentOptions {
            lang: lang.to_string(),
            newline_boundary: false,
            protect: Protect::default(),
            abbreviations: Vec::new(),
            max_chars: None,
            learn: false,
            input: None,
            encoding: None,
            srx: None,
        }
    }

    /// Cuts with SRX rules instead of excerpt's own segmenter (see
    /// [`SrxRules`]).
    ///
    /// ```
    /// let o = excerpt_tm::SegmentOptions::new("en").srx(None);
    /// assert!(o.srx.is_none());
    /// ```
    pub fn srx(mut self, rules: Option<SrxRules>) -> SegmentOptions {
        self.srx = rules;
        self
    }

    /// Records the original file's encoding (see [`SegmentOptions::encoding`]).
    ///
    /// ```
    /// let o = excerpt_tm::SegmentOptions::new("ja").encoding(Some("Shift_JIS"));
    /// assert!(o.to_line().ends_with(" encoding=Shift_JIS"));
    /// assert_eq!(excerpt_tm::SegmentOptions::from_line(&o.to_line()), Some(o));
    /// ```
    pub fn encoding(mut self, encoding: Option<&str>) -> SegmentOptions {
        self.encoding = encoding.map(str::to_string);
        self
    }

    /// Sets the document format the segments are read from.
    ///
    /// ```
    /// let o = excerpt_tm::SegmentOptions::new("en").input(Some("html"));
    /// assert!(o.to_line().ends_with(" input=html"));
    /// assert_eq!(excerpt_tm::SegmentOptions::from_line(&o.to_line()), Some(o));
    /// ```
    pub fn input(mut self, input: Option<&str>) -> SegmentOptions {
        self.input = input.map(str::to_string);
        self
    }

    /// Sets whether every line break ends a segment.
    ///
    /// ```
    /// let o = excerpt_tm::SegmentOptions::new("en").newline_boundary(true);
    /// assert!(o.newline_boundary);
    /// ```
    pub fn newline_boundary(mut self, yes: bool) -> SegmentOptions {
        self.newline_boundary = yes;
        self
    }

    /// Sets which spans become inline codes.
    ///
    /// ```
    /// use excerpt_tm::{Protect, SegmentOptions};
    ///
    /// let o = SegmentOptions::new("en").protect("urls".parse::<Protect>().unwrap());
    /// assert!(o.protect.urls);
    /// ```
    pub fn protect(mut self, protect: Protect) -> SegmentOptions {
        self.protect = protect;
        self
    }

    /// Adds abbreviations to the language's own list.
    ///
    /// ```
    /// let o = excerpt_tm::SegmentOptions::new("en").abbreviations(["bldg"]);
    /// assert_eq!(o.abbreviations, ["bldg"]);
    /// ```
    pub fn abbreviations<I, S>(mut self, list: I) -> SegmentOptions
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.abbreviations.extend(list.into_iter().map(Into::into));
        self
    }

    /// Splits sentences longer than `n` characters at a clause boundary.
    ///
    /// ```
    /// let o = excerpt_tm::SegmentOptions::new("en").max_chars(Some(80));
    /// assert_eq!(o.max_chars, Some(80));
    /// ```
    pub fn max_chars(mut self, n: Option<usize>) -> SegmentOptions {
        self.max_chars = n;
        self
    }

    /// Learns abbreviations and sentence starters from each text.
    ///
    /// ```
    /// let o = excerpt_tm::SegmentOptions::new("en").learn(true);
    /// assert!(o.learn);
    /// ```
    pub fn learn(mut self, yes: bool) -> SegmentOptions {
        self.learn = yes;
        self
    }

    /// What cuts the text: the SRX rules when the options have them, else
    /// excerpt's own segmenter for the primary language subtag (`en` of
    /// `en-GB`). An error when the options record SRX rules that were not
    /// loaded (as read from a file: see [`SrxRules::load`]).
    ///
    /// ```
    /// use excerpt_tm::{SegmentOptions, Splitter};
    ///
    /// let splitter = SegmentOptions::new("en-GB").splitter().unwrap();
    /// assert!(matches!(splitter, Splitter::Own(s) if s.lang() == "en"));
    /// ```
    pub fn splitter(&self) -> Result<Splitter, Error> {
        Splitter::new(self)
    }

    /// excerpt's own segmenter with these options.
    pub(crate) fn own_segmenter(&self) -> Segmenter {
        let primary = self.lang.split(['-', '_']).next().unwrap_or("");
        Segmenter::builder(primary)
            .newline_boundary(self.newline_boundary)
            .abbreviations(&self.abbreviations)
            .max_chars(self.max_chars)
            .learn(self.learn)
            .build()
    }

    /// The options as one line of `key=value` words.
    ///
    /// ```
    /// let o = excerpt_tm::SegmentOptions::new("ja");
    /// assert!(o.to_line().starts_with("lang=ja "));
    /// ```
    pub fn to_line(&self) -> String {
        let mut line = format!(
            "lang={} newline-boundary={} protect={}",
            self.lang, self.newline_boundary, self.protect
        );
        if let Some(n) = self.max_chars {
            line.push_str(&format!(" max-chars={n}"));
        }
        if self.learn {
            line.push_str(" learn=true");
        }
        if !self.abbreviations.is_empty() {
            let list: Vec<String> = self.abbreviations.iter().map(|a| escape_item(a)).collect();
            line.push_str(&format!(" abbreviations={}", list.join(",")));
        }
        if let Some(input) = &self.input {
            line.push_str(&format!(" input={input}"));
        }
        if let Some(encoding) = &self.encoding {
            line.push_str(&format!(" encoding={encoding}"));
        }
        if let Some(srx) = &self.srx {
            line.push(' ');
            line.push_str(&srx.words());
        }
        line
    }

    /// Reads a line written by [`SegmentOptions::to_line`]; `None` when it
    /// has no `lang`, or names SRX rules without their fingerprint or code.
    /// Unknown keys are ignored. SRX rules read so are recorded, not loaded.
    ///
    /// ```
    /// let o = excerpt_tm::SegmentOptions::from_line("lang=es protect=numbers").unwrap();
    /// assert_eq!(o.lang, "es");
    /// assert!(o.protect.numbers);
    /// ```
    pub fn from_line(line: &str) -> Option<SegmentOptions> {
        let mut lang = None;
        let mut newline_boundary = false;
        let mut protect = Protect::default();
        let mut abbreviations = Vec::new();
        let mut max_chars = None;
        let mut learn = false;
        let mut input = None;
        let mut encoding = None;
        let (mut srx, mut srx_source, mut srx_code, mut srx_flags) = (None, None, None, None);
        for word in line.split_whitespace() {
            let Some((key, value)) = word.split_once('=') else {
                continue;
            };
            match key {
                "lang" if !value.is_empty() => lang = Some(value.to_string()),
                "newline-boundary" => newline_boundary = value == "true",
                "protect" => protect = value.parse().ok()?,
                "max-chars" => max_chars = Some(value.parse().ok()?),
                "learn" => learn = value == "true",
                "input" if !value.is_empty() => input = Some(value.to_string()),
                "encoding" if !value.is_empty() => encoding = Some(value.to_string()),
                "srx" => srx = Some(value),
                "srx-source" => srx_source = Some(value),
                "srx-code" => srx_code = Some(value),
                "srx-flags" => srx_flags = Some(value),
                "abbreviations" => {
                    abbreviations = value
                        .split(',')
                        .filter(|a| !a.is_empty())
                        .map(unescape_item)
                        .collect()
                }
                _ => {}
            }
        }
        let srx = match srx {
            Some(file) => Some(SrxRules::from_words(file, srx_source, srx_code, srx_flags)?),
            None => None,
        };
        Some(SegmentOptions {
            lang: lang?,
            newline_boundary,
            protect,
            abbreviations,
            max_chars,
            learn,
            input,
            encoding,
            srx,
        })
    }
}

/// Escapes an item of a comma-separated value of [`SegmentOptions::to_line`]:
/// `%`, `,` and whitespace become `%XX`.
pub(crate) fn escape_item(item: &str) -> String {
    let mut out = String::with_capacity(item.len());
    for c in item.chars() {
        if c == '%' || c == ',' || c.is_whitespace() {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Reverses [`escape_item`]; a malformed escape is kept as it is.
pub(crate) fn unescape_item(item: &str) -> String {
    let bytes = item.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = item
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_round_trip_keeps_every_option() {
        let o = SegmentOptions::new("pt-BR")
            .newline_boundary(true)
            .protect("urls,emails,numbers,tags".parse().unwrap())
            .abbreviations(["bldg", "a,b", "100%", "op cit"])
            .max_chars(Some(120))
            .learn(true)
            .encoding(Some("UTF-16LE+bom"));
        assert_eq!(SegmentOptions::from_line(&o.to_line()), Some(o));
    }

    #[test]
    fn line_without_lang_is_rejected() {
        assert_eq!(SegmentOptions::from_line("newline-boundary=true"), None);
    }
}
