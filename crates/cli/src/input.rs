//! Reading the texts named on the command line, with errors that name the
//! file and the place.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use encoding_rs::Encoding;

use crate::encoding::FileEncoding;

/// `--encoding`: how to read input files that have no byte-order mark.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct EncodingArg {
    /// Read input without a byte-order mark in this encoding (a WHATWG
    /// label: windows-1252, iso-8859-2, shift_jis, euc-kr, gb18030,
    /// utf-16le, ...). A byte-order mark (UTF-8, UTF-16LE, UTF-16BE) always
    /// decides; without one or this option, input must be UTF-8.
    #[arg(long, value_name = "LABEL", value_parser = crate::encoding::label)]
    pub encoding: Option<&'static Encoding>,
}

/// Where a text comes from: a file, or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Standard input (no file argument, or `-`).
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

impl Source {
    /// The sources for a list of file arguments: standard input when the
    /// list is empty, and `-` stands for standard input.
    pub fn from_args(files: &[PathBuf]) -> Vec<Source> {
        if files.is_empty() {
            return vec![Source::Stdin];
        }
        files
            .iter()
            .map(|f| {
                if f.as_os_str() == "-" {
                    Source::Stdin
                } else {
                    Source::File(f.clone())
                }
            })
            .collect()
    }

    /// The name to show in messages and outputs.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// Reads the whole source as text: a byte-order mark decides the
    /// encoding (and is not part of the text), else `forced`, else UTF-8.
    /// Also returns the encoding found, for offsets into the file and for
    /// writing a translation back the same way.
    pub fn read_text(&self, forced: Option<&'static Encoding>) -> Result<(String, FileEncoding)> {
        let bytes = self.read_bytes()?;
        self.decode(bytes, forced)
    }

    /// Decodes bytes read from this source as [`Source::read_text`] does;
    /// errors name the source.
    pub fn decode(
        &self,
        bytes: Vec<u8>,
        forced: Option<&'static Encoding>,
    ) -> Result<(String, FileEncoding)> {
        crate::encoding::decode(bytes, forced).with_context(|| self.name())
    }

    /// Reads the whole source as bytes; errors name the source.
    pub fn read_bytes(&self) -> Result<Vec<u8>> {
        match self {
            Source::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .lock()
                    .read_to_end(&mut bytes)
                    .context("<stdin>: cannot read")?;
                Ok(bytes)
            }
            Source::File(path) => read_file(path),
        }
    }
}

/// How often a file that changes while it is read is read again before
/// the run gives up with an error.
const READ_ATTEMPTS: usize = 3;

/// Reads a whole file. A regular file whose size or modification time
/// differs between the start and the end of the read changed while it was
/// read (something appended to it, truncated it or rewrote it in place): it
/// is read again, and after [`READ_ATTEMPTS`] such reads the result is an
/// error, so a run never works on a mixture of two versions. A file replaced
/// by a rename is no change: the open file is still the old version, read
/// whole. A file that a paused writer is halfway through is read as it is
/// at that moment: nothing tells it from a whole one.
fn read_file(path: &Path) -> Result<Vec<u8>> {
    let name = path.display();
    let io = |e: std::io::Error| anyhow::anyhow!("{name}: {}", describe(&e));
    for _ in 0..READ_ATTEMPTS {
        let mut file = std::fs::File::open(path).map_err(io)?;
        let before = file.metadata().map_err(io)?;
        if before.is_dir() {
            bail!("{name}: is a directory, not a text file");
        }
        let mut bytes = Vec::new();
        if before.is_file() {
            bytes
                .try_reserve_exact(usize::try_from(before.len()).unwrap_or(usize::MAX))
                .map_err(|_| {
                    anyhow::anyhow!("{name}: too large to read ({} bytes)", before.len())
                })?;
        }
        file.read_to_end(&mut bytes).map_err(io)?;
        if !before.is_file() {
            // a pipe or a device: no size or time to compare
            return Ok(bytes);
        }
        let after = file.metadata().map_err(io)?;
        if unchanged(&before, &after) {
            return Ok(bytes);
        }
    }
    bail!(
        "{name}: the file changed while it was read ({READ_ATTEMPTS} attempts); \
         run again when it is no longer being written"
    )
}

/// Whether a regular file is the same version after a read as before it.
/// (Not whether its size is the number of bytes read: files in /proc and
/// /sys give a size that is not their content's.)
fn unchanged(before: &std::fs::Metadata, after: &std::fs::Metadata) -> bool {
    before.len() == after.len() && before.modified().ok() == after.modified().ok()
}

/// A short, lower-case description of an I/O error, without the
/// "(os error N)" suffix.
fn describe(err: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match err.kind() {
        NotFound => "no such file".to_string(),
        PermissionDenied => "permission denied".to_string(),
        IsADirectory => "is a directory, not a text file".to_string(),
        _ => {
            let msg = err.to_string();
            match msg.find(" (os error") {
                Some(i) => msg[..i].to_string(),
                None => msg,
            }
        }
    }
}

/// Checks that `bytes` are UTF-8; the error gives the byte offset, line and
/// column of the first invalid byte.
pub fn into_utf8(bytes: Vec<u8>) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let bytes = err.as_bytes();
            let at = err.utf8_error().valid_up_to();
            let before = &bytes[..at];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column =
                std::str::from_utf8(&before[line_start..]).map_or(0, |s| s.chars().count()) + 1;
            bail!(
                "invalid UTF-8 at byte offset {at} (line {line}, column {column}): byte 0x{:02X}; \
                 convert the file to UTF-8 first (e.g. with iconv)",
                bytes[at]
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = into_utf8(b"ok\nab\xFFcd".to_vec()).unwrap_err().to_string();
        assert!(err.contains("byte offset 5"), "{err}");
        assert!(err.contains("line 2, column 3"), "{err}");
    }

    #[test]
    fn a_file_is_read_whole_and_a_change_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "One. Two.\n").unwrap();
        assert_eq!(read_file(&path).unwrap(), b"One. Two.\n");
        let before = std::fs::metadata(&path).unwrap();
        assert!(unchanged(&before, &before));
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        std::io::Write::write_all(&mut file, b"Three.\n").unwrap();
        let after = std::fs::metadata(&path).unwrap();
        assert!(!unchanged(&before, &after));
        // a file whose size is not its content's
        #[cfg(target_os = "linux")]
        assert!(
            !read_file(Path::new("/proc/self/status"))
                .unwrap()
                .is_empty()
        );
        let err = read_file(dir.path()).unwrap_err().to_string();
        assert!(err.contains("is a directory"), "{err}");
    }

    #[test]
    fn dash_is_stdin() {
        let srcs = Source::from_args(&[PathBuf::from("-"), PathBuf::from("a.txt")]);
        assert_eq!(srcs, [Source::Stdin, Source::File("a.txt".into())]);
        assert_eq!(Source::from_args(&[]), [Source::Stdin]);
    }
}
