# tellpoint in het Nederlands: de woorden van elke pagina en elke e-mail.
# Variabelen staan als { $naam }; laat ze staan, verplaats ze waar de zin dat vraagt.

## Over de taal zelf
language-name = Nederlands
number-grouping = dot
decimal-separator = ,
percent = { $n }%
month-short = { $m ->
    [1] jan.
    [2] feb.
    [3] mrt.
    [4] apr.
    [5] mei
    [6] jun.
    [7] jul.
    [8] aug.
    [9] sep.
    [10] okt.
    [11] nov.
   *[12] dec.
}
month-long = { $m ->
    [1] januari
    [2] februari
    [3] maart
    [4] april
    [5] mei
    [6] juni
    [7] juli
    [8] augustus
    [9] september
    [10] oktober
    [11] november
   *[12] december
}
date-short = { $day } { $month }
date-long = { $day } { $month } { $year }


## Pages, mails and charts

submit = Versturen
save = Opslaan en later verdergaan
required = verplicht
optional = optioneel
dont_know = Weet ik niet
since = Geteld vanaf versie { $v } van de vragenlijst: toen veranderde de betekenis van de vraag.
no_longer_offered = niet meer aangeboden
yes = Ja
no = Nee
problem = Er is een probleem
problem_intro = Sommige antwoorden moeten worden bekeken. Er is nog niets verstuurd.
err_required = Beantwoord deze vraag.
err_choice = Kies een van de opties.
err_max_picks = Te veel keuzes.
err_range = Kies een waarde binnen het bereik.
err_slider = Geef een getal van 0 tot 100.
err_slider_required = Beantwoord deze vraag: schuif naar waar het past, of kies een stap.
err_triad = Geef drie hele getallen van 0 tot 100 die samen 100 zijn.
err_story_long = Deze tekst is te lang.
triad_hint = Verdeel 100 punten over de drie: hoeveel van elk past bij wat er gebeurde?
slider_hint = 0 is helemaal links, 100 helemaal rechts.
slider_none = Geen antwoord
slider_unset = niet ingesteld: schuif om te antwoorden
slider_clear = Mijn antwoord weghalen
max_picks = Kies er hoogstens
max_chars = Maximaal { $n } tekens
thanks_title = Dank je wel
receipt_title = Wil je een antwoord? Bewaar deze ontvangstcode
receipt_intro = Met deze ontvangstcode kun je lezen en beantwoorden wat de moderatoren van deze campagne over je reactie schrijven. Zij weten niet wie je bent, en de code vertelt het hun niet.
receipt_label = Jouw ontvangstcode
receipt_lost = Schrijf hem nu op of maak er een foto van. Deze pagina toont hem maar één keer: raak je hem kwijt, dan ben je het gesprek kwijt, en niemand kan hem terughalen, ook de medewerkers niet.
receipt_keep = Houd hem voor jezelf: wie hem heeft, kan het gesprek lezen.
receipt_when = Je krijgt geen mail of bericht over antwoorden, zodat niets jou aan je reactie koppelt: kijk over een paar dagen opnieuw, en na een week.
receipt_open = Open je gesprek
f_title = Je vervolggesprek
f_intro = Typ de ontvangstcode die je kreeg nadat je je reactie had verstuurd.
f_receipt = Ontvangstcode (30 cijfers)
f_open = Openen
f_wrong = Deze ontvangstcode opent geen gesprek. Controleer de cijfers en probeer het opnieuw.
f_slow_title = Te veel pogingen
f_slow = Via deze verbinding zijn in korte tijd veel ontvangstcodes geprobeerd. Wacht een minuut en probeer het dan opnieuw.
f_story = Wat je schreef
f_story_gone = Je reactie had geen verhaal, of het verhaal wordt niet meer bewaard.
f_thread = Berichten
f_none = Er is nog niets geschreven. Je kunt als eerste schrijven, of later opnieuw kijken.
f_you = Jij
f_staff = Medewerkers
f_write = Je bericht
f_send = Bericht versturen
f_sent = Je bericht is verstuurd.
f_empty = Schrijf een bericht voordat je verstuurt.
f_too_long = Houd je bericht onder de 4.000 tekens.
f_unsent = Je bericht is niet verstuurd. Hier staat het, om te kopiëren als je het wilt bewaren:
f_too_fast = Er kwamen in korte tijd veel berichten van deze verbinding. Wacht een minuut en verstuur opnieuw: je bericht staat er nog.
f_closed = Dit gesprek is gesloten: je kunt het lezen, maar er niet meer in schrijven.
f_kept = Dit gesprek wordt { $n } dagen na het laatste bericht gewist, en uiterlijk samen met de campagne.
f_leave = Sluit deze pagina als je klaar bent, zeker op een gedeeld apparaat.
thanks_text = Je antwoorden zijn ontvangen. Ze worden bewaard zonder je naam, adres of tijdstip.
closed_title = Deze campagne is gesloten
closed_text = Er kunnen geen antwoorden meer worden gegeven. Bedankt dat je wilde meedoen.
ended_title = Deze campagne is afgelopen
ended_text = Er kunnen geen antwoorden meer worden gegeven. Bedankt dat je wilde meedoen.
not_yet_title = Nog niet open
not_yet_text = Deze campagne neemt nog geen antwoorden aan. Kom later terug.
language = Taal
saved_title = Bewaard voor later
saved_text = Je antwoorden tot nu toe zijn bewaard, vergrendeld met een code die alleen jij hebt. Bewaar de link of schrijf de twaalf woorden op: niemand kan ze voor je opzoeken. De bewaarde antwoorden worden verwijderd na dit aantal dagen:
saved_link = Ga later verder met deze link
saved_words = Of vul deze twaalf woorden in op
resume_title = Ga verder met een bewaard formulier
resume_label = De twaalf woorden van je code
resume_button = Verder
resume_bad = Dit zijn geen twaalf woorden van een code. Controleer elk woord en probeer opnieuw.
resume_unknown = Er is geen bewaard formulier met deze code. Controleer de woorden; een verstuurd formulier wordt niet meer bewaard.
resume_expired = Dit bewaarde formulier is verlopen en de antwoorden zijn verwijderd. Je kunt opnieuw beginnen.
start_again = Begin aan het formulier
question_of = Vraag
honeypot = Laat dit veld leeg
enrol_title = Herinneringen ontvangen
enrol_text = Vul je e-mailadres in om herinneringen met je persoonlijke link te krijgen. Het adres wordt versleuteld bewaard, alleen voor deze herinneringen gebruikt en nooit aan je antwoorden gekoppeld.
email_label = E-mailadres
enrol_button = Meld me aan
err_address_empty = Vul je e-mailadres in.
err_address_bad = Vul een e-mailadres in zoals naam@example.org.
check_title = Kijk in je e-mail
check_text = Als dit adres mag meedoen, is er een e-mail met een bevestigingslink onderweg. De link werkt 48 uur. Geen e-mail? Kijk in de spammap, of vraag de organisator of je adres op hun lijst staat.
confirm_title = Bevestig je aanmelding
confirm_button = Bevestigen
enrolled_title = Je bent aangemeld
enrolled_text = Je krijgt herinneringen met je persoonlijke link. Houd hem voor jezelf: hij opent elke keer een nieuw formulier. Je kunt hem nu gebruiken:
open_form = Open het formulier
link_invalid_title = Deze link werkt niet
link_invalid_text = Hij is onbekend, al gebruikt of verlopen. Begin opnieuw.
too_many_title = Te veel verzoeken
too_many_text = Via deze verbinding zijn in korte tijd veel formulieren verstuurd. Wacht een minuut en probeer het dan opnieuw.
enrolled_only_title = Alleen persoonlijke links
enrolled_only_text = Deze campagne neemt antwoorden aan via de persoonlijke links in de herinneringsmails.
enrol_here = Nog niet aangemeld? Meld je hier aan
ticket_refused_title = Dit formulier kan niet worden verstuurd
ticket_refused_text = Het is al verstuurd, het is meer dan een dag geleden geopend, het kwam niet via een persoonlijke link, of via deze link zijn vandaag al zoveel antwoorden verstuurd als mag. Er is niets opgeslagen. Open je persoonlijke link opnieuw voor een nieuw formulier, zo nodig morgen.
unsub_title = Herinneringen stoppen
unsub_text = De herinneringen stoppen en je aanmelding en adres meteen verwijderen?
unsub_button = Afmelden
unsub_done_title = Je bent afgemeld
unsub_done_text = Je aanmelding en adres zijn verwijderd. Je krijgt geen herinneringen meer.
privacy_title = Jouw gegevens
privacy_text = Vul je e-mailadres in. We sturen je een link die een uur geldig is. Die opent een pagina met alles wat over dat adres bewaard wordt; daar kun je het downloaden, het adres wijzigen of alles wissen.
privacy_button = Stuur me de link
privacy_sent_text = Als er iets over dit adres bewaard wordt, is er een e-mail met een link onderweg. De link werkt een uur.
privacy_sent_text_phone = Als er iets over dit nummer is bewaard, is er een sms met een link onderweg. De link werkt een uur.
privacy_contact_label = E-mailadres of mobiel nummer
rights_title = Wat er over je bewaard wordt
rights_intro = Je antwoorden staan hier niet: ze worden bewaard zonder koppeling met jou, dus niemand kan ze via je adres vinden.
col_campaign = Campagne
col_address = Adres
col_status = Status
col_enrolled = Aangemeld op
status_pending = niet bevestigd
status_active = krijgt herinneringen
status_inactive = gepauzeerd: e-mail geweigerd
allow_lists = Je adres staat op de lijst met toegestane adressen van:
download = Downloaden als JSON
change_title = Adres wijzigen
new_address = Nieuw e-mailadres
change_button = Stuur een bevestiging naar het nieuwe adres
change_sent = Er is een bevestigingslink naar het nieuwe adres gestuurd. De wijziging gaat in zodra je de link opent.
change_taken = Dat adres is al aangemeld in een van deze campagnes.
changed_title = Adres gewijzigd
changed_text = Herinneringen gaan nu naar het nieuwe adres.
change_title_number = Nummer wijzigen
new_address_number = Nieuw mobiel nummer
change_button_number = Stuur een bevestiging per sms naar het nieuwe nummer
change_sent_number = Er is een bevestigingslink per sms naar het nieuwe nummer gestuurd. De wijziging gaat in zodra je de link opent.
change_taken_number = Dat nummer is al aangemeld in een van deze campagnes.
changed_title_number = Nummer gewijzigd
changed_text_number = Herinneringen gaan nu naar het nieuwe nummer.
erase_title = Alles wissen
erase_text = Verwijdert meteen je aanmeldingen en je adres, en haalt je adres van de lijsten met toegestane adressen. De herinneringen stoppen.
erase_confirm = Ja, wis mijn adressen en aanmeldingen nu
erase_confirm_missing = Vink het vakje aan om het wissen te bevestigen; er is niets gewist.
rights_intro_number = Je antwoorden staan hier niet: ze worden bewaard zonder koppeling met jou, dus niemand kan ze via je nummer vinden.
col_address_number = Nummer
allow_lists_number = Je nummer staat op de lijst met toegestane nummers van:
erase_text_number = Verwijdert meteen je aanmeldingen en je nummer, en haalt je nummer van de lijsten met toegestane nummers. De herinneringen stoppen.
erase_confirm_number = Ja, wis mijn nummer en aanmeldingen nu
erased_title = Gewist
erased_text = Alles wat over je adres bewaard werd, is verwijderd.
nothing_held = Er wordt niets over dit adres bewaard.
your_data = Jouw gegevens en rechten
mail_confirm_subject = Bevestig: herinneringen voor { $title }
mail_confirm_text = Iemand, hopelijk jij, heeft met dit adres herinneringen voor { $title } aangevraagd. Bevestig binnen 48 uur met deze link:
mail_not_you = Was jij het niet? Negeer deze e-mail: zonder bevestiging wordt er niets meer gestuurd.
mail_already_subject = Je persoonlijke link voor { $title }
mail_already_text = Je bent al aangemeld voor { $title }. Je persoonlijke link opent een nieuw formulier:
mail_reminder_subject = Tijd voor { $title }
mail_reminder_text = Hoe ging het? Vertel het met je persoonlijke link. Je antwoord wordt bewaard zonder naam of adres, en niemand weet of je hebt geantwoord.
mail_unsub = Deze herinneringen stoppen:
mail_access_subject = Jouw gegevens in tellpoint
mail_access_text = Open deze link binnen een uur om te zien, downloaden, wijzigen of wissen wat over je adres bewaard wordt:
mail_change_subject = Bevestig je nieuwe adres
mail_change_text = Bevestig binnen 48 uur dat herinneringen voortaan naar dit adres gaan:
week_of = Week van
whole_period = Hele periode
responses = Reacties
responses_per_week = Reacties per week
responses_per_day = Reacties per dag
answered = Beantwoord
mean = Gemiddelde
numbers = De cijfers
answer = Antwoord
most_chosen = Meest gekozen
trend = Week na week
hidden = verborgen
hidden_note = Minder dan { $k } reacties, of een getal dat zo'n groep zou onthullen: verborgen om de anonimiteit te beschermen.
triad_legend = Hoe groter de stip, hoe meer mensen die mix kozen. Een gestippelde ring: verborgen.
too_few_week = Minder dan { $k } mensen reageerden in deze periode, dus de cijfers worden niet getoond.
report_title = Eindrapport
report_period = { $from } tot en met { $to }
report_responses = { $n ->
    [one] { $n } reactie
   *[other] { $n } reacties
} in { $w ->
    [one] { $w } week
   *[other] { $w } weken
}
report_responses_hidden = Reacties: verborgen (minder dan { $k })
report_generated = Gemaakt op { $d } door tellpoint
report_key = In één oogopslag
report_question = Vraag
report_stands_out = Wat opvalt
report_change = Eerste → laatste week
report_by_question = Vraag voor vraag
report_method = Methode
report_contents = Inhoud
report_no_quotes = Er zijn geen citaten goedgekeurd.
report_no_figures = Er zijn geen cijfers vrijgegeven: geen afgeronde periode had { $k } reacties of meer.
report_back = Terug naar het dashboard
report_print = Druk deze pagina af (of bewaar haar als pdf) vanuit je browser.
report_language = Taal van het rapport
report_page = Pagina
m_period = Periode
m_period_text = { $from } tot en met { $to } (tijdzone { $tz }).
m_audience = Deelnemers
m_audience_enrolled = aangemelde deelnemers, herinnerd per e-mail.
m_audience_link = iedereen met de link van de campagne.
m_questionnaire = Vragenlijst
m_questionnaire_text = versie { $v }, { $n } vragen.
m_threshold = Anonimiteitsdrempel
m_threshold_text = k = { $k }. Elk aantal van minder dan { $k } reacties is verborgen, en ook elk aantal waaruit zo'n groep kan worden afgeleid (bijvoorbeeld een totaal min de andere getoonde delen).
m_retention = Bewaartermijnen
m_retention_contacts = contactadressen tot { $d } dagen na de einddatum;
m_retention_text = verhalen { $s } dagen nadat de campagne is gesloten; citaten en weekoverzichten { $q } dagen; reacties en deze cijfers { $r } dagen, waarna de hele campagne wordt gewist, de sleutels eerst.
m_backups = Back-ups worden { $d } dagen bewaard.
m_erased = Tot nu toe gewist
m_erased_item = { $class } ({ $n }, op { $d })
m_erased_none = nog niets.
m_protection = Hoe de anonimiteit werd beschermd
m_protection_text = reacties bevatten geen naam, adres of kenmerk en zijn alleen per { $unit } gedateerd; er zijn geen IP-adressen of apparaatgegevens opgeslagen; contactadressen, waar gebruikt voor herinneringen, werden gescheiden van de reacties en versleuteld bewaard; verhalen werden alleen door moderatoren gelezen, en alleen citaten die een moderator herschreef{ $reviewed } staan hier.
m_unit_week = week
m_unit_day = dag
m_reviewed = en een beoordelaar goedkeurde
class_contacts = contacten
class_stories = verhalen
class_quotes = citaten
class_responses = reacties
class_drafts = concepten
class_threads = gesprekken
rows_omitted = { $n } andere posities: door niemand gekozen, of verborgen.
n_responses = { $n ->
    [one] { $n } reactie
   *[other] { $n } reacties
}
share_answered = Aandeel van de { $n } die antwoordden
mail_summary_subject = { $title }: de samenvatting van deze week
mail_summary_text = Wat deelnemers aan { $title } vorige week meldden, is nu samengevat: cijfers die ieders anonimiteit beschermen, en goedgekeurde citaten.
mood_0 = heel slecht
mood_1 = slecht
mood_2 = neutraal
mood_3 = goed
mood_4 = heel goed
summary_read = Lees wat iedereen meldde, week na week
summary_open = Lees de samenvatting
summary_title = Weekoverzichten
summary_intro = Wat deelnemers meldden, week na week. Aantallen van minder dan { $k } reacties worden nooit getoond, zodat niemand herkenbaar is. Citaten zijn herschreven door een moderator.
summary_none = Er is nog geen samenvatting gepubliceerd. De eerste verschijnt na de eerste week.
quotes = In hun eigen woorden
published = Gepubliceerd
notice_title = Privacyverklaring
notice_link = Privacy
notice_who_h = Wie verantwoordelijk is
notice_who = { $controller } is verantwoordelijk voor de gegevens van deze campagne. Contact: { $contact }.
notice_who_unset = De organisatie die je uitnodigde is verantwoordelijk voor de gegevens van deze campagne; vraag haar om contactgegevens.
notice_what_h = Wat wordt verzameld
notice_answers = Je antwoorden op de vragen, gedateerd op de { $period }.
notice_stories = Wat je in eigen woorden schrijft, versleuteld opgeslagen. Alleen moderatoren lezen het; het wordt alleen gepubliceerd als een citaat dat zij herschrijven.
notice_contact = Je e-mailadres en taal, alleen om je herinneringen te sturen: versleuteld opgeslagen, los van je antwoorden en er nooit aan gekoppeld.
notice_phone = Je mobiele nummer en taal, alleen om je herinneringen per sms te sturen: versleuteld opgeslagen, los van je antwoorden, er nooit aan gekoppeld, en meteen gewist als je STOP antwoordt of je afmeldt.
notice_not_h = Wat niet wordt verzameld
notice_not = Geen IP-adres, geen browser- of apparaatgegevens, geen tijdstip preciezer dan de { $period }, en geen registratie van of en wanneer je antwoordde.
period_day = dag
period_week = week
notice_why_h = Waarom
notice_why = Om patronen te zien in wat mensen meemaken, nooit om een persoon te beoordelen. Cijfers over minder dan { $k } reacties, of cijfers waaruit zo'n groep kan worden afgeleid, worden aan niemand getoond.
notice_keep_h = Hoe lang het wordt bewaard
notice_keep_contacts = Je e-mailadres: tot { $n } dagen na het einde van de campagne op { $date }, of meteen wanneer je je afmeldt of om verwijdering vraagt.
notice_keep_phone = Je mobiele nummer: tot { $n } dagen na het einde van de campagne op { $date }, of meteen als je STOP antwoordt of je afmeldt.
notice_keep_stories = Teksten in eigen woorden: { $n } dagen na het sluiten van de campagne.
notice_keep_quotes = Citaten en weekoverzichten: { $n } dagen na het sluiten van de campagne.
notice_keep_responses = Antwoorden en de cijfers die ervan worden gemaakt: { $n } dagen na het sluiten van de campagne; daarna wordt de hele campagne gewist.
notice_keep_threads = Vervolggesprekken: { $n } dagen na het laatste bericht, en uiterlijk samen met de hele campagne.
notice_threads = Als je de ontvangstcode bewaart die na het reageren wordt aangeboden: de berichten die jij en de moderatoren van de campagne in het gesprek schrijven, gedateerd op de dag. De code zelf wordt niet bewaard, alleen een versleutelde vingerafdruk ervan die naar je reactie leidt, nooit naar jou.
notice_erased = Gewist is gewist: de versleutelingssleutel van gewiste gegevens wordt vernietigd, zodat geen kopie meer leesbaar is.
notice_backups = Back-ups worden { $n } dagen bewaard. Hier gewiste gegevens zijn vanaf de volgende dagelijkse back-up in geen enkele back-up meer leesbaar, en zijn binnen { $n } dagen uit de back-ups verdwenen.
notice_no_backups = Er worden geen geplande back-ups gemaakt, dus gewiste gegevens blijven nergens bewaard.
notice_where_h = Waar de gegevens zijn
notice_where = Op de eigen server van de organisatie ({ $host }). Niets wordt aan andere diensten doorgegeven.
notice_where_mail = Herinneringen worden aan de mailserver van de organisatie gegeven, die ze bezorgt.
notice_where_text = Herinnerings-sms'jes worden aan de sms-gateway van de organisatie gegeven, die ze aan je mobiele provider doorgeeft.
notice_rights_h = Je rechten
notice_rights = Je kunt inzien, downloaden, corrigeren of wissen wat over je e-mailadres is opgeslagen; elke herinnering heeft ook een link om je meteen af te melden. Je antwoorden kunnen niet een voor een worden getoond of gewist: niets koppelt ze aan jou.
notice_rights_link = Bekijk of wis wat over je adres is opgeslagen
answers_too_many_title = Te veel antwoorden
answers_too_many_text = Via deze verbinding zijn in korte tijd veel antwoorden verstuurd. Wacht een minuut en verstuur opnieuw: je antwoorden staan nog in het formulier als je teruggaat.

## The admin panel
skip-to-content = Naar de inhoud
footer-tagline = tellpoint — medewerkers zien patronen, nooit personen.
nav-label = Medewerkers
nav-home = Start
nav-campaigns = Campagnes
nav-staff = Medewerkers
nav-mail = E-mail
nav-audit = Auditlogboek
nav-erasure = Wislogboek
nav-password = Wachtwoord
nav-sign-out = Uitloggen
role-owner = eigenaar
role-analyst = analist
role-moderator = moderator
role-reviewer = beoordelaar
status-draft = concept
status-open = open
status-closed = gesloten
status-ended = afgelopen
home-title = Beheer
home-hello = Hallo, { $name }
home-role = Je bent ingelogd als { $role }.
home-campaigns-what = vragenlijsten, planning, aanmelding.
home-staff-what = mensen uitnodigen, rollen geven, accounts uitschakelen, authenticator-apps ontkoppelen.
home-audit-what = elke handeling van medewerkers, aan elkaar geketend zodat wijzigingen opvallen.
home-password = Je wachtwoord wijzigen
home-sessions = Waar je bent ingelogd
home-campaigns = Campagnes
home-language = Taal van het beheer
home-language-browser = Zoals mijn browser
home-language-save = Opslaan
link-dashboard = Dashboard
link-report = Eindrapport
link-stories = Verhalen
link-threads = Vervolggesprekken
link-threads-unread = { $n ->
    [one] Vervolggesprekken (1 met een nieuw bericht)
   *[other] Vervolggesprekken ({ $n } met een nieuw bericht)
}
link-quotes = Citaten
link-summaries = Samenvattingen
cert-title = Het TLS-certificaat kon niet worden vernieuwd
cert-since = Sinds { $since } heeft de certificaatautoriteit geen nieuw certificaat uitgegeven:
cert-valid = Het huidige certificaat blijft in gebruik; het is geldig tot { $until }.
cert-placeholder = Browsers zien een zelfondertekend certificaat tot het eerste binnen is.
cert-retry = tellpoint probeert het opnieuw om { $at }.
weekday = { $d ->
    [1] maandag
    [2] dinsdag
    [3] woensdag
    [4] donderdag
    [5] vrijdag
    [6] zaterdag
   *[7] zondag
}
date-weekday = { $weekday } { $day } { $month }
dash-title = Dashboard
dash-heading = { $title }: dashboard
dash-k = Anonimiteitsdrempel k = { $k }. De cijfers van elke periode worden één keer vastgesteld, bij het vrijgeven, en elke pagina, samenvatting en export toont dezelfde getallen. Een getal waarmee iemand een groep van minder dan { $k } kan afleiden, of het antwoord van bijna iedereen in een groep, is verborgen.
dash-csv = Cijfers downloaden (CSV)
dash-raw = Ruwe antwoorden (eigenaar)
dash-split-by = Uitsplitsen naar ‘{ $question }’
dash-no-split = (niet uitsplitsen)
dash-show = Tonen
dash-no-groups = Nog geen vrijgegeven periode heeft twee groepen van minstens { $k }.
dash-split-heading = { $period }, uitgesplitst naar ‘{ $question }’
dash-joined = Kleinere groepen worden samengevoegd, zodat elke groep minstens { $k } reacties heeft.
dash-none = Er zijn nog geen cijfers vrijgegeven.
dash-next-campaign = De cijfers worden één keer vrijgegeven, voor de hele campagne, de dag na het einde ({ $end }).
dash-next-weeks = Alleen afgeronde weken worden getoond. De cijfers tot en met { $upto } verschijnen op { $on } (een week met minder dan { $k } reacties gaat op in de volgende); de hele campagne verschijnt de dag na het einde ({ $end }).
stories-title = Verhalen
stories-heading = { $title }: verhalen
stories-intro = Nieuwste dag eerst. Gemarkeerde woorden kunnen persoonsgegevens zijn: ze worden automatisch gevonden en alleen gemarkeerd; jij beslist. Het verhaal zelf verandert nooit: een citaat is een nieuwe tekst.
stories-excluded = { $n ->
    [one] 1 uitgesloten verhaal wordt niet getoond.
   *[other] { $n } uitgesloten verhalen worden niet getoond.
}
stories-question = vraag { $id }
stories-highlighted = { $n } gemarkeerd
stories-write-quote = Citaat schrijven
stories-from-day = uit het verhaal van { $day }
stories-thread = Vervolggesprek
stories-thread-with = met de invuller van { $day }
stories-mark-handled = Markeren als afgehandeld
stories-exclude = Definitief uitsluiten
stories-exclude-what = Het verhaal wordt nooit meer aan iemand getoond en er kan geen citaat meer uit worden geschreven. De antwoorden tellen nog mee in de cijfers.
stories-exclude-confirm = Ja, sluit dit verhaal definitief uit
stories-waiting = { $n ->
        [0] Er wacht geen verhaal op moderatie.
        [one] Er wacht 1 verhaal op moderatie.
       *[other] Er wachten { $n } verhalen op moderatie.
    }
stories-quoted = { $n ->
        [one] 1 citaat
       *[other] { $n } citaten
    }
quotes-waiting = { $n ->
        [0] Er wacht geen citaat op een beoordelaar.
        [one] Er wacht 1 citaat op een beoordelaar.
       *[other] Er wachten { $n } citaten op een beoordelaar.
    }
stories-none = Nog geen verhalen.
stories-terms = Woorden om op te letten
stories-terms-label = Namen, plaatsen en teamnamen om te markeren, één per regel
stories-terms-hint = Versleuteld bewaard met de sleutel van de campagne; alleen moderatoren zien ze gemarkeerd.
stories-terms-save = Lijst opslaan
mark-handled = afgehandeld
mark-excluded = uitgesloten

## The campaign page
camp-status = Status
camp-version = vragenlijstversie { $v }
camp-frozen = heeft reacties: wijzigingen worden versie { $next }
camp-public-link = Openbare link
camp-open = Openen voor reacties
camp-close = Sluiten
camp-close-what = Sluiten beëindigt de campagne definitief: niemand kan nog antwoorden, de definitieve cijfers worden vrijgegeven en de bewaartermijn begint te lopen.
camp-close-confirm = Ja, sluit deze campagne
camp-ended-on = de einddatum was { $date }
camp-reopen-what = Heropenen laat mensen weer antwoorden tot de nieuwe einddatum. Dat kan zolang de definitieve cijfers niet zijn vrijgegeven.
camp-reopen-until = Nieuwe einddatum
camp-reopen = Heropenen
confirm-missing = Vink het vakje aan om te bevestigen; er is niets veranderd.
camp-preview = Het formulier bekijken zoals deelnemers het zien
camp-preview-lang = Deelnemers zien, in het
camp-preview-hint = De titel en inleiding boven het formulier, terwijl je typt; sla op om ze te bewaren.
camp-nav = Deze campagne
camp-erase = Deze campagne nu wissen…
camp-questions = Vragen
camp-sections = Onderdelen van deze pagina
camp-sec-details = Gegevens en datums
camp-sec-figures = Cijfers en anonimiteit
camp-sec-audience = Deelnemers en herinneringen
camp-sec-moderation = Moderatie en opvolging
camp-sec-retention = Bewaartermijnen
camp-move-up = Vraag { $n } omhoog
camp-move-down = Vraag { $n } omlaag
camp-delete-q = Vraag { $n } verwijderen
camp-up = Omhoog
camp-down = Omlaag
camp-move-to = Verplaats naar
camp-move-to-label = Nieuwe plek van vraag { $n }
camp-delete = Verwijderen
camp-delete-confirm = Ja, verwijder vraag { $n }
camp-no-questions = Nog geen vragen.
camp-add-kind = Een vraag toevoegen van het type
camp-add = Toevoegen
camp-settings = Instellingen
camp-not-saved = De instellingen zijn niet opgeslagen
camp-languages = Aangeboden talen
camp-languages-hint = Elke tekst hieronder wordt in elke aangeboden taal gevraagd; sla op om de velden te krijgen van een taal die je toevoegt.
camp-text-optional = (optioneel; eenmaal ingevuld, dan in elke taal)
text-title = Titel
text-intro = Inleiding boven het formulier
text-thanks = Bedanktekst na het versturen
text-mail_subject = Onderwerp van de herinneringsmail
text-mail_intro = Begin van de herinneringsmail
text-summary_intro = Inleiding van de weekoverzichten
text-hint-mail_subject = Leeg: ‘Tijd voor’ en de titel, in de taal van elke deelnemer.
text-hint-thanks = Getoond na de standaardbedanktekst, op de pagina na het versturen.
text-hint-summary_intro = Getoond boven de overzichten, na de standaardtekst over anonimiteit.
camp-start = Begindatum
camp-end = Einddatum
camp-tz = Tijdzone
camp-tz-hint = Een IANA-naam zoals Europe/Amsterdam; reacties worden erin gedateerd.
camp-dated = Reacties worden gedateerd per
camp-dated-day = dag
camp-dated-week = week (veiliger voor kleine groepen)
camp-k = Anonimiteitsdrempel k
camp-k-hint = Kleinere groepen worden nooit getoond. Minstens 3.
camp-results = De cijfers worden vrijgegeven
camp-results-hint = Alleen afgeronde periodes worden getoond, en de cijfers van elke periode worden één keer vastgesteld. Met cijfers per week houd je een vinger aan de pols; met cijfers voor de hele campagne krijg je grotere groepen, zodat een uitsplitsing meer laat zien.
camp-results-weekly = week na week, en voor de hele campagne als die afloopt
camp-results-campaign = alleen voor de hele campagne, als die afloopt
camp-breakdown = Cijfers uitsplitsen naar
camp-breakdown-hint = Een vraag met één keuze of ja/nee, zoals een afdeling. Elke vrijgegeven periode kan dan per groep worden getoond; groepen kleiner dan k worden samengevoegd.
camp-audience = Wie mag reageren
camp-audience-link = iedereen met de link
camp-audience-enrolled = alleen aangemelde deelnemers, via hun herinneringslinks
camp-reminders = Herinneringen aan aangemelde deelnemers
camp-reminders-hint = Op deze dagen, om de plaatselijke tijd hieronder (in de tijdzone van de campagne), van begindatum tot einddatum. Iedereen die actief is, krijgt een herinnering: tellpoint houdt niet bij wie heeft gereageerd, en kan dus niet alleen de mensen herinneren die nog niet hebben gereageerd.
camp-remind-at = Plaatselijke tijd van de herinnering (UU:MM)
camp-reviewer = Een beoordelaar moet elk citaat goedkeuren voordat het kan worden gepubliceerd (beoordelaars kunnen het tegenhouden, met een reden)
camp-follow-up = Vervolg
camp-follow-up-offer = Geef elke invuller een ontvangstcode die een anoniem gesprek opent met de moderatoren van de campagne
camp-notify = Mail dit adres als gesprekken ongelezen berichten hebben
camp-notify-hint = Eén keer per dag om 08:00 in de tijdzone van de campagne, nooit op het moment dat iemand schrijft: de mail zegt hoeveel gesprekken wachten, nooit wat erin staat. Leeg: geen mail.
camp-summaries = Weekoverzichten voor deelnemers
camp-summaries-hint = Het overzicht van elke afgeronde week wacht op de pagina met samenvattingen, waar medewerkers het bekijken zoals deelnemers het zullen zien en het publiceren.
camp-summaries-moderators = Moderatoren mogen samenvattingen ook bekijken en publiceren (niet alleen de eigenaar)
camp-summaries-auto = Het overzicht van elke week automatisch publiceren, zonder voorbeeld
camp-summaries-day = op de volgende
camp-summaries-at = om plaatselijke tijd (UU:MM)
camp-summaries-mail = Aangemelde deelnemers mailen als er een samenvatting is
camp-retention = Bewaartermijn (dagen; leeg: de standaard van deze installatie)
camp-retention-hint = Een kortere termijn wist gegevens die al ouder zijn bij de volgende wisronde.
camp-keep-contacts = Contactgegevens van deelnemers, na de einddatum (standaard { $d })
camp-keep-stories = Verhalen, na het sluiten (standaard { $d })
camp-keep-quotes = Citaten en samenvattingen, na het sluiten (standaard { $d })
camp-keep-responses = Reacties en cijfers, na het sluiten; daarna wordt de campagne gewist (standaard { $d })
camp-save = Instellingen opslaan
camp-next-sends = Volgende herinneringen
camp-enrolment = Aanmelding
camp-mail-off = E-mail staat uit: stel smtp.host en smtp.from in de configuratie in, anders blijven bevestigingen en herinneringen in de wachtrij staan.
camp-enrol-link = Aanmeldlink
camp-participants = Deelnemers: { $active } actief, { $pending } nog niet bevestigd, { $inactive } gepauzeerd na geweigerde berichten. Adressen en nummers worden nooit getoond.
camp-allow = { $numbers ->
    [yes] Toegestane adressen en nummers
   *[no] Toegestane adressen
}
camp-allow-count = { $n ->
    [one] Eén adres mag
   *[other] { $n } adressen mogen
} zich aanmelden; elk ander adres krijgt dezelfde pagina en geen mail.
camp-allow-none = { $numbers ->
    [yes] Geen lijst: elk adres en elk nummer mag zich aanmelden.
   *[no] Geen lijst: elk adres mag zich aanmelden.
}
camp-allow-hashes = De lijst wordt alleen bewaard als hashes met een geheime sleutel.
camp-allow-refused = De lijst is niet gewijzigd
camp-allow-addresses = { $numbers ->
    [yes] Adressen of mobiele nummers, één per regel (of CSV-regels)
   *[no] Adressen, één per regel (of CSV-regels)
}
camp-allow-file = { $numbers ->
    [yes] Of een CSV-bestand (elke kolom met adressen of nummers)
   *[no] Of een CSV-bestand (elke kolom met adressen)
}
camp-allow-these = { $numbers ->
    [yes] Deze adressen en nummers
   *[no] Deze adressen
}
camp-allow-add = worden aan de lijst toegevoegd
camp-allow-replace = vervangen de hele lijst
camp-allow-save = Lijst opslaan
camp-allow-remove = { $numbers ->
    [yes] Eén adres of nummer verwijderen
   *[no] Eén adres verwijderen
}
camp-allow-not-there = { $kind ->
    [number] Dat nummer staat niet op de lijst.
   *[address] Dat adres staat niet op de lijst.
}
camp-allow-removed = { $kind ->
    [number] Het nummer is van de lijst gehaald.
   *[address] Het adres is van de lijst gehaald.
}
camp-allow-remove-what = { $numbers ->
    [yes] Typ het adres of het mobiele nummer dat weg moet.
   *[no] Typ het adres dat weg moet, zoals naam@example.org.
}
camp-allow-not-utf8 = Het bestand is geen UTF-8-tekst: sla het op als CSV (UTF-8) en upload het opnieuw.
camp-allow-line-file = Bestand, regel { $n }: { $numbers ->
    [yes] geen e-mailadres of mobiel nummer
   *[no] geen e-mailadres
} in ‘{ $text }’.
camp-allow-line-pasted = Geplakte lijst, regel { $n }: { $numbers ->
    [yes] geen e-mailadres of mobiel nummer
   *[no] geen e-mailadres
} in ‘{ $text }’.
camp-allow-count-both = { $addresses ->
    [one] Eén adres
   *[other] { $addresses } adressen
} en { $numbers ->
    [one] één mobiel nummer
   *[other] { $numbers } mobiele nummers
} mogen zich aanmelden; alle anderen krijgen dezelfde pagina, maar geen mail of sms.
camp-allow-count-mixed = { $n ->
    [one] Eén adres of nummer mag
   *[other] { $n } adressen en nummers mogen
} zich aanmelden; alle anderen krijgen dezelfde pagina, maar geen mail of sms.
camp-allow-count-numbers = { $n ->
    [one] Eén mobiel nummer mag
   *[other] { $n } mobiele nummers mogen
} zich aanmelden; elk ander nummer krijgt dezelfde pagina en geen sms.
camp-remove = Verwijderen
camp-import-export = Importeren en exporteren
camp-export = De vragenlijst exporteren als JSON
camp-import-refused = De import is geweigerd
camp-import-json = Vragenlijst als JSON (vervangt de huidige vragen)
camp-import = Importeren
camp-cannot-open = De campagne kan nog niet open.
camp-text-missing = { $text } ontbreekt in { $language }.
kind-scale = schaal
kind-single = één keuze
kind-multi = meerdere keuzes
kind-mood = stemming
kind-slider = schuifregelaar
kind-triad = driehoek
kind-yesno = ja/nee
kind-story = verhaal
day-mon = maandag
day-tue = dinsdag
day-wed = woensdag
day-thu = donderdag
day-fri = vrijdag
day-sat = zaterdag
day-sun = zondag

## The question builder
q-edit = Vraag bewerken
q-new = Nieuwe vraag
q-back = Terug naar { $title }
q-not-saved = De vraag is niet opgeslagen
q-changes = Deze wijziging verandert wat de vraag betekent
q-changes-text = Sla je de vraag op, dan beginnen de resultaten van de vraag opnieuw vanaf de volgende versie: de antwoorden tot nu toe blijven in de cijfers en exports zoals ze zijn, gemarkeerd als van vóór de wijziging, en worden niet bij de nieuwe opgeteld. Andere bewoording, vertalingen, toegevoegde opties en een nieuwe volgorde houden de resultaten bij elkaar.
q-confirm-break = Ik begrijp het: begin de resultaten van deze vraag opnieuw
q-prompt = Vraag
q-help = Hulptekst (optioneel)
q-required = Een antwoord is verplicht
q-min = Laagste waarde (0 of 1)
q-max = Hoogste waarde (2 tot en met 11)
q-low = Label bij de laagste waarde (optioneel)
q-high = Label bij de hoogste waarde (optioneel)
q-dont-know = ‘Weet ik niet’ aanbieden
q-options = Opties, één per regel
q-max-picks = Maximaal aantal keuzes (leeg: geen grens)
q-left = Linkeruiteinde (0)
q-right = Rechteruiteinde (100)
q-pole1 = Eerste hoek
q-pole2 = Tweede hoek
q-pole3 = Derde hoek
q-max-len = Maximale lengte van het verhaal, in tekens
q-mood-text = Deelnemers kiezen een van vijf stemmingen, van heel slecht tot heel goed, getoond als gezichten met woorden.
q-save = Vraag opslaan
q-err-missing = ontbreekt
q-err-too-long = hoogstens { $n } tekens
q-err-range = een geheel getal van { $min } tot { $max }
q-err-line = , regel { $n }
kind-scale-what = Een getal van laag naar hoog, zoals 1 tot 5, met woorden aan de uiteinden als je wilt.
kind-single-what = Kies één van een paar opties.
kind-multi-what = Kies er een paar uit de opties, tot een grens die je kunt instellen.
kind-mood-what = Vijf gezichten van heel slecht tot heel goed.
kind-slider-what = Een punt tussen twee tegengestelde woorden, van 0 tot 100; die mag onbeantwoord blijven.
kind-triad-what = Verdeel 100 punten over drie dingen, in een driehoek of als drie getallen.
kind-yesno-what = Ja of nee.
kind-story-what = Vrije tekst in de eigen woorden van de deelnemer; gemodereerd voordat iemand het citeert.

## Quotes and stories
quotes-heading = { $title }: citaten
quotes-approval = Citaten hebben de goedkeuring van een beoordelaar nodig; alleen goedgekeurde citaten verschijnen in samenvattingen en het rapport.
quotes-no-approval = Citaten zijn goedgekeurd zodra ze geschreven zijn; alleen goedgekeurde citaten verschijnen in samenvattingen en het rapport.
quote-proposed = voorgesteld
quote-approved = goedgekeurd
quote-vetoed = tegengehouden
quote-withdrawn = ingetrokken
quotes-veto-reason = Reden om tegen te houden
quotes-approve = Goedkeuren
quotes-reason = Reden om tegen te houden
quotes-veto = Tegenhouden
quotes-withdraw = Intrekken
quotes-withdraw-what = Een ingetrokken citaat wordt nooit meer gepubliceerd; gepubliceerde samenvattingen houden wat ze toonden.
quotes-withdraw-confirm = Ja, trek dit citaat in
quotes-this = dit citaat
quotes-none = Nog geen citaten.
story-back = Terug naar de verhalen
story-heading = Het verhaal ({ $day })
story-quote = Het citaat
story-quote-hint = Begint als kopie van het verhaal, met gemarkeerde woorden vervangen door aanduidingen zoals [naam]. Kort het in en haal alles weg wat naar een persoon kan wijzen.
story-quote-review = Een beoordelaar keurt het goed of houdt het tegen voordat het gepubliceerd kan worden.
story-quote-direct = Het kan worden gepubliceerd zodra je het opslaat.
story-propose = Citaat voorstellen
story-save = Citaat opslaan
## The campaign list
campaigns-caption = Alle campagnes, nieuwste eerst
campaigns-dates = Datums
campaigns-none = Nog geen campagnes.
campaigns-new = Nieuwe campagne
campaigns-create = Concept maken

## Signing in
login-title = Inloggen voor medewerkers
login-username = Gebruikersnaam
login-password = Wachtwoord
login-continue = Doorgaan
code-title = Code uit de authenticator-app
code-intro = Typ de zescijferige code die je authenticator-app toont, of een van je herstelcodes.
code-label = Code
code-sign-in = Inloggen
code-cancel = Annuleren

## Staff accounts
staff-caption = Accounts van medewerkers
staff-role = Rol
staff-state = Status
staff-actions = Acties
staff-role-of = Rol van { $name }
staff-set-role = Rol instellen
staff-disabled = uitgeschakeld
staff-active = actief
staff-must-enrol = moet een authenticator-app koppelen
staff-enable = Inschakelen
staff-disable = Uitschakelen
staff-reset-mfa = Authenticator-app ontkoppelen
staff-disable-confirm = Ja, schakel { $name } uit en beëindig de sessies
staff-reset-mfa-confirm = Ja, verwijder de authenticator van { $name }
staff-invite = Iemand uitnodigen
staff-invites = Uitnodigingen die nog niet zijn gebruikt
staff-invites-caption = Links waarmee nog een account kan worden gemaakt
staff-invited-by = Uitgenodigd door
staff-invite-until = Geldig tot
staff-invite-started = { $name } is begonnen met instellen
staff-invite-revoke = Intrekken
staff-invites-none = Er wacht geen uitnodiging.
staff-invite-gone = Die uitnodiging is al gebruikt, ingetrokken of verlopen.
flash-invite-revoked = De uitnodiging is ingetrokken: de link werkt niet meer.
staff-invite-text = Je krijgt een eenmalige link om door te geven (7 dagen geldig). De persoon kiest zelf een gebruikersnaam en wachtwoord.
staff-reviewer-does = ziet citaten die voor publicatie worden voorgesteld en kan ze tegenhouden.
staff-moderator-does = leest verhalen, schrijft citaten, beantwoordt vervolggesprekken.
staff-analyst-does = ziet dashboards en exporteert totalen; nooit ruwe verhalen.
staff-owner-does = alles, plus campagnes, medewerkers en instellingen.
staff-create-invite = Uitnodigingslink maken
pw-current = Huidig wachtwoord
pw-code = Code uit je authenticator-app
pw-new = Nieuw wachtwoord
pw-hint = Minstens 12 tekens.
pw-again = Nieuw wachtwoord nogmaals
pw-change = Wachtwoord wijzigen
sessions-ended = Je bent overal elders uitgelogd.
sessions-intro = Elke regel is een browser waarin je bent ingelogd. Als je je wachtwoord wijzigt, worden ook alle andere browsers uitgelogd.
sessions-signed-in = Ingelogd
sessions-last-used = Laatst gebruikt
sessions-this = Deze browser
sessions-end-others = Overal elders uitloggen

## Mail, audit and erasure
mail-server = SMTP-server
mail-host = Host en poort
mail-security = Beveiliging
mail-login = Inloggegevens
mail-password-set = wachtwoord ingesteld
mail-password-unset = geen wachtwoord ingesteld
mail-no-login = geen
mail-from = Afzenderadres
mail-rate = Tempo
mail-rate-value = maximaal { $n } mails per seconde
mail-off = E-mail staat uit: smtp.host is leeg. Mails blijven in de wachtrij staan tot die is ingesteld.
mail-from-config = Deze komen uit het configuratiebestand of de variabelen TELLPOINT_SMTP__*; wijzig ze daar en herstart.
mail-delivery = Bezorging
mail-counts = In de wachtrij: { $queued } · verstuurd: { $sent } · nieuwe pogingen na tijdelijke fouten: { $deferred } · definitief geweigerd en verwijderd: { $rejected } · deelnemers gepauzeerd na drie weigeringen: { $paused } · verwijderd bij afmelden: { $dropped }
mail-at-least-once = Bezorging gebeurt minstens één keer: na een crash kan een mail die de server net had aangenomen opnieuw worden verstuurd.
mail-sender-name = Naam van de afzender
mail-sender-label = Naam die als afzender wordt getoond
mail-test = Een testmail sturen
mail-test-failed = De testmail is niet verstuurd
mail-test-to = Versturen naar
mail-test-send = Testmail versturen
audit-ok = De keten van { $n } regels klopt: geen enkele is gewijzigd of verwijderd.
audit-broken = De keten klopt niet: een regel is gewijzigd of verwijderd. Voer voor de eerste kapotte regel dit uit:
audit-caption = Regels, nieuwste eerst (pagina { $page } van { $pages })
audit-when = Wanneer
audit-who = Wie
audit-action = Handeling
audit-subject = Betreft
audit-pages = Pagina's
audit-newer = Nieuwer
audit-older = Ouder
erasure-intro = Wat er is gewist, per soort, campagne en dag. Nooit inhoud. De wisronde start ook elke dag vanzelf op de ingestelde tijd.
erasure-run = Nu wissen
erasure-run-confirm = Ja, wis nu alles waarvan de bewaartermijn is verstreken
erasure-day = Dag
erasure-campaign = Campagne
erasure-class = Soort
erasure-count = Aantal
erasure-none = Er is nog niets gewist.

## Follow-up threads, erasing a campaign
threads-heading = { $title }: vervolggesprekken
threads-intro = Nieuwste bericht eerst; elk gesprek is gedateerd op het laatste bericht. Een gesprek hoort bij één reactie; niemand, jij ook niet, kan zien wie die schreef.
threads-off = Vervolg staat uit voor deze campagne:
threads-off-text = nieuwe invullers krijgen geen ontvangstcode.
threads-start = Wil je een gesprek beginnen? Open dan een verhaal met een ontvangstcode via
thread-of = Gesprek van { $day }
thread-new = nieuw bericht
thread-messages = { $n ->
    [one] 1 bericht
   *[other] { $n } berichten
}
thread-closed = gesloten
threads-none = Nog geen gesprekken.
thread-start = Een vervolggesprek beginnen
thread-all = Alle gesprekken van { $title }
thread-story = Het verhaal van de invuller
thread-no-story = De reactie heeft geen verhaal, of het verhaal is gewist.
thread-messages-h = Berichten
thread-reply = Je antwoord
thread-reply-hint = Ondertekend met ‘Medewerkers’, nooit met je naam. Vraag niet wie ze zijn.
thread-closed-hint = Het gesprek is gesloten: de invuller kan je antwoord lezen maar niet reageren.
thread-send = Antwoord versturen
thread-close = Gesprek sluiten
thread-reopen = Gesprek heropenen
thread-erased = Het gesprek wordt { $n } dagen na het laatste bericht gewist, en samen met de campagne.
erase-title = { $title } wissen
erase-heading = ‘{ $title }’ nu wissen
erase-undone = Dit kan niet ongedaan worden gemaakt.
erase-text = Eerst worden de gegevenssleutel van de campagne en de contactsleutel van elke deelnemer vernietigd, zodat de adressen, verhalen, citaten en bewaarde concepten door niemand meer te lezen zijn, uit welke kopie ook. Daarna worden de reacties, cijfers, samenvattingen, deelnemers, lijst met toegestane adressen en wachtende mails verwijderd, en wordt het sleutelbestand herschreven zonder de vernietigde sleutels. Het wislogboek vermeldt wat er is gewist, nooit de inhoud.
erase-backups = Eerdere back-ups bevatten de campagne nog, versleuteld met de vernietigde sleutel; ze verdwijnen als de back-ups rouleren.
erase-type = Typ de titel, ‘{ $title }’, om te bevestigen
erase-now = De campagne nu wissen
erase-back = Terug naar de campagne
report-later = Het rapport komt nadat de campagne is gesloten
report-later-text = { $title } is { $status }. Het eindrapport wordt gemaakt uit de cijfers van elke week zodra de campagne is afgelopen (op de einddatum, of wanneer de eigenaar haar sluit); tot dan toont het dashboard de cijfers tot nu toe:

## Accounts: setup, recovery codes, links
setup-title = Je account aanmaken
setup-owner = Het account van de eigenaar aanmaken
setup-staff = Je medewerkersaccount aanmaken
setup-owner-text = De eigenaar beheert campagnes, medewerkers en instellingen van deze tellpoint.
setup-invited = Je bent uitgenodigd als { $role }.
setup-steps = Stap 1 van 2: kies een gebruikersnaam en wachtwoord. Stap 2: koppel je authenticator-app.
setup-username-hint = 2 tot 32 tekens: letters a–z, cijfers, punt, liggend streepje of koppelteken.
setup-password-hint = Minstens 12 tekens. Een paar woorden die niets met elkaar te maken hebben, vormen een goed wachtwoord.
setup-password-again = Wachtwoord nogmaals
recovery-title = Je herstelcodes
recovery-heading = Bewaar deze herstelcodes
recovery-text = Je authenticator-app is gekoppeld. Als je je telefoon kwijtraakt, kun je met elk van deze codes één keer inloggen in plaats van met een code uit de app. Ze worden alleen nu getoond: druk ze af of schrijf ze op, en bewaar ze op een veilige plek.
recovery-sign-in = Door naar inloggen
reset-title = Een nieuwe authenticator-app koppelen
reset-text = Een eigenaar heeft de authenticator-app van het account { $name } ontkoppeld. Vul het wachtwoord in om een nieuwe te koppelen. Deze link werkt één keer.
invite-title = Uitnodigingslink
invite-heading = Uitnodigingslink voor een nieuwe { $role }
invite-text = Geef deze link door aan de persoon, via een kanaal dat je vertrouwt. Hij werkt één keer en { $n } dagen lang. Hij wordt alleen nu getoond.
invite-back = Terug naar de medewerkers
mfa-reset-title = Authenticator-app ontkoppeld
mfa-reset-heading = De authenticator-app van { $name } is ontkoppeld
mfa-reset-text = { $name } is overal uitgelogd, en met alleen het wachtwoord lukt inloggen niet meer. Geef deze link persoonlijk of via een kanaal dat je vertrouwt: daarmee en met het wachtwoord koppelt die persoon een nieuwe authenticator-app. Hij werkt één keer en { $n } uur lang, en wordt alleen nu getoond.
invalid-title = Ongeldige link
invalid-heading = Deze link is niet geldig
invalid-text = Hij is al gebruikt, vervangen door een nieuwere, of verlopen.
invalid-invite = Een uitnodiging: vraag een eigenaar van deze tellpoint om een nieuwe.
invalid-setup = De link om de eigenaar aan te maken: voer voor een nieuwe link dit uit op de server:
landing-title = Welkom
landing-text = Met deze tellpoint kan een organisatie anoniem naar haar mensen luisteren. Heb je een link gekregen om iets te vertellen, open dan die link: die leidt naar het juiste formulier.
landing-not-set-up = Nog niet ingesteld
landing-setup-text = Er is nog geen eigenaar. Wie tellpoint installeert, vindt een eenmalige link in het logboek, of krijgt er een door uit te voeren:

## Sign-in messages
login-denied = De gebruikersnaam of het wachtwoord klopt niet, of dit account kan niet inloggen.
login-bad-code = Deze code klopt niet, of is al gebruikt. Typ de zes cijfers die je app nu toont, of een herstelcode.
login-needs-reset = Een eigenaar heeft de authenticator-app van dit account ontkoppeld. Open de link die je kreeg om een nieuwe te koppelen; met alleen je wachtwoord kun je niet meer inloggen.
login-too-many = Te veel pogingen. Wacht { $wait } seconden en probeer het dan opnieuw.

## Summaries for staff
sum-heading = { $title }: weekoverzichten
sum-where = Deelnemers lezen ze op
sum-auto = Het overzicht van elke week wordt automatisch gepubliceerd op de volgende { $day } om { $at } (tijd van de campagne), zonder voorbeeld.
sum-by-hand = Een overzicht verschijnt daar pas als je het hier publiceert, na een voorbeeld.
sum-stays = Een gepubliceerd overzicht blijft zoals het is gepubliceerd; een ingetrokken citaat verdwijnt eruit.
sum-ready = Klaar om te publiceren
sum-quotes = { $n ->
    [one] Publiceren voegt het goedgekeurde citaat toe dat nog in geen overzicht staat.
   *[other] Publiceren voegt de { $n } goedgekeurde citaten toe die nog in geen overzicht staan.
}
sum-no-quotes = Er wacht geen goedgekeurd citaat: een overzicht dat nu wordt gepubliceerd heeft alleen cijfers.
sum-too-few = minder dan { $k }: het overzicht zegt dat in één regel, zonder cijfers
sum-preview = Voorbeeld
sum-publish = Publiceren
sum-none-waiting = Er wacht geen afgeronde periode.
sum-running = De week vanaf { $from } loopt nog; het overzicht ervan kan vanaf { $on } worden bekeken en gepubliceerd. (Cijfers van een week die nog loopt, zouden de antwoorden die daarna komen verraden.)
sum-period-from = Periode vanaf
sum-none-yet = Nog geen.
sum-preview-title = Voorbeeld, niet gepubliceerd.
sum-preview-text = Zo zien deelnemers het overzicht van { $period }, met de citaten die bij publicatie worden toegevoegd. Wissel van taal om elke versie te controleren.
sum-publish-this = Dit overzicht publiceren
sum-back = Terug naar de overzichten

## Problems with the campaign settings ({ $text } is the field's name)
set-languages = Bied minstens één taal aan.
set-title = Geef de campagne een titel.
set-date = Geef een datum als JJJJ-MM-DD.
set-end-before = De einddatum mag niet vóór de begindatum liggen.
set-time-zone = { $tz } is geen bekende tijdzone; gebruik een naam zoals Europe/Amsterdam.
set-granularity = Kies dag of week.
set-k = Geef een geheel getal van minstens { $min }.
set-audience = Kies wie mag reageren.
set-summary-day = Kies de weekdag waarop overzichten worden gepubliceerd.
set-summary-at = Geef de tijd waarop overzichten worden gepubliceerd als UU:MM, bijv. 09:00.
set-days = Geef een aantal dagen van 1 tot 3650, of laat het leeg voor de standaard.
set-notify = Geef één e-mailadres zoals team@example.org, of laat het leeg voor geen mail.
set-results = Kies of de cijfers week na week komen of voor de hele campagne.
set-too-long = { $text } in { $language }: houd het bij hoogstens { $most } tekens.
set-one-line = { $text } in { $language }: houd het bij één regel.
set-remind-day = { $day } is geen dag; kies dagen uit de lijst.
set-remind-at = Geef het tijdstip als UU:MM, bijv. 15:30.
set-breakdown = Kies een vraag met één keuze of ja/nee uit deze campagne, of kies ervoor de cijfers niet uit te splitsen.

## Error pages
err-code = Fout { $status }
err-back = Terug naar de startpagina
err-400-title = Ongeldig verzoek
err-400-text = Het verzoek werd niet begrepen. Ga terug en probeer het opnieuw.
err-403-title = Niet toegestaan
err-403-text = Je mag dit niet doen. Denk je dat dit wel zou moeten kunnen, vraag het dan aan een eigenaar van deze tellpoint, of laad het formulier opnieuw en probeer het nog eens.
err-404-title = Niet gevonden
err-404-text = Op dit adres staat niets. Controleer de link die je volgde.
err-405-title = Hier niet toegestaan
err-405-text = Dit adres accepteert dat soort verzoek niet.
err-408-title = Te traag
err-408-text = Wat je stuurde deed er te lang over. Controleer je verbinding en stuur het opnieuw.
err-409-title = Nu niet mogelijk
err-409-text = Dit kan in de huidige toestand niet. Laad de pagina opnieuw om te zien hoe het ervoor staat.
err-413-title = Te groot
err-413-text = Wat je stuurde is groter dan tellpoint aanneemt. Maak het korter en probeer het opnieuw.
err-422-title = Controleer je invoer
err-422-text = Iets wat je invulde kon niet worden gebruikt. Ga terug en verbeter het.
err-429-title = Te veel pogingen
err-429-text = Wacht even en probeer het opnieuw.
err-503-title = Niet beschikbaar
err-503-text = tellpoint kan dit nu niet tonen. Probeer het zo opnieuw.
err-500-title = Er ging iets mis
err-500-text = tellpoint kon dit verzoek niet afmaken. Niets van wat je stuurde is bij ons verloren gegaan; probeer het opnieuw, en laat het de beheerders van deze tellpoint weten als het blijft gebeuren.
err-other-title = Fout
err-other-text = Het verzoek kon niet worden afgemaakt.

## Account problems
acct-password-short = Gebruik minstens 12 tekens. Een paar woorden die niets met elkaar te maken hebben, vormen een goed wachtwoord.
acct-password-long = Gebruik maximaal 128 tekens.
acct-password-differ = De twee wachtwoorden verschillen. Typ twee keer hetzelfde wachtwoord.
acct-password-repeated = Dit wachtwoord is steeds hetzelfde teken. Kies liever een paar woorden die niets met elkaar te maken hebben.
acct-password-guessable = Dit wachtwoord is te makkelijk te raden: het is een bekend gelekt wachtwoord of gemaakt van een gewoon woord, een naam, een reeks of een datum. Een paar woorden die niets met elkaar te maken hebben, vormen een goed wachtwoord.
acct-username = Gebruik 2 tot 32 tekens: letters a–z, cijfers, punt, liggend streepje of koppelteken.
acct-username-taken = Deze gebruikersnaam is al bezet. Kies een andere.
acct-code-wrong = Deze code klopt niet. Typ de zes cijfers die je app nu toont.
acct-current-wrong = Het huidige wachtwoord klopt niet.
acct-code-used = Deze code klopt niet, of is al gebruikt. Wacht op de volgende.
acct-last-owner-role = Dit is de laatste eigenaar. Maak eerst iemand anders eigenaar.
acct-last-owner-disable = Dit is de laatste eigenaar en kan niet worden uitgeschakeld.
acct-disable-self = Je kunt je eigen account niet uitschakelen: je zou worden uitgelogd zonder uitleg. Vraag een andere eigenaar, of maak eerst iemand anders eigenaar.
acct-reset-password-wrong = Dit wachtwoord klopt niet voor het account waarvoor de link is.

acct-username-taken-meanwhile = Deze gebruikersnaam is intussen bezet. Open de link opnieuw en kies een andere.
camp-refused-title = Geef een titel van 1 tot 120 tekens.
camp-refused-no-questions = Voeg minstens één vraag toe voordat je de campagne opent.
camp-refused-order = Een campagne gaat van concept naar open naar afgelopen of gesloten; een afgelopen of gesloten campagne kan alleen worden heropend.
camp-refused-closed-questionnaire = De vragenlijst van een gesloten campagne kan niet meer veranderen.
camp-reopen-end = Kies een nieuwe einddatum: vandaag of later, en niet vóór de begindatum.
camp-reopen-released = De definitieve cijfers zijn al vrijgegeven: antwoorden die er nu bij komen zouden te herkennen zijn door cijfers te vergelijken. Begin liever een nieuwe campagne (exporteer en importeer de vragenlijst).
camp-reopen-erased = De verhalen of antwoorden worden al volgens schema gewist; de campagne kan geen antwoorden meer ontvangen.
flash-opened = De campagne is open.
flash-closed = De campagne is gesloten.
flash-reopened = De campagne is weer open.
flash-saved = Instellingen opgeslagen.
flash-story-excluded = Het verhaal is definitief uitgesloten.
flash-story-handled = Het verhaal is gemarkeerd als afgehandeld.
flash-quote-withdrawn = Het citaat is ingetrokken.
flash-question-deleted = De vraag is verwijderd.
flash-erasure-run = Het wissen is uitgevoerd; het logboek hieronder zegt wat er is gewist.
flash-staff-saved = Het account is gewijzigd.
flash-language = De taal van je beheeromgeving is opgeslagen.
flash-question-saved = De vraag is opgeslagen.
flash-question-moved = De vraag is verplaatst.
flash-imported = De vragenlijst is geïmporteerd.
flash-campaign-erased = De campagne is gewist.
flash-sender-saved = De afzendernaam is opgeslagen.
flash-allow-list-saved = De lijst met toegestane adressen is opgeslagen.
flash-terms-saved = De woorden om op te letten zijn opgeslagen.
flash-quote-reviewed = Je besluit over het citaat is opgeslagen.
flash-summary-published = De samenvatting is gepubliceerd.
flash-reply-sent = Je antwoord is verstuurd.
flash-thread-saved = Het gesprek is bijgewerkt.
home-responses = Antwoorden in vrijgegeven weken
home-last-period = { $period }: { $n }
home-none-released = Nog geen week vrijgegeven: de cijfers van een week verschijnen zodra die voorbij is en minstens zoveel antwoorden heeft als de anonimiteitsdrempel.
home-stories = Verhalen te modereren
home-quotes-review = Citaten die op een beoordelaar wachten
home-quotes = Citaten
home-threads = Ongelezen gesprekken
home-summaries = Samenvattingen die wachten op publicatie
home-summary-auto = automatisch gepubliceerd op { $day } om { $at }
home-next-reminder = Volgende herinnering: { $at }
home-next-erasure = Volgende wisronde: { $what } op { $date }
home-erase-contacts = adressen van deelnemers
home-erase-stories = teksten van verhalen
home-erase-quotes = citaten
home-erase-responses = antwoorden
home-first-campaign = Maak je eerste campagne
story-flagged = Het citaat bevat nog woorden die iemand herkenbaar kunnen maken. Vervang ze, of vink aan welke je bewust laat staan.
story-flagged-legend = Woorden die iemand herkenbaar kunnen maken
story-flagged-hint = Laat een woord alleen staan als het niemand herkenbaar maakt (een openbare plek, een vak, een rol).
story-keep = ‘{ $word }’ laten staan
flash-quote-written = Het citaat is opgeslagen.

## The audit log
audit-act-audit-pruned = Schoonde het auditlogboek op
audit-act-campaign-allow-list-added = Vulde de lijst met toegestane adressen aan
audit-act-campaign-allow-list-removed = Haalde iemand van de lijst met toegestane adressen
audit-act-campaign-allow-list-replaced = Verving de lijst met toegestane adressen
audit-act-campaign-closed = Sloot de campagne
audit-act-campaign-created = Maakte de campagne
audit-act-campaign-erased = Wiste de campagne
audit-act-campaign-opened = Opende de campagne
audit-act-campaign-reopened = Heropende de campagne
audit-act-campaign-settings-changed = Wijzigde de instellingen
audit-act-erasure-run = Voerde het wissen uit
audit-act-export-raw = Downloadde de ruwe antwoorden
audit-act-invite-accepted = Nam een uitnodiging aan
audit-act-invite-created = Maakte een uitnodiging
audit-act-invite-revoked = Trok een uitnodiging in
audit-act-login-failed = Inloggen mislukt
audit-act-login-ok = Logde in
audit-act-login-recovery-code-used = Logde in met een herstelcode
audit-act-mail-from-name = Wijzigde de afzendernaam
audit-act-mfa-enrolled = Stelde een authenticator in
audit-act-mfa-reset-link-used = Gebruikte een link om een nieuwe authenticator-app te koppelen
audit-act-moderation-terms-changed = Wijzigde de woorden om op te letten
audit-act-password-change-failed = Wachtwoord wijzigen mislukt
audit-act-password-changed = Wijzigde het wachtwoord
audit-act-questionnaire-changed = Wijzigde de vragen
audit-act-quote-approved = Keurde een citaat goed
audit-act-quote-proposed = Stelde een citaat voor
audit-act-quote-vetoed = Hield een citaat tegen
audit-act-quote-withdrawn = Trok een citaat in
audit-act-sessions-ended = Logde overal elders uit
audit-act-staff-disabled = Schakelde een account uit
audit-act-staff-enabled = Schakelde een account in
audit-act-staff-mfa-reset = Ontkoppelde een authenticator-app
audit-act-staff-role-changed = Wijzigde een rol
audit-act-story-excluded = Sloot een verhaal uit
audit-act-story-handled = Markeerde een verhaal als afgehandeld
audit-act-summary-published = Publiceerde een samenvatting
audit-act-thread-closed = Sloot een gesprek
audit-act-thread-reopened = Heropende een gesprek
audit-act-thread-replied = Antwoordde in een gesprek
audit-erased-campaign = een gewiste campagne
poll-ended = Je sessie is verlopen, dus nieuwe berichten verschijnen niet meer. Wat je hebt getypt blijft bewaard: log opnieuw in en open dit gesprek, dan staat het weer in het vak.
poll-sign-in = Opnieuw inloggen
mail-news-subject = Vervolggesprekken wachten op antwoord: { $title }
mail-news-text = { $n ->
        [one] 1 vervolggesprek van { $title } heeft een bericht dat nog niemand heeft gelezen.
       *[other] { $n } vervolggesprekken van { $title } hebben een bericht dat nog niemand heeft gelezen.
    } Deze mail bevat bewust niets van wat er geschreven is: log in om het te lezen.
mail-news-link = Open de gesprekken
mail-news-after = Dit adres krijgt deze mail één keer per dag zolang er gesprekken wachten; wijzig het in de instellingen van de campagne.
mail-test-subject = Testmail van tellpoint
mail-test-text = Dit is een testmail van tellpoint: de mailinstellingen werken.
mail-test-link = Open het beheer
mail-test-address = Vul het adres in waar de testmail heen moet, zoals jij@example.org.
mail-test-accepted = De mailserver heeft de testmail aangenomen. Controleer of hij is aangekomen.
nav-sms = Sms
sms-gateway = Sms-gateway
sms-provider = Gateway
sms-from = Afzender
sms-rate-value = hoogstens { $n } sms'jes per seconde
sms-cap = Maximum per maand
sms-cap-value = { $n } sms'jes per maand
sms-no-cap = geen
sms-price = Prijs per sms-deel
sms-no-price = niet ingesteld
sms-region = Land van nummers zonder landcode
sms-off = Sms staat uit: zet sms.enabled = true en de [sms]-instellingen in het configuratiebestand.
sms-from-config = Deze instellingen komen uit het configuratiebestand ([sms]); wijzig ze daar en start opnieuw.
sms-test = Stuur een test-sms
sms-test-to = Mobiel nummer
sms-test-send = Verstuur de test-sms
sms-test-text = Een test-sms van tellpoint: sms werkt.
sms-test-accepted = De gateway heeft de sms naar { $number } aangenomen. Controleer of hij is aangekomen.
sms-test-failed = De sms is niet verstuurd
sms-number-bad = Dit is geen telefoonnummer. Typ het met landcode (+31 6 12345678) of als nummer in { $region }.
sms-number-not-mobile = Dit nummer kan geen sms ontvangen: geef een mobiel nummer.
sms-err-credentials = De gateway weigerde de gebruikersnaam of het wachtwoord: controleer sms.username en sms.password.
sms-err-number = De gateway verstuurt niet naar dit nummer: controleer of het een mobiel nummer is in een land dat je account dekt.
sms-err-credit = Het tegoed is op: waardeer het op bij de aanbieder.
sms-err-down = De gateway is niet bereikbaar: controleer of hij draait en of sms.url klopt. Sms'jes wachten en worden verstuurd zodra hij weer bereikbaar is.
sms-err-refused = De gateway weigerde de sms; het antwoord staat hieronder.

## Text messages
phone_label = Mobiel nummer
phone_hint = Voor een sms met een link op herinneringsdagen. Alleen daarvoor gebruikt, en gewist als je je afmeldt (antwoord STOP).
enrol_or = of
err_phone_empty = Vul je mobiele nummer in.
err_phone_bad = Vul een mobiel nummer in zoals { $national } of { $international }.
err_phone_not_mobile = Dit nummer kan geen sms ontvangen: vul een mobiel nummer in.
err_contact_empty = Vul je e-mailadres of je mobiele nummer in.
check_phone_title = Kijk op je telefoon
check_phone_text = Als dit nummer zich kan aanmelden, is er een sms met een bevestigingslink onderweg. Komt er niets? Controleer het nummer en probeer het opnieuw.
sms-confirm = { $title }: bevestig je aanmelding: { $link }
sms-already = { $title }: je persoonlijke link: { $link }
sms-access = tellpoint: wat er over je nummer is bewaard: { $link } (werkt een uur)
sms-change = tellpoint: bevestig je nieuwe nummer voor herinneringen: { $link }
sms-reminder = { $title }: hoe ging het? { $link } Stoppen: antwoord STOP of { $stop }
set-contact = Kies hoe deelnemers worden bereikt: e-mail, sms of beide.
set-phone-region = Typ het land als twee letters, zoals NL of BE, of laat het veld leeg.
camp-contact = Hoe aangemelde deelnemers worden bereikt
camp-contact-email = Per e-mail
camp-contact-phone = Per sms
camp-contact-both = Beide: elke deelnemer kiest
camp-contact-off = Sms staat uit in deze installatie ([sms] in de configuratie): deelnemers wordt om een e-mailadres gevraagd.
camp-phone-region = Land van mobiele nummers die zonder landcode worden getypt
camp-phone-region-hint = Twee letters, zoals NL, BE, SE of FI. Leeg: de standaard van deze installatie ({ $region }). Nummers met + en landcode worden gelezen zoals ze getypt zijn.
camp-text-sample = Een herinnerings-sms zoals deelnemers hem krijgen (links op echte lengte):
camp-text-segments = { $chars } tekens, { $encoding }: { $n ->
        [one] 1 sms
       *[other] { $n } sms-delen
    }
sms-month = Deze maand
sms-month-sent = { $n ->
    [one] Eén sms'je verstuurd tot nu toe
   *[other] { $n } sms'jes verstuurd tot nu toe
}, { $segments ->
    [one] één sms-deel.
   *[other] { $segments } sms-delen.
}
sms-month-cost = Ongeveer { $cost } { $currency }.
sms-projected = In dit tempo zijn het er aan het eind van de maand { $n ->
    [one] één
   *[other] { $n }
}.
sms-capped = Het maandmaximum van { $cap } sms'jes is bereikt: sms'jes blijven in de wachtrij staan tot volgende maand, of tot het maximum (sms.monthly_cap) omhooggaat en tellpoint is herstart.
sms-counts = Sinds de start: { $sent } afgeleverd bij de gateway, { $deferred } later opnieuw geprobeerd, { $rejected } geweigerd.
sms-reports = Afleverrapporten over de sms'jes van deze maand: afgeleverd op de telefoon { $delivered }, niet afgeleverd { $failed }, nog niet gemeld { $awaiting }, nooit gemeld (binnen een week) { $unreported }.
sms-reports-off = Afleverrapporten staan uit: daarvoor is sms.incoming_token nodig, dat in het adres voor de rapporten staat.
