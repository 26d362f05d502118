"""Values and evidence go to the right edge: a sentence that names its own investee keeps it, an
amount belongs to the investor whose clause holds it, running totals are no deal amounts, and the
led flag comes only from the investor that led."""

from graphkit.extract import extract_article
from graphkit.extract.attribution import own_text
from graphkit.extract.money import find_amount
from graphkit.model import Article, Section


def extract(text: str, published: str | None = "2024-06-20"):
    article = Article(id="a1", title=text.splitlines()[0], sections=(Section(text=text),), published=published)
    return extract_article(article)


def funding(result) -> dict[tuple[str, str], list]:
    """Evidence by (investor, investee); "Tarn Group" and "Tarn" are one name within an article."""
    found: dict[tuple[str, str], list] = {}
    for relation in result.relations:
        if relation.type == "INVESTED_IN":
            source = "Tarn" if relation.source.startswith("Tarn") else relation.source
            found.setdefault((source, relation.target), []).append(relation.evidence)
    return found


STORY = """Tarn Group joins $80 million round for drone maker Quillon
Tarn Group is joining Brio Capital and other investors in an $80 million funding round into Quillon, \
the maker of delivery drones, people familiar with the matter said.
It is the second investment in Quillon from the Tarn Group, as the Tarn-affiliate Orla Pay had invested \
in the company alongside other investors in a $30 million deal back in May last year.
In March this year, Tarn Group also led an investment round of $50 million into Germany's Vexa Freight, \
the largest drone logistics startup.
"""


def test_a_sentence_naming_its_own_investee_is_never_moved_to_the_rounds_company():
    edges = funding(extract(STORY))
    vexa = [e for e in edges[("Tarn", "Vexa Freight")] if "Vexa" in e.sentence]
    assert [(e.amount, e.date, e.led) for e in vexa] == [("$50 million", "2024-03", True)]
    assert not any("Vexa" in e.sentence for e in edges[("Tarn", "Quillon")])
    assert {e.amount for e in edges[("Tarn", "Quillon")]} == {"$80 million", None}


def test_an_amount_belongs_to_the_investor_that_is_the_subject_of_its_clause():
    edges = funding(extract(STORY))
    second = [e for e in edges[("Tarn", "Quillon")] if "second investment" in e.sentence]
    assert [(e.amount, e.date) for e in second] == [(None, None)]
    orla = edges[("Orla Pay", "Quillon")]
    assert [(e.amount, e.date) for e in orla] == [("$30 million", "2023-05")]


def test_clauses_of_two_investors_keep_their_own_amounts_and_lead():
    result = extract("Pell Ventures led a $5 million round in Quillon; Kestrel Partners invested $1 million in Quillon.\n")
    edges = funding(result)
    assert [(e.amount, e.led) for e in edges[("Pell Ventures", "Quillon")]] == [("$5 million", True)]
    assert [(e.amount, e.led) for e in edges[("Kestrel Partners", "Quillon")]] == [("$1 million", None)]


def test_a_subject_list_shares_its_clause():
    text = "Pell Ventures and Kestrel Partners are joining a $9 million round in Quillon, while Tarn Capital invested $2 million."
    spans = [(text.index(n), text.index(n) + len(n), n) for n in ("Pell Ventures", "Kestrel Partners", "Quillon",
                                                                  "Tarn Capital")]
    investors = {"Pell Ventures", "Kestrel Partners", "Tarn Capital"}
    assert find_amount(own_text(text, spans, "Kestrel Partners", investors)).text == "$9 million"
    assert find_amount(own_text(text, spans, "Tarn Capital", investors)).text == "$2 million"
    one_clause = "Pell Ventures and Kestrel Partners back a $9 million round for Quillon."
    assert own_text(one_clause, [], "Kestrel Partners", investors) == one_clause


def test_running_totals_and_business_figures_are_not_deal_amounts():
    assert find_amount("The round brings the company's total funding to EUR 31.5 million.") is None
    assert find_amount("Quillon has raised a total of $90 million since 2019.") is None
    assert find_amount("Total funding to date of $40m puts it ahead of rivals.") is None
    assert find_amount("The two start-ups have raised $2.2 billion in total.") is None
    assert find_amount("Quillon reported revenue of $3 million last year.") is None
    assert find_amount("Pell and Tarn also invested, valuing the three-year-old company at $1.1 billion.") is None
    assert find_amount("Quillon raised $10 million in a Series B, bringing its total funding to $25 million.").text \
        == "$10 million"
    assert find_amount("It reported revenue of $3 million and raised $8 million from Pell.").text == "$8 million"


def test_a_follow_up_round_sentence_does_not_take_the_running_total():
    text = ("Quillon has closed a EUR 18 million Series A round led by Pell Ventures.\n"
            "Existing investors Kestrel Partners and Tarn Capital joined the round, which brings the company's "
            "total funding to EUR 21 million.\n")
    edges = funding(extract(text))
    assert [e.amount for e in edges[("Kestrel Partners", "Quillon")]] == [None]
    assert [(e.amount, e.led) for e in edges[("Pell Ventures", "Quillon")]] == [("EUR 18 million", True)]


def test_a_cumulative_so_far_figure_is_not_an_investors_amount():
    assert find_amount("So far Quillon has raised $310 million from Pell, Tarn Capital and others.") is None
    assert find_amount("Quillon has raised $310 million to date from Pell.") is None
    assert find_amount("So far this year, Quillon has raised $50 million in a Series B.").text == "$50 million"
    edges = funding(extract("So far Quillon has raised $310 million from Pell Ventures and Kestrel Partners.\n"))
    assert [e.amount for e in edges[("Kestrel Partners", "Quillon")]] == [None]


def test_joining_other_investors_in_a_round_into_a_company():
    for text in ("Marlow Group is joining hands with Brio Capital and other investors in an $80 million funding round "
                 "into Quillon, people familiar with the matter said.",
                 "Marlow Group is joining Brio Capital in a $80 million funding round for Quillon."):
        edges = funding(extract(text + "\n"))
        assert {pair: [e.amount for e in found] for pair, found in edges.items()} == {
            ("Marlow Group", "Quillon"): ["$80 million"], ("Brio Capital", "Quillon"): ["$80 million"]}
    assert funding(extract("Marlow Group joined Brio Capital in a deal for Quillon.\n")) == {}


def test_an_amount_tied_to_its_investor_in_a_breakdown():
    text = ("Quillon has secured $50 million, made up of a $35 million credit facility from Brio Bank and a "
            "$15 million equity investment led by Pell Ventures.\n")
    edges = funding(extract(text))
    assert [(e.amount, e.led) for e in edges[("Pell Ventures", "Quillon")]] == [("$15 million", True)]
    converted = "Quillon has raised 2 billion yuan ($280 million) in a pre-IPO round from Pell Ventures and Brio.\n"
    assert {e.amount for found in funding(extract(converted)).values() for e in found} == {"2 billion yuan"}


def test_a_relative_clause_telling_an_earlier_deal_gives_no_values_to_this_one():
    text = ("Quillon has raised $30 million in a Series B round led by Pell Ventures.\n"
            "Kestrel Partners, which backed the company's $4 million seed round in 2021, also participated.\n")
    edges = funding(extract(text))
    kestrel = [e for e in edges[("Kestrel Partners", "Quillon")] if "Kestrel" in e.sentence]
    assert [(e.amount, e.round, e.date) for e in kestrel] == [(None, None, None)]
    own = funding(extract("Quillon closed a Series A round, which totalled $20 million, led by Pell Ventures.\n"))
    assert [e.amount for e in own[("Pell Ventures", "Quillon")]] == ["$20 million"]
