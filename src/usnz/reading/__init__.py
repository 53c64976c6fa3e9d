"""Reading: the cattrs converter and the strict loader of data files (all problems at once).

Internal: import from ``usnz`` itself; these modules may change.
"""
