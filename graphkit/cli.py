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
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer.core import TyperCommand

from graphkit.backends import Neo4jSettings, QueryResult, open_backend
from graphkit.errors import GraphkitError
from graphkit.values import to_plain

if TYPE_CHECKING:  # typer vendors its own click from 0.2x on; click is not a dependency of ours
    import click

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


def print_version(asked: bool) -> None:
    """Print graphkit's installed version and exit, for ``--version``."""
    if asked:
        from importlib.metadata import version

        print(f"graphkit {version('graphkit')}")
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[bool, typer.Option(
        "--version", callback=print_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Turn news articles into an investor network; query, explore and view it."""


def _argument_metavar(argument: click.Parameter) -> str:
    """Return how help shows an argument: its metavar, else its name in capitals (``GRAPH_FILE``)."""
    return argument.metavar or argument.name.upper()


class GraphkitCommand(TyperCommand):
    """A command whose help names arguments by their metavar (``PATH...``), not by their Python type.

    Options name their values with ``metavar=`` (``N``, ``PATH``, ``DATE``) where they are declared.
    """

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        """Return the usage line's pieces: [OPTIONS], then each argument by its metavar."""
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_metavar(param)
                pieces.append(name if param.required or name.startswith("[") else f"[{name}]")
        return pieces

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Write the Arguments and Options sections, arguments without a type after their name."""
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((_argument_metavar(param), record[1]))
            else:
                options.append(record)
        for title, records in (("Arguments", arguments), ("Options", options)):
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


def command(*args, **kwargs) -> Callable:
    """Register a CLI command whose :class:`GraphkitError` becomes a one-line error and exit 2."""

    def register(function: Callable) -> Callable:
        @functools.wraps(function)
        def run(*call_args, **call_kwargs):
            try:
                return function(*call_args, **call_kwargs)
            except GraphkitError as error:
                # One line, whatever the source: Neo4j's messages carry newlines and caret drawings.
                message = " ".join(line.strip() for line in str(error).splitlines() if line.strip(" ^"))
                error_console.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
                raise typer.Exit(EXIT_ERROR) from None

        return app.command(*args, cls=GraphkitCommand, **kwargs)(run)

    return register


# Options every command that can work on Neo4j shares (`--neo4j` plus connection settings).
Neo4jFlag = Annotated[bool, typer.Option("--neo4j", help="Use a Neo4j database instead of a graph file.")]
UriOption = Annotated[str | None, typer.Option(
    "--uri", metavar="URI",
    help="Neo4j URI (bolt://, neo4j://, neo4j+s://); default $NEO4J_URI or bolt://localhost:7687.")]
UserOption = Annotated[str | None, typer.Option(
    "--user", metavar="USER", help="Neo4j user; default $NEO4J_USERNAME or neo4j.")]
PasswordOption = Annotated[str | None, typer.Option(
    "--password", metavar="PASSWORD", help="Neo4j password; default $NEO4J_PASSWORD.")]
DatabaseOption = Annotated[str | None, typer.Option(
    "--database", metavar="DATABASE",
    help="Neo4j database; default $NEO4J_DATABASE or the server's default.")]
ParamOption = Annotated[list[str] | None, typer.Option(
    "--param", "-p", metavar="KEY=VALUE",
    help="Query parameter as key=value; the value is read as JSON when it parses (42, "
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
        help="A graph file and a Cypher query; with --neo4j just the query.",
        metavar="[GRAPH_FILE] QUERY")],
    param: ParamOption = None,
    as_json: JsonFlag = False,
    use_neo4j: Neo4jFlag = False,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """Run a Cypher query on a graph file (embedded engine) or on Neo4j, and print the rows.

    A write query (CREATE, MERGE, SET, DELETE, REMOVE) changes the graph file or the database when it
    completes, and says what it changed; a failed query leaves the file untouched.
    """
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
    changes = {name: count for name, count in result.counters.items() if count}
    if changes:
        written = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in changes.items())
        where = settings.uri if settings is not None else graph_file
        error_console.print(f"{where}: {written}", markup=False, highlight=False, soft_wrap=True)


# --- extract / build / stats / entities -------------------------------------------------------

ArticlePaths = Annotated[list[Path], typer.Argument(
    help="Article files or folders (folders are read recursively; hidden files skipped). Formats: "
         "front-matter Markdown, plain text, HTML, JSON, JSONL — told apart by content.",
    metavar="PATH...")]
WorkersOption = Annotated[int, typer.Option(
    "--workers", "-w", min=1, metavar="N",
    help="Processes extracting in parallel; the graph is the same for any number.")]
AliasesOption = Annotated[Path | None, typer.Option(
    "--aliases", metavar="FILE", help="YAML alias rules for entity resolution (see examples/aliases.yaml).")]
GraphFileArgument = Annotated[Path | None, typer.Argument(
    metavar="GRAPH_FILE",
    help="Graph file (node-link JSON) written by extract or build; leave out with --neo4j.")]


def run_extraction(paths: list[Path], workers: int, aliases: Path | None,
                   known_articles: dict | None = None) -> tuple[Any, Any]:
    """Extract a graph from ``paths`` with a progress bar; print each skipped file to stderr."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from graphkit.pipeline import extract_paths

    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    # Only a terminal gets the live bar; in a pipe or a log it would be noise around the summary.
    live = error_console.is_terminal
    with Progress(*columns, console=error_console, transient=True, disable=not live) as bar:
        task = bar.add_task("extract", total=None)
        graph, report = extract_paths(
            paths, workers=workers, rules=aliases, known_articles=known_articles,
            progress=lambda done, total: bar.update(task, completed=done, total=total))
    for skipped in report.skipped:
        error_console.print(f"skipped {skipped.path}: {skipped.reason}", markup=False, highlight=False,
                            soft_wrap=True)
    return graph, report


def print_run_summary(report: Any, graph_path: Path, graph: Any) -> None:
    """Print what a run read, how many files and records it skipped, and what the written graph holds."""
    records = sum(skipped.record for skipped in report.skipped)
    console.print(f"read {report.articles} article(s) from {report.files} file(s) in {report.seconds:.1f} s; "
                  f"skipped {len(report.skipped) - records} file(s) and {records} record(s) (named on stderr)",
                  markup=False, highlight=False, soft_wrap=True)
    if report.unchanged:
        console.print(f"{report.unchanged} article(s) already in {graph_path} left as they are",
                      markup=False, highlight=False, soft_wrap=True)
    labels = ", ".join(f"{label} {count}" for label, count in report.nodes_by_label.items()) or "none"
    types = ", ".join(f"{kind} {count}" for kind, count in report.edges_by_type.items()) or "none"
    console.print(f"extracted {report.nodes} node(s) ({labels}) and {report.edges} edge(s) ({types})",
                  markup=False, highlight=False, soft_wrap=True)
    console.print(f"wrote {graph_path}: {graph.number_of_nodes()} node(s), {graph.number_of_edges()} edge(s)",
                  markup=False, highlight=False, soft_wrap=True)


def write_outputs(graph: Any, graph_path: Path, view_path: Path | None = None) -> None:
    """Save the graph file (and the HTML view); a path that cannot be written is a one-line error."""
    from graphkit.errors import InputError
    from graphkit.graph import save_graph

    target = graph_path
    try:
        save_graph(graph, graph_path)
        if view_path is not None:
            from graphkit.viewer import write_view

            target = view_path
            write_view(graph, view_path)
    except OSError as error:
        raise InputError(target, f"cannot write ({error.strerror or error})") from None


def merge_into(stored: Any, graph: Any) -> Any:
    """Return ``stored`` with ``graph`` merged in, including the record of articles read."""
    from graphkit.graph import merge_graphs

    merge_graphs(stored, graph)
    stored.graph.setdefault("articles", {}).update(graph.graph.get("articles", {}))
    return stored


@command("extract")
def extract_command(
    paths: ArticlePaths,
    output: Annotated[Path, typer.Option(
        "--output", "-o", metavar="FILE", help="Graph file to write (node-link JSON).")] = Path("graph.json"),
    workers: WorkersOption = 1,
    aliases: AliasesOption = None,
    merge: Annotated[bool, typer.Option(
        "--merge", help="Merge into the existing graph file instead of replacing it.")] = False,
) -> None:
    """Extract an investor graph from articles and write it as a graph file.

    Exit status 0 when every file was read, 1 when some were skipped (each named on stderr),
    2 when nothing could be read.
    """
    from graphkit.graph import load_graph

    # Read the graph to merge into first: a bad file should stop the run before extraction.
    stored = load_graph(output) if merge and output.exists() else None
    known = stored.graph.get("articles", {}) if stored is not None else None
    graph, report = run_extraction(paths, workers, aliases, known)
    if stored is not None:
        graph = merge_into(stored, graph)
    write_outputs(graph, output)
    print_run_summary(report, output, graph)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)


@command("build")
def build_command(
    paths: ArticlePaths,
    out_dir: Annotated[Path, typer.Option(
        "--output", "-o", metavar="DIR", help="Folder for graph.json and graph.html.")] = Path("out"),
    workers: WorkersOption = 1,
    aliases: AliasesOption = None,
    use_neo4j: Annotated[bool, typer.Option(
        "--neo4j", help="Also load the graph into Neo4j (connection from the options below or NEO4J_*).")] = False,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """Extract a graph from articles, save OUT/graph.json and an offline HTML view OUT/graph.html."""
    settings = neo4j_settings(use_neo4j, uri, user, password, database)
    graph, report = run_extraction(paths, workers, aliases)
    graph_path, view_path = out_dir / "graph.json", out_dir / "graph.html"
    write_outputs(graph, graph_path, view_path)
    print_run_summary(report, graph_path, graph)
    console.print(f"wrote {view_path}: open it in a browser (works offline)", markup=False, highlight=False,
                  soft_wrap=True)
    if settings is not None:
        load_and_report(graph, settings, batch_size=5000)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def read_stored_graph(graph_file: Path | None, settings: Neo4jSettings | None) -> Any:
    """Return the whole graph from a graph file, or from Neo4j when settings are given."""
    if settings is None and graph_file is None:
        raise GraphkitError("give a graph file, or --neo4j")
    if settings is None:
        from graphkit.graph import load_graph

        return load_graph(graph_file)
    backend = open_backend(None, settings)
    try:
        return backend.read_graph()
    finally:
        backend.close()


def label_option(label: str | None) -> str | None:
    """Return a ``--label`` value as a graphkit label (case ignored); an unknown one is a one-line error."""
    from graphkit.model import parse_label

    if label is None:
        return None
    try:
        return parse_label(label)
    except ValueError as error:
        raise GraphkitError(f"--label {error}") from None


def counts_table(title: str, counts: dict[str, int], heading: str) -> Table:
    """Return a two-column table of counts."""
    table = Table(heading, "count", title=title, title_justify="left")
    for name, count in counts.items():
        table.add_row(Text(name), str(count))
    return table


@command("stats")
def stats_command(
    graph_file: GraphFileArgument = None,
    top: Annotated[int, typer.Option(
        "--top", min=0, metavar="N", help="How many of the best connected entities to list.")] = 10,
    as_json: JsonFlag = False,
    use_neo4j: Neo4jFlag = False,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """Print nodes by label, edges by type, the top entities by degree, and the article count."""
    from graphkit.graph_summary import graph_stats

    graph = read_stored_graph(graph_file, neo4j_settings(use_neo4j, uri, user, password, database))
    stats = graph_stats(graph, top=top)
    if as_json:
        print(json.dumps(stats, ensure_ascii=False, indent=1))
        return
    console.print(f"{stats['nodes']} node(s), {stats['edges']} edge(s), built from {stats['articles']} "
                  f"article(s)", markup=False, highlight=False, soft_wrap=True)
    console.print(counts_table("Nodes by label", stats["nodes_by_label"], "label"))
    console.print(counts_table("Edges by type", stats["edges_by_type"], "type"))
    table = Table("entity", "labels", "degree", title=f"Top {top} entities by degree", title_justify="left")
    for row in stats["top_entities"]:
        table.add_row(Text(row["name"]), Text(", ".join(row["labels"])), str(row["degree"]))
    console.print(table)


@command("entities")
def entities_command(
    graph_file: GraphFileArgument = None,
    label: Annotated[str | None, typer.Option(
        "--label", "-l",
        metavar="LABEL",
        help="Only entities with this label (case ignored): Company, Investor, Fund, Person, Organization.")] = None,
    as_json: JsonFlag = False,
    use_neo4j: Neo4jFlag = False,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """List every entity with labels, aliases and counts (mentions, articles, degree).

    Names merged that should not be, or one company under two names, show up here; fix them
    with an alias file (--aliases) and extract again.
    """
    from graphkit.graph_summary import entity_rows

    label = label_option(label)
    graph = read_stored_graph(graph_file, neo4j_settings(use_neo4j, uri, user, password, database))
    rows = entity_rows(graph, label)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    table = Table("name", "key", "labels", "aliases", "mentions", "articles", "degree")
    for row in rows:
        table.add_row(Text(row["name"]), Text(row["key"]), Text(", ".join(row["labels"])),
                      Text(", ".join(row["aliases"])), str(row["mentions"]), str(row["articles"]),
                      str(row["degree"]))
    console.print(table)
    console.print(f"{len(rows)} entit{'y' if len(rows) == 1 else 'ies'}", style="dim")


# ---- explore: investor questions on a graph file or on Neo4j (graphkit.explore) ----------------
ExploreGraphOption = Annotated[Path, typer.Option(
    "--graph", "-g", metavar="FILE",
    help="Graph file to explore; default out/graph.json, what `graphkit build` writes. "
         "Not used with --neo4j.")]
SinceOption = Annotated[str | None, typer.Option(
    "--since", metavar="DATE",
    help="Only relations dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD): the event date, "
         "else the date first reported; relations with neither are then excluded and counted.")]
UntilOption = Annotated[str | None, typer.Option(
    "--until", metavar="DATE",
    help="Only relations dated on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
EntityArgument = Annotated[str, typer.Argument(
    metavar="NAME",
    help="Entity name; case, corporate suffixes (Inc, Ltd, Group...) and aliases are resolved.")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N", help="How many rows to list.")]
DEFAULT_EXPLORE_GRAPH = Path("out/graph.json")


def explore(graph: Path, use_neo4j: bool, uri: str | None, user: str | None, password: str | None,
            database: str | None, ask: Callable[[Any], dict], render: Callable, as_json: bool) -> None:
    """Open the graph source, ask one question of an :class:`~graphkit.explore.Explorer`, print it."""
    from graphkit.errors import GraphFileError
    from graphkit.explore import Explorer
    from graphkit.explore_render import emit

    settings = neo4j_settings(use_neo4j, uri, user, password, database)
    if settings is None and not graph.exists():
        raise GraphFileError(graph, f"no such graph file; give the graph file with -g PATH (default "
                                    f"{DEFAULT_EXPLORE_GRAPH}, written by graphkit build)")
    backend = open_backend(None if settings else graph, settings)
    try:
        result = ask(Explorer(backend))
    finally:
        backend.close()
    emit(result, as_json, render, console)


@command("investors")
def investors_command(
    name: EntityArgument, since: SinceOption = None, until: UntilOption = None,
    graph: ExploreGraphOption = DEFAULT_EXPLORE_GRAPH, as_json: JsonFlag = False, use_neo4j: Neo4jFlag = False,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """Who invested in or backs NAME, with amounts, rounds, dates and sources."""
    from graphkit.explore import Window
    from graphkit.explore_render import render_investors

    window = Window.parse(since, until)
    explore(graph, use_neo4j, uri, user, password, database,
            lambda explorer: explorer.investors(name, window), render_investors, as_json)


@command("portfolio")
def portfolio_command(
    name: EntityArgument, since: SinceOption = None, until: UntilOption = None,
    graph: ExploreGraphOption = DEFAULT_EXPLORE_GRAPH, as_json: JsonFlag = False, use_neo4j: Neo4jFlag = False,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """What NAME invested in or backs, with amounts, rounds, dates and sources."""
    from graphkit.explore import Window
    from graphkit.explore_render import render_portfolio

    window = Window.parse(since, until)
    explore(graph, use_neo4j, uri, user, password, database,
            lambda explorer: explorer.portfolio(name, window), render_portfolio, as_json)


@command("coinvestors")
def coinvestors_command(
    name: EntityArgument, since: SinceOption = None, until: UntilOption = None, limit: LimitOption = 20,
    graph: ExploreGraphOption = DEFAULT_EXPLORE_GRAPH, as_json: JsonFlag = False, use_neo4j: Neo4jFlag = False,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """Investors sharing investments with NAME, most shared investments first."""
    from graphkit.explore import Window
    from graphkit.explore_render import render_coinvestors

    window = Window.parse(since, until)
    explore(graph, use_neo4j, uri, user, password, database,
            lambda explorer: explorer.coinvestors(name, window, limit), render_coinvestors, as_json)


@command("path")
def path_command(
    source: Annotated[str, typer.Argument(metavar="SOURCE", help="First entity name.")],
    target: Annotated[str, typer.Argument(metavar="TARGET", help="Second entity name.")],
    since: SinceOption = None, until: UntilOption = None, limit: LimitOption = 5,
    graph: ExploreGraphOption = DEFAULT_EXPLORE_GRAPH, as_json: JsonFlag = False, use_neo4j: Neo4jFlag = False,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """The shortest connections between SOURCE and TARGET (any relation, either direction, up to 6 hops),
    with the evidence sentence and article of each hop; several paths when tied."""
    from graphkit.explore import Window
    from graphkit.explore_render import render_path

    window = Window.parse(since, until)
    explore(graph, use_neo4j, uri, user, password, database,
            lambda explorer: explorer.path(source, target, window, limit), render_path, as_json)


@command("top")
def top_command(
    by: Annotated[str, typer.Option("--by", metavar="MEASURE",
        help="degree, pagerank or betweenness.")] = "degree",
    label: Annotated[str | None, typer.Option(
        "--label", "-l", metavar="LABEL",
        help="Only entities with this label (case ignored): Company, Investor, Fund, Person, "
             "Organization.")] = None,
    limit: LimitOption = 10, since: SinceOption = None, until: UntilOption = None,
    samples: Annotated[int, typer.Option("--samples", min=1, metavar="N",
        help="Betweenness on a graph with more nodes "
             "than this is estimated from this many random sources.")] = 20,
    graph: ExploreGraphOption = DEFAULT_EXPLORE_GRAPH, as_json: JsonFlag = False, use_neo4j: Neo4jFlag = False,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """The most central entities of the funding network (INVESTED_IN and BACKED_BY links, undirected)."""
    from graphkit.explore import Window
    from graphkit.explore_network import top_entities
    from graphkit.explore_render import render_top

    window, label = Window.parse(since, until), label_option(label)
    explore(graph, use_neo4j, uri, user, password, database,
            lambda explorer: top_entities(explorer.graph(), by, label, limit, window, samples),
            render_top, as_json)


@command("communities")
def communities_command(
    limit: LimitOption = 10, seed: Annotated[int, typer.Option("--seed", metavar="N",
        help="Random seed of Louvain.")] = 0,
    since: SinceOption = None, until: UntilOption = None,
    graph: ExploreGraphOption = DEFAULT_EXPLORE_GRAPH, as_json: JsonFlag = False, use_neo4j: Neo4jFlag = False,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """Communities of the funding network (Louvain, undirected), largest first, with their members."""
    from graphkit.explore import Window
    from graphkit.explore_network import communities
    from graphkit.explore_render import render_communities

    window = Window.parse(since, until)
    explore(graph, use_neo4j, uri, user, password, database,
            lambda explorer: communities(explorer.graph(), window, limit, seed), render_communities, as_json)


@command("show")
def show_command(
    name: EntityArgument, since: SinceOption = None, until: UntilOption = None,
    graph: ExploreGraphOption = DEFAULT_EXPLORE_GRAPH, as_json: JsonFlag = False, use_neo4j: Neo4jFlag = False,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """Everything known about NAME: labels, aliases, counts, every relation in and out with evidence."""
    from graphkit.explore import Window
    from graphkit.explore_render import render_show

    window = Window.parse(since, until)
    explore(graph, use_neo4j, uri, user, password, database,
            lambda explorer: explorer.show(name, window), render_show, as_json)


# ---- view: the offline HTML page (graphkit.viewer) -----------------------------------------------
@command("view")
def view_command(
    graph_file: GraphFileArgument = None,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE",
        help="HTML file to write.")] = Path("graph.html"),
    cypher: Annotated[str | None, typer.Option(
        "--cypher", metavar="QUERY",
        help="Draw only what this query returns (its nodes, relationships and paths), e.g. "
             "\"MATCH p=(:Investor)-[:INVESTED_IN]->(:Company) RETURN p\".")] = None,
    param: ParamOption = None,
    focus: Annotated[str | None, typer.Option(
        "--focus", metavar="NAME",
        help="Draw this entity's neighbourhood (name or alias, resolved as the explore commands do).")] = None,
    depth: Annotated[int, typer.Option("--depth", min=0, metavar="N", help="Hops around --focus.")] = 2,
    since: SinceOption = None, until: UntilOption = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help="Page title.")] = None,
    size_by: Annotated[str, typer.Option(
        "--size-by", metavar="HOW",
        help="Node size: degree (connections) or money (US$ raised).")] = "degree",
    open_page: Annotated[bool, typer.Option("--open", help="Open the page in the default browser.")] = False,
    use_neo4j: Neo4jFlag = False,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """Write an offline interactive HTML view of the graph (file or Neo4j), or of a query's result."""
    import webbrowser

    from graphkit.explore import Window
    from graphkit.viewer import SIZE_BY, select, view_title, write_view
    from graphkit.viewer_select import graph_from_values

    if size_by not in SIZE_BY:
        raise GraphkitError(f"--size-by must be one of: {', '.join(SIZE_BY)}")
    window = Window.parse(since, until)  # checked before the graph is read
    settings = neo4j_settings(use_neo4j, uri, user, password, database)
    if (settings is None) == (graph_file is None):
        raise GraphkitError("view: give a graph file, or --neo4j (not both)")
    backend = open_backend(graph_file, settings)
    try:
        if cypher is None:
            graph = backend.read_graph()
        else:
            graph = graph_from_values(backend.run(cypher, parse_parameters(param)).rows)
            if graph.number_of_nodes() == 0:
                raise GraphkitError("view: the query returned no nodes, relationships or paths to draw")
    finally:
        backend.close()
    selected = select(graph, focus=focus, depth=depth, since=window.since, until=window.until)
    if selected.number_of_edges() == 0 and graph.number_of_edges():
        why = (f"none dated from {window.since or 'any date'} to {window.until or 'any date'}" if window.active
               else "none around the focus")
        error_console.print(f"warning: {output} draws no relations: {why}", markup=False, highlight=False,
                            soft_wrap=True)
    path = write_view(selected, output, title=title or view_title(graph, focus), size_by=size_by)
    console.print(f"wrote {path}: {selected.number_of_nodes()} node(s), {selected.number_of_edges()} edge(s); "
                  "open it in a browser (works offline)", markup=False, highlight=False, soft_wrap=True)
    if open_page:
        webbrowser.open(path.resolve().as_uri())


BatchSizeOption = Annotated[int, typer.Option(
    "--batch-size", min=1, metavar="N", help="Rows per write transaction when loading into Neo4j.")]


@command("load")
def load_command(
    graph_file: Annotated[Path, typer.Argument(metavar="GRAPH_FILE",
        help="Graph file (node-link JSON) to load.")],
    batch_size: BatchSizeOption = 5000,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """Load a graph file into Neo4j: merged by node key, evidence added to existing edges (idempotent)."""
    from graphkit.graph import load_graph

    settings = Neo4jSettings.from_options(uri=uri, user=user, password=password, database=database)
    load_and_report(load_graph(graph_file), settings, batch_size)


def load_and_report(graph: Any, settings: Neo4jSettings, batch_size: int) -> None:
    """Load a graph into Neo4j with a progress bar, then print what was written."""
    from graphkit.backends.neo4j import load_graph_into_neo4j

    summary = load_graph_into_neo4j(graph, settings, batch_size=batch_size, progress=True)
    written = ", ".join(f"{value:,} {name.replace('_', ' ')}" for name, value in summary.counters.items())
    console.print(f"loaded {summary.nodes:,} nodes and {summary.relationships:,} relationships into "
                  f"{settings.uri} in {summary.seconds:.1f} s: {written}", markup=False, highlight=False,
                  soft_wrap=True)


@command("export")
def export_command(
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE",
        help="Graph file to write (node-link JSON).")],
    use_neo4j: Neo4jFlag = True,
    uri: UriOption = None, user: UserOption = None, password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """Read the whole Neo4j database back into a graph file (--neo4j is implied)."""
    from graphkit.graph import save_graph

    settings = Neo4jSettings.from_options(uri=uri, user=user, password=password, database=database)
    backend = open_backend(None, settings)
    try:
        graph = backend.read_graph()
    finally:
        backend.close()
    save_graph(graph, output)
    console.print(f"wrote {graph.number_of_nodes():,} nodes and {graph.number_of_edges():,} relationships "
                  f"from {settings.uri} to {output}", markup=False, highlight=False)


@command("export-csv")
def export_csv_command(
    graph_file: Annotated[Path, typer.Argument(metavar="GRAPH_FILE",
        help="Graph file (node-link JSON) to export.")],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="DIR",
        help="Directory for the CSV files.")],
    database: Annotated[str, typer.Option(metavar="NAME",
        help="Database name in the printed import command.")] = "neo4j",
) -> None:
    """Write neo4j-admin import CSV files for a large first load, and print the import command."""
    from graphkit.backends.neo4j_csv import export_csv
    from graphkit.graph import load_graph

    export = export_csv(load_graph(graph_file), output, database=database)
    for path in export.files:
        console.print(f"wrote {path}", markup=False, highlight=False)
    console.print("import with the server stopped, then run `graphkit load` once (it adds the schema):",
                  markup=False, highlight=False)
    print(export.command)
