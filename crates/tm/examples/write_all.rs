//! Writes one file per format for a text, plus the segments as JSON lines.
//!
//! `cargo run -p excerpt-tm --example write_all -- INPUT LANG OUTDIR [TARGET_LANG[:MODE]] [PROTECT]`

use excerpt_tm::{Document, Format, SegmentOptions, TargetMode, WriteOptions, XliffVersion, write};
use std::fs;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, lang, out, rest @ ..] = args.as_slice() else {
        eprintln!("usage: write_all INPUT LANG OUTDIR [TARGET_LANG[:MODE]] [PROTECT]");
        std::process::exit(2);
    };
    let text = fs::read_to_string(input).expect("readable UTF-8 input");
    let protect = rest
        .get(1)
        .map_or("", String::as_str)
        .parse()
        .expect("protect");
    let doc = Document::new(&text, SegmentOptions::new(lang).protect(protect));
    let name = Path::new(input).file_name().unwrap().to_string_lossy();
    let mut opts = WriteOptions::new(&name);
    if let Some(t) = rest.first() {
        let (lang, mode) = t.split_once(':').unwrap_or((t, "source"));
        let mode: TargetMode = mode.parse().expect("target mode");
        opts = opts.target(lang, mode);
    }
    fs::create_dir_all(out).unwrap();
    let formats = [
        (Format::Tmx, "tmx"),
        (Format::Xliff(XliffVersion::V1_2), "12.xlf"),
        (Format::Xliff(XliffVersion::V2_0), "20.xlf"),
        (Format::Xliff(XliffVersion::V2_1), "21.xlf"),
        (Format::Po, "po"),
        (Format::Tsv, "tsv"),
    ];
    for (format, ext) in formats {
        let file = write(&doc, format, &opts).expect("written");
        fs::write(Path::new(out).join(format!("out.{ext}")), file).unwrap();
    }
    let expect: String = doc
        .segments()
        .iter()
        .map(|s| serde_json::to_string(s.text()).unwrap() + "\n")
        .collect();
    fs::write(Path::new(out).join("segments.jsonl"), expect).unwrap();
}
