"""segment_batch gives each text's sentences in the texts' order, as
segment gives them, however the texts' segmentation is shared out: when a
long first text is done after all the others, across many small texts,
from several Python threads at once, and for str subclasses; and a text
found wrong midway stops the batch with the error a list of single calls
would raise."""

import threading

import pytest

import excerpt

from conftest import CORPUS, REPO

BOOKS = sorted((REPO / "corpus" / "books").glob("*.txt"))


def read(path):
    return path.read_bytes().decode("utf-8")


def key(sentences):
    return [(s.text, s.start, s.end, s.byte_start, s.byte_end, s.paragraph) for s in sentences]


def singles(texts, *args, **kwargs):
    return [key(excerpt.segment(t, *args, **kwargs)) for t in texts]


def test_order_is_kept_when_the_first_text_is_done_last():
    # the first text takes far longer than all the others together, so
    # their sentences are found before its own
    long = "\n\n".join(read(p) for p in BOOKS) * 3
    short = [f"Text {i} is short. It has two sentences." for i in range(300)]
    texts = [long, *short, long[: len(long) // 5], "", "One more."]
    got = [key(b) for b in excerpt.segment_batch(texts, "en")]
    assert len(got) == len(texts)
    assert got == singles(texts, "en")
    assert got[1] == [("Text 0 is short.", 0, 16, 0, 16, 0), ("It has two sentences.", 17, 38, 17, 38, 0)]
    assert got[-2] == []


def test_many_small_texts():
    # many more sentences than are made in one go while the GIL is held
    texts = [
        f"Case {i}. Dr. Lee saw it at 3 p.m. 😀 Ça va? " * (1 + i % 4) + "\n\nEnd."
        for i in range(12_000)
    ]
    got = [key(b) for b in excerpt.segment_batch(texts, "en", max_chars=20)]
    assert got == singles(texts, "en", max_chars=20)
    assert sum(map(len, got)) > 50_000


def test_batches_from_several_threads_at_once():
    texts = [read(p) for p in CORPUS]
    expected = singles(texts)
    results = [None] * 4
    failures = []

    def run(k):
        try:
            # each thread its own order of texts
            order = texts[k:] + texts[:k]
            results[k] = [key(b) for b in excerpt.segment_batch(order)]
        except BaseException as e:  # reported below, in the test's thread
            failures.append(e)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(len(results))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    for k, got in enumerate(results):
        assert got == expected[k:] + expected[:k], k


def test_sentences_of_str_subclasses_are_plain_str():
    class Text(str):
        pass

    two = Text("One sentence here. Another one.")
    one = Text("Only one sentence.")
    for got in (excerpt.segment(two), excerpt.segment_batch([two])[0]):
        assert [s.text for s in got] == ["One sentence here.", "Another one."]
        assert all(type(s.text) is str for s in got)
    for [s] in (excerpt.segment(one), excerpt.segment_batch([one])[0]):
        assert s.text == one
        assert type(s.text) is str


def test_a_text_without_utf8_midway_stops_the_batch_and_the_next_one_runs():
    # a lone surrogate has no UTF-8: found only when the texts before it are
    # being segmented already
    books = [read(p) for p in BOOKS]
    texts = [*books, "Bad \ud800 text.", *books]
    with pytest.raises(UnicodeEncodeError):
        excerpt.segment_batch(texts, "en")
    texts = [*books, "Good text. Two sentences.", *books]
    got = [key(b) for b in excerpt.segment_batch(texts, "en")]
    assert got == singles(texts, "en")


def test_errors_come_in_the_same_order_as_before():
    # the texts are checked before the options: a text without UTF-8 is
    # reported before an unknown language, an unknown language before any
    # sentence is made
    with pytest.raises(UnicodeEncodeError):
        excerpt.segment_batch(["Fine.", "Bad \ud800 text."], "xx")
    with pytest.raises(TypeError):
        excerpt.segment_batch(["Fine.", b"bytes"], "xx")
    with pytest.raises(ValueError, match="max_chars"):
        excerpt.segment_batch(["Fine."], "en", max_chars=0)
    with pytest.raises(ValueError):
        excerpt.segment_batch(["Fine."], "xx")
