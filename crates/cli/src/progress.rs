//! A progress bar on standard error for long runs over corpora and
//! projects: bytes done (of the total when it is known), MB/s, an ETA, and
//! records or files done.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// `--progress` values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ProgressMode {
    /// A bar when standard error is a terminal, the output goes to a file or
    /// a pipe, and the run takes longer than about a second.
    #[default]
    Auto,
    /// A bar on standard error from the start, terminal or not.
    Always,
    /// No bar.
    Never,
}

/// How long a run goes on before `auto` shows its bar.
const DELAY: Duration = Duration::from_secs(1);

/// A progress bar that may be hidden. Cheap to update from many threads.
pub struct Progress {
    bar: ProgressBar,
    /// Whether the bar is to be shown once [`DELAY`] has passed.
    pending: AtomicBool,
    start: Instant,
}

impl Progress {
    /// A bar for a run of `total` bytes (when known) that writes to a file
    /// (`to_file`) or to standard output; what is counted besides bytes
    /// (records, files) is the message given to [`Progress::advance`].
    pub fn new(mode: ProgressMode, to_file: bool, total: Option<u64>) -> Progress {
        let stderr_is_terminal = std::io::stderr().is_terminal();
        let output_is_terminal = !to_file && std::io::stdout().is_terminal();
        let bar = match total {
            Some(total) => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden()),
            None => ProgressBar::hidden(),
        };
        let template = if total.is_some() {
            "{wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}"
        } else {
            "{spinner} {bytes} {bytes_per_sec} {msg}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        let pending = match mode {
            ProgressMode::Never => false,
            ProgressMode::Always => {
                // drawn even when standard error is not a terminal
                bar.set_draw_target(ProgressDrawTarget::term_like_with_hz(
                    Box::new(console::Term::stderr()),
                    10,
                ));
                false
            }
            ProgressMode::Auto => stderr_is_terminal && !output_is_terminal,
        };
        Progress {
            bar,
            pending: AtomicBool::new(pending),
            start: Instant::now(),
        }
    }

    /// Counts `bytes` more bytes done, and sets the message (records or
    /// files done).
    pub fn advance(&self, bytes: u64, message: impl FnOnce() -> String) {
        if self.pending.load(Ordering::Relaxed) && self.start.elapsed() >= DELAY {
            self.pending.store(false, Ordering::Relaxed);
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.inc(bytes);
        if !self.bar.is_hidden() {
            self.bar.set_message(message());
        }
    }

    /// Runs `f` (that prints to standard error) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
