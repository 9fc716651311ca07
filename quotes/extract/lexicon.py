"""Word lists the extractor works from.

Kept as plain data so that a newsroom can read and extend them; the
patterns built from them live next to the code that uses them.
"""

from __future__ import annotations

# The verbs (and verb phrases) of reporting, keyed by base form, with the forms
# that play each role, as wire copy uses them (textacy keeps its reporting
# verbs by base form too). The forms are listed, not derived, because a role is
# a fact about a form: "stated" reports a clause, "state" is a cue only next to
# a quote ("the ministers state in their report" is no statement of theirs);
# "agreed to a swap" is an act, "agreed that ..." a statement. The roles:
#   speech      a verb of saying, before or after a quote or a reported clause;
#   stance      a verb of belief, finding or stance: a reported position without
#               quotation marks ("polls show that ...", "she endorsed ...");
#   action      acting or perceiving, not saying ("agreed to a swap", "offered a
#               truce", "showed no emotion", "declined to comment"): outside
#               quotation marks a statement only with a that-clause;
#   quote       a cue only next to quotation marks ("one banner read,");
#   participle  an -ing form after a comma that reports for the sentence's
#               subject ("..., saying ...");
#   object      takes its hearer before a quote ("told reporters").
# A new verb is one new row; the sets below are derived from the table.
ROLES = ("speech", "stance", "action", "quote", "participle", "object")


def _verb(**roles: str) -> dict[str, frozenset[str]]:
    """A row of VERBS: for each role the verb plays, its forms that play it."""
    return _row({role: forms.split() for role, forms in roles.items()})


def _phrase(**roles: str) -> dict[str, frozenset[str]]:
    """A row of VERBS for a phrase ("call for"): its forms separated by commas."""
    return _row(
        {role: [form.strip() for form in forms.split(",")] for role, forms in roles.items()}
    )


def _row(roles: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown verb roles: {sorted(unknown)}")
    return {role: frozenset(forms) for role, forms in roles.items()}


VERBS: dict[str, dict[str, frozenset[str]]] = {
    "accuse": _verb(speech="accused accuses", stance="accusing", participle="accusing"),
    "acknowledge": _verb(
        speech="acknowledged acknowledges",
        stance="acknowledged acknowledging",
        quote="acknowledging",
        participle="acknowledging",
    ),
    "add": _verb(speech="adds added adding", quote="add", participle="adding"),
    "admit": _verb(speech="admits admitted", quote="admitting"),
    "advise": _verb(quote="advise advised advises"),
    "agree": _verb(speech="agreed agrees", action="agreed agrees"),
    "allege": _verb(speech="alleged alleges"),
    "announce": _verb(
        speech="announced announces announcing",
        stance="announcing",
        quote="announcing",
        participle="announcing",
    ),
    "answer": _verb(speech="answers answered"),
    "appear": _verb(stance="appear appears appeared", action="appear appears appeared"),
    "argue": _verb(
        speech="argued argues arguing", stance="argue", quote="argue", participle="arguing"
    ),
    "ask": _verb(speech="asks asked", stance="asking", participle="asking", object="asks asked"),
    "ask about": _phrase(stance="asked about"),
    "assert": _verb(speech="asserts asserted"),
    "assure": _verb(quote="assured assures"),
    "attack": _verb(stance="attacked", quote="attacks attacked"),
    "back": _verb(stance="backs backed backing"),
    "bark": _verb(quote="barked"),
    "believe": _verb(speech="believed believes", stance="believe believed"),
    "bemoan": _verb(quote="bemoans bemoaned"),
    "berate": _verb(quote="berated berates"),
    "blame": _verb(stance="blamed blames blaming", participle="blaming"),
    "blast": _verb(stance="blasted", quote="blasts blasted"),
    "boast": _verb(speech="boasts boasted", quote="boasting"),
    "brag": _verb(speech="brags bragged", quote="bragging"),
    "call": _verb(speech="calls called", stance="calling", participle="calling"),
    "call for": _phrase(stance="call for, calls for, called for, calling for"),
    "call on": _phrase(stance="calls on, called on"),
    "caution": _verb(speech="cautions cautioned"),
    "challenge": _verb(quote="challenged"),
    "chant": _verb(quote="chants chanted chanting"),
    "characterise": _verb(quote="characterised characterises"),
    "characterize": _verb(quote="characterized characterizes"),
    "charge": _verb(speech="charged charges"),
    "chide": _verb(quote="chided chides"),
    "chime in": _phrase(quote="chimed in"),
    "cite": _verb(stance="cited cites citing", participle="citing"),
    "claim": _verb(
        speech="claims claimed claiming",
        stance="claim claiming",
        quote="claim",
        participle="claiming",
    ),
    "comment": _verb(speech="comments commented"),
    "complain": _verb(speech="complains complained", quote="complaining"),
    "concede": _verb(speech="conceded concedes", quote="conceding"),
    "conclude": _verb(speech="concluded concludes"),
    "concur": _verb(quote="concurred"),
    "condemn": _verb(quote="condemns condemned"),
    "confirm": _verb(speech="confirms confirmed confirming"),
    "consider": _verb(stance="considered", action="considered"),
    "contend": _verb(speech="contends contended"),
    "continue": _verb(speech="continued continues", quote="continued"),
    "counter": _verb(speech="counters countered"),
    "crack": _verb(quote="cracked"),
    "credit": _verb(quote="credited"),
    "criticise": _verb(
        stance="criticised criticising", quote="criticised criticises", participle="criticising"
    ),
    "criticize": _verb(
        stance="criticized criticizes criticizing",
        quote="criticized criticizes",
        participle="criticizing",
    ),
    "decide": _verb(stance="decided", action="decided"),
    "declare": _verb(speech="declared declares", quote="declaring", participle="declaring"),
    "decline": _verb(stance="declined declines", action="declined declines"),
    "decry": _verb(quote="decried decries"),
    "defend": _verb(stance="defends defended"),
    "demand": _verb(
        speech="demands demanded demanding", stance="demanding", participle="demanding"
    ),
    "denounce": _verb(stance="denounced"),
    "deny": _verb(speech="denied denies denying", stance="denying", participle="denying"),
    "deride": _verb(quote="derided derides"),
    "describe": _verb(
        stance="described describes describing",
        quote="describe describing",
        participle="describing",
    ),
    "disagree": _verb(speech="disagreed disagrees"),
    "disclose": _verb(speech="disclosed discloses"),
    "discuss": _verb(stance="discussed", action="discussed"),
    "dismiss": _verb(speech="dismissed dismisses"),
    "dub": _verb(quote="dubs dubbed"),
    "echo": _verb(quote="echoed echoes"),
    "elaborate": _verb(quote="elaborated"),
    "email": _verb(quote="emailed"),
    "emphasise": _verb(speech="emphasised emphasises"),
    "emphasize": _verb(speech="emphasized emphasizes"),
    "endorse": _verb(stance="endorsed endorses"),
    "estimate": _verb(speech="estimated estimates"),
    "exclaim": _verb(quote="exclaimed"),
    "exhort": _verb(quote="exhorted"),
    "expect": _verb(stance="expect expects expected"),
    "explain": _verb(
        speech="explains explained explaining", quote="explain", participle="explaining"
    ),
    "express": _verb(stance="expressed expresses"),
    "fear": _verb(stance="fear fears feared"),
    "feel": _verb(speech="felt feels", stance="feel"),
    "find": _verb(stance="finds found"),
    "fire back": _phrase(quote="fired back"),
    "fume": _verb(quote="fumed"),
    "go": _verb(speech="went"),
    "gripe": _verb(quote="griped gripes"),
    "grouse": _verb(quote="groused grouses"),
    "gush": _verb(quote="gushed"),
    "hail": _verb(quote="hails hailed"),
    "highlight": _verb(stance="highlights highlighted highlighting", participle="highlighting"),
    "hint": _verb(speech="hints hinted"),
    "hit back": _phrase(quote="hit back"),
    "hope": _verb(stance="hope hoped hopes hoping"),
    "identify": _verb(stance="identified", action="identified"),
    "indicate": _verb(speech="indicated indicates"),
    "insist": _verb(
        speech="insists insisted insisting",
        stance="insist insisting",
        quote="insist",
        participle="insisting",
    ),
    "interject": _verb(quote="interjected"),
    "jab": _verb(quote="jabbed"),
    "joke": _verb(speech="joked jokes"),
    "knock": _verb(quote="knocked"),
    "know": _verb(stance="knew know knows"),
    "label": _verb(quote="labels labeled labelled"),
    "lament": _verb(quote="laments lamented"),
    "learn": _verb(stance="learned", action="learned"),
    "maintain": _verb(speech="maintains maintained"),
    "mention": _verb(stance="mentioned"),
    "mock": _verb(stance="mocked", quote="mocks mocked"),
    "muse": _verb(speech="mused muses"),
    "mutter": _verb(quote="mutters muttered"),
    "note": _verb(speech="noted notes noting", stance="note", quote="note", participle="noting"),
    "observe": _verb(speech="observed observes"),
    "offer": _verb(stance="offered", action="offered", quote="offered"),
    "opine": _verb(speech="opined opines"),
    "oppose": _verb(stance="oppose opposed opposes opposing"),
    "order": _verb(stance="ordered", action="ordered"),
    "pipe up": _phrase(quote="piped up"),
    "plan": _verb(stance="plans planned", action="plans planned"),
    "plead": _verb(quote="pleaded"),
    "pledge": _verb(speech="pledged pledges", quote="pledging"),
    "point": _verb(stance="pointed"),
    "point out": _phrase(speech="points out, pointed out", participle="pointing out"),
    "post": _verb(speech="posts posted"),
    "praise": _verb(
        stance="praised praises praising", quote="praised praises", participle="praising"
    ),
    "predict": _verb(
        speech="predicts predicted",
        stance="predicted predicting",
        quote="predicting",
        participle="predicting",
    ),
    "prefer": _verb(stance="prefer prefers preferred", action="prefer prefers preferred"),
    "press": _verb(quote="pressed"),
    "proclaim": _verb(quote="proclaims proclaimed proclaiming"),
    "promise": _verb(
        speech="promised promises", stance="promising", quote="promising", participle="promising"
    ),
    "propose": _verb(stance="proposed proposes"),
    "push back": _phrase(quote="pushed back"),
    "put it": _phrase(quote="put it, puts it"),
    "question": _verb(
        stance="questions questioned questioning",
        quote="questions questioned",
        participle="questioning",
    ),
    "quip": _verb(speech="quipped", quote="quip"),
    "quote": _verb(quote="quoted quotes"),
    # a fact-checker's verdict, next to its quoted rating: rated it "false"
    "rate": _verb(quote="rated rates"),
    "rave": _verb(quote="raved"),
    "read": _verb(quote="read reads"),
    "recall": _verb(
        speech="recalls recalled", stance="recalling", quote="recalling", participle="recalling"
    ),
    "recommend": _verb(stance="recommends recommended"),
    "refer": _verb(quote="refers referred referring"),
    "refer to": _phrase(stance="referred to, referring to", participle="referring to"),
    "reference": _verb(quote="referenced references"),
    "refuse": _verb(stance="refused refuses", action="refused refuses"),
    "reiterate": _verb(speech="reiterated reiterates"),
    "reject": _verb(speech="rejects rejected", action="rejects rejected"),
    "remark": _verb(speech="remarks remarked", quote="remarking"),
    "reply": _verb(speech="replied replies"),
    "report": _verb(speech="reports reported reporting"),
    "respond": _verb(speech="responds responded"),
    "retweet": _verb(quote="retweeted"),
    "reveal": _verb(speech="reveals revealed"),
    "ridicule": _verb(quote="ridiculed ridicules"),
    "rule": _verb(speech="ruled"),
    "say": _verb(speech="say said says saying", participle="saying"),
    "scoff": _verb(quote="scoffs scoffed"),
    "scream": _verb(quote="screams screamed screaming"),
    "see": _verb(stance="saw see sees", action="saw"),
    "seek": _verb(stance="seeks sought seeking", action="seeks sought seeking"),
    "seem": _verb(stance="seems seemed", action="seems seemed"),
    "shoot back": _phrase(quote="shot back"),
    "shout": _verb(speech="shouted", quote="shouts shouting"),
    "show": _verb(
        stance="show shows showed showing", action="show shows showed", participle="showing"
    ),
    "signal": _verb(speech="signals signaled signalled"),
    "sing": _verb(quote="sang sings"),
    "slam": _verb(quote="slams slammed"),
    "snap": _verb(quote="snapped"),
    "snipe": _verb(quote="sniped"),
    "speak about": _phrase(stance="spoke about"),
    "state": _verb(speech="stated states", quote="state stating"),
    "stress": _verb(speech="stressed stresses", participle="stressing"),
    "suggest": _verb(
        speech="suggests suggested suggesting",
        stance="suggest suggesting",
        quote="suggesting",
        participle="suggesting",
    ),
    "sum": _verb(quote="summed"),
    "sum up": _phrase(quote="summed up"),
    "summarize": _verb(quote="summarized"),
    "support": _verb(stance="support supports supported supporting"),
    "surmise": _verb(quote="surmised"),
    "talk about": _phrase(stance="talked about, talking about", participle="talking about"),
    "tease": _verb(quote="teased"),
    "tell": _verb(
        speech="tell told tells telling",
        quote="tell",
        participle="telling",
        object="tell told tells telling",
    ),
    "term": _verb(quote="terms termed"),
    "testify": _verb(quote="testified"),
    "thank": _verb(quote="thanked"),
    "think": _verb(speech="thinks thought", stance="think"),
    "threaten": _verb(quote="threatens threatened threatening"),
    "tout": _verb(stance="touts touted touting", quote="touts touted", participle="touting"),
    "tweet": _verb(speech="tweets tweeted tweeting", quote="tweeting"),
    "urge": _verb(
        speech="urged urges",
        stance="urged urging",
        quote="urging",
        participle="urging",
        object="urged urges",
    ),
    "vow": _verb(speech="vows vowed", stance="vowed vowing", quote="vowing", participle="vowing"),
    "want": _verb(stance="want wants wanted"),
    "warn": _verb(speech="warns warned warning", stance="warn", quote="warn", participle="warning"),
    "weigh in": _phrase(quote="weighed in"),
    "whisper": _verb(quote="whispers whispered"),
    "wonder": _verb(quote="wonders wondered"),
    "worry": _verb(quote="worried"),
    "write": _verb(speech="wrote writes writing", quote="write", participle="writing"),
    "write back": _phrase(quote="wrote back"),
    "yell": _verb(speech="yelled", quote="yells yelling"),
}


def forms_in_role(role: str, *, phrases: bool | None = None) -> frozenset[str]:
    """Every form, of every verb, that plays ``role``; only the one-word forms
    (``phrases=False``) or only the phrases ("called for", ``phrases=True``)."""
    return frozenset(
        form
        for roles in VERBS.values()
        for form in roles.get(role, ())
        if phrases is None or (" " in form) == phrases
    )


# Verbs (and verb phrases) that introduce speech, in the forms wire copy uses.
SPEECH_VERBS = forms_in_role("speech")
# Verbs of belief, finding and stance, and the phrases that report a position
# without quotation marks ("called for", "talking about").
STANCE_VERBS = forms_in_role("stance", phrases=False)
STANCE_PHRASES = forms_in_role("stance", phrases=True)
ACTION_ONLY = forms_in_role("action")
# Only next to quotation marks: verbs, and phrases that introduce a quote as a
# verb would ("as one aide put it, ...", "Holt fired back: ...").
QUOTE_ONLY_VERBS = forms_in_role("quote", phrases=False)
QUOTE_ONLY_PHRASES = forms_in_role("quote", phrases=True)
PARTICIPLE_CUES = forms_in_role("participle")
# Verbs by which a reporter quotes someone "as saying": the one quoted speaks.
QUOTING = frozenset("quoted quotes quoting cited cites citing".split())
# Cue words that are plural nouns too ("Republican claims", "their remarks"):
# what was said, where a share of a group comes before them (cues.py).
PLURAL_NOUNS = frozenset(
    """
        claims comments remarks charges reports notes answers replies calls quotes promises
        pledges vows demands attacks questions doubts hopes fears estimates orders requests
        jokes warnings accusations complaints statements
    """.split()
)
# Verbs whose use before a quote needs an object ("told reporters").
OBJECT_TAKING = forms_in_role("object")
# After these the next name is always whom it was told to ("told Fox News"),
# where "asked Holt" may be the inverted asker ('"Why?" asked Holt').
HEARER_AFTER = VERBS["tell"]["object"]

# Verbs that take a that-clause but whose subject need not be a speaker
# ("polls show that ..."): accepted only with a clear source.
REPORTING_NOUN_CUES = ("according to",)

PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it"])
PERSONAL_PRONOUNS = frozenset(["he", "she"])
# Pronouns that stand for no one in particular ("Nobody said ...",
# "Everyone agrees ..."): never a speaker.
NO_ONE_IN_PARTICULAR = frozenset(
    "nobody everybody everyone somebody someone anybody anyone".split()
)

# Titles and role words that may precede or follow a name.
TITLE_WORDS = frozenset(
    """
        mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. lt. col.
        adm. president vice prime minister secretary spokesman spokeswoman
        spokesperson senator governor mayor chancellor ambassador envoy chairman
        chairwoman chair director chief head leader deputy foreign defence defense
        interior general commander colonel admiral king queen prince pope
        representative congressman congresswoman judge justice attorney adviser
        advisor aide negotiator official officer analyst economist professor
        candidate nominee founder executive ceo cfo manager strategist pollster
        campaign press former acting councillor councilor councilman councilwoman
        sir dame lord lady sheikh emir miss prof commissioner member premier cllr
        cllr. prosecutor barrister solicitor fr administrator sp dsp asp comrade
        sheikha sayyid h.e h.e.
        bishop archbishop cardinal rabbi imam pastor reverend rev ayatollah
        sgt sergeant capt captain maj lieutenant cpl corporal brig brigadier insp
        inspector det detective supt superintendent constable trooper sheriff
        marshal coach skipper striker midfielder defender goalkeeper speaker
        alderman alderwoman assemblyman assemblywoman magistrate coroner treasurer
        comptroller emperor empress princess duke duchess novelist actor actress
        singer rapper comedian filmmaker historian astronaut billionaire
        businessman businesswoman entrepreneur columnist resident grandmother
        grandfather pensioner widow widower
    """.split()
)

# Title words that are also common surnames: printed alone, capitalised and
# without an article ("King said"), they are someone's surname, not a title.
SURNAMES_LIKE_TITLES = frozenset(
    """
        king bishop judge mayor speaker singer prince pope chancellor marshal sheriff
        cardinal coach captain duke constable
    """.split()
)

# Words printed capitalised before a given name that say what a person is
# ("Republican Ana Lind", "Rival Tom Berg"): a party, a camp or a relation.
# Only before a given name, since they open names of bodies too
# ("Republican National Committee").
AFFILIATIONS = frozenset(
    """
        republican republicans democrat democratic conservative labour liberal tory
        socialist communist green independent gop rival fellow veteran opposition
        centrist progressive libertarian nationalist
    """.split()
)

# Letters after a name that are no part of it ("Sofia Lind KC", "Tom Ash MP").
POST_NOMINALS = frozenset("kc qc mp mep msp obe cbe mbe kbe dbe".split())

# Honorifics: a courtesy before a name, never part of it nor worth keeping as
# a role ("Sir Keir Starmer" is Keir Starmer). The value is the gender they tell.
HONORIFICS = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "dr": "",
    "prof": "",
    "sheikh": "m",
    "sheikha": "f",
    "sayyid": "m",
    "h.e": "",  # His or Her Excellency
    "comrade": "",
}

# Lower-case particles inside a surname: "Bill de Blasio", "Mohammed bin
# Salman", "Ursula von der Leyen".
NAME_PARTICLES = frozenset(
    """
        de da di du del della der den van von bin ibn bint al el la le dos das ter ten
    """.split()
)

# Lower-case head nouns of descriptions that speak ("a senior official said").
DESCRIPTION_HEADS = frozenset(
    """
        official officials source sources spokesman spokeswoman spokesperson aide
        aides adviser advisers advisor advisors diplomat diplomats negotiator
        negotiators analyst analysts expert experts observer observers officer
        officers lawmaker lawmakers legislator legislators minister ministers leader
        leaders president chairman secretary ambassador envoy people critics
        supporters residents witnesses investigators prosecutors police authorities
        administration government ministry campaign spokespeople representatives
        republicans democrats voters insiders members lawyer lawyers attorney
        attorneys reporters economists scientists researchers activists advocates
        allies donors strategists operatives staffers delegates senators governors
        legend candidate candidates report study poll polls survey statement
        newspaper paper website network agency department committee group
        organization organisation commission panel court judge prosecutor
        spokesmen spokeswomen consultant consultants pollster pollsters groups
        unions leaders residents opponents proponents backers republican democrat
        analysis research data figures numbers estimates records documents memo
        letter email ad ads video tweet book article editorial column release
        ruling lawsuit complaint indictment transcript platform filing filings
        woman man person worker voter resident scientist official's people's office
        owner
    """.split()
)

# Names that speak for a body rather than a person.
GOVERNMENT_WORDS = frozenset(
    """
        kremlin white house pentagon downing street elysee élysée ministry
        government department administration cabinet parliament congress senate duma
        rada commission council state
    """.split()
)
CAPITALS = frozenset(
    """
        moscow kyiv kiev washington beijing london paris berlin brussels tehran
        ankara jerusalem tokyo seoul pyongyang warsaw minsk
    """.split()
)
ORGANISATION_WORDS = frozenset(
    """
        party committee campaign union association agency bureau company corp inc
        group institute foundation organization organisation network news times post
        journal press reuters bank fund office court board network league alliance
        coalition club center centre university authority district chamber
    """.split()
)

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, name in enumerate(
        """
        monday tuesday wednesday thursday friday saturday sunday
    """.split()
    )
}

# US states as wire copy prints them after a city ("Flint, Mich.", "Columbus,
# Ohio"): the city before one is a place, never a speaker.
US_STATES = frozenset(
    """
        ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn
        miss mo mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn
        vt va wash w.va wis wyo alabama alaska arizona arkansas california colorado
        connecticut delaware florida georgia hawaii idaho illinois indiana iowa
        kansas kentucky louisiana maine maryland massachusetts michigan minnesota
        mississippi missouri montana nebraska nevada ohio oklahoma oregon
        pennsylvania tennessee texas utah vermont virginia washington wisconsin
        wyoming
    """.split()
)
