"""``python -m usnz``: the command line."""

from usnz.cli import main

raise SystemExit(main())
