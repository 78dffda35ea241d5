//! The participant-facing words of tellpoint in each language it offers. Staff pages are
//! in English.

use crate::questionnaire::Lang;

/// The text for `key` in `lang`; unknown keys show as themselves so a gap is visible.
pub fn t(lang: Lang, key: &str) -> &'static str {
    let row: [&'static str; 3] = match key {
        "submit" => ["Send", "Skicka", "Versturen"],
        "save" => ["Save and continue later", "Spara och fortsätt senare", "Opslaan en later verdergaan"],
        "required" => ["required", "obligatorisk", "verplicht"],
        "optional" => ["optional", "frivillig", "optioneel"],
        "dont_know" => ["Don't know", "Vet inte", "Weet ik niet"],
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
        _ => return "(missing text)",
    };
    row[Lang::ALL.iter().position(|l| *l == lang).expect("every language has a column")]
}

/// The best offered language for an `Accept-Language` header; the first offered otherwise.
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
