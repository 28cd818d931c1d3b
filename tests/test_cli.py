import json

from typer.testing import CliRunner

from legation.cli import app

runner = CliRunner()


def test_cli_parse_one_file_prints_one_object(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("A title\n\nSome text here.\n")
    result = runner.invoke(app, ["parse", str(f), "--no-extract"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["kind"] == "text" and record["source"] == str(f)


def test_cli_parse_directory_gives_json_lines_and_exit_1_on_failure(tmp_path):
    (tmp_path / "a.txt").write_text("first document\n")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("third document\n")
    result = runner.invoke(app, ["parse", str(tmp_path), "--no-extract"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"].rsplit("/", 1)[1] for r in lines] == ["a.txt", "b.txt", "c.txt"]
    assert "error" in lines[1] and "empty" in lines[1]["error"]


def test_cli_bad_format_is_a_clean_error(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("x")
    result = runner.invoke(app, ["parse", str(f), "--format", "nope"])
    assert result.exit_code == 2
    assert "unknown format" in result.output
