"""The window: the Qt layer on top of the core (never writes SQL)."""
