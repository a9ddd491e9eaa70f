"""Users, passwords (argon2id), signed-cookie sessions and CSRF tokens.

A session holds the user's name, role and a CSRF token; the cookie is signed (itsdangerous,
through Starlette's SessionMiddleware), so a client can read but not forge it. Every form
that changes something carries the token; API clients use HTTP Basic instead of the cookie.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import HTTPException, Request
from sqlalchemy import Engine, select

from productcodes.db import session_scope
from productcodes.errors import UserError
from productcodes.models import User

ROLES = ("maintainer", "viewer")
_hasher = PasswordHasher()
# Verified against when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY = _hasher.hash("not a password of anyone")


def add_user(engine: Engine, naam: str, role: str, password: str) -> None:
    """Create a user, or give an existing one a new password and role."""
    if role not in ROLES:
        raise UserError(f"onbekende rol {role!r}; kies maintainer of viewer")
    if len(password) < 8:
        raise UserError("het wachtwoord moet minstens 8 tekens hebben")
    with session_scope(engine) as session:
        user = session.scalar(select(User).where(User.naam == naam))
        if user is None:
            user = User(naam=naam, aangemaakt=datetime.now(UTC))
            session.add(user)
        user.role, user.password_hash = role, _hasher.hash(password)


def check_password(engine: Engine, naam: str, password: str) -> str | None:
    """The user's role when name and password match, else None."""
    with session_scope(engine) as session:
        user = session.scalar(select(User).where(User.naam == naam))
        stored = user.password_hash if user is not None else _DUMMY
        try:
            _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        return user.role if user is not None else None


def csrf_token(request: Request) -> str:
    """This session's CSRF token (made on first use)."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


def check_csrf(request: Request, sent: str | None) -> None:
    """Refuse a form whose token is missing or not this session's (403)."""
    expected = request.session.get("csrf")
    if not expected or not sent or not hmac.compare_digest(expected, sent):
        raise HTTPException(
            403,
            "Het formulier is verlopen of niet van deze site (CSRF-controle). "
            "Laad de pagina opnieuw en probeer het nog eens.",
        )


def signed_in(request: Request) -> tuple[str, str] | None:
    """(name, role) of the session's user, or None."""
    naam, role = request.session.get("user"), request.session.get("role")
    return (naam, role) if naam and role else None


def basic_user(request: Request, engine: Engine) -> tuple[str, str] | None:
    """(name, role) from an `Authorization: Basic` header with a valid password, or None."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic" or not value:
        return None
    try:
        naam, _, password = base64.b64decode(value, validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    role = check_password(engine, naam, password)
    return (naam, role) if role else None
