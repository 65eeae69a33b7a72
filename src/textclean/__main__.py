"""``python -m textclean``: the same as the ``textclean`` command."""

import sys

from textclean.cli import main

sys.exit(main())
