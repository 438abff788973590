//! Fuzz target `read_xliff12`: see `excerpt_fuzz::read_xliff12` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| excerpt_fuzz::read_xliff12(data));
