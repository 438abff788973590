"""Every call releases the GIL, and a batch is shared out among threads.

No wall-clock race between one and two threads (this machine's cores are
shared): instead, a Python thread keeps running while excerpt works (it
could not if excerpt held the GIL), and the batch's CPU time is spread over
more than one OS thread."""

import os
import sys
import threading
import time
from pathlib import Path

import pytest

import excerpt

from conftest import REPO

BOOKS = sorted((REPO / "corpus" / "books").glob("*.txt"))


def big_texts(min_bytes):
    texts = [p.read_bytes().decode("utf-8") for p in BOOKS]
    out = []
    while sum(map(len, out)) < min_bytes:
        out.extend(texts)
    return out


def longest_pause_of_python(work):
    """Runs `work` in a thread while this thread counts; returns the longest
    time this thread could not run during the call, and the call's length."""
    started = threading.Event()
    span = {}

    def worker():
        started.set()
        span["start"] = time.perf_counter()
        work()
        span["end"] = time.perf_counter()

    old = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    try:
        thread = threading.Thread(target=worker)
        beats = []
        thread.start()
        started.wait()
        while thread.is_alive():
            beats.append(time.perf_counter())
        thread.join()
    finally:
        sys.setswitchinterval(old)
    inside = [b for b in beats if span["start"] <= b <= span["end"]]
    edges = [span["start"], *inside, span["end"]]
    longest = max(b - a for a, b in zip(edges, edges[1:]))
    return longest, span["end"] - span["start"]


def sized(call, texts):
    """`call` on enough of `texts` to take at least 0.4 s, the list repeated
    if it is too short for that (a faster build must not make the measure
    below too short to mean anything)."""
    n = 1
    while True:
        batch = (texts * (n // len(texts) + 1))[:n]
        t0 = time.perf_counter()
        call(batch)
        if time.perf_counter() - t0 >= 0.4 or n >= 8 * len(texts):
            return lambda: call(batch)
        n *= 2


TEXTS = None


def texts():
    global TEXTS
    if TEXTS is None:
        TEXTS = big_texts(24_000_000)
    return TEXTS


CALLS = {
    "segment": lambda ts: [excerpt.segment(t) for t in ts],
    "segment_batch": lambda ts: excerpt.segment_batch(ts),
    "summarize": lambda ts: [excerpt.summarize(t) for t in ts],
    "summarize_batch": lambda ts: excerpt.summarize_batch(ts),
    "to_xliff": lambda ts: [excerpt.to_xliff(t) for t in ts],
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_python_runs_while_excerpt_works(name):
    # Each call spends most of its time without the GIL: while it works on a
    # large text, another Python thread is never stopped for long. (Building
    # the result objects takes the GIL again, briefly.)
    work = sized(CALLS[name], texts())
    longest, duration = longest_pause_of_python(work)
    assert duration >= 0.2
    assert longest < 0.5 * duration, (name, longest, duration)


def test_the_measure_sees_a_held_gil():
    # The control: sorting a large list holds the GIL throughout, and the
    # measure above says so.
    import random

    data = [random.random() for _ in range(1_500_000)]
    longest, duration = longest_pause_of_python(lambda: sorted(data))
    assert longest >= 0.5 * duration


def thread_cpu_seconds():
    """CPU time of each OS thread of this process, by thread id (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        out[task.name] = (int(fields[11]) + int(fields[12])) / tick
    return out


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two cores")
@pytest.mark.parametrize("name", ["segment_batch", "summarize_batch"])
def test_a_batch_runs_on_more_than_one_thread(name):
    call = CALLS[name]
    call(texts()[:2])  # the thread pool is started
    work = sized(call, texts())
    before = thread_cpu_seconds()
    caller = threading.get_native_id()
    work()
    after = thread_cpu_seconds()
    used = {
        tid: after[tid] - before.get(tid, 0.0)
        for tid in after
        if tid != str(caller)
    }
    total = sum(used.values())
    busy = [tid for tid, cpu in used.items() if cpu >= 0.1 * total]
    assert total > 0
    assert len(busy) >= 2, used
