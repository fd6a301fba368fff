# The two commands of the README. Both install everything first (idempotent, fast when done).
.PHONY: demo test setup lint bench

setup:
	bash scripts/setup.sh

demo: setup
	.venv/bin/newsimpact analyze examples/korean_page_dump.txt --format text

test: setup
	bash scripts/test.sh

lint:
	.venv/bin/ruff check src tests bench
	.venv/bin/mypy

bench:
	.venv/bin/python bench/tracker_eval.py
	.venv/bin/python bench/knowledge_coverage.py
