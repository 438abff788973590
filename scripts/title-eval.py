#!/usr/bin/env python3
"""Scores `excerpt summarize --jsonl` like ../shared/eval/summ/score.py (same
ROUGE, same over-budget count), with each record's title passed in the
"title" field (--title field), put as the text's first line (--title headline),
or left out (--title none). The official scorer passes no titles."""
import argparse, json, os, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval", "summ"))
import score as S  # noqa

ap = argparse.ArgumentParser()
ap.add_argument("--cmd", default="target/release/excerpt summarize --jsonl")
ap.add_argument("--set", required=True)
ap.add_argument("--title", choices=["none", "field", "headline"], default="field",
                help="none: no title; field: JSONL 'title' field; headline: title as the text's first line + blank line")
ap.add_argument("--limit", type=int, default=None)
ap.add_argument("--raw", default=None, help="save the command's raw stdout here")
ap.add_argument("--env", action="append", default=[])
a = ap.parse_args()

docs = S.load_set(a.set, a.limit)
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
    for d in docs:
        o = {"id": d["id"], "text": d["text"], "k": d.get("k", 3), "lang": d.get("lang", "en")}
        if a.title == "field" and d.get("title"):
            o["title"] = d["title"]
        elif a.title == "headline" and d.get("title"):
            o["text"] = d["title"] + "\n\n" + d["text"]
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
    inp = f.name
env = dict(os.environ)
for e in a.env:
    k, v = e.split("=", 1); env[k] = v
t0 = time.perf_counter()
with open(inp, "rb") as fin:
    p = subprocess.run(a.cmd, shell=True, stdin=fin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
wall = time.perf_counter() - t0
os.unlink(inp)
if p.returncode != 0:
    sys.stderr.write(p.stderr.decode()[-3000:]); raise SystemExit(p.returncode)
if a.raw:
    open(a.raw, "wb").write(p.stdout)
outs = {}
for line in p.stdout.decode().splitlines():
    if line.strip():
        o = json.loads(line); outs[str(o["id"])] = o.get("summary")
r = S.score(docs, outs, None)
L = r["lengths"]
print(f"{os.path.basename(a.set):14s} title={a.title:8s} {' '.join(a.env):30s} n={len(docs):5d}  R1 {r['rouge1']['f']:5.2f}  R2 {r['rouge2']['f']:5.2f}  "
      f"RL {r['rougeLsum']['f']:5.2f} | sents {L['sentences_mean']:.2f}/k {L['k_mean']:.2f} over {L['over_budget_docs']} empty {L['empty_docs']} | wall {wall:.1f}s")
