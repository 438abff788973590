"""Spark job 1: summarise a JSON Lines corpus by piping each partition
through the `excerpt` binary (`excerpt summarize --jsonl`), shipped to the
executors with the job.

    spark-submit --master local[2] --files /path/to/excerpt \\
        summarize_pipe.py corpus.jsonl out/

Input lines are {"id", "text"} objects (optional "k", "lang", "title", as
the command line reads them); the output folder holds JSON Lines part files,
{"id", "summary": [...]}, in input order.
"""

import argparse
import os
import shlex

from pyspark import SparkContext, SparkFiles


def shipped(sc, name):
    """Where the executors find a file shipped with --files (or
    SparkContext.addFile): an executor fetches it into its working
    directory, which its Python workers share; in local mode the executor is
    the driver, which keeps such files in its own folder."""
    if sc.master.startswith("local"):
        return SparkFiles.get(name)
    return f"./{name}"


def run(sc, input_path, output_path, sentences=3, binary="excerpt", partitions=None):
    """Pipes `input_path` through `binary` (shipped with --files or
    SparkContext.addFile) and writes the summaries to `output_path`."""
    program = shipped(sc, os.path.basename(binary))
    lines = sc.textFile(input_path, minPartitions=partitions or sc.defaultParallelism)
    command = f"{shlex.quote(program)} summarize --jsonl --sentences {int(sentences)}"
    # checkCode: a failing binary fails the task instead of losing records
    summaries = lines.pipe(command, checkCode=True)
    summaries.saveAsTextFile(output_path)
    return summaries


def main():
    parser = argparse.ArgumentParser(description="excerpt summarize --jsonl on Spark, by RDD.pipe")
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument(
        "--binary",
        default="excerpt",
        help="the binary's file name as shipped with --files (default: excerpt)",
    )
    args = parser.parse_args()
    sc = SparkContext(appName="excerpt-summarize-pipe")
    try:
        if os.path.sep in args.binary:  # a local path: ship it from here
            sc.addFile(args.binary)
        run(sc, args.input, args.output, args.sentences, args.binary)
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
