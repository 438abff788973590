#!/usr/bin/env python3
"""Cut the public-domain books beside the project into ~700-word documents,
written as the JSON Lines that `excerpt summarize --jsonl` reads.

    python3 scripts/gutenberg-jsonl.py ../shared/corpus/gutenberg > /tmp/gutenberg.jsonl

Documents break at paragraph boundaries (blank lines) once they reach 700
words, so each one is running prose, as an article would be.
"""
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
    folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/gutenberg")
    out = sys.stdout
    n = 0
    for path in sorted(folder.glob("*.txt")):
        for doc in documents(path):
            n += 1
            out.write(json.dumps({"id": f"{path.stem}#{n}", "text": doc, "k": 3}, ensure_ascii=False))
            out.write("\n")
    print(f"{n} documents", file=sys.stderr)


if __name__ == "__main__":
    main()
