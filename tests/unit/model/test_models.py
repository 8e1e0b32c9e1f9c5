"""`built`: a model made of checked fields is the model pydantic's `model_construct` makes, in every respect
that the rest of the program (or a worker process) can see."""

from __future__ import annotations

import datetime as dt
import pickle

import pydantic
import pytest

from kmc_gap.model.models import Evidence, EvidenceKind, Person, built

ROW = {
    "id": "rec-0123456789",
    "kind": EvidenceKind("training"),
    "title": "活動企劃實務",
    "date": dt.date(2026, 3, 5),
    "level": 3,
    "covers": ["K01", "S02"],
    "expires": None,
    "verified_by": "人資部",
    "hours": 6.0,
    "score": 85.0,
    "passed": None,
    "exclude": False,
    "source": "訓練紀錄.xlsx",
}


@pytest.mark.parametrize("fields", [ROW, {**ROW, "note": "補登", "pass_mark": 70.0}, {"title": "x", **ROW}])
def test_built_is_what_model_construct_makes(fields: dict[str, object]) -> None:
    made, constructed = built(Evidence, dict(fields)), Evidence.model_construct(**fields)
    assert made == constructed
    assert made.model_fields_set == constructed.model_fields_set == set(fields)
    assert made.model_dump() == constructed.model_dump()
    assert made.rater is None and made.output_reference is None  # defaults of the fields not given
    assert pickle.loads(pickle.dumps(made)) == made  # a worker process gets the same evidence


def test_built_keeps_the_model_frozen() -> None:
    made = built(Evidence, dict(ROW))
    with pytest.raises(pydantic.ValidationError):
        made.title = "changed"  # type: ignore[misc]


def test_built_falls_back_where_it_cannot_stand_in() -> None:
    class WithFactory(pydantic.BaseModel):
        tags: list[str] = pydantic.Field(default_factory=list)

    one, two = built(WithFactory, {}), built(WithFactory, {})
    one.tags.append("a")
    assert two.tags == []  # each its own list, as model_construct gives
    assert built(Person, {"name": "王小明"}) == Person.model_construct(name="王小明")
