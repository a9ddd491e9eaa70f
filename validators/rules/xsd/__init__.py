"""Rule modules of this level, listed explicitly (see validators/rules/__init__.py)."""

import importlib

MODULES: tuple[str, ...] = (
    "CS015",
    "CS025",
    "CS319",
    "RS001",
    "RS002",
    "RS004",
    "RS005",
    "RS006",
    "RS007",
    "RS008",
    "RS009",
    "RS010",
    "RS011",
    "RS012",
    "RS013",
    "RS014",
    "RS015",
    "RS016",
    "RS017",
    "RS018",
    "RS019",
    "RS020",
    "RS021",
    "RS023",
    "RS024",
    "RS025",
    "RS026",
    "RS028",
    "RS031",
    "RS032",
    "RS033",
    "RS034",
    "RS035",
    "RS036",
    "RS037",
    "RS040",
    "RS045",
    "RS046",
    "RS047",
    "RS048",
)

for _name in MODULES:
    importlib.import_module(f"{__name__}.{_name}")
