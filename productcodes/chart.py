"""Pictures of the reduction: codes per national product, coverage per jeugdregio.

PNG through matplotlib (Agg, no display needed) or a self-contained HTML page (no
scripts, no network) when the file name ends in .html.
"""

from __future__ import annotations

import html
from pathlib import Path

from productcodes.errors import UserError
from productcodes.report import Reduction, day, number, words

TOP = 25
IMAGE_SUFFIXES = (".png", ".svg", ".pdf")
HTML_SUFFIXES = (".html", ".htm")


def check_target(path: str | Path) -> Path:
    """The chart's file, refused before any work when its folder is missing or its kind unknown."""
    path = Path(path)
    if path.suffix.lower() not in IMAGE_SUFFIXES + HTML_SUFFIXES:
        raise UserError(
            f"--chart {path}: onbekende extensie {path.suffix or '(geen)'!r}; kies "
            f"{', '.join(IMAGE_SUFFIXES + HTML_SUFFIXES)}"
        )
    if not path.parent.is_dir():
        raise UserError(f"--chart {path}: de map {path.parent} bestaat niet")
    return path


def _axis_limit(largest: float) -> float:
    """A bar axis that never collapses: room for the value labels, at least 1 when all values are 0."""
    return max(1.0, largest * 1.15)


# The stylesheet of both HTML reports.
_STYLE = "body{font-family:sans-serif;margin:2em} td{padding:2px 8px} .bar{background:#3b6ea5;height:12px}"


def _label_bars(axis, bars, labels: list[str]) -> None:
    for bar, label in zip(bars, labels, strict=True):
        axis.annotate(
            label,
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )


_CHART = {
    "nl": {
        "per_product": "Gemeentelijke codes per landelijk product (top {n})",
        "codes": "gemeentelijke codes",
        "coverage": "Dekking per jeugdregio",
        "percent": "% van de codes gemapt",
        "title": "Reductie op {on}: {mapped} van {total} codes gemapt ({percent}%)",
        "summary": (
            "{mapped} van {total} gemeentelijke codes gemapt ({percent}%) op {used} landelijke producten."
        ),
        "of": "{percent}% van {codes}",
    },
    "en": {
        "per_product": "Municipal codes per national product (top {n})",
        "codes": "municipal codes",
        "coverage": "Coverage per jeugdregio",
        "percent": "% of codes mapped",
        "title": "Reduction on {on}: {mapped} of {total} codes mapped ({percent}%)",
        "summary": "{mapped} of {total} municipal codes mapped ({percent}%) onto {used} national products.",
        "of": "{percent}% of {codes}",
    },
}


def draw(reduction: Reduction, path: str | Path, lang: str | None = None) -> Path:
    """The chart as PNG, or as HTML for .html; titles, axes and numbers in the language (Dutch by default)."""
    path = check_target(path)
    lang = words(lang)[0]
    if path.suffix.lower() in HTML_SUFFIXES:
        path.write_text(_html(reduction, lang), encoding="utf-8")
    else:
        _png(reduction, path, lang)
    return path


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _png(r: Reduction, path: Path, lang: str) -> None:
    fig = reduction_figure(r, lang)
    fig.savefig(path, dpi=110)
    _pyplot().close(fig)


def reduction_figure(r: Reduction, lang: str = "nl"):
    """The reduction as a matplotlib figure (codes per national product; coverage per jeugdregio)."""
    plt = _pyplot()
    products = list(r.codes_per_national.items())[:TOP]
    regios = list(r.per_jeugdregio.items())
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, max(4, 0.3 * max(len(products), len(regios)) + 1.5)))
    t = _CHART[lang]
    bars = left.barh([p for p, _ in products][::-1], [n for _, n in products][::-1], color="#3b6ea5")
    _label_bars(left, bars, [str(n) for _, n in products][::-1])
    left.set_xlim(0, _axis_limit(max((n for _, n in products), default=0)))
    left.xaxis.get_major_locator().set_params(integer=True)
    left.set_title(t["per_product"].format(n=len(products)))
    left.set_xlabel(t["codes"])
    bars = right.barh([n for n, _ in regios][::-1], [c.percent for _, c in regios][::-1], color="#5a9e6f")
    _label_bars(right, bars, [f"{number(c.percent, lang)}%" for _, c in regios][::-1])
    right.set_xlim(0, 110)
    right.set_title(t["coverage"])
    right.set_xlabel(t["percent"])
    fig.suptitle(
        t["title"].format(
            on=day(r.on, lang),
            mapped=r.mapped,
            total=r.municipal_codes,
            percent=number(r.percent_mapped, lang),
        )
    )
    fig.tight_layout()
    return fig


def _bar_rows(items: list[tuple[str, float, str]], scale: float) -> str:
    rows = []
    for label, value, text in items:
        width = 0 if scale == 0 else round(300 * value / scale)
        rows.append(
            f"<tr><td>{html.escape(label)}</td><td><div class='bar' style='width:{width}px'></div></td>"
            f"<td>{html.escape(text)}</td></tr>"
        )
    return "\n".join(rows)


def _html(r: Reduction, lang: str = "nl") -> str:
    t = _CHART[lang]
    products = [(code, n, str(n)) for code, n in list(r.codes_per_national.items())[:TOP]]
    regios = [
        (name, c.percent, t["of"].format(percent=number(c.percent, lang), codes=c.codes))
        for name, c in r.per_jeugdregio.items()
    ]
    top = max((n for _, n, _ in products), default=0)
    title = (
        t["title"]
        .format(
            on=day(r.on, lang),
            mapped=r.mapped,
            total=r.municipal_codes,
            percent=number(r.percent_mapped, lang),
        )
        .split(":")[0]
    )
    summary = t["summary"].format(
        mapped=r.mapped,
        total=r.municipal_codes,
        percent=number(r.percent_mapped, lang),
        used=r.national_in_use,
    )
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>{_STYLE}</style>
</head><body>
<h1>{html.escape(title)}</h1>
<p>{html.escape(summary)}</p>
<h2>{html.escape(t["per_product"].format(n=len(products)))}</h2><table>{_bar_rows(products, top)}</table>
<h2>{html.escape(t["coverage"])}</h2><table>{_bar_rows(regios, 100)}</table>
</body></html>
"""


def impact_rows(impact) -> list:
    """(label, tariff spread over gemeenten) of the products with a tariff, largest amounts first."""
    rows = [(f"{p.code} ({p.eenheid})", p.spread_gemeenten()) for p in impact.sorted_products()[:TOP]]
    return [(label, s) for label, s in rows if s is not None]


def draw_impact(impact, path: str | Path) -> Path:
    """Tariff per unit per national product: the median as a bar, min..max as a line, values written."""
    path = check_target(path)
    rows = impact_rows(impact)
    if path.suffix.lower() in HTML_SUFFIXES:
        top = max((s.maximum for _, s in rows), default=0)
        items = [
            (
                label,
                s.mediaan,
                f"mediaan {s.mediaan / 100:.2f} (min {s.minimum / 100:.2f}, "
                f"max {s.maximum / 100:.2f}, {s.groepen} gemeenten)",
            )
            for label, s in rows
        ]
        path.write_text(
            f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Impact</title>
<style>{_STYLE}</style>
</head><body><h1>Tarief per eenheid per landelijk product (euro)</h1>
<table>{_bar_rows(items, top)}</table></body></html>
""",
            encoding="utf-8",
        )
        return path
    fig = impact_figure(rows)
    fig.savefig(path, dpi=110)
    _pyplot().close(fig)
    return path


def impact_figure(rows):
    """Median tariff per unit as bars (euro), min..max as a line through each, the value beside it."""
    plt = _pyplot()
    fig, axis = plt.subplots(figsize=(11, max(3, 0.35 * len(rows) + 1.5)))
    labels = [label for label, _ in rows][::-1]
    medians = [s.mediaan / 100 for _, s in rows][::-1]
    bars = axis.barh(labels, medians, color="#3b6ea5")
    for y, (_, s) in enumerate(rows[::-1]):
        axis.plot([s.minimum / 100, s.maximum / 100], [y, y], color="#222222", linewidth=1.5)
    _label_bars(axis, bars, [f"{m:.2f}" for m in medians])
    axis.set_xlim(0, _axis_limit(max((s.maximum / 100 for _, s in rows), default=0)))
    axis.set_xlabel("tarief per eenheid (euro): mediaan over gemeenten, lijn = min..max")
    axis.set_title("Tarieven per landelijk product" if rows else "Geen vertaalde prestaties met een tarief")
    fig.tight_layout()
    return fig
