//! XLIFF 1.2: one `trans-unit` per sentence, grouped per paragraph, with
//! `xml:space="preserve"`.
//!
//! Inline codes: a character XML 1.0 forbids is an empty `ph` whose `ctype`
//! names the code point (`x-xml-invalid-U+0001`); a protected span is an `x`
//! with the span as `equiv-text`; a document's markup is a `bpt`/`ept` pair
//! (`rid` links the two) holding the original tags, or an `x` when it
//! stands alone. Their `id` is the code's number. The segmentation options
//! are a header note from `excerpt-options`.

use crate::document::{Document, Segment};
use crate::dom::{Element, Node};
use crate::error::Error;
use crate::format::{Format, TargetMode, WriteOptions, XliffVersion};
use crate::inline::{CodeKind, Piece, TargetPiece};
use crate::translation::{Translation, Unit, char_from_label, push_text};
use crate::xml::XmlOut;
use std::borrow::Cow;

/// Writes `doc` as XLIFF 1.2.
pub(crate) fn write(doc: &Document<'_>, opts: &WriteOptions) -> Result<String, Error> {
    let target_lang = opts.xml_target_lang()?;
    let mut x = XmlOut::new();
    x.start(
        "xliff",
        &[
            ("version", "1.2"),
            ("xmlns", "urn:oasis:names:tc:xliff:document:1.2"),
        ],
    );
    x.raw("\n  ");
    let mut file = vec![
        ("original", opts.original.as_str()),
        ("source-language", doc.options().lang.as_str()),
    ];
    if let Some(lang) = target_lang {
        file.push(("target-language", lang));
    }
    file.push(("datatype", "plaintext"));
    x.start("file", &file);
    x.raw("\n    ");
    x.start("header", &[]);
    x.raw("\n      ");
    x.empty(
        "tool",
        &[
            ("tool-id", "excerpt"),
            ("tool-name", "excerpt"),
            ("tool-version", &opts.tool_version),
        ],
    );
    x.raw("\n      ");
    x.text_element(
        "note",
        &[("from", "excerpt-options")],
        &doc.options().to_line(),
    );
    x.raw("\n      ");
    let fingerprint = crate::Fingerprint::of(doc.text()).to_string();
    x.text_element("note", &[("from", "excerpt-source")], &fingerprint);
    x.raw("\n    ");
    x.end("header");
    x.raw("\n    ");
    x.start("body", &[]);
    for paragraph in doc.paragraphs() {
        x.raw("\n      ");
        x.start(
            "group",
            &[
                ("id", &paragraph[0].paragraph_id()),
                ("restype", "x-paragraph"),
            ],
        );
        for s in paragraph {
            x.raw("\n        ");
            x.start("trans-unit", &[("id", s.id()), ("xml:space", "preserve")]);
            x.start("source", &[]);
            write_pieces(&mut x, s, doc);
            x.end("source");
            if target_lang.is_some() {
                if opts.target == TargetMode::Source {
                    x.start("target", &[("state", "needs-translation")]);
                    write_pieces(&mut x, s, doc);
                } else {
                    x.start("target", &[("state", "new")]);
                }
                x.end("target");
            }
            x.text_element(
                "note",
                &[("from", "excerpt")],
                &format!("words: {}", s.words()),
            );
            x.end("trans-unit");
        }
        x.raw("\n      ");
        x.end("group");
    }
    x.raw("\n    ");
    x.end("body");
    x.raw("\n  ");
    x.end("file");
    x.raw("\n");
    x.end("xliff");
    Ok(x.finish())
}

fn write_pieces(x: &mut XmlOut, s: &Segment<'_>, doc: &Document<'_>) {
    let pieces = s.pieces(doc.options().protect, true);
    let pairs = crate::inline::pairs(&pieces);
    for piece in pieces {
        match piece {
            Piece::Text(t) => x.text(t),
            Piece::Code(c) => {
                let id = c.index.to_string();
                let pair = pairs.iter().find(|p| p.0 == c.index || p.1 == c.index);
                match (c.kind, pair) {
                    (CodeKind::Open, Some(&(open, _))) => {
                        x.start("bpt", &[("id", &id), ("rid", &open.to_string())]);
                        x.text(c.text);
                        x.end("bpt");
                        continue;
                    }
                    (CodeKind::Close, Some(&(open, _))) => {
                        x.start("ept", &[("id", &id), ("rid", &open.to_string())]);
                        x.text(c.text);
                        x.end("ept");
                        continue;
                    }
                    _ => {}
                }
                match c.kind {
                    CodeKind::XmlInvalid => {
                        let ctype = format!("x-xml-invalid-{}", c.code_point_label());
                        x.empty("ph", &[("id", &id), ("ctype", &ctype)]);
                    }
                    kind => {
                        let ctype = format!("x-{}", kind.name());
                        x.empty(
                            "x",
                            &[("id", &id), ("ctype", &ctype), ("equiv-text", c.text)],
                        );
                    }
                }
            }
        }
    }
}

/// Reads an XLIFF 1.2 document: every `trans-unit` with its id and target.
pub(crate) fn read(root: &Element) -> Result<Translation, Error> {
    let mut t = Translation::new(Format::Xliff(XliffVersion::V1_2));
    let mut files = Vec::new();
    root.descendants("file", &mut files);
    if let Some(file) = files.first() {
        t.target_lang = file.attr("target-language").map(Cow::into_owned);
    }
    let mut notes = Vec::new();
    root.descendants("note", &mut notes);
    t.options = notes
        .iter()
        .find(|n| n.attr("from").as_deref() == Some("excerpt-options"))
        .and_then(|n| crate::SegmentOptions::from_line(&n.text()));
    t.source = notes
        .iter()
        .find(|n| n.attr("from").as_deref() == Some("excerpt-source"))
        .and_then(|n| crate::Fingerprint::parse(&n.text()));
    let mut units = Vec::new();
    root.descendants("trans-unit", &mut units);
    for (n, tu) in units.into_iter().enumerate() {
        let id = tu
            .attr("id")
            .map_or_else(|| format!("#{}", n + 1), Cow::into_owned);
        let target = tu.child("target").map(|tg| {
            let mut out = Vec::new();
            collect(&tg, &mut out);
            out
        });
        t.units.push(Unit { id, target });
    }
    Ok(t)
}

fn collect(e: &Element, out: &mut Vec<TargetPiece>) {
    for node in e.children() {
        match node {
            Node::Text(t) => push_text(out, &t),
            Node::Element(c) => match c.name() {
                "ph" | "x" | "bpt" | "ept" | "it" | "bx" | "ex" => {
                    match c.attr("id").and_then(|id| id.parse().ok()) {
                        Some(index) => out.push(TargetPiece::Code {
                            index,
                            fallback: c.attr("ctype").as_deref().and_then(char_from_label),
                        }),
                        None => push_text(out, &c.text()),
                    }
                }
                "g" | "mrk" => collect(&c, out),
                _ => {}
            },
        }
    }
}
