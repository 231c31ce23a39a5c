"""Properties that hold for any text: no exception, and spans that index the document."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.documents import read_documents

NEWSY = st.lists(
    st.sampled_from(["Macron", "met", "Zelenskyy", "and", "Trump", ".", "\n\n", "the", "French",
                     "leader", "he", "spoke", "with", "Russia", "attacked", "Ukraine", ",", "«", "🙂",
                     "<script>", "was", "by", "on", "Monday", "talks", "held", "not", "will"]),
    max_size=40,
).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=300), NEWSY)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ANY_TEXT)
def test_any_text_gives_well_formed_events(extractor, text):
    document = kg.Document(id="doc", text=text, date="2025-12-29")
    for event in extractor.events([document]):
        start, end = event.span
        assert text[start:end] == event.text
        assert event.source.id and event.action.lemma
        assert event.modality in {"asserted", "negated", "future", "hypothetical", "reported"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_any_bytes_are_read_or_rejected_with_a_named_error(tmp_path, data):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    errors = []
    documents = list(read_documents([path], on_error=errors.append))
    assert len(documents) + len(errors) == 1
    assert all("doc.txt" in str(e) for e in errors)
