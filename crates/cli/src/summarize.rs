//! `excerpt summarize`: the sentences that carry a text, in their order.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;
use excerpt_rank::{Budget, Keyword, Similarity, TextSummarizer, Verdict};
use serde::Serialize;

use crate::encoding::FileEncoding;
use crate::input::Source;
use crate::jsonl_records::{self, optional_str, optional_usize, record_lang};
use crate::offsets::CharOffsets;
use crate::output::{Output, one_line};
use excerpt_lang::LangChoice;

/// Summarise texts: print the sentences that carry each one, in order.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  excerpt summarize article.txt
  excerpt summarize --sentences 5 --format json report.txt
  curl -s https://example.com/story.txt | excerpt summarize --words 60
  excerpt summarize --keywords 8 article.txt
  excerpt summarize --explain --words 80 article.txt
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

    /// Also list the N best keyphrases (TextRank, multi-word) with scores.
    #[arg(long, value_name = "N")]
    pub keywords: Option<usize>,

    /// List every sentence with its score and why it was or was not chosen.
    #[arg(long)]
    pub explain: bool,

    /// Input format: auto (from the extension or the content), text, html
    /// or markdown. Of HTML and Markdown only the text is summarised (no
    /// markup, code, scripts or styles), with the page's <title> or first
    /// heading as the title.
    #[arg(long, value_enum, default_value_t = crate::doc_input::InputArg::Auto)]
    pub input: crate::doc_input::InputArg,

    /// The text's title (headline): in a short summary of a gist-first text,
    /// the opening sentences that say what the title says rank higher.
    /// Without it, a first line without sentence punctuation and followed by
    /// a blank line is taken as the title; `--title ''` turns that off. (With
    /// --jsonl, give each record a "title" field instead.)
    #[arg(long, value_name = "TEXT", conflicts_with = "jsonl")]
    pub title: Option<String>,

    /// Read JSON Lines ({"id", "text", optional "k", "lang" and "title"}) and
    /// write one {"id", "summary"} object per input line, in the same order.
    #[arg(long)]
    pub jsonl: bool,

    #[command(flatten)]
    pub corpus: crate::jsonl_records::CorpusArgs,

    #[command(flatten)]
    pub encoding: crate::input::EncodingArg,

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
    /// Cosine of term counts.
    Cosine,
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
            SimilarityArg::Cosine => Similarity::Cosine,
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

/// The summary of one text in the command line's terms: the chosen
/// sentences with their offsets in the file (or the document's text).
fn summarize_text<'t>(
    engines: &TextSummarizer,
    (text, enc): (&'t str, FileEncoding),
    lang: &str,
    title: Option<&str>,
    budget: Budget,
    keywords: Option<usize>,
) -> Report<'t> {
    let summary = engines.summarize(text, lang, title, budget, keywords);
    let mut chars = CharOffsets::in_file(text, enc);
    let chosen = summary
        .chosen
        .iter()
        .map(|c| Chosen {
            index: c.index,
            byte_start: chars.file(c.start),
            byte_end: chars.file(c.end),
            char_start: chars.at(c.start),
            char_end: chars.at(c.end),
            score: c.score,
            text: c.text,
        })
        .collect();
    Report {
        chosen,
        texts: summary.sentences,
        scores: summary.scores,
        verdicts: summary.verdicts,
        lead_strength: summary.lead_strength,
        keywords: summary.keywords,
    }
}

/// What `excerpt summarize` knows about one text.
struct Report<'t> {
    chosen: Vec<Chosen<'t>>,
    texts: Vec<&'t str>,
    scores: Vec<f64>,
    verdicts: Vec<Verdict>,
    lead_strength: f64,
    keywords: Option<Vec<Keyword>>,
}

/// One keyphrase, as the JSON output gives it.
#[derive(Serialize)]
struct KeywordOut<'a> {
    text: &'a str,
    score: f64,
}

/// One sentence of `--explain`, as the JSON output gives it.
#[derive(Serialize)]
struct Explained<'a> {
    index: usize,
    score: f64,
    verdict: &'static str,
    reason: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    other: Option<usize>,
    text: &'a str,
}

impl<'t> Report<'t> {
    fn keywords_json(&self) -> Option<Vec<KeywordOut<'_>>> {
        self.keywords.as_ref().map(|list| {
            list.iter()
                .map(|k| KeywordOut {
                    text: &k.text,
                    score: k.score,
                })
                .collect()
        })
    }

    fn explain_json(&self) -> Vec<Explained<'t>> {
        self.verdicts
            .iter()
            .enumerate()
            .map(|(index, v)| Explained {
                index,
                score: self.scores[index],
                verdict: v.label(),
                reason: v.reason(),
                other: v.other(),
                text: self.texts[index],
            })
            .collect()
    }

    /// Adds the `--keywords` and `--explain` parts to a JSON object.
    fn extend_json(&self, value: &mut serde_json::Value, explain: bool) -> Result<()> {
        if let Some(k) = self.keywords_json() {
            value["keywords"] = serde_json::to_value(k)?;
        }
        if explain {
            value["lead_strength"] = self.lead_strength.into();
            value["explain"] = serde_json::to_value(self.explain_json())?;
        }
        Ok(())
    }

    /// The text output: summary, then keyphrases, then the explanation.
    fn write_text(&self, out: &mut impl Write, explain: bool) -> Result<()> {
        for c in &self.chosen {
            writeln!(out, "{}", one_line(c.text))?;
        }
        if let Some(keywords) = &self.keywords {
            writeln!(out)?;
            writeln!(out, "Keywords:")?;
            for k in keywords {
                writeln!(out, "  {:.3}  {}", k.score, one_line(&k.text))?;
            }
        }
        if explain {
            writeln!(out)?;
            writeln!(
                out,
                "Sentences (lead strength {:.2}; score, verdict, reason):",
                self.lead_strength
            )?;
            for e in self.explain_json() {
                let reason = match e.other {
                    Some(other) => format!("{} (#{other})", e.reason),
                    None => e.reason.to_string(),
                };
                writeln!(
                    out,
                    "  #{:<4} {:>7.3}  {:<11}  {:<42}  {}",
                    e.index,
                    e.score,
                    e.verdict,
                    reason,
                    one_line(e.text)
                )?;
            }
        }
        Ok(())
    }
}

/// Runs `excerpt summarize`.
pub fn run(args: &SummarizeArgs) -> Result<()> {
    crate::output::check_not_input(
        args.output.as_deref(),
        args.files.iter().map(|f| f.as_path()),
    )?;
    let lang_choice = LangChoice::parse(&args.lang)?;
    let engines = TextSummarizer::new(args.similarity());
    let mut out = Output::open(args.output.as_deref())?;
    let sources = Source::from_args(&args.files);
    if args.jsonl {
        let progress =
            jsonl_records::progress_for(args.corpus.progress, &sources, args.output.as_deref());
        for source in &sources {
            jsonl_records::for_each_record(
                source,
                &args.corpus,
                &progress,
                |line| summarize_record(args, &lang_choice, &engines, line),
                |line| Ok(out.write_all(line.as_bytes())?),
            )?;
        }
        return out.finish();
    }
    let many = sources.len() > 1;
    for (n, source) in sources.iter().enumerate() {
        let (text, enc) = source.read_text(args.encoding.encoding)?;
        // Of a web page or a Markdown file, the text without markup, with
        // the document's title as the title unless --title says otherwise;
        // offsets are then those of that text, not of the file.
        let (text, page_title, offsets_in) = match args.input.resolve(&source.name(), &text) {
            Some(format) => {
                let doc = excerpt_doc::Doc::parse(&text, format);
                (doc.plain_text(), doc.title(), FileEncoding::UTF8)
            }
            None => (text, None, enc),
        };
        let lang = lang_choice.resolve(&text);
        let report = summarize_text(
            &engines,
            (&text, offsets_in),
            &lang,
            args.title.as_deref().or(page_title.as_deref()),
            args.budget(),
            args.keywords,
        );
        match args.format {
            SummaryFormat::Text => {
                if many {
                    if n > 0 {
                        writeln!(out)?;
                    }
                    writeln!(out, "==> {} <==", source.name())?;
                }
                report.write_text(&mut out, args.explain)?;
            }
            SummaryFormat::Json => {
                let mut record = serde_json::json!({
                    "file": source.name(),
                    "lang": lang,
                    "sentences": report.chosen,
                });
                if let Some(name) = enc.record() {
                    record["encoding"] = name.into();
                }
                report.extend_json(&mut record, args.explain)?;
                serde_json::to_writer(&mut out, &record)?;
                writeln!(out)?;
            }
        }
    }
    out.finish()
}

fn summarize_record(
    args: &SummarizeArgs,
    lang_choice: &LangChoice,
    engines: &TextSummarizer,
    line: &str,
) -> Result<String> {
    let fields = &args.corpus;
    let record = fields.parse(line)?;
    let text = fields.text(&record)?;
    let lang = record_lang(&record, text, lang_choice)?;
    let budget = match optional_usize(&record, "k")? {
        Some(k) => Budget::Sentences(k),
        None => args.budget(),
    };
    let title = optional_str(&record, "title")?;
    let report = summarize_text(
        engines,
        (text, FileEncoding::UTF8),
        &lang,
        title,
        budget,
        args.keywords,
    );
    let summary: Vec<&str> = report.chosen.iter().map(|c| c.text).collect();
    let mut value = serde_json::json!({ "id": fields.id(&record), "summary": summary });
    if args.format == SummaryFormat::Json {
        value["lang"] = lang.clone().into();
        value["sentences"] = serde_json::to_value(&report.chosen)?;
    }
    report.extend_json(&mut value, args.explain)?;
    let mut line = serde_json::to_string(&value)?;
    line.push('\n');
    Ok(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: SummarizeArgs,
    }

    fn args(flags: &[&str]) -> SummarizeArgs {
        let mut argv = vec!["summarize"];
        argv.extend_from_slice(flags);
        Cli::parse_from(argv).args
    }

    const STORY: &str = "The river ferry returns to service on Monday after a month of repairs. \
        Engineers replaced the ferry engine and painted the hull. \
        The ferry carries two hundred passengers across the river each morning. \
        A café on the pier will open at the same time. \
        Tickets for the river ferry cost the same as before.";

    fn record(flags: &[&str], line: &serde_json::Value) -> serde_json::Value {
        let a = args(flags);
        let engines = TextSummarizer::new(a.similarity());
        let choice = LangChoice::parse(&a.lang).unwrap();
        let out = summarize_record(&a, &choice, &engines, &line.to_string()).unwrap();
        assert!(out.ends_with('\n') && out.matches('\n').count() == 1);
        serde_json::from_str(&out).unwrap()
    }

    #[test]
    fn jsonl_record_keeps_id_and_honours_k() {
        let line = serde_json::json!({"id": "doc-7", "text": STORY, "k": 2, "lang": "en"});
        let out = record(&[], &line);
        assert_eq!(out["id"], "doc-7");
        let summary = out["summary"].as_array().unwrap();
        assert_eq!(summary.len(), 2);
        for s in summary {
            assert!(STORY.contains(s.as_str().unwrap()));
        }
        // Without k, the flags decide.
        let line = serde_json::json!({"id": 8, "text": STORY});
        let out = record(&["--sentences", "1", "--lang", "en"], &line);
        assert_eq!(out["id"], 8);
        assert_eq!(out["summary"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn jsonl_json_format_adds_offsets_scores_keywords_and_explain() {
        let line = serde_json::json!({"id": "a", "text": STORY, "k": 2, "lang": "en"});
        let out = record(&["--format", "json", "--keywords", "3", "--explain"], &line);
        let sentences = out["sentences"].as_array().unwrap();
        assert_eq!(sentences.len(), 2);
        for s in sentences {
            let (start, end) = (
                s["byte_start"].as_u64().unwrap(),
                s["byte_end"].as_u64().unwrap(),
            );
            assert_eq!(
                &STORY[start as usize..end as usize],
                s["text"].as_str().unwrap()
            );
            assert!(s["score"].as_f64().unwrap() > 0.0);
        }
        let keywords = out["keywords"].as_array().unwrap();
        assert!(!keywords.is_empty() && keywords.len() <= 3);
        assert!(
            keywords[0]["text"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("ferry")
        );
        let explain = out["explain"].as_array().unwrap();
        assert_eq!(explain.len(), 5);
        let chosen = explain.iter().filter(|e| e["verdict"] == "chosen").count();
        assert_eq!(chosen, 2);
    }

    #[test]
    fn jsonl_record_title_is_read_and_optional() {
        let story: String = [
            "The district council met on Friday to talk about the river path and the east bank.",
            "Councillors chose to close the old bridge to cars from next spring.",
            "The river bridge and the river path were built in the same year.",
            "Walkers said the river path was often muddy after rain.",
            "The district engineer said the old bridge was too weak for cars.",
            "Cars will use the new road on the east bank.",
            "The river path will get new lamps in autumn.",
            "A school band played outside after the meeting.",
            "Snow fell during the night.",
            "Some residents could not come to the meeting.",
            "The minutes will be posted at the library.",
            "The next council meeting is in June.",
        ]
        .join(" ");
        let plain = serde_json::json!({"id": 1, "text": story, "k": 1, "lang": "en"});
        let plain = record(&[], &plain);
        let titled = serde_json::json!({
            "id": 1, "text": story, "k": 1, "lang": "en",
            "title": "Old bridge to close to cars",
        });
        let titled = record(&[], &titled);
        assert_ne!(plain["summary"], titled["summary"]);
        assert!(
            titled["summary"][0]
                .as_str()
                .unwrap()
                .starts_with("Councillors chose")
        );
        // A null title is no title.
        let null = serde_json::json!({"id": 1, "text": story, "k": 1, "lang": "en", "title": null});
        assert_eq!(record(&[], &null), plain);
        // A title must be a string.
        let a = args(&[]);
        let engines = TextSummarizer::new(a.similarity());
        let choice = LangChoice::parse("en").unwrap();
        let bad = r#"{"id": 1, "text": "One. Two.", "title": 3}"#;
        assert!(summarize_record(&a, &choice, &engines, bad).is_err());
    }

    #[test]
    fn jsonl_rejects_a_record_without_text() {
        let a = args(&[]);
        let engines = TextSummarizer::new(a.similarity());
        let choice = LangChoice::parse("en").unwrap();
        assert!(summarize_record(&a, &choice, &engines, "{\"id\": 1}").is_err());
    }

    #[test]
    fn text_output_lists_keywords_and_verdicts() {
        let engines = TextSummarizer::new(Similarity::Overlap);
        let report = summarize_text(
            &engines,
            (STORY, FileEncoding::UTF8),
            "en",
            None,
            Budget::Words(25),
            Some(2),
        );
        let used: usize = report
            .chosen
            .iter()
            .map(|c| c.text.split_whitespace().count())
            .sum();
        assert!(used <= 25 && used > 0);
        let mut out = Vec::new();
        report.write_text(&mut out, true).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("Keywords:"));
        assert!(out.contains("chosen"));
        assert_eq!(
            out.lines()
                .filter(|l| l.trim_start().starts_with('#'))
                .count(),
            5
        );
    }
}
