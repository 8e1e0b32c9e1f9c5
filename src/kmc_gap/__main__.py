from kmc_gap.cli.app import run

run()
