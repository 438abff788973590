//! Where results go: standard output, or a file that appears whole or not at
//! all.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The temporary file an output is written to before it is renamed into
/// place is `.excerpt-PID-RANDOM.tmp` beside it, PID being the writing
/// process's id.
const TMP_PREFIX: &str = ".excerpt-";
const TMP_SUFFIX: &str = ".tmp";

/// Removes the temporary files in `dir` that a killed run left (SIGKILL or
/// a power cut give it no chance to remove its own): those named
/// `.excerpt-PID-RANDOM.tmp` whose process no longer runs. Only where
/// `/proc` tells which processes run (Linux); elsewhere they stay, and
/// their names say they can be removed. Errors are ignored: this is
/// tidying, not the run's work.
/// Each directory is looked at once per run: a project run opens an
/// output per file, often many in one directory.
fn remove_stale_temporaries(dir: &Path) {
    static TIDIED: std::sync::OnceLock<std::sync::Mutex<std::collections::HashSet<PathBuf>>> =
        std::sync::OnceLock::new();
    let first_look = TIDIED
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(dir.to_path_buf());
    if !first_look {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temporary_pid) else {
            continue;
        };
        if process_gone(pid) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name `.excerpt-PID-RANDOM.tmp`.
fn temporary_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TMP_PREFIX)?.strip_suffix(TMP_SUFFIX)?;
    let (pid, random) = rest.split_once('-')?;
    if random.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Whether process `pid` is known not to run (false when it cannot be told).
fn process_gone(pid: u32) -> bool {
    let proc = Path::new("/proc");
    cfg!(target_os = "linux")
        && pid != std::process::id()
        && proc.join("self").exists()
        && !proc.join(pid.to_string()).exists()
}

/// A destination for output. A file is written to a temporary file beside it
/// and renamed into place by [`Output::finish`]; if the command fails before
/// that, the temporary file is removed and no half-written file is left.
pub enum Output {
    /// Standard output, buffered.
    Stdout(BufWriter<io::Stdout>),
    /// A temporary file that becomes `path` on success.
    File {
        tmp: BufWriter<tempfile::NamedTempFile>,
        path: PathBuf,
    },
}

impl Output {
    /// Opens the destination: `path`, or standard output when `None` or `-`.
    pub fn open(path: Option<&Path>) -> Result<Output> {
        match path {
            None => Ok(Output::Stdout(BufWriter::new(io::stdout()))),
            Some(p) if p.as_os_str() == "-" => Ok(Output::Stdout(BufWriter::new(io::stdout()))),
            Some(path) => {
                let dir = match path.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                remove_stale_temporaries(dir);
                let prefix = format!("{TMP_PREFIX}{}-", std::process::id());
                let mut builder = tempfile::Builder::new();
                builder.prefix(&prefix).suffix(TMP_SUFFIX);
                // the mode a new file gets (umask applied), not the
                // owner-only mode of a temporary file
                #[cfg(unix)]
                builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
                let tmp = builder
                    .tempfile_in(dir)
                    .with_context(|| format!("{}: cannot create output file", path.display()))?;
                Ok(Output::File {
                    tmp: BufWriter::new(tmp),
                    path: path.to_path_buf(),
                })
            }
        }
    }

    /// Flushes the output and, for a file, moves it into place.
    pub fn finish(self) -> Result<()> {
        match self {
            Output::Stdout(mut out) => Ok(out.flush()?),
            Output::File { tmp, path } => {
                let tmp = tmp.into_inner().map_err(|e| e.into_error())?;
                tmp.as_file().sync_all().ok();
                tmp.persist(&path).map_err(|e| {
                    anyhow::anyhow!("{}: cannot write output file: {}", path.display(), e.error)
                })?;
                Ok(())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File { tmp, .. } => tmp.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.write_all(buf),
            Output::File { tmp, .. } => tmp.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File { tmp, .. } => tmp.flush(),
        }
    }
}

/// Refuses an output file that is also one of the inputs: the output is
/// written to a temporary file and renamed over the old one, so the input
/// would be lost. Hard links and different spellings of one path count as
/// the same file.
pub fn check_not_input<'a>(
    output: Option<&Path>,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<()> {
    let Some(output) = output.filter(|p| p.as_os_str() != "-") else {
        return Ok(());
    };
    let Ok(out_meta) = std::fs::metadata(output) else {
        return Ok(()); // a new file is no input
    };
    for input in inputs {
        if input.as_os_str() == "-" {
            continue;
        }
        let Ok(in_meta) = std::fs::metadata(input) else {
            continue;
        };
        if same_file(&out_meta, &in_meta, output, input) {
            anyhow::bail!(
                "{}: the output file is also an input; write to another file (the input is left as it is)",
                output.display()
            );
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata, _: &Path, _: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata, a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// `text` on one line: every line break (CR LF, LF, CR and the other
/// characters that end a line in Unicode) becomes one space.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    const BREAKS: [char; 8] = [
        '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{1C}', '\u{2028}', '\u{2029}',
    ];
    fn is_break(c: char) -> bool {
        BREAKS.contains(&c) || c == '\u{1D}' || c == '\u{1E}'
    }
    if !text.contains(is_break) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            chars.next();
            out.push(' ');
        } else if is_break(c) {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_replaces_each_break_with_a_space() {
        assert_eq!(one_line("a\nb\r\nc\rd\u{2028}e"), "a b c d e");
        assert_eq!(one_line("no breaks"), "no breaks");
    }

    #[test]
    fn file_output_appears_only_on_finish() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        let mut out = Output::open(Some(&path)).unwrap();
        out.write_all(b"hello").unwrap();
        assert!(!path.exists());
        out.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "hello");
    }

    #[test]
    fn an_input_is_no_output() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.txt");
        std::fs::write(&input, "x").unwrap();
        let other = dir.path().join(".").join("in.txt");
        assert!(check_not_input(Some(&other), [input.as_path()]).is_err());
        let new = dir.path().join("new.txt");
        assert!(check_not_input(Some(&new), [input.as_path()]).is_ok());
        assert!(check_not_input(None, [input.as_path()]).is_ok());
    }

    #[test]
    fn temporary_names_carry_the_process_id() {
        assert_eq!(temporary_pid(".excerpt-123-aB9xYz.tmp"), Some(123));
        assert_eq!(temporary_pid(".excerpt-aB9xYz.tmp"), None);
        assert_eq!(temporary_pid(".excerpt-123-.tmp"), None);
        assert_eq!(temporary_pid(".excerpt-12a-xyz.tmp"), None);
        assert_eq!(temporary_pid("excerpt-123-xyz.tmp"), None);
        assert_eq!(temporary_pid(".excerpt-123-xyz.txt"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_killed_runs_temporary_file_is_removed_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        // a process id that ran and is gone
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let gone = child.id();
        child.wait().unwrap();
        let stale = dir.path().join(format!(".excerpt-{gone}-Ab3dEf.tmp"));
        let live = dir
            .path()
            .join(format!(".excerpt-{}-Gh5jKl.tmp", std::process::id()));
        let other = dir.path().join(".excerpt-notes.tmp");
        for p in [&stale, &live, &other] {
            std::fs::write(p, "half").unwrap();
        }
        let path = dir.path().join("out.txt");
        let mut out = Output::open(Some(&path)).unwrap();
        out.write_all(b"whole").unwrap();
        out.finish().unwrap();
        assert!(!stale.exists());
        assert!(live.exists() && other.exists());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "whole");
    }

    #[test]
    fn dropped_output_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        let mut out = Output::open(Some(&path)).unwrap();
        out.write_all(b"half").unwrap();
        drop(out);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
