"""Bedrijfsregels (OP) and invulinstructies (IV) that no rule of this project checks, each with why.

`productcodes rules list` shows them beside the implemented rules, so a reader sees what a
"valid" verdict does not cover. Where parts of such a rule can be checked, the codes of the
rules that do so are named. The reasons are the project's own words; the codes, the message
numbers and the related rules are facts from the catalogue.
"""

from __future__ import annotations

# Why a rule is not checked here, by kind.
REASONS: dict[str, str] = {
    "T": "termijn in werkdagen na een moment buiten het bericht (ontvangst, start of einde van de zorg); "
    "een bericht zegt niet wanneer het ontvangen is",
    "A": "hangt af van afspraken, contracten of instemming tussen gemeente en aanbieder die in geen "
    "bericht staan",
    "W": "beschrijft hoe partijen werken of communiceren, of wat een ontvanger mag doen; geen eigenschap "
    "van een bericht",
    "F": "hangt af van feiten buiten het berichtenverkeer (de geleverde zorg, de situatie van de client)",
    "U": "invulinstructie: wat een machine ervan kan controleren, controleren het XSD en de genoemde regels",
    "V": "wat een machine ervan kan controleren, doen de genoemde regels; de rest hangt af van werkwijze "
    "of van feiten buiten het bericht",
    "X": "het XSD dwingt dit al af",
    "S": "gaat over het antwoordbericht; `productcodes respond` stelt dat zo op",
    "L": "de regel zegt zelf dat hij niet technisch wordt afgedwongen",
    "I": "een relatie heeft in de berichten geen vast kenmerk naast haar nummer: of dezelfde persoon een "
    "ander nummer kreeg, of een nummer bij een andere persoon, is uit de berichten niet vast te stellen",
    "Y": "het XSD dwingt het controleerbare deel al af; de rest is een afweging van de afzender die in geen "
    "bericht staat",
    "Z": "de waarde komt uit de XSD-uitgave waarmee de afzender het bericht maakte; er bestaan meerdere "
    "uitgaven met dezelfde namespace en het bericht zegt niet welke, dus elke goed gevormde versie kan "
    "juist zijn",
}

# code -> (kind, message numbers, implemented rules that check parts of it), space-separated.
UNCHECKED: dict[str, tuple[str, str, str]] = {
    "OP001": ("F", "301", ""),
    "OP002": ("F", "301", ""),
    "OP002x1": ("F", "301", ""),
    "OP002x2": ("F", "301", ""),
    "OP003": ("W", "301 305 307 315 317 319 323", ""),
    "OP011": ("F", "305", ""),
    "OP033": ("V", "305 307", "TR071 TR074"),
    "OP033x1": ("W", "301", ""),
    "OP033x2": ("V", "305 307", "CS058"),
    "OP039": ("W", "301 305 307 315 317 319 323 325", ""),
    "OP043": ("F", "301", ""),
    "OP047": (
        "W",
        "301 305 307 315 317 319 323 325",
        "TR002 TR056 TR063 TR101 TR134 TR135 TR137 TR371 TR375 TR378 TR381 TR411 TR412",
    ),
    "OP065": ("S", "302 306 308 316 318 320", ""),
    "OP071": ("I", "301", "TR101"),
    "OP072": ("V", "307", "TR018 TR019 TR382"),
    "OP076": ("Y", "301", ""),
    "OP079": ("X", "301 305 307 315 317 319 323 325", ""),
    "OP080": ("W", "301 305 307 315 317 319 323 325", ""),
    "OP086": ("W", "301", ""),
    "OP090": ("T", "302 306 308 316 318 320", ""),
    "OP090x2": ("W", "302 306 308 316 318 320", ""),
    "OP090x4": ("T", "325", "TR367"),
    "OP091": ("V", "301", "TR061"),
    "OP095": ("W", "301 305 307 315 317 319 323", ""),
    "OP130": ("V", "301", "TR006"),
    "OP155": ("V", "307", "TR382"),
    "OP179": ("L", "301 305 307 315 317 319 323 325", ""),
    "OP186": ("A", "301", ""),
    "OP191": ("W", "301 315", ""),
    "OP252": ("U", "301 305 307 315", ""),
    "OP254": ("W", "301 305 307 315 317 319 323 325", ""),
    "OP257": ("W", "301", ""),
    "OP258": ("W", "301", ""),
    "OP259": ("V", "301", "TR302"),
    "OP260": ("X", "301", ""),
    "OP261": ("A", "301", ""),
    "OP262": ("V", "323", "TR418"),
    "OP263": ("A", "323", ""),
    "OP264": ("A", "323", ""),
    "OP267": ("V", "323", "CS339 TR341 TR346 TR358"),
    "OP270": ("A", "305 307", ""),
    "OP271": ("T", "305", ""),
    "OP272": ("T", "307", ""),
    "OP274": ("T", "301 319", "TR379"),
    "OP275": ("V", "301", "TR332"),
    "OP276": ("V", "323", "TR307 TR308"),
    "OP279": ("V", "323", "TR307 TR308"),
    "OP280": ("V", "323", "CS340 TR319"),
    "OP281": ("X", "323", ""),
    "OP283": ("V", "323", "TR314 TR315 TR316 TR323"),
    "OP284": ("V", "323", "TR318"),
    "OP286": ("W", "301 305 307 315 317 319 323", ""),
    "OP288": ("V", "305 307", "TR382"),
    "OP289": ("V", "305 307", "TR326"),
    "OP295": ("W", "305 307", ""),
    "OP296": ("A", "315", ""),
    "OP297": ("V", "315", "CD066 CD067 CD068"),
    "OP298": ("A", "301", ""),
    "OP299": ("A", "301", ""),
    "OP302": ("V", "323", "TR338 TR339 TR340 TR369"),
    "OP303": ("V", "323", "TR342 TR366"),
    "OP304": ("S", "325", ""),
    "OP305": ("A", "301", ""),
    "OP306": ("W", "317", ""),
    "OP307": ("F", "315", ""),
    "OP308": ("V", "317", "TR349 TR350 TR351 TR352 TR353"),
    "OP343": ("V", "317", "TR380"),
    "OP344": ("V", "301 319", "TR355 TR359 TR360 TR365 TR379"),
    "OP345": ("V", "317", "TR357 TR373"),
    "OP346": ("T", "301 319", "TR359 TR360 TR365"),
    "OP347": ("V", "301 315 317 319", "TR361 TR386 TR410"),
    "OP349": ("V", "323", "TR333"),
    "OP350": ("V", "315 317", "TR374"),
    "OP354": ("V", "323", "TR335"),
    "OP355": ("V", "325", "TR337 TR376"),
    "OP359": ("T", "319", "TR377 TR409"),
    "OP360": ("V", "323", "TR390"),
    "OP361": ("V", "315 317", "TR347 TR383"),
    "OP362": ("V", "301", "TR385"),
    "OP363": ("V", "305 307", "TR019"),
    "OP364": ("W", "305 307 323", ""),
    "OP365": ("V", "323", "TR321 TR322"),
    "OP366": ("V", "323", "TR321 TR322"),
    "OP367": ("V", "323", "CS337"),
    "OP368": ("V", "323", "TR387 TR388"),
    "OP377": ("V", "307", "TR414 TR415"),
    "OP378": ("V", "307", "TR413"),
    "OP379": ("W", "305 307", ""),
    "OP380": ("W", "301", ""),
    "IV002": ("U", "301", ""),
    "IV007": ("U", "301", ""),
    "IV008": ("V", "305 307", "TR326"),
    "IV013": ("U", "301", ""),
    "IV024": ("X", "301 315 317 323 325", ""),
    "IV028": ("S", "302 306 308 316 318 320", "TR063"),
    "IV032": ("S", "302 306 308 316 318 320", ""),
    "IV033": ("S", "325", ""),
    "IV034": ("Z", "301 305 307 315 317 319 323 325", "RS048"),
    "IV042": ("U", "301 315 317 323", ""),
    "IV045": ("U", "301", ""),
    "IV046": ("U", "301 305 307 315 317 319 323 325", ""),
    "IV047": ("F", "301", ""),
    "IV052": ("F", "315", ""),
    "IV066": ("U", "301", ""),
    "IV074": ("U", "301", ""),
    "IV075": ("U", "301 305 307 315 317 323", ""),
    "IV076": ("U", "323", ""),
    "IV077": ("U", "323", ""),
    "IV078": ("U", "323", ""),
    "IV079": ("F", "323", ""),
    "IV081": ("V", "323", "TR346"),
    "IV084": ("U", "323", ""),
    "IV085": ("U", "323", ""),
    "IV086": ("U", "323", ""),
    "IV087": ("S", "325", "TR342"),
    "IV088": ("S", "325", ""),
    "IV089": ("U", "323", ""),
    "IV090": ("U", "323", ""),
    "IV091": ("U", "323", ""),
    "IV092": ("U", "317", ""),
    "IV093": ("U", "301", ""),
    "IV094": ("U", "301", ""),
    "IV095": ("U", "319", ""),
    "IV096": ("U", "305 307", ""),
    "IV097": ("U", "301", ""),
    "IV099": ("U", "301", ""),
}


def reason(code: str) -> str:
    """The reason `code` is not checked, naming the rules that check parts of it."""
    kind, _, covered = UNCHECKED[code]
    text = REASONS[kind]
    return f"{text} (controleerbare delen: {', '.join(covered.split())})" if covered else text


def applies_to(code: str, number: str) -> bool:
    """Whether the catalogue lists `code` for message number `number` ("323")."""
    return number in UNCHECKED[code][1].split()
