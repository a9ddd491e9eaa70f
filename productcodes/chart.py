"""Pictures of the reduction: codes per national product, coverage per jeugdregio.

PNG through matplotlib (Agg, no display needed) or a self-contained HTML page (no
scripts, no network) when the file name ends in .html.
"""

from __future__ import annotations

import html
from pathlib import Path

from productcodes.report import Reduction, day, number, words

TOP = 25

_CHART = {
    "nl": {"per_product": "Gemeentelijke codes per landelijk product (top {n})", "codes": "gemeentelijke codes",
           "coverage": "Dekking per jeugdregio", "percent": "% van de codes gemapt",
           "title": "Reductie op {on}: {mapped} van {total} codes gemapt ({percent}%)",
           "summary": "{mapped} van {total} gemeentelijke codes gemapt ({percent}%) op {used} landelijke producten.",
           "of": "{percent}% van {codes}"},
    "en": {"per_product": "Municipal codes per national product (top {n})", "codes": "municipal codes",
           "coverage": "Coverage per jeugdregio", "percent": "% of codes mapped",
           "title": "Reduction on {on}: {mapped} of {total} codes mapped ({percent}%)",
           "summary": "{mapped} of {total} municipal codes mapped ({percent}%) onto {used} national products.",
           "of": "{percent}% of {codes}"},
}


def draw(reduction: Reduction, path: str | Path, lang: str | None = None) -> Path:
    """The chart as PNG, or as HTML for .html; titles, axes and numbers in the language (Dutch by default)."""
    path = Path(path)
    lang = words(lang)[0]
    if path.suffix.lower() in (".html", ".htm"):
        path.write_text(_html(reduction, lang), encoding="utf-8")
    else:
        _png(reduction, path, lang)
    return path


def _png(r: Reduction, path: Path, lang: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    products = list(r.codes_per_national.items())[:TOP]
    regios = list(r.per_jeugdregio.items())
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, max(4, 0.3 * max(len(products), len(regios)) + 1.5)))
    left.barh([p for p, _ in products][::-1], [n for _, n in products][::-1], color="#3b6ea5")
    t = _CHART[lang]
    left.set_title(t["per_product"].format(n=len(products)))
    left.set_xlabel(t["codes"])
    right.barh([n for n, _ in regios][::-1], [c.percent for _, c in regios][::-1], color="#5a9e6f")
    right.set_xlim(0, 100)
    right.set_title(t["coverage"])
    right.set_xlabel(t["percent"])
    fig.suptitle(t["title"].format(on=day(r.on, lang), mapped=r.mapped, total=r.municipal_codes,
                                   percent=number(r.percent_mapped, lang)))
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


def _html(r: Reduction, lang: str = "nl") -> str:
    t = _CHART[lang]
    products = [(code, n, str(n)) for code, n in list(r.codes_per_national.items())[:TOP]]
    regios = [(name, c.percent, t["of"].format(percent=number(c.percent, lang), codes=c.codes))
              for name, c in r.per_jeugdregio.items()]
    top = max((n for _, n, _ in products), default=0)
    title = t["title"].format(on=day(r.on, lang), mapped=r.mapped, total=r.municipal_codes,
                              percent=number(r.percent_mapped, lang)).split(":")[0]
    summary = t["summary"].format(mapped=r.mapped, total=r.municipal_codes, percent=number(r.percent_mapped, lang),
                                  used=r.national_in_use)
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;margin:2em}} td{{padding:2px 8px}} .bar{{background:#3b6ea5;height:12px}}</style>
</head><body>
<h1>{html.escape(title)}</h1>
<p>{html.escape(summary)}</p>
<h2>{html.escape(t["per_product"].format(n=len(products)))}</h2><table>{_bar_rows(products, top)}</table>
<h2>{html.escape(t["coverage"])}</h2><table>{_bar_rows(regios, 100)}</table>
</body></html>
"""
