//! Segmentation throughput on files, for machines where criterion's wall
//! clock is disturbed by other load: reports wall-clock and on-CPU time
//! (from /proc/self/schedstat on Linux).
//!
//! `throughput [--lang en] [--mb 50] [--runs 5] FILE...`

use std::time::Instant;

use excerpt_segment::Segmenter;

fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut lang = "en".to_string();
    let mut mb = 50usize;
    let mut runs = 5usize;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--lang" => lang = it.next().cloned().unwrap_or(lang),
            "--mb" => mb = it.next().and_then(|v| v.parse().ok()).unwrap_or(mb),
            "--runs" => runs = it.next().and_then(|v| v.parse().ok()).unwrap_or(runs),
            f => files.push(f.to_string()),
        }
    }
    let mut base = String::new();
    for f in &files {
        base.push_str(&std::fs::read_to_string(f).unwrap_or_default());
        base.push_str("\n\n");
    }
    if base.trim().is_empty() {
        eprintln!("no input text");
        std::process::exit(2);
    }
    let mut text = String::new();
    while text.len() < mb << 20 {
        text.push_str(&base);
    }
    let seg = Segmenter::new(&lang);
    let size = text.len() as f64 / (1 << 20) as f64;
    for _ in 0..runs {
        let (c0, t0) = (cpu_ns(), Instant::now());
        let n = seg.segment(&text).count();
        let wall = t0.elapsed().as_secs_f64();
        let cpu = match (c0, cpu_ns()) {
            (Some(a), Some(b)) => format!("{:.1} MiB/s on-CPU", size / ((b - a) as f64 / 1e9)),
            _ => "on-CPU n/a".to_string(),
        };
        println!(
            "{size:.1} MiB, {n} sentences: {:.1} MiB/s wall, {cpu}",
            size / wall
        );
    }
}
