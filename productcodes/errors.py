"""Errors a user can act on. The CLI prints them as one line, never as a traceback."""


class UserError(Exception):
    """Base for every error caused by input, configuration or state the user controls."""

    exit_code = 2


class ConfigurationError(UserError):
    """A setting (database URL, schema folder, option value) is unusable."""


class ProtocolError(UserError):
    """A change the code-change protocol does not allow; the message names the rule."""
