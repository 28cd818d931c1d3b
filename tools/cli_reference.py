"""Write docs/cli.md from the command definitions (the CLI reference is never written by hand).

    .venv/bin/python tools/cli_reference.py          # rewrite docs/cli.md
    .venv/bin/python tools/cli_reference.py --check  # exit 1 if docs/cli.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from legation.cli import app

TARGET = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def render() -> str:
    root = typer.main.get_command(app)
    lines = ["# Command-line reference", "",
             "Generated from the command definitions by `tools/cli_reference.py`; do not edit by hand.", ""]
    ctx = root.context_class(root, info_name="legation")
    for name in root.list_commands(ctx):
        cmd = root.get_command(ctx, name)
        lines += [f"## `legation {name}`", ""]
        lines += [(cmd.help or "").strip(), ""]
        usage = " ".join(cmd.collect_usage_pieces(cmd.context_class(cmd, info_name=name)))
        lines += ["```", f"legation {name} {usage}", "```", ""]
        rows = []
        for param in cmd.params:
            if param.param_type_name == "argument":
                rows.append((f"`{param.name.upper()}`", "argument", getattr(param, "help", "") or ""))
            elif param.param_type_name == "option" and not param.hidden:
                default = param.default if param.show_default is not False else None
                names = ", ".join(f"`{o}`" for o in param.opts)
                text = param.help or ""
                if default not in (None, False, (), []) and not param.is_flag:
                    text += f" Default: `{default}`."
                rows.append((names, "option", text))
        if rows:
            lines += ["| name | kind | meaning |", "|---|---|---|"]
            lines += [f"| {n} | {k} | {_cell(h)} |" for n, k, h in rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not TARGET.exists() or TARGET.read_text() != text:
            print("docs/cli.md is out of date: run .venv/bin/python tools/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
