"""Ingest: files, corpora, web archives, feeds and URLs -> Article (or Rejection).

``read_inputs`` is what ``parley analyze`` reads; ``parley ingest`` adds WARC, feeds, URL
lists, fetching, de-duplication and language checks (see docs/ingest.md).
"""

from parley.ingest.readers import DEFAULT_MAX_BYTES, html_article, read_inputs

__all__ = ["DEFAULT_MAX_BYTES", "html_article", "read_inputs"]
