//! `excerpt stats`: the analysis a CAT tool prints before a job.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;
use excerpt_tm::Stats;
use serde::Serialize;

use crate::input::Source;

/// Count segments, words, characters, repetitions and unique segments, per
/// file and in total.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Repetitions are segments whose text appeared before (in the same file; in the total,
in any file). Normalised repetitions also match after numbers and punctuation are
normalised. Words are counted by Unicode word boundaries.

Examples:
  excerpt stats chapter1.txt chapter2.txt
  excerpt stats --glob '*.md' docs/
  excerpt stats --format json --lang de *.txt")]
pub struct StatsArgs {
    /// Files to analyse, and directories whose files (hidden and ignored
    /// ones left out) are analysed; standard input when none is given or for
    /// `-`.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
    pub format: StatsFormat,

    /// Language of the texts: `auto` detects it per file, or an ISO 639-1 code.
    #[arg(long, default_value = "auto", value_name = "CODE")]
    pub lang: String,

    #[command(flatten)]
    pub segmenter: crate::segmenter_flags::SegmenterFlags,

    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Read JSON Lines records ({"id", "text", optional "lang"}): one row per
    /// JSON Lines file, and the total. Repetitions are found across all the
    /// records of the file.
    #[arg(long)]
    pub jsonl: bool,

    #[command(flatten)]
    pub corpus: crate::jsonl_records::CorpusArgs,

    #[command(flatten)]
    pub encoding: crate::input::EncodingArg,

    #[command(flatten)]
    pub walk: crate::project::WalkArgs,
}

/// The formats `excerpt stats` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// A table, one row per file and a total.
    Text,
    /// One JSON document with `files` and `total`.
    Json,
}

/// One row of the analysis.
#[derive(Serialize)]
pub struct FileStats {
    /// The file's name.
    pub file: String,
    /// Its language (languages, comma-separated, for a JSON Lines file).
    pub lang: String,
    /// Its counts.
    #[serde(flatten)]
    pub stats: Stats,
}

/// The analysis: one row per file, and the total.
#[derive(Serialize)]
pub struct Report {
    /// The rows.
    pub files: Vec<FileStats>,
    /// The counts over all files.
    pub total: Stats,
}

/// Runs `excerpt stats`.
pub fn run(args: &StatsArgs) -> Result<()> {
    crate::output::check_not_input(
        args.output.as_deref(),
        args.files.iter().map(|f| f.as_path()),
    )?;
    let sources = if args.files.iter().any(|f| f.is_dir()) {
        crate::project::walk(&args.files, &args.walk, None)?
            .into_iter()
            .map(|f| Source::from_args(&[f.path]).remove(0))
            .collect()
    } else {
        Source::from_args(&args.files)
    };
    if args.jsonl {
        return crate::corpus::run_stats(args, &sources);
    }
    crate::corpus::run_stats_files(args, &sources)
}

/// Writes the analysis as a table or as JSON; `records` is the number of
/// JSON Lines records counted, if the input was records.
pub fn write_report(
    out: &mut impl Write,
    report: &Report,
    format: StatsFormat,
    records: Option<u64>,
) -> Result<()> {
    match format {
        StatsFormat::Json => {
            #[derive(Serialize)]
            struct WithRecords<'a> {
                #[serde(flatten)]
                report: &'a Report,
                #[serde(skip_serializing_if = "Option::is_none")]
                records: Option<u64>,
            }
            serde_json::to_writer_pretty(&mut *out, &WithRecords { report, records })?;
            out.write_all(b"\n")?;
        }
        StatsFormat::Text => {
            write_table(out, report)?;
            if let Some(n) = records {
                writeln!(out, "({n} records)")?;
            }
        }
    }
    Ok(())
}

fn write_table(out: &mut impl Write, report: &Report) -> Result<()> {
    let width = report
        .files
        .iter()
        .map(|f| f.file.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    writeln!(
        out,
        "{:<width$}  {:>8} {:>9} {:>10} {:>8} {:>9} {:>8} {:>9} {:>8} {:>9}",
        "file",
        "segments",
        "words",
        "chars",
        "unique",
        "words",
        "repeats",
        "words",
        "norm.rep",
        "words"
    )?;
    let row = |out: &mut dyn Write, name: &str, s: &Stats| -> std::io::Result<()> {
        writeln!(
            out,
            "{:<width$}  {:>8} {:>9} {:>10} {:>8} {:>9} {:>8} {:>9} {:>8} {:>9}",
            name,
            s.segments,
            s.words,
            s.characters,
            s.unique,
            s.unique_words,
            s.repetitions,
            s.repetition_words,
            s.normalized_repetitions,
            s.normalized_repetition_words
        )
    };
    for f in &report.files {
        row(out, &f.file, &f.stats)?;
    }
    row(out, "total", &report.total)?;
    Ok(())
}
