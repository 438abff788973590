//! Writing a document in a chosen format.

use crate::document::Document;
use crate::error::Error;
use crate::format::{Format, WriteOptions, XliffVersion, XmlInvalid};
use crate::inline::is_xml_invalid;
use crate::{po, tmx, tsv, xliff2, xliff12};

/// Writes `doc` in `format`.
///
/// ```
/// use excerpt_tm::{write, Document, Format, SegmentOptions, TargetMode, WriteOptions};
///
/// let doc = Document::new("Fish & chips. Tea?", SegmentOptions::new("en"));
/// let opts = WriteOptions::new("menu.txt").target("fr", TargetMode::Empty);
/// let tmx = write(&doc, Format::Tmx, &opts).unwrap();
/// assert!(tmx.contains(r#"<tu tuid="p1.s1">"#));
/// assert!(tmx.contains("<seg>Fish &amp; chips.</seg>"));
/// assert!(tmx.contains(r#"<tuv xml:lang="fr"><seg></seg></tuv>"#));
/// ```
///
/// With [`XmlInvalid::Error`], a character XML 1.0 forbids stops an XML
/// format, and the error gives its byte offset:
///
/// ```
/// use excerpt_tm::{write, Document, Error, Format, SegmentOptions, WriteOptions, XmlInvalid};
///
/// let doc = Document::new("Bell\u{7} here.", SegmentOptions::new("en"));
/// let opts = WriteOptions::new("a.txt").xml_invalid(XmlInvalid::Error);
/// let err = write(&doc, Format::Tmx, &opts).unwrap_err();
/// assert!(matches!(err, Error::XmlInvalidChar { code: 7, offset: 4 }));
/// ```
pub fn write(doc: &Document<'_>, format: Format, opts: &WriteOptions) -> Result<String, Error> {
    if format.is_xml() && opts.xml_invalid == XmlInvalid::Error {
        if let Some((offset, c)) = doc.text().char_indices().find(|&(_, c)| is_xml_invalid(c)) {
            return Err(Error::XmlInvalidChar {
                code: u32::from(c),
                offset,
            });
        }
    }
    match format {
        Format::Tmx => tmx::write(doc, opts),
        Format::Xliff(XliffVersion::V1_2) => xliff12::write(doc, opts),
        Format::Xliff(v) => xliff2::write(doc, opts, v),
        Format::Po => Ok(po::write(doc, opts)),
        Format::Tsv => Ok(tsv::write(doc, opts)),
    }
}
