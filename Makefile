# One obvious way to run everything. `make demo` and `make test` are the set-up.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DB     ?= dateline.duckdb
EVAL_SETS := extraction pages quotes-ggt polnear source-kinds seed timex plover case2021 propaganda checkworthy \
             near-duplicates stories entity-resolution

.PHONY: venv demo test eval bench bench-corpus bench-spark bench-reader bench-hostile bench-memory bench-resume clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,spark]'
	touch $@

demo: venv
	$(PY) -m dateline analyze samples --db $(DB) --format table
	$(PY) -m dateline list --db $(DB)
	$(PY) -m dateline stories --db $(DB) --min-outlets 2
	$(PY) -m dateline duplicates --db $(DB)

test: venv
	$(PY) -m pytest -q

eval: venv
	@for s in $(EVAL_SETS); do $(PY) -m dateline evaluate $$s --json || exit 1; done
	@for s in pasted pasted-extraction; do \
		if [ -x /usr/bin/chromium ] && $(PY) -c 'import playwright' 2>/dev/null; then \
			$(PY) -m dateline evaluate $$s --build-cache --json || exit 1; \
		else $(PY) -m dateline evaluate $$s --json || echo "$$s: skipped (its pages are not all rendered," \
			"and rendering them needs chromium at /usr/bin/chromium and playwright)"; fi; done

bench: venv
	$(PY) benchmarks/throughput.py
	$(PY) benchmarks/reading.py

bench-hostile: venv
	$(PY) benchmarks/hostile.py

bench-memory: venv
	$(PY) benchmarks/memory.py

bench-resume: venv
	$(PY) benchmarks/resume.py
bench-corpus: venv
	$(PY) benchmarks/corpus_step.py

bench-spark: venv
	$(PY) benchmarks/spark_bench.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache

bench-reader: venv
	$(PY) benchmarks/reader.py
