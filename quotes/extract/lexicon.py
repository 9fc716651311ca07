"""Word lists the extractor works from.

Kept as plain data so that a newsroom can read and extend them; the
patterns built from them live next to the code that uses them.
"""

from __future__ import annotations

# Verbs (and verb phrases) that introduce speech, in the forms wire copy uses.
SPEECH_VERBS = frozenset(
    """
        said says say saying told tells tell telling added adds adding stated states
        declared declares announced announces announcing argued argues arguing
        claimed claims claiming insisted insists insisting noted notes noting
        explained explains explaining warned warns warning asserted asserts
        contended contends maintained maintains stressed stresses emphasized
        emphasised emphasizes emphasises suggested suggests suggesting acknowledged
        acknowledges admitted admits conceded concedes denied denies denying
        confirmed confirms confirming reported reports reporting wrote writes
        writing tweeted tweets tweeting posted posts replied replies responded
        responds countered counters recalled recalls predicted predicts vowed vows
        promised promises pledged pledges complained complains charged charges
        alleged alleges accused accuses urged urges demanded demands demanding
        called calls dismissed dismisses rejected rejects ruled believes believed
        thinks thought feels felt estimated estimates concluded concludes observed
        observes remarked remarks continued continues went answered answers asked
        asks agreed agrees disagreed disagrees joked jokes quipped boasted boasts
        bragged brags mused muses indicated indicates signaled signalled signals
        hinted hints announced acknowledged revealed reveals disclosed discloses
        shouted yelled cautioned cautions reiterated reiterates commented comments
    """.split()
)

# Verbs of belief, finding and stance: reported positions without quotation
# marks ("polls show that ...", "he thinks ...", "she endorsed ...").
STANCE_VERBS = frozenset(
    """
        show shows showed found finds think believe believed expects expected hope
        hopes hoped fear fears feared know knows knew want wants wanted criticized
        criticised criticizes endorsed endorses described describes see sees saw
        predicted argue claim insist warn note support supports supported
        supporting backing backs opposed opposes opposing refused refuses
        declined declines defended defends proposed proposes praised praises
        sought seeks cited cites citing suggest seemed seems appears appeared
        questioned questions pointed recommended recommends acknowledged
        expressed expresses touted touts highlighted highlights expect feel
        backed oppose blamed blames decided considered ordered mentioned
        hoping promising prefer prefers preferred learned denounced mocked
        blasted identified discussed plans planned vowed urged
        recalling criticizing criticising questioning suggesting citing urging
        claiming accusing promising vowing predicting acknowledging denying
        insisting praising blaming demanding touting highlighting announcing
        attacked offered seeking appear calling asking describing showing
    """.split()
)

# Verbs of acting or perceiving, not of saying: "agreed to a swap", "offered a
# truce", "showed no emotion", "declined to comment" report no statement.
# Outside quotation marks they report one only with a that-clause ("agreed
# that the terms were fair", "polls show that ...").
ACTION_ONLY = frozenset(
    """
        agreed agrees offered showed show shows discussed planned plans appeared appears
        appear seemed seems sought seeks seeking preferred prefer prefers decided
        considered ordered learned identified declined declines refused refuses saw
    """.split()
)

# Only next to quotation marks, where they cannot be anything but a cue:
# "the ministers state in their report", "one banner read,".
QUOTE_ONLY_VERBS = frozenset(
    """
        state write argue claim insist note explain warn add tell read reads advised
        advise advises exclaimed wondered wonders pleaded testified continued surmised
        elaborated summarized summed concurred offered questioned questions
        describe describing labeled labelled labels dubbed dubs
        termed terms blasted blasts slammed slams mocked mocks scoffed scoffs
        lamented laments bemoaned bemoans groused grouses griped gripes praised
        praises touted touts hailed hails decried decries derided derides
        ridiculed ridicules chided chides berated berates attacked attacks
        criticized criticised criticizes criticises condemned condemns vowing
        pledging urging predicting recalling conceding acknowledging suggesting
        promising threatening threatened threatens tweeting boasting bragging
        complaining admitting declaring proclaiming proclaimed proclaims
        announcing characterized characterised characterizes characterises
        referred refers referring assured assures challenged chanted chants
        chanting knocked quoted quotes worried stating remarking thanked
        credited interjected barked emailed retweeted pressed echoed echoes
        exhorted gushed raved fumed snapped sniped jabbed teased cracked
        yells shouts screamed screams whispered whispers muttered mutters
        yelling shouting screaming quip referenced references sings sang
    """.split()
)
# Verb phrases that report a position without quotation marks.
STANCE_PHRASES = frozenset(
    [
        "called for",
        "calls for",
        "calling for",
        "call for",
        "called on",
        "calls on",
        "referring to",
        "referred to",
        "talking about",
        "talked about",
        "spoke about",
        "asked about",
    ]
)

# Phrases that introduce a quote as a verb would: "as one aide put it, ...".
# "Holt fired back: ...", "Berg shot back."
QUOTE_ONLY_PHRASES = frozenset(
    [
        "put it",
        "puts it",
        "shot back",
        "fired back",
        "hit back",
        "pushed back",
        "wrote back",
        "chimed in",
        "weighed in",
        "summed up",
        "piped up",
    ]
)
PARTICIPLE_CUES = frozenset(
    """
        saying adding noting telling writing arguing claiming insisting explaining
        warning declaring calling describing stressing asking announcing
        recalling criticizing criticising questioning suggesting citing urging
        claiming accusing promising vowing predicting acknowledging denying
        insisting praising blaming demanding touting highlighting showing
    """.split()
) | frozenset(["referring to", "talking about"])

# Verbs that take a that-clause but whose subject need not be a speaker
# ("polls show that ..."): accepted only with a clear source.
REPORTING_NOUN_CUES = ("according to",)

# Verbs whose use before a quote needs an object ("told reporters").
OBJECT_TAKING = frozenset(
    """
        told tells tell telling asked asks urged urges
    """.split()
)

PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it"])
PERSONAL_PRONOUNS = frozenset(["he", "she"])

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
        sir dame lord lady sheikh emir miss prof commissioner member
    """.split()
)

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
        coalition club center centre university authority
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
