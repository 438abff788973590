//! The summarisation JSONL protocol over a simple sentence splitter, for
//! measuring the ranker on its own: reads `{"id","text","k","lang"}` lines on
//! stdin and writes `{"id","summary"}` lines in the same order.
//!
//! `EXCERPT_TUNING="lead_max=0.5,decay=3"` overrides ranking knobs;
//! `EXCERPT_SIMILARITY=bm25` switches the similarity.

use excerpt_rank::{Budget, Similarity, Summarizer, Tuning};
use rayon::prelude::*;
use serde_json::{Value, json};
use std::io::{BufRead, Write};

/// Lines, then sentence ends: `.!?` + space + an upper-case letter, digit or quote.
fn split(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let bytes = line.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            if matches!(bytes[i], b'.' | b'!' | b'?') {
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
                    j += 1;
                }
                if j < bytes.len() && bytes[j] == b' ' {
                    let next = line[j + 1..].chars().next();
                    if next.is_some_and(|c| {
                        c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '\''
                    }) {
                        let word_start = line[..i].rfind(' ').map_or(0, |p| p + 1);
                        let word = &line[word_start..i];
                        let abbreviation = word.len() <= 2 && word.chars().all(char::is_alphabetic)
                            || matches!(
                                word,
                                "Mr" | "Mrs"
                                    | "Ms"
                                    | "Dr"
                                    | "St"
                                    | "Prof"
                                    | "Gen"
                                    | "Sen"
                                    | "Rep"
                                    | "Gov"
                                    | "U.S"
                                    | "Lt"
                                    | "Col"
                            );
                        if !abbreviation || word.is_empty() {
                            out.push(line[start..j].trim());
                            start = j + 1;
                        }
                    }
                }
                i = j;
            } else {
                i += 1;
            }
        }
        out.push(line[start..].trim());
    }
    out.retain(|s| !s.is_empty());
    out
}

fn tuning() -> Tuning {
    let mut t = Tuning::default();
    if let Ok(spec) = std::env::var("EXCERPT_TUNING") {
        for kv in spec.split(',').filter(|s| !s.is_empty()) {
            let (k, v) = kv.split_once('=').expect("key=value");
            let v: f64 = v.parse().expect("number");
            match k {
                "damping" => t.damping = v,
                "length_exponent" => t.length_exponent = v,
                "question_penalty" => t.question_penalty = v,
                "redundancy" => t.redundancy = v,
                "lead_floor" => t.lead_floor = v,
                "lead_gain" => t.lead_gain = v,
                "lead_max" => t.lead_max = v,
                "decay" => t.decay = v,
                "bm25_k1" => t.bm25_k1 = v,
                "bm25_b" => t.bm25_b = v,
                other => panic!("unknown knob {other}"),
            }
        }
    }
    t
}

fn main() {
    let tuning = tuning();
    let similarity = match std::env::var("EXCERPT_SIMILARITY").as_deref() {
        Ok("bm25") => Similarity::Bm25,
        _ => Similarity::Overlap,
    };
    let lines: Vec<String> = std::io::stdin()
        .lock()
        .lines()
        .map(Result::unwrap)
        .collect();
    let out: Vec<String> = lines
        .par_iter()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let doc: Value = serde_json::from_str(line).expect("JSON");
            let text = doc["text"].as_str().unwrap_or("");
            let k = doc["k"].as_u64().unwrap_or(3) as usize;
            let lang = doc["lang"].as_str().unwrap_or("en");
            let sentences = split(text);
            let summarizer = Summarizer::new(lang)
                .with_similarity(similarity)
                .with_tuning(tuning);
            let summary = summarizer.summarize(&sentences, Budget::Sentences(k));
            let chosen: Vec<&str> = summary.picks.iter().map(|p| sentences[p.index]).collect();
            if std::env::var("EXCERPT_DEBUG").is_ok() {
                eprintln!("{} lead={:.3}", doc["id"], summary.lead_strength);
            }
            json!({"id": doc["id"], "summary": chosen}).to_string()
        })
        .collect();
    let mut stdout = std::io::stdout().lock();
    for o in out {
        writeln!(stdout, "{o}").unwrap();
    }
}
