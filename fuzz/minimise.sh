#!/usr/bin/env bash
# Rewrites corpus/TARGET as the fewest files of corpus/TARGET and
# corpus-work/TARGET that keep every coverage edge: libFuzzer's set cover
# with -use_counters=0 (edges only, not hit-count buckets, which would keep
# several times as many files). Files named regression-* are always kept.
# Run after run-all.sh (it uses the binaries that builds).
# Usage: fuzz/minimise.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(segment summarize read_xliff12 read_xliff2 read_tmx read_po read_tsv merge)
bin=target/x86_64-unknown-linux-gnu/release
mkdir -p logs corpus-work
for t in "${targets[@]}"; do
    new="corpus-work/$t.minimised"
    rm -rf "$new"
    mkdir -p "$new" "corpus-work/$t"
    nice -n 19 "$bin/$t" -set_cover_merge=1 -use_counters=0 -timeout=10 \
        -rss_limit_mb=2048 -max_len=8192 "$new" "corpus/$t" "corpus-work/$t" \
        > "logs/minimise-$t.log" 2>&1
    find "corpus/$t" -name 'regression-*' -exec cp {} "$new/" \;
    rm -rf "corpus/$t"
    mv "$new" "corpus/$t"
    echo "$t: $(ls "corpus/$t" | wc -l) files, $(du -sb "corpus/$t" | cut -f1) bytes"
done
