"""Finding names in sentences: tokens, connectors, possessives, descriptors, headlines, labels."""

from graphkit.extract.labels import entity_labels, looks_like_person
from graphkit.extract.mentions import MentionContext, find_mentions, is_title_case, tokenize

BODY = "The company raised money from investors. Analysts said the deal was large and the market grew."


def names(sentence: str, text: str = BODY) -> list[str]:
    return [span.name for span in find_mentions(sentence, MentionContext.from_text(text + " " + sentence))]


def test_capitalized_runs_with_digits_camel_case_and_apostrophes():
    found = names("Funds from 5Y Capital, Crew9, qLabs and Brennan O’Rourke went to NorthStar.")
    assert found == ["5Y Capital", "Crew9", "qLabs", "Brennan O’Rourke", "NorthStar"]


def test_inner_connectors():
    assert names("The Bureau of Statistics and the Bank of Tinville agreed.") == [
        "Bureau of Statistics", "Bank of Tinville"]


def test_an_organization_of_a_place_is_a_name():
    assert names("The European Commission and the Bank of England warned.") == ["European Commission",
                                                                               "Bank of England"]


def test_and_splits_names_used_alone_elsewhere():
    text = BODY + " Varden grew. Osprey shrank."
    assert names("Varden and Osprey compete.", text) == ["Varden", "Osprey"]
    assert names("Analysts at Brill and Kettering's office said so.") == ["Brill and Kettering"]
    assert names("The Tinville Ports and Harbours (TPH) board met.") == ["Tinville Ports and Harbours", "TPH"]
    assert names("Its backers include Vantor Group and Quesnel.") == ["Vantor Group", "Quesnel"]
    assert names("It raised money from Quillon and Dovetree.") == ["Quillon", "Dovetree"]
    assert names("Funding came from Aster Capital and Lumen Partners.") == ["Aster Capital", "Lumen Partners"]


def test_possessives_are_split_and_marked():
    spans = find_mentions("Telvia's unit Quorra Pay raised money.", MentionContext.from_text(BODY))
    assert [(span.name, span.possessor) for span in spans] == [("Telvia", True), ("Quorra Pay", False)]


def test_places_nationalities_and_descriptors_are_dropped():
    assert names("Paris-based Veltro and London-listed Harlow Mining signed with Chinese startup Qinto.") == [
        "Veltro", "Harlow Mining", "Qinto"]
    assert names("In March, Germany and Japan agreed.") == []


def test_person_titles_are_dropped_and_marked():
    spans = find_mentions("Trade Minister Ilse Varga met Mr Okafor.", MentionContext.from_text(BODY))
    assert [(span.name, span.titled) for span in spans] == [("Ilse Varga", True), ("Okafor", True)]


def test_sentence_initial_common_words_are_not_names():
    assert names("Investors welcomed it. Beyond that, Sorrel Bio grew.") == ["Sorrel Bio"]


def test_numbers_amounts_rounds_and_plural_acronyms_are_not_names():
    assert names("It raised $1.3B in a Series B round, MPs said, and the 737-800 flew.") == []


def test_headlines_keep_only_unusual_words_and_known_names():
    headline = "Nimbus Grid Raises Money From Investors To Build Batteries"
    context = MentionContext.from_text(BODY + " Nimbus Grid builds batteries.", known_names=(("Nimbus", "Grid"),))
    assert is_title_case(headline, context)
    assert [span.name for span in find_mentions(headline, context)] == ["Nimbus Grid"]
    assert not is_title_case("Investors include Tarn Capital, Moss Global Management and Fidelity Trust.", context)


def test_hyphenated_descriptors_are_separate_tokens():
    assert [token.text for token in tokenize("Orla-backed Pym Inc. grew.")] == ["Orla", "-backed", "Pym", "Inc.",
                                                                               "grew", "."]


def test_labels_from_name_shapes():
    assert entity_labels("Harbor Growth Fund") == {"Fund", "Investor"}
    assert entity_labels("Kestrel Ventures") == {"Investor"}
    assert entity_labels("University of Tinville") == {"Organization"}
    assert entity_labels("Kestrel Robotics") == {"Company"}
    assert entity_labels("Kestrel Robotics", invests=True) == {"Company", "Investor"}
    assert entity_labels("Ana Ruiz", person=True, invests=True) == {"Person", "Investor"}
    assert looks_like_person("Maria Lindqvist") and not looks_like_person("Maria Capital")
