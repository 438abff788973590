//! SRX files: the third-party rule files load, language maps and cascade,
//! exception precedence, clear errors, lossless spans.

use excerpt_srx::{Dialect, SrxDocument};
use proptest::prelude::*;
use std::path::PathBuf;

/// `../shared/srx/rules` beside the project, if it is there.
fn shared_rules() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/srx/rules");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

#[test]
fn third_party_rule_files_load_and_compile() {
    let Some(dir) = shared_rules() else { return };
    let cases = [
        ("lt-segment.srx", &["en_two", "uk_two"][..]),
        ("lt-segment-2022.srx", &["ru_two"][..]),
        ("okapi-defaultSegmentation.srx", &["en", "fr"][..]),
        ("okapi-alternate-default.srx", &["en", "de"][..]),
        ("omegat-defaultRules.srx", &["EN", "JA", "DE"][..]),
        ("loomchild-default.srx", &["en"][..]),
        ("loomchild-test-example.srx", &["en", "pl"][..]),
        ("loomchild-test-example2.srx", &["en"][..]),
        ("loomchild-test-ticket1.srx", &["en"][..]),
    ];
    for (file, codes) in cases {
        let doc = SrxDocument::load(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(!doc.language_rules.is_empty(), "{file}: no rules");
        for code in codes {
            let seg = doc
                .segmenter(code, Dialect::LanguageTool)
                .unwrap_or_else(|e| panic!("{file} {code}: {e}"));
            let text = "One sentence here. Another one follows! A third?";
            let spans = seg.segments(text);
            assert_eq!(spans.first().map(|r| r.start), Some(0));
            assert_eq!(spans.last().map(|r| r.end), Some(text.len()));
        }
    }
    let lt = SrxDocument::load(dir.join("lt-segment.srx")).unwrap();
    let seg = lt.segmenter("en_two", Dialect::LanguageTool).unwrap();
    let text = "Mr. Smith came. He left.";
    let parts: Vec<&str> = seg.segments(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(parts, ["Mr. Smith came. ", "He left."]);
}

#[test]
fn an_srx_1_file_is_rejected_with_its_line() {
    let Some(dir) = shared_rules() else { return };
    let err = SrxDocument::load(dir.join("loomchild-test-example1.srx")).unwrap_err();
    assert!(err.to_string().contains("version 1.0"), "{err}");
}

const DOC: &str = r#"<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" xmlns:p="urn:private" version="2.0">
  <header segmentsubflows="yes" cascade="CASCADE"><p:x>ignored</p:x></header>
  <body>
    <languagerules>
      <languagerule languagerulename="Abbrev">
        <rule break="no"><beforebreak>\bDr\.</beforebreak><afterbreak>\s</afterbreak></rule>
      </languagerule>
      <languagerule languagerulename="Default">
        <rule break="yes"><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>
        <rule break="no"><beforebreak>\bSt\.</beforebreak><afterbreak>\s</afterbreak></rule>
        <rule break="yes"><beforebreak>;</beforebreak><afterbreak>\s</afterbreak></rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="en.*" languagerulename="Abbrev"/>
      <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
  </body>
</srx>"#;

fn split(doc: &SrxDocument, code: &str, text: &str) -> Vec<String> {
    let seg = doc.segmenter(code, Dialect::LanguageTool).unwrap();
    seg.segments(text)
        .into_iter()
        .map(|r| text[r].to_string())
        .collect()
}

#[test]
fn cascade_collects_every_matching_map() {
    let doc = SrxDocument::parse(&DOC.replace("CASCADE", "yes")).unwrap();
    assert_eq!(split(&doc, "en", "Dr. No. Yes"), ["Dr. No.", " Yes"]);
    assert_eq!(split(&doc, "de", "Dr. No. Yes"), ["Dr.", " No.", " Yes"]);
    // the whole code must match, case-sensitively
    assert_eq!(split(&doc, "EN", "Dr. No"), ["Dr.", " No"]);
}

#[test]
fn without_cascade_only_the_first_map_applies() {
    let doc = SrxDocument::parse(&DOC.replace("CASCADE", "no")).unwrap();
    // en gets Abbrev only: no break rule at all
    assert_eq!(split(&doc, "en", "Dr. No. Yes"), ["Dr. No. Yes"]);
    assert_eq!(split(&doc, "de", "Dr. No. Yes"), ["Dr.", " No.", " Yes"]);
}

#[test]
fn exceptions_apply_only_to_later_break_rules() {
    let doc = SrxDocument::parse(&DOC.replace("CASCADE", "yes")).unwrap();
    // St. comes after the '.' rule: it does not stop it
    assert_eq!(
        split(&doc, "de", "St. Ives; here"),
        ["St.", " Ives;", " here"]
    );
}

#[test]
fn errors_name_the_line() {
    let bad = DOC.replace("CASCADE", "yes").replace(
        "<rule break=\"yes\"><beforebreak>;",
        "<rule break=\"yes\"><oops/><beforebreak>;",
    );
    let err = SrxDocument::parse(&bad).unwrap_err().to_string();
    assert!(err.starts_with("line 12:"), "{err}");
    let unclosed = DOC.replace("</maprules>", "");
    let err = SrxDocument::parse(&unclosed).unwrap_err().to_string();
    assert!(err.contains("line"), "{err}");
    let regex = DOC.replace("CASCADE", "yes").replace(r"\bSt\.", r"\bSt\y");
    let doc = SrxDocument::parse(&regex).unwrap();
    let err = doc
        .segmenter("de", Dialect::LanguageTool)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("line 11:"), "{err}");
    let unknown = DOC.replace(
        "languagerulename=\"Default\"/>",
        "languagerulename=\"Nope\"/>",
    );
    let err = SrxDocument::parse(&unknown).unwrap_err().to_string();
    assert!(err.contains("Nope"), "{err}");
}

proptest! {
    #[test]
    fn spans_cover_the_text_without_gaps(text in "[a-zA-Z .!?;\u{a0}é\n]{0,80}") {
        let doc = SrxDocument::parse(&DOC.replace("CASCADE", "yes")).unwrap();
        let seg = doc.segmenter("en", Dialect::LanguageTool).unwrap();
        let spans = seg.segments(&text);
        let mut at = 0;
        for r in &spans {
            prop_assert_eq!(r.start, at);
            prop_assert!(r.end > r.start);
            at = r.end;
        }
        prop_assert_eq!(at, text.len());
    }
}
