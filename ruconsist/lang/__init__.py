"""What ruconsist knows of Russian and Chinese: scripts, numerals, dates,
names.  Nothing here imports the checks or the engine."""

#: How messages and reports name the two languages.
LANG_NAME = {"ru": "RU", "zh": "ZH"}
