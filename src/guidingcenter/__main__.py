"""``python -m guidingcenter``: the command-line interface."""

import sys

from guidingcenter.cli import main

sys.exit(main())
