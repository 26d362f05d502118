"""Rivalry, backing, ownership, participant and regulator phrasings: made-up sentences only."""

import pytest

from graphkit.extract import extract_article
from graphkit.model import Article, Section


def read(text: str, title: str = "Industry news") -> tuple[dict[str, set[str]], set[tuple[str, str, str]]]:
    result = extract_article(Article(id="p", title=title, sections=(Section(text=text),)))
    labels: dict[str, set[str]] = {}
    for mention in result.mentions:
        labels.setdefault(mention.entity or mention.name, set()).update(mention.labels)
    return labels, {(r.type, r.source, r.target) for r in result.relations}


def rivals(text: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for kind, a, b in read(text)[1] if kind == "COMPETES_WITH"}


@pytest.mark.parametrize("text, expected", [
    ("Veltro Robotics is racing against Kandor Systems to ship a humanoid robot.",
     {frozenset(("Veltro Robotics", "Kandor Systems"))}),
    ("Veltro Robotics, a drone maker, is taking on Kandor Systems and Brisk Aero in delivery.",
     {frozenset(("Veltro Robotics", "Kandor Systems")), frozenset(("Veltro Robotics", "Brisk Aero"))}),
    ("The launch puts Veltro Robotics in direct competition with Kandor Systems's Falcon drone.",
     {frozenset(("Veltro Robotics", "Kandor Systems"))}),
    ("Veltro Robotics sells drones in Europe. It competes at home with Kandor Systems.",
     {frozenset(("Veltro Robotics", "Kandor Systems"))}),
    ("Veltro Robotics is going head-to-head with Kandor Systems in Europe.",
     {frozenset(("Veltro Robotics", "Kandor Systems"))}),
    ("The rivalry between Veltro Robotics and Kandor Systems has intensified.",
     {frozenset(("Veltro Robotics", "Kandor Systems"))}),
    ("Veltro Robotics counts Kandor Systems and Brisk Aero among its competitors.",
     {frozenset(("Veltro Robotics", "Kandor Systems")), frozenset(("Veltro Robotics", "Brisk Aero"))}),
    ("Veltro Robotics is up against Kandor Systems in Europe.", {frozenset(("Veltro Robotics", "Kandor Systems"))}),
    ("Veltro Robotics makes drones. Kandor Systems is Veltro Robotics's biggest rival.",
     {frozenset(("Veltro Robotics", "Kandor Systems"))}),
    ("Veltro Robotics makes drones. Kandor Systems, Veltro Robotics's closest competitor, cut prices.",
     {frozenset(("Veltro Robotics", "Kandor Systems"))}),
    ("Veltro Robotics makes drones, competing against the likes of Kandor Systems.",
     {frozenset(("Veltro Robotics", "Kandor Systems"))}),
    ("Veltro Robotics makes drones. Kandor Systems, Veltro Robotics's former supplier, cut prices.", set()),
    ("Veltro Robotics has partnered with the likes of Kandor Systems.", set()),
    ("The partnership between Veltro Robotics and Kandor Systems has grown.", set()),
    ("Veltro Robotics counts Kandor Systems among its customers.", set()),
])
def test_rivalry_phrasings(text, expected):
    assert rivals(text) == expected


def test_a_sentence_opening_rival_belongs_to_the_story_company():
    text = ("Veltro Robotics raised $40 million from Orvane Capital on Tuesday. Veltro Robotics plans to hire. "
            "Orvane Capital led the round. Rival Kandor Systems is grappling with a recall of drones sold "
            "to Brisk Aero.")
    assert rivals(text) == {frozenset(("Veltro Robotics", "Kandor Systems"))}


def test_a_described_opening_rival():
    assert rivals("Veltro Robotics raised $40 million. Rival drone maker Kandor Systems has struggled.") == \
        {frozenset(("Veltro Robotics", "Kandor Systems"))}
    assert rivals("Veltro Robotics raised $40 million. Rival bids from Kandor Systems failed.") == set()


def test_took_on_and_racing_without_a_rival_give_nothing():
    assert rivals("Veltro Robotics took on Kandor Systems as a client last year.") == set()
    assert rivals("Veltro Robotics is racing to finish its plant before Kandor Systems opens one nearby.") == set()
    assert rivals("Veltro Robotics is taking on Kandor Systems's former staff after the plant closed.") == set()
    assert rivals("Veltro Robotics will compete in the tender together with Kandor Systems.") == set()


@pytest.mark.parametrize("text, expected", [
    ("Zephra Labs launched in 2021 with backing from Orvane Capital and Tellan Ventures.",
     {("BACKED_BY", "Zephra Labs", "Orvane Capital"), ("BACKED_BY", "Zephra Labs", "Tellan Ventures")}),
    ("Zephra Labs makes batteries. The firm is backed by Orvane Corp. and Tellan Corporation.",
     {("BACKED_BY", "Zephra Labs", "Orvane Corp."), ("BACKED_BY", "Zephra Labs", "Tellan Corporation")}),
    ("Zephra Labs is a joint venture of Orvane Holdings and Tellan Motors.",
     {("INVESTED_IN", "Orvane Holdings", "Zephra Labs"), ("INVESTED_IN", "Tellan Motors", "Zephra Labs")}),
    ("Zephra Labs, which makes cells, is jointly owned by Orvane Holdings and Tellan Motors.",
     {("INVESTED_IN", "Orvane Holdings", "Zephra Labs"), ("INVESTED_IN", "Tellan Motors", "Zephra Labs")}),
    ("Zephra Labs makes batteries. Orvane Holdings owns 51% and Tellan Motors 49%.",
     {("INVESTED_IN", "Orvane Holdings", "Zephra Labs"), ("INVESTED_IN", "Tellan Motors", "Zephra Labs")}),
    ("Tellan Motors and Orvane Holdings formed Zephra Labs, a joint venture, in 2020.",
     {("INVESTED_IN", "Orvane Holdings", "Zephra Labs"), ("INVESTED_IN", "Tellan Motors", "Zephra Labs")}),
    ("Zephra Labs is majority-owned by Tellan Motors, with Orvane Holdings holding the rest.",
     {("INVESTED_IN", "Orvane Holdings", "Zephra Labs"), ("INVESTED_IN", "Tellan Motors", "Zephra Labs")}),
    ("Veltro Robotics makes drones. Its shares rose after Kestrel Partners bought more. Veltro Robotics owns 40% of "
     "Zephra Labs, with Tellan Defense holding the rest.",
     {("INVESTED_IN", "Veltro Robotics", "Zephra Labs"), ("INVESTED_IN", "Tellan Defense", "Zephra Labs")}),
    ("Tellan Motors holds 60% of Zephra Labs, while Orvane Holdings holds 40%.",
     {("INVESTED_IN", "Orvane Holdings", "Zephra Labs"), ("INVESTED_IN", "Tellan Motors", "Zephra Labs")}),
    ("Zephra Labs raised $30 million. The round was led by the French public investment bank Bpifrance.",
     {("INVESTED_IN", "Bpifrance", "Zephra Labs")}),
])
def test_backing_and_ownership(text, expected):
    assert read(text)[1] == expected


def test_round_participants_with_taking_part():
    text = ("Zephra Labs raised $30 million in a round led by Orvane Capital, with existing investors "
            "Tellan Ventures and Brisk Partners also taking part.")
    assert read(text)[1] == {("INVESTED_IN", name, "Zephra Labs")
                             for name in ("Orvane Capital", "Tellan Ventures", "Brisk Partners")}


def test_people_and_descriptors_drawn_into_the_round():
    text = ("Zephra Labs raised $30 million in a round led by Orvane Capital. The round also drew angel investors "
            "Maria Lindqvist and John Harlow.")
    assert read(text)[1] == {("INVESTED_IN", name, "Zephra Labs")
                             for name in ("Orvane Capital", "Maria Lindqvist", "John Harlow")}


def test_regulators_never_fund():
    labels, relations = read("Zephra Labs received certification from the Federal Aviation Administration in May.")
    assert relations == set()
    assert labels["Federal Aviation Administration"] == {"Organization"}
    labels, relations = read("Zephra Labs won approval from the FDA and raised $20 million from Orvane Capital.")
    assert relations == {("INVESTED_IN", "Orvane Capital", "Zephra Labs")}
    from graphkit.extract.labels import entity_labels
    assert entity_labels("SEC") == entity_labels("Competition and Markets Authority") == {"Organization"}
    # a sovereign fund's "Authority" still invests
    _, relations = read("Zephra Labs raised $20 million from the Qatar Investment Authority.")
    assert relations == {("INVESTED_IN", "Qatar Investment Authority", "Zephra Labs")}


def test_the_new_company_is_the_one_just_formed():
    text = ("Orvane Holdings makes cars. Orvane Holdings and Tellan Motors on Monday set up Zephra Labs, a new "
            "ride-hailing venture. The new company will compete with Kandor Systems.")
    assert rivals(text) == {frozenset(("Zephra Labs", "Kandor Systems"))}
    text = ("Orvane Holdings makes cars. Orvane Holdings and Tellan Motors will merge their units into a new company "
            "called Zephra Labs. The new company will compete with Kandor Systems.")
    assert rivals(text) == {frozenset(("Zephra Labs", "Kandor Systems"))}


def test_ampersand_and_listed_ministry_names_stay_whole():
    labels, _ = read("Zephra Labs signed a deal with Pratt & Whitney, the Ministry of Economy, Trade and Industry said.")
    assert "Pratt & Whitney" in labels and "Pratt" not in labels
    assert labels["Ministry of Economy, Trade and Industry"] == {"Organization"}
    labels, _ = read("Zephra Labs and Boeing & Airbus rose. Shares of Boeing climbed.")
    assert "Boeing & Airbus" not in labels  # Boeing is written alone too: two names
    labels, _ = read("Zephra Labs won a grant from the Ministry of Finance, Google and Apple said.")
    assert "Ministry of Finance" in labels


def test_a_possessive_country_is_not_an_entity():
    labels, relations = read("Zephra Labs raised $30 million from investors including Saudi Arabia's "
                             "Public Investment Fund.")
    assert "Arabia" not in labels and "Saudi Arabia" not in labels
    assert relations == {("INVESTED_IN", "Public Investment Fund", "Zephra Labs")}


def test_site_boilerplate_and_data_providers_are_not_entities():
    labels, _ = read("Zephra Labs raised $30 million from Orvane Capital.\n"
                     "Copyright 2024 Lumio Media Inc. No reproduction without permission.")
    assert set(labels) == {"Zephra Labs", "Orvane Capital"}
    labels, _ = read("Zephra Labs raised $30 million from Orvane Capital, Dealtrak data shows.")
    assert set(labels) == {"Zephra Labs", "Orvane Capital"}
    labels, _ = read("Zephra Labs raised $30 million. Orvane Capital led it. Tellan Inc. No one else joined.")
    assert "Tellan Inc." in labels and "Tellan Inc. No" not in labels


def test_the_sites_own_name_from_its_address_is_not_an_entity():
    text = "Zephra Labs raised $30 million from Orvane Capital. Dealtrak said it was the third round this week."
    result = extract_article(Article(id="p", title="Funding news", sections=(Section(text=text),),
                                     url="https://news.dealtrak.com/fintech/zephra"))
    assert {m.entity or m.name for m in result.mentions} == {"Zephra Labs", "Orvane Capital"}
