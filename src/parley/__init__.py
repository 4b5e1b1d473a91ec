"""Parley: evidence-linked political event data from news.

``from parley import Parley`` is the Python API (``parley.facade``): ``Parley().analyze(inputs)``
yields contract records, ``Parley().ingest(inputs, db=...)`` stores them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Parley", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:
    from parley.facade import Parley


def __getattr__(name: str) -> Any:
    # loaded on first use, so that `import parley` (and the CLI's start) stays light
    if name == "Parley":
        from parley.facade import Parley

        return Parley
    raise AttributeError(f"module 'parley' has no attribute {name!r}")
