//! The way back: a translated document from the original and the targets
//! of a translated file, with the markup of each code taken from the
//! original.

use crate::model::{Doc, Format, Run, RunKind};
use crate::segments::{Seg, Segmented};
use excerpt_tm::{
    CodeKind, Fingerprint, Merged, Piece, SegmentOptions, TargetPiece, Translation, pairs,
};
use std::collections::HashMap;
use std::ops::Range;

/// Why a translation cannot be merged.
///
/// ```
/// use excerpt_doc::MergeError;
///
/// let e = MergeError::Code { segment: "p2.s1".into(), detail: "code 1 (`**`) is missing".into() };
/// assert_eq!(e.to_string(), "segment p2.s1: code 1 (`**`) is missing");
/// ```
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MergeError {
    /// A target's inline codes do not match its source's.
    #[error("segment {segment}: {detail}")]
    Code {
        /// The segment id.
        segment: String,
        /// What is wrong.
        detail: String,
    },
    /// The recorded segmentation cannot be redone (SRX rules not loaded).
    #[error("{0}")]
    Segmentation(String),
}

/// Rebuilds a translated document from the original `source` of `format`
/// and a translated file. Segments are cut again with the options the
/// file records (or `fallback`); each segment with a target is replaced:
/// its codes take their markup from the original, its text is re-encoded
/// for the format (text that did not change comes back byte for byte).
/// A target that drops, repeats or misnests a code is an error that names
/// the segment.
///
/// ```
/// use excerpt_doc::{merge, Doc, Format, Segmented};
/// use excerpt_tm::{read, write, SegmentOptions, TargetMode, WriteOptions};
///
/// let html = "<p>Fish &amp; <b>chips</b>.</p>";
/// let opts = SegmentOptions::new("en").input(Some("html"));
/// let doc = Doc::parse(html, Format::Html);
/// let seg = Segmented::new(&doc, &opts);
/// let w = WriteOptions::new("menu.html").target("de", TargetMode::Source);
/// let xliff = write(&seg.document(opts.clone()), excerpt_tm::Format::Xliff(Default::default()), &w).unwrap();
/// let back = merge(html, Format::Html, &read(&xliff).unwrap(), &opts).unwrap();
/// assert_eq!(back.text, html);
///
/// let de = xliff.replace("<target xml:space=\"preserve\">Fish &amp; ", "<target xml:space=\"preserve\">Fisch &amp; ");
/// let back = merge(html, Format::Html, &read(&de).unwrap(), &opts).unwrap();
/// assert_eq!(back.text, "<p>Fisch &amp; <b>chips</b>.</p>");
/// ```
pub fn merge(
    source: &str,
    format: Format,
    translation: &Translation,
    fallback: &SegmentOptions,
) -> Result<Merged, MergeError> {
    let options = translation
        .options
        .clone()
        .unwrap_or_else(|| fallback.clone());
    let doc = Doc::parse(source, format);
    let splitter = options
        .splitter()
        .map_err(|e| MergeError::Segmentation(e.to_string()))?;
    let segmented = Segmented::with_splitter(&doc, &splitter);
    let tm = segmented.document(options.clone());
    let mut targets: HashMap<&str, &[TargetPiece]> = HashMap::new();
    for unit in &translation.units {
        if let (true, Some(t)) = (unit.has_target(), &unit.target) {
            targets.entry(unit.id.as_str()).or_insert(t);
        }
    }
    let xml = translation.format.is_xml();
    let mut untranslated = Vec::new();
    // Replacements of attribute values first: they may lie inside a code.
    let mut attr: Vec<(Range<usize>, String)> = Vec::new();
    let mut block = Vec::new();
    for (s, seg) in tm.segments().iter().zip(&segmented.segs) {
        let Some(target) = targets.get(s.id()) else {
            untranslated.push(s.id().to_string());
            continue;
        };
        let pieces = s.pieces(carried(&options, xml), xml);
        // PO and TSV carry codes as numbered placeholders in the text.
        let target = if xml {
            target.to_vec()
        } else {
            excerpt_tm::expand_placeholders(target, &pieces)
        };
        check_codes(s.id(), &pieces, &target)?;
        let run = &doc.runs()[seg.run];
        if run.kind == RunKind::Attribute {
            let text = rebuild_segment(source, run, seg, &pieces, &target, &[]);
            attr.push((seg.span(), text));
        } else {
            block.push((run, seg, pieces, target));
        }
    }
    let mut repl: Vec<(Range<usize>, String)> = Vec::new();
    for (run, seg, pieces, target) in block {
        let text = rebuild_segment(source, run, seg, &pieces, &target, &attr);
        repl.push((seg.span(), text));
    }
    // Block replacements win over the attribute replacements inside them.
    let outside: Vec<(Range<usize>, String)> = attr
        .iter()
        .filter(|(a, _)| {
            !repl
                .iter()
                .any(|(b, _)| b.start <= a.start && a.end <= b.end)
        })
        .cloned()
        .collect();
    repl.extend(outside);
    repl.sort_by_key(|(r, _)| r.start);
    let mut text = String::with_capacity(source.len());
    let mut pos = 0;
    for (r, t) in repl {
        text.push_str(&source[pos..r.start]);
        text.push_str(&t);
        pos = r.end;
    }
    text.push_str(&source[pos..]);
    let known: HashMap<&str, ()> = tm.segments().iter().map(|s| (s.id(), ())).collect();
    let unknown = translation
        .units
        .iter()
        .filter(|u| !known.contains_key(u.id.as_str()))
        .map(|u| u.id.clone())
        .collect();
    Ok(Merged {
        text,
        segments: tm.segments().len(),
        untranslated,
        unknown,
        original_differs: translation
            .source
            .is_some_and(|f| f != Fingerprint::of(tm.text())),
        options,
    })
}

/// The protected spans a format carries as codes: PO and TSV carry only
/// the markup's placeholders, protected spans stay text there.
fn carried(options: &SegmentOptions, xml: bool) -> excerpt_tm::Protect {
    if xml {
        options.protect
    } else {
        excerpt_tm::Protect::none()
    }
}

/// `source[range]` with the attribute replacements inside it applied.
fn with_attributes(source: &str, range: Range<usize>, attr: &[(Range<usize>, String)]) -> String {
    let mut out = String::new();
    let mut pos = range.start;
    for (r, t) in attr
        .iter()
        .filter(|(r, _)| range.start <= r.start && r.end <= range.end)
    {
        if r.start < pos {
            continue;
        }
        out.push_str(&source[pos..r.start]);
        out.push_str(t);
        pos = r.end;
    }
    out.push_str(&source[pos..range.end]);
    out
}

/// The translated text of one segment (its source `pieces`, as the file's
/// format carries them), re-encoded for the run's markup.
fn rebuild_segment(
    source: &str,
    run: &Run,
    seg: &Seg,
    pieces: &[Piece<'_>],
    target: &[TargetPiece],
    attr: &[(Range<usize>, String)],
) -> String {
    // The source's text between codes, by the number of the code before
    // it (0: the segment's start), with its range in the shown text.
    let mut chunks: HashMap<usize, (String, Range<usize>)> = HashMap::new();
    let mut codes: HashMap<usize, excerpt_tm::Code<'_>> = HashMap::new();
    let mut before = 0;
    let mut shown = 0;
    for p in pieces {
        match p {
            Piece::Text(t) => {
                let e = chunks
                    .entry(before)
                    .or_insert_with(|| (String::new(), shown..shown));
                e.0.push_str(t);
                e.1.end = shown + t.len();
                shown += t.len();
            }
            Piece::Code(c) => {
                codes.insert(c.index, *c);
                before = c.index;
                shown = c.offset + c.text.len();
            }
        }
    }
    let mut out = String::new();
    let mut before = 0;
    let mut text = String::new();
    let flush = |text: &mut String, before: usize, out: &mut String| {
        if text.is_empty() {
            return;
        }
        match chunks.get(&before) {
            Some((src, range)) if src == text => {
                let a = seg.original(range.start);
                let b = seg.original(range.end);
                out.push_str(&source[a..b]);
            }
            _ => out.push_str(&encode(text, run.markup, run.kind)),
        }
        text.clear();
    };
    for p in target {
        match p {
            TargetPiece::Text(t) => text.push_str(t),
            TargetPiece::Code { index, fallback } => {
                flush(&mut text, before, &mut out);
                before = *index;
                match codes.get(index) {
                    Some(c)
                        if matches!(
                            c.kind,
                            CodeKind::Open | CodeKind::Close | CodeKind::Standalone
                        ) =>
                    {
                        let a = seg.original(c.offset);
                        let b = seg.original(c.offset + c.text.len());
                        out.push_str(&with_attributes(source, a..b, attr));
                    }
                    Some(c) => out.push_str(c.text),
                    None => out.extend(fallback.iter()),
                }
            }
        }
    }
    flush(&mut text, before, &mut out);
    out
}

/// Translated text written for the format.
fn encode(text: &str, format: Format, kind: RunKind) -> String {
    match format {
        Format::Html => crate::html::encode(text, kind),
        Format::Markdown => crate::markdown::encode(text),
    }
}

/// Checks that a target holds each of its source's codes once, with every
/// pair opened before it is closed and nested as in a tree.
fn check_codes(id: &str, pieces: &[Piece<'_>], target: &[TargetPiece]) -> Result<(), MergeError> {
    let err = |detail: String| MergeError::Code {
        segment: id.to_string(),
        detail,
    };
    let source: HashMap<usize, excerpt_tm::Code<'_>> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Code(c) => Some((c.index, *c)),
            Piece::Text(_) => None,
        })
        .collect();
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let mut order = Vec::new();
    for p in target {
        if let TargetPiece::Code { index, fallback } = p {
            if !source.contains_key(index) {
                if fallback.is_some() {
                    continue;
                }
                return Err(err(format!(
                    "the target has a code {index} that the source has not"
                )));
            }
            *seen.entry(*index).or_default() += 1;
            order.push(*index);
        }
    }
    let mut indices: Vec<&usize> = source.keys().collect();
    indices.sort();
    for index in indices {
        let c = source[index];
        match seen.get(index).copied().unwrap_or(0) {
            0 => {
                return Err(err(format!(
                    "code {index} ({}) is missing in the target",
                    show(c.text)
                )));
            }
            1 => {}
            n => {
                return Err(err(format!(
                    "code {index} ({}) is in the target {n} times",
                    show(c.text)
                )));
            }
        }
    }
    let partner: HashMap<usize, usize> = pairs(pieces)
        .into_iter()
        .flat_map(|(o, c)| [(o, c), (c, o)])
        .collect();
    let mut stack: Vec<usize> = Vec::new();
    for index in order {
        let Some(&other) = partner.get(&index) else {
            continue;
        };
        match source[&index].kind {
            CodeKind::Open => stack.push(index),
            _ => {
                if stack.last() != Some(&other) {
                    return Err(err(format!(
                        "code {index} ({}) does not close code {other} ({}) where it stands: the codes are misnested or in the wrong order",
                        show(source[&index].text),
                        show(source[&other].text)
                    )));
                }
                stack.pop();
            }
        }
    }
    Ok(())
}

/// A code's markup for a message, shortened.
fn show(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        format!("`{short}…`")
    } else {
        format!("`{short}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Part;
    use excerpt_tm::{Format as TmFormat, TargetMode, WriteOptions, read, write};
    use proptest::prelude::*;

    fn options(format: Format) -> SegmentOptions {
        SegmentOptions::new("en").input(Some(format.name()))
    }

    fn xliff(source: &str, format: Format, mode: TargetMode) -> String {
        let opts = options(format);
        let doc = Doc::parse(source, format);
        let seg = Segmented::new(&doc, &opts);
        let w = WriteOptions::new("doc").target("de", mode);
        write(&seg.document(opts), TmFormat::Xliff(Default::default()), &w).unwrap()
    }

    /// Merges `translation` (pieces per unit changed by `change`).
    fn merged_with<F>(source: &str, format: Format, change: F) -> Result<String, MergeError>
    where
        F: Fn(&mut Vec<TargetPiece>),
    {
        let mut t = read(&xliff(source, format, TargetMode::Source)).unwrap();
        for unit in &mut t.units {
            if let Some(target) = &mut unit.target {
                change(target);
            }
        }
        merge(source, format, &t, &options(format)).map(|m| m.text)
    }

    /// Identity merge through PO.
    fn po_identity(source: &str, format: Format) -> String {
        let opts = options(format);
        let doc = Doc::parse(source, format);
        let seg = Segmented::new(&doc, &opts);
        let w = WriteOptions::new("doc").target("de", TargetMode::Source);
        let po = write(&seg.document(opts.clone()), TmFormat::Po, &w).unwrap();
        merge(source, format, &read(&po).unwrap(), &opts)
            .unwrap()
            .text
    }

    fn upper(target: &mut [TargetPiece]) {
        for p in target.iter_mut() {
            if let TargetPiece::Text(t) = p {
                *t = t.to_uppercase();
            }
        }
    }

    #[test]
    fn identity_merge_is_byte_exact_for_both_formats() {
        let md = "---\ntitle: x\n---\n# Notes &amp; *tips*\n\nA **bold\nclaim**. See [docs](d.md \"Docs\").\n\n| a | b \\| c |\n|---|---|\n| `x` | ~~y~~ |\n";
        assert_eq!(merged_with(md, Format::Markdown, |_| {}).unwrap(), md);
        let html = "<!DOCTYPE html>\n<html><head><title>A &amp; B</title></head>\n<body><p title=\"It&#39;s\">Caf&eacute; <a href=\"/m?a=1&amp;b=2\">menu</a>.<br>\nOpen&nbsp;daily.</p></body></html>\n";
        assert_eq!(merged_with(html, Format::Html, |_| {}).unwrap(), html);
    }

    #[test]
    fn translated_text_is_re_encoded() {
        let html = "<p>Fish &amp; chips <b>today</b>.</p><img alt=\"Fish &amp; chips\">";
        let out = merged_with(html, Format::Html, |t| upper(t)).unwrap();
        assert_eq!(
            out,
            "<p>FISH &amp; CHIPS <b>TODAY</b>.</p><img alt=\"FISH &amp; CHIPS\">"
        );
        let md = "Use *this* [link](x.md) or a_b.\n";
        let out = merged_with(md, Format::Markdown, |t| {
            *t = t
                .iter()
                .map(|p| match p {
                    TargetPiece::Text(s) => TargetPiece::Text(s.replace("or a_b", "or a*b")),
                    c => c.clone(),
                })
                .collect();
        })
        .unwrap();
        assert_eq!(out, "Use *this* [link](x.md) or a\\*b.\n");
    }

    #[test]
    fn attribute_inside_a_translated_paragraph_is_translated_too() {
        let html = "<p>See <a href=\"/x\" title=\"more here\">this page</a> now.</p>";
        let out = merged_with(html, Format::Html, |t| upper(t)).unwrap();
        assert_eq!(
            out,
            "<p>SEE <a href=\"/x\" title=\"MORE HERE\">THIS PAGE</a> NOW.</p>"
        );
    }

    #[test]
    fn nested_codes_are_written_as_nested_pc() {
        let x = xliff(
            "<p>A <a href=\"x\"><b>bold</b> link</a>.</p>",
            Format::Html,
            TargetMode::Empty,
        );
        assert!(
            x.contains(r#"A <pc id="p1.s1.c1" dataRefStart="p1.s1.d1" dataRefEnd="p1.s1.d4" dispStart="&lt;a href=&quot;x&quot;&gt;"><pc id="p1.s1.c2" dataRefStart="p1.s1.d2" dataRefEnd="p1.s1.d3" dispStart="&lt;b&gt;">bold</pc> link</pc>."#),
            "{x}"
        );
    }

    #[test]
    fn xliff_1_2_pairs_are_bpt_and_ept_and_come_back() {
        let html = "<p>A <a href=\"x\"><b>bold</b> link</a><br>.</p>";
        let opts = options(Format::Html);
        let doc = Doc::parse(html, Format::Html);
        let seg = Segmented::new(&doc, &opts);
        let w = WriteOptions::new("a.html").target("de", TargetMode::Source);
        let v12 = TmFormat::Xliff(excerpt_tm::XliffVersion::V1_2);
        let x = write(&seg.document(opts.clone()), v12, &w).unwrap();
        assert!(
            x.contains(r#"A <bpt id="1" rid="1">&lt;a href="x"&gt;</bpt><bpt id="2" rid="2">&lt;b&gt;</bpt>bold<ept id="3" rid="2">&lt;/b&gt;</ept> link<ept id="4" rid="1">&lt;/a&gt;</ept><x id="5" ctype="x-markup" equiv-text="&lt;br&gt;"/>."#),
            "{x}"
        );
        let back = merge(html, Format::Html, &read(&x).unwrap(), &opts).unwrap();
        assert_eq!(back.text, html);
        let de = x.replace("link<ept id=\"4\" rid=\"1\">&lt;/a&gt;</ept><x id=\"5\" ctype=\"x-markup\" equiv-text=\"&lt;br&gt;\"/>.</target>", "Link<ept id=\"4\" rid=\"1\">&lt;/a&gt;</ept><x id=\"5\" ctype=\"x-markup\" equiv-text=\"&lt;br&gt;\"/>.</target>");
        assert_ne!(de, x);
        let back = merge(html, Format::Html, &read(&de).unwrap(), &opts).unwrap();
        assert_eq!(
            back.text,
            "<p>A <a href=\"x\"><b>bold</b> Link</a><br>.</p>"
        );
    }

    #[test]
    fn protected_spans_come_back_in_every_format() {
        let md = "Call **555 0100** or see https://example.org/a now.\n";
        let opts = options(Format::Markdown).protect("urls,numbers".parse().unwrap());
        let doc = Doc::parse(md, Format::Markdown);
        let seg = Segmented::new(&doc, &opts);
        let w = WriteOptions::new("a.md").target("de", TargetMode::Source);
        for format in [
            TmFormat::Xliff(Default::default()),
            TmFormat::Tmx,
            TmFormat::Po,
            TmFormat::Tsv,
        ] {
            let file = write(&seg.document(opts.clone()), format, &w).unwrap();
            let back = merge(md, Format::Markdown, &read(&file).unwrap(), &opts).unwrap();
            assert_eq!(back.text, md, "{format}");
        }
    }

    #[test]
    fn a_dropped_code_is_an_error_naming_the_segment() {
        let md = "Intro.\n\nKeep **this** safe.\n";
        let err = merged_with(md, Format::Markdown, |t| {
            t.retain(|p| !matches!(p, TargetPiece::Code { index: 2, .. }))
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "segment p2.s1: code 2 (`**`) is missing in the target"
        );
    }

    #[test]
    fn a_repeated_or_misnested_code_is_an_error() {
        let html = "<p>A <i>b <b>c</b></i>.</p>";
        let twice = merged_with(html, Format::Html, |t| {
            t.push(TargetPiece::Code {
                index: 1,
                fallback: None,
            })
        })
        .unwrap_err();
        assert!(
            twice
                .to_string()
                .contains("code 1 (`<i>`) is in the target 2 times")
        );
        // </i> before </b>: the pairs cross.
        let crossed = merged_with(html, Format::Html, |t| {
            let i = t
                .iter()
                .position(|p| matches!(p, TargetPiece::Code { index: 3, .. }))
                .unwrap();
            let j = t
                .iter()
                .position(|p| matches!(p, TargetPiece::Code { index: 4, .. }))
                .unwrap();
            t.swap(i, j);
        })
        .unwrap_err();
        assert!(
            crossed
                .to_string()
                .starts_with("segment p1.s1: code 4 (`</i>`) does not close code 1"),
            "{crossed}"
        );
        let unknown = merged_with(html, Format::Html, |t| {
            t.push(TargetPiece::Code {
                index: 9,
                fallback: None,
            })
        })
        .unwrap_err();
        assert!(unknown.to_string().contains("code 9"));
    }

    #[test]
    fn untranslated_segments_keep_their_source() {
        let md = "One here.\n\nTwo there.\n";
        let mut t = read(&xliff(md, Format::Markdown, TargetMode::Empty)).unwrap();
        t.units[1].target = Some(vec![TargetPiece::Text("Zwei dort.".into())]);
        let m = merge(md, Format::Markdown, &t, &options(Format::Markdown)).unwrap();
        assert_eq!(m.text, "One here.\n\nZwei dort.\n");
        assert_eq!(m.untranslated, ["p1.s1"]);
    }

    #[test]
    fn po_and_tsv_carry_codes_as_numbered_placeholders() {
        let md = "Keep **this** safe, see `x` {1} here.\n";
        let opts = options(Format::Markdown);
        let doc = Doc::parse(md, Format::Markdown);
        let seg = Segmented::new(&doc, &opts);
        let w = WriteOptions::new("a.md").target("de", TargetMode::Source);
        let po = write(&seg.document(opts.clone()), TmFormat::Po, &w).unwrap();
        assert!(po.contains("#. codes: {1}=** {2}=** {3}=`x`\n"), "{po}");
        assert!(
            po.contains("msgid \"Keep {1}this{2} safe, see {3} {{1} here.\""),
            "{po}"
        );
        let back = merge(md, Format::Markdown, &read(&po).unwrap(), &opts).unwrap();
        assert_eq!(back.text, md);
        let de = po.replace(
            "msgstr \"Keep {1}this{2} safe, see {3} {{1} here.\"",
            "msgstr \"Halte {1}dies{2} sicher, {3} {{1} hier.\"",
        );
        let back = merge(md, Format::Markdown, &read(&de).unwrap(), &opts).unwrap();
        assert_eq!(back.text, "Halte **dies** sicher, `x` {1} hier.\n");
        let tsv = write(&seg.document(opts.clone()), TmFormat::Tsv, &w).unwrap();
        let dropped = tsv.replacen("{2}", "", 2);
        let err = merge(md, Format::Markdown, &read(&dropped).unwrap(), &opts).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("segment p1.s1: code 2 (`**`) is missing"),
            "{err}"
        );
    }

    const MD_TOKENS: &[&str] = &[
        "Word",
        "Two words. ",
        "Next one! ",
        " ",
        "\n",
        "\n\n",
        "*",
        "**",
        "_",
        "`",
        "[",
        "](u)",
        "![",
        "# ",
        "> ",
        "- ",
        "1. ",
        "|",
        "---",
        "```\n",
        "&amp;",
        "\\*",
        "<b>",
        "</b>",
        "<!-- x -->",
        "    ",
        "é",
        "~~",
        "<div>\n",
        "\t",
        "\r\n",
        "[r]: /u\n",
        "<http://x.y>",
    ];
    const HTML_TOKENS: &[&str] = &[
        "Word",
        "Two words. ",
        "Next one! ",
        " ",
        "\n",
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<a href=\"x\" title=\"T &amp; t\">",
        "</a>",
        "<br>",
        "<!-- c -->",
        "<script>a<b</script>",
        "&amp;",
        "&lt;",
        "&nbsp;",
        "&#233;",
        "&bogus;",
        "<img alt=\"A cat. Or two.\">",
        "<code>x &lt; y</code>",
        "<pre>pre\n</pre>",
        "<td>",
        "<li>",
        "é",
        "<em>",
        "</em>",
        "<input type=submit value=Go>",
        "<",
        ">",
        "&",
        "</div>",
        "<h1 class=x>",
    ];

    fn doc_strategy(tokens: &'static [&'static str]) -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(tokens), 0..40).prop_map(|v| v.concat())
    }

    fn check_tiling(source: &str, format: Format) {
        let doc = Doc::parse(source, format);
        assert_eq!(doc.rebuild(|_, _| None), source);
        for run in doc.runs() {
            let mut pos = run.span.start;
            for p in &run.parts {
                assert_eq!(p.span().start, pos, "parts tile the run");
                pos = p.span().end;
                if let Part::Text { span, text } = p {
                    if source[span.clone()] != **text {
                        assert!(
                            format == Format::Markdown || source[span.clone()].starts_with('&')
                        );
                    }
                }
            }
            assert_eq!(pos, run.span.end);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn markdown_identity_and_marker_merges(md in doc_strategy(MD_TOKENS)) {
            check_tiling(&md, Format::Markdown);
            prop_assert_eq!(merged_with(&md, Format::Markdown, |_| {}).unwrap(), md.clone());
            prop_assert_eq!(po_identity(&md, Format::Markdown), md.clone());
            prop_assert!(merged_with(&md, Format::Markdown, |t| upper(t)).is_ok());
        }

        #[test]
        fn html_identity_and_marker_merges(html in doc_strategy(HTML_TOKENS)) {
            check_tiling(&html, Format::Html);
            prop_assert_eq!(merged_with(&html, Format::Html, |_| {}).unwrap(), html.clone());
            prop_assert_eq!(po_identity(&html, Format::Html), html.clone());
            prop_assert!(merged_with(&html, Format::Html, |t| upper(t)).is_ok());
        }

        #[test]
        fn any_text_reads_without_panic(s in "\\PC{0,120}") {
            check_tiling(&s, Format::Html);
            check_tiling(&s, Format::Markdown);
        }
    }
}
