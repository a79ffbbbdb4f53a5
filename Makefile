# Newsroom: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-quick install pagecheck-tools migrate demo lint format check-pages clean \
	backup restore

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# The page checkers (Nu HTML Checker, axe-core, Lighthouse) and Prettier, when npm is there;
# without it the page-check and JS style tests say what is missing.
PAGECHECK := tools/pagecheck/node_modules/.installed
$(PAGECHECK): tools/pagecheck/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix tools/pagecheck --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the page checks will be skipped (see README)"; fi

pagecheck-tools: $(PAGECHECK)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo

run: demo
	@echo ""
	@echo "  Trang đọc:   http://127.0.0.1:$(PORT)/"
	@echo "  Quản trị:    http://127.0.0.1:$(PORT)/admin/"
	@echo "  Đăng nhập:   phongvien / phongvien-demo   (phóng viên)"
	@echo "               bientap / bientap-demo       (biên tập viên)"
	@echo "               admin / admin-demo           (quản trị)"
	@echo ""
	DJANGO_DEBUG=1 NEWSROOM_SITE_URL=$${NEWSROOM_SITE_URL:-http://127.0.0.1:$(PORT)} \
		$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install pagecheck-tools
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check-pages: install pagecheck-tools
	$(BIN)/python -m pytest tests/browser/test_page_quality.py $(PYTEST_ARGS)

test-quick: install
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)

# Prettier's scope is .prettierignore (our own scripts only), its style .prettierrc.json.
PRETTIER := tools/pagecheck/node_modules/.bin/prettier

lint: install pagecheck-tools
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PRETTIER) --check .

format: install pagecheck-tools
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(PRETTIER) --write .

# Backup and restore need PostgreSQL and its client tools (README, "Backup and restore").
# `make backup` writes BACKUP_DIR; `make restore BACKUP=backups/…` wants an empty database
# and media folder, or FORCE=1.
BACKUP_DIR ?= backups/$(shell date +%Y%m%d-%H%M%S)

backup: install
	$(BIN)/python manage.py backup $(BACKUP_DIR)

restore: install
	@test -n "$(BACKUP)" || { echo "make restore BACKUP=backups/<thời điểm> [FORCE=1]" >&2; exit 2; }
	$(BIN)/python manage.py restore $(BACKUP) $(if $(FORCE),--force)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
