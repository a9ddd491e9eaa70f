from datetime import date

from productcodes.codelists import format_number
from validators.columns import stripped
from validators.findings import Severity
from validators.registry import Level, rule
from validators.rules.registry._products import MESSAGES, where_products
from validators.snapshot import converted_volume


def _wanted(message_type) -> dict[str, list[str]]:
    _, classes = where_products(message_type.number)
    return {c.name: [p for p in c.paths if p] for c in classes}


@rule("PC010", retourcode=None, messages=MESSAGES, level=Level.REGISTRY, severity=Severity.INFO,
      needs=("registry",), columns=_wanted)
def pc010(ctx, bericht):
    """Tells which national product a municipal product code maps to, with the volume in national units.

    Once per product, eenheid and date in the message, on its first line: a declaration of
    100,000 lines would otherwise carry 100,000 times the same sentence.
    """
    if not ctx.registry.provides("products"):
        return
    gemeente, classes = where_products(ctx.message.message_type.number, ctx)
    if gemeente is None:
        return
    for product_class in classes:
        for (categorie, code, on, eenheid), (first, lines, volume) in _groups(ctx, product_class).items():
            found = ctx.registry.national_for(gemeente, categorie, code, on)
            if found is None:
                continue
            mapping, national = found
            naam = f" ({national.naam})" if national is not None else ""
            message = f"ProductCode {code} of gemeente {gemeente} is national product {mapping.nationale_code}{naam}"
            if lines > 1:
                message += f" ({lines} lines)"
            if volume is not None and mapping.factor is not None:
                converted = format_number(converted_volume(volume, mapping.factor))
                message += f"; volume {volume} (eenheid {eenheid}) is {converted} in national units"
            yield ctx.finding(first, message)


def _groups(ctx, product_class) -> dict[tuple, list]:
    """(categorie, code, date, eenheid) -> [first element, lines, total volume or None]."""
    cat, code, on, volume, eenheid = product_class.paths[:5]
    columns = ctx.columns.columns(product_class.name, [p for p in (cat, code, on, volume, eenheid) if p])
    none = [""] * columns.size
    groups: dict[tuple, list] = {}
    rows = zip(columns[cat], columns[code], columns[on], columns[volume] if volume else none, columns[eenheid])
    for i, (c, p, d, v, e) in enumerate(rows):
        key = (c, p, d, e)
        group = groups.get(key)
        if group is None:
            group = groups[key] = [i, 0, 0]
        group[1] += 1
        group[2] = _add(group[2], v)
    merged: dict[tuple, list] = {}  # texts that differ only in surrounding whitespace are one product
    for (c, p, d, e), (i, lines, total) in groups.items():
        key = (stripped(c), stripped(p), _date(d), stripped(e))
        if not key[0] or not key[1] or key[2] is None:
            continue
        known = merged.get(key)
        if known is None:
            merged[key] = [i, lines, total]
        else:
            known[0], known[1] = min(known[0], i), known[1] + lines
            known[2] = None if known[2] is None or total is None else known[2] + total
    return {key: [columns.node(i), lines, total] for key, (i, lines, total) in
            sorted(merged.items(), key=lambda item: item[1][0])}


def _add(total: int | None, value: str) -> int | None:
    text = stripped(value)
    try:
        return None if total is None or not text else total + int(text)
    except ValueError:
        return None


def _date(value: str) -> date | None:
    text = stripped(value)
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
