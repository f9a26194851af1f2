"""PyInstaller entry point of the window program (a package module cannot be the script)."""
import sys

from cchc_desktop.gui.app import main

sys.exit(main())
