# The two commands of the README:
#   make figures   set up, analyse the sample corpus, regenerate every figure
#   make test      set up, run the test suite (which also executes the notebooks)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUN := runs/sample
TORCH_VERSION ?= 2.13.0

.PHONY: setup figures test notebooks clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# The CPU build of PyTorch, before anything can ask for torch and pull a CUDA build.
	$(BIN)/python -m pip install --quiet "torch==$(TORCH_VERSION)"
	$(BIN)/python -m pip install --quiet -e ".[models,dev]"
	touch $@

# Every measure, those off by default included (their figures carry their validation's caveat),
# so that the figures and the known-groups check (framing evaluate known-groups) cover them all.
MEASURES := quotes,wording,frames,roles,narratives,persuasion

figures: setup
	$(BIN)/framing analyze data/sample-corpus --out $(RUN) --overwrite --measures $(MEASURES)
	$(BIN)/framing compare $(RUN) --by outlet
	$(BIN)/framing figures $(RUN) --out figures

test: setup
	$(BIN)/python -m pytest

# Rebuild the .ipynb files from their reviewed py:percent twins (outputs stripped).
notebooks: setup
	$(BIN)/jupytext --to ipynb --update notebooks/[0-9]*.py

clean:
	rm -rf $(VENV) runs
