//! Replays the minimised fuzz corpus (`fuzz/corpus/TARGET/*`, crash
//! reproducers included) through the same checks the fuzz targets run, so
//! that a plain `cargo test` on stable keeps every fix the fuzzing found.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz_checks;

use std::path::PathBuf;

#[test]
fn every_corpus_file_passes_its_targets_checks() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut replayed = 0;
    for (target, check) in fuzz_checks::TARGETS {
        let dir = root.join(target);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{}: no corpus", dir.display());
        for file in files {
            let data = std::fs::read(&file).unwrap();
            let result = std::panic::catch_unwind(|| check(&data));
            assert!(result.is_ok(), "{target}: {} fails", file.display());
            replayed += 1;
        }
    }
    eprintln!("replayed {replayed} corpus files");
}
