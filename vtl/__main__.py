"""``python -m vtl``: the same as the ``vtl`` command."""

from .cli import main

raise SystemExit(main())
