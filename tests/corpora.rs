//! Corpora and projects: `--jsonl` records, field options, directories of
//! files, and the progress bar.

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
}
