"""Dyad plots (matplotlib, no display): events each way as bars, net cooperation as lines."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from parley.errors import ConfigError

FORMATS = ("png", "svg")


def plot_dyad(series: dict[str, Any], fmt: str = "png", title: str | None = None) -> bytes:
    if fmt not in FORMATS:
        raise ConfigError(f"plot format {fmt!r}: expected png or svg")
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    a, b = series["a"], series["b"]
    periods = series["periods"]
    x = list(range(len(periods)))
    fig = Figure(figsize=(8, 4.2), dpi=100)
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [1, 1]})
    ab = [p["a_to_b"]["events"] for p in periods]
    ba = [p["b_to_a"]["events"] for p in periods]
    top.bar(x, ab, color="#3465a4", label=f"{a} → {b}")
    top.bar(x, ba, bottom=ab, color="#f57900", label=f"{b} → {a}")
    top.set_ylabel("events")
    top.legend(loc="upper left", fontsize=8, frameon=False)
    bottom.axhline(0, color="#888", linewidth=0.8)
    bottom.plot(x, [p["a_to_b"]["net_cooperation"] for p in periods], color="#3465a4",
                marker="o", markersize=3, label=f"{a} → {b}")
    bottom.plot(x, [p["b_to_a"]["net_cooperation"] for p in periods], color="#f57900",
                marker="o", markersize=3, label=f"{b} → {a}")
    bottom.set_ylabel("net cooperation")
    step = max(1, len(periods) // 8)
    bottom.set_xticks(x[::step], [p["start"] for p in periods][::step], fontsize=7)
    fig.suptitle(title or f"{a} and {b}, by {series['by']}", fontsize=10)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return buf.getvalue()


def write_plot(series: dict[str, Any], path: str | Path, title: str | None = None) -> Path:
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ConfigError(f"--plot {str(path)!r}: the file must end in .png or .svg")
    path.write_bytes(plot_dyad(series, fmt, title))
    return path
