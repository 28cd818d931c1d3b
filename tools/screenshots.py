"""Regenerate docs/screenshots/*.png: runs the browser walk-through with its screenshots kept.

    python tools/screenshots.py          # needs /usr/bin/chromium and playwright (see docs/web.md)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "screenshots"
TEST = "tests/web/test_browser.py"


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "LEGATION_SCREENSHOTS": str(TARGET)}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", TEST],
                            cwd=ROOT, env=env)
    if result.returncode == 0:
        shots = sorted(p.name for p in TARGET.glob("*.png"))
        print(f"{len(shots)} screenshots in {TARGET.relative_to(ROOT)}: {', '.join(shots)}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
