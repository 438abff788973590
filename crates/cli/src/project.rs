//! Projects: many files and directories from one command, walked as ripgrep
//! walks them, done in parallel, each output under `--out-dir` at the input's
//! relative path.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context, Result, anyhow};
use rayon::prelude::*;

use crate::output::Output;
use crate::progress::{Progress, ProgressMode};

/// Which files of a directory are read.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct WalkArgs {
    /// In directories, also read hidden files and the files that
    /// `.gitignore` or `.ignore` exclude.
    #[arg(long)]
    pub no_ignore: bool,

    /// In directories, only files that match GLOB (as in .gitignore: `*.md`
    /// matches at any depth); `!GLOB` leaves files out. May be repeated.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
}

/// One input file of a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectFile {
    /// The path to read.
    pub path: PathBuf,
    /// Its path relative to the directory it was found in (its name, for a
    /// file given by itself): where its output goes under `--out-dir`.
    pub rel: PathBuf,
}

impl ProjectFile {
    /// The name to show in messages.
    pub fn name(&self) -> String {
        self.path.display().to_string()
    }

    /// The output path for this file under `out_dir`, with `.ext` added to
    /// its name (`a/b.txt` → `OUT/a/b.txt.xlf`); no extension when `ext` is
    /// empty.
    pub fn output_in(&self, out_dir: &Path, ext: &str) -> PathBuf {
        let mut out = out_dir.join(&self.rel).into_os_string();
        if !ext.is_empty() {
            out.push(".");
            out.push(ext);
        }
        PathBuf::from(out)
    }
}

/// The files of `inputs`: a file stands for itself; a directory for the
/// files under it, in path order, without hidden and ignored ones (unless
/// `--no-ignore`) and only those `--glob` lets through. Paths under `skip`
/// (the output directory) are left out. A path that does not exist is kept,
/// so that reading it reports it with the other failures.
pub fn walk(inputs: &[PathBuf], args: &WalkArgs, skip: Option<&Path>) -> Result<Vec<ProjectFile>> {
    let skip = skip.and_then(|p| p.canonicalize().ok());
    let mut files = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            let rel = input
                .file_name()
                .map_or_else(|| input.clone(), PathBuf::from);
            files.push(ProjectFile {
                path: input.clone(),
                rel,
            });
            continue;
        }
        let mut overrides = ignore::overrides::OverrideBuilder::new(input);
        for glob in &args.glob {
            overrides
                .add(glob)
                .with_context(|| format!("--glob {glob:?}"))?;
        }
        let overrides = overrides.build().context("--glob")?;
        let mut walker = ignore::WalkBuilder::new(input);
        walker
            .standard_filters(!args.no_ignore)
            .require_git(false)
            .overrides(overrides)
            .sort_by_file_path(|a, b| a.cmp(b));
        if let Some(skip) = skip.clone() {
            walker.filter_entry(move |e| e.path().canonicalize().map_or(true, |p| p != skip));
        }
        for entry in walker.build() {
            let entry = entry.map_err(|e| anyhow!("{}: {e}", input.display()))?;
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.into_path();
            let rel = path.strip_prefix(input).unwrap_or(&path).to_path_buf();
            files.push(ProjectFile { path, rel });
        }
    }
    Ok(files)
}

/// The error of a project run in which some files failed (and the others
/// were done); the command exits with status 1.
#[derive(Debug)]
pub struct SomeFailed {
    /// Files that failed.
    pub failed: usize,
    /// Files in all.
    pub total: usize,
}

impl fmt::Display for SomeFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} of {} files failed; the others were written",
            self.failed, self.total
        )
    }
}

impl std::error::Error for SomeFailed {}

/// Runs `make` on every file in parallel, writing to the file's place under
/// `out_dir` (`output_path` gives it) through a temporary file beside it, so
/// that each output appears whole or not at all. A file that fails is
/// reported on standard error and the others go on; the result is then
/// [`SomeFailed`].
pub fn run_files<F>(
    files: &[ProjectFile],
    out_dir: &Path,
    mode: ProgressMode,
    output_path: impl Fn(&ProjectFile) -> PathBuf + Sync,
    make: F,
) -> Result<()>
where
    F: Fn(&ProjectFile, &mut dyn Write) -> Result<()> + Sync,
{
    std::fs::create_dir_all(out_dir)
        .with_context(|| format!("{}: cannot create the output directory", out_dir.display()))?;
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(&f.path).map_or(0, |m| m.len()))
        .collect();
    let progress = Progress::new(mode, true, Some(sizes.iter().sum()));
    let done = AtomicU64::new(0);
    let count = files.len();
    let failed: usize = files
        .par_iter()
        .zip(&sizes)
        .map(|(file, &size)| {
            let result = write_whole(&output_path(file), |out| make(file, out));
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress.advance(size, || format!("{n}/{count} files"));
            match result {
                Ok(()) => 0,
                Err(e) => {
                    progress.suspend(|| eprintln!("excerpt: {e:#}"));
                    1
                }
            }
        })
        .sum();
    progress.finish();
    if failed > 0 {
        return Err(SomeFailed {
            failed,
            total: count,
        }
        .into());
    }
    Ok(())
}

/// Runs `write` into a temporary file beside `path` and moves it into place
/// if it succeeds, making the directories on the way; on failure nothing is
/// left.
fn write_whole(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
    }
    let mut out = Output::open(Some(path))?;
    write(&mut out)?;
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_mirror_the_input_tree() {
        let f = ProjectFile {
            path: "proj/a/b.txt".into(),
            rel: "a/b.txt".into(),
        };
        assert_eq!(
            f.output_in(Path::new("out"), "xlf"),
            PathBuf::from("out/a/b.txt.xlf")
        );
        assert_eq!(
            f.output_in(Path::new("out"), ""),
            PathBuf::from("out/a/b.txt")
        );
    }
}
