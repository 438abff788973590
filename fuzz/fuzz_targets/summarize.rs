//! Fuzz target `summarize`: see `excerpt_fuzz::summarize` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| excerpt_fuzz::summarize(data));
