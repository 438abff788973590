"""Shared fixtures: the repository, its corpus and the excerpt command line
the package is compared with."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = sorted(
    p
    for p in (REPO / "corpus").rglob("*")
    if p.is_file() and p.name != ".gitattributes"
)


def excerpt_bin() -> Path:
    """The command line to compare with: $EXCERPT_BIN, else the workspace's
    release build, else its debug build."""
    if os.environ.get("EXCERPT_BIN"):
        return Path(os.environ["EXCERPT_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    for profile in ("release", "debug"):
        candidate = target / profile / "excerpt"
        if candidate.exists():
            return candidate
    raise RuntimeError(
        "no excerpt binary: build it (cargo build --release) or set EXCERPT_BIN"
    )


@pytest.fixture(scope="session")
def cli():
    """Runs the command line; returns its standard output as bytes."""
    binary = excerpt_bin()

    def run(*args, stdin=None):
        done = subprocess.run(
            [str(binary), *map(str, args)],
            input=stdin,
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(
                f"excerpt {' '.join(map(str, args))} failed: {done.stderr.decode()}"
            )
        return done.stdout

    run.binary = binary
    return run


@pytest.fixture(scope="session")
def cli_json(cli):
    """Runs the command line; returns its JSON Lines output, parsed."""

    def run(*args):
        return [json.loads(line) for line in cli(*args).splitlines() if line]

    return run
