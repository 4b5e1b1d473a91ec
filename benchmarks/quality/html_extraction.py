"""Main-text and date quality of Parley's HTML reader on the shared evaluation pages.

Usage: python benchmarks/quality/html_extraction.py [HTML_EVAL_DIR] [--out out.jsonl]

Reads every page listed in ``gold.jsonl`` with ``parley.ingest.read_inputs`` (as
``parley analyze`` does), writes one contract-shaped line per page and scores it with
``shared/tools/score_html.py``: token F1 against gold_text, must/must-not snippets, date
accuracy. Floors (issue #6): 0.94 / 0.95 / 0.90; trafilatura 2.3.1 alone: 0.948 / 0.959 / 0.926.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from parley.ingest import read_inputs
from parley.model import Article

HERE = Path(__file__).resolve()
SHARED = Path(os.environ.get("PARLEY_SHARED", HERE.parents[2] / ".." / "shared"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("eval_dir", nargs="?", default=str(SHARED / "corpora" / "html_eval"))
    ap.add_argument("--out", help="where to write the extracted pages (default: a temporary "
                    "file; the pages are publishers' text and stay out of the repository)")
    args = ap.parse_args(argv)
    if args.out is None:
        args.out = str(Path(tempfile.gettempdir()) / "parley_html_extraction_out.jsonl")
    eval_dir = Path(args.eval_dir)
    gold_path = eval_dir / "gold.jsonl"
    if not gold_path.exists():
        print(f"no gold file at {gold_path}; pass the html_eval directory", file=sys.stderr)
        return 2
    gold = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    started = time.perf_counter()
    sources: Counter[str] = Counter()
    with open(args.out, "w", encoding="utf-8") as out:
        for g in gold:
            path = str(eval_dir / g["html_file"])
            for item in read_inputs([path]):
                if isinstance(item, Article):
                    sources[dict(item.meta).get("date_source", "none")] += 1
                    row = {"id": item.id, "title": item.title, "url": item.url,
                           "date": item.date, "text": item.text, "rejection": None}
                else:
                    row = {"id": item.input, "title": None, "url": None, "date": None,
                           "text": "", "rejection": item.to_dict()}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - started
    scorer = SHARED / "tools" / "score_html.py"
    result = subprocess.run([sys.executable, str(scorer), str(gold_path), args.out],
                            capture_output=True, text=True, check=False)
    print(result.stdout.strip())
    if result.returncode:
        print(result.stderr, file=sys.stderr)
    print(f"pages/s={len(gold) / seconds:.1f} seconds={seconds:.1f}")
    print("date sources: " + ", ".join(f"{k}={v}" for k, v in sources.most_common()))
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
