"""kmc-gap: check a person's evidence against an iCAP competency standard and show the gaps."""

__version__ = "0.1.0"
