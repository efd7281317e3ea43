"""``sync``: bring local tutorials up to date with their upstream, never breaking a good copy.

sources (what to fetch) -> fetch (conditional HTTP) -> accept (is it a readable
tutorial?) -> atomic (write) -> run (one outcome per source, with its step diff).
"""
