//! Segments files with an SRX file and prints one JSON object per segment
//! (`file`, `char_start`, `char_end`), as `excerpt segment --srx --format
//! jsonl` does: `cargo run --example srx_segment -- RULES.srx LANG FILE...`.
use std::fmt::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let t0 = std::time::Instant::now();
    let doc = excerpt_srx::SrxDocument::load(&args[0]).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let seg = doc
        .segmenter(&args[1], excerpt_srx::Dialect::default())
        .unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(2)
        });
    if std::env::var_os("SRX_TIME").is_some() {
        eprintln!("load+compile {:?}", t0.elapsed());
    }
    let mut out = String::new();
    for file in &args[2..] {
        let text = std::fs::read_to_string(file).unwrap();
        let mut chars = 0;
        for r in seg.segments(&text) {
            let n = text[r.clone()].chars().count();
            let name = file.replace('\\', "\\\\").replace('"', "\\\"");
            writeln!(
                out,
                r#"{{"file":"{name}","char_start":{chars},"char_end":{}}}"#,
                chars + n
            )
            .unwrap();
            chars += n;
        }
    }
    print!("{out}");
    if std::env::var_os("SRX_TIME").is_some() {
        eprintln!("total {:?}", t0.elapsed());
    }
}
