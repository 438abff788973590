//! The summariser's speed: one 700-word article, one book from `corpus/`
//! (Emma, about 10,000 sentences), and a batch of 700-word articles on one
//! thread and on all threads. Segmentation is included, as in
//! `excerpt summarize`.
//!
//! ```sh
//! cargo bench --bench rank
//! ```

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use excerpt_rank::{Budget, Summarizer};
use excerpt_segment::Segmenter;
use rayon::prelude::*;
use std::path::Path;

fn book() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/books/austen-jane-emma.txt");
    std::fs::read_to_string(path).expect("corpus/books/austen-jane-emma.txt")
}

/// The book cut into documents of about 700 words at paragraph breaks.
fn articles(book: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let book = book.replace("\r\n", "\n");
    for paragraph in book.split("\n\n") {
        current.push_str(paragraph);
        current.push_str("\n\n");
        if current.split_whitespace().count() >= 700 {
            out.push(std::mem::take(&mut current));
        }
    }
    out
}

fn summarise(segmenter: &Segmenter, summarizer: &Summarizer, text: &str, budget: Budget) -> usize {
    let sentences: Vec<&str> = segmenter.segment(text).map(|s| s.as_str()).collect();
    summarizer.summarize(&sentences, budget).picks.len()
}

fn benches(c: &mut Criterion) {
    let segmenter = Segmenter::new("en");
    let summarizer = Summarizer::new("en");
    let book = book();
    let articles = articles(&book);
    let article = &articles[articles.len() / 2];
    assert!(articles.len() > 100, "{} articles", articles.len());

    let mut group = c.benchmark_group("rank");
    group.throughput(Throughput::Elements(1));
    group.bench_function("article_700_words", |b| {
        b.iter(|| summarise(&segmenter, &summarizer, article, Budget::Sentences(3)))
    });
    group.sample_size(10);
    group.bench_function("book_emma", |b| {
        b.iter(|| summarise(&segmenter, &summarizer, &book, Budget::Sentences(10)))
    });
    let batch = &articles[..articles.len().min(200)];
    group.throughput(Throughput::Elements(batch.len() as u64));
    group.bench_function("batch_700_words_one_thread", |b| {
        b.iter(|| {
            batch
                .iter()
                .map(|a| summarise(&segmenter, &summarizer, a, Budget::Sentences(3)))
                .sum::<usize>()
        })
    });
    group.bench_function("batch_700_words_all_threads", |b| {
        b.iter(|| {
            batch
                .par_iter()
                .map(|a| summarise(&segmenter, &summarizer, a, Budget::Sentences(3)))
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(rank, benches);
criterion_main!(rank);
