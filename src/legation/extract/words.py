"""Word lists shared by the rules: function words and common words that are never part of a name.

In all-caps cable text every word is capitalised, so name rules stop at these instead of at a
lower-case letter.
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset("""
a an the this that these those his her its their our my your he she it they we i you him them us
and or but nor so yet if then than as at by for from in into of on onto to with within without
about above across after against along among around before behind below beneath beside between
beyond during except inside near off out outside over past since through throughout till toward
towards under until up upon via per regarding concerning including following according
is are was were be been being am has have had do does did will would shall should may might must
can could not no yes also only just very too more most less least all any both each few many much
other some such own same again further once here there when where why how what which who whom whose
""".split())

COMMON_WORDS = FUNCTION_WORDS | frozenset("""
said says say told tell asked ask noted note added add stated state reported report explained explain
stressed stress agreed agree expressed hoped hope believe believes believed think thinks thought
delivered deliver signed sign met meet meeting meetings visit visited discuss discussed discussion
new old first second third last next final other former current recent senior deputy
government governments ministry official officials source sources side sides country countries
embassy post department office section officer officers delegation delegations team
comment comments summary end begin action request requests information note notes
protect accordingly please see paragraph para ref refs reftel septel subject tags classified
reason reasons message cable this also however meanwhile therefore thus still even well
year years month months week weeks day days today time times date
issue issues process progress matter matters question questions plan plans project
security political economic military nuclear foreign public national international regional
""".split())

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
