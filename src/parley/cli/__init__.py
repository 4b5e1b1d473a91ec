"""Command-line faces: one module per verb, a thin layer over the library."""
