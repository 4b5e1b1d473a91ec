"""Analysis across stored articles, over the store's Reader: dyads over time, the signed
alignment network, issue positions, alerts, and the actor brief. Every function returns
plain records (dicts and lists, JSON-ready) with ``to_pandas()`` where pandas is installed."""

from parley.analysis.alerts import alerts
from parley.analysis.brief import brief
from parley.analysis.dyad import dyad
from parley.analysis.network import network
from parley.analysis.positions import positions, s_score

__all__ = ["alerts", "brief", "dyad", "network", "positions", "s_score"]
