//! End to end: segment and summarise every text in `corpus/`, as
//! `excerpt summarize` does, with throughput in bytes.
//!
//! ```sh
//! cargo bench --bench end_to_end
//! ```

use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use excerpt_rank::{Budget, Summarizer};
use excerpt_segment::Segmenter;

mod common;
use common::corpus_files;

/// The language of a corpus file: its folder's name when that is a language
/// code, English for the news and books.
fn lang_of(path: &Path) -> String {
    let dir = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or("en");
    if dir.len() == 2 {
        dir.to_string()
    } else {
        "en".to_string()
    }
}

fn summarize_corpus(c: &mut Criterion) {
    let mut group = c.benchmark_group("summarize");
    group.sample_size(10);
    for path in corpus_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let lang = lang_of(&path);
        let segmenter = Segmenter::new(&lang);
        let summarizer = Summarizer::new(&lang);
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| {
                let sentences: Vec<&str> = segmenter.segment(text).map(|s| s.as_str()).collect();
                summarizer.summarize(&sentences, Budget::Sentences(3))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, summarize_corpus);
criterion_main!(benches);
