"""docs/errors.md lists every error code, and every code is used by one class only."""

import re
from pathlib import Path

from legation import errors

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "errors.md"


def _error_classes() -> list[type[errors.LegationError]]:
    found, todo = [], [errors.LegationError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return [cls for cls in found if cls.__module__ == errors.__name__]


def _documented_codes() -> set[str]:
    return set(re.findall(r"^## (L\d{3}) — ", DOC.read_text(encoding="utf-8"), re.M))


def test_errors_doc_lists_every_error_class():
    missing = {cls.__name__: cls.code for cls in _error_classes()
               if cls is not errors.LegationError and cls.code not in _documented_codes()}
    assert not missing, f"codes missing from docs/errors.md: {missing}"


def test_errors_doc_lists_every_code_written_in_the_source():
    """Error classes outside errors.py (`code = "L300"`) and codes written into messages (`[L900]`)."""
    used = set()
    for path in (ROOT / "src" / "legation").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\[(L\d{3})\]", source)) | set(re.findall(r'code = "(L\d{3})"', source))
    assert used <= _documented_codes(), f"codes missing from docs/errors.md: {sorted(used - _documented_codes())}"


def test_errors_codes_are_unique():
    codes = [cls.code for cls in _error_classes()]
    assert len(codes) == len(set(codes))


def test_errors_str_is_one_line_with_its_code():
    error = errors.BadContainer("damaged\narchive\r\n  (detail)")
    assert str(error) == "damaged archive (detail) [L105]"
