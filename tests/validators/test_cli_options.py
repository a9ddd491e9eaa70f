"""The validator's commands share their options and their exit codes.

Every command that takes --today, --history, --select, ... takes it from validators/cli/options.py,
so name, type, default and help text are the same everywhere; every exit code is one of the named
constants of validators/cli/exitcodes.py, in what the commands do and in how they are written.
"""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from productcodes.cli import SUBCOMMANDS, ToolError, cli
from tests.conftest import FIXTURES
from validators.cli import options
from validators.cli.exitcodes import EXIT_ERRORS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, exit_code

GOOD = FIXTURES / "rules" / "TR006" / "good.xml"
ROOT = Path(__file__).resolve().parents[2]

# option -> its decorator; --format is built per command from the choices it offers
SHARED = {
    "--today": options.today_option,
    "--history": options.history_option,
    "--history-complete": options.history_complete_option,
    "--select": options.select_option,
    "--ignore": options.ignore_option,
    "--registry": options.registry_option,
    "--schemas": options.schemas_option,
    "--store": options.store_option,
    "--output": options.output_option,
    "--show-bsn": options.show_bsn_option,
    "--lang": options.lang_option,
}


def _validator_commands() -> list[tuple[str, click.Command]]:
    """(path, command) of every command the validator package registers, sub-commands included."""
    found = []
    for name, target in sorted(SUBCOMMANDS.items()):
        if not target.startswith("validators.cli."):
            continue
        stack = [(name, cli.get_command(click.Context(cli), name))]
        while stack:
            path, command = stack.pop()
            if isinstance(command, click.Group):
                stack.extend((f"{path} {sub}", c) for sub, c in command.commands.items())
            else:
                found.append((path, command))
    return found


COMMANDS = _validator_commands()


def _reference(option: click.Option) -> click.Option:
    """The option as its shared decorator makes it."""
    name = option.opts[0]
    decorate = options.format_option(tuple(option.type.choices)) if name == "--format" else SHARED[name]

    @click.command()
    def probe(**_kwargs) -> None:
        """A command holding only the reference option."""

    return decorate(probe).params[0]


def _describe(option: click.Option) -> dict:
    info = option.to_info_dict()
    info.update(
        metavar=option.metavar,
        show_default=option.show_default,
        callback=option.callback,
        is_eager=option.is_eager,
    )
    return info


def _shared_options() -> list[tuple[str, click.Option]]:
    return [
        (path, param)
        for path, command in COMMANDS
        for param in command.params
        if isinstance(param, click.Option) and (param.opts[0] in SHARED or param.opts[0] == "--format")
    ]


def test_the_validator_commands_are_all_found():
    paths = {path for path, _ in COMMANDS}
    assert {"validate", "batch", "respond", "translate", "rules list", "rules show", "store ingest"} <= paths


@pytest.mark.parametrize(("path", "option"), _shared_options(), ids=lambda v: getattr(v, "name", v))
def test_a_shared_option_is_the_same_in_every_command(path: str, option: click.Option):
    assert _describe(option) == _describe(_reference(option)), f"{path} {option.opts[0]}"


def test_every_shared_option_is_used_and_its_help_shows_identically():
    used: dict[str, set[str]] = {}
    for path, option in _shared_options():
        used.setdefault(option.opts[0], set()).add(path)
        shown = CliRunner().invoke(cli, [*path.split(), "--help"], terminal_width=400).output
        assert option.help in shown, (path, option.opts[0])
    assert set(used) == {*SHARED, "--format"}
    # the three validating commands share the options that say what is checked, and against what
    for name in ("--today", "--history", "--ignore", "--registry", "--schemas", "--store", "--lang"):
        assert {"validate", "batch", "respond"} <= used[name], name


def test_a_bad_date_is_the_same_usage_error_everywhere(tmp_path):
    for args in (
        ["validate", str(GOOD)],
        ["batch", str(GOOD), "--out", str(tmp_path / "b")],
        ["respond", str(GOOD), "--out", str(tmp_path / "r")],
    ):
        result = CliRunner().invoke(cli, [*args, "--today", "2026-02-30"])
        assert result.exit_code == EXIT_USAGE, result.output
        assert "'2026-02-30' is geen datum (JJJJ-MM-DD)" in result.output
    assert not (tmp_path / "b").exists() and not (tmp_path / "r").exists()


def test_respond_checks_its_ignore_codes_like_validate(tmp_path):
    result = CliRunner().invoke(cli, ["respond", str(GOOD), "--out", str(tmp_path), "--ignore", "TR3466"])
    assert result.exit_code == EXIT_USAGE
    assert result.output.startswith("fout: --ignore TR3466: geen regelcode begint hiermee")


def test_the_shared_values_arrive_parsed():
    seen = {}

    @click.command()
    @options.today_option
    @options.select_option
    @options.ignore_option
    def probe(today, select, ignore) -> None:
        """Keeps what the options hand over."""
        seen.update(today=today, select=select, ignore=ignore)

    CliRunner().invoke(probe, ["--today", "2026-12-01", "--select", "tr3, rs017", "--select", "OP192"])
    assert str(seen["today"]) == "2026-12-01"
    assert seen["select"] == ("TR3", "RS017", "OP192") and seen["ignore"] == ()


# --- exit codes ------------------------------------------------------------------------------------


def test_the_exit_codes_are_the_documented_numbers():
    # README: 0 fine, 1 findings of severity error (or refused files), 2 usage or tool error; 130 Ctrl-C
    assert (EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERRUPTED) == (0, 1, 2, 130)
    assert exit_code(False) == EXIT_OK and exit_code(True) == EXIT_ERRORS
    assert ToolError("x").exit_code == EXIT_USAGE


def test_the_commands_exit_with_the_constants(tmp_path):
    broken = tmp_path / "kapot.xml"
    broken.write_bytes(b"<Bericht><unclosed></Bericht>")
    runner = CliRunner()
    assert runner.invoke(cli, ["validate", str(GOOD)]).exit_code == EXIT_OK
    assert runner.invoke(cli, ["validate", str(broken)]).exit_code == EXIT_ERRORS
    assert runner.invoke(cli, ["validate", str(tmp_path / "nope.xml")]).exit_code == EXIT_USAGE
    assert runner.invoke(cli, ["respond", str(broken), "--out", str(tmp_path / "a")]).exit_code == EXIT_ERRORS
    stale = runner.invoke(cli, ["rules", "docs", "--check", "--out", str(tmp_path / "docs")])
    assert stale.exit_code == EXIT_ERRORS


def test_an_interrupted_batch_exits_130(tmp_path, monkeypatch):
    import validators.cli.batch as batch_cli

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch_cli, "run_batch", interrupted)
    result = CliRunner().invoke(cli, ["batch", str(GOOD), "--out", str(tmp_path / "o")])
    assert result.exit_code == EXIT_INTERRUPTED
    assert "onderbroken" in result.output


EXITS = {"exit", "Exit"}  # sys.exit(...), ctx.exit(...), click.exceptions.Exit(...)


def _is_number(expr: ast.expr) -> bool:
    """A literal int, or a conditional that can give one (`0 if ok else 1`)."""
    if isinstance(expr, ast.IfExp):
        return _is_number(expr.body) or _is_number(expr.orelse)
    return isinstance(expr, ast.Constant) and type(expr.value) is int


def _literal_exit_codes(source: str) -> list[int]:
    """Lines where an exit code is written as a number instead of a constant."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in EXITS and any(_is_number(a) for a in node.args):
                lines.append(node.lineno)
        elif isinstance(node, ast.Assign) and _is_number(node.value):
            if any(getattr(t, "id", None) == "exit_code" for t in node.targets):
                lines.append(node.lineno)
    return lines


def test_the_scanner_sees_literal_exit_codes():
    assert _literal_exit_codes("import sys\nsys.exit(0 if ok else 1)\n") == [2]
    assert _literal_exit_codes("class E:\n    exit_code = 2\n") == [2]
    assert _literal_exit_codes("raise click.exceptions.Exit(EXIT_ERRORS)\n") == []
    assert _literal_exit_codes("sys.exit(exit_code(failed > 0))\n") == []


@pytest.mark.parametrize(
    "path",
    [*sorted((ROOT / "validators" / "cli").glob("*.py")), ROOT / "productcodes" / "cli.py"],
    ids=lambda p: p.name,
)
def test_no_command_writes_an_exit_code_as_a_number(path: Path):
    if path.name == "exitcodes.py":
        return  # where the numbers are named
    assert _literal_exit_codes(path.read_text()) == [], path
