from kmc_gap.cli import main

main()
