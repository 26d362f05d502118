"""The ``graphkit`` command line: a thin typer layer over the library.

Each command parses its options, calls one library function, and prints (rich tables, progress
bars). User mistakes end in a one-line message and a non-zero exit status, never a traceback.

Exit status: 0 success; 1 the run finished but skipped some input; 2 error.

Examples
--------
>>> from typer.testing import CliRunner
>>> CliRunner().invoke(app, ["--help"]).exit_code
0
"""

from __future__ import annotations

import functools
from typing import Callable

import typer
from rich.console import Console

from graphkit.errors import GraphkitError

app = typer.Typer(
    name="graphkit",
    help="Turn news articles into an investor network; query, explore and view it.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
console = Console()
error_console = Console(stderr=True)

EXIT_SKIPPED = 1
EXIT_ERROR = 2


def command(*args, **kwargs) -> Callable:
    """Register a CLI command whose :class:`GraphkitError` becomes a one-line error and exit 2."""

    def register(function: Callable) -> Callable:
        @functools.wraps(function)
        def run(*call_args, **call_kwargs):
            try:
                return function(*call_args, **call_kwargs)
            except GraphkitError as error:
                error_console.print(f"error: {error}", markup=False, highlight=False, soft_wrap=True)
                raise typer.Exit(EXIT_ERROR) from None

        return app.command(*args, **kwargs)(run)

    return register
