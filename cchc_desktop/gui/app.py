"""Entry point of the window program ``cchc-desktop [WORKSPACE]``."""
import sys


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--version":
        from .. import __version__
        print(f"cchc-desktop {__version__}")
        return 0
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel("CCHC Desktop")
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
