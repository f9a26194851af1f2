"""CCHC Desktop: the administrative-reform (CCHC) statistics of a commune, entered,
checked, printed and sent upward.

The package splits into a core that never imports Qt (``vnformat``, ``catalogue``,
``periods``, ``store``, ``rollup``, ``values_io``, ...) and the window in ``gui``.
"""
__version__ = "0.1.0"
APP_NAME = "CCHC Desktop"
