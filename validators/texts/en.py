"""English texts (on request: --lang en / PRODUCTCODES_LANG=en). Same keys as validators.texts.nl."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "*.required": "{element} is missing in {parent} although {because}",
    "*.forbidden": "{element}{shown} must be empty because {because}",
    "*.overlap": "{what} {product} from {begin} overlaps an earlier {what} of the same product in this "
                 "message "
                 "({other_begin}..{other_end})",
    "CD034.no_adres": "Postcode is missing (no Adres) although Soort is {soort}",
    "CS002": "Bsn {bsn} does not pass the elfproef",
    "CS003": "{end} {stop} lies before {begin} {start}",
    "CS050.partner": "NaamGebruik {gebruik} is not allowed when a Partnernaam is given (allowed: {allowed})",
    "CS050.no_partner": "NaamGebruik {gebruik} is not allowed when no Partnernaam is given (allowed: "
                        "{allowed})",
    "CS058": "StatusAanlevering {status} is not allowed here; use 1 (eerste aanlevering) or 3 (verwijderen)",
    "CS089": "Postcode '{postcode}' is not a Dutch postcode (1234AB) although LandCode is NL",
    "CS100": "{parent}/{element} {day} lies before {first}",
    "CS139.gebruik1": "Datum {day} does not match DatumGebruik 1: it must be the first of the month",
    "CS139.gebruik2": "Datum {day} does not match DatumGebruik 2: it must be 1 January",
    "CS139.gebruik3": "Datum {day} does not match DatumGebruik 3: it must be 1900-01-01",
    "CS318": "NaamGebruik 6 (niet-natuurlijk persoon) is not allowed for a Client",
    "CS325": "{element} is 0 but DebetCredit is {debet_credit}, not D",
    "CS335": "RedenWijziging 13 (verwijderd) needs Einddatum equal to Ingangsdatum {start}; Einddatum is "
             "{end}",
    "CS336": "RedenWijziging 01 (administratieve correctie) may no longer be used",
    "CS337": "ProductPeriode/Einddatum {end} is not in the month of Begindatum {start}",
    "CS338": "Frequentie {frequentie} is not allowed with Eenheid {eenheid} after 2020: use 2 (per week), "
             "4 (per maand) or 6 (totaal binnen de geldigheidsduur)",
    "CS339": "IngediendBedrag {bedrag} differs from GeleverdVolume {volume} although Eenheid is 83 (euro's)",
    "CS340": "DeclaratiePeriode {start}..{end} is not one whole calendar month",
    "CS343": "Frequentie {frequentie} is not allowed with Eenheid {eenheid} after 2020: use 2 (per week), "
             "4 (per maand) or 6 (totaal binnen de geldigheidsduur)",
    "TR002": "Geboortedatum {day} lies more than 120 years before the Dagtekening {sent}",
    "TR006": "Contact has neither a Telefoon nor an Adres with Huis and Postcode",
    "TR018": "Einddatum {end} lies before Begindatum {start}",
    "TR061": "Client has no Contact of Soort 01, 02 or 03 (found: {found})",
    "TR101": "{name} with {shown} occurs more than once under the same parent",
    "TR134": "{element} {day} lies after the Dagtekening {sent}",
    "TR137.before_begin": "{parent}/Einddatum {end} lies before Begindatum {start}",
    "TR137.after_sent": "{parent}/Einddatum {end} lies after the Dagtekening {sent}",
    "TR315": "VorigReferentieNummer '{nummer}' is credited more than once in this message",
    "TR316": "VorigReferentieNummer '{nummer}' credits a Prestatie declared in this same message",
    "TR335": "ProductPeriode/Einddatum {end} lies more than five years before DeclaratieDagtekening "
             "{declared}",
    "TR342.accepted": "a Prestatie that was accepted (only RetourCode 0200) does not belong in the answer",
    "TR342.rejected": "TotaalToegekendBedrag is {toegekend} although the DeclaratieAntwoord is rejected; it "
                      "must be 0",
    "TR342.difference": "the rejected Prestaties add up to {afgewezen}, but TotaalIngediendBedrag "
                        "{ingediend} minus "
                        "TotaalToegekendBedrag {toegekend} is {verschil}",
    "TR352": "Verzoek has neither an OngewijzigdProduct nor a TeWijzigenProduct: every current toewijzing of "
             "the "
             "client belongs in it",
    "TR353": "Verzoek asks for no change: it has neither a TeWijzigenProduct nor a NieuwProduct",
    "TR358": "TotaalIngediendBedrag {total} is not the sum of the IngediendBedrag values ({som})",
    "TR377": "Woonplaatsbeginsel is missing although RedenAfwijzingVerzoek is 8 (woonplaatsbeginsel)",
    "TR380": "GewensteIngangsdatum {day} is not after the Dagtekening {sent}",
    "TR383": "ReferentieAanbieder '{referentie}' is used for more than one AangevraagdProduct",
    "TR409": "Woonplaatsbeginsel must be left out because RedenAfwijzingVerzoek is {reden}, not 8",
    "TR416": "a second debit Prestatie for ToewijzingNummer {nummer}, product {product} and ProductPeriode "
             "{begin}..{end}",
    "TR019": "ToewijzingNummer '{nummer}' in {item} is not a toewijzing of gemeente {gemeente} to aanbieder "
             "{aanbieder}",
    "TR056": "BerichtIdentificatie/Identificatie '{identificatie}' was already used by Afzender {afzender} "
             "in an "
             "earlier {berichtcode}",
    "TR063": "{item} for ToewijzingNummer '{nummer}' is deleted (StatusAanlevering 3) but no earlier "
             "delivery with "
             "the same key stands",
    "TR071": "StartProduct for ToewijzingNummer '{nummer}' cannot be deleted: a stop for it was already sent",
    "TR074": "{item} for ToewijzingNummer '{nummer}' repeats the key of an earlier delivery with "
             "StatusAanlevering "
             "1; use 2 to change it",
    "TR304.toewijzing": "Bsn {bsn} differs from the Bsn {related} of toewijzing {nummer}",
    "TR304.prestatie": "Bsn {bsn} differs from the Bsn {related} of declared Prestatie {nummer}",
    "TR307": "ProductPeriode Begindatum {begin} lies before Ingangsdatum {ingang} of toewijzing {nummer}",
    "TR308": "ProductPeriode Einddatum {end} lies after Einddatum {toewijzing_end} of toewijzing {nummer}",
    "TR314.in_message": "ReferentieNummer '{referentie}' occurs more than once in this message",
    "TR314.earlier": "ReferentieNummer '{referentie}' was already used in an earlier declaration of "
                     "aanbieder "
                     "{aanbieder}",
    "TR318": "DeclaratiePeriode from {begin} does not follow the last one declared "
             "({last_begin}..{last_end}, "
             "DeclaratieNummer {nummer})",
    "TR319": "ProductPeriode Einddatum {end} lies after DeclaratiePeriode Einddatum {einde}",
    "TR321": "GeleverdVolume {volume} exceeds the {allowed} that toewijzing {nummer} (Volume {toegewezen}, "
             "Eenheid "
             "{eenheid}, Frequentie {frequentie}) allows for ProductPeriode {begin}..{end}",
    "TR322": "GeleverdVolume on toewijzing {nummer} adds up to {total} (Eenheid {eenheid}), more than the "
             "{allowed} it allows in total",
    "TR323.missing": "credit Prestatie '{referentie}' has no VorigReferentieNummer naming the debit it "
                     "reverses",
    "TR323.unknown": "VorigReferentieNummer '{vorig}' names no earlier debit Prestatie of aanbieder "
                     "{aanbieder}",
    "TR323.rejected": "VorigReferentieNummer '{vorig}' names a debit Prestatie that was rejected in "
                      "declaration "
                      "answer {nummer}",
    "TR326": "ToewijzingNummer '{nummer}' still has a current start (Begindatum {begin}) without a stop",
    "TR332": "ToewijzingNummer '{nummer}' was already used by gemeente {gemeente} for another client or "
             "product",
    "TR333": "DeclaratieNummer '{nummer}' was already used by aanbieder {aanbieder}",
    "TR337": "DeclaratieIdentificatie '{identificatie}' of {dagtekening} is no declaration message received "
             "from "
             "aanbieder {aanbieder}",
    "TR338": "ToewijzingNummer '{nummer}' is not a toewijzing of gemeente {gemeente} to aanbieder "
             "{aanbieder}",
    "TR339": "ProductCategorie '{categorie}' differs from categorie '{expected}' of toewijzing {nummer}",
    "TR340": "ProductCode '{productcode}' differs from code '{expected}' of toewijzing {nummer}",
    "TR341": "Eenheid '{eenheid}' does not fit Eenheid '{expected}' of toewijzing {nummer}",
    "TR347": "ReferentieAanbieder '{referentie}' was already used in an earlier {berichtcode} of this "
             "aanbieder",
    "TR349": "current toewijzing {nummer} ({product}) is neither an OngewijzigdProduct nor a "
             "TeWijzigenProduct",
    "TR350": "{item} names ToewijzingNummer {nummer}, which is not a current toewijzing of this client from "
             "this "
             "gemeente",
    "TR351": "{item} names ToewijzingNummer {nummer}, which is not a current toewijzing of this client from "
             "this "
             "gemeente",
    "TR355": "ReferentieAanbieder '{referentie}' is in no request from aanbieder {aanbieder}",
    "TR357": "GewensteIngangsdatum {gewenst} is not after the Dagtekening {sent}, so it must be the "
             "Ingangsdatum "
             "{ingang} of toewijzing {nummer}",
    "TR359": "ReferentieAanbieder '{referentie}' was already answered with toewijzing {nummer}",
    "TR360": "VerzoekAntwoord {antwoord} for ReferentieAanbieder '{referentie}', which was answered before",
    "TR361": "product {product} from {begin} overlaps another product of the same kind in this request "
             "({other_begin}..{other_end})",
    "TR365": "ReferentieAanbieder '{referentie}' already had a final answer (VerzoekAntwoord {antwoord})",
    "TR366": "ReferentieNummer '{referentie}' is no Prestatie of declaration {nummer}",
    "TR367": "{element} {answered} differs from the declared {declared} of Prestatie '{referentie}'",
    "TR369": "IngediendBedrag on toewijzing {nummer} adds up to {total} cents, more than its Budget of "
             "{budget}",
    "TR371": "XsdVersieDeclaratie {answered} differs from the XsdVersie {declared} of declaration {nummer}",
    "TR373.budget": "Budget {old} -> {new} changes the whole toewijzing {nummer}, so GewensteIngangsdatum "
                    "must be its "
                    "Ingangsdatum {ingang}, not {gewenst}",
    "TR373.volume": "total volume {old} -> {new} changes the whole toewijzing {nummer}, so "
                    "GewensteIngangsdatum must "
                    "be its Ingangsdatum {ingang}, not {gewenst}",
    "TR374": "request '{referentie}' for this client is still being handled (no rejection and no toewijzing "
             "yet); a "
             "new request must wait",
    "TR376": "DeclaratieNummer '{nummer}' names no declaration received from aanbieder {aanbieder}",
    "TR379.unknown": "ReferentieAanbieder '{referentie}' names no request (JW315/JW317) of aanbieder "
                     "{aanbieder}",
    "TR379.other_client": "ReferentieAanbieder '{referentie}' belongs to a request for another client",
    "TR382": "StopProduct for ToewijzingNummer '{nummer}' with Begindatum {begin} matches no current start",
    "TR384": "ToewijzingNummer '{nummer}' was withdrawn with RedenWijziging {reden}",
    "TR385": "toewijzing {nummer} is withdrawn (RedenWijziging 13) while approved Prestatie '{referentie}' "
             "on it "
             "was not credited",
    "TR387": "ProductPeriode Begindatum {begin} is neither the first of the month nor the Ingangsdatum of "
             "toewijzing {nummer}",
    "TR388": "ProductPeriode Einddatum {end} is neither the last day of the month nor the Einddatum of "
             "toewijzing "
             "{nummer}",
    "TR389": "debit Prestatie '{referentie}' repeats ProductPeriode {begin}..{end} of toewijzing {nummer} "
             "already "
             "declared as '{old}', which was not credited",
    "TR390": "Prestatie '{vorig}' named in VorigReferentieNummer was already credited",
    "TR413": "ToewijzingNummer {nummer} from {begin} already has a temporary stop (RedenBeeindiging 20); a "
             "further "
             "stop needs another reden",
    "TR414": "Einddatum {end} lies before the Einddatum {standing_end} of the stop that stands for "
             "ToewijzingNummer "
             "{nummer} from {begin}",
    "TR415": "ToewijzingNummer {nummer} from {begin} is already stopped (RedenBeeindiging {reden}, Einddatum "
             "{end})",
    "TR418": "ProductTarief {tarief} differs from the contracted tariff {expected} for {product} of gemeente "
             "{gemeente} on {on}",
    "TR135": "Dagtekening {day} lies after the system date {today}",
    "TR346": "IngediendBedrag {bedrag} is not GeleverdVolume {volume} × ProductTarief {tarief} = {expected}",
    "TR378.unknown": "gemeentecode {gemeentecode} is not in the CBS gemeente list",
    "TR378.ended": "gemeentecode {gemeentecode} is not a valid gemeente on the dates of this message "
                   "({first} … {last})",
    "TR381.unknown": "ProductCode {productcode} is not in the product list in use for gemeente {gemeente} on "
                     "{on}",
    "TR381.other_categorie": "ProductCode {productcode} does not belong to ProductCategorie {categorie} in "
                             "the product list "
                             "in use for gemeente {gemeente} on {on} (it is in categorie {elsewhere})",
    "PC001.variant": "Eenheid {eenheid} does not fit product {productcode}, which is {variant}",
    "PC001.product": "Eenheid {eenheid} is not an eenheid of product {productcode} ({allowed})",
    "PC002": "Frequentie {frequentie} is not allowed with Eenheid {eenheid} for {variant} product "
             "{productcode}",
    "PC010.one": "ProductCode {productcode} of gemeente {gemeente} is national product {nationaal}{naam}",
    "PC010.many": "ProductCode {productcode} of gemeente {gemeente} is national product {nationaal}{naam} "
                  "({lines} lines)",
    "PC010.one_volume": "ProductCode {productcode} of gemeente {gemeente} is national product "
                        "{nationaal}{naam}; volume "
                        "{volume} (eenheid {eenheid}) is {converted} in national units",
    "PC010.many_volume": "ProductCode {productcode} of gemeente {gemeente} is national product "
                         "{nationaal}{naam} ({lines} "
                         "lines); volume {volume} (eenheid {eenheid}) is {converted} in national units",
    "*.schema": "{element} '{value}' does not conform: the schema requires {explain}",
    "XSD.libxml2": "{detail}",
    "XML": "{detail}",
    "XML-UNSAFE": "{detail}",
    "BERICHT": "{detail}",
    "RELEASE": "{detail}",
    "FILE": "{detail}",
    "*.crash": "rule {rule} could not be evaluated ({error}); please report this as a bug",
}

HINTS: dict[str, str] = {
    "*.required": "Fill in the missing element, or change the value that makes it mandatory.",
    "*.forbidden": "Leave the element out, or change the value that rules it out here.",
    "*.overlap": "Do not let periods of the same product overlap: change a begin or end date or merge the "
                 "lines.",
    "TR346": "Correct the volume, the tariff or the amount, so that IngediendBedrag = GeleverdVolume × "
             "ProductTarief.",
    "TR304": "Check the BSN: it must be the one in the message referred to.",
    "TR314": "Give each Prestatie a ReferentieNummer the aanbieder has not used before.",
    "XSD": "Make the message fit the iJw/iWmo 3.2 schema (XSD); otherwise the whole message is rejected.",
    "PC010": "For information; nothing needs to change.",
}

SCHEMA: dict[str, str] = {}  # filled from the constraints' own English `explain`

RETOURCODES: dict[str, str] = {
    "0001": "message or line breaks a rule within the message",
    "0200": "line accepted",
    "8187": "BSN does not match the earlier message",
    "9346": "amount is not volume times tariff",
}

CODES: dict[str, str] = {
    "XML": "The file is not well-formed XML.",
    "XML-UNSAFE": "The file contains a DOCTYPE or entity declaration and is refused unread.",
    "BERICHT": "The file is not a recognised iJw/iWmo message.",
    "RELEASE": "The message belongs to a release that is not supported.",
    "XSD": "The message does not conform to its XSD.",
    "FILE": "The file could not be read.",
    "PARSE": "The file could not be read.",
}
