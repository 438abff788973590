//! Line breaks inside a paragraph: hard-wrapped prose or one unit a line.

use memchr::memchr2;

use crate::chars;

/// The shape of a paragraph's lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LineShape {
    /// The lines look hard-wrapped: most lines but the last are nearly as
    /// long as the longest, so a line break is only a space.
    pub wrapped: bool,
    /// Length of the longest line, in characters.
    pub width: usize,
}

impl LineShape {
    /// Measures the lines of `para` (a paragraph without blank lines).
    pub(crate) fn measure(para: &str) -> LineShape {
        let bytes = para.as_bytes();
        let mut lens = Vec::new();
        let mut start = 0;
        while start <= bytes.len() {
            let end = memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |o| start + o);
            let n = char_len(para[start..end].trim());
            if n > 0 {
                lens.push(n);
            }
            start = end + 1;
        }
        let width = lens.iter().copied().max().unwrap_or(0);
        let body = &lens[..lens.len().saturating_sub(1)];
        let long = body.iter().filter(|&&n| n * 10 >= width * 6).count();
        LineShape {
            wrapped: !body.is_empty() && long * 3 >= body.len() * 2,
            width,
        }
    }
}

/// Number of characters in `s` (counts the bytes that start one).
fn char_len(s: &str) -> usize {
    s.bytes().filter(|&b| b & 0xC0 != 0x80).count()
}

/// Whether `line` starts with a list bullet or marker: "• x", "- x",
/// "* x", "3. x", "3) x", "(b) x", "iv. x".
pub(crate) fn starts_list_item(line: &str) -> bool {
    let mut it = line.chars();
    let Some(first) = it.next() else { return false };
    let rest = it.as_str();
    if chars::is_bullet(first) {
        return true;
    }
    if matches!(first, '-' | '*' | '+' | '–' | '—' | '·') {
        return rest.starts_with([' ', '\t']);
    }
    let body = line.strip_prefix('(').unwrap_or(line);
    let tok_len = body
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .map(char::len_utf8)
        .sum::<usize>();
    if tok_len == 0 || tok_len > 4 {
        return false;
    }
    let tok = &body[..tok_len];
    let is_marker = tok.bytes().all(|b| b.is_ascii_digit())
        || (tok.len() == 1 && tok.as_bytes()[0].is_ascii_alphabetic())
        || tok.bytes().all(|b| b"ivxlcdm".contains(&b))
        || tok.bytes().all(|b| b"IVXLCDM".contains(&b));
    if !is_marker {
        return false;
    }
    let after = &body[tok_len..];
    let after = after.strip_prefix('.').unwrap_or(after);
    let after = after.strip_prefix(')').unwrap_or(after);
    after.len() < body[tok_len..].len() && after.starts_with([' ', '\t'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_wrapped_prose_is_wrapped() {
        let p = "This paragraph was wrapped at a fixed width by\nan editor, so its lines are all about as long as\neach other, except the last.";
        assert!(LineShape::measure(p).wrapped);
    }

    #[test]
    fn heading_over_prose_is_not_wrapped() {
        let p =
            "Results\nThe survey found that most readers prefer short summaries of long reports.";
        assert!(!LineShape::measure(p).wrapped);
    }

    #[test]
    fn list_markers() {
        for l in [
            "• milk",
            "- eggs",
            "3. flour",
            "3) flour",
            "(b) sugar",
            "iv. salt",
            "a) yeast",
        ] {
            assert!(starts_list_item(l), "{l}");
        }
        for l in ["Dr. Who", "3.14 is pi", "-5 degrees", "Hello"] {
            assert!(!starts_list_item(l), "{l}");
        }
    }
}
