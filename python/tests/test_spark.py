"""The two Spark jobs of examples/spark on local[2], over 1,000 records made
from the Gutenberg books in ../shared: both write, record for record, what
`excerpt summarize --jsonl` writes.

Skipped when PySpark or Java is missing, unless EXCERPT_REQUIRE_SPARK=1
(as in CI), which makes that a failure."""

import json
import os
import shutil
import sys
import time

import pytest

from conftest import REPO

SPARK_DIR = REPO / "examples" / "spark"
BOOKS = REPO.parent / "shared" / "corpus" / "gutenberg"
REQUIRED = os.environ.get("EXCERPT_REQUIRE_SPARK") == "1"

if REQUIRED:
    import pyspark  # noqa: F401

    assert shutil.which("java"), "EXCERPT_REQUIRE_SPARK=1 but no java on PATH"
else:
    pytest.importorskip("pyspark")
    if not shutil.which("java"):
        pytest.skip("no Java", allow_module_level=True)

sys.path.insert(0, str(SPARK_DIR))
import make_corpus  # noqa: E402
import summarize_package  # noqa: E402
import summarize_pipe  # noqa: E402


@pytest.fixture(scope="module")
def sc():
    from pyspark import SparkConf, SparkContext

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("excerpt-test")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
    )
    context = SparkContext(conf=conf)
    context.setLogLevel("ERROR")
    # the package job's module, as --py-files ships it to executors
    context.addPyFile(str(SPARK_DIR / "summarize_package.py"))
    yield context
    context.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    records = make_corpus.build(BOOKS, records=1000, chars=5000)
    assert len(records) == 1000
    path = tmp_path_factory.mktemp("spark") / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def expected(cli, corpus):
    return cli("summarize", "--jsonl", corpus).decode("utf-8").splitlines()


def read_output(folder):
    lines = []
    for part in sorted(folder.glob("part-*")):
        lines.extend(part.read_text(encoding="utf-8").splitlines())
    return lines


def report(name, corpus, seconds):
    size = corpus.stat().st_size / 1e6
    print(f"\n{name}: 1000 records, {size:.1f} MB in {seconds:.1f} s on local[2]: "
          f"{1000 / seconds:.0f} records/s, {size / seconds:.2f} MB/s")


def same_records(got, expected):
    assert len(got) == len(expected) == 1000
    for n, (g, e) in enumerate(zip(got, expected)):
        assert g == e, f"record {n} differs"
    assert all(json.loads(line)["summary"] for line in got[:50])


def test_pipe_job_writes_what_the_command_line_writes(sc, cli, corpus, expected, tmp_path):
    sc.addFile(str(cli.binary))
    out = tmp_path / "pipe"
    start = time.perf_counter()
    summarize_pipe.run(sc, str(corpus), str(out), binary=str(cli.binary))
    report("RDD.pipe through the binary", corpus, time.perf_counter() - start)
    assert (out / "_SUCCESS").exists()
    same_records(read_output(out), expected)


def test_package_job_writes_what_the_command_line_writes(sc, corpus, expected, tmp_path):
    out = tmp_path / "package"
    start = time.perf_counter()
    summarize_package.run(sc, str(corpus), str(out))
    report("mapPartitions with the package", corpus, time.perf_counter() - start)
    assert (out / "_SUCCESS").exists()
    same_records(read_output(out), expected)


def test_package_job_honours_per_record_fields():
    lines = [
        json.dumps({"id": 1, "text": "The dam broke at dawn. Water reached the town by noon. Nobody was hurt.", "k": 1}),
        "",
        json.dumps({"id": "b", "text": "Le barrage a cédé à l'aube. L'eau a atteint la ville à midi.", "lang": "fr"}),
    ]
    out = [json.loads(x) for x in summarize_package.summarize_lines(iter(lines))]
    assert [o["id"] for o in out] == [1, "b"]
    assert len(out[0]["summary"]) == 1
    assert len(out[1]["summary"]) == 2
