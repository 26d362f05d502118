"""Synthetic investor news articles with known ground truth, for the extraction benchmark.

Each article (about 400 words) reports one funding round: a company, its round and amount, a
lead investor and other participants, earlier backers and a rival, told with varied phrasings
and wrapped in page boilerplate (advert markers, share prompts, newsletter pitches, photo
credits), in plain text, front matter or JSON. ``truth.json`` lists, per article, the relations a
perfect extractor finds: investor INVESTED_IN company, company COMPETES_WITH rival.

    python -m benchmarks.generate_articles OUT_DIR --count 500 --seed 7

Examples
--------
>>> import tempfile
>>> truth = write_corpus(tempfile.mkdtemp(), count=3, seed=1)
>>> len(truth), sorted(truth[0]["relations"][0])
(3, ['source', 'target', 'type'])
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ra",
    "zen",
    "tor",
    "vel",
    "qui",
    "sa",
    "no",
    "bri",
    "dax",
    "ul",
    "fen",
    "gro",
    "hal",
    "iso",
    "jun",
    "kel",
    "mor",
    "nex",
    "ori",
    "pax",
    "rin",
    "sol",
    "tav",
    "vor",
)
COMPANY_WORDS = (
    "Robotics",
    "Health",
    "Energy",
    "Labs",
    "Systems",
    "Bio",
    "AI",
    "Analytics",
    "Motors",
    "Payments",
    "Security",
    "Materials",
)
INVESTOR_WORDS = ("Capital", "Ventures", "Partners", "Growth", "Investments", "Venture Partners")
FIRST_NAMES = ("Anna", "Tomas", "Mei", "Ravi", "Sofia", "Daniel", "Yuki", "Lena", "Omar", "Clara")
LAST_NAMES = ("Berg", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "Castillo", "Weber", "Haddad")
CITIES = ("Berlin", "Singapore", "Austin", "Lyon", "Toronto", "Seoul", "Nairobi", "Oslo", "Lisbon")
SECTORS = (
    "warehouse robots",
    "battery recycling",
    "clinical trial software",
    "fraud detection",
    "industrial sensors",
    "plant-based proteins",
    "grid storage",
    "chip design tools",
)
ROUNDS = ("seed", "Series A", "Series B", "Series C")

LEAD_SENTENCES = (
    "{company}, {a_city} start-up working on {sector}, has raised {amount} in a {round} round led by {lead}.",
    "{company} said on {weekday} it had raised {amount} in {round} funding led by {lead}.",
    "{lead} led a {amount} {round} round in {company}, the {city} {sector} company.",
    "The {city} company {company} closed a {amount} {round} round, with {lead} leading the investment.",
)
PARTICIPANT_SENTENCES = (
    "{others} also took part in the round.",
    "{others} joined the round as well.",
    "The round included participation from {others}.",
)
EARLIER_SENTENCES = (
    "{company} is also backed by {earlier}, which invested in an earlier round.",
    "Earlier investors in {company} include {earlier}.",
)
RIVAL_SENTENCES = (
    "{company} competes with {rival}, which sells similar products to large manufacturers.",
    "Its main rival is {rival}, a company that raised money from different investors last year.",
    "{company} and {rival} compete for the same customers in Europe and Asia.",
)
FILLER = (
    "Demand for {sector} has grown quickly over the past two years as customers look for ways to "
    "cut costs and meet new rules on reporting. Analysts expect the market to keep growing, although "
    "higher interest rates have made many buyers more careful about long contracts.",
    "The company plans to use the money to hire engineers, open a sales office in a second country "
    "and build a larger production line. It employs about {staff} people today and expects to double "
    "that number by the end of next year, according to its chief executive, {person}.",
    "{person}, who founded the company after a decade in research, said customers were asking for "
    'products that work with the equipment they already own. "We spent the first years listening," '
    '{person_last} said in an interview. "Now we can build what they told us they need."',
    "Investors have become more selective this year, putting money into fewer companies but writing "
    "larger cheques for those that already have paying customers. Funding for early-stage companies in "
    "the sector fell by about a fifth compared with the year before, according to industry figures.",
    "Customers include {customer}, which has been testing the product at three of its sites since "
    "last spring. A spokesperson for {customer} said the trial had gone well and that a wider rollout was "
    "being discussed, though no contract has been signed.",
    "Its first product went on sale two years ago and is now used in {staff} locations. The next "
    "version, due early next year, is meant to be cheaper to install and to need less maintenance, "
    "which the company says is the main complaint it hears from customers today.",
    "Regulators in several countries are drafting rules that could affect the sector. Industry groups "
    "have asked for clear standards on testing and data, arguing that uncertainty slows down purchases "
    "by large customers who need approval from their own boards before they commit.",
    "Revenue more than tripled last year, the company said, without giving figures. Most of its sales "
    "still come from its home market, but it signed its first customers abroad in recent months and "
    "expects international business to account for half of revenue within three years.",
    "The company did not disclose its valuation. People familiar with the deal said it was higher than "
    "at the previous round, which took place eighteen months ago when the company had fewer customers.",
)
BOILERPLATE = (
    "Advertisement",
    "Follow {outlet} on Twitter",
    "Copy link",
    "Learn more",
    "Stay up to date with the latest funding rounds in the {outlet} Daily newsletter.",
    "Photo: {outlet}/Staff",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday")


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _unique(rng: random.Random, used: set[str], make) -> str:
    while True:
        name = make()
        if name not in used:
            used.add(name)
            return name


def _series(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def make_article(rng: random.Random, number: int, used: set[str]) -> tuple[dict, list[dict]]:
    """Return one article record (title, paragraphs, date) and its true relations."""
    company = _unique(rng, used, lambda: f"{_name(rng, 2)} {rng.choice(COMPANY_WORDS)}")
    rival = _unique(rng, used, lambda: f"{_name(rng, 2)} {rng.choice(COMPANY_WORDS)}")
    investors = [
        _unique(rng, used, lambda: f"{_name(rng, rng.choice((2, 3)))} {rng.choice(INVESTOR_WORDS)}")
        for _ in range(rng.randint(2, 5))
    ]
    lead, others, earlier = (
        investors[0],
        investors[1:-1] or investors[1:],
        investors[-1:] if len(investors) > 2 else [],
    )
    person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    city = rng.choice(CITIES)
    # A named customer: an organization in the text that is not part of any funding relation.
    customer = _unique(rng, used, lambda: f"{_name(rng, 2)} {rng.choice(('Logistics', 'Foods', 'Steel'))}")
    values = {
        "company": company,
        "rival": rival,
        "lead": lead,
        "others": _series(others),
        "person": person,
        "customer": customer,
        "earlier": _series(earlier) if earlier else "",
        "person_last": person.split()[1],
        "amount": f"${rng.randint(2, 300)} million",
        "round": rng.choice(ROUNDS),
        "city": city,
        "a_city": f"{'an' if city[0] in 'AEIOU' else 'a'} {city}",
        "sector": rng.choice(SECTORS),
        "weekday": rng.choice(WEEKDAYS),
        "staff": rng.randint(20, 400),
    }
    paragraphs = [
        rng.choice(LEAD_SENTENCES).format(**values),
        rng.choice(PARTICIPANT_SENTENCES).format(**values),
    ]
    if earlier:
        paragraphs.append(rng.choice(EARLIER_SENTENCES).format(**values))
    paragraphs.append(rng.choice(RIVAL_SENTENCES).format(**values))
    fillers = [text.format(**values) for text in rng.sample(FILLER, 8)]
    paragraphs[2:2] = fillers[:4]
    paragraphs.extend(fillers[4:])
    relations = [{"source": investor, "target": company, "type": "INVESTED_IN"} for investor in investors]
    relations.append({"source": company, "target": rival, "type": "COMPETES_WITH"})
    record = {
        "title": f"{company} raises {values['amount']} {values['round']} round",
        "paragraphs": paragraphs,
        "date": f"2024-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}",
    }
    return record, relations


def _as_text(rng: random.Random, record: dict, outlet: str) -> str:
    lines = [BOILERPLATE[0], record["title"], record["date"], ""]
    for paragraph in record["paragraphs"]:
        lines += [paragraph, ""]
        if rng.random() < 0.3:
            lines += [rng.choice(BOILERPLATE).format(outlet=outlet), ""]
    return "\n".join(lines + [BOILERPLATE[2]])


def _as_front_matter(record: dict, outlet: str) -> str:
    head = json.dumps(record["title"])
    return (
        f"---\ntitle: {head}\npublishedDateTime: {record['date']}T09:00:00Z\nprovider:\n  name: {outlet}\n"
        f"---\n\n" + "\n\n".join(record["paragraphs"]) + "\n"
    )


def write_corpus(folder: str | Path, count: int = 500, seed: int = 7) -> list[dict]:
    """Write ``count`` articles and ``truth.json`` into ``folder``; return the truth records."""
    rng = random.Random(seed)
    folder = Path(folder)
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    truth = []
    for number in range(count):
        record, relations = make_article(rng, number, used)
        outlet = f"{_name(rng, 2)} News"
        kind = number % 3
        if kind == 0:
            name, text = f"article-{number:05}.txt", _as_text(rng, record, outlet)
        elif kind == 1:
            name, text = f"article-{number:05}.md", _as_front_matter(record, outlet)
        else:
            name = f"article-{number:05}.json"
            text = json.dumps(
                {
                    "title": record["title"],
                    "text": "\n\n".join(record["paragraphs"]),
                    "date": record["date"],
                    "source": outlet,
                }
            )
        (folder / "articles" / name).write_text(text, encoding="utf-8")
        truth.append(
            {"file": name, "words": len(" ".join(record["paragraphs"]).split()), "relations": relations}
        )
    (folder / "truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return truth


def main() -> None:
    """Write a synthetic corpus from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    truth = write_corpus(options.folder, options.count, options.seed)
    words = sum(item["words"] for item in truth) / len(truth)
    print(f"wrote {len(truth)} articles (about {words:.0f} words each) and truth.json to {options.folder}")


if __name__ == "__main__":
    main()
