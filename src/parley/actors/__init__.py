"""Actors: the knowledge base, mention finding, resolution and coreference."""
