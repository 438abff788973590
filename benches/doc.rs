//! Documents for translators: read 10 MB of HTML and of Markdown, cut it
//! into segments and write XLIFF 2.1, as `excerpt segment --format xliff`
//! does, with throughput in bytes.
//!
//! The input is built from `corpus/`: its HTML (or Markdown) documents and
//! its news-style texts, each text's paragraphs wrapped in markup, repeated
//! until 10 MB.
//!
//! A second group, `extract`, measures `excerpt extract --input html`'s
//! main-content extraction over web pages: the corpus's HTML pages and
//! each corpus text as an article between navigation, a share bar, related
//! links and a footer.
//!
//! ```sh
//! cargo bench --bench doc
//! ```

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use excerpt_doc::{Doc, Format, Segmented};
use excerpt_tm::{SegmentOptions, TargetMode, WriteOptions};

const SIZE: usize = 10 << 20;

/// The corpus files under `corpus/<dir>/` whose extension is one of `exts`.
fn files(exts: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap().flatten() {
        if !dir.path().is_dir() || dir.file_name() == "books" {
            continue;
        }
        for f in std::fs::read_dir(dir.path()).unwrap().flatten() {
            let p = f.path();
            if p.extension()
                .is_some_and(|e| exts.contains(&e.to_str().unwrap()))
            {
                paths.push(p);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// About 10 MB of `format`: the corpus documents, and every paragraph of
/// the corpus texts with some inline markup, over and over.
fn input(format: Format) -> String {
    let mut one = String::new();
    let docs = match format {
        Format::Html => files(&["html", "xhtml"]),
        Format::Markdown => files(&["md"]),
    };
    for d in docs {
        one.push_str(&d);
        one.push('\n');
    }
    for text in files(&["txt"]) {
        for (i, para) in text.split("\n\n").enumerate() {
            let para = para.trim();
            if para.is_empty() {
                continue;
            }
            // Markup around the paragraph's first word.
            let (first, rest) = para.split_once(' ').unwrap_or((para, ""));
            match format {
                Format::Html if i == 0 => one.push_str(&format!("<h2>{first} {rest}</h2>\n")),
                Format::Html => one.push_str(&format!(
                    "<p><b>{first}</b> {rest}<br>\n<a href=\"#p{i}\" title=\"Next\">more</a></p>\n"
                )),
                Format::Markdown if i == 0 => one.push_str(&format!("## {first} {rest}\n\n")),
                Format::Markdown => {
                    one.push_str(&format!("**{first}** {rest} [more](#p{i} \"Next\").\n\n"))
                }
            }
        }
    }
    let mut out = String::with_capacity(SIZE + one.len());
    while out.len() < SIZE {
        out.push_str(&one);
    }
    out
}

fn read_segment_write(c: &mut Criterion) {
    let mut group = c.benchmark_group("doc_to_xliff");
    group.sample_size(10);
    for format in [Format::Html, Format::Markdown] {
        let text = input(format);
        let options = SegmentOptions::new("en").input(Some(format.name()));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format.name(), |b| {
            b.iter(|| {
                let doc = Doc::parse(&text, format);
                let segmented = Segmented::new(&doc, &options);
                let opts = WriteOptions::new("bench").target("de", TargetMode::Empty);
                let xliff = excerpt_tm::write(
                    &segmented.document(options.clone()),
                    excerpt_tm::Format::Xliff(Default::default()),
                    &opts,
                )
                .unwrap();
                std::hint::black_box(xliff.len())
            })
        });
    }
    group.finish();
}

/// Web pages: the corpus's HTML pages, and each corpus text as an article
/// page with the furniture around it that extraction drops.
fn pages() -> Vec<String> {
    let mut pages = files(&["html"]);
    let nav: String = (1..=12)
        .map(|i| format!("<li><a href=\"/section/{i}\">Section {i}</a></li>"))
        .collect();
    let related: String = (1..=6)
        .map(|i| {
            format!("<li><a href=\"/story/{i}\">Another story from the desk, number {i}</a></li>")
        })
        .collect();
    for text in files(&["txt"]) {
        let mut paras = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
        let Some(title) = paras.next() else {
            continue;
        };
        let body: String = paras.map(|p| format!("<p>{p}</p>\n")).collect();
        pages.push(format!(
            "<!doctype html><html><head><meta charset=utf-8><title>{title} | Desk</title></head><body>\n\
             <header><nav><ul>{nav}</ul></nav></header>\n\
             <div class=\"cookie-banner\">We use cookies. <button>OK</button></div>\n\
             <main><article><h1>{title}</h1><div class=\"share\"><a href=\"#\">Share</a></div>\n{body}</article>\n\
             <aside><h2>Related</h2><ul>{related}</ul></aside></main>\n\
             <footer><p>Desk, 1 Main Street. <a href=\"/imprint\">Imprint</a></p></footer></body></html>\n"
        ));
    }
    pages
}

fn extract(c: &mut Criterion) {
    let pages = pages();
    let bytes: usize = pages.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("web_pages", |b| {
        b.iter(|| {
            let chars: usize = pages
                .iter()
                .map(|p| excerpt_extract::extract(p).text().len())
                .sum();
            std::hint::black_box(chars)
        })
    });
    group.finish();
}

criterion_group!(benches, read_segment_write, extract);
criterion_main!(benches);
