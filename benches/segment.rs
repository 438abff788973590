//! Segmentation throughput, one thread.
//!
//! - `english_50mb`: the Gutenberg corpus (corpus/gutenberg or
//!   ../shared/corpus/gutenberg, or EXCERPT_BENCH_CORPUS) repeated in memory
//!   to at least 50 MB.
//! - `one_line_no_punct`: one 100 MB line of words without punctuation.
//! - `dots_10mb`: 10 MB of periods.
//! - `linear_*`: the same English text at 5, 10 and 20 MB, to see that the
//!   time grows linearly.
//!
//! Run: `cargo bench --bench segment`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use excerpt_segment::Segmenter;

const MB: usize = 1 << 20;

fn corpus_dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("EXCERPT_BENCH_CORPUS") {
        return Some(PathBuf::from(p));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        root.join("corpus/gutenberg"),
        root.join("../shared/corpus/gutenberg"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
}

/// English text of at least `size` bytes: the corpus files, repeated.
fn english(size: usize) -> String {
    let mut base = String::new();
    if let Some(dir) = corpus_dir() {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for f in files {
            if let Ok(t) = std::fs::read_to_string(f) {
                base.push_str(&t);
                base.push_str("\n\n");
            }
        }
    }
    if base.is_empty() {
        base =
            "Mr. Brown met Dr. Smith at 3 p.m. in the U.S. office. They talked about the report, \
                which was long.\nIt rained all day. \"Why?\" he asked. Nobody knew.\n\n"
                .repeat(1000);
    }
    let mut text = String::with_capacity(size + base.len());
    while text.len() < size {
        text.push_str(&base);
    }
    text
}

fn count(seg: &Segmenter, text: &str) -> usize {
    seg.segment(text).count()
}

fn bench(c: &mut Criterion) {
    let seg = Segmenter::new("en");
    let mut group = c.benchmark_group("segment");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .warm_up_time(Duration::from_secs(2));

    let big = english(50 * MB);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("english_50mb", |b| b.iter(|| count(&seg, black_box(&big))));

    for size in [5, 10, 20] {
        let mut cut = size * MB;
        while !big.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = &big[..cut];
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("linear_{size}mb"), |b| {
            b.iter(|| count(&seg, black_box(text)))
        });
    }
    drop(big);

    let line = "word without any punctuation at all ".repeat(100 * MB / 36);
    group.throughput(Throughput::Bytes(line.len() as u64));
    group.bench_function("one_line_no_punct_100mb", |b| {
        b.iter(|| count(&seg, black_box(&line)))
    });
    drop(line);

    let dots = ".".repeat(10 * MB);
    group.throughput(Throughput::Bytes(dots.len() as u64));
    group.bench_function("dots_10mb", |b| b.iter(|| count(&seg, black_box(&dots))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
