"""PyInstaller entry point of the ``cchc`` command line."""
import sys

from cchc_desktop.cli import main

sys.exit(main())
