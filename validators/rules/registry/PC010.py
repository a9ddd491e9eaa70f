from iwmo_ijw.xpath import int_of, text
from validators.findings import Severity
from productcodes.codelists import format_number
from validators.registry import Level, rule
from validators.rules.registry._products import MESSAGES, product_uses
from validators.snapshot import converted_volume


@rule("PC010", retourcode=None, messages=MESSAGES, level=Level.REGISTRY, severity=Severity.INFO,
      needs=("registry",))
def pc010(ctx, bericht):
    """Tells which national product a municipal product code maps to, with the volume in national units."""
    if not ctx.registry.provides("products"):
        return
    for use in product_uses(ctx):
        if use.gemeente is None:
            continue
        found = ctx.registry.national_for(use.gemeente, use.categorie, use.code, use.on)
        if found is None:
            continue
        mapping, national = found
        naam = f" ({national.naam})" if national is not None else ""
        message = f"ProductCode {use.code} of gemeente {use.gemeente} is national product {mapping.nationale_code}{naam}"
        volume = int_of(use.node, use.volume_path) if use.volume_path else None
        if volume is not None and mapping.factor is not None:
            eenheid = text(use.node, use.eenheid_path)
            converted = format_number(converted_volume(volume, mapping.factor))
            message += f"; volume {volume} (eenheid {eenheid}) is {converted} in national units"
        yield ctx.finding(use.node, message)
