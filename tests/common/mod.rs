//! Helpers shared by the command-line tests.

use std::path::PathBuf;

use assert_cmd::Command;

/// The scraped news page the project was started from.
#[allow(dead_code)] // not every test file uses it
pub const SEED: &str = "corpus/news/kim-putin-vladivostok.txt";

/// The project's root, where `corpus/` and `tests/data/` are.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built `excerpt` binary, run from the project's root.
pub fn excerpt() -> Command {
    let mut cmd = Command::cargo_bin("excerpt").unwrap();
    cmd.current_dir(root());
    cmd
}

/// Runs `cmd`, checks that it succeeds and returns its standard output.
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}
