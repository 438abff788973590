//! XLIFF 2.0 and 2.1: one `unit` per paragraph, one `segment` per sentence,
//! the whitespace between sentences in `ignorable`.
//!
//! Inline codes are `ph` elements whose original data (in the unit's
//! `originalData`) is the protected text, or, for a character XML 1.0
//! forbids, a `cp` element with its code point (a C0 control) or nothing
//! (U+FFFE, U+FFFF; the `ph` names the code point in `disp`). A `ph` id is the segment id
//! followed by `.c` and the code's number (`p1.s2.c1`), so merge finds the
//! code again. The segmentation options are a file-level note with category
//! `x-excerpt-options`.

use crate::document::{Document, Segment};
use crate::dom::{Element, Node};
use crate::error::Error;
use crate::format::{Format, TargetMode, WriteOptions, XliffVersion};
use crate::inline::{CodeKind, Piece, TargetPiece, is_xml_invalid};
use crate::translation::{Translation, Unit, push_text};
use crate::xml::XmlOut;
use std::borrow::Cow;

/// Writes `doc` as XLIFF 2.0 or 2.1.
pub(crate) fn write(
    doc: &Document<'_>,
    opts: &WriteOptions,
    version: XliffVersion,
) -> Result<String, Error> {
    let target_lang = opts.xml_target_lang()?;
    let mut x = XmlOut::new();
    let mut root = vec![
        ("xmlns", "urn:oasis:names:tc:xliff:document:2.0"),
        ("version", version.as_str()),
        ("srcLang", doc.options().lang.as_str()),
    ];
    if let Some(lang) = target_lang {
        root.push(("trgLang", lang));
    }
    x.start("xliff", &root);
    x.raw("\n  ");
    x.start("file", &[("id", "f1"), ("original", &opts.original)]);
    x.raw("\n    ");
    x.start("notes", &[]);
    x.raw("\n      ");
    x.text_element(
        "note",
        &[("category", "x-excerpt-options")],
        &doc.options().to_line(),
    );
    x.raw("\n      ");
    x.text_element(
        "note",
        &[("category", "x-excerpt-source")],
        &crate::Fingerprint::of(doc.text()).to_string(),
    );
    x.raw("\n    ");
    x.end("notes");
    let segments = doc.segments();
    let mut first = 0;
    for paragraph in doc.paragraphs() {
        x.raw("\n    ");
        x.start("unit", &[("id", &paragraph[0].paragraph_id())]);
        write_original_data(&mut x, paragraph, doc);
        for (k, s) in paragraph.iter().enumerate() {
            if k > 0 {
                x.raw("\n      ");
                x.start("ignorable", &[]);
                x.start("source", &[("xml:space", "preserve")]);
                write_with_cp(&mut x, doc.gap(first + k));
                x.end("source");
                x.end("ignorable");
            }
            x.raw("\n      ");
            x.start("segment", &[("id", s.id()), ("state", "initial")]);
            x.start("source", &[("xml:space", "preserve")]);
            write_pieces(&mut x, s, doc);
            x.end("source");
            if target_lang.is_some() {
                x.start("target", &[("xml:space", "preserve")]);
                if opts.target == TargetMode::Source {
                    write_pieces(&mut x, s, doc);
                }
                x.end("target");
            }
            x.end("segment");
        }
        first += paragraph.len();
        x.raw("\n    ");
        x.end("unit");
    }
    debug_assert_eq!(first, segments.len());
    if segments.is_empty() {
        // A file needs a unit or a group; a text without segments gets an
        // empty group.
        x.raw("\n    ");
        x.empty("group", &[("id", "empty")]);
    }
    x.raw("\n  ");
    x.end("file");
    x.raw("\n");
    x.end("xliff");
    Ok(x.finish())
}

fn write_original_data(x: &mut XmlOut, paragraph: &[Segment<'_>], doc: &Document<'_>) {
    let mut opened = false;
    for s in paragraph {
        for piece in s.pieces(doc.options().protect, true) {
            let Piece::Code(c) = piece else { continue };
            if !opened {
                x.raw("\n      ");
                x.start("originalData", &[]);
                opened = true;
            }
            x.raw("\n        ");
            x.start("data", &[("id", &format!("{}.d{}", s.id(), c.index))]);
            match c.kind {
                // XLIFF 2's `cp` is for C0 controls; U+FFFE and U+FFFF
                // are named only by the `ph`'s `disp`.
                CodeKind::XmlInvalid if c.text.chars().all(cp_allowed) => write_with_cp(x, c.text),
                CodeKind::XmlInvalid => {}
                _ => write_with_cp(x, c.text),
            }
            x.end("data");
        }
    }
    if opened {
        x.raw("\n      ");
        x.end("originalData");
    }
}

fn write_pieces(x: &mut XmlOut, s: &Segment<'_>, doc: &Document<'_>) {
    let pieces = s.pieces(doc.options().protect, true);
    // Paired markup codes become `pc` elements around their content.
    let pairs = crate::inline::pairs(&pieces);
    let close_of = |open: usize| pairs.iter().find(|p| p.0 == open).map(|p| p.1);
    let paired_close = |close: usize| pairs.iter().any(|p| p.1 == close);
    for piece in pieces.iter() {
        match piece {
            Piece::Text(t) => x.text(t),
            Piece::Code(c) => {
                let id = format!("{}.c{}", s.id(), c.index);
                let data = format!("{}.d{}", s.id(), c.index);
                match (c.kind, close_of(c.index)) {
                    (CodeKind::Open, Some(close)) => {
                        let end = format!("{}.d{close}", s.id());
                        x.start(
                            "pc",
                            &[
                                ("id", &id),
                                ("dataRefStart", &data),
                                ("dataRefEnd", &end),
                                ("dispStart", c.text),
                            ],
                        );
                        continue;
                    }
                    (CodeKind::Close, _) if paired_close(c.index) => {
                        x.end("pc");
                        continue;
                    }
                    _ => {}
                }
                let disp = match c.kind {
                    CodeKind::XmlInvalid => c.code_point_label(),
                    _ => c.text.to_string(),
                };
                x.empty("ph", &[("id", &id), ("dataRef", &data), ("disp", &disp)]);
            }
        }
    }
}

/// True for the characters XLIFF 2 lets `cp` carry that XML 1.0 forbids:
/// the C0 controls (its Schematron rejects `cp` for U+FFFE and U+FFFF).
fn cp_allowed(c: char) -> bool {
    u32::from(c) < 0x20
}

/// Writes text in which XML-invalid characters become `<cp hex="..."/>`.
fn write_with_cp(x: &mut XmlOut, text: &str) {
    let mut start = 0;
    for (i, c) in text.char_indices().filter(|&(_, c)| is_xml_invalid(c)) {
        x.text(&text[start..i]);
        x.empty("cp", &[("hex", &format!("{:04X}", u32::from(c)))]);
        start = i + c.len_utf8();
    }
    x.text(&text[start..]);
}

/// Reads an XLIFF 2.x document: every `segment` with its id and target.
pub(crate) fn read(root: &Element) -> Result<Translation, Error> {
    let version = match root.attr("version").as_deref() {
        Some("2.0") => XliffVersion::V2_0,
        _ => XliffVersion::V2_1,
    };
    let mut t = Translation::new(Format::Xliff(version));
    t.target_lang = root.attr("trgLang").map(Cow::into_owned);
    let mut notes = Vec::new();
    root.descendants("note", &mut notes);
    t.options = notes
        .iter()
        .find(|n| n.attr("category").as_deref() == Some("x-excerpt-options"))
        .and_then(|n| crate::SegmentOptions::from_line(&n.text()));
    t.source = notes
        .iter()
        .find(|n| n.attr("category").as_deref() == Some("x-excerpt-source"))
        .and_then(|n| crate::Fingerprint::parse(&n.text()));
    let mut segments = Vec::new();
    root.descendants("segment", &mut segments);
    for (n, seg) in segments.into_iter().enumerate() {
        let id = seg
            .attr("id")
            .map_or_else(|| format!("#{}", n + 1), Cow::into_owned);
        let target = seg.child("target").map(|tg| {
            let mut out = Vec::new();
            collect(&tg, &id, &mut out);
            out
        });
        t.units.push(Unit { id, target });
    }
    Ok(t)
}

fn collect(e: &Element, seg_id: &str, out: &mut Vec<TargetPiece>) {
    for node in e.children() {
        match node {
            Node::Text(t) => push_text(out, &t),
            Node::Element(c) => match c.name() {
                "ph" => {
                    let id = c.attr("id");
                    let index = id
                        .as_deref()
                        .and_then(|id| id.strip_prefix(seg_id))
                        .and_then(|rest| rest.strip_prefix(".c"))
                        .and_then(|n| n.parse().ok());
                    if let Some(index) = index {
                        out.push(TargetPiece::Code {
                            index,
                            fallback: c
                                .attr("disp")
                                .as_deref()
                                .and_then(crate::translation::char_from_label),
                        });
                    }
                }
                "cp" => {
                    let ch = c
                        .attr("hex")
                        .and_then(|h| u32::from_str_radix(&h, 16).ok())
                        .and_then(char::from_u32);
                    if let Some(ch) = ch {
                        push_text(out, ch.encode_utf8(&mut [0; 4]));
                    }
                }
                // A paired code: its start, its content, its end.
                "pc" => {
                    let start = data_index(c.attr("dataRefStart").as_deref(), seg_id);
                    let end = data_index(c.attr("dataRefEnd").as_deref(), seg_id);
                    if let Some(index) = start {
                        out.push(TargetPiece::Code {
                            index,
                            fallback: None,
                        });
                    }
                    collect(&c, seg_id, out);
                    if let Some(index) = end {
                        out.push(TargetPiece::Code {
                            index,
                            fallback: None,
                        });
                    }
                }
                // A paired code that a tool wrote as two markers.
                "sc" | "ec" => {
                    if let Some(index) = data_index(c.attr("dataRef").as_deref(), seg_id) {
                        out.push(TargetPiece::Code {
                            index,
                            fallback: None,
                        });
                    }
                }
                // Markup a translator added: its text is translation.
                "mrk" => collect(&c, seg_id, out),
                _ => {}
            },
        }
    }
}

/// The code number in a `dataRef` such as `p1.s2.d3` of segment `p1.s2`.
fn data_index(data_ref: Option<&str>, seg_id: &str) -> Option<usize> {
    data_ref?
        .strip_prefix(seg_id)?
        .strip_prefix(".d")?
        .parse()
        .ok()
}
