//! Fuzz target `merge`: see `excerpt_fuzz::merge` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| excerpt_fuzz::merge(data));
