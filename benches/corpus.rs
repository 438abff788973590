//! Corpus throughput: `excerpt segment --jsonl` and `excerpt summarize
//! --jsonl` on an in-memory JSON Lines corpus of at least 100 MB (the texts
//! of `corpus/` cut into paragraphs' worth of records and repeated), run
//! through the built binary with one thread and with all threads
//! (`RAYON_NUM_THREADS`), throughput in input bytes.
//!
//! The corpus is a temporary file (in the page cache after the first run)
//! given as standard input, and the output goes to a temporary file, as in
//! `excerpt segment --jsonl < corpus.jsonl > out.jsonl`: the bench process
//! does not copy the data through pipes itself, so on a machine of few
//! cores it does not take CPU time from the command it measures.
//!
//! ```sh
//! cargo bench --bench corpus
//! ```

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

mod common;
use common::corpus_files;

/// At least this many bytes of JSON Lines.
const CORPUS_BYTES: usize = 100_000_000;

/// The corpus: each text cut at blank lines into records of about 4 KB,
/// repeated (with new ids) until [`CORPUS_BYTES`] are reached.
fn corpus() -> Vec<u8> {
    let mut records = Vec::new();
    for path in corpus_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut chunk = String::new();
        for para in text.split("\n\n") {
            chunk.push_str(para);
            chunk.push_str("\n\n");
            if chunk.len() >= 4000 {
                records.push(std::mem::take(&mut chunk));
            }
        }
        if !chunk.trim().is_empty() {
            records.push(chunk);
        }
    }
    let mut out = Vec::with_capacity(CORPUS_BYTES + (1 << 20));
    let mut n = 0;
    while out.len() < CORPUS_BYTES {
        for text in &records {
            let line = serde_json::json!({ "id": n, "text": text });
            serde_json::to_writer(&mut out, &line).unwrap();
            out.push(b'\n');
            n += 1;
        }
    }
    out
}

/// Runs `excerpt ARGS < input > output` with `threads` threads (0: all)
/// and returns the size of its output.
fn run(args: &[&str], input: &Path, output: &Path, threads: usize) -> u64 {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_excerpt"));
    cmd.args(args)
        .stdin(File::open(input).unwrap())
        .stdout(File::create(output).unwrap())
        .stderr(Stdio::inherit());
    if threads > 0 {
        cmd.env("RAYON_NUM_THREADS", threads.to_string());
    } else {
        cmd.env_remove("RAYON_NUM_THREADS");
    }
    assert!(cmd.status().unwrap().success());
    let size = std::fs::metadata(output).unwrap().len();
    assert!(size > 0);
    size
}

fn jsonl(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    let output = dir.path().join("out.jsonl");
    let corpus = corpus();
    std::fs::write(&input, &corpus).unwrap();
    let commands: [(&str, &[&str]); 2] = [
        ("segment", &["segment", "--jsonl", "--lang", "en"]),
        ("summarize", &["summarize", "--jsonl", "--lang", "en"]),
    ];
    for (name, args) in commands {
        let mut group = c.benchmark_group(format!("corpus/{name}"));
        group.sample_size(10);
        group.throughput(Throughput::Bytes(corpus.len() as u64));
        for threads in [1, 0] {
            let label = if threads == 1 {
                "1-thread"
            } else {
                "all-threads"
            };
            group.bench_function(BenchmarkId::from_parameter(label), |b| {
                b.iter(|| run(args, &input, &output, threads))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, jsonl);
criterion_main!(benches);
