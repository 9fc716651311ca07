"""Speaker names: keys that survive titles, possessives, accents, script and transliteration.

"Kremlin spokesman Dmitry Peskov", "Dmitri Peskov", "Дмитрий Песков" and
"Peskov" must find one person; Zelensky, Zelenskyy, Zelenskiy, Зеленский and
Зеленський too; while Hillary and Bill Clinton stay two people. A place
("Russia", "Tehran") or a seat of government ("the Kremlin") stands for a
government, not a person.

Three levels of key:

- ``fold``: any script to ASCII (anyascii), case folded, accents and
  punctuation gone: "Erdoğan" and "Ердоган" -> "erdogan", "Зеленський" -> "zelenskiy".
- ``name_key``: the fold of the name proper, without a possessive owner
  ("Ukraine's"), a leading run of titles and roles ("Secretary of State",
  "Russian Foreign Minister") or a suffix ("Jr"). Stored as the alias key.
- ``skeleton`` (per word) and ``identity_key`` (per name): the
  transliteration-blind family of a key, see ``skeleton``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

from quotes.extract.bodies import (
    adjective_of,
    country_of,
    country_of_adjective,
    government_of,
    is_seat,
)
from quotes.extract.given_names import gender_of_given_name
from quotes.extract.lexicon import GOVERNMENT_WORDS, ORGANISATION_WORDS, TITLE_WORDS

# Apostrophes and dots are dropped (U.S. -> us, O'Brien -> obrien); any other
# non-word character separates words.
_DROPPED = re.compile(r"[.'’ʼ`´]")
_NON_WORD = re.compile(r"[^a-z0-9]+")

_TITLES = frozenset(
    {_DROPPED.sub("", word) for word in TITLE_WORDS}
    | {
        "miss",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "spokesman",
        "rabbi",
        "sheikh",
        "crown",
        "first",
        "speaker",
        "premier",
        "ombudsman",
        "envoy",
        "rev",
        "reverend",
        "father",
        "pm",
        "fm",
        "mp",
        "mep",
        "supreme",
        "top",
        "senior",
        "lead",
        "chief",
    }
)
# Words that may sit inside a title run once it has begun: "Secretary *of State*",
# "Minister *for Foreign Affairs*", "*Health* Secretary".
_ROLE_WORDS = frozenset(
    """
    of for the and to state affairs foreign home interior defence defense finance
    economy economic trade health justice treasury energy education environment
    transport culture labour labor agriculture security national federal central
    regional european un nato eu white house majority minority party opposition
    team club house senate congress parliament parliamentary regional city
    """.split()
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A possessive owner is only dropped before a person's name: "Russia's
# Foreign Ministry" stays a ministry of Russia.
_BODY_WORDS = frozenset(
    {_DROPPED.sub("", w) for w in ORGANISATION_WORDS | GOVERNMENT_WORDS}
    | {
        "ministry",
        "office",
        "forces",
        "army",
        "navy",
        "police",
        "embassy",
        "mission",
        "directorate",
    }
)
# "Kyiv's" printed as a speaker is Kyiv.
_TRAILING_POSSESSIVE = re.compile(r"(?<=\w)['’ʼ]s?$")
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’ʼ]s\s+(?P<rest>\S.*)$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Any script to lower-case ASCII words: "Зеленський" -> "zelenskiy", "Erdoğan" -> "erdogan"."""
    if text.isascii():
        # Nothing to compose or transliterate (most names; an authority load folds millions).
        text = _TRAILING_POSSESSIVE.sub("", text.strip()).casefold()
    else:
        text = _TRAILING_POSSESSIVE.sub("", unicodedata.normalize("NFC", text).strip())
        text = anyascii(text).casefold()
    return " ".join(_NON_WORD.sub(" ", _DROPPED.sub("", text)).split())


@lru_cache(maxsize=65536)
def alias_key(alias: str) -> str:
    """The stored key of one printed form: folded, without a leading "the". Titles
    stay, so "Mayor Kovalenko" and "Kovalenko" remain two aliases a person can
    tell apart (and split); ``name_key`` is the key names are matched by."""
    words = fold(alias).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def split_possessive(name: str) -> tuple[str | None, str]:
    """("Ukraine", "Volodymyr Zelensky") from "Ukraine's Volodymyr Zelensky".

    Only before what reads as a person's name (a capitalised word, no word of
    a body such as "ministry" or "office"); otherwise ``(None, name)``.
    """
    found = _POSSESSIVE.match(name.strip())
    if found is None:
        return None, name
    rest = found.group("rest")
    words = rest.split()
    if not any(w[:1].isupper() for w in words):
        return None, name
    if any(fold(w) in _BODY_WORDS for w in words):
        return None, name
    owner = found.group("owner")
    return owner, rest


def _strip_titles(words: list[str]) -> list[str]:
    """Drop a leading run of titles and roles: "secretary of state marco rubio" -> "marco rubio".

    The run must contain a title word, so "Jordan Peterson" keeps "jordan"
    though Jordan is also a country; the last word always stays.
    """
    end, titled = 0, False
    for index, word in enumerate(words[:-1]):
        if word in _TITLES or word in _BODY_WORDS:
            # "European Council President X", "Council X": a body's word counts as a title.
            titled = True
        elif not (not word or word in _ROLE_WORDS or is_place_word(word)):
            break
        end = index + 1
    if not titled:
        return words
    # Role words after the run's last title stay off: "Minister for Foreign Affairs X".
    return words[end:]


def name_parts(name: str) -> tuple[str | None, str | None, str]:
    """A printed name in its parts, as printed: (possessive owner, titles, the name proper).

    "Ukraine's President Volodymyr Zelensky" -> ("Ukraine", "President",
    "Volodymyr Zelensky"); "Secretary of State Marco Rubio" -> (None,
    "Secretary of State", "Marco Rubio"). The same rules as ``name_key``.
    """
    owner, rest = split_possessive(name)
    tokens = rest.split()
    if len(tokens) > 1 and fold(tokens[0]) == "the":
        tokens = tokens[1:]
    if len(tokens) < 2:
        return owner, None, " ".join(tokens)
    # An acronym before a title is the body the title is of ("PIF Governor X").
    kept = _strip_titles(["" if is_acronym(t) else fold(t).replace(" ", "") for t in tokens])
    cut = len(tokens) - len(kept)
    return owner, " ".join(tokens[:cut]) or None, " ".join(tokens[cut:])


def acronym(name: str) -> str:
    """The initials of a body's name ("European Rowing Safety Board" -> "ersb")."""
    return "".join(w[0] for w in fold(name).split() if w not in _ROLE_CONNECTORS)


_ROLE_CONNECTORS = frozenset({"the", "of", "for", "and", "on", "in", "to"})


def is_acronym(name: str) -> bool:
    """ "ITIA", "the OBR": one word of two to six capitals."""
    words = name.split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    return len(words) == 1 and 2 <= len(words[0]) <= 6 and words[0].isupper()


def display_case(name: str) -> str:
    """A name printed in capitals (a Q&A label) in the case a name is written."""
    if not name.isupper() or is_acronym(name):
        return name
    return " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in name.split())


def looks_like_person(name: str) -> bool:
    """Whether a printed name is a person's, titles aside ("Secretary of State Marco
    Rubio"): two to four capitalised words, none of them a body's ("Ministry")."""
    _, _, proper = name_parts(name)
    words = proper.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() or w.split("-")[0].casefold() in _PARTICLES for w in words)
        and not any(fold(w) in _BODY_WORDS or is_place_word(fold(w)) for w in words)
    )


def given_name_only(name: str) -> bool:
    """Whether a printed name is one word that is a given name and no title says
    otherwise: "Maria", not "Ms. Maria" (a title goes with a surname) or "Baptiste"."""
    _, titles, proper = name_parts(name)
    return not titles and " " not in proper and gender_of_given_name(proper) is not None


_PARTICLES = frozenset("de da di van von der den bin al la le du".split())


def body_of(name: str) -> bool:
    """ "The Office for Budget Control", "Institute of Marine Research": a
    body's own word and "for" or "of" open the name, and no title or given
    name follows ("Department of Justice spokesman Ola Berg" is a person)."""
    words = name.split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    return (
        len(words) >= 3
        and fold(words[0]) in _BODY_WORDS
        and words[1] in ("for", "of")
        and not any(gender_of_given_name(word) or fold(word) in _TITLES for word in words[2:])
    )


@lru_cache(maxsize=65536)
def split_name(key: str) -> tuple[tuple[str, ...], str]:
    """Given names and surname of a ``name_key``: the surname is the last word with
    the particles before it ("ursula von der leyen" -> (("ursula",), "von der
    leyen")), so that "von der Leyen" is the surname of Ursula von der Leyen and
    not a person whose given names are "von der"."""
    words = key.split()
    if not words:
        return (), ""
    start = len(words) - 1
    while start > 1 and words[start - 1] in _PARTICLES:
        start -= 1
    if start == 1 and words[0] in _PARTICLES and len(words) > 1:
        start = 0  # "von der leyen", "al sharaa": all surname
    return tuple(words[:start]), " ".join(words[start:])


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The lookup key of a name: folded, without possessive owner, titles or suffixes."""
    _, rest = split_possessive(name)
    words = fold(rest).split()
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    if len(words) > 1:
        words = _strip_titles(words)
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def _place_words(text: str) -> list[str]:
    """The folded words of a place's or a body's name, a leading "the" dropped."""
    words = fold(text).split()
    return words[1:] if words and words[0] == "the" else words


@lru_cache(maxsize=65536)
def is_place_word(word: str) -> bool:
    return government_of(word) is not None or country_of_adjective(word) is not None


def place_country(text: str) -> str | None:
    """The country a place, capital or seat of government stands for ("Kyiv" -> "Ukraine")."""
    return country_of(" ".join(_place_words(text)))


# Bodies that are not a country's seat but are named as speakers.
_BODIES = {
    "russian government": "Russian government",
    "us administration": "US administration",
    "trump administration": "US administration",
}


def canonical_body(mention: str) -> str | None:
    """The government a place or seat stands for ("the Kremlin", "Moscow", "Russia"
    -> "Russian government"; "the Ukrainian government" -> "Ukrainian government"), else None."""
    words = _place_words(mention)
    key = " ".join(words)
    government = government_of(key)
    if government is not None:
        return government
    if len(words) == 2 and words[1] in ("government", "administration"):
        country = country_of_adjective(words[0]) or country_of(words[0])
        if country is not None:
            return government_of(country)
    return _BODIES.get(key)


def affiliation_key(text: str) -> str:
    """What an affiliation or a body is compared by: its country where it names one
    ("Russia", "Russian", "Russian government", "the Kremlin" -> "russia"), else
    its fold ("NATO" -> "nato")."""
    words = _place_words(text)
    phrase = " ".join(words)
    government = canonical_body(phrase)
    if government is not None:
        words = fold(government).split()
    country = country_of(" ".join(words))
    if country is None and (
        len(words) == 1 or (len(words) == 2 and words[1] in ("government", "administration"))
    ):
        country = country_of_adjective(words[0])
    return fold(country) if country is not None else " ".join(words)


def body_name(printed: str) -> str | None:
    """A body named by its country and what it is: "Russia's defence ministry",
    "Russian defence ministry" -> "Russian defence ministry"; "Netanyahu's office" ->
    "Netanyahu's office". None for what names no one ("the ministry", "officials")."""
    words = printed.split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    if len(words) < 2 or fold(words[-1]) not in _BODY_WORDS:
        return None
    # The last possessive governs: "a letter from Norway's fisheries ministry".
    owned = [i for i, w in enumerate(words[:-1]) if re.search(r"['’ʼ]s$", w)]
    if owned:
        words = words[owned[-1] :]
    found = _POSSESSIVE.match(" ".join(words))
    if found is not None:
        owner, rest = found.group("owner"), found.group("rest")
        country = place_country(owner)
        if country is not None:
            return f"{adjective_of(country) or country} {rest}"
        return " ".join(words) if owner[:1].isupper() else None
    if country_of_adjective(fold(words[0])) is not None or words[0][:1].isupper():
        return " ".join(words)
    return None


def affiliation_of(role: str | None, printed: str | None = None) -> str | None:
    """The body a role or a printed name ties a speaker to: "Kremlin spokesman" ->
    "Russian government" (a seat names the government); "Ukraine's Volodymyr
    Zelensky" or "Ukrainian Foreign Minister" -> "Ukraine" (a country names itself).

    Of a printed name only the possessive owner and the titles before the
    name count: "Jordan Peterson" has no affiliation.
    """
    texts: list[list[str]] = []
    if printed:
        owner, rest = split_possessive(printed)
        if owner is not None:
            texts.append(fold(owner).split())
        words, kept = fold(rest).split(), name_key(printed).split()
        if kept and words[-len(kept) :] == kept:
            texts.append(words[: len(words) - len(kept)])
    if role:
        texts.append(fold(role).split())
    for words in texts:
        for size in (3, 2, 1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                if is_seat(phrase):
                    return government_of(phrase)
                country = country_of(phrase)
                if country is None and size == 1:
                    country = country_of_adjective(phrase)
                if country is not None:
                    return country
    return None


# Transliteration variants, applied in order to a folded word. Each pair maps
# spellings that systems (BGN/PCGN, scholarly, French, German, Polish, the
# Ukrainian national system, anyascii) give for one sound to one spelling.
_SKELETON_RULES = [
    # German tsch and sch are English ch and sh; then Russian shch (щ), however spelt.
    (re.compile(r"tsch|tch|cz"), "ch"),
    (re.compile(r"sch"), "sh"),
    (re.compile(r"shch|szch"), "sc"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"zh"), "j"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"tz|ts"), "c"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"gh"), "g"),
    # Ukrainian h where Russian (and anyascii) write g: Sybiha / Sibiga, Serhiy / Sergiy.
    (re.compile(r"(?<=[aeiouyrlmn])h(?=[aeiouy])"), "g"),
    (re.compile(r"[yj]"), "i"),
    # -off is the French spelling of -ov (Romanoff, Smirnoff); before the ё rule,
    # so that -ioff and -iov (Shatioff, Shatiov) end alike.
    (re.compile(r"of+$"), "ov"),
    # Russian ё after a consonant: Zhuravlyov, Zhuravliov, Zhuravlev (anyascii).
    (re.compile(r"(?<=[bcdfgklmnprstvz])io"), "e"),
    (re.compile(r"(.)\1+"), r"\1"),
]


# A letter each rule needs (None: always run): a rule whose letter is absent is
# skipped, since a million authority names go through these.
_SKELETON_NEEDS = [
    *("c", "s", "s", "h", "z", "p", "c", "x", "t", "w", "u", "g", "h"),
    *(None, "f", "o", None),
]


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A transliteration-blind key of one folded word: Zelensky, Zelenskyy,
    Zelenskiy, Zelens'kiy -> "zelenski"; Khodorkovsky, Hodorkovskij -> "hodorkovski"."""
    for (pattern, replacement), needs in zip(_SKELETON_RULES, _SKELETON_NEEDS, strict=True):
        if needs is None or needs in word:
            word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=65536)
def identity_key(name: str) -> str:
    """The transliteration family of a whole name: every word of ``name_key`` skeletonised."""
    return " ".join(skeleton(word) for word in name_key(name).split())


def given_names_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two lists of given names can be one person's (empty is compatible).

    "Dmitry" and "Dmitri", "D" and "Dmitry", "Volodymyr" and "Vladimir" are;
    "Hillary" and "Bill" are not.
    """
    if not a or not b:
        return True
    first_a, first_b = a[0], b[0]
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    a_key, b_key = skeleton(first_a), skeleton(first_b)
    if a_key == b_key:
        return True
    if first_a[0] != first_b[0]:
        return False
    # Spellings of one name differ in vowels (Vladimir / Volodymyr, Sergei / Serhiy)
    # or barely (Jon / John); Marco and Mario differ in a consonant.
    consonants_a, consonants_b = _VOWELS.sub("", a_key), _VOWELS.sub("", b_key)
    if len(consonants_a) >= 3 and consonants_a == consonants_b:
        return True
    return bool(fuzz.ratio(a_key, b_key) >= 85)


_VOWELS = re.compile(r"[aeiou]")


def surnames_match(a: str, b: str) -> bool:
    """Same surname up to transliteration (Zelensky / Zelenskyy / Zelenskiy)."""
    if a == b:
        return True
    if _kh_against_g(a, b):
        return False
    if skeleton(a) == skeleton(b):
        return True
    return bool(len(a) >= 5 and a[0] == b[0] and fuzz.ratio(skeleton(a), skeleton(b)) >= 88)


# The skeleton without the two rules that make an h ambiguous, kh written "q":
# х (kh) and г (g) are two letters, and an "h" may be either (Hodorkovsky,
# Sybiha), so the skeleton joins kh, h and g; written apart, one spelling's kh
# where another has g is two surnames (Rokhuchuk, Roguchuk), while an h fits both.
_LETTERS_RULES = [
    (re.compile(r"kh"), "q") if pattern.pattern == "kh" else (pattern, replacement)
    for pattern, replacement in _SKELETON_RULES
    if not pattern.pattern.startswith("(?<=[aeiouyrlmn])h")
]


@lru_cache(maxsize=65536)
def _letters(word: str) -> str:
    for pattern, replacement in _LETTERS_RULES:
        word = pattern.sub(replacement, word)
    return word


def _kh_against_g(a: str, b: str) -> bool:
    """Whether two spellings of equal shape differ by kh against g somewhere."""
    if "kh" not in a and "kh" not in b:
        return False
    left, right = _letters(a), _letters(b)
    if len(left) != len(right):
        return False
    return any({x, y} == {"q", "g"} for x, y in zip(left, right, strict=True))
