//! Character offsets for byte offsets of a text, computed in one pass.

/// Converts increasing byte offsets of one text into character offsets
/// (Unicode scalar values, as Python and JavaScript's `codePointAt` count
/// them), counting each character once.
///
/// ```
/// use excerpt_segment::CharOffsets;
///
/// let text = "Ça va. 😀 Über.";
/// let mut chars = CharOffsets::new(text);
/// assert_eq!(chars.at(0), 0);
/// assert_eq!(chars.at(8), 7); // after "Ça va. "
/// assert_eq!(chars.at(text.len()), text.chars().count());
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharOffsets<'t> {
    /// A converter for `text`.
    ///
    /// ```
    /// let mut chars = excerpt_segment::CharOffsets::new("日本語");
    /// assert_eq!(chars.at(6), 2);
    /// ```
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The character offset of byte offset `byte`, which must be on a
    /// character boundary. Offsets are best asked in increasing order: an
    /// earlier one restarts the count from the start.
    ///
    /// ```
    /// let mut chars = excerpt_segment::CharOffsets::new("é. e.");
    /// assert_eq!(chars.at(4), 3);
    /// assert_eq!(chars.at(2), 1); // asked out of order: counted again
    /// ```
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

    #[test]
    fn combining_marks_and_astral_characters_count_as_scalars() {
        // e + COMBINING ACUTE is two scalars; the emoji is one (four bytes).
        let text = "e\u{301}🙂x";
        let mut off = CharOffsets::new(text);
        assert_eq!(off.at(3), 2);
        assert_eq!(off.at(7), 3);
        assert_eq!(off.at(8), 4);
    }
}
