#!/usr/bin/env bash
# Prints a Markdown row per fuzz target from logs/TARGET.log (written by
# run-all.sh): seconds fuzzed, executions, executions per second, final
# coverage (cov: edges, ft: features), corpus files kept in corpus/, peak RSS.
cd "$(dirname "$0")"
for t in segment summarize read_xliff12 read_xliff2 read_tmx read_po read_tsv merge; do
    log="logs/$t.log"
    [ -f "$log" ] || continue
    done_line=$(grep -E "Done [0-9]+ runs" "$log" | tail -1)
    runs=$(grep -oE "number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$")
    eps=$(grep -oE "average_exec_per_sec: *[0-9]+" "$log" | grep -oE "[0-9]+$")
    rss=$(grep -oE "peak_rss_mb: *[0-9]+" "$log" | grep -oE "[0-9]+$")
    secs=$(echo "$done_line" | grep -oE "in [0-9]+ second" | grep -oE "[0-9]+")
    cov=$(grep -E "^#[0-9]+" "$log" | grep -oE "cov: [0-9]+ ft: [0-9]+" | tail -1)
    kept=$(ls "corpus/$t" 2>/dev/null | wc -l)
    crashes=$(ls "artifacts/$t" 2>/dev/null | wc -l)
    echo "| $t | ${secs:-?} | ${runs:-?} | ${eps:-?} | ${cov:-?} | $kept | ${rss:-?} | $crashes |"
done
