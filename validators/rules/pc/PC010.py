from collections import Counter

from productcodes.codelists import format_number
from validators.findings import Severity
from validators.rules.context import said
from validators.rules.pc._products import MESSAGES, where_products
from validators.rules.registry import Level, rule
from validators.rules.values import date_of, int_of, text
from validators.sources.snapshot import converted_volume


def _wanted(message_type) -> dict[str, list[str]]:
    _, classes = where_products(message_type.number)
    return {c.name: [p for p in c.paths if p] for c in classes}


def _finish(ctx, products: dict):
    """The sentence per product, once the whole message (every chunk of it) is counted."""
    for (_, gemeente, _categorie, code, _on, eenheid), entry in products.items():
        if entry is None:
            continue
        place, lines, volume, found = entry
        mapping, national = found
        naam = f" ({national.naam})" if national is not None else ""
        values = {
            "productcode": code,
            "gemeente": gemeente,
            "nationaal": mapping.nationale_code,
            "naam": naam,
            "lines": lines,
            "eenheid": eenheid,
        }
        if volume is not None and mapping.factor is not None:
            values.update(volume=volume, converted=format_number(converted_volume(volume, mapping.factor)))
        kind = ("many" if lines > 1 else "one") + ("_volume" if "volume" in values else "")
        yield said(place, key=kind, **values)


@rule(
    "PC010",
    retourcode=None,
    messages=MESSAGES,
    level=Level.REGISTRY,
    severity=Severity.INFO,
    needs=("registry:producten",),
    columns=_wanted,
    state=dict,
    finish=_finish,
)
def pc010(ctx, bericht):
    """Tells which national product a municipal product code maps to, with the volume in national units.

    Once per product, eenheid and date in the message, on its first line: a declaration of
    100,000 lines would otherwise carry 100,000 times the same sentence.
    """
    gemeente, classes = where_products(ctx.message.message_type.number, ctx)
    if gemeente is None:
        return
    # Per product (in the order of its first line): [where its first line is, lines, summed volume,
    # (mapping, national product)], or None when it maps to no national product.
    products = ctx.state
    for product_class in classes:
        groups = _Groups(ctx, product_class)
        for (categorie, code, on, eenheid), (first, lines, raw_keys) in groups.products().items():
            key = (product_class.name, gemeente, categorie, code, on, eenheid)
            if key not in products:
                found = ctx.registry.national_for(gemeente, categorie, code, on)
                products[key] = (
                    None if found is None else [ctx.placed(groups.columns.node(first)), 0, 0, found]
                )
            known = products[key]
            if known is None:
                continue  # no national product: nothing to tell
            known[1] += lines
            if (
                known[3][0].factor is not None and known[2] is not None
            ):  # volumes are told only when converted
                volume = groups.volume(raw_keys)
                known[2] = None if volume is None else known[2] + volume
    return ()


class _Groups:
    """The lines of one product class grouped by (categorie, code, date, eenheid), in C where it can."""

    def __init__(self, ctx, product_class):
        cat, code, on, self._volume_path, eenheid = product_class.paths[:5]
        self.columns = ctx.columns.columns(
            product_class.name, [p for p in (cat, code, on, self._volume_path, eenheid) if p]
        )
        columns = (self.columns[cat], self.columns[code], self.columns[on], self.columns[eenheid])
        self.keys = list(zip(*columns, strict=True))
        self._totals: dict[tuple, int | None] | None = None

    def products(self) -> dict[tuple, tuple[int, int, list[tuple]]]:
        """(categorie, code, date, eenheid) -> (first line, lines, the raw keys merged into it);
        texts that differ only in surrounding whitespace are one product."""
        counts = Counter(self.keys)
        if len(counts) <= 64:  # a few products: find each first line by a scan in C
            first = {key: self.keys.index(key) for key in counts}
        else:
            first = dict(zip(reversed(self.keys), range(len(self.keys) - 1, -1, -1), strict=True))
        merged: dict[tuple, list] = {}
        for raw in sorted(counts, key=first.__getitem__):
            c, p, d, e = raw
            key = (text(c), text(p), date_of(d), text(e))
            if key[0] and key[1] and key[2] is not None:
                entry = merged.setdefault(key, [first[raw], 0, []])
                entry[1] += counts[raw]
                entry[2].append(raw)
        return {key: tuple(entry) for key, entry in merged.items()}

    def volume(self, raw_keys: list[tuple]) -> int | None:
        """The summed GeleverdVolume of those lines; None when one of them has none."""
        if not self._volume_path:
            return None
        if self._totals is None:
            self._totals = {}
            # Summed per distinct (key, volume): a month's lines repeat a few volumes per product.
            for (key, value), lines in Counter(
                zip(self.keys, self.columns[self._volume_path], strict=True)
            ).items():
                self._totals[key] = _add(self._totals.get(key, 0), value, lines)
        totals = [self._totals[k] for k in raw_keys]
        return None if None in totals else sum(totals)


def _add(total: int | None, value: str, lines: int) -> int | None:
    volume = int_of(value)
    return None if total is None or volume is None else total + volume * lines
