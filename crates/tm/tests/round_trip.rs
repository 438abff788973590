//! Identity translations merge back to the original byte for byte, in every
//! format, on hand-written awkward texts, random texts and the whole corpus.

use excerpt_tm::Document;
use excerpt_tm::{
    Format, Protect, SegmentOptions, TargetMode, WriteOptions, XliffVersion, merge, read, write,
};
use proptest::prelude::*;
use std::path::Path;

const FORMATS: [Format; 6] = [
    Format::Tmx,
    Format::Xliff(XliffVersion::V1_2),
    Format::Xliff(XliffVersion::V2_0),
    Format::Xliff(XliffVersion::V2_1),
    Format::Po,
    Format::Tsv,
];

/// Writes `text` with targets copied from the source, reads it back and
/// merges it; returns the merged text and the untranslated count.
fn identity(text: &str, format: Format, options: &SegmentOptions) -> (String, usize) {
    let doc = Document::new(text, options.clone());
    let opts = WriteOptions::new("in.txt").target("x-test", TargetMode::Source);
    let file = write(&doc, format, &opts).unwrap();
    let translation = read(&file).unwrap_or_else(|e| panic!("{format}: {e}\n{file}"));
    assert_eq!(translation.format.is_xml(), format.is_xml());
    let merged = merge(text, &translation, options).unwrap();
    (merged.text, merged.untranslated.len())
}

const AWKWARD: &str = "\u{feff}Title line\r\n\r\n  Fish & chips <b>cost</b> \"5\" 'quid'. Really?\tYes!\r\n\
    A line with a bell\u{7} and a\u{1}control. Another\u{FFFE} one]]> here.\r\n\
    \u{b}\u{c}Form feed before this sentence. Tab\there.\n\n\n\
    Mail ed@example.org or visit https://example.org/a?b=1&c=2. Call 555-0100 at 10:30.\n\
    Lone CR\rinside. 日本語の文です。もう一つ。 😀 done.";

#[test]
fn awkward_text_survives_every_format_and_protection() {
    for protect in ["", "urls,emails,numbers,tags"] {
        let options = SegmentOptions::new("en").protect(protect.parse::<Protect>().unwrap());
        for format in FORMATS {
            let (merged, untranslated) = identity(AWKWARD, format, &options);
            assert_eq!(merged, AWKWARD, "{format} protect={protect}");
            assert_eq!(untranslated, 0, "{format}");
        }
    }
}

#[test]
fn newline_boundary_is_recorded_and_reused() {
    let text = "one line\nsecond line\nthird. and more\n";
    let options = SegmentOptions::new("en").newline_boundary(true);
    for format in FORMATS.into_iter().filter(|f| *f != Format::Tsv) {
        let doc = Document::new(text, options.clone());
        let opts = WriteOptions::new("in.txt").target("fr", TargetMode::Source);
        let file = write(&doc, format, &opts).unwrap();
        // Merge is told nothing: the file carries the option.
        let merged = merge(text, &read(&file).unwrap(), &SegmentOptions::new("en")).unwrap();
        assert!(merged.options.newline_boundary, "{format}");
        assert_eq!(merged.text, text);
        assert_eq!(merged.segments, doc.segments().len());
    }
}

#[test]
fn empty_or_missing_targets_fall_back_and_are_counted() {
    let text = "First. Second.\n\nThird.\n";
    let options = SegmentOptions::new("en");
    let doc = Document::new(text, options.clone());
    for format in FORMATS {
        let modes: &[TargetMode] = if format.is_xml() {
            &[TargetMode::Empty, TargetMode::None]
        } else {
            &[TargetMode::Empty]
        };
        for &mode in modes {
            let opts = WriteOptions::new("in.txt").target("es", mode);
            let file = write(&doc, format, &opts).unwrap();
            let merged = merge(text, &read(&file).unwrap(), &options).unwrap();
            assert_eq!(merged.text, text);
            assert_eq!(
                merged.untranslated,
                ["p1.s1", "p1.s2", "p2.s1"],
                "{format} {mode:?}"
            );
        }
    }
}

#[test]
fn translated_targets_replace_sources_and_codes_come_back() {
    let text = "Read <b>this</b> at https://example.org now.\u{1} Bye.\n";
    let options = SegmentOptions::new("en").protect("urls,tags".parse().unwrap());
    let doc = Document::new(text, options.clone());
    let opts = WriteOptions::new("in.txt").target("de", TargetMode::Source);
    for format in [
        Format::Tmx,
        Format::Xliff(XliffVersion::V1_2),
        Format::Xliff(XliffVersion::V2_1),
    ] {
        let file = write(&doc, format, &opts).unwrap();
        // A translator rewrites the words around the codes and reorders them.
        let translated = file
            .replacen(">Read ", ">Lies ", 2)
            .replacen(" at ", " unter ", 2)
            .replacen(" now.", " jetzt.", 2)
            .replacen(" Bye.<", " Tschüss.<", 2);
        let merged = merge(text, &read(&translated).unwrap(), &options).unwrap();
        assert!(merged.untranslated.is_empty(), "{format}");
        let expected_source_side =
            "Lies <b>this</b> unter https://example.org jetzt.\u{1} Tschüss.\n";
        assert_eq!(merged.text, expected_source_side, "{format}\n{translated}");
    }
}

#[test]
fn texts_without_segments_round_trip() {
    for text in ["", "  \r\n\r\n\t"] {
        for format in FORMATS {
            let (merged, untranslated) = identity(text, format, &SegmentOptions::new("en"));
            assert_eq!((merged.as_str(), untranslated), (text, 0), "{format}");
        }
    }
}

#[test]
fn tmx_target_in_the_source_language_is_still_found() {
    let text = "Guten Tag. Bis bald.\n";
    let options = SegmentOptions::new("de");
    let doc = Document::new(text, options.clone());
    let opts = WriteOptions::new("in.txt").target("de", TargetMode::Source);
    let file = write(&doc, Format::Tmx, &opts).unwrap();
    let merged = merge(text, &read(&file).unwrap(), &options).unwrap();
    assert!(merged.untranslated.is_empty());
    assert_eq!(merged.text, text);
}

#[test]
fn ids_are_stable_and_unique() {
    let options = SegmentOptions::new("en");
    let a = Document::new(AWKWARD, options.clone());
    let b = Document::new(AWKWARD, options);
    let ids: Vec<&str> = a.segments().iter().map(|s| s.id()).collect();
    let again: Vec<&str> = b.segments().iter().map(|s| s.id()).collect();
    assert_eq!(ids, again);
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len());
}

fn corpus_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            corpus_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

#[test]
fn identity_merge_rebuilds_every_corpus_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files = Vec::new();
    corpus_files(&root, &mut files);
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        // corpus/<lang>/name.txt; other folders hold English texts.
        let lang = path
            .parent()
            .and_then(|d| d.file_name())
            .and_then(|d| d.to_str())
            .filter(|d| d.len() == 2)
            .unwrap_or("en");
        let options = SegmentOptions::new(lang);
        for format in FORMATS {
            let (merged, untranslated) = identity(&text, format, &options);
            assert!(merged == text, "{} in {format} differs", path.display());
            assert_eq!(untranslated, 0);
        }
    }
}

fn awkward_char() -> impl Strategy<Value = char> {
    prop_oneof![
        Just(' '),
        Just('\n'),
        Just('\r'),
        Just('\t'),
        Just('.'),
        Just('?'),
        Just('&'),
        Just('<'),
        Just('>'),
        Just('"'),
        Just('\\'),
        Just('\u{1}'),
        Just('\u{b}'),
        Just('\u{fffe}'),
        Just('é'),
        Just('語'),
        Just('😀'),
        Just(']'),
        Just('#'),
        Just('1'),
        proptest::char::range('a', 'e'),
        proptest::char::range('A', 'C'),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn random_texts_round_trip(chars in proptest::collection::vec(awkward_char(), 0..120), protect in any::<bool>()) {
        let text: String = chars.into_iter().collect();
        let p = if protect { "urls,emails,numbers,tags" } else { "" };
        let options = SegmentOptions::new("en").protect(p.parse().unwrap());
        for format in FORMATS {
            let (merged, untranslated) = identity(&text, format, &options);
            prop_assert_eq!(&merged, &text, "{}", format);
            prop_assert_eq!(untranslated, 0);
        }
    }
}

#[test]
fn merge_notices_another_original() {
    let text = "The bridge opens in May. Cars pay a toll.\n";
    let edited = "The bridge opens in June. Cars pay a toll.\n";
    let options = SegmentOptions::new("en");
    let doc = Document::new(text, options.clone());
    let opts = WriteOptions::new("in.txt").target("de", TargetMode::Source);
    for format in FORMATS {
        let file = write(&doc, format, &opts).unwrap();
        let translation = read(&file).unwrap();
        assert!(
            !merge(text, &translation, &options)
                .unwrap()
                .original_differs,
            "{format}"
        );
        let other = merge(edited, &translation, &options).unwrap();
        // TSV records nothing, so it cannot tell.
        assert_eq!(other.original_differs, format != Format::Tsv, "{format}");
    }
}
