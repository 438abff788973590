#!/usr/bin/env bash
# Runs each fuzz target in turn for SECS seconds (default 300) on one core,
# with the working corpus in corpus-work/TARGET; logs in logs/TARGET.log.
# Usage: fuzz/run-all.sh [SECS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(segment summarize read_xliff12 read_xliff2 read_tmx read_po read_tsv merge)
mkdir -p logs
for t in "${targets[@]}"; do
    mkdir -p "corpus-work/$t" "corpus/$t"
    start=$(date -u +%FT%TZ)
    echo "== $t start $start secs=$secs" >> logs/runs.txt
    cargo +nightly fuzz run "$t" "corpus-work/$t" "corpus/$t" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -print_final_stats=1 > "logs/$t.log" 2>&1
    rc=$?
    echo "== $t end $(date -u +%FT%TZ) rc=$rc" >> logs/runs.txt
done
