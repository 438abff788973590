#!/usr/bin/env bash
# Builds every fuzz target once, then fuzzes each for SECS seconds (default
# 300), JOBS at a time (default 1), at the lowest CPU priority, with the
# working corpus in corpus-work/TARGET; logs in logs/TARGET.log, wall-clock
# start and end in logs/runs.txt, crashes in artifacts/TARGET/.
# Usage: [JOBS=2] fuzz/run-all.sh [SECS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-300}
shift || true
jobs=${JOBS:-1}
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(segment summarize read_xliff12 read_xliff2 read_tmx read_po read_tsv merge)
mkdir -p logs
nice -n 19 cargo +nightly fuzz build > logs/build.txt 2>&1 || { echo "build failed: fuzz/logs/build.txt" >&2; exit 1; }
bin=target/x86_64-unknown-linux-gnu/release
one() {
    local t=$1
    mkdir -p "corpus-work/$t" "corpus/$t" "artifacts/$t"
    echo "== $t start $(date -u +%FT%TZ) secs=$secs" >> logs/runs.txt
    nice -n 19 "$bin/$t" "corpus-work/$t" "corpus/$t" \
        -artifact_prefix="artifacts/$t/" -max_total_time="$secs" -timeout=10 \
        -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 > "logs/$t.log" 2>&1
    local rc=$?
    echo "== $t end $(date -u +%FT%TZ) rc=$rc" >> logs/runs.txt
}
for t in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
    one "$t" &
done
wait
