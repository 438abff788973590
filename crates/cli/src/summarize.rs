//! `excerpt summarize`: the sentences that carry a text, in their order.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use excerpt_rank::{Budget, Similarity, Summarizer};
use excerpt_segment::Segmenter;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::input::Source;
use crate::lang::{self, LangChoice};
use crate::offsets::CharOffsets;
use crate::output::{Output, one_line};

/// Summarise texts: print the sentences that carry each one, in order.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  excerpt summarize article.txt
  excerpt summarize --sentences 5 --format json report.txt
  curl -s https://example.com/story.txt | excerpt summarize --words 60
  excerpt summarize --jsonl < articles.jsonl > summaries.jsonl")]
pub struct SummarizeArgs {
    /// Files to read; standard input when none is given or for `-`.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// At most N sentences (the default budget is 3 sentences).
    #[arg(long, value_name = "N", group = "budget")]
    pub sentences: Option<usize>,

    /// At most N words in all.
    #[arg(long, value_name = "N", group = "budget")]
    pub words: Option<usize>,

    /// At most N characters in all.
    #[arg(long, value_name = "N", group = "budget")]
    pub chars: Option<usize>,

    /// At most this fraction of the sentences (0 to 1).
    #[arg(long, value_name = "R", group = "budget", value_parser = parse_ratio)]
    pub ratio: Option<f64>,

    /// Language of the text: `auto` detects it, or an ISO 639-1 code.
    #[arg(long, default_value = "auto", value_name = "CODE")]
    pub lang: String,

    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,

    /// How sentences are compared when building the graph.
    #[arg(long, value_enum, default_value_t = SimilarityArg::Overlap)]
    pub similarity: SimilarityArg,

    /// Read JSON Lines ({"id", "text", optional "k" and "lang"}) and write one
    /// {"id", "summary"} object per input line, in the same order.
    #[arg(long)]
    pub jsonl: bool,

    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The formats `excerpt summarize` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// The chosen sentences, one per line.
    Text,
    /// JSON with each chosen sentence's index, offsets and score.
    Json,
}

/// `--similarity` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SimilarityArg {
    /// TextRank's normalised word overlap.
    Overlap,
    /// Okapi BM25.
    Bm25,
}

fn parse_ratio(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(r) if (0.0..=1.0).contains(&r) => Ok(r),
        _ => Err(format!("'{value}' is not a ratio between 0 and 1")),
    }
}

impl SummarizeArgs {
    fn budget(&self) -> Budget {
        if let Some(n) = self.words {
            Budget::Words(n)
        } else if let Some(n) = self.chars {
            Budget::Chars(n)
        } else if let Some(r) = self.ratio {
            Budget::Ratio(r)
        } else {
            Budget::Sentences(self.sentences.unwrap_or(3))
        }
    }

    fn similarity(&self) -> Similarity {
        match self.similarity {
            SimilarityArg::Overlap => Similarity::Overlap,
            SimilarityArg::Bm25 => Similarity::Bm25,
        }
    }
}

/// A chosen sentence, as the JSON output gives it.
#[derive(Serialize)]
struct Chosen<'a> {
    index: usize,
    byte_start: usize,
    byte_end: usize,
    char_start: usize,
    char_end: usize,
    score: f64,
    text: &'a str,
}

/// Segmenters and summarisers, built once per language and shared by
/// threads.
struct Engines {
    similarity: Similarity,
    by_lang: Mutex<HashMap<String, Arc<(Segmenter, Summarizer)>>>,
}

impl Engines {
    fn new(similarity: Similarity) -> Engines {
        Engines {
            similarity,
            by_lang: Mutex::new(HashMap::new()),
        }
    }

    fn get(&self, lang: &str) -> Arc<(Segmenter, Summarizer)> {
        let mut map = self.by_lang.lock().expect("engine cache poisoned");
        map.entry(lang.to_string())
            .or_insert_with(|| {
                Arc::new((
                    Segmenter::new(lang),
                    Summarizer::new(lang).with_similarity(self.similarity),
                ))
            })
            .clone()
    }

    /// Summarises `text` under `budget`.
    fn summarize<'t>(&self, text: &'t str, lang: &str, budget: Budget) -> Vec<Chosen<'t>> {
        let engines = self.get(lang);
        let (segmenter, summarizer) = &*engines;
        let sentences: Vec<_> = segmenter.segment(text).collect();
        let texts: Vec<&str> = sentences.iter().map(|s| s.as_str()).collect();
        let summary = summarizer.summarize(&texts, budget);
        let mut chars = CharOffsets::new(text);
        summary
            .picks
            .iter()
            .map(|pick| {
                let s = &sentences[pick.index];
                Chosen {
                    index: pick.index,
                    byte_start: s.start(),
                    byte_end: s.end(),
                    char_start: chars.at(s.start()),
                    char_end: chars.at(s.end()),
                    score: pick.score,
                    text: s.as_str(),
                }
            })
            .collect()
    }
}

/// Runs `excerpt summarize`.
pub fn run(args: &SummarizeArgs) -> Result<()> {
    let lang_choice = LangChoice::parse(&args.lang)?;
    let engines = Engines::new(args.similarity());
    let mut out = Output::open(args.output.as_deref())?;
    let sources = Source::from_args(&args.files);
    if args.jsonl {
        for source in &sources {
            run_jsonl(args, &lang_choice, &engines, source, &mut out)?;
        }
        return out.finish();
    }
    let many = sources.len() > 1;
    for (n, source) in sources.iter().enumerate() {
        let text = source.read_text()?;
        let lang = lang_choice.resolve(&text);
        let chosen = engines.summarize(&text, &lang, args.budget());
        match args.format {
            SummaryFormat::Text => {
                if many {
                    if n > 0 {
                        writeln!(out)?;
                    }
                    writeln!(out, "==> {} <==", source.name())?;
                }
                for c in &chosen {
                    writeln!(out, "{}", one_line(c.text))?;
                }
            }
            SummaryFormat::Json => {
                let record = serde_json::json!({
                    "file": source.name(),
                    "lang": lang,
                    "sentences": chosen,
                });
                serde_json::to_writer(&mut out, &record)?;
                writeln!(out)?;
            }
        }
    }
    out.finish()
}

/// One input record of `--jsonl`.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    k: Option<usize>,
    #[serde(default)]
    lang: Option<String>,
}

/// How many records are read before they are summarised in parallel.
const BATCH: usize = 512;

fn run_jsonl(
    args: &SummarizeArgs,
    lang_choice: &LangChoice,
    engines: &Engines,
    source: &Source,
    out: &mut Output,
) -> Result<()> {
    let name = source.name();
    let reader: Box<dyn BufRead> = match source {
        Source::Stdin => Box::new(std::io::stdin().lock()),
        Source::File(path) => Box::new(std::io::BufReader::new(
            std::fs::File::open(path).with_context(|| format!("{name}: cannot open"))?,
        )),
    };
    let mut batch: Vec<(usize, String)> = Vec::with_capacity(BATCH);
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = line.with_context(|| format!("{name}: cannot read"))?;
        let line =
            crate::input::into_utf8(line).with_context(|| format!("{name}: line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        batch.push((n + 1, line));
        if batch.len() == BATCH {
            write_batch(args, lang_choice, engines, &name, &batch, out)?;
            batch.clear();
        }
    }
    write_batch(args, lang_choice, engines, &name, &batch, out)
}

fn write_batch(
    args: &SummarizeArgs,
    lang_choice: &LangChoice,
    engines: &Engines,
    name: &str,
    batch: &[(usize, String)],
    out: &mut Output,
) -> Result<()> {
    let results: Vec<Result<String>> = batch
        .par_iter()
        .map(|(line_no, line)| {
            summarize_record(args, lang_choice, engines, line)
                .with_context(|| format!("{name}: line {line_no}"))
        })
        .collect();
    for result in results {
        out.write_all(result?.as_bytes())?;
    }
    Ok(())
}

fn summarize_record(
    args: &SummarizeArgs,
    lang_choice: &LangChoice,
    engines: &Engines,
    line: &str,
) -> Result<String> {
    let record: Record =
        serde_json::from_str(line).context("not a JSON object with a \"text\" field")?;
    let lang = match &record.lang {
        Some(code) => match lang::normalize(code) {
            Some(code) => code.to_string(),
            None => bail!("unknown language code '{code}'"),
        },
        None => lang_choice.resolve(&record.text),
    };
    let budget = match record.k {
        Some(k) => Budget::Sentences(k),
        None => args.budget(),
    };
    let chosen = engines.summarize(&record.text, &lang, budget);
    let summary: Vec<&str> = chosen.iter().map(|c| c.text).collect();
    let mut value = serde_json::json!({ "id": record.id, "summary": summary });
    if args.format == SummaryFormat::Json {
        value["lang"] = lang.into();
        value["sentences"] = serde_json::to_value(&chosen)?;
    }
    let mut line = serde_json::to_string(&value)?;
    line.push('\n');
    Ok(line)
}
