"""The prefixes of the evidence ids kmc-gap makes from each kind of input.

``import`` replaces the evidence with these prefixes and keeps the rest (what people wrote by hand);
``assess`` joins a person's form ratings to their profile by them. They live here, apart from the
readers, so that a run that only needs to tell them apart does not import a reader.
"""

#: Evidence made from the rows of record tables (CSV, workbooks).
RECORD_ID_PREFIX = "rec-"
#: Evidence read from assessment forms.
FORM_ID_PREFIX = "form-"
#: Evidence read from credentials (Open Badges, CLR).
CREDENTIAL_ID_PREFIX = "cred-"
