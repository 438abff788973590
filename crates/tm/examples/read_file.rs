//! Reads translated files (TMX, XLIFF, PO or TSV) with `excerpt_tm::read`:
//! a way to time the readers and measure their memory on one file, and to
//! compare what two versions of the readers return.
//!
//! ```sh
//! cargo build --release -p excerpt-tm --example read_file
//! /usr/bin/time -v target/release/examples/read_file FILE
//! target/release/examples/read_file --digest FILE...
//! ```
//!
//! Without `--digest`, prints the format, the units and how long the read
//! took. With it, prints one line per file: the fingerprint of everything
//! the reader returned (its `Debug` text) or the error message.

use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let digest = args.first().is_some_and(|a| a == "--digest");
    if digest {
        args.remove(0);
    }
    if args.is_empty() {
        eprintln!("usage: read_file [--digest] FILE...");
        std::process::exit(2);
    }
    let mut failed = false;
    for path in &args {
        let text = match std::fs::read(path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(_)) => {
                println!("{path}\tnot UTF-8");
                continue;
            }
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(2);
            }
        };
        let start = Instant::now();
        let result = excerpt_tm::read(&text);
        let seconds = start.elapsed().as_secs_f64();
        match (result, digest) {
            (Ok(t), true) => {
                let all = format!("{t:?}");
                println!("{path}\tok {}", excerpt_tm::Fingerprint::of(&all));
            }
            (Err(e), true) => println!("{path}\terror {e}"),
            (Ok(t), false) => {
                let targets = t.units.iter().filter(|u| u.target.is_some()).count();
                println!(
                    "{path}: {:?}, {} units, {targets} with a target, read in {seconds:.3} s",
                    t.format,
                    t.units.len(),
                );
            }
            (Err(e), false) => {
                eprintln!("{path}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
}
