"""The web tests' store: real fixtures plus two hostile documents (markup in subject, title and body)."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# Real documents the pages are tested on (tests/fixtures/SOURCE.md says where each comes from).
STORE_FIXTURES = (
    "seed.004_69b9118b38fb912e.txt",
    "seed.000_227d2fbe0adcadcd.txt",
    "cablegate.09ASTANA95.txt",
    "cablegate.05PARIS1699.txt",
    "nasa.article_1.md",
)

# A reply cable citing the seed cable, carrying markup in its subject and body: every page that
# shows document text must print it as text.
HOSTILE_CABLE = """R 011200Z AUG 07
FM SECSTATE WASHDC
TO AMEMBASSY MOSCOW 0001

UNCLAS SECTION 01 OF 01 STATE 099001

SIPDIS

E.O. 12958: N/A
TAGS: TSPA, PREL, RS
SUBJECT: REPLY ON SEA LAUNCH NOTE <script>alert(1)</script>

REF: MOSCOW 3736

1. (SBU) The Department thanks Embassy Moscow for the report of July 27, 2007 on the Baikonur \
Technology Safeguards Agreement <img src=x onerror=alert(1)> and asks post to \
[link](javascript:alert(1)) follow up with the MFA in Moscow.

2. (SBU) <script>alert(1)</script> Comments are due by August 20, 2007.
RICE
"""
HOSTILE_ARTICLE = """# Launch pad talks <script>alert(1)</script> resume in Astana

**ASTANA** — Officials met in Astana on July 27, 2007 to discuss the Baikonur cosmodrome \
<img src=x onerror=alert(1)>.

Read the [full note](javascript:alert(1)) or <a href="javascript:alert(1)">this</a>; \
<script>alert(1)</script> was found in the text.
"""
HOSTILE_CABLE_ID = "07STATE99001"


def build_store(folder, hostile: bool = True):
    """Copy the fixtures (and the hostile documents) into `folder`/docs and ingest them into `folder`/web.db."""
    from legation.corpus import open_corpus

    docs = folder / "docs"
    docs.mkdir()
    for name in STORE_FIXTURES:
        shutil.copy(FIXTURES / name, docs / name)
    if hostile:
        (docs / "hostile.07STATE99001.txt").write_text(HOSTILE_CABLE)
        (docs / "hostile.article.md").write_text(HOSTILE_ARTICLE)
    path = folder / "web.db"
    with open_corpus(path) as corpus:
        corpus.ingest([docs], workers=1)
    return path


# Starlette's test client warns about its httpx dependency; the tests do not depend on that choice.
HTTPX_WARNING = "Using `httpx` with `starlette.testclient`"


def client_class():
    """FastAPI's TestClient, imported without its dependency warning."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=HTTPX_WARNING)
        from fastapi.testclient import TestClient
    return TestClient
