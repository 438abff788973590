#!/usr/bin/env python3
"""Cut the public-domain books beside the project into ~700-word documents,
written as the JSON Lines that `excerpt summarize --jsonl` reads.

    python3 scripts/gutenberg-jsonl.py ../shared/corpus/gutenberg > /tmp/gutenberg.jsonl

Documents break at paragraph boundaries (blank lines) once they reach 700
words, so each one is running prose, as an article would be.

For memory and throughput runs, --megabytes N repeats the books (ids get a
round number) until at least N MB are written, and --plain writes the books'
text as one plain-text file instead of JSON Lines:

    python3 scripts/gutenberg-jsonl.py --megabytes 1000 > /tmp/gutenberg-1g.jsonl
    python3 scripts/gutenberg-jsonl.py --megabytes 1000 --plain > /tmp/gutenberg-1g.txt
"""
import argparse
import json
import pathlib
import re
import sys

WORDS = 700


def documents(path):
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    paragraphs = re.split(r"\n\s*\n", text)
    chunk, words = [], 0
    for para in paragraphs:
        chunk.append(para)
        words += len(para.split())
        if words >= WORDS:
            yield "\n\n".join(chunk)
            chunk, words = [], 0
    if words:
        yield "\n\n".join(chunk)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="../shared/corpus/gutenberg")
    parser.add_argument("--megabytes", type=float, default=0,
                        help="repeat the books until at least this many MB are written")
    parser.add_argument("--plain", action="store_true",
                        help="write the books as plain text, not JSON Lines")
    args = parser.parse_args()
    folder = pathlib.Path(args.folder)
    out = sys.stdout
    paths = sorted(folder.glob("*.txt"))
    goal = args.megabytes * 1_000_000
    written, n, rounds = 0, 0, 0
    while True:
        rounds += 1
        for path in paths:
            if args.plain:
                text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
                out.write(text)
                out.write("\n\n")
                written += len(text.encode("utf-8")) + 2
                continue
            for doc in documents(path):
                n += 1
                doc_id = f"{path.stem}#{n}" if rounds == 1 else f"{path.stem}#{n}@{rounds}"
                line = json.dumps({"id": doc_id, "text": doc, "k": 3}, ensure_ascii=False)
                out.write(line)
                out.write("\n")
                written += len(line.encode("utf-8")) + 1
        if written >= goal:
            break
    print(f"{n} documents, {written / 1e6:.1f} MB, {rounds} rounds", file=sys.stderr)


if __name__ == "__main__":
    main()
