//! SRX segmentation throughput, one thread: 10 MB of English text (the
//! Gutenberg corpus, repeated; paragraphs segmented one by one, as a CAT
//! tool hands over texts) with LanguageTool's rules for `en_two`
//! (../shared/srx/rules/lt-segment.srx, or EXCERPT_BENCH_SRX), the rules
//! compiled once.
//!
//! Run: `cargo bench --bench srx`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const MB: usize = 1 << 20;

/// A small rule file for machines without ../shared.
const FALLBACK: &str = r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0">
<header segmentsubflows="yes" cascade="yes"/><body><languagerules>
<languagerule languagerulename="D">
<rule break="no"><beforebreak>\b(?:Mr|Mrs|Dr|St|vs)\.</beforebreak><afterbreak>\s</afterbreak></rule>
<rule break="yes"><beforebreak>[.!?]["')\]]*\s+</beforebreak><afterbreak>\p{Lu}</afterbreak></rule>
</languagerule></languagerules><maprules>
<languagemap languagepattern=".*" languagerulename="D"/></maprules></body></srx>"#;

fn rules() -> excerpt_srx::SrxDocument {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = std::env::var("EXCERPT_BENCH_SRX")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("../shared/srx/rules/lt-segment.srx"));
    match excerpt_srx::SrxDocument::load(&path) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{e}: using a small built-in rule file");
            excerpt_srx::SrxDocument::parse(FALLBACK).unwrap()
        }
    }
}

fn english(size: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut base = String::new();
    for dir in [
        root.join("corpus/gutenberg"),
        root.join("../shared/corpus/gutenberg"),
    ] {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
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
        if !base.is_empty() {
            break;
        }
    }
    if base.is_empty() {
        base =
            "Mr. Brown met Dr. Smith at 3 p.m. in the U.S. office. They talked.\n\n".repeat(1000);
    }
    let mut text = String::with_capacity(size + base.len());
    while text.len() < size {
        text.push_str(&base);
    }
    text
}

fn bench(c: &mut Criterion) {
    let seg = rules()
        .segmenter("en_two", excerpt_srx::Dialect::LanguageTool)
        .expect("rules compile");
    let text = english(10 * MB);
    let paragraphs: Vec<&str> = text.split("\n\n").filter(|p| !p.is_empty()).collect();
    let mut group = c.benchmark_group("srx");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .warm_up_time(Duration::from_secs(2));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("lt_en_two_10mb", |b| {
        b.iter(|| {
            paragraphs
                .iter()
                .map(|p| seg.segments(black_box(p)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
