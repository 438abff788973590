//! The translation formats from the command line: `excerpt segment --format
//! tmx|xliff|po|tsv`, `excerpt merge` and `excerpt stats`.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

mod common;
use common::{SEED, excerpt, root, stdout_of};

const MARKUP: &str = "tests/data/tm/markup-cr.txt";
const XML_INVALID: &str = "tests/data/tm/xml-invalid.txt";

/// Each format as `segment` arguments, with a file extension.
const FORMATS: [(&[&str], &str); 6] = [
    (&["--format", "tmx"], "tmx"),
    (&["--format", "xliff", "--xliff-version", "1.2"], "xlf"),
    (&["--format", "xliff", "--xliff-version", "2.0"], "xlf"),
    (&["--format", "xliff"], "xlf"),
    (&["--format", "po"], "po"),
    (&["--format", "tsv"], "tsv"),
];

fn corpus_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("corpus"), &mut out);
    out.sort();
    out
}

/// Writes `input` in a format with `extra` arguments, merges the file back
/// and returns (merged bytes, merge's standard error).
fn write_and_merge(
    dir: &Path,
    input: &Path,
    format: &[&str],
    ext: &str,
    extra: &[&str],
) -> (Vec<u8>, String) {
    let file = dir.join(format!("t.{ext}"));
    let back = dir.join("back.txt");
    excerpt()
        .arg("segment")
        .args(format)
        .args(extra)
        .arg(input)
        .arg("-o")
        .arg(&file)
        .assert()
        .success();
    let out = excerpt()
        .arg("merge")
        .arg(input)
        .arg(&file)
        .arg("-o")
        .arg(&back)
        .assert()
        .success()
        .get_output()
        .clone();
    (
        std::fs::read(&back).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn identity_merge_rebuilds_every_corpus_file_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus_files();
    assert!(files.len() >= 10, "corpus has {} files", files.len());
    for input in files {
        let original = std::fs::read(&input).unwrap();
        for (format, ext) in FORMATS {
            let target = ["--target-lang", "x-test", "--target", "source"];
            let (back, stderr) = write_and_merge(dir.path(), &input, format, ext, &target);
            assert!(
                back == original,
                "{} via {format:?} is not byte for byte",
                input.display()
            );
            assert!(stderr.is_empty(), "{stderr}");
        }
    }
}

#[test]
fn awkward_files_round_trip_with_and_without_protection() {
    let dir = tempfile::tempdir().unwrap();
    for input in [MARKUP, XML_INVALID] {
        let original = std::fs::read(root().join(input)).unwrap();
        for protect in ["", "urls,emails,numbers,tags"] {
            for (format, ext) in FORMATS {
                let args = [
                    "--lang",
                    "en",
                    "--target-lang",
                    "de",
                    "--target",
                    "source",
                    "--protect",
                    protect,
                ];
                let (back, _) =
                    write_and_merge(dir.path(), &root().join(input), format, ext, &args);
                assert!(back == original, "{input} {format:?} protect={protect}");
            }
        }
    }
}

#[test]
fn merge_without_targets_keeps_sources_and_warns_with_the_count() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read(root().join(SEED)).unwrap();
    let segments = stdout_of(excerpt().args(["segment", "--format", "jsonl", SEED]))
        .lines()
        .count();
    for (format, ext) in FORMATS {
        let target = ["--target-lang", "de", "--target", "empty"];
        let (back, stderr) = write_and_merge(dir.path(), &root().join(SEED), format, ext, &target);
        assert!(back == original);
        let expected = format!("{segments} of {segments} segments have no target");
        assert!(stderr.contains(&expected), "{format:?}: {stderr}");
    }
}

#[test]
fn a_translated_segment_replaces_its_source_only() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(
        &input,
        "The ferry leaves at noon.  Tickets are sold aboard.\r\n",
    )
    .unwrap();
    let po = dir.path().join("in.po");
    excerpt()
        .args([
            "segment",
            "--format",
            "po",
            "--lang",
            "en",
            "--target-lang",
            "nl",
        ])
        .arg(&input)
        .arg("-o")
        .arg(&po)
        .assert()
        .success();
    let text = std::fs::read_to_string(&po).unwrap();
    let translated = text.replacen(
        "msgid \"The ferry leaves at noon.\"\nmsgstr \"\"",
        "msgid \"The ferry leaves at noon.\"\nmsgstr \"De veerboot vertrekt om twaalf uur.\"",
        1,
    );
    assert_ne!(text, translated, "the PO entry was not found:\n{text}");
    std::fs::write(&po, translated).unwrap();
    excerpt()
        .arg("merge")
        .arg(&input)
        .arg(&po)
        .assert()
        .success()
        .stdout("De veerboot vertrekt om twaalf uur.  Tickets are sold aboard.\r\n")
        .stderr(predicate::str::contains("1 of 2 segments have no target"));
}

#[test]
fn ids_are_stable_and_shared_by_every_format() {
    let run = |args: &[&str]| stdout_of(excerpt().arg("segment").args(args).arg(SEED));
    let tmx = run(&["--format", "tmx"]);
    assert_eq!(tmx, run(&["--format", "tmx"]), "same input, same output");
    let jsonl = run(&["--format", "jsonl"]);
    let ids: Vec<String> = jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            assert!(v["words"].as_u64().is_some());
            let paragraph = v["paragraph"].as_u64().unwrap();
            assert_eq!(v["paragraph_id"], format!("p{}", paragraph + 1));
            v["segment_id"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(ids[0], "p1.s1");
    for id in &ids {
        assert!(tmx.contains(&format!("<tu tuid=\"{id}\">")), "{id}");
    }
    let tsv = run(&["--format", "tsv"]);
    let tsv_ids: Vec<&str> = tsv
        .lines()
        .map(|l| l.rsplit('\t').next().unwrap())
        .collect();
    assert_eq!(tsv_ids, ids);
}

#[test]
fn xml_escaping_and_carriage_returns() {
    let xliff = stdout_of(excerpt().args([
        "segment",
        "--format",
        "xliff",
        "--lang",
        "en",
        "--target-lang",
        "de",
        MARKUP,
    ]));
    assert!(xliff.contains("&lt;b&gt;offers&lt;/b&gt;"));
    assert!(xliff.contains("&amp;amp;"), "a literal &amp; is text");
    assert!(xliff.contains("]]&gt;"));
    assert!(
        xliff.contains("&#13;"),
        "CR is written as a character reference"
    );
    assert!(!xliff.contains('\r'), "no raw CR reaches the file");
    assert!(xliff.contains(r#"srcLang="en" trgLang="de""#));
    assert!(xliff.contains(r#"state="initial""#));
    assert!(xliff.contains("<ignorable>"));
}

#[test]
fn forbidden_characters_become_codes_or_a_clear_error() {
    let tmx =
        stdout_of(excerpt().args(["segment", "--format", "tmx", "--lang", "en", XML_INVALID]));
    assert!(tmx.contains(r#"type="x-xml-invalid-U+0007""#), "{tmx}");
    assert!(!tmx.contains('\u{7}') && !tmx.contains('\u{fffe}'));
    excerpt()
        .args([
            "segment",
            "--format",
            "xliff",
            "--xml-invalid",
            "error",
            XML_INVALID,
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "xml-invalid.txt: character U+0007 at byte offset 6",
        ));
    // PO and TSV have their own escapes and never fail.
    let tsv = stdout_of(excerpt().args([
        "segment",
        "--format",
        "tsv",
        "--xml-invalid",
        "error",
        XML_INVALID,
    ]));
    assert!(tsv.contains("bell\\u{0007} rang."));
}

#[test]
fn protected_spans_are_inline_codes_in_each_xml_format() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(
        &input,
        "Write to desk@example.org or open https://example.org/help now.\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        stdout_of(
            excerpt()
                .args(["segment", "--lang", "en", "--protect", "urls,emails"])
                .args(args)
                .arg(&input),
        )
    };
    let tmx = run(&["--format", "tmx"]);
    assert!(tmx.contains(r#"<ph x="1" type="x-email"/>"#), "{tmx}");
    assert!(tmx.contains(r#"<ph x="2" type="x-url"/>"#));
    assert!(!tmx.contains("desk@example.org</seg>"));
    let x12 = run(&["--format", "xliff", "--xliff-version", "1.2"]);
    assert!(
        x12.contains(r#"<x id="2" ctype="x-url" equiv-text="https://example.org/help"/>"#),
        "{x12}"
    );
    let x2 = run(&["--format", "xliff"]);
    assert!(
        x2.contains(r#"<ph id="p1.s1.c1" dataRef="p1.s1.d1" disp="desk@example.org"/>"#),
        "{x2}"
    );
    assert!(x2.contains(r#"<data id="p1.s1.d2">https://example.org/help</data>"#));
}

#[test]
fn target_options_are_checked() {
    excerpt()
        .args(["segment", "--format", "tmx", "--target", "source", SEED])
        .assert()
        .failure()
        .stderr(predicate::str::contains("needs --target-lang"));
    excerpt()
        .args([
            "segment",
            "--format",
            "xliff",
            "--target-lang",
            "not a tag",
            SEED,
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a BCP 47 language tag"));
    excerpt()
        .args(["segment", "--format", "jsonl", "--target-lang", "de", SEED])
        .assert()
        .failure();
}

#[test]
fn stats_counts_repetitions_per_file_and_in_total() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Press the red button. Wait 5 minutes.\n\nPress the red button. Wait 10 minutes!\n",
    )
    .unwrap();
    std::fs::write(&b, "Press the red button. All done now.\n").unwrap();
    let json = stdout_of(
        excerpt()
            .args(["stats", "--format", "json", "--lang", "en"])
            .arg(&a)
            .arg(&b),
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let fa = &v["files"][0];
    assert_eq!(fa["segments"], 4);
    assert_eq!(fa["words"], 14);
    assert_eq!(fa["repetitions"], 1);
    assert_eq!(fa["normalized_repetitions"], 2);
    assert_eq!(fa["unique"], 3);
    let total = &v["total"];
    assert_eq!(total["segments"], 6);
    assert_eq!(
        total["repetitions"], 2,
        "b.txt repeats a.txt's first segment"
    );
    assert_eq!(total["unique"], 4);
    let table = stdout_of(excerpt().args(["stats", "--lang", "en"]).arg(&a).arg(&b));
    let last = table.lines().last().unwrap();
    assert!(last.starts_with("total"), "{table}");
    let nums: Vec<&str> = last.split_whitespace().skip(1).collect();
    assert_eq!(nums[0], "6");
}

#[test]
fn merge_warns_when_given_another_original() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    let edited = dir.path().join("edited.txt");
    std::fs::write(&input, "The bridge opens in May. Cars pay a toll.\n").unwrap();
    std::fs::write(&edited, "The bridge opens in June. Cars pay a toll.\n").unwrap();
    let xlf = dir.path().join("in.xlf");
    excerpt()
        .args([
            "segment",
            "--format",
            "xliff",
            "--lang",
            "en",
            "--target-lang",
            "de",
            "--target",
            "source",
        ])
        .arg(&input)
        .arg("-o")
        .arg(&xlf)
        .assert()
        .success();
    excerpt()
        .arg("merge")
        .arg(&input)
        .arg(&xlf)
        .assert()
        .success()
        .stderr("");
    excerpt()
        .arg("merge")
        .arg(&edited)
        .arg(&xlf)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not the text"))
        .stderr(predicate::str::contains("--force"));
    excerpt()
        .args(["merge", "--force"])
        .arg(&edited)
        .arg(&xlf)
        .assert()
        .success()
        .stderr(predicate::str::contains("is not the text"));
}
