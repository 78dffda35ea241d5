# A fourth language for the tests only: Finnish, partly translated (the rest falls back to
# English), to show that a language is one more file.

language-name = Suomi
number-grouping = space
decimal-separator = ,
percent = { $n } %
month-short = { $m ->
    [1] tammik.
    [2] helmik.
    [3] maalisk.
    [4] huhtik.
    [5] toukok.
    [6] kesäk.
    [7] heinäk.
    [8] elok.
    [9] syysk.
    [10] lokak.
    [11] marrask.
   *[12] jouluk.
}
month-long = { $m ->
    [1] tammikuuta
    [2] helmikuuta
    [3] maaliskuuta
    [4] huhtikuuta
    [5] toukokuuta
    [6] kesäkuuta
    [7] heinäkuuta
    [8] elokuuta
    [9] syyskuuta
    [10] lokakuuta
    [11] marraskuuta
   *[12] joulukuuta
}
date-short = { $day }. { $month }
date-long = { $day }. { $month } { $year }

submit = Lähetä
required = pakollinen
optional = vapaaehtoinen
yes = Kyllä
no = Ei
dont_know = En tiedä
skip = En halua vastata

# Two words of the admin panel, to show a staff page in the language too.
nav-home = Etusivu
home-hello = Hei, { $name }
