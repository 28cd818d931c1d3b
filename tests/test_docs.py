"""Docs move with code: these fail when a command, option or contract field is undocumented."""

import re
import subprocess
import sys
from pathlib import Path

from legation.record import ArticleFields, CableFields, Document

ROOT = Path(__file__).resolve().parents[1]


def _documented_fields() -> set[str]:
    text = (ROOT / "docs" / "contract.md").read_text()
    cells = re.findall(r"^\| ((?:`[a-z0-9_]+`(?:, )?)+) \|", text, re.M)
    return {name for cell in cells for name in re.findall(r"`([a-z0-9_]+)`", cell)}


def _record_fields() -> set[str]:
    doc = Document(source="s", sha256="h", kind="cable", text="t", cable=CableFields())
    doc_article = Document(source="s", sha256="h", kind="article", text="t", article=ArticleFields())
    return set(doc.to_dict()) | set(doc_article.to_dict())


def test_docs_every_contract_field_is_documented():
    missing = _record_fields() - _documented_fields()
    assert not missing, f"fields missing from docs/contract.md: {sorted(missing)}"


def test_docs_cli_reference_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "cli_reference.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_docs_readme_has_the_two_command_quick_start():
    readme = (ROOT / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme


def test_docs_every_page_linked_from_readme_exists():
    readme = (ROOT / "README.md").read_text()
    for link in re.findall(r"\]\((docs/[^)#]+)\)", readme):
        assert (ROOT / link).exists(), link
