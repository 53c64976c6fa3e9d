"""The faces: records as text and HTML, frames' columns, citing, verifying quotes.

Internal: import from ``usnz`` itself; these modules may change.
"""
