# Entry points: `make demo` builds the sample graph page, `make test` runs every check,
# `make notebook` opens the exploration notebook in JupyterLab.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: demo test notebook clean

$(VENV)/.installed: setup.cfg pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(VENV)/bin/kg build data/ -o graph.html --graph graph.json

$(VENV)/.notebook: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[notebook]'
	touch $@

notebook: $(VENV)/.notebook
	test -f graph.json || $(VENV)/bin/kg build data/ -o graph.html --graph graph.json
	$(VENV)/bin/jupyter lab notebooks/explore.ipynb $$([ "$$(id -u)" = 0 ] && echo --allow-root)

test: $(VENV)/.installed
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium unavailable: browser tests will be skipped"
	$(VENV)/bin/ruff check kg tests bench scripts notebooks
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) graph.html graph.json
