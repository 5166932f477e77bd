# One entry point: everything is done by tools/vipdesk, idempotently.
PORT ?= 8069
export PORT

.PHONY: demo demo-reset test test-core bench lint stop cluster cluster-stop cluster-test
demo:  ## set up everything, then serve the demo database on http://localhost:$(PORT)
	@tools/vipdesk demo
demo-reset:  ## drop the demo database; the next make demo recreates it (dates relative to today)
	@tools/vipdesk demo-reset
test:  ## set up everything, then run every test (Odoo's runner, then tests/, then test-core)
	@tools/vipdesk test
test-core:  ## Odoo's own tests of calendar, contacts and mail, with every VIP addon and its demo data installed
	@tools/vipdesk test-core
bench:  ## run the benchmarks in bench/ on their own database; results go to docs/
	@tools/vipdesk bench
lint:  ## ruff (complexity included), ruff-format, pylint-odoo's mandatory checks, OCA's XML, manifest and PO checks
	@tools/vipdesk lint
stop:  ## stop the project-local PostgreSQL cluster (and the cluster's nodes and replica)
	@tools/vipdesk stop
cluster:  ## a streaming replica and two Odoo nodes with workers on this machine (docs/DEPLOY.md)
	@tools/vipdesk cluster
cluster-stop:  ## stop the two nodes and the replica
	@tools/vipdesk cluster-stop
cluster-test:  ## bring the cluster up, then run tests/cluster against both nodes
	@tools/vipdesk cluster-test
