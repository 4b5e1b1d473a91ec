"""Helpers shared by tests (importable as ``support``; see pytest's ``pythonpath``)."""
