import sys

from twinning.scheduling.cli import main

sys.exit(main())
