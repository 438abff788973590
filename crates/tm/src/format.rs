//! The file formats and the options for writing them.

use crate::error::Error;
use std::fmt;
use std::str::FromStr;

/// A translation file format.
///
/// ```
/// use excerpt_tm::{Format, XliffVersion};
///
/// assert_eq!("tmx".parse::<Format>().unwrap(), Format::Tmx);
/// assert_eq!(Format::Xliff(XliffVersion::V1_2).to_string(), "xliff 1.2");
/// assert!(Format::Tmx.is_xml() && !Format::Po.is_xml());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// TMX 1.4.
    Tmx,
    /// XLIFF of the given version.
    Xliff(XliffVersion),
    /// Gettext PO.
    Po,
    /// Tab-separated values: source, target, id.
    Tsv,
}

impl Format {
    /// True for the XML formats (TMX and XLIFF).
    ///
    /// ```
    /// assert!(!excerpt_tm::Format::Tsv.is_xml());
    /// ```
    pub fn is_xml(self) -> bool {
        matches!(self, Format::Tmx | Format::Xliff(_))
    }
}

impl FromStr for Format {
    type Err = String;

    /// Reads `tmx`, `xliff` (2.1), `po` or `tsv`.
    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "tmx" => Ok(Format::Tmx),
            "xliff" | "xlf" => Ok(Format::Xliff(XliffVersion::default())),
            "po" => Ok(Format::Po),
            "tsv" => Ok(Format::Tsv),
            other => Err(format!("unknown format {other:?}")),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Format::Tmx => f.write_str("tmx"),
            Format::Xliff(v) => write!(f, "xliff {v}"),
            Format::Po => f.write_str("po"),
            Format::Tsv => f.write_str("tsv"),
        }
    }
}

/// The XLIFF version to write.
///
/// ```
/// use excerpt_tm::XliffVersion;
///
/// assert_eq!(XliffVersion::default(), XliffVersion::V2_1);
/// assert_eq!("1.2".parse::<XliffVersion>().unwrap(), XliffVersion::V1_2);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum XliffVersion {
    /// XLIFF 1.2: one `trans-unit` per sentence, grouped per paragraph.
    V1_2,
    /// XLIFF 2.0: one `unit` per paragraph, one `segment` per sentence.
    V2_0,
    /// XLIFF 2.1, like 2.0.
    #[default]
    V2_1,
}

impl XliffVersion {
    /// The value of the `version` attribute.
    ///
    /// ```
    /// assert_eq!(excerpt_tm::XliffVersion::V2_0.as_str(), "2.0");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            XliffVersion::V1_2 => "1.2",
            XliffVersion::V2_0 => "2.0",
            XliffVersion::V2_1 => "2.1",
        }
    }
}

impl FromStr for XliffVersion {
    type Err = String;

    fn from_str(s: &str) -> Result<XliffVersion, String> {
        match s {
            "1.2" => Ok(XliffVersion::V1_2),
            "2.0" | "2" => Ok(XliffVersion::V2_0),
            "2.1" => Ok(XliffVersion::V2_1),
            other => Err(format!("unknown XLIFF version {other:?} (1.2, 2.0, 2.1)")),
        }
    }
}

impl fmt::Display for XliffVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What to put in the target of each segment.
///
/// ```
/// use excerpt_tm::TargetMode;
///
/// assert_eq!("source".parse::<TargetMode>().unwrap(), TargetMode::Source);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TargetMode {
    /// No target element (TMX: no target `tuv`).
    #[default]
    None,
    /// An empty target.
    Empty,
    /// A copy of the source (an identity translation).
    Source,
}

impl FromStr for TargetMode {
    type Err = String;

    fn from_str(s: &str) -> Result<TargetMode, String> {
        match s {
            "none" => Ok(TargetMode::None),
            "empty" => Ok(TargetMode::Empty),
            "source" => Ok(TargetMode::Source),
            other => Err(format!("unknown target {other:?} (none, empty, source)")),
        }
    }
}

/// What to do with characters that XML 1.0 forbids.
///
/// ```
/// use excerpt_tm::XmlInvalid;
///
/// assert_eq!("error".parse::<XmlInvalid>().unwrap(), XmlInvalid::Error);
/// assert_eq!(XmlInvalid::default(), XmlInvalid::Code);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum XmlInvalid {
    /// Write each as an inline code that merge turns back into the character.
    #[default]
    Code,
    /// Refuse to write the file.
    Error,
}

impl FromStr for XmlInvalid {
    type Err = String;

    fn from_str(s: &str) -> Result<XmlInvalid, String> {
        match s {
            "code" | "ph" => Ok(XmlInvalid::Code),
            "error" => Ok(XmlInvalid::Error),
            other => Err(format!("unknown policy {other:?} (code, error)")),
        }
    }
}

/// Options for writing a translation file.
///
/// ```
/// use excerpt_tm::{TargetMode, WriteOptions};
///
/// let o = WriteOptions::new("article.txt").target("de", TargetMode::Source);
/// assert_eq!(o.target_lang.as_deref(), Some("de"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteOptions {
    /// Name of the original file, recorded in the output.
    pub original: String,
    /// Target language (BCP 47), if any.
    pub target_lang: Option<String>,
    /// What the targets hold.
    pub target: TargetMode,
    /// What to do with XML-invalid characters.
    pub xml_invalid: XmlInvalid,
    /// The version recorded as the creating tool's.
    pub tool_version: String,
}

impl WriteOptions {
    /// Options for a file made from `original`, without targets.
    ///
    /// ```
    /// let o = excerpt_tm::WriteOptions::new("a.txt");
    /// assert_eq!(o.target, excerpt_tm::TargetMode::None);
    /// ```
    pub fn new(original: &str) -> WriteOptions {
        WriteOptions {
            original: original.to_string(),
            target_lang: None,
            target: TargetMode::None,
            xml_invalid: XmlInvalid::Code,
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }

    /// Sets the target language and what the targets hold.
    ///
    /// ```
    /// use excerpt_tm::{TargetMode, WriteOptions};
    ///
    /// let o = WriteOptions::new("a.txt").target("ja", TargetMode::Empty);
    /// assert_eq!(o.target, TargetMode::Empty);
    /// ```
    pub fn target(mut self, lang: &str, mode: TargetMode) -> WriteOptions {
        self.target_lang = Some(lang.to_string());
        self.target = mode;
        self
    }

    /// Sets the policy for XML-invalid characters.
    ///
    /// ```
    /// use excerpt_tm::{WriteOptions, XmlInvalid};
    ///
    /// let o = WriteOptions::new("a.txt").xml_invalid(XmlInvalid::Error);
    /// assert_eq!(o.xml_invalid, XmlInvalid::Error);
    /// ```
    pub fn xml_invalid(mut self, policy: XmlInvalid) -> WriteOptions {
        self.xml_invalid = policy;
        self
    }

    /// The target language, required when an XML format is to hold targets.
    pub(crate) fn xml_target_lang(&self) -> Result<Option<&str>, Error> {
        match (&self.target_lang, self.target) {
            (_, TargetMode::None) => Ok(None),
            (Some(lang), _) => Ok(Some(lang)),
            (None, _) => Err(Error::Options(
                "targets in TMX or XLIFF need a target language".into(),
            )),
        }
    }
}
