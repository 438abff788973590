//! `excerpt segment --srx`: the command line with an SRX file.

mod common;
use common::{excerpt, root, stdout_of};

const CASES: &str = "tests/srx/cases.srx";

fn write_temp(text: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
    f
}

#[test]
fn jsonl_offsets_are_lossless_code_points() {
    let text = "𝐀 bold. 😀 Smile. Next.";
    let file = write_temp(text);
    let srx = root().join(CASES);
    let out = stdout_of(excerpt().args([
        "segment",
        "--srx",
        srx.to_str().unwrap(),
        "--lang",
        "space",
        "--format",
        "jsonl",
        file.path().to_str().unwrap(),
    ]));
    let mut parts = Vec::new();
    let mut at = 0;
    let chars: Vec<char> = text.chars().collect();
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (s, e) = (
            v["char_start"].as_u64().unwrap() as usize,
            v["char_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(s, at);
        let part: String = chars[s..e].iter().collect();
        assert_eq!(v["text"].as_str().unwrap(), part);
        assert_eq!(v["lang"], "space");
        parts.push(part);
        at = e;
    }
    assert_eq!(at, chars.len());
    assert_eq!(parts, ["𝐀 bold.", " 😀 Smile.", " Next."]);
}

#[test]
fn lines_follow_the_language_map() {
    let file = write_temp("One; two. Three; four.");
    let srx = root().join("tests/srx/nocascade.srx");
    let run = |lang: &str| {
        stdout_of(excerpt().args([
            "segment",
            "--srx",
            srx.to_str().unwrap(),
            "--lang",
            lang,
            file.path().to_str().unwrap(),
        ]))
    };
    assert_eq!(run("semi-x"), "One;\n two. Three;\n four.\n");
    assert_eq!(run("xx"), "One; two.\n Three; four.\n");
}

#[test]
fn a_broken_srx_file_is_an_error_naming_the_line() {
    let srx = write_temp(
        "<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n<body>\n<bogus/>\n</body></srx>",
    );
    let file = write_temp("Text.");
    excerpt()
        .args(["segment", "--srx"])
        .arg(srx.path())
        .args(["--lang", "en"])
        .arg(file.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("line 3"));
}

#[test]
fn formats_and_commands_without_srx_support_say_so() {
    let srx = root().join(CASES);
    let file = write_temp("Text.");
    excerpt()
        .args(["segment", "--format", "tmx", "--srx"])
        .arg(&srx)
        .arg(file.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--srx"));
    excerpt()
        .args(["stats", "--srx"])
        .arg(&srx)
        .arg(file.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--srx"));
}
