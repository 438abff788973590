//! Fuzz target `read_po`: see `excerpt_fuzz::read_po` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| excerpt_fuzz::read_po(data));
