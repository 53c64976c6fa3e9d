"""The model: value types, record kinds, errors and the country table. Imports nothing else of usnz.

Internal: import from ``usnz`` itself; these modules may change.
"""
