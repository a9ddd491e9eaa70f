"""What the web service is configured with; `productcodes serve` fills it from options and environment."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field

MB = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """One running service. `secret_key` signs the session cookies: set it for several workers."""

    db_url: str | None = None
    max_upload: int = 100 * MB
    validation_open: bool = True  # False: validating needs a signed-in user as well
    pool_size: int = 2  # worker processes that validate, so one large upload does not block the rest
    secret_key: str = field(
        default_factory=lambda: os.environ.get("PRODUCTCODES_SECRET") or secrets.token_hex(32)
    )
    https_only: bool = False  # True behind a TLS proxy: the cookie is then never sent in clear text

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        """Settings from PRODUCTCODES_* variables (how uvicorn's worker processes receive them)."""
        env = os.environ
        values: dict = {
            "db_url": env.get("PRODUCTCODES_DB") or None,
            "max_upload": int(env.get("PRODUCTCODES_MAX_UPLOAD", 100 * MB)),
            "validation_open": env.get("PRODUCTCODES_VALIDATION_OPEN", "1") != "0",
            "pool_size": int(env.get("PRODUCTCODES_POOL", 2)),
            "https_only": env.get("PRODUCTCODES_HTTPS_ONLY", "0") == "1",
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
