"""Standards, releases and message types: namespaces and BerichtCode in both directions.

iJw and iWmo share one message design; only the prefix, the namespace root and the
BerichtCode numbers differ, so both are described by the same two records.
"""

from __future__ import annotations

from dataclasses import dataclass

SUPPORTED_RELEASES = ("3.2",)

# Message numbers of release 3.2. Retour messages answer the number before them.
MESSAGE_NUMBERS = (
    "301",
    "302",
    "305",
    "306",
    "307",
    "308",
    "315",
    "316",
    "317",
    "318",
    "319",
    "320",
    "323",
    "325",
)
RETOUR_OF = {"302": "301", "306": "305", "308": "307", "316": "315", "318": "317", "320": "319"}

_BERICHTCODES = {
    "ijw": {
        "301": "436",
        "302": "437",
        "305": "438",
        "306": "439",
        "307": "440",
        "308": "441",
        "315": "446",
        "316": "447",
        "317": "486",
        "318": "487",
        "319": "488",
        "320": "489",
        "323": "490",
        "325": "491",
    },
    "iwmo": {
        "301": "414",
        "302": "415",
        "305": "418",
        "306": "419",
        "307": "420",
        "308": "421",
        "315": "444",
        "316": "445",
        "317": "480",
        "318": "481",
        "319": "482",
        "320": "483",
        "323": "484",
        "325": "485",
    },
}


@dataclass(frozen=True, slots=True)
class Standard:
    """One of the two standards (iJw or iWmo) at a release: the names its namespaces are built from."""

    name: str  # "iJw" / "iWmo", as the standard writes itself
    key: str  # "ijw" / "iwmo", as it appears in namespaces
    prefix: str  # "JW" / "WMO", the message-type prefix
    release: str = "3.2"

    @property
    def release_path(self) -> str:
        """The release as it appears in namespace paths: 3.2 -> 3_2."""
        return self.release.replace(".", "_")

    @property
    def base_namespace(self) -> str:
        """Namespace of the standard's basisschema (the shared CDT_/LDT_ types)."""
        return f"http://www.istandaarden.nl/{self.key}/{self.release_path}/basisschema/schema"

    def message_namespace(self, number: str) -> str:
        """Namespace of one message's own schema, by message number."""
        return (
            f"http://www.istandaarden.nl/{self.key}/{self.release_path}/{self.prefix.lower()}{number}/schema"
        )


IJW = Standard("iJw", "ijw", "JW")
IWMO = Standard("iWmo", "iwmo", "WMO")
STANDARDS = {s.name: s for s in (IJW, IWMO)}


@dataclass(frozen=True, slots=True)
class MessageType:
    """A message type of one standard: its number and the BerichtCode it carries."""

    standard: Standard
    number: str  # "323"
    berichtcode: str  # "490"

    @property
    def code(self) -> str:
        """The message-type code: JW323, WMO301."""
        return f"{self.standard.prefix}{self.number}"

    @property
    def namespace(self) -> str:
        """Namespace of this message type's own schema."""
        return self.standard.message_namespace(self.number)

    @property
    def is_retour(self) -> bool:
        """True for a retour message, one that answers another (JW302, JW325, ...)."""
        return self.number in RETOUR_OF

    @property
    def answers(self) -> str | None:
        """The message type this retour message answers (JW302 -> JW301)."""
        heen = RETOUR_OF.get(self.number)
        return f"{self.standard.prefix}{heen}" if heen else None

    @property
    def ijw_equivalent(self) -> str:
        """The iJw code with the same number; rule catalogues are written in iJw terms."""
        return f"JW{self.number}"

    def __str__(self) -> str:
        return self.code


MESSAGE_TYPES: dict[str, MessageType] = {
    mt.code: mt
    for standard in (IJW, IWMO)
    for mt in (MessageType(standard, n, _BERICHTCODES[standard.key][n]) for n in MESSAGE_NUMBERS)
}
BY_NAMESPACE: dict[str, MessageType] = {mt.namespace: mt for mt in MESSAGE_TYPES.values()}
BY_BERICHTCODE: dict[str, MessageType] = {mt.berichtcode: mt for mt in MESSAGE_TYPES.values()}


def message_type(code: str) -> MessageType:
    """Look up "JW323", "jw323" or "WMO301"; KeyError names the known codes."""
    try:
        return MESSAGE_TYPES[code.upper()]
    except KeyError:
        raise KeyError(f"unknown message type {code!r}; known: {', '.join(MESSAGE_TYPES)}") from None
