"""One catalogue of words: complete in both languages, and the only place Chinese is written."""

from __future__ import annotations

import ast
import re
import string

import pytest

from kmc_gap.words import Lang, parse_lang, t
from kmc_gap.words.catalogue import WORDS
from kmc_gap.words.plural import Plural

from conftest import ROOT, TESTS

SRC = ROOT / "src" / "kmc_gap"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def _english(en: str | Plural) -> tuple[str, ...]:
    return en.forms() if isinstance(en, Plural) else (en,)


def _literals(tree: ast.AST) -> list[ast.Constant]:
    """Every string literal of a module except docstrings (which may quote the standard's terms)."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


#: Sentence marks: a catalogue entry's text with one of them (or nine Chinese characters running) is a sentence.
CATALOGUE_SENTENCE = re.compile(r"[，；。？！]|[\u4e00-\u9fff]{9}")


#: The calls that take a catalogue key as their first or second argument.
KEY_CALLS = frozenset({"t", "tr", "Word", "say", "_word", "problem", "OptionError", "Problem", "CellError", "warning"})


def _key_arguments() -> tuple[list[tuple[str, int, str]], list[tuple[str, int, str]]]:
    """Every literal key and every f-string key's constant prefix passed to a key-taking call in ``src/``."""
    literal, prefixes = [], []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name not in KEY_CALLS:
                continue
            where = str(path.relative_to(SRC))
            for arg in node.args[:2]:
                text = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
                if text is not None and (text in WORDS or "." in text):
                    literal.append((where, node.lineno, text))
                elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
                    prefixes.append((where, node.lineno, str(arg.values[0].value)))
                elif isinstance(arg, ast.JoinedStr) and arg is node.args[0] and name in ("t", "tr", "say", "_word"):
                    prefixes.append((where, node.lineno, ""))  # a key that is all value: nothing to check it by
    return literal, prefixes


def _used_strings() -> tuple[set[str], set[str]]:
    """Every string constant of ``src/`` outside the catalogue, and every constant head of a built string."""
    constants: set[str] = set()
    heads: set[str] = set()
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "catalogue.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                heads.add(str(node.values[0].value))  # f"reason.{…}"
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant):
                heads.add(str(node.left.value))  # "status_letter." + status
    return constants, {head for head in heads if "." in head}


def test_every_entry_has_both_languages_with_the_same_fields() -> None:
    for key, (zh, en) in WORDS.items():
        for form in _english(en):
            assert zh and form, key
            assert _fields(zh) == _fields(form), key
        if isinstance(en, Plural):  # the count the form is chosen by is one of the entry's fields
            assert en.count in _fields(zh), key


def test_english_entries_hold_no_chinese() -> None:
    assert [key for key, (_, en) in WORDS.items() if any(HAN.search(form) for form in _english(en))] == []


@pytest.mark.parametrize(
    ("n", "text"), [(1, "… and 1 more gap;"), (2, "… and 2 more gaps;"), (0, "… and 0 more gaps;")]
)
def test_a_count_chooses_the_english_form(n: int, text: str) -> None:
    assert t("render.gaps_more", "en", n=n).startswith(text)
    assert t("render.gaps_more", "zh-TW", n=n).startswith(f"……另有 {n} 項落差")  # Chinese has one form


@pytest.mark.slow
def test_no_chinese_text_outside_the_catalogue() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        # the catalogue of what people read, and the vocabulary the files people give are read by
        if path.parent.name == "words" or path.relative_to(SRC).as_posix() == "model/vocabulary.py":
            continue
        for node in _literals(ast.parse(path.read_text(encoding="utf-8"))):
            if HAN.search(node.value):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value[:40]!r}")
    assert offenders == []


def test_no_test_asserts_on_a_catalogue_sentence() -> None:
    """Tests name a catalogue key and its values (``t(key, **args)``), and keep sentences to the golden files:
    a copy-edit of the words then breaks no test. Labels (a column's heading, a sheet's name) may be written."""
    pieces = {
        piece
        for zh, _ in WORDS.values()
        for piece in re.split(r"\{[^}]*\}", zh)
        if len(HAN.findall(piece)) >= 6 and CATALOGUE_SENTENCE.search(piece)
    }
    offenders = []
    for path in sorted(TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Assert):
                continue
            for literal in ast.walk(node):
                if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
                    found = [piece for piece in pieces if piece in literal.value]
                    offenders += [f"{path.name}:{literal.lineno}: {piece}" for piece in found]
    assert offenders == []


@pytest.mark.parametrize(
    ("spelling", "lang"),
    [
        ("zh-TW", Lang.zh_TW),
        ("zh-tw", Lang.zh_TW),
        ("zh", Lang.zh_TW),
        ("zh_TW", Lang.zh_TW),
        ("en", Lang.en),
        ("EN", Lang.en),
        ("en-US", Lang.en),
        ("fr", None),
        ("", None),
    ],
)
def test_language_spellings(spelling: str, lang: Lang | None) -> None:
    assert parse_lang(spelling) is lang


def test_a_key_renders_in_one_language_at_a_time() -> None:
    assert t("status.met", "zh-TW") == "符合"
    assert t("status.met", "en") == "met"


@pytest.mark.slow
def test_every_key_used_in_the_code_is_in_the_catalogue() -> None:
    """A literal key is an entry; a key built from a prefix (``f"reason.{…}"``) has entries under that prefix."""
    literal, prefixes = _key_arguments()
    assert len(literal) > 250 and len(prefixes) > 40  # the scan still finds the calls
    file_names = {".yaml", ".xlsx", ".csv"}  # a file name passed as a problem's file, not a key
    missing = [x for x in literal if x[2] not in WORDS and not any(x[2].endswith(s) for s in file_names)]
    assert missing == []
    # a key built from nothing but a value (``f"{kind}s"``) is a key no one can check: it must start with its namespace
    unmatched = [x for x in prefixes if "." not in x[2] or not any(key.startswith(x[2]) for key in WORDS)]
    assert unmatched == []


def test_every_key_has_a_namespace() -> None:
    """``run.``, ``help.``, ``usage.``, ``render.``, ``records.``, ``form.`` …: a key says where it belongs."""
    assert [key for key in WORDS if "." not in key] == []


@pytest.mark.slow
def test_keys_looped_into_the_catalogue_exist() -> None:
    """``for k in ("render.code", "render.name"): t(k, …)``: every literal the loop hands to a lookup is a key."""
    looped = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.comprehension | ast.For) or not isinstance(node.iter, ast.Tuple | ast.List):
                continue
            if not isinstance(node.target, ast.Name):
                continue
            var = node.target.id
            scope = node if isinstance(node, ast.For) else tree
            used = any(
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name)
                and call.func.id == "t"
                and call.args
                and isinstance(call.args[0], ast.Name)
                and call.args[0].id == var
                for call in ast.walk(scope)
            )
            texts = [e.value for e in node.iter.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if used and texts and all("." in x for x in texts):
                looped += [(str(path.relative_to(SRC)), node.iter.lineno, x) for x in texts]
    assert len(looped) > 20
    assert [x for x in looped if x[2] not in WORDS] == []


@pytest.mark.slow
def test_no_catalogue_entry_is_dead() -> None:
    """Every entry is used: its key is written in the code, or built there from a namespace (``reason.``…)."""
    constants, heads = _used_strings()
    assert len(constants) > 500 and len(heads) > 20  # the scan still sees the code
    dead = [key for key in WORDS if key not in constants and not any(key.startswith(head) for head in heads)]
    assert dead == []


@pytest.mark.parametrize(
    ("key", "args", "one"),
    [
        ("inputs.line", {"file": "a.csv", "rows": 1, "counted": 1, "not_counted": 0, "passed_over": 0, "refused": 0},
         "a.csv: 1 row — counted 1"),
        ("inputs.roster", {"file": "r.csv", "rows": 1, "counted": 1, "passed_over": 0, "refused": 0},
         "r.csv: roster of 1 row —"),
        ("inputs.unreadable", {"file": "x.xls", "rows": 1}, "(1 row)"),
        ("inputs.credentials", {"file": "b.json", "rows": 1, "counted": 1, "not_counted": 0, "passed_over": 0,
                                "refused": 0}, "b.json: 1 credential —"),
        ("render.plan_max_hours", {"hours": "1"}, "at most 1 more hour a person"),
    ],
)  # fmt: skip
def test_counts_of_one_read_as_one(key: str, args: dict[str, object], one: str) -> None:
    assert one in t(key, "en", **args)
    many = {**args, "rows" if "rows" in args else "hours": 2}
    assert one not in t(key, "en", **many)
