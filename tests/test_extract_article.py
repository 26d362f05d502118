"""Whole-article extraction: actors kept, sources and boilerplate left out, in-article aliases, evidence."""

import pytest

from graphkit.extract import extract_article
from graphkit.model import Article, Section

STORY = """Quillon Robotics raises $12m to build warehouse robots
Advertisement
Quillon Robotics, a Lyon-based maker of warehouse robots, said on Tuesday it had raised $12 million in a \
Series A round led by Tarn Capital, according to Daily Ledger.
Orla Ventures and Pell also took part in the round.
Mr Dufresne said the money would pay for new engineers. Chief executive Amelie Dufresne founded Quillon in 2019.
The company competes with Brightwater Automation, a larger rival, the Daily Ledger reported.
Follow Daily Ledger on Twitter
"""


def extract(text: str = STORY, source: str | None = None, published: str | None = "2024-05-02"):
    article = Article(id="story-1", title=text.splitlines()[0], sections=(Section(text=text, url="https://e.x/1"),),
                      published=published, source=source)
    return extract_article(article)


def test_relations_with_evidence_values():
    result = extract()
    funding = {(r.source, r.target): r.evidence for r in result.relations if r.type == "INVESTED_IN"}
    assert set(funding) == {("Tarn Capital", "Quillon Robotics"), ("Orla Ventures", "Quillon Robotics"),
                            ("Pell", "Quillon Robotics")}
    lead = funding["Tarn Capital", "Quillon Robotics"]
    assert (lead.amount, lead.amount_usd, lead.currency, lead.round, lead.date, lead.led) == (
        "$12 million", 12e6, "USD", "Series A", "2024-04-30", True)
    assert lead.url == "https://e.x/1" and lead.article == "story-1" and "Tarn Capital" in lead.sentence
    rivals = {(r.source, r.target) for r in result.relations if r.type == "COMPETES_WITH"}
    assert rivals == {("Quillon Robotics", "Brightwater Automation")}


def test_entities_labels_and_in_article_aliases():
    result = extract()
    labels = {mention.entity or mention.name: mention.labels for mention in result.mentions}
    assert labels["Tarn Capital"] == {"Investor"}
    assert labels["Quillon Robotics"] == {"Company"}
    assert labels["Amelie Dufresne"] == {"Person"}
    aliases = {mention.name: mention.entity for mention in result.mentions if mention.entity}
    assert aliases["Dufresne"] == "Amelie Dufresne"
    assert aliases["Quillon"] == "Quillon Robotics"


def test_sources_publisher_and_boilerplate_are_not_entities():
    result = extract(source="Daily Ledger")
    names = {mention.entity or mention.name for mention in result.mentions}
    assert "Daily Ledger" not in names and "Advertisement" not in names and "Lyon" not in names
    cited_only = extract()
    assert "Daily Ledger" not in {mention.entity or mention.name for mention in cited_only.mentions}


def test_related_items_are_read_with_their_own_provenance():
    article = Article(id="a2", title="Pell grows", sections=(
        Section(text="Pell grows\nPell hired staff."),
        Section(text="Orla invests in Pell\nOrla Ventures invested $3m in Pell.", title="Orla invests in Pell",
                url="https://e.x/related", published="2023-01-05")))
    result = extract_article(article)
    relation = next(r for r in result.relations if r.type == "INVESTED_IN")
    assert (relation.source, relation.target, relation.evidence.url) == ("Orla Ventures", "Pell", "https://e.x/related")


def test_an_empty_article_gives_nothing():
    result = extract_article(Article(id="empty", title="", sections=(Section(text=""),)))
    assert result.mentions == [] and result.relations == []


def test_a_headline_kept_apart_from_the_text_is_read_too():
    article = Article(id="a3", title="Tarn Motors invests in chipmaker Quillon Robotics",
                      sections=(Section(text="The deal was signed on Monday."),))
    relations = {(r.type, r.source, r.target) for r in extract_article(article).relations}
    assert relations == {("INVESTED_IN", "Tarn Motors", "Quillon Robotics")}


def test_results_survive_pickling_for_worker_processes():
    import pickle

    result = extract()
    again = pickle.loads(pickle.dumps(result))
    assert again.relations == result.relations and again.mentions == result.mentions


def test_someone_quoted_is_a_person_but_the_employer_before_them_is_not():
    text = ('"Prices will rise," said Kwame Mensah of the cocoa board.\n'
            '"Demand is strong," added Brill and Kettering\'s Adaeze Okafor.')
    mentions = extract_article(Article(id="q", title="", sections=(Section(text=text),))).mentions
    labels = {mention.entity or mention.name: mention.labels for mention in mentions}
    assert labels["Kwame Mensah"] == {"Person"} and labels["Adaeze Okafor"] == {"Person"}
    assert labels["Brill and Kettering"] == {"Company"}


def test_known_names_are_kept_whole_in_headlines_and_at_sentence_start():
    text = ("Fund Dumps Orvane In June For A Rival Stock\n"
            "Ask Lumen has become the third search firm to gain.\n"
            "Shares in Orvane fell while Ask Lumen rose. Orvane said so.")
    mentions = extract_article(Article(id="k", title="", sections=(Section(text=text),))).mentions
    names = {mention.entity or mention.name for mention in mentions}
    assert {"Orvane", "Ask Lumen"} <= names and "Dumps Orvane" not in names and "Lumen" not in names


def test_short_forms_and_acronyms_join_the_full_name_within_an_article():
    text = ("Kestrel Cloud raised $5 million from the International Finance Corporation.\n"
            "Kestrel said the IFC money would fund data centres.")
    result = extract_article(Article(id="s", title="", sections=(Section(text=text),)))
    aliases = {mention.name: mention.entity for mention in result.mentions if mention.entity}
    assert aliases == {"Kestrel": "Kestrel Cloud", "IFC": "International Finance Corporation"}


def test_a_short_form_used_before_the_long_one_stays_apart():
    text = "Samsung opened a lab. Samsung Next, its venture arm, invested in Quillon Robotics. Samsung grew."
    names = {m.entity or m.name for m in extract_article(
        Article(id="t", title="", sections=(Section(text=text),))).mentions}
    assert {"Samsung", "Samsung Next"} <= names


DEALS = [
    ("Nuvola Labs raises $12M\nNuvola Labs has closed a $12 million Series A round. The round was led by Atlas "
     "Partners, with Brightline Ventures and Cedar Capital also participating.",
     {("Atlas Partners", "Nuvola Labs"), ("Brightline Ventures", "Nuvola Labs"), ("Cedar Capital", "Nuvola Labs")}),
    ("Pylon secures funding\nPylon Energy said on Tuesday that it has secured $30 million. Existing backer Granite "
     "Fund led the financing, joined by newcomers Orbit Capital and the Hale Family Office.",
     {("Granite Fund", "Pylon Energy"), ("Orbit Capital", "Pylon Energy"), ("Hale Family Office", "Pylon Energy")}),
    ("Zephyr funding\nZephyr AI has completed a $20 million round co-led by Delta Ventures and Pine Capital. Other "
     "participants included Harbor Growth.",
     {("Delta Ventures", "Zephyr AI"), ("Pine Capital", "Zephyr AI"), ("Harbor Growth", "Zephyr AI")}),
    ("Ferro raises\nThe investment in Ferro Materials was led by Oak Hill Investments.",
     {("Oak Hill Investments", "Ferro Materials")}),
    ("Kite\nKite Logistics counts Sequoia Capital India and Accel among its investors.",
     {("Sequoia Capital India", "Kite Logistics"), ("Accel", "Kite Logistics")}),
    ("Orca\nOrca Maps landed $6 million in seed funding. Gradient Ventures led the seed round, and Y Combinator "
     "participated.", {("Gradient Ventures", "Orca Maps"), ("Y Combinator", "Orca Maps")}),
]


@pytest.mark.parametrize(("text", "expected"), DEALS, ids=[case[0].split("\n")[0] for case in DEALS])
def test_deal_stories(text, expected):
    article = Article(id="d", title=text.split("\n")[0], sections=(Section(text=text),))
    found = {(r.source, r.target) for r in extract_article(article).relations if r.type == "INVESTED_IN"}
    assert found == expected


def test_a_site_name_ending_a_page_title_is_the_publisher():
    article = Article(id="t", title="", sections=(Section(text="Which search engine is better? – Daily Lantern\n"
                                                                 "Daily Lantern put Quillon to the test."),))
    names = {m.entity or m.name for m in extract_article(article).mentions}
    assert "Daily Lantern" not in names


def test_names_a_company_does_business_with_are_actors():
    text = "Quillon Robotics won orders from Tarnhaven Air. Its customers include Orla Foods and Pellmart."
    names = {m.entity or m.name for m in extract_article(Article(id="b", title="", sections=(Section(text=text),))).mentions}
    assert {"Tarnhaven Air", "Orla Foods", "Pellmart"} <= names


def test_a_firm_described_as_a_venture_investor_is_an_investor_only():
    text = "Quillon raised $4m from Tarnwell, a Boston venture capital firm, and Orla Foods."
    labels = {m.entity or m.name: m.labels for m in extract_article(
        Article(id="v", title="", sections=(Section(text=text),))).mentions}
    assert labels["Tarnwell"] == {"Investor"} and labels["Orla Foods"] == {"Company", "Investor"}


def test_a_name_only_in_a_headline_is_kept_when_it_acts():
    article = Article(id="h", title="", sections=(
        Section(text="Orla Foods Lands $5M, Pellmart Also Raises Big\nOrla Foods said demand grew."),))
    names = {m.entity or m.name for m in extract_article(article).mentions}
    assert "Pellmart" in names
