"""The package gives what the command line gives, on every corpus file:
the same sentences with the same offsets, the same summaries, and the same
bytes of XLIFF and TMX. The command line reads each file as plain text
(--input text), as the package does."""

import pytest

import excerpt

from conftest import CORPUS, REPO


def read(path):
    # bytes decoded as they are: no newline translation
    return path.read_bytes().decode("utf-8")


IDS = [str(p.relative_to(REPO)) for p in CORPUS]


def test_the_corpus_is_there():
    assert len(CORPUS) >= 25
    assert any(p.suffix == ".html" for p in CORPUS)


@pytest.mark.parametrize("path", CORPUS, ids=IDS)
def test_same_sentences(cli_json, path):
    text = read(path)
    expected = [
        (r["text"], r["char_start"], r["char_end"], r["byte_start"], r["byte_end"])
        for r in cli_json("segment", "--format", "jsonl", "--input", "text", path)
    ]
    got = [(s.text, s.start, s.end, s.byte_start, s.byte_end) for s in excerpt.segment(text)]
    assert len(got) > 0
    assert got == expected


@pytest.mark.parametrize("path", CORPUS, ids=IDS)
def test_same_sentences_one_per_line_and_split_long(cli_json, path):
    text = read(path)
    flags = ["--newline-boundary", "--max-chars", "120"]
    expected = [
        (r["text"], r["char_start"], r["char_end"])
        for r in cli_json("segment", "--format", "jsonl", "--input", "text", *flags, path)
    ]
    got = [
        (s.text, s.start, s.end)
        for s in excerpt.segment(text, newline_boundary=True, max_chars=120)
    ]
    assert got == expected


def assert_same_summary(cli_record, summary):
    expected = cli_record["sentences"]
    assert len(summary.sentences) == len(expected)
    assert summary.lang == cli_record["lang"]
    for s, e in zip(summary.sentences, expected):
        assert (s.text, s.index, s.start, s.end, s.byte_start, s.byte_end) == (
            e["text"],
            e["index"],
            e["char_start"],
            e["char_end"],
            e["byte_start"],
            e["byte_end"],
        )
        # ranking sums in parallel: the last digit may differ from run to run
        assert s.score == pytest.approx(e["score"], rel=1e-9)


@pytest.mark.parametrize("path", CORPUS, ids=IDS)
def test_same_summary(cli_json, path):
    text = read(path)
    [record] = cli_json(
        "summarize", "--format", "json", "--input", "text", "--keywords", "5", path
    )
    summary = excerpt.summarize(text, keywords=5)
    assert len(summary.sentences) > 0
    assert_same_summary(record, summary)
    assert [k.text for k in summary.keywords] == [k["text"] for k in record["keywords"]]
    for k, e in zip(summary.keywords, record["keywords"]):
        assert k.score == pytest.approx(e["score"], rel=1e-9)


@pytest.mark.parametrize(
    "flags,kwargs",
    [
        (["--words", "60"], {"words": 60}),
        (["--ratio", "0.1", "--lang", "en"], {"ratio": 0.1, "lang": "en"}),
        (["--sentences", "1", "--title", "Opening times"], {"sentences": 1, "title": "Opening times"}),
    ],
    ids=["words", "ratio-lang", "title"],
)
@pytest.mark.parametrize("path", CORPUS[::3], ids=IDS[::3])
def test_same_summary_under_other_budgets(cli_json, path, flags, kwargs):
    [record] = cli_json("summarize", "--format", "json", "--input", "text", *flags, path)
    assert_same_summary(record, excerpt.summarize(read(path), **kwargs))


def test_jsonl_records_match_summarize_batch(cli_json, tmp_path):
    import json

    texts = [read(p) for p in CORPUS]
    lines = [json.dumps({"id": i, "text": t, "k": 2}) for i, t in enumerate(texts)]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = cli_json("summarize", "--jsonl", corpus)
    summaries = excerpt.summarize_batch(texts, sentences=2)
    assert [r["id"] for r in records] == list(range(len(texts)))
    assert [r["summary"] for r in records] == [[s.text for s in x.sentences] for x in summaries]


@pytest.mark.parametrize(
    "flags,kwargs",
    [
        ([], {}),
        (["--target-lang", "de", "--target", "source", "--protect", "urls,numbers"],
         {"target_lang": "de", "target": "source", "protect": "urls,numbers"}),
        (["--xliff-version", "1.2", "--target-lang", "pt_BR"], {"version": "1.2", "target_lang": "pt_BR"}),
    ],
    ids=["plain", "bilingual-protect", "xliff12"],
)
@pytest.mark.parametrize("path", CORPUS, ids=IDS)
def test_same_xliff_bytes(cli, path, flags, kwargs):
    expected = cli("segment", "--format", "xliff", "--input", "text", *flags, path)
    got = excerpt.to_xliff(read(path), original=path.name, **kwargs)
    assert got.encode("utf-8") == expected


@pytest.mark.parametrize("path", CORPUS, ids=IDS)
def test_same_tmx_bytes(cli, path):
    plain = cli("segment", "--format", "tmx", "--input", "text", path)
    assert excerpt.to_tmx(read(path), original=path.name).encode("utf-8") == plain
    bilingual = cli(
        "segment", "--format", "tmx", "--input", "text", "--target-lang", "fr",
        "--target", "empty", "--newline-boundary", path,
    )
    got = excerpt.to_tmx(read(path), original=path.name, target_lang="fr", target="empty",
                         newline_boundary=True)
    assert got.encode("utf-8") == bilingual


def test_standard_input_is_recorded_as_the_command_line_does(cli):
    text = read(REPO / "corpus/de/stadtrat-radwege.txt")
    assert excerpt.to_tmx(text).encode() == cli("segment", "--format", "tmx", stdin=text.encode())


def test_batches_equal_single_calls():
    texts = [read(p) for p in CORPUS]
    single = [[(s.text, s.start, s.end) for s in excerpt.segment(t)] for t in texts]
    batch = [[(s.text, s.start, s.end) for s in b] for b in excerpt.segment_batch(texts)]
    assert batch == single
    single = [[s.text for s in excerpt.summarize(t, words=50).sentences] for t in texts]
    batch = [[s.text for s in x.sentences] for x in excerpt.summarize_batch(texts, words=50)]
    assert batch == single
    # any iterable of str
    assert len(excerpt.segment_batch(t for t in texts[:3])) == 3
    assert excerpt.segment_batch([]) == []
