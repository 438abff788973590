//! Web pages as input: telling them from other input, and reading their
//! main content (for `extract`, and for `summarize` of a page).

use encoding_rs::Encoding;
use excerpt_doc::Format;
use excerpt_extract::Extracted;

use crate::doc_input::InputArg;

/// Whether the input named `name` with bytes `bytes` is read as a web page
/// under `--input` (as [`InputArg::resolve`] decides: `html` says so;
/// `auto` asks the name's extension, then whether the bytes start like an
/// HTML page).
pub fn is_web_page(input: InputArg, name: &str, bytes: &[u8]) -> bool {
    let head = if input == InputArg::Auto {
        head(bytes)
    } else {
        String::new()
    };
    input.resolve(name, &head) == Some(Format::Html)
}

/// The start of `bytes` as text, enough to sniff (a UTF-16 page is
/// decoded by its byte-order mark).
fn head(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(1024)];
    match Encoding::for_bom(head) {
        Some((encoding, bom)) => encoding
            .decode_without_bom_handling(&head[bom..])
            .0
            .into_owned(),
        None => String::from_utf8_lossy(head).into_owned(),
    }
}

/// The main content of the page `bytes`: decoded as `forced` says (from
/// `--encoding`; a byte-order mark still decides), or else by the page's
/// own byte-order mark, UTF-8 validity or `<meta charset>`.
pub fn read_page(bytes: &[u8], forced: Option<&'static Encoding>) -> Extracted {
    let text = match (forced, Encoding::for_bom(bytes)) {
        (Some(encoding), None) => encoding.decode_without_bom_handling(bytes).0.into_owned(),
        _ => excerpt_extract::decode(bytes).0,
    };
    excerpt_extract::extract(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_told_by_flag_name_then_content() {
        let page = b"<!doctype html><p>Hi</p>";
        assert!(is_web_page(InputArg::Auto, "<stdin>", page));
        assert!(is_web_page(InputArg::Auto, "a.htm", b"Hi."));
        assert!(!is_web_page(InputArg::Auto, "a.txt", b"Hi."));
        assert!(!is_web_page(InputArg::Auto, "a.md", page));
        assert!(!is_web_page(InputArg::Auto, "<stdin>", b"Plain words."));
        assert!(!is_web_page(InputArg::Text, "a.html", page));
        assert!(is_web_page(InputArg::Html, "a.txt", b"Hi."));
        assert!(is_web_page(
            InputArg::Auto,
            "<stdin>",
            b"\xFF\xFE<\0h\0t\0m\0l\0>\0"
        ));
    }

    #[test]
    fn forced_encodings_apply_unless_a_bom_decides() {
        let page = b"<title>Caf\xe9</title>";
        let got = read_page(page, Some(encoding_rs::WINDOWS_1252));
        assert_eq!(got.title.as_deref(), Some("Café"));
        let got = read_page(
            b"\xEF\xBB\xBF<title>Caf\xc3\xa9</title>",
            Some(encoding_rs::SHIFT_JIS),
        );
        assert_eq!(got.title.as_deref(), Some("Café"));
    }
}
