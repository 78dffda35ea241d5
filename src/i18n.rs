//! The participant-facing words of tellpoint in each language it offers. Staff pages are
//! in English.

use crate::model::Lang;

/// The text for `key` in `lang`; unknown keys show as themselves so a gap is visible.
pub fn t(lang: Lang, key: &str) -> &'static str {
    let row: [&'static str; 3] = match key {
        "submit" => ["Send", "Skicka", "Versturen"],
        "save" => ["Save and continue later", "Spara och fortsätt senare", "Opslaan en later verdergaan"],
        "required" => ["required", "obligatorisk", "verplicht"],
        "optional" => ["optional", "frivillig", "optioneel"],
        "dont_know" => ["Don't know", "Vet inte", "Weet ik niet"],
        "since" => [
            "Counted from questionnaire version {v} on: the question's meaning changed then.",
            "Räknas från frågeformulärets version {v}: frågans innebörd ändrades då.",
            "Geteld vanaf versie {v} van de vragenlijst: toen veranderde de betekenis van de vraag.",
        ],
        "no_longer_offered" => ["no longer offered", "erbjuds inte längre", "niet meer aangeboden"],
        "yes" => ["Yes", "Ja", "Ja"],
        "no" => ["No", "Nej", "Nee"],
        "skip" => ["I prefer not to answer", "Jag vill inte svara", "Ik antwoord liever niet"],
        "problem" => ["There is a problem", "Något behöver rättas", "Er is een probleem"],
        "problem_intro" => [
            "Some answers need a look. Nothing was sent yet.",
            "Några svar behöver ses över. Inget har skickats än.",
            "Sommige antwoorden moeten worden bekeken. Er is nog niets verstuurd.",
        ],
        "err_required" => {
            ["Please answer this question.", "Svara på den här frågan.", "Beantwoord deze vraag."]
        }
        "err_choice" => {
            ["Choose one of the options.", "Välj ett av alternativen.", "Kies een van de opties."]
        }
        "err_max_picks" => ["Too many choices.", "För många val.", "Te veel keuzes."],
        "err_range" => [
            "Choose a value in the range.",
            "Välj ett värde i intervallet.",
            "Kies een waarde binnen het bereik.",
        ],
        "err_slider" => {
            ["Give a number from 0 to 100.", "Ange ett tal från 0 till 100.", "Geef een getal van 0 tot 100."]
        }
        "err_triad" => [
            "Give three whole numbers from 0 to 100 that add up to 100.",
            "Ange tre heltal från 0 till 100 som tillsammans blir 100.",
            "Geef drie hele getallen van 0 tot 100 die samen 100 zijn.",
        ],
        "err_story_long" => ["This text is too long.", "Texten är för lång.", "Deze tekst is te lang."],
        "triad_hint" => [
            "Divide 100 points between the three: how much of each fits what happened?",
            "Fördela 100 poäng mellan de tre: hur mycket av varje passar det som hände?",
            "Verdeel 100 punten over de drie: hoeveel van elk past bij wat er gebeurde?",
        ],
        "slider_hint" => [
            "0 is fully the left side, 100 fully the right side.",
            "0 är helt vänster sida, 100 helt höger sida.",
            "0 is helemaal links, 100 helemaal rechts.",
        ],
        "max_picks" => ["Choose at most", "Välj högst", "Kies er hoogstens"],
        "characters_max" => ["characters at most", "tecken som mest", "tekens maximaal"],
        "thanks_title" => ["Thank you", "Tack", "Dank je wel"],
        "receipt_title" => [
            "Want an answer? Keep this receipt",
            "Vill du ha svar? Spara det här kvittot",
            "Wil je een antwoord? Bewaar dit bewijs",
        ],
        "receipt_intro" => [
            "With this receipt you can read and answer what the campaign's moderators write about your response. They do not know who you are, and the receipt does not tell them.",
            "Med kvittot kan du läsa och besvara det som kampanjens moderatorer skriver om ditt svar. De vet inte vem du är, och kvittot berättar det inte.",
            "Met dit bewijs kun je lezen en beantwoorden wat de moderatoren van deze campagne over je reactie schrijven. Zij weten niet wie je bent, en het bewijs vertelt het hun niet.",
        ],
        "receipt_label" => ["Your receipt", "Ditt kvitto", "Jouw bewijs"],
        "receipt_lost" => [
            "Write it down or take a picture of it now. This page shows it only once: if you lose it, you lose the thread, and nobody can recover it, not even the staff.",
            "Skriv ner det eller ta en bild av det nu. Sidan visar det bara en gång: tappar du bort det förlorar du tråden, och ingen kan återskapa det, inte ens personalen.",
            "Schrijf het nu op of maak er een foto van. Deze pagina toont het maar één keer: raak je het kwijt, dan ben je het gesprek kwijt, en niemand kan het terughalen, ook de medewerkers niet.",
        ],
        "receipt_keep" => [
            "Keep it to yourself: whoever has it can read the thread.",
            "Behåll det för dig själv: den som har det kan läsa tråden.",
            "Houd het voor jezelf: wie het heeft, kan het gesprek lezen.",
        ],
        "receipt_when" => [
            "You will get no mail or message about replies, so that nothing links you to your response: look again in a few days, and after a week.",
            "Du får inget mejl eller meddelande om svar, så att inget kopplar dig till ditt svar: titta igen om några dagar, och efter en vecka.",
            "Je krijgt geen mail of bericht over antwoorden, zodat niets jou aan je reactie koppelt: kijk over een paar dagen opnieuw, en na een week.",
        ],
        "receipt_open" => ["Open your thread", "Öppna din tråd", "Open je gesprek"],
        "f_title" => ["Your follow-up thread", "Din uppföljningstråd", "Je vervolggesprek"],
        "f_intro" => [
            "Type the receipt you were given after sending your response.",
            "Skriv kvittot du fick när du skickade ditt svar.",
            "Typ het bewijs dat je kreeg nadat je je reactie verstuurde.",
        ],
        "f_receipt" => ["Receipt (30 digits)", "Kvitto (30 siffror)", "Bewijs (30 cijfers)"],
        "f_open" => ["Open", "Öppna", "Openen"],
        "f_wrong" => [
            "This receipt does not open a thread. Check the digits and try again.",
            "Kvittot öppnar ingen tråd. Kontrollera siffrorna och försök igen.",
            "Dit bewijs opent geen gesprek. Controleer de cijfers en probeer het opnieuw.",
        ],
        "f_slow_title" => ["Too many tries", "För många försök", "Te veel pogingen"],
        "f_slow" => [
            "This connection tried many receipts in a short time. Wait a minute, then try again.",
            "Den här anslutningen har provat många kvitton på kort tid. Vänta en minut och försök igen.",
            "Deze verbinding probeerde in korte tijd veel bewijzen. Wacht een minuut en probeer het dan opnieuw.",
        ],
        "f_story" => ["What you wrote", "Det du skrev", "Wat je schreef"],
        "f_story_gone" => [
            "Your response had no story, or its story is no longer kept.",
            "Ditt svar hade ingen berättelse, eller så sparas den inte längre.",
            "Je reactie had geen verhaal, of het verhaal wordt niet meer bewaard.",
        ],
        "f_thread" => ["Messages", "Meddelanden", "Berichten"],
        "f_none" => [
            "Nobody has written yet. You can write first, or look again later.",
            "Ingen har skrivit än. Du kan skriva först, eller titta igen senare.",
            "Er is nog niets geschreven. Je kunt als eerste schrijven, of later opnieuw kijken.",
        ],
        "f_you" => ["You", "Du", "Jij"],
        "f_staff" => ["Staff", "Personalen", "Medewerkers"],
        "f_write" => ["Your message", "Ditt meddelande", "Je bericht"],
        "f_send" => ["Send message", "Skicka meddelande", "Bericht versturen"],
        "f_sent" => ["Your message was sent.", "Ditt meddelande har skickats.", "Je bericht is verstuurd."],
        "f_empty" => [
            "Write a message before sending.",
            "Skriv ett meddelande innan du skickar.",
            "Schrijf een bericht voordat je verstuurt.",
        ],
        "f_too_long" => [
            "Keep your message under 4,000 characters.",
            "Håll meddelandet under 4 000 tecken.",
            "Houd je bericht onder de 4.000 tekens.",
        ],
        "f_unsent" => [
            "Your message was not sent. Here it is, to copy if you want to keep it:",
            "Ditt meddelande skickades inte. Här är det, om du vill kopiera det:",
            "Je bericht is niet verstuurd. Hier staat het, om te kopiëren als je het wilt bewaren:",
        ],
        "f_too_fast" => [
            "Many messages came from this connection in a short time. Wait a minute and send again: your message is still here.",
            "Många meddelanden kom från den här anslutningen på kort tid. Vänta en minut och skicka igen: ditt meddelande finns kvar här.",
            "Er kwamen in korte tijd veel berichten van deze verbinding. Wacht een minuut en verstuur opnieuw: je bericht staat er nog.",
        ],
        "f_closed" => [
            "This thread is closed: you can read it, but no longer write in it.",
            "Tråden är stängd: du kan läsa den men inte längre skriva i den.",
            "Dit gesprek is gesloten: je kunt het lezen, maar er niet meer in schrijven.",
        ],
        "f_kept" => [
            "This thread is erased {n} days after its last message, and at the latest with its campaign.",
            "Tråden raderas {n} dagar efter det senaste meddelandet, och senast tillsammans med kampanjen.",
            "Dit gesprek wordt {n} dagen na het laatste bericht gewist, en uiterlijk samen met de campagne.",
        ],
        "f_leave" => [
            "Close this page when you are done, especially on a shared device.",
            "Stäng sidan när du är klar, särskilt på en delad enhet.",
            "Sluit deze pagina als je klaar bent, zeker op een gedeeld apparaat.",
        ],
        "thanks_text" => [
            "Your answers were received. They are stored without your name, address or the time of day.",
            "Dina svar har tagits emot. De sparas utan ditt namn, din adress eller tiden på dygnet.",
            "Je antwoorden zijn ontvangen. Ze worden bewaard zonder je naam, adres of tijdstip.",
        ],
        "closed_title" => {
            ["This campaign is closed", "Den här kampanjen är stängd", "Deze campagne is gesloten"]
        }
        "closed_text" => [
            "It no longer takes answers. Thank you for wanting to take part.",
            "Den tar inte längre emot svar. Tack för att du ville vara med.",
            "Er kunnen geen antwoorden meer worden gegeven. Bedankt dat je wilde meedoen.",
        ],
        "not_yet_title" => ["Not open yet", "Inte öppen än", "Nog niet open"],
        "not_yet_text" => [
            "This campaign does not take answers yet. Please come back later.",
            "Kampanjen tar inte emot svar än. Kom tillbaka senare.",
            "Deze campagne neemt nog geen antwoorden aan. Kom later terug.",
        ],
        "language" => ["Language", "Språk", "Taal"],
        "saved_title" => ["Saved for later", "Sparat till senare", "Bewaard voor later"],
        "saved_text" => [
            "Your answers so far are saved, locked with a code that only you have. Keep the link or write down the twelve words: nobody can look them up for you. The saved answers are deleted after this many days:",
            "Dina svar hittills är sparade, låsta med en kod som bara du har. Spara länken eller skriv ner de tolv orden: ingen kan slå upp dem åt dig. De sparade svaren raderas efter så här många dagar:",
            "Je antwoorden tot nu toe zijn bewaard, vergrendeld met een code die alleen jij hebt. Bewaar de link of schrijf de twaalf woorden op: niemand kan ze voor je opzoeken. De bewaarde antwoorden worden verwijderd na dit aantal dagen:",
        ],
        "saved_link" => [
            "Continue later with this link",
            "Fortsätt senare med den här länken",
            "Ga later verder met deze link",
        ],
        "saved_words" => [
            "Or type these twelve words at",
            "Eller skriv de här tolv orden på",
            "Of typ deze twaalf woorden op",
        ],
        "resume_title" => {
            ["Continue a saved form", "Fortsätt ett sparat formulär", "Ga verder met een bewaard formulier"]
        }
        "resume_label" => {
            ["The twelve words of your code", "De tolv orden i din kod", "De twaalf woorden van je code"]
        }
        "resume_button" => ["Continue", "Fortsätt", "Verder"],
        "resume_bad" => [
            "These are not twelve words of a code. Check each word and try again.",
            "Det här är inte tolv ord ur en kod. Kontrollera varje ord och försök igen.",
            "Dit zijn geen twaalf woorden van een code. Controleer elk woord en probeer opnieuw.",
        ],
        "resume_unknown" => [
            "No saved form has this code. Check the words; a form that was sent is no longer saved.",
            "Inget sparat formulär har den här koden. Kontrollera orden; ett formulär som skickats sparas inte längre.",
            "Geen bewaard formulier heeft deze code. Controleer de woorden; een verstuurd formulier wordt niet meer bewaard.",
        ],
        "resume_expired" => [
            "This saved form has expired and its answers were deleted. You can start the form again.",
            "Det sparade formuläret har gått ut och svaren har raderats. Du kan börja om.",
            "Dit bewaarde formulier is verlopen en de antwoorden zijn verwijderd. Je kunt opnieuw beginnen.",
        ],
        "start_again" => ["Start the form", "Börja på formuläret", "Begin het formulier"],
        "question_of" => ["Question", "Fråga", "Vraag"],
        "honeypot" => ["Leave this field empty", "Lämna fältet tomt", "Laat dit veld leeg"],
        "enrol_title" => ["Get reminders", "Få påminnelser", "Herinneringen ontvangen"],
        "enrol_text" => [
            "Enter your email address to get reminders with your personal link. The address is kept sealed, used only for these reminders, and never linked to your answers.",
            "Ange din e-postadress för att få påminnelser med din personliga länk. Adressen förvaras krypterad, används bara för påminnelserna och kopplas aldrig till dina svar.",
            "Vul je e-mailadres in om herinneringen met je persoonlijke link te krijgen. Het adres wordt versleuteld bewaard, alleen voor deze herinneringen gebruikt en nooit aan je antwoorden gekoppeld.",
        ],
        "email_label" => ["Email address", "E-postadress", "E-mailadres"],
        "enrol_button" => ["Sign me up", "Anmäl mig", "Meld me aan"],
        "err_address_empty" => {
            ["Enter your email address.", "Ange din e-postadress.", "Vul je e-mailadres in."]
        }
        "err_address_bad" => [
            "Enter an email address such as name@example.org.",
            "Ange en e-postadress som namn@example.org.",
            "Vul een e-mailadres in zoals naam@example.org.",
        ],
        "check_title" => ["Check your mail", "Titta i din e-post", "Kijk in je e-mail"],
        "check_text" => [
            "If this address can take part, a mail with a confirmation link is on its way. The link works for 48 hours. No mail? Look in the spam folder, or ask the organiser whether your address is on their list.",
            "Om adressen kan delta är ett mejl med en bekräftelselänk på väg. Länken fungerar i 48 timmar. Inget mejl? Titta i skräpposten eller fråga arrangören om din adress finns på deras lista.",
            "Als dit adres mag meedoen, is er een e-mail met een bevestigingslink onderweg. De link werkt 48 uur. Geen e-mail? Kijk in de spammap, of vraag de organisator of je adres op hun lijst staat.",
        ],
        "confirm_title" => ["Confirm your enrolment", "Bekräfta din anmälan", "Bevestig je aanmelding"],
        "confirm_button" => ["Confirm", "Bekräfta", "Bevestigen"],
        "enrolled_title" => ["You are enrolled", "Du är anmäld", "Je bent aangemeld"],
        "enrolled_text" => [
            "You will get reminders with your personal link. Keep it to yourself: it opens a fresh form each time. You can use it now:",
            "Du får påminnelser med din personliga länk. Behåll den för dig själv: den öppnar ett nytt formulär varje gång. Du kan använda den nu:",
            "Je krijgt herinneringen met je persoonlijke link. Houd hem voor jezelf: hij opent elke keer een nieuw formulier. Je kunt hem nu gebruiken:",
        ],
        "open_form" => ["Open the form", "Öppna formuläret", "Open het formulier"],
        "link_invalid_title" => ["This link does not work", "Länken fungerar inte", "Deze link werkt niet"],
        "link_invalid_text" => [
            "It is unknown, already used or expired. Start again from the beginning.",
            "Den är okänd, redan använd eller har gått ut. Börja om från början.",
            "Hij is onbekend, al gebruikt of verlopen. Begin opnieuw.",
        ],
        "too_many_title" => ["Too many requests", "För många förfrågningar", "Te veel verzoeken"],
        "too_many_text" => [
            "This connection sent many forms in a short time. Wait a minute and try again.",
            "Den här anslutningen skickade många formulär på kort tid. Vänta en minut och försök igen.",
            "Deze verbinding stuurde veel formulieren in korte tijd. Wacht een minuut en probeer het opnieuw.",
        ],
        "enrolled_only_title" => {
            ["Personal links only", "Bara personliga länkar", "Alleen persoonlijke links"]
        }
        "enrolled_only_text" => [
            "This campaign takes answers through the personal links in its reminder mails.",
            "Den här kampanjen tar emot svar via de personliga länkarna i påminnelsemejlen.",
            "Deze campagne neemt antwoorden aan via de persoonlijke links in de herinneringsmails.",
        ],
        "enrol_here" => [
            "Not enrolled yet? Sign up here",
            "Inte anmäld än? Anmäl dig här",
            "Nog niet aangemeld? Meld je hier aan",
        ],
        "ticket_refused_title" => [
            "This form cannot be sent",
            "Formuläret kan inte skickas",
            "Dit formulier kan niet worden verstuurd",
        ],
        "ticket_refused_text" => [
            "It was sent already, it was opened more than a day ago, it did not come from a personal link, or this link has sent all the answers it may send today. Nothing was stored. Open your personal link again for a fresh form, tomorrow if need be.",
            "Det har redan skickats, öppnades för mer än ett dygn sedan, kom inte från en personlig länk, eller så har länken redan skickat alla svar den får skicka i dag. Inget sparades. Öppna din personliga länk igen för ett nytt formulär, i morgon om det behövs.",
            "Het is al verstuurd, meer dan een dag geleden geopend, kwam niet via een persoonlijke link, of deze link heeft vandaag al alle antwoorden verstuurd die hij mag versturen. Er is niets opgeslagen. Open je persoonlijke link opnieuw voor een nieuw formulier, zo nodig morgen.",
        ],
        "unsub_title" => ["Stop reminders", "Stoppa påminnelser", "Herinneringen stoppen"],
        "unsub_text" => [
            "Stop the reminders and delete your enrolment and address at once?",
            "Stoppa påminnelserna och radera din anmälan och adress direkt?",
            "De herinneringen stoppen en je aanmelding en adres meteen verwijderen?",
        ],
        "unsub_button" => ["Unsubscribe", "Avregistrera", "Afmelden"],
        "unsub_done_title" => ["You are unsubscribed", "Du är avregistrerad", "Je bent afgemeld"],
        "unsub_done_text" => [
            "Your enrolment and address were deleted. You get no more reminders.",
            "Din anmälan och adress har raderats. Du får inga fler påminnelser.",
            "Je aanmelding en adres zijn verwijderd. Je krijgt geen herinneringen meer.",
        ],
        "privacy_title" => ["Your data", "Dina uppgifter", "Jouw gegevens"],
        "privacy_text" => [
            "Enter your email address. We send a link, valid for one hour, to a page that shows everything held about it, where you can download it, change the address or erase it all.",
            "Ange din e-postadress. Vi skickar en länk, giltig i en timme, till en sida som visar allt som finns om den, där du kan ladda ner det, byta adress eller radera allt.",
            "Vul je e-mailadres in. We sturen een link, een uur geldig, naar een pagina die alles toont wat erover bewaard wordt, waar je het kunt downloaden, het adres wijzigen of alles wissen.",
        ],
        "privacy_button" => ["Send me the link", "Skicka länken", "Stuur me de link"],
        "privacy_sent_text" => [
            "If anything is held about this address, a mail with a link is on its way. The link works for one hour.",
            "Om något finns om den här adressen är ett mejl med en länk på väg. Länken fungerar i en timme.",
            "Als er iets over dit adres bewaard wordt, is er een e-mail met een link onderweg. De link werkt een uur.",
        ],
        "rights_title" => ["What is held about you", "Vad som finns om dig", "Wat er over je bewaard wordt"],
        "rights_intro" => [
            "Your answers are not here: they are stored without any link to you, so nobody can find them by your address.",
            "Dina svar finns inte här: de sparas utan koppling till dig, så ingen kan hitta dem via din adress.",
            "Je antwoorden staan hier niet: ze worden bewaard zonder koppeling met jou, dus niemand kan ze via je adres vinden.",
        ],
        "col_campaign" => ["Campaign", "Kampanj", "Campagne"],
        "col_address" => ["Address", "Adress", "Adres"],
        "col_status" => ["Status", "Status", "Status"],
        "col_enrolled" => ["Enrolled on", "Anmäld den", "Aangemeld op"],
        "status_pending" => ["not confirmed", "inte bekräftad", "niet bevestigd"],
        "status_active" => ["receives reminders", "får påminnelser", "krijgt herinneringen"],
        "status_inactive" => {
            ["paused: mail was refused", "pausad: mejl nekades", "gepauzeerd: e-mail geweigerd"]
        }
        "allow_lists" => [
            "Your address is on the allow-list of:",
            "Din adress finns på tillåtelselistan för:",
            "Je adres staat op de toegestane lijst van:",
        ],
        "download" => ["Download as JSON", "Ladda ner som JSON", "Downloaden als JSON"],
        "change_title" => ["Change address", "Byt adress", "Adres wijzigen"],
        "new_address" => ["New email address", "Ny e-postadress", "Nieuw e-mailadres"],
        "change_button" => [
            "Send a confirmation to the new address",
            "Skicka en bekräftelse till den nya adressen",
            "Stuur een bevestiging naar het nieuwe adres",
        ],
        "change_sent" => [
            "A confirmation link was sent to the new address. The change happens when you open it.",
            "En bekräftelselänk har skickats till den nya adressen. Bytet sker när du öppnar den.",
            "Er is een bevestigingslink naar het nieuwe adres gestuurd. De wijziging gebeurt als je hem opent.",
        ],
        "change_taken" => [
            "That address is already enrolled in one of these campaigns.",
            "Den adressen är redan anmäld i en av kampanjerna.",
            "Dat adres is al aangemeld in een van deze campagnes.",
        ],
        "changed_title" => ["Address changed", "Adressen är bytt", "Adres gewijzigd"],
        "changed_text" => [
            "Reminders now go to the new address.",
            "Påminnelser går nu till den nya adressen.",
            "Herinneringen gaan nu naar het nieuwe adres.",
        ],
        "erase_title" => ["Erase everything", "Radera allt", "Alles wissen"],
        "erase_text" => [
            "Deletes your enrolments and address at once and removes your address from allow-lists. Reminders stop.",
            "Raderar dina anmälningar och din adress direkt och tar bort adressen från tillåtelselistor. Påminnelserna upphör.",
            "Verwijdert je aanmeldingen en adres meteen en haalt je adres van toegestane lijsten. De herinneringen stoppen.",
        ],
        "erased_title" => ["Erased", "Raderat", "Gewist"],
        "erased_text" => [
            "Everything held about your address was deleted.",
            "Allt som fanns om din adress har raderats.",
            "Alles wat over je adres bewaard werd, is verwijderd.",
        ],
        "nothing_held" => [
            "Nothing is held about this address.",
            "Inget finns om den här adressen.",
            "Er wordt niets over dit adres bewaard.",
        ],
        "your_data" => ["Your data and rights", "Dina uppgifter och rättigheter", "Jouw gegevens en rechten"],
        "mail_confirm_subject" => [
            "Confirm: reminders for {title}",
            "Bekräfta: påminnelser för {title}",
            "Bevestig: herinneringen voor {title}",
        ],
        "mail_confirm_text" => [
            "Someone, hopefully you, asked for reminders for {title} at this address. Confirm within 48 hours with this link:",
            "Någon, förhoppningsvis du, bad om påminnelser för {title} till den här adressen. Bekräfta inom 48 timmar med den här länken:",
            "Iemand, hopelijk jij, vroeg herinneringen voor {title} aan op dit adres. Bevestig binnen 48 uur met deze link:",
        ],
        "mail_not_you" => [
            "Not you? Ignore this mail: without confirmation nothing more is sent.",
            "Inte du? Strunta i mejlet: utan bekräftelse skickas inget mer.",
            "Was jij het niet? Negeer deze e-mail: zonder bevestiging wordt er niets meer gestuurd.",
        ],
        "mail_already_subject" => [
            "Your personal link for {title}",
            "Din personliga länk för {title}",
            "Je persoonlijke link voor {title}",
        ],
        "mail_already_text" => [
            "You are already enrolled in {title}. Your personal link opens a fresh form:",
            "Du är redan anmäld till {title}. Din personliga länk öppnar ett nytt formulär:",
            "Je bent al aangemeld voor {title}. Je persoonlijke link opent een nieuw formulier:",
        ],
        "mail_reminder_subject" => ["Time for {title}", "Dags för {title}", "Tijd voor {title}"],
        "mail_reminder_text" => [
            "How did it go? Tell us with your personal link. Your answer is stored without your name or address, and nobody learns whether you answered.",
            "Hur gick det? Berätta med din personliga länk. Ditt svar sparas utan namn eller adress, och ingen får veta om du svarade.",
            "Hoe ging het? Vertel het met je persoonlijke link. Je antwoord wordt bewaard zonder naam of adres, en niemand weet of je hebt geantwoord.",
        ],
        "mail_unsub" => ["Stop these reminders:", "Stoppa påminnelserna:", "Deze herinneringen stoppen:"],
        "mail_access_subject" => {
            ["Your data in tellpoint", "Dina uppgifter i tellpoint", "Jouw gegevens in tellpoint"]
        }
        "mail_access_text" => [
            "Open this link within an hour to see, download, change or erase what is held about your address:",
            "Öppna länken inom en timme för att se, ladda ner, ändra eller radera det som finns om din adress:",
            "Open deze link binnen een uur om te zien, downloaden, wijzigen of wissen wat over je adres bewaard wordt:",
        ],
        "mail_change_subject" => {
            ["Confirm your new address", "Bekräfta din nya adress", "Bevestig je nieuwe adres"]
        }
        "mail_change_text" => [
            "Confirm within 48 hours that reminders should go to this address from now on:",
            "Bekräfta inom 48 timmar att påminnelser ska gå till den här adressen från och med nu:",
            "Bevestig binnen 48 uur dat herinneringen voortaan naar dit adres gaan:",
        ],
        "week_of" => ["Week of", "Veckan som började", "Week van"],
        "whole_period" => ["Whole period", "Hela perioden", "Hele periode"],
        "responses" => ["Responses", "Svar", "Reacties"],
        "responses_per_week" => ["Responses per week", "Svar per vecka", "Reacties per week"],
        "responses_per_day" => ["Responses per day", "Svar per dag", "Reacties per dag"],
        "answered" => ["Answered", "Besvarad", "Beantwoord"],
        "mean" => ["Mean", "Medelvärde", "Gemiddelde"],
        "numbers" => ["The numbers", "Siffrorna", "De cijfers"],
        "answer" => ["Answer", "Svar", "Antwoord"],
        "most_chosen" => ["Most chosen", "Vanligast", "Meest gekozen"],
        "trend" => ["Week by week", "Vecka för vecka", "Week na week"],
        "hidden" => ["hidden", "dolt", "verborgen"],
        "hidden_note" => [
            "Fewer than {k} responses, or a number that would reveal such a group: hidden to protect anonymity.",
            "Färre än {k} svar, eller en siffra som skulle avslöja en sådan grupp: dolt för att skydda anonymiteten.",
            "Minder dan {k} reacties, of een getal dat zo'n groep zou onthullen: verborgen om de anonimiteit te beschermen.",
        ],
        "triad_legend" => [
            "The bigger the dot, the more people chose that mix. A dashed ring: hidden.",
            "Ju större punkt, desto fler valde den blandningen. En streckad ring: dolt.",
            "Hoe groter de stip, hoe meer mensen die mix kozen. Een gestippelde ring: verborgen.",
        ],
        "too_few_week" => [
            "Fewer than {k} people responded in this period, so its figures are not shown.",
            "Färre än {k} personer svarade under den här perioden, så dess siffror visas inte.",
            "Minder dan {k} mensen reageerden in deze periode, dus de cijfers worden niet getoond.",
        ],
        "report_title" => ["Final report", "Slutrapport", "Eindrapport"],
        "report_period" => ["{from} to {to}", "{from} till {to}", "{from} tot en met {to}"],
        "report_responses" => {
            ["{n} responses over {w} weeks", "{n} svar under {w} veckor", "{n} reacties in {w} weken"]
        }
        "report_responses_hidden" => [
            "Responses: hidden (fewer than {k})",
            "Svar: dolt (färre än {k})",
            "Reacties: verborgen (minder dan {k})",
        ],
        "report_generated" => {
            ["Generated {d} by tellpoint", "Skapad {d} av tellpoint", "Gemaakt op {d} door tellpoint"]
        }
        "report_key" => ["At a glance", "I korthet", "In één oogopslag"],
        "report_question" => ["Question", "Fråga", "Vraag"],
        "report_stands_out" => ["What stands out", "Det som sticker ut", "Wat opvalt"],
        "report_change" => ["First → last week", "Första → sista veckan", "Eerste → laatste week"],
        "report_by_question" => ["Question by question", "Fråga för fråga", "Vraag voor vraag"],
        "report_method" => ["Method", "Metod", "Methode"],
        "report_contents" => ["Contents", "Innehåll", "Inhoud"],
        "report_no_quotes" => {
            ["No quotes were approved.", "Inga citat godkändes.", "Er zijn geen citaten goedgekeurd."]
        }
        "report_no_figures" => [
            "No figures were released: no completed period had {k} responses or more.",
            "Inga siffror släpptes: ingen avslutad period hade {k} svar eller fler.",
            "Er zijn geen cijfers vrijgegeven: geen afgeronde periode had {k} reacties of meer.",
        ],
        "report_back" => ["Back to the dashboard", "Tillbaka till översikten", "Terug naar het dashboard"],
        "report_print" => [
            "Print this page (or save it as PDF) from your browser.",
            "Skriv ut sidan (eller spara den som PDF) från webbläsaren.",
            "Druk deze pagina af (of bewaar haar als pdf) vanuit je browser.",
        ],
        "report_language" => ["Report language", "Rapportens språk", "Taal van het rapport"],
        "report_page" => ["Page", "Sida", "Pagina"],
        "m_period" => ["Period", "Period", "Periode"],
        "m_period_text" => [
            "{from} to {to} (time zone {tz}).",
            "{from} till {to} (tidszon {tz}).",
            "{from} tot en met {to} (tijdzone {tz}).",
        ],
        "m_audience" => ["Audience", "Deltagare", "Deelnemers"],
        "m_audience_enrolled" => [
            "enrolled participants, reminded by mail.",
            "anmälda deltagare, påminda via e-post.",
            "aangemelde deelnemers, herinnerd per e-mail.",
        ],
        "m_audience_link" => [
            "anyone holding the campaign's link.",
            "alla som har kampanjens länk.",
            "iedereen met de link van de campagne.",
        ],
        "m_questionnaire" => ["Questionnaire", "Frågeformulär", "Vragenlijst"],
        "m_questionnaire_text" => {
            ["version {v}, {n} questions.", "version {v}, {n} frågor.", "versie {v}, {n} vragen."]
        }
        "m_threshold" => ["Anonymity threshold", "Anonymitetsgräns", "Anonimiteitsdrempel"],
        "m_threshold_text" => [
            "k = {k}. Any count of fewer than {k} responses is hidden, and so is any count from which such a group could be worked out (for example a total less the other shown parts).",
            "k = {k}. Varje antal under {k} svar är dolt, liksom varje antal som en sådan grupp skulle kunna räknas fram ur (till exempel en summa minus de andra visade delarna).",
            "k = {k}. Elk aantal van minder dan {k} reacties is verborgen, en ook elk aantal waaruit zo'n groep kan worden afgeleid (bijvoorbeeld een totaal min de andere getoonde delen).",
        ],
        "m_retention" => ["Retention", "Lagring", "Bewaartermijnen"],
        "m_retention_contacts" => [
            "contact addresses until {d} days after the end date; ",
            "kontaktadresser till {d} dagar efter slutdatumet; ",
            "contactadressen tot {d} dagen na de einddatum; ",
        ],
        "m_retention_text" => [
            "story texts {s} days after the campaign closes; quotes and weekly summaries {q} days; responses and these figures {r} days, when the whole campaign is erased, its keys first.",
            "berättelsetexter {s} dagar efter att kampanjen stängts; citat och veckosammanfattningar {q} dagar; svar och dessa siffror {r} dagar, då hela kampanjen raderas, dess nycklar först.",
            "verhalen {s} dagen nadat de campagne is gesloten; citaten en weekoverzichten {q} dagen; reacties en deze cijfers {r} dagen, waarna de hele campagne wordt gewist, de sleutels eerst.",
        ],
        "m_backups" => [
            " Backups are kept {d} days.",
            " Säkerhetskopior sparas {d} dagar.",
            " Back-ups worden {d} dagen bewaard.",
        ],
        "m_erased" => ["Erased so far", "Raderat hittills", "Tot nu toe gewist"],
        "m_erased_item" => ["{class} ({n}, on {d})", "{class} ({n}, den {d})", "{class} ({n}, op {d})"],
        "m_erased_none" => ["nothing yet.", "inget än.", "nog niets."],
        "m_protection" => {
            ["How anonymity was protected", "Hur anonymiteten skyddades", "Hoe de anonimiteit werd beschermd"]
        }
        "m_protection_text" => [
            "responses carry no name, address or identifier and are dated only to the {unit}; no IP addresses or device data were stored; contact addresses, where used for reminders, were kept apart from responses and sealed; stories were read only by moderators, and only quotes rewritten by a moderator{reviewed} appear here.",
            "svaren saknar namn, adress och identitetsuppgifter och dateras bara per {unit}; inga IP-adresser eller enhetsuppgifter sparades; kontaktadresser, där de användes för påminnelser, hölls åtskilda från svaren och förseglade; berättelser lästes bara av moderatorer, och bara citat omskrivna av en moderator{reviewed} visas här.",
            "reacties bevatten geen naam, adres of kenmerk en zijn alleen per {unit} gedateerd; er zijn geen IP-adressen of apparaatgegevens opgeslagen; contactadressen, waar gebruikt voor herinneringen, werden gescheiden van de reacties en verzegeld bewaard; verhalen werden alleen door moderatoren gelezen, en alleen citaten die een moderator herschreef{reviewed} staan hier.",
        ],
        "m_unit_week" => ["week", "vecka", "week"],
        "m_unit_day" => ["day", "dag", "dag"],
        "m_reviewed" => {
            [" and approved by a reviewer", " och godkända av en granskare", " en een beoordelaar goedkeurde"]
        }
        "class_contacts" => ["contacts", "kontakter", "contacten"],
        "class_stories" => ["stories", "berättelser", "verhalen"],
        "class_quotes" => ["quotes", "citat", "citaten"],
        "class_responses" => ["responses", "svar", "reacties"],
        "class_drafts" => ["drafts", "utkast", "concepten"],
        "class_threads" => ["threads", "trådar", "gesprekken"],
        "rows_omitted" => [
            "{n} other positions: chosen by nobody, or hidden.",
            "{n} andra lägen: valda av ingen, eller dolda.",
            "{n} andere posities: door niemand gekozen, of verborgen.",
        ],
        "n_responses" => ["{n} responses", "{n} svar", "{n} reacties"],
        "share_answered" => [
            "Share of the {n} who answered",
            "Andel av de {n} som svarade",
            "Aandeel van de {n} die antwoordden",
        ],
        "mail_summary_subject" => [
            "{title}: this week's summary",
            "{title}: veckans sammanfattning",
            "{title}: de samenvatting van deze week",
        ],
        "mail_summary_text" => [
            "What participants of {title} reported last week is now summarised: numbers that protect everyone's anonymity, and approved quotes.",
            "Det som deltagarna i {title} rapporterade förra veckan är nu sammanfattat: siffror som skyddar allas anonymitet, och godkända citat.",
            "Wat deelnemers aan {title} vorige week meldden, is nu samengevat: cijfers die ieders anonimiteit beschermen, en goedgekeurde citaten.",
        ],
        "mood_0" => ["very bad", "mycket dåligt", "heel slecht"],
        "mood_1" => ["bad", "dåligt", "slecht"],
        "mood_2" => ["neutral", "neutralt", "neutraal"],
        "mood_3" => ["good", "bra", "goed"],
        "mood_4" => ["very good", "mycket bra", "heel goed"],
        "summary_read" => [
            "Read what everyone reported, week by week",
            "Läs vad alla rapporterade, vecka för vecka",
            "Lees wat iedereen meldde, week na week",
        ],
        "summary_open" => ["Read the summary", "Läs sammanfattningen", "Lees de samenvatting"],
        "summary_title" => ["Weekly summaries", "Veckosammanfattningar", "Weekoverzichten"],
        "summary_intro" => [
            "What participants reported, week by week. Numbers of fewer than {k} responses are never shown, so that nobody can be recognised. Quotes are rewritten by a moderator.",
            "Det som deltagarna rapporterade, vecka för vecka. Siffror för färre än {k} svar visas aldrig, så att ingen kan kännas igen. Citaten är omskrivna av en moderator.",
            "Wat deelnemers meldden, week na week. Aantallen van minder dan {k} reacties worden nooit getoond, zodat niemand herkenbaar is. Citaten zijn herschreven door een moderator.",
        ],
        "summary_none" => [
            "No summary has been published yet. The first appears after the first week.",
            "Ingen sammanfattning är publicerad än. Den första kommer efter första veckan.",
            "Er is nog geen samenvatting gepubliceerd. De eerste verschijnt na de eerste week.",
        ],
        "quotes" => ["In their words", "Med deras ord", "In hun woorden"],
        "published" => ["Published", "Publicerad", "Gepubliceerd"],
        "notice_title" => ["Privacy notice", "Integritetsmeddelande", "Privacyverklaring"],
        "notice_link" => ["Privacy", "Integritet", "Privacy"],
        "notice_who_h" => ["Who is responsible", "Vem som är ansvarig", "Wie verantwoordelijk is"],
        "notice_who" => [
            "{controller} is responsible for the data of this campaign. Contact: {contact}.",
            "{controller} är personuppgiftsansvarig för den här kampanjens data. Kontakt: {contact}.",
            "{controller} is verantwoordelijk voor de gegevens van deze campagne. Contact: {contact}.",
        ],
        "notice_who_unset" => [
            "The organisation that invited you is responsible for the data of this campaign; ask it for its contact details.",
            "Organisationen som bjöd in dig är ansvarig för den här kampanjens data; fråga den om kontaktuppgifter.",
            "De organisatie die u uitnodigde is verantwoordelijk voor de gegevens van deze campagne; vraag haar om contactgegevens.",
        ],
        "notice_what_h" => ["What is collected", "Vad som samlas in", "Wat wordt verzameld"],
        "notice_answers" => [
            "Your answers to the questions, dated to the {period}.",
            "Dina svar på frågorna, daterade till {period}.",
            "Uw antwoorden op de vragen, gedateerd op de {period}.",
        ],
        "notice_stories" => [
            "What you write in your own words, stored encrypted. Only moderators read it; it is published only as a quote they rewrite.",
            "Det du skriver med egna ord, lagrat krypterat. Bara moderatorer läser det; det publiceras bara som ett citat som de skriver om.",
            "Wat u in eigen woorden schrijft, versleuteld opgeslagen. Alleen moderatoren lezen het; het wordt alleen gepubliceerd als een citaat dat zij herschrijven.",
        ],
        "notice_contact" => [
            "Your email address and language, only to send you reminders: stored encrypted, apart from your answers, and never linked to them.",
            "Din e-postadress och ditt språk, bara för att skicka påminnelser: lagrade krypterat, skilda från dina svar och aldrig kopplade till dem.",
            "Uw e-mailadres en taal, alleen om u herinneringen te sturen: versleuteld opgeslagen, los van uw antwoorden en er nooit aan gekoppeld.",
        ],
        "notice_not_h" => ["What is not collected", "Vad som inte samlas in", "Wat niet wordt verzameld"],
        "notice_not" => [
            "No IP address, no browser or device data, no time finer than the {period}, and no record of whether or when you answered.",
            "Ingen IP-adress, inga uppgifter om webbläsare eller enhet, ingen tid finare än {period}, och ingen uppgift om huruvida eller när du svarade.",
            "Geen IP-adres, geen browser- of apparaatgegevens, geen tijd fijner dan de {period}, en geen registratie van of en wanneer u antwoordde.",
        ],
        "period_day" => ["day", "dagen", "dag"],
        "period_week" => ["week", "veckan", "week"],
        "notice_why_h" => ["Why", "Varför", "Waarom"],
        "notice_why" => [
            "To see patterns in what people experience, never to judge a person. Figures about fewer than {k} responses, or figures from which such a group could be worked out, are never shown to anyone.",
            "För att se mönster i vad människor upplever, aldrig för att bedöma en person. Siffror om färre än {k} svar, eller siffror som en sådan grupp kan räknas fram ur, visas aldrig för någon.",
            "Om patronen te zien in wat mensen meemaken, nooit om een persoon te beoordelen. Cijfers over minder dan {k} reacties, of cijfers waaruit zo'n groep kan worden afgeleid, worden aan niemand getoond.",
        ],
        "notice_keep_h" => ["How long it is kept", "Hur länge det sparas", "Hoe lang het wordt bewaard"],
        "notice_keep_contacts" => [
            "Your email address: until {n} days after the campaign ends on {date}, or at once when you unsubscribe or ask for erasure.",
            "Din e-postadress: till {n} dagar efter att kampanjen slutar den {date}, eller direkt när du avregistrerar dig eller begär radering.",
            "Uw e-mailadres: tot {n} dagen na het einde van de campagne op {date}, of meteen wanneer u zich afmeldt of om verwijdering vraagt.",
        ],
        "notice_keep_stories" => [
            "Texts in your own words: {n} days after the campaign closes.",
            "Texter med egna ord: {n} dagar efter att kampanjen avslutats.",
            "Teksten in eigen woorden: {n} dagen na het sluiten van de campagne.",
        ],
        "notice_keep_quotes" => [
            "Quotes and weekly summaries: {n} days after the campaign closes.",
            "Citat och veckosammanfattningar: {n} dagar efter att kampanjen avslutats.",
            "Citaten en weekoverzichten: {n} dagen na het sluiten van de campagne.",
        ],
        "notice_keep_responses" => [
            "Answers and the figures made from them: {n} days after the campaign closes; then the whole campaign is erased.",
            "Svar och siffrorna som görs av dem: {n} dagar efter att kampanjen avslutats; sedan raderas hela kampanjen.",
            "Antwoorden en de cijfers die ervan worden gemaakt: {n} dagen na het sluiten van de campagne; daarna wordt de hele campagne gewist.",
        ],
        "notice_keep_threads" => [
            "Follow-up threads: {n} days after their last message, and at the latest with the whole campaign.",
            "Uppföljningstrådar: {n} dagar efter det senaste meddelandet, och senast tillsammans med hela kampanjen.",
            "Vervolggesprekken: {n} dagen na het laatste bericht, en uiterlijk samen met de hele campagne.",
        ],
        "notice_threads" => [
            "If you keep the receipt offered after responding: the messages you and the campaign's moderators write in its thread, dated to the day. The receipt itself is not kept, only a keyed fingerprint of it that leads to your response, never to you.",
            "Om du sparar kvittot som erbjuds efter svaret: meddelandena som du och kampanjens moderatorer skriver i dess tråd, daterade till dagen. Själva kvittot sparas inte, bara ett nyckelbaserat avtryck av det som leder till ditt svar, aldrig till dig.",
            "Als u het bewijs bewaart dat na het reageren wordt aangeboden: de berichten die u en de moderatoren van de campagne in het gesprek schrijven, gedateerd op de dag. Het bewijs zelf wordt niet bewaard, alleen een versleutelde vingerafdruk ervan die naar uw reactie leidt, nooit naar u.",
        ],
        "notice_erased" => [
            "Erased means erased: the encryption key of erased data is destroyed, so no copy of it can be read any more.",
            "Raderat betyder raderat: krypteringsnyckeln till raderade data förstörs, så ingen kopia kan läsas längre.",
            "Gewist is gewist: de versleutelingssleutel van gewiste gegevens wordt vernietigd, zodat geen kopie meer leesbaar is.",
        ],
        "notice_backups" => [
            "Backups are kept for {n} days. Data erased here can no longer be read in any backup from the next daily backup on, and is gone from the backups within {n} days.",
            "Säkerhetskopior sparas i {n} dagar. Data som raderas här kan inte längre läsas i någon säkerhetskopia från nästa dagliga säkerhetskopia, och är borta ur säkerhetskopiorna inom {n} dagar.",
            "Back-ups worden {n} dagen bewaard. Hier gewiste gegevens zijn vanaf de volgende dagelijkse back-up in geen enkele back-up meer leesbaar, en zijn binnen {n} dagen uit de back-ups verdwenen.",
        ],
        "notice_no_backups" => [
            "No scheduled backups are made, so erased data is kept in none.",
            "Inga schemalagda säkerhetskopior görs, så raderade data finns inte kvar i någon.",
            "Er worden geen geplande back-ups gemaakt, dus gewiste gegevens blijven nergens bewaard.",
        ],
        "notice_where_h" => ["Where the data is", "Var data finns", "Waar de gegevens zijn"],
        "notice_where" => [
            "On the organisation's own server ({host}). Nothing is passed to other services.",
            "På organisationens egen server ({host}). Inget lämnas vidare till andra tjänster.",
            "Op de eigen server van de organisatie ({host}). Niets wordt aan andere diensten doorgegeven.",
        ],
        "notice_where_mail" => [
            "Reminder mails are handed to the organisation's mail server, which delivers them.",
            "Påminnelser lämnas till organisationens e-postserver, som levererar dem.",
            "Herinneringen worden aan de mailserver van de organisatie gegeven, die ze bezorgt.",
        ],
        "notice_rights_h" => ["Your rights", "Dina rättigheter", "Uw rechten"],
        "notice_rights" => [
            "You may see, download, correct or erase what is held about your email address; every reminder also has a link to unsubscribe at once. Your answers cannot be shown or erased one by one: nothing links them to you.",
            "Du kan se, ladda ner, rätta eller radera det som finns om din e-postadress; varje påminnelse har också en länk för att avregistrera dig direkt. Dina svar kan inte visas eller raderas ett och ett: inget kopplar dem till dig.",
            "U kunt inzien, downloaden, corrigeren of wissen wat over uw e-mailadres is opgeslagen; elke herinnering heeft ook een link om u meteen af te melden. Uw antwoorden kunnen niet een voor een worden getoond of gewist: niets koppelt ze aan u.",
        ],
        "notice_rights_link" => [
            "See or erase what is held about your address",
            "Se eller radera det som finns om din adress",
            "Bekijk of wis wat over uw adres is opgeslagen",
        ],
        _ => return "(missing text)",
    };
    row[Lang::ALL.iter().position(|l| *l == lang).expect("every language has a column")]
}

/// The best offered language for an `Accept-Language` header; the first offered otherwise.
/// Whether `key` has words (for keys made from data, such as an erased class's name).
pub fn has(key: &str) -> bool {
    t(Lang::En, key) != key
}

/// A percentage as the reader writes it: "40%" in English, "40 %" in Swedish and Dutch
/// (with a no-break space).
pub fn percent(lang: Lang, v: f64) -> String {
    match lang {
        Lang::En => format!("{v:.0}%"),
        _ => format!("{v:.0}\u{a0}%"),
    }
}

/// A day and short month name in the reader's language: "30 Nov", "30 nov.", "30 nov.".
pub fn short_date(lang: Lang, date: jiff::civil::Date) -> String {
    const MONTHS: [[&str; 12]; 3] = [
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        ["jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."],
        ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."],
    ];
    let row = match lang {
        Lang::En => 0,
        Lang::Sv => 1,
        Lang::Nl => 2,
    };
    format!("{}\u{a0}{}", date.day(), MONTHS[row][date.month() as usize - 1])
}

/// A date with the full month and year: "30 November 2026", "30 november 2026".
pub fn long_date(lang: Lang, date: jiff::civil::Date) -> String {
    const MONTHS: [[&str; 12]; 3] = [
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ],
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ];
    let row = match lang {
        Lang::En => 0,
        Lang::Sv => 1,
        Lang::Nl => 2,
    };
    format!("{} {} {}", date.day(), MONTHS[row][date.month() as usize - 1], date.year())
}

pub fn negotiate(accept: &str, offered: &[Lang]) -> Lang {
    let mut wanted: Vec<(f32, &str)> = accept
        .split(',')
        .filter_map(|part| {
            let mut it = part.trim().split(';');
            let tag = it.next()?.trim();
            let q = it.find_map(|p| p.trim().strip_prefix("q=")?.parse::<f32>().ok()).unwrap_or(1.0);
            Some((q, tag))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
    wanted
        .iter()
        .filter(|(q, _)| *q > 0.0)
        .find_map(|(_, tag)| {
            let primary = tag.split('-').next()?.to_ascii_lowercase();
            offered.iter().copied().find(|l| l.code() == primary)
        })
        .unwrap_or(offered.first().copied().unwrap_or(Lang::En))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_prefers_quality_then_offer() {
        let offered = [Lang::En, Lang::Sv, Lang::Nl];
        assert_eq!(negotiate("sv-SE,sv;q=0.9,en;q=0.8", &offered), Lang::Sv);
        assert_eq!(negotiate("de, nl;q=0.5, en;q=0.4", &offered), Lang::Nl);
        assert_eq!(negotiate("fr", &[Lang::Sv, Lang::En]), Lang::Sv);
        assert_eq!(negotiate("", &offered), Lang::En);
    }
}
