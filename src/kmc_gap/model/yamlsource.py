"""Reading YAML files safely, and finding where in the file a value came from.

Every input of kmc-gap is YAML written by hand. This module turns a path into Python data
and keeps the composed node tree, so that a problem found later (by pydantic or by the
scoring rules) can be pointed at by line and column. It refuses what PyYAML would let
through silently or dangerously: duplicate keys, unsafe tags, alias bombs, nesting deep
enough to crash libyaml's composer, files that are too large, binary or not UTF-8.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import stat
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kmc_gap.model.problems import InputError, Problem, in_file_order, os_reason
from kmc_gap.words import Word

#: Default cap on the size of one input file, in bytes.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
#: Deepest nesting accepted (libyaml's own limit); its composer recurses and can crash far deeper.
MAX_DEPTH = 1000
#: Most nodes a document may expand to once aliases are followed (guards against alias bombs).
MAX_EXPANDED_NODES = 200_000
#: Longest integer accepted: Python refuses to convert more than 4,300 digits, and no field needs 100.
MAX_DIGITS = 100
#: Below this cheap upper bound on depth no scan of the events is needed.
_SAFE_DEPTH_BOUND = MAX_DEPTH

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader (libyaml when available) that rejects duplicate keys and bad dates."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: dict[tuple[str, str], yaml.Node] = {}
        for key_node, _ in node.value:
            if key_node.tag == _MERGE_TAG or not isinstance(key_node, yaml.ScalarNode):
                continue
            ident = (key_node.tag, key_node.value)
            if ident in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key_node.value!r}", key_node.start_mark
                )
            seen[ident] = key_node
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    def construct_checked_timestamp(self, node: yaml.ScalarNode) -> dt.date:
        """Build a date, turning impossible dates such as 2025-13-45 into a located error."""
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[no-any-return]
        except ValueError:
            raise yaml.constructor.ConstructorError(
                None, None, f"invalid date {node.value!r}", node.start_mark
            ) from None

    def construct_checked_int(self, node: yaml.ScalarNode) -> int:
        """Build an integer, refusing more digits than Python converts (a located error, not a crash)."""
        if len(node.value) > MAX_DIGITS:
            raise _too_long(node)
        return super().construct_yaml_int(node)  # type: ignore[no-any-return]


def _too_long(node: yaml.Node) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(None, None, "number too long", node.start_mark)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_checked_timestamp)
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_checked_int)

_RESOLVER = yaml.resolver.Resolver()


@functools.lru_cache(maxsize=4096)
def _resolve_memo(kind: type, value: str | None, implicit: Any) -> str:
    """PyYAML's resolver, remembered: without path resolvers (the safe loader has none) a
    node's tag depends only on its kind, text and quoting.

    Resolving is a good part of the time libyaml's loader spends in Python, and profiles
    repeat the same codes, kinds and levels; ``lru_cache`` answers repeats without a Python
    frame.
    """
    return _RESOLVER.resolve(kind, value, implicit)  # type: ignore[no-untyped-call, no-any-return]


class _Fallback(Exception):
    """Raised by the fast constructor for anything it leaves to PyYAML's own constructor."""


_FAST_DEPTH = 100
_STR, _INT, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SIMPLE_INT = frozenset("0123456789")


def _construct_fast(loader: _StrictLoader, node: yaml.Node, depth: int = 0) -> Any:
    """Build plain data from a node tree of maps, lists and common scalars.

    It does what SafeConstructor does for such trees (the tests compare the two) without
    its generic machinery, and raises :class:`_Fallback` for aliases, merge keys, deep or
    unusual documents, which PyYAML's constructor then handles.
    """
    if depth > _FAST_DEPTH:
        raise _Fallback
    if isinstance(node, yaml.ScalarNode):
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _INT and len(node.value) > MAX_DIGITS:
            raise _too_long(node)
        if tag == _INT and _SIMPLE_INT.issuperset(node.value) and not node.value.startswith("0"):
            return int(node.value)
        if tag == _NULL:
            return None
        if tag == _TIMESTAMP and len(node.value) == 10:  # a plain date, YYYY-MM-DD
            try:
                return dt.date.fromisoformat(node.value)
            except ValueError:
                raise yaml.constructor.ConstructorError(
                    None, None, f"invalid date {node.value!r}", node.start_mark
                ) from None
        constructor = loader.yaml_constructors.get(tag)
        if constructor is None or tag.endswith(("binary", "set", "omap", "pairs", "value", "merge")):
            raise _Fallback
        return constructor(loader, node)
    if isinstance(node, yaml.SequenceNode):
        return [_construct_fast(loader, child, depth + 1) for child in node.value]
    if isinstance(node, yaml.MappingNode) and node.tag == "tag:yaml.org,2002:map":
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE_TAG:
                raise _Fallback
            key = _construct_fast(loader, key_node, depth + 1)
            if key in mapping:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key_node.value!r}", key_node.start_mark
                )
            mapping[key] = _construct_fast(loader, value_node, depth + 1)
        return mapping
    raise _Fallback


@dataclass
class YamlDocument:
    """Data loaded from one YAML file, with the node tree kept for locating values."""

    name: str
    data: Any
    root: yaml.Node
    #: Chinese-keyboard slips mended before parsing; :func:`kmc_gap.model.loading.validate` reports them.
    slips: list[Problem] = field(default_factory=list)

    def position(self, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at ``loc``, or of its key when ``key`` is set.

        Segments that do not name a key or an index (pydantic's union and tag segments) are
        skipped; when a key is missing, the nearest enclosing node is given.
        """
        node, key_node = self.root, None
        for seg in loc:
            child = _child(node, seg)
            if child is None:
                continue
            key_node, node = child
        target = key_node if key and key_node is not None else node
        mark = target.start_mark
        return mark.line + 1, mark.column + 1

    def problem(self, key: str, loc: Sequence[str | int], *, at_key: bool = False, **args: Any) -> Problem:
        """A problem located at ``loc`` in this document."""
        line, col = self.position(loc, key=at_key)
        return Problem(self.name, key, args, line, col)


def _child(node: yaml.Node, seg: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """The (key node, value node) that ``seg`` names under ``node``, following merges."""
    if isinstance(node, yaml.SequenceNode):
        if isinstance(seg, int) and 0 <= seg < len(node.value):
            return None, node.value[seg]
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    merged: list[yaml.Node] = []
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE_TAG:
            merged.extend(value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node])
        elif isinstance(key_node, yaml.ScalarNode) and key_node.value == str(seg):
            return key_node, value_node
    for source in merged:
        found = _child(source, seg)
        if found is not None:
            return found
    return None


def read_text(path: Path, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read a file as UTF-8 text (a BOM is allowed), or raise :class:`InputError` saying why not."""
    return decode(read_bytes(path, name, max_bytes), name)


def read_bytes(path: Path, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A regular file's bytes, or :class:`InputError` saying why not (a pipe would hang, a device never end)."""
    try:
        if path.is_dir():
            raise InputError([Problem(name, "file.is_dir")])
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would hang, /dev/zero would never end
            raise InputError([Problem(name, "file.not_regular")])
        size = info.st_size
        if size > max_bytes:
            raise InputError([Problem(name, "file.too_large", {"size": size, "limit": max_bytes})])
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(name, "file.missing")]) from None
    except OSError as exc:
        raise InputError([Problem(name, "file.unreadable", {"reason": os_reason(exc)})]) from None


def decode(raw: bytes, name: str) -> str:
    """Decode bytes as UTF-8, with a precise message for binary and Big5 files.

    UTF-16 with a byte-order mark (Windows Notepad's "Unicode", PowerShell 5's ``>``) is read too.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError([Problem(name, "file.not_utf8")]) from None
    if b"\x00" in raw:
        raise InputError([Problem(name, "file.binary")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        key = "file.big5" if _looks_like_big5(raw) else "file.not_utf8"
        raise InputError([Problem(name, key, {}, line, column)]) from None


def _looks_like_big5(raw: bytes) -> bool:
    try:
        raw.decode("big5")
    except UnicodeDecodeError:
        return False
    return True


_FULLWIDTH_COLON = re.compile(r"^[ \t\u3000]*(?:-[ \t\u3000]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\uff1a")
_WIDE_SPACE = re.compile(r"^[ \t]*(?:-[ \t]*)?\u3000")


def _repair_slips(text: str, name: str) -> tuple[str, list[Problem]]:
    """The text with Chinese-keyboard slips mended, and a problem for each slip.

    A full-width colon after a key or a full-width space in the indentation: YAML reads neither
    as structure, so the file would fail further on with a puzzling message. Each is named where
    it is, with what to type instead, and the mended text is read on, so that the file's other
    mistakes are reported in the same run.
    """
    lines = text.splitlines(keepends=True)
    problems: list[Problem] = []
    if not any(_FULLWIDTH_COLON.match(line) or _WIDE_SPACE.match(line) for line in lines):
        return text, problems  # a full-width colon or space in a value only: the common case, no quote scan
    inside = _in_quotes(lines)
    for number, line in enumerate(lines, 1):
        if number - 1 in inside:  # the continuation of a quoted scalar: its spaces are text, not indentation
            continue
        colon = _FULLWIDTH_COLON.match(line)
        if colon:
            problems.append(Problem(name, "yaml.fullwidth_colon", {"key": colon.group(1)}, number, colon.end()))
            rest = line[colon.end() :]
            line = line[: colon.end() - 1] + (":" if rest[:1] in ("", " ", "\t", "\r", "\n") else ": ") + rest
        space = _WIDE_SPACE.match(line)
        if space:
            problems.append(Problem(name, "yaml.fullwidth_space", {}, number, space.end()))
            body = line.lstrip(" \t\u3000-")
            line = line[: len(line) - len(body)].replace("\u3000", " ") + body
        lines[number - 1] = line
    return "".join(lines), problems


_OPENS_SCALAR = frozenset(" \t[{,:-?")


def _in_quotes(lines: list[str]) -> set[int]:
    """The lines (0-based) that begin inside a quoted scalar that an earlier line opened.

    A quote opens a scalar at the start of a line or after a space or ``[{,:-?``; inside ``"…"`` a
    backslash escapes the next character, inside ``'…'`` a doubled quote is one quote; ``#`` after a
    space starts a comment outside quotes.
    """
    inside: set[int] = set()
    quote: str | None = None
    for number, line in enumerate(lines):
        if quote is not None:
            inside.add(number)
        i, previous = 0, " "
        while i < len(line):
            ch = line[i]
            if quote is None:
                if ch == "#" and previous in " \t":
                    break
                if ch in "\"'" and previous in _OPENS_SCALAR:
                    quote = ch
            elif quote == '"' and ch == "\\":
                i += 1
            elif ch == quote:
                if quote == "'" and line[i + 1 : i + 2] == "'":
                    i += 1
                else:
                    quote = None
            previous = ch
            i += 1
    return inside


def parse(text: str, name: str) -> YamlDocument:
    """Parse one YAML document from ``text``, or raise :class:`InputError` with its location.

    Keyboard slips do not stop the reading: they travel in :attr:`YamlDocument.slips`, or join
    the syntax error if the mended text still has one.
    """
    slips: list[Problem] = []
    if "\uff1a" in text or "\u3000" in text:
        text, slips = _repair_slips(text, name)
    try:
        doc = _parse(text, name)
    except InputError as exc:
        raise InputError(in_file_order([*slips, *exc.problems])) from None
    doc.slips = slips
    return doc


def _parse(text: str, name: str) -> YamlDocument:
    _check_depth(text, name)
    loader = _StrictLoader(text)
    loader.resolve = _resolve_memo
    try:
        root = loader.get_single_node()
        if root is None:
            raise InputError([Problem(name, "yaml.empty")])
        if "*" in text:
            _check_expansion(root, name)
        data = _construct(loader, root, text)
    except yaml.YAMLError as exc:
        raise InputError([_yaml_problem(exc, name, text)]) from None
    finally:
        loader.dispose()
    return YamlDocument(name, data, root)


def _construct(loader: _StrictLoader, root: yaml.Node, text: str) -> Any:
    """The document's data: the fast constructor where it applies, else PyYAML's."""
    if "*" not in text and "<<" not in text and "!" not in text:
        try:
            return _construct_fast(loader, root)
        except _Fallback:
            pass
    return loader.construct_document(root)


def load(path: Path, name: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> YamlDocument:
    """Read and parse a YAML file; ``name`` is how the file is named in messages."""
    shown = name if name is not None else os.fsdecode(path)
    return parse(read_text(path, shown, max_bytes), shown)


def _check_depth(text: str, name: str) -> None:
    """Refuse nesting deep enough to crash the composer, scanning events only when needed.

    Each level of nesting needs a bracket, a dash, a question mark or one more column of
    indentation, so the cheap sum below bounds the depth from above.
    """
    longest = max((len(line) for line in text.splitlines()), default=0)
    bound = sum(text.count(ch) for ch in "[{-?") + longest + 2
    if bound < _SAFE_DEPTH_BOUND:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line, col = _one_based(event.start_mark)
                    raise InputError([Problem(name, "yaml.too_deep", {"limit": MAX_DEPTH}, line, col)])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        raise InputError([_yaml_problem(exc, name, text)]) from None


def _check_expansion(root: yaml.Node, name: str) -> None:
    """Refuse documents whose aliases expand to more than :data:`MAX_EXPANDED_NODES` nodes.

    The sizes are summed bottom-up with an explicit stack, so that deep nesting cannot exhaust
    Python's recursion limit; a node shared through aliases is counted once per use.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        total = 1 + sum(sizes[id(child)] for child in children)
        sizes[id(node)] = total
        if total > MAX_EXPANDED_NODES:
            line, col = _one_based(node.start_mark)
            raise InputError([Problem(name, "yaml.alias_bomb", {"limit": MAX_EXPANDED_NODES}, line, col)])


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return []


def _yaml_problem(exc: yaml.YAMLError, name: str, text: str) -> Problem:
    """Turn a PyYAML error into a located problem with a plain message."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        detail = exc.problem or exc.context or "syntax error"
        line, col = _one_based(mark)
        if "\\t" in detail or "'\\t'" in detail or (mark and _tab_at(text, mark.line)):
            return Problem(name, "yaml.tab", {}, line, col)
        if detail.startswith("could not determine a constructor for the tag"):
            return Problem(name, "yaml.tag", {"tag": detail.rsplit(" ", 1)[-1].strip("'")}, line, col)
        if detail.startswith("duplicate key"):
            return Problem(name, "yaml.duplicate_key", {"key": detail.split(" ", 2)[2].strip("'\"")}, line, col)
        if detail.startswith("number too long"):
            return Problem(name, "yaml.number_too_long", {"limit": MAX_DIGITS}, line, col)
        if detail.startswith("invalid date"):
            return Problem(name, "yaml.bad_date", {"value": detail.split(" ", 2)[2].strip("'\"")}, line, col)
        if "maximum nesting depth" in detail or "maximum nesting depth" in (exc.context or ""):
            return Problem(name, "yaml.too_deep", {"limit": MAX_DEPTH}, line, col)
        if "expected a single document" in (exc.context or ""):
            return Problem(name, "yaml.many_documents", {}, line, col)
        return Problem(name, "yaml.syntax", {"detail": _syntax_detail(exc, line)}, line, col)
    position = getattr(exc, "position", None)
    if isinstance(position, int):
        line, col = _place(text, position)
        return Problem(name, "yaml.bad_character", {}, line, col)
    return Problem(name, "yaml.syntax", {"detail": Word("syntax.other")})


#: PyYAML's and libyaml's scanner and parser complaints, by a phrase they contain, as catalogue keys.
_SYNTAX = (
    ("undefined alias", "syntax.undefined_alias"),
    ("end of stream", "syntax.unexpected_end"),
    ("<stream end>", "syntax.unexpected_end"),
    ("',' or ']'", "syntax.flow_sequence"),
    ("',' or '}'", "syntax.flow_mapping"),
    ("mapping values are not allowed", "syntax.mapping_values"),
    ("block sequence entries are not allowed", "syntax.sequence_entry"),
    ("cannot start any token", "syntax.bad_token"),
    ("unknown escape", "syntax.escape"),
    ("escape character", "syntax.escape"),
    ("expected ':'", "syntax.indentation"),
    ("expected key", "syntax.indentation"),
    ("<block end>", "syntax.indentation"),
    ("'-' indicator", "syntax.indentation"),
    ("node content", "syntax.missing_value"),
    ("comment or line break", "syntax.trailing"),
)


def _syntax_detail(exc: yaml.MarkedYAMLError, line: int | None) -> Word:
    """What went wrong, in the catalogue's words; where an unclosed thing began, its line too."""
    text = f"{exc.problem or ''} {exc.context or ''}"
    key = next((key for phrase, key in _SYNTAX if phrase in text), "syntax.other")
    began = exc.context_mark.line + 1 if exc.context_mark is not None else None
    if began is not None and line is not None and began != line:
        return Word("yaml.started", {"detail": Word(key), "line": began})
    return Word(key)


def _one_based(mark: Any) -> tuple[int | None, int | None]:
    """PyYAML's 0-based mark as 1-based (line, column); (None, None) without a mark."""
    if mark is None:
        return None, None
    return mark.line + 1, mark.column + 1


def _tab_at(text: str, line0: int) -> bool:
    """Whether the given 0-based line is indented with a tab."""
    lines = text.splitlines()
    if not 0 <= line0 < len(lines):
        return False
    stripped = lines[line0].lstrip(" ")
    return stripped.startswith("\t")


def parse_json(text: str, name: str) -> Any:
    """JSON text (a CASE package, a credential) as data; broken JSON is ``InputError`` at its line and column.

    JSON nested past Python's recursion limit is refused as broken too, never a traceback.
    """
    import json

    try:
        return _guarded_loads(text)
    except json.JSONDecodeError as exc:
        raise InputError([Problem(name, "json.syntax", {}, exc.lineno, exc.colno)]) from None
    except RecursionError:
        raise InputError([Problem(name, "json.syntax")]) from None
    except _NotANumber as exc:
        found = re.search(exc.pattern, text)
        line, column = _place(text, found.start()) if found else (None, None)
        raise InputError([Problem(name, "json.number", {"value": exc.value[:40]}, line, column)]) from None


class _NotANumber(Exception):
    """A JSON number no reader should take: thousands of digits, NaN, Infinity."""

    def __init__(self, value: str, pattern: str) -> None:
        super().__init__(value)
        self.value, self.pattern = value, pattern


def json_value(raw: str | bytes) -> Any:
    """JSON with the same guards as :func:`parse_json` (no 5,000-digit integers, no NaN), unlocated: a
    ``ValueError`` for anything it refuses, ``RecursionError`` included."""
    try:
        return _guarded_loads(raw)
    except (_NotANumber, RecursionError) as exc:
        raise ValueError(str(exc)) from None


def _guarded_loads(raw: str | bytes) -> Any:
    """``json.loads`` that refuses what no reader should take: more digits than YAML allows, NaN, Infinity."""
    import json

    return json.loads(raw, parse_int=_json_int, parse_constant=_json_constant)


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:  # a count, a level, a timestamp have a dozen; 5,000 is an attack
        raise _NotANumber(text, r"-?\d{" + str(MAX_DIGITS + 1) + ",}")
    return int(text)


def _json_constant(text: str) -> float:
    raise _NotANumber(text, re.escape(text))


def _place(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
