"""Spark job 2: summarise a JSON Lines corpus with the excerpt Python
package, in mapPartitions: each partition's records are summarised in
batches by `excerpt.summarize_batch` (in parallel, without the GIL).

    spark-submit --master local[2] summarize_package.py corpus.jsonl out/

The output is what `excerpt summarize --jsonl` writes, line for line:
{"id", "summary": [...]} per input line, in input order. Records may carry
"k" (a sentence budget), "lang" and "title", as for the command line.
"""

import argparse
import json

from pyspark import SparkContext

BATCH = 256


def summarize_lines(lines, sentences=3):
    """The output lines for an iterator of input lines."""
    import excerpt  # on the executor

    def flush(batch):
        # records that share k, lang and title are summarised together
        groups = {}
        for i, record in enumerate(batch):
            key = (record.get("k"), record.get("lang"), record.get("title"))
            groups.setdefault(key, []).append(i)
        out = [None] * len(batch)
        for (k, lang, title), members in groups.items():
            summaries = excerpt.summarize_batch(
                [batch[i]["text"] for i in members],
                sentences=sentences if k is None else k,
                lang=lang or "auto",
                title=title,
            )
            for i, summary in zip(members, summaries):
                line = {"id": batch[i].get("id"), "summary": [s.text for s in summary.sentences]}
                out[i] = json.dumps(line, ensure_ascii=False, separators=(",", ":"))
        return out

    batch = []
    for line in lines:
        if not line.strip():
            continue
        batch.append(json.loads(line))
        if len(batch) == BATCH:
            yield from flush(batch)
            batch = []
    if batch:
        yield from flush(batch)


def run(sc, input_path, output_path, sentences=3, partitions=None):
    """Summarises `input_path` into `output_path` with the package."""
    lines = sc.textFile(input_path, minPartitions=partitions or sc.defaultParallelism)
    summaries = lines.mapPartitions(lambda part: summarize_lines(part, sentences))
    summaries.saveAsTextFile(output_path)
    return summaries


def main():
    parser = argparse.ArgumentParser(description="excerpt summaries on Spark, with the Python package")
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--sentences", type=int, default=3)
    args = parser.parse_args()
    sc = SparkContext(appName="excerpt-summarize-package")
    try:
        run(sc, args.input, args.output, args.sentences)
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
