//! Translation prep: files that CAT tools load, and a lossless way back.
//!
//! A [`Document`] is a text cut into segments (sentences) with stable ids
//! (`p1.s1`: paragraph 1, sentence 1) and the skeleton between them.
//! [`write`] turns it into TMX 1.4, XLIFF 1.2/2.0/2.1, PO or TSV; [`read`]
//! reads such a file back after translation, and [`merge`] rebuilds the
//! translated document from the original's skeleton and the targets.
//!
//! ```
//! use excerpt_tm::{merge, read, write, Document, Format, SegmentOptions, TargetMode, WriteOptions};
//!
//! let original = "It rained.  We stayed in.\r\n\r\nThen the sun came out.\r\n";
//! let doc = Document::new(original, SegmentOptions::new("en"));
//! let opts = WriteOptions::new("diary.txt").target("de", TargetMode::Source);
//! let xliff = write(&doc, Format::Xliff(Default::default()), &opts).unwrap();
//!
//! // An identity translation rebuilds the original byte for byte.
//! let back = merge(original, &read(&xliff).unwrap(), &SegmentOptions::new("en")).unwrap();
//! assert_eq!(back.text, original);
//! assert!(back.untranslated.is_empty());
//! ```
//!
//! # How each format carries a segment
//!
//! Segments are exact bytes of the source, and may hold line breaks
//! (hard-wrapped text), tabs and carriage returns.
//!
//! * XML formats keep line feeds and tabs as they are and write a carriage
//!   return as `&#13;`. A character that XML 1.0 forbids becomes an inline
//!   code (see [`split`]) or, with [`XmlInvalid::Error`], an error.
//! * PO uses gettext's C escapes (`\n`, `\t`, `\r`, `\\`, `\"`, octal for
//!   forbidden characters); a multi-line segment is one string per line.
//! * TSV escapes `\\`, `\t`, `\n`, `\r` and forbidden characters as
//!   `\u{XXXX}` (see [`tsv_escape`]), so every row is one line.
//!
//! Merge depends only on the ids, the original and the segmentation options,
//! which every format except TSV records in its header.

mod document;
mod dom;
mod error;
mod fingerprint;
mod format;
mod inline;
mod merge;
mod options;
mod po;
mod protect;
mod read;
mod settings;
mod splitter;
mod stats;
mod tmx;
mod translation;
mod tsv;
mod write;
mod xliff12;
mod xliff2;
mod xml;

pub use document::{
    Document, Segment, SegmentSpec, expand_placeholders, placeholder_at, segments, word_count,
};
pub use error::Error;
pub use fingerprint::Fingerprint;
pub use format::{Format, TargetMode, WriteOptions, XliffVersion, XmlInvalid};
pub use inline::{Code, CodeKind, Piece, TargetPiece, is_xml_invalid, pairs, split, split_marked};
pub use merge::{Merged, merge};
pub use options::SegmentOptions;
pub use protect::{Protect, SpanKind};
pub use read::read;
pub use settings::{TmSettings, bcp47};
pub use splitter::{Cut, Splitter, SrxRules};
pub use stats::{Stats, normalize};
pub use translation::{Translation, Unit};
pub use tsv::{tsv_escape, tsv_unescape};
pub use write::write;
