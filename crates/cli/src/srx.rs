//! `excerpt segment --srx FILE`: segments cut by the rules of an SRX file,
//! as the reference engine cuts them, whitespace left where it leaves it.

use std::io::Write;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::input::Source;
use crate::offsets::CharOffsets;
use crate::output::{Output, one_line};
use crate::segment::{SegmentArgs, SegmentFormat};
use excerpt_lang::LangChoice;

/// One segment in `--format jsonl` with `--srx`.
#[derive(Serialize)]
struct SrxRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    id: usize,
    byte_start: usize,
    byte_end: usize,
    char_start: usize,
    char_end: usize,
    text: &'a str,
    lang: &'a str,
    words: usize,
}

/// Runs `excerpt segment --export-srx CODE`: excerpt's rules for the
/// language as an SRX 2.0 document, to `output` or standard output.
pub fn export(code: &str, output: Option<&std::path::Path>) -> Result<()> {
    let Some(lang) = excerpt_lang::normalize(code) else {
        anyhow::bail!(
            "--export-srx: unknown language code {code:?} (give an ISO 639-1 code such as `en`)"
        );
    };
    let lists = excerpt_segment::builtin_abbreviations(lang).unwrap_or_default();
    let rules = excerpt_srx::ExportRules {
        lang,
        inner: lists.inner,
        number: lists.number,
        general: lists.general,
    };
    let mut out = Output::open(output)?;
    out.write_all(excerpt_srx::export_srx(&rules).as_bytes())?;
    out.finish()
}

/// Runs `excerpt segment --srx --format lines|jsonl` on files one after
/// another: the reference engine's segments, untrimmed. (The translation
/// formats, `--jsonl` records and HTML or Markdown documents go the way of
/// every segmentation, with the SRX rules in the options.)
pub fn run_segment(args: &SegmentArgs, lang: &LangChoice) -> Result<()> {
    let sources = Source::from_args(&args.files);
    let mut out = Output::open(args.output.as_deref())?;
    let show_file = sources.len() > 1;
    for source in &sources {
        let (text, encoding) = source.read_text(args.encoding.encoding)?;
        let name = source.name();
        let file = show_file.then_some(name.as_str());
        write_file(args, lang, (&text, encoding), &name, file, &mut out)?;
    }
    out.finish()
}

/// Writes the segments of one file's `text`, called `name`, as `--format
/// lines` or `jsonl`; `file` is the name given in each JSON record.
pub fn write_file(
    args: &SegmentArgs,
    lang: &LangChoice,
    (text, encoding): (&str, crate::encoding::FileEncoding),
    name: &str,
    file: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    if let Some(format) = args.input.resolve(name, text) {
        return crate::segment::write_document(args, lang, (text, encoding), format, file, out);
    }
    if encoding != crate::encoding::FileEncoding::UTF8 && args.format == SegmentFormat::Jsonl {
        // Its offsets would count the decoded text, not the file's bytes.
        anyhow::bail!(
            "{name}: --srx --format jsonl reads UTF-8 files without a byte-order mark only, for now"
        );
    }
    let code = lang.resolve(text);
    let seg = args
        .segmenter
        .srx_segmenter(&code)?
        .context("--srx missing")?;
    write_segments(args.format, &seg, text, &code, file, out)
}

fn write_segments(
    format: SegmentFormat,
    seg: &excerpt_srx::Segmenter,
    text: &str,
    code: &str,
    file: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    let mut chars = CharOffsets::new(text);
    for (i, range) in seg.segments(text).into_iter().enumerate() {
        let part = &text[range.clone()];
        if format == SegmentFormat::Lines {
            writeln!(out, "{}", one_line(part))?;
            continue;
        }
        let record = SrxRecord {
            file,
            id: i + 1,
            byte_start: range.start,
            byte_end: range.end,
            char_start: chars.at(range.start),
            char_end: chars.at(range.end),
            text: part,
            lang: code,
            words: excerpt_tm::word_count(part),
        };
        serde_json::to_writer(&mut *out, &record).context("cannot write JSON")?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
