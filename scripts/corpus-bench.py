#!/usr/bin/env python3
"""Corpus throughput of `excerpt summarize --jsonl`, one thread against two.

Runs the binary on a JSONL corpus (default: the Gutenberg books cut into
700-word documents by scripts/gutenberg-jsonl.py) ROUNDS times with
RAYON_NUM_THREADS=1 and =2, interleaved so that both see the same machine,
checks that both give byte-identical output, and prints wall-clock minimum and
median per thread count, documents per second and the two-thread speed-up.
On a shared virtual machine the minimum is the least disturbed run.

    python3 scripts/gutenberg-jsonl.py ../shared/corpus/gutenberg > /tmp/gutenberg.jsonl
    python3 scripts/corpus-bench.py /tmp/gutenberg.jsonl --rounds 7 --flags '--lang en'
"""
import argparse, hashlib, os, shlex, statistics, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("corpus")
ap.add_argument("--rounds", type=int, default=7)
ap.add_argument("--bin", default="target/release/excerpt")
ap.add_argument("--flags", default="", help="extra flags for `excerpt summarize --jsonl`, e.g. '--lang en'")
a = ap.parse_args()

docs = sum(1 for line in open(a.corpus, "rb") if line.strip())
times = {1: [], 2: []}
digests = set()
for r in range(a.rounds):
    for threads in ((1, 2) if r % 2 == 0 else (2, 1)):
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
        with open(a.corpus, "rb") as f:
            t0 = time.perf_counter()
            out = subprocess.run([a.bin, "summarize", "--jsonl", *shlex.split(a.flags)], stdin=f,
                                 stdout=subprocess.PIPE, env=env, check=True).stdout
            times[threads].append(time.perf_counter() - t0)
        digests.add(hashlib.sha256(out).hexdigest())
for threads, ts in times.items():
    print(f"{threads} thread(s): min {min(ts):.3f} s ({docs / min(ts):,.0f} docs/s), "
          f"median {statistics.median(ts):.3f} s, runs {' '.join(f'{t:.2f}' for t in sorted(ts))}")
print(f"speed-up 2 threads / 1: {min(times[1]) / min(times[2]):.2f} (minima), "
      f"{statistics.median(times[1]) / statistics.median(times[2]):.2f} (medians); "
      f"{docs} documents; outputs identical: {len(digests) == 1}")
sys.exit(0 if len(digests) == 1 else 1)
