"""The ``cchc`` command line: a thin layer over the core, one module per command.

Each module of :mod:`cchc_desktop.commands` defines ``HELP``, ``add_arguments(parser)``
and ``run(args) -> int``.  Errors the officer can fix are printed in Vietnamese on
stderr with a non-zero exit code; nothing is changed.
"""
from __future__ import annotations

import argparse
import importlib
import re
import sys

from . import __version__
from .commands import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from .store import WorkspaceError

# command name -> module under cchc_desktop.commands
COMMANDS = {
    "init": "init", "demo": "demo", "period": "period", "values": "values",
    "validate": "validate", "targets": "targets", "report": "report",
    "backup": "backup", "restore": "restore", "consolidate": "consolidate",
    "catalogue": "catalogue", "rules": "rules", "unit": "unit", "documents": "documents",
    "plan": "plan", "detail": "detail",
    "template": "template",
}


_ARGPARSE_VI = (
    (re.compile(r"the following arguments are required: (.+)"), r"thiếu \1"),
    (re.compile(r"argument (\S+): invalid choice: '?([^'\s]*)'? \(choose from (.+)\)"),
     r"\1: “\2” không có (chọn một trong: \3)"),
    (re.compile(r"argument (\S+): invalid int value: '?([^']*)'?"), r"\1: “\2” không phải số nguyên"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1 cần một giá trị"),
    (re.compile(r"unrecognized arguments: (.+)"), r"không hiểu: \1"),
)


class VietnameseParser(argparse.ArgumentParser):
    """argparse with its usage errors said in Vietnamese (exit code 2, nothing changed)."""

    def error(self, message):
        for pattern, repl in _ARGPARSE_VI:
            if pattern.search(message):
                message = pattern.sub(repl, message)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Lỗi: {message}. Xem “{self.prog} --help”.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(
        prog="cchc", description="CCHC Desktop: số liệu cải cách hành chính cấp xã từ dòng lệnh.")
    parser.add_argument("--version", action="version", version=f"cchc {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=VietnameseParser)
    for name, module in COMMANDS.items():
        mod = importlib.import_module(f".commands.{module}", __package__)
        p = sub.add_parser(name, help=mod.HELP, description=mod.HELP)
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def printable(text: str) -> str:
    """*text* as a console can print it: a file name that is not valid UTF-8 (its bytes kept
    as surrogates by Python) shows a � for each such byte instead of stopping the print."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _utf8_streams():
    # Windows consoles default to a legacy code page; Vietnamese needs UTF-8.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass


def main(argv=None) -> int:
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args._run(args) or EXIT_OK
    except WorkspaceError as exc:
        print(f"Lỗi: {printable(str(exc))}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:   # the output was piped into `head` or the like
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
