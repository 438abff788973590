//! JSON strings written fast, for the corpus commands' JSON Lines.
//!
//! `segment --jsonl` writes the text of every segment of a corpus, so the
//! escaping of JSON strings is one of its largest costs; serde_json looks
//! at each byte in turn. Here eight bytes are tested at once and runs that
//! need no escape are copied whole. The output is serde_json's, byte for
//! byte (see the tests).

/// Appends `text` to `out` as a JSON string (quotes included), escaped
/// exactly as `serde_json::to_string(text)` escapes it: `"` and `\` with a
/// backslash, `\b \f \n \r \t` by name, other control characters as
/// `\u00xx`, everything else as it is.
pub fn push_json_str(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        while let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if any_escape(word) {
                break;
            }
            i += 8;
        }
        let Some(&b) = bytes.get(i) else { break };
        if needs_escape(b) {
            // `b` is ASCII, so `i` is on a character boundary.
            out.push_str(&text[run..i]);
            push_escape(out, b);
            run = i + 1;
        }
        i += 1;
    }
    out.push_str(&text[run..]);
    out.push('"');
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Whether any of the eight bytes of `word` needs an escape (a control
/// character, `"` or `\`): the classic tests for a byte below a bound and
/// for a zero byte, on all eight lanes at once. A lane above 0x7F never
/// counts, so the bytes of a multi-byte character pass.
fn any_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let quote = word ^ (ONES * u64::from(b'"'));
    let quote = quote.wrapping_sub(ONES) & !quote & HIGH;
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let backslash = backslash.wrapping_sub(ONES) & !backslash & HIGH;
    below_space | quote | backslash != 0
}

fn push_escape(out: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        0x08 => out.push_str("\\b"),
        0x0C => out.push_str("\\f"),
        b'\n' => out.push_str("\\n"),
        b'\r' => out.push_str("\\r"),
        b'\t' => out.push_str("\\t"),
        _ => {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn json(text: &str) -> String {
        let mut out = String::new();
        push_json_str(&mut out, text);
        out
    }

    #[test]
    fn escapes_as_serde_json_does() {
        for text in [
            "",
            "plain words, eight+ bytes long",
            "a \"quote\" and a \\ backslash",
            "tab\there\nnew line\r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "ümlaut, 日本語, emoji 🙂 and \u{2028}",
            "\"\"\"\"\"\"\"\"\"",
            "1234567\n",
        ] {
            assert_eq!(json(text), serde_json::to_string(text).unwrap(), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn any_text_is_escaped_as_serde_json_escapes_it(text in "\\PC*|[\\x00-\\x7f]*|[\"\\\\\\x00-\\x1f a-z]*") {
            prop_assert_eq!(json(&text), serde_json::to_string(&text).unwrap());
        }
    }
}
