//! The checked settings of a translation file, as the command line's
//! `--target-lang`, `--target`, `--protect` and `--xml-invalid` give them,
//! so that every caller writes the same bytes for the same choices.

use std::path::Path;

use crate::document::Document;
use crate::error::Error;
use crate::format::{Format, TargetMode, WriteOptions, XmlInvalid};
use crate::options::SegmentOptions;
use crate::protect::Protect;

/// A translation format with its options, checked once and used for every
/// document.
///
/// ```
/// use excerpt_tm::{Document, Format, SegmentOptions, TargetMode, TmSettings};
///
/// let settings = TmSettings::new(Format::Tmx, Some("de"), None, "", "code").unwrap();
/// assert_eq!(settings.target, TargetMode::Empty); // a target language gives empty targets
/// let options = settings.segment_options(SegmentOptions::new("en"));
/// let doc = Document::new("It rained. We stayed in.", options);
/// let tmx = settings.write(&doc, "notes/diary.txt").unwrap();
/// assert!(tmx.contains("diary.txt"));
/// assert!(!tmx.contains("notes/"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TmSettings {
    /// The file format.
    pub format: Format,
    /// The spans turned into inline codes.
    pub protect: Protect,
    /// What the targets hold.
    pub target: TargetMode,
    /// What to do with characters XML 1.0 forbids.
    pub xml_invalid: XmlInvalid,
    /// The target language, a BCP 47 tag, if any.
    pub target_lang: Option<String>,
}

impl TmSettings {
    /// Checks the settings: `target_lang` a BCP 47 tag (`pt_BR` is written
    /// `pt-BR`); `target` one of `none`, `empty`, `source` (by default
    /// `empty` with a target language and `none` without); `protect` a
    /// comma-separated list of `urls`, `emails`, `numbers`, `tags`;
    /// `xml_invalid` `code` or `error`. Targets in an XML format need a
    /// target language. The messages name the command line's options.
    ///
    /// ```
    /// use excerpt_tm::{Format, TmSettings, XliffVersion};
    ///
    /// let xliff = Format::Xliff(XliffVersion::V2_1);
    /// let s = TmSettings::new(xliff, Some("pt_BR"), Some("source"), "urls", "code").unwrap();
    /// assert_eq!(s.target_lang.as_deref(), Some("pt-BR"));
    /// let err = TmSettings::new(xliff, None, Some("source"), "", "code").unwrap_err();
    /// assert_eq!(err.to_string(), "--target source in xliff 2.1 needs --target-lang");
    /// ```
    pub fn new(
        format: Format,
        target_lang: Option<&str>,
        target: Option<&str>,
        protect: &str,
        xml_invalid: &str,
    ) -> Result<TmSettings, Error> {
        let protect: Protect = protect
            .parse()
            .map_err(|e: String| Error::Options(format!("--protect: {e}")))?;
        let mode = match target {
            Some(m) => m.parse::<TargetMode>().map_err(Error::Options)?,
            None if target_lang.is_some() => TargetMode::Empty,
            None => TargetMode::None,
        };
        let xml_invalid: XmlInvalid = xml_invalid.parse().map_err(Error::Options)?;
        let target_lang = match target_lang {
            Some(tag) => Some(bcp47(tag)?),
            None if mode != TargetMode::None && format.is_xml() => {
                return Err(Error::Options(format!(
                    "--target {} in {format} needs --target-lang",
                    target.unwrap_or("")
                )));
            }
            None => None,
        };
        Ok(TmSettings {
            format,
            protect,
            target: mode,
            xml_invalid,
            target_lang,
        })
    }

    /// `options` with the spans to protect set.
    ///
    /// ```
    /// use excerpt_tm::{Format, SegmentOptions, TmSettings};
    ///
    /// let s = TmSettings::new(Format::Po, None, None, "numbers", "code").unwrap();
    /// let options = s.segment_options(SegmentOptions::new("en"));
    /// assert_eq!(options.protect, s.protect);
    /// ```
    pub fn segment_options(&self, options: SegmentOptions) -> SegmentOptions {
        options.protect(self.protect)
    }

    /// Writes `doc`, made from the file at `path` (only its file name is
    /// recorded), in the format.
    ///
    /// ```
    /// use excerpt_tm::{Document, Format, SegmentOptions, TmSettings};
    ///
    /// let s = TmSettings::new(Format::Tsv, None, None, "", "code").unwrap();
    /// let doc = Document::new("One. Two.", SegmentOptions::new("en"));
    /// assert_eq!(s.write(&doc, "a.txt").unwrap().lines().count(), 2);
    /// ```
    pub fn write(&self, doc: &Document, path: &str) -> Result<String, Error> {
        let original = Path::new(path)
            .file_name()
            .map_or(path.to_string(), |n| n.to_string_lossy().into_owned());
        let mut opts = WriteOptions::new(&original).xml_invalid(self.xml_invalid);
        opts.target = self.target;
        opts.target_lang = self.target_lang.clone();
        crate::write(doc, self.format, &opts)
    }
}

/// A BCP 47 tag as written: `pt_BR` becomes `pt-BR`. Subtags are 1 to 8
/// letters or digits; the first is a language (2 to 8 letters) or the
/// private-use `x` (`x-test`).
///
/// ```
/// assert_eq!(excerpt_tm::bcp47("pt_BR").unwrap(), "pt-BR");
/// assert!(excerpt_tm::bcp47("german language").is_err());
/// ```
pub fn bcp47(tag: &str) -> Result<String, Error> {
    let tag = tag.replace('_', "-");
    let subtags_ok = tag
        .split('-')
        .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    let first = tag.split('-').next().unwrap_or("");
    let first_ok = first.chars().all(|c| c.is_ascii_alphabetic())
        && (first.len() >= 2 || first.eq_ignore_ascii_case("x") && tag.len() > 2);
    if !(subtags_ok && first_ok) {
        return Err(Error::Options(format!(
            "--target-lang {tag:?} is not a BCP 47 language tag (e.g. de, pt-BR)"
        )));
    }
    Ok(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(bcp47("pt_BR").unwrap(), "pt-BR");
        assert_eq!(bcp47("zh-Hant-TW").unwrap(), "zh-Hant-TW");
        assert!(bcp47("german language").is_err());
        assert!(bcp47("").is_err());
        assert!(bcp47("1x").is_err());
        assert_eq!(bcp47("x-test").unwrap(), "x-test");
        assert!(bcp47("x").is_err());
    }

    #[test]
    fn bad_values_are_refused_with_the_option_named() {
        let err = |r: Result<TmSettings, Error>| r.unwrap_err().to_string();
        assert!(
            err(TmSettings::new(Format::Po, None, None, "dates", "code"))
                .starts_with("--protect: ")
        );
        assert!(TmSettings::new(Format::Po, None, Some("all"), "", "code").is_err());
        assert!(TmSettings::new(Format::Po, None, None, "", "drop").is_err());
        // PO and TSV hold targets without a target language; TMX does not.
        assert!(TmSettings::new(Format::Po, None, Some("source"), "", "code").is_ok());
        assert_eq!(
            err(TmSettings::new(
                Format::Tmx,
                None,
                Some("empty"),
                "",
                "code"
            )),
            "--target empty in tmx needs --target-lang"
        );
    }

    #[test]
    fn only_the_file_name_is_recorded() {
        let s = TmSettings::new(Format::Tmx, Some("de"), Some("source"), "", "code").unwrap();
        let doc = Document::new("One. Two.", s.segment_options(SegmentOptions::new("en")));
        let tmx = s.write(&doc, "some/dir/story.txt").unwrap();
        assert!(tmx.contains("story.txt"));
        assert!(!tmx.contains("some/dir"));
        assert_eq!(tmx.matches("<tuv").count(), 4);
    }
}
