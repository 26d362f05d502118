"""The offline HTML view: a self-contained page, escaped data, selection, styling and the view command."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner
from viewer_graphs import SCRIPT_NAME, XSS_NAME, investor_graph

from graphkit.cli import app
from graphkit.graph import add_entity, new_graph, save_graph
from graphkit.values import Node, Relationship
from graphkit.values import Path as GraphPath
from graphkit.viewer import PHYSICS_LIMIT, money_raised, view_data, write_view
from graphkit.viewer_layout import spring_positions
from graphkit.viewer_select import (
    EntityNotFoundError,
    filter_by_date,
    graph_from_values,
    neighbourhood,
    resolve_entity,
)


class ScriptCollector(HTMLParser):
    """Collects what an HTML parser sees: script elements with their text, external references, tags."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self.tags: list[str] = []
        self.references: list[str] = []
        self._open: dict | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        attributes = dict(attrs)
        self.references += [attributes[name] for name in ("src", "href") if attributes.get(name)]
        if tag == "script":
            self._open, self._text = attributes, ""

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.scripts.append((self._open, self._text))
            self._open = None


def parse_page(path: Path) -> ScriptCollector:
    collector = ScriptCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def page_data(path: Path) -> dict:
    scripts = parse_page(path).scripts
    return json.loads(next(text for attributes, text in scripts if attributes.get("id") == "graph-data"))


def test_page_references_nothing_external(tmp_path):
    page = write_view(investor_graph(), tmp_path / "view.html")
    text = page.read_text(encoding="utf-8")
    collector = parse_page(page)
    assert collector.references == []  # no <script src>, no <link href>, no <img src>
    assert "link" not in collector.tags
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text, re.IGNORECASE)
    assert len(collector.scripts) == 3 and all(text.strip() for _, text in collector.scripts)
    assert "vis.Network" in collector.scripts[2][1] and "vis-network" in collector.scripts[1][1]


def test_hostile_names_stay_inside_the_data_block(tmp_path):
    page = write_view(investor_graph(), tmp_path / "view.html")
    collector = parse_page(page)
    assert collector.tags.count("script") == 3 and "img" not in collector.tags
    data = page_data(page)
    names = {node["name"] for node in data["nodes"]}
    assert {XSS_NAME, SCRIPT_NAME} <= names
    sentences = {item["sentence"] for edge in data["edges"] for item in edge["evidence"]}
    assert "SenseTime is backed by </script> money." in sentences
    raw = page.read_text(encoding="utf-8")
    assert raw.count("</script>") == 3
    assert "\u2028" not in raw and "\\u003cimg src=x" in raw


def test_title_is_escaped(tmp_path):
    page = write_view(investor_graph(), tmp_path / "view.html", title="</title><script>alert(5)</script>")
    raw = page.read_text(encoding="utf-8")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(5)&lt;/script&gt;</title>" in raw
    assert parse_page(page).tags.count("script") == 3


def test_line_separators_are_escaped(tmp_path):
    graph = new_graph()
    add_entity(graph, "Line\u2028Separator\u2029Co", labels=["Company"])
    raw = write_view(graph, tmp_path / "view.html").read_text(encoding="utf-8")
    assert "\u2028" not in raw and "\u2029" not in raw and "Line\\u2028Separator\\u2029Co" in raw


def test_build_style_call_writes_every_node_and_edge(tmp_path):
    graph = investor_graph()
    data = page_data(write_view(graph, tmp_path / "out" / "graph.html"))
    assert len(data["nodes"]) == graph.number_of_nodes() and len(data["edges"]) == graph.number_of_edges()
    assert data["title"] == "Investor network" and data["big"] is False


def test_styles_labels_and_evidence_in_the_data():
    data = view_data(investor_graph(), "t")
    nodes = {node["id"]: node for node in data["nodes"]}
    assert nodes["alibaba"]["style"] == "Company" and nodes["alibaba"]["aliases"] == ["Alibaba"]
    assert nodes["alibaba"]["mentions"] == 3 and nodes["megvii"]["degree"] == 3
    assert data["labelStyles"]["Fund"]["shape"] != data["labelStyles"]["Company"]["shape"]
    edges = {(edge["source"], edge["type"]): edge for edge in data["edges"]}
    assert edges["alibaba", "INVESTED_IN"]["label"] == "$600M Series C"
    assert edges["alibaba", "INVESTED_IN"]["evidence"][0]["title"] == "Megvii raises $600m"
    assert "label" not in edges["megvii", "COMPETES_WITH"]
    assert data["relationStyles"]["COMPETES_WITH"] == {"color": "#d62728", "arrows": "", "dashes": True}


def test_money_raised_counts_a_shared_round_once():
    graph = investor_graph()
    assert money_raised(graph) == {"megvii": 6e8}
    data = view_data(graph, "t", size_by="money")
    values = {node["id"]: node["value"] for node in data["nodes"]}
    assert values["megvii"] > values["sensetime"] == 0
    with pytest.raises(ValueError):
        view_data(graph, "t", size_by="colour")


def test_big_graphs_get_positions_and_no_physics():
    graph = nx.MultiDiGraph()
    for index in range(PHYSICS_LIMIT + 20):
        graph.add_node(f"n{index}", name=f"Node {index}", labels=["Company"])
        if index:
            graph.add_edge(f"n{index}", f"n{index // 3}", key="INVESTED_IN", type="INVESTED_IN", evidence=[])
    data = view_data(graph, "big")
    assert data["big"] is True
    assert all(isinstance(node["x"], float) and isinstance(node["y"], float) for node in data["nodes"])
    assert len({(node["x"], node["y"]) for node in data["nodes"]}) == len(data["nodes"])


def test_an_empty_graph_still_makes_a_page(tmp_path):
    data = page_data(write_view(new_graph(), tmp_path / "empty.html"))
    assert data["nodes"] == [] and data["edges"] == []


def test_layout_spreads_components_apart():
    graph = nx.Graph([(1, 2), (2, 3), (10, 11)])
    graph.add_node(99)
    positions = spring_positions(graph)
    assert set(positions) == {1, 2, 3, 10, 11, 99}
    distance = min(abs(positions[a][0] - positions[b][0]) + abs(positions[a][1] - positions[b][1])
                   for a in positions for b in positions if a != b)
    assert distance > 10


def test_resolve_entity_by_case_alias_and_suffix():
    graph = investor_graph()
    assert resolve_entity(graph, "alibaba group") == "alibaba"
    assert resolve_entity(graph, "ALIBABA HOLDING LTD") == "alibaba"
    assert resolve_entity(graph, "face++") == "megvii"
    with pytest.raises(EntityNotFoundError) as raised:
        resolve_entity(graph, "Sensetme")
    assert raised.value.suggestions[0] == "SenseTime" and "no entity named 'Sensetme'" in str(raised.value)


def test_focus_and_depth(tmp_path):
    graph = investor_graph()
    assert set(neighbourhood(graph, "megvii", 1)) == {"megvii", "alibaba", "sensetime", "img-src-x-onerror-alert-1"}
    assert set(neighbourhood(graph, "alibaba", 0)) == {"alibaba"}
    data = page_data(write_view(graph, tmp_path / "v.html", focus="Alibaba", depth=2))
    assert {node["name"] for node in data["nodes"]} == {"Alibaba Group Holding Ltd.", "Megvii", "SenseTime", XSS_NAME}
    assert data["title"] == "Investor network: Alibaba Group Holding Ltd."


def test_date_window_keeps_overlapping_edges_only():
    graph = investor_graph()
    in_2017 = filter_by_date(graph, since="2017-11-01", until="2017-11-30")
    assert sorted(in_2017.edges(keys=True)) == [("alibaba", "megvii", "INVESTED_IN"),
                                                ("img-src-x-onerror-alert-1", "megvii", "INVESTED_IN")]
    assert "lonely-labs" not in in_2017
    assert sorted(filter_by_date(graph, since="2018").edges(keys=True)) == [
        ("sensetime", "evil-script-script-alert-2-script-fund", "BACKED_BY")]
    assert filter_by_date(graph, until="2017-10-31").number_of_edges() == 0
    assert filter_by_date(graph) is graph


def test_date_window_uses_the_first_reported_date_when_the_event_has_none():
    from graphkit.graph import add_relation

    graph = new_graph()
    megvii = add_entity(graph, "Megvii", labels=["Company"])
    for name, values in (("Alibaba", {"published": "2017-10-31"}), ("GIC", {"date": "2017-08", "published": "2019"}),
                         ("Boyu", {"published": "2019-05"}), ("Ant", {})):
        add_relation(graph, add_entity(graph, name, labels=["Investor"]), megvii, "INVESTED_IN",
                     {"article": name, "sentence": "s", **values})
    assert sorted(source for source, _ in filter_by_date(graph, since="2017", until="2017").edges()) == [
        "alibaba", "gic"]
    assert [source for source, _ in filter_by_date(graph, since="2019").edges()] == ["boyu"]


def test_focus_survives_a_date_window_that_drops_its_edges(tmp_path):
    data = page_data(write_view(investor_graph(), tmp_path / "v.html", focus="Lonely Labs", since="2019"))
    assert [node["name"] for node in data["nodes"]] == ["Lonely Labs"] and data["edges"] == []


def test_bad_dates_are_reported():
    from graphkit.errors import GraphkitError

    with pytest.raises(GraphkitError, match="expected a date as YYYY"):
        filter_by_date(investor_graph(), since="last year")
    with pytest.raises(GraphkitError, match="--since '2019-13': expected a date"):
        filter_by_date(investor_graph(), since="2019-13")
    with pytest.raises(GraphkitError, match="--since 2022 is after --until 2019"):
        filter_by_date(investor_graph(), since="2022", until="2019")


def test_graph_from_query_values():
    alibaba = Node("n1", frozenset({"Investor"}), {"key": "alibaba", "name": "Alibaba", "aliases": ["Ali"]})
    megvii = Node("n2", frozenset({"Company"}), {"key": "megvii", "name": "Megvii"})
    evidence = [json.dumps({"article": "a1", "sentence": "Alibaba backs Megvii."})]
    deal = Relationship("r1", "INVESTED_IN", "n1", "n2", {"type": "INVESTED_IN", "evidence": evidence})
    rival = Relationship("r2", "COMPETES_WITH", "n2", "n9", {"type": "COMPETES_WITH"})
    graph = graph_from_values([[GraphPath((alibaba, megvii), (deal,))], [{"r": rival, "n": 5}], ["text"]])
    assert graph.nodes["alibaba"]["labels"] == ["Investor"] and graph.nodes["alibaba"]["aliases"] == ["Ali"]
    assert graph.edges["alibaba", "megvii", "INVESTED_IN"]["evidence"][0]["sentence"] == "Alibaba backs Megvii."
    assert graph.has_edge("megvii", "n9", "COMPETES_WITH")
    assert graph_from_values([[1, "a"]]).number_of_nodes() == 0


@pytest.fixture
def graph_file(tmp_path) -> Path:
    path = tmp_path / "graph.json"
    save_graph(investor_graph(), path)
    return path


def test_view_command_writes_the_page(graph_file, tmp_path):
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["view", str(graph_file), "-o", str(out), "--size-by", "money"])
    assert result.exit_code == 0, result.output
    assert len(page_data(out)["nodes"]) == 6 and page_data(out)["sizeBy"] == "money"


def test_view_command_checks_dates_says_what_it_drew_and_warns_when_nothing_is_left(graph_file, tmp_path):
    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart by default
        runner = CliRunner()
    out = tmp_path / "page.html"
    for dates, message in ((["--since", "2019-13"], "error: --since '2019-13': expected a date as YYYY"),
                           (["--since", "2022", "--until", "2019"], "error: --since 2022 is after --until 2019")):
        result = runner.invoke(app, ["view", str(graph_file), "-o", str(out), *dates])
        assert result.exit_code == 2 and result.stderr.startswith(message) and not out.exists()
    result = runner.invoke(app, ["view", str(graph_file), "-o", str(out)])
    assert result.exit_code == 0 and result.stderr == ""
    assert f"wrote {out}: 6 node(s), 4 edge(s)" in result.stdout
    result = runner.invoke(app, ["view", str(graph_file), "-o", str(out), "--since", "2030"])
    assert result.exit_code == 0 and "0 node(s), 0 edge(s)" in result.stdout
    assert result.stderr.strip() == f"warning: {out} draws no relations: none dated from 2030 to any date"


def test_view_command_focus_and_unknown_name(graph_file, tmp_path):
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["view", str(graph_file), "-o", str(out), "--focus", "megvii", "--depth", "1",
                                      "--since", "2017", "--until", "2017"])
    assert result.exit_code == 0, result.output
    assert {node["id"] for node in page_data(out)["nodes"]} == {"megvii", "alibaba", "img-src-x-onerror-alert-1"}
    result = CliRunner().invoke(app, ["view", str(graph_file), "-o", str(out), "--focus", "Megvi Inc"])
    assert result.exit_code == 2
    assert "no entity named 'Megvi Inc'; closest matches: Megvii" in result.output


def test_view_command_draws_a_query_result(graph_file, tmp_path):
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["view", str(graph_file), "-o", str(out), "--cypher",
                                      "MATCH p=(:Investor)-[:INVESTED_IN]->(c {name: $name}) RETURN p",
                                      "--param", "name=Megvii"])
    assert result.exit_code == 0, result.output
    data = page_data(out)
    assert {node["id"] for node in data["nodes"]} == {"megvii", "alibaba", "img-src-x-onerror-alert-1"}
    assert {edge["type"] for edge in data["edges"]} == {"INVESTED_IN"}
    assert data["edges"][0]["evidence"][0]["sentence"]
    result = CliRunner().invoke(app, ["view", str(graph_file), "-o", str(out), "--cypher", "RETURN 1 AS one"])
    assert result.exit_code == 2 and "no nodes, relationships or paths" in result.output


def test_view_command_needs_exactly_one_source(graph_file, tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["view", "-o", str(tmp_path / "p.html")]).exit_code == 2
    both = runner.invoke(app, ["view", str(graph_file), "--neo4j", "-o", str(tmp_path / "p.html")])
    assert both.exit_code == 2 and "not both" in both.output
    missing = runner.invoke(app, ["view", str(tmp_path / "nope.json"), "-o", str(tmp_path / "p.html")])
    assert missing.exit_code == 2 and "no such graph file" in missing.output


@pytest.mark.neo4j
def test_view_command_reads_neo4j(neo4j_backend, neo4j_settings, tmp_path):
    neo4j_backend.load_graph(investor_graph())
    connection = ["--neo4j", "--uri", neo4j_settings.uri, "--user", neo4j_settings.user,
                  "--password", neo4j_settings.password or ""]
    whole, query = tmp_path / "whole.html", tmp_path / "query.html"
    result = CliRunner().invoke(app, ["view", "-o", str(whole), *connection])
    assert result.exit_code == 0, result.output
    data = page_data(whole)
    assert {node["name"] for node in data["nodes"]} >= {XSS_NAME, SCRIPT_NAME, "Megvii", "Lonely Labs"}
    deal = next(edge for edge in data["edges"] if edge["source"] == "alibaba")
    assert deal["label"] == "$600M Series C" and deal["evidence"][0]["title"] == "Megvii raises $600m"
    result = CliRunner().invoke(app, ["view", "-o", str(query), *connection, "--cypher",
                                      "MATCH p=()-[:COMPETES_WITH]->() RETURN p"])
    assert result.exit_code == 0, result.output
    assert sorted(node["id"] for node in page_data(query)["nodes"]) == ["megvii", "sensetime"]
