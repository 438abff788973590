//! Files in the encodings translators receive: a UTF-8 byte-order mark,
//! UTF-16 with a byte-order mark, and legacy encodings named with
//! `--encoding`. Segments never hold the byte-order mark, offsets are the
//! file's, translation files are UTF-8 and record the encoding, and merge
//! writes the original's encoding back, byte for byte for an identity.

use std::path::Path;

use predicates::prelude::*;

mod common;
use common::{excerpt, root, stdout_of};

const DIR: &str = "tests/data/encodings";

/// The fixtures, each with the `--encoding` it needs (none with a BOM).
const FIXTURES: [(&str, Option<&str>); 6] = [
    ("utf8-bom.txt", None),
    ("utf16le.txt", None),
    ("utf16be.txt", None),
    ("windows-1252.txt", Some("windows-1252")),
    ("shift_jis.txt", Some("shift_jis")),
    ("windows-1252.html", Some("latin1")),
];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join(DIR).join(name)).unwrap()
}

/// `segment --format FORMAT` of a fixture with its source as target, written
/// to `dir`; returns the path.
fn identity(dir: &Path, name: &str, enc: Option<&str>, format: &str) -> std::path::PathBuf {
    let out = dir.join(format!("{name}.{format}"));
    let mut cmd = excerpt();
    cmd.args(["segment", "--format", format, "--target-lang", "xx-test"])
        .args(["--target", "source"])
        .arg(root().join(DIR).join(name))
        .arg("-o")
        .arg(&out);
    if let Some(enc) = enc {
        cmd.args(["--encoding", enc]);
    }
    cmd.assert().success();
    out
}

#[test]
fn identity_merge_is_byte_for_byte_in_every_encoding_and_format() {
    let dir = tempfile::tempdir().unwrap();
    for (name, enc) in FIXTURES {
        for format in ["xliff", "tmx", "po", "tsv"] {
            let translated = identity(dir.path(), name, enc, format);
            let written = std::fs::read_to_string(&translated)
                .unwrap_or_else(|e| panic!("{name} {format}: not UTF-8: {e}"));
            assert!(
                !written.contains('\u{feff}'),
                "{name} {format}: BOM in the file"
            );
            let out = dir.path().join(format!("{name}.{format}.out"));
            let mut cmd = excerpt();
            cmd.arg("merge")
                .arg(root().join(DIR).join(name))
                .arg(&translated)
                .arg("-o")
                .arg(&out);
            // TSV records no options: the encoding is given again
            if format == "tsv" {
                if let Some(enc) = enc {
                    cmd.args(["--encoding", enc]);
                }
            }
            cmd.assert().success();
            assert!(
                std::fs::read(&out).unwrap() == fixture(name),
                "{name} via {format}: not byte for byte"
            );
        }
    }
}

#[test]
fn translation_files_record_the_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let expect = [
        ("utf8-bom.txt", None, "encoding=UTF-8+bom"),
        ("utf16be.txt", None, "encoding=UTF-16BE+bom"),
        ("shift_jis.txt", Some("shift_jis"), "encoding=Shift_JIS"),
    ];
    for (name, enc, record) in expect {
        for format in ["xliff", "tmx", "po"] {
            let written = std::fs::read_to_string(identity(dir.path(), name, enc, format)).unwrap();
            assert!(written.contains(record), "{name} {format}:\n{written}");
        }
    }
}

/// Every JSON Lines record of `segment --format jsonl` of a fixture.
fn records(name: &str, enc: Option<&str>) -> Vec<serde_json::Value> {
    let mut cmd = excerpt();
    cmd.args(["segment", "--format", "jsonl"])
        .arg(format!("{DIR}/{name}"));
    if let Some(enc) = enc {
        cmd.args(["--encoding", enc]);
    }
    stdout_of(&mut cmd)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn byte_offsets_are_the_files_and_the_bom_is_in_no_segment() {
    for (name, enc) in FIXTURES {
        let bytes = fixture(name);
        let label = enc.unwrap_or(match name {
            "utf16le.txt" => "utf-16le",
            "utf16be.txt" => "utf-16be",
            _ => "utf-8",
        });
        let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
        let recs = records(name, enc);
        assert!(!recs.is_empty(), "{name}");
        for rec in recs {
            let text = rec["text"].as_str().unwrap();
            assert!(!text.contains('\u{feff}'), "{name}: BOM in {text:?}");
            let (start, end) = (
                rec["byte_start"].as_u64().unwrap(),
                rec["byte_end"].as_u64().unwrap(),
            );
            let span = &bytes[start as usize..end as usize];
            let (decoded, _) = encoding.decode_without_bom_handling(span);
            if !name.ends_with(".html") {
                assert_eq!(decoded, text, "{name}: bytes {start}..{end}");
            }
            assert!(rec["encoding"].is_string(), "{name}: {rec}");
        }
    }
}

#[test]
fn summaries_leave_the_bom_out() {
    let out = stdout_of(
        excerpt()
            .args(["summarize", "--format", "json", "--sentences", "1"])
            .arg(format!("{DIR}/utf8-bom.txt")),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let first = &v["sentences"][0];
    assert!(!first["text"].as_str().unwrap().contains('\u{feff}'), "{v}");
    assert!(first["byte_start"].as_u64().unwrap() >= 3, "{v}");
    assert_eq!(v["encoding"], "UTF-8+bom");
    let text = stdout_of(excerpt().arg("summarize").arg(format!("{DIR}/utf16le.txt")));
    assert!(text.contains("Fähre"), "{text}");
    assert!(!text.contains('\u{feff}'));
}

#[test]
fn invalid_utf8_suggests_encoding() {
    excerpt()
        .arg("segment")
        .arg(format!("{DIR}/windows-1252.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid UTF-8 at byte offset"))
        .stderr(predicate::str::contains("--encoding"));
}

#[test]
fn unknown_labels_and_undecodable_bytes_are_errors() {
    excerpt()
        .args(["segment", "--encoding", "klingon"])
        .arg(format!("{DIR}/windows-1252.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not an encoding label"));
    // windows-1252 text is not Shift_JIS: the error names the offset
    excerpt()
        .args(["segment", "--encoding", "shift_jis"])
        .arg(format!("{DIR}/windows-1252.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "not valid Shift_JIS at byte offset",
        ));
}

#[test]
fn an_unencodable_translation_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let tmx = identity(dir.path(), "windows-1252.txt", Some("windows-1252"), "tmx");
    let text = std::fs::read_to_string(&tmx).unwrap();
    let i = text.rfind("Fermé le lundi.").unwrap();
    let changed = format!(
        "{}Fermé le lundi 月.{}",
        &text[..i],
        &text[i + "Fermé le lundi.".len()..]
    );
    std::fs::write(&tmx, changed).unwrap();
    let out = dir.path().join("out.txt");
    excerpt()
        .arg("merge")
        .arg(format!("{DIR}/windows-1252.txt"))
        .arg(&tmx)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("segment p2.s2"))
        .stderr(predicate::str::contains("'月' (U+6708)"))
        .stderr(predicate::str::contains("windows-1252"));
    assert!(!out.exists());
    // numeric references on request
    let merged = excerpt()
        .args(["merge", "--encoding-fallback", "ncr"])
        .arg(format!("{DIR}/windows-1252.txt"))
        .arg(&tmx)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let want = b"Ferm\xe9 le lundi &#26376;.\r\n";
    assert!(
        merged.ends_with(want),
        "{:?}",
        String::from_utf8_lossy(&merged)
    );
}
