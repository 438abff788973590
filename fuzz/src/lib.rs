//! The properties the fuzz targets check, one function per target.
//!
//! Each function takes the fuzzer's bytes and panics when a property does
//! not hold. The fuzz targets (`fuzz_targets/*.rs`, run with
//! `cargo +nightly fuzz run TARGET`) call them, and so does the stable test
//! `tests/fuzz_corpus.rs`, which replays every file of `fuzz/corpus/` under a
//! plain `cargo test`. This file depends only on the project's crates.
//!
//! ```
//! excerpt_fuzz::segment(b"One. Two.\n\nThree.");
//! ```

use excerpt_rank::{Budget, Summarizer};
use excerpt_segment::Segmenter;
use excerpt_tm::{SegmentOptions, TargetMode, WriteOptions};

/// Languages the targets pick from with one byte of the input.
const LANGS: [&str; 10] = ["en", "de", "fr", "ja", "zh", "hi", "ar", "ru", "th", "xx"];

/// A target's check: panics when a property does not hold for the input.
///
/// ```
/// let check: excerpt_fuzz::Check = excerpt_fuzz::read_tsv;
/// check(b"A\tB\tp1.s1\n");
/// ```
pub type Check = fn(&[u8]);

/// The target names, as `fuzz/corpus/` names its directories, with their
/// check.
///
/// ```
/// assert!(excerpt_fuzz::TARGETS.iter().any(|(name, _)| *name == "merge"));
/// ```
pub const TARGETS: [(&str, Check); 8] = [
    ("segment", segment),
    ("summarize", summarize),
    ("read_xliff12", read_xliff12),
    ("read_xliff2", read_xliff2),
    ("read_tmx", read_tmx),
    ("read_po", read_po),
    ("read_tsv", read_tsv),
    ("merge", merge),
];

/// The first byte as a small choice, and the rest.
fn choose(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((&b, rest)) => (b, rest),
        None => (0, data),
    }
}

/// Segments `text` and checks that the spans, in order and without overlap,
/// are the text's own bytes, and that the gaps between them are whitespace:
/// spans plus gaps rebuild the input.
fn check_segments(seg: &Segmenter, text: &str) {
    let mut rebuilt = String::with_capacity(text.len());
    let mut pos = 0;
    for s in seg.segment(text) {
        assert!(
            s.start() >= pos,
            "span {:?} overlaps the one before",
            s.range()
        );
        assert!(!s.as_str().is_empty(), "empty sentence at {}", s.start());
        let gap = &text[pos..s.start()];
        assert!(
            gap.chars().all(char::is_whitespace),
            "gap {gap:?} before {:?} is not whitespace",
            s.range()
        );
        assert_eq!(&text[s.range()], s.as_str());
        rebuilt.push_str(gap);
        rebuilt.push_str(s.as_str());
        pos = s.end();
    }
    let tail = &text[pos..];
    assert!(tail.chars().all(char::is_whitespace), "tail {tail:?}");
    rebuilt.push_str(tail);
    assert_eq!(rebuilt, text);
}

/// Segmentation: the bytes as given (when UTF-8) and as lossy UTF-8, with a
/// language and the newline option chosen by the first byte.
///
/// ```
/// excerpt_fuzz::segment(b"\x01Dr. No. Yes!\r\n\r\n\xFF end");
/// ```
pub fn segment(data: &[u8]) {
    let (choice, rest) = choose(data);
    let lang = LANGS[usize::from(choice) % LANGS.len()];
    let seg = Segmenter::builder(lang)
        .newline_boundary(choice & 0x80 != 0)
        .max_chars((choice & 0x40 != 0).then_some(40))
        .build();
    if let Ok(text) = std::str::from_utf8(rest) {
        check_segments(&seg, text);
    }
    check_segments(&seg, &String::from_utf8_lossy(rest));
}

/// Summarising: no panic, picks in document order, each sentence at most
/// once, and the budget held.
///
/// ```
/// excerpt_fuzz::summarize(b"\x02The dam broke. Water came. Nobody was hurt.");
/// ```
pub fn summarize(data: &[u8]) {
    let (choice, rest) = choose(data);
    let text = String::from_utf8_lossy(rest);
    let lang = LANGS[usize::from(choice) % LANGS.len()];
    let sentences: Vec<&str> = Segmenter::new(lang)
        .segment(&text)
        .map(|s| s.as_str())
        .collect();
    let n = usize::from(choice >> 4);
    let budget = match choice & 0x30 {
        0x00 => Budget::Sentences(n),
        0x10 => Budget::Words(n * 7),
        0x20 => Budget::Chars(n * 40),
        _ => Budget::Ratio(f64::from(choice >> 4) / 10.0),
    };
    let summary = Summarizer::new(lang).summarize(&sentences, budget);
    assert_eq!(summary.scores.len(), sentences.len());
    assert_eq!(summary.verdicts.len(), sentences.len());
    assert!(
        summary.picks.windows(2).all(|w| w[0].index < w[1].index),
        "picks out of order"
    );
    assert!(summary.picks.iter().all(|p| p.index < sentences.len()));
    let picked = summary.picks.iter().map(|p| sentences[p.index]);
    match budget {
        Budget::Words(w) => assert!(picked.map(excerpt_rank::word_count).sum::<usize>() <= w),
        Budget::Chars(c) => assert!(picked.map(excerpt_rank::char_count).sum::<usize>() <= c),
        other => {
            let limit = other.sentence_limit(sentences.len()).unwrap_or(usize::MAX);
            assert!(summary.picks.len() <= limit);
        }
    }
}

/// Reads `text` with `excerpt_tm::read`: any result but a panic will do.
fn read_any(text: &str) {
    let _ = excerpt_tm::read(text);
}

/// XLIFF 1.2: the bytes inside an `<xliff version="1.2">` root.
///
/// ```
/// excerpt_fuzz::read_xliff12(b"<file><body><trans-unit id='p1.s1'><source>A</source></trans-unit></body></file>");
/// ```
pub fn read_xliff12(data: &[u8]) {
    let inner = String::from_utf8_lossy(data);
    read_any(&format!(
        "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">{inner}</xliff>"
    ));
}

/// XLIFF 2.x: the bytes inside an `<xliff version="2.1">` root.
///
/// ```
/// excerpt_fuzz::read_xliff2(b"<file id='f'><unit id='u'><segment id='p1.s1'><source>A</source></segment></unit></file>");
/// ```
pub fn read_xliff2(data: &[u8]) {
    let inner = String::from_utf8_lossy(data);
    read_any(&format!(
        "<xliff version=\"2.1\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\">{inner}</xliff>"
    ));
}

/// TMX: the bytes inside a `<tmx version="1.4">` root.
///
/// ```
/// excerpt_fuzz::read_tmx(b"<header srclang='en'/><body><tu tuid='p1.s1'><tuv xml:lang='en'><seg>A</seg></tuv></tu></body>");
/// ```
pub fn read_tmx(data: &[u8]) {
    let inner = String::from_utf8_lossy(data);
    read_any(&format!("<tmx version=\"1.4\">{inner}</tmx>"));
}

/// PO: the bytes as a PO file (a `msgid` line is added when there is none,
/// so that the PO reader is the one that runs).
///
/// ```
/// excerpt_fuzz::read_po(b"msgctxt \"p1.s1\"\nmsgid \"A\\n\"\nmsgstr \"B\\\"\"\n");
/// ```
pub fn read_po(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if text
        .lines()
        .any(|l| l.starts_with("msgid \"") && !l.contains('\t'))
    {
        read_any(&text);
    } else {
        read_any(&format!("msgid \"\"\nmsgstr \"\"\n{text}"));
    }
}

/// TSV: the bytes as tab-separated rows (inputs that another reader would
/// take are skipped).
///
/// ```
/// excerpt_fuzz::read_tsv(b"A.\tB.\tp1.s1\r\nC\\t\\u{7}\t\tp1.s2\n");
/// ```
pub fn read_tsv(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let po_line =
        |l: &str| (l.starts_with("msgid \"") || l.starts_with("msgctxt \"")) && !l.contains('\t');
    if head.starts_with('<') || text.lines().any(po_line) {
        return;
    }
    read_any(&text);
}

/// Merge. The first byte chooses the mode and the original's format (text,
/// HTML, Markdown); in mode 0 the rest is an original and a translated file
/// (split at the first NUL byte), merged if the file reads; in mode 1 the
/// rest is an original, written in each format with its source as target,
/// read back and merged: the identity must rebuild it byte for byte.
///
/// ```
/// excerpt_fuzz::merge(b"\x00One. Two.\0One.\tEins.\tp1.s1\n");
/// excerpt_fuzz::merge(b"\x01<p>One <b>two</b>.</p>");
/// ```
pub fn merge(data: &[u8]) {
    let (choice, rest) = choose(data);
    let format = match (choice >> 1) % 3 {
        0 => None,
        1 => Some(excerpt_doc::Format::Html),
        _ => Some(excerpt_doc::Format::Markdown),
    };
    let lang = LANGS[usize::from(choice >> 3) % LANGS.len()];
    let opts = SegmentOptions::new(lang).input(format.map(|f| match f {
        excerpt_doc::Format::Html => "html",
        _ => "markdown",
    }));
    if choice & 1 == 0 {
        let split = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        let original = String::from_utf8_lossy(&rest[..split]);
        let translated = String::from_utf8_lossy(rest.get(split + 1..).unwrap_or_default());
        let Ok(translation) = excerpt_tm::read(&translated) else {
            return;
        };
        match format {
            None => drop(excerpt_tm::merge(&original, &translation, &opts)),
            Some(f) => drop(excerpt_doc::merge(&original, f, &translation, &opts)),
        }
        return;
    }
    let original = String::from_utf8_lossy(rest);
    let written = match format {
        None => write_each(&excerpt_tm::Document::new(&original, opts.clone())),
        Some(f) => {
            let parsed = excerpt_doc::Doc::parse(&original, f);
            let segmented = excerpt_doc::Segmented::new(&parsed, &opts);
            write_each(&segmented.document(opts.clone()))
        }
    };
    for (out_format, written) in written {
        let translation = excerpt_tm::read(&written)
            .unwrap_or_else(|e| panic!("{out_format:?} written but not read back: {e}"));
        let back = match format {
            None => {
                excerpt_tm::merge(&original, &translation, &opts)
                    .unwrap_or_else(|e| panic!("{out_format:?}: identity merge failed: {e}"))
                    .text
            }
            Some(f) => {
                excerpt_doc::merge(&original, f, &translation, &opts)
                    .unwrap_or_else(|e| panic!("{out_format:?}: identity merge failed: {e}"))
                    .text
            }
        };
        assert_eq!(back, original.as_ref(), "{out_format:?} identity merge");
    }
}

/// `doc` written in each format that merge reads back, with its source as
/// target; a text a format cannot carry is left out (an error, not a panic).
///
/// ```
/// let doc = excerpt_tm::Document::new("One. Two.", excerpt_tm::SegmentOptions::new("en"));
/// assert_eq!(excerpt_fuzz::write_each(&doc).len(), 5);
/// ```
pub fn write_each(doc: &excerpt_tm::Document) -> Vec<(excerpt_tm::Format, String)> {
    let write_opts = WriteOptions::new("fuzz.txt").target("de", TargetMode::Source);
    [
        excerpt_tm::Format::Xliff(Default::default()),
        excerpt_tm::Format::Xliff(excerpt_tm::XliffVersion::V1_2),
        excerpt_tm::Format::Tmx,
        excerpt_tm::Format::Po,
        excerpt_tm::Format::Tsv,
    ]
    .into_iter()
    .filter_map(|f| Some((f, excerpt_tm::write(doc, f, &write_opts).ok()?)))
    .collect()
}
