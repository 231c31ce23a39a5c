"""Score kg's events against other people's gold annotations.

Five suites are read, each into :class:`GoldRecord`s (one sentence or article each, with its
gold events):

- ``plover``: ``PLOVER_GSR_CAMEO.json`` (a JSON list). Records whose ``event`` is ``DOCUMENT``
  and gold events with no source are skipped. Each record is one gold event; its ``source`` and
  ``target`` lists (``actorText`` and ``code``) are alternatives or conjuncts of one another, any
  of which matches. Category: the PLOVER ``event`` type.
- ``petrarch-gsr`` / ``petrarch-functional``: ``petrarch_gold_events.jsonl``, sets ``udp_gsr`` /
  ``petrarch2_unittest`` and ``udp_validate_2_02``. Records marked ``"evaluate": "false"`` are
  skipped. Each ``{source, target, code}`` is a gold event with actor codes only; the CAMEO root
  is the first two digits of ``code`` (none when they are not a root 01–20: the functional sets
  use test-only codes such as ``900``). A record with no gold events counts as a no-event record.
  Record ids are ``SET/ID`` (made unique with ``#2``, ``#3``). Category: the record's
  ``category`` (the phenomenon tested). The functional sets use fictional countries: run them with
  the actor file :func:`fictional_actor_file` makes from ``validation_actor_codes.json``.
- ``qasrl``: ``qasrl_gs_wikinews_dev_predicates.jsonl``, one line per predicate. Predicates with an
  ``agent`` and a ``patient`` or ``prep_objects`` become gold events (sources: the agents; targets:
  the patients and prepositional objects, the leading preposition removed); sentences without
  one are dropped. Sentence text is detokenised (`` `` `` → ``"``, no space before punctuation or
  ``'s``). Category: ``ir_core`` (the data's ``ir_core`` flag), else ``ir_keywords`` (some
  ``ir_keywords``), else ``other``. No action categories.
- ``articles``: full articles annotated completely (every event of the text), kg's own format: a
  folder of ``<document id>.json`` files ``{doc, events: [{sentence, source, target, trigger:
  [start, end] character offsets or null; source_actor, target_actor: canonical names; cameo;
  structure; modality}]}`` that point into an articles file (``--texts``: JSON lines with id,
  date, text), so that no article text is copied. One record per article; each gold event
  lies in its sentence (``span``) and is matched there only. Its sources (targets) are the
  canonical name and the mention's words unless they are a pronoun or the like. An agentless
  passive (structure ``agentless``, no source) is a statement of its target; other events
  without a stated source are left out. Category: the event's ``structure`` (``verb``,
  ``noun``, ``reported``, ``passive``, ``agentless``, ``purpose``, ``appoint``, ``label``,
  ``coordinated``, ``relative``), so the breakdown is recall per structure.

kg's topic links (events of layer ``topic``: an actor acting on a thing, or a thing on
something, :mod:`kg.topics`) count in ``qasrl`` only, whose gold targets are things as often as
actors; the other suites code events between actors, and are scored on kg's actor events.

Matching rules
--------------
Text is compared as *normalised tokens*: accents folded, periods removed (``U.S.`` → ``US``),
possessive ``'s`` dropped, split on anything that is not a letter or digit, lower-cased except
all-capital tokens of at most four letters in text that is not all capitals (``US`` stays apart
from the pronoun ``us``), and a leading ``the`` dropped.

A gold actor matches a kg actor (:class:`kg.events.ActorRef`) when any of these holds:

1. *Code.* A gold code whose first three characters are letters names a country: it matches an
   actor of that ``country`` (``RUSGOV``, ``RUSMIL`` and ``RUS`` all match any actor of country
   ``RUS``, a person included). A few old CAMEO codes are mapped to ISO ones on both sides
   (``ROM`` = ``ROU``, ``JAP`` = ``JPN``, …). Codes starting with ``IGO``, ``NGO`` or ``IMG``,
   or with an organisation's own code (``UNO``, ``IMF``), name organisations: such a code
   matches an actor whose names (rule 2) match the organisation a three-letter part of the code
   stands for (``IGOUNOMIL`` → United Nations, ``IGOEUREEC`` → European Union; table
   ``ORGANISATION_CODES``), and never by country. A code starting with
   ``---`` or ``+++`` (an actor of unknown country) matches any actor without a country. Any code
   also matches an actor whose ``id`` is that code or its first three letters (user actor files
   such as the fictional one use the codes as ids). When a gazetteer is given, the actor's
   ``name`` and ``mention`` are also looked up in it as whole names or demonyms, and the code
   matches the ids and countries found (so a system that only gives text, ``Gondor``, is
   scored like one that resolves it to ``GON``).
2. *Text.* The gold ``actorText`` matches when its normalised tokens equal, contain or are
   contained in those of the actor's canonical ``name``, its ``mention``, or (when a gazetteer is
   given) the ``aliases`` and ``demonyms`` of its gazetteer record (``Hungarian`` → Hungary).
   Containment means a contiguous run of tokens, and the shorter side must have a token that
   is not a function word or pronoun (``Israeli troops`` contains ``Israeli``; ``he`` is
   never contained).

An extracted event matches a gold event when its source matches one of the gold sources and its
target matches one of the gold targets; a gold event without targets needs only the source (the
extracted target may be anything or nothing). Direction counts.

Within a record, gold events are taken in order and each takes the first unused extracted event
that matches, preferring one whose category agrees; so each gold event and each extracted
event is matched at most once (greedy and deterministic, not an optimal assignment).

Figures
-------
- recall = matched gold events / gold events.
- precision proxy = proxy-correct extracted events / extracted events. An extracted event is
  proxy-correct when its source and its target each match some gold actor (source or target)
  of its record; an event without a target is proxy-correct when its source matches a gold
  actor and the record has a gold event without targets. Events in no-event records are never
  proxy-correct, and are also counted as ``noevent_false_positives``.
- precision (complete records only: every event of the text is annotated, so an extracted
  event that matches no gold event is wrong) = matched / extracted events. The graph's view
  beside it: coded events (``layer`` ``event``, the edges) matched one-to-one against the gold
  events that have a target, as edge precision and edge recall.
- F1: the harmonic mean of recall and the precision (the precision proxy where the gold is not
  complete).
- category accuracy: among matched pairs whose gold event has a category, the share whose
  extracted action has the same one (``action.plover`` for PLOVER, ``action.cameo`` for the
  CAMEO root). None when no matched gold event has a category.
- breakdown: gold events, matched events and recall per record category (per event structure
  for ``articles``).

Modules
-------
This docstring is the one statement of the rules; the modules implement them:

- :mod:`~kg.evaluate.gold`: the gold records, events and actors, and :class:`EvaluationError`.
- :mod:`~kg.evaluate.reading`: reading a gold file's text, JSON or JSON lines (errors name file
  and line).
- :mod:`~kg.evaluate.suites`: the five gold formats read into :class:`GoldRecord` objects.
- :mod:`~kg.evaluate.fictional`: the fictional actors of the functional suites as a kg actor file.
- :mod:`~kg.evaluate.matching`: tokens, codes, the actor rule, event matching and pairing, the
  proxy.
- :mod:`~kg.evaluate.scoring`: the tally of a suite into a :class:`Report`.
- :mod:`~kg.evaluate.report`: a report as Markdown or JSON.
- :mod:`~kg.evaluate.runner`: building kg's extractor for a suite and scoring its events (the
  only part that loads spaCy, when it runs).
"""

from __future__ import annotations

from .fictional import fictional_actor_file
from .gold import EvaluationError, GoldActor, GoldEvent, GoldRecord
from .matching import (
    ActorMatcher,
    actor_matches,
    category_agrees,
    country_code,
    event_matches,
    match_events,
    proxy_correct,
    text_matches,
    tokens,
)
from .report import format_report, report_to_json
from .runner import build_extractor, documents_of, run_suite, suite_actor_files
from .scoring import CategoryStats, Report, group_by_record, score
from .suites import FICTIONAL_ACTORS, SUITE_FILES, SUITES, load_suite, suite_path

__all__ = [
    "FICTIONAL_ACTORS", "SUITES", "SUITE_FILES",
    "ActorMatcher", "CategoryStats", "EvaluationError", "GoldActor", "GoldEvent", "GoldRecord", "Report",
    "actor_matches", "build_extractor", "category_agrees", "country_code", "documents_of", "event_matches",
    "fictional_actor_file", "format_report", "group_by_record", "load_suite", "match_events",
    "proxy_correct", "report_to_json", "run_suite", "score", "suite_actor_files", "suite_path",
    "text_matches", "tokens",
]
