//! HTML and Markdown documents from the command line: `segment --input`,
//! the translation formats with inline codes, `merge` and `summarize`.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

mod common;
use common::{excerpt, root, stdout_of};

/// Every HTML and Markdown file under `corpus/`, sorted.
fn documents() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p
                .extension()
                .is_some_and(|x| ["html", "xhtml", "md"].contains(&x.to_str().unwrap()))
            {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("corpus"), &mut out);
    // corpus/README.md describes the corpus; it is not one of its texts.
    out.retain(|p| p.parent() != Some(root().join("corpus").as_path()));
    out.sort();
    out
}

/// The language of a corpus file: its folder's name.
fn lang_of(path: &Path) -> String {
    path.parent()
        .and_then(|p| p.file_name())
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

const FORMATS: [(&[&str], &str); 6] = [
    (&["--format", "xliff"], "xlf"),
    (&["--format", "xliff", "--xliff-version", "2.0"], "xlf"),
    (&["--format", "xliff", "--xliff-version", "1.2"], "xlf"),
    (&["--format", "tmx"], "tmx"),
    (&["--format", "po"], "po"),
    (&["--format", "tsv"], "tsv"),
];

#[test]
fn identity_merge_rebuilds_every_corpus_document_byte_for_byte() {
    let docs = documents();
    assert!(docs.len() >= 5, "{docs:?}");
    let dir = tempfile::tempdir().unwrap();
    for doc in &docs {
        let lang = lang_of(doc);
        for (args, ext) in FORMATS {
            let file = dir.path().join(format!("t.{ext}"));
            excerpt()
                .args(["segment", "--lang", &lang, "--target-lang", "x-test"])
                .args(["--target", "source"])
                .args(args)
                .arg(doc)
                .arg("-o")
                .arg(&file)
                .assert()
                .success();
            let back = dir.path().join("back");
            excerpt()
                .arg("merge")
                .arg(doc)
                .arg(&file)
                .arg("-o")
                .arg(&back)
                .assert()
                .success();
            assert!(
                std::fs::read(doc).unwrap() == std::fs::read(&back).unwrap(),
                "{} through {args:?}",
                doc.display()
            );
        }
    }
}

#[test]
fn segments_of_corpus_documents_hold_no_markup() {
    for doc in documents() {
        let out = stdout_of(
            excerpt()
                .args(["segment", "--lang", &lang_of(&doc)])
                .arg(&doc),
        );
        assert!(out.lines().count() >= 10, "{}", doc.display());
        for line in out.lines() {
            let tag = line.char_indices().any(|(i, c)| {
                c == '<' && line[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/')
            });
            assert!(!tag, "{}: {line}", doc.display());
            for mark in ["**", "](", "```", "&amp;", "&nbsp;"] {
                assert!(!line.contains(mark), "{}: {line}", doc.display());
            }
        }
    }
}

#[test]
fn xliff_of_html_has_paired_and_standalone_codes() {
    let out = stdout_of(
        excerpt()
            .args(["segment", "--format", "xliff", "--lang", "de"])
            .arg("corpus/de/vereinsfest.html"),
    );
    assert!(out.contains(r#"<note category="x-excerpt-options">lang=de newline-boundary=false protect= input=html</note>"#));
    assert!(out.contains(r#"<pc id="p5.s1.c1" dataRefStart="p5.s1.d1" dataRefEnd="p5.s1.d2" dispStart="&lt;strong&gt;">Sommerfest</pc>"#), "{out}");
    // Character references read as their characters.
    assert!(out.contains("Liebe Mitglieder, liebe Gäste,"));
    // The alt text and the description are segments of their own.
    assert!(out.contains(">Kinder beim Tauziehen auf dem Sportplatz</source>"));
    assert!(out.contains(">Einladung zum Sommerfest des Turnvereins am 4. Juli.</source>"));
}

#[test]
fn input_is_detected_or_given() {
    let html = "<p>Ein <b>kurzer</b> Satz. Noch einer.</p>\n";
    // From standard input the content tells; --input text turns it off.
    let sniffed = stdout_of(
        excerpt()
            .args(["segment", "--lang", "de"])
            .write_stdin(format!("<!DOCTYPE html>{html}")),
    );
    assert_eq!(sniffed, "Ein kurzer Satz.\nNoch einer.\n");
    let given = stdout_of(
        excerpt()
            .args(["segment", "--lang", "de", "--input", "html"])
            .write_stdin(html),
    );
    assert_eq!(given, sniffed);
    let text = stdout_of(
        excerpt()
            .args(["segment", "--lang", "de", "--input", "text"])
            .write_stdin(html),
    );
    assert!(text.starts_with("<p>Ein <b>kurzer</b> Satz."), "{text}");
    let md = stdout_of(
        excerpt()
            .args(["segment", "--lang", "en", "--input", "markdown"])
            .write_stdin("# Title\n\nSome *text* here.\n"),
    );
    assert_eq!(md, "Title\nSome text here.\n");
}

#[test]
fn a_dropped_code_fails_naming_file_and_segment_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let xlf = dir.path().join("fest.xlf");
    excerpt()
        .args([
            "segment",
            "--format",
            "xliff",
            "--lang",
            "de",
            "--target-lang",
            "en",
        ])
        .args(["--target", "source", "corpus/de/vereinsfest.html", "-o"])
        .arg(&xlf)
        .assert()
        .success();
    let text = std::fs::read_to_string(&xlf).unwrap();
    // The translator lost the end of <strong>: the pc became text.
    let broken = text.replacen(
        r#"<target xml:space="preserve">der Vorstand lädt Sie herzlich zu unserem <pc id="p5.s1.c1" dataRefStart="p5.s1.d1" dataRefEnd="p5.s1.d2" dispStart="&lt;strong&gt;">Sommerfest</pc>"#,
        r#"<target xml:space="preserve">der Vorstand lädt Sie herzlich zu unserem Sommerfest"#,
        1,
    );
    assert_ne!(broken, text);
    std::fs::write(&xlf, broken).unwrap();
    let out = dir.path().join("fest.en.html");
    excerpt()
        .arg("merge")
        .arg("corpus/de/vereinsfest.html")
        .arg(&xlf)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "fest.xlf: segment p5.s1: code 1 (`<strong>`) is missing in the target",
        ));
    assert!(!out.exists());
}

#[test]
fn a_translation_merges_into_the_same_structure() {
    let dir = tempfile::tempdir().unwrap();
    let po = dir.path().join("notes.po");
    excerpt()
        .args([
            "segment",
            "--format",
            "po",
            "--lang",
            "en",
            "--target-lang",
            "de",
        ])
        .args(["--target", "source", "corpus/en/field-notes.md", "-o"])
        .arg(&po)
        .assert()
        .success();
    let text = std::fs::read_to_string(&po).unwrap();
    let translated = text.replace(
        "msgstr \"What we measured\"",
        "msgstr \"Was wir gemessen haben\"",
    );
    assert_ne!(translated, text);
    std::fs::write(&po, translated).unwrap();
    let out = stdout_of(
        excerpt()
            .arg("merge")
            .arg("corpus/en/field-notes.md")
            .arg(&po),
    );
    let original = std::fs::read_to_string(root().join("corpus/en/field-notes.md")).unwrap();
    assert_eq!(
        out,
        original.replace("## What we measured", "## Was wir gemessen haben")
    );
}

#[test]
fn summarize_reads_only_the_text_of_a_page() {
    let out = stdout_of(
        excerpt()
            .args(["summarize", "--lang", "en", "--sentences", "3"])
            .arg("corpus/en/club-page.html"),
    );
    assert!(
        !out.contains('<') && !out.contains("&amp;") && !out.contains("console"),
        "{out}"
    );
    assert!(!out.trim().is_empty());
    let page = std::fs::read_to_string(root().join("corpus/en/club-page.html")).unwrap();
    let piped = stdout_of(
        excerpt()
            .args([
                "summarize",
                "--lang",
                "en",
                "--sentences",
                "3",
                "--input",
                "html",
            ])
            .write_stdin(page),
    );
    assert_eq!(piped, out);
}
