"""The extractor recipe: the ruler and the gazetteer from the same records, compiled once."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from kg.documents import Document
from kg.gazetteer import Gazetteer
from kg.nlp import ActorRuler, compile_patterns
from kg.recipe import ExtractorSpec

PATTERNS = [
    {"label": "GPE", "pattern": "Korea", "id": "korea"},
    {"label": "GPE", "pattern": "South Korea", "id": "south-korea"},
    {"label": "ORG", "pattern": "Korea Gas Corporation", "id": "kogas"},
    {"label": "GPE", "pattern": "Korea", "id": "user-korea"},  # a later pattern takes the name over
]


@pytest.fixture(scope="module")
def tokenizer_only():
    return spacy.blank("en")


@pytest.mark.parametrize(("text", "tagged"), [
    ("South Korea met Korea.", [("South Korea", "south-korea"), ("Korea", "user-korea")]),
    ("The Korea Gas Corporation and South Korea", [("Korea Gas Corporation", "kogas"),
                                                   ("South Korea", "south-korea")]),
    ("korea", []),  # patterns match the text as written
])
def test_the_ruler_tags_the_longest_names_without_overlaps(tokenizer_only, text, tagged):
    ruler = ActorRuler(compile_patterns(tokenizer_only, PATTERNS))
    doc = ruler(tokenizer_only(text))
    assert [(e.text, e.ent_id_) for e in doc.ents] == tagged


def test_patterns_are_tokenized_like_text(tokenizer_only):
    ruler = ActorRuler(compile_patterns(tokenizer_only, [{"label": "GPE", "pattern": "Côte d'Ivoire",
                                                          "id": "civ"}]))
    [(tokens, _, _, _)] = ruler.candidates("côte")
    assert tokens == tuple(t.text for t in tokenizer_only("Côte d'Ivoire"))


def test_a_user_actor_that_takes_a_name_over_gets_its_mentions(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("id,name,aliases,type,country\nmy-france,France,,COUNTRY,FRA\n", encoding="utf-8")
    gazetteer = Gazetteer.load([actors])
    assert {p["id"] for p in gazetteer.ruler_patterns() if p["pattern"] == "France"} == {"my-france"}
    extractor = ExtractorSpec(actor_files=(str(actors),)).load()
    [event] = extractor.events([Document(id="d", text="France criticised Russia.")])
    assert (event.source.id, event.source.name) == ("my-france", "France")


def test_where_a_users_name_looks_like_a_bundled_demonym_the_users_actor_wins(tmp_path):
    actors = tmp_path / "actors.jsonl"
    actors.write_text('{"id": "my-party", "name": "Georgian", "type": "ORG"}\n', encoding="utf-8")
    extractor = ExtractorSpec(actor_files=(str(actors),)).load()
    doc = extractor.nlp("The Georgian protested.")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [("Georgian", "my-party")]
    assert extractor.gazetteer.by_name("Georgian").id == "my-party"


def test_a_replaced_record_keeps_its_place_among_office_holders():
    gazetteer = Gazetteer.load()
    holder = gazetteer.office_holder("chancellor", "DEU", "2025-12-29")
    gazetteer.add([gazetteer.get(holder.id)])
    assert gazetteer.office_holder("chancellor", "DEU", "2025-12-29") == holder


def test_an_actor_file_is_read_once_so_a_pipe_cannot_poison_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    actors = tmp_path / "actors.jsonl"
    actors.write_text('{"id": "gondor", "name": "Gondor", "type": "COUNTRY"}\n', encoding="utf-8")
    reads = []
    read_bytes = Path.read_bytes

    def counted(path):
        reads.append(path)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    ExtractorSpec(actor_files=(str(actors),)).load()
    assert reads.count(actors) == 1


def test_compiled_actors_are_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    actors = tmp_path / "actors.csv"
    actors.write_text("id,name,aliases,type,country\ngondor,Gondor,,COUNTRY,\n", encoding="utf-8")
    spec = ExtractorSpec(actor_files=(str(actors),))
    spec.load()
    [entry] = (tmp_path / "cache").iterdir()
    assert entry.name.startswith("actors-") and entry.name.endswith(".marshal")

    def no_parse(*args, **kwargs):
        raise AssertionError("the actor files were parsed again")

    monkeypatch.setattr(Gazetteer, "load", no_parse)
    [event] = spec.load().events([Document(id="d", text="Gondor attacked Russia.")])
    assert event.source.id == "gondor"


def test_the_fingerprint_follows_the_model_and_the_actor_files(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("id,name\ngondor,Gondor\n", encoding="utf-8")
    with_actors = ExtractorSpec(actor_files=(str(actors),)).fingerprint()
    assert len({ExtractorSpec().fingerprint(), ExtractorSpec("other_model").fingerprint(), with_actors}) == 3
    actors.write_text("id,name\ngondor,Gondor\narnor,Arnor\n", encoding="utf-8")
    assert ExtractorSpec(actor_files=(str(actors),)).fingerprint() != with_actors
