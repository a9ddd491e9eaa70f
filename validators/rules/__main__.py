"""`python -m validators.rules`: rewrite the rule index after adding or changing a rule module."""

from pathlib import Path

from validators.rules import write_index

Path(__file__).with_name("_index.py").write_text(write_index(), encoding="utf-8")
