//! Fuzz target `segment`: see `excerpt_fuzz::segment` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| excerpt_fuzz::segment(data));
