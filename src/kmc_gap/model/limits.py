"""The largest amounts and hours kmc-gap takes, in a module of their own: the CLI checks options against
them without importing pydantic.

Far beyond any real training budget (a course fee, a team budget: 10^12), and far within what the
plan's solver keeps exact (at 10^15 HiGHS drops the budget row and reports a plan over it as optimal).
"""

MAX_AMOUNT = 1e12
MAX_HOURS = 1e5
