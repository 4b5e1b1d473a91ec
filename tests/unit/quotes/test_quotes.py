"""Quote finding on sentences of our own: kind, content, speaker span, cue, via, addressee."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document, Quote

pytestmark = pytest.mark.model


def only(doc: Document, containing: str) -> Quote:
    found = [q for q in doc.quotes if containing in q.content.text]
    assert len(found) == 1, f"want one quote with {containing!r}, got {[q.content.text for q in doc.quotes]}"
    return found[0]


# text, a piece of the content, kind, speaker span text, cue text
CASES = [
    ("“We will not back down,” the minister said on Monday.",
     "We will not back down", "direct", "the minister", "said"),
    ("The minister said: “We will not back down.”",
     "We will not back down.", "direct", "The minister", "said"),
    ("'We will not back down,' said Maria Lopez, the party leader.",
     "We will not back down", "direct", "Maria Lopez", "said"),
    ("The governor said the bridge would reopen next spring.",
     "the bridge would reopen next spring", "indirect", "The governor", "said"),
    ("Officials maintained that the border would stay closed.",
     "the border would stay closed", "indirect", "Officials", "maintained"),
    ("The senator told reporters the bill had enough votes to pass.",
     "the bill had enough votes to pass", "indirect", "The senator", "told reporters"),
    ("The mayor declared that it was a “historic day” for the city.",
     "it was a “historic day” for the city", "mixed", "The mayor", "declared"),
    ("The ministry has called the vote a “violation of the constitution.”",
     "violation of the constitution", "mixed", "The ministry", "called"),
    ("The convoy was attacked overnight, according to local officials.",
     "The convoy was attacked overnight", "indirect", "local officials", "according to"),
    ("The group warned the company, expressing concerns that the merger would cut jobs.",
     "the merger would cut jobs", "indirect", "The group", "concerns"),
    ("The union, which represents nurses, said on Friday it would strike.",
     "it would strike", "indirect", "The union", "said"),
    ("Voters who said the economy was their top issue backed the challenger.",
     "the economy was their top issue", "indirect", "who", "said"),
    # two apostrophes for a double mark (newspaper archives); a title's period ends no sentence
    ("''We will not back down,'' Mr. Okafor said on Monday.",
     "We will not back down", "direct", "Mr. Okafor", "said"),
    ("“The vote is over,” Ms. Brandt told reporters.",
     "The vote is over", "direct", "Ms. Brandt", "told"),
    # a long appositive between the quote and its cue
    ("“We are ready,” Amina Diallo, the director of a regional food bank that serves "
     "three counties, said on Tuesday.",
     "We are ready", "direct", "Amina Diallo", "said"),
]


@pytest.mark.parametrize(("text", "piece", "kind", "speaker", "cue"), CASES,
                         ids=[c[2] + ":" + c[1][:25] for c in CASES])
def test_quote_table(run_quotes: Callable[..., Document], text: str, piece: str, kind: str,
                     speaker: str, cue: str) -> None:
    quote = only(run_quotes(text), piece)
    assert quote.kind == kind
    # the speaker span is the mention phrase (an appositive may follow the name)
    assert quote.speaker_span is not None and quote.speaker_span.text.startswith(speaker)
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.content.text == quote.content.text.strip()
    assert not quote.content.text.startswith(("“", '"'))


def test_split_quote_around_the_cue_is_one_quote(run_quotes: Callable[..., Document]) -> None:
    doc = run_quotes("“Let us take this chance,” the senator said, “to pass the bill this week.”")
    assert len(doc.quotes) == 1
    assert doc.quotes[0].content.text.endswith("to pass the bill this week.")


def test_floating_quote_takes_the_speaker_before(run_quotes: Callable[..., Document]) -> None:
    text = ("“We are ready to talk,” Maria Lopez said on Monday. “The door is open.”\n\n"
            "The talks are due to start next week.")
    doc = run_quotes(text, {"Maria Lopez": ("Maria Lopez", "ESP", "GOV")})
    q = only(doc, "The door is open.")
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.name == "Maria Lopez"
    assert q.speaker.country == "ESP"


def test_quote_paragraphs_without_a_cue_continue_the_quote(
        run_quotes: Callable[..., Document]) -> None:
    text = ("“The first point is simple,” the envoy said.\n\n"
            "“The second point is harder. It needs time.”\n\nThe meeting ended at noon.")
    doc = run_quotes(text)
    assert len(doc.quotes) == 1
    assert doc.quotes[0].content.text.endswith("It needs time.")


def test_via_and_speaker_resolved_through_actors(run_quotes: Callable[..., Document]) -> None:
    text = ("Prime Minister Anna Berg arrived in Oslo on Monday. “We came to listen,” she said, "
            "according to the state news agency NTB.")
    doc = run_quotes(text, {"Anna Berg": ("Anna Berg", "SWE", "GOV"), "she": ("Anna Berg", "SWE", "GOV"),
                            "NTB": ("NTB", "NOR", "JRN")})
    q = only(doc, "We came to listen")
    assert q.speaker_span is not None and q.speaker_span.text == "she"
    assert q.speaker is not None and q.speaker.country == "SWE"
    assert q.via is not None and q.via.country == "NOR" and q.via.sector == "JRN"


def test_unresolved_speaker_keeps_its_text(run_quotes: Callable[..., Document]) -> None:
    q = only(run_quotes("A local farmer said the harvest was the worst in years."), "harvest")
    assert q.speaker is not None
    assert q.speaker.actor_id is None and q.speaker.country is None
    assert q.speaker.text == "A local farmer"


def test_addressee(run_quotes: Callable[..., Document]) -> None:
    q = only(run_quotes("The spokesman told reporters the talks had stalled."), "stalled")
    assert q.addressee == "reporters"


@pytest.mark.parametrize("text", [
    "A new group called Citizens First is running ads in the state.",
    "The company called off the merger on Friday.",
    "The candidate asked voters on Saturday.",
    "Her legal residency was still valid, so she continued to renew it.",
    "It was a program for foreign investors, called the Harbor Visa program.",
    "The rebels joined a new front, dubbed the Northern Alliance.",
    "The city opened a new bridge, named the Harbor Link.",
], ids=["participle-naming", "particle-sense", "addressee-only", "linked-clause",
        "comma-participle-called", "comma-participle-dubbed", "comma-participle-named"])
def test_speech_verbs_in_other_uses_are_no_quotes(run_quotes: Callable[..., Document],
                                                  text: str) -> None:
    assert run_quotes(text).quotes == ()


def test_speaker_is_never_inside_the_quoted_words(run_quotes: Callable[..., Document]) -> None:
    doc = run_quotes("The senator was blunt. “The plan fails Ohio. #VoteNo,” she wrote on Monday.")
    q = only(doc, "fails Ohio")
    assert q.speaker_span is not None and q.speaker_span.text == "she"


@pytest.mark.parametrize("text", [
    "The show “Meet the Press” aired on Sunday.",
    "She watched the film “Casablanca” twice.",
    "The so-called “reform” changed nothing.",
], ids=["title", "film", "scare-quote"])
def test_scare_quotes_and_titles_are_no_quotes(run_quotes: Callable[..., Document], text: str) -> None:
    assert run_quotes(text).quotes == ()


@pytest.mark.parametrize(("title", "speaker", "content"), [
    ("Lopez: Talks With the Union Will Resume\n\nMadrid, Monday.", "Lopez",
     "Talks With the Union Will Resume"),
    ("“We Will Rebuild the Bridge” — Mayor Hansen\n\nThe storm hit on Monday.", "Mayor Hansen",
     "We Will Rebuild the Bridge"),
], ids=["colon", "dash"])
def test_headline_quotes(run_quotes: Callable[..., Document], title: str, speaker: str,
                         content: str) -> None:
    q = only(run_quotes(title), content)
    assert q.speaker_span is not None and q.speaker_span.text == speaker


def test_genre_label_headline_is_no_quote(run_quotes: Callable[..., Document]) -> None:
    assert run_quotes("Analysis: The Vote Will Be Close\n\nText follows.").quotes == ()


def test_ids_are_numbered_in_text_order(run_quotes: Callable[..., Document]) -> None:
    doc = run_quotes("The mayor said the roads were open. The police said two people were hurt.")
    assert [q.id for q in doc.quotes] == ["Q1", "Q2"]
    assert doc.quotes[0].content.start < doc.quotes[1].content.start


def test_transcript_turns(run_quotes: Callable[..., Document]) -> None:
    text = ("Interview transcript\n\nHOST: Will the talks resume this week?\n\n"
            "BERG: We hope so, and we are ready.\n\nThe interview was recorded on Monday.")
    doc = run_quotes(text)
    turns = {q.speaker_span.text: q.content.text for q in doc.quotes if q.speaker_span}
    assert turns == {"HOST": "Will the talks resume this week?", "BERG": "We hope so, and we are ready."}


def test_relative_pronoun_speaker_takes_the_antecedent_actor(
        run_quotes: Callable[..., Document]) -> None:
    text = "It was Anna Berg who said the border would reopen on Friday."
    doc = run_quotes(text, {"Anna Berg": ("Anna Berg", "SWE", "GOV")})
    q = only(doc, "the border would reopen")
    assert q.speaker_span is not None and q.speaker_span.text == "who"
    assert q.speaker is not None and q.speaker.name == "Anna Berg"


def test_stage_contract() -> None:
    from parley.quotes import QuoteStage

    stage = QuoteStage()
    assert stage.name == "parley.quotes.rules.v1"
    assert stage.requires == ("parse", "actors")
    assert stage.provides == ("quotes", "stances")


def test_stage_without_parse_says_what_to_do() -> None:
    from parley.errors import StageError
    from parley.model import Article
    from parley.quotes import QuoteStage

    with pytest.raises(StageError, match="nlp stage"):
        QuoteStage()(Document(Article("a1", "Some text.")))


# --- indirect content is a clause, never the bare object of a verb of judging -------------

@pytest.mark.parametrize("text", [
    "The senator praised the governor.",
    "The mayor criticized the minister's visit to the border.",
    "The council condemned the raids in which forty families lost their homes.",
    "The union welcomed the new contract on Tuesday.",
])
def test_the_object_of_a_verb_of_judging_is_no_quote(run_quotes: Callable[..., Document],
                                                     text: str) -> None:
    assert run_quotes(text).quotes == ()


@pytest.mark.parametrize(("text", "content"), [
    ("The mayor urged Congress to act quickly.", "Congress to act quickly"),
    ("The senator called for the council to resign.", "the council to resign"),
    ("The governor promised to cut taxes next year.", "to cut taxes next year"),
    ("The minister called the vote unfair.", "the vote unfair"),
])
def test_a_clause_after_a_speech_act_is_the_content(run_quotes: Callable[..., Document],
                                                    text: str, content: str) -> None:
    assert [q.content.text for q in run_quotes(text).quotes] == [content]


@pytest.mark.parametrize("text", [
    "The port authority blamed the crew for the spill and demanded an investigation.",
    "The mayor called for an inquiry into the raids in which forty families lost their homes.",
    "The aid agency called for a ceasefire around the port, where shells hit a school.",
    "The governor pledged new aid for the flooded towns.",
    "The ministry denied the report on Monday.",
    "The union warned of a strike in the spring.",
    "The host asked the candidates a simple question.",
], ids=["demand-np", "call-for-np", "call-for-np-relative", "pledge-np", "deny-np", "warn-of-np",
        "two-objects"])
def test_a_bare_noun_phrase_after_a_speech_act_is_no_content(
        run_quotes: Callable[..., Document], text: str) -> None:
    """A request, promise, announcement or denial of a thing is a stance or an event
    (REQUEST), not reported speech: indirect content is a clause."""
    assert run_quotes(text).quotes == ()


@pytest.mark.parametrize(("text", "content"), [
    ("The minister denied taking the money from the contractor.",
     "taking the money from the contractor"),
    ("The senator described the deal as a disaster for farmers.",
     "the deal as a disaster for farmers"),
    ("The council cited rising rents as the main reason for the protest.",
     "rising rents as the main reason for the protest"),
    ("She called the election results into question.", "the election results into question"),
], ids=["gerund", "as-predicate", "cite-as", "into-question"])
def test_a_small_or_gerund_clause_after_a_speech_act_is_the_content(
        run_quotes: Callable[..., Document], text: str, content: str) -> None:
    assert [q.content.text for q in run_quotes(text).quotes] == [content]


@pytest.mark.parametrize("text", [
    "The chairman called a meeting for Friday.",
    "The coach urged his players on Sunday.",
    "The reporter asked them on the way out.",
])
def test_an_addressee_or_a_convened_thing_is_no_content(run_quotes: Callable[..., Document],
                                                        text: str) -> None:
    assert run_quotes(text).quotes == ()


@pytest.mark.parametrize("text", [
    "The senator wrote the letter to the department on Monday.",
    "The governor responded by cutting the budget of the agency.",
    "The party maintains a firm grip on the northern provinces.",
])
def test_the_rest_of_a_sentence_is_content_only_as_a_clause(run_quotes: Callable[..., Document],
                                                            text: str) -> None:
    assert run_quotes(text).quotes == ()


@pytest.mark.parametrize("text", [
    "Many voters still say they don’t yet know enough about the race.",
    "The senator said they can’t pass the bill without the governor’s votes.",
    "Officials told reporters the convoy wasn’t attacked, according to the ministry’s statement.",
])
def test_content_begins_and_ends_on_word_boundaries(run_quotes: Callable[..., Document],
                                                    text: str) -> None:
    doc = run_quotes(text)
    assert doc.quotes
    for q in doc.quotes:
        s, e = q.content.start, q.content.end
        assert not (s > 0 and text[s - 1].isalnum() and text[s].isalnum()), q.content.text
        assert not (e < len(text) and text[e - 1].isalnum() and text[e].isalnum()), q.content.text


def test_snap_to_words_takes_the_whole_word() -> None:
    from parley.quotes.stage import snap_to_words

    text = "they don’t know"
    assert text[slice(*snap_to_words(text, 0, 7))] == "they don’t"
    assert text[slice(*snap_to_words(text, 6, 15))] == "don’t know"
    assert snap_to_words(text, 0, 4) == (0, 4)


# --- a pronoun speaker after a quote: the paragraph's chain of speakers ------------------

@pytest.mark.parametrize("text", [
    "“We will vote no,” Anna Berg said on Monday. “I told Tom Hale so,” she told reporters.",
    "Anna Berg said the vote was close. “Ask Tom Hale what he thinks,” she said.",
    "“Tom Hale is wrong,” Anna Berg said. “He has never read the bill,” she added.",
])
def test_a_pronoun_speaker_is_never_a_name_inside_the_quote(run_quotes: Callable[..., Document],
                                                            text: str) -> None:
    # the actor stage may join "she" to the last person named, inside the quote: simulated
    # here by giving "she" Tom Hale's identity
    actors = {"Anna Berg": ("Anna Berg", "SWE", "GOV"), "Tom Hale": ("Tom Hale", "GBR", "GOV"),
              " she ": ("Tom Hale", "GBR", "GOV")}
    doc = run_quotes(text, actors)
    (last,) = [q for q in doc.quotes if q.speaker_span is not None
               and q.speaker_span.text == "she"]
    assert last.speaker is not None and last.speaker.name == "Anna Berg"
    assert last.speaker_span.text == "she"  # the mention stays the nearest one


def test_a_pronoun_with_only_a_quoted_antecedent_is_left_unresolved(nlp) -> None:  # type: ignore[no-untyped-def]
    from parley.model import Actor, Article, Span
    from parley.quotes import QuoteStage

    text = "The hall was full.\n\n“I spoke to Tom Hale,” she said."
    name, she = text.index("Tom Hale"), text.index("she")
    # what the actor stage does: "she" joins the last person named, here inside the quote
    actor = Actor("A1", "Tom Hale", "GBR", "GOV", mentions=(
        Span.of(text, name, name + 8), Span.of(text, she, she + 3)))
    doc = QuoteStage()(Document(Article("t", text), parse=nlp(text), actors=(actor,),
                                mention_actor=((name, name + 8, "A1"), (she, she + 3, "A1"))))
    (quote,) = doc.quotes
    assert quote.speaker is not None and quote.speaker.country is None
    assert quote.speaker.text == "she"


# --- Q&A and transcript layouts ------------------------------------------------------------

QA_TEXTS = [
    ("Mayor talks budget\n\nIn an interview on Monday, Anna Berg discussed the city budget.\n\n"
     "Q: Will you raise taxes?\n\nA: No. We will cut spending first.\n\n"
     "Q: What about the schools?\n\nA: The schools keep every teacher they have."),
    ("Five questions\n\nTom Hale spoke with our reporter. The conversation was edited.\n\n"
     "Question: Why run again?\n\nAnswer: Because the work is not finished.\n\n"
     "Question: And the party?\n\nAnswer: The party will follow the voters."),
    ("The minister answers\n\nWe asked Anna Berg about the border.\n\n"
     "Q. Is the border open?\n\nA. It will reopen next week for trucks.\n\n"
     "The checks stay in place for cars.\n\nQ. And for people?\n\nA. People can cross now."),
]


@pytest.mark.parametrize("text", QA_TEXTS, ids=["colon", "words", "period-continued"])
def test_qa_answers_belong_to_the_interviewee(run_quotes: Callable[..., Document], text: str) -> None:
    doc = run_quotes(text)
    answers = [q for q in doc.quotes if "Q&A" in q.reason]
    assert len(answers) == 2
    for q in answers:
        assert q.speaker_span is not None and q.speaker_span.text in ("Anna Berg", "Tom Hale")
        assert "?" not in q.content.text  # questions are not the interviewee's words
    if "continued" in text or "The checks" in text:
        assert "The checks stay in place for cars." in answers[0].content.text


def test_a_single_answer_label_is_no_layout(run_quotes: Callable[..., Document]) -> None:
    doc = run_quotes("Anna Berg spoke on Monday.\n\nA: plan B was ready, she said later.")
    assert not [q for q in doc.quotes if "Q&A" in q.reason]


def test_transcript_turns_take_their_labels(run_quotes: Callable[..., Document]) -> None:
    text = ("Debate transcript\n\nHALE: We will fix the roads this year.\n\n"
            "BERG: You said that last year as well.\n\nHALE: This time the money is there.")
    doc = run_quotes(text)
    assert [q.speaker_span.text for q in doc.quotes if q.speaker_span] == ["HALE", "BERG", "HALE"]


@pytest.mark.parametrize(("text", "content"), [
    ("The senator asked voters if they planned to attend the caucuses.",
     "if they planned to attend the caucuses"),
    ("Reporters asked whether the minister would resign.", "whether the minister would resign"),
    ("The governor wondered whether the bridge would ever reopen.",
     "whether the bridge would ever reopen"),
])
def test_an_embedded_question_is_the_content(run_quotes: Callable[..., Document], text: str,
                                             content: str) -> None:
    assert content in [q.content.text for q in run_quotes(text).quotes]


@pytest.mark.parametrize(("text", "quote"), [
    ("The senator cited the tax as a major reason for the deficit.", True),
    ("The mayor cited rising rents as the cause of the protests.", True),
    ("The report cited three studies.", False),
])
def test_cite_needs_its_predicate(run_quotes: Callable[..., Document], text: str, quote: bool) -> None:
    assert bool(run_quotes(text).quotes) is quote


@pytest.mark.parametrize(("text", "content"), [
    ("The convoy, according to officials, was attacked at night.",
     "The convoy, according to officials, was attacked at night"),
    ("The bridge, according to the mayor, will reopen in May.",
     "The bridge, according to the mayor, will reopen in May"),
    ("Prices, according to the survey, rose by four percent.",
     "Prices, according to the survey, rose by four percent"),
])
def test_according_to_inside_a_clause_keeps_the_clause(run_quotes: Callable[..., Document],
                                                       text: str, content: str) -> None:
    assert [q.content.text for q in run_quotes(text).quotes] == [content]


# --- titles of works and participles of naming are no quotes ------------------------------

@pytest.mark.parametrize("text", [
    "She first told the story in her 2015 memoir, “Plenty of Time.” The speaker could not be reached.",
    "In his new book, ''Winning the Peace,'' and in an interview, the envoy said little.",
    "“Orange Skies” star Ana Ruiz opened up about her body-related fears.",
    "The comedy is based on a show called “Brokers,” written by a Spanish troupe.",
    "The town hosts a festival dubbed “The Long Night” every winter.",
], ids=["memoir", "book", "modifier", "called-participle", "dubbed-participle"])
def test_titles_of_works_are_no_quotes(run_quotes: Callable[..., Document], text: str) -> None:
    assert [q for q in run_quotes(text).quotes if q.kind != "indirect"] == []


@pytest.mark.parametrize(("text", "piece"), [
    ("When the governor offered towns money through his grant program, “towns were losing "
     "money. They needed it,” Lee said.", "towns were losing money"),
    ("''Most of the cost in the budget comes from efforts to measure'' income, he said.",
     "Most of the cost"),
    ("One senator called the mayor “the orange prince of the city.”", "orange prince"),
], ids=["after-a-noun-not-a-title", "lower-case-words", "naming-with-object"])
def test_words_that_are_no_title_stay_quotes(run_quotes: Callable[..., Document], text: str,
                                             piece: str) -> None:
    assert only(run_quotes(text), piece).kind in ("direct", "mixed")


@pytest.mark.parametrize(("text", "content"), [
    ("The ministry has called the vote a “violation of the constitution.”",
     "the vote a “violation of the constitution.”"),
    ("The coach said the team had played “without any heart.”",
     "the team had played “without any heart.”"),
    ("The mayor, who calls the plan a “disgrace,” voted against it.", "the plan a “disgrace,”"),
], ids=["naming", "clause", "relative"])
def test_a_content_span_that_opens_a_quotation_takes_its_closing_mark(
        run_quotes: Callable[..., Document], text: str, content: str) -> None:
    assert only(run_quotes(text), content[:12]).content.text == content


def test_a_hyphenated_word_is_no_cue(run_quotes: Callable[..., Document]) -> None:
    doc = run_quotes("“Blue Harbor” actor Tom Reyes spoke about his money-related worries.")
    assert doc.quotes == ()


# --- "according to" on a clause that has a reporting verb of its own ----------------------

@pytest.mark.parametrize(("text", "piece", "speaker", "via"), [
    ("According to the state news agency, he called the measures “illegal and baseless”.",
     "illegal and baseless", "he", "the state news agency"),
    ("According to the agency, the minister said the talks would resume.",
     "the talks would resume", "the minister", "the agency"),
    ("The envoy described the offer as “a trap,” according to two diplomats.",
     "a trap", "The envoy", "two diplomats"),
], ids=["naming", "said", "described"])
def test_according_to_relays_a_report_with_its_own_speaker(
        run_quotes: Callable[..., Document], text: str, piece: str, speaker: str, via: str) -> None:
    doc = run_quotes(text)
    q = only(doc, piece)
    assert q.speaker_span is not None and q.speaker_span.text == speaker
    assert q.via is not None and q.via.text == via
    assert not [p for p in doc.quotes if p.cue is not None and p.cue.text.lower() == "according to"]


def test_according_to_a_clause_with_quoted_words_is_mixed(
        run_quotes: Callable[..., Document]) -> None:
    q = only(run_quotes("The convoy was “brutally” attacked overnight, according to local "
                        "officials."), "attacked")
    assert q.kind == "mixed" and q.speaker_span is not None and q.speaker_span.text == "local officials"


def test_a_clause_before_a_semicolon_is_not_the_next_clauses_content(
        run_quotes: Callable[..., Document]) -> None:
    doc = run_quotes("The vote prompted the council to call a debate in March on the budget; one "
                     "member called the plan “a gift to the banks.”")
    assert [q.content.text for q in doc.quotes] == ["the plan “a gift to the banks.”"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The governor issued a statement saying that the judge was a remarkable person.",
     "The governor"),
    ("The campaign released a video claiming that the senator had lied.", "The campaign"),
    ("The union posted a message suggesting that the strike would go on.", "The union"),
    ("Police received calls saying shots were fired.", "calls"),
], ids=["issued-statement", "released-video", "posted-message", "received-calls"])
def test_a_message_says_what_its_issuer_says(run_quotes: Callable[..., Document], text: str,
                                             speaker: str) -> None:
    quotes = run_quotes(text).quotes
    assert len(quotes) == 1 and quotes[0].speaker_span is not None
    assert quotes[0].speaker_span.text == speaker


# --- a sentence that ends in its attribution ------------------------------------------------

@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Students who take on heavy debt struggle, even with a \"good\" job, he said.",
     "Students who take on heavy debt struggle, even with a \"good\" job", "he"),
    ("The storm that hit the coast destroyed homes, the governor said.",
     "The storm that hit the coast destroyed homes", "the governor"),
    ("Farmers who grow wheat lose money, even in good years, the minister said on Tuesday.",
     "Farmers who grow wheat lose money", "the minister"),
], ids=["misparsed-noun", "second-subject", "phrase-between"])
def test_a_sentence_that_ends_in_its_attribution_reports_what_stands_before(
        run_quotes: Callable[..., Document], text: str, content: str, speaker: str) -> None:
    (q,) = run_quotes(text).quotes
    assert q.content.text == content
    assert q.speaker_span is not None and q.speaker_span.text == speaker


@pytest.mark.parametrize("text", [
    "In the morning, he said.",
    "The talks will resume, in the view of the envoy, next week.",
], ids=["no-verb-before", "no-reporting-verb"])
def test_no_attribution_at_the_end_no_fronted_content(run_quotes: Callable[..., Document],
                                                      text: str) -> None:
    assert run_quotes(text).quotes == ()


@pytest.mark.parametrize(("text", "content"), [
    ("Six in 10 voters said so in the earlier poll.", "so"),
    ("Last month, 26 percent said the same.", "the same"),
    ("The crowd said yes, yes, yes.", "yes, yes, yes"),
    ("Half of them said otherwise.", "otherwise"),
], ids=["so", "the-same", "yes", "otherwise"])
def test_a_pro_clause_is_what_was_said(run_quotes: Callable[..., Document], text: str,
                                       content: str) -> None:
    assert [q.content.text for q in run_quotes(text).quotes] == [content]


def test_so_as_a_degree_word_is_no_pro_clause(run_quotes: Callable[..., Document]) -> None:
    assert run_quotes("He said so many things.").quotes == ()
