"""RS rules: the restrictions the schema already enforces, named by their catalogue code.

The rule modules are listed by name (validators/rules/__init__.py imports them; a test checks
the list against the files on disk)."""

MODULES: tuple[str, ...] = (
    "RS001", "RS002", "RS004", "RS005", "RS006", "RS007", "RS008", "RS009", "RS010", "RS011",
    "RS012", "RS013", "RS014", "RS015", "RS016", "RS017", "RS018", "RS019", "RS020", "RS021",
    "RS023", "RS024", "RS025", "RS026", "RS028", "RS031", "RS032", "RS033", "RS034", "RS035",
    "RS036", "RS037", "RS040", "RS045", "RS046", "RS047", "RS048"
)
