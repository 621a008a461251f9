.PHONY: demo test lint format messages bench clean

demo:  ## set up, generate the demo region and serve it on http://127.0.0.1:8000
	scripts/demo.sh

test:  ## lint and run every test on SQLite and PostgreSQL
	scripts/test.sh

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format:
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

messages:  ## refresh and compile the English translations
	cd werkroute && ../.venv/bin/django-admin makemessages -l en --no-obsolete --no-wrap --ignore="*/tests/*" --ignore="static/*" --settings=werkroute.conf.dev --pythonpath=.. && ../.venv/bin/django-admin compilemessages --settings=werkroute.conf.dev --pythonpath=..

bench:  ## benchmarks (slow; they print figures)
	.venv/bin/python bench/catalogue_search.py

clean:
	rm -rf var/werkroute.sqlite3* var/static
