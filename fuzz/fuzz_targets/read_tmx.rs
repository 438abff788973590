//! Fuzz target `read_tmx`: see `excerpt_fuzz::read_tmx` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| excerpt_fuzz::read_tmx(data));
