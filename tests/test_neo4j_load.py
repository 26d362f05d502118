"""The loader's merge rules and query building, without a server."""

from __future__ import annotations

import json

import pytest

from graphkit.backends.neo4j_load import (
    edge_queries,
    merge_edge_props,
    merge_node_props,
    schema_statements,
    write_nodes_query,
)
from graphkit.errors import GraphkitError
from graphkit.graph import add_entity, add_relation, new_graph, to_property_graph
from graphkit.model import LABELS


def stored_edge(*evidence):
    graph = new_graph()
    add_entity(graph, "A", key="a")
    add_entity(graph, "B", key="b")
    add_relation(graph, "a", "b", "INVESTED_IN", list(evidence))
    return {key: value for key, value in to_property_graph(graph).edges["a", "b", "INVESTED_IN"].items()
            if key != "type"}


def test_new_evidence_is_added_and_the_summary_recomputed():
    old = stored_edge({"article": "a1", "sentence": "s1", "amount_usd": 5e6, "round": "seed"})
    new = stored_edge({"article": "a2", "sentence": "s2", "amount_usd": 6e6, "round": "seed"})
    merged = merge_edge_props("INVESTED_IN", old, new)
    assert [json.loads(item)["article"] for item in merged["evidence"]] == ["a1", "a2"]
    assert merged["source_count"] == 2 and merged["round"] == "seed"
    assert "amount_usd" not in merged and merged["conflicts"] == ["amount_usd"]


def test_evidence_already_stored_changes_nothing():
    old = stored_edge({"article": "a1", "sentence": "s1"}, {"article": "a2", "sentence": "s2"})
    new = stored_edge({"article": "a2", "sentence": "s2"})
    assert merge_edge_props("INVESTED_IN", old, new) == old


def test_node_merge_unites_labels_and_aliases_and_keeps_stored_values():
    old = {"key": "nio", "name": "NIO Inc.", "labels": ["Company"], "aliases": ["NIO"], "mentions": 5}
    new = {"key": "nio", "name": "Nio", "labels": ["Investor"], "aliases": [], "mentions": 1, "ticker": "NIO"}
    assert merge_node_props(old, new) == {"key": "nio", "name": "NIO Inc.", "labels": ["Company", "Investor"],
                                          "aliases": ["NIO", "Nio"], "mentions": 5, "ticker": "NIO"}


def test_query_text_only_takes_the_vocabulary():
    assert write_nodes_query(LABELS).endswith(":".join(LABELS))
    with pytest.raises(GraphkitError, match="unknown labels"):
        write_nodes_query(("Company", "X) DETACH DELETE n //"))
    with pytest.raises(GraphkitError, match="unknown relationship type"):
        edge_queries("KNOWS]->() DELETE r //")
    read, write = edge_queries("BACKED_BY")
    assert "[r:BACKED_BY]" in read and "MERGE (a)-[r:BACKED_BY]->(b)" in write and "$rows" in write


def test_schema_file_statements_are_idempotent():
    statements = schema_statements()
    assert statements and all(" IF NOT EXISTS " in statement for statement in statements)
