"""``python -m netcontract``."""

import sys

from netcontract.cli import main

sys.exit(main())
