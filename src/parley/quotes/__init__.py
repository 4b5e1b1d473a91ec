"""Quotes and stances: who said what, and who stands where on which issue."""

from parley.quotes.stage import QuoteStage

__all__ = ["QuoteStage"]
