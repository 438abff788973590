//! Hostile and broken files: each gets a clear one-line error or a correct
//! result, never a panic, a hang or a half-written output.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use predicates::prelude::*;

mod common;
use common::{excerpt, stdout_of};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs `cmd` and checks that it either succeeds or fails with status 2 and
/// one line on standard error; returns whether it succeeded.
fn ok_or_one_line_error(cmd: &mut assert_cmd::Command, what: &str) -> bool {
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{what}: {err}");
    match out.status.code() {
        Some(0) => true,
        Some(2) => {
            assert_eq!(err.trim_end().lines().count(), 1, "{what}: {err}");
            assert!(err.starts_with("excerpt: "), "{what}: {err}");
            false
        }
        other => panic!("{what}: status {other:?}: {err}"),
    }
}

/// Segments `bytes` into XLIFF, TMX, PO and TSV with the source as target
/// and checks that merging each gives the bytes back.
fn assert_identity_merge(bytes: &[u8], what: &str) {
    let dir = tempfile::tempdir().unwrap();
    let original = write(dir.path(), "original.txt", bytes);
    for format in ["xliff", "tmx", "po", "tsv"] {
        let translated = dir.path().join(format!("t.{format}"));
        excerpt()
            .args(["segment", "--lang", "en", "--format", format])
            .args(["--target-lang", "de", "--target", "source"])
            .arg(&original)
            .arg("-o")
            .arg(&translated)
            .assert()
            .success();
        let merged = excerpt()
            .args(["merge", "--lang", "en"])
            .arg(&original)
            .arg(&translated)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert!(
            merged == bytes,
            "{what} via {format}: {:?}",
            String::from_utf8_lossy(&merged)
        );
    }
}

/// The segments of `text` as `segment --format jsonl` gives them, checked
/// to be the text's own bytes.
fn segments(path: &Path, text: &str) -> Vec<String> {
    let out = stdout_of(
        excerpt()
            .args(["segment", "--lang", "en", "--format", "jsonl"])
            .arg(path),
    );
    out.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let (s, e) = (
                v["byte_start"].as_u64().unwrap() as usize,
                v["byte_end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], v["text"].as_str().unwrap());
            v["text"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn nul_bytes_are_text_and_survive_every_format() {
    let text = "One\0 two. Three.\0\n\nFour \0five.\n";
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "nul.txt", text.as_bytes());
    assert_eq!(
        segments(&path, text),
        ["One\0 two.", "Three.\0", "Four \0five."]
    );
    assert_identity_merge(text.as_bytes(), "NUL bytes");
}

#[test]
fn a_lone_surrogate_in_utf8_is_invalid() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "s.txt", b"Good. Bad \xED\xA0\x80 here.\n");
    excerpt()
        .arg("segment")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid UTF-8 at byte offset 10"));
}

#[test]
fn every_unicode_line_separator_is_kept() {
    let text = "One.\u{2028}Two.\u{2029}Three\u{85}four.\u{0B}Five.\u{0C}Six.\rSeven.\r\n";
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "sep.txt", text.as_bytes());
    let joined: String = segments(&path, text).concat();
    let letters = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    assert_eq!(letters(&joined), letters(text));
    // --format lines prints each segment on one line
    let lines = stdout_of(excerpt().args(["segment", "--lang", "en"]).arg(&path));
    assert!(
        !lines.contains(['\u{2028}', '\u{2029}', '\u{85}', '\r']),
        "{lines:?}"
    );
    assert_identity_merge(text.as_bytes(), "line separators");
}

#[test]
fn very_long_lines_are_segmented_whole() {
    // 2 MB without a sentence end, then 2 MB of short sentences on one line
    let mut text = "word ".repeat(400_000);
    text.push_str(&"It rains. ".repeat(200_000));
    text.push('\n');
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "long.txt", text.as_bytes());
    let start = Instant::now();
    let out = stdout_of(excerpt().args(["segment", "--lang", "en"]).arg(&path));
    assert!(start.elapsed() < Duration::from_secs(120));
    // the run without an end is the first sentence's opening
    assert_eq!(out.lines().count(), 200_000);
    assert_eq!(
        out.lines().next().unwrap().len(),
        2_000_000 + "It rains.".len()
    );
}

#[test]
fn the_input_is_never_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let text = b"Keep me. I am the input.\n";
    let input = write(dir.path(), "in.txt", text);
    let link = dir.path().join("link.txt");
    std::fs::hard_link(&input, &link).unwrap();
    for out in [&input, &link, &dir.path().join(".").join("in.txt")] {
        for cmd in [
            ["segment", "--lang"],
            ["summarize", "--lang"],
            ["stats", "--lang"],
        ] {
            excerpt()
                .args(cmd)
                .arg("en")
                .arg(&input)
                .arg("-o")
                .arg(out)
                .assert()
                .code(2)
                .stderr(predicate::str::contains("the output file is also an input"));
        }
    }
    let xlf = dir.path().join("in.xlf");
    excerpt()
        .args(["segment", "--lang", "en", "--format", "xliff"])
        .arg(&input)
        .arg("-o")
        .arg(&xlf)
        .assert()
        .success();
    for out in [&input, &xlf] {
        excerpt()
            .arg("merge")
            .arg(&input)
            .arg(&xlf)
            .arg("-o")
            .arg(out)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("the output file is also an input"));
    }
    assert_eq!(std::fs::read(&input).unwrap(), text);
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let big = "The dam broke at dawn. Water reached the town by noon.\n".repeat(300_000);
    let input = write(dir.path(), "big.txt", big.as_bytes());
    for signal in ["TERM", "INT", "KILL"] {
        let out = write(dir.path(), "out.jsonl", b"old output\n");
        let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("excerpt"))
            .args(["segment", "--lang", "en", "--format", "jsonl"])
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(300));
        std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        let pid = child.id();
        let status = child.wait_with_output().unwrap().status;
        let now = std::fs::read(&out).unwrap();
        if status.success() {
            // it finished first: then the output is whole
            assert_eq!(String::from_utf8(now).unwrap().lines().count(), 600_000);
        } else {
            assert_eq!(now, b"old output\n", "SIG{signal}");
        }
        // a killed run may leave its temporary file, named with its process id
        for name in temporaries(dir.path()) {
            assert!(name.starts_with(&format!(".excerpt-{pid}-")), "{name}");
        }
    }
    // the next run writing into the directory removes what killed runs left
    let small = write(dir.path(), "small.txt", b"One. Two.\n");
    excerpt()
        .args(["segment", "--lang", "en"])
        .arg(&small)
        .arg("-o")
        .arg(dir.path().join("small.out"))
        .assert()
        .success();
    if cfg!(target_os = "linux") {
        assert_eq!(temporaries(dir.path()), Vec::<String>::new());
    }
}

/// The names of the `.excerpt-*.tmp` files in `dir`.
#[cfg(unix)]
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".excerpt-") && n.ends_with(".tmp"))
        .collect()
}

/// Version `v` of a file of `lines` numbered lines, each one sentence and
/// of the same length in every version.
fn version_lines(v: char, from: usize, to: usize) -> String {
    (from..to)
        .map(|i| format!("Version {v} line {i:06}.\n"))
        .collect()
}

/// Checks `jsonl`, the segments of the file that
/// `a_file_that_changes_while_read_gives_one_version` writes, as it was at
/// one moment: one version letter, the lines numbered from 0 without a gap,
/// each whole but the last, which may be cut where a write had got to.
fn assert_one_version(jsonl: &str, what: &str) {
    let lines: Vec<&str> = jsonl.lines().collect();
    let mut version = None;
    for (i, line) in lines.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{what}: line {} is not JSON ({e}): {line}", i + 1));
        let text = v["text"].as_str().unwrap();
        let letter = text.chars().nth(8);
        assert!(
            version.is_none() || letter.is_none() || version == letter,
            "{what}: two versions mixed at segment {i}: {text:?}"
        );
        version = version.or(letter);
        let whole = format!("Version {} line {i:06}.", version.unwrap_or('?'));
        if i + 1 == lines.len() {
            assert!(
                whole.starts_with(text),
                "{what}: last segment {i}: {text:?}"
            );
        } else {
            assert_eq!(text, whole, "{what}: segment {i}");
        }
    }
}

#[test]
fn a_file_that_changes_while_read_gives_one_version() {
    use std::io::Write;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "moving.txt",
        version_lines('A', 0, 40_000).as_bytes(),
    );
    let out = dir.path().join("out.jsonl");
    let stop = AtomicBool::new(false);
    let (mut whole, mut refused) = (0, 0);
    /// Stops the writer however the runs end, a failed assertion included
    /// (the scope waits for the writer before it lets a panic through).
    struct Stop<'a>(&'a AtomicBool);
    impl Drop for Stop<'_> {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Relaxed);
        }
    }
    std::thread::scope(|scope| {
        // rewrites the file in place, version after version: truncates it,
        // writes the new version and appends to it; the pause after each is
        // longer than a tick of the coarsest file times, so that a rewrite
        // always changes the modification time
        scope.spawn(|| {
            for v in "BCDEFGHIJKLMNOPQRSTUVWXYZ".chars().cycle() {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
                file.set_len(0).unwrap();
                file.write_all(version_lines(v, 0, 40_000).as_bytes())
                    .unwrap();
                file.write_all(version_lines(v, 40_000, 41_000).as_bytes())
                    .unwrap();
                std::thread::sleep(Duration::from_millis(12));
            }
        });
        let _stop = Stop(&stop);
        for run in 0..30 {
            let result = excerpt()
                .args(["segment", "--lang", "en", "--format", "jsonl"])
                .arg(&path)
                .arg("-o")
                .arg(&out)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&result.stderr);
            assert!(!err.contains("panicked"), "run {run}: {err}");
            match result.status.code() {
                Some(0) => whole += 1,
                Some(2) => {
                    assert_eq!(err.trim_end().lines().count(), 1, "run {run}: {err}");
                    assert!(
                        err.contains("moving.txt: the file changed while it was read"),
                        "run {run}: {err}"
                    );
                    refused += 1;
                }
                other => panic!("run {run}: status {other:?}: {err}"),
            }
            // the output is the last whole run's, never a half or a mixture
            if out.exists() {
                assert_one_version(
                    &std::fs::read_to_string(&out).unwrap(),
                    &format!("run {run}"),
                );
            }
        }
    });
    eprintln!("while it changed: {whole} runs read one version, {refused} refused");
    // once it stops changing, it is read
    let jsonl = stdout_of(
        excerpt()
            .args(["segment", "--lang", "en", "--format", "jsonl"])
            .arg(&path),
    );
    assert_one_version(&jsonl, "at rest");
    assert_eq!(jsonl.lines().count(), 41_000);
}

/// An original and its XLIFF 2.1 with the source as target, in `dir`.
fn original_and_xliff(dir: &Path) -> (PathBuf, String) {
    let original = write(dir, "o.txt", b"One. Two.\n\nThree.\n");
    let xlf = dir.join("o.xlf");
    excerpt()
        .args(["segment", "--lang", "en", "--format", "xliff"])
        .args(["--target-lang", "de", "--target", "source"])
        .arg(&original)
        .arg("-o")
        .arg(&xlf)
        .assert()
        .success();
    (original, std::fs::read_to_string(xlf).unwrap())
}

#[test]
fn hostile_xml_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let (original, xlf) = original_and_xliff(dir.path());
    let body = xlf.find("<file").unwrap();
    let deep = format!(
        "{}{}{}",
        &xlf[..body],
        "<group>".repeat(100_000),
        "</group>".repeat(100_000)
    );
    let bomb = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE xliff [<!ENTITY a \"aaaaaaaaaa\">{}]>{}",
        (1..10)
            .map(|i| format!(
                "<!ENTITY {} \"{}\">",
                (b'a' + i) as char,
                format!("&{};", (b'a' + i - 1) as char).repeat(10)
            ))
            .collect::<String>(),
        xlf.replacen(">Two.</target>", ">&j;</target>", 1)
            .trim_start_matches("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
    );
    let external = cases_external(&xlf);
    let cases = [
        ("100,000 nested elements", deep),
        ("entity expansion bomb", bomb),
        ("external entity", external),
        ("truncated file", xlf[..xlf.len() / 2].to_string()),
        (
            "50 MB attribute",
            xlf.replacen(
                "<file ",
                &format!("<file x=\"{}\" ", "a".repeat(50 << 20)),
                1,
            ),
        ),
        (
            "unknown inline code",
            xlf.replacen(">Two.</target>", "><ph id=\"9\"/>Zwei.</target>", 1),
        ),
        (
            "duplicate id",
            xlf.replacen("id=\"p1.s2\"", "id=\"p1.s1\"", 2),
        ),
        ("missing id", xlf.replacen(" id=\"p1.s2\"", "", 2)),
    ];
    for (what, content) in cases {
        let path = write(dir.path(), "hostile.xlf", content.as_bytes());
        let start = Instant::now();
        ok_or_one_line_error(excerpt().arg("merge").arg(&original).arg(&path), what);
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{what}: too slow"
        );
    }
    // the entities are never expanded: /etc/passwd never shows
    let path = write(dir.path(), "x.xlf", cases_external(&xlf).as_bytes());
    let out = excerpt()
        .arg("merge")
        .arg(&original)
        .arg(&path)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("root:"));
}

fn cases_external(xlf: &str) -> String {
    xlf.replacen(">Two.</target>", ">&x;</target>", 1).replacen(
        "<xliff",
        "<!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xliff",
        1,
    )
}

#[test]
fn broken_po_and_tsv_are_a_one_line_error_or_read() {
    let dir = tempfile::tempdir().unwrap();
    let original = write(dir.path(), "o.txt", b"One. Two.\n\nThree.\n");
    let cases: [(&str, &str, &[u8]); 9] = [
        (
            "po",
            "hex escape past 32 bits",
            b"msgctxt \"p1.s1\"\nmsgid \"One.\"\nmsgstr \"Eins\\xC479400000000000000000000\"\n",
        ),
        (
            "po",
            "unterminated string",
            b"msgctxt \"p1.s1\"\nmsgid \"One.\nmsgstr \"Eins.\n",
        ),
        (
            "po",
            "bad escape",
            b"msgctxt \"p1.s1\"\nmsgid \"One.\"\nmsgstr \"Eins\\q\\x\\777\\\"\n",
        ),
        (
            "po",
            "CRLF mix",
            b"msgctxt \"p1.s1\"\r\nmsgid \"One.\"\nmsgstr \"Eins.\"\r\n",
        ),
        ("po", "no msgstr", b"msgctxt \"p1.s1\"\nmsgid \"One.\"\n"),
        (
            "tsv",
            "wrong column count",
            b"One.\tEins.\n\tp1.s2\t\t\tx\n",
        ),
        (
            "tsv",
            "bad escape",
            b"One.\tEins\\q\\u{ZZ}\\u{D800}\\\tp1.s1\n",
        ),
        (
            "tsv",
            "CRLF mix",
            b"One.\tEins.\tp1.s1\r\nTwo.\tZwei.\tp1.s2\nThree.\tDrei.\tp2.s1\r",
        ),
        ("tsv", "only tabs", b"\t\t\t\n\t\n"),
    ];
    for (ext, what, content) in cases {
        let path = write(dir.path(), &format!("t.{ext}"), content);
        ok_or_one_line_error(
            excerpt()
                .args(["merge", "--lang", "en"])
                .arg(&original)
                .arg(&path),
            &format!("{ext}: {what}"),
        );
    }
}

#[test]
fn a_file_for_another_original_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let (_, xlf) = original_and_xliff(dir.path());
    let other = write(dir.path(), "other.txt", b"Something else. Entirely.\n");
    let path = write(dir.path(), "o.xlf", xlf.as_bytes());
    excerpt()
        .arg("merge")
        .arg(&other)
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not the text"));
    excerpt()
        .args(["merge", "--force"])
        .arg(&other)
        .arg(&path)
        .assert()
        .success();
}
