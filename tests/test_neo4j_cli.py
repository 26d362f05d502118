"""The load, export, export-csv and query --neo4j commands, end to end through the CLI."""

from __future__ import annotations

import csv
import json
import shlex

import pytest
from typer.testing import CliRunner

from graphkit.backends.neo4j import Neo4jBackend
from graphkit.backends.neo4j_csv import export_csv
from graphkit.cli import app
from graphkit.graph import add_entity, add_relation, load_graph, new_graph, save_graph
from graphkit.model import Evidence


def small_graph():
    graph = new_graph()
    tencent = add_entity(graph, "Tencent Holdings", labels=["Company", "Investor"], aliases=["Tencent"])
    nio = add_entity(graph, "NIO Inc.", labels=["Company"], mentions=4)
    hillhouse = add_entity(graph, "Hillhouse Capital", labels=["Investor", "Fund"])
    add_relation(graph, tencent, nio, "INVESTED_IN",
                 Evidence(article="a1", sentence="Tencent backs NIO; again.", amount_usd=1e9, round="Series D"))
    add_relation(graph, hillhouse, nio, "INVESTED_IN", Evidence(article="a2", sentence="Hillhouse too."))
    return graph


def connection(settings):
    return ["--uri", settings.uri, "--user", settings.user, "--password", settings.password]


@pytest.mark.neo4j
def test_load_then_export_gives_the_same_graph(neo4j_backend, neo4j_settings, tmp_path):
    graph = small_graph()
    save_graph(graph, tmp_path / "graph.json")
    loaded = CliRunner().invoke(app, ["load", str(tmp_path / "graph.json"), "--batch-size", "2",
                                      *connection(neo4j_settings)])
    assert loaded.exit_code == 0, loaded.output
    assert "loaded 3 nodes and 2 relationships" in loaded.output and "3 nodes created" in loaded.output
    exported = CliRunner().invoke(app, ["export", "--neo4j", "-o", str(tmp_path / "back.json"),
                                        *connection(neo4j_settings)])
    assert exported.exit_code == 0, exported.output
    back = load_graph(tmp_path / "back.json")
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))


@pytest.mark.neo4j
def test_query_on_neo4j_with_parameters_as_json(neo4j_backend, neo4j_settings):
    neo4j_backend.load_graph(small_graph())
    result = CliRunner().invoke(app, [
        "query", "--neo4j", *connection(neo4j_settings), "--json", "--param", "company=NIO Inc.",
        "MATCH (i:Investor)-[r:INVESTED_IN]->(c:Company {name: $company}) "
        "RETURN i.name AS investor, r.amount_usd AS amount ORDER BY investor"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"investor": "Hillhouse Capital", "amount": None},
                                         {"investor": "Tencent Holdings", "amount": 1e9}]


def test_export_csv_writes_neo4j_admin_import_files(tmp_path):
    save_graph(small_graph(), tmp_path / "graph.json")
    result = CliRunner().invoke(app, ["export-csv", str(tmp_path / "graph.json"), "-o", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.output
    assert "neo4j-admin database import full neo4j --overwrite-destination '--array-delimiter=|'" in result.output
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8") as nodes:
        rows = list(csv.reader(nodes))
    assert rows[0] == ["key:ID", ":LABEL", "aliases:string[]", "mentions:long", "name:string"]
    assert ["tencent", "Entity|Company|Investor", "Tencent", "", "Tencent Holdings"] in rows
    with (tmp_path / "csv" / "relationships_INVESTED_IN.csv").open(encoding="utf-8") as edges:
        header, *edge_rows = list(csv.reader(edges))
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert {"amount_usd:double", "evidence:string[]", "led:boolean", "source_count:long"} <= set(header)
    deal = dict(zip(header, next(row for row in edge_rows if row[0] == "tencent")))
    assert deal["round:string"] == "Series D" and deal["led:boolean"] == "false"
    assert json.loads(deal["evidence:string[]"])["sentence"] == "Tencent backs NIO; again."


def test_export_csv_uses_semicolons_when_the_data_allows(tmp_path):
    graph = new_graph()
    add_entity(graph, "Boyu Capital", labels=["Investor", "Fund"])
    export = export_csv(graph, tmp_path)
    assert export.array_delimiter == ";" and "--array-delimiter=;" in export.command
    assert "Entity;Fund;Investor" in export.files[0].read_text()


@pytest.mark.neo4j
def test_exported_csv_imports_with_neo4j_admin(neo4j_admin, neo4j_launcher, tmp_path):
    graph = small_graph()
    export = export_csv(graph, tmp_path / "csv")
    done = neo4j_admin(tmp_path / "home", *shlex.split(export.command)[1:])
    assert done.returncode == 0, done.stdout + done.stderr
    server = neo4j_launcher(data_dir=tmp_path / "home")
    backend = Neo4jBackend(server.settings())
    try:
        back = backend.read_graph()
    finally:
        backend.close()
        server.stop()
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))
