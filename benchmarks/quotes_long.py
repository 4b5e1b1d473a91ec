"""Quote-stage speed on long articles: time per token must not grow with the article's length.

    python benchmarks/quotes_long.py [--sizes 25,100,400]

Builds synthetic articles of N paragraphs of reported speech (indirect, direct and "according
to" paragraphs, our own sentences), parses each once and times only the quote finder
(``parley.quotes.stage.find_candidates``; best of three). Prints tokens, milliseconds and
microseconds per token for each size; with a linear finder the last column stays flat
(issue 9: a finder that rebuilds ``doc.text`` per candidate grows with the length).
"""

from __future__ import annotations

import argparse
import time

PARAGRAPHS = (
    "The minister said on Monday that the talks would resume after the holiday, and added "
    "that both delegations had agreed to meet in Geneva.",
    "“We are ready to sign,” the envoy told reporters. “The rest is up to them.”",
    "Officials maintained that the border would stay closed, according to local media.",
    "The union accused the company of cutting wages and warned that a strike could follow.",
)


def article(n: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25,100,400")
    args = parser.parse_args()
    from parley.nlp.pipeline import load_nlp
    from parley.quotes.stage import find_candidates

    nlp = load_nlp()
    print(f"{'paragraphs':>10} {'tokens':>8} {'quotes':>7} {'ms':>9} {'us/token':>9}")
    for n in (int(s) for s in args.sizes.split(",")):
        doc = nlp(article(n))
        best = float("inf")
        found = 0
        for _ in range(3):
            t0 = time.perf_counter()
            found = len(find_candidates(doc))
            best = min(best, time.perf_counter() - t0)
        print(f"{n:>10} {len(doc):>8} {found:>7} {best * 1000:>9.1f} {best * 1e6 / len(doc):>9.2f}")


if __name__ == "__main__":
    main()
