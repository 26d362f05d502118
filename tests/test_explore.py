"""Tests of graphkit.explore and graphkit.explore_network on a small hand-made graph file."""

from __future__ import annotations

import pytest
from explore_fixture import build_graph, write_graph

from graphkit.backends import open_backend
from graphkit.errors import GraphkitError
from graphkit.explore import AmbiguousNameError, EntityNotFoundError, Explorer, Window
from graphkit.explore_network import communities, funding_graph, pagerank, top_entities
from graphkit.graph import add_entity, save_graph
from graphkit.queries import QueryNotFoundError, named_query


@pytest.fixture
def explorer(tmp_path) -> Explorer:
    backend = open_backend(write_graph(tmp_path / "graph.json"))
    yield Explorer(backend)
    backend.close()


def names(rows: list[dict]) -> list[str]:
    return [row["name"] for row in rows]


@pytest.mark.parametrize("typed", ["Quillwork Inc.", "quillwork", "QUILLWORK INC", "Quillwork Ltd",
                                   "quillwork robotics", "  Quillwork  "])
def test_names_resolve_by_case_suffix_and_alias(explorer, typed):
    assert explorer.resolve(typed)["key"] == "quillwork"


def test_alias_resolves_to_the_entity(explorer):
    assert explorer.resolve("hlc") == {"key": "harbor-lane-capital", "name": "Harbor Lane Capital LLC",
                                       "labels": ["Investor"]}


def test_unknown_name_suggests_close_names(explorer):
    with pytest.raises(EntityNotFoundError) as caught:
        explorer.resolve("Quilwork")
    assert caught.value.suggestions[0] == "Quillwork Inc."
    assert "no entity named 'Quilwork'" in str(caught.value)


def test_a_name_shared_by_two_entities_is_ambiguous(tmp_path):
    graph = build_graph()
    add_entity(graph, "Northwind Logistics", labels=["Company"], aliases=["Northwind"])
    add_entity(graph, "Northwind Ventures", aliases=["Northwind"])
    save_graph(graph, tmp_path / "graph.json")
    with pytest.raises(AmbiguousNameError, match="Northwind Logistics"):
        Explorer(open_backend(tmp_path / "graph.json")).resolve("northwind")


def test_investors_lists_invested_in_and_backed_by_with_values(explorer):
    result = explorer.investors("Tidepool AI")
    assert names(result["investors"]) == ["Northwind Ventures", "Solstice Partners",
                                          "Harbor Lane Capital LLC", "Mara Olsen"]
    relations = {row["name"]: row["relation"] for row in result["investors"]}
    assert relations["Mara Olsen"] == "BACKED_BY" and relations["Solstice Partners"] == "INVESTED_IN"
    solstice = result["investors"][1]
    assert solstice["conflicts"] == ["amount_usd"] and solstice["source_count"] == 2
    assert {source["article"] for source in solstice["sources"]} == {"a5", "a7"}
    assert result["excluded_undated"] == 0


def test_investors_carry_amount_round_date_and_sources(explorer):
    harbor = explorer.investors("quillwork")["investors"][0]
    assert (harbor["name"], harbor["amount_usd"], harbor["round"], harbor["date"], harbor["led"],
            harbor["source_count"]) == ("Harbor Lane Capital LLC", 6e8, "Series C", "2023-05-10", True, 2)
    assert harbor["sources"][0]["sentence"] == "Harbor Lane Capital led Quillwork's $600m Series C."


def test_time_window_drops_and_counts_undated_relations(explorer):
    result = explorer.investors("Tidepool AI", Window.parse(since="2022"))
    assert names(result["investors"]) == ["Northwind Ventures", "Solstice Partners"]
    assert result["excluded_undated"] == 2
    result = explorer.investors("Tidepool AI", Window.parse(until="2024-01"))
    assert names(result["investors"]) == ["Solstice Partners"]


def test_portfolio_by_alias_newest_first(explorer):
    result = explorer.portfolio("HLC")
    assert names(result["portfolio"]) == ["Quillwork Inc.", "Ferrous Labs", "Tidepool AI"]
    assert names(explorer.portfolio("Mara Olsen")["portfolio"]) == ["Tidepool AI"]
    windowed = explorer.portfolio("HLC", Window.parse(since="2021-01", until="2022"))
    assert names(windowed["portfolio"]) == ["Ferrous Labs"] and windowed["excluded_undated"] == 1


def test_coinvestors_ranked_by_shared_investments(explorer):
    result = explorer.coinvestors("Harbor Lane Capital")
    assert [(row["name"], row["shared_count"]) for row in result["coinvestors"]] == [
        ("Northwind Ventures", 3), ("Mara Olsen", 1), ("Solstice Partners", 1)]
    assert result["coinvestors"][0]["shared"] == ["Ferrous Labs", "Quillwork Inc.", "Tidepool AI"]
    assert names(explorer.coinvestors("Harbor Lane Capital", limit=1)["coinvestors"]) == ["Northwind Ventures"]


def test_coinvestors_in_a_window(explorer):
    result = explorer.coinvestors("Harbor Lane Capital", Window.parse(since="2022"))
    assert [(row["name"], row["shared"]) for row in result["coinvestors"]] == [
        ("Northwind Ventures", ["Quillwork Inc."])]
    assert result["excluded_undated"] == 3


def test_path_returns_every_tied_shortest_path_with_evidence(explorer):
    result = explorer.path("Quillwork", "Ferrous Labs")
    assert result["length"] == 2 and result["paths_found"] == 2
    assert [[node["name"] for node in path["nodes"]] for path in result["paths"]] == [
        ["Quillwork Inc.", "Harbor Lane Capital LLC", "Ferrous Labs"],
        ["Quillwork Inc.", "Northwind Ventures", "Ferrous Labs"]]
    hop = result["paths"][0]["hops"][0]
    assert (hop["type"], hop["source"], hop["target"]) == ("INVESTED_IN", "harbor-lane-capital", "quillwork")
    assert hop["article"] in {"a1", "a2"} and "Quillwork" in hop["sentence"]
    assert len(explorer.path("Quillwork", "Ferrous Labs", limit=1)["paths"]) == 1


def test_path_in_a_window_finds_the_shortest_path_inside_it(explorer):
    assert explorer.path("Solstice Partners", "Quillwork")["length"] == 2
    result = explorer.path("Solstice Partners", "Quillwork", Window.parse(since="2022"))
    assert [node["name"] for node in result["paths"][0]["nodes"]] == [
        "Solstice Partners", "Tidepool AI", "Northwind Ventures", "Quillwork Inc."]


def test_path_in_a_window_skips_relations_outside_it_and_counts_undated(explorer):
    result = explorer.path("Quillwork", "Ferrous Labs", Window.parse(since="2021", until="2023"))
    assert result["paths_found"] == 2 and result["excluded_undated"] == 3
    assert explorer.path("Quillwork", "Ferrous Labs", Window.parse(since="2022"))["paths"] == []
    assert explorer.path("Mara Olsen", "Ferrous Labs", Window.parse(since="2022"))["paths"] == []


def test_path_to_itself_is_an_error(explorer):
    with pytest.raises(GraphkitError, match="same entity"):
        explorer.path("HLC", "Harbor Lane Capital")


def test_show_lists_everything_about_an_entity(explorer):
    result = explorer.show("quillwork robotics")
    assert result["entity"]["aliases"] == ["Quillwork Robotics"]
    assert result["counts"] == {"relations": 3, "investors": 2, "portfolio": 0, "competitors": 1, "sources": 3}
    assert [(row["relation"], row["direction"], row["name"]) for row in result["relations"]] == [
        ("COMPETES_WITH", "out", "Tidepool AI"), ("INVESTED_IN", "in", "Harbor Lane Capital LLC"),
        ("INVESTED_IN", "in", "Northwind Ventures")]
    windowed = explorer.show("Quillwork", Window.parse(since="2024"))
    assert windowed["relations"] == [] and windowed["excluded_undated"] == 1


def test_window_rejects_bad_dates():
    with pytest.raises(GraphkitError, match="YYYY-MM-DD"):
        Window.parse(since="2024-13")
    with pytest.raises(GraphkitError, match="after"):
        Window.parse(since="2024", until="2023-06")
    assert Window.parse(until="2024-12").parameters()["before"] == "2025-01"
    assert Window.parse(until="2024-02-29").parameters()["before"] == "2024-03-01"


def test_funding_graph_ignores_competition_and_counts_undated():
    links, undated = funding_graph(build_graph(), Window.parse(since="2022"))
    assert not links.has_edge("quillwork", "tidepool-ai")
    assert links.has_edge("solstice-partners", "tidepool-ai") and not links.has_edge("harbor-lane-capital",
                                                                                     "ferrous-labs")
    assert undated == 2


def test_top_by_degree_with_label_and_window():
    graph = build_graph()
    assert names(top_entities(graph, "degree", limit=1)["ranking"]) == ["Tidepool AI"]
    assert names(top_entities(graph, "degree", label="Investor", limit=2)["ranking"]) == [
        "Harbor Lane Capital LLC", "Northwind Ventures"]
    windowed = top_entities(graph, "degree", label="Investor", limit=1, window=Window.parse(since="2022"))
    assert names(windowed["ranking"]) == ["Northwind Ventures"] and windowed["excluded_undated"] == 2


@pytest.mark.parametrize("measure", ["pagerank", "betweenness"])
def test_top_by_centrality_puts_the_bridge_first(measure):
    ranking = top_entities(build_graph(), measure, limit=3)["ranking"]
    assert ranking[0]["name"] == "Tidepool AI"
    assert ranking[0]["score"] > ranking[1]["score"] >= ranking[2]["score"]


def test_sampled_betweenness_is_marked_approximate():
    assert top_entities(build_graph(), "betweenness", samples=3)["approximate"] is True
    with pytest.raises(GraphkitError, match="expected one of"):
        top_entities(build_graph(), "closeness")


def test_pagerank_matches_networkx():
    # nx.pagerank needs scipy, which graphkit does not depend on; networkx's pure-Python
    # power iteration is the same algorithm.
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    links, _ = funding_graph(build_graph())
    expected = _pagerank_python(links)
    assert pagerank(links) == pytest.approx(expected, abs=1e-6)


def test_pagerank_sums_to_one_and_favours_the_hub():
    links, _ = funding_graph(build_graph())
    scores = pagerank(links)
    assert sum(scores.values()) == pytest.approx(1.0)
    assert max(scores, key=scores.get) == "tidepool-ai"
    assert scores["lone-reed-widgets"] < scores["mara-olsen"]


def test_communities_cover_every_funded_entity_once_largest_first():
    result = communities(build_graph(), limit=None)
    members = [member["key"] for community in result["communities"] for member in community["members"]]
    assert sorted(members) == sorted(set(members)) and "lone-reed-widgets" not in members
    assert len(members) == result["entities"] == 7
    sizes = [community["size"] for community in result["communities"]]
    assert sizes == sorted(sizes, reverse=True) and result["community_count"] == len(sizes)
    assert communities(build_graph(), limit=1)["communities"] == result["communities"][:1]


def test_named_queries_are_read_from_the_cypher_folder(tmp_path):
    assert "allShortestPaths" in named_query("shortest_path")
    with pytest.raises(QueryNotFoundError, match="missing"):
        named_query("investors_of", tmp_path / "nowhere")


QUESTIONS = [
    ("investors", ("Tidepool AI",), {}), ("investors", ("TIDEPOOL AI",), {"window": Window.parse(since="2022")}),
    ("investors", ("QUILLWORK INC",), {}), ("portfolio", ("hlc",), {}),
    ("portfolio", ("Harbor Lane Capital",), {"window": Window.parse(since="2021-01", until="2022")}),
    ("coinvestors", ("Harbor Lane Capital",), {}),
    ("coinvestors", ("Harbor Lane Capital",), {"window": Window.parse(since="2022")}),
    ("path", ("Quillwork", "Ferrous Labs"), {}), ("path", ("Mara Olsen", "Solstice Partners"), {}),
    ("path", ("Quillwork", "Ferrous Labs"), {"window": Window.parse(since="2021", until="2023")}),
    ("show", ("quillwork robotics",), {}), ("show", ("Northwind Ventures",), {"window": Window.parse(until="2023")}),
]


@pytest.mark.neo4j
def test_neo4j_gives_the_same_answers_as_the_graph_file(explorer, neo4j_backend):
    neo4j_backend.load_graph(build_graph())
    on_neo4j = Explorer(neo4j_backend)
    for method, arguments, options in QUESTIONS:
        expected = getattr(explorer, method)(*arguments, **options)
        assert getattr(on_neo4j, method)(*arguments, **options) == expected, (method, arguments, options)
    with pytest.raises(EntityNotFoundError) as caught:
        on_neo4j.resolve("Quilwork")
    assert caught.value.suggestions[0] == "Quillwork Inc."
    assert top_entities(on_neo4j.graph(), "pagerank") == top_entities(explorer.graph(), "pagerank")
    assert communities(on_neo4j.graph()) == communities(explorer.graph())


@pytest.mark.neo4j
def test_neo4j_finds_the_shortest_path_inside_a_window(neo4j_backend):
    neo4j_backend.load_graph(build_graph())
    result = Explorer(neo4j_backend).path("Solstice Partners", "Quillwork", Window.parse(since="2022"))
    assert [node["name"] for node in result["paths"][0]["nodes"]] == [
        "Solstice Partners", "Tidepool AI", "Northwind Ventures", "Quillwork Inc."]


def test_communities_of_a_large_graph_use_label_propagation(monkeypatch):
    import graphkit.explore_network as network

    monkeypatch.setattr(network, "LOUVAIN_MAX_NODES", 2)
    result = communities(build_graph(), limit=None)
    assert result["method"] == "label propagation"
    members = [member["key"] for community in result["communities"] for member in community["members"]]
    assert len(members) == len(set(members)) == result["entities"]
