//! Character offsets and file byte offsets for byte spans of a text,
//! computed in one pass over it.

use crate::encoding::{FileEncoding, FileOffsets};

/// Converts increasing byte offsets of one text into character offsets
/// (Unicode scalar values, by [`excerpt_segment::CharOffsets`]) and into
/// byte offsets in the file the text was decoded from, counting each
/// character once.
pub struct CharOffsets<'t> {
    chars: excerpt_segment::CharOffsets<'t>,
    file: FileOffsets<'t>,
}

impl<'t> CharOffsets<'t> {
    /// A converter for `text`, read from UTF-8 without a byte-order mark
    /// (file offsets are the text's own).
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        CharOffsets::in_file(text, FileEncoding::UTF8)
    }

    /// A converter for `text`, decoded from a file in `encoding`.
    pub fn in_file(text: &'t str, encoding: FileEncoding) -> CharOffsets<'t> {
        CharOffsets {
            chars: excerpt_segment::CharOffsets::new(text),
            file: FileOffsets::new(text, encoding),
        }
    }

    /// The character offset of byte offset `byte`. Offsets must be asked in
    /// increasing order; an earlier one restarts the count from the start.
    pub fn at(&mut self, byte: usize) -> usize {
        self.chars.at(byte)
    }

    /// The offset in the file of byte `byte` of the text: the byte-order
    /// mark counted, and each character as many bytes as it takes in the
    /// file's encoding. Best asked in increasing order, as [`Self::at`].
    pub fn file(&mut self, byte: usize) -> usize {
        self.file.at(byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_and_file_bytes() {
        let text = "Ça va. Über.";
        let mut off = CharOffsets::new(text);
        assert_eq!(off.at(8), 7);
        assert_eq!(off.file(8), 8);
    }

    #[test]
    fn file_offsets_count_the_bom() {
        let text = "Ça va.";
        let mut off = CharOffsets::in_file(text, FileEncoding::parse("UTF-8+bom").unwrap());
        assert_eq!((off.file(0), off.file(3)), (3, 6));
        assert_eq!(off.at(3), 2);
    }
}
