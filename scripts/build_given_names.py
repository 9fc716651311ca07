"""Rebuild quotes/data/given_names.tsv, the given names that tell a gender.

The names come from nomquamgender's name_data.json (MIT licence; Van Buskirk,
Clauset and Larremore 2023, "An open-source cultural consensus approach to
name-based gender classification"): per name, the number of sources, the
number of people counted and P(female). The package itself is not a
dependency of quotes (it pulls pandas and numpy); this script only reads its
data file once and keeps the names fit for pronoun agreement:

- a clear consensus: P(female) >= 0.95 is "f", <= 0.05 is "m", anything
  between tells nothing (Andrea, Jean, Kim stay unknown);
- enough evidence: many sources and many people, so that rare spellings and
  junk keys ("&lt;br&gt;") go;
- plain letters (a hyphen between two given names is fine), two letters or more;
- no English common word (a lower-case entry of a word list such as Debian's
  wamerican /usr/share/dict/words: "will", "grant", "hope", "major"): as a
  capitalised sentence opener such a word would pass for a person's name;
- no word of the project's own lexicon (titles, affiliations, months,
  weekdays, description heads, places, countries, capitals, demonyms);
- no common family name, where a list of them is given (the US Census 1990
  surname file dist.all.last, public domain; the PyPI package `names` ships it):
  "Clinton", "Warren", "Harris" printed alone are surnames in news copy, and
  the extractor also uses a known given name as the sign that a word starts a
  person's name.

The hand-written lists in quotes/extract/given_names.py win over this file at
run time; this file only adds names.

    python scripts/build_given_names.py --names PATH/name_data.json \
        --words /usr/share/dict/words --surnames PATH/dist.all.last

(name_data.json is in the nomquamgender wheel: `pip download --no-deps
nomquamgender`, then unzip it.)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.extract import bodies, lexicon, mentions
from quotes.extract.given_names import FEMALE, MALE, NEITHER

OUT = Path(__file__).resolve().parent.parent / "quotes" / "data" / "given_names.tsv"

FEMALE_AT_LEAST = 0.95
MALE_AT_MOST = 0.05
MIN_SOURCES = 10
MIN_COUNT = 1000
# Family names among the most frequent ones of the census list: about the
# first 5,000 (down to 0.002% of the people counted) are excluded.
SURNAME_SHARE = 0.002

# Proper nouns of the word list that the data counts as given names but news
# copy prints as places, a holiday, deities or brands far more often
# ("talks in Geneva", "the port of Odessa", "during Ramadan").
NOT_NAMES = frozenset(
    """
    alberta alexandria asia capri denver dijon geneva isis jesus nivea chanel odessa
    oneida princeton ramadan sahara shawnee venice verona yale apollo zeus
    """.split()
)

_KEY = re.compile(r"[a-z]{2,}(?:-[a-z]{2,})?")


def fold(name: str) -> str:
    """As gender_of_given_name folds a word at run time."""
    key = name.lower()
    if key.isascii():
        return key
    folded = unicodedata.normalize("NFKD", key.replace("ø", "o"))
    return "".join(c for c in folded if not unicodedata.combining(c))


def project_words() -> set[str]:
    """Every word of the project's lexicon a capitalised name could be mistaken for."""
    words: set[str] = set()
    for table in (
        lexicon.TITLE_WORDS,
        lexicon.SURNAMES_LIKE_TITLES,
        lexicon.AFFILIATIONS,
        lexicon.POST_NOMINALS,
        lexicon.HONORIFICS,
        lexicon.NAME_PARTICLES,
        lexicon.DESCRIPTION_HEADS,
        lexicon.GOVERNMENT_WORDS,
        lexicon.CAPITALS,
        lexicon.ORGANISATION_WORDS,
        lexicon.MONTHS,
        lexicon.WEEKDAYS,
        lexicon.US_STATES,
        lexicon.PRONOUNS,
        lexicon.NO_ONE_IN_PARTICULAR,
        mentions.DETERMINERS,
        mentions.MODIFIERS,
        mentions.CAPITALISED_STOPS,
        mentions.AUXILIARIES,
    ):
        words.update(table)
    for forms in lexicon.VERBS.values():
        for role in forms.values():
            words.update(role)
    # Countries, capitals, seats of power and demonyms, each word of them.
    for table in (bodies._GOVERNMENT, bodies._COUNTRY, bodies._COUNTRY_OF_ADJECTIVE):
        for phrase in table:
            words.update(phrase.split())
    return {fold(word.strip(".")) for word in words}


def common_words(path: Path) -> set[str]:
    """Lower-case entries of a word list: common words (capitalised ones are proper nouns)."""
    words = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        word = line.strip()
        if word and word[0].islower():
            words.add(fold(word.removesuffix("'s")))
    return words


def frequent_surnames(path: Path) -> set[str]:
    """Census surnames held by at least SURNAME_SHARE percent of the people counted."""
    names = set()
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2 and float(parts[1]) >= SURNAME_SHARE:
            names.add(parts[0].lower())
    return names


def build(names: Path, words: Path, surnames: Path | None) -> dict[str, str]:
    data = json.loads(names.read_text(encoding="utf-8"))
    excluded = project_words() | common_words(words) | NOT_NAMES | NEITHER
    if surnames is not None:
        excluded |= frequent_surnames(surnames)
    genders: dict[str, str] = {}
    clash: set[str] = set()
    for raw, info in data.items():
        sources, count, p_female = info[0], info[1], info[2]
        if sources < MIN_SOURCES or count < MIN_COUNT:
            continue
        if p_female >= FEMALE_AT_LEAST:
            gender = "f"
        elif p_female <= MALE_AT_MOST:
            gender = "m"
        else:
            continue
        key = fold(raw)
        if not _KEY.fullmatch(key) or key in excluded or any(p in excluded for p in key.split("-")):
            continue
        if genders.setdefault(key, gender) != gender:
            clash.add(key)  # two spellings folded to one key disagree
    for key in clash:
        del genders[key]
    # The hand-written lists win at run time; no need to repeat them.
    return {k: g for k, g in genders.items() if k not in FEMALE and k not in MALE}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--names", type=Path, required=True, help="nomquamgender name_data.json")
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/words"))
    parser.add_argument("--surnames", type=Path, help="Census 1990 dist.all.last")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    genders = build(args.names, args.words, args.surnames)
    header = (
        "# Given names that tell a gender (f or m), one a line, accents folded.\n"
        "# Derived from nomquamgender 0.1.4 name_data.json (MIT licence, see\n"
        "# given_names.LICENSE) by scripts/build_given_names.py; do not edit by hand:\n"
        "# add names to quotes/extract/given_names.py, whose lists win.\n"
    )
    lines = [f"{name}\t{genders[name]}\n" for name in sorted(genders)]
    args.out.write_text(header + "".join(lines), encoding="utf-8")
    female = sum(g == "f" for g in genders.values())
    print(f"{args.out}: {len(genders)} names ({female} f, {len(genders) - female} m)")


if __name__ == "__main__":
    main()
