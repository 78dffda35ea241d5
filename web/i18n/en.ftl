# tellpoint in English: the words of every page and mail.
# Variables are written { $name }; keep them, move them where the sentence needs them.
# This file is the reference: every other language has exactly its keys (a test checks).

## About the language itself
language-name = English
# How numbers group thousands: comma, dot, space (a no-break space) or none.
number-grouping = comma
decimal-separator = .
percent = { $n }%
month-short = { $m ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
month-long = { $m ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
# { $day } is the day of the month, { $month } month-short or month-long.
date-short = { $day } { $month }
date-long = { $day } { $month } { $year }


## Pages, mails and charts

submit = Send
save = Save and continue later
required = required
optional = optional
dont_know = Don't know
since = Counted from questionnaire version { $v } on: the question's meaning changed then.
no_longer_offered = no longer offered
yes = Yes
no = No
problem = There is a problem
problem_intro = Some answers need a look. Nothing was sent yet.
err_required = Please answer this question.
err_choice = Choose one of the options.
err_max_picks = Too many choices.
err_range = Choose a value in the range.
err_slider = Give a number from 0 to 100.
err_slider_required = Please answer this question: move the slider to where it fits, or choose a step.
err_triad = Give three whole numbers from 0 to 100 that add up to 100.
err_story_long = This text is too long.
triad_hint = Divide 100 points between the three: how much of each fits what happened?
slider_hint = 0 is fully the left side, 100 fully the right side.
slider_none = No answer
slider_unset = not set: move the slider to answer
slider_clear = Remove my answer
max_picks = Choose at most
max_chars = At most { $n } characters
thanks_title = Thank you
receipt_title = Want an answer? Keep this receipt
receipt_intro = With this receipt you can read and answer what the campaign's moderators write about your response. They do not know who you are, and the receipt does not tell them.
receipt_label = Your receipt
receipt_lost = Write it down or take a picture of it now. This page shows it only once: if you lose it, you lose the thread, and nobody can recover it, not even the staff.
receipt_keep = Keep it to yourself: whoever has it can read the thread.
receipt_when = You will get no mail or message about replies, so that nothing links you to your response: look again in a few days, and after a week.
receipt_open = Open your thread
f_title = Your follow-up thread
f_intro = Type the receipt you were given after sending your response.
f_receipt = Receipt (30 digits)
f_open = Open
f_wrong = This receipt does not open a thread. Check the digits and try again.
f_slow_title = Too many tries
f_slow = This connection tried many receipts in a short time. Wait a minute, then try again.
f_story = What you wrote
f_story_gone = Your response had no story, or its story is no longer kept.
f_thread = Messages
f_none = Nobody has written yet. You can write first, or look again later.
f_you = You
f_staff = Staff
f_write = Your message
f_send = Send message
f_sent = Your message was sent.
f_empty = Write a message before sending.
f_too_long = Keep your message under 4,000 characters.
f_unsent = Your message was not sent. Here it is, to copy if you want to keep it:
f_too_fast = Many messages came from this connection in a short time. Wait a minute and send again: your message is still here.
f_closed = This thread is closed: you can read it, but no longer write in it.
f_kept = This thread is erased { $n } days after its last message, and at the latest with its campaign.
f_leave = Close this page when you are done, especially on a shared device.
thanks_text = Your answers were received. They are stored without your name, address or the time of day.
closed_title = This campaign is closed
closed_text = It no longer takes answers. Thank you for wanting to take part.
ended_title = This campaign has ended
ended_text = It no longer takes answers. Thank you for wanting to take part.
not_yet_title = Not open yet
not_yet_text = This campaign does not take answers yet. Please come back later.
language = Language
saved_title = Saved for later
saved_text = Your answers so far are saved, locked with a code that only you have. Keep the link or write down the twelve words: nobody can look them up for you. The saved answers are deleted after this many days:
saved_link = Continue later with this link
saved_words = Or type these twelve words at
resume_title = Continue a saved form
resume_label = The twelve words of your code
resume_button = Continue
resume_bad = These are not twelve words of a code. Check each word and try again.
resume_unknown = No saved form has this code. Check the words; a form that was sent is no longer saved.
resume_expired = This saved form has expired and its answers were deleted. You can start the form again.
start_again = Start the form
question_of = Question
honeypot = Leave this field empty
enrol_title = Get reminders
enrol_text = Enter your email address to get reminders with your personal link. The address is kept sealed, used only for these reminders, and never linked to your answers.
email_label = Email address
enrol_button = Sign me up
err_address_empty = Enter your email address.
err_address_bad = Enter an email address such as name@example.org.
check_title = Check your mail
check_text = If this address can take part, a mail with a confirmation link is on its way. The link works for 48 hours. No mail? Look in the spam folder, or ask the organiser whether your address is on their list.
confirm_title = Confirm your enrolment
confirm_button = Confirm
enrolled_title = You are enrolled
enrolled_text = You will get reminders with your personal link. Keep it to yourself: it opens a fresh form each time. You can use it now:
open_form = Open the form
link_invalid_title = This link does not work
link_invalid_text = It is unknown, already used or expired. Start again from the beginning.
too_many_title = Too many requests
too_many_text = This connection sent many forms in a short time. Wait a minute and try again.
enrolled_only_title = Personal links only
enrolled_only_text = This campaign takes answers through the personal links in its reminder mails.
enrol_here = Not enrolled yet? Sign up here
ticket_refused_title = This form cannot be sent
ticket_refused_text = It was sent already, it was opened more than a day ago, it did not come from a personal link, or this link has sent all the answers it may send today. Nothing was stored. Open your personal link again for a fresh form, tomorrow if need be.
unsub_title = Stop reminders
unsub_text = Stop the reminders and delete your enrolment and address at once?
unsub_button = Unsubscribe
unsub_done_title = You are unsubscribed
unsub_done_text = Your enrolment and address were deleted. You get no more reminders.
privacy_title = Your data
privacy_text = Enter your email address. We send a link, valid for one hour, to a page that shows everything held about it, where you can download it, change the address or erase it all.
privacy_button = Send me the link
privacy_sent_text = If anything is held about this address, a mail with a link is on its way. The link works for one hour.
privacy_sent_text_phone = If anything is held about this number, a text with a link is on its way. The link works for one hour.
privacy_contact_label = Email address or mobile number
rights_title = What is held about you
rights_intro = Your answers are not here: they are stored without any link to you, so nobody can find them by your address.
col_campaign = Campaign
col_address = Address
col_status = Status
col_enrolled = Enrolled on
status_pending = not confirmed
status_active = receives reminders
status_inactive = paused: mail was refused
allow_lists = Your address is on the allow-list of:
download = Download as JSON
change_title = Change address
new_address = New email address
change_button = Send a confirmation to the new address
change_sent = A confirmation link was sent to the new address. The change happens when you open it.
change_taken = That address is already enrolled in one of these campaigns.
changed_title = Address changed
changed_text = Reminders now go to the new address.
change_title_number = Change number
new_address_number = New mobile number
change_button_number = Text a confirmation to the new number
change_sent_number = A confirmation link was texted to the new number. The change happens when you open it.
change_taken_number = That number is already enrolled in one of these campaigns.
changed_title_number = Number changed
changed_text_number = Reminders now go to the new number.
erase_title = Erase everything
erase_text = Deletes your enrolments and address at once and removes your address from allow-lists. Reminders stop.
erase_confirm = Yes, erase my addresses and enrolments now
erase_confirm_missing = Tick the box to confirm the erasure; nothing was erased.
rights_intro_number = Your answers are not here: they are stored without any link to you, so nobody can find them by your number.
col_address_number = Number
allow_lists_number = Your number is on the allow-list of:
erase_text_number = Deletes your enrolments and number at once and removes your number from allow-lists. Reminders stop.
erase_confirm_number = Yes, erase my number and enrolments now
erased_title = Erased
erased_text = Everything held about your address was deleted.
nothing_held = Nothing is held about this address.
your_data = Your data and rights
mail_confirm_subject = Confirm: reminders for { $title }
mail_confirm_text = Someone, hopefully you, asked for reminders for { $title } at this address. Confirm within 48 hours with this link:
mail_not_you = Not you? Ignore this mail: without confirmation nothing more is sent.
mail_already_subject = Your personal link for { $title }
mail_already_text = You are already enrolled in { $title }. Your personal link opens a fresh form:
mail_reminder_subject = Time for { $title }
mail_reminder_text = How did it go? Tell us with your personal link. Your answer is stored without your name or address, and nobody learns whether you answered.
mail_unsub = Stop these reminders:
mail_access_subject = Your data in tellpoint
mail_access_text = Open this link within an hour to see, download, change or erase what is held about your address:
mail_change_subject = Confirm your new address
mail_change_text = Confirm within 48 hours that reminders should go to this address from now on:
week_of = Week of
whole_period = Whole period
responses = Responses
responses_per_week = Responses per week
responses_per_day = Responses per day
answered = Answered
mean = Mean
numbers = The numbers
answer = Answer
most_chosen = Most chosen
trend = Week by week
hidden = hidden
hidden_note = Fewer than { $k } responses, or a number that would reveal such a group: hidden to protect anonymity.
triad_legend = The bigger the dot, the more people chose that mix. A dashed ring: hidden.
too_few_week = Fewer than { $k } people responded in this period, so its figures are not shown.
report_title = Final report
report_period = { $from } to { $to }
report_responses = { $n } responses over { $w } weeks
report_responses_hidden = Responses: hidden (fewer than { $k })
report_generated = Generated { $d } by tellpoint
report_key = At a glance
report_question = Question
report_stands_out = What stands out
report_change = First → last week
report_by_question = Question by question
report_method = Method
report_contents = Contents
report_no_quotes = No quotes were approved.
report_no_figures = No figures were released: no completed period had { $k } responses or more.
report_back = Back to the dashboard
report_print = Print this page (or save it as PDF) from your browser.
report_language = Report language
report_page = Page
m_period = Period
m_period_text = { $from } to { $to } (time zone { $tz }).
m_audience = Audience
m_audience_enrolled = enrolled participants, reminded by mail.
m_audience_link = anyone holding the campaign's link.
m_questionnaire = Questionnaire
m_questionnaire_text = version { $v }, { $n } questions.
m_threshold = Anonymity threshold
m_threshold_text = k = { $k }. Any count of fewer than { $k } responses is hidden, and so is any count from which such a group could be worked out (for example a total less the other shown parts).
m_retention = Retention
m_retention_contacts = contact addresses until { $d } days after the end date;
m_retention_text = story texts { $s } days after the campaign closes; quotes and weekly summaries { $q } days; responses and these figures { $r } days, when the whole campaign is erased, its keys first.
m_backups = Backups are kept { $d } days.
m_erased = Erased so far
m_erased_item = { $class } ({ $n }, on { $d })
m_erased_none = nothing yet.
m_protection = How anonymity was protected
m_protection_text = responses carry no name, address or identifier and are dated only to the { $unit }; no IP addresses or device data were stored; contact addresses, where used for reminders, were kept apart from responses and sealed; stories were read only by moderators, and only quotes rewritten by a moderator{ $reviewed } appear here.
m_unit_week = week
m_unit_day = day
m_reviewed = and approved by a reviewer
class_contacts = contacts
class_stories = stories
class_quotes = quotes
class_responses = responses
class_drafts = drafts
class_threads = threads
rows_omitted = { $n } other positions: chosen by nobody, or hidden.
n_responses = { $n ->
    [one] { $n } response
   *[other] { $n } responses
}
share_answered = Share of the { $n } who answered
mail_summary_subject = { $title }: this week's summary
mail_summary_text = What participants of { $title } reported last week is now summarised: numbers that protect everyone's anonymity, and approved quotes.
mood_0 = very bad
mood_1 = bad
mood_2 = neutral
mood_3 = good
mood_4 = very good
summary_read = Read what everyone reported, week by week
summary_open = Read the summary
summary_title = Weekly summaries
summary_intro = What participants reported, week by week. Numbers of fewer than { $k } responses are never shown, so that nobody can be recognised. Quotes are rewritten by a moderator.
summary_none = No summary has been published yet. The first appears after the first week.
quotes = In their words
published = Published
notice_title = Privacy notice
notice_link = Privacy
notice_who_h = Who is responsible
notice_who = { $controller } is responsible for the data of this campaign. Contact: { $contact }.
notice_who_unset = The organisation that invited you is responsible for the data of this campaign; ask it for its contact details.
notice_what_h = What is collected
notice_answers = Your answers to the questions, dated to the { $period }.
notice_stories = What you write in your own words, stored encrypted. Only moderators read it; it is published only as a quote they rewrite.
notice_contact = Your email address and language, only to send you reminders: stored encrypted, apart from your answers, and never linked to them.
notice_phone = Your mobile number and language, only to text you reminders: stored encrypted, apart from your answers, never linked to them, and erased at once when you reply STOP or unsubscribe.
notice_not_h = What is not collected
notice_not = No IP address, no browser or device data, no time finer than the { $period }, and no record of whether or when you answered.
period_day = day
period_week = week
notice_why_h = Why
notice_why = To see patterns in what people experience, never to judge a person. Figures about fewer than { $k } responses, or figures from which such a group could be worked out, are never shown to anyone.
notice_keep_h = How long it is kept
notice_keep_contacts = Your email address: until { $n } days after the campaign ends on { $date }, or at once when you unsubscribe or ask for erasure.
notice_keep_phone = Your mobile number: until { $n } days after the campaign ends on { $date }, or at once when you reply STOP or unsubscribe.
notice_keep_stories = Texts in your own words: { $n } days after the campaign closes.
notice_keep_quotes = Quotes and weekly summaries: { $n } days after the campaign closes.
notice_keep_responses = Answers and the figures made from them: { $n } days after the campaign closes; then the whole campaign is erased.
notice_keep_threads = Follow-up threads: { $n } days after their last message, and at the latest with the whole campaign.
notice_threads = If you keep the receipt offered after responding: the messages you and the campaign's moderators write in its thread, dated to the day. The receipt itself is not kept, only a keyed fingerprint of it that leads to your response, never to you.
notice_erased = Erased means erased: the encryption key of erased data is destroyed, so no copy of it can be read any more.
notice_backups = Backups are kept for { $n } days. Data erased here can no longer be read in any backup from the next daily backup on, and is gone from the backups within { $n } days.
notice_no_backups = No scheduled backups are made, so erased data is kept in none.
notice_where_h = Where the data is
notice_where = On the organisation's own server ({ $host }). Nothing is passed to other services.
notice_where_mail = Reminder mails are handed to the organisation's mail server, which delivers them.
notice_where_text = Reminder texts are handed to the organisation's SMS gateway, which passes them to your mobile operator.
notice_rights_h = Your rights
notice_rights = You may see, download, correct or erase what is held about your email address; every reminder also has a link to unsubscribe at once. Your answers cannot be shown or erased one by one: nothing links them to you.
notice_rights_link = See or erase what is held about your address
answers_too_many_title = Too many answers
answers_too_many_text = This connection sent many answers in a short time. Wait a minute and send again: your answers are still in the form when you go back.

## The admin panel
skip-to-content = Skip to content
footer-tagline = tellpoint — staff see patterns, never persons.
nav-label = Staff
nav-home = Home
nav-campaigns = Campaigns
nav-staff = Staff
nav-mail = Mail
nav-audit = Audit log
nav-erasure = Erasure log
nav-password = Password
nav-sign-out = Sign out
role-owner = owner
role-analyst = analyst
role-moderator = moderator
role-reviewer = reviewer
status-draft = draft
status-open = open
status-closed = closed
status-ended = ended
home-title = Admin
home-hello = Hello, { $name }
home-role = You are signed in as { $role }.
home-campaigns-what = questionnaires, schedules, enrolment.
home-staff-what = invite people, set roles, disable accounts, reset authenticators.
home-audit-what = every staff action, chained so edits show.
home-password = Change your password
home-sessions = Where you are signed in
home-campaigns = Campaigns
home-language = Language of the admin panel
home-language-browser = As my browser
home-language-save = Save
link-dashboard = Dashboard
link-report = Final report
link-stories = Stories
link-threads = Follow-up threads
link-threads-unread = { $n ->
    [one] Follow-up threads (1 with a new message)
   *[other] Follow-up threads ({ $n } with a new message)
}
link-quotes = Quotes
link-summaries = Summaries
cert-title = The TLS certificate could not be renewed
cert-since = Since { $since } the certificate authority has not issued a new certificate:
cert-valid = The current certificate stays in use; it is valid until { $until }.
cert-placeholder = Browsers are shown a self-signed certificate until the first one arrives.
cert-retry = tellpoint tries again at { $at }.
weekday = { $d ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
}
date-weekday = { $weekday } { $day } { $month }
dash-title = Dashboard
dash-heading = { $title }: dashboard
dash-k = Anonymity threshold k = { $k }. Each period's figures are decided once, when it is released, and every page, summary and export shows the same numbers. A number that would let someone work out a group of fewer than { $k }, or the answer of nearly everyone in a group, is hidden.
dash-csv = Download figures (CSV)
dash-raw = Raw answers (owner)
dash-split-by = Split by “{ $question }”
dash-no-split = (no split)
dash-show = Show
dash-no-groups = No released period has two groups of at least { $k } yet.
dash-split-heading = { $period }, split by “{ $question }”
dash-joined = Smaller groups are joined together, so every group has at least { $k } responses.
dash-none = No figures are released yet.
dash-next-campaign = Figures are released once, for the whole campaign, the day after it ends ({ $end }).
dash-next-weeks = Only completed weeks are shown. The figures up to { $upto } appear on { $on } (a week with fewer than { $k } responses joins the next one); the whole campaign appears the day after it ends ({ $end }).
stories-title = Stories
stories-heading = { $title }: stories
stories-intro = Newest day first. Highlighted words may be personal data: they are found automatically and only highlighted; you decide. The story itself is never changed: a quote is a new text.
stories-excluded = { $n ->
    [one] 1 excluded story is not shown.
   *[other] { $n } excluded stories are not shown.
}
stories-question = question { $id }
stories-highlighted = { $n } highlighted
stories-write-quote = Write a quote
stories-from-day = from the story of { $day }
stories-thread = Follow-up thread
stories-thread-with = with the respondent of { $day }
stories-mark-handled = Mark handled
stories-exclude = Exclude for good
stories-exclude-what = The story will never be shown again to anyone, and no quote can be written from it. Its answers still count in the figures.
stories-exclude-confirm = Yes, exclude this story for good
stories-waiting = { $n ->
        [0] No story waits for moderation.
        [one] 1 story waits for moderation.
       *[other] { $n } stories wait for moderation.
    }
stories-quoted = { $n ->
        [one] 1 quote
       *[other] { $n } quotes
    }
quotes-waiting = { $n ->
        [0] No quote waits for a reviewer.
        [one] 1 quote waits for a reviewer.
       *[other] { $n } quotes wait for a reviewer.
    }
stories-none = No stories yet.
stories-terms = Words to watch for
stories-terms-label = Names, places and team names to highlight, one per line
stories-terms-hint = Kept sealed with the campaign's key; only moderators see them highlighted.
stories-terms-save = Save the list
mark-handled = handled
mark-excluded = excluded

## The campaign page
camp-status = Status
camp-version = questionnaire version { $v }
camp-frozen = has responses: edits make version { $next }
camp-public-link = Public link
camp-open = Open for responses
camp-close = Close
camp-close-what = Closing ends the campaign for good: nobody can answer any more, the final figures are released, and retention starts counting.
camp-close-confirm = Yes, close this campaign
camp-ended-on = its end date was { $date }
camp-reopen-what = Reopening lets people answer again until the new end date. It is possible until the final figures are released.
camp-reopen-until = New end date
camp-reopen = Reopen
confirm-missing = Tick the box to confirm; nothing was changed.
camp-preview = Preview the form as participants see it
camp-preview-lang = Participants see, in
camp-preview-hint = The title and introduction above the form, as you type them; save to keep them.
camp-nav = This campaign
camp-erase = Erase this campaign now…
camp-questions = Questions
camp-sections = Sections of this page
camp-sec-details = Details and dates
camp-sec-figures = Figures and anonymity
camp-sec-audience = Audience and reminders
camp-sec-moderation = Moderation and follow-up
camp-sec-retention = Retention
camp-move-up = Move question { $n } up
camp-move-down = Move question { $n } down
camp-delete-q = Delete question { $n }
camp-up = Up
camp-down = Down
camp-move-to = Move to
camp-move-to-label = New position of question { $n }
camp-delete = Delete
camp-delete-confirm = Yes, delete question { $n }
camp-no-questions = No questions yet.
camp-add-kind = Add a question of kind
camp-add = Add
camp-settings = Settings
camp-not-saved = The settings were not saved
camp-languages = Languages offered
camp-languages-hint = Each text below is asked for in every language offered; save to get the fields of a language you add.
camp-text-optional = (optional; once given, in every language)
text-title = Title
text-intro = Introduction above the form
text-thanks = Thank-you text after sending
text-mail_subject = Reminder mail subject
text-mail_intro = Opening of the reminder mail
text-summary_intro = Introduction of the weekly summaries
text-hint-mail_subject = Empty: “Time for” and the title, in each participant's language.
text-hint-thanks = Shown after the standard thank-you words, on the page after sending.
text-hint-summary_intro = Shown above the summaries, after the standard words about anonymity.
camp-start = Start date
camp-end = End date
camp-tz = Time zone
camp-tz-hint = An IANA name such as Europe/Stockholm; responses are dated in it.
camp-dated = Responses are dated to the
camp-dated-day = day
camp-dated-week = week (safer for small groups)
camp-k = Anonymity threshold k
camp-k-hint = Groups smaller than this are never shown. At least 3.
camp-results = Figures are released
camp-results-hint = Only finished periods are ever shown, each decided once. Week by week gives a pulse; for the whole campaign gives larger groups, so a split shows more.
camp-results-weekly = week by week, and for the whole campaign when it ends
camp-results-campaign = only for the whole campaign, when it ends
camp-breakdown = Split figures by
camp-breakdown-hint = A single-choice or yes/no question, such as a department. Each released period can then be shown group by group; groups smaller than k are joined.
camp-audience = Who may respond
camp-audience-link = anyone with the link
camp-audience-enrolled = only enrolled participants, through their reminder links
camp-reminders = Reminders to enrolled participants
camp-reminders-hint = On these days at the local time below (in the campaign's time zone), from the start date to the end date. Everyone active is reminded: tellpoint keeps no record of who responded, so it cannot remind only those who have not.
camp-remind-at = Local time of the reminder (HH:MM)
camp-reviewer = A reviewer must approve each quote before it can be published (reviewers can veto, with a reason)
camp-follow-up = Follow-up
camp-follow-up-offer = Offer each respondent a receipt that opens an anonymous thread with the campaign's moderators
camp-notify = Mail this address when threads have unread messages
camp-notify-hint = Once a day at 08:00 in the campaign's time zone, never at the moment a respondent writes: the mail says how many threads wait, never what they say. Empty: no mail.
camp-summaries = Weekly summaries for participants
camp-summaries-hint = Each ended week's summary waits on the summaries page, where staff preview it as participants will see it and publish it.
camp-summaries-moderators = Moderators may preview and publish summaries too (not only the owner)
camp-summaries-auto = Publish each week's summary automatically, without a preview
camp-summaries-day = on the following
camp-summaries-at = at local time (HH:MM)
camp-summaries-mail = Mail enrolled participants when a summary is out
camp-retention = Retention (days; empty: the instance's default)
camp-retention-hint = Shortening a period erases data already older than it at the next erasure run.
camp-keep-contacts = Participants' contact data, after the end date (default { $d })
camp-keep-stories = Story texts, after closing (default { $d })
camp-keep-quotes = Quotes and summaries, after closing (default { $d })
camp-keep-responses = Responses and figures, after closing; then the campaign is erased (default { $d })
camp-save = Save settings
camp-next-sends = Next reminders
camp-enrolment = Enrolment
camp-mail-off = Mail is off: set smtp.host and smtp.from in the configuration, or confirmation mails and reminders wait in the outbox.
camp-enrol-link = Enrolment link
camp-participants = Participants: { $active } active, { $pending } not yet confirmed, { $inactive } paused after refused messages. Addresses and numbers are never shown.
camp-allow = Allow-list
camp-allow-count = { $n ->
    [one] One address may enrol
   *[other] { $n } addresses may enrol
}; any other address gets the same page and no mail.
camp-allow-none = { $numbers ->
    [yes] No allow-list: any address or number may enrol.
   *[no] No allow-list: any address may enrol.
}
camp-allow-hashes = The list is stored as keyed hashes only.
camp-allow-refused = The allow-list was not changed
camp-allow-addresses = { $numbers ->
    [yes] Addresses or mobile numbers, one per line (or CSV rows)
   *[no] Addresses, one per line (or CSV rows)
}
camp-allow-file = { $numbers ->
    [yes] Or a CSV file (any column with addresses or numbers)
   *[no] Or a CSV file (any column with addresses)
}
camp-allow-these = { $numbers ->
    [yes] These addresses and numbers
   *[no] These addresses
}
camp-allow-add = are added to the list
camp-allow-replace = replace the whole list
camp-allow-save = Save the allow-list
camp-allow-remove = { $numbers ->
    [yes] Remove one address or number
   *[no] Remove one address
}
camp-allow-not-there = { $kind ->
    [number] That number is not on the allow-list.
   *[address] That address is not on the allow-list.
}
camp-allow-removed = { $kind ->
    [number] The number was removed from the allow-list.
   *[address] The address was removed from the allow-list.
}
camp-allow-remove-what = { $numbers ->
    [yes] Type the address or mobile number to remove.
   *[no] Type the address to remove, such as name@example.org.
}
camp-allow-not-utf8 = The file is not UTF-8 text: save it as CSV (UTF-8) and upload it again.
camp-allow-line-file = The file, line { $n }: { $numbers ->
    [yes] no email address or mobile number
   *[no] no email address
} in “{ $text }”.
camp-allow-line-pasted = Pasted list, line { $n }: { $numbers ->
    [yes] no email address or mobile number
   *[no] no email address
} in “{ $text }”.
camp-allow-count-both = { $addresses ->
    [one] One address
   *[other] { $addresses } addresses
} and { $numbers ->
    [one] one mobile number
   *[other] { $numbers } mobile numbers
} may enrol; anyone else gets the same page, and no mail or text.
camp-allow-count-mixed = { $n ->
    [one] One address or number may enrol
   *[other] { $n } addresses and numbers may enrol
}; anyone else gets the same page, and no mail or text.
camp-allow-count-numbers = { $n ->
    [one] One mobile number may enrol
   *[other] { $n } mobile numbers may enrol
}; any other number gets the same page and no text.
camp-remove = Remove
camp-import-export = Import and export
camp-export = Export the questionnaire as JSON
camp-import-refused = The import was refused
camp-import-json = Questionnaire JSON (replaces the current questions)
camp-import = Import
camp-cannot-open = The campaign cannot open yet.
camp-text-missing = { $text } is missing in { $language }.
kind-scale = scale
kind-single = single choice
kind-multi = multiple choice
kind-mood = mood
kind-slider = slider
kind-triad = triangle
kind-yesno = yes/no
kind-story = story
day-mon = Monday
day-tue = Tuesday
day-wed = Wednesday
day-thu = Thursday
day-fri = Friday
day-sat = Saturday
day-sun = Sunday

## The question builder
q-edit = Edit question
q-new = New question
q-back = Back to { $title }
q-not-saved = The question was not saved
q-changes = This edit changes what the question means
q-changes-text = If you save it, the question's results start afresh from the next version: the answers so far stay in the figures and exports as they are, marked as before the change, and are not added to the new ones. Wording, translations, added options and a new order keep the results together.
q-confirm-break = I understand: start this question's results afresh
q-prompt = Question
q-help = Help text (optional)
q-required = An answer is required
q-min = Lowest value (0 or 1)
q-max = Highest value (2 to 11)
q-low = Label of the lowest value (optional)
q-high = Label of the highest value (optional)
q-dont-know = Offer “don't know”
q-options = Options, one per line
q-max-picks = At most this many picks (empty: no limit)
q-left = Left pole (0)
q-right = Right pole (100)
q-pole1 = First pole
q-pole2 = Second pole
q-pole3 = Third pole
q-max-len = Longest story, in characters
q-mood-text = Participants pick one of five moods, from very bad to very good, shown as faces with words.
q-save = Save question
q-err-missing = missing
q-err-too-long = at most { $n } characters
q-err-range = a whole number from { $min } to { $max }
q-err-line = , line { $n }
kind-scale-what = A number from low to high, such as 1 to 5, with words at the ends if you like.
kind-single-what = Pick one of a few options.
kind-multi-what = Pick any of a few options, up to a limit you may set.
kind-mood-what = Five faces from very bad to very good.
kind-slider-what = A point between two opposite words, from 0 to 100; it may be left unanswered.
kind-triad-what = Share 100 points between three things, on a triangle or as three numbers.
kind-yesno-what = Yes or no.
kind-story-what = Free text in the participant's own words; moderated before anyone quotes it.

## Quotes and stories
quotes-heading = { $title }: quotes
quotes-approval = Quotes need a reviewer's approval; only approved quotes appear in summaries and the report.
quotes-no-approval = Quotes are approved when written; only approved quotes appear in summaries and the report.
quote-proposed = proposed
quote-approved = approved
quote-vetoed = vetoed
quote-withdrawn = withdrawn
quotes-veto-reason = Reason for the veto
quotes-approve = Approve
quotes-reason = Reason for a veto
quotes-veto = Veto
quotes-withdraw = Withdraw
quotes-withdraw-what = A withdrawn quote is never published again; published summaries keep what they showed.
quotes-withdraw-confirm = Yes, withdraw this quote
quotes-this = this quote
quotes-none = No quotes yet.
story-back = Back to the stories
story-heading = The story ({ $day })
story-quote = The quote
story-quote-hint = Starts from the story with highlighted words replaced by placeholders such as [name]. Shorten it, remove anything that could point to a person.
story-quote-review = A reviewer approves or vetoes it before it can be published.
story-quote-direct = It can be published as soon as you save it.
story-propose = Propose the quote
story-save = Save the quote
## The campaign list
campaigns-caption = All campaigns, newest first
campaigns-dates = Dates
campaigns-none = No campaigns yet.
campaigns-new = New campaign
campaigns-create = Create draft

## Signing in
login-title = Staff sign-in
login-username = Username
login-password = Password
login-continue = Continue
code-title = Authenticator code
code-intro = Type the 6-digit code your authenticator app shows, or one of your recovery codes.
code-label = Code
code-sign-in = Sign in
code-cancel = Cancel

## Staff accounts
staff-caption = Staff accounts
staff-role = Role
staff-state = State
staff-actions = Actions
staff-role-of = Role of { $name }
staff-set-role = Set role
staff-disabled = disabled
staff-active = active
staff-must-enrol = must enrol authenticator
staff-enable = Enable
staff-disable = Disable
staff-reset-mfa = Reset authenticator
staff-disable-confirm = Yes, disable { $name } and end their sessions
staff-reset-mfa-confirm = Yes, remove the authenticator of { $name }
staff-invite = Invite someone
staff-invites = Invites not used yet
staff-invites-caption = Links that can still create an account
staff-invited-by = Invited by
staff-invite-until = Works until
staff-invite-started = { $name } has started setting up
staff-invite-revoke = Revoke
staff-invites-none = No invite is waiting.
staff-invite-gone = That invite is already used, revoked or expired.
flash-invite-revoked = The invite is revoked: its link no longer works.
staff-invite-text = You get a one-time link to pass on (valid 7 days). The person chooses their own username and password.
staff-reviewer-does = sees quotes proposed for publication and can veto them.
staff-moderator-does = reads stories, writes quotes, answers follow-up threads.
staff-analyst-does = sees dashboards and exports aggregates; never raw stories.
staff-owner-does = everything, plus campaigns, staff and settings.
staff-create-invite = Create invite link
pw-current = Current password
pw-code = Code from your authenticator app
pw-new = New password
pw-hint = At least 12 characters.
pw-again = New password again
pw-change = Change password
sessions-ended = You are signed out everywhere else.
sessions-intro = Each line is a browser signed in to your account. Changing your password also signs out all but this one.
sessions-signed-in = Signed in
sessions-last-used = Last used
sessions-this = This browser
sessions-end-others = Sign out everywhere else

## Mail, audit and erasure
mail-server = SMTP server
mail-host = Host and port
mail-security = Security
mail-login = Login
mail-password-set = password set
mail-password-unset = password not set
mail-no-login = none
mail-from = Sender address
mail-rate = Rate
mail-rate-value = at most { $n } mails per second
mail-off = Mail is off: smtp.host is empty. Mails wait in the outbox until it is set.
mail-from-config = These come from the configuration file or TELLPOINT_SMTP__* variables; change them there and restart.
mail-delivery = Delivery
mail-counts = Queued: { $queued } · sent: { $sent } · retries after temporary failures: { $deferred } · refused permanently and dropped: { $rejected } · participants paused after three refusals: { $paused } · dropped on unsubscribe: { $dropped }
mail-at-least-once = Delivery is at least once: after a crash, a mail the server had just accepted may be sent again.
mail-sender-name = Sender name
mail-sender-label = Name shown as the sender
mail-test = Send a test mail
mail-test-failed = The test mail was not sent
mail-test-to = Send to
mail-test-send = Send test mail
audit-ok = The chain of { $n } entries verifies: none was altered or removed.
audit-broken = The chain does not verify: an entry was altered or removed. For the first broken entry, run
audit-caption = Entries, newest first (page { $page } of { $pages })
audit-when = When
audit-who = Who
audit-action = Action
audit-subject = Subject
audit-pages = Pages
audit-newer = Newer
audit-older = Older
erasure-intro = What was erased, by class, campaign and day. Never contents. The erasure run also starts by itself every day at the configured time.
erasure-run = Run the erasure now
erasure-run-confirm = Yes, erase now everything whose retention has run out
erasure-day = Day
erasure-campaign = Campaign
erasure-class = Class
erasure-count = Count
erasure-none = Nothing has been erased yet.

## Follow-up threads, erasing a campaign
threads-heading = { $title }: follow-up threads
threads-intro = Newest message first; each is dated by its last message. A thread belongs to one response; nobody, you included, can tell who wrote it.
threads-off = Follow-up is off for this campaign:
threads-off-text = new respondents get no receipt.
threads-start = To start a thread, open a story with a receipt from the list of
thread-of = Thread of { $day }
thread-new = new message
thread-messages = { $n ->
    [one] 1 message
   *[other] { $n } messages
}
thread-closed = closed
threads-none = No threads yet.
thread-start = Start a follow-up thread
thread-all = All threads of { $title }
thread-story = The respondent's story
thread-no-story = The response has no story, or its story is erased.
thread-messages-h = Messages
thread-reply = Your reply
thread-reply-hint = Signed “Staff”, never with your name. Do not ask who they are.
thread-closed-hint = The thread is closed: the respondent can read your reply but not answer.
thread-send = Send the reply
thread-close = Close the thread
thread-reopen = Reopen the thread
thread-erased = The thread is erased { $n } days after its last message, and with the campaign.
erase-title = Erase { $title }
erase-heading = Erase “{ $title }” now
erase-undone = This cannot be undone.
erase-text = The campaign's data key and every participant's contact key are destroyed first, so its addresses, stories, quotes and saved drafts can no longer be read by anyone, from any copy. Then its responses, figures, summaries, participants, allow-list and queued mail are deleted, and the keyring file is rewritten without the destroyed keys. The erasure log records what was erased, never contents.
erase-backups = Backups taken before now still hold the campaign, sealed under the destroyed key; they leave as backups rotate.
erase-type = Type the title, “{ $title }”, to confirm
erase-now = Erase the campaign now
erase-back = Back to the campaign
report-later = The report comes after the campaign closes
report-later-text = { $title } is { $status }. The final report is made from every week's figures once the campaign has ended (at its end date, or when the owner closes it); until then, the dashboard shows the figures so far:

## Accounts: setup, recovery codes, links
setup-title = Create your account
setup-owner = Create the owner account
setup-staff = Create your staff account
setup-owner-text = The owner manages campaigns, staff and settings of this tellpoint.
setup-invited = You were invited as { $role }.
setup-steps = Step 1 of 2: choose a username and password. Step 2: set up your authenticator app.
setup-username-hint = 2 to 32 characters: letters a–z, digits, dot, underscore or hyphen.
setup-password-hint = At least 12 characters. A few unrelated words make a good password.
setup-password-again = Password again
recovery-title = Your recovery codes
recovery-heading = Keep these recovery codes
recovery-text = Your authenticator is set up. If you lose your phone, each of these codes lets you sign in once instead of a code from the app. They are shown only now: print them or write them down, and keep them somewhere safe.
recovery-sign-in = Continue to sign in
reset-title = Set up a new authenticator
reset-text = An owner reset the authenticator of the account { $name }. Enter its password to set up a new one. This link works once.
invite-title = Invite link
invite-heading = Invite link for a new { $role }
invite-text = Pass this link on to the person, by a channel you trust. It works once and for { $n } days. It is shown only now.
invite-back = Back to staff
mfa-reset-title = Authenticator reset
mfa-reset-heading = The authenticator of { $name } is reset
mfa-reset-text = { $name } is signed out everywhere, and their password alone no longer signs in. Hand them this link in person or by a channel you trust: with it and their password they set up a new authenticator. It works once and for { $n } hours, and is shown only now.
invalid-title = Link not valid
invalid-heading = This link is not valid
invalid-text = It was used already, replaced by a newer one, or has expired.
invalid-invite = An invite: ask an owner of this tellpoint for a new one.
invalid-setup = The owner setup link: for a fresh link, run on the server
landing-title = Welcome
landing-text = This tellpoint lets an organisation listen to its people anonymously. If you were sent a link to tell something, open that link: it leads to the right form.
landing-not-set-up = Not set up yet
landing-setup-text = No owner exists yet. The person installing tellpoint finds a one-time setup link in its log, or gets one by running

## Sign-in messages
login-denied = The username or password is not right, or this account cannot sign in.
login-bad-code = This code is not right, or was used already. Type the 6 digits your app shows now, or a recovery code.
login-needs-reset = An owner reset this account's authenticator. Open the link they gave you to set up a new one; your password alone no longer signs in.
login-too-many = Too many attempts. Wait { $wait } seconds, then try again.

## Summaries for staff
sum-heading = { $title }: weekly summaries
sum-where = Participants read them at
sum-auto = Each week's summary is published automatically on the following { $day } at { $at } (campaign time), without a preview.
sum-by-hand = A summary appears there only when you publish it here, after a preview.
sum-stays = A published summary stays as published; a withdrawn quote leaves it.
sum-ready = Ready to publish
sum-quotes = { $n ->
    [one] Publishing adds the approved quote not yet in a summary.
   *[other] Publishing adds the { $n } approved quotes not yet in a summary.
}
sum-no-quotes = No approved quote is waiting: a summary published now has figures only.
sum-too-few = fewer than { $k }: the summary says so in one line, without figures
sum-preview = Preview
sum-publish = Publish
sum-none-waiting = No ended period is waiting.
sum-running = The week from { $from } is still under way; its summary can be previewed and published from { $on }. (Figures of a week still running would give away the answers that come after them.)
sum-period-from = Period from
sum-none-yet = None yet.
sum-preview-title = Preview, not published.
sum-preview-text = This is the summary of { $period } exactly as participants will see it, with the quotes publishing would add. Switch the language to check each version.
sum-publish-this = Publish this summary
sum-back = Back to summaries

## Problems with the campaign settings ({ $text } is the field's name)
set-languages = Offer at least one language.
set-title = Give the campaign a title.
set-date = Give a date as YYYY-MM-DD.
set-end-before = The end date must not be before the start date.
set-time-zone = { $tz } is not a known time zone; use a name such as Europe/Stockholm.
set-granularity = Choose day or week.
set-k = Give a whole number of at least { $min }.
set-audience = Choose who may respond.
set-summary-day = Choose the weekday summaries are published on.
set-summary-at = Give the time summaries are published as HH:MM, e.g. 09:00.
set-days = Give a number of days from 1 to 3650, or leave it empty for the default.
set-notify = Give one email address such as team@example.org, or leave it empty for no mail.
set-results = Choose whether figures come week by week or for the whole campaign.
set-too-long = { $text } in { $language }: keep it to { $most } characters.
set-one-line = { $text } in { $language }: keep it to one line.
set-remind-day = { $day } is not a day; pick days from the list.
set-remind-at = Give the time of day as HH:MM, e.g. 15:30.
set-breakdown = Choose a single-choice or yes/no question of this campaign to split by, or no split.

## Error pages
err-code = Error { $status }
err-back = Back to the start page
err-400-title = Bad request
err-400-text = The request could not be understood. Go back and try again.
err-403-title = Not allowed
err-403-text = You are not allowed to do this. If you think you should be, ask an owner of this tellpoint, or reload the form and try again.
err-404-title = Not found
err-404-text = There is nothing at this address. Check the link you followed.
err-405-title = Not allowed here
err-405-text = This address does not accept that kind of request.
err-408-title = Too slow
err-408-text = What you sent took too long to arrive. Check your connection and send it again.
err-409-title = Not possible now
err-409-text = This cannot be done in the current state. Reload the page to see where things stand.
err-413-title = Too large
err-413-text = What you sent is larger than tellpoint accepts. Shorten it and try again.
err-422-title = Check your input
err-422-text = Something you entered could not be used. Go back and correct it.
err-429-title = Too many attempts
err-429-text = Wait a little and try again.
err-503-title = Unavailable
err-503-text = tellpoint cannot serve this right now. Try again shortly.
err-500-title = Something went wrong
err-500-text = tellpoint could not complete this request. Nothing you sent was lost on our side; try again, and if it keeps happening tell the people who run this tellpoint.
err-other-title = Error
err-other-text = This request could not be completed.

## Account problems
acct-password-short = Use at least 12 characters. A few unrelated words make a good password.
acct-password-long = Use at most 128 characters.
acct-password-differ = The two passwords differ. Type the same password twice.
acct-password-repeated = This password is one character repeated. Choose a few unrelated words instead.
acct-password-guessable = This password is too easy to guess: it is a known leaked password or built from a common word, name, sequence or date. A few unrelated words make a good one.
acct-username = Use 2 to 32 characters: letters a–z, digits, dot, underscore or hyphen.
acct-username-taken = This username is taken. Choose another.
acct-code-wrong = This code is not right. Type the 6 digits your app shows now.
acct-current-wrong = The current password is not right.
acct-code-used = This code is not right, or was used already. Wait for the next one.
acct-last-owner-role = This is the last owner. Make someone else owner first.
acct-last-owner-disable = This is the last owner and cannot be disabled.
acct-disable-self = You cannot disable your own account: you would be signed out with nobody told why. Ask another owner, or make someone else owner first.
acct-reset-password-wrong = This password is not right for the account the link is for.

acct-username-taken-meanwhile = This username was taken meanwhile. Open the link again and choose another.
camp-refused-title = Give a title of 1 to 120 characters.
camp-refused-no-questions = Add at least one question before opening the campaign.
camp-refused-order = A campaign goes from draft to open to ended or closed; an ended or closed campaign can only be reopened.
camp-refused-closed-questionnaire = A closed campaign's questionnaire cannot change.
camp-reopen-end = Choose a new end date: today or later, and not before the start date.
camp-reopen-released = Its final figures are already released: answers added now could be told apart by comparing figures. Start a new campaign instead (export and import the questionnaire).
camp-reopen-erased = Its stories or responses are already being erased on schedule; it cannot take answers again.
flash-opened = The campaign is open.
flash-closed = The campaign is closed.
flash-reopened = The campaign is open again.
flash-saved = Settings saved.
flash-story-excluded = The story is excluded for good.
flash-story-handled = The story is marked handled.
flash-quote-withdrawn = The quote is withdrawn.
flash-question-deleted = The question is deleted.
flash-erasure-run = The erasure has run; the log below says what it erased.
flash-staff-saved = The account is changed.
flash-language = The language of your admin panel is saved.
flash-question-saved = The question is saved.
flash-question-moved = The question is moved.
flash-imported = The questionnaire is imported.
flash-campaign-erased = The campaign is erased.
flash-sender-saved = The sender name is saved.
flash-allow-list-saved = The allow-list is saved.
flash-terms-saved = The words to watch for are saved.
flash-quote-reviewed = Your decision on the quote is saved.
flash-summary-published = The summary is published.
flash-reply-sent = Your reply is sent.
flash-thread-saved = The thread is updated.
home-responses = Responses in released weeks
home-last-period = { $period }: { $n }
home-none-released = No week released yet: a week's figures appear once it has ended with at least the anonymity threshold of answers.
home-stories = Stories to moderate
home-quotes-review = Quotes waiting for a reviewer
home-quotes = Quotes
home-threads = Unread threads
home-summaries = Summaries waiting to be published
home-summary-auto = published automatically on { $day } at { $at }
home-next-reminder = Next reminder: { $at }
home-next-erasure = Next erasure: { $what } on { $date }
home-erase-contacts = participants' addresses
home-erase-stories = story texts
home-erase-quotes = quotes
home-erase-responses = responses
home-first-campaign = Create your first campaign
story-flagged = The quote still holds words that may identify someone. Replace them, or tick the ones you keep on purpose.
story-flagged-legend = Words that may identify someone
story-flagged-hint = Keep a word only when it identifies nobody (a public place, a subject, a role).
story-keep = Keep “{ $word }”
flash-quote-written = The quote is saved.

## The audit log
audit-act-audit-pruned = Pruned the audit log
audit-act-campaign-allow-list-added = Added addresses to the allow-list
audit-act-campaign-allow-list-removed = Removed an address from the allow-list
audit-act-campaign-allow-list-replaced = Replaced the allow-list
audit-act-campaign-closed = Closed the campaign
audit-act-campaign-created = Created the campaign
audit-act-campaign-erased = Erased the campaign
audit-act-campaign-opened = Opened the campaign
audit-act-campaign-reopened = Reopened the campaign
audit-act-campaign-settings-changed = Changed the settings
audit-act-erasure-run = Ran the erasure
audit-act-export-raw = Downloaded the raw responses
audit-act-invite-accepted = Accepted an invite
audit-act-invite-created = Created an invite
audit-act-invite-revoked = Revoked an invite
audit-act-login-failed = Failed to sign in
audit-act-login-ok = Signed in
audit-act-login-recovery-code-used = Signed in with a recovery code
audit-act-mail-from-name = Changed the sender name
audit-act-mfa-enrolled = Set up an authenticator
audit-act-mfa-reset-link-used = Used an authenticator reset link
audit-act-moderation-terms-changed = Changed the words to watch for
audit-act-password-change-failed = Failed to change the password
audit-act-password-changed = Changed the password
audit-act-questionnaire-changed = Changed the questions
audit-act-quote-approved = Approved a quote
audit-act-quote-proposed = Proposed a quote
audit-act-quote-vetoed = Vetoed a quote
audit-act-quote-withdrawn = Withdrew a quote
audit-act-sessions-ended = Signed out everywhere else
audit-act-staff-disabled = Disabled an account
audit-act-staff-enabled = Enabled an account
audit-act-staff-mfa-reset = Reset an authenticator
audit-act-staff-role-changed = Changed a role
audit-act-story-excluded = Excluded a story
audit-act-story-handled = Marked a story handled
audit-act-summary-published = Published a summary
audit-act-thread-closed = Closed a thread
audit-act-thread-reopened = Reopened a thread
audit-act-thread-replied = Replied in a thread
audit-erased-campaign = an erased campaign
poll-ended = Your session has ended, so new messages no longer appear. What you typed is kept: after you sign in again, open this thread and it is back in the box.
poll-sign-in = Sign in again
mail-news-subject = Follow-up threads wait for an answer: { $title }
mail-news-text = { $n ->
        [one] 1 follow-up thread of { $title } has a message nobody has read yet.
       *[other] { $n } follow-up threads of { $title } have a message nobody has read yet.
    } This mail holds none of their content, by design: sign in to read them.
mail-news-link = Open the threads
mail-news-after = This address gets this mail once a day while threads wait; change it in the campaign's settings.
mail-test-subject = tellpoint test mail
mail-test-text = This is a test mail from tellpoint: the mail settings work.
mail-test-link = Open the admin panel
mail-test-address = Enter the address to send the test mail to, such as you@example.org.
mail-test-accepted = The mail server accepted the test mail. Check that it arrived.
nav-sms = Texts
sms-gateway = SMS gateway
sms-provider = Gateway
sms-from = Sender
sms-rate-value = at most { $n } texts a second
sms-cap = Monthly cap
sms-cap-value = { $n } texts a month
sms-no-cap = none
sms-price = Price per text segment
sms-no-price = not set
sms-region = Country of numbers typed without a country code
sms-off = Texts are off: set sms.enabled = true and the [sms] settings in the configuration file.
sms-from-config = These settings come from the configuration file ([sms]); change them there and restart.
sms-test = Send a test text
sms-test-to = Mobile number
sms-test-send = Send the test text
sms-test-text = A test text from tellpoint: texts work.
sms-test-accepted = The gateway accepted the text to { $number }. Check that it arrived.
sms-test-failed = The text was not sent
sms-number-bad = This is not a phone number. Type it with its country code (+46 70 123 45 67) or as a number in { $region }.
sms-number-not-mobile = This number cannot get texts: give a mobile number.
sms-err-credentials = The gateway refused the username or password: check sms.username and sms.password.
sms-err-number = The gateway will not send to this number: check that it is a mobile number in a country your account covers.
sms-err-credit = The account is out of credit: top it up at the provider.
sms-err-down = The gateway cannot be reached: check that it runs and that sms.url is right. Texts wait and are sent when it is back.
sms-err-refused = The gateway refused the text; its answer is below.

## Text messages
phone_label = Mobile number
phone_hint = For a text with a link on reminder days. Only used for that, and erased when you unsubscribe (reply STOP).
enrol_or = or
err_phone_empty = Enter your mobile number.
err_phone_bad = Enter a mobile number such as { $national } or { $international }.
err_phone_not_mobile = This number cannot get texts: enter a mobile number.
err_contact_empty = Enter your email address or your mobile number.
check_phone_title = Check your phone
check_phone_text = If this number can enrol, a text with a confirmation link is on its way. Nothing arrives? Check the number and try again.
sms-confirm = { $title }: confirm your enrolment: { $link }
sms-already = { $title }: your personal link: { $link }
sms-access = tellpoint: what is held about your number: { $link } (works for one hour)
sms-change = tellpoint: confirm your new number for reminders: { $link }
sms-reminder = { $title }: how did it go? { $link } Stop: reply STOP or { $stop }
set-contact = Choose how participants are reached: email, text message or both.
set-phone-region = Type the country as two letters, such as SE or NL, or leave it empty.
camp-contact = How enrolled participants are reached
camp-contact-email = By email
camp-contact-phone = By text message (SMS)
camp-contact-both = Either: each participant chooses
camp-contact-off = Texts are off in this installation ([sms] in the configuration): participants are asked for an email address.
camp-phone-region = Country of mobile numbers typed without a country code
camp-phone-region-hint = Two letters, such as SE, NL, FI or BE. Empty: { $region }, as the installation is set up. Numbers typed with + and their country code are read as typed.
camp-text-sample = A reminder text as participants get it (links at their real length):
camp-text-segments = { $chars } characters, { $encoding }: { $n ->
        [one] 1 SMS
       *[other] { $n } SMS segments
    }
sms-month = This month
sms-month-sent = { $n ->
    [one] One text sent so far
   *[other] { $n } texts sent so far
}, { $segments ->
    [one] one segment.
   *[other] { $segments } segments.
}
sms-month-cost = About { $cost } { $currency }.
sms-projected = At this pace, { $n ->
    [one] one text
   *[other] { $n } texts
} by the end of the month.
sms-capped = The monthly cap of { $cap } texts is reached: texts wait in the outbox until next month, or until the cap (sms.monthly_cap) is raised and tellpoint restarted.
sms-counts = Since the start: { $sent } delivered to the gateway, { $deferred } retried later, { $rejected } refused.
sms-reports = Delivery reports on this month's texts: delivered to the phone { $delivered }, not delivered { $failed }, not reported yet { $awaiting }, never reported (within a week) { $unreported }.
sms-reports-off = Delivery reports are off: they need sms.incoming_token, which the report address carries.
