"""The only package that loads spaCy models; converts a parse into our own records."""

from parley.nlp.pipeline import NLPStage, load_nlp

__all__ = ["NLPStage", "load_nlp"]
