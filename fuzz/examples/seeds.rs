//! Writes seed inputs for every fuzz target into `corpus-work/TARGET/`,
//! from the project's sample texts and the TM fixtures:
//! `cargo +nightly run --example seeds -- ../corpus ../tests/data ../../shared/tm/fixtures`.

use std::path::{Path, PathBuf};

use excerpt_tm::SegmentOptions;

/// Longest seed text, in bytes: short inputs keep the executions fast.
const MAX: usize = 3000;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn cut(text: &str) -> &str {
    let mut end = text.len().min(MAX);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The content of an XML file inside its root element.
fn inner(xml: &str, root: &str) -> Option<String> {
    let open = xml.find(&format!("<{root}"))?;
    let start = open + xml[open..].find('>')? + 1;
    let end = xml.rfind(&format!("</{root}>"))?;
    (start <= end).then(|| xml[start..end].to_string())
}

fn main() {
    let out = Path::new("corpus-work");
    let mut n = 0usize;
    let mut put = |target: &str, bytes: &[u8]| {
        let dir = out.join(target);
        std::fs::create_dir_all(&dir).unwrap();
        n += 1;
        std::fs::write(dir.join(format!("seed-{n:05}")), bytes).unwrap();
    };
    let mut all = Vec::new();
    for arg in std::env::args().skip(1) {
        files(Path::new(&arg), &mut all);
    }
    all.sort();
    for (i, path) in all.iter().enumerate() {
        let Ok(bytes) = std::fs::read(path) else { continue };
        let name = path.to_string_lossy().to_string();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        match ext {
            "xlf" | "xliff" => {
                let text = String::from_utf8_lossy(&bytes);
                let t = if text.contains("version=\"1.2\"") { "read_xliff12" } else { "read_xliff2" };
                if let Some(i) = inner(&text, "xliff") {
                    put(t, i.as_bytes());
                }
                continue;
            }
            "tmx" => {
                if let Some(i) = inner(&String::from_utf8_lossy(&bytes), "tmx") {
                    put("read_tmx", i.as_bytes());
                }
                continue;
            }
            "po" => {
                put("read_po", &bytes);
                continue;
            }
            "tsv" => {
                put("read_tsv", &bytes);
                continue;
            }
            "txt" | "md" | "html" | "htm" | "xhtml" => {}
            _ => continue,
        }
        let Ok(text) = std::str::from_utf8(&bytes) else { continue };
        let text = cut(text);
        let choice = (i % 251) as u8;
        put("segment", &[&[choice], text.as_bytes()].concat());
        put("summarize", &[&[choice], text.as_bytes()].concat());
        let format = excerpt_doc::Format::from_name(&name);
        let fmt_bits: u8 = match format {
            None => 0,
            Some(excerpt_doc::Format::Html) => 1,
            Some(_) => 2,
        };
        put("merge", &[&[1 | (fmt_bits << 1)], text.as_bytes()].concat());
        let opts = SegmentOptions::new("en").input(format.map(|f| match f {
            excerpt_doc::Format::Html => "html",
            _ => "markdown",
        }));
        let written = match format {
            None => excerpt_fuzz::write_each(&excerpt_tm::Document::new(text, opts.clone())),
            Some(f) => {
                let parsed = excerpt_doc::Doc::parse(text, f);
                let segmented = excerpt_doc::Segmented::new(&parsed, &opts);
                excerpt_fuzz::write_each(&segmented.document(opts.clone()))
            }
        };
        for (f, written) in written {
            let (target, root) = match f {
                excerpt_tm::Format::Xliff(excerpt_tm::XliffVersion::V1_2) => ("read_xliff12", Some("xliff")),
                excerpt_tm::Format::Xliff(_) => ("read_xliff2", Some("xliff")),
                excerpt_tm::Format::Tmx => ("read_tmx", Some("tmx")),
                excerpt_tm::Format::Po => ("read_po", None),
                _ => ("read_tsv", None),
            };
            match root {
                Some(r) => put(target, inner(&written, r).unwrap_or_default().as_bytes()),
                None => put(target, written.as_bytes()),
            }
            if i % 3 == 0 {
                let mode = fmt_bits << 1;
                put("merge", &[&[mode], text.as_bytes(), b"\0", written.as_bytes()].concat());
            }
        }
    }
}
