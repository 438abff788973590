//! Gettext PO: one entry per segment, `msgctxt` = segment id.
//!
//! Strings use the C escapes of gettext: `\\`, `\"`, `\n`, `\t`, `\r`; a
//! character XML 1.0 forbids is written as octal escapes of its UTF-8 bytes
//! (`\001`, `\357\277\276`), which gettext reads back as those bytes. A
//! segment with line breaks is split into one quoted string per line. The
//! header records the segmentation options (`X-Excerpt-Options`).

use crate::document::Document;
use crate::error::Error;
use crate::format::{Format, TargetMode, WriteOptions};
use crate::inline::{TargetPiece, is_xml_invalid};
use crate::translation::{Translation, Unit};

/// Escapes `s` for a PO string (without the quotes).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_xml_invalid(c) || c == '\u{7f}' => {
                for b in c.encode_utf8(&mut [0; 4]).bytes() {
                    out.push_str(&format!("\\{b:03o}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Writes `keyword "..."`, one quoted string per line of `s`.
fn write_string(out: &mut String, keyword: &str, s: &str) {
    let lines: Vec<&str> = s.split_inclusive('\n').collect();
    if lines.len() <= 1 {
        out.push_str(&format!("{keyword} \"{}\"\n", escape(s)));
    } else {
        out.push_str(&format!("{keyword} \"\"\n"));
        for line in lines {
            out.push_str(&format!("\"{}\"\n", escape(line)));
        }
    }
}

/// Writes `doc` as a PO file.
pub(crate) fn write(doc: &Document<'_>, opts: &WriteOptions) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# Segments of {}\n",
        opts.original.replace('\n', " ")
    ));
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    let mut header = vec![
        format!("Project-Id-Version: {}", opts.original),
        "MIME-Version: 1.0".to_string(),
        "Content-Type: text/plain; charset=UTF-8".to_string(),
        "Content-Transfer-Encoding: 8bit".to_string(),
    ];
    if let Some(lang) = &opts.target_lang {
        header.push(format!("Language: {lang}"));
    }
    header.push(format!("X-Generator: excerpt {}", opts.tool_version));
    header.push(format!("X-Excerpt-Source-Language: {}", doc.options().lang));
    header.push(format!("X-Excerpt-Options: {}", doc.options().to_line()));
    header.push(format!(
        "X-Excerpt-Source: {}",
        crate::Fingerprint::of(doc.text())
    ));
    for field in header {
        out.push_str(&format!("\"{}\\n\"\n", escape(&field.replace('\n', " "))));
    }
    for s in doc.segments() {
        out.push('\n');
        out.push_str(&format!("#. words: {}\n", s.words()));
        if let Some(map) = s.placeholder_map() {
            out.push_str(&format!("#. codes: {}\n", map.replace('\n', " ")));
        }
        write_string(&mut out, "msgctxt", s.id());
        let text = s.placeholder_text();
        write_string(&mut out, "msgid", &text);
        let target = if opts.target == TargetMode::Source {
            &text
        } else {
            ""
        };
        write_string(&mut out, "msgstr", target);
    }
    out
}

/// Undoes [`escape`]; octal and `\xHH` escapes give bytes.
fn unescape(s: &str, line: usize) -> Result<String, Error> {
    let mut bytes = Vec::with_capacity(s.len());
    let mut it = s.bytes().peekable();
    while let Some(b) = it.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        let e = it.next().ok_or_else(|| {
            Error::parse("po", format!("line {line}: backslash at end of string"))
        })?;
        match e {
            b'n' => bytes.push(b'\n'),
            b't' => bytes.push(b'\t'),
            b'r' => bytes.push(b'\r'),
            b'a' => bytes.push(7),
            b'b' => bytes.push(8),
            b'f' => bytes.push(12),
            b'v' => bytes.push(11),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match it.peek() {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            it.next();
                        }
                        _ => break,
                    }
                }
                bytes.push(v as u8);
            }
            b'x' => {
                // as in C, every hex digit that follows belongs to the
                // escape, and a value above 0xFF is an error
                let mut v = 0u32;
                while let Some(&d) = it.peek().filter(|d| d.is_ascii_hexdigit()) {
                    v = v
                        .saturating_mul(16)
                        .saturating_add((d as char).to_digit(16).unwrap_or(0));
                    it.next();
                }
                let byte = u8::try_from(v).map_err(|_| {
                    Error::parse(
                        "po",
                        format!("line {line}: \\x escape out of range (above \\xFF)"),
                    )
                })?;
                bytes.push(byte);
            }
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).map_err(|_| Error::parse("po", format!("line {line}: not UTF-8")))
}

/// The value of a quoted string at the start of `rest`.
fn quoted(rest: &str, line: usize) -> Result<String, Error> {
    let rest = rest.trim();
    let inner = rest
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .ok_or_else(|| Error::parse("po", format!("line {line}: expected a quoted string")))?;
    unescape(inner, line)
}

#[derive(Default)]
struct Entry {
    ctxt: Option<String>,
    id: Option<String>,
    target: Option<String>,
}

/// Reads a PO file: every entry with a `msgctxt` is a unit.
pub(crate) fn read(text: &str) -> Result<Translation, Error> {
    let mut t = Translation::new(Format::Po);
    let mut entries = Vec::new();
    let mut cur = Entry::default();
    let mut field: Option<&'static str> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r').trim_start();
        let n = n + 1;
        if line.starts_with("#~") {
            field = None;
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = if line.starts_with('"') {
            (
                field.ok_or_else(|| {
                    Error::parse("po", format!("line {n}: string without keyword"))
                })?,
                line,
            )
        } else {
            let (k, r) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let key = match k {
                "msgctxt" => "msgctxt",
                "msgid" => "msgid",
                "msgstr" | "msgstr[0]" => "msgstr",
                _ => {
                    field = Some("ignored");
                    continue;
                }
            };
            let starts_entry = key == "msgctxt" || (key == "msgid" && field != Some("msgctxt"));
            if starts_entry && (cur.id.is_some() || cur.ctxt.is_some()) {
                entries.push(std::mem::take(&mut cur));
            }
            match key {
                "msgctxt" => cur.ctxt = Some(String::new()),
                "msgid" => cur.id = Some(String::new()),
                _ => cur.target = Some(String::new()),
            }
            field = Some(key);
            (key, r)
        };
        let value = quoted(rest, n)?;
        let slot = match key {
            "msgctxt" => &mut cur.ctxt,
            "msgid" => &mut cur.id,
            "msgstr" => &mut cur.target,
            _ => continue,
        };
        if let Some(s) = slot.as_mut() {
            s.push_str(&value);
        }
    }
    if cur.id.is_some() {
        entries.push(cur);
    }
    for e in entries {
        match e.ctxt {
            Some(ctxt) => t.units.push(Unit {
                id: ctxt,
                target: e.target.map(|s| vec![TargetPiece::Text(s)]),
            }),
            None if e.id.as_deref() == Some("") => {
                for field in e.target.unwrap_or_default().lines() {
                    if let Some(v) = field.strip_prefix("X-Excerpt-Options:") {
                        t.options = crate::SegmentOptions::from_line(v);
                    } else if let Some(v) = field.strip_prefix("X-Excerpt-Source:") {
                        t.source = crate::Fingerprint::parse(v);
                    } else if let Some(v) = field.strip_prefix("Language:") {
                        t.target_lang = Some(v.trim().to_string()).filter(|l| !l.is_empty());
                    }
                }
            }
            None => {}
        }
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_round_trip() {
        let s = "a\\b \"q\"\n\tc\r\u{1}\u{FFFE}é";
        let e = escape(s);
        assert!(!e.contains('\n') && !e.contains('\u{1}') && !e.contains('\u{FFFE}'));
        assert_eq!(unescape(&e, 1).unwrap(), s);
    }

    #[test]
    fn a_hex_escape_above_ff_is_an_error_not_an_overflow() {
        assert_eq!(unescape("\\x41 \\x7e", 1).unwrap(), "A ~");
        // a run of hex digits long enough to overflow 32 bits (found by
        // fuzzing read_po: it panicked with a multiply overflow)
        let long = format!("Caf\\xC{}", "0".repeat(40));
        let err = unescape(&long, 7).unwrap_err().to_string();
        assert!(err.contains("line 7"), "{err}");
        assert!(err.contains("out of range"), "{err}");
        assert!(unescape("\\x100", 2).is_err());
        let po = format!(
            "msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"p1.s1\"\nmsgid \"One.\"\nmsgstr \"{long}\"\n"
        );
        let err = read(&po).unwrap_err().to_string();
        assert!(
            err.contains("line 6") && err.contains("out of range"),
            "{err}"
        );
    }

    #[test]
    fn multi_line_strings_are_split_after_line_feeds() {
        let mut out = String::new();
        write_string(&mut out, "msgid", "one\ntwo");
        assert_eq!(out, "msgid \"\"\n\"one\\n\"\n\"two\"\n");
    }

    #[test]
    fn reads_entries_and_header() {
        let po = "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\"X-Excerpt-Options: lang=en newline-boundary=true protect=\\n\"\n\n\
                  msgctxt \"p1.s1\"\nmsgid \"\"\n\"A\\n\"\n\"B\"\nmsgstr \"X\"\n\"Y\"\n";
        let t = read(po).unwrap();
        assert_eq!(t.target_lang.as_deref(), Some("de"));
        assert!(t.options.unwrap().newline_boundary);
        assert_eq!(
            t.units,
            [Unit::new(
                "p1.s1",
                Some(vec![TargetPiece::Text("XY".into())])
            )]
        );
    }

    #[test]
    fn unquoted_value_is_an_error() {
        assert!(read("msgctxt p1\nmsgid \"a\"\nmsgstr \"\"\n").is_err());
    }
}
