"""English texts (on request: --lang en / PRODUCTCODES_LANG=en).

Same keys as validators.reporting.texts.nl.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "*.required": "{element} is missing in {parent} although {because}",
    "*.forbidden": "{element}{shown} must be empty because {because}",
    "*.overlap": "{what} {product} from {begin} overlaps an earlier {what} of the same product in this "
    "message ({other_begin}..{other_end})",
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
    "{ingediend} minus TotaalToegekendBedrag {toegekend} is {verschil}",
    "TR352": "Verzoek has neither an OngewijzigdProduct nor a TeWijzigenProduct: every current toewijzing "
    "of the client belongs in it",
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
    "in an earlier {berichtcode}",
    "TR063": "{item} for ToewijzingNummer '{nummer}' is deleted (StatusAanlevering 3) but no earlier "
    "delivery with the same key stands",
    "TR071": "StartProduct for ToewijzingNummer '{nummer}' cannot be deleted: a stop for it was already sent",
    "TR074": "{item} for ToewijzingNummer '{nummer}' repeats the key of an earlier delivery with "
    "StatusAanlevering 1; use 2 to change it",
    "TR304.toewijzing": "Bsn {bsn} differs from the Bsn {related} of toewijzing {nummer}",
    "TR304.prestatie": "Bsn {bsn} differs from the Bsn {related} of declared Prestatie {nummer}",
    "TR307": "ProductPeriode Begindatum {begin} lies before Ingangsdatum {ingang} of toewijzing {nummer}",
    "TR308": "ProductPeriode Einddatum {end} lies after Einddatum {toewijzing_end} of toewijzing {nummer}",
    "TR314.in_message": "ReferentieNummer '{referentie}' occurs more than once in this message",
    "TR314.earlier": "ReferentieNummer '{referentie}' was already used in an earlier declaration of "
    "aanbieder {aanbieder}",
    "TR318": "DeclaratiePeriode from {begin} does not follow the last one declared "
    "({last_begin}..{last_end}, DeclaratieNummer {nummer})",
    "TR319": "ProductPeriode Einddatum {end} lies after DeclaratiePeriode Einddatum {einde}",
    "TR321": "GeleverdVolume {volume} exceeds the {allowed} that toewijzing {nummer} (Volume {toegewezen}, "
    "Eenheid {eenheid}, Frequentie {frequentie}) allows for ProductPeriode {begin}..{end}",
    "TR322": "GeleverdVolume on toewijzing {nummer} adds up to {total} (Eenheid {eenheid}), more than the "
    "{allowed} it allows in total",
    "TR323.missing": "credit Prestatie '{referentie}' has no VorigReferentieNummer naming the debit it "
    "reverses",
    "TR323.unknown": "VorigReferentieNummer '{vorig}' names no earlier debit Prestatie of aanbieder "
    "{aanbieder}",
    "TR323.rejected": "VorigReferentieNummer '{vorig}' names a debit Prestatie that was rejected in "
    "declaration answer {nummer}",
    "TR326": "ToewijzingNummer '{nummer}' still has a current start (Begindatum {begin}) without a stop",
    "TR332": "ToewijzingNummer '{nummer}' was already used by gemeente {gemeente} for another client or "
    "product",
    "TR333": "DeclaratieNummer '{nummer}' was already used by aanbieder {aanbieder}",
    "TR337": "DeclaratieIdentificatie '{identificatie}' of {dagtekening} is no declaration message received "
    "from aanbieder {aanbieder}",
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
    "this gemeente",
    "TR351": "{item} names ToewijzingNummer {nummer}, which is not a current toewijzing of this client from "
    "this gemeente",
    "TR355": "ReferentieAanbieder '{referentie}' is in no request from aanbieder {aanbieder}",
    "TR357": "GewensteIngangsdatum {gewenst} is not after the Dagtekening {sent}, so it must be the "
    "Ingangsdatum {ingang} of toewijzing {nummer}",
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
    "must be its Ingangsdatum {ingang}, not {gewenst}",
    "TR373.volume": "total volume {old} -> {new} changes the whole toewijzing {nummer}, so "
    "GewensteIngangsdatum must be its Ingangsdatum {ingang}, not {gewenst}",
    "TR373.totaal": "the Omvang of a total toewijzing ({old} in total) changes the whole toewijzing "
    "{nummer}, so GewensteIngangsdatum must be its Ingangsdatum {ingang}, not {gewenst}",
    "TR374": "request '{referentie}' for this client is still being handled (no rejection and no toewijzing "
    "yet); a new request must wait",
    "TR376": "DeclaratieNummer '{nummer}' names no declaration received from aanbieder {aanbieder}",
    "TR379.unknown": "ReferentieAanbieder '{referentie}' names no request (JW315/JW317) of aanbieder "
    "{aanbieder}",
    "TR379.other_client": "ReferentieAanbieder '{referentie}' belongs to a request for another client",
    "TR379.honoured": "ReferentieAanbieder '{referentie}' was already honoured by toewijzing {nummer} of "
    "{datum}; only the first toewijzing after the request repeats it",
    "TR382": "StopProduct for ToewijzingNummer '{nummer}' with Begindatum {begin} matches no current start",
    "TR384": "ToewijzingNummer '{nummer}' was withdrawn with RedenWijziging {reden}",
    "TR385": "toewijzing {nummer} is withdrawn (RedenWijziging 13) while approved Prestatie '{referentie}' "
    "on it was not credited",
    "TR387": "ProductPeriode Begindatum {begin} is neither the first of the month nor the Ingangsdatum of "
    "toewijzing {nummer}",
    "TR388": "ProductPeriode Einddatum {end} is neither the last day of the month nor the Einddatum of "
    "toewijzing {nummer}",
    "TR389": "debit Prestatie '{referentie}' repeats ProductPeriode {begin}..{end} of toewijzing {nummer} "
    "already declared as '{old}', which was not credited",
    "TR390": "Prestatie '{vorig}' named in VorigReferentieNummer was already credited",
    "TR413": "ToewijzingNummer {nummer} from {begin} already has a temporary stop (RedenBeeindiging 20); a "
    "further stop needs another reden",
    "TR414": "Einddatum {end} lies before the Einddatum {standing_end} of the stop that stands for "
    "ToewijzingNummer {nummer} from {begin}",
    "TR415": "ToewijzingNummer {nummer} from {begin} is already stopped (RedenBeeindiging {reden}, Einddatum "
    "{end})",
    "TR418": "ProductTarief {tarief} differs from the contracted tariff {expected} for {product} of gemeente "
    "{gemeente} on {on}",
    "OP087": "Toewijzing {nummer} of this client is still valid on the Dagtekening {dagtekening} but is "
    "missing from this toewijzing message",
    "OP192.encoding": "The file is encoded in {encoding}, not UTF-8",
    "OP192.bom": "The file starts with a byte-order mark (BOM)",
    "OP192.line_ends": "{count} line end(s) are not CR/LF",
    "OP192.crowded": "More than one element on a line",
    "OP192.extension": "The file name does not end in .xml",
    "OP348.toewijzing": "Toewijzing {nummer} named in change request {referentie} is not in this "
    "message with that ReferentieAanbieder",
    "OP348.nieuw": "The new product {product} asked for in change request {referentie} is not assigned",
    "IV009.zonder_gebruik": "Geboortedatum {day} lies in 1900, the year written for an unknown date, but "
    "DatumGebruik is missing",
    "IV009.gebruik": "Geboortedatum {day} lies in 1900, the year written for an unknown date, but "
    "DatumGebruik is {gebruik}, not 3 (wholly unknown)",
    "TR135": "Dagtekening {day} lies after the system date {today}",
    "TR346": "IngediendBedrag {bedrag} is not GeleverdVolume {volume} × ProductTarief {tarief} = {expected}",
    "TR378.unknown": "gemeentecode {gemeentecode} is not in the CBS gemeente list",
    "TR378.ended": "gemeentecode {gemeentecode} is not a valid gemeente on the dates of this message "
    "({first} … {last})",
    "TR381.unknown": "ProductCode {productcode} is not in the product list in use for gemeente {gemeente} on "
    "{on}",
    "TR381.other_categorie": "ProductCode {productcode} does not belong to ProductCategorie {categorie} in "
    "the product list in use for gemeente {gemeente} on {on} (it is in categorie {elsewhere})",
    "PC001.variant": "Eenheid {eenheid} does not fit product {productcode}, which is {variant}",
    "PC001.product": "Eenheid {eenheid} is not an eenheid of product {productcode} ({allowed})",
    "PC002": "Frequentie {frequentie} is not allowed with Eenheid {eenheid} for {variant} product "
    "{productcode}",
    "PC010.one": "ProductCode {productcode} of gemeente {gemeente} is national product {nationaal}{naam}",
    "PC010.many": "ProductCode {productcode} of gemeente {gemeente} is national product {nationaal}{naam} "
    "({lines} lines)",
    "PC010.one_volume": "ProductCode {productcode} of gemeente {gemeente} is national product "
    "{nationaal}{naam}; volume {volume} (eenheid {eenheid}) is {converted} in national units",
    "PC010.many_volume": "ProductCode {productcode} of gemeente {gemeente} is national product "
    "{nationaal}{naam} ({lines} lines); volume {volume} (eenheid {eenheid}) is {converted} in national units",
    "*.schema": "{element} '{value}' does not conform: the schema requires {explain}",
    "XSD.libxml2": "{detail}",
    "RS047": "BerichtCode {berichtcode} does not belong to the namespace of {type}, which has BerichtCode "
    "{expected}",
    "RS010": "BerichtCode {berichtcode} is longer than 3 characters; the namespace of {type} has BerichtCode "
    "{expected}",
    "XML": "{detail}",
    "XML-UNSAFE": "{detail}",
    "BERICHT": "{detail}",
    "RELEASE": "{detail}",
    "FILE": "{detail}",
    "*.crash": "rule {rule} could not be evaluated ({error}); please report this as a bug",
}

HINTS: dict[str, str] = {
    "CD005": "Fill in LandCode when there is a Postcode; leave it out when there is none.",
    "CD007": "Fill in Taal with Vorm 1 (tolk taal) only, and then always.",
    "CD009": "Give only a temporary address (Soort 04) a Periode.",
    "CD025": "Fill in the house number (Huis) of a Dutch address.",
    "CD034": "Give a BRP address or verblijfadres an Adres with a Postcode.",
    "CD041": "State the Omvang (Volume, Eenheid, Frequentie) of a product with a ProductCode.",
    "CD043": "Fill in BeschikkingNummer and BeschikkingIngangsdatum together, or leave both out.",
    "CD060": "On a credit line, name the debit line it reverses in VorigReferentieNummer; leave it out on a "
    "debit.",
    "CD066": "Leave the referrer's Naam out when the ZorgverlenerCode is given.",
    "CD067": "Fill in the referrer's Naam, or give the ZorgverlenerCode.",
    "CD068": "Leave ZorgverlenerCode out, or choose a referrer Type of a care provider (02 to 05).",
    "CD075": "Give a product with a Budget an end date.",
    "CD076": "Give a product with a weekly volume an end date.",
    "CD077": "Choose Budget or Omvang: leave the Omvang out when there is a Budget.",
    "CD078": "Choose Budget or Omvang: leave the Budget out when there is an Omvang.",
    "CD079": "Name the Product (categorie, and code where known) when there is no Budget.",
    "CD080": "Leave the Omvang out of a toewijzing on categorie level that runs after 2020.",
    "CD085": "Give the RedenAfwijzingVerzoek of a rejected request.",
    "CD086": "Leave RedenAfwijzingVerzoek out while the request is under investigation.",
    "CD087": "Fill in ProductTarief, except with Eenheid 83 (euro's), where it stays empty.",
    "CD095": "Leave the Omvang out of a request on categorie level that runs after 2020.",
    "CD096": "Leave the Omvang out of a new product on categorie level that runs after 2020.",
    "CS002": "Check the BSN against its source (a typing error?), for example the BRP.",
    "CS003": "Put the end date on or after the begin date, or correct the begin date.",
    "CS050": "Choose a NaamGebruik that fits the presence or absence of a Partnernaam.",
    "CS058": "Use StatusAanlevering 1 for a new start or stop and 3 to delete one.",
    "CS089": "Write the postcode as 1234AB without a space, or check the LandCode.",
    "CS100": "Declare only periods from 1 January 2021 in release 3.2.",
    "CS139": "Write the unknown part of the birth date as DatumGebruik prescribes, or change DatumGebruik.",
    "CS318": "Use a NaamGebruik of a natural person (1 to 4) for a client.",
    "CS325": "Set DebetCredit to D for an amount of 0.",
    "CS335": "With RedenWijziging 13, make the Einddatum equal to the Ingangsdatum, or choose another reden.",
    "CS336": "Choose a RedenWijziging that is still in use.",
    "CS337": "Split the ProductPeriode so that it begins and ends in one calendar month.",
    "CS338": "Choose Frequentie 2 (per week), 4 (per month) or 6 (in total) for this unit.",
    "CS339": "With Eenheid 83 (euro's), make IngediendBedrag equal to GeleverdVolume.",
    "CS340": "Let the DeclaratiePeriode begin on the first of a month and end on its last day.",
    "CS343": "Choose Frequentie 2 (per week), 4 (per month) or 6 (in total) for this unit.",
    "TR002": "Check the birth date; mark an unknown date with the fitting DatumGebruik.",
    "TR006": "Give the Contact a phone number or an address with house number and postcode.",
    "TR018": "Put the Einddatum on or after the product's Begindatum.",
    "TR061": "Include at least one address of Soort 01, 02 or 03.",
    "TR101": "Remove the duplicate line or make its key unique (another ReferentieNummer, for example).",
    "TR134": "A date of something that happened lies on or before the Dagtekening; correct either.",
    "TR137": "Put the end date between the begin date and the message's Dagtekening.",
    "TR302": "Do not let toewijzingen of the same product overlap in time; change the dates or merge them.",
    "TR315": "Credit each Prestatie only once; remove the duplicate credit line.",
    "TR316": "Do not debit and credit the same Prestatie in one message; credit it in a later one.",
    "TR335": "Declare only care of the last five years; check the ProductPeriode.",
    "TR342": "Include only rejected Prestaties and make the totals agree: submitted minus granted is "
    "rejected.",
    "TR352": "Name every current toewijzing in the request, as OngewijzigdProduct or TeWijzigenProduct.",
    "TR353": "Include a TeWijzigenProduct or NieuwProduct, or do not send the request.",
    "TR358": "Add up the IngediendBedrag values again (credit negative) and put the sum in "
    "TotaalIngediendBedrag.",
    "TR377": "Fill in Woonplaatsbeginsel with the responsible gemeente.",
    "TR380": "Choose a GewensteIngangsdatum after the message's Dagtekening.",
    "TR383": "Give each AangevraagdProduct its own ReferentieAanbieder.",
    "TR386": "Do not let requests for the same product overlap in time; change the dates or merge them.",
    "TR409": "Leave Woonplaatsbeginsel out, or set RedenAfwijzingVerzoek to 8 when that is the reason.",
    "TR410": "Do not let new products of the same kind overlap in time.",
    "TR416": "Merge the debit lines, or credit the earlier line first.",
    "TR019": "Check the ToewijzingNummer: it must be a toewijzing this aanbieder received from this "
    "gemeente.",
    "TR056": "Give every message a new Identificatie.",
    "TR063": "Delete only a start or stop that was delivered before, with exactly the same key.",
    "TR071": "Delete the stop first; then the start can be deleted.",
    "TR074": "Use a new key, or delete the earlier delivery first (StatusAanlevering 3).",
    "TR307": "Let the ProductPeriode begin on or after the toewijzing's Ingangsdatum.",
    "TR308": "Let the ProductPeriode end on or before the toewijzing's Einddatum.",
    "TR318": "Declare the next period; an earlier or the same period cannot be declared again.",
    "TR319": "Put Prestaties of a later month in that month's declaration.",
    "TR321": "Declare no more volume than the toewijzing allows for the period; correct the volume or ask "
    "for a change of the toewijzing.",
    "TR322": "Lower the declared volume, or ask for a larger Omvang of the toewijzing.",
    "TR323": "Refer in VorigReferentieNummer to an earlier, not rejected debit Prestatie.",
    "TR326": "Send a stop for the current start first, or change that start.",
    "TR332": "Choose a ToewijzingNummer not used for another client or product.",
    "TR333": "Give the declaration a new DeclaratieNummer.",
    "TR337": "Copy the BerichtIdentificatie of the declaration being answered.",
    "TR338": "Check the ToewijzingNummer: it must be a toewijzing of this gemeente to this aanbieder.",
    "TR339": "Declare the ProductCategorie of the toewijzing.",
    "TR340": "Declare the ProductCode of the toewijzing.",
    "TR341": "Declare in the toewijzing's Eenheid (minutes are allowed on an hours toewijzing).",
    "TR347": "Give every request a new ReferentieAanbieder.",
    "TR349": "Include every current toewijzing of the client in the request.",
    "TR350": "Name as OngewijzigdProduct only current toewijzingen of the client.",
    "TR351": "Name as TeWijzigenProduct only current toewijzingen of the client.",
    "TR355": "Copy the ReferentieAanbieder of the request being answered.",
    "TR357": "Let a change that does not start in the future start on the toewijzing's Ingangsdatum.",
    "TR359": "Do not answer a request again once it was honoured with a toewijzing.",
    "TR360": "'In onderzoek' can only be the first answer; give a final answer now.",
    "TR361": "Do not let the same product overlap in time within one request.",
    "TR365": "Do not answer a request again after a final answer.",
    "TR366": "Include only Prestaties of the declaration being answered.",
    "TR367": "Copy the values of the declared Prestatie unchanged.",
    "TR369": "Declare no more than the toewijzing's Budget; lower the amounts or ask for a larger budget.",
    "TR371": "Copy the XsdVersie of the declaration being answered.",
    "TR373": "Let a change of budget or total volume start on the toewijzing's Ingangsdatum.",
    "TR374": "Wait with a new request until the earlier one is answered.",
    "TR375": "Leave the Omvang out when changing a budget toewijzing that runs after 2020.",
    "TR376": "Copy the DeclaratieNummer of the declaration being answered.",
    "TR379": "Copy the ReferentieAanbieder of the aanbieder's request for this client.",
    "TR382": "Repeat the key of the start unchanged in the stop (Bsn, ToewijzingNummer, Product, "
    "Begindatum).",
    "TR384": "Do not declare on a withdrawn toewijzing; check the ToewijzingNummer.",
    "TR385": "Have the approved Prestaties credited first, or do not withdraw the toewijzing.",
    "TR387": "Let the ProductPeriode begin on the first of the month, or on the toewijzing's later "
    "Ingangsdatum.",
    "TR388": "Let the ProductPeriode end on the last day of the month, or on the toewijzing's earlier "
    "Einddatum.",
    "TR389": "Credit the earlier debit line first, or do not declare again.",
    "TR390": "Credit each Prestatie only once.",
    "TR411": "State the Omvang when changing a toewijzing of a specific product.",
    "TR412": "Leave the Omvang out of a change on categorie level that runs after 2020.",
    "TR413": "Give another RedenBeeindiging than 20, or change the temporary stop that stands.",
    "TR414": "Choose an Einddatum on or after that of the stop that stands.",
    "TR415": "Change or delete the stop that stands instead of sending a new one.",
    "TR418": "Declare the contracted tariff, or have the contract in the registry updated.",
    "OP087": "Put every toewijzing of the client for this aanbieder that is still valid in each toewijzing "
    "message, the unchanged ones too.",
    "OP348": "When honouring a change request, include every toewijzing it names and every new product it "
    "asks for, with the request's ReferentieAanbieder.",
    "IV009": "If the birth date is unknown, set DatumGebruik 3; if the year really is 1900, have it checked.",
    "OP192": "Write the file as UTF-8 without BOM, with CR/LF line ends, one element per line and the "
    "extension .xml.",
    "TR135": "Check the Dagtekening: it cannot lie in the future.",
    "TR378": "Check the gemeentecode; use the code valid on the message's date.",
    "TR381": "Use a ProductCode of the gemeente's product list, under the right ProductCategorie.",
    "PC001": "Choose a unit that fits the product and its uitvoeringsvariant.",
    "PC002": "Choose a frequency that fits the unit and the product's uitvoeringsvariant.",
    "XML": "Have the file produced again by its source system; it is damaged or incomplete.",
    "XML-UNSAFE": "Deliver the message without DOCTYPE or entities.",
    "BERICHT": "Check that this is an iJw or iWmo message (namespace and BerichtCode).",
    "RELEASE": "Deliver the message in release 3.2.",
    "FILE": "Check that the file exists and can be read.",
    "*.crash": "Report this as a bug in the validator, with the message (BSNs made unrecognisable).",
    "*.schema": "Change the value so that it conforms; otherwise the whole message is rejected.",
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
    "0611": "tariff differs from the contract",
    "8017": "credit line refers to no valid debit line",
    "8021": "ReferentieNummer already used",
    "8187": "BSN does not match the earlier message",
    "8214": "declaration period does not follow on",
    "8848": "Dagtekening lies in the future",
    "9019": "unknown toewijzing in start or stop",
    "9056": "message identification already used",
    "9063": "delivery to delete is unknown",
    "9069": "stop matches no current start",
    "9071": "a start with a stop cannot be deleted",
    "9074": "delivery already exists",
    "9307": "prestatie begins before the toewijzing",
    "9308": "prestatie ends after the toewijzing",
    "9319": "prestatie lies after the declaration period",
    "9321": "delivered volume above the toewijzing for the period",
    "9322": "total declared volume above the toewijzing",
    "9326": "a start without a stop is still current",
    "9332": "toewijzing number already used for something else",
    "9333": "declaration number already used",
    "9338": "unknown toewijzing in the declaration",
    "9339": "product category differs from the toewijzing",
    "9340": "product code differs from the toewijzing",
    "9341": "unit differs from the toewijzing",
    "9346": "amount is not volume times tariff",
    "9347": "aanbieder's reference already used",
    "9349": "request does not name every current toewijzing",
    "9350": "unchanged product is no current toewijzing",
    "9351": "product to change is no current toewijzing",
    "9355": "answer belongs to no known request",
    "9357": "change does not start on the Ingangsdatum",
    "9359": "request already honoured",
    "9360": "'in onderzoek' only as the first answer",
    "9361": "products in the request overlap",
    "9365": "request already has a final answer",
    "9366": "prestatie not in the declaration answered",
    "9367": "prestatie differs from the declared one",
    "9369": "budget of the toewijzing exceeded",
    "9373": "change of budget or total does not start on the Ingangsdatum",
    "9374": "earlier request still being handled",
    "9375": "no Omvang with this budget toewijzing",
    "9379": "reference belongs to no request for this client",
    "9384": "toewijzing withdrawn",
    "9385": "a toewijzing with approved prestaties cannot be withdrawn",
    "9387": "product period begins on a day not allowed",
    "9388": "product period ends on a day not allowed",
    "9389": "period already declared and not credited",
    "9390": "prestatie already credited",
    "9411": "Omvang missing in the change",
    "9412": "no Omvang with this change on categorie level",
    "9413": "start already stopped temporarily",
    "9414": "end date before that of the stop that stands",
    "9415": "start already stopped for good",
    "S300": "gemeentecode not valid",
    "S329": "product code not in the product list in use",
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
