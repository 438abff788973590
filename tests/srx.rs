//! `excerpt segment --srx`: the command line with an SRX file.

mod common;
use common::{excerpt, root, stdout_of};
use predicates::prelude::PredicateBooleanExt;

const CASES: &str = "tests/srx/cases.srx";

fn write_temp(text: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
    f
}

#[test]
fn jsonl_offsets_are_lossless_code_points() {
    let text = "𝐀 bold. 😀 Smile. Next.";
    let file = write_temp(text);
    let srx = root().join(CASES);
    let out = stdout_of(excerpt().args([
        "segment",
        "--srx",
        srx.to_str().unwrap(),
        "--lang",
        "space",
        "--format",
        "jsonl",
        file.path().to_str().unwrap(),
    ]));
    let mut parts = Vec::new();
    let mut at = 0;
    let chars: Vec<char> = text.chars().collect();
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (s, e) = (
            v["char_start"].as_u64().unwrap() as usize,
            v["char_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(s, at);
        let part: String = chars[s..e].iter().collect();
        assert_eq!(v["text"].as_str().unwrap(), part);
        assert_eq!(v["lang"], "space");
        parts.push(part);
        at = e;
    }
    assert_eq!(at, chars.len());
    assert_eq!(parts, ["𝐀 bold.", " 😀 Smile.", " Next."]);
}

#[test]
fn lines_follow_the_language_map() {
    let file = write_temp("One; two. Three; four.");
    let srx = root().join("tests/srx/nocascade.srx");
    let run = |lang: &str| {
        stdout_of(excerpt().args([
            "segment",
            "--srx",
            srx.to_str().unwrap(),
            "--lang",
            lang,
            file.path().to_str().unwrap(),
        ]))
    };
    assert_eq!(run("semi-x"), "One;\n two. Three;\n four.\n");
    assert_eq!(run("xx"), "One; two.\n Three; four.\n");
}

#[test]
fn a_broken_srx_file_is_an_error_naming_the_line() {
    let srx = write_temp(
        "<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n<body>\n<bogus/>\n</body></srx>",
    );
    let file = write_temp("Text.");
    excerpt()
        .args(["segment", "--srx"])
        .arg(srx.path())
        .args(["--lang", "en"])
        .arg(file.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("line 3"));
}

/// The SRX file of these tests: with code `semi-x` (no cascade), a break
/// after `;` only, which excerpt's own segmenter never makes.
const NOCASCADE: &str = "tests/srx/nocascade.srx";

/// A text with paragraphs, CRLF line ends and white space around
/// sentences, for the translation formats.
const TEXT: &str = "  One; two. Three; four.\r\n\r\nFive; six.  \r\n";

/// Segments `dir/a.txt` (holding [`TEXT`]) with the SRX file `srx` into
/// `dir/a.<ext>` in `format` (`extra` arguments added) and returns what was
/// written.
fn write_format(
    dir: &std::path::Path,
    srx: &std::path::Path,
    format: &str,
    extra: &[&str],
) -> String {
    let ext = format.split(' ').next().unwrap();
    let out = dir.join(format!("a.{ext}"));
    excerpt()
        .args(["segment", "--srx"])
        .arg(srx)
        .args(["--lang", "semi-x", "--format", ext])
        .args(extra)
        .arg(dir.join("a.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn every_translation_format_records_the_rules_and_merges_back_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    let srx = dir.path().join("rules.srx");
    std::fs::copy(root().join(NOCASCADE), &srx).unwrap();
    let cases: [(&str, &[&str]); 6] = [
        ("xlf", &["--target-lang", "de", "--target", "source"]),
        (
            "xlf",
            &[
                "--xliff-version",
                "1.2",
                "--target-lang",
                "de",
                "--target",
                "source",
            ],
        ),
        (
            "xlf",
            &[
                "--xliff-version",
                "2.0",
                "--target-lang",
                "de",
                "--target",
                "source",
            ],
        ),
        ("tmx", &["--target-lang", "de", "--target", "source"]),
        ("po", &["--target-lang", "de", "--target", "source"]),
        ("tsv", &["--target", "source"]),
    ];
    for (ext, extra) in cases {
        let format = if ext == "xlf" { "xliff" } else { ext };
        let written = write_format(dir.path(), &srx, format, extra);
        let file = dir.path().join(format!("a.{format}"));
        // the SRX segments, trimmed (one holds a blank line: the rules
        // do not break there)
        for seg in ["two. Three;", "Five;"] {
            assert!(
                written.contains(seg),
                "{format} {extra:?}: {seg} in\n{written}"
            );
        }
        assert!(!written.contains("One; two."), "{format}: not SRX segments");
        let mut merge = excerpt();
        merge.arg("merge").arg(dir.path().join("a.txt")).arg(&file);
        if ext == "tsv" {
            // TSV records nothing: the segmentation is given again.
            merge.arg("--srx").arg(&srx).args(["--lang", "semi-x"]);
        } else {
            assert!(
                written.contains("srx=") && written.contains("srx-code=semi-x"),
                "{written}"
            );
            assert!(written.contains("srx-source=bytes="), "{written}");
        }
        assert_eq!(stdout_of(&mut merge), TEXT, "{format} {extra:?}");
    }
    // a translated segment lands in its place
    let po = std::fs::read_to_string(dir.path().join("a.po")).unwrap();
    let translated = po.replace("msgstr \"six.\"", "msgstr \"sechs.\"");
    std::fs::write(dir.path().join("de.po"), translated).unwrap();
    let out = stdout_of(
        excerpt()
            .arg("merge")
            .arg(dir.path().join("a.txt"))
            .arg(dir.path().join("de.po")),
    );
    assert_eq!(out, TEXT.replace("six.", "sechs."));
}

#[test]
fn merge_refuses_a_missing_or_changed_srx_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    let srx = dir.path().join("rules.srx");
    std::fs::copy(root().join(NOCASCADE), &srx).unwrap();
    write_format(dir.path(), &srx, "xliff", &["--target-lang", "de"]);
    let xlf = dir.path().join("a.xliff");
    // found where recorded: fine
    excerpt()
        .arg("merge")
        .arg(dir.path().join("a.txt"))
        .arg(&xlf)
        .assert()
        .success();
    // changed
    let changed = dir.path().join("changed.srx");
    let content = std::fs::read_to_string(&srx).unwrap();
    std::fs::write(&changed, content.replace("</srx>", "<!-- edited --></srx>")).unwrap();
    excerpt()
        .arg("merge")
        .arg(dir.path().join("a.txt"))
        .arg(&xlf)
        .arg("--srx")
        .arg(&changed)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is not that file"));
    // missing
    std::fs::remove_file(&srx).unwrap();
    excerpt()
        .arg("merge")
        .arg(dir.path().join("a.txt"))
        .arg(&xlf)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not found").and(predicates::str::contains("--srx")));
    // given again under another name: fine
    let moved = dir.path().join("moved.srx");
    std::fs::write(&moved, &content).unwrap();
    excerpt()
        .arg("merge")
        .arg(dir.path().join("a.txt"))
        .arg(&xlf)
        .arg("--srx")
        .arg(&moved)
        .assert()
        .success();
}

#[test]
fn projects_records_and_stats_use_the_srx_rules() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    std::fs::write(src.join("a.txt"), TEXT).unwrap();
    std::fs::write(src.join("sub/b.txt"), "Seven; eight.\n").unwrap();
    let srx = root().join(NOCASCADE);
    excerpt()
        .arg("segment")
        .arg("--srx")
        .arg(&srx)
        .args([
            "--lang",
            "semi-x",
            "--format",
            "xliff",
            "--target-lang",
            "de",
            "--target",
            "source",
        ])
        .arg(&src)
        .arg("--out-dir")
        .arg(dir.path().join("xlf"))
        .assert()
        .success();
    excerpt()
        .arg("merge")
        .arg(&src)
        .arg(dir.path().join("xlf"))
        .arg("--out-dir")
        .arg(dir.path().join("back"))
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("back/a.txt")).unwrap(),
        TEXT
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("back/sub/b.txt")).unwrap(),
        "Seven; eight.\n"
    );
    // --out-dir with lines: the reference's segments, as without it
    excerpt()
        .arg("segment")
        .arg("--srx")
        .arg(&srx)
        .args(["--lang", "semi-x"])
        .arg(src.join("sub"))
        .arg("--out-dir")
        .arg(dir.path().join("lines"))
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("lines/b.txt.lines")).unwrap(),
        "Seven;\n eight. \n"
    );
    // JSON Lines records
    let out = stdout_of(
        excerpt()
            .args(["segment", "--jsonl", "--lang", "semi-x", "--srx"])
            .arg(&srx)
            .write_stdin("{\"id\": 1, \"text\": \"Nine; ten.\"}\n"),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let texts: Vec<&str> = v["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Nine;", "ten."]);
    assert_eq!(v["segments"][1]["segment_id"], "p1.s2");
    // stats counts the SRX segments
    let stats = stdout_of(
        excerpt()
            .args(["stats", "--format", "json", "--lang", "semi-x", "--srx"])
            .arg(&srx)
            .arg(src.join("a.txt")),
    );
    let v: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(v["total"]["segments"], 4);
}

#[test]
fn srx_and_own_segmentation_flags_do_not_mix() {
    let file = write_temp("Text.");
    excerpt()
        .args(["segment", "--newline-boundary", "--srx"])
        .arg(root().join(NOCASCADE))
        .arg(file.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--srx"));
}

#[test]
fn exported_rules_cut_as_excerpt_does_where_srx_can_say_it() {
    let dir = tempfile::tempdir().unwrap();
    let srx = dir.path().join("de.srx");
    excerpt()
        .args([
            "segment",
            "--export-srx",
            "de-AT",
            "-o",
            srx.to_str().unwrap(),
        ])
        .assert()
        .success();
    let text = "Dr. Weber kam z. B. mit Nr. 5 an. Er blieb bis 18 Uhr usw. Dann ging er.";
    let file = write_temp(text);
    let by = |flags: &[&str]| {
        let mut args = vec!["segment", "--lang", "de"];
        args.extend_from_slice(flags);
        args.push(file.path().to_str().unwrap());
        stdout_of(excerpt().args(&args))
    };
    let own = by(&[]);
    let exported = by(&["--srx", srx.to_str().unwrap()]);
    assert_eq!(own.lines().count(), 3, "{own}");
    let trimmed: Vec<&str> = exported.lines().map(str::trim).collect();
    let own_lines: Vec<&str> = own.lines().map(str::trim).collect();
    assert_eq!(trimmed, own_lines);
    // A code that names no language is refused.
    excerpt()
        .args(["segment", "--export-srx", "xx"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("unknown language code \"xx\""));
}
