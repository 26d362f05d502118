"""Entity resolution across articles, and alias rule files."""

import pytest

from graphkit.errors import InputError
from graphkit.model import Article, ArticleExtraction, Evidence, Mention, Relation
from graphkit.resolve import AliasRules, load_alias_rules, resolve


def extraction(article_id: str, mentions: list[tuple], relations: list[tuple] = ()) -> ArticleExtraction:
    article = Article(id=article_id, title="", sections=())
    return ArticleExtraction(
        article,
        [Mention(name, frozenset(labels), article_id, entity) for name, labels, *rest in mentions
         for entity in [rest[0] if rest else None]],
        [Relation(kind, source, target, Evidence(article_id, f"{source} {kind} {target}", amount_usd=amount))
         for kind, source, target, amount in relations])


def test_case_and_suffix_variants_are_one_node():
    graph = resolve([
        extraction("a1", [("Lumora Group Holding Ltd.", {"Company"}), ("Pellix", {"Company"})]),
        extraction("a2", [("LUMORA", {"Company"}), ("PelliX Inc.", {"Company"})]),
    ])
    assert sorted(graph.nodes) == ["lumora", "pellix"]
    assert graph.nodes["lumora"]["articles"] == 2 and graph.nodes["lumora"]["mentions"] == 2
    assert "Lumora Group Holding Ltd." in graph.nodes["lumora"]["aliases"] + [graph.nodes["lumora"]["name"]]


def test_short_forms_merge_with_generic_words_only():
    graph = resolve([
        extraction("a1", [("Quillon AI", {"Company"}), ("Tarn Capital", {"Investor"}), ("Tarn", {"Company"})]),
        extraction("a2", [("Quillon", {"Company"})]),
    ])
    assert "quillon-ai" in graph and "quillon" not in graph
    assert "tarn" in graph and "tarn-capital" in graph  # an investment arm is its own entity


def test_an_investor_named_without_its_firm_word_joins_the_firm():
    graph = resolve([
        extraction("a1", [("Sorrel Capital", {"Investor"})]),
        extraction("a2", [("Sorrel", {"Investor"})]),
    ])
    assert sorted(graph.nodes) == ["sorrel-capital"]


def test_an_acronym_joins_the_one_name_it_abbreviates():
    graph = resolve([
        extraction("a1", [("International Finance Corporation", {"Investor"})]),
        extraction("a2", [("IFC", {"Investor"})]),
    ])
    assert sorted(graph.nodes) == ["international-finance"]
    assert graph.nodes["international-finance"]["aliases"] == ["IFC"]


def test_fund_without_sponsor_merges_but_sponsor_stays_apart():
    graph = resolve([
        extraction("a1", [("Harbor Growth Fund", {"Fund", "Investor"}), ("Harbor", {"Company"})]),
        extraction("a2", [("Growth Fund", {"Fund", "Investor"})]),
    ])
    assert sorted(graph.nodes) == ["harbor", "harbor-growth-fund"]


def test_in_article_aliases_join_their_entity():
    graph = resolve([extraction("a1", [("Ilse Varga", {"Person"}), ("Varga", {"Person"}, "Ilse Varga"),
                                       ("Boyle", {"Investor"}, "Boyle Partners"), ("Boyle Partners", {"Investor"})])])
    assert sorted(graph.nodes) == ["boyle-partners", "ilse-varga"]
    assert graph.nodes["boyle-partners"]["aliases"] == ["Boyle"]


def test_edges_merge_evidence_per_article_and_keep_disagreements():
    graph = resolve([
        extraction("a1", [("Tarn", {"Investor"}), ("Quillon", {"Company"})],
                   [("INVESTED_IN", "Tarn", "Quillon", 5e6)]),
        extraction("a2", [("Tarn Inc.", {"Investor"}), ("Quillon", {"Company"})],
                   [("INVESTED_IN", "Tarn Inc.", "Quillon", 6e6)]),
    ])
    edge = graph.edges["tarn", "quillon", "INVESTED_IN"]
    assert edge["source_count"] == 2 and len(edge["evidence"]) == 2 and edge["conflicts"] == ["amount_usd"]


def test_labels_take_the_majority_base_label_plus_investor_and_fund():
    graph = resolve([
        extraction("a1", [("Tarn", {"Company", "Investor"})]),
        extraction("a2", [("Tarn", {"Company"})]),
        extraction("a3", [("Tarn", {"Organization"})]),
    ])
    assert graph.nodes["tarn"]["labels"] == ["Company", "Investor"]


def test_alias_rules_rename_merge_and_keep_apart(tmp_path):
    rules_file = tmp_path / "aliases.yaml"
    rules_file.write_text("aliases:\n  Lumora: [Lumora Systems, LMR]\ndistinct:\n  - [Growth Fund, Harbor Growth Fund]\n")
    rules = load_alias_rules(rules_file)
    graph = resolve([
        extraction("a1", [("Lumora Systems", {"Company"}), ("Harbor Growth Fund", {"Fund"})]),
        extraction("a2", [("LMR", {"Company"}), ("Growth Fund", {"Fund"})]),
    ], rules)
    assert graph.nodes["lumora"]["name"] == "Lumora"
    assert sorted(graph.nodes) == ["growth-fund", "harbor-growth-fund", "lumora"]


@pytest.mark.parametrize(("text", "reason"), [
    ("aliases: [unclosed", "not valid YAML"),
    ("- just a list", "expected a mapping"),
    ("aliases:\n  Lumora: 3\n", "must be a list"),
    ("distinct:\n  - [OnlyOne]\n", "not a pair"),
])
def test_bad_alias_files_raise_input_error_naming_the_file(tmp_path, text, reason):
    rules_file = tmp_path / "bad.yaml"
    rules_file.write_text(text)
    with pytest.raises(InputError) as error:
        load_alias_rules(rules_file)
    assert str(rules_file) in str(error.value) and reason in str(error.value)


def test_missing_alias_file(tmp_path):
    with pytest.raises(InputError, match="no such alias file"):
        load_alias_rules(tmp_path / "absent.yaml")


def test_empty_rules_are_fine():
    assert resolve([], AliasRules()).number_of_nodes() == 0
