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

/// Lines, then sentence ends: `.!?…` and closing quotes, a space, then
/// (after opening quotes or brackets) an upper-case letter or a digit; a
/// single letter or a common title before the full stop is an abbreviation.
fn split(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut start = 0;
        let mut i = 0;
        while i < chars.len() {
            if !matches!(chars[i].1, '.' | '!' | '?' | '…') {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…') {
                j += 1;
            }
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
            {
                j += 1;
            }
            let end = chars.get(j).map_or(line.len(), |c| c.0);
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let glued = k == j
                && j == i + 1
                && i >= 2
                && chars[i - 1].1.is_lowercase()
                && chars[i - 2].1.is_lowercase()
                && chars.get(j).is_some_and(|c| c.1.is_uppercase())
                && chars.get(j + 1).is_some_and(|c| c.1.is_lowercase());
            if glued {
                out.push(line[start..end].trim());
                start = end;
                i = j;
                continue;
            }
            if k == j || k == chars.len() {
                i = j.max(i + 1);
                continue;
            }
            let mut m = k;
            while m < chars.len() && !chars[m].1.is_alphanumeric() && !chars[m].1.is_whitespace() {
                m += 1;
            }
            let starts = chars
                .get(m)
                .is_some_and(|c| c.1.is_uppercase() || c.1.is_ascii_digit());
            let word_start = line[..chars[i].0].rfind(' ').map_or(0, |p| p + 1);
            let word = &line[word_start..chars[i].0];
            let abbreviation = chars[i].1 == '.'
                && j == i + 1
                && (word.chars().count() == 1 && word.chars().all(char::is_alphabetic)
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
                            | "Jr"
                            | "Sr"
                            | "No"
                            | "vs"
                            | "M"
                            | "Mme"
                    ));
            if starts && !abbreviation {
                out.push(line[start..end].trim());
                start = chars[k].0;
            }
            i = k;
        }
        out.push(line[start..].trim());
    }
    out.retain(|s| !s.is_empty());
    out
}

fn tuning() -> Tuning {
    let spec = std::env::var("EXCERPT_TUNING").unwrap_or_default();
    Tuning::with_overrides(&spec).expect("EXCERPT_TUNING")
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
