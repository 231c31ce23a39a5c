"""The scorer: loading the gold suites, the actor rule, the figures and one real run.

The fixtures in tests/fixtures/eval are invented records in the layout of each suite's file.
Public names are used from ``kg.evaluate``; helpers from the submodule that holds them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import kg
from kg import evaluate as ev
from kg.evaluate.fictional import title_case
from kg.evaluate.matching import match_events
from kg.evaluate.runner import documents_of
from kg.evaluate.scoring import NO_CATEGORY
from kg.events import Action, ActorRef, Event

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
PLOVER = FIXTURES / "plover_gsr.json"
PETRARCH = FIXTURES / "petrarch_gold_events.jsonl"
QASRL = FIXTURES / "qasrl_predicates.jsonl"
CODES = FIXTURES / "validation_actor_codes.json"

NORWAY = ActorRef("Q20", "Norway", "COUNTRY", "NOR", "Norway")
OSLO = ActorRef("Q20", "Norway", "COUNTRY", "NOR", "Oslo")
ICELAND = ActorRef("Q189", "Iceland", "COUNTRY", "ISL", "Iceland")
SPAIN = ActorRef("Q29", "Spain", "COUNTRY", "ESP", "Spain")
PORTUGAL_FM = ActorRef("jose-silva", "José Silva", "PERSON", "PRT", "The Portuguese Foreign Minister")
CHILEANS = ActorRef("Q298", "Chile", "COUNTRY", "CHL", "Chilean diplomats")
AGREE = Action("agreed to send", "agree to send", "03", "AGREE", 1, 4.0)
MEET = Action("met", "meet", "04", "CONSULT", 1, 1.0)
DEMAND = Action("demanded", "demand", "10", "DEMAND", 3, -5.0)
PRAISE = Action("praised", "praise", "05", "COOPERATE", 1, 3.4)
RUSSIA = ActorRef("Q159", "Russia", "COUNTRY", "RUS", "Russia")


def event(doc: str, source: ActorRef, action: Action, target: ActorRef | None, sentence: int = 0) -> Event:
    return Event(doc=doc, sentence=sentence, text="…", source=source, action=action, target=target)


# ---------------------------------------------------------------- loading


def test_plover_records_skip_documentation_and_sourceless_events():
    records = ev.load_suite("plover", PLOVER)
    assert [r.id for r in records] == ["TEST-GSR-AGREE-0001", "TEST-GSR-CONSULT-0001", "TEST-GSR-DEMAND-0001"]
    agree = records[0]
    assert agree.date == "2001-05-04" and agree.category == "AGREE" and not agree.noevents
    assert agree.events == (ev.GoldEvent((ev.GoldActor("Norway", "NOR"),), (ev.GoldActor("Iceland", "ISL"),),
                                         plover="AGREE"),)
    consult = records[1].events[0]
    assert [a.text for a in consult.sources] == ["Chilean", "Peruvian"] and consult.targets == ()


def test_petrarch_sets_ids_dates_codes_and_no_event_records():
    gsr = ev.load_suite("petrarch-gsr", PETRARCH)
    assert [r.id for r in gsr] == ["udp_gsr/TEST-GSR-01", "udp_gsr/TEST-GSR-02", "udp_gsr/TEST-GSR-03"]
    first = gsr[0]
    assert first.date == "2011-03-02" and first.category == "GOLD"
    assert first.events == (ev.GoldEvent((ev.GoldActor(None, "FRAGOV"),), (ev.GoldActor(None, "UKR"),),
                                         cameo="04"),)
    assert gsr[1].noevents and gsr[1].events == ()
    assert gsr[2].events[0].cameo == "11"  # four-digit code 1121 → root 11


def test_petrarch_functional_skips_unevaluated_records_and_makes_ids_unique():
    records = ev.load_suite("petrarch-functional", PETRARCH)
    assert [r.id for r in records] == [
        "petrarch2_unittest/DEMO-01", "petrarch2_unittest/DEMO-01#2", "udp_validate_2_02/COMPOUND-01",
        "petrarch2_unittest/SYNSET-01"]
    assert len(records[2].events) == 2 and records[2].events[1].sources[0].code == "IGOLEA"
    assert records[3].events[0].cameo is None  # a test-only code, not a CAMEO root


def test_qasrl_sentences_group_predicates_with_an_agent_and_an_object():
    records = ev.load_suite("qasrl", QASRL)
    assert [r.id for r in records] == ["Test:wikinews:1:0:0", "Test:wikinews:1:1:0", "Test:wikinews:1:3:0"]
    signed = records[0]
    assert signed.text == "Officials from Chile signed the accord with Peru's delegation on Monday."
    assert len(signed.events) == 1 and signed.category == "ir_keywords"
    assert [a.text for a in signed.events[0].targets] == ["the accord", "Peru's delegation"]
    assert records[1].text == 'The minister apologised to " the farmers ", aides said.'
    assert records[1].category == "ir_core" and records[2].category == "other"
    assert records[1].events[0].plover is None and records[1].events[0].cameo is None


def test_a_folder_stands_for_the_suite_file_inside_it(tmp_path):
    (tmp_path / "PLOVER_GSR_CAMEO.json").write_text(PLOVER.read_text("utf-8"), "utf-8")
    assert len(ev.load_suite("plover", tmp_path)) == 3


@pytest.mark.parametrize(
    ("suite", "path", "message"),
    [
        ("plover", FIXTURES / "missing.json", "no such file"),
        ("plover", PETRARCH, "not a PLOVER gold file"),
        ("plover", CODES, "not a PLOVER gold file"),
        ("petrarch-gsr", QASRL, "not a PETRARCH gold file"),
        ("qasrl", PETRARCH, "not a QA-SRL predicates file"),
        ("qasrl", PLOVER, "not a QA-SRL predicates file"),
        ("cameo", PLOVER, "unknown suite 'cameo'"),
    ],
)
def test_wrong_files_raise_a_clear_kg_error(suite, path, message):
    with pytest.raises(kg.KgError, match=message):
        ev.load_suite(suite, path)


def test_an_unknown_suite_lists_the_choices():
    choices = (r"unknown suite 'cameo' \(choose from plover, petrarch-gsr, petrarch-functional, qasrl, "
               r"articles\)")
    for call in (lambda: ev.load_suite("cameo", PLOVER), lambda: ev.run_suite("cameo", PLOVER),
                 lambda: ev.suite_path("cameo", FIXTURES)):
        with pytest.raises(ev.EvaluationError, match=choices):
            call()


@pytest.mark.parametrize(("date", "expected"), [
    ("20110302", "2011-03-02"), ("2011-03-02", "2011-03-02"), ("2011-03-02T10:00:00Z", "2011-03-02"),
    ("20110230", None), ("soon", None), ("", None),
])
def test_petrarch_dates_become_iso_dates_or_none(tmp_path, date, expected):
    raw = json.loads(PETRARCH.read_text("utf-8").splitlines()[0])
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({**raw, "date": date}) + "\n", "utf-8")
    assert ev.load_suite("petrarch-gsr", path)[0].date == expected


def test_a_broken_jsonl_line_is_named_with_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(PETRARCH.read_text("utf-8").splitlines()[0] + "\n\n{oops\n", "utf-8")
    with pytest.raises(ev.EvaluationError, match=r"gold.jsonl, line 3: not a PETRARCH gold file"):
        ev.load_suite("petrarch-gsr", path)


def test_a_petrarch_file_without_the_suites_sets_is_refused(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(PETRARCH.read_text("utf-8").splitlines()[0] + "\n", "utf-8")
    with pytest.raises(ev.EvaluationError, match="without records of set petrarch2_unittest"):
        ev.load_suite("petrarch-functional", path)


# ---------------------------------------------------------------- fictional actors


def test_fictional_actor_file_is_a_valid_kg_actor_file(tmp_path):
    path = ev.fictional_actor_file(CODES, tmp_path / "actors.jsonl")
    gazetteer = kg.Gazetteer.load([path], bundled=False)
    ruritania = gazetteer.get("RUR")
    assert (ruritania.name, ruritania.type, ruritania.country) == ("Ruritania", "COUNTRY", "RUR")
    assert "RURITANIA" in ruritania.aliases and "Strelsau" in ruritania.aliases
    assert gazetteer.by_demonym("Ruritanian") is ruritania
    assert gazetteer.by_demonym("Genovian").id == "GNV"
    league = gazetteer.by_name("League of Small States")
    assert (league.id, league.type, league.country) == ("IGOLEA", "IGO", None)
    stranger = gazetteer.by_name("the Stranger")
    assert stranger.id == "---" and stranger.country is None
    assert gazetteer.get("IMF").type == "IGO"


def test_a_name_under_several_codes_goes_to_the_plainest_code(tmp_path):
    lines = ev.fictional_actor_file(CODES, tmp_path / "actors.jsonl").read_text("utf-8").splitlines()
    records = {r["id"]: r for r in map(json.loads, lines)}
    assert records["RURGOV"]["name"] == "King Rudolf" and records["RURGOV"]["type"] == "GOV"
    assert records["RURMIL"]["name"] == "Strelsau Guard"  # STRELSAU went to RUR, KING RUDOLF to RURGOV
    assert "King Rudolf" not in records["RURMIL"]["aliases"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("MINAS TIRITH", "Minas Tirith"), ("LEAGUE OF SMALL STATES", "League of Small States"),
        ("THE AU", "The AU"), ("IMF", "IMF"), ("USSR", "USSR"), ("BREE", "Bree"),
        ("U.N.", "U.N."), ("AL-QAEDA", "Al-Qaeda"), ("PRESIDENT JOHN Q. SMITH", "President John Q. Smith"),
    ],
)
def test_title_case(name, expected):
    assert title_case(name) == expected


def test_fictional_actor_file_refuses_other_json(tmp_path):
    with pytest.raises(ev.EvaluationError, match="not an actor-codes file"):
        ev.fictional_actor_file(PLOVER, tmp_path / "out.jsonl")


# ---------------------------------------------------------------- the actor rule


def gold(text: str | None = None, code: str | None = None) -> ev.GoldActor:
    return ev.GoldActor(text, code)


UN = ActorRef("Q1065", "United Nations", "IGO", None, "the U.N.")
BOARD = ActorRef("village-board", "village board", "OTHER", None, "the village board")
FM = ActorRef("Q42", "Anna Berg", "PERSON", "SWE", "the Swedish foreign minister")


@pytest.mark.parametrize(
    ("gold_actor", "actor", "expected"),
    [
        (gold(code="NOR"), NORWAY, True),  # country code
        (gold(code="NORGOV"), NORWAY, True),  # sector codes match by their country
        (gold(code="SWEGOV"), FM, True),  # a person of that country
        (gold(code="ISL"), NORWAY, False),
        (gold(code="ROM"), ActorRef("Q218", "Romania", "COUNTRY", "ROU", "Romania"), True),  # old CAMEO code
        (gold(code="IGOUNOMIL"), UN, True),  # organisation part of the code
        (gold(code="IGOEUREEC"), UN, False),
        (gold(code="UNO"), UN, True),
        (gold(code="IGOUNO"), ActorRef("x", "Uno", "COUNTRY", "UNO", "Uno"), False),  # never by country
        (gold(code="---LEG"), BOARD, True),  # unknown country: any actor without one
        (gold(code="---"), NORWAY, False),
        (gold(code="RURGOV"), ActorRef("RURGOV", "King Rudolf", "GOV", None, "the King"), True),  # id
        (gold("Norway"), OSLO, True),  # canonical name
        (gold("Oslo"), OSLO, True),  # mention
        (gold("the U.N."), UN, True),  # normalised: the, periods
        (gold("Israeli troops"), ActorRef("Q801", "Israel", "COUNTRY", "ISR", "Israeli troops"), True),
        (gold("German Foreign Minister Karl Weber"), ActorRef("k", "Karl Weber", "PERSON", None, "Weber"),
         True),  # the mention is contained in the gold text
        (gold("Karl Weber"), ActorRef("k", "K. Weber", "PERSON", None, "Karl Weber, the minister"), True),
        (gold("he and his aides"), ActorRef("k", "Karl Weber", "PERSON", None, "he"), False),  # function word
        (gold("us"), ActorRef("Q30", "United States", "COUNTRY", "USA", "US"), False),  # acronym ≠ pronoun
        (gold("US officials"), ActorRef("Q30", "United States", "COUNTRY", None, "US"), True),
        (gold("Israel"), ActorRef("Q801", "Israel", "COUNTRY", "ISR", "Israeli troops"), True),  # name equal
        (gold("Iceland"), NORWAY, False),
        (gold("Zürich"), ActorRef("z", "Zurich", "OTHER", None, "Zurich"), True),  # accents folded
        (gold("Norway's fishermen"), ActorRef("n", "Norway", "COUNTRY", None, "Norway"), True),  # possessive
        (gold(None, None), NORWAY, False),
    ],
)
def test_actor_matches(gold_actor, actor, expected):
    assert ev.actor_matches(gold_actor, actor) is expected


def test_gazetteer_names_and_demonyms_match_text_and_codes(tmp_path):
    gazetteer = kg.Gazetteer.load([ev.fictional_actor_file(CODES, tmp_path / "a.jsonl")], bundled=False)
    ruritania = ActorRef("RUR", "Ruritania", "COUNTRY", "RUR", "Strelsau")
    assert ev.actor_matches(gold("Ruritanian"), ruritania, gazetteer)  # demonym of the record
    assert not ev.actor_matches(gold("Ruritanian"), ruritania)
    plain_text = ActorRef("genovia", "Genovia", "OTHER", None, "Genovia")  # a system that gives only text
    assert ev.actor_matches(gold(code="GNVGOV"), plain_text, gazetteer)
    assert not ev.actor_matches(gold(code="GNVGOV"), plain_text)


# ---------------------------------------------------------------- scoring


def plover_events() -> dict[str, list[Event]]:
    return {
        "TEST-GSR-AGREE-0001": [event("TEST-GSR-AGREE-0001", NORWAY, AGREE, ICELAND),
                                event("TEST-GSR-AGREE-0001", ICELAND, AGREE, NORWAY)],  # reversed: no match
        "TEST-GSR-CONSULT-0001": [event("TEST-GSR-CONSULT-0001", CHILEANS, PRAISE, ICELAND)],
        "TEST-GSR-DEMAND-0001": [event("TEST-GSR-DEMAND-0001", SPAIN, DEMAND, PORTUGAL_FM)],
        "not-a-record": [event("not-a-record", NORWAY, AGREE, ICELAND)],
    }


def test_score_counts_recall_precision_proxy_and_categories():
    report = ev.score(ev.load_suite("plover", PLOVER), plover_events(), suite="plover")
    assert (report.records, report.gold_events, report.extracted_events, report.matched) == (3, 3, 4, 2)
    # AGREE: Norway→Iceland matches; Iceland→Norway has both actors among the gold ones.
    # CONSULT: Chilean diplomats match a source of a target-less gold event; Iceland is no gold actor.
    # DEMAND: Spain→Portuguese minister is reversed, but both are gold actors.
    assert report.proxy_correct == 3
    assert report.recall == pytest.approx(2 / 3) and report.precision_proxy == pytest.approx(3 / 4)
    assert report.f1 == pytest.approx(2 * (2 / 3) * (3 / 4) / (2 / 3 + 3 / 4))
    assert (report.category_total, report.category_correct, report.category_accuracy) == (2, 1, 0.5)
    assert report.breakdown == {"AGREE": ev.CategoryStats(1, 1), "CONSULT": ev.CategoryStats(1, 1),
                                "DEMAND": ev.CategoryStats(1, 0)}
    assert report.missed == ("TEST-GSR-DEMAND-0001",)


def test_an_event_without_target_is_proxy_correct_only_where_gold_has_one():
    records = ev.load_suite("plover", PLOVER)
    events = {"TEST-GSR-CONSULT-0001": [event("TEST-GSR-CONSULT-0001", CHILEANS, MEET, None)],
              "TEST-GSR-AGREE-0001": [event("TEST-GSR-AGREE-0001", NORWAY, AGREE, None)]}
    report = ev.score(records, events)
    assert (report.matched, report.proxy_correct, report.category_correct) == (1, 1, 1)
    assert report.breakdown["AGREE"].matched == 0  # the gold AGREE event has a target


def test_each_gold_and_each_extracted_event_is_matched_once_preferring_the_right_category():
    record = ev.GoldRecord("r", "…", None, None, (
        ev.GoldEvent((gold(code="NOR"),), (gold(code="ISL"),), cameo="10"),
        ev.GoldEvent((gold(code="NOR"),), (gold(code="ISL"),), cameo="03"),
        ev.GoldEvent((gold(code="NOR"),), (gold(code="ISL"),), cameo="04"),
    ))
    events = [event("r", NORWAY, AGREE, ICELAND, 0), event("r", OSLO, DEMAND, ICELAND, 1)]
    pairs = match_events(record.events, events, ev.ActorMatcher())
    assert pairs == [(0, 1), (1, 0)]
    report = ev.score([record], {"r": events})
    assert (report.matched, report.category_total, report.category_correct) == (2, 2, 2)
    assert report.breakdown == {NO_CATEGORY: ev.CategoryStats(3, 2)}


def test_events_in_no_event_records_are_false_positives():
    records = ev.load_suite("petrarch-gsr", PETRARCH)
    fp = event("udp_gsr/TEST-GSR-02", NORWAY, AGREE, ICELAND)
    report = ev.score(records, {"udp_gsr/TEST-GSR-02": [fp, fp]})
    assert (report.noevent_records, report.noevent_false_positives) == (1, 2)
    assert (report.extracted_events, report.proxy_correct, report.precision_proxy) == (2, 0, 0.0)
    assert report.category_accuracy is None and report.recall == 0.0


def test_empty_input_gives_zeros_not_errors():
    report = ev.score([], {})
    figures = (report.recall, report.precision_proxy, report.f1, report.category_accuracy)
    assert figures == (0.0, 0.0, 0.0, None)


def test_a_report_is_built_from_keyword_arguments_only():
    figures = dict(suite="s", system="kg", records=1, gold_events=2, extracted_events=4, matched=1,
                   proxy_correct=2, category_total=1, category_correct=1, noevent_records=0,
                   noevent_false_positives=0)
    report = ev.Report(**figures)
    assert (report.recall, report.precision_proxy, report.category_accuracy) == (0.5, 0.5, 1.0)
    with pytest.raises(TypeError):
        ev.Report(*figures.values())


def test_format_report_and_json():
    report = ev.score(ev.load_suite("plover", PLOVER), plover_events(), suite="plover")
    table = ev.format_report(report)
    assert "| plover | kg | 3 | 3 | 4 | 2 | 66.7% | 75.0% | 70.6% | 50.0% | 0 |" in table
    assert "| DEMAND | 1 | 0 | 0.0% |" in table
    assert "| category |" not in ev.format_report(report, breakdown=False)
    data = ev.report_to_json(report)
    assert json.loads(json.dumps(data)) == data
    assert data["recall"] == pytest.approx(2 / 3) and data["breakdown"]["AGREE"]["matched"] == 1
    assert data["missed"] == ["TEST-GSR-DEMAND-0001"]


# ---------------------------------------------------------------- running kg


def test_run_suite_with_the_real_pipeline(extractor):
    report = ev.run_suite("petrarch-gsr", PETRARCH, extractor)
    assert (report.suite, report.system, report.records, report.gold_events) == ("petrarch-gsr", "kg", 3, 2)
    assert report.matched >= 1  # Macron (FRA) held talks with Zelenskyy (UKR)
    assert report.noevent_records == 1 and report.noevent_false_positives == 0
    assert report.breakdown["GOLD"] == ev.CategoryStats(1, 1)


ARTICLES, ARTICLE_TEXTS = FIXTURES / "articles", FIXTURES / "articles.jsonl"


def test_article_annotations_are_records_of_whole_articles():
    (record,) = ev.load_suite("articles", ARTICLES, ARTICLE_TEXTS)
    assert (record.id, record.date, record.complete) == ("sample-1", "2025-12-29", True)
    # the event without a stated source ("the meeting") is left out: nothing could match it
    assert [(e.kind, e.cameo, e.span) for e in record.events] == [
        ("verb", "04", (0, 40)), ("verb", "11", (41, 71)), ("verb", "04", (72, 113))]
    # the mention's words count besides the canonical name, unless they are a pronoun
    assert record.events[2].sources == (gold("Emmanuel Macron"), gold("The French leader"))


def test_an_article_event_matches_only_in_its_sentence():
    (record,) = ev.load_suite("articles", ARTICLES, ARTICLE_TEXTS)
    # "Russia demanded", said of the first sentence, is not the second sentence's criticism
    elsewhere = replace(event("sample-1", RUSSIA, DEMAND, None), span=(0, 40))
    there = replace(elsewhere, span=(41, 71))
    assert [len(match_events(record.events, [e], ev.ActorMatcher())) for e in (elsewhere, there)] == [0, 1]


def test_the_articles_suite_scores_precision_edges_and_structures(extractor):
    report = ev.run_suite("articles", ARTICLES, extractor, texts=ARTICLE_TEXTS)
    assert (report.complete, report.gold_events, report.matched, report.gold_with_target) == (True, 3, 3, 2)
    assert report.precision == pytest.approx(3 / report.extracted_events)
    assert report.edge_precision == pytest.approx(report.edges_matched / report.edges)
    assert report.breakdown == {"verb": ev.CategoryStats(3, 3)}
    assert "Graph edges (coded events): precision" in ev.format_report(report)


@pytest.mark.parametrize(("texts", "message"),
                         [(None, "needs the articles"), (QASRL, "not an articles file")])
def test_the_articles_suite_needs_its_texts(texts, message):
    with pytest.raises(ev.EvaluationError, match=message):
        ev.load_suite("articles", ARTICLES, texts)


def test_an_annotation_of_an_unknown_article_is_named(tmp_path):
    (tmp_path / "other.json").write_text('{"doc": "other", "events": []}', "utf-8")
    with pytest.raises(ev.EvaluationError, match="other.json: article 'other' is not in"):
        ev.load_suite("articles", tmp_path, ARTICLE_TEXTS)


def test_run_suite_takes_an_extractor_or_an_actors_file_not_both(extractor):
    with pytest.raises(ev.EvaluationError, match="not both"):
        ev.run_suite("petrarch-functional", PETRARCH, extractor, actors_file=CODES)


def test_the_functional_suite_builds_its_extractor_with_the_fictional_actors():
    built = ev.build_extractor("petrarch-functional", PETRARCH)  # the actor file is temporary
    assert built.gazetteer.get("RUR").name == "Ruritania"
    report = ev.run_suite("petrarch-functional", PETRARCH, built)
    assert (report.records, report.gold_events) == (4, 5) and report.matched >= 1


def test_the_functional_suite_needs_its_actor_codes(tmp_path):
    (tmp_path / "petrarch_gold_events.jsonl").write_text(PETRARCH.read_text("utf-8"), "utf-8")
    with pytest.raises(ev.EvaluationError, match="validation_actor_codes.json: no such file"):
        ev.build_extractor("petrarch-functional", tmp_path)


def test_importing_the_scorer_does_not_load_spacy():
    code = ("import sys, kg.evaluate; "
            "print(sorted(m for m in ('spacy', 'kg.nlp', 'kg.pipeline') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent)
    assert out.stdout.strip() == "[]"


def test_documents_of_records_carry_id_and_date():
    documents = documents_of(ev.load_suite("petrarch-gsr", PETRARCH))
    assert (documents[0].id, documents[0].date, documents[0].text) == (
        "udp_gsr/TEST-GSR-01", "2011-03-02", "Macron held talks with Zelenskyy.")


def test_the_cli_offers_the_same_suites():
    from kg.cli import EVALUATION_SUITES

    assert EVALUATION_SUITES == ev.SUITES


def test_topic_links_count_in_qasrl_only(extractor):
    """QA-SRL's gold objects are things as often as actors; the other suites code events
    between actors, so kg's topic links are left out of their scores."""
    # "the accord", "a friendly match", and the minister who apologised to the farmers
    assert ev.run_suite("qasrl", QASRL, extractor).matched == 3
    records = ev.load_suite("petrarch-gsr", PETRARCH)
    found = list(extractor.events(ev.documents_of(records)))
    assert any(e.layer == "topic" for e in found)
    report = ev.run_suite("petrarch-gsr", PETRARCH, extractor)
    assert report.extracted_events == sum(e.layer != "topic" for e in found)
