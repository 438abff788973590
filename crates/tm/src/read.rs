//! Reading a translated file of any supported format.

use crate::error::Error;
use crate::translation::Translation;
use crate::{dom, po, tmx, tsv, xliff2, xliff12};

/// Reads a translated TMX, XLIFF (1.2 or 2.x), PO or TSV file. The format is
/// recognised from the content: an XML document (declaration, comment or a
/// `tmx`/`xliff` root at the start), a `msgid "` or `msgctxt "` line without
/// a tab (PO escapes tabs; a TSV row has two, so a sentence that starts with
/// `msgid ` keeps its TSV file TSV), or else tab-separated rows.
///
/// ```
/// use excerpt_tm::{read, Format, TargetPiece};
///
/// let t = read("Hello.\tBonjour.\tp1.s1\n").unwrap();
/// assert_eq!(t.format, Format::Tsv);
/// assert_eq!(t.units[0].id, "p1.s1");
/// assert_eq!(t.units[0].target, Some(vec![TargetPiece::Text("Bonjour.".into())]));
/// ```
pub fn read(text: &str) -> Result<Translation, Error> {
    let body = text.trim_start_matches('\u{feff}');
    let head = body.trim_start();
    if ["<?xml", "<!", "<tmx", "<xliff"]
        .iter()
        .any(|p| head.starts_with(p))
    {
        let tree = dom::parse(body).map_err(|e| Error::parse("xml", e))?;
        let root = tree.root();
        return match root.name() {
            "tmx" => tmx::read(&root),
            "xliff" if root.attr("version").is_some_and(|v| v.starts_with('1')) => {
                xliff12::read(&root)
            }
            "xliff" => xliff2::read(&root),
            _ => Err(Error::UnknownFormat),
        };
    }
    if body.lines().any(is_po_keyword_line) {
        return po::read(body);
    }
    if body.trim().is_empty() || body.lines().any(|l| l.contains('\t')) {
        return tsv::read(body);
    }
    Err(Error::UnknownFormat)
}

/// A PO file's `msgid "..."` or `msgctxt "..."` line.
fn is_po_keyword_line(line: &str) -> bool {
    (line.starts_with("msgid \"") || line.starts_with("msgctxt \"")) && !line.contains('\t')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{Format, XliffVersion};

    #[test]
    fn detects_each_format() {
        let tmx = r#"<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body/></tmx>"#;
        assert_eq!(read(tmx).unwrap().format, Format::Tmx);
        let x12 = r#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>"#;
        assert_eq!(read(x12).unwrap().format, Format::Xliff(XliffVersion::V1_2));
        let x20 = r#"<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>"#;
        assert_eq!(read(x20).unwrap().format, Format::Xliff(XliffVersion::V2_0));
        assert_eq!(
            read("msgid \"\"\nmsgstr \"\"\n").unwrap().format,
            Format::Po
        );
        assert!(matches!(read("plain text"), Err(Error::UnknownFormat)));
        assert_eq!(read("<b>Hi.</b>\t\tp1.s1\n").unwrap().format, Format::Tsv);
    }

    #[test]
    fn a_tsv_row_that_starts_like_po_is_tsv() {
        // found by the merge fuzz target: a sentence opening with `msgctxt `
        let tsv = "Spain.\tSpain.\tp1.s1\nmsgctxt In the fifteenth.\tmsgctxt Im.\tp1.s2\n";
        let t = read(tsv).unwrap();
        assert_eq!(t.format, Format::Tsv);
        assert_eq!(t.units[1].id, "p1.s2");
        let quoted = "msgid \"x\"\tmsgid \"y\"\tp1.s1\n";
        assert_eq!(read(quoted).unwrap().format, Format::Tsv);
    }
}
