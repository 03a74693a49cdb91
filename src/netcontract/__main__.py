"""``python -m netcontract``."""

import sys

from netcontract._cli import main

sys.exit(main())
