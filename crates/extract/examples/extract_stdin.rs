//! Reads a web page's bytes on standard input and prints its main content:
//! `cargo run --release -p excerpt-extract --example extract_stdin < page.html`.

use std::io::{Read, Write};

fn main() -> std::io::Result<()> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes)?;
    let page = excerpt_extract::extract_bytes(&bytes);
    std::io::stdout().write_all(page.text().as_bytes())
}
