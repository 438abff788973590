//! Reads text on stdin and prints one sentence a line (line breaks inside a
//! sentence become spaces): `lines --lang en [--newline-boundary] [--learn]
//! [--max-chars N] < text.txt`.

use std::io::{Read, Write};

use excerpt_segment::Segmenter;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut builder = Segmenter::builder(value(&args, "--lang").unwrap_or("en"));
    builder = builder
        .newline_boundary(args.iter().any(|a| a == "--newline-boundary"))
        .learn(args.iter().any(|a| a == "--learn"))
        .max_chars(value(&args, "--max-chars").and_then(|n| n.parse().ok()));
    let seg = builder.build();
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for s in seg.segment(&text) {
        let line: String = s
            .as_str()
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        writeln!(out, "{line}")?;
    }
    out.flush()
}

fn value<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}
