"""Sentence segmentation speed in one Python process: excerpt's
segment_batch and segment against pySBD, NLTK Punkt, blingfire, syntok and
spaCy's rule-based sentencizer, and the excerpt command line on the same
text. Prints a Markdown table.

    pip install ./python pysbd nltk blingfire syntok spacy
    python python/bench.py --mb 50 --slow-mb 2

The text is the English books of ../shared/corpus/gutenberg, repeated until
there are --mb MB of it. Each tool is warmed up first; tools slower than
5 MB/s on a first 0.2 MB are measured on the first --slow-mb MB only (the
table says how much each was measured on). The tools measured on all the
text, and the command line, are timed --repeat times and the median time
is shown (the first large run of a process also pays for growing its
heap, and a shared machine's load comes and goes); excerpt's two rows and
the command line's --format lines are timed in turns, one run of each
after the other. A tool that is not
installed is listed as such. NLTK's Punkt runs untrained (its trained
parameters are a separate data download).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# this folder holds the package's source, without its compiled module: use
# the installed package instead
HERE = Path(__file__).resolve().parent
sys.path = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import excerpt  # noqa: E402

REPO = HERE.parent


def english_books(folder):
    for path in sorted(Path(folder).glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        if excerpt.summarize(text[:20000], sentences=1).lang == "en":
            yield text


def corpus(folder, mb):
    books = list(english_books(folder))
    texts, size = [], 0
    while size < mb * 1e6:
        for text in books:
            texts.append(text)
            size += len(text.encode("utf-8"))
            if size >= mb * 1e6:
                break
    return texts


def prefix(texts, mb):
    """The first `mb` MB (about: counted in characters) of the texts."""
    out, left = [], int(mb * 1e6)
    for text in texts:
        if left <= 0:
            break
        out.append(text[:left])
        left -= len(out[-1])
    return out


def tools():
    """(name, function from a list of texts to a sentence count), for each
    tool that is installed; None in place of the function for the others."""
    yield "excerpt segment_batch", lambda ts: sum(map(len, excerpt.segment_batch(ts, "en")))
    yield "excerpt segment", lambda ts: sum(len(excerpt.segment(t, "en")) for t in ts)

    try:
        import blingfire

        yield "blingfire", lambda ts: sum(
            len(blingfire.text_to_sentences(t).split("\n")) for t in ts
        )
    except ImportError:
        yield "blingfire", None
    try:
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        punkt = PunktSentenceTokenizer()  # untrained: NLTK's data is a download
        yield "NLTK Punkt (untrained)", lambda ts: sum(len(punkt.tokenize(t)) for t in ts)
    except ImportError:
        yield "NLTK Punkt (untrained)", None
    try:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.max_length = 10**9

        def spacy_count(ts):
            n = 0
            for t in ts:
                # a book at a time would need gigabytes: paragraphs in batches
                paragraphs = t.split("\r\n\r\n") if "\r\n" in t else t.split("\n\n")
                for doc in nlp.pipe(paragraphs, batch_size=256):
                    n += sum(1 for _ in doc.sents)
            return n

        yield "spaCy sentencizer", spacy_count
    except ImportError:
        yield "spaCy sentencizer", None
    try:
        from syntok import segmenter as syntok_segmenter

        def syntok_count(ts):
            # paragraphs of sentences of tokens
            return sum(
                1
                for t in ts
                for paragraph in syntok_segmenter.analyze(t)
                for _sentence in paragraph
            )

        yield "syntok", syntok_count
    except ImportError:
        yield "syntok", None
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        yield "pySBD", lambda ts: sum(len(seg.segment(t)) for t in ts)
    except ImportError:
        yield "pySBD", None


def timed(fn, texts):
    start = time.perf_counter()
    n = fn(texts)
    return time.perf_counter() - start, n


def median_timed(fn, texts, repeat):
    """The median time of `repeat` runs, and the count of the last."""
    runs = [timed(fn, texts) for _ in range(repeat)]
    return statistics.median(seconds for seconds, _ in runs), runs[-1][1]


def megabytes(texts):
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def command_line(cli, fmt, path):
    """Runs the command line on `path` in the format `fmt`; returns its
    sentence count."""

    def run(_texts):
        out = subprocess.run(
            [str(cli), "segment", "--lang", "en", "--format", fmt, path],
            stdout=subprocess.PIPE,
            check=True,
        ).stdout
        return out.count(b"\n")

    return run


def measure(args, texts, path):
    """The table's rows: (name, MB measured, seconds, sentences, MB/s), or
    (name, None, ...) for a tool that is not installed."""
    total = megabytes(texts)
    tools_ = list(tools())
    cli = Path(args.cli).exists()
    rows = []
    # excerpt's two rows and the command line's --format lines in turns, so
    # that a shared machine's load weighs on the three alike
    turns = tools_[:2]
    for _name, fn in turns:
        fn(prefix(texts, 0.01))  # warm up: tables, thread pool
    if cli:
        turns.append(("command line, --format lines", command_line(args.cli, "lines", path)))
    runs = {name: [] for name, _ in turns}
    for _ in range(args.repeat):
        for name, fn in turns:
            runs[name].append(timed(fn, texts))
    for name, timings in runs.items():
        seconds = statistics.median(s for s, _ in timings)
        rows.append((name, total, seconds, timings[-1][1], total / seconds))

    for name, fn in tools_[2:]:
        if fn is None:
            rows.append((name, None, None, None, None))
            continue
        fn(prefix(texts, 0.01))  # warm up: models, tables, thread pools
        probe = prefix(texts, 0.2)
        seconds, _ = timed(fn, probe)
        fast = megabytes(probe) / seconds >= 5
        use = texts if fast else prefix(texts, args.slow_mb)
        seconds, n = median_timed(fn, use, args.repeat if fast else 1)
        rows.append((name, megabytes(use), seconds, n, megabytes(use) / seconds))
    if cli:
        seconds, n = median_timed(command_line(args.cli, "jsonl", path), texts, args.repeat)
        rows.append(("command line, --format jsonl", total, seconds, n, total / seconds))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--slow-mb", type=float, default=2)
    parser.add_argument("--books", default=REPO.parent / "shared/corpus/gutenberg")
    parser.add_argument("--cli", default=REPO / "target/release/excerpt")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    texts = corpus(args.books, args.mb)
    total = megabytes(texts)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write("\n\n".join(texts))
    try:
        rows = measure(args, texts, f.name)
    finally:
        os.unlink(f.name)

    print(f"{total:.1f} MB of English from the Gutenberg books, CPython "
          f"{sys.version.split()[0]}, {os.cpu_count()} cores, median of "
          f"{args.repeat} runs\n")
    print("| tool | MB measured | seconds | sentences | MB/s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, mb, seconds, n, rate in sorted(rows, key=lambda r: -(r[4] or 0)):
        if mb is None:
            print(f"| {name} | not installed | | | |")
        else:
            print(f"| {name} | {mb:.1f} | {seconds:.2f} | {n:,} | {rate:.2f} |")


if __name__ == "__main__":
    main()
