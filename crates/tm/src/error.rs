//! The errors of this crate.

/// What can go wrong while writing or reading a translation file.
///
/// ```
/// use excerpt_tm::Error;
///
/// let e = Error::Parse { format: "tmx", detail: "no <body>".into() };
/// assert_eq!(e.to_string(), "cannot read the tmx file: no <body>");
/// ```
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A character that XML 1.0 forbids, with `--xml-invalid error`.
    #[error("character U+{code:04X} at byte offset {offset} cannot be written to XML 1.0")]
    XmlInvalidChar {
        /// The character's code point.
        code: u32,
        /// Byte offset of the character in the original text.
        offset: usize,
    },
    /// A translated file could not be read.
    #[error("cannot read the {format} file: {detail}")]
    Parse {
        /// The format that was being read (`tmx`, `xliff`, `po`, `tsv`).
        format: &'static str,
        /// What was wrong.
        detail: String,
    },
    /// The format of a translated file was not recognised.
    #[error("not a TMX, XLIFF, PO or TSV file")]
    UnknownFormat,
    /// Options that do not fit together.
    #[error("{0}")]
    Options(String),
    /// SRX rules that cannot be used (the message names the file).
    #[error("{0}")]
    Srx(String),
    /// An SRX file whose content is not the one the options record.
    #[error(
        "{file} has changed since the text was segmented with it (recorded {recorded}, found {found})"
    )]
    SrxChanged {
        /// The file as recorded.
        file: String,
        /// The recorded fingerprint.
        recorded: String,
        /// The fingerprint of the content given.
        found: String,
    },
    /// Options that record SRX rules used before the rules were loaded.
    #[error("the text was segmented with the SRX rules of {file}, which were not loaded")]
    SrxNotLoaded {
        /// The file as recorded.
        file: String,
    },
}

impl Error {
    pub(crate) fn parse(format: &'static str, detail: impl std::fmt::Display) -> Error {
        Error::Parse {
            format,
            detail: detail.to_string(),
        }
    }
}
