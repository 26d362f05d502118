"""Money amounts (normalized to USD with the fixed rate table), funding rounds and event dates."""

import pytest

from graphkit.extract.dates import find_date
from graphkit.extract.money import USD_PER_UNIT, find_amount, find_amounts, find_round

AMOUNTS = [
    ("Pell raised US$600 million.", "US$600 million", 600e6, "USD"),
    ("a $1.6 billion round", "$1.6 billion", 1.6e9, "USD"),
    ("a $600m deal", "$600m", 600e6, "USD"),
    ("It raised $2.5B.", "$2.5B", 2.5e9, "USD"),
    ("a deal of 460m yuan in cash", "460m yuan", 460e6 * USD_PER_UNIT["CNY"], "CNY"),
    ("profit of dollars 86m", "dollars 86m", 86e6, "USD"),
    ("a £20m investment", "£20m", 20e6 * USD_PER_UNIT["GBP"], "GBP"),
    ("a €487m round", "€487m", 487e6 * USD_PER_UNIT["EUR"], "EUR"),
    ("a deal of 1,250,000 euros", "1,250,000 euros", 1.25e6 * USD_PER_UNIT["EUR"], "EUR"),
    ("it raised at least $5 million", "at least $5 million", 5e6, "USD"),
    ("it raised Rs 500 crore", "Rs 500 crore", 500e7 * USD_PER_UNIT["INR"], "INR"),
    ("a R$40 million round", "R$40 million", 40e6 * USD_PER_UNIT["BRL"], "BRL"),
    ("it raised 2 billion naira", "2 billion naira", 2e9 * USD_PER_UNIT["NGN"], "NGN"),
    ("a deal of NT$300 million", "NT$300 million", 300e6 * USD_PER_UNIT["TWD"], "TWD"),
]


@pytest.mark.parametrize(("sentence", "text", "usd", "currency"), AMOUNTS, ids=[case[1] for case in AMOUNTS])
def test_amounts_keep_their_text_and_convert_to_usd(sentence, text, usd, currency):
    amount = find_amount(sentence)
    assert (amount.text, amount.currency) == (text, currency)
    assert amount.usd == pytest.approx(usd)


def test_valuations_and_prices_are_not_deal_amounts():
    assert find_amount("Pell is now valued at $2 billion.") is None
    assert find_amount("a round that would value the company at $2 billion") is None
    assert [a.text for _, a in find_amounts("It raised $40m at a $300m valuation.")] == ["$40m"]
    assert find_amount("Tickets cost $5 each.") is None
    assert find_amount("chips costing $40,000 apiece") is None
    assert find_amount("It pays $2m a year in rent.") is None


ROUNDS = [("a $2m pre-Series A round", "pre-Series A"), ("It led the series c.", "Series C"),
          ("a Series B extension round", "Series B extension"), ("a seed round of $1m", "seed"),
          ("its IPO raised $1bn", "IPO"), ("an initial public offering", "IPO"), ("seed investors grew", None)]


@pytest.mark.parametrize(("sentence", "expected"), ROUNDS, ids=[case[0] for case in ROUNDS])
def test_rounds(sentence, expected):
    assert find_round(sentence) == expected


DATES = [
    ("Pell said on Monday it raised money.", "2024-04-17", "2024-04-15"),
    ("Pell raised money last year.", "2024-04-17", "2023"),
    ("In October, Pell raised money.", "2024-04-17", "2023-10"),
    ("In March, Pell raised money.", "2024-04-17", "2024-03"),
    ("earlier this year Pell raised money", "2024-04-17", "2024"),
    ("Pell raised money last month.", "2024-01-09", "2023-12"),
    ("The deal closed on March 28, 2022.", None, "2022-03-28"),
    ("The deal closed on 5 June 2021.", None, "2021-06-05"),
    ("Pell, which floated in 2003, grew.", None, "2003"),
    ("Pell raised money on Monday.", None, None),
    ("Pell raised money.", "2024-04-17", None),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), DATES, ids=[case[0][:30] for case in DATES])
def test_dates_resolve_against_publication(sentence, published, expected):
    assert find_date(sentence, published) == expected
