"""``python -m ruydad.cli``: the same as the ``ruydad`` console script."""

from ruydad.cli.app import main

main()
