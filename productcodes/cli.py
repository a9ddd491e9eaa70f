"""The `productcodes` command: one click group, sub-commands loaded lazily per package.

Lazy loading keeps `productcodes validate` from importing SQLAlchemy and the registry
models, and keeps `--help` fast.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from typing import Any

import click

from productcodes.errors import UserError
from validators.cli.exitcodes import EXIT_ERRORS, EXIT_USAGE

# name -> "module:attribute"; each module owns its own commands.
SUBCOMMANDS: dict[str, str] = {
    "db": "productcodes.commands.db:db",
    "registry": "productcodes.commands.registry:registry",
    "demo": "productcodes.commands.demo:demo",
    "validate": "validators.cli.validate:validate",
    "rules": "validators.cli.rules:rules",
    "store": "validators.cli.store:store",
    "respond": "validators.cli.respond:respond",
    "translate": "validators.cli.respond:translate",
    "batch": "validators.cli.batch:batch",
    "serve": "productcodes.commands.serve:serve",
    "users": "productcodes.commands.serve:users",
}


class ToolError(click.ClickException):
    """A UserError or usage error on its way out: one Dutch line on stderr, exit code EXIT_USAGE."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        """One line on stderr, in place of click's "Error:" block."""
        click.echo(f"fout: {self.format_message()}", err=True)


class LazyGroup(click.Group):
    """The root group: sub-commands imported only when called, user errors as one line."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra
    ):
        """The root's own options parsed; a usage error in them becomes one Dutch line."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            if _help_shown(exc):
                raise
            raise _usage(exc) from exc

    def invoke(self, ctx: click.Context) -> Any:
        """Run the sub-command; a user's or database error becomes one line, unless -v asks for more."""
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            if _help_shown(exc):
                raise
            raise _usage(exc) from exc
        except click.Abort:
            # A question (a confirmation, a password) left unanswered: click's "Aborted!", in Dutch,
            # with the exit code click gives it.
            click.echo("afgebroken; er is niets veranderd", err=True)
            raise click.exceptions.Exit(EXIT_ERRORS) from None
        except UserError as exc:
            app = ctx.obj if isinstance(ctx.obj, AppContext) else None
            if app is not None and app.verbose:
                raise
            raise ToolError(str(exc)) from exc
        except Exception as exc:
            # Database trouble outside a transaction (a locked file, a server gone) is the
            # user's to fix, not a bug: one line, EXIT_USAGE. Anything else stays a traceback.
            from sqlalchemy.exc import SQLAlchemyError

            if not isinstance(exc, SQLAlchemyError):
                raise
            from productcodes.db import describe

            app = ctx.obj if isinstance(ctx.obj, AppContext) else None
            if app is not None and app.verbose:
                raise
            raise ToolError(describe(exc)) from exc

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every sub-command, loaded or not."""
        return sorted(set(super().list_commands(ctx)) | set(self._available()))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The sub-command, imported now."""
        found = super().get_command(ctx, cmd_name)
        if found is not None or cmd_name not in SUBCOMMANDS:
            return found
        return _load(SUBCOMMANDS[cmd_name])

    @staticmethod
    def _available() -> list[str]:
        # A sub-command whose module is not there yet (work in progress) is simply not listed.
        names = []
        for name, target in SUBCOMMANDS.items():
            module = target.split(":")[0]
            if importlib.util.find_spec(module) is not None:
                names.append(name)
        return names


def _help_shown(exc: click.UsageError) -> bool:
    # A group called without a command shows its help (click 8.2 and later): that stays as click prints it.
    return isinstance(exc, getattr(click.exceptions, "NoArgsIsHelpError", ()))


def _usage(exc: click.UsageError) -> ToolError:
    from productcodes.cli_nl import usage_line

    return ToolError(usage_line(exc))


def _load(target: str) -> click.Command | None:
    module_name, attribute = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    return getattr(module, attribute, None)


@dataclass
class AppContext:
    """Shared state of one invocation; the database engine is made on first use and disposed at exit."""

    db_url: str | None
    verbose: int = 0
    _resources: list[Any] = field(default_factory=list)

    def on_close(self, resource: Any) -> None:
        """Dispose of this resource when the invocation ends."""
        self._resources.append(resource)

    def close(self) -> None:
        """Dispose of every resource, the newest first."""
        while self._resources:
            resource = self._resources.pop()
            dispose = getattr(resource, "dispose", None) or resource.close
            dispose()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_url",
    envvar="PRODUCTCODES_DB",
    default=None,
    metavar="URL",
    help="Database-URL (SQLAlchemy-vorm). Standaard: een SQLite-bestand in uw gebruikersgegevensmap. "
    "Env: PRODUCTCODES_DB.",
)
@click.option("-v", "--verbose", count=True, help="Meer uitvoer; -v toont ook de traceback van fouten.")
@click.option("-q", "--quiet", is_flag=True, help="Alleen fouten.")
@click.version_option(
    package_name="productcodes", message="%(prog)s, versie %(version)s", help="Toon de versie en stop."
)
@click.pass_context
def cli(ctx: click.Context, db_url: str | None, verbose: int, quiet: bool) -> None:
    """Productcoderegister en controle van iJw/iWmo 3.2-berichten.

    \b
    Voorbeelden:
      productcodes demo
      productcodes validate declaratie.xml
      productcodes registry lookup 0384 45A03 --on 2026-04-01
    """
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    app = AppContext(db_url=db_url, verbose=0 if quiet else verbose)
    ctx.obj = app
    ctx.call_on_close(app.close)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and `python -m productcodes`."""
    cli.main(args=argv, prog_name="productcodes")
