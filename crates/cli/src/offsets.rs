//! Character offsets and file byte offsets for byte spans of a text,
//! computed in one pass over it.

use crate::encoding::{FileEncoding, FileOffsets};

/// Converts increasing byte offsets of one text into character offsets
/// (Unicode scalar values) and into byte offsets in the file the text was
/// decoded from, counting each character once.
pub struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
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
            text,
            byte: 0,
            chars: 0,
            file: FileOffsets::new(text, encoding),
        }
    }

    /// The character offset of byte offset `byte`. Offsets must be asked in
    /// increasing order; an earlier one restarts the count from the start.
    pub fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
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
    fn counts_characters_not_bytes() {
        let text = "Ça va. Über.";
        let mut off = CharOffsets::new(text);
        assert_eq!(off.at(0), 0);
        assert_eq!(off.at(8), 7);
        assert_eq!(off.at(text.len()), 12);
        assert_eq!(off.at(2), 1);
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
