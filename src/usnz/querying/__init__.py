"""The dataset and its queries: indexes built once, every query, the packaged data.

Internal: import from ``usnz`` itself; these modules may change.
"""
