//! The bytes of a web page as text: a byte-order mark, else valid UTF-8,
//! else the page's declared `<meta charset>`, else windows-1252.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a page a `<meta charset>` is looked for.
const SNIFF_BYTES: usize = 4096;

/// Decodes a web page's bytes: a byte-order mark decides; bytes that are
/// valid UTF-8 are UTF-8 (a page that claims a legacy encoding but is valid
/// UTF-8 almost always is UTF-8); else the encoding the page declares in
/// its first 4 KB (`<meta charset=...>` or `content="text/html;
/// charset=..."`); else windows-1252, as browsers do. Undecodable bytes
/// become U+FFFD: an extractor reads what it can.
///
/// ```
/// let page = b"<meta charset=iso-8859-1><p>Caf\xe9</p>";
/// let (text, encoding) = excerpt_extract::decode(page);
/// assert_eq!(encoding.name(), "windows-1252");
/// assert!(text.contains("Café"));
/// ```
pub fn decode(bytes: &[u8]) -> (String, &'static Encoding) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), encoding);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), UTF_8);
    }
    let encoding = declared(&bytes[..bytes.len().min(SNIFF_BYTES)]).unwrap_or(WINDOWS_1252);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding)
}

/// The encoding named by the first `charset=` in `head` (UTF-16 labels,
/// which cannot describe an ASCII-compatible page, are read as UTF-8).
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset") {
        let mut i = from + at + b"charset".len();
        from = i;
        while lower.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || b"-_.:".contains(b)))
            .map_or(lower.len(), |n| i + n);
        if let Some(encoding) = Encoding::for_label(&lower[i..end]) {
            return Some(if encoding.name().starts_with("UTF-16") {
                UTF_8
            } else {
                encoding
            });
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_decides_and_is_left_out() {
        let (text, enc) = decode(b"\xFF\xFEh\0i\0");
        assert_eq!((text.as_str(), enc.name()), ("hi", "UTF-16LE"));
        let (text, enc) = decode(b"\xEF\xBB\xBF<p>x");
        assert_eq!((text.as_str(), enc.name()), ("<p>x", "UTF-8"));
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_declaration() {
        let (text, enc) = decode("<meta charset=iso-8859-1><p>Café".as_bytes());
        assert_eq!(enc.name(), "UTF-8");
        assert!(text.ends_with("Café"));
    }

    #[test]
    fn the_declared_charset_decodes_legacy_bytes() {
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\"><p>\xb1";
        let (text, enc) = decode(page);
        assert_eq!(enc.name(), "ISO-8859-2");
        assert!(text.ends_with('\u{0105}'));
        let (text, enc) = decode(b"<meta charset='shift_jis'><p>\x83\x65");
        assert_eq!(enc.name(), "Shift_JIS");
        assert!(text.ends_with('\u{30c6}'));
    }

    #[test]
    fn undeclared_legacy_bytes_are_windows_1252() {
        let (text, enc) = decode(b"<p>na\xefve \x93quoted\x94");
        assert_eq!(enc.name(), "windows-1252");
        assert_eq!(text, "<p>na\u{ef}ve \u{201c}quoted\u{201d}");
    }

    #[test]
    fn a_utf16_declaration_in_ascii_bytes_means_utf8() {
        assert_eq!(declared(b"<meta charset=\"utf-16\">"), Some(UTF_8));
        assert_eq!(declared(b"<meta name=charset>"), None);
    }
}
