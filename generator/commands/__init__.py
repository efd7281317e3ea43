"""Thin CLI commands over the pipeline stages."""
