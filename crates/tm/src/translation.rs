//! A translated file as read back: ids and targets.

use crate::format::Format;
use crate::inline::TargetPiece;
use crate::options::SegmentOptions;

/// One unit read back from a translated file.
///
/// ```
/// use excerpt_tm::{TargetPiece, Unit};
///
/// let u = Unit::new("p1.s1", Some(vec![TargetPiece::Text("Hallo.".into())]));
/// assert_eq!(u.id, "p1.s1");
/// assert!(u.has_target());
/// assert!(!Unit::new("p1.s2", Some(vec![])).has_target());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The segment id (`p1.s1`).
    pub id: String,
    /// The target, if the file has one.
    pub target: Option<Vec<TargetPiece>>,
}

impl Unit {
    /// A unit with `id` and `target`.
    ///
    /// ```
    /// assert!(excerpt_tm::Unit::new("p2.s1", None).target.is_none());
    /// ```
    pub fn new(id: &str, target: Option<Vec<TargetPiece>>) -> Unit {
        Unit {
            id: id.to_string(),
            target,
        }
    }

    /// True when the target holds something: an empty target counts as
    /// untranslated (segments are never empty).
    ///
    /// ```
    /// use excerpt_tm::{TargetPiece, Unit};
    ///
    /// let code_only = Unit::new("p1.s1", Some(vec![TargetPiece::Code { index: 1, fallback: None }]));
    /// assert!(code_only.has_target());
    /// ```
    pub fn has_target(&self) -> bool {
        self.target.as_ref().is_some_and(|t| {
            t.iter().any(|p| match p {
                TargetPiece::Text(s) => !s.is_empty(),
                TargetPiece::Code { .. } => true,
            })
        })
    }
}

/// A translated file: its format, the segmentation options it records (if
/// the format can record them) and its units in file order.
///
/// ```
/// use excerpt_tm::{Format, Translation};
///
/// let t = Translation::new(Format::Tsv);
/// assert!(t.units.is_empty() && t.options.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    /// The format the file was read as.
    pub format: Format,
    /// Segmentation options recorded in the file.
    pub options: Option<SegmentOptions>,
    /// The target language recorded in the file.
    pub target_lang: Option<String>,
    /// The fingerprint of the original recorded in the file.
    pub source: Option<crate::Fingerprint>,
    /// The units, in file order.
    pub units: Vec<Unit>,
}

impl Translation {
    /// An empty translation of format `format`.
    ///
    /// ```
    /// let t = excerpt_tm::Translation::new(excerpt_tm::Format::Po);
    /// assert_eq!(t.format, excerpt_tm::Format::Po);
    /// ```
    pub fn new(format: Format) -> Translation {
        Translation {
            format,
            options: None,
            target_lang: None,
            source: None,
            units: Vec::new(),
        }
    }
}

/// Appends text to a target, merging it with a preceding text piece.
pub(crate) fn push_text(pieces: &mut Vec<TargetPiece>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(TargetPiece::Text(prev)) = pieces.last_mut() {
        prev.push_str(text);
    } else {
        pieces.push(TargetPiece::Text(text.to_string()));
    }
}

/// The character a `U+XXXX` label names, anywhere in `label`.
pub(crate) fn char_from_label(label: &str) -> Option<char> {
    let at = label.find("U+")?;
    let hex: String = label[at + 2..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_characters() {
        assert_eq!(char_from_label("x-xml-invalid-U+0001"), Some('\u{1}'));
        assert_eq!(char_from_label("U+FFFE"), Some('\u{fffe}'));
        assert_eq!(char_from_label("x-url"), None);
    }

    #[test]
    fn text_pieces_join() {
        let mut p = Vec::new();
        push_text(&mut p, "a");
        push_text(&mut p, "");
        push_text(&mut p, "b");
        assert_eq!(p, [TargetPiece::Text("ab".into())]);
    }
}
