"""Tests of graphkit.names: the name rules `explore` and `view --focus` share."""

from __future__ import annotations

import pytest
from explore_fixture import build_graph, write_graph

from graphkit.backends import open_backend
from graphkit.explore import Explorer
from graphkit.names import EntityNotFoundError, prefix_match, suggestions
from graphkit.viewer_select import resolve_entity

NAMES = [("boyu-capital", "Boyu Capital"), ("sensetime", "SenseTime"), ("softbank", "SoftBank Group Corp."),
         ("vision-fund", "SoftBank Vision Fund"), ("vision-fund", "Vision Fund")]


def test_unique_word_prefix_resolves_and_a_shared_one_does_not():
    assert prefix_match("boyu", NAMES) == "boyu-capital"
    assert prefix_match("SoftBank Vision", NAMES) == "vision-fund"
    assert prefix_match("SoftBank", NAMES) is None  # two entities
    assert prefix_match("Boy", NAMES) is None  # words, not letters
    assert prefix_match("Capital", NAMES) is None  # leading words only


def test_suggestions_put_names_containing_the_words_first_then_close_matches():
    assert suggestions("softbank", NAMES) == ["SoftBank Group Corp.", "SoftBank Vision Fund"]
    assert suggestions("Sensetme", NAMES) == ["SenseTime"]
    assert suggestions("zzz", NAMES) == []
    assert len(suggestions("a", [(str(n), f"a{n}") for n in range(20)])) == 5


@pytest.fixture
def explorer(tmp_path) -> Explorer:
    backend = open_backend(write_graph(tmp_path / "graph.json"))
    yield Explorer(backend)
    backend.close()


@pytest.mark.parametrize(("typed", "key"), [("Harbor", "harbor-lane-capital"), ("harbor lane", "harbor-lane-capital"),
                                            ("Tidepool", "tidepool-ai"), ("Quillwork Robotics", "quillwork")])
def test_explore_and_view_resolve_the_same_way(explorer, typed, key):
    assert explorer.resolve(typed)["key"] == key
    assert resolve_entity(build_graph(), typed) == key


@pytest.mark.parametrize("typed", ["Lane", "Quilwork", "Capital"])
def test_explore_and_view_suggest_the_same_names(explorer, typed):
    with pytest.raises(EntityNotFoundError) as on_explore:
        explorer.resolve(typed)
    with pytest.raises(EntityNotFoundError) as on_view:
        resolve_entity(build_graph(), typed)
    assert on_explore.value.suggestions == on_view.value.suggestions
    assert on_explore.value.suggestions, typed
