//! Paragraphs: runs of non-blank lines, separated by blank lines.
//!
//! A line ends at `\n`, `\r\n` or a lone `\r`. A blank line holds only
//! whitespace. A blank line always ends a sentence and starts a paragraph.

use memchr::memchr2;

/// The next paragraph at or after byte `pos`: the byte range from the start
/// of its first non-whitespace character to the end of its last non-blank
/// line (before the line break). `None` when only whitespace is left.
pub(crate) fn next_paragraph(text: &str, pos: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let start = pos + text[pos..].find(|c: char| !c.is_whitespace())?;
    let mut line_end = start;
    loop {
        // `line_end` is inside a non-blank line: find the line break.
        let Some(off) = memchr2(b'\n', b'\r', &bytes[line_end..]) else {
            return Some((start, text.len()));
        };
        let brk = line_end + off;
        let next_line = if bytes[brk] == b'\r' && bytes.get(brk + 1) == Some(&b'\n') {
            brk + 2
        } else {
            brk + 1
        };
        // Is the next line blank? Look at its characters up to its break.
        let rest = &text[next_line..];
        let first = rest
            .char_indices()
            .find(|&(_, c)| !c.is_whitespace() || c == '\n' || c == '\r');
        match first {
            None => return Some((start, brk)),
            Some((_, '\n' | '\r')) => return Some((start, brk)),
            Some((o, _)) => line_end = next_line + o,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some((s, e)) = next_paragraph(text, pos) {
            out.push(&text[s..e]);
            pos = e;
        }
        out
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(all("a\nb\n\nc"), ["a\nb", "c"]);
        assert_eq!(all("a\r\n \t\r\nb\r\n"), ["a", "b"]);
        assert_eq!(all("a\r\rb"), ["a", "b"]);
        assert_eq!(all("  \n\n "), Vec::<&str>::new());
        assert_eq!(all("one line"), ["one line"]);
    }
}
