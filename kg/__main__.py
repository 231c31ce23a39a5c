"""``python -m kg``."""

from .cli import cli

cli(prog_name="kg")
