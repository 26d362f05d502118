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
import json
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from graphkit.backends import Neo4jSettings, QueryResult, open_backend
from graphkit.errors import GraphkitError
from graphkit.values import to_plain

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


# Options every command that can work on Neo4j shares (`--neo4j` plus connection settings).
Neo4jFlag = Annotated[bool, typer.Option("--neo4j", help="Use a Neo4j database instead of a graph file.")]
UriOption = Annotated[str | None, typer.Option(
    "--uri", help="Neo4j URI (bolt://, neo4j://, neo4j+s://); default $NEO4J_URI or bolt://localhost:7687.")]
UserOption = Annotated[str | None, typer.Option("--user", help="Neo4j user; default $NEO4J_USERNAME or neo4j.")]
PasswordOption = Annotated[str | None, typer.Option(
    "--password", help="Neo4j password; default $NEO4J_PASSWORD.")]
DatabaseOption = Annotated[str | None, typer.Option(
    "--database", help="Neo4j database; default $NEO4J_DATABASE or the server's default.")]
ParamOption = Annotated[list[str] | None, typer.Option(
    "--param", "-p", help="Query parameter as key=value; the value is read as JSON when it parses (42, "
                          "true, [1,2]), else as a string. Repeat for several.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def neo4j_settings(use_neo4j: bool, uri: str | None, user: str | None, password: str | None,
                   database: str | None) -> Neo4jSettings | None:
    """Return Neo4j settings when ``--neo4j`` (or any connection option) was given, else None."""
    if not (use_neo4j or uri):
        return None
    return Neo4jSettings.from_options(uri=uri, user=user, password=password, database=database)


def parse_parameters(items: list[str] | None) -> dict[str, Any]:
    """Return ``key=value`` items as a parameter dict; values are JSON when they parse.

    >>> parse_parameters(["name=Alibaba", "limit=5", "tags=[\\"a\\"]"])
    {'name': 'Alibaba', 'limit': 5, 'tags': ['a']}
    """
    parameters: dict[str, Any] = {}
    for item in items or []:
        key, separator, raw = item.partition("=")
        if not separator or not key.strip():
            raise GraphkitError(f"--param {item!r}: expected key=value")
        try:
            parameters[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            parameters[key.strip()] = raw
    return parameters


def print_result(result: QueryResult, as_json: bool) -> None:
    """Print a query result as a rich table, or as JSON records."""
    if as_json:
        print(json.dumps([to_plain(record) for record in result.records()], ensure_ascii=False, indent=1))
        return
    table = Table(*result.columns, show_lines=False)
    for row in result.rows:
        table.add_row(*(Text(format_value(value)) for value in row))
    console.print(table)
    console.print(f"{len(result.rows)} row(s)", style="dim")


def format_value(value: Any) -> str:
    """Return a short, readable rendering of a result value for a table cell."""
    plain = to_plain(value)
    return plain if isinstance(plain, str) else json.dumps(plain, ensure_ascii=False)


@command("query")
def query_command(
    arguments: Annotated[list[str], typer.Argument(
        help="[GRAPH_FILE] QUERY: a graph file and a Cypher query; with --neo4j just the query.",
        metavar="[GRAPH_FILE] QUERY")],
    param: ParamOption = None,
    as_json: JsonFlag = False,
    use_neo4j: Neo4jFlag = False,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """Run a Cypher query on a graph file (embedded engine) or on Neo4j, and print the rows."""
    settings = neo4j_settings(use_neo4j, uri, user, password, database)
    if settings is None and len(arguments) != 2:
        raise GraphkitError("query: give a graph file and a query, or --neo4j and a query")
    if settings is not None and len(arguments) != 1:
        raise GraphkitError("query: with --neo4j give only the query (the graph file would be ignored)")
    graph_file = arguments[0] if settings is None else None
    backend = open_backend(graph_file, settings)
    try:
        result = backend.run(arguments[-1], parse_parameters(param))
    finally:
        backend.close()
    print_result(result, as_json)
