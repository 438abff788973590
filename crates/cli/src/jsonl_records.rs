//! JSON Lines corpora: records read in batches, processed in parallel while
//! the next batch is read and the last one written, and results handed on
//! in input order. Shared by `summarize --jsonl`, `segment --jsonl` and
//! `stats --jsonl`.

use std::io::BufRead;

use anyhow::{Context, Result, anyhow, bail};
use rayon::prelude::*;
use serde_json::Value;

use crate::input::Source;
use crate::progress::{Progress, ProgressMode};
use excerpt_lang::LangChoice;

/// Where a record's text and id are, and what to do with a bad record.
#[derive(clap::Args, Debug, Clone)]
pub struct CorpusArgs {
    /// With --jsonl: the field that holds the text; a dotted path reaches
    /// into nested objects (`doc.body`).
    #[arg(long, value_name = "PATH", default_value = "text", requires = "jsonl")]
    pub text_field: String,

    /// With --jsonl: the field that holds the record's id (copied to the
    /// output; null when the record has none); a dotted path as for
    /// --text-field.
    #[arg(long, value_name = "PATH", default_value = "id", requires = "jsonl")]
    pub id_field: String,

    /// With --jsonl: skip a bad record (not JSON, not UTF-8, no text field,
    /// a bad value) and count it in a warning, instead of stopping there.
    #[arg(long, requires = "jsonl")]
    pub skip_bad: bool,

    /// Progress bar on standard error: `auto` shows one when standard error
    /// is a terminal, the output is not, and the run takes over a second.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ProgressMode::Auto)]
    pub progress: ProgressMode,
}

/// The value at a dotted `path` (`meta.id`) in a JSON value, if any.
pub fn lookup<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.')
        .try_fold(value, |v, key| v.as_object()?.get(key))
}

impl CorpusArgs {
    /// Parses one line as a JSON object.
    pub fn parse(&self, line: &str) -> Result<Value> {
        let value: Value = serde_json::from_str(line).context("not valid JSON")?;
        if !value.is_object() {
            bail!("not a JSON object");
        }
        Ok(value)
    }

    /// The record's text.
    pub fn text<'v>(&self, record: &'v Value) -> Result<&'v str> {
        match lookup(record, &self.text_field) {
            Some(Value::String(text)) => Ok(text),
            Some(_) => bail!("the \"{}\" field is not a string", self.text_field),
            None => bail!("no \"{}\" field", self.text_field),
        }
    }

    /// The record's id, null when it has none.
    pub fn id(&self, record: &Value) -> Value {
        lookup(record, &self.id_field)
            .cloned()
            .unwrap_or(Value::Null)
    }
}

/// A top-level string field that may be absent or null.
pub fn optional_str<'v>(record: &'v Value, key: &str) -> Result<Option<&'v str>> {
    match record.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => bail!("the \"{key}\" field is not a string"),
    }
}

/// The record's language: its `lang` field, or `--lang` (detected when
/// `auto`).
pub fn record_lang(record: &Value, text: &str, choice: &LangChoice) -> Result<String> {
    match optional_str(record, "lang")? {
        Some(code) => match excerpt_lang::normalize(code) {
            Some(code) => Ok(code.to_string()),
            None => bail!("unknown language code '{code}'"),
        },
        None => Ok(choice.resolve(text)),
    }
}

/// A top-level whole-number field that may be absent or null.
pub fn optional_usize(record: &Value, key: &str) -> Result<Option<usize>> {
    match record.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_u64()
            .map(|n| Some(n as usize))
            .ok_or_else(|| anyhow!("the \"{key}\" field is not a whole number")),
    }
}

/// At most this many records are read before they are processed in parallel.
const BATCH: usize = 512;
/// A batch also ends once its lines add up to this many bytes, so that a
/// corpus of long records is held a few batches at a time as well.
const BATCH_BYTES: usize = 16 << 20;

/// One line as read: its number (from 1), its length in bytes, and its text
/// or why it is not text.
type Line = (usize, usize, Result<String>);

/// What [`for_each_record`] did.
#[derive(Debug, Default)]
pub struct Tally {
    /// Records processed.
    pub records: u64,
    /// Bad records skipped under `--skip-bad`.
    pub skipped: u64,
}

/// Reads the JSON Lines of `source`, runs `process` on each non-blank line
/// in parallel, and hands the results to `consume` in input order. A bad
/// line (not UTF-8, or one `process` fails on) stops the run with an error
/// naming the source and the line, after every record before it has been
/// consumed; under `--skip-bad` it is counted instead, and a warning at the
/// end tells how many were skipped and the first.
pub fn for_each_record<T, P, C>(
    source: &Source,
    fields: &CorpusArgs,
    progress: &Progress,
    process: P,
    mut consume: C,
) -> Result<Tally>
where
    T: Send,
    P: Fn(&str) -> Result<T> + Sync,
    C: FnMut(T) -> Result<()> + Send,
{
    let name = source.name();
    let reader: Box<dyn BufRead + Send> = match source {
        Source::Stdin => Box::new(std::io::BufReader::with_capacity(1 << 16, std::io::stdin())),
        Source::File(path) => Box::new(std::io::BufReader::with_capacity(
            1 << 16,
            std::fs::File::open(path).with_context(|| format!("{name}: cannot open"))?,
        )),
    };
    let mut lines = reader.split(b'\n').enumerate();
    let mut tally = Tally::default();
    let mut first_skipped: Option<(usize, anyhow::Error)> = None;
    let mut take = |done: Vec<(usize, usize, Result<T>)>, tally: &mut Tally| -> Result<()> {
        for (line_no, bytes, result) in done {
            match result {
                Ok(value) => {
                    consume(value)?;
                    tally.records += 1;
                }
                Err(e) if fields.skip_bad => {
                    tally.skipped += 1;
                    first_skipped.get_or_insert((line_no, e));
                }
                Err(e) => return Err(e.context(format!("{name}: line {line_no}"))),
            }
            let records = tally.records;
            progress.advance(bytes as u64 + 1, || format!("{records} records"));
        }
        Ok(())
    };
    // While one batch is processed in parallel, the results of the one
    // before it are consumed and the next one is read, so the threads wait
    // neither for the output nor for the input.
    let mut batch = read_batch(&mut lines, &name);
    let mut done = Vec::new();
    loop {
        let previous = std::mem::take(&mut done);
        let more = !batch.ended;
        let (results, (taken, next)) = rayon::join(
            || process_batch(&process, std::mem::take(&mut batch.lines)),
            || {
                let taken = take(previous, &mut tally);
                let next = (more && taken.is_ok()).then(|| read_batch(&mut lines, &name));
                (taken, next)
            },
        );
        taken?;
        done = results;
        match next {
            Some(next) => batch = next,
            None => break,
        }
    }
    take(done, &mut tally)?;
    // every line before an unreadable one is processed first
    if let Some(failure) = batch.failure {
        return Err(failure);
    }
    if let Some((line_no, first)) = first_skipped {
        progress.suspend(|| {
            eprintln!(
                "excerpt: warning: {name}: skipped {} bad record{} (first: line {line_no}: {first:#})",
                tally.skipped,
                if tally.skipped == 1 { "" } else { "s" }
            )
        });
    }
    Ok(tally)
}

/// One batch of lines as [`read_batch`] read it.
struct Batch {
    lines: Vec<Line>,
    /// Why reading stopped early: the input could not be read.
    failure: Option<anyhow::Error>,
    /// Whether the input has no more lines (or could not be read further).
    ended: bool,
}

/// Reads up to [`BATCH`] non-blank lines (or [`BATCH_BYTES`] of them) with
/// their line numbers; stops early when the input cannot be read.
fn read_batch(
    lines: &mut impl Iterator<Item = (usize, std::io::Result<Vec<u8>>)>,
    name: &str,
) -> Batch {
    let mut batch = Vec::with_capacity(BATCH);
    let mut bytes = 0;
    while batch.len() < BATCH && bytes < BATCH_BYTES {
        let Some((n, line)) = lines.next() else {
            return Batch {
                lines: batch,
                failure: None,
                ended: true,
            };
        };
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                return Batch {
                    lines: batch,
                    failure: Some(anyhow::Error::new(e).context(format!("{name}: cannot read"))),
                    ended: true,
                };
            }
        };
        let len = line.len();
        bytes += len;
        match crate::input::into_utf8(line) {
            Ok(line) if line.trim().is_empty() => {}
            text => batch.push((n + 1, len, text)),
        }
    }
    Batch {
        lines: batch,
        failure: None,
        ended: false,
    }
}

/// Processes the lines of a batch in parallel, keeping their order.
fn process_batch<T, P>(process: &P, batch: Vec<Line>) -> Vec<(usize, usize, Result<T>)>
where
    T: Send,
    P: Fn(&str) -> Result<T> + Sync,
{
    batch
        .into_par_iter()
        .map(|(line_no, bytes, text)| (line_no, bytes, text.and_then(|t| process(&t))))
        .collect()
}

/// The progress bar for reading `sources` into `output` (`-o`: a file, or
/// standard output when `None` or `-`); the total is the files' sizes when
/// all are files.
pub fn progress_for(
    mode: ProgressMode,
    sources: &[Source],
    output: Option<&std::path::Path>,
) -> Progress {
    let to_file = output.is_some_and(|p| p.as_os_str() != "-");
    let total = sources
        .iter()
        .map(|s| match s {
            Source::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
            Source::Stdin => None,
        })
        .sum::<Option<u64>>();
    Progress::new(mode, to_file, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(skip_bad: bool) -> CorpusArgs {
        CorpusArgs {
            text_field: "text".into(),
            id_field: "id".into(),
            skip_bad,
            progress: ProgressMode::Never,
        }
    }

    /// Runs the record loop over `input` with a `process` that returns each
    /// record's id, and returns the ids in the order consumed.
    fn ids(input: &[u8], skip_bad: bool) -> (Result<Tally>, Vec<u64>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        std::fs::write(&path, input).unwrap();
        let fields = fields(skip_bad);
        let progress = Progress::new(ProgressMode::Never, true, None);
        let mut seen = Vec::new();
        let tally = for_each_record(
            &Source::File(path),
            &fields,
            &progress,
            |line| {
                let record = fields.parse(line)?;
                fields.text(&record)?;
                fields.id(&record).as_u64().context("no id")
            },
            |id| {
                seen.push(id);
                Ok(())
            },
        );
        (tally, seen)
    }

    #[test]
    fn long_records_make_smaller_batches_and_keep_their_order() {
        // 40 records of 1 MB: batches end by size (16 MiB), not by count
        let text = "word ".repeat(200_000);
        let mut input = Vec::new();
        for i in 0..40 {
            input.extend(json!({"id": i, "text": text}).to_string().bytes());
            input.extend(b"\n\n");
        }
        let (tally, seen) = ids(&input, false);
        assert_eq!(tally.unwrap().records, 40);
        assert_eq!(seen, (0..40).collect::<Vec<u64>>());
        let mut lines = std::io::BufRead::split(&input[..], b'\n').enumerate();
        let batch = read_batch(&mut lines, "in");
        assert!(batch.failure.is_none());
        assert!(batch.lines.len() < 20, "{}", batch.lines.len());
        assert!(!batch.ended);
        assert!(batch.lines.iter().map(|l| l.1).sum::<usize>() >= BATCH_BYTES);
    }

    #[test]
    fn blank_lines_that_fill_a_batch_do_not_end_the_input() {
        // Each record is followed by a blank Windows line ("\r"). With
        // records of this length, the first 100 records and their blank
        // lines reach BATCH_BYTES while the records alone do not: the batch
        // is full, and reading must go on.
        let record_len = BATCH_BYTES.div_ceil(100) - 2;
        let text = "x".repeat(record_len - json!({"id": 100, "text": ""}).to_string().len());
        let mut input = Vec::new();
        for i in 100..400 {
            let line = json!({"id": i, "text": text}).to_string();
            assert_eq!(line.len(), record_len);
            input.extend(line.bytes());
            input.extend(b"\r\n\r\n");
        }
        let (tally, seen) = ids(&input, false);
        assert_eq!(tally.unwrap().records, 300);
        assert_eq!(seen, (100..400).collect::<Vec<u64>>());
    }

    #[test]
    fn a_bad_line_ends_the_run_after_the_lines_before_it() {
        let mut input = Vec::new();
        for i in 0..1200 {
            let line = if i == 700 {
                "{\"id\": 700}".to_string()
            } else {
                json!({"id": i, "text": "x"}).to_string()
            };
            input.extend(line.bytes());
            input.push(b'\n');
        }
        let (tally, seen) = ids(&input, false);
        let err = format!("{:#}", tally.unwrap_err());
        assert!(
            err.ends_with("in.jsonl: line 701: no \"text\" field"),
            "{err}"
        );
        assert_eq!(seen, (0..700).collect::<Vec<u64>>());
        // skipped, the others all come through
        let (tally, seen) = ids(&input, true);
        let tally = tally.unwrap();
        assert_eq!((tally.records, tally.skipped), (1199, 1));
        assert_eq!(seen.len(), 1199);
        assert!(!seen.contains(&700));
    }

    #[test]
    fn dotted_paths_reach_nested_fields() {
        let v = json!({"meta": {"id": 7, "src": {"name": "cnn"}}, "text": "x"});
        assert_eq!(lookup(&v, "meta.id"), Some(&json!(7)));
        assert_eq!(lookup(&v, "meta.src.name"), Some(&json!("cnn")));
        assert_eq!(lookup(&v, "text"), Some(&json!("x")));
        assert_eq!(lookup(&v, "meta.missing"), None);
        assert_eq!(lookup(&v, "text.deeper"), None);
    }
}
