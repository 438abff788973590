//! The way back: a translated document from the original's skeleton and the
//! targets of a translated file.

use crate::document::Document;
use crate::error::Error;
use crate::inline::{Piece, TargetPiece, split};
use crate::options::SegmentOptions;
use crate::translation::Translation;
use std::collections::HashMap;

/// The result of a merge.
///
/// ```
/// use excerpt_tm::{merge, read, SegmentOptions};
///
/// let original = "Good morning. See you.\n";
/// let translated = read("Good morning.\tBonjour.\tp1.s1\n").unwrap();
/// let merged = merge(original, &translated, &SegmentOptions::new("en")).unwrap();
/// assert_eq!(merged.text, "Bonjour. See you.\n");
/// assert_eq!(merged.untranslated, ["p1.s2"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The translated document.
    pub text: String,
    /// Number of segments in the original.
    pub segments: usize,
    /// Ids of segments without a target, which kept their source text.
    pub untranslated: Vec<String>,
    /// Ids in the translated file that the original does not have.
    pub unknown: Vec<String>,
    /// The options the original was segmented with.
    pub options: SegmentOptions,
    /// True when the translated file records a fingerprint of its original
    /// and `original` does not match it: ids may then point at other text.
    pub original_differs: bool,
}

/// Rebuilds the translated document from `original` and `translation`.
///
/// The original is segmented again with the options recorded in the
/// translated file, or `fallback` when the format cannot record them (TSV);
/// then every segment is replaced by the target with the same id, inline
/// codes taking their text from the original. The skeleton (whitespace,
/// line ends, blank lines) is copied as it is. A segment without a target
/// keeps its source and is listed in [`Merged::untranslated`]. Options
/// that record SRX rules must have them loaded ([`crate::SrxRules::load`]),
/// else the result is [`Error::SrxNotLoaded`].
///
/// ```
/// use excerpt_tm::{merge, read, SegmentOptions};
///
/// let original = "Yes.\n\nNo.\n";
/// let po = "msgctxt \"p2.s1\"\nmsgid \"No.\"\nmsgstr \"Nein.\"\n";
/// let merged = merge(original, &read(po).unwrap(), &SegmentOptions::new("en")).unwrap();
/// assert_eq!(merged.text, "Yes.\n\nNein.\n");
/// assert_eq!(merged.untranslated, ["p1.s1"]);
/// ```
pub fn merge(
    original: &str,
    translation: &Translation,
    fallback: &SegmentOptions,
) -> Result<Merged, Error> {
    let options = translation
        .options
        .clone()
        .unwrap_or_else(|| fallback.clone());
    let doc = Document::with_splitter(original, options.clone(), &options.splitter()?);
    let mut targets: HashMap<&str, &[TargetPiece]> = HashMap::new();
    for unit in &translation.units {
        if unit.has_target() {
            if let Some(t) = &unit.target {
                targets.entry(unit.id.as_str()).or_insert(t);
            }
        }
    }
    let known: HashMap<&str, ()> = doc.segments().iter().map(|s| (s.id(), ())).collect();
    let unknown = translation
        .units
        .iter()
        .filter(|u| !known.contains_key(u.id.as_str()))
        .map(|u| u.id.clone())
        .collect();
    let mut untranslated = Vec::new();
    let xml = translation.format.is_xml();
    let text = doc.rebuild(|s| match targets.get(s.id()) {
        Some(pieces) => {
            let codes: Vec<&str> = split(s.text(), options.protect, xml)
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Code(c) => Some(c.text),
                    Piece::Text(_) => None,
                })
                .collect();
            let mut out = String::new();
            for p in pieces.iter() {
                match p {
                    TargetPiece::Text(t) => out.push_str(t),
                    TargetPiece::Code { index, fallback } => {
                        match index.checked_sub(1).and_then(|i| codes.get(i)) {
                            Some(code) => out.push_str(code),
                            None => out.extend(fallback.iter()),
                        }
                    }
                }
            }
            out.into()
        }
        None => {
            untranslated.push(s.id().to_string());
            s.text().into()
        }
    });
    Ok(Merged {
        text,
        segments: doc.segments().len(),
        untranslated,
        unknown,
        options,
        original_differs: translation
            .source
            .is_some_and(|f| f != crate::Fingerprint::of(original)),
    })
}
