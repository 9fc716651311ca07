"""Bodies that speak: a country, its capital or its seat of power stands for
its government ("Moscow said" is the Russian government speaking).

One general table (country, adjective, capital) instead of a list of
metonyms met in some article: every country a news story may name as a
speaker resolves the same way. The seats of power that are not capitals
(the Kremlin, the White House, Downing Street) and the few governments with
a customary name of their own ("US administration") are listed beside it.
"""

from __future__ import annotations

import re

# country, adjective, capital(s); other names of the country after a slash.
_COUNTRIES = """
    Afghanistan|Afghan|Kabul
    Albania|Albanian|Tirana
    Algeria|Algerian|Algiers
    Argentina|Argentine|Buenos Aires
    Armenia|Armenian|Yerevan
    Australia|Australian|Canberra
    Austria|Austrian|Vienna
    Azerbaijan|Azerbaijani|Baku
    Bahrain|Bahraini|Manama
    Bangladesh|Bangladeshi|Dhaka
    Belarus|Belarusian|Minsk
    Belgium|Belgian|
    Bolivia|Bolivian|La Paz
    Bosnia|Bosnian|Sarajevo
    Brazil|Brazilian|Brasilia/Brasília
    Bulgaria|Bulgarian|Sofia
    Cambodia|Cambodian|Phnom Penh
    Canada|Canadian|Ottawa
    Chile|Chilean|Santiago
    China|Chinese|Beijing
    Colombia|Colombian|Bogota/Bogotá
    Croatia|Croatian|Zagreb
    Cuba|Cuban|Havana
    Cyprus|Cypriot|Nicosia
    Czech Republic/Czechia|Czech|Prague
    Denmark|Danish|Copenhagen
    Egypt|Egyptian|Cairo
    Estonia|Estonian|Tallinn
    Ethiopia|Ethiopian|Addis Ababa
    Finland|Finnish|Helsinki
    France|French|Paris
    Georgia|Georgian|Tbilisi
    Germany|German|Berlin
    Ghana|Ghanaian|Accra
    Greece|Greek|Athens
    Hungary|Hungarian|Budapest
    India|Indian|New Delhi
    Indonesia|Indonesian|Jakarta
    Iran|Iranian|Tehran
    Iraq|Iraqi|Baghdad
    Ireland|Irish|Dublin
    Israel|Israeli|Jerusalem
    Italy|Italian|Rome
    Japan|Japanese|Tokyo
    Jordan|Jordanian|Amman
    Kazakhstan|Kazakh|Astana
    Kenya|Kenyan|Nairobi
    Kuwait|Kuwaiti|
    Latvia|Latvian|Riga
    Lebanon|Lebanese|Beirut
    Libya|Libyan|Tripoli
    Lithuania|Lithuanian|Vilnius
    Malaysia|Malaysian|Kuala Lumpur
    Mexico|Mexican|Mexico City
    Moldova|Moldovan|Chisinau/Chișinău
    Morocco|Moroccan|Rabat
    Netherlands|Dutch|The Hague
    New Zealand|New Zealand|Wellington
    Nigeria|Nigerian|Abuja
    North Korea|North Korean|Pyongyang
    Norway|Norwegian|Oslo
    Oman|Omani|Muscat
    Pakistan|Pakistani|Islamabad
    Peru|Peruvian|Lima
    Philippines|Philippine|Manila
    Poland|Polish|Warsaw
    Portugal|Portuguese|Lisbon
    Qatar|Qatari|Doha
    Romania|Romanian|Bucharest
    Russia|Russian|Moscow/Moskva
    Saudi Arabia|Saudi|Riyadh
    Serbia|Serbian|Belgrade
    Slovakia|Slovak|Bratislava
    Slovenia|Slovenian|Ljubljana
    South Africa|South African|Pretoria
    South Korea|South Korean|Seoul
    Spain|Spanish|Madrid
    Sudan|Sudanese|Khartoum
    Sweden|Swedish|Stockholm
    Switzerland|Swiss|Bern
    Syria|Syrian|Damascus
    Taiwan|Taiwanese|Taipei
    Thailand|Thai|Bangkok
    Tunisia|Tunisian|Tunis
    Turkey/Türkiye|Turkish|Ankara
    Ukraine|Ukrainian|Kyiv/Kiev/Kiyiv
    United Arab Emirates/UAE|Emirati|Abu Dhabi
    United Kingdom/Britain/UK/U.K.|UK|
    United States/US/U.S./America|US|Washington
    Venezuela|Venezuelan|Caracas
    Vietnam|Vietnamese|Hanoi
    Yemen|Yemeni|Sanaa
"""

# Governments known by a name of their own rather than "<adjective> government".
_OWN_NAMES = {"US": "US administration"}

# Seats of power that stand for a government or an office.
_SEATS = {
    "kremlin": "Russian government",
    "white house": "US administration",
    "downing street": "UK government",
    "number 10": "UK government",
    "no 10": "UK government",
    "elysee": "French presidency",
    "élysée": "French presidency",
    "elysee palace": "French presidency",
    "élysée palace": "French presidency",
    "zhongnanhai": "Chinese government",
    "bankova": "Office of the President of Ukraine",
}

_ADJECTIVE: dict[str, str] = {}  # "russia" -> "Russian"
_GOVERNMENT: dict[str, str] = dict(_SEATS)  # "moscow" -> "Russian government"
# "russia", "moscow" -> "Russia" (a place); "russian" -> "Russia" (an adjective)
_COUNTRY: dict[str, str] = {}
_COUNTRY_OF_ADJECTIVE: dict[str, str] = {}
for _line in _COUNTRIES.strip().splitlines():
    _names, _adjective, _capitals = (part.strip() for part in _line.split("|"))
    _body = _OWN_NAMES.get(_adjective, f"{_adjective} government")
    _country = _names.split("/")[0]
    _COUNTRY_OF_ADJECTIVE.setdefault(_adjective.lower(), _country)
    for _name in _names.split("/"):
        _ADJECTIVE[_name.lower()] = _adjective
        _GOVERNMENT[_name.lower()] = _body
        _COUNTRY.setdefault(_name.lower(), _country)
    for _capital in filter(None, _capitals.split("/")):
        _GOVERNMENT[_capital.lower()] = _body
        _COUNTRY.setdefault(_capital.lower(), _country)

_POSSESSIVE = re.compile(r"['’]s?$")


def _key(phrase: str) -> str:
    key = phrase.strip().lower()
    return key[4:] if key.startswith("the ") else key


def is_place(phrase: str) -> bool:
    """A country, capital or seat of power: "Russia", "Kyiv", "the Kremlin"."""
    key = _key(phrase)
    if key.endswith(("'s", "’s")):
        key = key[:-2]
    return key.rstrip("'’") in _GOVERNMENT


def government_of(phrase: str) -> str | None:
    """The government a place speaks for: "the Kremlin" -> "Russian government"."""
    return _GOVERNMENT.get(_key(phrase))


def country_of(phrase: str) -> str | None:
    """The country a country's name or capital names: "Kyiv" -> "Ukraine"."""
    return _COUNTRY.get(_key(_POSSESSIVE.sub("", phrase)))


def country_of_adjective(word: str) -> str | None:
    """ "Ukrainian" -> "Ukraine"."""
    return _COUNTRY_OF_ADJECTIVE.get(word.strip().lower())


def is_seat(phrase: str) -> bool:
    """A seat of power that is not a capital: "the Kremlin", "Downing Street"."""
    return _key(phrase) in _SEATS


def adjective_of(country: str) -> str | None:
    """ "Russia" / "Russia's" -> "Russian"."""
    return _ADJECTIVE.get(_key(_POSSESSIVE.sub("", country)))


# Lower-case heads of a state body named after its country: "Russia's
# defence ministry" -> "Russian Defence Ministry".
_STATE_BODY_HEADS = frozenset(
    """
        ministry army navy military police guard guards forces force service
        services agency office council parliament embassy mission committee
        prosecutor's prosecutors directorate
    """.split()
)


_STATE_BODY = re.compile(r"(?:the\s+)?(.+?)['’]s\s+(.+)$", re.IGNORECASE)


def state_body(phrase: str) -> str | None:
    """ "Russia's defence ministry" -> "Russian Defence Ministry"; None when the
    phrase is not "<country>'s <body>"."""
    if "'" not in phrase and "’" not in phrase:
        return None  # no possessive: most phrases, told without the pattern
    match = _STATE_BODY.match(phrase.strip())
    if match is None:
        return None
    adjective = adjective_of(match[1])
    words = match[2].split()
    if adjective is None or not words or words[-1].lower() not in _STATE_BODY_HEADS:
        return None
    return " ".join([adjective, *(w[:1].upper() + w[1:] for w in words)])
