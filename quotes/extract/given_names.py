"""Given names that tell a person's gender, for pronoun agreement.

A small hand-written list of common given names across the languages news
copy names people in (English, French, German, Spanish, Italian, Slavic,
Arabic, Turkish, Persian, African, East Asian), written for this project.
Only names overwhelmingly used for one gender are listed; a name missing
here simply tells nothing, and the article's own honorifics and pronouns
are asked first.
"""

from __future__ import annotations

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
    """.split()
)


def gender_of_given_name(name: str) -> str | None:
    """ "f", "m" or None for a given name ("Giorgia" -> "f")."""
    key = name.lower().replace("é", "e").replace("è", "e").replace("ë", "e")
    if key in FEMALE:
        return "f"
    if key in MALE:
        return "m"
    return None
