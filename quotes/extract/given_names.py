"""Given names that tell a person's gender, for pronoun agreement.

Two sources, the first winning:

- a hand-written list of common given names across the languages news copy
  names people in (English, French, German, Spanish, Italian, Slavic,
  Arabic, Turkish, Persian, African, East Asian, Nordic), written for this
  project, with the names that must tell nothing (``NEITHER``);
- ``quotes/data/given_names.tsv``, about 7,700 names with a clear consensus
  and much evidence in nomquamgender's name data (MIT licence, notice in
  ``quotes/data/given_names.LICENSE``), without English common words, common
  family names and the project's own lexicon; rebuilt by
  ``scripts/build_given_names.py``.

Only names overwhelmingly used for one gender are listed; a name missing
here simply tells nothing, and the article's own honorifics and pronouns
are asked first. A known given name is also what tells the name readers
that a capitalised word starts a person's name ("Republican Ana Lind").
"""

from __future__ import annotations

import unicodedata
from importlib import resources

FEMALE = frozenset(
    """
    abigail ada adriana agnes aisha alejandra alexandra alice alicia alina alison
    amanda amelia amina amy ana anastasia angela angelina anita ann anna
    anne annette antonia ariana ashley astrid aurelie barbara beatrice beatriz
    bettina betty beverly birgit brenda bridget brigitte camila carla carmen carol
    carole caroline carolyn catherine cecile cecilia charlotte chiara chloe christina
    christine claire clara claudia colette constance cristina cynthia daniela
    danielle daria deborah debra denise diana diane dolores donna doris dorothy
    elena eleanor elif elisa elisabeth elizabeth ella ellen elsa emilia emily emma
    erika esther eva evelyn fatima fatma felicity fiona florence francesca
    francoise gabriela gabrielle gemma georgina gertrud giorgia giulia gloria grace
    greta gwen hannah harriet hatice heather heidi helen helena helga hilary
    hillary hina ilse ines ingrid irena irene irina iryna isabel isabella isabelle
    ivana jacqueline jana jane janet janice jasmine jennifer jessica jill joan
    joanna johanna josephine joyce judith judy julia julie juliette justine karen
    karin karina karoline kate katharina katherine kathleen kathryn katrin katya
    kelly kemi kerstin kirsty kristina kristin larysa laura lauren leah leila
    lena leonie liliana linda lisa liudmila liz lorraine louise lucia lucy ludmila
    luisa lydia lyudmila madeleine magdalena maia maja margaret margarita margot
    maria mariam marianne marie marina marion marta martha martina mary maryam
    megan melania melanie melissa mia michelle mila miriam monica monika nadia
    nadezhda nancy naomi natalia natalie natalya nathalie nicole nina noura
    nora oksana olena olga olivia pamela patricia paula pauline petra philippa
    polina priscilla priti rachel rania rebecca regina renata rita roberta rosa
    rosalind rose ruth sabine sabrina salma salome samantha sandra sara sarah
    shirley silvia simone sofia sonia sophia sophie stephanie susan susanne suzanne
    svetlana sylvia tamara tanisha tanya tatiana tatyana teresa theresa tina ulrike
    ursula valentina valeria valerie vanessa vera veronica veronika victoria
    virginia viktoria wendy yana yelena yesenia yulia yuliia yvette yvonne zainab
    zeynep zoe zofia zsuzsanna
    abby adele agata aida alba aleksandra alexa alla amal amber anja anke annika
    antje april audrey ava beata belinda bianca bonnie brooke caitlin candice carina
    cassandra cathy charlene cheryl christa cindy claudine connie courtney crystal
    dagmar daphne dawn delia dina dora edith eileen elaine eliza elke eloise emine
    erin esra eugenia fanny farah fernanda freya gisela gita gulnara halina halyna
    hanna hanne hayley hazel helene hilde ida ilona inga inna irma isla ivanka jade
    jeanne jenny josefina joy juliana june kaja kamala kasia katarzyna kateryna katie
    katja kimberly kirsten klara krystyna laila lana larissa leanne lidia lilian lily
    lina lindsey liubov liza lorna lotte luciana lucie lynn mabel madison maeve magda
    malgorzata mara marcela margit mariana maribel marisa marjorie marlene maureen
    maxine meryl milena mira molly nadine nanette nataliya nell nikki nisha olha orla
    paola patrizia peggy penelope penny phoebe rachael ramona raquel rebekah renee
    rhona rocio roisin rosemary roxana ruta sally sanna selin serena sharon sheila
    sibylle siobhan stella susana sue tamar tessa tiffany tilda trudy valeriya vesna
    viola violeta vivian wanda yasmin yolanda zara zeinab zhanna zuzana
    joaquina ximena catalina florencia guadalupe lorena marisol consuelo inmaculada
    montserrat nuria ainhoa itziar leire amaia esperanza lourdes graciela silvina
    viviane thais leticia bruna gisele aline priscila karla jimena chiamaka ngozi
    adaeze chidinma funmilayo folake yetunde wanjiru wambui akinyi achieng njeri
    nomvula thandiwe lindiwe zanele nokuthula busisiwe fatoumata aminata mariama
    aissatou khadija hauwa halima amira layla leyla samira soraya zahra parisa
    shirin azadeh narges ayse merve ozlem aylin burcu derya priyanka sunita anjali
    pooja deepika kavita lakshmi meena nirmala sushma smriti mamata keiko naoko
    sachiko akiko yumiko mariko hanako megawati
    """.split()
)

MALE = frozenset(
    """
    aaron abdul abdullah abdulaziz abbas adam adrian ahmad ahmed alan alasdair
    albert alberto aleksandr alessandro alex alexander alexei alexey ali alistair
    amir anatoly andreas andrei andrew andrii andriy andrzej angelo anthony antonio
    anton antony arman arnaud arthur ashraf axel barack ben benjamin benoit bernard
    bill bob boris brian bruce carl carlos charles chris christian christopher chuck
    colin craig daniel dariusz david dennis derek dmitri dmitry donald douglas
    duncan edward emmanuel enrique eric erik ernesto fabio faisal felipe fernando
    francesco francis francisco frank franz frederick friedrich gareth gary george
    georgi giorgi giovanni giuseppe gordon graham gregory gunther hakan hamad
    hans harold harry hassan heinrich henry hugh hussein ian igor ihor ilya imran
    ion ivan jack jacob jacques jakub james jan jared javier jean-claude jean-luc
    jeffrey jens jeremy jerome jim joachim joe johann john jonathan jorge jose josef
    joseph juan jurgen justin kamal karl keir kenneth kevin khaled khalid klaus
    kurt kwame lars laurent leo leon leonid lev lorenzo louis luca lucas luis lukas
    luke mahmoud manuel marc marco marcus mario mark markus martin mateo matej
    matteo matthew matthias maurice max maxim michael michel miguel mikhail
    mohamed mohammad mohammed muhammad mustafa nabil nasser neil nicholas nicolas
    nigel nikolai nikolay oleg oleksandr oleksiy oliver omar oscar oskar pablo
    patrick paul paulo pavel pedro peter petr petro philip philippe pierre piotr
    rafael raymond recep richard rishi robert roberto roger roman ronald rudolf
    rupert ryan salman sami samuel sanjay scott sebastian sergei sergey serhiy
    simon stanislav stefan stephen steve steven stuart sultan taras thomas tim
    timothy tom tomas tony ulrich vadim valery vasyl viktor vincent vitaly
    vladimir volodymyr walter wes william wolfgang xavier yaroslav yasir yevgeny
    yosef youssef yuri yusuf zbigniew
    abel adolfo agustin antonin bernie aidan akira alain aleksander alejandro alfonso alfred alvaro
    amadou andre andres angus anil antoine armando arnold arturo augusto barry bartosz
    benedikt bernd bjorn boubacar bradley brendan brett bruno burak byron caleb callum
    carsten cedric cesar christoph clemens conor cyril dale damian dan darius darren
    dean declan denis diego dieter dirk dominic dominik dylan eamon edgar eduardo
    edwin elias emil emre enzo ethan eugene evgeny fabian farid fedor felix filip
    finn florian fraser fred gabriel geoffrey gerald gerhard gilbert glenn gustavo guy
    hamid harald harvey hector helmut herbert hugo ibrahim ignacio isaac ismail jaime
    jake janusz jason jeremiah jesse joao joel johan johannes jon jorg josh julian
    julien kamil karim keith ken kieran kirill konrad kostas krzysztof kyle lamar
    lance larry leonard liam lionel lloyd lorenz lukasz malcolm marcel marek marius
    marko mateusz mehmet michal milan miroslav mykola mykhailo nathan ned nelson
    niall nick niklas nikolaos noah norbert olaf olivier osman otto owen pascal pavlo
    phil pietro quentin radu ralph ramon randy raphael ray reza ricardo rick rodrigo
    rolf ron ross ruslan russell ryszard saeed santiago saul sean sergio seth shane
    shaun sinan soren stanley sven sylvain tariq ted terry theo thierry tobias todd
    travis tyler umar victor vitali vitalii vladislav wade waldemar warren wayne
    wilhelm winston witold yannick yevhen yousef yves zoran
    joaquin matias gonzalo mauricio esteban cristian hernan julio raul ruben
    guillermo horacio leopoldo marcelo octavio osvaldo patricio ramiro rogelio
    ulises vicente thiago leonardo murilo vinicius caio renan jair geraldo flavio
    emeka chukwuma obinna olusegun babajide adebayo tunde kofi kwaku kojo
    raila jomo thabo kgalema mmusi julius fikile sipho themba bongani mamadou
    moussa ousmane abdoulaye ibrahima cheikh seydou macky alassane abdulrahman walid
    ziad samir hamza bilal anwar fahad saud tamim mansour rashid ahmet kemal murat
    volkan ekrem narendra rahul amit arvind vijay rajesh suresh ramesh manoj sunil
    ashok mukesh nitish akhilesh shashi piyush rajnath shinzo fumio yoshihide taro
    kenji hiroshi takeshi shigeru junichiro koichi hideki ichiro prabowo
    per
    """.split()
)

# Names that tell nothing whatever the data file says: used for both
# genders where news copy meets them ("Andrea", "Jean", "Kim", "Ola"), or
# words that name a place, a holiday or a brand more often than a person.
NEITHER = frozenset(
    """
    andrea jean kim ola
    """.split()
)


def _load() -> tuple[frozenset[str], frozenset[str]]:
    """The data file's names, read once at import: (female, male)."""
    text = resources.files("quotes.data").joinpath("given_names.tsv").read_text("utf-8")
    female: set[str] = set()
    male: set[str] = set()
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            (female if gender == "f" else male).add(name)
    return frozenset(female - NEITHER - MALE), frozenset(male - NEITHER - FEMALE)


_DATA_FEMALE, _DATA_MALE = _load()


def gender_of_given_name(name: str) -> str | None:
    """ "f", "m" or None for a given name ("Giorgia" -> "f")."""
    key = name.lower()
    if not key.isascii():
        # "António", "Jörg", "Søren": the list is written without accents.
        folded = unicodedata.normalize("NFKD", key.replace("ø", "o"))
        key = "".join(c for c in folded if not unicodedata.combining(c))
    if key in FEMALE or key in _DATA_FEMALE:
        return "f"
    if key in MALE or key in _DATA_MALE:
        return "m"
    return None
