//! A segment's text cut into plain text and inline codes.
//!
//! Two things become inline codes: characters that XML 1.0 forbids (written
//! to XML formats as a `ph` that carries the code point) and protected spans
//! (see [`Protect`]). Codes are numbered from 1 within their segment; a
//! translated file refers to a code by that number, and merge takes the
//! code's text from the original again, so a translator cannot break it.

use crate::protect::{Protect, SpanKind};

/// What an inline code stands for.
///
/// ```
/// use excerpt_tm::{CodeKind, SpanKind};
///
/// assert_eq!(CodeKind::XmlInvalid.name(), "xml-invalid");
/// assert_eq!(CodeKind::Span(SpanKind::Email).name(), "email");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// One character that XML 1.0 cannot carry.
    XmlInvalid,
    /// A protected span.
    Span(SpanKind),
    /// The start of a paired markup code (an opening tag, `**`, `[`), given
    /// by a document reader; its end is the next [`CodeKind::Close`] at the
    /// same depth in the segment.
    Open,
    /// The end of a paired markup code.
    Close,
    /// Markup that stands alone (`<br>`, an image, a code span).
    Standalone,
}

impl CodeKind {
    /// A short name used in `type`/`ctype` attributes (prefixed with `x-`).
    ///
    /// ```
    /// assert_eq!(excerpt_tm::CodeKind::XmlInvalid.name(), "xml-invalid");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            CodeKind::XmlInvalid => "xml-invalid",
            CodeKind::Span(kind) => kind.name(),
            CodeKind::Open => "open",
            CodeKind::Close => "close",
            CodeKind::Standalone => "markup",
        }
    }
}

/// An inline code: a piece of the source that translators see as one tag.
///
/// ```
/// use excerpt_tm::{split, Piece, Protect};
///
/// let pieces = split("a\u{1}b", Protect::none(), true);
/// let Piece::Code(code) = &pieces[1] else { panic!() };
/// assert_eq!((code.index, code.text), (1, "\u{1}"));
/// assert_eq!(code.code_point_label(), "U+0001");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code<'t> {
    /// Number of the code within its segment, from 1.
    pub index: usize,
    /// What the code stands for.
    pub kind: CodeKind,
    /// The original text the code replaces.
    pub text: &'t str,
    /// Byte offset of `text` within the segment.
    pub offset: usize,
}

impl Code<'_> {
    /// `U+XXXX` for the first character of the code (the whole code for an
    /// XML-invalid character).
    ///
    /// ```
    /// use excerpt_tm::{split, Piece, Protect};
    ///
    /// let Piece::Code(c) = split("\u{FFFE}", Protect::none(), true)[0] else { panic!() };
    /// assert_eq!(c.code_point_label(), "U+FFFE");
    /// ```
    pub fn code_point_label(&self) -> String {
        let c = self.text.chars().next().map_or(0, u32::from);
        format!("U+{c:04X}")
    }
}

/// One piece of a segment: plain text, or an inline code.
///
/// ```
/// use excerpt_tm::{split, Piece, Protect};
///
/// assert_eq!(split("plain", Protect::none(), true), [Piece::Text("plain")]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'t> {
    /// Text a translator translates.
    Text(&'t str),
    /// An inline code.
    Code(Code<'t>),
}

/// True for a character that XML 1.0 does not allow in a document: C0
/// controls other than tab, line feed and carriage return, and U+FFFE/U+FFFF.
///
/// ```
/// use excerpt_tm::is_xml_invalid;
///
/// assert!(is_xml_invalid('\u{1}') && is_xml_invalid('\u{FFFF}'));
/// assert!(!is_xml_invalid('\t') && !is_xml_invalid('\r') && !is_xml_invalid('é'));
/// ```
pub fn is_xml_invalid(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Cuts `text` into pieces. With `xml` set, each XML-invalid character
/// becomes a code of its own; then the spans that `protect` selects, within
/// the remaining text, become codes. Concatenating the pieces' texts gives
/// `text` back.
///
/// ```
/// use excerpt_tm::{split, Piece, Protect};
///
/// let p: Protect = "numbers".parse().unwrap();
/// let pieces = split("Take 2 now.", p, false);
/// assert_eq!(pieces.len(), 3);
/// assert_eq!(pieces[0], Piece::Text("Take "));
/// assert!(matches!(pieces[1], Piece::Code(c) if c.text == "2" && c.index == 1));
/// ```
pub fn split(text: &str, protect: Protect, xml: bool) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut index = 0;
    let mut start = 0;
    let invalid = text
        .char_indices()
        .filter(|&(_, c)| xml && is_xml_invalid(c))
        .map(|(i, c)| (i, i + c.len_utf8()));
    for (bad_start, bad_end) in invalid.chain(std::iter::once((text.len(), text.len()))) {
        push_protected(
            &text[start..bad_start],
            start,
            protect,
            &mut index,
            &mut out,
        );
        if bad_end > bad_start {
            index += 1;
            out.push(Piece::Code(Code {
                index,
                kind: CodeKind::XmlInvalid,
                text: &text[bad_start..bad_end],
                offset: bad_start,
            }));
        }
        start = bad_end;
    }
    out
}

fn push_protected<'t>(
    text: &'t str,
    base: usize,
    protect: Protect,
    index: &mut usize,
    out: &mut Vec<Piece<'t>>,
) {
    let mut pos = 0;
    for (kind, range) in protect.find(text) {
        if range.start > pos {
            out.push(Piece::Text(&text[pos..range.start]));
        }
        *index += 1;
        out.push(Piece::Code(Code {
            index: *index,
            kind: CodeKind::Span(kind),
            text: &text[range.clone()],
            offset: base + range.start,
        }));
        pos = range.end;
    }
    if pos < text.len() {
        out.push(Piece::Text(&text[pos..]));
    }
}

/// The partner of every [`CodeKind::Open`] code among `pieces`: pairs of
/// code indices `(open, close)`, matched as brackets are. An open code
/// without its close (or a close without its open) has no pair.
///
/// ```
/// use excerpt_tm::{pairs, Code, CodeKind, Piece};
///
/// let code = |index, kind| Piece::Code(Code { index, kind, text: "", offset: 0 });
/// let pieces = [code(1, CodeKind::Open), code(2, CodeKind::Open), Piece::Text("x"),
///               code(3, CodeKind::Close), code(4, CodeKind::Close)];
/// assert_eq!(pairs(&pieces), [(2, 3), (1, 4)]);
/// ```
pub fn pairs(pieces: &[Piece<'_>]) -> Vec<(usize, usize)> {
    let mut stack = Vec::new();
    let mut out = Vec::new();
    for p in pieces {
        if let Piece::Code(c) = p {
            match c.kind {
                CodeKind::Open => stack.push(c.index),
                CodeKind::Close => {
                    if let Some(open) = stack.pop() {
                        out.push((open, c.index));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Cuts a segment's text into pieces when a document reader gave its markup
/// codes: `codes` are byte ranges of `text` with their kinds, in order and
/// without overlaps. The text between them is cut further as [`split`] does.
/// Codes are numbered from 1 in order.
///
/// ```
/// use excerpt_tm::{split_marked, CodeKind, Piece, Protect};
///
/// let text = "a <b>bold</b> word";
/// let pieces = split_marked(text, &[(2..5, CodeKind::Open), (9..13, CodeKind::Close)], Protect::none(), true);
/// assert_eq!(pieces.len(), 5);
/// assert!(matches!(pieces[1], Piece::Code(c) if c.text == "<b>" && c.index == 1));
/// assert!(matches!(pieces[3], Piece::Code(c) if c.text == "</b>" && c.index == 2));
/// ```
pub fn split_marked<'t>(
    text: &'t str,
    codes: &[(std::ops::Range<usize>, CodeKind)],
    protect: Protect,
    xml: bool,
) -> Vec<Piece<'t>> {
    let mut out = Vec::new();
    let mut index = 0;
    let mut pos = 0;
    let push_text = |from: usize, to: usize, index: &mut usize, out: &mut Vec<Piece<'t>>| {
        for piece in split(&text[from..to], protect, xml) {
            match piece {
                Piece::Text(t) => out.push(Piece::Text(t)),
                Piece::Code(c) => {
                    *index += 1;
                    out.push(Piece::Code(Code {
                        index: *index,
                        offset: from + c.offset,
                        ..c
                    }));
                }
            }
        }
    };
    for (range, kind) in codes {
        if range.start > pos {
            push_text(pos, range.start, &mut index, &mut out);
        }
        index += 1;
        out.push(Piece::Code(Code {
            index,
            kind: *kind,
            text: &text[range.clone()],
            offset: range.start,
        }));
        pos = range.end;
    }
    if pos < text.len() {
        push_text(pos, text.len(), &mut index, &mut out);
    }
    out
}

/// A piece of a translation read back from a file: text, or a reference to
/// the source segment's code number `index`.
///
/// ```
/// use excerpt_tm::TargetPiece;
///
/// let t = TargetPiece::Text("Hallo".into());
/// assert_eq!(t, TargetPiece::Text("Hallo".to_string()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetPiece {
    /// Translated text.
    Text(String),
    /// A code: its number in the source segment, and the character it stands
    /// for when the file says so (used when the source has no such code).
    Code {
        /// Number of the code in the source segment.
        index: usize,
        /// The character the file names (an XML-invalid character's code point).
        fallback: Option<char>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(pieces: &[Piece<'_>]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => *t,
                Piece::Code(c) => c.text,
            })
            .collect()
    }

    #[test]
    fn pieces_rebuild_the_text() {
        let text = "Call 555\u{1}0100 or see <b>http://x.example/\u{b}</b>\u{FFFF}";
        let p: Protect = "urls,numbers,tags".parse().unwrap();
        for xml in [true, false] {
            assert_eq!(joined(&split(text, p, xml)), text);
        }
    }

    #[test]
    fn codes_are_numbered_in_order_with_offsets() {
        let text = "a\u{2}b 7 c\u{3}";
        let codes: Vec<(usize, usize, &str)> = split(text, "numbers".parse().unwrap(), true)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Code(c) => Some((c.index, c.offset, c.text)),
                Piece::Text(_) => None,
            })
            .collect();
        assert_eq!(codes, [(1, 1, "\u{2}"), (2, 4, "7"), (3, 7, "\u{3}")]);
    }

    #[test]
    fn without_xml_invalid_chars_stay_text() {
        assert_eq!(
            split("a\u{1}b", Protect::none(), false),
            [Piece::Text("a\u{1}b")]
        );
    }

    #[test]
    fn only_forbidden_characters_are_invalid() {
        let invalid: Vec<u32> = (0u32..0x20)
            .chain([0x7f, 0x85, 0xfffe, 0xffff])
            .filter(|&c| is_xml_invalid(char::from_u32(c).unwrap()))
            .collect();
        let mut expected: Vec<u32> = (0..0x20).filter(|c| ![9, 10, 13].contains(c)).collect();
        expected.extend([0xfffe, 0xffff]);
        assert_eq!(invalid, expected);
    }
}
