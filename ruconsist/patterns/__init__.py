"""Paired pattern rules: a Russian and a Chinese regular expression whose
matches must answer each other across an aligned segment.

A rule pack's ``patterns:`` section is a list of rules (schema in
``docs/rules.md``)::

    patterns:
      - id: article-ref
        description: an article reference keeps its number
        ru: '(?:ст\\.|статья)\\s*(?P<n>\\d+)'
        zh: '第(?P<n>[0-9〇零一二两三四五六七八九十百千]+)条'
        captures: {n: number}
        direction: ru->zh          # ru->zh | zh->ru | both (default)
        count: each                # each (default) | any
        scope: all                 # all (default) | titles | body
        paths: ['news/**']         # only files matching one glob
        severity: error
        expect: {zh: '第{n}条'}
        message: "RU '{found}' needs 第{n:zh}条 in ZH"
        code: PAT001
        examples: {pass: [...], fail: [...]}

This module validates and compiles the section (every error names the
pack file and line, with "did you mean" for misspelt keys and values),
compares captures, and pairs the matches of one segment.  The check that
reports findings is :mod:`ruconsist.checks.patterns`.

Matching semantics
  * With both patterns, each match on a *source* side (RU for ``ru->zh``,
    ZH for ``zh->ru``, both sides for ``both``) needs a match on the other
    side whose shared captures are equal.  ``count: each`` gives every
    match its own counterpart (two RU ``ст. 5`` need two ZH ``第五条``), as
    Okapi CheckMate does; ``count: any`` is satisfied by one.
  * A named group present in both patterns is compared, as ``text``
    unless ``captures`` says ``number`` or ``term``.  A group that took no
    part in one of the two matches is not compared: to require a value,
    make the group compulsory in the pattern.
  * A ``number`` capture that is not a number, or a ``term`` capture that
    names no term of the loaded packs, makes its match not count at all
    (so ``(?P<n>\\w+) пленум`` may be liberal: ``расширенный пленум`` is
    simply not a numbered plenum).
  * With one pattern only, every match is a finding ("never write X").

Timeouts
  The searches of one rule in one side of a segment share the rule's
  ``timeout`` (seconds, default 0.5; reading the captures is not
  counted).  A search stopped by it is reported as one PAT002 finding (severity
  error, so the run exits 1) naming the pack file and the pattern's line,
  and the rule is switched off for the rest of the run.  It is a finding
  rather than a fatal :class:`~ruconsist.errors.RuleError` because it
  depends on the text as much as on the rule: the other files and rules
  of the run still deserve their findings, and the exit code still fails
  CI.  A pattern that does not compile, or that matches the empty string,
  is a :class:`~ruconsist.errors.RuleError` when the pack loads.  A rule
  whose searches each stay under the timeout is stopped the same way when
  it has spent its budget for the run (see
  :func:`ruconsist.checks.patterns.run_budget`).

The package, in reading order: :mod:`.rule` (the compiled rule),
:mod:`.captures` (capture values and their comparison), :mod:`.parsing`
(the pack section to rules), :mod:`.matching` (matches and their
pairing), :mod:`.messages` (what a finding says).
"""

from __future__ import annotations

from ruconsist.packschema import CAPTURE_KINDS, DEFAULT_CODE, DEFAULT_TIMEOUT, TIMEOUT_CODE
from ruconsist.patterns.captures import (
    PLAIN_NUMBER,
    ROMAN,
    ROMAN_LOOKALIKES,
    CaptureValue,
    TermKey,
    capture_key,
    keys_equal,
    normalize_text,
    number_value,
    roman_value,
    to_chinese,
    to_roman,
)
from ruconsist.patterns.matching import (
    Finding,
    Match,
    PatternTimeout,
    counterparts,
    differences,
    evaluate,
    find_matches,
    pair_matches,
    path_allowed,
    run_rule,
    sources_admit,
)
from ruconsist.patterns.messages import (
    expected_text,
    message_for,
    render,
)
from ruconsist.patterns.parsing import (
    Prefilter,
    effective_patterns,
    parse_pattern,
    parse_patterns,
    prefilter,
    rule_codes,
)
from ruconsist.patterns.rule import (
    CAPTURE_SPECS,
    FLAGS,
    ID_RE,
    MESSAGE_FIELDS,
    TITLE_KINDS,
    PatternRule,
)

__all__ = [
    "CAPTURE_KINDS",
    "CAPTURE_SPECS",
    "CaptureValue",
    "DEFAULT_CODE",
    "DEFAULT_TIMEOUT",
    "FLAGS",
    "Finding",
    "ID_RE",
    "MESSAGE_FIELDS",
    "Match",
    "PLAIN_NUMBER",
    "PatternRule",
    "PatternTimeout",
    "Prefilter",
    "ROMAN",
    "ROMAN_LOOKALIKES",
    "TIMEOUT_CODE",
    "TITLE_KINDS",
    "TermKey",
    "capture_key",
    "counterparts",
    "differences",
    "effective_patterns",
    "evaluate",
    "expected_text",
    "find_matches",
    "keys_equal",
    "message_for",
    "normalize_text",
    "number_value",
    "pair_matches",
    "parse_pattern",
    "parse_patterns",
    "path_allowed",
    "prefilter",
    "render",
    "roman_value",
    "rule_codes",
    "run_rule",
    "sources_admit",
    "to_chinese",
    "to_roman",
]
