# Dateline: `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

# Offline machine: no telemetry from Prefect's temporary server (STACK.md).
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

.PHONY: install run test bench serve clean-data clean help

help:
	@echo "make run    install, then run the pipeline on the bundled sample (data/raw -> data/warehouse.duckdb)"
	@echo "make test   install, then run every test"
	@echo "make bench  install, then run the benchmarks under bench/"
	@echo "make serve  install, start a local Prefect server and run the pipeline on a schedule (CRON=...)"

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Dateline needs Python 3.11 (set PYTHON=...)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# constraints.txt pins every transitive version that ran together here (fastapi, SQLAlchemy...).
	$(BIN)/python -m pip install -qq --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/dateline run --raw-dir data/raw --data-dir data

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/temporal.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/dedup.py --sizes 10000 100000

# A local Prefect server plus the scheduled flow (hourly by default; CRON="*/15 * * * *" to change).
CRON ?= 0 * * * *
serve: install
	$(BIN)/prefect server start --host 127.0.0.1 --port 4200 > .prefect-server.log 2>&1 & echo $$! > .prefect-server.pid
	sleep 15
	PREFECT_API_URL=http://127.0.0.1:4200/api $(BIN)/dateline serve --cron "$(CRON)" --raw-dir data/raw --data-dir data; \
	  kill $$(cat .prefect-server.pid); rm -f .prefect-server.pid

clean-data:
	rm -rf data/lake data/warehouse.duckdb data/warehouse.duckdb.wal

clean: clean-data
	rm -rf $(VENV) *.egg-info .pytest_cache
