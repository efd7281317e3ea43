"""Benchmarks: build cost against plain mkdocs-material and the parsing floor (``benchmarks/run``)."""
