import sys

from kinerja_desktop.cli import main

sys.exit(main())
