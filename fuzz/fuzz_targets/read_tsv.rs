//! Fuzz target `read_tsv`: see `excerpt_fuzz::read_tsv` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| excerpt_fuzz::read_tsv(data));
