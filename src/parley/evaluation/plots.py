"""Plots of event scores: per-type F1 bars and the confusion matrix, in one image.

Uses matplotlib's object API with the Agg canvas (no pyplot, no display, no global backend
switch), so it is safe in servers and tests. The file format follows the suffix.
"""

from __future__ import annotations

import logging
from pathlib import Path

from parley.errors import ConfigError
from parley.evaluation.events import NONE, EventScores

logger = logging.getLogger(__name__)

FORMATS = (".png", ".svg", ".pdf")


def plot_events(scores: EventScores, path: str | Path, title: str = "") -> Path:
    """Write the per-type F1 bar chart and the confusion matrix to ``path``."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise ConfigError(
            f"cannot write a plot to {str(path)!r}: the suffix {path.suffix!r} is not one of "
            f"{', '.join(FORMATS)}; name the file e.g. 'events.png'"
        )
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    types = list(scores.per_type)
    labels = sorted({t for pair in scores.confusion for t in pair} - {NONE}) + [NONE]
    index = {t: i for i, t in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for (g, p), n in scores.confusion.items():
        matrix[index[g]][index[p]] = n

    fig = Figure(figsize=(13, 5.5), layout="constrained")
    FigureCanvasAgg(fig)
    bars, heat = fig.subplots(1, 2, width_ratios=[1, 1.3])
    f1 = [scores.per_type[t].f1 for t in types]
    support = [scores.per_type[t].tp + scores.per_type[t].fn for t in types]
    bars.barh(types, f1, color="#4c72b0")
    for y, (value, n) in enumerate(zip(f1, support, strict=True)):
        bars.text(min(value + 0.01, 0.9), y, f"{value:.2f} (n={n})", va="center", fontsize=8)
    bars.set_xlim(0, 1)
    bars.invert_yaxis()
    bars.set_xlabel("F1 (type level)")
    bars.set_title(f"per-type F1; overall {scores.type.f1:.3f}, "
                   f"with actors {scores.with_actors.f1:.3f}")

    image = heat.imshow(matrix, cmap="Blues")
    heat.set_xticks(range(len(labels)), labels, rotation=60, ha="right", fontsize=8)
    heat.set_yticks(range(len(labels)), labels, fontsize=8)
    heat.set_xlabel("predicted")
    heat.set_ylabel("gold")
    heat.set_title("event types ('-' = none)")
    top = max((max(row) for row in matrix), default=0)
    for i, row in enumerate(matrix):
        for j, n in enumerate(row):
            if n:
                heat.text(j, i, str(n), ha="center", va="center", fontsize=7,
                          color="white" if n > top / 2 else "black")
    fig.colorbar(image, ax=heat, shrink=0.8)
    if title:
        fig.suptitle(title)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    logger.info("wrote event plot %s", path)
    return path
