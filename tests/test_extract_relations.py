"""Relation patterns, one test per phrasing family, on sentences written for the test."""

import re

import pytest

from graphkit.extract.relations import find_relations, list_after, list_before


def spans(sentence: str, *names: str) -> list[tuple[int, int, str]]:
    found = []
    for name in names:
        match = re.search(re.escape(name), sentence)
        found.append((match.start(), match.end(), name))
    return found


def relations(sentence: str, *names: str, reference: str | None = None, previous: str | None = None) -> set:
    return {(r.type, r.source, r.target) for r in find_relations(sentence, spans(sentence, *names), reference, previous)}


FUNDING = [
    ("Harbor Ventures invested $4 million in Quillon.", ["Harbor Ventures", "Quillon"],
     {("INVESTED_IN", "Harbor Ventures", "Quillon")}),
    ("Why Tarn and Orla are investing in robotics startup Pell", ["Tarn", "Orla", "Pell"],
     {("INVESTED_IN", "Tarn", "Pell"), ("INVESTED_IN", "Orla", "Pell")}),
    ("Harbor Ventures led a $9 million Series A round in Quillon.", ["Harbor Ventures", "Quillon"],
     {("INVESTED_IN", "Harbor Ventures", "Quillon")}),
    ("Orla joined Quillon's seed round.", ["Orla", "Quillon"], {("INVESTED_IN", "Orla", "Quillon")}),
    ("Quillon raised $12 million from Tarn Capital, Orla and Mossbank Partners.",
     ["Quillon", "Tarn Capital", "Orla", "Mossbank Partners"],
     {("INVESTED_IN", "Tarn Capital", "Quillon"), ("INVESTED_IN", "Orla", "Quillon"),
      ("INVESTED_IN", "Mossbank Partners", "Quillon")}),
    ("Quillon secured funding from new investors Tarn and Orla and existing investors which include Pell.",
     ["Quillon", "Tarn", "Orla", "Pell"],
     {("INVESTED_IN", "Tarn", "Quillon"), ("INVESTED_IN", "Orla", "Quillon"), ("INVESTED_IN", "Pell", "Quillon")}),
    ("Quillon closed a round led by Tarn Capital and Orla.", ["Quillon", "Tarn Capital", "Orla"],
     {("INVESTED_IN", "Tarn Capital", "Quillon"), ("INVESTED_IN", "Orla", "Quillon")}),
    ("Quillon's investors include Tarn and Orla.", ["Quillon", "Tarn", "Orla"],
     {("INVESTED_IN", "Tarn", "Quillon"), ("INVESTED_IN", "Orla", "Quillon")}),
    ("Quillon already counts Tarn as an investor.", ["Quillon", "Tarn"], {("INVESTED_IN", "Tarn", "Quillon")}),
    ("Tarn bought a 30% stake in Quillon.", ["Tarn", "Quillon"], {("INVESTED_IN", "Tarn", "Quillon")}),
    ("Tarn agreed to buy 12% of Quillon.", ["Tarn", "Quillon"], {("INVESTED_IN", "Tarn", "Quillon")}),
    ("Tarn's stake in Quillon doubled.", ["Tarn", "Quillon"], {("INVESTED_IN", "Tarn", "Quillon")}),
    ("Orla-backed Quillon hired staff.", ["Orla", "Quillon"], {("BACKED_BY", "Quillon", "Orla")}),
    ("Quillon, backed by Orla, hired staff.", ["Quillon", "Orla"], {("BACKED_BY", "Quillon", "Orla")}),
    ("Quillon raised money in a round backed by Orla and Tarn.", ["Quillon", "Orla", "Tarn"],
     {("INVESTED_IN", "Orla", "Quillon"), ("INVESTED_IN", "Tarn", "Quillon")}),
    ("Pell, who was an angel investor in Quillon, said so.", ["Pell", "Quillon"],
     {("INVESTED_IN", "Pell", "Quillon")}),
    ("Quillon and its investor Tarn declined to comment.", ["Quillon", "Tarn"], {("INVESTED_IN", "Tarn", "Quillon")}),
    ("It was the second investment in Quillon from Tarn.", ["Quillon", "Tarn"], {("INVESTED_IN", "Tarn", "Quillon")}),
    ("Quillon closed a $5 million round, with Tarn leading the investment.", ["Quillon", "Tarn"],
     {("INVESTED_IN", "Tarn", "Quillon")}),
    ("Earlier investors in Quillon include Tarn.", ["Quillon", "Tarn"], {("INVESTED_IN", "Tarn", "Quillon")}),
    ("Quillon announced $8m in funding from Tarn.", ["Quillon", "Tarn"], {("INVESTED_IN", "Tarn", "Quillon")}),
    ("Quillon raised $8m in a Tarn-led round.", ["Quillon", "Tarn"], {("INVESTED_IN", "Tarn", "Quillon")}),
    ("Tarn has backed Quillon since 2019.", ["Tarn", "Quillon"], {("BACKED_BY", "Quillon", "Tarn")}),
    ("Tarn already owned about 20 per cent of Quillon.", ["Tarn", "Quillon"], {("INVESTED_IN", "Tarn", "Quillon")}),
    ("Quillon, in which Tarn has invested $2bn, grew.", ["Quillon", "Tarn"], {("INVESTED_IN", "Tarn", "Quillon")}),
    ("Quillon raised $5m led by Tarn with participation from Orla and Pell.", ["Quillon", "Tarn", "Orla", "Pell"],
     {("INVESTED_IN", "Tarn", "Quillon"), ("INVESTED_IN", "Orla", "Quillon"), ("INVESTED_IN", "Pell", "Quillon")}),
    ("Tarn's $10 billion investment in Quillon paid off.", ["Tarn", "Quillon"], {("INVESTED_IN", "Tarn", "Quillon")}),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), FUNDING, ids=[case[0][:40] for case in FUNDING])
def test_funding_patterns(sentence, names, expected):
    assert relations(sentence, *names) == expected


def test_whole_acquisition_is_not_an_investment():
    assert relations("Tarn agreed to buy Quillon for $40 million.", "Tarn", "Quillon") == set()


ROUND_REFERENCES = [
    ("Tarn led the round.", ["Tarn"], {("INVESTED_IN", "Tarn", "Quillon")}),
    ("The round, which also included Orla and Pell, closed.", ["Orla", "Pell"],
     {("INVESTED_IN", "Orla", "Quillon"), ("INVESTED_IN", "Pell", "Quillon")}),
    ("Funding came from Orla and Pell.", ["Orla", "Pell"],
     {("INVESTED_IN", "Orla", "Quillon"), ("INVESTED_IN", "Pell", "Quillon")}),
    ("Orla and Pell also joined.", ["Orla", "Pell"],
     {("INVESTED_IN", "Orla", "Quillon"), ("INVESTED_IN", "Pell", "Quillon")}),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), ROUND_REFERENCES, ids=[c[0][:30] for c in ROUND_REFERENCES])
def test_the_round_is_the_main_companys(sentence, names, expected):
    assert relations(sentence, *names, reference="Quillon") == expected


def test_standing_investments():
    assert relations("Tarn and Orla are among the investors in Quillon.", "Tarn", "Orla", "Quillon") == {
        ("INVESTED_IN", "Tarn", "Quillon"), ("INVESTED_IN", "Orla", "Quillon")}
    assert relations("Quillon, whose backers include Tarn, grew.", "Quillon", "Tarn") == {
        ("INVESTED_IN", "Tarn", "Quillon")}
    assert relations("Tarn put $40 million into Quillon.", "Tarn", "Quillon") == {("INVESTED_IN", "Tarn", "Quillon")}
    assert relations("Tarn put pressure on Quillon.", "Tarn", "Quillon") == set()


def test_other_investors_belong_to_the_main_company_but_lead_investors_of_many_deals_do_not():
    assert relations("Other investors include Tarn and Orla.", "Tarn", "Orla", reference="Quillon") == {
        ("INVESTED_IN", "Tarn", "Quillon"), ("INVESTED_IN", "Orla", "Quillon")}
    assert relations("Lead investors include Tarn and Orla.", "Tarn", "Orla", reference="Quillon") == set()


def test_references_use_the_main_company_and_the_previous_subject():
    assert relations("Pell took part in the round.", "Pell", reference="Quillon") == {
        ("INVESTED_IN", "Pell", "Quillon")}
    assert relations("It led a $6 million round in Quillon.", "Quillon", previous="Tarn") == {
        ("INVESTED_IN", "Tarn", "Quillon")}
    assert relations("The startup, backed by Orla, plans to expand.", "Orla", reference="Quillon") == {
        ("BACKED_BY", "Quillon", "Orla")}


RIVALRY = [
    ("Quillon competes with Pell.", ["Quillon", "Pell"], {frozenset({"Quillon", "Pell"})}),
    ("Quillon, in contrast to its rival Pell, grew.", ["Quillon", "Pell"], {frozenset({"Quillon", "Pell"})}),
    ("Tarn's competitor Pell raised money.", ["Tarn", "Pell"], {frozenset({"Tarn", "Pell"})}),
    ("Quillon, a Tarn and Pell competitor, grew.", ["Quillon", "Tarn", "Pell"],
     {frozenset({"Quillon", "Tarn"}), frozenset({"Quillon", "Pell"})}),
    ("Tarn and Pell are the two biggest players in the field.", ["Tarn", "Pell"], {frozenset({"Tarn", "Pell"})}),
    ("Quillon and Pell compete for the same customers.", ["Quillon", "Pell"], {frozenset({"Quillon", "Pell"})}),
    ("Quillon's rivals include Pell and Tarn.", ["Quillon", "Pell", "Tarn"],
     {frozenset({"Quillon", "Pell"}), frozenset({"Quillon", "Tarn"})}),
    ("Quillon faces competitors such as Pell and Tarn.", ["Quillon", "Pell", "Tarn"],
     {frozenset({"Quillon", "Pell"}), frozenset({"Quillon", "Tarn"})}),
    ("Quillon competes fiercely with Pell.", ["Quillon", "Pell"], {frozenset({"Quillon", "Pell"})}),
    ("Quillon, unlike rivals Pell and Tarn, grew.", ["Quillon", "Pell", "Tarn"],
     {frozenset({"Quillon", "Pell"}), frozenset({"Quillon", "Tarn"})}),
    ("Quillon raised $9m to challenge Pell.", ["Quillon", "Pell"], {frozenset({"Quillon", "Pell"})}),
    ("Quillon is up against larger rivals such as Pell and Tarn.", ["Quillon", "Pell", "Tarn"],
     {frozenset({"Quillon", "Pell"}), frozenset({"Quillon", "Tarn"})}),
    ("Quillon faces competition from Pell.", ["Quillon", "Pell"], {frozenset({"Quillon", "Pell"})}),
    ("In Lyon, Quillon battles Pell for customers.", ["Quillon", "Pell"], {frozenset({"Quillon", "Pell"})}),
    ("Quillon and Pell are locked in a fierce battle for shoppers.", ["Quillon", "Pell"],
     {frozenset({"Quillon", "Pell"})}),
    ("The market is dominated by three companies, Tarn which owns a port, Pell and the Orla group.",
     ["Tarn", "Pell", "Orla"],
     {frozenset({"Tarn", "Pell"}), frozenset({"Tarn", "Orla"}), frozenset({"Pell", "Orla"})}),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), RIVALRY, ids=[case[0][:40] for case in RIVALRY])
def test_rivalry_patterns(sentence, names, expected):
    found = {frozenset((source, target)) for kind, source, target in relations(sentence, *names)}
    assert found == expected


def test_rival_in_a_headline_uses_the_main_company():
    assert relations("Search startup raises money to offer rival to Pell", "Pell", reference="Quillon") == {
        ("COMPETES_WITH", "Quillon", "Pell")}


def test_a_name_after_a_leading_plural_noun_is_not_the_subject():
    assert relations("Analysts at Tarn said it bought a 10% stake in Quillon.", "Tarn", "Quillon",
                     previous="Pell") == {("INVESTED_IN", "Pell", "Quillon")}


def test_no_relation_without_a_trigger():
    assert relations("Tarn and Quillon opened offices in Lyon.", "Tarn", "Quillon") == set()
    assert relations("Analysts at Tarn said Quillon raised prices.", "Tarn", "Quillon") == set()


def test_lists_walk_over_descriptors_and_possessives():
    assert list_after("investors such as ⟦1⟧'s fund ⟦2⟧, ⟦3⟧ and others in the round") == ["2", "3"]
    assert list_after("⟦4⟧-backed ⟦5⟧ and ⟦6⟧") == ["5", "6"]
    assert list_before("⟦1⟧, ⟦2⟧ and ⟦3⟧ have") == ["1", "2", "3"]
    assert list_before("⟦1⟧ said that prices rose, so") == []
