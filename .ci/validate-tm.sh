#!/usr/bin/env bash
# Checks the translation files `excerpt segment` writes with third-party readers
# (../shared/tm/validate.sh: xmllint + DTD/XSD, JDK Xerces, xmlschema, the XLIFF 2.1
# Schematron, Translate Toolkit, OmegaT 3.6, msgfmt) and that identity merges rebuild
# the original byte for byte.
#
# Inputs: every corpus/**/*.txt and tests/data/tm/*.txt, and the HTML and Markdown
# documents of corpus/ (read with --input auto: their markup is inline codes, so they
# are checked without --expect, as --protect files are). Formats: tmx, xliff 1.2, 2.0,
# 2.1, po, tsv, each bilingual (--target source); the hand-written files also
# source-only and with --protect. Run `bash ../shared/tm/setup.sh` first.
#
# --expect gets the segments from `excerpt segment --format jsonl`, as each format
# carries them (documented in crates/tm/src/lib.rs):
#   * XML formats: a character XML 1.0 forbids is an inline code with no text, so the
#     readers see the segment without it;
#   * TSV: the cell escapes \\ \t \n \r (and forbidden characters as \u{XXXX});
#   * PO: the exact segment.
# Reader quirks that no file can avoid, for which the file is checked without --expect
# (every other check still runs, and a NOTE line says why):
#   * Translate Toolkit reads gettext's octal escapes as digits: PO holding characters
#     XML 1.0 forbids;
#   * Translate Toolkit reads a msgid that starts with `_:` as a KDE context comment:
#     PO with such a segment;
#   * OmegaT's TMX reader normalises to NFC: TMX from an input that is not NFC.
# With --protect, protected spans are inline codes too; those files are checked
# without --expect.
set -uo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED_TM:-../shared/tm}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# The debug build is the one `cargo test` already made; CI need not build
# the release profile a second time. VALIDATE_TM_PROFILE=release overrides.
PROFILE="${VALIDATE_TM_PROFILE:-debug}"
if [ "$PROFILE" = release ]; then cargo build --release -q || exit 1; else cargo build -q || exit 1; fi
EXCERPT="$PWD/target/$PROFILE/excerpt"
PY="$(command -v python3)"

RESULTS="$WORK/results"
: > "$RESULTS"
ok() { echo PASS >> "$RESULTS"; }
bad() { echo "FAIL $1" | tee -a "$RESULTS"; }
note() { echo "NOTE $1"; }

# expect FILE.jsonl MODE -> one JSON string per line, as MODE (xml|tsv|exact) carries it
expect() {
    "$PY" - "$1" "$2" <<'PYEOF'
import json, re, sys
path, mode = sys.argv[1], sys.argv[2]
bad = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
def tsv(s):
    out = []
    for c in s:
        out.append({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}.get(c)
                   or ("\\u{%04X}" % ord(c) if bad.match(c) else c))
    return "".join(out)
for line in open(path, encoding="utf-8"):
    t = json.loads(line)["text"]
    t = bad.sub("", t) if mode == "xml" else tsv(t) if mode == "tsv" else t
    print(json.dumps(t, ensure_ascii=False))
PYEOF
}

has_xml_invalid() {
    "$PY" -c 'import re,sys; sys.exit(0 if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", open(sys.argv[1], encoding="utf-8").read()) else 1)' "$1"
}

not_nfc() {
    "$PY" -c 'import unicodedata,sys; sys.exit(1 if unicodedata.is_normalized("NFC", open(sys.argv[1], encoding="utf-8").read()) else 0)' "$1"
}

kde_context() { # a segment (JSON lines) that starts with `_:`
    grep -q '"text":"_:' "$1"
}

validate() { # FILE EXPECT|- LABEL LOG
    local args=("$1" --quiet)
    [ "$2" != "-" ] && args+=(--expect "$2")
    if bash "$SHARED/validate.sh" "${args[@]}" > "$4" 2>&1; then
        ok
    else
        bad "$3: $(grep -E '^FAIL' "$4" | head -3 | tr '\n' ' ')"
    fi
}

# one INPUT LANG TARGET_MODE [extra segment args...]
one() {
    local input="$1" lang="$2" mode="$3"
    shift 3
    local jobdir="$WORK/job.$BASHPID"
    mkdir -p "$jobdir"
    local base="$jobdir/in" log="$jobdir/log" err="$jobdir/err"
    local tlang=de
    [ "$lang" = de ] && tlang=fr
    "$EXCERPT" segment --format jsonl --lang "$lang" "$input" -o "$base.jsonl" || { bad "$input: jsonl"; return; }
    expect "$base.jsonl" xml > "$base.xml.exp"
    expect "$base.jsonl" tsv > "$base.tsv.exp"
    expect "$base.jsonl" exact > "$base.exact.exp"
    local invalid=0 nfc=1 kde=0
    has_xml_invalid "$input" && invalid=1
    not_nfc "$input" && nfc=0
    kde_context "$base.jsonl" && kde=1
    local target=()
    [ "$mode" != none ] && target=(--target-lang "$tlang" --target "$mode")
    local protected=0
    [ $# -gt 0 ] && protected=1
    for spec in tmx:tmx:xml xliff-1.2:xlf:xml xliff-2.0:xlf:xml xliff-2.1:xlf:xml po:po:exact tsv:tsv:tsv; do
        IFS=: read -r fmt ext kind <<< "$spec"
        local args=(segment --lang "$lang" "${target[@]}" "$@")
        case "$fmt" in
            xliff-*) args+=(--format xliff --xliff-version "${fmt#xliff-}") ;;
            *) args+=(--format "$fmt") ;;
        esac
        local out="$base.$mode.$fmt.$ext"
        local label="$input [$fmt, target $mode${*:+, $*}]"
        if [ "$fmt" = tsv ] && [ "$mode" = none ]; then
            continue # TSV always has a target column
        fi
        # OmegaT 3.6 shows inline codes in XLIFF 1.2 targets as its own tags, which no
        # other reader does; XLIFF 1.2 with codes is checked source-only.
        if [ "$fmt" = xliff-1.2 ] && [ "$mode" != none ] && { [ $invalid = 1 ] || [ $protected = 1 ]; }; then
            continue
        fi
        if ! "$EXCERPT" "${args[@]}" "$input" -o "$out" 2> "$err"; then
            bad "$label: excerpt failed: $(cat "$err")"
            continue
        fi
        local exp="$base.$kind.exp"
        if [ $protected = 1 ]; then
            exp=-
        elif [ "$fmt" = po ] && [ $invalid = 1 ]; then
            exp=-; note "$label: checked without --expect (Translate Toolkit reads octal escapes as digits)"
        elif [ "$fmt" = po ] && [ $kde = 1 ]; then
            exp=-; note "$label: checked without --expect (a segment starts with '_:', Translate Toolkit's KDE context)"
        elif [ "$fmt" = tmx ] && [ $nfc = 0 ]; then
            exp=-; note "$label: checked without --expect (input is not NFC; OmegaT normalises)"
        fi
        validate "$out" "$exp" "$label" "$log"
        if [ "$mode" = source ]; then
            if "$EXCERPT" merge --lang "$lang" "$@" "$input" "$out" -o "$base.back" 2> "$err" \
                && cmp -s "$input" "$base.back"; then
                ok
            else
                bad "$label: identity merge differs from the original $(head -c 300 "$err")"
            fi
        fi
    done
}

lang_of() { # corpus/de/x.txt -> de; anything else -> auto
    local dir
    dir="$(basename "$(dirname "$1")")"
    case "$dir" in
        [a-z][a-z]) echo "$dir" ;;
        *) echo auto ;;
    esac
}

# Two inputs at a time (the validators are mostly single-threaded JVM and Python).
JOBS="${VALIDATE_TM_JOBS:-2}"
spawn() {
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
    one "$@" &
}

mapfile -t corpus < <(find corpus -name '*.txt' | sort)
for input in "${corpus[@]}"; do
    spawn "$input" "$(lang_of "$input")" source
done
for input in tests/data/tm/*.txt; do
    spawn "$input" en source
    spawn "$input" en none
    spawn "$input" en empty
    spawn "$input" en source --protect urls,emails,numbers,tags
done
mapfile -t documents < <(find corpus -mindepth 2 \( -name '*.html' -o -name '*.xhtml' -o -name '*.md' \) | sort)
for input in "${documents[@]}"; do
    spawn "$input" "$(lang_of "$input")" source --input auto
    spawn "$input" "$(lang_of "$input")" none --input auto
done
spawn corpus/news/kim-putin-vladivostok.txt auto none
wait

passed=$(grep -c '^PASS' "$RESULTS")
failed=$(grep -c '^FAIL' "$RESULTS")
echo "validate-tm: $passed passed, $failed failed"
if [ "$failed" -gt 0 ]; then
    grep '^FAIL' "$RESULTS" | sed 's/^/  /'
    exit 1
fi
