//! `segment --jsonl` and `stats --jsonl`: a JSON Lines corpus, record by
//! record, in parallel and in constant memory (see [`crate::jsonl_records`]).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::sync::{Arc, Mutex};

use anyhow::Result;
use excerpt_tm::{Document, SegmentOptions, Splitter, Stats};
use rayon::prelude::*;
use serde_json::Value;

use crate::input::Source;
use crate::json_text::push_json_str;
use crate::jsonl_records::{self, CorpusArgs, record_lang};
use crate::offsets::CharOffsets;
use crate::output::Output;
use crate::segmenter_flags::SegmenterFlags;
use excerpt_lang::LangChoice;

/// Segmenters built once per language and shared by the threads.
pub struct Segmenters<'a> {
    flags: &'a SegmenterFlags,
    by_lang: Mutex<HashMap<String, Arc<(SegmentOptions, Splitter)>>>,
}

impl<'a> Segmenters<'a> {
    /// Segmenters with the command line's segmentation flags.
    pub fn new(flags: &'a SegmenterFlags) -> Segmenters<'a> {
        Segmenters {
            flags,
            by_lang: Mutex::new(HashMap::new()),
        }
    }

    /// The options and segmenter for `lang`.
    pub fn get(&self, lang: &str) -> Result<Arc<(SegmentOptions, Splitter)>> {
        if let Some(found) = self.by_lang.lock().expect("segmenters").get(lang) {
            return Ok(found.clone());
        }
        let options = self.flags.options(lang)?;
        let splitter = options.splitter()?;
        let built = Arc::new((options, splitter));
        let mut map = self.by_lang.lock().expect("segmenters");
        Ok(map.entry(lang.to_string()).or_insert(built).clone())
    }

    /// Segments `text` as the translation formats do (same segment ids).
    fn document<'t>(&self, text: &'t str, lang: &str) -> Result<Document<'t>> {
        let engine = self.get(lang)?;
        let (options, splitter) = &*engine;
        Ok(Document::with_splitter(text, options.clone(), splitter))
    }
}

/// The output line of `segment --jsonl` for one input line.
pub fn segment_record(
    fields: &CorpusArgs,
    choice: &LangChoice,
    segmenters: &Segmenters,
    line: &str,
) -> Result<String> {
    let record = fields.parse(line)?;
    let text = fields.text(&record)?;
    let lang = record_lang(&record, text, choice)?;
    let doc = segmenters.document(text, &lang)?;
    segment_line(&fields.id(&record), &lang, &doc)
}

/// `{"id", "lang", "segments": [{"text", "byte_start", "byte_end",
/// "char_start", "char_end", "segment_id"}...]}` and a line end, written
/// directly: the segments' text is most of a corpus's output, and
/// [`push_json_str`] escapes it with less work than serde_json (the same
/// bytes; see the test): JSON writing went from about 13 % to 7 % of a
/// one-thread run.
fn segment_line(id: &Value, lang: &str, doc: &Document) -> Result<String> {
    let text = doc.text();
    let segments = doc.segments();
    let mut line = String::with_capacity(text.len() + 64 + 96 * segments.len());
    line.push_str("{\"id\":");
    line.push_str(&serde_json::to_string(id)?);
    line.push_str(",\"lang\":");
    push_json_str(&mut line, lang);
    line.push_str(",\"segments\":[");
    let mut chars = CharOffsets::new(text);
    let mut digits = itoa::Buffer::new();
    for (k, s) in segments.iter().enumerate() {
        if k > 0 {
            line.push(',');
        }
        let range = s.range();
        line.push_str("{\"text\":");
        push_json_str(&mut line, s.text());
        let numbers = [
            ("byte_start", range.start),
            ("byte_end", range.end),
            ("char_start", chars.at(range.start)),
            ("char_end", chars.at(range.end)),
        ];
        for (name, n) in numbers {
            line.push_str(",\"");
            line.push_str(name);
            line.push_str("\":");
            line.push_str(digits.format(n));
        }
        line.push_str(",\"segment_id\":");
        push_json_str(&mut line, s.id());
        line.push('}');
    }
    line.push_str("]}\n");
    Ok(line)
}

/// Runs `segment --jsonl` over `sources` into `out`, opened on `output`.
pub fn run_segment(
    fields: &CorpusArgs,
    choice: &LangChoice,
    flags: &SegmenterFlags,
    sources: &[Source],
    mut out: Output,
    output: Option<&std::path::Path>,
) -> Result<()> {
    let segmenters = Segmenters::new(flags);
    let progress = jsonl_records::progress_for(fields.progress, sources, output);
    for source in sources {
        jsonl_records::for_each_record(
            source,
            fields,
            &progress,
            |line| segment_record(fields, choice, &segmenters, line),
            |line| Ok(out.write_all(line.as_bytes())?),
        )?;
    }
    out.finish()
}

/// What `stats` needs of one segment: its counts and the hashes its
/// repetitions are found by (so a corpus's texts need not be kept).
struct Counted {
    words: usize,
    characters: usize,
    characters_no_spaces: usize,
    exact: u64,
    normalized: u64,
}

fn hash_of(text: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Counts of one record's segments.
fn count_record(
    fields: &CorpusArgs,
    choice: &LangChoice,
    segmenters: &Segmenters,
    line: &str,
) -> Result<(String, Vec<Counted>)> {
    let record = fields.parse(line)?;
    let text = fields.text(&record)?;
    let lang = record_lang(&record, text, choice)?;
    let doc = segmenters.document(text, &lang)?;
    Ok((lang, count_segments(&doc)))
}

/// The counts of each segment of `doc`.
fn count_segments(doc: &Document) -> Vec<Counted> {
    doc.segments()
        .iter()
        .map(|s| {
            let t = s.text();
            Counted {
                words: excerpt_tm::word_count(t),
                characters: t.chars().count(),
                characters_no_spaces: t.chars().filter(|c| !c.is_whitespace()).count(),
                exact: hash_of(t),
                normalized: hash_of(&excerpt_tm::normalize(t)),
            }
        })
        .collect()
}

/// Running totals of a corpus: [`Stats`] counted as [`Stats::of`] counts
/// them, with the segments seen kept as 64-bit hashes.
#[derive(Default)]
struct Tally {
    stats: Stats,
    exact: HashSet<u64>,
    normalized: HashSet<u64>,
    langs: BTreeSet<String>,
}

impl Tally {
    fn add(&mut self, lang: &str, segments: &[Counted]) {
        if !self.langs.contains(lang) {
            self.langs.insert(lang.to_string());
        }
        let s = &mut self.stats;
        for c in segments {
            s.segments += 1;
            s.words += c.words;
            s.characters += c.characters;
            s.characters_no_spaces += c.characters_no_spaces;
            if self.exact.insert(c.exact) {
                s.unique += 1;
                s.unique_words += c.words;
            } else {
                s.repetitions += 1;
                s.repetition_words += c.words;
            }
            if !self.normalized.insert(c.normalized) {
                s.normalized_repetitions += 1;
                s.normalized_repetition_words += c.words;
            }
        }
    }

    fn langs(&self) -> String {
        self.langs.iter().cloned().collect::<Vec<_>>().join(",")
    }
}

/// Runs `stats --jsonl`: one row per JSON Lines file, and the total.
pub fn run_stats(args: &crate::stats::StatsArgs, sources: &[Source]) -> Result<()> {
    let choice = args.segmenter.lang_choice(&args.lang)?;
    let segmenters = Segmenters::new(&args.segmenter);
    let progress =
        jsonl_records::progress_for(args.corpus.progress, sources, args.output.as_deref());
    let mut total = Tally::default();
    let mut files = Vec::new();
    let mut records = 0;
    for source in sources {
        let mut tally = Tally::default();
        let done = jsonl_records::for_each_record(
            source,
            &args.corpus,
            &progress,
            |line| count_record(&args.corpus, &choice, &segmenters, line),
            |(lang, counted)| {
                tally.add(&lang, &counted);
                if sources.len() > 1 {
                    total.add(&lang, &counted);
                }
                Ok(())
            },
        )?;
        records += done.records;
        files.push(crate::stats::FileStats {
            file: source.name(),
            lang: tally.langs(),
            stats: tally.stats,
        });
    }
    let total = match files.as_slice() {
        [one] => one.stats,
        _ => total.stats,
    };
    let report = crate::stats::Report { files, total };
    let mut out = Output::open(args.output.as_deref())?;
    crate::stats::write_report(&mut out, &report, args.format, Some(records))?;
    out.finish()
}

/// Runs `stats` on files: read and segmented in parallel, one row per file
/// in the order given and the total; only the counts of each file's
/// segments are kept, not its text.
pub fn run_stats_files(args: &crate::stats::StatsArgs, sources: &[Source]) -> Result<()> {
    let choice = args.segmenter.lang_choice(&args.lang)?;
    let segmenters = Segmenters::new(&args.segmenter);
    let counted: Vec<Result<(String, Vec<Counted>)>> = sources
        .par_iter()
        .map(|source| {
            let (text, _) = source.read_text(args.encoding.encoding)?;
            let lang = choice.resolve(&text);
            let doc = segmenters.document(&text, &lang)?;
            Ok((lang, count_segments(&doc)))
        })
        .collect();
    let mut total = Tally::default();
    let mut files = Vec::new();
    for (source, result) in sources.iter().zip(counted) {
        let (lang, counted) = result?;
        let mut tally = Tally::default();
        tally.add(&lang, &counted);
        total.add(&lang, &counted);
        files.push(crate::stats::FileStats {
            file: source.name(),
            lang,
            stats: tally.stats,
        });
    }
    let report = crate::stats::Report {
        files,
        total: total.stats,
    };
    let mut out = Output::open(args.output.as_deref())?;
    crate::stats::write_report(&mut out, &report, args.format, None)?;
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_tally_counts_as_stats_of() {
        let texts = ["Page 1.", "Page 2!", "Page 1.", "The end.", "Page 3."];
        let flags = SegmenterFlags::default();
        let segmenters = Segmenters::new(&flags);
        let fields = CorpusArgs {
            text_field: "text".into(),
            id_field: "id".into(),
            skip_bad: false,
            progress: crate::progress::ProgressMode::Never,
        };
        let choice = LangChoice::parse("en").unwrap();
        let mut tally = Tally::default();
        for t in texts {
            let line = serde_json::json!({ "text": t }).to_string();
            let (lang, counted) = count_record(&fields, &choice, &segmenters, &line).unwrap();
            tally.add(&lang, &counted);
        }
        assert_eq!(tally.stats, Stats::of(texts));
        assert_eq!(tally.langs(), "en");
    }

    /// The record `segment_line` writes, as serde_json writes it from
    /// structures.
    fn serde_line(id: &Value, lang: &str, doc: &Document) -> String {
        #[derive(serde::Serialize)]
        struct SegmentOut<'a> {
            text: &'a str,
            byte_start: usize,
            byte_end: usize,
            char_start: usize,
            char_end: usize,
            segment_id: &'a str,
        }
        #[derive(serde::Serialize)]
        struct RecordOut<'a> {
            id: &'a Value,
            lang: &'a str,
            segments: Vec<SegmentOut<'a>>,
        }
        let mut chars = CharOffsets::new(doc.text());
        let segments = doc
            .segments()
            .iter()
            .map(|s| SegmentOut {
                text: s.text(),
                byte_start: s.range().start,
                byte_end: s.range().end,
                char_start: chars.at(s.range().start),
                char_end: chars.at(s.range().end),
                segment_id: s.id(),
            })
            .collect();
        let out = RecordOut { id, lang, segments };
        serde_json::to_string(&out).unwrap() + "\n"
    }

    #[test]
    fn a_record_line_is_what_serde_json_writes() {
        let flags = SegmenterFlags::default();
        let segmenters = Segmenters::new(&flags);
        let texts = [
            "",
            "One.",
            "He said \"stop\". She\tleft\\ at 5 p.m.\n\nÜber 日本 🙂 ended. \u{1} A control.",
        ];
        let ids = [
            serde_json::json!(7),
            serde_json::json!("a \"quoted\" id"),
            Value::Null,
        ];
        for text in texts {
            for id in &ids {
                let doc = segmenters.document(text, "en").unwrap();
                assert_eq!(
                    segment_line(id, "en", &doc).unwrap(),
                    serde_line(id, "en", &doc),
                    "{text:?}"
                );
            }
        }
    }
}
