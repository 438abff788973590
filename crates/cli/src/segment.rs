//! `excerpt segment`: sentences with their offsets.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::ValueEnum;
use serde::Serialize;

use crate::doc_input::InputArg;
use crate::encoding::FileEncoding;
use crate::input::Source;
use crate::offsets::CharOffsets;
use crate::output::{Output, one_line};
use crate::progress::Progress;
use excerpt_lang::LangChoice;

/// Split text into sentences, losslessly, with their offsets.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  excerpt segment article.txt
  excerpt segment --format jsonl --lang de bericht.txt
  cat notes.txt | excerpt segment --newline-boundary
  excerpt segment --format xliff --lang en --target-lang de article.txt -o article.xlf
  excerpt segment --format tmx --target-lang fr-CA --target source article.txt -o article.tmx
  excerpt segment --format po --protect urls,emails,numbers,tags article.txt -o article.po
  excerpt segment --format xliff --target-lang de --glob '*.md' docs/ --out-dir xliff/
  excerpt segment --jsonl --text-field article --id-field meta.id dump.jsonl -o segments.jsonl")]
pub struct SegmentArgs {
    /// Files to read; standard input when none is given or for `-`.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Input format: auto (from the extension or the content), text, html
    /// or markdown. HTML and Markdown markup becomes inline codes.
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    pub input: InputArg,

    /// Output format.
    #[arg(long, value_enum, default_value_t = SegmentFormat::Lines)]
    pub format: SegmentFormat,

    /// Language of the text: `auto` detects it, or an ISO 639-1 code.
    #[arg(long, default_value = "auto", value_name = "CODE")]
    pub lang: String,

    #[command(flatten)]
    pub segmenter: crate::segmenter_flags::SegmenterFlags,

    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub tm: crate::tm_format::TmArgs,

    #[command(flatten)]
    pub encoding: crate::input::EncodingArg,

    /// Read JSON Lines ({"id", "text", optional "lang"}) and write one
    /// {"id", "lang", "segments"} object per input line, in the same order.
    #[arg(long, conflicts_with = "format")]
    pub jsonl: bool,

    #[command(flatten)]
    pub corpus: crate::jsonl_records::CorpusArgs,

    /// Write one output per input file into DIR, at the input's path
    /// relative to the directory it was found in, with the format's extension
    /// added (`a/b.txt` → `DIR/a/b.txt.xlf`). Directories are read
    /// recursively; files are done in parallel.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output", "jsonl"])]
    pub out_dir: Option<PathBuf>,

    #[command(flatten)]
    pub walk: crate::project::WalkArgs,

    /// Write excerpt's own rules for language CODE as an SRX 2.0 file, for a
    /// CAT tool, and read nothing: abbreviations become exception rules,
    /// sentence terminators break rules. An approximation: what excerpt
    /// decides from the whole text has no place in SRX.
    #[arg(long, value_name = "CODE", conflicts_with_all = ["files", "jsonl", "out_dir", "srx"])]
    pub export_srx: Option<String>,
}

/// The formats `excerpt segment` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SegmentFormat {
    /// One sentence per line; line breaks inside a sentence become spaces.
    Lines,
    /// One JSON object per sentence, with byte and character offsets.
    Jsonl,
    /// TMX 1.4 translation memory, one `tu` per sentence.
    Tmx,
    /// XLIFF (2.1 unless `--xliff-version`): a unit per paragraph, a segment per sentence.
    Xliff,
    /// Gettext PO, `msgctxt` = segment id.
    Po,
    /// Tab-separated source, target, id (tabs and line breaks escaped as `\t`, `\n`, `\r`).
    Tsv,
}

/// One sentence in `--format jsonl`.
#[derive(Serialize)]
struct SentenceRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    id: usize,
    byte_start: usize,
    byte_end: usize,
    char_start: usize,
    char_end: usize,
    text: &'a str,
    paragraph: usize,
    lang: &'a str,
    /// Stable segment id, `p1.s1`: paragraph and sentence, from 1.
    segment_id: &'a str,
    /// Stable paragraph id, `p1`, as in the translation formats.
    paragraph_id: String,
    /// Words, counted as CAT tools count them.
    words: usize,
    /// The file's encoding, when it is not UTF-8 without a byte-order mark
    /// (the byte offsets are the file's).
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'a str>,
}

impl<'a> SentenceRecord<'a> {
    /// The record of the `i`th segment (from 0) of a file: `range` is where
    /// it is in the text `chars` counts, and `text` what it says.
    fn new(
        file: Option<&'a str>,
        i: usize,
        segment: &'a excerpt_tm::Segment,
        range: std::ops::Range<usize>,
        text: &'a str,
        lang: &'a str,
        chars: &mut CharOffsets,
    ) -> SentenceRecord<'a> {
        SentenceRecord {
            file,
            id: i + 1,
            byte_start: chars.file(range.start),
            byte_end: chars.file(range.end),
            char_start: chars.at(range.start),
            char_end: chars.at(range.end),
            text,
            paragraph: segment.paragraph(),
            lang,
            segment_id: segment.id(),
            paragraph_id: segment.paragraph_id(),
            words: excerpt_tm::word_count(text),
            encoding: None,
        }
    }
}

impl SegmentArgs {
    /// The `--format` value as typed.
    pub fn format_name(&self) -> String {
        self.format
            .to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_string())
    }
}

/// Runs `excerpt segment`.
pub fn run(args: &SegmentArgs) -> Result<()> {
    if let Some(code) = &args.export_srx {
        return crate::srx::export(code, args.output.as_deref());
    }
    crate::output::check_not_input(
        args.output.as_deref(),
        args.files.iter().map(|f| f.as_path()),
    )?;
    let lang_choice = args.segmenter.lang_choice(&args.lang)?;
    let plain_format = matches!(args.format, SegmentFormat::Lines | SegmentFormat::Jsonl);
    if args.segmenter.srx.is_some() && plain_format && !args.jsonl && args.out_dir.is_none() {
        return crate::srx::run_segment(args, &lang_choice);
    }
    let sources = Source::from_args(&args.files);
    if args.jsonl {
        let out = Output::open(args.output.as_deref())?;
        return crate::corpus::run_segment(
            &args.corpus,
            &lang_choice,
            &args.segmenter,
            &sources,
            out,
            args.output.as_deref(),
        );
    }
    let tm_format = crate::tm_format::tm_format(args.format, &args.tm)?;
    if let Some(out_dir) = &args.out_dir {
        return run_project(args, tm_format, &lang_choice, out_dir);
    }
    if let Some(dir) = args.files.iter().find(|f| f.is_dir()) {
        anyhow::bail!(
            "{}: is a directory, not a text file (give --out-dir DIR to segment every file in it)",
            dir.display()
        );
    }
    if let Some(format) = tm_format {
        return crate::tm_format::run(args, format, &lang_choice, &sources);
    }
    let mut out = Output::open(args.output.as_deref())?;
    let progress =
        crate::jsonl_records::progress_for(args.corpus.progress, &sources, args.output.as_deref());
    let mut done = Done {
        progress: Some(&progress),
        segments: 0,
    };
    let show_file = sources.len() > 1;
    for source in &sources {
        let (text, enc) = source.read_text(args.encoding.encoding)?;
        let name = source.name();
        let file = show_file.then_some(name.as_str());
        let text = (text.as_str(), enc);
        match args.input.resolve(&name, text.0) {
            Some(format) => write_document(args, &lang_choice, text, format, file, &mut out)?,
            None => write_plain(args, &lang_choice, text, file, &mut out, &mut done)?,
        }
    }
    out.finish()
}

/// How far `write_plain` has gone, for the progress bar.
struct Done<'p> {
    progress: Option<&'p Progress>,
    segments: u64,
}

impl Done<'_> {
    /// Counts one more segment, ending at byte `end` of a text of which
    /// `counted` bytes were counted already; the bar moves every 4096
    /// segments.
    fn segment(&mut self, end: usize, counted: &mut usize) {
        self.segments += 1;
        if self.segments % 4096 == 0 {
            self.advance(end, counted);
        }
    }

    /// Moves the bar to byte `end` of the text.
    fn advance(&self, end: usize, counted: &mut usize) {
        if let Some(progress) = self.progress {
            let segments = self.segments;
            progress.advance(end.saturating_sub(*counted) as u64, || {
                format!("{segments} segments")
            });
            *counted = end;
        }
    }
}

/// The extension added to an input's name for its output under --out-dir.
fn extension(format: SegmentFormat) -> &'static str {
    match format {
        SegmentFormat::Lines => "lines",
        SegmentFormat::Jsonl => "jsonl",
        SegmentFormat::Tmx => "tmx",
        SegmentFormat::Xliff => "xlf",
        SegmentFormat::Po => "po",
        SegmentFormat::Tsv => "tsv",
    }
}

/// `segment --out-dir`: every input file (directories walked) to its own
/// output, in parallel.
fn run_project(
    args: &SegmentArgs,
    tm_format: Option<excerpt_tm::Format>,
    lang_choice: &LangChoice,
    out_dir: &std::path::Path,
) -> Result<()> {
    if args.files.is_empty() {
        anyhow::bail!("--out-dir needs input files or directories");
    }
    let writer = tm_format
        .map(|format| crate::tm_format::TmWriter::new(args, format))
        .transpose()?;
    let files = crate::project::walk(&args.files, &args.walk, Some(out_dir))?;
    let ext = extension(args.format);
    crate::project::run_files(
        &files,
        out_dir,
        args.corpus.progress,
        |file| file.output_in(out_dir, ext),
        |file, out| {
            let (text, enc) = Source::File(file.path.clone()).read_text(args.encoding.encoding)?;
            let name = file.name();
            match &writer {
                Some(writer) => {
                    let written = writer.render(args, lang_choice, (&text, enc), &name)?;
                    out.write_all(written.as_bytes())?;
                    Ok(())
                }
                None if args.segmenter.srx.is_some() => {
                    crate::srx::write_file(args, lang_choice, (&text, enc), &name, None, out)
                        .with_context(|| name)
                }
                // HTML and Markdown as in a single-file run: without markup
                None => match args.input.resolve(&name, &text) {
                    Some(format) => {
                        write_document(args, lang_choice, (&text, enc), format, None, out)
                            .with_context(|| name)
                    }
                    // written as the segments are found
                    None => {
                        let mut done = Done {
                            progress: None,
                            segments: 0,
                        };
                        write_plain(args, lang_choice, (&text, enc), None, out, &mut done)
                            .with_context(|| name)
                    }
                },
            }
        },
    )
}

/// Writes `text` (read from a file in the encoding given with it) as
/// `--format lines` or `jsonl`; `file` is the name given in each JSON record
/// when there are several inputs.
fn write_plain(
    args: &SegmentArgs,
    lang_choice: &LangChoice,
    (text, enc): (&str, FileEncoding),
    file: Option<&str>,
    out: &mut dyn Write,
    done: &mut Done,
) -> Result<()> {
    let mut counted = 0;
    let lang = lang_choice.resolve(text);
    let options = args.segmenter.options(&lang)?;
    let splitter = options.splitter()?;
    if args.format == SegmentFormat::Lines {
        for cut in splitter.cuts(text) {
            writeln!(out, "{}", one_line(&text[cut.range.clone()]))?;
            done.segment(cut.range.end, &mut counted);
        }
        done.advance(text.len(), &mut counted);
        return Ok(());
    }
    // The ids are those the translation formats give the same segments;
    // they are written as they come, so a large text's segments are never
    // all held at once.
    let mut chars = CharOffsets::in_file(text, enc);
    let encoding = enc.record();
    for (i, segment) in excerpt_tm::segments(text, &splitter).enumerate() {
        let range = segment.range();
        let mut record = SentenceRecord::new(
            file,
            i,
            &segment,
            range.clone(),
            segment.text(),
            &lang,
            &mut chars,
        );
        record.encoding = encoding.as_deref();
        write_record(out, &record)?;
        done.segment(range.end, &mut counted);
    }
    done.advance(text.len(), &mut counted);
    Ok(())
}

/// Writes one `--format jsonl` line.
fn write_record(out: &mut dyn Write, record: &SentenceRecord) -> Result<()> {
    serde_json::to_writer(&mut *out, record).context("cannot write JSON")?;
    out.write_all(b"\n")?;
    Ok(())
}

/// `--format lines|jsonl` for an HTML or Markdown document: each segment's
/// text without its markup; offsets are those of the whole segment, markup
/// included, in the original.
pub(crate) fn write_document(
    args: &SegmentArgs,
    lang_choice: &LangChoice,
    (text, enc): (&str, FileEncoding),
    format: excerpt_doc::Format,
    file: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    let doc = excerpt_doc::Doc::parse(text, format);
    let lang = lang_choice.resolve(&doc.plain_text());
    let options = args.segmenter.options(&lang)?.input(Some(format.name()));
    let segmented = excerpt_doc::Segmented::with_splitter(&doc, &options.splitter()?);
    let plain = segmented.plain_texts();
    if args.format == SegmentFormat::Lines {
        for p in &plain {
            writeln!(out, "{}", one_line(p))?;
        }
        return Ok(());
    }
    let tm = segmented.document(options);
    let mut chars = CharOffsets::in_file(text, enc);
    let encoding = enc.record();
    for (i, ((segment, range), p)) in tm
        .segments()
        .iter()
        .zip(segmented.spans())
        .zip(&plain)
        .enumerate()
    {
        let mut record = SentenceRecord::new(file, i, segment, range.clone(), p, &lang, &mut chars);
        record.encoding = encoding.as_deref();
        write_record(out, &record)?;
    }
    Ok(())
}
