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


def funding(text: str) -> set[tuple[str, str]]:
    from graphkit.extract.article import extract_article
    from graphkit.model import Article, Section

    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    return {(r.source, r.target) for r in result.relations if r.type == "INVESTED_IN"}


def test_follow_up_sentences_join_the_current_round():
    text = ("Orvane Robotics said on Monday it raised $30 million in a Series B round. Tellus Capital led the round. "
            "Brio Ventures, Kestrel Partners and the Danish pension fund Nordlys Pension joined, the company said.")
    assert {("Tellus Capital", "Orvane Robotics"), ("Brio Ventures", "Orvane Robotics"),
            ("Kestrel Partners", "Orvane Robotics"), ("Nordlys Pension", "Orvane Robotics")} <= funding(text)


def test_follow_up_with_apposition_and_alongside():
    text = ("Quillfin has raised $12 million. Harbor Point Capital and Maple Ventures, which backed its seed round, "
            "also participated, alongside angel investor Dana Whitlow.")
    assert {("Harbor Point Capital", "Quillfin"), ("Maple Ventures", "Quillfin"), ("Dana Whitlow", "Quillfin")} \
        <= funding(text)


def test_participation_verbs_need_a_round_nearby():
    from graphkit.extract.followups import participants

    assert participants("⟦0⟧ joined, the company said.", round_nearby=False) == []
    assert participants("⟦0⟧ also joined.", round_nearby=False) == ["0"]
    assert participants("⟦0⟧ and ⟦1⟧ returned as investors.", round_nearby=False) == ["0", "1"]


def test_owner_of_a_named_fund_and_later_participants():
    text = ("The farm app Yieldra has raised a $9 million seed extension. The round was led by Pallas's "
            "Drylands Growth Fund, with participation from Ubuntu Capital. Norvik, the investment arm of the "
            "Danish aid agency DAA, also invested.")
    found = funding(text)
    assert {("Drylands Growth Fund", "Yieldra"), ("Ubuntu Capital", "Yieldra"), ("Norvik", "Yieldra")} <= found
    assert not {pair for pair in found if pair[1] in ("Pallas", "Drylands Growth Fund")}


def test_which_raised_attaches_to_the_apposition_head():
    text = "Celldra, a Leeds University spinout which raised £4m from Redmoor Ventures, hired a new chief."
    assert funding(text) == {("Redmoor Ventures", "Celldra")}


def test_company_names_ending_in_ly_start_sentences():
    assert names("Spendly, a payments start-up, hired a chief.") == ["Spendly"]
    assert names("Additionally, Spendly hired a chief.") == ["Spendly"]


def test_owner_in_an_apposition_is_not_a_participant():
    text = ("Brevo Bio said it closed a $40 million Series B round. QV, Zenex's venture arm, led the financing, "
            "and Atlas Peak Partners and the Birch Holdings unit of the Rowan Foundation joined.")
    found = funding(text)
    assert {("QV", "Brevo Bio"), ("Atlas Peak Partners", "Brevo Bio"), ("Birch Holdings", "Brevo Bio")} <= found
    assert ("Zenex", "Brevo Bio") not in found and ("Rowan Foundation", "Brevo Bio") not in found


def test_fund_numbers_stay_with_the_fund():
    assert names("Tidewater Growth Fund 3 and Corvid Capital joined.") == ["Tidewater Growth Fund 3", "Corvid Capital"]
    assert names("Corvid Capital 2 years ago backed it.") == ["Corvid Capital"]


def test_short_form_goes_to_the_name_that_only_adds_generic_words():
    from graphkit.extract.article import extract_article
    from graphkit.model import Article, Section

    text = ("Pylon Grid raised $20m from Corva Investment Partners. Pylon Grid competes with Corva Towers. "
            "Corva said it would invest again.")
    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    assert {m.entity for m in result.mentions if m.name == "Corva"} == {"Corva Investment Partners"}


def test_suffixed_short_form_is_not_a_prefix_alias():
    from graphkit.extract.article import extract_article
    from graphkit.model import Article, Section

    text = ("Brevo Bio raised $40 million. The Lund Holdings unit of the Lund Science Foundation joined. "
            "Lund Science Foundation funds research.")
    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    assert {m.entity or m.name for m in result.mentions if m.name == "Lund Holdings"} == {"Lund Holdings"}


def test_two_letter_acronyms_do_not_join_articles():
    import tempfile
    from pathlib import Path

    from graphkit.pipeline import extract_paths

    folder = Path(tempfile.mkdtemp())
    (folder / "a.txt").write_text("Orvane raised $5 million from Gale Ventures, the company said.\n")
    (folder / "b.txt").write_text("Tessly raised $9 million from GV, the company said. GV also backs Orvane.\n")
    graph, _ = extract_paths([folder])
    names = {data.get("name") for _, data in graph.nodes(data=True)}
    assert {"Gale Ventures", "GV"} <= names


def relations(text: str) -> set[tuple[str, str, str]]:
    from graphkit.extract.article import extract_article
    from graphkit.model import Article, Section

    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    return {(r.type, r.source, r.target) for r in result.relations}


def test_backed_noun_phrases_and_whose_investors():
    found = relations("Shares of Quorrel Labs rose 9% on the Tallis Exchange. The Hexon-backed company, whose other "
                      "investors include Pine Row Capital and Osmund Ventures, is valued at $2 billion.")
    assert {("BACKED_BY", "Quorrel Labs", "Hexon"), ("INVESTED_IN", "Pine Row Capital", "Quorrel Labs"),
            ("INVESTED_IN", "Osmund Ventures", "Quorrel Labs")} <= found
    found = relations("Vaultra, the Mintbridge Ventures-backed custody provider, hired a chief.")
    assert ("BACKED_BY", "Vaultra", "Mintbridge Ventures") in found


def test_investors_including_and_sold_stake():
    found = relations("Tessly's investors, including Harrow Capital, will receive cash. "
                      "Gramwell Foods has sold a 15% stake to Oriel Capital Group for $90 million.")
    assert {("INVESTED_IN", "Harrow Capital", "Tessly"), ("INVESTED_IN", "Oriel Capital Group", "Gramwell Foods")} \
        <= found


def test_named_unit_invests_not_its_owner():
    found = relations("Separately, Korvex said its venture unit, Korvex Next, had bought a 10% stake in Lumo Robotics.")
    assert ("INVESTED_IN", "Korvex Next", "Lumo Robotics") in found
    assert ("INVESTED_IN", "Korvex", "Lumo Robotics") not in found


def rivals(text: str) -> set[frozenset]:
    return {frozenset((s, t)) for kind, s, t in relations(text) if kind == "COMPETES_WITH"}


def test_rival_phrasings():
    assert frozenset(("Pollo Go", "Rapida")) in rivals("Pollo Go raised $5 million. Pollo Go's main rival, Rapida, "
                                                      "is larger.")
    assert frozenset(("Pollo Go", "Rapida")) in rivals("Pollo Go battles Rapida and Comet in Lima.")
    assert {frozenset(("Telvo", "Airlink")), frozenset(("Netra", "Airlink"))} <= rivals(
        "Telvo, the state incumbent, and Netra are the main competitors of Airlink in broadband.")
    assert frozenset(("Voltra Motors", "Pengu")) in rivals(
        "Voltra Motors raised $90 million. The Hefei-based company, whose sedans go up against models from Pengu, "
        "plans to list.")


def test_people_never_compete():
    found = rivals("Dosu Labs raised $4 million. Founded by engineers Mara Quist and Ivo Brandt, the company is "
                   "vying with Ferrox for contracts.")
    assert frozenset(("Dosu Labs", "Ferrox")) in found
    assert not any("Mara Quist" in pair for pair in found)


def test_biggest_players_apposition():
    assert frozenset(("Kraxo", "Minwell")) in rivals("Kraxo and Minwell, the two biggest players in the market, "
                                                     "reported weaker sales.")


def test_fund_described_by_its_kind_and_authority_of_place():
    from graphkit.extract.article import extract_article
    from graphkit.extract.labels import entity_labels
    from graphkit.model import Article, Section

    text = "Brevo Bio raised $40 million. Danish pension fund PKX and Orvel Capital also took part."
    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    assert {m.labels for m in result.mentions if m.name == "PKX"} == {frozenset({"Fund", "Investor"})}
    assert entity_labels("Financial Authority of Ruritania") == {"Organization"}


def test_owner_of_an_investing_unit_is_an_entity():
    from graphkit.extract.article import extract_article
    from graphkit.model import Article, Section

    text = "Brevo Bio raised $40 million. The round was led by Quarrow's Blue Harbor Fund."
    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    assert "Quarrow" in {m.entity or m.name for m in result.mentions}
    assert ("Blue Harbor Fund", "Brevo Bio") in {(r.source, r.target) for r in result.relations}


def test_alongside_person_with_employer_apposition():
    from graphkit.extract.article import extract_article
    from graphkit.model import Article, Section

    text = ("Quillfin has raised $12 million. Harbor Point Capital also participated, alongside angel investor "
            "Dana Whitlow, a former Zentrix executive.")
    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    found = {(r.source, r.target) for r in result.relations if r.type == "INVESTED_IN"}
    assert ("Dana Whitlow", "Quillfin") in found and ("Zentrix", "Quillfin") not in found
    assert "Zentrix" in {m.entity or m.name for m in result.mentions}


def test_it_after_the_company_is_the_company():
    text = ("Norrow raised $10 million from Peak Ridge Capital. Subscribe: Trade Smarter with Zento today. "
            "The company also said it had taken a minority stake in Kelpa.")
    assert ("Norrow", "Kelpa") in funding(text)


def test_numbered_vehicle_is_not_the_firms_full_name():
    from graphkit.extract.article import extract_article
    from graphkit.model import Article, Section

    text = ("Venture firm Larkspur has closed Larkspur Ventures IV at $500 million. Larkspur Ventures IV led a "
            "$9 million round in Tobi. Larkspur said it would back ten companies.")
    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    assert {m.entity or m.name for m in result.mentions if m.name == "Larkspur"} == {"Larkspur"}


def test_pre_ipo_round_is_not_an_ipo():
    from graphkit.extract.money import find_round

    assert find_round("Velto raised $50 million in a pre-IPO round") == "pre-IPO"
    assert find_round("Velto raised $50 million in its initial public offering") == "IPO"


def test_lead_of_the_round_gets_the_rounds_amount():
    from graphkit.extract.article import extract_article
    from graphkit.model import Article, Section

    text = ("Orvane Robotics said it raised $30 million in Series B funding. Tellus Capital led the round. "
            "Brio Ventures joined, the company said.")
    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    evidence = {r.source: r.evidence for r in result.relations}
    assert (evidence["Tellus Capital"].amount, evidence["Tellus Capital"].round) == ("$30 million", "Series B")
    assert evidence["Brio Ventures"].amount is None


def test_founders_are_people():
    from graphkit.extract.article import extract_article
    from graphkit.model import Article, Section

    text = ("Founded in 2020 by Tomás Ibarra and Lucía Ferrer, Pagora raised $8 million. Its rival was started "
            "by engineers Odile Brun and Kasper Lind. Nexa, a coalition started by Stripe, buys credits.")
    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    labels = {m.name: m.labels for m in result.mentions}
    assert all("Person" in labels.get(name, set()) for name in ("Tomás Ibarra", "Lucía Ferrer", "Kasper Lind"))
    assert "Person" not in labels.get("Stripe", set())


def test_joined_without_a_round_is_not_an_investment():
    text = "Kestrel Labs said it would cut staff. The company joined the Open Grid Alliance. Brio and Tamsa also joined."
    assert funding(text) == set()


def test_its_main_rival_apposition():
    assert frozenset(("Aerion", "Skyvale")) in rivals("Aerion said it delivered 60 jets. Skyvale, its main rival, "
                                                      "delivered 40.")


def test_share_sale_opens_a_round_and_named_rival_raises():
    text = ("Pendra hit a $4 billion valuation in a share sale. Corvid Capital and Lisle Partners led the deal. "
            "Ardent Fund also bought shares, the company said. Its main rival, Monzi, raised money last year "
            "from Hedge Row Ventures.")
    found = funding(text)
    assert {("Corvid Capital", "Pendra"), ("Lisle Partners", "Pendra"), ("Ardent Fund", "Pendra"),
            ("Hedge Row Ventures", "Monzi")} <= found


def test_early_investor_apposition_and_first_named_main_company():
    found = relations("Swivo, which competes with Zamato, filed for a listing. Prosa, an early investor, will sell "
                      "shares.")
    assert ("INVESTED_IN", "Prosa", "Swivo") in found


def test_its_round_is_not_a_subjects_round():
    found = funding("Kelpa raised $3 million in March. Yarrow Ventures and Sequent Capital backed its seed round.")
    assert {("Yarrow Ventures", "Kelpa"), ("Sequent Capital", "Kelpa")} <= found
    assert ("Yarrow Ventures", "Sequent Capital") not in found


def test_standing_stakes_in_the_story_company():
    found = funding("Kestra, the Danish payments company, is preparing a listing. Vale Capital is its largest "
                    "shareholder. Heron Partners and Norbank also hold stakes.")
    assert {("Vale Capital", "Kestra"), ("Heron Partners", "Kestra"), ("Norbank", "Kestra")} <= found


def test_owner_modifier_does_not_compete():
    found = rivals("Flinto received $30 million from Gable. The Parnell-owned company competes with Zappa.")
    assert frozenset(("Flinto", "Zappa")) in found
    assert not any("Parnell" in pair for pair in found)


def test_list_item_owned_by_a_described_owner():
    from graphkit.extract.relations import list_after

    assert list_after("⟦1⟧, the ⟦2⟧ city government's ⟦3⟧ and ⟦4⟧, according to a filing") == ["1", "3", "4"]


def test_portfolio_phrasings():
    found = funding("Tarvik Motors, which also counts Ampli among the startups in its venture portfolio, signed a "
                    "deal. Ardent Capital portfolio company Zumo hired a chief.")
    assert {("Tarvik Motors", "Ampli"), ("Ardent Capital", "Zumo")} <= found


def test_employers_founders_and_of_names_are_actors():
    from graphkit.extract.article import extract_article
    from graphkit.model import Article, Section

    text = ("Kelpa raised $3 million. Kelpa was founded by former Orvan Bank banker Lio Tan. Its chief, who "
            "previously ran partnerships at Vidster, said so. The Central Bank of Ruritania has tightened rules.")
    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    found = {m.entity or m.name for m in result.mentions}
    assert {"Lio Tan", "Orvan Bank", "Vidster", "Central Bank of Ruritania"} <= found


def test_hyphenated_given_names():
    assert names("Chief executive Lee Seo-yun told reporters.") == ["Lee Seo-yun"]
    assert names("The Year-end rally lifted Tesla.") == ["Tesla"]


def test_datelines_and_creative_works_are_not_entities():
    from graphkit.extract.article import extract_article
    from graphkit.model import Article, Section

    text = ("Port Veyra, Thursday\n\nQuorra Games raised $5 million to port the role-playing game Emberfall to "
            "consoles. Emberfall sold well, Quorra Games said.")
    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    found = {m.entity or m.name for m in result.mentions}
    assert "Quorra Games" in found and not {"Port Veyra", "Emberfall"} & found


def test_brokers_and_bourses_labels():
    from graphkit.extract.article import extract_article
    from graphkit.model import Article, Section

    text = ("Shares of Kelpa rose 60% on the KOSTEX market after its listing. Brant Partners was the lead "
            "underwriter. Marlow Partners analyst Ida Moe called it strong.")
    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    labels = {m.name: m.labels for m in result.mentions}
    assert labels["KOSTEX"] == {"Organization"}
    assert labels["Brant Partners"] == {"Company"} and labels["Marlow Partners"] == {"Company"}


def test_fund_described_after_the_name():
    from graphkit.extract.article import extract_article
    from graphkit.model import Article, Section

    text = "The round in Kelpa was led by Green Power Ventures, the climate fund started by Ida Moe."
    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    assert {m.labels for m in result.mentions if m.name == "Green Power Ventures"} == {frozenset({"Fund", "Investor"})}


def test_person_cues_do_not_make_firms_people():
    from graphkit.extract.article import extract_article
    from graphkit.extract.labels import entity_labels
    from graphkit.model import Article, Section

    text = ("Kelpa raised $9 million. Existing investor Dorn MotoWorks also participated. Kelpa was founded by "
            "former Lumen Arts producer Ida Moe.")
    result = extract_article(Article(id="t", title="", sections=(Section(text=text),)))
    labels = {m.name: m.labels for m in result.mentions}
    assert "Person" not in labels["Dorn MotoWorks"] and "Person" not in labels.get("Lumen Arts", set())
    assert entity_labels("Central Bank of Ruritania") == {"Organization"}


def test_deal_led_by_an_executive_is_no_investment():
    assert funding("Vantor sold its Dutch unit to Kell for $2 billion. The deal was led by chief executive "
                   "Ida Moe.") == set()


def test_descriptor_after_an_investor_sentence_is_the_company():
    found = rivals("Shiro is valued at $6 billion after its latest round. Atlas Peak and Morrow invested. "
                   "The fashion retailer competes with Tamu.")
    assert frozenset(("Shiro", "Tamu")) in found
    assert not any("Morrow" in pair or "Atlas Peak" in pair for pair in found)


def test_bought_shares_in_the_offering():
    found = funding("Zenko raised $500 million in its listing. Corva, Delt and Fenn bought shares in the offering.")
    assert {("Corva", "Zenko"), ("Delt", "Zenko"), ("Fenn", "Zenko")} <= found


def test_compete_with_those_of():
    assert frozenset(("Robix", "Telsa Motors")) in rivals("Robix raised $9 million. Its humanoid robots compete "
                                                          "with those of Telsa Motors.")
