"""Sentence splitting and boilerplate removal."""

from graphkit.extract.boilerplate import clean_text, is_boilerplate, strip_credits
from graphkit.extract.sentences import split_sentences


def test_abbreviations_do_not_end_sentences():
    text = "Corvid Labs Inc. hired Mr. Okafor. He joined from Tallis Co. last year. No. 3 ranked."
    assert split_sentences(text) == [
        "Corvid Labs Inc. hired Mr. Okafor.", "He joined from Tallis Co. last year.", "No. 3 ranked."]


def test_initials_and_country_abbreviations_stay_inside():
    text = "The U.S. regulator fined Brightwater Corp. on Friday. J. R. Ames said so."
    assert split_sentences(text) == ["The U.S. regulator fined Brightwater Corp. on Friday.", "J. R. Ames said so."]


def test_quotes_and_ellipses():
    text = '"We are growing," said Ana Ruiz. "Fast!" she added... Then she left'
    # "Fast!" is followed by a lower-case word: the quote goes on, the ellipsis before "Then" ends it.
    assert split_sentences(text) == ['"We are growing," said Ana Ruiz.', '"Fast!" she added...', "Then she left"]


def test_headline_without_full_stop_is_its_own_sentence():
    assert split_sentences("Orbit Foods raises $3m\nOrbit Foods raised money. It grew.") == [
        "Orbit Foods raises $3m", "Orbit Foods raised money.", "It grew."]


def test_boilerplate_lines_are_dropped():
    text = "\n".join([
        "Advertisement", "Get more with myNEWS", "Follow Example Daily on Twitter", "Copy link",
        "Related Read", "Sign up for our newsletter", "Kestrel Robotics raised $9 million.",
        "Photo: Jane Doe/Agency",
    ])
    assert clean_text(text) == "Kestrel Robotics raised $9 million."


def test_photo_credit_is_stripped_from_a_story_line():
    assert strip_credits("Engineers at work in Lyon. Photo: Agency/Staff") == "Engineers at work in Lyon."
    assert not is_boilerplate("Kestrel Robotics raised $9 million.")


def test_repeated_byline_starts_the_author_box():
    text = "Kestrel raised money.\nGlobal Desk Writers\nGlobal Desk Writers\nOur desk covers markets daily."
    assert clean_text(text) == "Kestrel raised money."


def test_links_to_other_stories_are_dropped():
    text = "Kestrel raised $9 million.\nRelated reading:\nOrla Foods Lands $5M Seed Round\nPell Acquires Tarn\n" \
           "Kestrel will hire staff."
    assert clean_text(text) == "Kestrel raised $9 million.\nKestrel will hire staff."
