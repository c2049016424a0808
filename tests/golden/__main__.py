"""``python -m tests.golden [--update] [CASE...]``: see tests/golden/__init__.py."""

from tests.golden import main

raise SystemExit(main())
