//! Character offsets for byte spans, computed in one pass over the text.

/// Converts increasing byte offsets of one text into character offsets
/// (Unicode scalar values), counting each character once.
pub struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharOffsets<'t> {
    /// A converter for `text`, starting at its beginning.
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
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
    }
}
