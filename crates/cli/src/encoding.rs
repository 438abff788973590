//! Text encodings: bytes to text and back, with nothing lost.
//!
//! One job: a file's bytes become a `String` (a byte-order mark is sniffed
//! as ripgrep does and always wins; `--encoding LABEL` names a legacy
//! encoding; otherwise the bytes must be UTF-8), and the [`FileEncoding`]
//! found says how to turn text back into the same bytes ([`encode`]) and
//! where a text offset lies in the file ([`FileOffsets`]). No I/O here:
//! reading and writing files is the caller's.

use anyhow::{Result, bail};
use encoding_rs::{
    CoderResult, DecoderResult, EncoderResult, Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE,
};

/// How a file's bytes became text: the encoding and whether a byte-order
/// mark came first (it is not part of the text; merge writes it back).
///
/// ```ignore
/// let e = FileEncoding::parse("UTF-16LE+bom").unwrap();
/// assert_eq!(e.bom_len(), 2);
/// assert_eq!(e.record().as_deref(), Some("UTF-16LE+bom"));
/// assert_eq!(FileEncoding::UTF8.record(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileEncoding {
    /// The encoding of the bytes after the byte-order mark.
    pub encoding: &'static Encoding,
    /// Whether the file starts with a byte-order mark.
    pub bom: bool,
}

impl FileEncoding {
    /// UTF-8 without a byte-order mark: text and file are the same bytes.
    pub const UTF8: FileEncoding = FileEncoding {
        encoding: UTF_8,
        bom: false,
    };

    /// The byte-order mark's length in bytes (0 without one).
    pub fn bom_len(&self) -> usize {
        match (self.bom, self.encoding == UTF_8) {
            (false, _) => 0,
            (true, true) => 3,
            (true, false) => 2,
        }
    }

    /// The byte-order mark's bytes.
    fn bom_bytes(&self) -> &'static [u8] {
        match (self.bom, self.encoding) {
            (false, _) => b"",
            (true, e) if e == UTF_16LE => b"\xFF\xFE",
            (true, e) if e == UTF_16BE => b"\xFE\xFF",
            (true, _) => b"\xEF\xBB\xBF",
        }
    }

    /// The name recorded in translation files (`UTF-8+bom`, `UTF-16BE+bom`,
    /// `windows-1252`); `None` for UTF-8 without a byte-order mark, which
    /// needs no record.
    pub fn record(&self) -> Option<String> {
        if *self == FileEncoding::UTF8 {
            return None;
        }
        let bom = if self.bom { "+bom" } else { "" };
        Some(format!("{}{bom}", self.encoding.name()))
    }

    /// Reads a name written by [`FileEncoding::record`] (any WHATWG label,
    /// with an optional `+bom`).
    pub fn parse(name: &str) -> Option<FileEncoding> {
        let (label, bom) = match name.strip_suffix("+bom") {
            Some(label) => (label, true),
            None => (name, false),
        };
        let encoding = Encoding::for_label_no_replacement(label.as_bytes())?;
        Some(FileEncoding { encoding, bom })
    }
}

/// The encoding a WHATWG label names (`windows-1252`, `latin1`,
/// `shift_jis`, `utf-16le`, ...), for `--encoding`.
///
/// ```ignore
/// assert_eq!(label("latin1").unwrap().name(), "windows-1252");
/// assert!(label("klingon").is_err());
/// ```
pub fn label(label: &str) -> Result<&'static Encoding, String> {
    match Encoding::for_label(label.trim().as_bytes()) {
        Some(e) if e == REPLACEMENT => Err(format!(
            "{label:?} names an encoding that cannot be decoded safely (ISO-2022-KR, HZ, ...)"
        )),
        Some(e) => Ok(e),
        None => Err(format!(
            "{label:?} is not an encoding label (WHATWG labels, e.g. windows-1252, iso-8859-2, shift_jis, euc-kr, gb18030, utf-16le)"
        )),
    }
}

/// Decodes a file's bytes. A byte-order mark (UTF-8, UTF-16LE, UTF-16BE)
/// decides the encoding and is left out of the text; without one, `forced`
/// (from `--encoding`) is used, or else the bytes must be UTF-8. Bytes that
/// the encoding cannot decode are an error naming the byte offset in the
/// file; nothing is replaced, so that [`encode`] gives the bytes back.
///
/// ```ignore
/// let (text, enc) = decode(b"\xEF\xBB\xBFHi.".to_vec(), None).unwrap();
/// assert_eq!((text.as_str(), enc.bom_len()), ("Hi.", 3));
/// ```
pub fn decode(
    mut bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
) -> Result<(String, FileEncoding)> {
    let (encoding, bom) = match Encoding::for_bom(&bytes) {
        Some((encoding, _)) => (encoding, true),
        None => (forced.unwrap_or(UTF_8), false),
    };
    let enc = FileEncoding { encoding, bom };
    let skip = enc.bom_len();
    if encoding == UTF_8 {
        bytes.drain(..skip);
        return match String::from_utf8(bytes) {
            Ok(text) => Ok((text, enc)),
            Err(err) => {
                let bytes = err.as_bytes();
                let at = err.utf8_error().valid_up_to();
                let (line, column) = line_column(&bytes[..at]);
                let hint = if forced.is_some() || bom {
                    ""
                } else {
                    "; if the file is in another encoding, name it with --encoding (e.g. --encoding windows-1252)"
                };
                bail!(
                    "invalid UTF-8 at byte offset {} (line {line}, column {column}): byte 0x{:02X}{hint}",
                    at + skip,
                    bytes[at]
                )
            }
        };
    }
    let input = &bytes[skip..];
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let Some(capacity) = decoder.max_utf8_buffer_length_without_replacement(input.len()) else {
        bail!("too large to decode");
    };
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(input, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok((text, enc)),
        DecoderResult::Malformed(bad, after) => {
            let at = skip + read - usize::from(bad) - after as usize;
            bail!(
                "not valid {} at byte offset {at}: byte 0x{:02X}",
                encoding.name(),
                bytes[at]
            )
        }
        DecoderResult::OutputFull => bail!("decoding {} overflowed", encoding.name()),
    }
}

/// The line and column (from 1) just after `before`.
fn line_column(before: &[u8]) -> (usize, usize) {
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// What to do with a character the encoding cannot hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Fallback {
    /// Refuse: no output is written.
    #[default]
    Error,
    /// Write a numeric character reference (`&#8364;`), as HTML allows.
    Ncr,
}

/// A character that the file's encoding cannot hold, at byte `offset` of
/// the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unmappable {
    /// The character.
    pub ch: char,
    /// Its byte offset in the text.
    pub offset: usize,
}

/// Encodes `text` as a file in `enc`, byte-order mark first. UTF-8 and
/// UTF-16 hold every character; in another encoding a character it cannot
/// hold is an error, or with [`Fallback::Ncr`] a numeric character
/// reference.
///
/// ```ignore
/// let e = FileEncoding { encoding: encoding_rs::WINDOWS_1252, bom: false };
/// assert_eq!(encode("Café", e, Fallback::Error).unwrap(), b"Caf\xE9");
/// assert_eq!(encode("a€ 中", e, Fallback::Error).unwrap_err().ch, '中');
/// ```
pub fn encode(text: &str, enc: FileEncoding, fallback: Fallback) -> Result<Vec<u8>, Unmappable> {
    let mut out = enc.bom_bytes().to_vec();
    let encoding = enc.encoding;
    if encoding == UTF_8 {
        out.extend_from_slice(text.as_bytes());
        return Ok(out);
    }
    if encoding == UTF_16LE || encoding == UTF_16BE {
        out.reserve(text.len() * 2);
        for unit in text.encode_utf16() {
            out.extend_from_slice(&if encoding == UTF_16LE {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        return Ok(out);
    }
    let mut encoder = encoding.new_encoder();
    let mut done = 0;
    loop {
        let rest = &text[done..];
        let need = encoder
            .max_buffer_length_from_utf8_without_replacement(rest.len())
            .unwrap_or(rest.len() * 4);
        out.reserve(need.max(16));
        match fallback {
            Fallback::Error => {
                let (result, read) =
                    encoder.encode_from_utf8_to_vec_without_replacement(rest, &mut out, true);
                done += read;
                match result {
                    EncoderResult::InputEmpty => return Ok(out),
                    EncoderResult::OutputFull => {}
                    EncoderResult::Unmappable(ch) => {
                        return Err(Unmappable {
                            ch,
                            offset: done - ch.len_utf8(),
                        });
                    }
                }
            }
            Fallback::Ncr => {
                let (result, read, _) = encoder.encode_from_utf8_to_vec(rest, &mut out, true);
                done += read;
                if result == CoderResult::InputEmpty {
                    return Ok(out);
                }
            }
        }
    }
}

/// Byte offsets of a text in the file it was decoded from: the byte-order
/// mark is counted, and in an encoding other than UTF-8 each character
/// counts the bytes it takes there. Offsets are best asked in increasing
/// order (an earlier one restarts from the start).
///
/// ```ignore
/// let e = FileEncoding { encoding: encoding_rs::UTF_16LE, bom: true };
/// let mut off = FileOffsets::new("Hé. Ho.", e);
/// assert_eq!(off.at(4), 2 + 2 * 3);
/// ```
pub struct FileOffsets<'t> {
    text: &'t str,
    enc: FileEncoding,
    pos: usize,
    file: usize,
}

impl<'t> FileOffsets<'t> {
    /// Offsets of `text`, decoded from a file in `enc`.
    pub fn new(text: &'t str, enc: FileEncoding) -> FileOffsets<'t> {
        FileOffsets {
            text,
            enc,
            pos: 0,
            file: enc.bom_len(),
        }
    }

    /// The file offset of byte `offset` of the text.
    pub fn at(&mut self, offset: usize) -> usize {
        if self.enc.encoding == UTF_8 {
            return self.enc.bom_len() + offset;
        }
        if offset < self.pos {
            self.pos = 0;
            self.file = self.enc.bom_len();
        }
        let piece = &self.text[self.pos..offset];
        let without_bom = FileEncoding {
            bom: false,
            ..self.enc
        };
        self.file += match self.enc.encoding {
            e if e == UTF_16LE || e == UTF_16BE => piece.encode_utf16().count() * 2,
            _ => encode(piece, without_bom, Fallback::Ncr).map_or(piece.len(), |b| b.len()),
        };
        self.pos = offset;
        self.file
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{SHIFT_JIS, WINDOWS_1252};

    #[test]
    fn a_bom_decides_and_is_left_out() {
        let (text, enc) = decode(b"\xEF\xBB\xBFHi.".to_vec(), None).unwrap();
        assert_eq!((text.as_str(), enc.bom_len()), ("Hi.", 3));
        let (text, enc) = decode(b"\xFF\xFEH\0i\0".to_vec(), Some(WINDOWS_1252)).unwrap();
        assert_eq!((text.as_str(), enc.encoding), ("Hi", UTF_16LE));
        let (text, enc) = decode(b"\xFE\xFF\0H\0i".to_vec(), None).unwrap();
        assert_eq!(
            (text.as_str(), enc.record().unwrap().as_str()),
            ("Hi", "UTF-16BE+bom")
        );
    }

    #[test]
    fn invalid_utf8_suggests_encoding() {
        let err = decode(b"ok\nab\xFFcd".to_vec(), None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("byte offset 5 (line 2, column 3)"), "{err}");
        assert!(err.contains("--encoding"), "{err}");
        // a lone surrogate encoded in UTF-8 (CESU style) is not UTF-8
        let err = decode(b"a\xED\xA0\x80b".to_vec(), None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("byte offset 1"), "{err}");
        // offsets count the byte-order mark
        let err = decode(b"\xEF\xBB\xBFab\xFF".to_vec(), None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("byte offset 5"), "{err}");
    }

    #[test]
    fn legacy_encodings_round_trip() {
        let bytes = b"Caf\xE9 \x80 \x93quoted\x94".to_vec();
        let (text, enc) = decode(bytes.clone(), Some(WINDOWS_1252)).unwrap();
        assert_eq!(text, "Café € \u{201C}quoted\u{201D}");
        assert_eq!(encode(&text, enc, Fallback::Error).unwrap(), bytes);
        let sjis = b"\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x95\xb6\x81\x42".to_vec();
        let (text, enc) = decode(sjis.clone(), Some(SHIFT_JIS)).unwrap();
        assert_eq!(text, "日本語の文。");
        assert_eq!(encode(&text, enc, Fallback::Error).unwrap(), sjis);
    }

    #[test]
    fn undecodable_bytes_name_the_offset() {
        let err = decode(b"ab\x81\xFF".to_vec(), Some(SHIFT_JIS))
            .unwrap_err()
            .to_string();
        assert!(err.contains("Shift_JIS at byte offset 2"), "{err}");
        // an unpaired surrogate in UTF-16
        let err = decode(b"\xFF\xFEa\0\x00\xD8b\0".to_vec(), None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("UTF-16LE at byte offset 4"), "{err}");
    }

    #[test]
    fn unencodable_characters_are_refused_or_referenced() {
        let enc = FileEncoding {
            encoding: WINDOWS_1252,
            bom: false,
        };
        assert_eq!(
            encode("a€ 中", enc, Fallback::Error).unwrap_err(),
            Unmappable {
                ch: '中',
                offset: 5
            }
        );
        assert_eq!(encode("a 中.", enc, Fallback::Ncr).unwrap(), b"a &#20013;.");
    }

    #[test]
    fn file_offsets_count_the_file_bytes() {
        let enc = FileEncoding::parse("UTF-16LE+bom").unwrap();
        let mut off = FileOffsets::new("Hé. 😀.", enc);
        assert_eq!(off.at(0), 2);
        assert_eq!(off.at(5), 2 + 8);
        assert_eq!(off.at(10), 2 + 8 + 6); // a surrogate pair and a period
        let enc = FileEncoding::parse("UTF-8+bom").unwrap();
        assert_eq!(FileOffsets::new("abc", enc).at(2), 5);
        let enc = FileEncoding::parse("shift_jis").unwrap();
        let mut off = FileOffsets::new("日本. x", enc);
        assert_eq!(off.at(7), 5);
        assert_eq!(off.at(3), 2); // an earlier offset restarts the count
    }
}
