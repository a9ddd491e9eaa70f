"""Pictures of the reduction: codes per national product, coverage per jeugdregio.

PNG through matplotlib (Agg, no display needed) or a self-contained HTML page (no
scripts, no network) when the file name ends in .html.
"""

from __future__ import annotations

import html
from pathlib import Path

from productcodes.report import Reduction

TOP = 25


def draw(reduction: Reduction, path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() in (".html", ".htm"):
        path.write_text(_html(reduction), encoding="utf-8")
    else:
        _png(reduction, path)
    return path


def _png(r: Reduction, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    products = list(r.codes_per_national.items())[:TOP]
    regios = list(r.per_jeugdregio.items())
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, max(4, 0.3 * max(len(products), len(regios)) + 1.5)))
    left.barh([p for p, _ in products][::-1], [n for _, n in products][::-1], color="#3b6ea5")
    left.set_title(f"Municipal codes per national product (top {len(products)})")
    left.set_xlabel("municipal codes")
    right.barh([n for n, _ in regios][::-1], [c.percent for _, c in regios][::-1], color="#5a9e6f")
    right.set_xlim(0, 100)
    right.set_title("Coverage per jeugdregio")
    right.set_xlabel("% of codes mapped")
    fig.suptitle(f"Reduction on {r.on}: {r.mapped} of {r.municipal_codes} codes mapped ({r.percent_mapped}%)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _bar_rows(items: list[tuple[str, float, str]], scale: float) -> str:
    rows = []
    for label, value, text in items:
        width = 0 if scale == 0 else round(300 * value / scale)
        rows.append(f"<tr><td>{html.escape(label)}</td><td><div class='bar' style='width:{width}px'></div></td>"
                    f"<td>{html.escape(text)}</td></tr>")
    return "\n".join(rows)


def _html(r: Reduction) -> str:
    products = [(code, n, str(n)) for code, n in list(r.codes_per_national.items())[:TOP]]
    regios = [(name, c.percent, f"{c.percent}% of {c.codes}") for name, c in r.per_jeugdregio.items()]
    top = max((n for _, n, _ in products), default=0)
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Reductie {r.on}</title>
<style>body{{font-family:sans-serif;margin:2em}} td{{padding:2px 8px}} .bar{{background:#3b6ea5;height:12px}}</style>
</head><body>
<h1>Reduction on {r.on}</h1>
<p>{r.mapped} of {r.municipal_codes} municipal codes mapped ({r.percent_mapped}%) onto {r.national_in_use} national
products.</p>
<h2>Municipal codes per national product</h2><table>{_bar_rows(products, top)}</table>
<h2>Coverage per jeugdregio</h2><table>{_bar_rows(regios, 100)}</table>
</body></html>
"""
