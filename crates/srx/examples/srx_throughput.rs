//! The criterion bench `srx` without criterion, for quick comparisons:
//! paragraphs of ~10 MB of text (the Gutenberg corpus, repeated) segmented
//! one by one with rules compiled once; prints the load time and the
//! throughput of each pass.
//!
//! `cargo run --release -p excerpt-srx --example srx_throughput -- RULES.srx CODE CORPUS_DIR [MB] [PASSES]`
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: srx_throughput RULES.srx CODE CORPUS_DIR [MB] [PASSES]");
        std::process::exit(2);
    }
    let mb: usize = args.get(3).map_or(10, |s| s.parse().expect("MB"));
    let passes: usize = args.get(4).map_or(3, |s| s.parse().expect("PASSES"));
    let mut files: Vec<_> = std::fs::read_dir(&args[2])
        .expect("corpus folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut base = String::new();
    for f in files {
        if let Ok(t) = std::fs::read_to_string(f) {
            base.push_str(&t);
            base.push_str("\n\n");
        }
    }
    let mut text = String::new();
    while text.len() < mb << 20 {
        text.push_str(&base);
    }
    let paragraphs: Vec<&str> = text.split("\n\n").filter(|p| !p.is_empty()).collect();
    let t0 = Instant::now();
    let doc = excerpt_srx::SrxDocument::load(&args[0]).expect("rules");
    let seg = doc
        .segmenter(&args[1], excerpt_srx::Dialect::default())
        .expect("rules compile");
    println!("load+compile {:.3} s", t0.elapsed().as_secs_f64());
    for pass in 0..passes {
        let t = Instant::now();
        let n: usize = paragraphs.iter().map(|p| seg.segments(p).len()).sum();
        let s = t.elapsed().as_secs_f64();
        println!(
            "pass {pass}: {n} segments, {:.3} s, {:.2} MiB/s",
            s,
            text.len() as f64 / (1 << 20) as f64 / s
        );
    }
}
