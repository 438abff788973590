//! Runs the built `excerpt` binary as a user would.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};

use predicates::prelude::*;

mod common;
use common::{SEED, excerpt, root, stdout_of};

fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

#[test]
fn seed_summary_is_three_sentences_of_the_article_body() {
    let text = read(SEED);
    // The article body runs from its first paragraph to the navigation block
    // after it; the lines before are the headline, dateline and page debris.
    let body_start = text.find("Kim Jong Un has accused").unwrap();
    let body_end = text.find("State Editions").unwrap();
    let summary = stdout_of(excerpt().args(["summarize", SEED]));
    let lines: Vec<&str> = summary.lines().collect();
    assert_eq!(lines.len(), 3, "{summary}");
    for line in lines {
        let at = text
            .find(line)
            .unwrap_or_else(|| panic!("not in the text: {line}"));
        assert!(
            (body_start..body_end).contains(&at),
            "not from the article body: {line}"
        );
        assert!(
            line.ends_with(['.', '"', '”', '!', '?']),
            "not a whole sentence: {line}"
        );
    }
}

#[test]
fn summary_from_stdin_equals_summary_from_file() {
    let from_file = stdout_of(excerpt().args(["summarize", SEED]));
    let from_stdin = stdout_of(excerpt().arg("summarize").write_stdin(read(SEED)));
    let from_dash = stdout_of(excerpt().args(["summarize", "-"]).write_stdin(read(SEED)));
    assert_eq!(from_file, from_stdin);
    assert_eq!(from_file, from_dash);
}

#[test]
fn summary_json_gives_offsets_that_point_into_the_text() {
    let text = read(SEED);
    let out =
        stdout_of(excerpt().args(["summarize", "--format", "json", "--sentences", "4", SEED]));
    let value: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(value["lang"], "en");
    let sentences = value["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 4);
    let mut last_index = None;
    for s in sentences {
        let (bs, be) = (
            s["byte_start"].as_u64().unwrap() as usize,
            s["byte_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[bs..be], s["text"].as_str().unwrap());
        let (cs, ce) = (
            s["char_start"].as_u64().unwrap() as usize,
            s["char_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(text[..bs].chars().count(), cs);
        assert_eq!(text[..be].chars().count(), ce);
        let index = s["index"].as_u64().unwrap();
        assert!(last_index < Some(index), "not in document order");
        last_index = Some(index);
    }
}

#[test]
fn segment_jsonl_spans_and_gaps_rebuild_the_input() {
    let text = read(SEED);
    let out = stdout_of(excerpt().args(["segment", "--format", "jsonl", SEED]));
    let mut rebuilt = String::new();
    let mut pos = 0;
    for (i, line) in out.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["id"].as_u64().unwrap() as usize, i + 1);
        assert_eq!(v["lang"], "en");
        let (bs, be) = (
            v["byte_start"].as_u64().unwrap() as usize,
            v["byte_end"].as_u64().unwrap() as usize,
        );
        let gap = &text[pos..bs];
        assert!(
            gap.chars().all(char::is_whitespace),
            "gap is not whitespace: {gap:?}"
        );
        rebuilt.push_str(gap);
        rebuilt.push_str(v["text"].as_str().unwrap());
        pos = be;
    }
    rebuilt.push_str(&text[pos..]);
    assert_eq!(rebuilt, text);
}

#[test]
fn segment_lines_puts_each_sentence_on_one_line() {
    let out = stdout_of(
        excerpt()
            .args(["segment", "--lang", "en"])
            .write_stdin("A sentence that is\nwrapped here. And another one.\n\nNew paragraph."),
    );
    assert_eq!(
        out,
        "A sentence that is wrapped here.\nAnd another one.\nNew paragraph.\n"
    );
}

#[test]
fn segment_paragraphs_follow_blank_lines() {
    let out = stdout_of(
        excerpt()
            .args(["segment", "--format", "jsonl", "--lang", "en"])
            .write_stdin("One. Two.\n\nThree.\n"),
    );
    let paragraphs: Vec<u64> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["paragraph"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(paragraphs, [0, 0, 1]);
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("segments.jsonl");
    excerpt()
        .args(["segment", "--format", "jsonl", "-o"])
        .arg(&path)
        .arg(SEED)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&path).unwrap();
    let direct = stdout_of(excerpt().args(["segment", "--format", "jsonl", SEED]));
    assert_eq!(written, direct);
}

#[test]
fn failed_run_leaves_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.txt");
    excerpt()
        .args(["segment", "-o"])
        .arg(&path)
        .arg(SEED)
        .arg("no-such-file.txt")
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "a half-written file was left behind"
    );
}

#[test]
fn jsonl_protocol_keeps_order_ids_and_budgets() {
    let mut input = String::new();
    for i in 0..40 {
        let text = format!(
            "Story {i} begins with a sentence about rivers. The river floods the valley every spring. \
             Farmers in the valley plant rice after the flood. Nobody else lives there."
        );
        let record = if i % 2 == 0 {
            serde_json::json!({"id": format!("doc-{i}"), "text": text, "k": 1})
        } else {
            serde_json::json!({"id": i, "text": text, "lang": "en"})
        };
        input.push_str(&record.to_string());
        input.push('\n');
    }
    let out = stdout_of(
        excerpt()
            .args(["summarize", "--jsonl", "--sentences", "2"])
            .write_stdin(input),
    );
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 40);
    for (i, r) in records.iter().enumerate() {
        let want_id = if i % 2 == 0 {
            serde_json::json!(format!("doc-{i}"))
        } else {
            serde_json::json!(i)
        };
        assert_eq!(r["id"], want_id);
        let k = if i % 2 == 0 { 1 } else { 2 };
        assert_eq!(r["summary"].as_array().unwrap().len(), k, "{r}");
    }
}

/// A news story of twelve sentences (one per line) whose second sentence
/// carries the decision its headline announces.
const LIBRARY_STORY: &str = "\
The town council met on Wednesday to discuss the library and the museum.
Councillors agreed to keep the library open on Sundays from next month.
The library and the museum share a building near the market square.
Museum visitors said the building was often crowded at weekends.
The library staff welcomed the council's decision.
Two more librarians will be hired for the weekend shifts.
The market square will get new benches in spring.
A brass band played outside after the meeting.
Rain fell for most of the evening.
Some residents could not attend the meeting.
The minutes will be posted at the town hall.
The next council meeting is in May.
";

#[test]
fn summarize_title_flag_picks_the_sentence_the_title_announces() {
    let title = "Library to open on Sundays";
    let plain = stdout_of(
        excerpt()
            .args(["summarize", "--lang", "en", "--sentences", "1"])
            .write_stdin(LIBRARY_STORY),
    );
    assert!(!plain.starts_with("Councillors agreed"), "{plain}");
    let titled = stdout_of(
        excerpt()
            .args([
                "summarize",
                "--lang",
                "en",
                "--sentences",
                "1",
                "--title",
                title,
            ])
            .write_stdin(LIBRARY_STORY),
    );
    assert!(titled.starts_with("Councillors agreed"), "{titled}");
    assert_eq!(titled.lines().count(), 1);
    // The same title as a JSONL record's field.
    let record =
        serde_json::json!({"id": 1, "text": LIBRARY_STORY, "k": 1, "lang": "en", "title": title});
    let out = stdout_of(
        excerpt()
            .args(["summarize", "--jsonl"])
            .write_stdin(format!("{record}\n")),
    );
    let value: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(value["summary"][0].as_str().unwrap(), titled.trim_end());
    // A headline the text opens with serves as its title, unless the title
    // is given (empty turns it off).
    let headed = format!("{title}\n\n{LIBRARY_STORY}");
    let summarize = ["summarize", "--lang", "en", "--sentences", "1"];
    let from_headline = stdout_of(excerpt().args(summarize).write_stdin(headed.as_str()));
    assert_eq!(from_headline, titled);
    let off = stdout_of(
        excerpt()
            .args(summarize)
            .args(["--title", ""])
            .write_stdin(headed.as_str()),
    );
    assert_eq!(off, plain);
    // --title is for one text; JSONL records carry their own.
    excerpt()
        .args(["summarize", "--jsonl", "--title", title])
        .write_stdin(format!("{record}\n"))
        .assert()
        .code(2);
}

#[test]
fn jsonl_keeps_order_across_batches_and_stops_at_a_bad_line() {
    // more records than one batch holds, then a line that is not UTF-8
    let mut input = Vec::new();
    for i in 0..1100 {
        let text = format!(
            "Ferry {i} leaves the harbour at dawn. The ferry carries {i} passengers. \
             Gulls follow the ferry to the island."
        );
        let record = serde_json::json!({"id": i, "text": text, "k": 1});
        input.extend_from_slice(record.to_string().as_bytes());
        input.push(b'\n');
    }
    input.extend_from_slice(b"{\"id\": 1100, \"text\": \"caf\xe9\"}\n");
    let output = excerpt()
        .args(["summarize", "--jsonl"])
        .write_stdin(input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>: line 1101"))
        .get_output()
        .stdout
        .clone();
    let ids: Vec<u64> = String::from_utf8(output)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(ids, (0..1100).collect::<Vec<u64>>());
}

#[test]
fn jsonl_bad_record_names_the_line() {
    excerpt()
        .args(["summarize", "--jsonl"])
        .write_stdin("{\"id\":1,\"text\":\"Fine. Text.\"}\nnot json\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>: line 2"));
}

#[test]
fn missing_file_is_one_line_and_status_2() {
    excerpt()
        .args(["summarize", "no-such-file.txt"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no-such-file.txt: no such file")
                .and(predicate::function(one_line)),
        );
}

#[test]
fn directory_is_refused() {
    excerpt()
        .args(["segment", "corpus"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("corpus: is a directory").and(predicate::function(one_line)),
        );
}

#[test]
fn unreadable_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.txt");
    std::fs::write(&path, "Hidden. Text.").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&path).is_ok() {
        // Running as root: permissions cannot make the file unreadable.
        return;
    }
    excerpt().arg("segment").arg(&path).assert().code(2).stderr(
        predicate::str::contains("secret.txt: permission denied")
            .and(predicate::function(one_line)),
    );
}

#[test]
fn invalid_utf8_names_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"Caf\xE9 au lait. Fin.").unwrap();
    excerpt()
        .arg("summarize")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("latin1.txt: invalid UTF-8 at byte offset 3")
                .and(predicate::function(one_line)),
        );
}

#[test]
fn unknown_language_code_is_refused() {
    for sub in ["summarize", "segment"] {
        excerpt()
            .args([sub, "--lang", "klingon", SEED])
            .assert()
            .code(2)
            .stderr(
                predicate::str::contains("unknown language code 'klingon'")
                    .and(predicate::function(one_line)),
            );
    }
}

#[test]
fn closed_pipe_ends_quietly() {
    closed_pipe_ends_quietly_with(&["segment", "--lang", "en"], "A short sentence.\n");
    closed_pipe_ends_quietly_with(
        &["segment", "--lang", "en", "--format", "jsonl"],
        "{\"id\":1,",
    );
}

/// Runs excerpt with `args` on a long text, reads the start of its first
/// line and closes the pipe, as `head -1` does.
fn closed_pipe_ends_quietly_with(args: &[&str], first_line_start: &str) {
    let text = "A short sentence. ".repeat(200_000);
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("excerpt"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(text.as_bytes());
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with(first_line_start), "{first}");
    // Dropping the reader closes the pipe, as `head -1` does.
    writer.join().unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn help_shows_examples() {
    for sub in ["summarize", "segment"] {
        excerpt()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"));
    }
}

#[test]
fn completions_are_generated() {
    for shell in ["bash", "zsh", "fish"] {
        excerpt()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("summarize"));
    }
}

/// True when the message is exactly one line.
fn one_line(stderr: &str) -> bool {
    stderr.trim_end().lines().count() == 1
}

#[test]
fn abbreviations_file_extends_the_language_list() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("ours.txt");
    std::fs::write(&list, "# our building codes\nBldg.\n").unwrap();
    let text = "The meeting is in Bldg. 4 this week. It starts at noon.";
    let plain = stdout_of(
        excerpt()
            .args(["segment", "--lang", "en"])
            .write_stdin(text),
    );
    assert_eq!(plain.lines().count(), 3, "{plain}");
    let extended = stdout_of(
        excerpt()
            .args(["segment", "--lang", "en", "--abbreviations"])
            .arg(&list)
            .write_stdin(text),
    );
    assert_eq!(
        extended,
        "The meeting is in Bldg. 4 this week.\nIt starts at noon.\n"
    );
}

#[test]
fn abbreviations_file_applies_to_every_input_file() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("ours.txt");
    std::fs::write(&list, "Bldg.\n").unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, "We met in Bldg. 4 today. It rained.").unwrap();
    std::fs::write(&b, "They moved to Bldg. 7 later. It cleared.").unwrap();
    let out = stdout_of(
        excerpt()
            .args(["segment", "--lang", "en", "--abbreviations"])
            .arg(&list)
            .arg(&a)
            .arg(&b),
    );
    assert_eq!(
        out,
        "We met in Bldg. 4 today.\nIt rained.\nThey moved to Bldg. 7 later.\nIt cleared.\n"
    );
}

#[test]
fn missing_abbreviations_file_is_named() {
    excerpt()
        .args(["segment", "--abbreviations", "no-such-list.txt", SEED])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no-such-list.txt: no such file")
                .and(predicate::function(one_line)),
        );
}

#[test]
fn max_chars_splits_long_sentences_at_clauses() {
    let text = "The committee met on Tuesday to discuss the budget, and after a long debate that \
                lasted well into the night it approved the plan; the mayor signed it the next morning.";
    let out = stdout_of(
        excerpt()
            .args(["segment", "--lang", "en", "--max-chars", "80"])
            .write_stdin(text),
    );
    let parts: Vec<&str> = out.lines().collect();
    assert!(parts.len() >= 2, "{out}");
    assert!(parts.iter().all(|p| p.chars().count() <= 80), "{out}");
    assert_eq!(parts.join(" "), text);
}

#[test]
fn newline_boundary_ends_a_segment_at_every_line() {
    let text = "first line without a stop\nsecond line\nthird line.\n";
    let out = stdout_of(
        excerpt()
            .args(["segment", "--lang", "en", "--newline-boundary"])
            .write_stdin(text),
    );
    assert_eq!(out, "first line without a stop\nsecond line\nthird line.\n");
}

#[test]
fn learning_keeps_segmentation_lossless() {
    let text = read("corpus/books/carroll-lewis-a-tangled-tale.txt");
    let out = stdout_of(
        excerpt()
            .args(["segment", "--format", "jsonl", "--learn", "--lang", "en"])
            .write_stdin(text.clone()),
    );
    let mut pos = 0;
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (bs, be) = (
            v["byte_start"].as_u64().unwrap() as usize,
            v["byte_end"].as_u64().unwrap() as usize,
        );
        assert!(text[pos..bs].chars().all(char::is_whitespace));
        assert_eq!(&text[bs..be], v["text"].as_str().unwrap());
        pos = be;
    }
    assert!(text[pos..].chars().all(char::is_whitespace));
}

#[test]
fn keyphrases_of_every_corpus_language_are_written_in_the_text() {
    // every language directory of corpus/ (the books are left to the benches)
    let mut dirs: Vec<_> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.ends_with("books"))
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 10, "{dirs:?}");
    for dir in dirs {
        for file in std::fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let out = stdout_of(
                excerpt()
                    .args(["summarize", "--keywords", "5", "--format", "json"])
                    .arg(&path),
            );
            let json: serde_json::Value = serde_json::from_str(&out).unwrap();
            let keywords = json["keywords"].as_array().unwrap();
            assert!(!keywords.is_empty(), "{}", path.display());
            for k in keywords {
                let phrase = k["text"].as_str().unwrap();
                assert!(text.contains(phrase), "{}: {phrase}", path.display());
            }
        }
    }
}
