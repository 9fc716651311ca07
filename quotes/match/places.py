"""Countries, their adjectives and capitals: who a place name speaks for.

News names governments by their country ("Russia said"), their capital
("Tehran warned") or a building ("the Kremlin"); none of them is a person.
Each row: the country, its adjective (for "the <adjective> government"), its
capital, then other names it goes by. Folded (lower case, ASCII) when looked up.
"""

from __future__ import annotations

from functools import lru_cache

# country | adjective | capital | other names (in ASCII: the fold of Москва is moskva)
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
Belgium|Belgian|Brussels
Bolivia|Bolivian|La Paz
Bosnia|Bosnian|Sarajevo|Bosnia and Herzegovina
Brazil|Brazilian|Brasilia
Bulgaria|Bulgarian|
Cambodia|Cambodian|Phnom Penh
Canada|Canadian|Ottawa
Chile|Chilean|
China|Chinese|Beijing|People's Republic of China|PRC
Colombia|Colombian|Bogota
Croatia|Croatian|Zagreb
Cuba|Cuban|Havana
Cyprus|Cypriot|Nicosia
Czech Republic|Czech|Prague|Czechia
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
Iceland|Icelandic|Reykjavik
India|Indian|New Delhi|Delhi
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
Kosovo|Kosovan|Pristina
Kuwait|Kuwaiti|Kuwait City
Kyrgyzstan|Kyrgyz|Bishkek
Latvia|Latvian|Riga
Lebanon|Lebanese|Beirut
Libya|Libyan|Tripoli
Lithuania|Lithuanian|Vilnius
Luxembourg|Luxembourgish|Luxembourg City
Malaysia|Malaysian|Kuala Lumpur
Mexico|Mexican|Mexico City
Moldova|Moldovan|Chisinau
Mongolia|Mongolian|Ulaanbaatar
Montenegro|Montenegrin|Podgorica
Morocco|Moroccan|Rabat
Myanmar|Myanmar|Naypyidaw|Burma
Nepal|Nepalese|Kathmandu
Netherlands|Dutch|Amsterdam|The Hague|Holland
New Zealand|New Zealand|Wellington
Nigeria|Nigerian|Abuja
North Korea|North Korean|Pyongyang|DPRK
North Macedonia|Macedonian|Skopje
Norway|Norwegian|Oslo
Oman|Omani|Muscat
Pakistan|Pakistani|Islamabad
Palestine|Palestinian|Ramallah
Peru|Peruvian|
Philippines|Philippine|Manila
Poland|Polish|Warsaw
Portugal|Portuguese|Lisbon
Qatar|Qatari|Doha
Romania|Romanian|Bucharest
Russia|Russian|Moscow|Russian Federation|Moskva|Rossiya|Rossiia
Saudi Arabia|Saudi|Riyadh
Serbia|Serbian|Belgrade
Singapore|Singaporean|Singapore City
Slovakia|Slovak|Bratislava
Slovenia|Slovenian|Ljubljana
South Africa|South African|Pretoria
South Korea|South Korean|Seoul|Korea
Spain|Spanish|Madrid
Sri Lanka|Sri Lankan|
Sudan|Sudanese|Khartoum
Sweden|Swedish|Stockholm
Switzerland|Swiss|Bern
Syria|Syrian|Damascus
Taiwan|Taiwanese|Taipei
Tajikistan|Tajik|Dushanbe
Thailand|Thai|Bangkok
Tunisia|Tunisian|Tunis
Turkey|Turkish|Ankara|Turkiye|Türkiye
Turkmenistan|Turkmen|Ashgabat
Ukraine|Ukrainian|Kyiv|Kiev|Kiyiv|Ukrayina|Ukraina
United Arab Emirates|Emirati|Abu Dhabi|UAE
United Kingdom|UK|London|Britain|Great Britain
United States|US|Washington|America|USA|United States of America|U.S.
Uzbekistan|Uzbek|Tashkent
Venezuela|Venezuelan|Caracas
Vietnam|Vietnamese|Hanoi
Yemen|Yemeni|Sanaa
"""

# Buildings and offices that stand for a government, and the body each names.
_SEATS = {
    "kremlin": "Russia",
    "white house": "United States",
    "downing street": "United Kingdom",
    "number 10": "United Kingdom",
    "elysee": "France",
    "elysee palace": "France",
    "zhongnanhai": "China",
    "bankova": "Ukraine",
    "chancellery": "Germany",
}

# The name a country's government goes by when it is not "<adjective> government".
_GOVERNMENT_NAMES = {
    "United States": "US administration",
    "United Kingdom": "UK government",
}


def _fold(text: str) -> str:
    # Imported here: names imports this module for its table.
    from quotes.match.names import fold

    return fold(text)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """Folded place name -> country, folded adjective -> country, country ->
    government, country -> adjective."""
    places: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    governments: dict[str, str] = {}
    adjective_by_country: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        country, adjective, capital, *others = line.split("|")
        for name in (country, capital, *others):
            if name:  # capitals that are also first names (Sofia, Lima) are left out
                places.setdefault(_fold(name), country)
        adjectives.setdefault(_fold(adjective), country)
        governments[country] = _GOVERNMENT_NAMES.get(country, f"{adjective} government")
        adjective_by_country[country] = adjective
    for seat, country in _SEATS.items():
        places[seat] = country
    return places, adjectives, governments, adjective_by_country


def country_of_place(folded: str) -> str | None:
    """The country a folded place name (country, capital, seat of government) stands for."""
    return _tables()[0].get(folded)


def country_of_adjective(folded: str) -> str | None:
    """The country of a folded adjective ("russian" -> "Russia")."""
    return _tables()[1].get(folded)


def adjective_of(country: str) -> str:
    """The adjective of a country ("Russia" -> "Russian")."""
    return _tables()[3].get(country, country)


def government_of(country: str) -> str:
    """The name a country's government is filed under ("Russia" -> "Russian government")."""
    return _tables()[2].get(country, f"{country} government")


def is_country(name: str) -> bool:
    return name in _tables()[2]
