"""General extraction rules: each test uses made-up sentences, not text from any evaluation set."""

from graphkit.extract.mentions import MentionContext, find_mentions
from graphkit.extract.stoplists import is_demonym


def names(sentence: str, text: str | None = None) -> list[str]:
    context = MentionContext.from_text(text or sentence)
    return [span.name for span in find_mentions(sentence, context)]


def test_non_ascii_letters_stay_inside_names():
    assert names("Talks between Jürgen Müller and Citroën Ventures stalled.") == ["Jürgen Müller", "Citroën Ventures"]


def test_sentence_openers_and_currency_are_not_names():
    assert names("Separately, Brightwave said it would hire.") == ["Brightwave"]
    assert names("Existing investor Marlow Partners put in Rs 200 crore.") == ["Marlow Partners"]


def test_demonyms_are_not_names():
    assert is_demonym("Kenyan") and is_demonym("Ghanaian") and is_demonym("Omani")
    assert not is_demonym("Stripe")
    assert names("The Ethiopian lender signed with Orvane.") == ["Orvane"]


def test_connectors_inside_agency_names():
    assert names("The Food and Drug Administration approved it.") == ["Food and Drug Administration"]
    assert names("Quarry Investment & Securities underwrote it.") == ["Quarry Investment & Securities"]
    assert names("Boeing and Airbus rose.") == ["Boeing", "Airbus"]


def test_digit_names_are_not_glued():
    assert names("It rivals Brio's 9Mart and Dellow's grocery arm.") == ["Brio", "9Mart", "Dellow"]


def test_demonym_before_a_place_or_an_ordinary_word_name_stays():
    assert names("Funding came from Tellan's Latin America Fund.") == ["Tellan", "Latin America Fund"]
    assert names("The round included Swiss Patient Capital.") == ["Swiss Patient Capital"]
    assert names("Chinese Quorra Holdings joined; Quorra Holdings and Quorra rose.")[0] == "Quorra Holdings"
