//! Segmentation options, recorded in every file so that merge can redo the
//! segmentation exactly.

use crate::protect::Protect;
use excerpt_segment::Segmenter;

/// How a text was segmented: everything merge needs to cut the original the
/// same way again.
///
/// The options travel inside the written files (a TMX header `prop`, an XLIFF
/// note, a PO header field) as one line such as
/// `lang=en newline-boundary=false protect=urls,numbers`.
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
        }
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

    /// The segmenter these options describe. The segmenter takes the primary
    /// language subtag (`en` of `en-GB`).
    ///
    /// ```
    /// let seg = excerpt_tm::SegmentOptions::new("en-GB").segmenter();
    /// assert_eq!(seg.lang(), "en");
    /// ```
    pub fn segmenter(&self) -> Segmenter {
        let primary = self.lang.split(['-', '_']).next().unwrap_or("");
        Segmenter::builder(primary)
            .newline_boundary(self.newline_boundary)
            .build()
    }

    /// The options as one line of `key=value` words.
    ///
    /// ```
    /// let o = excerpt_tm::SegmentOptions::new("ja");
    /// assert!(o.to_line().starts_with("lang=ja "));
    /// ```
    pub fn to_line(&self) -> String {
        format!(
            "lang={} newline-boundary={} protect={}",
            self.lang, self.newline_boundary, self.protect
        )
    }

    /// Reads a line written by [`SegmentOptions::to_line`]; `None` when it
    /// has no `lang`. Unknown keys are ignored.
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
        for word in line.split_whitespace() {
            let Some((key, value)) = word.split_once('=') else {
                continue;
            };
            match key {
                "lang" if !value.is_empty() => lang = Some(value.to_string()),
                "newline-boundary" => newline_boundary = value == "true",
                "protect" => protect = value.parse().ok()?,
                _ => {}
            }
        }
        Some(SegmentOptions {
            lang: lang?,
            newline_boundary,
            protect,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_round_trip_keeps_every_option() {
        let o = SegmentOptions::new("pt-BR")
            .newline_boundary(true)
            .protect("urls,emails,numbers,tags".parse().unwrap());
        assert_eq!(SegmentOptions::from_line(&o.to_line()), Some(o));
    }

    #[test]
    fn line_without_lang_is_rejected() {
        assert_eq!(SegmentOptions::from_line("newline-boundary=true"), None);
    }
}
