"""Tests of the explore commands (investors, portfolio, coinvestors, path, top, communities, show)."""

from __future__ import annotations

import json

import pytest
from explore_fixture import write_graph
from typer.testing import CliRunner

from graphkit.cli import app


@pytest.fixture
def runner() -> CliRunner:
    wide = {"COLUMNS": "250"}  # table cells on one line each, so the tests can look for phrases
    try:
        return CliRunner(mix_stderr=False, env=wide)
    except TypeError:  # click >= 8.2 keeps stderr apart by default
        return CliRunner(env=wide)


@pytest.fixture
def graph_file(tmp_path) -> str:
    return str(write_graph(tmp_path / "graph.json"))


def run_json(runner: CliRunner, *arguments: str):
    result = runner.invoke(app, [*arguments, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_investors_table_shows_human_amounts_and_source_counts(runner, graph_file):
    result = runner.invoke(app, ["investors", "QUILLWORK", "-g", graph_file])
    assert result.exit_code == 0, result.output
    assert "$600M" in result.stdout and "2 sources" in result.stdout
    assert "Harbor Lane Capital LLC" in result.stdout and "Series C" in result.stdout


def test_investors_json_has_stable_keys(runner, graph_file):
    data = run_json(runner, "investors", "Tidepool AI", "--graph", graph_file)
    assert list(data) == ["entity", "window", "excluded_undated", "investors"]
    assert [row["name"] for row in data["investors"]] == [
        "Northwind Ventures", "Solstice Partners", "Harbor Lane Capital LLC", "Mara Olsen"]
    assert set(data["investors"][0]) >= {"key", "name", "labels", "relation", "amount_usd", "round", "date",
                                         "source_count", "conflicts", "sources"}


def test_time_filter_says_how_many_undated_relations_were_excluded(runner, graph_file):
    result = runner.invoke(app, ["investors", "Tidepool AI", "-g", graph_file, "--since", "2022"])
    assert result.exit_code == 0, result.output
    assert "2 relation(s) without a date excluded" in result.stdout
    assert "Mara Olsen" not in result.stdout
    data = run_json(runner, "investors", "Tidepool AI", "-g", graph_file, "--since", "2022", "--until", "2024-01")
    assert [row["name"] for row in data["investors"]] == ["Solstice Partners"]
    assert data["window"] == {"since": "2022", "until": "2024-01"} and data["excluded_undated"] == 2


def test_bad_date_is_an_error(runner, graph_file):
    result = runner.invoke(app, ["portfolio", "HLC", "-g", graph_file, "--since", "May 2022"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_portfolio_by_alias(runner, graph_file):
    data = run_json(runner, "portfolio", "hlc", "-g", graph_file)
    assert data["entity"]["name"] == "Harbor Lane Capital LLC"
    assert [row["name"] for row in data["portfolio"]] == ["Quillwork Inc.", "Ferrous Labs", "Tidepool AI"]


def test_coinvestors_table_and_json(runner, graph_file):
    result = runner.invoke(app, ["coinvestors", "Harbor Lane Capital", "-g", graph_file, "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "Northwind Ventures" in result.stdout and "Solstice" not in result.stdout
    data = run_json(runner, "coinvestors", "Northwind Ventures", "-g", graph_file)
    assert data["coinvestors"][0] == {"key": "harbor-lane-capital", "name": "Harbor Lane Capital LLC",
                                      "labels": ["Investor"], "shared_count": 3,
                                      "shared": ["Ferrous Labs", "Quillwork Inc.", "Tidepool AI"]}


def test_path_prints_each_hop_with_evidence(runner, graph_file):
    result = runner.invoke(app, ["path", "Quillwork", "Ferrous Labs", "-g", graph_file])
    assert result.exit_code == 0, result.output
    assert "2 shortest path(s) of 2 hop(s)" in result.stdout
    assert "seeded Ferrous Labs" in result.stdout and "Story a3" in result.stdout
    data = run_json(runner, "path", "Quillwork", "Ferrous Labs", "-g", graph_file, "--since", "2021")
    assert data["length"] == 2 and data["paths_found"] == 2 and data["excluded_undated"] == 3


def test_path_without_connection_says_so(runner, graph_file):
    result = runner.invoke(app, ["path", "Mara Olsen", "Ferrous Labs", "-g", graph_file, "--since", "2022"])
    assert result.exit_code == 0 and "no connection between Mara Olsen and Ferrous Labs" in result.stdout


def test_top_and_communities(runner, graph_file):
    data = run_json(runner, "top", "--by", "degree", "--label", "Investor", "--limit", "2", "-g", graph_file)
    assert [row["name"] for row in data["ranking"]] == ["Harbor Lane Capital LLC", "Northwind Ventures"]
    result = runner.invoke(app, ["top", "--by", "pagerank", "-g", graph_file])
    assert result.exit_code == 0 and "Tidepool AI" in result.stdout
    assert runner.invoke(app, ["top", "--by", "fame", "-g", graph_file]).exit_code == 2
    sampled = run_json(runner, "top", "--by", "betweenness", "--samples", "3", "-g", graph_file)
    assert sampled["approximate"] is True and len(sampled["ranking"]) == 8
    data = run_json(runner, "communities", "-g", graph_file)
    assert sum(community["size"] for community in data["communities"]) == 7
    result = runner.invoke(app, ["communities", "-g", graph_file])
    assert result.exit_code == 0 and "communities among 7" in result.stdout


def test_show_lists_labels_aliases_counts_and_relations(runner, graph_file):
    result = runner.invoke(app, ["show", "quillwork robotics", "-g", graph_file])
    assert result.exit_code == 0, result.output
    for text in ("Quillwork Inc.", "Quillwork Robotics", "2 investors", "-COMPETES_WITH->",
                 "Northwind Ventures joined the round."):
        assert text in result.stdout
    data = run_json(runner, "show", "Quillwork", "-g", graph_file)
    assert data["counts"]["relations"] == 3


@pytest.mark.parametrize("command", [["investors"], ["portfolio"], ["coinvestors"], ["show"],
                                     ["path", "Quillwork"]])
def test_unknown_name_fails_with_suggestions(runner, graph_file, command):
    result = runner.invoke(app, [*command, "Tidepol", "-g", graph_file])
    assert result.exit_code == 2
    assert "no entity named 'Tidepol'" in result.output and "Tidepool AI" in result.output


def test_default_graph_file_is_out_graph_json(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = runner.invoke(app, ["investors", "Quillwork"])
    assert missing.exit_code == 2 and "out/graph.json" in missing.output
    write_graph(tmp_path / "out" / "graph.json")
    assert run_json(runner, "investors", "Quillwork")["entity"]["key"] == "quillwork"


def test_time_filter_uses_the_first_reported_date_when_the_event_has_none(runner, tmp_path):
    from graphkit.graph import add_entity, add_relation, new_graph, save_graph

    graph = new_graph()
    megvii = add_entity(graph, "Megvii", labels=["Company"])
    for name, published in (("Alibaba", "2017-10-31"), ("Boyu Capital", "2019-05-08"), ("Ant Financial", None)):
        investor = add_entity(graph, name, labels=["Investor"])
        add_relation(graph, investor, megvii, "INVESTED_IN",
                     {"article": name, "sentence": f"{name} backs Megvii.", "published": published})
    add_relation(graph, add_entity(graph, "GIC", labels=["Investor"]), megvii, "INVESTED_IN",
                 {"article": "g", "sentence": "GIC led the 2017 round.", "date": "2017-08", "published": "2019-01"})
    path = tmp_path / "graph.json"
    save_graph(graph, path)
    result = runner.invoke(app, ["investors", "Megvii", "-g", str(path), "--since", "2017", "--until", "2017"])
    assert result.exit_code == 0, result.output
    assert "2017-10-31 (reported)" in result.stdout and "Alibaba" in result.stdout
    assert "GIC" in result.stdout and "2017-08 " in result.stdout
    assert "Boyu" not in result.stdout and "1 relation(s) without a date excluded" in result.stdout
    data = run_json(runner, "investors", "Megvii", "-g", str(path), "--since", "2019")
    assert [(row["name"], row["date"], row["first_reported"]) for row in data["investors"]] == [
        ("Boyu Capital", None, "2019-05-08")]
    hops = run_json(runner, "path", "Alibaba", "Boyu", "-g", str(path), "--since", "2017")["paths"][0]["hops"]
    assert [hop["first_reported"] for hop in hops] == ["2017-10-31", "2019-05-08"]


def test_a_missing_graph_file_says_how_to_give_one(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["investors", "Megvii"])
    assert result.exit_code == 2
    assert result.stderr.strip() == ("error: out/graph.json: no such graph file; give the graph file with -g PATH "
                                     "(default out/graph.json, written by graphkit build)")


def test_top_takes_labels_in_any_case_and_rejects_unknown_ones(runner, graph_file):
    data = run_json(runner, "top", "-l", "investor", "-g", graph_file)
    assert data["label"] == "Investor" and data["ranking"]
    result = runner.invoke(app, ["top", "-l", "Fnd", "-g", graph_file])
    assert result.exit_code == 2
    assert result.stderr.strip() == ("error: --label 'Fnd': not a label; use one of Company, Investor, Fund, Person, "
                                     "Organization")


@pytest.fixture
def both_ways_file(tmp_path) -> str:
    from graphkit.graph import add_entity, add_relation, new_graph, save_graph

    graph = new_graph()
    alibaba = add_entity(graph, "Alibaba", labels=["Investor"])
    megvii = add_entity(graph, "Megvii", labels=["Company"])
    add_relation(graph, alibaba, megvii, "INVESTED_IN",
                 {"article": "a1", "sentence": "Alibaba invested $600m in Megvii.", "amount_usd": 6e8})
    add_relation(graph, megvii, alibaba, "BACKED_BY",
                 {"article": "a2", "sentence": "Megvii is backed by Alibaba.", "round": "Series C"})
    add_entity(graph, "Lone Labs", labels=["Company"])
    path = tmp_path / "graph.json"
    save_graph(graph, path)
    return str(path)


def test_an_investor_with_both_relations_is_one_row(runner, both_ways_file):
    [row] = run_json(runner, "investors", "Megvii", "-g", both_ways_file)["investors"]
    assert (row["name"], row["relations"], row["amount_usd"], row["round"], row["source_count"]) == (
        "Alibaba", ["BACKED_BY", "INVESTED_IN"], 6e8, "Series C", 2)
    result = runner.invoke(app, ["investors", "Megvii", "-g", both_ways_file])
    assert "BACKED_BY + INVESTED_IN" in result.stdout and result.stdout.count("Alibaba (Investor)") == 1
    [portfolio_row] = run_json(runner, "portfolio", "Alibaba", "-g", both_ways_file)["portfolio"]
    assert portfolio_row["relations"] == ["BACKED_BY", "INVESTED_IN"]
    counts = run_json(runner, "show", "Megvii", "-g", both_ways_file)["counts"]
    assert (counts["relations"], counts["investors"]) == (2, 1)


@pytest.mark.parametrize(("arguments", "message"), [
    (["investors", "Alibaba"], "no investors recorded for Alibaba (Investor)"),
    (["portfolio", "Megvii"], "no investments recorded for Megvii (Company)"),
    (["coinvestors", "Alibaba"], "no co-investors recorded for Alibaba (Investor)"),
    (["top", "-l", "person"], "no Person entities in the funding network"),
    (["show", "Lone Labs"], "no relations recorded for Lone Labs"),
])
def test_empty_results_print_one_line_instead_of_an_empty_table(runner, both_ways_file, arguments, message):
    result = runner.invoke(app, [*arguments, "-g", both_ways_file])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == message
    assert arguments[0] == "show" or result.stdout.strip() == message


def test_scores_have_four_decimals_and_betweenness_is_exact_on_a_small_graph(runner, graph_file):
    result = runner.invoke(app, ["top", "--by", "pagerank", "-g", graph_file])
    scores = [line.split("│")[3].strip() for line in result.stdout.splitlines() if line.count("│") == 5][1:]
    assert scores and all(len(score.split(".")[1]) == 4 for score in scores), result.stdout
    exact = runner.invoke(app, ["top", "--by", "betweenness", "-g", graph_file])
    assert exact.exit_code == 0 and "estimated" not in exact.stdout
    sampled = runner.invoke(app, ["top", "--by", "betweenness", "--samples", "2", "-g", graph_file])
    assert "(estimated from a sample)" in sampled.stdout
