# tellpoint på svenska: orden på varje sida och i varje e-post.
# Variabler skrivs { $namn }; behåll dem, flytta dem dit meningen behöver dem.

## Om språket självt
language-name = Svenska
number-grouping = space
decimal-separator = ,
percent = { $n } %
month-short = { $m ->
    [1] jan.
    [2] feb.
    [3] mars
    [4] apr.
    [5] maj
    [6] juni
    [7] juli
    [8] aug.
    [9] sep.
    [10] okt.
    [11] nov.
   *[12] dec.
}
month-long = { $m ->
    [1] januari
    [2] februari
    [3] mars
    [4] april
    [5] maj
    [6] juni
    [7] juli
    [8] augusti
    [9] september
    [10] oktober
    [11] november
   *[12] december
}
date-short = { $day } { $month }
date-long = { $day } { $month } { $year }


## Pages, mails and charts

submit = Skicka
save = Spara och fortsätt senare
required = obligatorisk
optional = frivillig
dont_know = Vet inte
since = Räknas från frågeformulärets version { $v }: frågans innebörd ändrades då.
no_longer_offered = erbjuds inte längre
yes = Ja
no = Nej
problem = Något behöver rättas
problem_intro = Några svar behöver ses över. Inget har skickats än.
err_required = Svara på den här frågan.
err_choice = Välj ett av alternativen.
err_max_picks = För många val.
err_range = Välj ett värde i intervallet.
err_slider = Ange ett tal från 0 till 100.
err_slider_required = Svara på frågan: dra reglaget dit det passar, eller välj ett steg.
err_triad = Ange tre heltal från 0 till 100 som tillsammans blir 100.
err_story_long = Texten är för lång.
triad_hint = Fördela 100 poäng mellan de tre: hur mycket av varje passar det som hände?
slider_hint = 0 betyder helt till vänster, 100 helt till höger.
slider_none = Inget svar
slider_unset = inte vald: dra reglaget för att svara
slider_clear = Ta bort mitt svar
max_picks = Välj högst
max_chars = Högst { $n } tecken
thanks_title = Tack
receipt_title = Vill du ha svar? Spara det här kvittot
receipt_intro = Med kvittot kan du läsa och besvara det som kampanjens moderatorer skriver om ditt svar. De vet inte vem du är, och kvittot berättar det inte.
receipt_label = Ditt kvitto
receipt_lost = Skriv ner det eller ta en bild av det nu. Sidan visar det bara en gång: tappar du bort det förlorar du tråden, och ingen kan återskapa det, inte ens personalen.
receipt_keep = Behåll det för dig själv: den som har det kan läsa tråden.
receipt_when = Du får inget mejl eller meddelande om svar, så att inget kopplar dig till ditt svar: titta igen om några dagar, och efter en vecka.
receipt_open = Öppna din tråd
f_title = Din uppföljningstråd
f_intro = Skriv in kvittot du fick när du skickade ditt svar.
f_receipt = Kvitto (30 siffror)
f_open = Öppna
f_wrong = Kvittot öppnar ingen tråd. Kontrollera siffrorna och försök igen.
f_slow_title = För många försök
f_slow = Den här anslutningen har provat många kvitton på kort tid. Vänta en minut och försök igen.
f_story = Det du skrev
f_story_gone = Ditt svar hade ingen berättelse, eller så sparas den inte längre.
f_thread = Meddelanden
f_none = Ingen har skrivit än. Du kan skriva först, eller titta igen senare.
f_you = Du
f_staff = Personalen
f_write = Ditt meddelande
f_send = Skicka meddelande
f_sent = Ditt meddelande har skickats.
f_empty = Skriv ett meddelande innan du skickar.
f_too_long = Håll meddelandet under 4 000 tecken.
f_unsent = Ditt meddelande skickades inte. Här är det, om du vill kopiera det:
f_too_fast = Många meddelanden kom från den här anslutningen på kort tid. Vänta en minut och skicka igen: ditt meddelande finns kvar här.
f_closed = Tråden är stängd: du kan läsa den men inte längre skriva i den.
f_kept = Tråden raderas { $n } dagar efter det senaste meddelandet, och senast tillsammans med kampanjen.
f_leave = Stäng sidan när du är klar, särskilt på en delad enhet.
thanks_text = Dina svar har tagits emot. De sparas utan ditt namn, din adress eller tiden på dygnet.
closed_title = Den här kampanjen är stängd
closed_text = Den tar inte längre emot svar. Tack för att du ville vara med.
ended_title = Den här kampanjen har avslutats
ended_text = Den tar inte längre emot svar. Tack för att du ville vara med.
not_yet_title = Inte öppen än
not_yet_text = Kampanjen tar inte emot svar än. Kom tillbaka senare.
language = Språk
saved_title = Sparat till senare
saved_text = Dina svar hittills är sparade, låsta med en kod som bara du har. Spara länken eller skriv ner de tolv orden: ingen kan slå upp dem åt dig. De sparade svaren raderas efter så här många dagar:
saved_link = Fortsätt senare med den här länken
saved_words = Eller skriv in de här tolv orden på
resume_title = Fortsätt ett sparat formulär
resume_label = De tolv orden i din kod
resume_button = Fortsätt
resume_bad = Det här är inte tolv ord ur en kod. Kontrollera varje ord och försök igen.
resume_unknown = Inget sparat formulär har den här koden. Kontrollera orden; ett formulär som skickats sparas inte längre.
resume_expired = Det sparade formuläret har gått ut och svaren har raderats. Du kan börja om.
start_again = Börja på formuläret
question_of = Fråga
honeypot = Lämna fältet tomt
enrol_title = Få påminnelser
enrol_text = Ange din e-postadress för att få påminnelser med din personliga länk. Adressen förvaras krypterad, används bara för påminnelserna och kopplas aldrig till dina svar.
email_label = E-postadress
enrol_button = Anmäl mig
err_address_empty = Ange din e-postadress.
err_address_bad = Ange en e-postadress som namn@example.org.
check_title = Titta i din e-post
check_text = Om adressen kan anmälas är ett mejl med en bekräftelselänk på väg. Länken fungerar i 48 timmar. Inget mejl? Titta i skräpposten eller fråga arrangören om din adress finns på deras lista.
confirm_title = Bekräfta din anmälan
confirm_button = Bekräfta
enrolled_title = Du är anmäld
enrolled_text = Du får påminnelser med din personliga länk. Behåll den för dig själv: den öppnar ett nytt formulär varje gång. Du kan använda den nu:
open_form = Öppna formuläret
link_invalid_title = Länken fungerar inte
link_invalid_text = Den är okänd, redan använd eller har gått ut. Börja om från början.
too_many_title = För många förfrågningar
too_many_text = Den här anslutningen skickade många formulär på kort tid. Vänta en minut och försök igen.
enrolled_only_title = Bara personliga länkar
enrolled_only_text = Den här kampanjen tar emot svar via de personliga länkarna i påminnelsemejlen.
enrol_here = Inte anmäld än? Anmäl dig här
ticket_refused_title = Formuläret kan inte skickas
ticket_refused_text = Det har redan skickats, öppnades för mer än ett dygn sedan, kom inte från en personlig länk, eller så har länken redan skickat alla svar den får skicka i dag. Inget sparades. Öppna din personliga länk igen för ett nytt formulär, i morgon om det behövs.
unsub_title = Stoppa påminnelser
unsub_text = Stoppa påminnelserna och radera din anmälan och adress direkt?
unsub_button = Avregistrera
unsub_done_title = Du är avregistrerad
unsub_done_text = Din anmälan och adress har raderats. Du får inga fler påminnelser.
privacy_title = Dina uppgifter
privacy_text = Ange din e-postadress. Vi skickar en länk, giltig i en timme, till en sida som visar allt som finns sparat om den, där du kan ladda ner det, byta adress eller radera allt.
privacy_button = Skicka länken
privacy_sent_text = Om något finns sparat om den här adressen är ett mejl med en länk på väg. Länken fungerar i en timme.
privacy_sent_text_phone = Om något finns sparat om det här numret är ett sms med en länk på väg. Länken fungerar i en timme.
privacy_contact_label = E-postadress eller mobilnummer
rights_title = Vad som finns sparat om dig
rights_intro = Dina svar finns inte här: de sparas utan koppling till dig, så ingen kan hitta dem via din adress.
col_campaign = Kampanj
col_address = Adress
col_status = Status
col_enrolled = Anmäld den
status_pending = inte bekräftad
status_active = får påminnelser
status_inactive = pausad: mejl nekades
allow_lists = Din adress finns på tillåtelselistan för:
download = Ladda ner som JSON
change_title = Byt adress
new_address = Ny e-postadress
change_button = Skicka en bekräftelse till den nya adressen
change_sent = En bekräftelselänk har skickats till den nya adressen. Bytet sker när du öppnar den.
change_taken = Den adressen är redan anmäld till någon av kampanjerna.
changed_title = Adressen är bytt
changed_text = Påminnelser går nu till den nya adressen.
change_title_number = Byt nummer
new_address_number = Nytt mobilnummer
change_button_number = Skicka en bekräftelse med sms till det nya numret
change_sent_number = En bekräftelselänk har skickats med sms till det nya numret. Bytet sker när du öppnar den.
change_taken_number = Det numret är redan anmält till någon av kampanjerna.
changed_title_number = Numret är bytt
changed_text_number = Påminnelser går nu till det nya numret.
erase_title = Radera allt
erase_text = Raderar dina anmälningar och din adress direkt och tar bort adressen från tillåtelselistor. Påminnelserna upphör.
erase_confirm = Ja, radera mina adresser och anmälningar nu
erase_confirm_missing = Kryssa i rutan för att bekräfta raderingen; inget har raderats.
rights_intro_number = Dina svar finns inte här: de sparas utan koppling till dig, så ingen kan hitta dem via ditt nummer.
col_address_number = Nummer
allow_lists_number = Ditt nummer finns på tillåtelselistan för:
erase_text_number = Raderar dina anmälningar och ditt nummer direkt och tar bort numret från tillåtelselistor. Påminnelserna upphör.
erase_confirm_number = Ja, radera mitt nummer och mina anmälningar nu
erased_title = Raderat
erased_text = Allt som fanns sparat om din adress har raderats.
nothing_held = Inget finns sparat om den här adressen.
your_data = Dina uppgifter och rättigheter
mail_confirm_subject = Bekräfta: påminnelser för { $title }
mail_confirm_text = Någon, förhoppningsvis du, bad om påminnelser för { $title } till den här adressen. Bekräfta inom 48 timmar med den här länken:
mail_not_you = Inte du? Strunta i mejlet: utan bekräftelse skickas inget mer.
mail_already_subject = Din personliga länk för { $title }
mail_already_text = Du är redan anmäld till { $title }. Din personliga länk öppnar ett nytt formulär:
mail_reminder_subject = Dags för { $title }
mail_reminder_text = Hur gick det? Berätta med din personliga länk. Ditt svar sparas utan namn eller adress, och ingen får veta om du svarade.
mail_unsub = Stoppa påminnelserna:
mail_access_subject = Dina uppgifter i tellpoint
mail_access_text = Öppna länken inom en timme för att se, ladda ner, ändra eller radera det som finns sparat om din adress:
mail_change_subject = Bekräfta din nya adress
mail_change_text = Bekräfta inom 48 timmar att påminnelser ska gå till den här adressen från och med nu:
week_of = Veckan som började
whole_period = Hela perioden
responses = Svar
responses_per_week = Svar per vecka
responses_per_day = Svar per dag
answered = Antal som svarade
mean = Medelvärde
numbers = Siffrorna
answer = Svar
most_chosen = Vanligast
trend = Vecka för vecka
hidden = dolt
hidden_note = Färre än { $k } svar, eller en siffra som skulle avslöja en sådan grupp: dolt för att skydda anonymiteten.
triad_legend = Ju större punkt, desto fler valde den blandningen. En streckad ring: dolt.
too_few_week = Färre än { $k } personer svarade under den här perioden, så siffrorna visas inte.
report_title = Slutrapport
report_period = { $from } till { $to }
report_responses = { $n } svar under { $w ->
    [one] { $w } vecka
   *[other] { $w } veckor
}
report_responses_hidden = Svar: dolt (färre än { $k })
report_generated = Skapad { $d } av tellpoint
report_key = I korthet
report_question = Fråga
report_stands_out = Det som sticker ut
report_change = Första → sista veckan
report_by_question = Fråga för fråga
report_method = Metod
report_contents = Innehåll
report_no_quotes = Inga citat godkändes.
report_no_figures = Inga siffror släpptes: ingen avslutad period hade { $k } svar eller fler.
report_back = Tillbaka till översikten
report_print = Skriv ut sidan (eller spara den som PDF) från webbläsaren.
report_language = Rapportens språk
report_page = Sida
m_period = Period
m_period_text = { $from } till { $to } (tidszon { $tz }).
m_audience = Deltagare
m_audience_enrolled = anmälda deltagare, påminda via e-post.
m_audience_link = alla som har kampanjens länk.
m_questionnaire = Frågeformulär
m_questionnaire_text = version { $v }, { $n ->
    [one] { $n } fråga
   *[other] { $n } frågor
}.
m_threshold = Anonymitetsgräns
m_threshold_text = k = { $k }. Antal under { $k } svar döljs, liksom alla antal som en sådan grupp skulle kunna räknas fram ur (till exempel en summa minus de andra visade delarna).
m_retention = Lagring
m_retention_contacts = kontaktadresser till { $d } dagar efter slutdatumet;
m_retention_text = berättelsetexter { $s } dagar efter att kampanjen stängts; citat och veckosammanfattningar { $q } dagar; svar och dessa siffror { $r } dagar, då hela kampanjen raderas, dess nycklar först.
m_backups = Säkerhetskopior sparas { $d } dagar.
m_erased = Raderat hittills
m_erased_item = { $class } ({ $n }, den { $d })
m_erased_none = inget än.
m_protection = Hur anonymiteten skyddades
m_protection_text = svaren saknar namn, adress och identitetsuppgifter och dateras bara per { $unit }; inga IP-adresser eller enhetsuppgifter sparades; kontaktadresser, där de användes för påminnelser, hölls åtskilda från svaren och förseglade; berättelser lästes bara av moderatorer, och bara citat omskrivna av en moderator{ $reviewed } visas här.
m_unit_week = vecka
m_unit_day = dag
m_reviewed = och godkända av en granskare
class_contacts = kontakter
class_stories = berättelser
class_quotes = citat
class_responses = svar
class_drafts = utkast
class_threads = trådar
rows_omitted = { $n ->
    [one] Ett annat svarsalternativ: valt av ingen, eller dolt.
   *[other] { $n } andra svarsalternativ: valda av ingen, eller dolda.
}
n_responses = { $n } svar
share_answered = Andel av de { $n } som svarade
mail_summary_subject = { $title }: veckans sammanfattning
mail_summary_text = Det som deltagarna i { $title } rapporterade förra veckan är nu sammanfattat: siffror som skyddar allas anonymitet, och godkända citat.
mood_0 = mycket dåligt
mood_1 = dåligt
mood_2 = neutralt
mood_3 = bra
mood_4 = mycket bra
summary_read = Läs vad alla rapporterade, vecka för vecka
summary_open = Läs sammanfattningen
summary_title = Veckosammanfattningar
summary_intro = Det som deltagarna rapporterade, vecka för vecka. Siffror för färre än { $k } svar visas aldrig, så att ingen kan kännas igen. Citaten är omskrivna av en moderator.
summary_none = Ingen sammanfattning är publicerad än. Den första kommer efter första veckan.
quotes = Med deras ord
published = Publicerad
notice_title = Integritetspolicy
notice_link = Integritet
notice_who_h = Vem som är ansvarig
notice_who = { $controller } är personuppgiftsansvarig för den här kampanjens data. Kontakt: { $contact }.
notice_who_unset = Organisationen som bjöd in dig är ansvarig för den här kampanjens data; fråga den om kontaktuppgifter.
notice_what_h = Vad som samlas in
notice_answers = Dina svar på frågorna, daterade till { $period }.
notice_stories = Det du skriver med egna ord, lagrat krypterat. Bara moderatorer läser det; det publiceras bara som ett citat som de skriver om.
notice_contact = Din e-postadress och ditt språk, bara för att skicka påminnelser: lagrade krypterat, skilda från dina svar och aldrig kopplade till dem.
notice_phone = Ditt mobilnummer och ditt språk, bara för att skicka påminnelser med sms: lagrade krypterat, skilda från dina svar, aldrig kopplade till dem och raderade direkt när du svarar STOP eller avslutar.
notice_not_h = Vad som inte samlas in
notice_not = Ingen IP-adress, inga uppgifter om webbläsare eller enhet, ingen tidsuppgift mer exakt än { $period } och ingen uppgift om huruvida eller när du svarade.
period_day = dagen
period_week = veckan
notice_why_h = Varför
notice_why = För att se mönster i vad människor upplever, aldrig för att bedöma en person. Siffror om färre än { $k } svar, eller siffror som en sådan grupp kan räknas fram ur, visas aldrig för någon.
notice_keep_h = Hur länge det sparas
notice_keep_contacts = Din e-postadress: till { $n } dagar efter att kampanjen slutar den { $date }, eller direkt när du avregistrerar dig eller begär radering.
notice_keep_phone = Ditt mobilnummer: till { $n } dagar efter att kampanjen slutar den { $date }, eller direkt när du svarar STOP eller avslutar.
notice_keep_stories = Texter med egna ord: { $n } dagar efter att kampanjen avslutats.
notice_keep_quotes = Citat och veckosammanfattningar: { $n } dagar efter att kampanjen avslutats.
notice_keep_responses = Svar och siffrorna som görs av dem: { $n } dagar efter att kampanjen avslutats; sedan raderas hela kampanjen.
notice_keep_threads = Uppföljningstrådar: { $n } dagar efter det senaste meddelandet, och senast tillsammans med hela kampanjen.
notice_threads = Om du sparar kvittot som erbjuds efter svaret: meddelandena som du och kampanjens moderatorer skriver i dess tråd, daterade till dagen. Själva kvittot sparas inte, bara ett nyckelbaserat avtryck av det som leder till ditt svar, aldrig till dig.
notice_erased = Raderat betyder raderat: krypteringsnyckeln till raderade data förstörs, så ingen kopia kan läsas längre.
notice_backups = Säkerhetskopior sparas i { $n } dagar. Data som raderas här kan inte längre läsas i någon säkerhetskopia från nästa dagliga säkerhetskopia, och är borta ur säkerhetskopiorna inom { $n } dagar.
notice_no_backups = Inga schemalagda säkerhetskopior görs, så raderade data finns inte kvar i någon.
notice_where_h = Var data finns
notice_where = På organisationens egen server ({ $host }). Inget lämnas vidare till andra tjänster.
notice_where_mail = Påminnelser lämnas till organisationens e-postserver, som levererar dem.
notice_where_text = Påminnelse-sms lämnas till organisationens sms-gateway, som skickar dem vidare till din mobiloperatör.
notice_rights_h = Dina rättigheter
notice_rights = Du kan se, ladda ner, rätta eller radera det som finns om din e-postadress; varje påminnelse har också en länk för att avregistrera dig direkt. Dina svar kan inte visas eller raderas ett och ett: inget kopplar dem till dig.
notice_rights_link = Se eller radera det som finns om din adress
answers_too_many_title = För många svar
answers_too_many_text = Den här anslutningen skickade många svar på kort tid. Vänta en minut och skicka igen: dina svar finns kvar i formuläret när du går tillbaka.

## The admin panel
skip-to-content = Hoppa till innehållet
footer-tagline = tellpoint – personalen ser mönster, aldrig personer.
nav-label = Personal
nav-home = Start
nav-campaigns = Kampanjer
nav-staff = Personal
nav-mail = E-post
nav-audit = Granskningslogg
nav-erasure = Raderingslogg
nav-password = Lösenord
nav-sign-out = Logga ut
role-owner = ägare
role-analyst = analytiker
role-moderator = moderator
role-reviewer = granskare
status-draft = utkast
status-open = öppen
status-closed = stängd
status-ended = avslutad
home-title = Administration
home-hello = Hej, { $name }
home-role = Du är inloggad som { $role }.
home-campaigns-what = frågeformulär, scheman, anmälan.
home-staff-what = bjud in personer, ge roller, stäng av konton, återställ autentiseringsappar.
home-audit-what = varje åtgärd av personalen, kedjad så att ändringar syns.
home-password = Byt ditt lösenord
home-sessions = Var du är inloggad
home-campaigns = Kampanjer
home-language = Administrationens språk
home-language-browser = Som min webbläsare
home-language-save = Spara
link-dashboard = Översikt
link-report = Slutrapport
link-stories = Berättelser
link-threads = Uppföljningstrådar
link-threads-unread = Uppföljningstrådar ({ $n } med nytt meddelande)
link-quotes = Citat
link-summaries = Sammanfattningar
cert-title = TLS-certifikatet kunde inte förnyas
cert-since = Sedan { $since } har certifikatutfärdaren inte utfärdat något nytt certifikat:
cert-valid = Det nuvarande certifikatet används fortfarande; det gäller till { $until }.
cert-placeholder = Webbläsare får se ett självsignerat certifikat tills det första kommer.
cert-retry = tellpoint försöker igen { $at }.
weekday = { $d ->
    [1] måndag
    [2] tisdag
    [3] onsdag
    [4] torsdag
    [5] fredag
    [6] lördag
   *[7] söndag
}
date-weekday = { $weekday } { $day } { $month }
dash-title = Översikt
dash-heading = { $title }: översikt
dash-k = Anonymitetsgräns k = { $k }. Varje periods siffror bestäms en gång, när perioden släpps, och varje sida, sammanfattning och export visar samma siffror. Ett tal som skulle låta någon räkna ut en grupp på färre än { $k }, eller vad nästan alla i en grupp svarade, är dolt.
dash-csv = Ladda ner siffrorna (CSV)
dash-raw = Råa svar (ägare)
dash-split-by = Dela upp efter ”{ $question }”
dash-no-split = (ingen uppdelning)
dash-show = Visa
dash-no-groups = Ingen släppt period har ännu två grupper med minst { $k }.
dash-split-heading = { $period }, uppdelat efter ”{ $question }”
dash-joined = Mindre grupper slås ihop, så att varje grupp har minst { $k } svar.
dash-none = Inga siffror är släppta än.
dash-next-campaign = Siffrorna släpps en gång, för hela kampanjen, dagen efter att den slutar ({ $end }).
dash-next-weeks = Bara avslutade veckor visas. Siffrorna till och med { $upto } visas { $on } (en vecka med färre än { $k } svar slås ihop med nästa); hela kampanjen visas dagen efter att den slutar ({ $end }).
stories-title = Berättelser
stories-heading = { $title }: berättelser
stories-intro = Nyaste dagen först. Markerade ord kan vara personuppgifter: de hittas automatiskt och markeras bara; du avgör. Själva berättelsen ändras aldrig: ett citat är en ny text.
stories-excluded = { $n ->
    [one] 1 utesluten berättelse visas inte.
   *[other] { $n } uteslutna berättelser visas inte.
}
stories-question = fråga { $id }
stories-highlighted = { $n } markerade
stories-write-quote = Skriv ett citat
stories-from-day = ur berättelsen från { $day }
stories-thread = Uppföljningstråd
stories-thread-with = med den som svarade { $day }
stories-mark-handled = Markera som hanterad
stories-exclude = Uteslut för gott
stories-exclude-what = Berättelsen visas aldrig mer för någon, och inga citat kan skrivas ur den. Svaren räknas fortfarande i siffrorna.
stories-exclude-confirm = Ja, uteslut berättelsen för gott
stories-waiting = { $n ->
        [0] Ingen berättelse väntar på moderering.
        [one] 1 berättelse väntar på moderering.
       *[other] { $n } berättelser väntar på moderering.
    }
stories-quoted = { $n ->
        [one] 1 citat
       *[other] { $n } citat
    }
quotes-waiting = { $n ->
        [0] Inget citat väntar på granskning.
        [one] 1 citat väntar på granskning.
       *[other] { $n } citat väntar på granskning.
    }
stories-none = Inga berättelser än.
stories-terms = Ord att hålla utkik efter
stories-terms-label = Namn, platser och teamnamn att markera, ett per rad
stories-terms-hint = Förseglas med kampanjens nyckel; bara moderatorer ser dem markerade.
stories-terms-save = Spara listan
mark-handled = hanterad
mark-excluded = utesluten

## The campaign page
camp-status = Status
camp-version = frågeformulärets version { $v }
camp-frozen = har svar: ändringar blir version { $next }
camp-public-link = Publik länk
camp-open = Öppna för svar
camp-close = Stäng
camp-close-what = Stänger du kampanjen avslutas den för gott: ingen kan svara längre, de slutliga siffrorna släpps och lagringstiden börjar räknas.
camp-close-confirm = Ja, stäng kampanjen
camp-ended-on = slutdatumet var { $date }
camp-reopen-what = Öppnar du kampanjen igen kan man svara fram till det nya slutdatumet. Det går fram till att de slutliga siffrorna har släppts.
camp-reopen-until = Nytt slutdatum
camp-reopen = Öppna igen
confirm-missing = Kryssa i rutan för att bekräfta; inget har ändrats.
camp-preview = Förhandsgranska formuläret som deltagarna ser det
camp-preview-lang = Deltagarna ser, på
camp-preview-hint = Titeln och inledningen ovanför formuläret, medan du skriver; spara för att behålla dem.
camp-nav = Den här kampanjen
camp-erase = Radera den här kampanjen nu …
camp-questions = Frågor
camp-sections = Sidans delar
camp-sec-details = Uppgifter och datum
camp-sec-figures = Siffror och anonymitet
camp-sec-audience = Deltagare och påminnelser
camp-sec-moderation = Moderering och uppföljning
camp-sec-retention = Lagringstid
camp-move-up = Flytta fråga { $n } uppåt
camp-move-down = Flytta fråga { $n } nedåt
camp-delete-q = Ta bort fråga { $n }
camp-up = Upp
camp-down = Ned
camp-move-to = Flytta till
camp-move-to-label = Ny plats för fråga { $n }
camp-delete = Ta bort
camp-delete-confirm = Ja, ta bort fråga { $n }
camp-no-questions = Inga frågor än.
camp-add-kind = Lägg till en fråga av typen
camp-add = Lägg till
camp-settings = Inställningar
camp-not-saved = Inställningarna sparades inte
camp-languages = Erbjudna språk
camp-languages-hint = Varje text nedan efterfrågas på alla erbjudna språk; spara för att få fälten för ett språk du lägger till.
camp-text-optional = (frivillig; anges den, då på alla språk)
text-title = Titel
text-intro = Inledning ovanför formuläret
text-thanks = Tacktext efter att svaret skickats
text-mail_subject = Ämnesrad för påminnelser
text-mail_intro = Inledning i påminnelsemejlet
text-summary_intro = Inledning till veckosammanfattningarna
text-hint-mail_subject = Tom: ”Dags för” och titeln, på varje deltagares språk.
text-hint-thanks = Visas efter det vanliga tacket, på sidan efter att svaret skickats.
text-hint-summary_intro = Visas ovanför sammanfattningarna, efter standardtexten om anonymitet.
camp-start = Startdatum
camp-end = Slutdatum
camp-tz = Tidszon
camp-tz-hint = Ett IANA-namn som Europe/Stockholm; svaren dateras i den.
camp-dated = Svaren dateras per
camp-dated-day = dag
camp-dated-week = vecka (säkrare för små grupper)
camp-k = Anonymitetsgräns k
camp-k-hint = Grupper mindre än så visas aldrig. Minst 3.
camp-results = Siffrorna släpps
camp-results-hint = Bara avslutade perioder visas, och var och en bestäms en gång. Vecka för vecka ger en puls; för hela kampanjen ger större grupper, så att en uppdelning visar mer.
camp-results-weekly = vecka för vecka, och för hela kampanjen när den slutar
camp-results-campaign = bara för hela kampanjen, när den slutar
camp-breakdown = Dela upp siffrorna efter
camp-breakdown-hint = En fråga av typen ett val eller ja/nej, till exempel avdelning. Varje släppt period kan då visas grupp för grupp; grupper mindre än k slås ihop.
camp-audience = Vem får svara
camp-audience-link = alla som har länken
camp-audience-enrolled = bara anmälda deltagare, via sina påminnelselänkar
camp-reminders = Påminnelser till anmälda deltagare
camp-reminders-hint = Dessa dagar vid den lokala tiden nedan (i kampanjens tidszon), från startdatum till slutdatum. Alla aktiva påminns: tellpoint sparar inte vem som har svarat och kan därför inte påminna bara dem som inte har det.
camp-remind-at = Lokal tid för påminnelsen (TT:MM)
camp-reviewer = En granskare måste godkänna varje citat innan det kan publiceras (granskare kan stoppa det, med en motivering)
camp-follow-up = Uppföljning
camp-follow-up-offer = Ge varje svarande ett kvitto som öppnar en anonym tråd med kampanjens moderatorer
camp-notify = Mejla den här adressen när trådar har olästa meddelanden
camp-notify-hint = En gång om dagen kl. 08.00 i kampanjens tidszon, aldrig i samma stund som någon skriver: mejlet säger hur många trådar som väntar, aldrig vad de säger. Tomt: inget mejl.
camp-summaries = Veckosammanfattningar för deltagarna
camp-summaries-hint = Varje avslutad veckas sammanfattning väntar på sammanfattningssidan, där personalen förhandsgranskar den som deltagarna kommer att se den och publicerar den.
camp-summaries-moderators = Moderatorer får också förhandsgranska och publicera sammanfattningar (inte bara ägaren)
camp-summaries-auto = Publicera varje veckas sammanfattning automatiskt, utan förhandsgranskning
camp-summaries-day = på följande
camp-summaries-at = vid lokal tid (TT:MM)
camp-summaries-mail = Mejla anmälda deltagare när en sammanfattning har publicerats
camp-retention = Lagringstid (dagar; tomt: installationens standard)
camp-retention-hint = Kortar du en period raderas data som redan är äldre vid nästa radering.
camp-keep-contacts = Deltagarnas kontaktuppgifter, efter slutdatumet (standard { $d })
camp-keep-stories = Berättelsetexter, efter stängning (standard { $d })
camp-keep-quotes = Citat och sammanfattningar, efter stängning (standard { $d })
camp-keep-responses = Svar och siffror, efter stängning; sedan raderas kampanjen (standard { $d })
camp-save = Spara inställningarna
camp-next-sends = Nästa påminnelser
camp-enrolment = Anmälan
camp-mail-off = E-post är avstängd: ange smtp.host och smtp.from i konfigurationen, annars väntar bekräftelser och påminnelser i utkorgen.
camp-enrol-link = Anmälningslänk
camp-participants = Deltagare: { $active ->
    [one] en aktiv
   *[other] { $active } aktiva
}, { $pending ->
    [one] en ännu inte bekräftad
   *[other] { $pending } ännu inte bekräftade
}, { $inactive ->
    [one] en pausad
   *[other] { $inactive } pausade
} efter avvisade meddelanden. Adresser och nummer visas aldrig.
camp-allow = { $numbers ->
    [yes] Tillåtna adresser och nummer
   *[no] Tillåtna adresser
}
camp-allow-count = { $n ->
    [one] En adress får
   *[other] { $n } adresser får
} anmäla sig; alla andra adresser får samma sida och inget mejl.
camp-allow-none = { $numbers ->
    [yes] Ingen lista: alla adresser och nummer får anmäla sig.
   *[no] Ingen lista: alla adresser får anmäla sig.
}
camp-allow-hashes = Listan sparas bara som nyckelhashar.
camp-allow-refused = Listan ändrades inte
camp-allow-addresses = { $numbers ->
    [yes] Adresser eller mobilnummer, en per rad (eller CSV-rader)
   *[no] Adresser, en per rad (eller CSV-rader)
}
camp-allow-file = { $numbers ->
    [yes] Eller en CSV-fil (valfri kolumn med adresser eller nummer)
   *[no] Eller en CSV-fil (valfri kolumn med adresser)
}
camp-allow-these = { $numbers ->
    [yes] Dessa adresser och nummer
   *[no] Dessa adresser
}
camp-allow-add = läggs till i listan
camp-allow-replace = ersätter hela listan
camp-allow-save = Spara listan
camp-allow-remove = { $numbers ->
    [yes] Ta bort en adress eller ett nummer
   *[no] Ta bort en adress
}
camp-allow-not-there = { $kind ->
    [number] Det numret finns inte på listan.
   *[address] Den adressen finns inte på listan.
}
camp-allow-removed = { $kind ->
    [number] Numret är borttaget från listan.
   *[address] Adressen är borttagen från listan.
}
camp-allow-remove-what = { $numbers ->
    [yes] Skriv adressen eller mobilnumret som ska tas bort.
   *[no] Skriv adressen som ska tas bort, till exempel namn@exempel.se.
}
camp-allow-not-utf8 = Filen är inte UTF-8-text: spara den som CSV (UTF-8) och ladda upp den igen.
camp-allow-line-file = Filen, rad { $n }: { $numbers ->
    [yes] varken e-postadress eller mobilnummer
   *[no] ingen e-postadress
} i ”{ $text }”.
camp-allow-line-pasted = Inklistrad lista, rad { $n }: { $numbers ->
    [yes] varken e-postadress eller mobilnummer
   *[no] ingen e-postadress
} i ”{ $text }”.
camp-allow-count-both = { $addresses ->
    [one] En adress
   *[other] { $addresses } adresser
} och { $numbers ->
    [one] ett mobilnummer
   *[other] { $numbers } mobilnummer
} får anmäla sig; alla andra får samma sida men varken mejl eller sms.
camp-allow-count-mixed = { $n ->
    [one] En adress eller ett nummer får
   *[other] { $n } adresser och nummer får
} anmäla sig; alla andra får samma sida men varken mejl eller sms.
camp-allow-count-numbers = { $n ->
    [one] Ett mobilnummer får
   *[other] { $n } mobilnummer får
} anmäla sig; alla andra nummer får samma sida och inget sms.
camp-remove = Ta bort
camp-import-export = Import och export
camp-export = Exportera frågeformuläret som JSON
camp-import-refused = Importen avvisades
camp-import-json = Frågeformulär som JSON (ersätter de nuvarande frågorna)
camp-import = Importera
camp-cannot-open = Kampanjen kan inte öppnas än.
camp-text-missing = { $text } saknas ({ $language }).
kind-scale = skala
kind-single = ett val
kind-multi = flera val
kind-mood = känsla
kind-slider = reglage
kind-triad = triangel
kind-yesno = ja/nej
kind-story = berättelse
day-mon = måndag
day-tue = tisdag
day-wed = onsdag
day-thu = torsdag
day-fri = fredag
day-sat = lördag
day-sun = söndag

## The question builder
q-edit = Redigera frågan
q-new = Ny fråga
q-back = Tillbaka till { $title }
q-not-saved = Frågan sparades inte
q-changes = Ändringen ändrar vad frågan betyder
q-changes-text = Sparar du den börjar frågans resultat om från nästa version: svaren hittills stannar i siffrorna och exporterna som de är, märkta som från före ändringen, och läggs inte ihop med de nya. Ny formulering, översättningar, tillagda alternativ och en ny ordning håller ihop resultaten.
q-confirm-break = Jag förstår: börja om frågans resultat
q-prompt = Fråga
q-help = Hjälptext (frivillig)
q-required = Ett svar krävs
q-min = Lägsta värde (0 eller 1)
q-max = Högsta värde (2 till 11)
q-low = Text vid lägsta värdet (valfritt)
q-high = Text vid högsta värdet (valfritt)
q-dont-know = Erbjud ”vet inte”
q-options = Alternativ, ett per rad
q-max-picks = Högst så här många val (tomt: ingen gräns)
q-left = Vänster ände (0)
q-right = Höger ände (100)
q-pole1 = Första hörnet
q-pole2 = Andra hörnet
q-pole3 = Tredje hörnet
q-max-len = Längsta berättelse, i tecken
q-mood-text = Deltagarna väljer en av fem känslor, från mycket dåligt till mycket bra, visade som ansikten med ord.
q-save = Spara frågan
q-err-missing = saknas
q-err-too-long = högst { $n } tecken
q-err-range = ett heltal från { $min } till { $max }
q-err-line = , rad { $n }
kind-scale-what = Ett tal från lågt till högt, till exempel 1 till 5, med ord vid ändarna om du vill.
kind-single-what = Välj ett av några alternativ.
kind-multi-what = Välj ett eller flera av några alternativ, upp till ett maxantal som du kan ange.
kind-mood-what = Fem ansikten från mycket dåligt till mycket bra.
kind-slider-what = En punkt mellan två motsatta ord, från 0 till 100; den kan lämnas obesvarad.
kind-triad-what = Fördela 100 poäng mellan tre saker, i en triangel eller som tre tal.
kind-yesno-what = Ja eller nej.
kind-story-what = Fritext med deltagarens egna ord; modereras innan någon citerar den.

## Quotes and stories
quotes-heading = { $title }: citat
quotes-approval = Citat behöver en granskares godkännande; bara godkända citat visas i sammanfattningar och i rapporten.
quotes-no-approval = Citat godkänns när de skrivs; bara godkända citat visas i sammanfattningar och i rapporten.
quote-proposed = föreslaget
quote-approved = godkänt
quote-vetoed = stoppat
quote-withdrawn = tillbakadraget
quotes-veto-reason = Skäl till stoppet
quotes-approve = Godkänn
quotes-reason = Skäl att stoppa
quotes-veto = Stoppa
quotes-withdraw = Dra tillbaka
quotes-withdraw-what = Ett tillbakadraget citat publiceras aldrig igen; publicerade sammanfattningar behåller det de visade.
quotes-withdraw-confirm = Ja, dra tillbaka citatet
quotes-this = det här citatet
quotes-none = Inga citat än.
story-back = Tillbaka till berättelserna
story-heading = Berättelsen ({ $day })
story-quote = Citatet
story-quote-hint = Utgår från berättelsen med markerade ord utbytta mot platshållare som [namn]. Korta den och ta bort allt som kan peka ut en person.
story-quote-review = En granskare godkänner eller stoppar det innan det kan publiceras.
story-quote-direct = Det kan publiceras så snart du sparar det.
story-propose = Föreslå citatet
story-save = Spara citatet
## The campaign list
campaigns-caption = Alla kampanjer, nyaste först
campaigns-dates = Datum
campaigns-none = Inga kampanjer än.
campaigns-new = Ny kampanj
campaigns-create = Skapa utkast

## Signing in
login-title = Inloggning för personal
login-username = Användarnamn
login-password = Lösenord
login-continue = Fortsätt
code-title = Kod från autentiseringsappen
code-intro = Skriv den sexsiffriga kod som autentiseringsappen visar, eller en av dina återställningskoder.
code-label = Kod
code-sign-in = Logga in
code-cancel = Avbryt

## Staff accounts
staff-caption = Personalkonton
staff-role = Roll
staff-state = Läge
staff-actions = Åtgärder
staff-role-of = Roll för { $name }
staff-set-role = Sätt roll
staff-disabled = avstängt
staff-active = aktivt
staff-must-enrol = måste koppla en autentiseringsapp
staff-enable = Aktivera
staff-disable = Stäng av
staff-reset-mfa = Återställ autentiseringsappen
staff-disable-confirm = Ja, stäng av { $name } och avsluta hens inloggningar
staff-reset-mfa-confirm = Ja, ta bort autentiseringsappen för { $name }
staff-invite = Bjud in någon
staff-invites = Inbjudningar som inte använts än
staff-invites-caption = Länkar som fortfarande kan skapa ett konto
staff-invited-by = Inbjuden av
staff-invite-until = Gäller till
staff-invite-started = { $name } har börjat skapa kontot
staff-invite-revoke = Dra tillbaka
staff-invites-none = Ingen inbjudan väntar.
staff-invite-gone = Den inbjudan är redan använd, tillbakadragen eller har gått ut.
flash-invite-revoked = Inbjudan är tillbakadragen: länken fungerar inte längre.
staff-invite-text = Du får en engångslänk att lämna vidare (giltig i 7 dagar). Personen väljer själv användarnamn och lösenord.
staff-reviewer-does = ser citat som föreslås för publicering och kan stoppa dem.
staff-moderator-does = läser berättelser, skriver citat, svarar i uppföljningstrådar.
staff-analyst-does = ser översikter och exporterar sammanställda siffror; aldrig råa berättelser.
staff-owner-does = allt, plus kampanjer, personal och inställningar.
staff-create-invite = Skapa inbjudningslänk
pw-current = Nuvarande lösenord
pw-code = Kod från din autentiseringsapp
pw-new = Nytt lösenord
pw-hint = Minst 12 tecken.
pw-again = Nytt lösenord igen
pw-change = Byt lösenord
sessions-ended = Du är utloggad från alla andra webbläsare.
sessions-intro = Varje rad är en webbläsare som är inloggad på ditt konto. Byter du lösenord loggas också alla utom den här ut.
sessions-signed-in = Inloggad
sessions-last-used = Senast använd
sessions-this = Den här webbläsaren
sessions-end-others = Logga ut från alla andra webbläsare

## Mail, audit and erasure
mail-server = SMTP-server
mail-host = Värd och port
mail-security = Säkerhet
mail-login = Inloggning
mail-password-set = lösenord angivet
mail-password-unset = lösenord saknas
mail-no-login = ingen
mail-from = Avsändaradress
mail-rate = Takt
mail-rate-value = högst { $n } mejl per sekund
mail-off = E-post är avstängd: smtp.host är tomt. Mejlen väntar i utkorgen tills den anges.
mail-from-config = De här kommer från konfigurationsfilen eller variablerna TELLPOINT_SMTP__*; ändra dem där och starta om.
mail-delivery = Leverans
mail-counts = I kö: { $queued } · skickade: { $sent } · nya försök efter tillfälliga fel: { $deferred } · avvisade för gott och kastade: { $rejected } · deltagare pausade efter tre avvisningar: { $paused } · kastade vid avanmälan: { $dropped }
mail-at-least-once = Leveransen sker minst en gång: efter en krasch kan ett mejl som servern just tagit emot skickas igen.
mail-sender-name = Avsändarnamn
mail-sender-label = Namn som visas som avsändare
mail-test = Skicka ett testmejl
mail-test-failed = Testmejlet skickades inte
mail-test-to = Skicka till
mail-test-send = Skicka testmejl
audit-ok = Kedjan med { $n ->
    [one] { $n } post
   *[other] { $n } poster
} stämmer: ingen har ändrats eller tagits bort.
audit-broken = Kedjan stämmer inte: en post har ändrats eller tagits bort. För att hitta den första trasiga posten, kör
audit-caption = Poster, nyaste först (sida { $page } av { $pages })
audit-when = När
audit-who = Vem
audit-action = Åtgärd
audit-subject = Gäller
audit-pages = Sidor
audit-newer = Nyare
audit-older = Äldre
erasure-intro = Vad som raderats, per slag, kampanj och dag. Aldrig innehåll. Raderingen körs också av sig själv varje dag vid den inställda tiden.
erasure-run = Kör raderingen nu
erasure-run-confirm = Ja, radera nu allt vars lagringstid har gått ut
erasure-day = Dag
erasure-campaign = Kampanj
erasure-class = Slag
erasure-count = Antal
erasure-none = Inget har raderats än.

## Follow-up threads, erasing a campaign
threads-heading = { $title }: uppföljningstrådar
threads-intro = Nyaste meddelandet först; varje tråd dateras efter sitt senaste meddelande. En tråd hör till ett svar; ingen, inte heller du, kan se vem som skrev det.
threads-off = Uppföljning är avstängd för den här kampanjen:
threads-off-text = nya svarande får inget kvitto.
threads-start = För att starta en tråd, öppna en berättelse med kvitto från
thread-of = Tråd från { $day }
thread-new = nytt meddelande
thread-messages = { $n ->
    [one] 1 meddelande
   *[other] { $n } meddelanden
}
thread-closed = stängd
threads-none = Inga trådar än.
thread-start = Starta en uppföljningstråd
thread-all = Alla trådar i { $title }
thread-story = Den svarandes berättelse
thread-no-story = Svaret har ingen berättelse, eller så är den raderad.
thread-messages-h = Meddelanden
thread-reply = Ditt svar
thread-reply-hint = Undertecknas ”Personalen”, aldrig med ditt namn. Fråga inte vem den svarande är.
thread-closed-hint = Tråden är stängd: den svarande kan läsa ditt svar men inte svara.
thread-send = Skicka svaret
thread-close = Stäng tråden
thread-reopen = Öppna tråden igen
thread-erased = Tråden raderas { $n } dagar efter sitt senaste meddelande, och med kampanjen.
erase-title = Radera { $title }
erase-heading = Radera ”{ $title }” nu
erase-undone = Det här går inte att ångra.
erase-text = Först förstörs kampanjens datanyckel och varje deltagares kontaktnyckel, så att kampanjens adresser, berättelser, citat och sparade utkast inte längre kan läsas av någon, ur någon kopia. Sedan tas svar, siffror, sammanfattningar, deltagare, tillåtelselista och köade mejl bort, och nyckelfilen skrivs om utan de förstörda nycklarna. Raderingsloggen visar vad som raderades, aldrig innehåll.
erase-backups = Säkerhetskopior tagna före nu innehåller fortfarande kampanjen, förseglad med den förstörda nyckeln; de försvinner när kopiorna roterar.
erase-type = Skriv titeln, ”{ $title }”, för att bekräfta
erase-now = Radera kampanjen nu
erase-back = Tillbaka till kampanjen
report-later = Rapporten kommer när kampanjen har stängts
report-later-text = { $title } är { $status }. Slutrapporten görs av varje veckas siffror när kampanjen har avslutats (vid slutdatumet, eller när ägaren stänger den); till dess visar översikten siffrorna hittills:

## Accounts: setup, recovery codes, links
setup-title = Skapa ditt konto
setup-owner = Skapa ägarkontot
setup-staff = Skapa ditt personalkonto
setup-owner-text = Ägaren sköter kampanjer, personal och inställningar i den här tellpoint.
setup-invited = Du har bjudits in som { $role }.
setup-steps = Steg 1 av 2: välj användarnamn och lösenord. Steg 2: koppla din autentiseringsapp.
setup-username-hint = 2 till 32 tecken: bokstäverna a–z, siffror, punkt, understreck eller bindestreck.
setup-password-hint = Minst 12 tecken. Några ord som inte hör ihop blir ett bra lösenord.
setup-password-again = Lösenordet igen
recovery-title = Dina återställningskoder
recovery-heading = Spara de här återställningskoderna
recovery-text = Din autentiseringsapp är kopplad. Om du tappar bort telefonen kan du logga in en gång med var och en av de här koderna i stället för en kod från appen. De visas bara nu: skriv ut dem eller skriv ner dem, och förvara dem säkert.
recovery-sign-in = Fortsätt till inloggningen
reset-title = Koppla en ny autentiseringsapp
reset-text = En ägare har återställt autentiseringsappen för kontot { $name }. Ange kontots lösenord för att koppla en ny. Länken fungerar en gång.
invite-title = Inbjudningslänk
invite-heading = Inbjudningslänk för en ny { $role }
invite-text = Lämna länken vidare till personen, via en kanal du litar på. Den fungerar en gång och i { $n } dagar. Den visas bara nu.
invite-back = Tillbaka till personalen
mfa-reset-title = Autentiseringsappen återställd
mfa-reset-heading = Autentiseringsappen för { $name } är återställd
mfa-reset-text = { $name } är utloggad överallt, och lösenordet räcker inte längre för att logga in. Ge personen den här länken direkt eller via en kanal du litar på: med den och sitt lösenord kopplar hen en ny autentiseringsapp. Den fungerar en gång och i { $n } timmar, och visas bara nu.
invalid-title = Ogiltig länk
invalid-heading = Den här länken är inte giltig
invalid-text = Den har redan använts, ersatts av en nyare eller gått ut.
invalid-invite = En inbjudan: be en ägare av den här tellpoint om en ny.
invalid-setup = Länken för att skapa ägaren: för en ny länk, kör på servern
landing-title = Välkommen
landing-text = Med tellpoint kan en organisation anonymt lyssna på dem som hör till den. Har du fått en länk för att berätta något, öppna den länken: den leder till rätt formulär.
landing-not-set-up = Inte inställd än
landing-setup-text = Det finns ingen ägare än. Den som installerar tellpoint hittar en engångslänk i loggen, eller får en genom att köra

## Sign-in messages
login-denied = Användarnamnet eller lösenordet stämmer inte, eller så kan kontot inte logga in.
login-bad-code = Koden stämmer inte, eller har redan använts. Skriv de sex siffror som appen visar nu, eller en återställningskod.
login-needs-reset = En ägare har återställt kontots autentiseringsapp. Öppna länken du fick för att koppla en ny; lösenordet räcker inte längre för att logga in.
login-too-many = För många försök. Vänta { $wait } sekunder och försök sedan igen.

## Summaries for staff
sum-heading = { $title }: veckosammanfattningar
sum-where = Deltagarna läser dem på
sum-auto = Varje veckas sammanfattning publiceras automatiskt följande { $day } kl. { $at } (kampanjens tid), utan förhandsgranskning.
sum-by-hand = En sammanfattning visas där först när du publicerar den här, efter en förhandsgranskning.
sum-stays = En publicerad sammanfattning förblir som den publicerades; ett tillbakadraget citat försvinner ur den.
sum-ready = Klara att publicera
sum-quotes = { $n ->
    [one] Publiceringen lägger till det godkända citat som ännu inte finns i någon sammanfattning.
   *[other] Publiceringen lägger till de { $n } godkända citat som ännu inte finns i någon sammanfattning.
}
sum-no-quotes = Inget godkänt citat väntar: en sammanfattning som publiceras nu har bara siffror.
sum-too-few = färre än { $k }: sammanfattningen säger det på en rad, utan siffror
sum-preview = Förhandsgranska
sum-publish = Publicera
sum-none-waiting = Ingen avslutad period väntar.
sum-running = Veckan från { $from } pågår fortfarande; dess sammanfattning kan förhandsgranskas och publiceras från { $on }. (Siffror för en vecka som pågår skulle avslöja svaren som kommer efter dem.)
sum-period-from = Period från
sum-none-yet = Inga än.
sum-preview-title = Förhandsgranskning, inte publicerad.
sum-preview-text = Så här ser sammanfattningen av { $period } ut för deltagarna, med de citat som publiceringen skulle lägga till. Byt språk för att granska varje version.
sum-publish-this = Publicera den här sammanfattningen
sum-back = Tillbaka till sammanfattningarna

## Problems with the campaign settings ({ $text } is the field's name)
set-languages = Erbjud minst ett språk.
set-title = Ge kampanjen en titel.
set-date = Ange ett datum som ÅÅÅÅ-MM-DD.
set-end-before = Slutdatumet får inte vara före startdatumet.
set-time-zone = { $tz } är ingen känd tidszon; använd ett namn som Europe/Stockholm.
set-granularity = Välj dag eller vecka.
set-k = Ange ett heltal som är minst { $min }.
set-audience = Välj vem som får svara.
set-summary-day = Välj veckodagen då sammanfattningar publiceras.
set-summary-at = Ange tiden då sammanfattningar publiceras som TT:MM, t.ex. 09:00.
set-days = Ange ett antal dagar från 1 till 3650, eller lämna tomt för standardvärdet.
set-notify = Ange en e-postadress som team@example.org, eller lämna tomt för inget mejl.
set-results = Välj om siffrorna kommer vecka för vecka eller för hela kampanjen.
set-too-long = { $text } ({ $language }): högst { $most } tecken.
set-one-line = { $text } ({ $language }): skriv texten på en rad.
set-remind-day = { $day } är ingen dag; välj dagar i listan.
set-remind-at = Ange klockslaget som TT:MM, t.ex. 15:30.
set-breakdown = Välj en fråga med ett val eller ja/nej i den här kampanjen att dela upp efter, eller ingen uppdelning.

## Error pages
err-code = Fel { $status }
err-back = Tillbaka till startsidan
err-400-title = Felaktig begäran
err-400-text = Begäran gick inte att förstå. Gå tillbaka och försök igen.
err-403-title = Inte tillåtet
err-403-text = Du får inte göra detta. Tycker du att du borde få det, fråga en ägare av den här tellpoint, eller ladda om formuläret och försök igen.
err-404-title = Hittades inte
err-404-text = Det finns inget på den här adressen. Kontrollera länken du följde.
err-405-title = Inte tillåtet här
err-405-text = Den här adressen tar inte emot den sortens begäran.
err-408-title = För långsamt
err-408-text = Det du skickade tog för lång tid att komma fram. Kontrollera anslutningen och skicka igen.
err-409-title = Inte möjligt nu
err-409-text = Det går inte i nuvarande läge. Ladda om sidan för att se hur det står till.
err-413-title = För stort
err-413-text = Det du skickade är större än tellpoint tar emot. Korta det och försök igen.
err-422-title = Kontrollera det du skrev
err-422-text = Något du angav gick inte att använda. Gå tillbaka och rätta det.
err-429-title = För många försök
err-429-text = Vänta en stund och försök igen.
err-503-title = Inte tillgänglig
err-503-text = tellpoint kan inte visa detta just nu. Försök igen om en stund.
err-500-title = Något gick fel
err-500-text = tellpoint kunde inte slutföra begäran. Inget du skickade gick förlorat hos oss; försök igen, och säg till dem som driver den här tellpoint om det fortsätter.
err-other-title = Fel
err-other-text = Begäran kunde inte slutföras.

## Account problems
acct-password-short = Använd minst 12 tecken. Några ord som inte hör ihop blir ett bra lösenord.
acct-password-long = Använd högst 128 tecken.
acct-password-differ = De två lösenorden skiljer sig åt. Skriv samma lösenord två gånger.
acct-password-repeated = Lösenordet är ett och samma tecken upprepat. Välj några ord som inte hör ihop i stället.
acct-password-guessable = Lösenordet är för lätt att gissa: det är ett känt läckt lösenord eller byggt av ett vanligt ord, namn, en följd eller ett datum. Några ord som inte hör ihop blir ett bra lösenord.
acct-username = Använd 2 till 32 tecken: bokstäverna a–z, siffror, punkt, understreck eller bindestreck.
acct-username-taken = Användarnamnet är upptaget. Välj ett annat.
acct-code-wrong = Koden stämmer inte. Skriv de sex siffror som appen visar nu.
acct-current-wrong = Det nuvarande lösenordet stämmer inte.
acct-code-used = Koden stämmer inte, eller har redan använts. Vänta på nästa.
acct-last-owner-role = Det här är den sista ägaren. Gör någon annan till ägare först.
acct-last-owner-disable = Det här är den sista ägaren och kan inte stängas av.
acct-disable-self = Du kan inte stänga av ditt eget konto: du skulle loggas ut utan förklaring. Be en annan ägare, eller gör någon annan till ägare först.
acct-reset-password-wrong = Lösenordet stämmer inte för kontot som länken gäller.

acct-username-taken-meanwhile = Användarnamnet togs under tiden. Öppna länken igen och välj ett annat.
camp-refused-title = Ge kampanjen en titel på 1 till 120 tecken.
camp-refused-no-questions = Lägg till minst en fråga innan du öppnar kampanjen.
camp-refused-order = En kampanj går från utkast till öppen till avslutad eller stängd; en avslutad eller stängd kampanj kan bara öppnas igen.
camp-refused-closed-questionnaire = Frågorna i en stängd kampanj kan inte ändras.
camp-reopen-end = Välj ett nytt slutdatum: i dag eller senare, och inte före startdatumet.
camp-reopen-released = Kampanjens slutliga siffror är redan släppta: svar som läggs till nu skulle gå att urskilja genom att jämföra siffror. Starta en ny kampanj i stället (exportera och importera frågorna).
camp-reopen-erased = Dess berättelser eller svar raderas redan enligt schemat; den kan inte ta emot svar igen.
flash-opened = Kampanjen är öppen.
flash-closed = Kampanjen är stängd.
flash-reopened = Kampanjen är öppen igen.
flash-saved = Inställningarna är sparade.
flash-story-excluded = Berättelsen är utesluten för gott.
flash-story-handled = Berättelsen är markerad som hanterad.
flash-quote-withdrawn = Citatet är tillbakadraget.
flash-question-deleted = Frågan är borttagen.
flash-erasure-run = Raderingen har körts; loggen nedan visar vad som raderades.
flash-staff-saved = Kontot är ändrat.
flash-language = Språket för din administration är sparat.
flash-question-saved = Frågan är sparad.
flash-question-moved = Frågan är flyttad.
flash-imported = Frågorna är importerade.
flash-campaign-erased = Kampanjen är raderad.
flash-sender-saved = Avsändarnamnet är sparat.
flash-allow-list-saved = Tillåtelselistan är sparad.
flash-terms-saved = Orden att hålla utkik efter är sparade.
flash-quote-reviewed = Ditt beslut om citatet är sparat.
flash-summary-published = Sammanfattningen är publicerad.
flash-reply-sent = Ditt svar är skickat.
flash-thread-saved = Tråden är uppdaterad.
home-responses = Svar i släppta veckor
home-last-period = { $period }: { $n }
home-none-released = Ingen vecka är släppt än: en veckas siffror visas när veckan är slut, om den har minst så många svar som anonymitetsgränsen kräver.
home-stories = Berättelser att moderera
home-quotes-review = Citat som väntar på granskning
home-quotes = Citat
home-threads = Olästa trådar
home-summaries = Sammanfattningar som väntar på publicering
home-summary-auto = publiceras automatiskt på { $day } kl. { $at }
home-next-reminder = Nästa påminnelse: { $at }
home-next-erasure = Nästa radering: { $what } den { $date }
home-erase-contacts = deltagarnas adresser
home-erase-stories = berättelsernas texter
home-erase-quotes = citat
home-erase-responses = svar
home-first-campaign = Skapa din första kampanj
story-flagged = Citatet innehåller fortfarande ord som kan peka ut någon. Byt ut dem, eller kryssa i dem du behåller med avsikt.
story-flagged-legend = Ord som kan peka ut någon
story-flagged-hint = Behåll ett ord bara om det inte pekar ut någon (en offentlig plats, ett ämne, en roll).
story-keep = Behåll ”{ $word }”
flash-quote-written = Citatet är sparat.

## The audit log
audit-act-audit-pruned = Rensade granskningsloggen
audit-act-campaign-allow-list-added = Lade till adresser i tillåtelselistan
audit-act-campaign-allow-list-removed = Tog bort en adress från tillåtelselistan
audit-act-campaign-allow-list-replaced = Ersatte tillåtelselistan
audit-act-campaign-closed = Stängde kampanjen
audit-act-campaign-created = Skapade kampanjen
audit-act-campaign-erased = Raderade kampanjen
audit-act-campaign-opened = Öppnade kampanjen
audit-act-campaign-reopened = Öppnade kampanjen igen
audit-act-campaign-settings-changed = Ändrade inställningarna
audit-act-erasure-run = Körde raderingen
audit-act-export-raw = Laddade ner de råa svaren
audit-act-invite-accepted = Tog emot en inbjudan
audit-act-invite-created = Skapade en inbjudan
audit-act-invite-revoked = Drog tillbaka en inbjudan
audit-act-login-failed = Misslyckad inloggning
audit-act-login-ok = Loggade in
audit-act-login-recovery-code-used = Loggade in med en återställningskod
audit-act-mail-from-name = Ändrade avsändarnamnet
audit-act-mfa-enrolled = Kopplade en autentiseringsapp
audit-act-mfa-reset-link-used = Använde en länk för ny autentiseringsapp
audit-act-moderation-terms-changed = Ändrade orden att hålla utkik efter
audit-act-password-change-failed = Misslyckat lösenordsbyte
audit-act-password-changed = Bytte lösenord
audit-act-questionnaire-changed = Ändrade frågorna
audit-act-quote-approved = Godkände ett citat
audit-act-quote-proposed = Föreslog ett citat
audit-act-quote-vetoed = Stoppade ett citat
audit-act-quote-withdrawn = Drog tillbaka ett citat
audit-act-sessions-ended = Loggade ut från alla andra webbläsare
audit-act-staff-disabled = Stängde av ett konto
audit-act-staff-enabled = Aktiverade ett konto
audit-act-staff-mfa-reset = Återställde en autentiseringsapp
audit-act-staff-role-changed = Ändrade en roll
audit-act-story-excluded = Uteslöt en berättelse
audit-act-story-handled = Markerade en berättelse som hanterad
audit-act-summary-published = Publicerade en sammanfattning
audit-act-thread-closed = Stängde en tråd
audit-act-thread-reopened = Öppnade en tråd igen
audit-act-thread-replied = Svarade i en tråd
audit-erased-campaign = en raderad kampanj
poll-ended = Din inloggning har gått ut, så nya meddelanden visas inte längre. Det du har skrivit sparas: logga in igen och öppna tråden, så finns det kvar i rutan.
poll-sign-in = Logga in igen
mail-news-subject = Uppföljningstrådar väntar på svar: { $title }
mail-news-text = { $n ->
    [one] 1 uppföljningstråd i { $title } har ett meddelande som ingen har läst än.
   *[other] { $n } uppföljningstrådar i { $title } har meddelanden som ingen har läst än.
} Mejlet innehåller avsiktligt inget av det som skrivits: logga in för att läsa.
mail-news-link = Öppna trådarna
mail-news-after = Den här adressen får mejlet en gång om dagen medan trådar väntar; ändra den i kampanjens inställningar.
mail-test-subject = Testmejl från tellpoint
mail-test-text = Det här är ett testmejl från tellpoint: e-postinställningarna fungerar.
mail-test-link = Öppna administrationen
mail-test-address = Skriv adressen som testmejlet ska skickas till, till exempel du@exempel.se.
mail-test-accepted = E-postservern tog emot testmejlet. Kontrollera att det kom fram.
nav-sms = Sms
sms-gateway = Sms-gateway
sms-provider = Gateway
sms-from = Avsändare
sms-rate-value = högst { $n } sms per sekund
sms-cap = Tak per månad
sms-cap-value = { $n } sms per månad
sms-no-cap = inget
sms-price = Pris per sms-del
sms-no-price = inte angivet
sms-region = Land för nummer utan landsnummer
sms-off = Sms är avstängt: sätt sms.enabled = true och [sms]-inställningarna i konfigurationsfilen.
sms-from-config = De här inställningarna kommer från konfigurationsfilen ([sms]); ändra dem där och starta om.
sms-test = Skicka ett test-sms
sms-test-to = Mobilnummer
sms-test-send = Skicka test-sms
sms-test-text = Ett test-sms från tellpoint: sms fungerar.
sms-test-accepted = Gatewayen tog emot sms:et till { $number }. Kontrollera att det kom fram.
sms-test-failed = Sms:et skickades inte
sms-number-bad = Det här är inget telefonnummer. Skriv det med landsnummer (+46 70 123 45 67) eller som ett nummer i { $region }.
sms-number-not-mobile = Det här numret kan inte ta emot sms: ange ett mobilnummer.
sms-err-credentials = Gatewayen godtog inte användarnamnet eller lösenordet: kontrollera sms.username och sms.password.
sms-err-number = Gatewayen skickar inte till det här numret: kontrollera att det är ett mobilnummer i ett land ditt konto täcker.
sms-err-credit = Kontot saknar kredit: fyll på hos leverantören.
sms-err-down = Gatewayen går inte att nå: kontrollera att den är igång och att sms.url stämmer. Sms väntar och skickas när den är tillbaka.
sms-err-refused = Gatewayen vägrade sms:et; dess svar står nedan.

## Text messages
phone_label = Mobilnummer
phone_hint = För ett sms med en länk på påminnelsedagar. Används bara till det och raderas när du avslutar (svara STOP).
enrol_or = eller
err_phone_empty = Skriv ditt mobilnummer.
err_phone_bad = Skriv ett mobilnummer som { $national } eller { $international }.
err_phone_not_mobile = Det här numret kan inte ta emot sms: skriv ett mobilnummer.
err_contact_empty = Skriv din e-postadress eller ditt mobilnummer.
check_phone_title = Titta i din telefon
check_phone_text = Om numret kan anmälas är ett sms med en bekräftelselänk på väg. Kommer inget? Kontrollera numret och försök igen.
sms-confirm = { $title }: bekräfta din anmälan: { $link }
sms-already = { $title }: din personliga länk: { $link }
sms-access = tellpoint: det som finns sparat om ditt nummer: { $link } (fungerar i en timme)
sms-change = tellpoint: bekräfta ditt nya nummer för påminnelser: { $link }
sms-reminder = { $title }: hur gick det? { $link } Avsluta: svara STOP eller { $stop }
set-contact = Välj hur deltagarna nås: e-post, sms eller båda.
set-phone-region = Skriv landet med två bokstäver, till exempel SE eller NL, eller lämna fältet tomt.
camp-contact = Hur anmälda deltagare nås
camp-contact-email = Med e-post
camp-contact-phone = Med sms
camp-contact-both = Båda: varje deltagare väljer
camp-contact-off = Sms är avstängt i den här installationen ([sms] i konfigurationen): deltagarna ombeds ange en e-postadress.
camp-phone-region = Land för mobilnummer som skrivs utan landsnummer
camp-phone-region-hint = Två bokstäver, till exempel SE, NL, FI eller BE. Tomt: installationens standard ({ $region }). Nummer som börjar med + och landsnummer används som de är.
camp-text-sample = Så här ser ett påminnelse-sms ut för deltagarna (länkarna i verklig längd):
camp-text-segments = { $chars } tecken, { $encoding }: { $n ->
        [one] 1 sms
       *[other] { $n } sms-delar
    }
sms-month = Den här månaden
sms-month-sent = { $n ->
    [one] Ett sms skickat hittills
   *[other] { $n } sms skickade hittills
}, { $segments ->
    [one] en sms-del.
   *[other] { $segments } sms-delar.
}
sms-month-cost = Cirka { $cost } { $currency }.
sms-projected = I den här takten blir det { $n ->
    [one] ett sms
   *[other] { $n } sms
} till månadens slut.
sms-capped = Månadstaket på { $cap } sms är nått: sms väntar i utkorgen till nästa månad, eller tills taket (sms.monthly_cap) höjs och tellpoint startas om.
sms-counts = Sedan start: { $sent } lämnade till gatewayen, { $deferred } försökta igen senare, { $rejected } avvisade.
sms-reports = Leveransrapporter för månadens sms: levererade { $delivered }, ej levererade { $failed }, väntar på rapport { $awaiting }, ingen rapport inom en vecka { $unreported }.
sms-reports-off = Leveransrapporter är avstängda: de kräver sms.incoming_token, som ingår i rapportadressen.
