#!/usr/bin/env bash
# The Python package and the Spark jobs: install the package the way the
# README says (pip install ./python, which builds the wheel once) into a
# fresh virtual environment, with pytest and PySpark, and run python/tests,
# the Spark test included. Compares with the workspace's own binary (see
# below) and needs ../shared beside the project.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

PYTHON=${PYTHON:-python3}
"$PYTHON" -c 'import sys; assert sys.version_info >= (3, 9), sys.version'

# Java for Spark: from Debian's packages when the machine has none.
if ! command -v java >/dev/null 2>&1; then
    echo "no java: installing a JRE from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
fi
java -version 2>&1 | head -1

# The command line the package is compared with: the release binary when
# one newer than every source is there (the benches' build leaves one), else
# the debug one (a no-op after cargo test).
target=${CARGO_TARGET_DIR:-$PWD/target}
if [ -x "$target/release/excerpt" ] &&
    [ -z "$(find crates Cargo.toml Cargo.lock -newer "$target/release/excerpt" -print -quit)" ]; then
    export EXCERPT_BIN=$target/release/excerpt
else
    cargo build -q --bin excerpt
    export EXCERPT_BIN=$target/debug/excerpt
fi
echo "command line: $EXCERPT_BIN"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
venv=$work/venv
"$PYTHON" -m venv "$venv"
# pytest and PySpark (a large source package) are downloaded and made into
# wheels while the package's wheel builds, then installed from there.
"$venv/bin/pip" wheel -q -w "$work/wheels" pytest 'pyspark>=4,<5' &
deps=$!
# The wheel's own cargo build keeps its target folder inside python/.
env -u CARGO_TARGET_DIR "$venv/bin/pip" install -q ./python
wait "$deps"
"$venv/bin/pip" install -q --no-index --find-links "$work/wheels" pytest 'pyspark>=4,<5'
echo "installed in $((SECONDS - start)) s"

# From outside python/, so that `import excerpt` is the installed package.
cd "$work"
EXCERPT_REQUIRE_SPARK=1 "$venv/bin/python" -m pytest -q -p no:cacheprovider \
    "$OLDPWD/python/tests"
echo "python.sh took $((SECONDS - start)) s"
