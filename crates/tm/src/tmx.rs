//! TMX 1.4: one `tu` per segment; inline codes as `ph`.
//!
//! The header carries the segmentation options in
//! `<prop type="x-excerpt-options">`, so merge can cut the original the same
//! way again. Each `tu` has the segment id as `tuid` and a `prop` with the
//! paragraph id. A target `tuv` is written only when a target language is
//! given.
//!
//! Inline codes are empty `ph` elements: `x` is the code's number in the
//! segment and `type` says what it stands for (`x-url`, `x-tag`, ...,
//! `x-xml-invalid-U+0001`). They are empty so that every TMX reader sees the
//! same segment text (some drop `ph` content, some keep it); merge takes the
//! code's text from the original.

use crate::document::{Document, Segment};
use crate::dom::{Element, Node};
use crate::error::Error;
use crate::format::{Format, TargetMode, WriteOptions};
use crate::inline::{CodeKind, Piece, TargetPiece};
use crate::translation::{Translation, Unit, char_from_label, push_text};
use crate::xml::XmlOut;
use std::borrow::Cow;

/// Writes `doc` as TMX 1.4.
pub(crate) fn write(doc: &Document<'_>, opts: &WriteOptions) -> Result<String, Error> {
    let target_lang = opts.xml_target_lang()?;
    let src = doc.options().lang.as_str();
    let mut x = XmlOut::new();
    x.doctype(r#"tmx SYSTEM "tmx14.dtd""#);
    x.start("tmx", &[("version", "1.4")]);
    x.raw("\n  ");
    x.start(
        "header",
        &[
            ("creationtool", "excerpt"),
            ("creationtoolversion", &opts.tool_version),
            ("segtype", "sentence"),
            ("o-tmf", "excerpt"),
            ("adminlang", "en"),
            ("srclang", src),
            ("datatype", "plaintext"),
        ],
    );
    x.raw("\n    ");
    x.text_element(
        "prop",
        &[("type", "x-excerpt-options")],
        &doc.options().to_line(),
    );
    x.raw("\n    ");
    x.text_element("prop", &[("type", "x-excerpt-original")], &opts.original);
    x.raw("\n    ");
    let fingerprint = crate::Fingerprint::of(doc.text()).to_string();
    x.text_element("prop", &[("type", "x-excerpt-source")], &fingerprint);
    x.raw("\n  ");
    x.end("header");
    x.raw("\n  ");
    x.start("body", &[]);
    for s in doc.segments() {
        x.raw("\n    ");
        x.start("tu", &[("tuid", s.id())]);
        x.raw("\n      ");
        x.text_element("prop", &[("type", "x-paragraph")], &s.paragraph_id());
        x.raw("\n      ");
        x.text_element("prop", &[("type", "x-words")], &s.words().to_string());
        x.raw("\n      ");
        write_tuv(&mut x, src, Some(s), doc);
        if let Some(lang) = target_lang {
            x.raw("\n      ");
            let copy = (opts.target == TargetMode::Source).then_some(s);
            write_tuv(&mut x, lang, copy, doc);
        }
        x.raw("\n    ");
        x.end("tu");
    }
    x.raw("\n  ");
    x.end("body");
    x.raw("\n");
    x.end("tmx");
    Ok(x.finish())
}

fn write_tuv(x: &mut XmlOut, lang: &str, seg: Option<&Segment<'_>>, doc: &Document<'_>) {
    x.start("tuv", &[("xml:lang", lang)]);
    x.start("seg", &[]);
    if let Some(seg) = seg {
        for piece in seg.pieces(doc.options().protect, true) {
            match piece {
                Piece::Text(t) => x.text(t),
                Piece::Code(c) => {
                    let n = c.index.to_string();
                    let kind = match c.kind {
                        CodeKind::XmlInvalid => format!("x-xml-invalid-{}", c.code_point_label()),
                        kind => format!("x-{}", kind.name()),
                    };
                    x.empty("ph", &[("x", &n), ("type", &kind)]);
                }
            }
        }
    }
    x.end("seg");
    x.end("tuv");
}

/// Reads a TMX document: the tuid of each `tu` and the first `tuv` in another
/// language than the header's `srclang` as its target (or the second `tuv`
/// when every one is in `srclang`).
pub(crate) fn read(root: &Element) -> Result<Translation, Error> {
    let header = root
        .child("header")
        .ok_or_else(|| Error::parse("tmx", "no <header>"))?;
    let srclang = header
        .attr("srclang")
        .as_deref()
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut t = Translation::new(Format::Tmx);
    for prop in header.children_named("prop") {
        match prop.attr("type").as_deref() {
            Some("x-excerpt-options") => t.options = crate::SegmentOptions::from_line(&prop.text()),
            Some("x-excerpt-source") => t.source = crate::Fingerprint::parse(&prop.text()),
            _ => {}
        }
    }
    let body = root
        .child("body")
        .ok_or_else(|| Error::parse("tmx", "no <body>"))?;
    for (n, tu) in body.children_named("tu").enumerate() {
        let id = tu
            .attr("tuid")
            .map_or_else(|| format!("#{}", n + 1), Cow::into_owned);
        // The target is the first tuv in another language; when both are
        // in the source language, the second tuv.
        let target = tu
            .children_named("tuv")
            .find(|tuv| {
                let lang = tuv.attr("xml:lang").or(tuv.attr("lang"));
                lang.as_deref().unwrap_or("").to_ascii_lowercase() != srclang
            })
            .or_else(|| tu.children_named("tuv").nth(1));
        if let Some(tuv) = target {
            let lang = tuv.attr("xml:lang").or(tuv.attr("lang"));
            t.target_lang = t.target_lang.or(lang.map(Cow::into_owned));
        }
        let pieces = target
            .and_then(|tuv| tuv.child("seg"))
            .map(|seg| seg_pieces(&seg));
        t.units.push(Unit { id, target: pieces });
    }
    Ok(t)
}

/// The pieces of a `seg`: text, `ph` as codes, the text of other inline
/// elements (`hi`, `bpt`, ...) dropped except `hi`, whose content is text.
fn seg_pieces(seg: &Element) -> Vec<TargetPiece> {
    let mut out = Vec::new();
    collect(seg, &mut out);
    out
}

fn collect(e: &Element, out: &mut Vec<TargetPiece>) {
    for node in e.children() {
        match node {
            Node::Text(t) => push_text(out, &t),
            Node::Element(c) if c.name() == "ph" => {
                match c.attr("x").and_then(|x| x.parse().ok()) {
                    Some(index) => out.push(TargetPiece::Code {
                        index,
                        fallback: c.attr("type").as_deref().and_then(char_from_label),
                    }),
                    None => push_text(out, &c.text()),
                }
            }
            Node::Element(c) if c.name() == "hi" => collect(&c, out),
            Node::Element(_) => {}
        }
    }
}
