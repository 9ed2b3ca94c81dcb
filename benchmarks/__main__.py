"""Entry point: ``python -m benchmarks [--quick] [--json] [--only SECTIONS]``."""

from .runner import main

raise SystemExit(main())
