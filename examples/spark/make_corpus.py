"""Builds a JSON Lines corpus for the Spark jobs from plain-text books.

Each record is a run of consecutive paragraphs of one book, about
--chars characters long: {"id": "<book>#<n>", "text": "..."}. Records are
taken from the books in turn until there are --records of them.

    python make_corpus.py ../../../shared/corpus/gutenberg corpus.jsonl --records 1000
"""

import argparse
import json
import re
from pathlib import Path


def records_of(path, chars):
    text = path.read_bytes().decode("utf-8")
    paragraphs = [p for p in re.split(r"(?:\r?\n){2,}", text) if p.strip()]
    run, size, n = [], 0, 0
    for paragraph in paragraphs:
        run.append(paragraph)
        size += len(paragraph)
        if size >= chars:
            n += 1
            yield {"id": f"{path.stem}#{n}", "text": "\n\n".join(run)}
            run, size = [], 0
    if run:
        yield {"id": f"{path.stem}#{n + 1}", "text": "\n\n".join(run)}


def build(books_dir, records, chars):
    """The first `records` records, taken from the books in turn."""
    books = [records_of(p, chars) for p in sorted(Path(books_dir).glob("*.txt"))]
    out = []
    while books and len(out) < records:
        for book in list(books):
            record = next(book, None)
            if record is None:
                books.remove(book)
            elif len(out) < records:
                out.append(record)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("books", help="a folder of UTF-8 .txt books")
    parser.add_argument("output", help="the JSON Lines file to write")
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=5000)
    args = parser.parse_args()
    with open(args.output, "w", encoding="utf-8") as out:
        for record in build(args.books, args.records, args.chars):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
