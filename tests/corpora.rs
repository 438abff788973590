//! Corpora and projects: `--jsonl` records, field options, directories of
//! files, and the progress bar.

use std::path::Path;

use predicates::prelude::*;
use serde_json::{Value, json};

#[allow(dead_code)]
mod common;
use common::{excerpt, stdout_of};

fn jsonl(values: &[Value]) -> String {
    values.iter().map(|v| format!("{v}\n")).collect()
}

fn parse_lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn story(i: usize) -> String {
    format!(
        "Ferry {i} leaves the harbour at dawn. The ferry carries {i} passengers.\n\n\
         Gulls follow the ferry to the island, says Dr. Brown."
    )
}

#[test]
fn segment_jsonl_keeps_order_across_batches_with_exact_spans() {
    // more records than two batches hold, with unicode to tell bytes from chars
    let records: Vec<Value> = (0..1300)
        .map(|i| json!({"id": i, "text": format!("Ça {i}. {}", story(i))}))
        .collect();
    let out = stdout_of(
        excerpt()
            .args(["segment", "--jsonl", "--lang", "en"])
            .write_stdin(jsonl(&records)),
    );
    let lines = parse_lines(&out);
    assert_eq!(lines.len(), 1300);
    for (i, (line, record)) in lines.iter().zip(&records).enumerate() {
        assert_eq!(line["id"], i);
        assert_eq!(line["lang"], "en");
        let text = record["text"].as_str().unwrap();
        let segments = line["segments"].as_array().unwrap();
        let ids: Vec<&str> = segments
            .iter()
            .map(|s| s["segment_id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["p1.s1", "p1.s2", "p1.s3", "p2.s1"], "{line}");
        for s in segments {
            let (b0, b1) = (
                s["byte_start"].as_u64().unwrap() as usize,
                s["byte_end"].as_u64().unwrap() as usize,
            );
            let (c0, c1) = (
                s["char_start"].as_u64().unwrap() as usize,
                s["char_end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[b0..b1], s["text"].as_str().unwrap());
            assert_eq!(text[..b0].chars().count(), c0);
            assert_eq!(text[..b1].chars().count(), c1);
        }
    }
}

#[test]
fn segment_jsonl_writes_every_record_before_a_bad_line_and_names_it() {
    let mut input = String::new();
    for i in 0..600 {
        input.push_str(&json!({"id": i, "text": story(i)}).to_string());
        input.push('\n');
    }
    input.push_str("{\"id\": 600, \"text\": \"unterminated\n");
    input.push_str(&json!({"id": 601, "text": story(601)}).to_string());
    input.push('\n');
    let output = excerpt()
        .args(["segment", "--jsonl", "--lang", "en"])
        .write_stdin(input.clone())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>: line 601"))
        .get_output()
        .stdout
        .clone();
    let ids: Vec<u64> = parse_lines(&String::from_utf8(output).unwrap())
        .iter()
        .map(|v| v["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, (0..600).collect::<Vec<u64>>());

    // --skip-bad goes on, and says how many it skipped and where the first was
    let output = excerpt()
        .args(["segment", "--jsonl", "--lang", "en", "--skip-bad"])
        .write_stdin(input)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "<stdin>: skipped 1 bad record (first: line 601:",
        ))
        .get_output()
        .stdout
        .clone();
    let ids: Vec<u64> = parse_lines(&String::from_utf8(output).unwrap())
        .iter()
        .map(|v| v["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids.len(), 601);
    assert_eq!(ids[600], 601);
}

#[test]
fn a_failed_jsonl_run_leaves_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    excerpt()
        .args(["segment", "--jsonl", "-o"])
        .arg(&out)
        .write_stdin("{\"text\": \"One. Two.\"}\n[1]\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 2: not a JSON object"));
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn text_and_id_fields_take_dotted_paths_on_both_jsonl_commands() {
    let input = jsonl(&[
        json!({"meta": {"id": "cnn-1"}, "article": story(1)}),
        json!({"meta": {}, "article": "Short one. Two sentences."}),
    ]);
    let seg = parse_lines(&stdout_of(
        excerpt()
            .args(["segment", "--jsonl", "--lang", "en"])
            .args(["--text-field", "article", "--id-field", "meta.id"])
            .write_stdin(input.clone()),
    ));
    assert_eq!(seg[0]["id"], "cnn-1");
    assert_eq!(seg[1]["id"], Value::Null);
    assert_eq!(seg[1]["segments"][1]["text"], "Two sentences.");
    let sum = parse_lines(&stdout_of(
        excerpt()
            .args(["summarize", "--jsonl", "--lang", "en", "--sentences", "1"])
            .args(["--text-field", "article", "--id-field", "meta.id"])
            .write_stdin(input.clone()),
    ));
    assert_eq!(sum[0]["id"], "cnn-1");
    assert_eq!(sum[0]["summary"].as_array().unwrap().len(), 1);

    // the default field is "text": these records have none
    for command in ["segment", "summarize"] {
        excerpt()
            .args([command, "--jsonl"])
            .write_stdin(input.clone())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "<stdin>: line 1: no \"text\" field",
            ));
    }
    // a nested text field, and one that is not a string
    let nested = jsonl(&[
        json!({"id": 1, "doc": {"body": "Nested. Text."}}),
        json!({"id": 2, "doc": {"body": 5}}),
        json!({"id": 3, "doc": {"body": "Last."}}),
    ]);
    excerpt()
        .args(["segment", "--jsonl", "--text-field", "doc.body"])
        .write_stdin(nested.clone())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "line 2: the \"doc.body\" field is not a string",
        ));
    let out = parse_lines(&stdout_of(
        excerpt()
            .args([
                "summarize",
                "--jsonl",
                "--skip-bad",
                "--text-field",
                "doc.body",
            ])
            .write_stdin(nested),
    ));
    let ids: Vec<&Value> = out.iter().map(|v| &v["id"]).collect();
    assert_eq!(ids, [&json!(1), &json!(3)]);
}

#[test]
fn field_options_need_jsonl() {
    excerpt()
        .args(["segment", "--text-field", "body"])
        .write_stdin("One.")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--jsonl"));
}

#[test]
fn stats_jsonl_counts_a_corpus_as_stats_counts_a_file() {
    let texts = ["Page 1. Hello there.", "Page 2! Hello there.", "The end."];
    let records: Vec<Value> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"id": i, "text": t}))
        .collect();
    let corpus: Value = serde_json::from_str(&stdout_of(
        excerpt()
            .args(["stats", "--jsonl", "--format", "json", "--lang", "en"])
            .write_stdin(jsonl(&records)),
    ))
    .unwrap();
    // the same segments in one plain file, one a line
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.txt");
    std::fs::write(
        &plain,
        "Page 1.\nHello there.\nPage 2!\nHello there.\nThe end.\n",
    )
    .unwrap();
    let file: Value = serde_json::from_str(&stdout_of(
        excerpt()
            .args([
                "stats",
                "--format",
                "json",
                "--lang",
                "en",
                "--newline-boundary",
            ])
            .arg(&plain),
    ))
    .unwrap();
    assert_eq!(corpus["records"], 3);
    assert_eq!(corpus["total"], file["total"]);
    assert_eq!(corpus["total"]["segments"], 5);
    assert_eq!(corpus["total"]["repetitions"], 1);
    assert_eq!(corpus["total"]["normalized_repetitions"], 2);
    assert_eq!(corpus["files"][0]["file"], "<stdin>");
    assert_eq!(corpus["files"][0]["lang"], "en");

    // a bad record stops the count, or is left out of it with --skip-bad
    let mut input = jsonl(&records);
    input.insert_str(0, "{\"id\": \"x\"}\n");
    excerpt()
        .args(["stats", "--jsonl", "--lang", "en"])
        .write_stdin(input.clone())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "<stdin>: line 1: no \"text\" field",
        ));
    let skipped: Value = serde_json::from_str(&stdout_of(
        excerpt()
            .args([
                "stats",
                "--jsonl",
                "--skip-bad",
                "--format",
                "json",
                "--lang",
                "en",
            ])
            .write_stdin(input),
    ))
    .unwrap();
    assert_eq!(skipped["total"], corpus["total"]);
    assert_eq!(skipped["records"], 3);
}

/// Writes `text` at `dir/rel`, making the folders on the way.
fn put(dir: &Path, rel: &str, text: &[u8]) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The files under `dir`, as sorted relative paths with `/`.
fn tree(dir: &Path) -> Vec<String> {
    fn visit(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                visit(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap();
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    visit(dir, dir, &mut out);
    out.sort();
    out
}

/// A project three levels deep, with a hidden folder, a hidden file and
/// an ignored folder.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    put(p, ".gitignore", b"build/\n*.log\n");
    put(p, "intro.txt", b"Welcome to the guide. It is short.\n");
    put(
        p,
        "ch1/setup.md",
        "Install the tool.  Then run it.\r\n\r\nÇa marche, Dr. Lee says.\r\n".as_bytes(),
    );
    put(
        p,
        "ch1/deep/er/notes.txt",
        b"Deep notes. Three levels down.\n\n\nEnd.",
    );
    put(p, "ch1/run.log", b"Ignored by the glob in .gitignore.\n");
    put(p, "build/out.txt", b"Ignored folder.\n");
    put(p, ".cache/x.txt", b"Hidden folder.\n");
    put(p, "ch1/.draft.txt", b"Hidden file.\n");
    dir
}

#[test]
fn segment_out_dir_mirrors_the_tree_and_skips_hidden_and_ignored_files() {
    let proj = project();
    let out = tempfile::tempdir().unwrap();
    excerpt()
        .args(["segment", "--format", "xliff", "--lang", "en", "--out-dir"])
        .arg(out.path())
        .arg(proj.path())
        .assert()
        .success();
    assert_eq!(
        tree(out.path()),
        [
            "ch1/deep/er/notes.txt.xlf",
            "ch1/setup.md.xlf",
            "intro.txt.xlf"
        ]
    );
    let xlf = std::fs::read_to_string(out.path().join("ch1/deep/er/notes.txt.xlf")).unwrap();
    assert!(xlf.contains("Three levels down."), "{xlf}");

    // --no-ignore reads them all; a file named by itself goes to the top
    let all = tempfile::tempdir().unwrap();
    excerpt()
        .args(["segment", "--format", "tsv", "--lang", "en", "--no-ignore"])
        .arg("--out-dir")
        .arg(all.path())
        .arg(proj.path())
        .arg(proj.path().join("ch1/setup.md"))
        .assert()
        .success();
    assert_eq!(
        tree(all.path()),
        [
            ".cache/x.txt.tsv",
            ".gitignore.tsv",
            "build/out.txt.tsv",
            "ch1/.draft.txt.tsv",
            "ch1/deep/er/notes.txt.tsv",
            "ch1/run.log.tsv",
            "ch1/setup.md.tsv",
            "intro.txt.tsv",
            "setup.md.tsv",
        ]
    );

    // --glob keeps only the files that match, at any depth
    let md = tempfile::tempdir().unwrap();
    excerpt()
        .args([
            "segment", "--format", "jsonl", "--lang", "en", "--glob", "*.md",
        ])
        .arg("--out-dir")
        .arg(md.path())
        .arg(proj.path())
        .assert()
        .success();
    assert_eq!(tree(md.path()), ["ch1/setup.md.jsonl"]);
}

#[test]
fn one_bad_file_is_reported_and_the_others_are_written() {
    let proj = project();
    put(proj.path(), "ch1/latin1.txt", b"Caf\xe9 au lait. Bon.\n");
    let out = tempfile::tempdir().unwrap();
    let missing = proj.path().join("no-such.txt");
    excerpt()
        .args(["segment", "--format", "po", "--lang", "en", "--out-dir"])
        .arg(out.path())
        .arg(proj.path())
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("latin1.txt: invalid UTF-8 at byte offset 3 (line 1")
                .and(predicate::str::contains("no-such.txt: no such file"))
                .and(predicate::str::contains("2 of 5 files failed")),
        );
    assert_eq!(
        tree(out.path()),
        [
            "ch1/deep/er/notes.txt.po",
            "ch1/setup.md.po",
            "intro.txt.po"
        ]
    );
}

#[test]
fn merge_out_dir_rebuilds_a_project_byte_for_byte() {
    let proj = project();
    let xlf = tempfile::tempdir().unwrap();
    let back = tempfile::tempdir().unwrap();
    excerpt()
        .args(["segment", "--format", "xliff", "--lang", "en"])
        .args(["--target-lang", "de", "--target", "source", "--out-dir"])
        .arg(xlf.path())
        .arg(proj.path())
        .assert()
        .success();
    excerpt()
        .arg("merge")
        .arg(proj.path())
        .arg(xlf.path())
        .arg("--out-dir")
        .arg(back.path())
        .assert()
        .success();
    let files = tree(back.path());
    assert_eq!(
        files,
        ["ch1/deep/er/notes.txt", "ch1/setup.md", "intro.txt"]
    );
    for rel in files {
        assert_eq!(
            std::fs::read(back.path().join(&rel)).unwrap(),
            std::fs::read(proj.path().join(&rel)).unwrap(),
            "{rel}"
        );
    }
    // a translated file whose original is missing fails alone
    put(
        xlf.path(),
        "gone.txt.xlf",
        &std::fs::read(xlf.path().join("intro.txt.xlf")).unwrap(),
    );
    let again = tempfile::tempdir().unwrap();
    excerpt()
        .arg("merge")
        .arg(proj.path())
        .arg(xlf.path())
        .arg("--out-dir")
        .arg(again.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("gone.txt: no such file"));
    assert_eq!(tree(again.path()).len(), 3);
}

#[test]
fn stats_of_a_directory_has_a_row_per_file_and_the_total() {
    let proj = project();
    put(
        proj.path(),
        "ch2/again.txt",
        b"Welcome to the guide. New text.\n",
    );
    let report: Value = serde_json::from_str(&stdout_of(
        excerpt()
            .args(["stats", "--format", "json", "--lang", "en"])
            .arg(proj.path()),
    ))
    .unwrap();
    let files: Vec<String> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            Path::new(f["file"].as_str().unwrap())
                .strip_prefix(proj.path())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    assert_eq!(
        files,
        [
            "ch1/deep/er/notes.txt",
            "ch1/setup.md",
            "ch2/again.txt",
            "intro.txt"
        ]
    );
    let segments: u64 = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["segments"].as_u64().unwrap())
        .sum();
    assert_eq!(report["total"]["segments"], segments);
    // "Welcome to the guide." is in two files: a repetition only in the total
    assert_eq!(report["total"]["repetitions"], 1);
}

/// A corpus big enough for a few batches.
fn corpus_file(dir: &Path) -> std::path::PathBuf {
    let records: Vec<Value> = (0..1500)
        .map(|i| json!({"id": i, "text": story(i)}))
        .collect();
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, jsonl(&records)).unwrap();
    path
}

#[test]
fn progress_is_off_when_standard_error_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_file(dir.path());
    let quiet = excerpt()
        .args(["segment", "--jsonl", "--lang", "en"])
        .arg(&corpus)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    // always: drawn on standard error all the same, standard output untouched
    let shown = excerpt()
        .args(["segment", "--jsonl", "--lang", "en", "--progress", "always"])
        .arg(&corpus)
        .assert()
        .success()
        .stderr(predicate::str::contains("records").and(predicate::str::contains("B/s")))
        .get_output()
        .stdout
        .clone();
    assert_eq!(shown, quiet);
    // so does plain segmentation of files, counting segments
    let book = dir.path().join("book.txt");
    std::fs::write(&book, (0..3000).map(story).collect::<Vec<_>>().join("\n\n")).unwrap();
    for format in ["lines", "jsonl"] {
        let quiet = stdout_of(
            excerpt()
                .args(["segment", "--lang", "en", "--format", format])
                .arg(&book),
        );
        let shown = excerpt()
            .args([
                "segment",
                "--lang",
                "en",
                "--progress",
                "always",
                "--format",
                format,
            ])
            .arg(&book)
            .assert()
            .success()
            .stderr(predicate::str::contains("4096 segments"))
            .get_output()
            .stdout
            .clone();
        assert_eq!(String::from_utf8(shown).unwrap(), quiet);
    }
    // a project run is quiet too
    let out = tempfile::tempdir().unwrap();
    excerpt()
        .args(["segment", "--lang", "en", "--out-dir"])
        .arg(out.path())
        .arg(&corpus)
        .assert()
        .success()
        .stderr("");
}

/// Runs `command` (a shell command line) in a pseudo-terminal with `script`
/// from util-linux and returns what the terminal showed; `None` where there
/// is no `script`.
fn on_a_terminal(command: &str) -> Option<String> {
    let out = std::process::Command::new("script")
        .args(["-q", "-e", "-c", command, "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .ok()?;
    assert!(out.status.success(), "{out:?}");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn quoted(path: &Path) -> String {
    format!("'{}'", path.display())
}

#[test]
fn progress_on_a_terminal_goes_to_standard_error_and_leaves_the_output_whole() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_file(dir.path());
    let bin = quoted(&assert_cmd::cargo::cargo_bin("excerpt"));
    let expected = stdout_of(
        excerpt()
            .args(["segment", "--jsonl", "--lang", "en"])
            .arg(&corpus),
    );
    let out = dir.path().join("out.jsonl");
    let Some(screen) = on_a_terminal(&format!(
        "{bin} segment --jsonl --lang en --progress always {} > {}",
        quoted(&corpus),
        quoted(&out)
    )) else {
        eprintln!("no `script` here: the pseudo-terminal test did not run");
        return;
    };
    assert!(screen.contains("records"), "{screen:?}");
    assert!(
        screen.contains("\u{1b}["),
        "no terminal control codes: {screen:?}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);

    // auto draws nothing when standard output is the terminal itself
    let screen = on_a_terminal(&format!(
        "{bin} segment --jsonl --lang en {}",
        quoted(&corpus)
    ))
    .unwrap();
    assert!(!screen.contains("\u{1b}["), "{screen:?}");
    assert!(!screen.contains("records"));
    assert_eq!(screen.replace("\r\n", "\n"), expected);
    // `-o -` is standard output too
    let screen = on_a_terminal(&format!(
        "{bin} segment --jsonl --lang en -o - {}",
        quoted(&corpus)
    ))
    .unwrap();
    assert_eq!(screen.replace("\r\n", "\n"), expected);

    // a project run counts files
    let proj = project();
    let out = tempfile::tempdir().unwrap();
    let screen = on_a_terminal(&format!(
        "{bin} segment --lang en --progress always --out-dir {} {}",
        quoted(out.path()),
        quoted(proj.path())
    ))
    .unwrap();
    assert!(screen.contains("/3 files"), "{screen:?}");
    assert_eq!(tree(out.path()).len(), 3);
}

#[test]
fn an_out_dir_inside_the_project_is_not_read_back() {
    let proj = project();
    let out = proj.path().join("xliff");
    for _ in 0..2 {
        excerpt()
            .args(["segment", "--format", "xliff", "--lang", "en", "--out-dir"])
            .arg(&out)
            .arg(proj.path())
            .assert()
            .success();
        assert_eq!(
            tree(&out),
            [
                "ch1/deep/er/notes.txt.xlf",
                "ch1/setup.md.xlf",
                "intro.txt.xlf"
            ]
        );
    }
}

#[test]
fn a_directory_without_out_dir_points_to_it() {
    let proj = project();
    excerpt()
        .args(["segment", "--lang", "en"])
        .arg(proj.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is a directory, not a text file (give --out-dir DIR",
        ));
    excerpt()
        .arg("merge")
        .arg(proj.path())
        .arg(proj.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give --out-dir DIR to merge"));
}

#[cfg(unix)]
#[test]
fn outputs_get_the_mode_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let proj = project();
    let out = tempfile::tempdir().unwrap();
    excerpt()
        .args(["segment", "--lang", "en", "--out-dir"])
        .arg(out.path())
        .arg(proj.path())
        .assert()
        .success();
    let plain = out.path().join("plain");
    std::fs::write(&plain, "x").unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out.path().join("intro.txt.lines")), mode(&plain));
    let single = out.path().join("single.txt");
    excerpt()
        .args(["segment", "--lang", "en", "-o"])
        .arg(&single)
        .arg(proj.path().join("intro.txt"))
        .assert()
        .success();
    assert_eq!(mode(&single), mode(&plain));
}

#[test]
fn out_dir_lines_and_jsonl_read_documents_as_a_single_file_run_does() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    put(
        p,
        "docs/guide.md",
        b"# Guide\n\n- **Bold** item.\n\nSee [the docs](https://example.org/docs).\n",
    );
    put(
        p,
        "docs/page.html",
        b"<html><body><p>The <b>ferry</b> leaves at dawn. It returns at noon.</p></body></html>\n",
    );
    for format in ["lines", "jsonl"] {
        let out = p.join(format!("out-{format}"));
        excerpt()
            .args(["segment", "--lang", "en", "--format", format, "--out-dir"])
            .arg(&out)
            .arg(p.join("docs"))
            .assert()
            .success();
        for (name, ext) in [("guide.md", "md"), ("page.html", "html")] {
            let single = stdout_of(
                excerpt()
                    .args(["segment", "--lang", "en", "--format", format])
                    .arg(p.join("docs").join(name)),
            );
            let written = std::fs::read_to_string(out.join(format!("{name}.{format}"))).unwrap();
            assert_eq!(written, single, "{name} as {format}");
            assert!(!written.contains(['<', '*', '#']), "{ext}: {written}");
        }
    }
}
