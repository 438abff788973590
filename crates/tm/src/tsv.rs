//! Tab-separated values: `source TAB target TAB id`, one segment per row, no
//! header row.
//!
//! The column order is the one CAT tools' glossary and TM importers read
//! (OmegaT: source, target, comment); the id is the third column.
//!
//! Escaping: a backslash is written `\\`, a tab `\t`, a line feed `\n`, a
//! carriage return `\r`, and a character XML 1.0 forbids as `\u{XXXX}`.
//! Nothing else is escaped, so a row is one line with exactly three columns.

use crate::document::Document;
use crate::error::Error;
use crate::format::{Format, TargetMode, WriteOptions};
use crate::inline::{TargetPiece, is_xml_invalid};
use crate::translation::{Translation, Unit};

/// Escapes a cell.
///
/// ```
/// assert_eq!(excerpt_tm::tsv_escape("a\tb\nc\\"), "a\\tb\\nc\\\\");
/// ```
pub fn tsv_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_xml_invalid(c) => out.push_str(&format!("\\u{{{:04X}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// Undoes [`tsv_escape`]; an unknown escape keeps its backslash.
///
/// ```
/// assert_eq!(excerpt_tm::tsv_unescape("a\\tb\\u{0001}\\q"), "a\tb\u{1}\\q");
/// ```
pub fn tsv_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let mut consumed = 1;
        match after.chars().next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') if after.starts_with("u{") => {
                let decoded = after[2..].split_once('}').and_then(|(hex, _)| {
                    let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)?;
                    Some((c, hex.len() + 3))
                });
                match decoded {
                    Some((c, len)) => {
                        out.push(c);
                        consumed = len;
                    }
                    None => {
                        out.push('\\');
                        consumed = 0;
                    }
                }
            }
            _ => {
                out.push('\\');
                consumed = 0;
            }
        }
        rest = &after[consumed..];
    }
    out.push_str(rest);
    out
}

/// Writes `doc` as TSV.
pub(crate) fn write(doc: &Document<'_>, opts: &WriteOptions) -> String {
    let mut out = String::new();
    for s in doc.segments() {
        let source = tsv_escape(&s.placeholder_text());
        let target = if opts.target == TargetMode::Source {
            source.as_str()
        } else {
            ""
        };
        out.push_str(&format!("{source}\t{target}\t{}\n", tsv_escape(s.id())));
    }
    out
}

/// Reads TSV rows: the id from the third column, the target from the second.
pub(crate) fn read(text: &str) -> Result<Translation, Error> {
    let mut t = Translation::new(Format::Tsv);
    for (n, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(Error::parse(
                "tsv",
                format!(
                    "line {}: {} columns, expected source, target, id",
                    n + 1,
                    cols.len()
                ),
            ));
        }
        t.units.push(Unit {
            id: tsv_unescape(cols[2]),
            target: Some(vec![TargetPiece::Text(tsv_unescape(cols[1]))]),
        });
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_round_trip_on_awkward_text() {
        for s in [
            "",
            "\\",
            "\\t",
            "a\tb",
            "x\r\ny",
            "\u{1}\u{ffff}",
            "\\u{41}",
            "end\\",
        ] {
            let e = tsv_escape(s);
            assert!(!e.contains(['\t', '\n', '\r']));
            assert_eq!(tsv_unescape(&e), s, "{s:?}");
        }
    }

    #[test]
    fn short_rows_are_errors() {
        assert!(read("only\tsource\n").is_err());
    }
}
